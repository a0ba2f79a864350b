"""REST endpoints: request validation, Idempotency-Key, records and events (against the in-memory store)."""

from typing import Any, Dict, Iterator, List, Tuple

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.store import MemoryStore

{{constants}}


class RecordingPublisher:
    """Stands in for the broker: remembers what would have been published directly."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.published: List[Tuple[str, Dict[str, Any]]] = []

    def outbox_message(self, channel: Any, data: Dict[str, Any]) -> Any:
        return self.real.outbox_message(channel, data)

    async def publish_data(self, channel: Any, data: Dict[str, Any]) -> None:
        self.published.append((channel.event, data))


@pytest.fixture
def api(settings: Any) -> Iterator[Tuple[TestClient, Any]]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        runtime = app.state.runtime
        runtime.store = MemoryStore()
        runtime.publisher = RecordingPublisher(runtime.publisher)
        runtime.relay = None
        yield test_client, runtime


def test_first_write_while_dependencies_are_down(client: TestClient) -> None:
    """With the real wiring and nothing running: 503 when the write needs the database or a broker."""
    if WRITE_PROBE is None:
        pytest.skip("no write endpoints")
    method, path, expected = WRITE_PROBE
    assert client.request(method, path, json={"probe": True}).status_code == expected
{{tests}}
