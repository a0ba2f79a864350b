"""Redis Streams with redis-py (asyncio): stream `topic`, field `envelope`, consumer group per group."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any, Dict, List

from .base import Broker, Channel, Subscription
from .envelope import Envelope, PoisonMessage
from ..runtime import close_redis

log = logging.getLogger(__name__)

STREAM_MAXLEN = 100_000


class RedisStreamsBroker(Broker):
    def __init__(self, name: str, url: str, service: str) -> None:
        super().__init__(name, url, service)
        self._redis: Any = None
        self._tasks: List[asyncio.Task] = []
        self.consumer_name = f"{service}-{socket.gethostname()}-{os.getpid()}"

    async def connect(self) -> None:
        import redis.asyncio as aioredis  # imported here so the app starts without it
        from redis.exceptions import ResponseError

        self._redis = aioredis.from_url(self.url, socket_connect_timeout=5, health_check_interval=30)
        await self._redis.ping()
        for (group, topic), subs in self.groups().items():
            try:
                await self._redis.xgroup_create(name=topic, groupname=group, id="0", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise
            self._tasks.append(asyncio.create_task(self._consume(group, topic, subs), name=f"redis-{group}-{topic}"))

    async def _consume(self, group: str, topic: str, subs: List[Subscription]) -> None:
        cursor = "0"  # first our own pending (delivered, unacknowledged) entries, then new ones
        while not self._stopping:
            response = await self._redis.xreadgroup(groupname=group, consumername=self.consumer_name, streams={topic: cursor}, count=16, block=2000)
            entries = response[0][1] if response else []
            if cursor == "0" and not entries:
                cursor = ">"
                continue
            for entry_id, fields in entries:
                raw = fields.get(b"envelope") if isinstance(fields, dict) else None
                try:
                    await self.deliver(subs, raw if raw is not None else b"", {k.decode(): v.decode("utf-8", "replace") for k, v in fields.items() if k != b"envelope"})
                except PoisonMessage as exc:
                    log.error("poison message acknowledged and dropped", extra={"broker": self.name, "stream": topic, "reason": str(exc)})
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    log.warning("message processing failed, will retry", extra={"broker": self.name, "reason": f"{type(exc).__name__}: {exc}"[:300]})
                    cursor = "0"  # re-read pending entries after a pause
                    await asyncio.sleep(2.0)
                    break
                await self._redis.xack(topic, group, entry_id)

    async def run_connected(self) -> None:
        while not self._stopping:
            for task in self._tasks:
                if task.done():
                    task.result()
                    raise ConnectionError("consumer stopped")
            await asyncio.sleep(1.0)

    async def ping(self) -> None:
        await self._redis.ping()

    async def send(self, channel: Channel, envelope: Envelope, headers: Dict[str, str]) -> None:
        await self._redis.xadd(channel.topic, {"envelope": envelope.encode(), **headers}, maxlen=STREAM_MAXLEN, approximate=True)

    async def disconnect(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        client, self._redis = self._redis, None
        await close_redis(client)
