"""Identity objects of vendor MIBs (model, serial number, firmware), keyed by enterprise number
or sysObjectID family, so that one entry covers a vendor's whole product line.

The knowledge is data: `data/vendor-mibs.tsv` (one row per MIB object) and
`data/vendor-mibs.toml` (the Net-SNMP appliances, the sysObjectID-rooted families); this module
only reads it. A malformed row is skipped with a logged warning, never a failure at scan time."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, cast, get_args

from netmap.discover.snmp.candidates import Field_
from netmap.discover.snmp.datafiles import data_text, each_row, table_lines


@dataclass(frozen=True)
class Probe:
    """One vendor-MIB object that names a field. `column` objects are walked for their first row
    (and only when no scalar probe already named the field); scalars are fetched with
    GET <oid>.0, or GET <oid> when `exact` (agents that register objects without the ".0").
    `pattern`, when set, keeps only its group 1 ("FortiSwitch-424E v7.4.0,build..." -> model);
    `template` then spells it the vendor's way ("FP831F-v7.0-build0127" -> "FortiAP 831F")."""

    field: Field_
    oid: str
    label: str
    column: bool = False
    exact: bool = False
    pattern: str | None = None
    template: str = "{}"
    # a server maker's agent beside the OS's own: its answer names the machine's maker, above
    # the brand of the OS agent's number (a Windows server on a Dell is Dell's, not Microsoft's)
    hardware: bool = False

    @property
    def instance(self) -> str:
        return self.oid if self.exact else self.oid + ".0"

    def extract(self, value: str | None) -> str | None:
        if value is None or self.pattern is None:
            return value
        match = re.search(self.pattern, value, re.IGNORECASE)
        if not match:
            return None
        return self.template.format(match.group(1) if match.re.groups else match.group(0))


_HOW = {"scalar": {}, "exact": {"exact": True}, "column": {"column": True}}
_GENERIC_AGENTS = (8072, 2021)  # Net-SNMP and UCD-SNMP: the appliances' rows are asked there


def _row(cols: list[str]) -> tuple[int, Probe]:
    """One vendor-mibs.tsv row: enterprise, field, how, OID, label[, pattern[, template]]."""
    number, field_, how, oid, label, *rest = cols
    if field_ not in get_args(Field_) or how not in _HOW or not re.fullmatch(r"[\d.]+", oid):
        raise ValueError(f"field {field_!r}, how {how!r} or OID {oid!r}")
    pattern = rest[0] if rest and rest[0] else None
    if pattern is not None:
        re.compile(pattern)
    template = rest[1] if len(rest) > 1 else "{}"
    return int(number), Probe(cast(Field_, field_), oid, label, pattern=pattern,
                              template=template, **_HOW[how])  # fmt: skip


@cache
def _companion() -> dict[str, Any]:
    """vendor-mibs.toml, read once."""
    return tomllib.loads(data_text("vendor-mibs.toml"))


def load_vendor_probes(rows: str | None = None) -> dict[int, tuple[Probe, ...]]:
    """Enterprise number -> its probes, in table order, plus the Net-SNMP appliances' scalars
    under the generic agents' numbers, and the server makers' scalars after a server OS agent's
    own. `rows`: the table's text (default: the shipped one)."""
    table: dict[int, tuple[Probe, ...]] = {}
    text = data_text("vendor-mibs.tsv") if rows is None else rows
    lines = [(n, line.split("\t")) for n, line in table_lines(text)]
    for number, probe in each_row(lines, _row, "vendor-mibs.tsv line"):
        table[number] = (*table.get(number, ()), probe)
    extra = _companion()
    appliances = _scalars(table, extra.get("net_snmp_appliances", []))
    for generic in _GENERIC_AGENTS:
        table[generic] = appliances
    servers = tuple(replace(p, hardware=True)
                    for p in _scalars(table, extra.get("server_hardware", [])))  # fmt: skip
    for number in extra.get("server_os_agents", []):
        table[number] = table.get(number, ()) + servers
    return table


def _scalars(table: dict[int, tuple[Probe, ...]], numbers: list[int]) -> tuple[Probe, ...]:
    """The non-column probes of the makers `numbers`, in that order (asked in one GET)."""
    return tuple(probe for number in numbers for probe in table.get(number, ())
                 if not probe.column)  # fmt: skip


def load_relative_probes() -> dict[str, tuple[tuple[Field_, str, str], ...]]:
    extra = _companion()
    return {entry["family"]: tuple((cast(Field_, f), suffix, label)
                                   for f, suffix, label in entry["probes"])
            for entry in extra.get("relative", [])}  # fmt: skip


# Vendor probes by sysObjectID enterprise number (a few hundred rows: read once, at import).
VENDOR_PROBES: dict[int, tuple[Probe, ...]] = load_vendor_probes()
# Enterprise numbers of operating systems' own agents (Windows, ESXi): they name the OS's maker,
# and the machine's maker, where a server agent or the chassis names it, is the device's.
SERVER_OS_AGENTS: frozenset[int] = frozenset(_companion().get("server_os_agents", []))
# Product families whose MIB is rooted at the product's own sysObjectID.
RELATIVE_PROBES: dict[str, tuple[tuple[Field_, str, str], ...]] = load_relative_probes()


def relative_probes(object_id: str | None) -> tuple[Probe, ...]:
    """The sysObjectID-rooted probes of the agent's product family (one level below the family
    root: 1.3.6.1.4.1.8691.7.71 -> 1.3.6.1.4.1.8691.7.71.1.4.0)."""
    if not object_id:
        return ()
    object_id = object_id.strip(".")
    for family, items in RELATIVE_PROBES.items():
        rest = object_id[len(family) + 1 :] if object_id.startswith(family + ".") else ""
        if rest.isdigit():
            return tuple(Probe(name, object_id + suffix, label) for name, suffix, label in items)
    return ()

