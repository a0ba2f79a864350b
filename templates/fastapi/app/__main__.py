"""Entry point: `python -m app`. Refuses to start on invalid configuration (exit code 2)."""

import inspect
import json
import sys

import uvicorn

from .main import create_app
from .settings import SettingsError, load_settings

GRACEFUL_SHUTDOWN_SECONDS = 20


def main() -> None:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(json.dumps({"level": "error", "message": "invalid configuration", "error": str(exc)}), file=sys.stderr)
        raise SystemExit(2)
    options = {"host": settings.host, "port": settings.port, "log_config": None, "access_log": False, "proxy_headers": True}
    # uvicorn drains in-flight requests on SIGTERM; newer releases also bound how long that may take.
    if "timeout_graceful_shutdown" in inspect.signature(uvicorn.Config.__init__).parameters:
        options["timeout_graceful_shutdown"] = GRACEFUL_SHUTDOWN_SECONDS
    uvicorn.run(create_app(settings), **options)


if __name__ == "__main__":
    main()
