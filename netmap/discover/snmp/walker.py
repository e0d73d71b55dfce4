"""The one interface every SNMP getter reads through.

Getters are pure functions over a :class:`Walker`: the live pysnmp session implements it, and so
does the in-memory `.snmprec` reader used by unit tests and the accuracy benchmark. That keeps the
MIB logic in one place, whatever the transport.

Values are decoded to plain Python: INTEGER/Counter/Gauge/TimeTicks -> int, OCTET STRING -> bytes
(never decoded here: strings from devices are untrusted and may not be UTF-8),
OBJECT IDENTIFIER -> :class:`Oid`, IpAddress -> :class:`ipaddress.IPv4Address`, NULL / noSuchObject /
noSuchInstance -> absent from the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Address
from typing import Protocol


class Oid(str):
    """An OBJECT IDENTIFIER value, numeric and without a leading dot ("1.3.6.1.2.1")."""

    __slots__ = ()


SnmpValue = int | bytes | Oid | IPv4Address

DEFAULT_MAX_ROWS = 50_000


class SnmpError(Exception):
    """A clear, per-device SNMP failure (timeout, auth failure, malformed answer)."""


class Walker(Protocol):
    async def get(self, oids: Sequence[str]) -> dict[str, SnmpValue]:
        """GET these exact OIDs; missing / noSuch* values are left out of the result."""
        ...

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> list[tuple[str, SnmpValue]]:
        """All (oid, value) strictly inside the subtree `oid`, in increasing order.

        Stops at the end of the subtree, on endOfMibView, on a non-increasing OID, or after
        `max_rows` rows. Raises SnmpError only if nothing could be read because the agent failed.
        """
        ...
