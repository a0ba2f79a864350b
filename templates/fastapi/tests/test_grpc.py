"""The gRPC port answers the standard health check from readiness."""

import asyncio

import pytest
from fastapi.testclient import TestClient

from app.grpc_server import HEALTH_CHECK, NOT_SERVING
from app.main import create_app

grpc = pytest.importorskip("grpc")


def test_health_check_reports_not_serving_while_dependencies_are_down(settings) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings)
    with TestClient(app):
        port = app.state.runtime.grpc_server.port
        assert port

        async def call() -> bytes:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                return await channel.unary_unary(HEALTH_CHECK)(b"", timeout=5)

        assert asyncio.run(call()) == NOT_SERVING
