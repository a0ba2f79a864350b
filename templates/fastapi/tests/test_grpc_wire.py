"""The hand-written protobuf encoding of the contract's messages (app/grpc_wire.py)."""

import pytest

from app.grpc_wire import RpcRequest, RpcResponse, WireError, decode_strings, encode_strings


def test_encodes_string_fields_as_protobuf_does() -> None:
    # Reference bytes as protoc-generated code writes them: tag (number << 3 | 2), length, UTF-8.
    assert RpcRequest(id="abc").encode() == b"\x0a\x03abc"
    assert RpcRequest(body_json="{}", idempotency_key="k").encode() == b"\x12\x02{}\x1a\x01k"
    assert RpcResponse().encode() == b""  # proto3 leaves empty strings out
    assert encode_strings([(1, "x" * 300)])[:3] == b"\x0a\xac\x02"  # 300 as a two-byte varint


def test_round_trips_unicode_and_long_values() -> None:
    request = RpcRequest(id="名前 \u2028 \"'", body_json='{"a": "' + "é" * 5000 + '"}', idempotency_key="key-1")
    assert RpcRequest.decode(request.encode()) == request
    response = RpcResponse(id="1", body_json="{}")
    assert RpcResponse.decode(response.encode()) == response
    assert RpcRequest.decode(b"") == RpcRequest()


def test_skips_unknown_fields_and_keeps_the_last_occurrence() -> None:
    unknown = (
        b"\x20\x96\x01"  # field 4, varint 150
        b"\x29" + b"\x00" * 8  # field 5, fixed64
        + b"\x35" + b"\x00" * 4  # field 6, fixed32
        + b"\x3a\x02hi"  # field 7, bytes
    )
    data = b"\x0a\x01a" + unknown + b"\x0a\x01b"
    assert RpcRequest.decode(data) == RpcRequest(id="b")
    assert decode_strings(b"\x12\x01x", {1: "id"}) == {"id": ""}


@pytest.mark.parametrize(
    "data",
    [
        b"\x0a\x05abc",  # length past the end
        b"\x0a",  # key without its length
        b"\x80",  # truncated varint
        b"\x0a\x01\xff",  # not UTF-8
        b"\x08\x01",  # field 1 must be a string, not a varint
        b"\x0b",  # group wire type
        b"\x02\x00",  # field number 0
        b"\x21\x00",  # fixed64 cut short
        b"\x0a" + b"\xff" * 11,  # varint longer than 10 bytes
    ],
)
def test_rejects_malformed_messages(data: bytes) -> None:
    with pytest.raises(WireError):
        RpcRequest.decode(data)


def test_matches_the_protobuf_runtime_when_installed() -> None:
    """Cross-checks against Google's implementation with a message built at run time (no protoc)."""
    descriptor_pb2 = pytest.importorskip("google.protobuf.descriptor_pb2")
    from google.protobuf import descriptor_pool, message_factory

    file = descriptor_pb2.FileDescriptorProto(name="wire_check.proto", package="wire_check", syntax="proto3")
    message = file.message_type.add(name="Request")
    for number, name in ((1, "id"), (2, "body_json"), (3, "idempotency_key")):
        message.field.add(name=name, number=number, type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING, label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    descriptor = pool.FindMessageTypeByName("wire_check.Request")
    cls = message_factory.GetMessageClass(descriptor) if hasattr(message_factory, "GetMessageClass") else message_factory.MessageFactory(pool).GetPrototype(descriptor)
    theirs = cls(id="42", body_json='{"é": 1}', idempotency_key="k-1")
    ours = RpcRequest(id="42", body_json='{"é": 1}', idempotency_key="k-1")
    assert ours.encode() == theirs.SerializeToString()
    assert RpcRequest.decode(theirs.SerializeToString()) == ours
