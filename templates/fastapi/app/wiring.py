"""Builds this service's components from its settings. Generated from the design: which databases,
brokers, channels and clients it has."""

from pathlib import Path
from typing import Any, Dict, List, Tuple

{{imports}}
from .events import EVENT_MODELS
from .messaging.base import Broker, Channel, Subscription
from .messaging.bus import Consumer, EventHandler, OutboxRelay, Publisher
from .runtime import Component, Runtime
from .settings import Settings

#: SQL migrations of the service's own database, applied at startup.
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

#: Events this service publishes (every write endpoint publishes each with the request body as data).
PUBLICATIONS: Tuple[Channel, ...] = {{publications}}

#: Events this service consumes, with their handlers (app/handlers.py).
SUBSCRIPTIONS: Tuple[Tuple[Subscription, EventHandler], ...] = {{subscriptions}}


def build_runtime(settings: Settings) -> Runtime:
    """Creates (without connecting) every component; Runtime.start() connects them in the background."""
    databases: Dict[str, Any] = {{databases}}
    caches: Dict[str, Any] = {{caches}}
    brokers: Dict[str, Broker] = {{brokers}}
    others: List[Component] = {{others}}
    store = {{store}}
    publisher = Publisher(brokers, PUBLICATIONS, settings.service_name)
    relay = OutboxRelay(store, publisher) if any(c.outbox for c in PUBLICATIONS) else None
    consumer = Consumer(store, {(s.event, s.version): handler for s, handler in SUBSCRIPTIONS}, EVENT_MODELS)
    for subscription, _ in SUBSCRIPTIONS:
        brokers[subscription.broker].subscribe(subscription)
    for broker in brokers.values():
        broker.dispatch = consumer
    clients = {{clients}}
    # Stopped in reverse: clients and the relay first, then brokers (consumers), then stores.
    components: List[Component] = [*databases.values(), *caches.values(), *others, *brokers.values()]
    if relay is not None:
        components.append(relay)
    components.append(clients)
{{grpcServer}}
    runtime = Runtime(
        components,
        settings=settings,
        databases=databases,
        caches=caches,
        brokers=brokers,
        store=store,
        publisher=publisher,
        publications=PUBLICATIONS,
        relay=relay,
        consumer=consumer,
        clients=clients,
        grpc_server=grpc_server,
    )
    return runtime
