"""An in-memory :class:`~netmap.discover.snmp.walker.Walker` over an snmpsim `.snmprec` file.

One record per line, ``OID|TAG|VALUE``: TAG is the BER tag number of the SNMP type (2 Integer32,
4 OCTET STRING, 5 NULL, 6 OBJECT IDENTIFIER, 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks,
68 Opaque, 70 Counter64), optionally suffixed ``x`` (value written in hex) or ``e`` (value written
with Python-style escapes). Values are decoded to the Walker value types, exactly as the live
session decodes them, so getters behave the same offline and over UDP.

Used by unit tests and by the offline accuracy benchmark: loading is one pass, lookups are bisects.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterable, Sequence
from ipaddress import IPv4Address
from pathlib import Path

from netmap.discover.snmp.walker import DEFAULT_MAX_ROWS, Oid, SnmpValue

_INT_TAGS = frozenset({"2", "65", "66", "67", "70"})

OidKey = tuple[int, ...]


class SnmprecError(ValueError):
    """A line of a .snmprec file that cannot be decoded."""


def oid_key(oid: str) -> OidKey:
    """Numeric sort key of a dotted OID ("1.3.6.1" -> (1, 3, 6, 1)); a leading dot is ignored."""
    return tuple(int(part) for part in oid.strip(".").split(".") if part)


def _raw_bytes(value: str, encoding: str) -> bytes:
    if encoding == "x":
        text = value.strip().replace(" ", "")
        if len(text) % 2:  # snmpsim pads an odd-length hex value with a trailing 0
            text += "0"
        return bytes.fromhex(text)
    if encoding == "e":
        decoded: bytes = codecs.escape_decode(value.encode("utf-8"))[0]
        return decoded
    return value.encode("utf-8", "surrogateescape")


# snmpsim variation modules ("2:numeric|min=0,max=100", "4:writecache|value=Server 1"): the value
# is the module's settings. Read statically: the settings' `value`, else a number's `initial` or
# `min`, else 0 for a number; other modules' objects are left out.
_SETTING = re.compile(r"(?:^|,)(\w+)=(.*?)(?=,\w+=|$)", re.DOTALL)


def _variation(tag: str, settings: str) -> SnmpValue | None:
    found: dict[str, str] = dict(_SETTING.findall(settings))
    if "value" in found:
        return decode_value(tag, found["value"])
    if tag.rstrip("xe") in _INT_TAGS:
        start = found.get("initial") or found.get("min") or "0"
        if not _NUMBER.fullmatch(start.strip()):
            return 0
        try:
            return int(float(start))
        except OverflowError as exc:  # "1e999"
            raise SnmprecError(f"{exc}: {start!r}") from exc
    return None


_NUMBER = re.compile(r"-?\d+(\.\d*)?([eE][-+]?\d+)?")
_DOTTED_QUAD = re.compile(r"\d{1,3}(\.\d{1,3}){3}")


def _ip_address(value: str, encoding: str) -> IPv4Address:
    if encoding:
        return IPv4Address(_raw_bytes(value, encoding)[:4].rjust(4, b"\0"))
    if _DOTTED_QUAD.fullmatch(value.strip()):
        return IPv4Address(value.strip())
    raw = value.encode("utf-8", "surrogateescape")  # old recorders wrote the 4 octets as they are
    if len(raw) == 4:
        return IPv4Address(raw)
    raise SnmprecError(f"IpAddress {value!r} is neither dotted nor 4 octets")


def decode_value(tag: str, value: str) -> SnmpValue | None:
    """Decode one snmprec TAG|VALUE pair; None for NULL (absent from walks, like noSuch*)."""
    if ":" in tag:
        base_tag, _module = tag.split(":", 1)
        return _variation(base_tag, value)
    base, encoding = tag, ""
    if tag and tag[-1] in "xe":
        base, encoding = tag[:-1], tag[-1]
    if base == "5":
        return None
    if base in _INT_TAGS:
        if encoding:
            return int.from_bytes(_raw_bytes(value, encoding), "big")
        return int(value.strip())
    if base in ("4", "68"):
        return _raw_bytes(value, encoding)
    if base == "6":
        text = _raw_bytes(value, encoding).decode("ascii") if encoding else value
        return Oid(text.strip().strip("."))
    if base == "64":
        return _ip_address(value, encoding)
    raise SnmprecError(f"unknown snmprec tag {tag!r}")


def parse_lines(lines: Iterable[str], skipped: list[str] | None = None) -> list[tuple[str, SnmpValue]]:
    """Parse snmprec lines into (oid, value) pairs in numeric OID order; the first duplicate wins.

    Comment (#) and blank lines are skipped; NULL values are dropped. A line that does not decode
    raises SnmprecError, or, when a `skipped` list is given, is left out and described in it
    (third-party walks: one broken value should not cost the rest of the device).
    """
    seen: dict[OidKey, tuple[str, SnmpValue]] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            key, oid, value = _parse_line(line, number)
        except SnmprecError as exc:
            if skipped is None:
                raise
            skipped.append(str(exc))
            continue
        if value is not None and key not in seen:
            seen[key] = (oid, value)
    return [seen[key] for key in sorted(seen)]


def _parse_line(line: str, number: int) -> tuple[OidKey, str, SnmpValue | None]:
    parts = line.split("|", 2)
    if len(parts) != 3:
        raise SnmprecError(f"line {number}: expected OID|TAG|VALUE")
    oid, tag, raw = parts
    oid = oid.strip().strip(".")
    try:
        return oid_key(oid), oid, decode_value(tag.strip(), raw)
    except (ValueError, UnicodeDecodeError, SnmprecError) as exc:
        raise SnmprecError(f"line {number}: {exc}") from exc


def load_snmprec(path: str | Path, skipped: list[str] | None = None) -> list[tuple[str, SnmpValue]]:
    """Read a .snmprec file: (oid, value) pairs in numeric OID order (see parse_lines)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        return parse_lines(handle, skipped)


class SnmprecWalker:
    """Walker over recorded (oid, value) pairs: GET is a dict lookup, WALK a bisect + slice."""

    def __init__(self, records: Sequence[tuple[str, SnmpValue]]) -> None:
        pairs = sorted(((oid_key(oid), oid, value) for oid, value in records), key=lambda r: r[0])
        self._keys: list[OidKey] = [key for key, _, _ in pairs]
        self._rows: list[tuple[str, SnmpValue]] = [(oid, value) for _, oid, value in pairs]
        self._by_oid: dict[OidKey, SnmpValue] = {key: value for key, _, value in pairs}
        self.requests = 0  # GET/WALK calls served: lets tests check "only walk what's needed"
        self.path: Path | None = None

    @classmethod
    def from_file(cls, path: str | Path) -> SnmprecWalker:
        walker = cls(load_snmprec(path))
        walker.path = Path(path)
        return walker

    def in_vlan(self, vlan: int) -> SnmprecWalker | None:
        """The recording of the agent's VLAN instance, `<name>@<vlan>.snmprec` beside this one
        (snmpsim's community@vlan convention), or None."""
        if self.path is None:
            return None
        other = self.path.with_name(f"{self.path.stem}@{vlan}{self.path.suffix}")
        return SnmprecWalker.from_file(other) if other.is_file() else None

    async def get(self, oids: Sequence[str]) -> dict[str, SnmpValue]:
        self.requests += 1
        found: dict[str, SnmpValue] = {}
        for oid in oids:
            value = self._by_oid.get(oid_key(oid))
            if value is not None:
                found[oid] = value
        return found

    async def next_oids(self, oid_list: Sequence[str]) -> dict[str, str | None]:
        """GETNEXT of each OID, like the live session's: the OID that follows it, or None."""
        self.requests += 1
        out: dict[str, str | None] = {}
        for oid in oid_list:
            index = bisect.bisect_right(self._keys, oid_key(oid))
            out[oid] = self._rows[index][0] if index < len(self._rows) else None
        return out

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> list[tuple[str, SnmpValue]]:
        self.requests += 1
        prefix = oid_key(oid)
        start = bisect.bisect_right(self._keys, prefix)  # strictly inside: skip `oid` itself
        rows: list[tuple[str, SnmpValue]] = []
        for index in range(start, len(self._keys)):
            if self._keys[index][: len(prefix)] != prefix or len(rows) >= max_rows:
                break
            rows.append(self._rows[index])
        return rows
