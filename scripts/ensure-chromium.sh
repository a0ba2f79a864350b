#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists, installing Debian's package when possible.
# Playwright's own browser download is never used: point CHROMIUM_PATH at any Chromium instead.
set -euo pipefail

DEFAULT_PATH=/usr/bin/chromium
CHROMIUM="${CHROMIUM_PATH:-$DEFAULT_PATH}"

install_hint() {
  cat >&2 <<MSG

The end-to-end tests need a Chromium at ${CHROMIUM}, and none was found.
Install one, for example:
  Debian:         sudo apt-get update && sudo apt-get install -y chromium fonts-liberation
  Fedora:         sudo dnf install -y chromium
  Arch:           sudo pacman -S chromium
Or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g.
  CHROMIUM_PATH=/path/to/chrome npm test
To skip the browser tests locally: SKIP_E2E=1 npm test
(Do not run 'npx playwright install': this project uses the system Chromium.)
MSG
}

if [ ! -x "$CHROMIUM" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [ "$CHROMIUM_PATH" != "$DEFAULT_PATH" ]; then
    echo "CHROMIUM_PATH is set to '${CHROMIUM_PATH}', but no executable is there." >&2
    install_hint
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the end-to-end tests…"
    log="$(mktemp -t ensure-chromium.XXXXXX.log)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation; } >"$log" 2>&1; then
      echo "Installing chromium with apt-get failed. Last lines of ${log}:" >&2
      tail -n 30 "$log" >&2
      install_hint
      exit 1
    fi
    rm -f "$log"
    if [ ! -x "$CHROMIUM" ]; then
      echo "apt-get installed chromium, but ${CHROMIUM} still does not exist." >&2
      install_hint
      exit 1
    fi
  else
    install_hint
    exit 1
  fi
fi

# Debian's launcher script may print harmless shell warnings on stderr; keep only the version.
if ! version="$("$CHROMIUM" --version 2>/dev/null)" || [ -z "$version" ]; then
  echo "${CHROMIUM} exists but 'chromium --version' failed; the installation looks broken." >&2
  install_hint
  exit 1
fi
version="$(printf '%s' "$version" | tr -s ' ' | sed 's/ *$//')"
echo "Using ${version} (${CHROMIUM})"
