"""A gRPC client for one dependency (grpc.aio): per-call deadline, retries for idempotent calls, circuit breaker.

Messages are bytes here. The rpcs of services generated from this design all take
`{ id, body_json, idempotency_key }` and answer `{ id, body_json }`: encode and decode them with
app/grpc_wire.py, e.g. `RpcResponse.decode(await client.unary(path, RpcRequest(id="42").encode()))`.
"""

from __future__ import annotations

from typing import Any, Optional

from .logging_setup import current_request_id
from .resilience import CircuitBreaker, retry_async
from .tracing import inject_headers

RETRYABLE_CODES = ("UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED")


class GrpcClient:
    def __init__(self, name: str, target: str, timeout: float, retries: int, breaker: Optional[CircuitBreaker] = None) -> None:
        self.name = name
        self.target = target
        self.timeout = timeout
        self.retries = retries
        self.breaker = breaker
        self._channel: Any = None

    def _open(self) -> Any:
        if self._channel is None:
            import grpc  # imported here so the app starts without grpcio

            self._channel = grpc.aio.insecure_channel(self.target)
        return self._channel

    async def unary(self, method: str, request: bytes, *, idempotent: bool = False) -> bytes:
        """Calls `/package.Service/Method` with a serialized request; retried only when `idempotent`."""
        channel = self._open()
        call = channel.unary_unary(method)
        metadata = list(inject_headers({}).items())
        request_id = current_request_id()
        if request_id:
            metadata.append(("x-request-id", request_id))

        async def attempt() -> bytes:
            if self.breaker is not None:
                self.breaker.before_call()
            try:
                result = await call(request, timeout=self.timeout, metadata=metadata)
            except Exception as exc:
                code = getattr(getattr(exc, "code", lambda: None)(), "name", "")
                if self.breaker is not None and code in RETRYABLE_CODES:
                    self.breaker.record_failure()
                raise
            if self.breaker is not None:
                self.breaker.record_success()
            return result

        def retryable(exc: BaseException) -> bool:
            return getattr(getattr(exc, "code", lambda: None)(), "name", "") in RETRYABLE_CODES

        return await retry_async(attempt, self.retries if idempotent else 0, retryable)

    async def aclose(self) -> None:
        if self._channel is not None:
            await self._channel.close()
