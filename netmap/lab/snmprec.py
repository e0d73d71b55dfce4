"""snmprec recordings: templating, sorting and conversion to net-snmp pass types.

Standard library only: this module also runs inside snmpd's pass_persist helpers,
started with `python -S` for speed.

Recordings may use ${...} placeholders (mac_hex, ip, sysname, serial, model, ...),
filled from the spec so a recording matches the device that serves it. After
substitution the records are re-sorted by numeric OID: snmpsim's index and our
GETNEXT both need lexicographic OID order.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

Oid = tuple[int, ...]
Record = tuple[Oid, str, str]  # (oid, snmprec tag, value text)

# snmprec tag -> net-snmp pass_persist type keyword
_PASS_TYPES = {
    "2": "integer", "4": "string", "4x": "octet", "6": "objectid",
    "64": "ipaddress", "65": "counter", "66": "gauge", "67": "timeticks",
    "70": "counter64", "68x": "opaque", "65x": "counter",
}


def parse_oid(text: str) -> Oid:
    return tuple(int(p) for p in text.strip().strip(".").split(".") if p)


def format_oid(oid: Oid) -> str:
    return "." + ".".join(str(p) for p in oid)


def render(template: str, values: Mapping[str, str]) -> list[Record]:
    """Fill placeholders, parse and sort. Unknown placeholders are an error."""
    text = string.Template(template).substitute(values)
    return parse(text.splitlines())


def parse(lines: Iterable[str]) -> list[Record]:
    out: list[Record] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        oid, tag, value = line.split("|", 2)
        out.append((parse_oid(oid), tag.strip(), value))
    out.sort(key=lambda r: r[0])
    return out


def dumps(records: Iterable[Record]) -> str:
    """snmprec text (no leading dot, as snmpsim writes it)."""
    return "".join(f"{format_oid(o)[1:]}|{t}|{v}\n" for o, t, v in records)


def to_pass(record: Record) -> tuple[Oid, str, str]:
    """Convert one record to (oid, pass type, value) for pass_persist output."""
    oid, tag, value = record
    ptype = _PASS_TYPES.get(tag)
    if ptype is None:
        raise ValueError(f"unsupported snmprec tag {tag!r} at {format_oid(oid)}")
    if ptype == "octet":
        value = " ".join(value[i:i + 2] for i in range(0, len(value), 2))
    elif ptype == "objectid":
        value = "." + value.lstrip(".")
    return oid, ptype, value


def mac_hex(mac: str) -> str:
    return mac.replace(":", "").lower()
