"""A minimal BER codec for SNMP v1/v2c messages (RFC 1157 / RFC 3416).

Why not pyasn1: a pysnmp walk spends most of its CPU in pyasn1's generic decoder (about 2.5 s for
8k OIDs on this box, against 0.4 s for net-snmp). SNMP v1/v2c messages use a handful of fixed
types, so a direct encoder/decoder over `bytes` is a small amount of code and an order of magnitude
faster. SNMPv3 (USM auth/priv) still goes through pysnmp.

The decoder treats the datagram as hostile: every length is checked against the buffer, and any
inconsistency raises :class:`BerError` (the caller drops the datagram, as for a wrong request id).
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import IPv4Address

from netmap.discover.snmp.walker import Oid, SnmpValue

# PDU tags (context-specific, constructed)
GET = 0xA0
GETNEXT = 0xA1
RESPONSE = 0xA2
GETBULK = 0xA5

# Exception values of a v2c varbind (context-specific, primitive)
NO_SUCH_OBJECT = 0x80
NO_SUCH_INSTANCE = 0x81
END_OF_MIB_VIEW = 0x82

_INTEGER = 0x02
_OCTETS = 0x04
_NULL = 0x05
_OID = 0x06
_SEQUENCE = 0x30
_IPADDRESS = 0x40
_COUNTER32 = 0x41
_GAUGE32 = 0x42
_TIMETICKS = 0x43
_OPAQUE = 0x44
_COUNTER64 = 0x46
_UINTEGER32 = 0x47  # obsolete SNMPv2 type, still seen on old agents

_UNSIGNED = frozenset((_COUNTER32, _GAUGE32, _TIMETICKS, _COUNTER64, _UINTEGER32))
_MAX_OID_ARCS = 128  # RFC 2578 limit; longer OIDs are malformed


class BerError(ValueError):
    """The datagram is not a well-formed SNMP v1/v2c message."""


class ExceptionValue(int):
    """A v2c exception value in a varbind: noSuchObject / noSuchInstance / endOfMibView."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Response:
    request_id: int
    error_status: int
    error_index: int
    varbinds: list[tuple[str, SnmpValue | ExceptionValue | None]]


# ---------------------------------------------------------------------------------------------
# Encoding (requests only)
# ---------------------------------------------------------------------------------------------


def _len(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(body),)) + body


def _tlv(tag: int, body: bytes) -> bytes:
    return bytes((tag,)) + _len(len(body)) + body


def _int(value: int) -> bytes:
    return _tlv(_INTEGER, value.to_bytes((value.bit_length() + 8) // 8 or 1, "big", signed=True))


def encode_oid(oid: str) -> bytes:
    """BER body of a dotted numeric OID (no tag/length)."""
    try:
        arcs = [int(a) for a in oid.strip(".").split(".")]
    except ValueError as exc:
        raise BerError(f"not a numeric OID: {oid!r}") from exc
    if len(arcs) < 2 or arcs[0] > 2 or (arcs[0] < 2 and arcs[1] > 39) or min(arcs) < 0:
        raise BerError(f"invalid OID: {oid!r}")
    out = bytearray()
    for arc in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out.extend(reversed(chunk))
    return bytes(out)


def encode_request(
    version: int, community: bytes, pdu_tag: int, request_id: int, oids: list[str],
    non_repeaters: int = 0, max_repetitions: int = 0,
) -> bytes:
    """A complete v1 (version 0) or v2c (version 1) request message with NULL values."""
    null = b"\x05\x00"
    vbs = b"".join(_tlv(_SEQUENCE, _tlv(_OID, encode_oid(o)) + null) for o in oids)
    pdu = _int(request_id) + _int(non_repeaters) + _int(max_repetitions) + _tlv(_SEQUENCE, vbs)
    return _tlv(_SEQUENCE, _int(version) + _tlv(_OCTETS, community) + _tlv(pdu_tag, pdu))


# ---------------------------------------------------------------------------------------------
# Decoding (responses only)
# ---------------------------------------------------------------------------------------------


def _header(buf: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, body start, body end) of the TLV at `pos`, checked against `end`."""
    if pos + 2 > end:
        raise BerError("truncated TLV")
    tag = buf[pos]
    first = buf[pos + 1]
    pos += 2
    if first & 0x80:
        nbytes = first & 0x7F
        if nbytes == 0 or nbytes > 4 or pos + nbytes > end:
            raise BerError("bad length")
        length = int.from_bytes(buf[pos : pos + nbytes], "big")
        pos += nbytes
    else:
        length = first
    if pos + length > end:
        raise BerError("length past end of message")
    return tag, pos, pos + length


def decode_oid(body: bytes) -> str:
    if not body or len(body) > _MAX_OID_ARCS * 5 or body[-1] & 0x80:
        raise BerError("bad OID encoding")
    arcs: list[int] = []
    value = 0
    for byte in body:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = arcs[0]
    head = [0, first] if first < 40 else [1, first - 40] if first < 80 else [2, first - 80]
    if len(arcs) + 1 > _MAX_OID_ARCS:
        raise BerError("OID too long")
    return ".".join(map(str, head + arcs[1:]))


def _value(tag: int, body: bytes) -> SnmpValue | ExceptionValue | None:
    if tag in (_OCTETS, _OPAQUE):
        return body
    if tag == _INTEGER:
        return int.from_bytes(body, "big", signed=True) if body else 0
    if tag in _UNSIGNED:
        return int.from_bytes(body, "big", signed=False)
    if tag == _OID:
        return Oid(decode_oid(body))
    if tag == _IPADDRESS:
        if len(body) != 4:
            raise BerError("IpAddress is not 4 bytes")
        return IPv4Address(body)
    if tag in (NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW):
        return ExceptionValue(tag)
    if tag == _NULL:
        return None
    raise BerError(f"unknown value tag 0x{tag:02x}")


def _small_int(buf: bytes, pos: int, end: int) -> tuple[int, int]:
    tag, start, stop = _header(buf, pos, end)
    if tag != _INTEGER or stop - start > 8:
        raise BerError("expected INTEGER")
    return int.from_bytes(buf[start:stop], "big", signed=True), stop


def decode_response(buf: bytes) -> tuple[int, bytes, Response]:
    """(version, community, response PDU) of a v1/v2c Response message."""
    end = len(buf)
    tag, pos, end = _header(buf, 0, end)
    if tag != _SEQUENCE:
        raise BerError("message is not a SEQUENCE")
    version, pos = _small_int(buf, pos, end)
    tag, start, pos = _header(buf, pos, end)
    if tag != _OCTETS:
        raise BerError("community is not an OCTET STRING")
    community = buf[start:pos]
    tag, pos, end = _header(buf, pos, end)
    if tag != RESPONSE:
        raise BerError(f"not a Response PDU (0x{tag:02x})")
    request_id, pos = _small_int(buf, pos, end)
    error_status, pos = _small_int(buf, pos, end)
    error_index, pos = _small_int(buf, pos, end)
    tag, pos, end = _header(buf, pos, end)
    if tag != _SEQUENCE:
        raise BerError("varbind list is not a SEQUENCE")
    varbinds: list[tuple[str, SnmpValue | ExceptionValue | None]] = []
    while pos < end:
        tag, vpos, vend = _header(buf, pos, end)
        if tag != _SEQUENCE:
            raise BerError("varbind is not a SEQUENCE")
        tag, ostart, oend = _header(buf, vpos, vend)
        if tag != _OID:
            raise BerError("varbind name is not an OID")
        vtag, bstart, bend = _header(buf, oend, vend)
        varbinds.append((decode_oid(buf[ostart:oend]), _value(vtag, buf[bstart:bend])))
        pos = vend
    return version, community, Response(request_id, error_status, error_index, varbinds)
