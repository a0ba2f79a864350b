"""Configuration from environment variables, validated at startup: the service refuses to start on bad config."""

import os
from typing import Dict, Mapping, Optional, Tuple

from pydantic import BaseModel, Field, SecretStr, ValidationError

LOG_LEVELS = ("debug", "info", "warn", "warning", "error", "critical")


class SettingsError(Exception):
    """Configuration is missing or invalid; the message names the environment variables."""


class Settings(BaseModel):
    """Every setting of this service; secrets are SecretStr so they never appear in logs or reprs."""

{{fields}}


#: The environment variable each setting is read from.
ENV: Dict[str, str] = {{envMap}}

#: Settings without a default: the service does not start without them.
REQUIRED: Tuple[str, ...] = {{required}}

#: URL settings and the schemes each accepts.
URL_SCHEMES: Dict[str, Tuple[str, ...]] = {{urlSchemes}}


def _plain(value: object) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """Reads settings from `environ` (default: the process environment); raises SettingsError naming every problem."""
    env = os.environ if environ is None else environ
    missing = sorted(ENV[attr] for attr in REQUIRED if not env.get(ENV[attr]))
    if missing:
        raise SettingsError("missing required environment variable(s): " + ", ".join(missing))
    values = {attr: env[name] for attr, name in ENV.items() if env.get(name)}
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            attr = str(error["loc"][0]) if error.get("loc") else "?"
            problems.append(f"{ENV.get(attr, attr)}: {error['msg']}")
        raise SettingsError("invalid environment variable(s): " + "; ".join(problems)) from None
    problems = []
    if settings.log_level.lower() not in LOG_LEVELS:
        problems.append(f"LOG_LEVEL: expected one of {', '.join(LOG_LEVELS)}")
    for attr, schemes in URL_SCHEMES.items():
        value = _plain(getattr(settings, attr))
        if not any(value.startswith(scheme) for scheme in schemes):
            problems.append(f"{ENV[attr]}: expected a URL starting with {' or '.join(schemes)}")
    if problems:
        raise SettingsError("invalid environment variable(s): " + "; ".join(problems))
    return settings
