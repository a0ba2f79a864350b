"""What every REST endpoint does, per the runtime contract.

Writes (POST/PUT/PATCH) store the JSON body in `records`, honour an Idempotency-Key (same key, same
response, no second insert) and publish this service's events with the body as data — through the
outbox when the design asks for one. GET reads one record (`/:id`) or lists a collection.
The gRPC server (app/grpc_server.py) maps its rpcs onto the same functions.
"""

from typing import Any, Dict, Optional, Tuple

from fastapi import HTTPException, Request, Response

from .runtime import DependencyUnavailable
from .store import record_id_for


def _runtime(request: Request) -> Any:
    return request.app.state.runtime


async def write_record(
    runtime: Any,
    *,
    resource: str,
    body: Dict[str, Any],
    key: Optional[str],
    mode: str,
    idempotency_key: Optional[str],
) -> Tuple[Dict[str, Any], bool]:
    """Stores `body` (create, replace or merge) and publishes the service's events for it; (record, replayed).

    Transport-neutral: the REST endpoints and the gRPC server (app/grpc_server.py) both write through it.
    """
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
        return record.to_json(), True
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
    return record.to_json(), False


async def read_record(runtime: Any, *, resource: str, key: str) -> Optional[Dict[str, Any]]:
    """The record a key names, or None."""
    record = await runtime.store.get_record(resource, record_id_for(resource, key))
    return record.to_json() if record is not None else None


async def list_page(runtime: Any, *, resource: str, limit: int, offset: int) -> Dict[str, Any]:
    records = await runtime.store.list_records(resource, limit, offset)
    return {"items": [r.to_json() for r in records], "limit": limit, "offset": offset}


async def delete_record(runtime: Any, *, resource: str, key: str) -> bool:
    """Removes the record a key names; False when there was none."""
    return bool(await runtime.store.delete_record(resource, record_id_for(resource, key)))


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
    record, replayed = await write_record(_runtime(request), resource=resource, body=body, key=key, mode=mode, idempotency_key=idempotency_key)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return record


async def read(request: Request, *, resource: str, key: str) -> Dict[str, Any]:
    record = await read_record(_runtime(request), resource=resource, key=key)
    if record is None:
        raise HTTPException(status_code=404, detail="not found")
    return record


async def list_records(request: Request, *, resource: str, limit: int, offset: int) -> Dict[str, Any]:
    return await list_page(_runtime(request), resource=resource, limit=limit, offset=offset)


async def delete(request: Request, *, resource: str, key: Optional[str]) -> Response:
    if key is None:
        raise HTTPException(status_code=405, detail="DELETE needs a resource id in the path")
    if not await delete_record(_runtime(request), resource=resource, key=key):
        raise HTTPException(status_code=404, detail="not found")
    return Response(status_code=204)
