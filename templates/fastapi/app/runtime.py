"""Lifecycle of the service's dependencies: connect in the background, report readiness, stop in order."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

from .resilience import backoff_delay

log = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0
STOP_TIMEOUT_SECONDS = 10.0


async def close_redis(client: Any) -> None:
    """Closes a redis-py asyncio client (aclose since redis-py 5, close before). The service is
    stopping: a failed close is logged, not raised."""
    if client is None:
        return
    try:
        close = getattr(client, "aclose", None) or client.close
        await close()
    except Exception:  # noqa: BLE001 - nothing left to do with the connection
        log.debug("closing the redis client failed", exc_info=True)


class DependencyUnavailable(Exception):
    """A dependency (database, broker, cache) is not connected: the request answers 503."""


class Component:
    """Something the service depends on or runs: started at startup, checked by /health/ready, stopped at shutdown."""

    name = "component"
    #: Whether /health/ready reports this component.
    checked = True

    def attach(self, runtime: "Runtime") -> None:
        """Called once the runtime exists, for components that need it (e.g. to report readiness)."""

    async def start(self) -> None:
        """Must not block on the network: connect in a background task instead."""

    async def stop(self) -> None:
        pass

    async def check(self) -> None:
        """Raises when the dependency does not answer."""


class Supervised(Component):
    """A connection kept open by a background task that reconnects with jittered backoff."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._task: Optional[asyncio.Task] = None
        self._connected = asyncio.Event()
        self._stopping = False
        self.last_error: Optional[str] = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._supervise(), name=f"connect-{self.name}")

    async def _supervise(self) -> None:
        attempt = 0
        while not self._stopping:
            try:
                await self.connect()
                self._connected.set()
                self.last_error = None
                attempt = 0
                log.info("connected", extra={"dependency": self.name})
                await self.run_connected()
                if not self._stopping:
                    raise ConnectionError("connection lost")
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # every failure is retried; the reason is logged and reported by readiness
                if self._stopping:
                    break
                reason = f"{type(exc).__name__}: {exc}"[:300]
                # Warn when the reason changes; repeats of the same failure are debug noise.
                level = logging.DEBUG if reason == self.last_error else logging.WARNING
                self.last_error = reason
                log.log(level, "dependency unavailable, retrying", extra={"dependency": self.name, "reason": reason})
            finally:
                self._connected.clear()
            if self._stopping:
                break
            await self.disconnect()
            await asyncio.sleep(1.0 + backoff_delay(attempt, base=0.5, cap=30.0))
            attempt += 1

    async def connect(self) -> None:
        raise NotImplementedError

    async def run_connected(self) -> None:
        """Returns (or raises) when the connection is lost; the default just waits for stop."""
        while not self._stopping:
            await asyncio.sleep(1.0)

    async def disconnect(self) -> None:
        pass

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def require(self) -> None:
        """Raises DependencyUnavailable unless connected."""
        if not self.connected:
            raise DependencyUnavailable(f"{self.name} is not available ({self.last_error or 'connecting'})")

    async def wait_connected(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._connected.wait(), timeout)
            return True
        except asyncio.TimeoutError:
            return False

    async def check(self) -> None:
        self.require()
        await self.ping()

    async def ping(self) -> None:
        pass

    async def stop(self) -> None:
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self.disconnect()
        self._connected.clear()


class TcpDependency(Component):
    """A store this service has no client library for: ready when its port accepts connections."""

    def __init__(self, name: str, url: str, default_port: int) -> None:
        self.name = name
        parts = urlsplit(url if "://" in url else f"tcp://{url}")
        self.host = parts.hostname or "localhost"
        self.port = parts.port or default_port

    async def check(self) -> None:
        _, writer = await asyncio.open_connection(self.host, self.port)
        writer.close()
        try:
            await writer.wait_closed()
        except Exception:  # the peer may reset; reachability is what counts
            pass


class Runtime:
    """Everything the routes and consumers use, plus start/stop/readiness of the components."""

    def __init__(self, components: Sequence[Component], **services: Any) -> None:
        self.components: List[Component] = list(components)
        self.stopping = False
        for key, value in services.items():
            setattr(self, key, value)
        for component in self.components:
            component.attach(self)

    async def start(self) -> None:
        for component in self.components:
            await component.start()

    async def stop(self) -> None:
        """Stops components in reverse order (consumers and relays before the connections they use)."""
        self.stopping = True
        for component in reversed(self.components):
            try:
                await asyncio.wait_for(component.stop(), STOP_TIMEOUT_SECONDS)
            except Exception as exc:
                log.warning("component did not stop cleanly", extra={"component": component.name, "reason": str(exc)})

    async def readiness(self) -> Tuple[bool, Dict[str, str]]:
        if self.stopping:
            return False, {"service": "shutting down"}
        checked = [c for c in self.components if c.checked]

        async def one(component: Component) -> str:
            try:
                await asyncio.wait_for(component.check(), CHECK_TIMEOUT_SECONDS)
                return "ok"
            except asyncio.TimeoutError:
                return "timeout"
            except Exception as exc:
                return f"{type(exc).__name__}: {exc}"[:300]

        results = await asyncio.gather(*(one(c) for c in checked))
        checks = {c.name: r for c, r in zip(checked, results)}
        return all(r == "ok" for r in results), checks
