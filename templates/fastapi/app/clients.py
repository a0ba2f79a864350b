"""Clients for this service's outgoing calls, configured from the design's edges (timeout per attempt,
retries with backoff and jitter only when safe to repeat, circuit breaker, Idempotency-Key)."""

from typing import Any, Optional

import httpx

from .http_client import ResilientClient, expand_path
from .resilience import CircuitBreaker
from .runtime import Component
from .settings import Settings
{{imports}}
{{classes}}

class Clients(Component):
    """Every outgoing client, closed at shutdown. Reach them as `request.app.state.runtime.clients`."""

    name = "clients"
    checked = False

    def __init__(self, settings: Settings, transport: Optional[httpx.AsyncBaseTransport] = None) -> None:
{{attributes}}

    async def stop(self) -> None:
{{closes}}
