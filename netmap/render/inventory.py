"""The inventory workbook (XLSX) and CSV exports.

Tables are built once (plain rows of str/number/datetime) and written twice: to an
xlsxwriter workbook (frozen header, autofilter, fitted widths) and to CSV. Every string
goes through sanitize.cell(), and xlsxwriter's string-to-formula/URL/number conversions
are switched off, so a device called '=HYPERLINK(...)' stays text in Excel, LibreOffice
and Google Sheets.

"Needs attention" says for every row whether it rests on evidence (something observed)
or on a guess (an inference netmap made).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from netmap.model import (
    WELL_KNOWN_COMMUNITIES,
    Device,
    DeviceType,
    Inventory,
    Link,
    LinkConfidence,
    Role,
)
from netmap.render.sanitize import cell
from netmap.render.scene import INTERNET, SUBNET_PREFIX, device_title, type_word

Value = str | int | float | datetime | None

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,  # Excel has no time zones: datetimes are written as UTC
}
EVIDENCE = "Evidence (observed)"
GUESS = "Guess (inferred)"
_SMB1 = re.compile(r"\bsmb\s*v?1\b|smbv1|nt lm 0\.12", re.IGNORECASE)


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[Value]]
    widths: dict[int, int] | None = None  # column -> fixed width, else fitted
    sections: frozenset[int] = frozenset()  # row indices that are section titles (Summary)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


class _Names:
    """Human names for link ends: device title, 'subnet <cidr>', 'Internet'."""

    def __init__(self, inv: Inventory) -> None:
        self.devices = {d.id: d for d in inv.devices}
        self.subnets = {s.id: s for s in inv.subnets}

    def __call__(self, node: str) -> str:
        if node == INTERNET:
            return "Internet"
        if node in self.devices:
            return device_title(self.devices[node])
        if node in self.subnets:
            return f"subnet {self.subnets[node].cidr}"
        return node.removeprefix(SUBNET_PREFIX)

    def address(self, node: str) -> str:
        d = self.devices.get(node)
        return d.addresses[0] if d and d.addresses else ""


def devices_table(inv: Inventory) -> Table:
    headers = [
        "Name",
        "IP addresses",
        "MAC addresses",
        "Vendor",
        "Model",
        "Serial number",
        "OS / firmware",
        "OS family",
        "Type",
        "Type confidence",
        "Roles",
        "Site",
        "Zone",
        "Location",
        "First seen (UTC)",
        "Last seen (UTC)",
        "Evidence for the type",
        "Evidence for vendor, model, serial, OS",
        "Data sources",
        "Device ID",
        "Notes",
    ]
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        evidence = "; ".join(f"{e.source}: {e.detail}" for e in d.evidence)
        rows.append(
            [
                device_title(d),
                ", ".join(d.addresses),
                ", ".join(d.macs),
                d.vendor,
                d.model,
                d.serial,
                d.os,
                d.os_family,
                type_word(d.type),
                round(d.confidence, 2),
                ", ".join(r.value for r in d.roles),
                d.site,
                d.zone,
                d.location,
                d.first_seen,
                d.last_seen,
                evidence,
                "; ".join(d.identity_evidence),
                ", ".join(d.sources),
                d.id,
                d.notes,
            ]
        )
    return Table("Devices", headers, rows, {15: 60, 16: 50})


def _device_order(d: Device) -> tuple[str, str, str]:
    return (d.site or "", d.type.value, device_title(d).lower())


def software_table(inv: Inventory) -> Table:
    headers = ["Device", "IP address", "Software", "Version", "Installed", "Kind"]
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        ip = d.addresses[0] if d.addresses else ""
        for sw in d.software:
            rows.append([device_title(d), ip, sw.name, sw.version, sw.installed, sw.sw_type])
    return Table("Software", headers, rows)


def services_table(inv: Inventory) -> Table:
    headers = [
        "Device",
        "IP address",
        "Port",
        "Protocol",
        "Service",
        "Product",
        "Version",
        "Extra info",
    ]
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        ip = d.addresses[0] if d.addresses else ""
        for s in sorted(d.services, key=lambda s: (s.proto, s.port)):
            rows.append(
                [device_title(d), ip, s.port, s.proto, s.name, s.product, s.version, s.extrainfo]
            )
    return Table("Services", headers, rows)


def interfaces_table(inv: Inventory) -> Table:
    """Ports as the devices report them, plus what the links say is plugged in."""
    names = _Names(inv)
    attached: dict[tuple[str, str], list[tuple[str, Link]]] = {}
    for link in inv.links:
        for here, port, there in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
            if port:
                attached.setdefault((here, port), []).append((there, link))
    headers = [
        "Device",
        "IP address",
        "ifIndex",
        "Port",
        "Description",
        "Alias",
        "Speed (Mbit/s)",
        "Admin status",
        "Oper status",
        "MAC",
        "Connected to",
        "Link evidence",
    ]
    rows: list[list[Value]] = []
    seen: set[tuple[str, str]] = set()
    for d in sorted(inv.devices, key=_device_order):
        ip = d.addresses[0] if d.addresses else ""
        for itf in sorted(d.interfaces, key=lambda i: i.if_index):
            port = itf.name or itf.description or str(itf.if_index)
            seen.add((d.id, port))
            peers, evidence = _peers(attached.get((d.id, port), []), names)
            speed = round(itf.speed / 1_000_000) if itf.speed else None
            rows.append(
                [
                    device_title(d),
                    ip,
                    itf.if_index,
                    port,
                    itf.description,
                    itf.alias,
                    speed,
                    _updown(itf.is_enabled),
                    _updown(itf.is_up),
                    itf.mac_address,
                    peers,
                    evidence,
                ]
            )
        for (dev_id, port), items in sorted(attached.items()):
            if dev_id == d.id and (dev_id, port) not in seen:
                peers, evidence = _peers(items, names)
                rows.append(
                    [
                        device_title(d),
                        ip,
                        None,
                        port,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        peers,
                        evidence,
                    ]
                )
    return Table("Interfaces", headers, rows)


def _peers(items: list[tuple[str, Link]], names: _Names) -> tuple[str, str]:
    peers = ", ".join(names(there) for there, _ in items)
    evidence = ", ".join(f"{lk.source.value} ({lk.confidence.value})" for _, lk in items)
    return peers, evidence


def _updown(flag: bool | None) -> str | None:
    return None if flag is None else ("up" if flag else "down")


_CONFIDENCE_MEANING = {
    LinkConfidence.CONFIRMED: "Evidence: both ends report this link",
    LinkConfidence.ONE_SIDED: "Evidence: one end reports this link",
    LinkConfidence.INFERRED: "Guess: deduced from switch forwarding / ARP tables",
    LinkConfidence.UNPLACED: "Guess: only the subnet is known, not the switch port",
}


def links_table(inv: Inventory) -> Table:
    names = _Names(inv)
    headers = [
        "Device A",
        "IP A",
        "Port A",
        "Device B",
        "IP B",
        "Port B",
        "Source",
        "Confidence",
        "What this means",
        "Evidence",
    ]
    rows: list[list[Value]] = []
    for link in inv.links:
        rows.append(
            [
                names(link.a),
                names.address(link.a),
                link.a_port,
                names(link.b),
                names.address(link.b),
                link.b_port,
                link.source.value,
                link.confidence.value,
                _CONFIDENCE_MEANING[link.confidence],
                "; ".join(link.evidence),
            ]
        )
    return Table("Links", headers, rows)


def subnets_table(inv: Inventory) -> Table:
    names = _Names(inv)
    headers = ["Subnet", "Name", "Site", "Zone", "Gateway", "Devices"]
    rows: list[list[Value]] = [
        [s.cidr, s.name, s.site, s.zone, names(s.gateway) if s.gateway else None, len(s.devices)]
        for s in sorted(inv.subnets, key=lambda s: s.id)
    ]
    return Table("Subnets", headers, rows)


def attention_table(inv: Inventory) -> Table:
    headers = ["Topic", "Device", "IP address", "What we found", "Basis", "Suggested action"]
    rows: list[list[Value]] = []
    placed = _placed_devices(inv)
    by_ip = {a: d for d in inv.devices for a in d.addresses}
    for d in sorted(inv.devices, key=_device_order):
        rows += [
            [topic, device_title(d), d.addresses[0] if d.addresses else None, found, basis, action]
            for topic, found, basis, action in _device_findings(d, d.id in placed)
        ]
    for addr in inv.snmp_failures:
        dev = by_ip.get(addr)
        rows.append(
            [
                "SNMP failed",
                device_title(dev) if dev else None,
                addr,
                "SNMP was tried and gave no usable answer with the configured credentials.",
                EVIDENCE,
                "Check the SNMP settings of this device or the credentials.",
            ]
        )
    return Table("Needs attention", headers, rows, {3: 70, 5: 50})


def _placed_devices(inv: Inventory) -> set[str]:
    placed: set[str] = set()
    for link in inv.links:
        if link.confidence != LinkConfidence.UNPLACED:
            placed.update((link.a, link.b))
    return placed


def _device_findings(d: Device, placed: bool) -> Iterable[tuple[str, str, str, str]]:
    if d.type == DeviceType.UNKNOWN:
        yield (
            "Unknown device",
            "The device answered but nothing identified what it is.",
            EVIDENCE,
            "Identify it on site (label, MAC vendor) or add an override.",
        )
    elif d.confidence < 0.5:
        yield (
            "Uncertain type",
            f"Listed as {type_word(d.type)} with confidence {d.confidence:.2f}.",
            GUESS,
            "Confirm the device type.",
        )
    if not placed and d.type not in (DeviceType.ROUTER, DeviceType.FIREWALL):
        yield (
            "Not placed",
            "No switch port was found for this device; it is drawn in its subnet.",
            GUESS,
            "Enable SNMP on its switch, or note the port.",
        )
    community = _default_community(d)
    if community is not None:
        found, basis = community
        yield ("SNMP default community", found, basis,
               "Replace the default community or move to SNMPv3.")
    for s in d.services:
        yield from _service_findings(
            s.port, s.proto, s.name, " ".join(x for x in (s.product, s.version, s.extrainfo) if x)
        )
    for shared in d.shared_identity:
        yield (
            "Shared identity",
            f"Its {shared.kind} {shared.value} is also reported by {', '.join(shared.also_at)}; "
            "it was not used to join them.",
            EVIDENCE,
            _SHARED_ACTION[shared.kind],
        )
    for c in d.conflicts:
        yield (
            "Sources disagree",
            f"{c.field}: kept '{c.kept}' ({c.kept_source}), other '{c.other}' ({c.other_source}).",
            EVIDENCE,
            "Check which value is right.",
        )


def _default_community(d: Device) -> tuple[str, str] | None:
    """Observed when the scan checked the secret (in memory); guessed from the credential's name
    for scans stored before that check."""
    if d.snmp_default_community:
        return "Answered SNMP v1/v2c with a well-known factory-default community.", EVIDENCE
    if d.snmp_credential and d.snmp_credential.strip().lower() in WELL_KNOWN_COMMUNITIES:
        return f"Answered SNMP with the credential named '{d.snmp_credential}'.", GUESS
    return None


# A shared MAC or engine ID comes from a cloned VM or configuration, or a factory default.
_SHARED_ACTION = {
    "MAC address": "Give each box its own MAC address (a cloned VM or a factory default).",
    "SNMP engine ID": "Give each SNMP agent its own engine ID (a copied configuration shares it); "
    "SNMPv3 needs it unique.",
}


def _service_findings(
    port: int, proto: str, name: str | None, text: str
) -> Iterable[tuple[str, str, str, str]]:
    if port == 23 and proto == "tcp":
        yield (
            "Telnet open",
            "TCP port 23 (telnet, unencrypted logins) answered.",
            EVIDENCE,
            "Disable telnet; use SSH.",
        )
    if port == 3389 and proto == "tcp":
        yield (
            "Remote Desktop reachable",
            "TCP port 3389 (RDP) answered from the scanner.",
            EVIDENCE,
            "Limit RDP to a management network or VPN.",
        )
    if _SMB1.search(text):
        yield (
            "SMBv1",
            f"Service on port {port} reports SMB version 1.",
            EVIDENCE,
            "Disable SMBv1.",
        )


def summary_table(inv: Inventory) -> Table:
    """Key facts as two columns (label, value); section titles have no value."""
    rows: list[list[Value]] = []
    names = _Names(inv)

    sections: set[int] = set()

    def section(title: str) -> None:
        rows.append([None, None])
        sections.add(len(rows))
        rows.append([title, None])

    rows.append(["Scan", inv.scan_id])
    rows.append(["Scan date (UTC)", inv.scanned_at])
    rows.append(["Address ranges scanned", ", ".join(inv.request.targets)])
    rows.append(["Scan depth", inv.request.depth.value])
    rows += [[label, value] for label, value in coverage(inv)]
    section("Devices by type")
    for t, n in Counter(d.type for d in inv.devices).most_common():
        rows.append([type_word(t, 2), n])
    section("Devices by site")
    for s, n in sorted(Counter(d.site or "(no site)" for d in inv.devices).items()):
        rows.append([s, n])
    section("Devices by zone")
    for z, n in sorted(Counter(d.zone or "(no zone)" for d in inv.devices).items()):
        rows.append([z, n])
    section("Internet connection")
    rows += [[k, v] for k, v in uplink_facts(inv, names)]
    for title, items in key_systems(inv).items():
        section(title)
        rows += [[label, detail] for label, detail in items] or [["(none found)", None]]
    section("How to read this workbook")
    for line in READING_NOTES:
        rows.append([line, None])
    return Table("Summary", ["Item", "Value"], rows, {0: 48, 1: 70}, frozenset(sections))


READING_NOTES = [
    "Evidence = something a device reported or a probe observed (SNMP, LLDP/CDP, open ports).",
    "Guess = netmap's inference: device types with confidence below 1, links 'inferred' or 'unplaced'.",
    "Type confidence runs from 0 (no idea) to 1 (certain); 'Evidence for the type' lists why.",
    "Sheets: Devices, Software, Services, Interfaces, Links, Subnets, Needs attention.",
]


def coverage(inv: Inventory) -> list[tuple[str, Value]]:
    total = len(inv.devices)
    snmp = sum(1 for d in inv.devices if d.snmp_credential)  # the agent itself answered
    typed = sum(1 for d in inv.devices if d.type != DeviceType.UNKNOWN)
    placed = len(_placed_devices(inv) & {d.id for d in inv.devices})
    return [
        ("Devices found", total),
        ("Devices that answered SNMP", snmp),
        ("SNMP attempts that failed", len(inv.snmp_failures)),
        ("Devices with an identified type", typed),
        ("Devices placed on a switch port or link", placed),
        ("Links found", len(inv.links)),
    ]


def uplink_facts(inv: Inventory, names: _Names | None = None) -> list[tuple[str, Value]]:
    names = names or _Names(inv)
    if inv.uplink is None:
        return [("Internet router", "not identified")]
    return [
        ("Internet router", names(inv.uplink.router)),
        ("Router address", names.address(inv.uplink.router) or None),
        ("Next hop (provider side)", inv.uplink.next_hop),
        ("Interface", inv.uplink.interface),
    ]


def key_systems(inv: Inventory) -> dict[str, list[tuple[str, str]]]:
    """E-mail, telephony and backup systems: what an RFP reader looks for first."""

    def describe(d: Device) -> str:
        parts = [
            d.addresses[0] if d.addresses else "",
            " ".join(x for x in (d.vendor, d.model) if x),
        ]
        products = [s.product for s in d.services if s.product][:2] + [
            sw.name for sw in d.software
        ][:2]
        return "; ".join(p for p in [*parts, *products] if p)

    email = [d for d in inv.devices if Role.EMAIL in d.roles]
    pbx = [d for d in inv.devices if d.type == DeviceType.PBX or Role.TELEPHONY in d.roles]
    phones = [d for d in inv.devices if d.type == DeviceType.PHONE]
    backup = [d for d in inv.devices if d.type == DeviceType.BACKUP or Role.BACKUP in d.roles]
    telephony = [(device_title(d), describe(d)) for d in pbx]
    if phones:
        vendors = Counter(d.vendor for d in phones if d.vendor).most_common(2)
        telephony.append(
            (
                f"{len(phones)} {type_word(DeviceType.PHONE, len(phones))}",
                ", ".join(f"{v} ({n})" for v, n in vendors),
            )
        )
    return {
        "E-mail systems": [(device_title(d), describe(d)) for d in email],
        "Telephony": telephony,
        "Backup systems": [(device_title(d), describe(d)) for d in backup],
    }


def all_tables(inv: Inventory) -> list[Table]:
    return [
        summary_table(inv),
        devices_table(inv),
        software_table(inv),
        services_table(inv),
        interfaces_table(inv),
        links_table(inv),
        subnets_table(inv),
        attention_table(inv),
    ]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def render_workbook(inv: Inventory, path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        bold = workbook.add_format(
            {"bold": True, "bg_color": "#DFE6E9", "border": 1, "text_wrap": True, "valign": "top"}
        )
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        section = workbook.add_format({"bold": True, "font_color": "#2D3436"})
        for table in all_tables(inv):
            ws = workbook.add_worksheet(table.name[:31])
            _write_table(ws, table, bold, when, section)
    finally:
        workbook.close()
    return path


def _write_table(ws: Any, table: Table, header: Any, when: Any, section: Any) -> None:
    for col, title in enumerate(table.headers):
        ws.write_string(0, col, cell(title), header)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            _write_value(ws, r + 1, c, value, when)
        if r in table.sections:
            ws.write_string(r + 1, 0, cell(row[0]), section)
    ws.freeze_panes(1, 0)
    if not table.sections:
        ws.autofilter(0, 0, max(len(table.rows), 1), len(table.headers) - 1)
    for col, width in enumerate(_widths(table)):
        ws.set_column(col, col, width)


def _write_value(ws: Any, r: int, c: int, value: Value, when: Any) -> None:
    """Each value with the writer for its type: text is always write_string, never write()."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_string(r, c, str(value))
    elif isinstance(value, int | float):
        ws.write_number(r, c, value)
    elif isinstance(value, datetime):
        ws.write_datetime(r, c, value, when)
    else:
        ws.write_string(r, c, cell(value))


def _widths(table: Table) -> list[int]:
    widths = []
    for col, title in enumerate(table.headers):
        if table.widths and col in table.widths:
            widths.append(table.widths[col])
            continue
        longest = max([len(title), *(len(_text(row[col])) for row in table.rows[:500])])
        widths.append(max(8, min(longest + 2, 50)))
    return widths


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm"
    return str(value)


def csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return cell(value)


def write_csv(table: Table, path: Path) -> Path:
    """UTF-8 with BOM (so Excel detects the encoding), every text cell neutralised."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow([cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([csv_value(v) for v in row])
    return path


CSV_TABLES = {"devices": devices_table, "software": software_table, "links": links_table}


def render_csvs(inv: Inventory, out_dir: Path, stem: str = "inventory") -> list[Path]:
    return [
        write_csv(make(inv), out_dir / f"{stem}-{name}.csv") for name, make in CSV_TABLES.items()
    ]
