"""RabbitMQ with aio-pika: a durable topic exchange per topic, a durable queue `<group>.<topic>` per consumer group."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

from .base import Broker, Channel, Subscription
from .envelope import Envelope, PoisonMessage

log = logging.getLogger(__name__)

PREFETCH = 16


class RabbitMqBroker(Broker):
    def __init__(self, name: str, url: str, service: str) -> None:
        super().__init__(name, url, service)
        self._connection: Any = None
        self._channel: Any = None
        self._exchanges: Dict[str, Any] = {}

    async def connect(self) -> None:
        import aio_pika  # imported here so the app starts (unready) without the client library

        self._connection = await aio_pika.connect(self.url, timeout=5, client_properties={"connection_name": self.service})
        self._channel = await self._connection.channel(publisher_confirms=True)
        await self._channel.set_qos(prefetch_count=PREFETCH)
        self._exchanges = {}
        for (group, topic), subs in self.groups().items():
            exchange = await self._exchange(topic)
            queue = await self._channel.declare_queue(f"{group}.{topic}", durable=True)
            for routing_key in sorted({s.routing_key for s in subs}):
                await queue.bind(exchange, routing_key=routing_key)
            await queue.consume(self._consumer(subs))

    async def _exchange(self, topic: str) -> Any:
        import aio_pika

        if topic not in self._exchanges:
            self._exchanges[topic] = await self._channel.declare_exchange(topic, aio_pika.ExchangeType.TOPIC, durable=True)
        return self._exchanges[topic]

    def _consumer(self, subs: List[Subscription]) -> Any:
        async def on_message(message: Any) -> None:
            headers = {str(k): v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v) for k, v in (message.headers or {}).items()}
            try:
                await self.deliver(subs, message.body, headers)
            except PoisonMessage as exc:
                log.error("poison message rejected", extra={"broker": self.name, "reason": str(exc)})
                await message.reject(requeue=False)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("message processing failed, requeued", extra={"broker": self.name, "reason": f"{type(exc).__name__}: {exc}"[:300]})
                await asyncio.sleep(1.0)
                await message.nack(requeue=True)
                return
            await message.ack()

        return on_message

    async def run_connected(self) -> None:
        while not self._stopping and self._connection is not None and not self._connection.is_closed:
            await asyncio.sleep(1.0)

    async def send(self, channel: Channel, envelope: Envelope, headers: Dict[str, str]) -> None:
        import aio_pika

        exchange = await self._exchange(channel.topic)
        message = aio_pika.Message(
            body=envelope.encode(),
            message_id=envelope.id,
            type=envelope.type,
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            app_id=self.service,
            headers={**headers, "version": envelope.version},
        )
        await exchange.publish(message, routing_key=channel.routing_key)

    async def disconnect(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None:
            try:
                await connection.close()
            except Exception:
                pass
