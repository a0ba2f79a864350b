"""Publishing (directly or through the outbox), the idempotent consumer and the outbox relay."""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Sequence, Tuple

from ..logging_setup import current_request_id
from ..resilience import backoff_delay
from ..runtime import Component, DependencyUnavailable
from ..store import OutboxMessage
from ..tracing import inject_headers, span
from .base import Broker, Channel, Subscription
from .envelope import Envelope, make_envelope

log = logging.getLogger(__name__)

#: A consumed event's handler: (envelope, validated model or None, transaction or None).
EventHandler = Callable[[Envelope, Any, Any], Awaitable[None]]


class Publisher:
    """Publishes envelopes on the channels this service owns."""

    def __init__(self, brokers: Mapping[str, Broker], channels: Sequence[Channel], source: str) -> None:
        self.brokers = dict(brokers)
        self.channels = list(channels)
        self.source = source

    async def publish(self, channel: Channel, envelope: Envelope) -> None:
        broker = self.brokers.get(channel.broker)
        if broker is None:
            raise DependencyUnavailable(f"no broker {channel.broker}")
        with span(f"publish {channel.topic}", "producer", attributes={"messaging.destination.name": channel.topic, "messaging.message.id": envelope.id}):
            headers: Dict[str, str] = {}
            inject_headers(headers)
            request_id = current_request_id()
            if request_id:
                headers["x-request-id"] = request_id
            await broker.publish(channel, envelope, headers)
        log.info("event published", extra={"event": channel.event, "version": channel.version, "topic": channel.topic, "message_id": envelope.id})

    async def publish_data(self, channel: Channel, data: Dict[str, Any]) -> Envelope:
        """Publishes `data` in a new envelope right away (no outbox)."""
        envelope = make_envelope(channel.event, channel.version, self.source, data)
        await self.publish(channel, envelope)
        return envelope

    @staticmethod
    def outbox_message(channel: Channel, data: Dict[str, Any]) -> OutboxMessage:
        """The outbox row for `data`; its id becomes the envelope id when relayed."""
        return OutboxMessage(id=uuid.uuid4(), topic=channel.topic, routing_key=channel.routing_key, event=channel.event, version=channel.version, payload=data)

    async def publish_outbox(self, message: OutboxMessage) -> None:
        """Publishes one outbox row with the envelope id and time it was written with."""
        channel = self._channel_for(message)
        envelope = make_envelope(message.event, message.version, self.source, message.payload, message_id=str(message.id), time=message.created_at)
        await self.publish(channel, envelope)

    def _channel_for(self, message: OutboxMessage) -> Channel:
        for channel in self.channels:
            if (channel.topic, channel.routing_key, channel.event, channel.version) == (message.topic, message.routing_key, message.event, message.version):
                return channel
        raise LookupError(f"no channel publishes {message.event} v{message.version} on {message.topic}")


class Consumer:
    """Idempotent consumer: records each envelope once (processed_messages) and runs its handler in that transaction."""

    def __init__(self, store: Any, handlers: Mapping[Tuple[str, int], EventHandler], models: Mapping[Tuple[str, int], Any]) -> None:
        self.store = store
        self.handlers = dict(handlers)
        self.models = dict(models)

    def validate(self, envelope: Envelope) -> Any:
        """The event's data as its model, or None when it does not match (logged, still recorded: tolerant reader)."""
        model = self.models.get((envelope.type, envelope.version))
        if model is None:
            return None
        parse = getattr(model, "model_validate", None) or getattr(model, "parse_obj")
        try:
            return parse(envelope.data)
        except Exception as exc:  # pydantic's ValidationError in v1 and v2
            log.warning("event data does not match its schema", extra={"event": envelope.type, "message_id": envelope.id, "reason": str(exc)[:500]})
            return None

    async def __call__(self, subscription: Subscription, envelope: Envelope, headers: Mapping[str, str]) -> None:
        handler = self.handlers.get((envelope.type, envelope.version))
        if handler is None:
            return
        event = self.validate(envelope)
        with span(f"process {subscription.topic}", "consumer", carrier=headers, attributes={"messaging.message.id": envelope.id, "messaging.consumer.group.name": subscription.group}):
            processed = await self.store.consume(
                envelope.id, envelope.type, envelope.version, envelope.data, subscription.dedupe, lambda tx: handler(envelope, event, tx)
            )
        log.info(
            "event consumed" if processed else "duplicate event skipped",
            extra={"event": envelope.type, "version": envelope.version, "message_id": envelope.id, "group": subscription.group},
        )


class OutboxRelay(Component):
    """Publishes outbox rows after their transaction commits: polled, and woken right after each write."""

    name = "outbox-relay"
    checked = False

    def __init__(self, store: Any, publisher: Publisher, interval: float = 1.0, batch: int = 100) -> None:
        self.store = store
        self.publisher = publisher
        self.interval = interval
        self.batch = batch
        self._wake = asyncio.Event()
        self._task: Optional[asyncio.Task] = None
        self._stopping = False

    def notify(self) -> None:
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def _run(self) -> None:
        failures = 0
        while not self._stopping:
            try:
                sent = await self.store.relay_outbox(self.publisher.publish_outbox, self.batch)
                failures = 0
                if sent >= self.batch:
                    continue
            except asyncio.CancelledError:
                raise
            except DependencyUnavailable:
                pass
            except Exception as exc:
                failures += 1
                log.warning("outbox relay failed, will retry", extra={"reason": f"{type(exc).__name__}: {exc}"[:300]})
            try:
                await asyncio.wait_for(self._wake.wait(), self.interval + backoff_delay(min(failures, 6), base=0.5, cap=30.0))
            except asyncio.TimeoutError:
                pass
            self._wake.clear()

    async def stop(self) -> None:
        """Lets the batch in flight finish (its rows are then marked published), then stops."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), 5.0)
            except (asyncio.TimeoutError, Exception):
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
