"""Raw SNMP values kept in the store, so identification can be re-run on an old scan.

The scanner runs the identification reads through a :class:`RecordingWalker`: every value the
agent returned is kept, encoded like an snmprec line ("4x|4369736...", "2|17", "6|1.3.6.1...").
Inference later answers the same reads from that record with :class:`StoredWalker`, so the
answers (vendor, model, OS family, ...) are a pure function of the store and improve when the
knowledge tables do. A value that was never read is absent, exactly like noSuchObject.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from ipaddress import IPv4Address

from netmap.discover.snmp.snmprec import SnmprecError, decode_value, oid_key
from netmap.discover.snmp.walker import DEFAULT_MAX_ROWS, Oid, SnmpValue, Walker

Raw = dict[str, str]
NEXT = "next:"  # key prefix of a recorded GETNEXT answer


def encode(value: SnmpValue) -> str:
    """One value as snmprec "TAG|VALUE" text (JSON-safe, lossless for what getters read)."""
    if isinstance(value, bool):
        return f"2|{int(value)}"
    if isinstance(value, int):
        return f"2|{value}"
    if isinstance(value, bytes):
        return f"4x|{value.hex()}"
    if isinstance(value, Oid):
        return f"6|{value}"
    if isinstance(value, IPv4Address):
        return f"64|{value}"
    return f"4x|{str(value).encode('utf-8', 'surrogateescape').hex()}"


def decode(text: str) -> SnmpValue | None:
    """The value of one stored "TAG|VALUE"; None when it is malformed (a tampered store)."""
    tag, sep, value = text.partition("|")
    if not sep:
        return None
    try:
        return decode_value(tag, value)
    except (SnmprecError, ValueError):
        return None


class RecordingWalker:
    """A Walker that passes every read through and keeps what came back in `raw`."""

    def __init__(self, inner: Walker) -> None:
        self.inner = inner
        self.raw: Raw = {}

    def _keep(self, pairs: Mapping[str, SnmpValue] | Sequence[tuple[str, SnmpValue]]) -> None:
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        for oid, value in items:
            self.raw[oid] = encode(value)

    async def get(self, oid_list: Sequence[str]) -> dict[str, SnmpValue]:
        answer = await self.inner.get(oid_list)
        self._keep(answer)
        return answer

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> list[tuple[str, SnmpValue]]:
        rows = await self.inner.walk(oid, max_rows)
        self._keep(rows)
        return rows

    async def next_oids(self, oid_list: Sequence[str]) -> dict[str, str | None]:
        """GETNEXT where the inner walker can (identification's private-MIB step); the answer
        is kept under "next:<oid>" ("5|" when the agent had nothing after it)."""
        inner = getattr(self.inner, "next_oids", None)
        if inner is None:
            return {}
        answer: dict[str, str | None] = dict(await inner(oid_list))
        for oid, following in answer.items():
            self.raw[NEXT + oid] = f"6|{following}" if following else "5|"
        return answer


class StoredWalker:
    """A Walker that answers from stored raw values: GETs by exact OID, walks by subtree."""

    def __init__(self, raw: Mapping[str, str]) -> None:
        decoded = ((oid, decode(text)) for oid, text in raw.items() if not oid.startswith(NEXT))
        self._values = {oid: value for oid, value in decoded if value is not None}
        self._ordered = sorted(self._values, key=_key)
        self._next = {
            oid[len(NEXT):]: text for oid, text in raw.items() if oid.startswith(NEXT)
        }

    async def next_oids(self, oid_list: Sequence[str]) -> dict[str, str | None]:
        """The recorded GETNEXT answers; an OID never asked is left out, like a walker that
        cannot GETNEXT."""
        out: dict[str, str | None] = {}
        for oid in oid_list:
            if oid in self._next:
                value = decode(self._next[oid])
                out[oid] = str(value) if isinstance(value, Oid) else None
        return out

    async def get(self, oid_list: Sequence[str]) -> dict[str, SnmpValue]:
        return {oid: self._values[oid] for oid in oid_list if oid in self._values}

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> list[tuple[str, SnmpValue]]:
        prefix = oid + "."
        rows = [(o, self._values[o]) for o in self._ordered if o.startswith(prefix)]
        return rows[:max_rows]


def _key(oid: str) -> tuple[int, ...]:
    try:
        return oid_key(oid)
    except ValueError:  # a tampered key sorts last and never matches a numeric subtree
        return (1 << 32,)
