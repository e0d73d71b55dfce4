"""The v1/v2c BER codec against pyasn1/pysnmp (the reference encoder), and hostile datagrams."""

from __future__ import annotations

import contextlib
from ipaddress import IPv4Address

from hypothesis import given, settings, strategies as st
from pyasn1.codec.ber import decoder, encoder
from pysnmp.proto import api

from netmap.discover.snmp import ber
from netmap.discover.snmp.walker import Oid

V2C = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]

arc = st.integers(min_value=0, max_value=2**32 - 1)
oids = st.builds(
    lambda first, second, rest: ".".join(map(str, [first, second, *rest])),
    st.integers(0, 2), st.integers(0, 39), st.lists(arc, max_size=30),
)


@given(oids)
def test_oid_round_trip(oid: str) -> None:
    assert ber.decode_oid(ber.encode_oid(oid)) == oid


@given(oids, st.integers(0, 2**31 - 1), st.integers(0, 100))
def test_requests_parse_with_pyasn1(oid: str, request_id: int, reps: int) -> None:
    wire = ber.encode_request(1, b"public", ber.GETBULK, request_id, [oid, "1.3.6.1"], 0, reps)
    message, rest = decoder.decode(wire, asn1Spec=V2C.Message())
    pdu = V2C.apiMessage.get_pdu(message)
    assert rest == b"" and str(V2C.apiMessage.get_community(message)) == "public"
    assert int(V2C.apiPDU.get_request_id(pdu)) == request_id
    assert int(V2C.apiBulkPDU.get_max_repetitions(pdu)) == reps
    assert [str(o) for o, _ in V2C.apiPDU.get_varbinds(pdu)] == [oid, "1.3.6.1"]


def _response(varbinds: list[tuple[str, object]], request_id: int = 7) -> bytes:
    request = V2C.Message()
    V2C.apiMessage.set_defaults(request)
    V2C.apiMessage.set_community(request, "c")
    pdu = V2C.GetRequestPDU()
    V2C.apiPDU.set_defaults(pdu)
    V2C.apiPDU.set_request_id(pdu, request_id)
    V2C.apiMessage.set_pdu(request, pdu)
    response = V2C.apiMessage.get_response(request)
    V2C.apiPDU.set_varbinds(V2C.apiMessage.get_pdu(response), varbinds)
    return bytes(encoder.encode(response))


def test_decodes_every_value_type() -> None:
    wire = _response([
        ("1.3.6.1.1", V2C.Integer(-5)), ("1.3.6.1.2", V2C.OctetString(b"\x00\xffx")),
        ("1.3.6.1.3", V2C.ObjectIdentifier("1.3.6.1.4.1.9")), ("1.3.6.1.4", V2C.IpAddress("10.0.0.1")),
        ("1.3.6.1.5", V2C.Counter32(4294967295)), ("1.3.6.1.6", V2C.Gauge32(7)),
        ("1.3.6.1.7", V2C.TimeTicks(100)), ("1.3.6.1.8", V2C.Counter64(2**64 - 1)),
        ("1.3.6.1.9", V2C.NoSuchObject()), ("1.3.6.1.10", V2C.EndOfMibView()),
    ], request_id=99)
    version, community, resp = ber.decode_response(wire)
    assert (version, community, resp.request_id, resp.error_status) == (1, b"c", 99, 0)
    values = dict(resp.varbinds)
    assert values["1.3.6.1.1"] == -5 and values["1.3.6.1.2"] == b"\x00\xffx"
    assert values["1.3.6.1.3"] == Oid("1.3.6.1.4.1.9") and isinstance(values["1.3.6.1.3"], Oid)
    assert values["1.3.6.1.4"] == IPv4Address("10.0.0.1")
    assert values["1.3.6.1.5"] == 4294967295 and values["1.3.6.1.8"] == 2**64 - 1
    assert values["1.3.6.1.9"] == ber.NO_SUCH_OBJECT and isinstance(values["1.3.6.1.9"], ber.ExceptionValue)
    assert values["1.3.6.1.10"] == ber.END_OF_MIB_VIEW


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_ber_error(data: bytes) -> None:
    with contextlib.suppress(ber.BerError):
        ber.decode_response(data)


@settings(max_examples=300)
@given(st.data())
def test_mutated_responses_only_raise_ber_error(data: st.DataObject) -> None:
    wire = bytearray(_response([("1.3.6.1.2.1.1.5.0", V2C.OctetString(b"name")),
                                ("1.3.6.1.2.1.1.2.0", V2C.ObjectIdentifier("1.3.6.1.4.1.9"))]))
    for _ in range(data.draw(st.integers(1, 4))):
        wire[data.draw(st.integers(0, len(wire) - 1))] = data.draw(st.integers(0, 255))
    with contextlib.suppress(ber.BerError):
        ber.decode_response(bytes(wire))


def test_absurd_lengths_are_rejected() -> None:
    for wire in (b"\x30\x84\xff\xff\xff\xff", b"\x30\x85\x01\x02\x03\x04\x05", b"\x30\x80", b"\x30"):
        try:
            ber.decode_response(wire)
        except ber.BerError:
            continue
        raise AssertionError(f"accepted {wire!r}")
