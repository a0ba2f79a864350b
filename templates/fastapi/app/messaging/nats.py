"""NATS with nats-py: subject `<topic>.<routingKey>`, queue group per consumer group."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

from .base import Broker, Channel, Subscription
from .envelope import Envelope, PoisonMessage

log = logging.getLogger(__name__)


def subject(topic: str, routing_key: str) -> str:
    return f"{topic}.{routing_key}"


class NatsBroker(Broker):
    def __init__(self, name: str, url: str, service: str) -> None:
        super().__init__(name, url, service)
        self._nc: Any = None

    async def connect(self) -> None:
        import nats  # imported here so the app starts without it

        self._nc = await nats.connect(servers=[self.url], name=self.service, connect_timeout=5, allow_reconnect=True, max_reconnect_attempts=-1)
        for sub in self.subscriptions:
            await self._nc.subscribe(subject(sub.topic, sub.routing_key), queue=sub.group, cb=self._handler([sub]))

    def _handler(self, subs: List[Subscription]) -> Any:
        async def on_message(msg: Any) -> None:
            try:
                await self.deliver(subs, msg.data, dict(msg.headers or {}))
            except PoisonMessage as exc:
                log.error("poison message dropped", extra={"broker": self.name, "subject": msg.subject, "reason": str(exc)})
            except Exception as exc:
                # Core NATS does not redeliver: log loudly (use JetStream for at-least-once delivery).
                log.error("message processing failed", extra={"broker": self.name, "subject": msg.subject, "reason": f"{type(exc).__name__}: {exc}"[:300]})

        return on_message

    async def run_connected(self) -> None:
        while not self._stopping and self._nc is not None and not self._nc.is_closed:
            await asyncio.sleep(1.0)

    async def ping(self) -> None:
        if not self._nc.is_connected:
            raise ConnectionError("reconnecting")
        await self._nc.flush(timeout=2)

    async def send(self, channel: Channel, envelope: Envelope, headers: Dict[str, str]) -> None:
        all_headers: Dict[str, str] = {**headers, "Nats-Msg-Id": envelope.id, "type": envelope.type, "version": str(envelope.version)}
        await self._nc.publish(subject(channel.topic, channel.routing_key), envelope.encode(), headers=all_headers)

    async def disconnect(self) -> None:
        nc, self._nc = self._nc, None
        if nc is not None and not nc.is_closed:
            try:
                await nc.drain()
            except Exception:
                await nc.close()
