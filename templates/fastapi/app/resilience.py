"""Retries with exponential backoff and full jitter, and a small circuit breaker.

Retries apply only to requests that are safe to repeat: idempotent methods, or writes carrying an
Idempotency-Key so the receiver applies them once.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Awaitable, Callable, Optional, TypeVar

T = TypeVar("T")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUS = frozenset({408, 429, 502, 503, 504})


class CircuitOpenError(Exception):
    """Raised without calling the dependency while its circuit is open."""

    def __init__(self, name: str, retry_in: float) -> None:
        super().__init__(f"circuit for {name} is open; retry in {retry_in:.1f}s")
        self.name = name
        self.retry_in = retry_in


class CircuitBreaker:
    """Closed → open after `failure_threshold` consecutive failures; one trial call after `reset_timeout` s."""

    def __init__(self, name: str, failure_threshold: int, reset_timeout: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self._clock = clock
        self._failures = 0
        self._opened_at: Optional[float] = None
        self._trial_running = False

    @property
    def state(self) -> str:
        if self._opened_at is None:
            return "closed"
        if self._clock() - self._opened_at >= self.reset_timeout:
            return "half-open"
        return "open"

    def before_call(self) -> None:
        """Raises CircuitOpenError unless a call may go through now."""
        state = self.state
        if state == "closed":
            return
        if state == "half-open" and not self._trial_running:
            self._trial_running = True
            return
        assert self._opened_at is not None
        raise CircuitOpenError(self.name, max(0.0, self.reset_timeout - (self._clock() - self._opened_at)))

    def record_success(self) -> None:
        self._failures = 0
        self._opened_at = None
        self._trial_running = False

    def record_failure(self) -> None:
        self._failures += 1
        if self._trial_running or self._failures >= self.failure_threshold:
            self._opened_at = self._clock()
        self._trial_running = False


def backoff_delay(attempt: int, base: float = 0.1, cap: float = 5.0, rand: Callable[[], float] = random.random) -> float:
    """Full-jitter exponential backoff: uniform in [0, min(cap, base * 2**attempt)]."""
    return rand() * min(cap, base * (2 ** attempt))


def may_retry(method: str, has_idempotency_key: bool) -> bool:
    """Only idempotent requests, or writes guarded by an Idempotency-Key, are retried."""
    return method.upper() in IDEMPOTENT_METHODS or has_idempotency_key


async def retry_async(
    call: Callable[[], Awaitable[T]],
    retries: int,
    should_retry: Callable[[BaseException], bool],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    base: float = 0.1,
    cap: float = 5.0,
) -> T:
    """Runs `call`, retrying up to `retries` times on errors `should_retry` accepts, with jittered backoff."""
    attempt = 0
    while True:
        try:
            return await call()
        except Exception as exc:
            if attempt >= retries or not should_retry(exc):
                raise
            await sleep(backoff_delay(attempt, base, cap))
            attempt += 1
