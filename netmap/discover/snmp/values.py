"""Turning untrusted SNMP values into plain, safe Python values.

Agents are hostile until proven otherwise: strings may not be UTF-8, may carry NULs and control
characters, may be megabytes long, and an INTEGER column may hold a string. Every coercion here
returns None rather than raising, so one bad value never loses a whole record. Nothing is escaped
for HTML/CSV/XML here: renderers do that where the text leaves netmap.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Address, IPv6Address

from netmap.discover.snmp.walker import Oid, SnmpValue

MAX_TEXT = 2048  # longer strings are cut: no device field needs more, and memory stays bounded

# C0 controls except TAB and LF, DEL, C1 controls, and the Unicode bidi overrides / isolates that
# can make a name render differently from what it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def text(value: SnmpValue | None, limit: int = MAX_TEXT) -> str | None:
    """A display string: UTF-8 with undecodable bytes replaced, controls stripped, trimmed.

    Empty results are None, so "no value" and "empty value" look the same to callers."""
    if value is None:
        return None
    if isinstance(value, bytes):
        raw = value[: limit * 4].replace(b"\r\n", b"\n")
        decoded = raw.decode("utf-8", errors="replace")
    else:
        decoded = str(value)
    cleaned = _UNSAFE.sub("", decoded[:limit]).strip()
    return cleaned or None


def one_line(value: SnmpValue | None, limit: int = MAX_TEXT) -> str | None:
    """Like :func:`text`, with newlines and tabs folded to single spaces (names, ports)."""
    cleaned = text(value, limit)
    return " ".join(cleaned.split()) if cleaned else None


def integer(value: SnmpValue | None) -> int | None:
    """An int from an INTEGER-like value; a decimal string is accepted, anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, bytes) and 0 < len(value) <= 24:
        try:
            return int(value.decode("ascii").strip())
        except (UnicodeDecodeError, ValueError):
            return None
    return None


def hexstr(value: SnmpValue | None, sep: str = "") -> str | None:
    if isinstance(value, bytes) and value:
        return value.hex(sep) if sep else value.hex()
    return None


_MAC_TEXT = re.compile(r"^[0-9a-fA-F]{1,2}([:\-. ][0-9a-fA-F]{1,2}){5}$")


def mac(value: SnmpValue | None) -> str | None:
    """aa:bb:cc:dd:ee:ff from a 6-byte PhysAddress (or a MAC written as text by odd agents).

    Other non-empty lengths (FireWire, tunnels) come out as colon hex; all-zero is None."""
    if not isinstance(value, bytes) or not value:
        return None
    if len(value) == 6:
        raw = value
    elif _MAC_TEXT.match(value.decode("latin-1").strip()):
        parts = re.split(r"[:\-. ]", value.decode("latin-1").strip())
        raw = bytes(int(p, 16) for p in parts)
    elif len(value) <= 20:
        raw = value
    else:
        return None
    if not any(raw):
        return None
    return raw.hex(":")


def mac_from_arcs(arcs: tuple[int, ...]) -> str | None:
    """A MAC from 6 OID arcs (the index of the forwarding tables)."""
    if len(arcs) != 6 or any(a > 255 for a in arcs):
        return None
    return bytes(arcs).hex(":")


def ipv4(value: SnmpValue | None) -> str | None:
    if isinstance(value, IPv4Address):
        return str(value)
    if isinstance(value, bytes) and len(value) == 4:
        return str(IPv4Address(value))
    return None


def inet_address(family: int, raw: bytes | tuple[int, ...]) -> str | None:
    """InetAddress by InetAddressType: 1 ipv4, 2 ipv6, 3 ipv4z, 4 ipv6z (zone index dropped)."""
    data = bytes(raw) if all(0 <= b <= 255 for b in raw) else b""
    if family in (1, 3) and len(data) >= 4:
        return str(IPv4Address(data[:4]))
    if family in (2, 4) and len(data) >= 16:
        return str(IPv6Address(data[:16]))
    return None


def oid_value(value: SnmpValue | None) -> Oid | None:
    return value if isinstance(value, Oid) else None


def date_and_time(value: SnmpValue | None) -> str | None:
    """SNMPv2-TC DateAndTime (8 or 11 octets) as 'YYYY-MM-DD HH:MM:SS'; None if implausible."""
    if not isinstance(value, bytes) or len(value) not in (8, 11):
        return None
    year = int.from_bytes(value[0:2], "big")
    month, day, hour, minute, second = value[2], value[3], value[4], value[5], value[6]
    if not (1970 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if hour > 23 or minute > 59 or second > 60:
        return None
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"


def printable_or_hex(value: SnmpValue | None) -> str | None:
    """Text if the bytes are readable, else hex (chassis / port ids are often binary)."""
    if not isinstance(value, bytes):
        return text(value)
    if not value:
        return None
    try:
        decoded = value.decode("utf-8")
    except UnicodeDecodeError:
        return value.hex(":")
    if all(ch.isprintable() or ch in "\t\n" for ch in decoded.rstrip("\x00")):
        return text(value)
    return value.hex(":")
