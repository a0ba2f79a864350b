"""The message envelope shared by every service and stack (runtime contract v1)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Optional


class PoisonMessage(Exception):
    """A message that can never be processed (not JSON, not an envelope): dropped, never retried."""


@dataclass(frozen=True)
class Envelope:
    id: str
    type: str
    version: int
    source: str
    time: str
    data: Dict[str, Any]

    def to_json(self) -> Dict[str, Any]:
        return {"id": self.id, "type": self.type, "version": self.version, "source": self.source, "time": self.time, "data": self.data}

    def encode(self) -> bytes:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def make_envelope(event: str, version: int, source: str, data: Dict[str, Any], message_id: Optional[str] = None, time: Optional[datetime] = None) -> Envelope:
    """A new envelope; the id is a random UUID unless given (the outbox row id when relayed)."""
    when = (time or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return Envelope(id=message_id or str(uuid.uuid4()), type=event, version=version, source=source, time=when.isoformat().replace("+00:00", "Z"), data=data)


def decode_envelope(raw: Any) -> Envelope:
    """Parses and checks an envelope; raises PoisonMessage when it is not one."""
    try:
        value = json.loads(raw.decode("utf-8") if isinstance(raw, (bytes, bytearray)) else raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PoisonMessage(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise PoisonMessage("envelope is not an object")
    problems = []
    if not isinstance(value.get("id"), str) or not value.get("id"):
        problems.append("id")
    if not isinstance(value.get("type"), str):
        problems.append("type")
    if not isinstance(value.get("version"), int) or isinstance(value.get("version"), bool):
        problems.append("version")
    if not isinstance(value.get("data"), dict):
        problems.append("data")
    if problems:
        raise PoisonMessage("envelope fields missing or invalid: " + ", ".join(problems))
    return Envelope(
        id=value["id"][:200],
        type=value["type"],
        version=value["version"],
        source=str(value.get("source", "")),
        time=str(value.get("time", "")),
        data=value["data"],
    )
