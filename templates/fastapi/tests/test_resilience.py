"""Circuit breaker, backoff and the retry rules of the outgoing HTTP clients."""

import asyncio
from typing import List, Optional

import httpx
import pytest

from app.http_client import ResilientClient, UpstreamError
from app.resilience import CircuitBreaker, CircuitOpenError, backoff_delay, may_retry, retry_async


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_threshold_and_half_opens_after_reset() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker("dep", failure_threshold=3, reset_timeout=10.0, clock=clock)
    for _ in range(3):
        breaker.before_call()
        breaker.record_failure()
    assert breaker.state == "open"
    with pytest.raises(CircuitOpenError):
        breaker.before_call()
    clock.now += 10.0
    assert breaker.state == "half-open"
    breaker.before_call()  # the single trial call
    with pytest.raises(CircuitOpenError):
        breaker.before_call()  # no second call while the trial runs
    breaker.record_success()
    assert breaker.state == "closed"


def test_failed_trial_reopens_the_breaker() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker("dep", failure_threshold=1, reset_timeout=5.0, clock=clock)
    breaker.record_failure()
    clock.now += 5.0
    breaker.before_call()
    breaker.record_failure()
    assert breaker.state == "open"


def test_backoff_is_exponential_capped_and_jittered() -> None:
    assert backoff_delay(0, base=0.1, cap=5.0, rand=lambda: 1.0) == pytest.approx(0.1)
    assert backoff_delay(3, base=0.1, cap=5.0, rand=lambda: 1.0) == pytest.approx(0.8)
    assert backoff_delay(20, base=0.1, cap=5.0, rand=lambda: 1.0) == pytest.approx(5.0)
    assert backoff_delay(3, base=0.1, cap=5.0, rand=lambda: 0.0) == 0.0


def test_only_idempotent_or_keyed_requests_are_retried() -> None:
    assert may_retry("GET", False) and may_retry("PUT", False) and may_retry("DELETE", False)
    assert not may_retry("POST", False) and not may_retry("PATCH", False)
    assert may_retry("POST", True)


def test_retry_async_gives_up_after_retries() -> None:
    calls: List[int] = []

    async def fail() -> None:
        calls.append(1)
        raise ConnectionError("down")

    async def no_sleep(_: float) -> None:
        return None

    with pytest.raises(ConnectionError):
        asyncio.run(retry_async(fail, 2, lambda e: True, sleep=no_sleep))
    assert len(calls) == 3


def _client(handler, retries: int = 2, keys: bool = False, breaker=None) -> ResilientClient:  # type: ignore[no-untyped-def]
    return ResilientClient("dep", "http://dep.test", timeout=1.0, retries=retries, breaker=breaker, idempotency_keys=keys, transport=httpx.MockTransport(handler), backoff_base=0.001)


def test_get_is_retried_on_503_then_succeeds() -> None:
    seen: List[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return httpx.Response(503 if len(seen) < 3 else 200, json={})

    response = asyncio.run(_client(handler).request("GET", "/x"))
    assert response.status_code == 200 and len(seen) == 3


def test_post_without_key_is_not_retried() -> None:
    seen: List[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return httpx.Response(503)

    with pytest.raises(UpstreamError):
        asyncio.run(_client(handler).request("POST", "/x", json={}))
    assert len(seen) == 1


def test_post_with_key_is_retried_with_the_same_key() -> None:
    keys: List[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers["Idempotency-Key"])
        return httpx.Response(502)

    with pytest.raises(UpstreamError):
        asyncio.run(_client(handler, keys=True).request("POST", "/x", json={}))
    assert len(keys) == 3 and len(set(keys)) == 1


def test_4xx_is_returned_not_retried() -> None:
    seen: List[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(1)
        return httpx.Response(404)

    assert asyncio.run(_client(handler).request("GET", "/x")).status_code == 404
    assert len(seen) == 1


def test_breaker_stops_calls_to_a_failing_dependency() -> None:
    seen: List[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(1)
        raise httpx.ConnectError("refused", request=request)

    client = _client(handler, retries=0, breaker=CircuitBreaker("dep", 2, 60.0))
    for _ in range(2):
        with pytest.raises(UpstreamError):
            asyncio.run(client.request("GET", "/x"))
    with pytest.raises(CircuitOpenError):
        asyncio.run(client.request("GET", "/x"))
    assert len(seen) == 2


def test_close_redis_uses_aclose_falls_back_to_close_and_never_raises() -> None:
    from app.runtime import close_redis

    calls: List[str] = []

    class Redis5:
        async def aclose(self) -> None:
            calls.append("aclose")

    class Redis4:
        async def close(self) -> None:
            calls.append("close")

    class Broken:
        async def aclose(self) -> None:
            raise ConnectionError("gone")

    for client in (Redis5(), Redis4(), Broken(), None):
        asyncio.run(close_redis(client))
    assert calls == ["aclose", "close"]
{{designTests}}
