"""PostgreSQL access with asyncpg: a pool per database, migrations from ./migrations applied at startup."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Optional

from .runtime import Supervised

log = logging.getLogger(__name__)

# Held while migrating, so replicas starting together apply each migration once (the same lock id
# as the TypeScript stacks, for services that share a database).
MIGRATION_LOCK_ID = 7_240_101


async def _init_connection(conn: Any) -> None:
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    await conn.set_type_codec("json", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


def quote_ident(name: str) -> str:
    """A double-quoted PostgreSQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _dsn(url: str) -> str:
    # asyncpg accepts postgres:// and postgresql://; anything else is a configuration error.
    if not url.startswith(("postgres://", "postgresql://")):
        raise ValueError("expected a postgres:// URL")
    return url


class Database(Supervised):
    """A connection pool; the service's own database also gets its migrations applied on connect.

    `schema`: when several services keep their tables in one database, each uses its own schema
    (created here, then the search_path of every connection), so table names stay as in the contract.
    """

    def __init__(
        self, name: str, url: str, migrations_dir: Optional[Path] = None, schema: Optional[str] = None, min_size: int = 1, max_size: int = 10
    ) -> None:
        super().__init__(name)
        self.url = url
        self.migrations_dir = migrations_dir
        self.schema = schema
        self.min_size = min_size
        self.max_size = max_size
        self.pool: Any = None

    async def connect(self) -> None:
        import asyncpg  # imported here so the app (and its health endpoints) start without the driver

        server_settings = {}
        if self.schema:
            conn = await asyncpg.connect(_dsn(self.url), timeout=5)
            try:
                await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(self.schema)}")
            finally:
                await conn.close()
            server_settings["search_path"] = quote_ident(self.schema)
        self.pool = await asyncpg.create_pool(
            _dsn(self.url),
            min_size=self.min_size,
            max_size=self.max_size,
            timeout=5,
            command_timeout=30,
            init=_init_connection,
            server_settings=server_settings,
        )
        if self.migrations_dir is not None:
            await apply_migrations(self.pool, self.migrations_dir)

    async def run_connected(self) -> None:
        import asyncio

        # The pool reconnects by itself; poll so readiness notices an outage and the loop can reconnect.
        failures = 0
        while not self._stopping:
            await asyncio.sleep(5.0)
            try:
                await self.ping()
                failures = 0
            except Exception:
                failures += 1
                if failures >= 3:
                    raise

    async def ping(self) -> None:
        async with self.pool.acquire(timeout=2) as conn:
            await conn.fetchval("SELECT 1")

    async def disconnect(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            try:
                await pool.close()
            except Exception:
                pool.terminate()

    def acquire(self) -> Any:
        """`async with db.acquire() as conn:` — raises DependencyUnavailable while disconnected."""
        self.require()
        return self.pool.acquire(timeout=5)


async def apply_migrations(pool: Any, directory: Path) -> list:
    """Applies every *.sql file in `directory` not yet in schema_migrations, in file-name order, each in a transaction."""
    files = sorted(p for p in directory.glob("*.sql") if p.is_file()) if directory.is_dir() else []
    applied_now = []
    async with pool.acquire() as conn:
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_ID)
        try:
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            done = {row["version"] for row in await conn.fetch("SELECT version FROM schema_migrations")}
            for path in files:
                version = path.stem
                if version in done:
                    continue
                async with conn.transaction():
                    await conn.execute(path.read_text(encoding="utf-8"))
                    await conn.execute("INSERT INTO schema_migrations (version) VALUES ($1)", version)
                applied_now.append(version)
                log.info("migration applied", extra={"version": version})
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_ID)
    return applied_now
