"""The gRPC port (GRPC_PORT) for callers that use gRPC, served with grpc.aio.

It serves the rpcs of this service's contract (contracts/proto) without generated code: each
message is `{ id, body_json, idempotency_key }` in, `{ id, body_json }` out (app/grpc_wire.py),
and each rpc maps onto the service's records like the REST endpoints (app/api.py): GET reads one
record by id or lists, POST creates, PUT replaces, PATCH merges, DELETE removes; writes honour the
idempotency key. It also answers the standard health check (grpc.health.v1.Health/Check: SERVING
while /health/ready would answer 200, NOT_SERVING otherwise), so probes and load balancers work.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from . import api
from .grpc_wire import RpcRequest, RpcResponse, WireError
from .resilience import CircuitOpenError
from .runtime import Component, DependencyUnavailable
from .store import IdempotencyConflict, record_id_for

log = logging.getLogger(__name__)

HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# HealthCheckResponse{status} encoded by hand (field 1, varint): no generated code needed.
SERVING = b"\x08\x01"
NOT_SERVING = b"\x08\x02"

#: The fully qualified service of the contract, e.g. shop.orders.v1.OrdersService.
SERVICE = {{service}}
#: `records.resource` of every rpc (the TypeScript stacks use the same, so either can serve the contract).
RESOURCE = {{resource}}
#: rpc name → designed method (GET, POST, PUT, PATCH, DELETE), from the call edges into this service.
OPERATIONS: Dict[str, str] = {{operations}}

#: Same rule as the TypeScript server: printable ASCII, at most 200 characters.
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
LIST_LIMIT = 100


class RpcError(Exception):
    """Ends the call with a gRPC status (a `grpc.StatusCode` name) and a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def method_path(rpc: str) -> str:
    """`/package.Service/Rpc`, the path callers address."""
    return f"/{SERVICE}/{rpc}"


def _is_unavailable(exc: BaseException) -> bool:
    """A dependency is down: not connected, circuit open, connection lost (SQLSTATE class 08)."""
    if isinstance(exc, (DependencyUnavailable, CircuitOpenError, ConnectionError, TimeoutError)):
        return True
    return str(getattr(exc, "sqlstate", "") or "").startswith("08")


async def handle(runtime: Any, method: str, request: RpcRequest, metadata: Dict[str, str]) -> Tuple[RpcResponse, bool]:
    """Runs one rpc against the runtime's records; (response, replayed). Raises RpcError for caller errors."""
    method = method.upper()
    key = request.id or None
    if method == "GET":
        if key is None:
            page = await api.list_page(runtime, resource=RESOURCE, limit=LIST_LIMIT, offset=0)
            return RpcResponse("", json.dumps(page)), False
        record = await api.read_record(runtime, resource=RESOURCE, key=key)
        if record is None:
            raise RpcError("NOT_FOUND", "No such record.")
        return RpcResponse(record["id"], json.dumps(record)), False
    if method == "DELETE":
        if key is None:
            raise RpcError("INVALID_ARGUMENT", "id is required.")
        if not await api.delete_record(runtime, resource=RESOURCE, key=key):
            raise RpcError("NOT_FOUND", "No such record.")
        return RpcResponse(str(record_id_for(RESOURCE, key)), "{}"), False
    try:
        body = json.loads(request.body_json) if request.body_json else {}
    except ValueError:
        raise RpcError("INVALID_ARGUMENT", "body_json is not JSON.") from None
    if not isinstance(body, dict):
        raise RpcError("INVALID_ARGUMENT", "body_json must be a JSON object.")
    idempotency_key = request.idempotency_key or metadata.get("idempotency-key") or None
    if idempotency_key is not None and not IDEMPOTENCY_KEY.fullmatch(idempotency_key):
        raise RpcError("INVALID_ARGUMENT", "idempotency_key must be 1-200 printable ASCII characters.")
    # Like REST: PUT/PATCH address a record by id; without one (and for POST and anything else) it is a create.
    mode = "replace" if method == "PUT" and key else "merge" if method == "PATCH" and key else "create"
    try:
        record, replayed = await api.write_record(runtime, resource=RESOURCE, body=body, key=key, mode=mode, idempotency_key=idempotency_key)
    except IdempotencyConflict as exc:
        raise RpcError("ALREADY_EXISTS", str(exc)) from None
    return RpcResponse(record["id"], json.dumps(record)), replayed


class GrpcServer(Component):
    name = "grpc-server"
    checked = False

    def __init__(self, port: int, host: str = "0.0.0.0") -> None:
        self.requested_port = port
        self.host = host
        self.port: Optional[int] = None
        self.readiness: Optional[Callable[[], Awaitable[Tuple[bool, Dict[str, str]]]]] = None
        self.runtime: Any = None
        self._server: Any = None

    def attach(self, runtime: Any) -> None:
        self.readiness = runtime.readiness
        # Kept, not its store: each call reads runtime.store, so what the REST endpoints see is what rpcs see.
        self.runtime = runtime

    async def start(self) -> None:
        try:
            import grpc
        except ImportError:
            log.warning("grpcio is not installed: the gRPC port is not served", extra={"port": self.requested_port})
            return
        component = self

        async def check(request: bytes, context: Any) -> bytes:
            ok = False
            if component.readiness is not None:
                ok, _ = await component.readiness()
            return SERVING if ok else NOT_SERVING

        def rpc(name: str, method: str) -> Callable[[bytes, Any], Awaitable[bytes]]:
            async def behaviour(raw: bytes, context: Any) -> bytes:
                code, message = "INTERNAL", "Internal error."
                try:
                    metadata = {k.lower(): v for k, v in (context.invocation_metadata() or ()) if isinstance(v, str)}
                    response, replayed = await handle(component.runtime, method, RpcRequest.decode(raw), metadata)
                    if replayed:
                        context.set_trailing_metadata((("idempotent-replayed", "true"),))
                    return response.encode()
                except WireError as exc:
                    code, message = "INVALID_ARGUMENT", f"Malformed request: {exc}."
                except RpcError as exc:
                    code, message = exc.code, str(exc)
                except Exception as exc:
                    if _is_unavailable(exc):
                        code, message = "UNAVAILABLE", "A dependency is unavailable; retry later."
                    else:
                        log.exception("rpc failed", extra={"rpc": name})
                # Outside the except blocks: abort raises, and must not be taken for the rpc's own error.
                await context.abort(getattr(grpc.StatusCode, code), message)
                raise AssertionError("unreachable")  # abort always raises

            return behaviour

        handlers = {method_path(name): grpc.unary_unary_rpc_method_handler(rpc(name, method)) for name, method in OPERATIONS.items()}
        handlers[HEALTH_CHECK] = grpc.unary_unary_rpc_method_handler(check)

        class Handler(grpc.GenericRpcHandler):
            def service(self, handler_call_details: Any) -> Any:
                return handlers.get(handler_call_details.method)  # None: UNIMPLEMENTED

        self._server = grpc.aio.server()
        self._server.add_generic_rpc_handlers((Handler(),))
        self.port = self._server.add_insecure_port(f"{self.host}:{self.requested_port}")
        await self._server.start()
        log.info("gRPC server started", extra={"port": self.port, "service": SERVICE, "rpcs": len(OPERATIONS)})

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop(grace=5)
            self._server = None
