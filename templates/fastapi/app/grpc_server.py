"""The gRPC port (GRPC_PORT) for callers that use gRPC, served with grpc.aio.

It answers the standard health check (grpc.health.v1.Health/Check: SERVING while /health/ready
would answer 200, NOT_SERVING otherwise), so gRPC probes and load balancers work from day one.
Other methods answer UNIMPLEMENTED until you register servicers generated from contracts/*.proto
(`python -m grpc_tools.protoc`) in `register_servicers` below.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from .runtime import Component

log = logging.getLogger(__name__)

HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# HealthCheckResponse{status} encoded by hand (field 1, varint): no generated code needed.
SERVING = b"\x08\x01"
NOT_SERVING = b"\x08\x02"


def register_servicers(server: Any) -> None:
    """Add your generated servicers here, e.g. `orders_pb2_grpc.add_OrdersServicer_to_server(Impl(), server)`."""


class GrpcServer(Component):
    name = "grpc-server"
    checked = False

    def __init__(self, port: int, host: str = "0.0.0.0") -> None:
        self.requested_port = port
        self.host = host
        self.port: Optional[int] = None
        self.readiness: Optional[Callable[[], Awaitable[Tuple[bool, Dict[str, str]]]]] = None
        self._server: Any = None

    def attach(self, runtime: Any) -> None:
        self.readiness = runtime.readiness

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

        class Handler(grpc.GenericRpcHandler):
            def service(self, handler_call_details: Any) -> Any:
                if handler_call_details.method == HEALTH_CHECK:
                    return grpc.unary_unary_rpc_method_handler(check)
                return None  # UNIMPLEMENTED

        self._server = grpc.aio.server()
        self._server.add_generic_rpc_handlers((Handler(),))
        register_servicers(self._server)
        self.port = self._server.add_insecure_port(f"{self.host}:{self.requested_port}")
        await self._server.start()
        log.info("gRPC server started", extra={"port": self.port})

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop(grace=5)
            self._server = None
