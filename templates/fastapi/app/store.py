"""The service's own tables (see the runtime contract): records, outbox, processed_messages, received_events.

PostgresStore keeps them in the service's database; MemoryStore keeps them in process for services
without one (and for tests). Both honour the same idempotency rules.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Tuple

from .runtime import DependencyUnavailable

# PUT /things/{key} and GET /things/{key} address the same record: a non-UUID key maps to a stable UUID.
RECORD_NAMESPACE = uuid.UUID("6f1c7c52-8d0a-4f43-9d87-3a0b8e2f5c11")


def record_id_for(resource: str, key: str) -> uuid.UUID:
    """The record id a path parameter names: the UUID itself, or a UUIDv5 of resource and key."""
    try:
        return uuid.UUID(key)
    except ValueError:
        return uuid.uuid5(RECORD_NAMESPACE, f"{resource}/{key}")


class IdempotencyConflict(Exception):
    """The Idempotency-Key was already used for a different resource."""


@dataclass
class Record:
    id: uuid.UUID
    resource: str
    body: Dict[str, Any]
    idempotency_key: Optional[str]
    created_at: datetime

    def to_json(self) -> Dict[str, Any]:
        return {"id": str(self.id), "resource": self.resource, "data": self.body, "createdAt": self.created_at.isoformat()}


@dataclass
class OutboxMessage:
    id: uuid.UUID
    topic: str
    routing_key: str
    event: str
    version: int
    payload: Dict[str, Any]
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


#: Runs inside the consumer's transaction; `tx` is the asyncpg connection (None in memory).
Handler = Callable[[Any, Any, Any], Awaitable[None]]


def _record(row: Any) -> Record:
    return Record(id=row["id"], resource=row["resource"], body=row["body"], idempotency_key=row["idempotency_key"], created_at=row["created_at"])


class PostgresStore:
    """The runtime contract's tables in the service's own PostgreSQL database."""

    def __init__(self, db: Any) -> None:
        self.db = db

    async def save_record(
        self,
        resource: str,
        body: Dict[str, Any],
        *,
        record_id: Optional[uuid.UUID] = None,
        mode: str = "create",
        idempotency_key: Optional[str] = None,
        outbox: Sequence[OutboxMessage] = (),
    ) -> Tuple[Record, bool]:
        """Stores a record (create, replace or merge) and its outbox rows in one transaction; (record, replayed)."""
        import asyncpg

        try:
            async with self.db.acquire() as conn:
                async with conn.transaction():
                    if idempotency_key is not None:
                        existing = await conn.fetchrow("SELECT * FROM records WHERE idempotency_key = $1", idempotency_key)
                        if existing is not None:
                            return self._replay(existing, resource)
                    rid = record_id or uuid.uuid4()
                    if mode == "create":
                        sql = "INSERT INTO records (id, resource, body, idempotency_key, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING *"
                    elif mode == "merge":
                        sql = (
                            "INSERT INTO records (id, resource, body, idempotency_key, created_at) VALUES ($1, $2, $3, $4, now()) "
                            "ON CONFLICT (id) DO UPDATE SET body = records.body || EXCLUDED.body RETURNING *"
                        )
                    else:
                        sql = (
                            "INSERT INTO records (id, resource, body, idempotency_key, created_at) VALUES ($1, $2, $3, $4, now()) "
                            "ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body RETURNING *"
                        )
                    row = await conn.fetchrow(sql, rid, resource, body, idempotency_key)
                    for message in outbox:
                        await conn.execute(
                            "INSERT INTO outbox (id, topic, routing_key, event, version, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, now())",
                            message.id, message.topic, message.routing_key, message.event, message.version, message.payload,
                        )
                    return _record(row), False
        except asyncpg.UniqueViolationError:
            if idempotency_key is None:
                raise
            # A concurrent request with the same key won the race: answer with its record.
            async with self.db.acquire() as conn:
                existing = await conn.fetchrow("SELECT * FROM records WHERE idempotency_key = $1", idempotency_key)
            if existing is None:
                raise
            return self._replay(existing, resource)

    @staticmethod
    def _replay(row: Any, resource: str) -> Tuple[Record, bool]:
        record = _record(row)
        if record.resource != resource:
            raise IdempotencyConflict(f"Idempotency-Key already used for {record.resource}")
        return record, True

    async def get_record(self, resource: str, record_id: uuid.UUID) -> Optional[Record]:
        async with self.db.acquire() as conn:
            row = await conn.fetchrow("SELECT * FROM records WHERE id = $1 AND resource = $2", record_id, resource)
        return _record(row) if row is not None else None

    async def list_records(self, resource: str, limit: int, offset: int) -> List[Record]:
        async with self.db.acquire() as conn:
            rows = await conn.fetch(
                "SELECT * FROM records WHERE resource = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3", resource, limit, offset
            )
        return [_record(r) for r in rows]

    async def delete_record(self, resource: str, record_id: uuid.UUID) -> bool:
        async with self.db.acquire() as conn:
            status = await conn.execute("DELETE FROM records WHERE id = $1 AND resource = $2", record_id, resource)
        return status.endswith(" 1")

    async def relay_outbox(self, publish: Callable[[OutboxMessage], Awaitable[None]], batch: int = 100) -> int:
        """Publishes unpublished outbox rows in order (locked, so replicas share the work); returns how many."""
        async with self.db.acquire() as conn:
            async with conn.transaction():
                rows = await conn.fetch(
                    "SELECT id, topic, routing_key, event, version, payload, created_at FROM outbox "
                    "WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED",
                    batch,
                )
                done: List[uuid.UUID] = []
                try:
                    for row in rows:
                        await publish(OutboxMessage(**dict(row)))
                        done.append(row["id"])
                finally:
                    if done:
                        await conn.execute("UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])", done)
        return len(done)

    async def consume(self, message_id: str, event: str, version: int, payload: Any, dedupe: bool, handle: Callable[[Any], Awaitable[None]]) -> bool:
        """Records the message and runs `handle(tx)` in one transaction; False when it was a duplicate."""
        async with self.db.acquire() as conn:
            async with conn.transaction():
                first = await conn.fetchval(
                    "INSERT INTO processed_messages (message_id, event, processed_at) VALUES ($1, $2, now()) "
                    "ON CONFLICT (message_id) DO NOTHING RETURNING message_id",
                    message_id, event,
                )
                if first is None and dedupe:
                    return False
                await conn.execute(
                    "INSERT INTO received_events (message_id, event, version, payload, received_at) VALUES ($1, $2, $3, $4, now())",
                    message_id, event, version, payload,
                )
                await handle(conn)
        return True


class MemoryStore:
    """The same tables in process memory: for services without a database of their own, and for tests."""

    def __init__(self, max_items: int = 10_000) -> None:
        self.max_items = max_items
        self.records: "OrderedDict[uuid.UUID, Record]" = OrderedDict()
        self.by_key: Dict[str, uuid.UUID] = {}
        self.outbox: List[Tuple[OutboxMessage, Optional[datetime]]] = []
        self.processed: "OrderedDict[str, str]" = OrderedDict()
        self.received: List[Dict[str, Any]] = []
        self._lock = asyncio.Lock()

    async def save_record(
        self,
        resource: str,
        body: Dict[str, Any],
        *,
        record_id: Optional[uuid.UUID] = None,
        mode: str = "create",
        idempotency_key: Optional[str] = None,
        outbox: Sequence[OutboxMessage] = (),
    ) -> Tuple[Record, bool]:
        async with self._lock:
            if idempotency_key is not None and idempotency_key in self.by_key:
                existing = self.records.get(self.by_key[idempotency_key])
                if existing is not None:
                    if existing.resource != resource:
                        raise IdempotencyConflict(f"Idempotency-Key already used for {existing.resource}")
                    return existing, True
            rid = record_id or uuid.uuid4()
            prior = self.records.get(rid)
            if prior is not None and mode == "create":
                raise ValueError("record exists")
            merged = {**prior.body, **body} if prior is not None and mode == "merge" else dict(body)
            record = Record(rid, resource, merged, prior.idempotency_key if prior else idempotency_key, prior.created_at if prior else datetime.now(timezone.utc))
            self.records[rid] = record
            if idempotency_key is not None and prior is None:
                self.by_key[idempotency_key] = rid
            self.outbox.extend((m, None) for m in outbox)
            while len(self.records) > self.max_items:
                old_id, old = self.records.popitem(last=False)
                if old.idempotency_key is not None:
                    self.by_key.pop(old.idempotency_key, None)
            return record, False

    async def get_record(self, resource: str, record_id: uuid.UUID) -> Optional[Record]:
        record = self.records.get(record_id)
        return record if record is not None and record.resource == resource else None

    async def list_records(self, resource: str, limit: int, offset: int) -> List[Record]:
        matching = [r for r in reversed(self.records.values()) if r.resource == resource]
        return matching[offset : offset + limit]

    async def delete_record(self, resource: str, record_id: uuid.UUID) -> bool:
        async with self._lock:
            record = self.records.get(record_id)
            if record is None or record.resource != resource:
                return False
            del self.records[record_id]
            if record.idempotency_key is not None:
                self.by_key.pop(record.idempotency_key, None)
            return True

    async def relay_outbox(self, publish: Callable[[OutboxMessage], Awaitable[None]], batch: int = 100) -> int:
        count = 0
        for index, (message, published_at) in enumerate(self.outbox):
            if published_at is not None:
                continue
            if count >= batch:
                break
            await publish(message)
            self.outbox[index] = (message, datetime.now(timezone.utc))
            count += 1
        self.outbox = [entry for entry in self.outbox if entry[1] is None]
        return count

    async def consume(self, message_id: str, event: str, version: int, payload: Any, dedupe: bool, handle: Callable[[Any], Awaitable[None]]) -> bool:
        async with self._lock:
            if dedupe and message_id in self.processed:
                return False
            await handle(None)
            self.processed[message_id] = event
            while len(self.processed) > self.max_items:
                self.processed.popitem(last=False)
            self.received.append({"message_id": message_id, "event": event, "version": version, "payload": payload})
            del self.received[: max(0, len(self.received) - self.max_items)]
            return True

    async def check(self) -> None:
        return None


def ensure_available(store: Any) -> None:
    """Raises DependencyUnavailable when the store's database is not connected."""
    db = getattr(store, "db", None)
    if db is not None:
        db.require()


__all__ = [
    "DependencyUnavailable",
    "IdempotencyConflict",
    "MemoryStore",
    "OutboxMessage",
    "PostgresStore",
    "Record",
    "record_id_for",
]
