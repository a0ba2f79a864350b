"""The gRPC port: the contract's rpcs on the service's records, and the standard health check."""

import asyncio
import json
import uuid
from typing import Any, Iterator, List, Optional, Sequence, Tuple

import pytest
from fastapi.testclient import TestClient

from app.grpc_server import HEALTH_CHECK, NOT_SERVING, OPERATIONS, RESOURCE, method_path
from app.grpc_wire import RpcRequest, RpcResponse
from app.main import create_app
from app.store import MemoryStore

grpc = pytest.importorskip("grpc")

WRITES = [rpc for rpc, method in OPERATIONS.items() if method not in ("GET", "DELETE")]
READS = [rpc for rpc, method in OPERATIONS.items() if method == "GET"]
DELETES = [rpc for rpc, method in OPERATIONS.items() if method == "DELETE"]


class NoPublisher:
    """Stands in for the broker: nothing is published directly (the outbox rows still need a message)."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def outbox_message(self, channel: Any, data: Any) -> Any:
        return self.real.outbox_message(channel, data)

    async def publish_data(self, channel: Any, data: Any) -> None:
        return None


def call(port: int, path: str, request: bytes, metadata: Sequence[Tuple[str, str]] = ()) -> Tuple[Any, bytes, List[Tuple[str, str]]]:
    """(status code, response bytes, trailing metadata) of one unary call over a real channel."""

    async def run() -> Tuple[Any, bytes, List[Tuple[str, str]]]:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            rpc = channel.unary_unary(path)(request, timeout=10, metadata=tuple(metadata) or None)
            try:
                response = await rpc
            except grpc.aio.AioRpcError as exc:
                return exc.code(), b"", []
            return await rpc.code(), response, list(await rpc.trailing_metadata() or ())

    return asyncio.run(run())


@pytest.fixture
def served(settings: Any) -> Iterator[Tuple[int, Any]]:
    """The real gRPC server with the in-memory store: (port, runtime)."""
    app = create_app(settings)
    with TestClient(app):
        runtime = app.state.runtime
        runtime.store = MemoryStore()
        runtime.publisher = NoPublisher(runtime.publisher)
        runtime.relay = None
        assert runtime.grpc_server.port
        yield runtime.grpc_server.port, runtime


def test_health_check_reports_not_serving_while_dependencies_are_down(settings) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings)
    with TestClient(app):
        port = app.state.runtime.grpc_server.port
        assert port
        code, response, _ = call(port, HEALTH_CHECK, b"")
        assert code == grpc.StatusCode.OK and response == NOT_SERVING


def test_unknown_rpcs_are_unimplemented(served: Tuple[int, Any]) -> None:
    port, _ = served
    assert call(port, method_path("NoSuchRpc"), b"")[0] == grpc.StatusCode.UNIMPLEMENTED


def test_write_then_read_back_with_idempotency_keys(served: Tuple[int, Any]) -> None:
    if not WRITES:
        pytest.skip("the contract has no write rpcs")
    port, runtime = served
    path = method_path(WRITES[0])
    request = RpcRequest(body_json=json.dumps({"example": 1, "name": "名前"}), idempotency_key="grpc-key-1")
    code, raw, trailers = call(port, path, request.encode())
    assert code == grpc.StatusCode.OK
    created = RpcResponse.decode(raw)
    assert created.id and json.loads(created.body_json)["data"] == {"example": 1, "name": "名前"}
    assert ("idempotent-replayed", "true") not in trailers

    code, raw, trailers = call(port, path, request.encode())
    assert code == grpc.StatusCode.OK and RpcResponse.decode(raw).id == created.id
    assert ("idempotent-replayed", "true") in trailers
    # The key also comes as metadata (like the REST header) when the message does not carry it.
    code, raw, _ = call(port, path, RpcRequest(body_json="{}").encode(), [("idempotency-key", "grpc-key-1")])
    assert code == grpc.StatusCode.OK and RpcResponse.decode(raw).id == created.id
    assert len(runtime.store.records) == 1

    if READS:
        code, raw, _ = call(port, method_path(READS[0]), RpcRequest(id=created.id).encode())
        assert code == grpc.StatusCode.OK
        read = RpcResponse.decode(raw)
        assert read.id == created.id and json.loads(read.body_json)["data"] == {"example": 1, "name": "名前"}
        code, raw, _ = call(port, method_path(READS[0]), RpcRequest().encode())
        assert code == grpc.StatusCode.OK and [r["id"] for r in json.loads(RpcResponse.decode(raw).body_json)["items"]] == [created.id]
    else:
        stored = asyncio.run(runtime.store.get_record(RESOURCE, uuid.UUID(created.id)))
        assert stored is not None and stored.body == {"example": 1, "name": "名前"}


def test_missing_records_are_not_found(served: Tuple[int, Any]) -> None:
    if not READS and not DELETES:
        pytest.skip("the contract has no rpcs that address a record")
    port, _ = served
    missing = RpcRequest(id=str(uuid.uuid4())).encode()
    for rpc in [*READS[:1], *DELETES[:1]]:
        assert call(port, method_path(rpc), missing)[0] == grpc.StatusCode.NOT_FOUND


def test_invalid_requests_are_invalid_argument(served: Tuple[int, Any]) -> None:
    if not OPERATIONS:
        pytest.skip("the contract has no rpcs")
    port, _ = served
    any_rpc = method_path(next(iter(OPERATIONS)))
    assert call(port, any_rpc, b"\x0a\x05abc")[0] == grpc.StatusCode.INVALID_ARGUMENT  # truncated message
    if WRITES:
        path = method_path(WRITES[0])
        assert call(port, path, RpcRequest(body_json="[1, 2]").encode())[0] == grpc.StatusCode.INVALID_ARGUMENT
        assert call(port, path, RpcRequest(body_json="not json").encode())[0] == grpc.StatusCode.INVALID_ARGUMENT
        assert call(port, path, RpcRequest(body_json="{}", idempotency_key="a key").encode())[0] == grpc.StatusCode.INVALID_ARGUMENT
    if DELETES:
        assert call(port, method_path(DELETES[0]), RpcRequest().encode())[0] == grpc.StatusCode.INVALID_ARGUMENT


def test_rpcs_are_unavailable_while_the_database_is_down(settings) -> None:  # type: ignore[no-untyped-def]
    """With the real wiring and nothing running: a service with a database answers UNAVAILABLE, not INTERNAL."""
    app = create_app(settings)
    with TestClient(app):
        runtime = app.state.runtime
        if isinstance(runtime.store, MemoryStore) or not OPERATIONS:
            pytest.skip("no database of its own")
        rpc: Optional[str] = (READS or WRITES or DELETES or [None])[0]
        assert rpc is not None
        request = RpcRequest(id=str(uuid.uuid4()), body_json="{}")
        assert call(runtime.grpc_server.port, method_path(rpc), request.encode())[0] == grpc.StatusCode.UNAVAILABLE
