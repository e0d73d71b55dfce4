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

from netmap.infer.classify import ROLE_PRODUCTS
from netmap.infer.lifecycle import support
from netmap.infer.overrides import overridden_field
from netmap.infer.sla import response_of
from netmap.infer.topology import is_air_link, radio_islands
from netmap.infer.vlans import PortVlans, port_vlans, subnet_vlans
from netmap.model import (
    AP_JOINED,
    CONFIDENT,
    WELL_KNOWN_COMMUNITIES,
    Device,
    DeviceType,
    Evidence,
    Interface,
    Inventory,
    Link,
    LinkConfidence,
    Role,
    SoftwareItem,
    VlanSummary,
)
from netmap.render.sanitize import cell
from netmap.render.scene import (
    AIR_LINK,
    INTERNET,
    SUBNET_PREFIX,
    between_devices,
    device_title,
    hardware_label,
    type_word,
)

Value = str | int | float | datetime | None

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,  # Excel has no time zones: datetimes are written as UTC
}
TYPE_VALUES = frozenset(t.value for t in DeviceType)
EVIDENCE = "Evidence (observed)"
GUESS = "Guess (inferred)"
_SMB1 = re.compile(r"\bsmb\s*v?1\b|smbv1|nt lm 0\.12", re.IGNORECASE)
# Where an SMB server that lets clients skip signing is a finding: file servers, NAS and backup
# stores, domain controllers. A Windows client leaves it optional by default (until Windows 11
# 24H2); listing every PC would bury the servers.
SMB_SERVERS = frozenset({DeviceType.SERVER, DeviceType.NAS, DeviceType.BACKUP})
SMB_ROLES = frozenset({Role.DIRECTORY, Role.FILE, Role.BACKUP})


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[list[Value]]
    widths: dict[int, int] | None = None  # column -> widest it grows before wrapping
    sections: frozenset[int] = frozenset()  # row indices that are section titles (Summary)
    notes: frozenset[int] = frozenset()  # row indices of notes written across the whole width


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

    def address(self, node: str, port: str | None = None) -> str:
        """The address on that port where the device reports one (a router's on each of its
        subnets), else the device's first."""
        d = self.devices.get(node)
        if d is None:
            return ""
        on_port = [a for i in d.interfaces if port and port in (i.name, i.description)
                   for a in i.addresses]  # fmt: skip
        return on_port[0] if on_port else (d.addresses[0] if d.addresses else "")


# The Devices sheet is what a vendor prices from: what each device is, where, and how sure
# netmap is. Why it thinks so (every piece of evidence, the data sources) is on the Evidence
# sheet, so that Devices prints in few pages across at a readable size.
DEVICE_COLUMNS: list[tuple[str, int]] = [  # header, widest the column grows before wrapping
    ("Name", 22),
    ("Type", 12),
    ("Type confidence", 10),
    ("SLA tier", 9),
    ("Response time", 9),
    ("Vendor", 14),
    ("Model", 20),
    ("Serial number", 15),
    ("OS / firmware", 22),
    ("OS family", 16),
    ("OS version", 12),
    ("CPU", 20),
    ("RAM (GiB)", 8),
    ("Disk (GB)", 10),
    ("IP addresses", 16),
    ("DNS name", 22),
    ("MAC addresses", 18),
    ("Roles", 12),
    ("Site", 14),
    ("Zone", 12),
    ("Location", 16),
    ("Managed by", 12),  # an access point's wireless controller (its licences are counted there)
    ("First seen (UTC)", 16),
    ("Last seen (UTC)", 16),
    ("Device ID", 22),
    ("Notes", 24),
]


def devices_table(inv: Inventory) -> Table:
    rows: list[list[Value]] = []
    names = _Names(inv)
    for d in sorted(inv.devices, key=_device_order):
        rows.append(
            [
                device_title(d),
                type_word(d.type),
                round(d.confidence, 2),
                d.sla_tier,
                response_of(inv, d.sla_tier),
                d.vendor,
                d.model,
                d.serial,
                d.os,
                d.os_family,
                d.os_version,
                d.cpu,
                round(d.memory_bytes / 2**30, 1) if d.memory_bytes else None,
                _disk_gb(d),
                ", ".join(d.addresses),
                d.dns_name,
                ", ".join(d.macs),
                ", ".join(r.value for r in d.roles),
                d.site,
                d.zone,
                d.location,
                names(d.managed_by) if d.managed_by else None,
                d.first_seen,
                d.last_seen,
                d.id,
                d.notes,
            ]
        )
    headers = [h for h, _ in DEVICE_COLUMNS]
    return Table("Devices", headers, rows, {i: cap for i, (_, cap) in enumerate(DEVICE_COLUMNS)})


def _disk_gb(d: Device) -> float | None:
    """All of a computer's disks, in the decimal gigabytes disks are sold in."""
    total = sum(disk.size_bytes or 0 for disk in d.disks)
    return round(total / 1e9, 1) if total else None


def evidence_table(inv: Inventory) -> Table:
    """Every reason behind every device's type and identity, a row each, strongest first for
    the type (one cell of it all per device would not print)."""
    headers = ["Device", "Device ID", "About", "Points to", "Source", "Weight", "Detail"]
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        name = device_title(d)
        for e in d.evidence:
            points_to, detail = _points_to(e)
            about = overridden_field(e) or "type"  # an override is about the field it sets
            rows.append([name, d.id, about, points_to.value if points_to else None, e.source,
                         round(e.weight, 2), detail])  # fmt: skip
        for line in d.identity_evidence:
            field_name, _, detail = line.partition(": ")
            rows.append([name, d.id, field_name, None, "identification", None, detail])
        if d.sources:
            rows.append([name, d.id, "seen by", None, "scan", None, ", ".join(d.sources)])
    return Table("Evidence", headers, rows, {1: 22, 6: 43})


def _points_to(e: Evidence) -> tuple[DeviceType | None, str]:
    """The type an evidence row votes for and its reason ("printer: RTSP (554) open"), or None
    and the whole detail for a row that names no type (an override)."""
    kind, _, reason = e.detail.partition(": ")
    return (DeviceType(kind), reason) if kind in TYPE_VALUES else (None, e.detail)


def _device_order(d: Device) -> tuple[str, str, str]:
    return (d.site or "", d.type.value, device_title(d).lower())


def sla_table(inv: Inventory) -> Table:
    """Every system under its service level, most urgent first: what the statement of work
    lists, and what to correct in overrides.toml (sla_tier) before it is signed."""
    headers = ["SLA tier", "Response time", "Device", "Type", "IP address", "Site", "Why"]
    rank = {t.name: i for i, t in enumerate(inv.sla_tiers)}
    ordered = sorted(inv.devices, key=lambda d: (rank.get(d.sla_tier or "", len(rank)),
                                                 _device_order(d)))  # fmt: skip
    rows: list[list[Value]] = [
        [d.sla_tier, response_of(inv, d.sla_tier), device_title(d), type_word(d.type),
         d.addresses[0] if d.addresses else None, d.site, d.sla_reason]
        for d in ordered
    ]  # fmt: skip
    return Table("SLA", headers, rows, {6: 50})


def software_table(inv: Inventory) -> Table:
    headers = ["Device", "IP address", "Software", "Version", "Publisher", "Installed", "Kind"]
    rows: list[list[Value]] = []
    kinds = city_kinds(inv)
    for d in sorted(inv.devices, key=_device_order):
        ip = d.addresses[0] if d.addresses else ""
        for sw in sorted(d.software, key=lambda sw: _kind_rank(kinds[sw.name.casefold()])):
            rows.append([device_title(d), ip, sw.name, sw.version, sw.publisher, sw.installed,
                         kinds[sw.name.casefold()]])  # fmt: skip
    return Table("Software", headers, rows, {4: 30})


# The operating system's own packages, drivers and libraries after what a bidder prices
_KIND_ORDER = {"system": 1, "driver": 1, "library": 2}
# HOST-RESOURCES-MIB's hrSWInstalledType labels, in the words the rest of the sheet uses
_MIB_KINDS: dict[str, str | None] = {"operatingSystem": "system", "deviceDriver": "driver",
                                     "unknown": None}  # fmt: skip


def software_kind(sw: SoftwareItem) -> str | None:
    """One vocabulary for every source: package, application, system, driver, library."""
    return _MIB_KINDS.get(sw.sw_type, sw.sw_type) if sw.sw_type else None


def _kind_rank(kind: str | None) -> int:
    return _KIND_ORDER.get(kind or "", 0)


def city_kinds(inv: Inventory) -> dict[str, str | None]:
    """Each package's kind across the city, by name: the most specific any computer's list
    gives it. An SNMP agent calls every package an "application"; where a package manager on
    another computer says "adduser" is the system's own, it reads so on every computer."""
    kinds: dict[str, str | None] = {}
    for d in inv.devices:
        for sw in d.software:
            kind, name = software_kind(sw), sw.name.casefold()
            if name not in kinds or _SPECIFIC.get(kind or "", 0) > _SPECIFIC.get(
                    kinds[name] or "", 0):  # fmt: skip
                kinds[name] = kind
    return kinds


# how much a kind says: a package manager's section or priority, then its plain "package",
# then an agent's or the registry's "application"
_SPECIFIC = {"system": 3, "library": 3, "driver": 3, "package": 2, "application": 1}


def software_summary_table(inv: Inventory) -> Table:
    """Each product and version across the city, with how many computers run it: what a
    vendor prices licences and support from."""
    headers = ["Software", "Version", "Publisher", "Computers", "Kind", "On"]
    found: dict[tuple[str, str], dict[str, str]] = {}  # product -> device id -> its name
    about: dict[tuple[str, str], SoftwareItem] = {}
    for d in sorted(inv.devices, key=_device_order):
        for sw in d.software:
            key = (sw.name, sw.version or "")
            found.setdefault(key, {})[d.id] = device_title(d)
            if key not in about or (sw.publisher and not about[key].publisher):
                about[key] = sw  # the fullest description (a package manager names its maker)
    kinds = city_kinds(inv)
    order = sorted(found, key=lambda k: (_kind_rank(kinds[k[0].casefold()]), -len(found[k]),
                                         k[0].casefold(), k[1]))  # fmt: skip
    rows: list[list[Value]] = [
        [k[0], k[1] or None, about[k].publisher, len(found[k]), kinds[k[0].casefold()],
         ", ".join(list(found[k].values())[:SUMMARY_NAMES])
         + (" …" if len(found[k]) > SUMMARY_NAMES else "")]
        for k in order
    ]  # fmt: skip
    return Table("Software summary", headers, rows, {2: 30, 5: 40})


SUMMARY_NAMES = 12  # computers named per row; the count is always whole


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


_INTERFACE_HEADERS = [
    "Device",
    "IP address",
    "ifIndex",
    "Port",
    "Port addresses",
    "Description",
    "Alias",
    "Speed (Mbit/s)",
    "Admin status",
    "Oper status",
    "MAC",
    "Access VLAN",
    "Trunk",
    "Allowed VLANs",
    "Connected to",
    "Link evidence",
]


def interfaces_table(inv: Inventory) -> Table:
    """Ports as the devices report them, plus what the links say is plugged in."""
    names = _Names(inv)
    attached = _attached_ports(inv)
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        ip = d.addresses[0] if d.addresses else ""
        vlans = port_vlans(d)
        seen: set[str] = set()
        for itf in sorted(d.interfaces, key=lambda i: i.if_index):
            port = itf.name or itf.description or str(itf.if_index)
            seen.add(port)
            peers = _peers(attached.get((d.id, port), []), names)
            rows.append([device_title(d), ip, *_interface_cells(itf, port, vlans.get(port)),
                         *peers])  # fmt: skip
        # a port only a link names (LLDP's or a forwarding table's, not in the agent's table)
        for (dev_id, port), items in sorted(attached.items()):
            if dev_id == d.id and port not in seen:
                blank: list[Value] = [None] * (len(_INTERFACE_HEADERS) - 6)
                rows.append([device_title(d), ip, None, port, *blank, *_peers(items, names)])
    return Table("Interfaces", list(_INTERFACE_HEADERS), rows)


def _attached_ports(inv: Inventory) -> dict[tuple[str, str], list[tuple[str, Link]]]:
    """(device id, port) -> the devices its links reach, with the link."""
    attached: dict[tuple[str, str], list[tuple[str, Link]]] = {}
    for link in inv.links:
        for here, port, there in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
            if port:
                attached.setdefault((here, port), []).append((there, link))
    return attached


def _interface_cells(itf: Interface, port: str, vlans: PortVlans | None) -> list[Value]:
    """The row's cells from ifIndex to the VLANs, as the agent reports the port."""
    speed = round(itf.speed / 1_000_000) if itf.speed else None
    return [
        itf.if_index,
        port,
        ", ".join(itf.addresses) or None,  # a router's own on each subnet
        itf.description,
        itf.alias,
        speed,
        _updown(itf.is_enabled),
        _updown(itf.is_up),
        itf.mac_address,
        *_vlan_cells(vlans),
    ]


def _vlan_cells(ps: PortVlans | None) -> list[Value]:
    """Access VLAN (with the phone's voice VLAN), trunk yes/no, allowed VLANs."""
    if ps is None:
        return [None, None, None]
    access = str(ps.access_vlan) if ps.access_vlan is not None else None
    if ps.voice_vlan is not None:
        access = f"{access or '-'} (voice {ps.voice_vlan})"
    trunk = None if ps.trunk is None else ("yes" if ps.trunk else "no")
    return [access, trunk, ", ".join(map(str, ps.allowed)) or None]


def vlans_table(inv: Inventory) -> Table:
    """Each VLAN with its name, subnets, switches and the hosts on its access ports."""
    names = _Names(inv)
    headers = ["VLAN", "Name", "Voice", "Subnets", "Switches", "Hosts on its access ports",
               "Source"]  # fmt: skip
    rows: list[list[Value]] = [
        [v.vlan_id, v.name, "yes" if v.voice else None, ", ".join(v.subnets) or None,
         ", ".join(names(s) for s in v.switches), v.devices, ", ".join(v.sources)]
        for v in inv.vlans
    ]  # fmt: skip
    return Table("VLANs", headers, rows, {3: 40, 4: 40})


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


def _link_meaning(link: Link, names: _Names) -> str:
    ends = (names.devices.get(link.a), names.devices.get(link.b))
    meaning = _CONFIDENCE_MEANING[link.confidence]
    if is_air_link(*(d.type if d else None for d in ends)):
        return f"{AIR_LINK.capitalize()}: a radio path between two wireless bridges. {meaning}"
    return meaning


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
                names.address(link.a, link.a_port),
                link.a_port,
                names(link.b),
                names.address(link.b, link.b_port),
                link.b_port,
                link.source.value,
                link.confidence.value,
                _link_meaning(link, names),
                "; ".join(link.evidence),
            ]
        )
    return Table("Links", headers, rows, {0: 24, 3: 24, 8: 27, 9: 30})


def subnets_table(inv: Inventory) -> Table:
    names = _Names(inv)
    # the VLAN a switch numbers the subnet's hosts in, where one does (its name often says
    # what the subnet is for: "20 SERVERS")
    vlan_of = subnet_vlans(inv.vlans)
    headers = ["Subnet", "Name", "VLAN", "Site", "Zone", "Gateway", "Devices with an address in it"]
    rows: list[list[Value]] = [
        [s.cidr, s.name, _vlan_label(vlan_of.get(s.cidr)), s.site, s.zone,
         names(s.gateway) if s.gateway else None, len(s.devices)]
        for s in sorted(inv.subnets, key=lambda s: s.id)
    ]  # fmt: skip
    return Table("Subnets", headers, rows)


def _vlan_label(v: VlanSummary | None) -> str | None:
    return None if v is None else f"{v.vlan_id} {v.name or ''}".strip()


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
    rows += _radio_island_rows(inv)
    rows += _windows_support_rows(inv)
    asked = bool(inv.request.host_credentials)
    # a workgroup and a domain look alike in NetBIOS; a domain is one whose controller was found
    domains = {d.windows_domain for d in inv.devices if Role.DIRECTORY in d.roles}
    for d in sorted(inv.devices, key=_device_order):
        if (finding := _no_inventory(d, asked, domains)) is not None:
            rows.append(["No host inventory", device_title(d),
                         d.addresses[0] if d.addresses else None, *finding])  # fmt: skip
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
    return Table("Needs attention", headers, rows, {3: 54, 5: 36})


def _windows_support_rows(inv: Inventory) -> list[list[Value]]:
    """Each computer whose Windows release Microsoft no longer supports on the day of the scan,
    or stops supporting within a year of it: an upgrade the bid must price."""
    if inv.scanned_at is None:
        return []
    on = inv.scanned_at.date()
    rows: list[list[Value]] = []
    for d in sorted(inv.devices, key=_device_order):
        if (s := support(d, on)) is None:
            continue
        found = f"{s.release}: Microsoft's support {'ended' if s.past else 'ends'} {s.ended}"
        action = ("Price its upgrade to a supported Windows release (or Microsoft's Extended "
                  "Security Updates, where offered)." if s.past else
                  "Price its upgrade within the contract's term.")
        if s.unless:
            found += f", unless it runs {s.unless}"
            action = "Check its edition. " + action
        rows.append(["Windows out of support" if s.past else "Windows support ending",
                     device_title(d), d.addresses[0] if d.addresses else None, found + ".",
                     EVIDENCE, action])
    return rows


def _radio_island_rows(inv: Inventory) -> list[list[Value]]:
    """A radio and what hangs behind it, reached only over an air link, in the near radio's
    site: most likely a building of its own that no scan can name. Told once its devices have
    their own site (an override)."""
    devices = {d.id: d for d in inv.devices}
    rows: list[list[Value]] = []
    for island in radio_islands(inv):
        near, far = devices[island.near], devices[island.far]
        if all(devices[x].site != near.site for x in (island.far, *island.behind)):
            continue
        count = len(island.behind)
        behind = f" and the {count} device{'s' if count != 1 else ''} behind it" if count else ""
        rows.append(["Building across a radio link", device_title(far),
                     far.addresses[0] if far.addresses else None,
                     f"{device_title(far)}{behind} reach the network only over the air link "
                     f"from {device_title(near)}: most likely another building.", GUESS,
                     "If they stand elsewhere, give them that site in overrides.toml "
                     '(site = "..."): the drawings then show it as a site of its own.'])  # fmt: skip
    return rows


COMPUTERS = frozenset({DeviceType.SERVER, DeviceType.WORKSTATION})
LOGIN_PORTS = frozenset({22, 5985, 5986})
# Why a computer has no model, serial and software list, and what to do about it.
_INVENTORY_ACTION = {
    "no credential set": "Add an [[ssh]] or [[winrm]] credential set to the scan profile.",
    "authentication failed": "Check the account, key or password of the credential sets.",
    "port closed": "Enable SSH (Linux, macOS) or WinRM (Windows) for the inventory account, "
    "or record this computer by hand.",
    "host key changed": "Confirm the computer was reinstalled, then update known_hosts.",
    "host key unknown": "Add its host key to known_hosts, or set trust_on_first_use = true.",
    "timed out": "Check that it answers SSH/WinRM; raise host_options.timeout if it is slow.",
    "refused by policy": "Use WinRM over HTTPS, or set allow_unencrypted = true knowingly.",
    "error": "See the message; inventory this computer by hand if it persists.",
}


def _domain(d: Device) -> str:
    """"Windows domain CITYHALL (cityhall.lan)": its DNS name where the NTLM offer gave one."""
    dns = f" ({d.windows_dns_domain})" if d.windows_dns_domain else ""
    return f"Windows domain {d.windows_domain}{dns}"


def _no_inventory(d: Device, asked: bool, domains: set[str | None] | None = None
                  ) -> tuple[str, str, str] | None:  # fmt: skip
    """(what we found, basis, action) for a computer without its own inventory. A member of a
    Windows domain (whose controller the scan found, or as its NTLM offer says) is told the one
    setting that enables WinRM on every member at once."""
    if d.type not in COMPUTERS or d.host_inventory or Role.SCANNER in d.roles:
        return None
    if d.host_failure:
        reason = d.host_failure.partition(":")[0]
        return (f"No inventory: {d.host_failure}", EVIDENCE,
                _INVENTORY_ACTION.get(reason, _INVENTORY_ACTION["error"]))  # fmt: skip
    if not asked:
        return ("No inventory: no credential set (the profile has no [[ssh]] or [[winrm]] set).",
                EVIDENCE, _INVENTORY_ACTION["no credential set"])  # fmt: skip
    if any(s.port in LOGIN_PORTS and s.proto == "tcp" for s in d.services):
        return ("No inventory: not tried (SSH or WinRM is open, but the inventory phase did not "
                "run: a quick or interrupted scan).", EVIDENCE, "Run a standard scan.")  # fmt: skip
    member = d.windows_domain in (domains or set()) or d.windows_dns_domain  # NTLM proved it
    if d.windows_domain and member and Role.DIRECTORY not in d.roles:
        return (f"No inventory: port closed (neither SSH nor WinRM answered); a member of the "
                f"Windows domain {d.windows_domain}.", EVIDENCE,
                f"Enable WinRM for the inventory account on the members of {d.windows_domain} "
                "with one Group Policy (Windows Remote Management: allow remote server "
                "management), or record this computer by hand.")  # fmt: skip
    return ("No inventory: port closed (neither SSH nor WinRM answered).", EVIDENCE,
            _INVENTORY_ACTION["port closed"])


def _placed_devices(inv: Inventory) -> set[str]:
    placed: set[str] = set()
    for link in inv.links:
        if link.confidence != LinkConfidence.UNPLACED:
            placed.update((link.a, link.b))
    return placed


def _device_findings(d: Device, placed: bool) -> Iterable[tuple[str, str, str, str]]:
    yield from _identity_findings(d)
    yield from _placement_findings(d, placed)
    yield from _security_findings(d)
    yield from _consistency_findings(d)


def _identity_findings(d: Device) -> Iterable[tuple[str, str, str, str]]:
    """What the device is, where that is in doubt."""
    if Role.SCANNER in d.roles:  # what netmap ran on: its type and inventory are no question
        yield (
            "Scanning computer",
            "netmap ran from this computer (its own address, answered from inside the scan).",
            EVIDENCE,
            "Leave it out of the bid if it is the contractor's; a computer the city keeps "
            "for scheduled rescans stays, and can be recorded by hand.",
        )
    elif d.type == DeviceType.UNKNOWN:
        yield (
            "Unknown device",
            "The device answered but nothing identified what it is.",
            EVIDENCE,
            "Identify it on site (label, MAC vendor) or add an override.",
        )
    elif d.confidence < CONFIDENT:
        yield (
            "Uncertain type",
            f"Listed as {type_word(d.type)} with confidence {d.confidence:.2f}{_type_basis(d)}",
            GUESS,
            "Confirm the device type.",
        )


def _placement_findings(d: Device, placed: bool) -> Iterable[tuple[str, str, str, str]]:
    """Where it is, or whether it serves, where that is in doubt."""
    if not placed and d.type not in (DeviceType.ROUTER, DeviceType.FIREWALL):
        yield (
            "Not placed",
            "No switch port was found for this device; it is drawn in its subnet.",
            GUESS,
            "Enable SNMP on its switch, or note the port.",
        )
    if d.controller_status is not None and d.controller_status not in AP_JOINED:
        yield (
            "Access point not serving",
            f"Its wireless controller lists it as '{d.controller_status}'.",
            EVIDENCE,
            "Check its power, cabling and join to the controller; price a replacement if failed.",
        )


def _security_findings(d: Device) -> Iterable[tuple[str, str, str, str]]:
    """Defaults, old protocols and weak settings seen on the wire."""
    community = _default_community(d)
    if community is not None:
        found, basis = community
        yield ("SNMP default community", found, basis,
               "Replace the default community or move to SNMPv3.")
    banners = [" ".join(x for x in (s.product, s.version, s.extrainfo) if x) for s in d.services]
    for s, text in zip(d.services, banners, strict=True):
        yield from _service_findings(s.port, s.proto, s.name, text)
    if d.smb1 and not any(_SMB1.search(text) for text in banners):
        yield ("SMBv1", "It accepted an SMB version 1 negotiation (NT LM 0.12) on TCP 445.",
               EVIDENCE, "Disable SMBv1.")
    if d.smb_signing_required is False and (d.type in SMB_SERVERS or SMB_ROLES & set(d.roles)):
        yield ("SMB signing not required",
               "Its SMB server lets clients skip message signing (its negotiation on TCP 445): "
               "a machine on the LAN can relay a user's sign-in to it.",
               EVIDENCE, "Require SMB signing on the server (Group Policy: \"Microsoft network "
               "server: Digitally sign communications (always)\"; on a NAS or Samba, its "
               "server signing setting).")


def _consistency_findings(d: Device) -> Iterable[tuple[str, str, str, str]]:
    """Sources that share an identity or disagree about a value."""
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


def _type_basis(d: Device) -> str:
    """The uncertain type's own reasons, and the strongest other type with its reason: what a
    person on site checks. Evidence details read "<type>: <reason>"."""
    mine: list[str] = []
    others: dict[DeviceType, str] = {}
    for e in sorted(d.evidence, key=lambda e: -e.weight):
        kind, reason = _points_to(e)
        if kind is d.type:
            mine.append(reason)
        elif kind is not None:
            others.setdefault(kind, reason)
    text = f", from: {'; '.join(dict.fromkeys(mine[:2]))}." if mine else "."
    if not others:
        return text
    kind, reason = next(iter(others.items()))
    return f"{text} Also possible: {type_word(kind)} ({reason})."


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
    if inv.scan_state != "complete":
        rows.append(["Scan state", partial_note(inv)])
    rows.append(["Scan date (UTC)", inv.scanned_at])
    rows.append(["Address ranges scanned", ", ".join(inv.request.targets)])
    rows.append(["Scan depth", inv.request.depth.value])
    scanners = [d for d in inv.devices if Role.SCANNER in d.roles]
    rows.append(["Scanned from", "; ".join(f"{device_title(d)} ({', '.join(d.addresses)})"
                                           for d in scanners)
                    or "not among the devices (its address is outside the ranges scanned)"])  # fmt: skip
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
    notes = range(len(rows), len(rows) + len(READING_NOTES))
    rows += [[line, None] for line in READING_NOTES]
    return Table(
        "Summary", ["Item", "Value"], rows, {0: 48, 1: 70}, frozenset(sections), frozenset(notes)
    )


READING_NOTES = [
    "Evidence = something a device reported or a probe observed (SNMP, LLDP/CDP, open ports).",
    "Guess = netmap's inference: device types with confidence below 1, links 'inferred' or 'unplaced'.",
    "Type confidence runs from 0 (no idea) to 1 (certain); 'Evidence for the type' lists why.",
    "Software kind: 'system' = the operating system's own packages, 'library' = shared "
    "libraries and language modules (Debian's priority and section), 'driver' = a device "
    "driver; these are listed last. 'package' and 'application' = the rest.",
    "Sheets: Devices, SLA (each system's service level and why), Software, Software summary "
    "(each product and version, and how many "
    "computers run it), Services, Interfaces, Links, Subnets, VLANs, Needs attention, "
    "Evidence (every reason behind each device's type, vendor, model, serial and OS).",
]


def partial_note(inv: Inventory) -> str:
    pending = ", ".join(inv.phases_pending) or "none"
    return (f"{inv.scan_state.upper()}: the scan stopped before it finished (phases not run: "
            f"{pending}); devices it did not reach are missing from this inventory.")


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
        ("Links between devices (cables and radio paths)",
         sum(1 for link in inv.links if between_devices(link))),
        ("Addresses in subnets and routes to the internet",
         sum(1 for link in inv.links if not between_devices(link))),
    ]  # fmt: skip


def uplink_facts(inv: Inventory, names: _Names | None = None) -> list[tuple[str, Value]]:
    names = names or _Names(inv)
    if inv.uplink is None:
        return [("Internet gateway", "not identified")]
    # a router or, as often in a city, a firewall: say which, and what it is
    gateway = names.devices.get(inv.uplink.router)
    kind = None
    if gateway is not None:
        product = hardware_label(gateway)
        kind = type_word(gateway.type) + (f" ({product})" if product else "")
    return [
        ("Internet gateway", names(inv.uplink.router)),
        ("Gateway type", kind or None),
        ("Gateway address", names.address(inv.uplink.router) or None),
        ("Next hop (provider side)", inv.uplink.next_hop),
        ("Interface", inv.uplink.interface),
    ]


def key_systems(inv: Inventory) -> dict[str, list[tuple[str, str]]]:
    """E-mail, telephony, backup and directory systems: what an RFP reader looks for first."""

    def describe(d: Device, role: Role) -> str:
        # what a bidder needs at a glance: the box, its OS, the servers it answers with and the
        # software that gives it the role; the rest of its packages stay in the Software sheet
        os_name = d.os or ""
        if d.os_family and d.os_family.casefold() not in os_name.casefold():
            os_name = f"{d.os_family} {os_name}".strip()  # "Synology DSM 7.2-64570"
        parts = [
            d.addresses[0] if d.addresses else "",
            hardware_label(d),
            os_name,
            # the domain every computer signs in to, where its controller named it
            _domain(d) if role is Role.DIRECTORY and d.windows_domain else "",
        ]
        # the servers it answers with, with their versions (a bidder prices an old Apache's
        # upgrade); its SNMP agent ("SNMPv1 server") is no role's software
        named: dict[str, str] = {}  # product -> "product version", the first service's
        for s in d.services:
            if s.product and s.name != "snmp":
                named.setdefault(s.product, " ".join(x for x in (s.product, s.version) if x))
        products = list(named.values())[:3]
        words = ROLE_PRODUCTS.get(role)
        software = [sw.name for sw in d.software if words and words.search(sw.name)][:2]
        return "; ".join(p for p in dict.fromkeys([*parts, *products, *software]) if p)

    email = [d for d in inv.devices if Role.EMAIL in d.roles]
    pbx = [d for d in inv.devices if d.type == DeviceType.PBX or Role.TELEPHONY in d.roles]
    phones = [d for d in inv.devices if d.type == DeviceType.PHONE]
    backup = [d for d in inv.devices if d.type == DeviceType.BACKUP or Role.BACKUP in d.roles]
    telephony = [(device_title(d), describe(d, Role.TELEPHONY)) for d in pbx]
    if phones:
        vendors = Counter(d.vendor for d in phones if d.vendor).most_common(2)
        telephony.append(
            (
                f"{len(phones)} {type_word(DeviceType.PHONE, len(phones))}",
                ", ".join(f"{v} ({n})" for v, n in vendors),
            )
        )
    return {
        "E-mail systems": [(device_title(d), describe(d, Role.EMAIL)) for d in email],
        "Telephony": telephony,
        "Backup systems": [(device_title(d), describe(d, Role.BACKUP)) for d in backup],
        "Directory (sign-in)": [(device_title(d), describe(d, Role.DIRECTORY))
                                for d in inv.devices if Role.DIRECTORY in d.roles],
    }


def all_tables(inv: Inventory) -> list[Table]:
    return [
        summary_table(inv),
        devices_table(inv),
        sla_table(inv),
        software_table(inv),
        software_summary_table(inv),
        services_table(inv),
        interfaces_table(inv),
        links_table(inv),
        subnets_table(inv),
        vlans_table(inv),
        attention_table(inv),
        evidence_table(inv),
    ]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


# Column widths are in characters of the default font; a cell longer than its column's cap
# wraps onto more lines instead of widening the sheet past what prints on one page.
WIDTH_MIN, WIDTH_CAP = 8, 36
WORD_CAP = 48  # a word no wider than this (a camera's 35-character serial) is never cut in print
WRAP_FLOOR = 16  # a column is narrowed for print to no less than this, or its longest word
LINE_PT = 15.0  # one line of 11 pt text
MAX_ROW_PT = 409.0  # Excel's tallest row


@dataclass
class _Formats:
    header: Any
    when: Any
    section: Any
    wrap: Any
    number: Any
    note: Any


def render_workbook(inv: Inventory, path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        formats = _Formats(
            header=workbook.add_format({"bold": True, "bg_color": "#DFE6E9", "border": 1,
                                        "text_wrap": True, "valign": "top"}),
            when=workbook.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top",
                                      "align": "left"}),
            section=workbook.add_format({"bold": True, "font_color": "#2D3436"}),
            wrap=workbook.add_format({"text_wrap": True, "valign": "top"}),
            # Numbers sit left like the text beside them: a right-aligned confidence runs
            # into the next column's text in print.
            number=workbook.add_format({"valign": "top", "align": "left"}),
            note=workbook.add_format({"text_wrap": True, "valign": "top", "italic": True}),
        )  # fmt: skip
        for table in all_tables(inv):
            ws = workbook.add_worksheet(table.name[:31])
            widths = _widths(table)
            _write_table(ws, table, widths, formats)
            _print_setup(ws, table.name, widths, inv.scan_id)
    finally:
        workbook.close()
    return path


def _write_table(ws: Any, table: Table, widths: list[int], formats: _Formats) -> None:
    for col, title in enumerate(table.headers):
        ws.write_string(0, col, cell(title), formats.header)
    ws.set_row(0, LINE_PT * max(_lines(title, widths[c]) for c, title in enumerate(table.headers)))
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            _write_value(ws, r + 1, c, value, formats)
        if r in table.sections:
            ws.write_string(r + 1, 0, cell(row[0]), formats.section)
        elif r in table.notes:  # wrapped across the whole width, never cut off in print
            ws.merge_range(r + 1, 0, r + 1, len(row) - 1, cell(row[0]), formats.note)
            ws.set_row(r + 1, LINE_PT * _lines(str(row[0]), sum(widths)))
            continue
        lines = max((_lines(_text(v), widths[c]) for c, v in enumerate(row)), default=1)
        if lines > 1:  # Excel does not size wrapped rows itself when it opens a file
            ws.set_row(r + 1, min(LINE_PT * lines, MAX_ROW_PT))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(table.rows), 1), len(table.headers) - 1)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)


def _print_setup(ws: Any, sheet: str, widths: list[int], scan_id: str) -> None:
    """Printed or saved as PDF, every sheet is landscape, with its header row on every page and
    its name, the scan and the page number in the margins. A sheet prints one page wide where
    that keeps its text at PRINT_SCALE_MIN or more; a wider one (the Devices sheet's 25
    columns printed at 4 pt) takes as many pages across as that needs, its first column (the
    device) repeated on each. The scale is set, not fitted: LibreOffice's fit-to-width printed
    two blank pages after a long sheet."""
    ws.set_landscape()
    scale, breaks = print_layout(widths)
    ws.set_print_scale(scale)  # by hand: LibreOffice's fit-to-width left blank pages
    if breaks:
        ws.set_v_pagebreaks(breaks)
        ws.repeat_columns(0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    name = sheet.replace("&", "&&")
    ws.set_header(f"&L&B{name}&B&Rnetmap scan {scan_id.replace('&', '&&')}", {"margin": 0.25})
    ws.set_footer("&CPage &P of &N", {"margin": 0.25})


# A column w characters wide prints 7w + 5 pixels wide (0.75 pt each) in Excel with Calibri,
# but about 7.25w pt in LibreOffice where Calibri and its metric twin Carlito are missing (it
# sizes columns by DejaVu Sans, a third wider): pages are planned with the wider one, so the
# columns fit in both. The printable width is landscape Letter's 11 in less the 0.4 in
# margins (A4 is wider), less 2 %. At 55 %, 11 pt text prints at 6 pt.
PT_PER_CHAR = 7.25
COLUMN_PAD = 0.15  # characters of rounding per column, measured in LibreOffice
PRINTABLE_PT = (11 - 2 * 0.4) * 72 * 0.98
PRINT_SCALE_MIN = 55  # percent
LEGIBLE_SCALE = 73  # percent: 11 pt text prints at 8 pt
# A sheet already printing at this scale or more keeps its columns: rewrapping the lab's
# 900-row software list to gain 1 % made LibreOffice print six blank pages after it.
REWRAP_BELOW = 70


def print_layout(widths: list[int]) -> tuple[int, list[int]]:
    """(print scale in percent, the columns each new page starts at). No breaks: the sheet
    fits one page wide at PRINT_SCALE_MIN or more, and the scale is the one that fits it. Else
    the largest scale up to 100 % at which the columns, packed in order with the first one
    repeated on every page, need the fewest pages across."""
    points = [_column_pt(w) for w in widths]
    if not points or sum(points) * PRINT_SCALE_MIN / 100 <= PRINTABLE_PT:
        return min(100, int(PRINTABLE_PT * 100 / max(sum(points), 1.0))), []
    fewest = len(_pack(points, PRINT_SCALE_MIN))
    scale = next(s for s in range(100, PRINT_SCALE_MIN - 1, -1)
                 if len(_pack(points, s)) == fewest)  # fmt: skip
    return scale, _pack(points, scale)[1:]


def _column_pt(width: int) -> float:
    """A column's printed width, with what LibreOffice adds to each column: 16 narrow columns
    planned without it, at 99 % of the page, spilled their last column onto a page of its
    own, where 10 wider ones at 99.6 % fitted."""
    return (width + COLUMN_PAD) * PT_PER_CHAR


def _pack(points: list[float], scale: int) -> list[int]:
    """The first column of each page, packing columns in order at `scale` percent, the first
    column repeated on every page (a column wider than a page gets one of its own)."""
    room = PRINTABLE_PT * 100 / scale
    starts, used = [0], 0.0
    for col, width in enumerate(points):
        if used + width > room and col > starts[-1]:
            starts.append(col)
            used = points[0]
        used += width
    return starts


def _write_value(ws: Any, r: int, c: int, value: Value, formats: _Formats) -> None:
    """Each value with the writer for its type: text is always write_string, never write()."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_string(r, c, str(value), formats.wrap)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, formats.number)
    elif isinstance(value, datetime):
        ws.write_datetime(r, c, value, formats.when)
    else:
        ws.write_string(r, c, cell(value), formats.wrap)


def _widths(table: Table) -> list[int]:
    """Each column as wide as its longest value, up to its cap; but never narrower than its
    longest word (up to WORD_CAP): LibreOffice wraps only at spaces and cuts a serial or a
    MAC address wider than its column."""
    widths, floors = [], []
    for col, title in enumerate(table.headers):
        cap = (table.widths or {}).get(col, WIDTH_CAP)
        texts = [title, *(_text(row[col]) for row in table.rows[:500])]
        longest = max(len(t) for t in texts[1:]) if len(texts) > 1 else 0
        word = min(max(_longest_word(t) for t in texts), WORD_CAP - 2)
        widths.append(max(WIDTH_MIN, min(longest + 2, cap), word + 2))
        floors.append(max(word + 2, min(widths[-1], WRAP_FLOOR)))
    return _legible(widths, floors)


def _legible(widths: list[int], floors: list[int]) -> list[int]:
    """Narrower text columns (their text wraps), where that lets the sheet print one page wide
    at LEGIBLE_SCALE: the Needs attention, Links and Evidence sheets printed at 6 pt with a
    sentence per line. Each column gives up width in proportion to what it has above its
    floor, so a long sentence keeps the widest column. A sheet that cannot fit so (the Devices
    sheet) keeps its widths and takes pages across (print_layout); one whose floors are too
    wide for LEGIBLE_SCALE is narrowed to its floors where that prints it larger."""
    padding = len(widths) * COLUMN_PAD
    room = max(int(PRINTABLE_PT * 100 / LEGIBLE_SCALE / PT_PER_CHAR - padding), sum(floors))
    if print_layout(widths)[0] >= REWRAP_BELOW or (sum(floors) + padding) * PT_PER_CHAR \
            * PRINT_SCALE_MIN / 100 > PRINTABLE_PT:
        return widths
    excess = sum(widths) - room
    slack = [max(w - f, 0) for w, f in zip(widths, floors, strict=True)]
    total = sum(slack)
    if total == 0:
        return widths
    # rounded up, so the sheet fits; never below the floor, since slack >= share
    narrow = [w - -(-excess * s // total) for w, s in zip(widths, slack, strict=True)]
    # one page wide wins where it is legible; else only where it prints larger: 16 columns at
    # 55 % on one page are smaller than the Interfaces sheet's 74 % on two pages across
    scale = print_layout(narrow)[0]
    return narrow if scale >= LEGIBLE_SCALE or scale > print_layout(widths)[0] else widths


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _lines(text: str, width: int) -> int:
    """About how many lines `text` wraps to in a column `width` characters wide."""
    if not text:
        return 1
    usable = max(width - 1, 1)
    return sum(max(1, -(-len(part) // usable)) for part in text.split("\n"))


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
