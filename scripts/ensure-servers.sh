#!/usr/bin/env bash
# Makes sure the Debian packages the generated-project checks use are installed: PostgreSQL
# (migrations, end-to-end run), RabbitMQ (end-to-end run), nginx (`nginx -t` on gateway configs)
# and Python's FastAPI/uvicorn/grpcio (importing and starting FastAPI services, serving their gRPC
# port). The checks start their own throwaway servers on loopback; this script only installs.
# Missing pieces make the checks that need them fail with a message, so say clearly what could not
# be installed.
set -euo pipefail

declare -A probe=(
  [postgresql]="ls /usr/lib/postgresql/*/bin/initdb"
  [rabbitmq-server]="test -x /usr/sbin/rabbitmq-server"
  [nginx]="test -x /usr/sbin/nginx"
  [python3-fastapi]="/usr/bin/python3 -c 'import fastapi'"
  [python3-uvicorn]="/usr/bin/python3 -c 'import uvicorn'"
  [python3-grpcio]="/usr/bin/python3 -c 'import grpc'"
  [python3-venv]="/usr/bin/python3 -c 'import ensurepip'"
)
missing=()
for pkg in "${!probe[@]}"; do
  if ! eval "${probe[$pkg]}" >/dev/null 2>&1; then missing+=("$pkg"); fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "Servers for generated-project checks: all installed."
  exit 0
fi
IFS=$'\n' missing=($(sort <<<"${missing[*]}")); unset IFS
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing Debian packages for the generated-project checks: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages for the generated-project checks: ${missing[*]}…"
log="$(mktemp -t ensure-servers.XXXXXX.log)"
# Package scripts must not start system services: the checks run their own instances.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1; fi
status=0
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1 || status=$?
[ "$created_policy" -eq 1 ] && rm -f "$policy"
if [ "$status" -ne 0 ]; then
  echo "apt-get could not install: ${missing[*]}. Last lines of ${log}:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
rm -f "$log"
echo "Installed: ${missing[*]}"
