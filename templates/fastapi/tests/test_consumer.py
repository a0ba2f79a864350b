"""Idempotent consumers: each envelope is processed once; poison and foreign messages are handled."""

import asyncio
from typing import Any, Dict, List

import pytest

from app.events import EVENT_MODELS
from app.messaging.base import Broker, Subscription
from app.messaging.bus import Consumer
from app.messaging.envelope import PoisonMessage, decode_envelope, make_envelope
from app.store import MemoryStore
from app.wiring import SUBSCRIPTIONS


def _consumer(store: MemoryStore) -> Consumer:
    return Consumer(store, {(s.event, s.version): handler for s, handler in SUBSCRIPTIONS}, EVENT_MODELS)


@pytest.mark.parametrize("index", range(len(SUBSCRIPTIONS)))
def test_each_message_is_processed_once(index: int) -> None:
    store = MemoryStore()
    consumer = _consumer(store)
    subscription, _ = SUBSCRIPTIONS[index]
    envelope = make_envelope(subscription.event, subscription.version, "test", {"example": 1})

    async def deliver_twice() -> None:
        await consumer(subscription, envelope, {})
        await consumer(subscription, envelope, {})

    asyncio.run(deliver_twice())
    assert len(store.received) == (1 if subscription.dedupe else 2)
    assert store.received[0]["message_id"] == envelope.id


def test_envelope_round_trips_and_rejects_garbage() -> None:
    envelope = make_envelope("Example", 2, "svc", {"a": [1, "b"]})
    assert decode_envelope(envelope.encode()) == envelope
    for garbage in (b"not json", b"[]", b'{"id": "x"}', b'{"id": "x", "type": "T", "version": "1", "data": {}}'):
        with pytest.raises(PoisonMessage):
            decode_envelope(garbage)


def test_broker_dispatches_by_type_and_version() -> None:
    seen: List[Dict[str, Any]] = []
    subscription = Subscription(broker="b", topic="t", routing_key="example.v1", group="g", event="Example", version=1, dedupe=True)

    async def dispatch(sub: Subscription, envelope: Any, headers: Any) -> None:
        seen.append({"type": envelope.type, "version": envelope.version})

    broker = Broker("b", "unused://", "svc")
    broker.dispatch = dispatch
    asyncio.run(broker.deliver([subscription], make_envelope("Example", 1, "svc", {}).encode()))
    asyncio.run(broker.deliver([subscription], make_envelope("Example", 2, "svc", {}).encode()))
    asyncio.run(broker.deliver([subscription], make_envelope("Other", 1, "svc", {}).encode()))
    assert seen == [{"type": "Example", "version": 1}]
