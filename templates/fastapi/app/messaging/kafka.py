"""Kafka with aiokafka: key = envelope id, headers `type` and `version`, one consumer per (group, topic), manual commits."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List
from urllib.parse import urlsplit

from .base import Broker, Channel, Subscription
from .envelope import Envelope, PoisonMessage

log = logging.getLogger(__name__)


def bootstrap_servers(url: str) -> str:
    """`host:port[,host:port]`, also accepting `kafka://host:port`."""
    return ",".join(urlsplit(part).netloc if "://" in part else part for part in url.split(","))


class KafkaBroker(Broker):
    def __init__(self, name: str, url: str, service: str) -> None:
        super().__init__(name, url, service)
        self._producer: Any = None
        self._consumers: List[Any] = []
        self._tasks: List[asyncio.Task] = []

    async def connect(self) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # imported here so the app starts without it

        servers = bootstrap_servers(self.url)
        self._producer = AIOKafkaProducer(bootstrap_servers=servers, client_id=self.service, acks="all", enable_idempotence=True)
        await self._producer.start()
        for (group, topic), subs in self.groups().items():
            consumer = AIOKafkaConsumer(
                topic,
                bootstrap_servers=servers,
                group_id=group,
                client_id=self.service,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
            )
            await consumer.start()
            self._consumers.append(consumer)
            self._tasks.append(asyncio.create_task(self._consume(consumer, subs), name=f"kafka-{group}-{topic}"))

    async def _consume(self, consumer: Any, subs: List[Subscription]) -> None:
        from aiokafka import TopicPartition

        async for record in consumer:
            headers = {k: (v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v)) for k, v in (record.headers or [])}
            while True:
                try:
                    await self.deliver(subs, record.value, headers)
                    break
                except PoisonMessage as exc:
                    log.error("poison message skipped", extra={"broker": self.name, "topic": record.topic, "offset": record.offset, "reason": str(exc)})
                    break
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Keep the partition's order: retry this record until it is processed.
                    log.warning("message processing failed, retrying", extra={"broker": self.name, "reason": f"{type(exc).__name__}: {exc}"[:300]})
                    await asyncio.sleep(2.0)
            await consumer.commit({TopicPartition(record.topic, record.partition): record.offset + 1})

    async def run_connected(self) -> None:
        while not self._stopping:
            for task in self._tasks:
                if task.done():
                    task.result()  # re-raises the consumer's error: reconnect
                    raise ConnectionError("consumer stopped")
            await asyncio.sleep(1.0)

    async def ping(self) -> None:
        host, _, port = bootstrap_servers(self.url).split(",")[0].rpartition(":")
        _, writer = await asyncio.open_connection(host, int(port))
        writer.close()

    async def send(self, channel: Channel, envelope: Envelope, headers: Dict[str, str]) -> None:
        kafka_headers = [(k, v.encode("utf-8")) for k, v in headers.items()]
        kafka_headers += [("type", envelope.type.encode("utf-8")), ("version", str(envelope.version).encode("ascii"))]
        await self._producer.send_and_wait(channel.topic, value=envelope.encode(), key=envelope.id.encode("utf-8"), headers=kafka_headers)

    async def disconnect(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        for client in [*self._consumers, self._producer]:
            if client is not None:
                try:
                    await client.stop()
                except Exception:
                    pass
        self._consumers, self._producer = [], None
