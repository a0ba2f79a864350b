"""An httpx client for one outgoing dependency: timeout, retries with jittered backoff, circuit breaker,
Idempotency-Key on writes, and request id / trace context propagation."""

from __future__ import annotations

import logging
import uuid
from typing import Any, Dict, Mapping, Optional
from urllib.parse import quote

import httpx

from .logging_setup import current_request_id
from .resilience import RETRYABLE_STATUS, CircuitBreaker, CircuitOpenError, may_retry, retry_async
from .tracing import inject_headers, span

log = logging.getLogger(__name__)


class UpstreamError(Exception):
    """The dependency failed (5xx, timeout, connection error) after every allowed attempt."""

    def __init__(self, target: str, message: str, status: Optional[int] = None) -> None:
        super().__init__(f"{target}: {message}")
        self.target = target
        self.status = status


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def expand_path(template: str, params: Mapping[str, Any]) -> str:
    """Fills `{name}` segments of a path template with URL-encoded values."""
    out = template
    for name, value in params.items():
        out = out.replace("{" + name + "}", quote(str(value), safe=""))
    return out


class ResilientClient:
    """One dependency. `timeout` is per attempt; `retries` extra attempts only for requests safe to repeat."""

    def __init__(
        self,
        name: str,
        base_url: str,
        timeout: float,
        retries: int,
        breaker: Optional[CircuitBreaker] = None,
        idempotency_keys: bool = False,
        headers: Optional[Mapping[str, str]] = None,
        transport: Optional[httpx.AsyncBaseTransport] = None,
        backoff_base: float = 0.1,
    ) -> None:
        self.name = name
        self.timeout = timeout
        self.retries = retries
        self.breaker = breaker
        self.idempotency_keys = idempotency_keys
        self.backoff_base = backoff_base
        self._http = httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(timeout), headers=dict(headers or {}), transport=transport)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> httpx.Response:
        """Sends a request; 4xx responses are returned, failures raise UpstreamError or CircuitOpenError."""
        method = method.upper()
        sent_headers: Dict[str, str] = dict(headers or {})
        if idempotency_key is None and self.idempotency_keys and method in ("POST", "PATCH"):
            idempotency_key = str(uuid.uuid4())  # one key for every attempt, so the receiver applies the write once
        if idempotency_key is not None:
            sent_headers["Idempotency-Key"] = idempotency_key
        request_id = current_request_id()
        if request_id:
            sent_headers.setdefault("X-Request-ID", request_id)
        retries = self.retries if may_retry(method, idempotency_key is not None) else 0

        async def attempt() -> httpx.Response:
            if self.breaker is not None:
                self.breaker.before_call()
            try:
                with span(f"{method} {self.name}", "client", attributes={"http.request.method": method, "server.address": self.name}):
                    response = await self._http.request(method, path, json=json, params=params, headers=inject_headers(dict(sent_headers)))
            except httpx.TransportError:
                self._failure()
                raise
            if response.status_code >= 500 or response.status_code in RETRYABLE_STATUS:
                self._failure()
                raise _RetryableStatus(response)
            if self.breaker is not None:
                self.breaker.record_success()
            return response

        try:
            return await retry_async(attempt, retries, lambda exc: isinstance(exc, (httpx.TransportError, _RetryableStatus)), base=self.backoff_base)
        except CircuitOpenError:
            raise
        except _RetryableStatus as exc:
            raise UpstreamError(self.name, f"HTTP {exc.response.status_code}", exc.response.status_code) from None
        except httpx.TimeoutException:
            raise UpstreamError(self.name, "timed out") from None
        except httpx.TransportError as exc:
            raise UpstreamError(self.name, f"{type(exc).__name__}: {exc}") from None

    def _failure(self) -> None:
        if self.breaker is not None:
            self.breaker.record_failure()

    async def aclose(self) -> None:
        await self._http.aclose()
