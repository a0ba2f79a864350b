"""OpenTelemetry tracing, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set.

Every OpenTelemetry import is guarded: without the packages the service still starts, untraced.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any, Callable, Iterator, Mapping, MutableMapping, Optional, Tuple

log = logging.getLogger(__name__)

try:  # the API is small and usually present; the SDK and exporter are optional
    from opentelemetry import propagate as _propagate
    from opentelemetry import trace as _trace
except ImportError:  # pragma: no cover - depends on the environment
    _propagate = None
    _trace = None


def setup_tracing(service_name: str, endpoint: Optional[str]) -> Callable[[], None]:
    """Installs a tracer provider exporting to `endpoint`; returns the function that flushes it."""
    if not endpoint:
        log.info("tracing disabled: OTEL_EXPORTER_OTLP_ENDPOINT is not set")
        return lambda: None
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError as exc:
        log.warning("tracing disabled: OpenTelemetry SDK or OTLP exporter not installed", extra={"reason": str(exc)})
        return lambda: None
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint.rstrip("/") + "/v1/traces")))
    _trace.set_tracer_provider(provider)
    log.info("tracing enabled", extra={"otlp_endpoint": endpoint})
    return provider.shutdown


def current_trace_ids() -> Tuple[Optional[str], Optional[str]]:
    """Trace and span id (hex) of the current span, for log lines."""
    if _trace is None:
        return None, None
    ctx = _trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return None, None
    return format(ctx.trace_id, "032x"), format(ctx.span_id, "016x")


def inject_headers(headers: MutableMapping[str, str]) -> MutableMapping[str, str]:
    """Adds W3C traceparent/tracestate for the current span to outgoing headers."""
    if _propagate is not None:
        _propagate.inject(headers)
    return headers


@contextlib.contextmanager
def span(name: str, kind: str = "internal", carrier: Optional[Mapping[str, str]] = None, attributes: Optional[Mapping[str, Any]] = None) -> Iterator[Any]:
    """A span around a block; `carrier` continues a trace from incoming headers. No-op without OpenTelemetry."""
    if _trace is None:
        yield None
        return
    context = _propagate.extract(dict(carrier)) if carrier is not None and _propagate is not None else None
    span_kind = getattr(_trace.SpanKind, kind.upper(), _trace.SpanKind.INTERNAL)
    tracer = _trace.get_tracer("app")
    with tracer.start_as_current_span(name, context=context, kind=span_kind, attributes=dict(attributes or {})) as current:
        yield current


class TracingMiddleware:
    """Pure ASGI middleware: one server span per HTTP request, continuing the caller's trace."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or _trace is None or scope.get("path", "").startswith("/health/"):
            await self.app(scope, receive, send)
            return
        carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        method = scope.get("method", "GET")
        with span(f"{method} {scope.get('path', '')}", "server", carrier, {"http.request.method": method, "url.path": scope.get("path", "")}) as current:

            async def send_traced(message: dict) -> None:
                if message["type"] == "http.response.start" and current is not None:
                    current.set_attribute("http.response.status_code", message["status"])
                await send(message)

            await self.app(scope, receive, send_traced)
