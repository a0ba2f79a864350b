"""What every REST endpoint does, per the runtime contract.

Writes (POST/PUT/PATCH) store the JSON body in `records`, honour an Idempotency-Key (same key, same
response, no second insert) and publish this service's events with the body as data — through the
outbox when the design asks for one. GET reads one record (`/:id`) or lists a collection.
"""

from typing import Any, Dict, Optional

from fastapi import HTTPException, Request, Response

from .runtime import DependencyUnavailable
from .store import record_id_for


def _runtime(request: Request) -> Any:
    return request.app.state.runtime


async def write(
    request: Request,
    response: Response,
    *,
    resource: str,
    body: Dict[str, Any],
    key: Optional[str],
    mode: str,
    idempotency_key: Optional[str],
) -> Dict[str, Any]:
    """Stores `body` (create, replace or merge) and publishes the service's events for it."""
    runtime = _runtime(request)
    publisher = runtime.publisher
    via_outbox = [c for c in runtime.publications if c.outbox]
    direct = [c for c in runtime.publications if not c.outbox]
    record, replayed = await runtime.store.save_record(
        resource,
        body,
        record_id=record_id_for(resource, key) if key is not None and mode != "create" else None,
        mode=mode,
        idempotency_key=idempotency_key,
        outbox=[publisher.outbox_message(c, body) for c in via_outbox],
    )
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
        return record.to_json()
    if via_outbox and runtime.relay is not None:
        runtime.relay.notify()
    for channel in direct:
        try:
            await publisher.publish_data(channel, body)
        except Exception as exc:
            # Without an outbox the write and the event are not atomic: say exactly what happened.
            raise DependencyUnavailable(
                f"stored as {record.id}, but {channel.event} v{channel.version} was not published ({type(exc).__name__}: {exc})"
            ) from exc
    return record.to_json()


async def read(request: Request, *, resource: str, key: str) -> Dict[str, Any]:
    record = await _runtime(request).store.get_record(resource, record_id_for(resource, key))
    if record is None:
        raise HTTPException(status_code=404, detail="not found")
    return record.to_json()


async def list_records(request: Request, *, resource: str, limit: int, offset: int) -> Dict[str, Any]:
    records = await _runtime(request).store.list_records(resource, limit, offset)
    return {"items": [r.to_json() for r in records], "limit": limit, "offset": offset}


async def delete(request: Request, *, resource: str, key: Optional[str]) -> Response:
    if key is None:
        raise HTTPException(status_code=405, detail="DELETE needs a resource id in the path")
    if not await _runtime(request).store.delete_record(resource, record_id_for(resource, key)):
        raise HTTPException(status_code=404, detail="not found")
    return Response(status_code=204)
