"""Merge: one scan's observations -> one :class:`Device` per physical box. A pure function.

How identity works
------------------
Every observation becomes a *claim*: the identity keys it carries (``mac:``, ``ip:``, ``serial:``,
``engine:``, ``chassis:``) and the attribute values it contributes. Claims sharing a key are joined
with union-find, in three phases so weak evidence can never override strong evidence:

A. strong keys inside one claim (an SNMP agent joins its address, its ipAddrTable addresses and
   all its ifTable MACs: a router with five interfaces is one device);
B. address->MAC bindings (ARP reply > nmap > router ARP table). When one address is claimed by
   MACs of different devices, the best source wins and the disagreement becomes a Conflict;
C. names (sysName, LLDP/CDP system names) join only when the name is unambiguous.

An agent's own MACs and engine ID are not identities when a *different* box reports them too:
cloned VMs and copied snmpd configurations share them. They are reported on the device
(``shared_identity``) instead. A serial always joins: a host and its BMC are two agents of one
box, and both report its serial.

Claims that only enrich (reverse DNS, router ARP entries) never create a device on their own.

Device ids are stable across scans: ``mac:<lowest MAC seen directly by ARP/nmap>``, else the
lowest MAC from SNMP/LLDP, else forwarding tables, else serial / engine id / chassis id / name / ip.

Field conflicts: the best-ranked source wins (SOURCE_RANK); other values are kept in
``Device.conflicts``. Everything is sorted, so the result is independent of observation order and
of duplicated observations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from netmap.infer.addr import identity_ip, identity_mac, norm_name, same_name, sort_ips
from netmap.infer.identify.cpe import os_hardware, service_hardware
from netmap.infer.identify.ipp import describe as describe_ipp
from netmap.infer.identify.mdns import describe as describe_mdns
from netmap.infer.identify.netbios import describe_netbios
from netmap.infer.identify.ntlm import describe as describe_ntlm
from netmap.infer.identify.osname import service_os
from netmap.infer.identify.ubnt import VENDOR as UBNT_VENDOR, describe as describe_ubnt
from netmap.infer.identify.upnp import describe
from netmap.infer.snmp_records import records_from_scan
from netmap.model import (
    WELL_KNOWN_COMMUNITIES,
    ArpObs,
    CdpNeighbor,
    Conflict,
    Device,
    DnsObs,
    HostInventory,
    HostInvObs,
    HostObs,
    Interface,
    InventoryItem,
    IppObs,
    LldpNeighbor,
    ManagedAp,
    MdnsObs,
    NetbiosObs,
    NtlmObs,
    OsObs,
    ScanRecord,
    Service,
    ServiceObs,
    SharedIdentity,
    SnmpObs,
    SnmpRecord,
    SoftwareItem,
    UbntObs,
    UpnpObs,
)
from netmap.oui import brand, vendor_of

# Lower rank = more reliable, per field. Keys are claim sources.
# "host" is the computer's own account over SSH/WinRM (its firmware's DMI/SMBIOS tables, its
# OS release file): it outranks what SNMP, banners and MAC makers suggest.
# "snmp:controller" is a wireless controller's account of one of its access points, and
# "lldp-med" a phone's (or other endpoint's) LLDP-MED inventory as its switch heard it, and
# "cdp" the platform a Cisco neighbour announces over CDP.
# "nmap:service" names a maker and model where nmap's database knows the banner as a device's
# own (its hardware CPE): the device's word, below anything SNMP says. "upnp" is the device's
# UPnP description, read by netmap itself: its maker, model and serial, below SNMP's; "mdns" a
# printer's DNS-SD announcement (its make and model), likewise, and so are "ipp" (a printer's IPP
# description) and "ubnt" (a Ubiquiti device's discovery answer), whose firmware fills "os" above
# "snmp:sysdescr", the banner kept where SNMP read no version. "nmap:os" is the hardware of a
# perfect OS fingerprint match: a whole stack's behaviour, not the device's word, so it ranks
# below every other source (and a MAC maker names the vendor before it).
SOURCE_RANK: dict[str, dict[str, int]] = {
    "name": {"snmp": 0, "host": 1, "lldp": 1, "cdp": 2, "snmp:controller": 2, "nmap": 3,
             "dns": 4, "smb": 5, "smb1": 5, "rdp": 5, "ubnt": 5, "netbios": 6},
    "vendor": {"host": 0, "snmp": 0, "snmp:ups": 1, "snmp:printer": 1, "snmp:controller": 1,
               "lldp-med": 1, "cdp": 1, "nmap:service": 1, "upnp": 1, "mdns": 1, "ipp": 1, "ubnt": 1,
               "arp": 2,
               "nmap": 2, "oui": 3, "nmap:os": 3},
    "model": {"host": 0, "snmp": 0, "snmp:inventory": 1, "snmp:controller": 1, "lldp-med": 1,
              "cdp": 2, "snmp:printer": 2, "snmp:ups": 2, "upnp": 2, "mdns": 2, "ipp": 2, "ubnt": 2,
              "nmap:service": 3, "nmap:os": 4},
    "serial": {"host": 0, "snmp": 0, "snmp:inventory": 1, "snmp:controller": 1, "lldp-med": 1,
               "snmp:printer": 2, "snmp:ups": 2, "upnp": 2, "ipp": 3},
    "os": {"host": 0, "snmp": 1, "snmp:controller": 1, "lldp-med": 2, "smb": 2, "smb1": 2, "rdp": 2,
           "ipp": 2, "ubnt": 2, "snmp:sysdescr": 3, "nmap:os": 4, "nmap:banner": 5, "nmap:service": 6},
    "os_family": {"host": 0, "snmp": 1, "smb": 2, "smb1": 2, "rdp": 2},
    "os_version": {"smb": 0, "smb1": 0, "rdp": 0},  # a computer's own account fills it first (_host_fields)
    "location": {"snmp": 0, "snmp:controller": 1, "ipp": 2},
    "windows_domain": {"smb": 0, "smb1": 0, "rdp": 0, "netbios": 1},
    "windows_dns_domain": {"smb": 0, "smb1": 0, "rdp": 0},
    # whether its SMB server requires message signing: SMB2's negotiation says it for the
    # dialects a current client uses, SMB1's only for that old protocol
    "smb_signing": {"smb": 0, "smb1": 1},
}
# MAC for an address: a direct ARP reply beats nmap, which beats a router's ARP cache.
BINDING_RANK = {"arp": 0, "nmap": 1, "snmp:arp": 2}
# MAC tiers for choosing the device id: seen directly > reported by SNMP/LLDP > learned in tables.
TIER_DIRECT, TIER_SNMP, TIER_TABLE = 0, 1, 2
# Fields whose disagreements are worth recording (os wording always differs between sources).
CONFLICT_FIELDS = ("name", "model", "serial", "vendor")
# Hearsay: a neighbour's CDP platform, a banner or a UPnP description names a model only where
# nothing better does, and raises no disagreement with a better source ("N3K-C3064PQ-10GX"
# against "Nexus 3064"; UPnP's "DS920+" against SNMP's "DS920+ (DSM 7.2)"). A NetBIOS name is a
# DNS name cut to 15 characters ("ACCOUNTING-WORK" for "accounting-workstation-01"): no rival.
# The DNS name a server's NTLM offer gives is its own idea of its name, which the city's DNS may
# have long forgotten: it names a host DNS does not, and disagrees with none.
NTLM_SOURCES = ("smb", "smb1", "rdp")  # the services a server's NTLM offer is asked over
HEARSAY = frozenset({"cdp", "nmap:service", "nmap:banner", "upnp", "mdns", "ipp", "ubnt",
                     "nmap:os", "netbios", *NTLM_SOURCES})
_SKIP_FDB_STATUS = frozenset({"self", "mgmt", "invalid"})
_SHAREABLE = {"mac": "MAC address", "engine": "SNMP engine ID"}  # may be copied between boxes


@dataclass
class Claim:
    source: str
    keys: set[str] = field(default_factory=set)
    name_keys: set[str] = field(default_factory=set)
    creating: bool = True
    times: list[datetime] = field(default_factory=list)
    ips: set[str] = field(default_factory=set)
    macs: dict[str, int] = field(default_factory=dict)
    values: list[tuple[str, str, str]] = field(default_factory=list)  # (field, value, source)
    service: tuple[datetime, Service] | None = None
    record: SnmpRecord | None = None
    is_agent: bool = False
    shared: list[SharedIdentity] = field(default_factory=list)  # own keys other boxes report
    host: HostInventory | None = None  # the computer's own account (SSH/WinRM)
    host_note: str | None = None  # "ssh (set x)", or why there is no account
    host_failed: bool = False

    def add_mac(self, mac: str | None, tier: int) -> None:
        if mac is not None:
            self.keys.add(f"mac:{mac}")
            self.macs[mac] = min(tier, self.macs.get(mac, tier))

    def add_ip(self, ip: str | None) -> None:
        if ip is not None:
            self.keys.add(f"ip:{ip}")
            self.ips.add(ip)

    def add_key(self, key: str, tier: int) -> None:
        kind, _, value = key.partition(":")
        if kind == "mac":
            self.add_mac(value, tier)
        elif kind == "ip":
            self.add_ip(value)
        else:
            self.keys.add(key)

    def add_value(self, fld: str, value: str | None, source: str) -> None:
        if value is not None and value.strip():
            self.values.append((fld, value.strip(), source))


@dataclass(frozen=True)
class Binding:
    ip: str
    mac: str
    source: str
    time: datetime | None

    @property
    def rank(self) -> int:
        return BINDING_RANK[self.source]


@dataclass(frozen=True)
class MergeResult:
    devices: list[Device]
    index: dict[str, str]  # identity key (mac:/ip:/serial:/engine:/chassis:/name:) -> device id


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key becomes the root: deterministic whatever the call order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


# ---------------------------------------------------------------------------------------------
# Identity keys of neighbour-table entries (shared with classify and topology)
# ---------------------------------------------------------------------------------------------


def lldp_keys(n: LldpNeighbor) -> tuple[set[str], str | None]:
    """Strong identity keys and the name key an LLDP neighbour entry gives for the remote device."""
    keys: set[str] = set()
    if n.remote_chassis_id:
        mac = identity_mac(n.remote_chassis_id) if n.remote_chassis_id_subtype in (None, 4) else None
        ip = identity_ip(n.remote_chassis_id) if n.remote_chassis_id_subtype in (None, 5) else None
        if mac:
            keys.add(f"mac:{mac}")
        elif ip:
            keys.add(f"ip:{ip}")
        else:
            keys.add(f"chassis:{n.remote_chassis_id.strip().lower()}")
    if n.remote_port_subtype == 3:
        port_mac = identity_mac(n.remote_port)
        if port_mac:
            keys.add(f"mac:{port_mac}")
    mgmt = identity_ip(n.remote_management_address)
    if mgmt:
        keys.add(f"ip:{mgmt}")
    return keys, norm_name(n.remote_system_name)


def cdp_keys(n: CdpNeighbor) -> tuple[set[str], str | None]:
    keys: set[str] = set()
    addr = identity_ip(n.remote_address)
    if addr:
        keys.add(f"ip:{addr}")
    mac = identity_mac(n.remote_device_id)
    if mac:
        keys.add(f"mac:{mac}")
        return keys, None
    return keys, norm_name(n.remote_device_id)


def cdp_model(platform: str | None) -> tuple[str | None, str | None]:
    """The maker and model a CDP neighbour's platform names: "cisco AIR-AP2702I-UXK9" is a Cisco
    AIR-AP2702I-UXK9, "Cisco SG350X-24P (PID:SG350X-24P-K9)-VSD" a Cisco SG350X-24P, "Cisco IP
    Phone 8845" a Cisco IP Phone 8845. A platform with no number ("Linux") names no model."""
    if not platform:
        return None, None
    model = " ".join(platform.split("(", 1)[0].split())
    vendor = "Cisco" if model.casefold().startswith("cisco ") else None
    if vendor:
        model = model[len("cisco "):]
    return vendor, model if any(ch.isdigit() for ch in model) else None


def resolve(index: dict[str, str], keys: Iterable[str], name: str | None) -> str | None:
    """The device an entry points at: MAC keys first, then other strong keys, then the name."""
    for key in sorted(keys, key=lambda k: (not k.startswith("mac:"), k)):
        if key in index:
            return index[key]
    if name is not None:
        return index.get(f"name:{name}")
    return None


# ---------------------------------------------------------------------------------------------
# Observations -> claims
# ---------------------------------------------------------------------------------------------


def _direct_claims(
    source: str, ip: str | None, mac: str | None, vendor: str | None, when: datetime,
    name: str | None = None,
) -> tuple[list[Claim], list[Binding]]:
    """Claims of a host that answered us directly (ARP reply or nmap host-up): its address,
    its MAC with the vendor named beside it, and the address-to-MAC binding."""
    claims: list[Claim] = []
    if ip:
        c = Claim(source, times=[when])
        c.add_ip(ip)
        c.add_value("name", name, source)
        claims.append(c)
    if mac:
        m = Claim(source, times=[when])
        m.add_mac(mac, TIER_DIRECT)
        m.add_value("vendor", vendor, source)
        claims.append(m)
    bindings = [Binding(ip, mac, source, when)] if ip and mac else []
    return claims, bindings


def _arp_claims(ob: ArpObs) -> tuple[list[Claim], list[Binding]]:
    return _direct_claims("arp", identity_ip(ob.ip), identity_mac(ob.mac), ob.vendor, ob.time)


def _host_claims(ob: HostObs) -> tuple[list[Claim], list[Binding]]:
    if ob.state != "up":
        return [], []
    ip, mac = identity_ip(ob.ip), identity_mac(ob.mac)
    # a sweep reply carries only the address; nmap's may carry a MAC, its maker and a name
    return _direct_claims(ob.source, ip, mac, ob.vendor, ob.time, name=ob.hostname)


def _service_claim(ob: ServiceObs) -> list[Claim]:
    ip = identity_ip(ob.ip)
    if ip is None or ob.state != "open":
        return []
    c = Claim("nmap:service", times=[ob.time])
    c.add_ip(ip)
    # the distribution a server names ("Apache/2.4.6 (CentOS)") before nmap's kernel-only type
    c.add_value("os", service_os(ob), "nmap:banner")
    c.add_value("os", ob.ostype, "nmap:service")
    hardware = service_hardware(ob)
    if hardware is not None:
        c.add_value("vendor", hardware.vendor, "nmap:service")
        c.add_value("model", hardware.model, "nmap:service")
    svc = Service(port=ob.port, proto=ob.proto, name=ob.name, product=ob.product,
                  version=ob.version, extrainfo=_without_community(ob))
    c.service = (ob.time, svc)
    return [c]


# nmap's SNMP probe asks with the community "public", and its match line writes the community
# that worked as the detail (i/public/). The community is a secret netmap never keeps; that a
# well-known one worked is the finding.
NMAP_DEFAULT_COMMUNITY = "a well-known community answered nmap's SNMP probe"


def _without_community(ob: ServiceObs) -> str | None:
    text = (ob.extrainfo or "").strip()
    if ob.name == "snmp" and text.lower() in WELL_KNOWN_COMMUNITIES:
        return NMAP_DEFAULT_COMMUNITY
    return ob.extrainfo


def _upnp_claim(ob: UpnpObs) -> list[Claim]:
    """The maker, model and serial a device's UPnP description names (none for a program's
    media server: its maker and model are the program's)."""
    found = describe(ob)
    if found is None:
        return []
    said = {} if found.software else {
        "vendor": found.vendor, "model": found.model, "serial": found.serial}
    return _announced_claim("upnp", ob, said)


def _mdns_claim(ob: MdnsObs) -> list[Claim]:
    """The maker and model a printer's DNS-SD announcement names (none for a computer that
    shares a printer: the model would be the printer's)."""
    found = describe_mdns(ob)
    if found is None:
        return []
    return _announced_claim("mdns", ob, {"vendor": found.vendor, "model": found.model})


def _netbios_claim(ob: NetbiosObs) -> list[Claim]:
    """A Windows networking host's computer name (a NetBIOS name is upper case by rule, so it
    names a host only where nothing else does) and the workgroup or domain it joined."""
    found = describe_netbios(ob)
    if found is None:
        return []
    return _announced_claim("netbios", ob, {"name": found.name, "windows_domain": found.domain})


def _ntlm_claim(ob: NtlmObs) -> list[Claim]:
    """What a server's NTLM offer (SMB2 or Remote Desktop) names: the computer's DNS (else
    NetBIOS) name, the domain it is a member of, and the Windows release its version names."""
    signing = None if ob.signing_required is None or ob.service == "rdp" else (
        "required" if ob.signing_required else "not required")
    found = describe_ntlm(ob)
    if found is None:  # an SMB server that gave no offer still negotiated (and SMB1 was accepted)
        said: dict[str, str | None] = {"smb_signing": signing}
        return _announced_claim(ob.service, ob, said) if ob.service != "rdp" else []
    windows = found.release is not None
    return _announced_claim(ob.service, ob, {
        "smb_signing": signing,
        "name": found.dns_name or found.computer, "windows_domain": found.domain,
        "windows_dns_domain": found.dns_domain,
        "os": f"Microsoft {found.release}" if windows else None,
        "os_family": "Windows" if windows else None, "os_version": found.version})


def _ipp_claim(ob: IppObs) -> list[Claim]:
    """The maker, model, serial number, firmware and location a printer's IPP description
    names."""
    found = describe_ipp(ob)
    if found is None:
        return []
    return _announced_claim("ipp", ob, {
        "vendor": found.vendor, "model": found.model, "serial": found.serial,
        "os": found.firmware, "location": found.location})


def _ubnt_claim(ob: UbntObs) -> list[Claim]:
    """The model, firmware and host name a Ubiquiti device's discovery answer names."""
    found = describe_ubnt(ob)
    if found is None:
        return []
    return _announced_claim("ubnt", ob, {"vendor": UBNT_VENDOR, "model": found.model,
                                         "os": found.firmware, "name": found.hostname})


def _announced_claim(source: str, ob: UpnpObs | MdnsObs | NetbiosObs | NtlmObs | IppObs | UbntObs,
                     said: dict[str, str | None]) -> list[Claim]:  # fmt: skip
    """What a device announced of itself, as a claim on its address."""
    ip = identity_ip(ob.ip)
    if ip is None:
        return []
    c = Claim(source, times=[ob.time])
    c.add_ip(ip)
    for fld, value in said.items():
        c.add_value(fld, value, source)
    return [c]


def _os_claim(ob: OsObs) -> list[Claim]:
    ip = identity_ip(ob.ip)
    if ip is None:
        return []
    c = Claim("nmap:os", times=[ob.time])
    c.add_ip(ip)
    if ob.matches:
        best = max(ob.matches, key=lambda m: (m.accuracy, m.name))
        c.add_value("os", best.name, "nmap:os")
    hardware = os_hardware(ob.matches)
    if hardware is not None:
        c.add_value("vendor", hardware.vendor, "nmap:os")
        c.add_value("model", hardware.model, "nmap:os")
    return [c]


def _dns_claim(ob: DnsObs) -> list[Claim]:
    ip = identity_ip(ob.ip)
    if ip is None:
        return []
    c = Claim("dns", creating=False, times=[ob.time])  # a PTR record does not mean "host up"
    c.add_ip(ip)
    c.add_value("name", ob.name, "dns")
    return [c]


def _hostinv_claim(ob: HostInvObs) -> list[Claim]:
    """A computer's own account; a failed login only notes why there is none (it never
    creates a device: the host is known from discovery or it is not)."""
    from netmap.infer.hosts.parse import HostParseError, host_inventory

    ip = identity_ip(ob.ip)
    if ip is None:
        return []
    try:
        inv = host_inventory(ob)
    except HostParseError as exc:
        inv, ob = None, ob.model_copy(update={"failure": "error", "error": str(exc)})
    c = Claim("host", creating=False, times=[ob.time], host=inv, host_failed=inv is None)
    c.add_ip(ip)
    if inv is None:
        c.host_note = f"{ob.failure or 'error'}: {ob.error or 'no output'} ({ob.method})"
        return [c]
    c.host_note = f"{ob.method} (set {ob.credential})" if ob.credential else ob.method
    for fld, value in (("name", inv.hostname), ("vendor", inv.vendor), ("model", inv.model),
                       ("serial", inv.serial), ("os", inv.os_name),
                       ("os_family", inv.os_family)):  # fmt: skip
        c.add_value(fld, value, "host")
    return [c]


def _agent_claim(rec: SnmpRecord, times: list[datetime], shared: dict[str, set[str]]) -> Claim:
    c = Claim("snmp", times=times, record=rec, is_agent=True)
    c.add_ip(identity_ip(rec.ip))
    for addr in rec.ip_addresses:
        c.add_ip(identity_ip(addr.address))
    for key, shown in sorted(_self_keys(rec).items()):
        if key not in shared:
            c.add_key(key, TIER_SNMP)
        else:
            c.shared.append(SharedIdentity(kind=_SHAREABLE[key.partition(":")[0]], value=shown,
                                           also_at=sorted(shared[key] - {rec.ip})))
    f = rec.facts
    if f is not None:
        c.add_value("name", f.hostname, "snmp")
        c.add_value("vendor", f.vendor, "snmp")
        c.add_value("model", f.model, "snmp")
        c.add_value("serial", f.serial_number, "snmp")
        c.add_value("os", f.os_version, "snmp")
        if not f.os_version:  # no version found: the banner itself, below a printer's firmware
            c.add_value("os", _first_line(f.sys_descr), "snmp:sysdescr")
        c.add_value("os_family", f.os_family.text if f.os_family else None, "snmp")
        c.add_value("location", f.location, "snmp")
        name = norm_name(f.hostname)
        if name:
            c.name_keys.add(name)
    for item in _chassis(rec):
        c.add_value("model", item.model, "snmp:inventory")
        c.add_value("serial", item.serial_number, "snmp:inventory")
    for info, src in ((rec.printer, "snmp:printer"), (rec.ups, "snmp:ups")):
        if info is not None:
            c.add_value("model", info.model, src)
            c.add_value("serial", info.serial_number, src)
    if rec.ups is not None:
        c.add_value("vendor", rec.ups.manufacturer, "snmp:ups")
    if not c.keys:
        c.keys.add(f"agent:{rec.ip}")  # e.g. a loopback test agent: still one device
    return c


def _first_line(text: str | None) -> str | None:
    if not text:
        return None
    return text.strip().splitlines()[0][:200] if text.strip() else None


def _keyed_claim(source: str, keys: set[str], times: list[datetime]) -> Claim:
    """A neighbour's claim from its identity keys ("mac:…", "ip:…", chassis and other keys)."""
    c = Claim(source, times=times)
    for key in keys:
        c.add_key(key, TIER_SNMP)
    return c


def _neighbour_claims(rec: SnmpRecord, times: list[datetime]) -> list[Claim]:
    claims: list[Claim] = []
    for n in rec.lldp_neighbors_detail:
        keys, name = lldp_keys(n)
        c = _keyed_claim("lldp", keys, times)
        c.add_value("name", n.remote_system_name, "lldp")
        for fld, value in (("vendor", n.med_maker), ("model", n.med_model),
                           ("serial", n.med_serial), ("os", n.med_software)):
            c.add_value(fld, value, "lldp-med")
        if name:
            c.name_keys.add(name)
        if c.keys or c.name_keys:
            claims.append(c)
    for cdp in rec.cdp_neighbors:
        keys, name = cdp_keys(cdp)
        c = _keyed_claim("cdp", keys, times)
        maker, model = cdp_model(cdp.remote_platform)
        c.add_value("vendor", maker, "cdp")
        c.add_value("model", model, "cdp")
        if name:
            c.add_value("name", cdp.remote_device_id, "cdp")
            c.name_keys.add(name)
        if c.keys or c.name_keys:
            claims.append(c)
    return claims


def managed_ap_keys(ap: ManagedAp) -> set[str]:
    """The identity keys of a controller's AP row: its wired MAC and its address (the radios'
    MAC is on no wire, so no ARP cache or forwarding table would know it)."""
    keys = {f"mac:{mac}"} if (mac := identity_mac(ap.mac)) else set()
    return keys | ({f"ip:{ip}"} if (ip := identity_ip(ap.ip)) else set())


def _managed_ap_claims(rec: SnmpRecord, times: list[datetime]) -> list[Claim]:
    """A wireless controller's access points exist (lightweight APs answer no SNMP of their
    own), with the controller's account of their name, model, serial and software."""
    claims: list[Claim] = []
    for ap in rec.managed_aps:
        c = _keyed_claim("snmp:controller", managed_ap_keys(ap), times)
        if not c.keys:
            continue
        for fld, value in (("name", ap.name), ("vendor", ap.maker), ("model", ap.model),
                           ("serial", ap.serial_number), ("os", ap.os_version),
                           ("location", ap.location)):
            c.add_value(fld, value, "snmp:controller")
        claims.append(c)
    return claims


def _own_macs(rec: SnmpRecord) -> set[str]:
    return {m for i in rec.interfaces if (m := identity_mac(i.mac_address))}


def _table_claims(rec: SnmpRecord, times: list[datetime]) -> tuple[list[Claim], list[Binding]]:
    """FDB entries are stations that exist (create); router ARP entries only bind ip->MAC."""
    own = _own_macs(rec)
    own_ips = {identity_ip(a.address) for a in rec.ip_addresses} | {identity_ip(rec.ip)}
    claims: list[Claim] = []
    for entry in rec.mac_address_table:
        mac = identity_mac(entry.mac)
        if mac is None or mac in own or (entry.status or "").lower() in _SKIP_FDB_STATUS:
            continue
        c = Claim("snmp:fdb", times=times)
        c.add_mac(mac, TIER_TABLE)
        claims.append(c)
    bindings: list[Binding] = []
    when = min(times) if times else None
    for arp in rec.arp_table:
        ip, mac = identity_ip(arp.ip), identity_mac(arp.mac)
        if ip is None or mac is None or ip in own_ips or mac in own:
            continue
        if (arp.entry_type or "").lower() == "invalid":
            continue
        bindings.append(Binding(ip, mac, "snmp:arp", when))
    return claims, bindings


def _chassis(rec: SnmpRecord) -> list[InventoryItem]:
    return [i for i in rec.inventory if i.entity_class == "chassis" and i.contained_in in (None, 0)]


def _self_keys(rec: SnmpRecord) -> dict[str, str]:
    """The identity keys an agent reports for its own box (ifTable MACs, engine ID, serials),
    each with the value as the agent wrote it."""
    keys = {f"mac:{m}": m for m in _own_macs(rec)}
    f = rec.facts
    serials = [f.serial_number] if f is not None else []
    for value in [*serials, *(i.serial_number for i in _chassis(rec))]:
        if value and value.strip():
            keys.setdefault(f"serial:{value.strip().lower()}", value.strip())
    if f is not None and f.engine_id and f.engine_id.strip():
        keys[f"engine:{f.engine_id.strip().lower()}"] = f.engine_id.strip()
    return keys


def _agent_addresses(rec: SnmpRecord) -> set[str]:
    return {ip for a in rec.ip_addresses if (ip := identity_ip(a.address))} | {rec.ip}


def _different_boxes(a: SnmpRecord, b: SnmpRecord, key: str) -> bool:
    """Two agents that both report `key` but cannot be one box polled on two addresses: one box
    lists both addresses in its ipAddrTable, answers one sysName, shares its MACs and reports one
    serial. A MAC is shared by different boxes as soon as the address tables part (the rule for
    cloned VMs); an engine ID needs a second sign, because it is what joins a box polled twice
    whose address table is hidden."""
    if _agent_addresses(a) & _agent_addresses(b):
        return False
    if key.startswith("mac:"):
        return True
    name_a = norm_name(a.facts.hostname) if a.facts is not None else None
    name_b = norm_name(b.facts.hostname) if b.facts is not None else None
    if name_a and name_b and name_a != name_b:
        return True
    serials_a, serials_b = _serials(a), _serials(b)
    if serials_a and serials_b and not serials_a & serials_b:
        return True
    macs_a, macs_b = _own_macs(a), _own_macs(b)
    return bool(macs_a and macs_b and not macs_a & macs_b)


def _serials(rec: SnmpRecord) -> set[str]:
    return {key for key in _self_keys(rec) if key.startswith("serial:")}


def _shared_keys(records: list[SnmpRecord]) -> dict[str, set[str]]:
    """Own MACs and engine IDs that different boxes report (cloned VMs and snmpd configurations,
    factory-default MACs), each with the agent addresses reporting it. They would join unrelated
    boxes, so they are not identities."""
    holders: dict[str, list[SnmpRecord]] = defaultdict(list)
    for rec in records:
        for key in _self_keys(rec):
            if key.partition(":")[0] in _SHAREABLE:
                holders[key].append(rec)
    shared: dict[str, set[str]] = {}
    for key, recs in holders.items():
        pairs = [(a, b) for i, a in enumerate(recs) for b in recs[i + 1:]
                 if _different_boxes(a, b, key)]
        if pairs:
            shared[key] = {rec.ip for pair in pairs for rec in pair}
    return shared


def _agent_times(scan: ScanRecord) -> dict[str, list[datetime]]:
    times: dict[str, list[datetime]] = defaultdict(list)
    for ob in scan.observations:
        if isinstance(ob, SnmpObs) and not ob.error:
            times[ob.ip].append(ob.time)
    return times


# What each kind of observation claims of its device (ARP and host-discovery replies also bind
# an address to a MAC: collect_claims reads those itself).
_CLAIMS: dict[type, Callable[[Any], list[Claim]]] = {
    ServiceObs: _service_claim, OsObs: _os_claim, DnsObs: _dns_claim, HostInvObs: _hostinv_claim,
    UpnpObs: _upnp_claim, MdnsObs: _mdns_claim, NetbiosObs: _netbios_claim, NtlmObs: _ntlm_claim,
    IppObs: _ipp_claim, UbntObs: _ubnt_claim,
}


def collect_claims(scan: ScanRecord) -> tuple[list[Claim], list[Binding]]:
    claims: list[Claim] = []
    bindings: list[Binding] = []
    for ob in scan.observations:
        if isinstance(ob, ArpObs):
            cs, bs = _arp_claims(ob)
            claims += cs
            bindings += bs
        elif isinstance(ob, HostObs):
            cs, bs = _host_claims(ob)
            claims += cs
            bindings += bs
        elif (claim := _CLAIMS.get(type(ob))) is not None:
            claims += claim(ob)
    times = _agent_times(scan)
    records = records_from_scan(scan)
    shared = _shared_keys(records)
    for rec in records:
        if rec.facts is None and not rec.interfaces:
            continue  # the agent never answered: an SNMP failure, not an SNMP fact
        t = times.get(rec.ip, [])
        claims.append(_agent_claim(rec, t, shared))
        claims += _neighbour_claims(rec, t)
        claims += _managed_ap_claims(rec, t)
        cs, bs = _table_claims(rec, t)
        claims += cs
        bindings += bs
    return claims, bindings


# ---------------------------------------------------------------------------------------------
# Union phases
# ---------------------------------------------------------------------------------------------


def _union_claim(uf: _UnionFind, claim: Claim) -> None:
    keys = sorted(claim.keys)
    for key in keys[1:]:
        uf.union(keys[0], key)
    if keys:
        uf.find(keys[0])


def _choose_bindings(
    uf: _UnionFind, bindings: list[Binding]
) -> tuple[list[Claim], dict[str, list[Conflict]]]:
    """Decide, per address, which MAC(s) it belongs to; record the losers as conflicts."""
    by_ip: dict[str, dict[tuple[str, str], Binding]] = defaultdict(dict)
    for b in bindings:
        prev = by_ip[b.ip].get((b.mac, b.source))
        if prev is None or _earlier(b.time, prev.time):
            by_ip[b.ip][(b.mac, b.source)] = b
    # how many addresses each MAC answers for: a proxy-ARP router answers for many
    answers: dict[str, set[str]] = defaultdict(set)
    for ip, found in by_ip.items():
        for b in found.values():
            answers[b.mac].add(ip)
    chosen: list[Claim] = []
    conflicts: dict[str, list[Conflict]] = defaultdict(list)
    for ip in sort_ips(list(by_ip)):
        cands = sorted(by_ip[ip].values(), key=lambda b: (b.rank, b.mac, b.source))
        ip_root = uf.find(f"ip:{ip}")
        best_rank = cands[0].rank
        # prefer a MAC already known to own the address (via SNMP), then the MAC answering for
        # the fewest addresses (the host itself rather than a proxy), then the lowest MAC
        winner = min((b for b in cands if b.rank == best_rank),
                     key=lambda b: (uf.find(f"mac:{b.mac}") != ip_root, len(answers[b.mac]),
                                    b.mac))
        win_root = uf.find(f"mac:{winner.mac}")
        for b in cands:
            same = b.mac == winner.mac or uf.find(f"mac:{b.mac}") == win_root
            if same:
                c = Claim(b.source, creating=b.source != "snmp:arp",
                          times=[b.time] if b.time else [])
                c.add_ip(ip)
                c.add_mac(b.mac, TIER_DIRECT if b.source != "snmp:arp" else TIER_TABLE)
                chosen.append(c)
                _union_claim(uf, c)
            elif b.mac != winner.mac:
                conflicts[f"ip:{ip}"].append(
                    Conflict(field="mac", kept=winner.mac, kept_source=winner.source,
                             other=b.mac, other_source=b.source)
                )
    return chosen, conflicts


def _earlier(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and (b is None or a < b)


def _union_names(uf: _UnionFind, claims: list[Claim]) -> None:
    holders: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for name in c.name_keys:
            holders[name].append(c)
    for name in sorted(holders):
        group = holders[name]
        owners = {uf.find(min(c.keys)) for c in group if c.is_agent}
        strong = {uf.find(min(c.keys)) for c in group if c.keys}
        if len(owners) > 1 or (not owners and len(strong) > 1):
            # ambiguous: two boxes with the same name; only nameless entries join each other
            loose = [c for c in group if not c.keys]
            for c in loose:
                c.keys.add(f"name:{name}")
            continue
        anchor = f"name:{name}"
        for c in group:
            if not c.keys:
                c.keys.add(anchor)
            uf.union(anchor, min(c.keys))


# ---------------------------------------------------------------------------------------------
# Components -> devices
# ---------------------------------------------------------------------------------------------


def _rank(fld: str, source: str) -> int:
    return SOURCE_RANK[fld].get(source, 9)


def _same(fld: str, a: str, b: str) -> bool:
    if fld == "name":
        return same_name(a, b)
    if fld == "vendor":
        return _first_token(a) == _first_token(b)
    if fld == "model":
        return _same_model(a, b)
    return a.strip().casefold() == b.strip().casefold()


def _same_model(a: str, b: str) -> bool:
    """One model written two ways: one name within the other ("ISR4331/K9", "ISR4331";
    "FortiGate", "FortiGate 60F": less said, nothing contradicted), or the same model numbers,
    the words that hold a digit, under the same name or its abbreviation ("FortiGate 60F",
    "FGT_60F"). Two numbers of one line still differ ("C9300-48P", "C9300-24P"), as do two
    lines of one number ("FortiWiFi 60F")."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    short, long = sorted(("".join(tokens_a), "".join(tokens_b)), key=len)
    if short == long or (len(short) >= 4 and short in long):
        return True
    numbers_a = _numbers(tokens_a)
    if not numbers_a or numbers_a != _numbers(tokens_b):
        return False
    words = sorted(("".join(t for t in tokens_a if t.isalpha()),
                    "".join(t for t in tokens_b if t.isalpha())), key=len)  # fmt: skip
    letters = iter(words[1])
    return all(ch in letters for ch in words[0])  # the shorter name's letters, in order


def _numbers(tokens: list[str]) -> set[str]:
    """The words that hold a digit: a model's numbers."""
    return {t for t in tokens if any(c.isdigit() for c in t)}


def _tokens(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


def _first_token(text: str) -> str:
    token = _tokens(text)
    return token[0] if token else ""


def _pick(fld: str, values: list[tuple[str, str]]) -> tuple[str | None, str | None, list[Conflict]]:
    """Best value by source rank, with its source; distinct other values become conflicts."""
    if not values:
        return None, None, []
    ranked = sorted({(_rank(fld, s), v, s) for v, s in values}, key=lambda t: (t[0], t[1], t[2]))
    kept_rank, kept, kept_src = ranked[0]
    conflicts: list[Conflict] = []
    if fld in CONFLICT_FIELDS:
        seen: list[str] = [kept]
        for rank, value, src in ranked[1:]:
            if fld == "vendor" and rank != kept_rank:
                continue  # NIC maker vs system maker: different facts, not a disagreement
            if src in HEARSAY and rank > kept_rank:
                continue
            if any(_same(fld, value, s) for s in seen):
                continue
            seen.append(value)
            conflicts.append(Conflict(field=fld, kept=kept, kept_source=kept_src,
                                      other=value, other_source=src))
    return kept, kept_src, conflicts


def _device_id(claims: list[Claim], keys: set[str]) -> str:
    tiers: dict[int, set[str]] = defaultdict(set)
    for c in claims:
        for mac, tier in c.macs.items():
            tiers[tier].add(mac)
    for tier in (TIER_DIRECT, TIER_SNMP, TIER_TABLE):
        if tiers[tier]:
            return f"mac:{min(tiers[tier])}"
    for prefix in ("serial:", "engine:", "chassis:", "name:"):
        found = sorted(k for k in keys if k.startswith(prefix))
        if found:
            return found[0]
    ips = sort_ips({ip for c in claims for ip in c.ips})
    if ips:
        return f"ip:{ips[0]}"
    return min(keys)


def _services(claims: list[Claim]) -> list[Service]:
    best: dict[tuple[str, int], tuple[datetime, Service]] = {}
    for c in claims:
        if c.service is None:
            continue
        t, svc = c.service
        k = (svc.proto, svc.port)
        rank = (t, svc.name or "", svc.product or "", svc.version or "", svc.extrainfo or "")
        prev = best.get(k)
        if prev is None or rank > (prev[0], prev[1].name or "", prev[1].product or "",
                                   prev[1].version or "", prev[1].extrainfo or ""):
            best[k] = (t, svc)
    return [best[k][1] for k in sorted(best, key=lambda k: (k[1], k[0]))]


def _snmp_parts(records: list[SnmpRecord]) -> tuple[list[Interface], list[SoftwareItem], str | None]:
    ifaces: dict[int, Interface] = {}
    software: dict[tuple[str, str], SoftwareItem] = {}
    credential: str | None = None
    for rec in sorted(records, key=lambda r: r.ip):
        credential = credential or rec.credential
        own: dict[int, list[str]] = defaultdict(list)  # the addresses on each interface
        for a in rec.ip_addresses:
            if a.if_index is not None and a.address not in own[a.if_index]:
                own[a.if_index].append(a.address)
        for i in rec.interfaces:
            addresses = own.get(i.if_index)
            ifaces.setdefault(i.if_index,
                              i.model_copy(update={"addresses": addresses}) if addresses else i)
        if rec.software is not None:
            for s in rec.software.software:
                software.setdefault((s.name, s.version or ""), s)
    return ([ifaces[k] for k in sorted(ifaces)],
            [software[k] for k in sorted(software)], credential)


# Merge fields -> the Identity field names that SNMP identification's evidence lines start with.
_IDENTITY_FIELDS = {"vendor": "vendor", "model": "model", "serial": "serial_number",
                    "os": "os_version", "os_family": "os family"}


_SOURCE_WORDS = {
    "snmp": "SNMP",
    "snmp:inventory": "SNMP ENTITY-MIB inventory",
    "snmp:printer": "Printer-MIB",
    "snmp:ups": "UPS-MIB",
    "snmp:controller": "its wireless controller's table of access points",
    "lldp-med": "its LLDP-MED inventory, as its switch heard it (LLDP-EXT-MED-MIB)",
    "cdp": "its CDP platform, as its neighbour heard it (CISCO-CDP-MIB cdpCachePlatform)",
    "oui": "maker of the MAC address (IEEE OUI)",
    "arp": "maker of the MAC address (ARP reply)",
    "nmap": "nmap (MAC vendor)",
    "nmap:os": "nmap OS detection",
    "nmap:service": "nmap service version banner",
    "nmap:banner": "the OS a service's banner names (nmap service detection)",
    "upnp": "its UPnP device description",
    "mdns": "its mDNS (DNS-SD) announcement",
    "smb": "the version in its SMB server's NTLM sign-in offer",
    "rdp": "the version in its Remote Desktop server's NTLM sign-in offer (CredSSP)",
    "smb1": "the version in its SMB version 1 server's NTLM sign-in offer",
    "ipp": "its IPP printer description (Get-Printer-Attributes)",
    "ubnt": "its answer to Ubiquiti's discovery request",
}


def _identity_evidence(
    picked_from: dict[str, str | None], records: list[SnmpRecord], host: HostInventory | None
) -> list[str]:
    """Where each identity field's kept value came from: SNMP's own evidence line when SNMP
    won ("model: ENTITY-MIB chassis 1 entPhysicalModelName"), the host's when the computer
    said it ("model: Win32_ComputerSystem.Model over WinRM"), else the source that won."""
    lines = [line for rec in sorted(records, key=lambda r: r.ip) if rec.facts
             for line in rec.facts.identity_evidence]
    out: list[str] = []
    for fld, ident_name in _IDENTITY_FIELDS.items():
        source = picked_from.get(fld)
        if source is None:
            continue
        host_lines = host.evidence if host else []
        host_line = next((x for x in host_lines if x.startswith(fld + ": ")), None)
        if source == "host" and host_line:
            out.append(host_line)
            continue
        snmp_line = next((x for x in lines if x.startswith(ident_name + ": ")), None)
        if source == "snmp" and snmp_line:
            out.append(fld + snmp_line[len(ident_name):])
        elif source == "snmp:sysdescr":  # no version found: the banner itself is kept
            out.append("os: SNMPv2-MIB sysDescr (first line)")
        else:
            out.append(f"{fld}: {_SOURCE_WORDS.get(source, source)}")
    return out


def _claimed_values(claims: list[Claim], macs: dict[str, int]) -> dict[str, list[tuple[str, str]]]:
    """Each field's (value, source) pairs from every claim, a maker spelled one way whichever
    source named it; the MAC registry names the maker only where no source did."""
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c in claims:
        for fld, value, src in c.values:
            values[fld].append((brand(value) or value if fld == "vendor" else value, src))
    if not values["vendor"] and macs:
        best_tier = min(macs.values())
        for mac in sorted(m for m, t in macs.items() if t == best_tier):
            vendor = brand(vendor_of(mac))
            if vendor:
                values["vendor"].append((vendor, "oui"))
                break
    return values


def _claimed_macs(claims: list[Claim]) -> dict[str, int]:
    """MAC -> the best (lowest) tier any claim gave it."""
    macs: dict[str, int] = {}
    for c in claims:
        for mac, tier in c.macs.items():
            macs[mac] = min(tier, macs.get(mac, tier))
    return macs


def _build_device(dev_id: str, claims: list[Claim], extra: list[Conflict]) -> Device:
    macs = _claimed_macs(claims)
    values = _claimed_values(claims, macs)
    picked: dict[str, str | None] = {}
    picked_from: dict[str, str | None] = {}
    conflicts = list(extra)
    for fld in SOURCE_RANK:
        picked[fld], picked_from[fld], found = _pick(fld, values[fld])
        conflicts += found
    records = [c.record for c in claims if c.record is not None]
    interfaces, software, credential = _snmp_parts(records)
    host_claim = next((c for c in claims if c.host is not None),
                      next((c for c in claims if c.host_failed), None))  # fmt: skip
    host = host_claim.host if host_claim else None
    times = [t for c in claims for t in c.times]
    unique_conflicts = {(x.field, x.kept, x.other, x.other_source): x for x in conflicts}
    addresses = sort_ips({ip for c in claims for ip in c.ips})
    return Device(
        id=dev_id,
        name=picked["name"],
        dns_name=_dns_name(values["name"]),
        addresses=addresses,
        macs=sorted(macs),
        vendor=picked["vendor"],
        model=picked["model"],
        serial=picked["serial"],
        os=picked["os"],
        os_family=picked["os_family"],
        location=picked["location"],
        windows_domain=picked["windows_domain"],
        windows_dns_domain=picked["windows_dns_domain"],
        smb1=any(c.source == "smb1" for c in claims),
        smb_signing_required=(None if picked["smb_signing"] is None
                              else picked["smb_signing"] == "required"),
        services=_services(claims),
        # The computer's own package list is the whole list; SNMP's hrSWInstalled is a
        # shorter reading of the same one.
        software=host.software if host and host.software else software,
        interfaces=interfaces,
        vlans=next((rec.vlans for rec in records if rec.vlans is not None), None),
        snmp_credential=credential,
        snmp_default_community=any(rec.default_community for rec in records) or any(
            c.service[1].extrainfo == NMAP_DEFAULT_COMMUNITY for c in claims if c.service),
        identity_evidence=_identity_evidence(picked_from, records, host),
        **_host_fields(host, host_claim, picked["os_version"]),
        sources=sorted({c.source for c in claims}),
        conflicts=[unique_conflicts[k] for k in sorted(unique_conflicts)],
        shared_identity=_shared_identity(claims, set(addresses)),
        first_seen=min(times) if times else None,
        last_seen=max(times) if times else None,
    )


def _dns_name(names: list[tuple[str, str]]) -> str | None:
    """The name DNS gives the address, else the DNS name the computer gives itself (NTLM)."""
    told = [v.rstrip(".") for v, src in names if src == "dns"]
    told = told or [v for v, src in names if src in NTLM_SOURCES and "." in v]
    return min(told, default=None)


def _host_fields(host: HostInventory | None, claim: Claim | None,
                 said_version: str | None) -> dict[str, Any]:  # fmt: skip
    """The Device fields a computer's own account fills; its OS version, where the account
    gave none, is the one its NTLM offer named (`said_version`)."""
    if claim is None:
        return {"os_version": said_version}
    if host is None:
        return {"os_version": said_version, "host_failure": claim.host_note}
    return {"os_version": host.os_version or said_version, "cpu": host.cpu,
            "memory_bytes": host.memory_bytes, "disks": host.disks, "hotfixes": host.hotfixes,
            "host_inventory": claim.host_note}  # fmt: skip


def _shared_identity(claims: list[Claim], own: set[str]) -> list[SharedIdentity]:
    """The device's own keys that other boxes report, once each, naming only the others."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        for item in c.shared:
            found[(item.kind, item.value)] |= set(item.also_at) - own
    return [SharedIdentity(kind=kind, value=value, also_at=sort_ips(others))
            for (kind, value), others in sorted(found.items()) if others]


def merge_with_index(scan: ScanRecord) -> MergeResult:
    """Devices of one scan, plus the identity-key index that resolves neighbour entries to them."""
    claims, bindings = collect_claims(scan)
    uf = _UnionFind()
    for c in claims:
        _union_claim(uf, c)
    chosen, ip_conflicts = _choose_bindings(uf, bindings)
    claims += chosen
    _union_names(uf, claims)

    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.keys:
            groups[uf.find(min(c.keys))].append(c)
    keys_of: dict[str, set[str]] = defaultdict(set)
    for key in list(uf.parent):
        keys_of[uf.find(key)].add(key)

    named: list[tuple[str, str]] = []
    for root, members in groups.items():
        if any(c.creating for c in members):
            named.append((_device_id(members, keys_of[root]), root))
    devices: list[Device] = []
    index: dict[str, str] = {}
    used: dict[str, int] = defaultdict(int)
    for base_id, root in sorted(named, key=lambda t: (t[0], min(keys_of[t[1]]))):
        used[base_id] += 1
        dev_id = base_id if used[base_id] == 1 else f"{base_id}#{used[base_id]}"
        extra = [x for k in sorted(keys_of[root]) for x in ip_conflicts.get(k, [])]
        devices.append(_build_device(dev_id, groups[root], extra))
        for key in keys_of[root]:
            index[key] = dev_id
        for c in groups[root]:
            for name in c.name_keys:
                index.setdefault(f"name:{name}", dev_id)
    _drop_ambiguous_names(index, groups, keys_of)
    return MergeResult(devices=sorted(devices, key=lambda d: d.id), index=index)


def _drop_ambiguous_names(
    index: dict[str, str], groups: dict[str, list[Claim]], keys_of: dict[str, set[str]]
) -> None:
    """A name carried by two devices resolves to neither."""
    owners: dict[str, set[str]] = defaultdict(set)
    for root, members in groups.items():
        for c in members:
            for name in c.name_keys:
                dev = index.get(next(iter(sorted(keys_of[root]))))
                if dev is not None:
                    owners[name].add(dev)
    for name, devs in owners.items():
        if len(devs) > 1 and f"name:{name}" in index:
            del index[f"name:{name}"]


def merge(scan: ScanRecord) -> list[Device]:
    """One Device per box, sorted by id. Pure, deterministic, independent of observation order."""
    return merge_with_index(scan).devices
