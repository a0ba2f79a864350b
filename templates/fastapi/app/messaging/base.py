"""Channels, subscriptions and the broker interface every broker adapter implements."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Sequence

from ..runtime import DependencyUnavailable, Supervised
from .envelope import Envelope, PoisonMessage, decode_envelope

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Channel:
    """Where one event type is published: broker, topic (exchange/topic/stream), routing key."""

    broker: str
    topic: str
    routing_key: str
    event: str
    version: int
    outbox: bool = False


@dataclass(frozen=True)
class Subscription:
    """One consumed event: where it arrives, the consumer group, whether ids are deduplicated."""

    broker: str
    topic: str
    routing_key: str
    group: str
    event: str
    version: int
    dedupe: bool


#: Processes one decoded envelope for its subscription; raising means "retry later".
Dispatch = Callable[[Subscription, Envelope, Mapping[str, str]], Awaitable[None]]


class Broker(Supervised):
    """A broker connection that publishes envelopes and feeds subscriptions to `dispatch`."""

    def __init__(self, name: str, url: str, service: str) -> None:
        super().__init__(name)
        self.url = url
        self.service = service
        self.subscriptions: List[Subscription] = []
        self.dispatch: Optional[Dispatch] = None

    def subscribe(self, subscription: Subscription) -> None:
        self.subscriptions.append(subscription)

    def groups(self) -> Dict[tuple, List[Subscription]]:
        """Subscriptions sharing a (group, topic): one queue/consumer feeds them all."""
        grouped: Dict[tuple, List[Subscription]] = {}
        for sub in self.subscriptions:
            grouped.setdefault((sub.group, sub.topic), []).append(sub)
        return grouped

    async def deliver(self, candidates: Sequence[Subscription], body: Any, headers: Optional[Mapping[str, str]] = None) -> None:
        """Decodes `body` and dispatches it to the subscription for its type and version.

        Raises PoisonMessage for undecodable messages; envelopes of types nobody here consumes are
        skipped (a topic may carry several event types).
        """
        envelope = decode_envelope(body)
        for sub in candidates:
            if sub.event == envelope.type and sub.version == envelope.version:
                if self.dispatch is None:
                    raise DependencyUnavailable("no dispatcher")
                await self.dispatch(sub, envelope, headers or {})
                return
        log.debug("skipped envelope nobody here consumes", extra={"type": envelope.type, "version": envelope.version})

    async def publish(self, channel: Channel, envelope: Envelope, headers: Optional[Mapping[str, str]] = None) -> None:
        self.require()
        await self.send(channel, envelope, dict(headers or {}))

    async def send(self, channel: Channel, envelope: Envelope, headers: Dict[str, str]) -> None:
        raise NotImplementedError


__all__ = ["Broker", "Channel", "Dispatch", "PoisonMessage", "Subscription"]
