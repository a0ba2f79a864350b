"""The protobuf wire format of this project's gRPC messages, by hand: no protoc, no generated code.

Every rpc in contracts/proto carries the same two shapes, all proto3 `string` fields:
request `{ id = 1, body_json = 2, idempotency_key = 3 }` and response `{ id = 1, body_json = 2 }`.
Decoding skips fields it does not know (as protobuf does), so a newer caller's extra fields are
ignored; anything malformed raises WireError (the server answers INVALID_ARGUMENT).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, Mapping, Tuple

# Wire types (https://protobuf.dev/programming-guides/encoding/).
VARINT = 0
FIXED64 = 1
LENGTH_DELIMITED = 2
FIXED32 = 5

MAX_VARINT_BYTES = 10

REQUEST_FIELDS: Mapping[int, str] = {1: "id", 2: "body_json", 3: "idempotency_key"}
RESPONSE_FIELDS: Mapping[int, str] = {1: "id", 2: "body_json"}


class WireError(ValueError):
    """The bytes are not a valid message of the expected shape."""


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _read_varint(data: bytes, pos: int) -> Tuple[int, int]:
    """(value, position after it)."""
    value = 0
    for i in range(MAX_VARINT_BYTES):
        if pos >= len(data):
            raise WireError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            return value, pos
    raise WireError("varint longer than 10 bytes")


def encode_strings(fields: Iterable[Tuple[int, str]]) -> bytes:
    """String fields as (number, value); empty values are left out, as proto3 does."""
    out = bytearray()
    for number, value in fields:
        if not value:
            continue
        raw = value.encode("utf-8")
        out += _varint((number << 3) | LENGTH_DELIMITED)
        out += _varint(len(raw))
        out += raw
    return bytes(out)


def decode_strings(data: bytes, names: Mapping[int, str]) -> Dict[str, str]:
    """The string fields `names` maps (number → name), each "" when absent; the last occurrence wins."""
    values = {name: "" for name in names.values()}
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        number, wire_type = key >> 3, key & 7
        if number == 0:
            raise WireError("field number 0")
        if wire_type == VARINT:
            _, pos = _read_varint(data, pos)
        elif wire_type == FIXED64:
            pos += 8
        elif wire_type == FIXED32:
            pos += 4
        elif wire_type == LENGTH_DELIMITED:
            length, pos = _read_varint(data, pos)
            end = pos + length
            if end > len(data):
                raise WireError(f"field {number} runs past the end of the message")
            if number in names:
                try:
                    values[names[number]] = bytes(data[pos:end]).decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise WireError(f"field {number} is not UTF-8") from exc
            pos = end
            continue
        else:
            raise WireError(f"unsupported wire type {wire_type}")
        if number in names:
            raise WireError(f"field {number} must be a string")
        if pos > len(data):
            raise WireError(f"field {number} runs past the end of the message")
    return values


@dataclass(frozen=True)
class RpcRequest:
    id: str = ""
    body_json: str = ""
    idempotency_key: str = ""

    def encode(self) -> bytes:
        return encode_strings(((1, self.id), (2, self.body_json), (3, self.idempotency_key)))

    @staticmethod
    def decode(data: bytes) -> "RpcRequest":
        return RpcRequest(**decode_strings(data, REQUEST_FIELDS))


@dataclass(frozen=True)
class RpcResponse:
    id: str = ""
    body_json: str = ""

    def encode(self) -> bytes:
        return encode_strings(((1, self.id), (2, self.body_json)))

    @staticmethod
    def decode(data: bytes) -> "RpcResponse":
        return RpcResponse(**decode_strings(data, RESPONSE_FIELDS))
