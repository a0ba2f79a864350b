"""Redis (cache) client: connected in the background, pinged by /health/ready."""

from __future__ import annotations

from typing import Any

from .runtime import Supervised, close_redis


class RedisCache(Supervised):
    def __init__(self, name: str, url: str) -> None:
        super().__init__(name)
        self.url = url
        self.client: Any = None

    async def connect(self) -> None:
        import redis.asyncio as aioredis  # imported here so the app starts (unready) without it

        self.client = aioredis.from_url(self.url, socket_connect_timeout=5, socket_timeout=5, health_check_interval=30)
        await self.client.ping()

    async def ping(self) -> None:
        await self.client.ping()

    async def disconnect(self) -> None:
        client, self.client = self.client, None
        await close_redis(client)
