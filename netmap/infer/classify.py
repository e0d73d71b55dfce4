"""Classify: a type, a confidence and the evidence behind it for every merged device, plus roles
and the site/zone the scan profile assigns to its subnets. Pure functions.

Each source of evidence casts :class:`TypeVote` s (type, weight 0..1, source, detail):

* SNMP (sysObjectID, sysDescr, MIB presence) via ``netmap.infer.classify_snmp``;
* open services, products and banners (nmap -sV);
* nmap's own device class and OS class;
* the MAC vendor (OUI);
* what NEIGHBOURS say about the device: LLDP-MED class, LLDP/CDP capabilities and description.

Votes for one type combine as a noisy-OR (independent evidence adds up, never past 1); the best
type wins and its confidence is lowered by the strongest competing type. Every vote, winning or
not, is kept as Evidence so a reader can see why.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from netmap.infer.addr import identity_ip, identity_mac, parse_network
from netmap.infer.classify_snmp import BRIDGING_ENDPOINTS, calibrate, snmp_type_votes
from netmap.infer.context import Context, build_context, find_exits
from netmap.infer.identify.ipp import describe as describe_ipp, type_votes as ipp_type_votes
from netmap.infer.identify.keywords import TYPE_DATA, keyword_votes, load_mac_makers
from netmap.infer.identify.mdns import describe as describe_mdns, type_votes as mdns_type_votes
from netmap.infer.identify.netbios import describe_netbios, type_votes as netbios_type_votes
from netmap.infer.identify.ntlm import (
    describe as describe_ntlm,
    os_words,
    type_votes as ntlm_type_votes,
)
from netmap.infer.identify.ubnt import describe as describe_ubnt, type_votes as ubnt_type_votes
from netmap.infer.identify.upnp import describe, type_votes as upnp_type_votes
from netmap.model import (
    CABLE_SOURCES,
    ArpObs,
    Device,
    DeviceType,
    Evidence,
    HostObs,
    IppObs,
    Link,
    MdnsObs,
    NetbiosObs,
    NtlmObs,
    OsObs,
    Role,
    ScanRecord,
    ServiceObs,
    SiteZone,
    TypeVote,
    UbntObs,
    UpnpObs,
)
from netmap.oui import vendor_of

T = DeviceType
MIN_CONFIDENCE = 0.2  # below this the honest answer is "unknown"
UNKNOWN_CONFIDENCE = 0.1

# ---------------------------------------------------------------------------------------------
# MAC-address makers (case-insensitive regexes over OUI vendor names)
# ---------------------------------------------------------------------------------------------

MAC_MAKERS, PC_MAKERS = load_mac_makers()

# nmap device classes (service detection and OS classes).
NMAP_CLASSES: dict[str, DeviceType] = {
    "printer": T.PRINTER, "print server": T.PRINTER, "voip phone": T.PHONE,
    "voip adapter": T.PHONE, "pbx": T.PBX, "switch": T.SWITCH, "router": T.ROUTER,
    "broadband router": T.ROUTER, "firewall": T.FIREWALL, "wap": T.WIRELESS_AP,
    "storage-misc": T.NAS, "webcam": T.CAMERA, "power-device": T.UPS,
}
# nmap classes that cover two of netmap's types: a "WAP" is often a wireless router, a
# "power-device" a PDU, "storage-misc" a backup appliance, a "VoIP adapter" a small PBX. Their
# vote stays below the confident line on its own.
NMAP_CLASSES_LOOSE = frozenset({"wap", "broadband router", "power-device", "storage-misc",
                                "voip adapter"})

PRINTER_PORTS = {9100: 0.7, 515: 0.5, 631: 0.35}
MAIL_PORTS = frozenset({25, 465, 587, 110, 995, 143, 993})
DIRECTORY_PORTS = frozenset({88, 389, 636, 3268, 3269})
BACKUP_PORTS = frozenset({9392, 9101, 9102, 9103, 10000})
DB_PORTS = frozenset({1433, 1521, 3306, 5432, 27017})
SIP_PORTS = frozenset({5060, 5061})
PBX_PORTS = frozenset({5038, 4569})  # Asterisk manager, IAX2
WINDOWS_CLIENT_PORTS = frozenset({135, 139, 445, 3389, 5357})
WEB_PORTS = frozenset({80, 443, 8080, 8443})
FILE_PORTS_ANY = frozenset({2049, 548})
FILE_PORTS_SERVER = frozenset({445, 139, 21})
SERVER_TYPES = (T.SERVER, T.NAS, T.BACKUP)
# Ports whose presence says "this serves others" (so not a plain PC).
SERVER_PORTS = (MAIL_PORTS | DIRECTORY_PORTS | BACKUP_PORTS | DB_PORTS | SIP_PORTS | PBX_PORTS
                | {22, 53, 80, 443, 873, 2049, 548, 9100, 631, 515, 554, 8080, 8443})


@dataclass(frozen=True)
class SvcFact:
    """One open port with everything nmap said about it, flattened into searchable text."""

    port: int
    proto: str
    name: str
    text: str
    devicetype: str | None
    ostype: str | None
    words: str = ""  # what the service said of itself: product, version, detail, banner


# ---------------------------------------------------------------------------------------------
# Gathering per-device facts from the scan
# ---------------------------------------------------------------------------------------------


@dataclass
class ObsIndex:
    """The scan's observations by address / MAC, built once (not rescanned per device)."""

    services: dict[str, list[ServiceObs]] = field(default_factory=lambda: defaultdict(list))
    os: dict[str, list[tuple[str, str | None, int]]] = field(
        default_factory=lambda: defaultdict(list))
    vendors: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # ip / mac
    # what each address announced of itself (UPnP, mDNS, NetBIOS, NTLM, IPP, Ubiquiti), as votes
    announced: dict[str, list[TypeVote]] = field(default_factory=lambda: defaultdict(list))
    controllers: set[str] = field(default_factory=set)  # a Windows domain's controllers (NetBIOS)

    @classmethod
    def of(cls, scan: ScanRecord) -> ObsIndex:
        idx = cls()
        for ob in scan.observations:
            if isinstance(ob, ServiceObs) and ob.state == "open":
                if (ip := identity_ip(ob.ip)) is not None:
                    idx.services[ip].append(ob)
            elif isinstance(ob, OsObs):
                if (ip := identity_ip(ob.ip)) is not None:
                    idx.os[ip] += [(m.name, m.device_type, m.accuracy) for m in ob.matches]
            elif isinstance(ob, ArpObs | HostObs) and ob.vendor:
                for key in (identity_mac(ob.mac), identity_ip(ob.ip)):
                    if key is not None:
                        idx.vendors[key].add(ob.vendor)
            elif (isinstance(ob, NetbiosObs) and (ip := identity_ip(ob.ip))
                  and (names := describe_netbios(ob)) and names.domain_controller):
                idx.controllers.add(ip)
                idx.announced[ip] += netbios_type_votes(names)
            elif ((read := _ANNOUNCED.get(type(ob))) is not None
                  and (ip := identity_ip(getattr(ob, "ip", None)))):
                idx.announced[ip] += read(ob)
        return idx


def _votes_of(read: Callable[[Any], Any | None],
              votes: Callable[[Any], list[TypeVote]]) -> Callable[[Any], list[TypeVote]]:  # fmt: skip
    """The type votes of what an observation says of its device, where it says anything."""
    def of(ob: Any) -> list[TypeVote]:
        found = read(ob)
        return votes(found) if found is not None else []
    return of


# What a device announced of itself, per kind of observation, as type votes (NetBIOS also
# finds the domain's controllers: ObsIndex.of reads it itself).
_ANNOUNCED: dict[type, Callable[[Any], list[TypeVote]]] = {
    UpnpObs: _votes_of(describe, upnp_type_votes),
    MdnsObs: _votes_of(describe_mdns, mdns_type_votes),
    NtlmObs: lambda ob: ntlm_type_votes(offer, ob.service) if (offer := describe_ntlm(ob)) else [],
    IppObs: _votes_of(describe_ipp, ipp_type_votes),
    UbntObs: _votes_of(describe_ubnt, ubnt_type_votes),
}


def _services(dev: Device, idx: ObsIndex) -> list[SvcFact]:
    texts: dict[tuple[int, str], set[str]] = defaultdict(set)
    words: dict[tuple[int, str], set[str]] = defaultdict(set)
    names: dict[tuple[int, str], set[str]] = defaultdict(set)
    dtypes: dict[tuple[int, str], set[str]] = defaultdict(set)
    ostypes: dict[tuple[int, str], set[str]] = defaultdict(set)
    for ob in (o for ip in dev.addresses for o in idx.services.get(ip, [])):
        key: tuple[int, str] = (ob.port, ob.proto)
        said = [x for x in (ob.product, ob.version, ob.extrainfo, ob.banner) if x]
        texts[key].add(" ".join(x for x in (ob.name, *said, *ob.cpe) if x))
        words[key].add(" ".join(said))
        names[key].add((ob.name or "").lower())
        dtypes[key] |= {ob.devicetype} if ob.devicetype else set()
        ostypes[key] |= {ob.ostype} if ob.ostype else set()
    for svc in dev.services:  # services without a backing observation (hand-built devices)
        skey: tuple[int, str] = (svc.port, svc.proto)
        if skey not in texts:
            said = [x for x in (svc.product, svc.version, svc.extrainfo) if x]
            texts[skey].add(" ".join(x for x in (svc.name, *said) if x))
            words[skey].add(" ".join(said))
            names[skey].add((svc.name or "").lower())
    return [
        SvcFact(key[0], key[1], min(names[key], default=""), _joined(texts[key]),
                min(dtypes[key], default=None), min(ostypes[key], default=None),
                _joined(words[key]))
        for key in sorted(texts)
    ]


def _joined(texts: set[str]) -> str:
    return " ".join(sorted(t for t in texts if t))


def _vendors(dev: Device, idx: ObsIndex) -> list[str]:
    found: set[str] = set()
    for key in [*dev.macs, *dev.addresses]:
        found |= idx.vendors.get(key, set())
    for mac in dev.macs:
        vendor = vendor_of(mac)
        if vendor:
            found.add(vendor)
    if dev.vendor:
        found.add(dev.vendor)
    return sorted(found)


def _os_matches(dev: Device, idx: ObsIndex) -> list[tuple[str, str | None, int]]:
    return sorted({m for ip in dev.addresses for m in idx.os.get(ip, [])})


# ---------------------------------------------------------------------------------------------
# Votes
# ---------------------------------------------------------------------------------------------


def _port_votes(svcs: list[SvcFact], os_text: str) -> list[TypeVote]:
    ports = {s.port for s in svcs}
    v: list[TypeVote] = []

    def vote(dtype: DeviceType, weight: float, detail: str) -> None:
        v.append(TypeVote(type=dtype, weight=weight, source="nmap:service", detail=detail))

    for port, weight in PRINTER_PORTS.items():
        if port in ports:
            vote(T.PRINTER, weight, f"printing port {port} open")
    if ports & SIP_PORTS:
        others = ports - SIP_PORTS - WEB_PORTS
        if ports & PBX_PORTS:
            vote(T.PBX, 0.6, f"SIP with PBX ports {sorted(ports & PBX_PORTS)}")
        elif others:
            vote(T.PBX, 0.35, f"SIP plus other services {sorted(others)[:5]}")
        else:
            vote(T.PHONE, 0.35, "SIP and at most a web UI: an endpoint")
    if ports & MAIL_PORTS:
        vote(T.SERVER, 0.5, f"mail ports {sorted(ports & MAIL_PORTS)} open")
    if ports & DIRECTORY_PORTS:
        vote(T.SERVER, 0.6, f"directory ports {sorted(ports & DIRECTORY_PORTS)} open")
    if ports & DB_PORTS:
        vote(T.SERVER, 0.5, f"database ports {sorted(ports & DB_PORTS)} open")
    if 53 in ports:
        vote(T.SERVER, 0.3, "DNS port 53 open")
    if 873 in ports:
        vote(T.BACKUP, 0.45, "rsync daemon (873) open")
        vote(T.NAS, 0.3, "rsync daemon (873) open")
    if ports & BACKUP_PORTS:
        vote(T.BACKUP, 0.6, f"backup software ports {sorted(ports & BACKUP_PORTS)} open")
    if ports & FILE_PORTS_ANY:
        vote(T.NAS, 0.45, f"NFS/AFP ports {sorted(ports & FILE_PORTS_ANY)} open")
    if 554 in ports:  # a single-purpose port, like JetDirect's 9100: it outweighs SSH and a web UI
        vote(T.CAMERA, 0.7, "RTSP (554) open")
    server_ports = ports & SERVER_PORTS
    if 3389 in ports:
        if "server" in os_text.lower():
            vote(T.SERVER, 0.5, "RDP on a Windows Server OS")
        else:
            vote(T.WORKSTATION, 0.45, "RDP (3389) without a server OS")
    if ports & WINDOWS_CLIENT_PORTS and not server_ports:
        vote(T.WORKSTATION, 0.3, f"only Windows client ports {sorted(ports)}")
    if 22 in ports and ports & WEB_PORTS:
        vote(T.SERVER, 0.4, "SSH and a web server")
    elif ports == {22}:
        vote(T.SERVER, 0.2, "SSH only")
    return v


def _service_votes(svcs: list[SvcFact]) -> list[TypeVote]:
    votes: list[TypeVote] = []
    for s in svcs:
        if s.words:
            # the service's own words: not its CPE ("cpe:/a:..." is no customer premises
            # equipment) nor its protocol's name
            votes += keyword_votes(s.words, f"banner {s.words[:80]!r}", snmp=False,
                                   source=f"nmap:service {s.port}/{s.proto}")
        label = (s.devicetype or "").lower()
        if (dtype := NMAP_CLASSES.get(label)) is not None:
            weight = 0.45 if label in NMAP_CLASSES_LOOSE else 0.6
            votes.append(TypeVote(type=dtype, weight=weight, source=f"nmap:service {s.port}",
                                  detail=f"nmap device type '{s.devicetype}'"))
        if s.port in WEB_PORTS and re.search(r"nginx|apache|iis|tomcat", s.text, re.I):
            votes.append(TypeVote(type=T.SERVER, weight=0.25, source=f"nmap:service {s.port}",
                                  detail=f"general web server '{s.text[:60]}'"))
    return votes


def _os_votes(matches: list[tuple[str, str | None, int]]) -> list[TypeVote]:
    votes: list[TypeVote] = []
    for name, dev_type, accuracy in matches:
        dtype = NMAP_CLASSES.get((dev_type or "").lower())
        if dtype is not None:
            votes.append(TypeVote(type=dtype, weight=round(0.5 * accuracy / 100, 3),
                                  source="nmap:os", detail=f"OS class '{dev_type}' ({name})"))
        votes += keyword_votes(name, f"OS {name[:80]!r}", accuracy / 100 * 0.7, snmp=False,
                               source="nmap:os")
    return votes


def _vendor_votes(vendors: list[str], svcs: list[SvcFact]) -> list[TypeVote]:
    votes: list[TypeVote] = []
    # one vote per maker row: the OUI's "Hewlett Packard" and the brand "HP" are one maker
    for maker in MAC_MAKERS:
        if m := next((m for vendor in vendors if (m := maker.pattern.search(vendor))), None):
            votes.append(TypeVote(type=maker.type, weight=maker.weight, source="oui",
                                  detail=f"its MAC address is {m.group(0)}'s"))
    ports = {s.port for s in svcs}
    pc = next((x for x in vendors if PC_MAKERS.search(x)), None)
    if pc and not (ports & SERVER_PORTS):
        votes.append(TypeVote(type=T.WORKSTATION, weight=0.3, source="oui",
                              detail=f"PC maker '{pc}' and no server services"))
    return votes


CAPABILITY_VOTES: tuple[tuple[str, DeviceType, float], ...] = (
    ("phone", T.PHONE, 0.7),
    ("router", T.ROUTER, 0.5),
    ("wlan", T.WIRELESS_AP, 0.6),
    ("access-point", T.WIRELESS_AP, 0.6),
    ("bridge", T.SWITCH, 0.5),
    ("switch", T.SWITCH, 0.5),
)


def _capability_vote(capability: str) -> tuple[str, DeviceType, float] | None:
    """The one row a capability matches: "wlan-access-point" is one bit, not two votes."""
    return next((row for row in CAPABILITY_VOTES if row[0] in capability), None)


def _neighbour_votes(ctx: Context, dev_id: str) -> list[TypeVote]:
    votes: list[TypeVote] = []
    # LLDP's system description is the sysDescr: where the device's own agent gave it, the
    # neighbours' copies are the same text, one piece of evidence, already read
    own = {" ".join(r.facts.sys_descr.split()) for r in ctx.records.get(dev_id, [])
           if r.facts and r.facts.sys_descr}
    for n in ctx.about(dev_id):
        who = f"{ctx.devices[n.local].name or n.local} {n.local_port or ''}".strip()
        if n.med_class in (1, 2, 3):
            votes.append(TypeVote(type=T.PHONE, weight=0.8 if n.med_class == 3 else 0.4,
                                  source="lldp-med", detail=f"LLDP-MED class {n.med_class} "
                                  f"seen by {who}"))
        elif n.med_class == 4:
            votes.append(TypeVote(type=T.SWITCH, weight=0.3, source="lldp-med",
                                  detail=f"LLDP-MED network connectivity, seen by {who}"))
        matched = [(cap, row) for cap in n.capabilities if (row := _capability_vote(cap))]
        # phones bridge a PC port, access points their radios: neither is a switch for that
        endpoint = n.med_class in (1, 2, 3) or any(row[1] in BRIDGING_ENDPOINTS
                                                    for _cap, row in matched)
        for cap, (_key, dtype, weight) in matched:
            if not (endpoint and dtype is T.SWITCH):
                votes.append(TypeVote(type=dtype, weight=weight, source=n.source,
                                      detail=f"capability '{cap}' advertised to {who}"))
        if n.description and " ".join(n.description.split()) not in own:
            votes += keyword_votes(n.description, f"description {n.description[:80]!r}", 0.8,
                                   snmp=False, source=n.source)
    return votes


def type_votes(dev: Device, idx: ObsIndex, ctx: Context) -> list[TypeVote]:
    svcs = _services(dev, idx)
    matches = _os_matches(dev, idx)
    os_text = " ".join([os_words(dev.os) or ""] + [m[0] for m in matches])
    votes: list[TypeVote] = []
    for rec in ctx.records.get(dev.id, []):
        votes += snmp_type_votes(rec)
    votes += _port_votes(svcs, os_text)
    votes += _service_votes(svcs)
    votes += _os_votes(matches)
    votes += _vendor_votes(_vendors(dev, idx), svcs)
    votes += _neighbour_votes(ctx, dev.id)
    votes += _controller_votes(ctx, dev.id)
    votes += _host_votes(dev)
    # one announcement heard on several of its addresses is one vote (combine keeps one)
    votes += [v for ip in dev.addresses for v in idx.announced.get(ip, [])]
    return votes


def _controller_fields(ctx: Context, dev_id: str) -> dict[str, str | None]:
    """The AP's controller and its state there (listed by two, the first controller id)."""
    listed = ctx.controllers_of(dev_id)
    if not listed:
        return {}
    return {"managed_by": listed[0].controller, "controller_status": listed[0].status}


def _controller_votes(ctx: Context, dev_id: str) -> list[TypeVote]:
    """A wireless controller lists the access points that joined it: as strong as an AP's own
    word, and needing nothing of the AP itself."""
    return [TypeVote(type=T.WIRELESS_AP, weight=0.9, source="snmp:controller",
                     detail=f"listed as an access point by wireless controller "
                     f"{ctx.devices[m.controller].name or m.controller} ({m.mib})")
            for m in ctx.controllers_of(dev_id) if m.controller in ctx.devices]


def _host_votes(dev: Device) -> list[TypeVote]:
    """A computer that let netmap log in and listed its software says what it is: Windows
    names its server editions, a Mac is a desk machine, and a Linux or BSD box with a shell
    and a package list is, in a city, most often a server."""
    if not dev.host_inventory:
        return []
    os_name = (dev.os or "").casefold()
    if "windows" in os_name:
        server = "server" in os_name
        return [TypeVote(type=T.SERVER if server else T.WORKSTATION, weight=0.9 if server else 0.85,
                         source="host", detail=f"{dev.os} (its own account over "
                         f"{dev.host_inventory.split()[0]})")]  # fmt: skip
    if "macos" in os_name or "mac os" in os_name:
        return [TypeVote(type=T.WORKSTATION, weight=0.8, source="host",
                         detail=f"{dev.os} (its own account over SSH)")]  # fmt: skip
    return [TypeVote(type=T.SERVER, weight=0.55, source="host",
                     detail=f"{dev.os or 'a Unix-like OS'} with a shell and a package list")]


def _distinct(votes: list[TypeVote]) -> list[TypeVote]:
    """One vote per (type, source, detail), the strongest: an agent polled on three of its
    addresses says the same thing three times, which is one piece of evidence, not three."""
    best: dict[tuple[DeviceType, str, str], TypeVote] = {}
    for v in votes:
        key = (v.type, v.source, v.detail)
        if key not in best or v.weight > best[key].weight:
            best[key] = v
    return list(best.values())


def combine(votes: list[TypeVote]) -> tuple[DeviceType, float, list[Evidence]]:
    """Noisy-OR per type; the best type's confidence is discounted by the runner-up."""
    votes = _distinct(votes)
    miss: dict[DeviceType, float] = defaultdict(lambda: 1.0)
    for v in votes:
        if v.type is not T.UNKNOWN:
            miss[v.type] *= 1.0 - max(0.0, min(1.0, v.weight))
    scores = sorted(((1.0 - m, t.value) for t, m in miss.items()), reverse=True)
    evidence = [Evidence(source=v.source, detail=f"{v.type.value}: {v.detail}", weight=v.weight)
                for v in sorted(votes, key=lambda v: (-v.weight, v.source, v.type.value,
                                                      v.detail))]
    if not scores or scores[0][0] < MIN_CONFIDENCE:
        evidence.append(Evidence(source="default", detail="unknown: not enough evidence for any "
                                 "type", weight=UNKNOWN_CONFIDENCE))
        return T.UNKNOWN, UNKNOWN_CONFIDENCE, evidence
    best_type = DeviceType(scores[0][1])
    by_type = {DeviceType(t): score for score, t in scores}
    return best_type, calibrate(best_type, by_type, votes), evidence


# ---------------------------------------------------------------------------------------------
# Roles, site and zone
# ---------------------------------------------------------------------------------------------

_ROLE_WORDS = TYPE_DATA["roles"]  # data/type-keywords.toml [roles]
_PBX_RE = re.compile(_ROLE_WORDS["telephony"], re.I)
_MAIL_RE = re.compile(_ROLE_WORDS["email"], re.I)
_BACKUP_RE = re.compile(_ROLE_WORDS["backup"], re.I)
# the software that gives a device its role: what the deliverables name beside it
ROLE_PRODUCTS: dict[Role, re.Pattern[str]] = {
    Role.EMAIL: _MAIL_RE, Role.TELEPHONY: _PBX_RE, Role.BACKUP: _BACKUP_RE,
}


def roles_of(dev: Device, svcs: list[SvcFact], ctx: Context, exits: set[str],
             zone_map: dict[str, SiteZone], controller: bool = False) -> list[Role]:
    """`controller`: its NetBIOS names say it controls a Windows domain."""
    ports = {s.port for s in svcs}
    text = " ".join(s.text for s in svcs)
    roles: set[Role] = set()
    if ports & MAIL_PORTS or _MAIL_RE.search(text):
        roles.add(Role.EMAIL)
    if dev.type is T.PBX or (ports & SIP_PORTS and _PBX_RE.search(text)):
        roles.add(Role.TELEPHONY)
    if 53 in ports:
        roles.add(Role.DNS)
    if any(s.port == 67 and s.proto == "udp" for s in svcs):
        roles.add(Role.DHCP)
    if ports & DIRECTORY_PORTS or controller:
        roles.add(Role.DIRECTORY)
    if ports & FILE_PORTS_ANY or (dev.type in SERVER_TYPES and ports & FILE_PORTS_SERVER):
        roles.add(Role.FILE)
    if ports & BACKUP_PORTS or 873 in ports or _BACKUP_RE.search(text) or dev.type is T.BACKUP:
        roles.add(Role.BACKUP)
    if dev.type is T.SERVER and ports & WEB_PORTS:
        roles.add(Role.WEB)
    if dev.id in exits:
        roles.add(Role.GATEWAY)
    if any((zone_of(ip, zone_map)[1] or "").strip().lower() == "cji" for ip in dev.addresses):
        roles.add(Role.CJI)
    if set(dev.addresses) & ctx.scanner_ips:
        roles.add(Role.SCANNER)
    return sorted(roles, key=lambda r: r.value)


def zone_of(ip: str, zone_map: dict[str, SiteZone]) -> tuple[str | None, str | None]:
    """(site, zone) of the most specific profile subnet containing `ip`."""
    addr = ipaddress.ip_address(ip)
    best: tuple[int, SiteZone] | None = None
    for cidr, sz in zone_map.items():
        net = parse_network(cidr) if "/" in cidr else parse_network(f"{cidr}/32")
        if net is not None and net.version == addr.version and addr in net and (
            best is None or net.prefixlen > best[0]
        ):
            best = (net.prefixlen, sz)
    return (best[1].site, best[1].zone) if best else (None, None)


def site_zone(dev: Device, zone_map: dict[str, SiteZone]) -> tuple[str | None, str | None]:
    """The site and zone all of a device's mapped addresses agree on.

    A router with a leg in the staff and the CJI zone belongs to neither zone (only to their
    common site, if any): putting it in whichever address came first would be a guess.
    """
    pairs = {zone_of(ip, zone_map) for ip in dev.addresses} - {(None, None)}
    sites = {site for site, _ in pairs}
    zones = {zone for _, zone in pairs}
    return (sites.pop() if len(sites) == 1 else None), (zones.pop() if len(zones) == 1 else None)


def site_by_cabling(devices: list[Device], links: list[Link],
                    zone_map: dict[str, SiteZone]) -> list[Device]:
    """A device with addresses in several sites (the router joining City Hall's subnets and
    the police annex's) still stands in one of them: the site most of its cabled neighbours are
    in. A tie, or no cabled neighbour with a site, leaves it unsited; its zone stays unset."""
    by_id = {d.id: d for d in devices}
    out: list[Device] = []
    for dev in devices:
        spans = {zone_of(ip, zone_map)[0] for ip in dev.addresses} - {None}
        if dev.site is not None or len(spans) < 2:
            out.append(dev)
            continue
        ranked = _cabled_sites(dev, links, by_id).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            dev = dev.model_copy(update={"site": ranked[0][0]})
        out.append(dev)
    return out


def _cabled_sites(dev: Device, links: list[Link], by_id: dict[str, Device]) -> Counter[str]:
    sites: Counter[str] = Counter()
    for link in links:
        if link.source not in CABLE_SOURCES or dev.id not in (link.a, link.b):
            continue
        other = by_id.get(link.b if link.a == dev.id else link.a)
        if other is not None and other.site is not None:
            sites[other.site] += 1
    return sites


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def classify(devices: list[Device], scan: ScanRecord, ctx: Context | None = None) -> list[Device]:
    """Devices with type, confidence, evidence, roles, site and zone filled in (new objects)."""
    ctx = ctx or build_context(devices, scan)
    idx = ObsIndex.of(scan)
    typed: list[Device] = []
    for dev in devices:
        dtype, confidence, evidence = combine(type_votes(dev, idx, ctx))
        typed.append(dev.model_copy(update={"type": dtype, "confidence": confidence,
                                            "evidence": evidence,
                                            **_controller_fields(ctx, dev.id)}))
    ctx = replace(ctx, devices={d.id: d for d in typed})  # exits see the classified types
    exits = {e.router for e in find_exits(ctx)}
    zone_map = scan.request.subnets
    out: list[Device] = []
    for dev in typed:
        site, zone = site_zone(dev, zone_map)
        roles = roles_of(dev, _services(dev, idx), ctx, exits, zone_map,
                         controller=bool(idx.controllers & set(dev.addresses)))
        out.append(dev.model_copy(update={"roles": roles, "site": site, "zone": zone}))
    return out
