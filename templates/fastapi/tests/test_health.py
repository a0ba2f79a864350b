"""Liveness, readiness and request ids."""

from fastapi.testclient import TestClient

from app.main import create_app

#: Whether this service has dependencies /health/ready checks (none of them run during tests).
HAS_DEPENDENCIES = {{hasDependencies}}


def test_live_answers_200(client: TestClient) -> None:
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_reflects_dependencies(client: TestClient) -> None:
    response = client.get("/health/ready")
    body = response.json()
    if HAS_DEPENDENCIES:
        assert response.status_code == 503
        assert body["status"] == "unavailable"
        assert body["checks"] and all(v != "ok" for v in body["checks"].values())
    else:
        assert response.status_code == 200
        assert body["status"] == "ready"


def test_request_id_is_echoed_or_assigned(client: TestClient) -> None:
    assert client.get("/health/live", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    assigned = client.get("/health/live", headers={"X-Request-ID": "bad id\twith spaces"}).headers["x-request-id"]
    assert assigned and assigned != "bad id\twith spaces"


def test_not_ready_while_shutting_down(settings) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings)
    with TestClient(app) as test_client:
        app.state.runtime.stopping = True
        assert test_client.get("/health/ready").status_code == 503
        assert test_client.get("/health/live").status_code == 200
