"""The FastAPI application: middleware, routes, error mapping and the lifespan that starts and stops dependencies."""

import contextlib
import inspect
import logging
from typing import Any, AsyncIterator, Dict, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .health import router as health_router
from .http_client import UpstreamError
from .logging_setup import RequestIdMiddleware, configure_logging
from .resilience import CircuitOpenError
from .routes import router as api_router
from .runtime import DependencyUnavailable
from .settings import Settings, load_settings
from .store import IdempotencyConflict
from .tracing import TracingMiddleware, setup_tracing
from .wiring import build_runtime

log = logging.getLogger("app")

SERVICE_TITLE = {{title}}
SERVICE_DESCRIPTION = {{description}}
SERVICE_VERSION = "0.1.0"


def _fastapi_options() -> Dict[str, Any]:
    options: Dict[str, Any] = {"title": SERVICE_TITLE, "description": SERVICE_DESCRIPTION, "version": SERVICE_VERSION}
    # FastAPI releases with native telemetry would configure exporters and trace requests a second
    # time: this service sets up tracing itself (app/tracing.py), the same way on every release.
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters:
        options["telemetry"] = {"auto_configure": False, "tracing": False, "metrics": False, "logs": False}
    return options


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    """Builds the app; reads and validates the environment unless `settings` is given."""
    settings = settings or load_settings()
    configure_logging(settings.log_level, settings.service_name)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop_tracing = setup_tracing(settings.otel_service_name or settings.service_name, settings.otel_exporter_otlp_endpoint)
        runtime = build_runtime(settings)
        app.state.runtime = runtime
        await runtime.start()
        log.info("service started", extra={"port": settings.port})
        try:
            yield
        finally:
            log.info("service stopping")
            await runtime.stop()
            stop_tracing()
            log.info("service stopped")

    app = FastAPI(**_fastapi_options())
    # Assigned rather than passed as FastAPI(lifespan=...): works on FastAPI releases before and after that argument.
    app.router.lifespan_context = lifespan
    app.add_middleware(TracingMiddleware)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(health_router)
    app.include_router(api_router)

    @app.exception_handler(DependencyUnavailable)
    async def dependency_unavailable(request: Request, exc: DependencyUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(CircuitOpenError)
    async def circuit_open(request: Request, exc: CircuitOpenError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": str(max(1, int(exc.retry_in)))})

    @app.exception_handler(UpstreamError)
    async def upstream_failed(request: Request, exc: UpstreamError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=502)

    @app.exception_handler(IdempotencyConflict)
    async def idempotency_conflict(request: Request, exc: IdempotencyConflict) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    return app
