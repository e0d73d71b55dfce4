"""Topology: links (each with source and confidence), subnets, the internet uplink, and a networkx
graph of it all. Pure functions of (devices, scan).

Layer 2 is built from "port groups": every (device, port) that reported something (an LLDP/CDP
neighbour, or MACs in its forwarding table). Things attached to a port group are:

* LLDP/CDP neighbours on that port;
* the switch directly behind that port, from forwarding tables (Lowekamp/Breitbart direct
  connection: A's port towards B and B's port towards A, with no third switch seen in both
  directions);
* end hosts whose MAC is learned *deepest* there (a MAC learned on A's uplink towards B and on
  B's access port belongs to B's access port).

Port groups attached to each other (A.i sees B and B.j sees A) form one segment. A segment with
two endpoints is a cable. More endpoints means an unseen bridge: an inferred unmanaged switch
(Device with inferred=True), except an IP phone passing one PC through, or a wireless AP with
its clients. Hosts behind a switch we have no table for hang off that switch, port unknown.

Layer 3: subnets from interface addresses (SNMP ipAddrTable with prefixes), then scan targets
and the profile's site/zone map where they add something; routers link to their subnets;
the default-route holder links to "internet". A device with no port evidence is linked to its
subnet with confidence "unplaced": never guessed onto a port.
"""

from __future__ import annotations

import ipaddress
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import networkx as nx

from netmap.infer.addr import identity_ip, identity_mac, network_of, parse_network
from netmap.infer.context import (
    ROUTERS,
    Context,
    Exit,
    build_context,
    canonical_port,
    find_exits,
    port_name as local_port_name,
)
from netmap.infer.vlans import port_vlans
from netmap.model import (
    CABLE_SOURCES,
    ETHERNET_IF_TYPES,
    Device,
    DeviceType,
    Evidence,
    Interface,
    Inventory,
    Link,
    LinkConfidence,
    LinkSource,
    ScanRecord,
    SiteZone,
    Subnet,
    Uplink,
)

INTERNET = "internet"
_SKIP_FDB_STATUS = frozenset({"self", "mgmt", "invalid"})
_PHONE_CAPS = ("phone",)
_RADIO_WORDS = {DeviceType.WIRELESS_AP: "access point", DeviceType.WIRELESS_BRIDGE: "wireless bridge"}
Net = ipaddress.IPv4Network | ipaddress.IPv6Network
PortKey = tuple[str, str]  # (device id, port name)


class Topology(NamedTuple):
    links: list[Link]
    subnets: list[Subnet]
    uplink: Uplink | None
    devices: list[Device]  # the input devices plus inferred unmanaged switches


@dataclass
class _Attach:
    """Something attached to a port group: a device (and its port, if known)."""

    device: str
    port: str | None
    source: str  # lldp / cdp / fdb
    evidence: str


@dataclass
class _L2:
    ctx: Context
    fdb: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # bridge->port->MACs
    port_devs: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    infra: set[str] = field(default_factory=set)
    toward: dict[tuple[str, str], str | None] = field(default_factory=dict)
    groups: dict[PortKey, list[_Attach]] = field(default_factory=dict)
    trunks: dict[str, set[str]] = field(default_factory=dict)  # switch -> ports it says trunk
    # (switch, port, MAC) -> the VLANs it was learned in, where the table is per VLAN
    learned_in: dict[tuple[str, str, str], set[int]] = field(default_factory=dict)

    def name(self, dev_id: str) -> str:
        dev = self.ctx.devices.get(dev_id)
        return (dev.name if dev and dev.name else None) or dev_id

    def attach(self, key: PortKey, item: _Attach) -> None:
        self.groups.setdefault(key, []).append(item)


# ---------------------------------------------------------------------------------------------
# Forwarding tables
# ---------------------------------------------------------------------------------------------


def _read_fdb(l2: _L2) -> None:
    ctx = l2.ctx
    for dev_id in sorted(ctx.records):
        dev = ctx.devices[dev_id]
        own = set(dev.macs)
        table: dict[str, set[str]] = defaultdict(set)
        for rec in ctx.records[dev_id]:
            for e in rec.mac_address_table:
                mac = identity_mac(e.mac)
                if mac is None or mac in own or (e.status or "").lower() in _SKIP_FDB_STATUS:
                    continue
                port = local_port_name(dev, e.interface, e.if_index)
                if port is None and e.bridge_port is not None:
                    port = f"bridge-port {e.bridge_port}"
                if port is not None:
                    table[port].add(mac)
                    if e.vlan is not None:
                        l2.learned_in.setdefault((dev_id, port, mac), set()).add(e.vlan)
        trunks = {port for port, ps in port_vlans(dev).items() if ps.trunk}
        if trunks:
            l2.trunks[dev_id] = trunks
        if table:
            l2.fdb[dev_id] = dict(table)
            l2.port_devs[dev_id] = {
                p: {d for m in macs if (d := ctx.device_of_mac(m)) and d != dev_id}
                for p, macs in table.items()
            }
    switches = {d.id for d in ctx.devices.values()
                if d.type is DeviceType.SWITCH and not d.inferred}
    l2.infra = set(l2.fdb) | switches


def _direct_toward(l2: _L2, s: str, t: str) -> str | None:
    """S's port towards T from S's own LLDP, T's LLDP about S, or T's MACs in S's table."""
    ctx = l2.ctx
    lldp = sorted(n.local_port for n in ctx.neighbours
                  if n.local == s and n.remote == t and n.local_port)
    if lldp:
        return lldp[0]
    for n in ctx.neighbours:
        if n.local == t and n.remote == s:
            port = canonical_port(ctx.devices.get(s), n.remote_port, n.remote_port_desc)
            if port:
                return port
    counts = sorted((-sum(1 for m in macs if ctx.device_of_mac(m) == t), p)
                    for p, macs in l2.fdb.get(s, {}).items() if t in l2.port_devs[s][p])
    if counts:
        return counts[0][1]
    return None


def _compute_toward(l2: _L2) -> None:
    infra = sorted(l2.infra)
    for s in infra:
        for t in infra:
            if s != t:
                l2.toward[(s, t)] = _direct_toward(l2, s, t)
    # Derive S->T from T->S when S never learned T: T's far side must be behind one port of S.
    for s in infra:
        for t in infra:
            if s == t or l2.toward[(s, t)] is not None or s not in l2.port_devs:
                continue
            q = l2.toward.get((t, s))
            if q is None or t not in l2.port_devs:
                continue
            far = {t} | {d for p, devs in l2.port_devs[t].items() if p != q for d in devs}
            scored = sorted((-len(devs & far), p) for p, devs in l2.port_devs[s].items()
                            if devs & far)
            if scored:
                l2.toward[(s, t)] = scored[0][1]


def _lldp_infra_on(l2: _L2, s: str, port: str) -> set[str]:
    return {n.remote for n in l2.ctx.neighbours
            if n.local == s and n.local_port == port and n.remote in l2.infra}


def _between(l2: _L2, s: str, t: str, i: str, j: str | None) -> str | None:
    """A third switch lying between S and T, if the tables show one."""
    for c in sorted(l2.infra - {s, t}):
        if j is not None and l2.toward.get((s, c)) == i and l2.toward.get((t, c)) == j:
            return c
        cs, ct = l2.toward.get((c, s)), l2.toward.get((c, t))
        if cs is not None and ct is not None and cs != ct:
            return c
    return None


def _bridge_links(l2: _L2) -> None:
    """Switch-to-switch adjacencies from forwarding tables (LLDP ones attach themselves)."""
    for s in sorted(l2.fdb):
        for t in sorted(l2.infra - {s}):
            i = l2.toward.get((s, t))
            if i is None:
                continue
            lldp_s = _lldp_infra_on(l2, s, i)
            if lldp_s and t not in lldp_s:
                continue  # LLDP names the switch directly on that port; T is further away
            j = l2.toward.get((t, s)) or _learned_port(l2, s, i, t)
            if j is not None and (lldp_t := _lldp_infra_on(l2, t, j)) and s not in lldp_t:
                continue
            if _between(l2, s, t, i, j) is not None:
                continue
            # in one order whichever end the loop starts from, so the pair is one line
            halves = [f"{l2.name(t)} learned on {l2.name(s)} {i}"]
            halves += [f"{l2.name(s)} learned on {l2.name(t)} {j}"] if j else []
            ev = "; ".join(sorted(halves))
            l2.attach((s, i), _Attach(t, j, "fdb", ev))


def _is_access(l2: _L2, s: str, port: str) -> bool:
    # a port the switch itself says carries tagged VLANs leads to another switch, whatever its
    # forwarding table shows
    if port in l2.trunks.get(s, set()) or l2.port_devs[s][port] & l2.infra:
        return False
    return all(l2.toward.get((s, t)) != port for t in l2.infra if t != s)


def _deepest(l2: _L2, obs: list[PortKey]) -> PortKey:
    """Of the ports where one MAC is learned, the one nearest to the station."""

    def dominated(o: PortKey) -> bool:
        s, p = o
        for t, q in obs:
            if t == s:
                continue
            if l2.toward.get((s, t)) == p:
                return True  # T lies the same way as the station: T's view is closer
            tq = l2.toward.get((t, s))
            if tq is not None and q != tq:
                return True  # from T the station is not towards S
        return False

    cands = [o for o in obs if not dominated(o)] or obs
    return min(cands, key=lambda o: (not _is_access(l2, *o), len(l2.port_devs[o[0]][o[1]]), o))


def _place_hosts(l2: _L2) -> None:
    seen: dict[str, list[PortKey]] = defaultdict(list)
    for s, ports in l2.fdb.items():
        for p, macs in ports.items():
            for mac in macs:
                seen[mac].append((s, p))
    for mac in sorted(seen):
        dev = l2.ctx.device_of_mac(mac)
        if dev is None or dev in l2.infra:
            continue
        obs = sorted(o for o in seen[mac] if o[0] != dev)
        if not obs:
            continue
        s, p = _deepest(l2, obs)
        count = len(l2.port_devs[s][p])
        vlans = sorted(l2.learned_in.get((s, p, mac), ()))
        where = f" in VLAN {', '.join(map(str, vlans))}" if vlans else ""
        l2.attach((s, p), _Attach(dev, _port_of_mac(l2.ctx.devices.get(dev), mac), "fdb",
                                  f"{mac} learned on {l2.name(s)} {p}{where} ({count} on that port)"))


def _learned_port(l2: _L2, s: str, port: str, t: str) -> str | None:
    """T's own Ethernet port whose MAC S learned on `port`, where T never learned S (a router's
    routed port: a switch's own MAC is its management interface's, which is no port)."""
    d = l2.ctx.devices.get(t)
    named = {p for m in l2.fdb.get(s, {}).get(port, ()) if l2.ctx.device_of_mac(m) == t
             and (p := _port_of_mac(d, m, ethernet=True))}  # fmt: skip
    return next(iter(named)) if len(named) == 1 else None


def _port_of_mac(d: Device | None, mac: str, ethernet: bool = False) -> str | None:
    """The device's own port that the switch learned: its one interface with that MAC (of an
    Ethernet type, when `ethernet`)."""
    return _the_one(d, [i for i in (d.interfaces if d else []) if identity_mac(i.mac_address)
                        == mac and (not ethernet or i.if_type in ETHERNET_IF_TYPES)])  # fmt: skip


def _the_one(d: Device | None, ports: list[Interface]) -> str | None:
    """The name of the only port given; None for none or several."""
    return local_port_name(d, ports[0].name, ports[0].if_index) if len(ports) == 1 else None


# ---------------------------------------------------------------------------------------------
# Neighbour tables
# ---------------------------------------------------------------------------------------------


def _neighbour_attachments(l2: _L2) -> None:
    ctx = l2.ctx
    for n in ctx.neighbours:
        if n.remote is None or n.remote == n.local or n.local_port is None:
            continue
        rport = canonical_port(ctx.devices.get(n.remote), n.remote_port, n.remote_port_desc)
        ev = (f"{l2.name(n.local)} {n.local_port} sees {l2.name(n.remote)}"
              f"{' ' + rport if rport else ''} via {n.source.upper()}")
        l2.attach((n.local, n.local_port), _Attach(n.remote, rport, n.source, ev))


# ---------------------------------------------------------------------------------------------
# Segments -> links
# ---------------------------------------------------------------------------------------------


class _Segments:
    def __init__(self, keys: list[PortKey]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: PortKey) -> PortKey:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: PortKey, b: PortKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


@dataclass
class _Member:
    device: str
    port: str | None
    sources: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)


@dataclass
class _Segment:
    ports: list[PortKey]  # port groups (device, port) in this segment
    members: dict[str, _Member]  # other devices attached, by device id
    reports: set[tuple[str, str, str]]  # (reporter, reported, lldp/cdp)
    evidence: set[str]


def _segments(l2: _L2) -> list[_Segment]:
    keys = sorted(l2.groups)
    uf = _Segments(keys)
    for key in keys:
        for a in l2.groups[key]:
            if a.port is not None and (a.device, a.port) in uf.parent:
                uf.union(key, (a.device, a.port))
            elif a.port is None:
                # port not reported: the far end's port group that sees us is the one
                back = [k for k in keys if k[0] == a.device
                        and any(b.device == key[0] for b in l2.groups[k])]
                if len(back) == 1:
                    uf.union(key, back[0])
    by_root: dict[PortKey, list[PortKey]] = defaultdict(list)
    for key in keys:
        by_root[uf.find(key)].append(key)
    out: list[_Segment] = []
    for root in sorted(by_root):
        ports = by_root[root]
        port_devices = {d for d, _ in ports}
        members: dict[str, _Member] = {}
        reports: set[tuple[str, str, str]] = set()
        evidence: set[str] = set()
        for key in ports:
            for a in l2.groups[key]:
                evidence.add(a.evidence)
                if a.source in ("lldp", "cdp"):
                    reports.add((key[0], a.device, a.source))
                if a.device in port_devices:
                    continue
                m = members.setdefault(a.device, _Member(a.device, a.port))
                m.port = m.port or a.port
                m.sources.add(a.source)
                m.evidence.add(a.evidence)
        out.append(_Segment(ports, members, reports, evidence))
    return out


def _infra_rank(l2: _L2, dev_id: str) -> int:
    if dev_id in l2.fdb:
        return 0
    if dev_id in l2.infra:
        return 1
    dev = l2.ctx.devices.get(dev_id)
    return 2 if dev is not None and dev.type in ROUTERS else 3


def _cable(l2: _L2, x: tuple[str, str | None], y: tuple[str, str | None], seg: _Segment,
           extra: list[str]) -> Link:
    """One direct link between two endpoints, oriented infrastructure-first."""
    (a, ap), (b, bp) = sorted([x, y], key=lambda e: (_infra_rank(l2, e[0]), e[0]))
    dirs = {(r, d) for r, d, _ in seg.reports if {r, d} == {a, b}}
    kinds = {k for r, d, k in seg.reports if {r, d} == {a, b}}
    if dirs:
        source = LinkSource.LLDP if "lldp" in kinds else LinkSource.CDP
        confidence = LinkConfidence.CONFIRMED if len(dirs) == 2 else LinkConfidence.ONE_SIDED
    else:
        source, confidence = LinkSource.FDB, LinkConfidence.INFERRED
    names = {l2.name(a), l2.name(b)}
    ev = sorted(e for e in seg.evidence if any(n in e for n in names)) + extra
    return Link(a=a, a_port=ap, b=b, b_port=bp, source=source, confidence=confidence,
                evidence=ev)


def _member_link(l2: _L2, hub: str, hub_port: str | None, m: _Member, why: str) -> Link:
    source = (LinkSource.LLDP if "lldp" in m.sources else
              LinkSource.CDP if "cdp" in m.sources else LinkSource.FDB)
    return Link(a=hub, a_port=hub_port, b=m.device, b_port=m.port, source=source,
                confidence=LinkConfidence.INFERRED, evidence=[*sorted(m.evidence), why])


def _is_phone(l2: _L2, seg: _Segment, dev_id: str) -> bool:
    dev = l2.ctx.devices.get(dev_id)
    if dev is not None and dev.type is DeviceType.PHONE:
        return True
    locals_ = {d for d, _ in seg.ports}
    return any(n.remote == dev_id and n.local in locals_ and (
        n.med_class in (1, 2, 3) or any(c in " ".join(n.capabilities) for c in _PHONE_CAPS))
        for n in l2.ctx.neighbours)


def _blind_bridges(l2: _L2, seg: _Segment) -> list[str]:
    """Switches in the segment whose forwarding table we do not have."""
    devs = {d for d, _ in seg.ports} | set(seg.members)
    return sorted(d for d in devs if d in l2.infra and d not in l2.fdb)


@dataclass
class _Out:
    links: list[Link] = field(default_factory=list)
    unmanaged: list[Device] = field(default_factory=list)


def _segment_links(l2: _L2, seg: _Segment, out: _Out) -> None:
    members = dict(seg.members)
    blind = _blind_bridges(l2, seg)
    if len(blind) == 1:
        # hosts we only know from tables are behind the switch whose table we lack
        hidden = [m for m in members.values()
                  if m.sources == {"fdb"} and m.device not in l2.infra]
        for m in hidden:
            del members[m.device]
            out.links.append(_member_link(l2, blind[0], None, m,
                                          f"behind {l2.name(blind[0])} (no forwarding table)"))
    endpoints: list[tuple[str, str | None]] = [*seg.ports]
    endpoints += [(m.device, m.port) for m in members.values()]
    if len(endpoints) < 2:
        return
    if len(endpoints) == 2:
        out.links.append(_cable(l2, endpoints[0], endpoints[1], seg, []))
        return
    hosts = [m for m in members.values() if m.device not in l2.infra]
    if len(seg.ports) == 1 and len(hosts) == len(members):
        s, p = seg.ports[0]
        phones = [m for m in hosts if _is_phone(l2, seg, m.device)]
        if len(hosts) == 2 and len(phones) == 1:
            phone = phones[0]
            pc = next(m for m in hosts if m is not phone)
            out.links.append(_cable(l2, (s, p), (phone.device, phone.port), seg, []))
            out.links.append(_member_link(
                l2, phone.device, None, pc,
                f"two stations on {l2.name(s)} {p}, one an IP phone: PC behind the phone"))
            return
        # an access point's clients, or a radio link's far side, sit behind the one radio
        aps = [m for m in hosts if (d := l2.ctx.devices.get(m.device)) is not None
               and d.type in _RADIO_WORDS]
        if len(aps) == 1:
            ap = aps[0]
            word = _RADIO_WORDS[l2.ctx.devices[ap.device].type]
            out.links.append(_cable(l2, (s, p), (ap.device, ap.port), seg, []))
            for m in hosts:
                if m is not ap:
                    out.links.append(_member_link(l2, ap.device, None, m,
                                                  f"behind {word} {l2.name(ap.device)}"))
            return
    _unmanaged(l2, seg, members, out)


def _unmanaged(l2: _L2, seg: _Segment, members: dict[str, _Member], out: _Out) -> None:
    s, p = min(seg.ports, key=lambda k: (_infra_rank(l2, k[0]), k))
    uid = f"unmanaged:{s}:{p}"
    attach = ", ".join(f"{l2.name(d)} {port}" for d, port in seg.ports)
    count = len(members)
    trunked = [f"{l2.name(d)} {port}" for d, port in seg.ports if port in l2.trunks.get(d, set())]
    if trunked:  # frames arrive tagged: whatever joins them reads VLAN tags, so it is managed
        detail = (f"{count} stations behind {', '.join(trunked)}, a port that trunks VLANs: a "
                  "VLAN-aware (managed) switch joins them, but it was not read over SNMP")
        name = f"switch not read ({l2.name(s)} {p})"
    else:
        detail = (f"{count} stations and {len(seg.ports)} reporting port(s) ({attach}) share "
                  "one segment with no managed switch: an unmanaged switch (or hub) joins them")
        name = f"unmanaged switch ({l2.name(s)} {p})"
    parent = l2.ctx.devices.get(s)
    out.unmanaged.append(Device(
        id=uid, name=name, type=DeviceType.SWITCH,
        confidence=0.7 if count >= 2 else 0.5, inferred=True, sources=["inferred"],
        evidence=[Evidence(source="fdb", detail=f"switch: {detail}", weight=0.7)],
        site=parent.site if parent else None, zone=parent.zone if parent else None,
    ))
    for d, port in seg.ports:
        src = LinkSource.FDB
        if any(r == d and k == "lldp" for r, _, k in seg.reports):
            src = LinkSource.LLDP
        out.links.append(Link(a=d, a_port=port, b=uid, source=src,
                              confidence=LinkConfidence.INFERRED, evidence=[detail]))
    for m in sorted(members.values(), key=lambda m: m.device):
        out.links.append(_member_link(l2, uid, None, m, f"on the {name}"))


def _layer2(ctx: Context) -> _Out:
    l2 = _L2(ctx)
    _read_fdb(l2)
    _compute_toward(l2)
    _neighbour_attachments(l2)
    _bridge_links(l2)
    _place_hosts(l2)
    out = _Out()
    for seg in _segments(l2):
        _segment_links(l2, seg, out)
    return out


# ---------------------------------------------------------------------------------------------
# Layer 3
# ---------------------------------------------------------------------------------------------


def _subnet_zone(net: Net, zone_map: dict[str, SiteZone]) -> SiteZone | None:
    best: tuple[int, SiteZone] | None = None
    for cidr, sz in zone_map.items():
        key = parse_network(cidr)
        if key is None or key.version != net.version:
            continue
        if net.subnet_of(key) and (best is None or key.prefixlen > best[0]):  # type: ignore[arg-type]
            best = (key.prefixlen, sz)
    return best[1] if best else None


def _interface_nets(ctx: Context) -> dict[Net, list[tuple[str, str, str | None]]]:
    """network -> [(device id, address, local port)] from SNMP ipAddrTable with prefixes."""
    nets: dict[Net, list[tuple[str, str, str | None]]] = defaultdict(list)
    for dev_id, recs in sorted(ctx.records.items()):
        dev = ctx.devices[dev_id]
        for rec in recs:
            for a in rec.ip_addresses:
                net = network_of(a.address, a.prefix_length)
                ip = identity_ip(a.address)
                if net is not None and ip is not None:
                    nets[net].append((dev_id, ip, local_port_name(dev, None, a.if_index)))
    return nets


def _overlaps(net: Net, others: list[Net]) -> bool:
    return any(net.version == o.version and net.overlaps(o) for o in others)


def _all_nets(scan: ScanRecord, iface_nets: list[Net], exits: list[Exit],
              ctx: Context) -> list[Net]:
    nets = list(iface_nets)
    # The WAN transfer net of the exit router is the uplink, not a LAN.
    for ex in exits:
        nh = identity_ip(ex.next_hop)
        for net in list(nets):
            if nh and ipaddress.ip_address(nh) in net and not any(
                d != ex.router for d in _members_of(net, ctx)
            ):
                nets.remove(net)
    for text in [*scan.request.targets, *scan.request.subnets]:
        extra = parse_network(text)
        if extra is None or extra.num_addresses <= 2 or _overlaps(extra, nets):
            continue
        nets.append(extra)
    return sorted(set(nets), key=lambda n: (n.version, int(n.network_address), n.prefixlen))


def _members_of(net: Net, ctx: Context) -> set[str]:
    return {d.id for d in ctx.devices.values()
            if any(ipaddress.ip_address(a) in net for a in d.addresses)}


def _most_specific(ip: str, nets: list[Net]) -> Net | None:
    addr = ipaddress.ip_address(ip)
    inside = [n for n in nets if n.version == addr.version and addr in n]
    return max(inside, key=lambda n: n.prefixlen) if inside else None


def _gateway_ids(ctx: Context, exits: list[Exit]) -> set[str]:
    ids = {d.id for d in ctx.devices.values() if d.type in ROUTERS and not d.inferred}
    ids |= {e.router for e in exits}
    for recs in ctx.records.values():
        for rec in recs:
            for r in rec.routes:
                if r.destination in ("0.0.0.0/0", "::/0"):
                    gw = ctx.device_of_ip(r.next_hop)
                    if gw is not None:
                        ids.add(gw)
    return ids


def _layer3(ctx: Context, scan: ScanRecord, exits: list[Exit], placed: set[str]
            ) -> tuple[list[Subnet], list[Link]]:
    iface = _interface_nets(ctx)
    nets = _all_nets(scan, list(iface), exits, ctx)
    gateways = _gateway_ids(ctx, exits)
    members: dict[Net, set[str]] = defaultdict(set)
    for dev in ctx.devices.values():
        for ip in dev.addresses:
            net = _most_specific(ip, nets)
            if net is not None:
                members[net].add(dev.id)
    links: list[Link] = []
    subnets: list[Subnet] = []
    for net in nets:
        sid = f"subnet:{net}"
        gws = sorted((d, ip, port) for d, ip, port in iface.get(net, []) if d in gateways)
        for d, ip, port in gws:
            links.append(Link(a=d, a_port=port, b=sid, source=LinkSource.SUBNET,
                              confidence=LinkConfidence.ONE_SIDED,
                              evidence=[f"{ip}/{net.prefixlen} on {port or 'an interface'}"]))
        sz = _subnet_zone(net, scan.request.subnets)
        subnets.append(Subnet(id=sid, cidr=str(net), site=sz.site if sz else None,
                              zone=sz.zone if sz else None, gateway=gws[0][0] if gws else None,
                              devices=sorted(members.get(net, set()))))
    linked = placed | {link.a for link in links}
    for net in nets:
        for dev_id in sorted(members.get(net, set()) - linked):
            links.append(Link(a=dev_id, b=f"subnet:{net}", source=LinkSource.SUBNET,
                              confidence=LinkConfidence.UNPLACED,
                              evidence=["no port evidence: attached to its subnet by address"]))
    return subnets, links


def _uplink(ctx: Context, exits: list[Exit]) -> tuple[Uplink | None, list[Link]]:
    links = [Link(a=e.router, a_port=e.interface, b=INTERNET, source=LinkSource.ROUTE,
                  confidence=LinkConfidence.ONE_SIDED,
                  evidence=[f"default route via {e.next_hop or e.interface or 'an interface'}"])
             for e in exits]
    if not exits:
        return None, links
    first = exits[0]
    return Uplink(router=first.router, next_hop=first.next_hop, interface=first.interface), links


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def _dedupe(links: list[Link]) -> list[Link]:
    def key(link: Link) -> tuple[str, ...]:
        ends = sorted([(link.a, link.a_port or ""), (link.b, link.b_port or "")])
        return (ends[0][0], ends[0][1], ends[1][0], ends[1][1], link.source.value)

    best: dict[tuple[str, ...], Link] = {}
    for link in links:
        k = key(link)
        if k in best:
            merged = sorted(set(best[k].evidence) | set(link.evidence))
            best[k] = best[k].model_copy(update={"evidence": merged})
        else:
            best[k] = link
    return [best[k] for k in sorted(best)]


def build_links(devices: list[Device], scan: ScanRecord,
                ctx: Context | None = None) -> Topology:
    """Links, subnets and uplink of one scan; inferred unmanaged switches join the devices."""
    ctx = ctx or build_context(devices, scan)
    l2 = _layer2(ctx)
    exits = find_exits(ctx)
    placed = {x for link in l2.links for x in (link.a, link.b)}
    subnets, l3_links = _layer3(ctx, scan, exits, placed)
    uplink, up_links = _uplink(ctx, exits)
    all_devices = sorted([*devices, *l2.unmanaged], key=lambda d: d.id)
    links = _host_ports(_dedupe(l2.links + l3_links + up_links), devices)
    return Topology(links, subnets, uplink, all_devices)


def _host_ports(links: list[Link], devices: list[Device]) -> list[Link]:
    """A cable whose far end is a device with exactly one Ethernet port that is up, and no other
    cable: that port is its end (the switch's table says where the cable plugs in, the device
    itself that it has one port in use)."""
    by_id = {d.id: d for d in devices}
    cables: dict[str, int] = defaultdict(int)
    for link in links:
        if link.source in CABLE_SOURCES:
            cables[link.a] += 1
            cables[link.b] += 1
    out = []
    for link in links:
        for end, field_, other_port in ((link.b, "b_port", link.a_port),
                                        (link.a, "a_port", link.b_port)):
            if (link.source in CABLE_SOURCES and other_port and getattr(link, field_) is None
                    and cables[end] == 1
                    and (port := _only_port(by_id.get(end))) is not None):  # fmt: skip
                link = link.model_copy(update={field_: port, "evidence": [
                    *link.evidence, f"{port}: the device's only Ethernet port that is up"]})
        out.append(link)
    return out


def _only_port(d: Device | None) -> str | None:
    return _the_one(d, [i for i in (d.interfaces if d else [])
                        if i.if_type in ETHERNET_IF_TYPES and i.is_up])  # fmt: skip


def is_air_link(a: DeviceType | None, b: DeviceType | None) -> bool:
    """A link between two wireless bridges (by their types): a radio path, not a cable."""
    return a is DeviceType.WIRELESS_BRIDGE and b is DeviceType.WIRELESS_BRIDGE


@dataclass(frozen=True)
class RadioIsland:
    """Devices that only an air link joins to the rest of the network: most likely a building
    across a radio path."""

    near: str  # the radio on the side of the internet uplink (else of the larger side)
    far: str  # the radio across the air
    behind: tuple[str, ...]  # the devices reached only through the far radio


def radio_islands(inv: Inventory) -> list[RadioIsland]:
    """Each air link whose removal cuts the network in two (no cable or second radio path
    runs beside it), with its far side."""
    types = {d.id: d.type for d in inv.devices}
    g: nx.Graph[str] = nx.Graph(inventory_graph(inv).subgraph(types))  # devices and their links
    core = inv.uplink.router if inv.uplink is not None else None
    out: list[RadioIsland] = []
    for a, b in sorted(g.edges):
        if not is_air_link(types[a], types[b]):
            continue
        g.remove_edge(a, b)
        side_a, side_b = nx.node_connected_component(g, a), nx.node_connected_component(g, b)
        g.add_edge(a, b)
        if b in side_a:
            continue  # a ring: the radio path is not the only way
        a_is_near = core in side_a if core in side_a | side_b else len(side_a) >= len(side_b)
        near, far, island = (a, b, side_b) if a_is_near else (b, a, side_a)
        out.append(RadioIsland(near, far, tuple(sorted(island - {far}))))
    return out


def inventory_graph(inv: Inventory) -> nx.Graph[str]:
    """Nodes: devices, subnets and "internet" (attr `kind`); edges: links (attrs `ports`
    {node: port}, `link_source`, `confidence`, `evidence`; `parallel` for extra cables)."""
    g: nx.Graph[str] = nx.Graph()
    for d in inv.devices:
        g.add_node(d.id, kind="device", label=d.name or (d.addresses[0] if d.addresses else d.id),
                   type=d.type.value, inferred=d.inferred, addresses=list(d.addresses),
                   site=d.site, zone=d.zone)
    for s in inv.subnets:
        g.add_node(s.id, kind="subnet", label=s.cidr, cidr=s.cidr, site=s.site, zone=s.zone)
    for link in inv.links:
        for end in (link.a, link.b):
            if end not in g:
                g.add_node(end, kind="internet" if end == INTERNET else "unknown", label=end)
        attrs: dict[str, Any] = {
            "ports": {link.a: link.a_port, link.b: link.b_port},
            # not "source": node-link JSON uses that key for the edge's first node
            "link_source": link.source.value, "confidence": link.confidence.value,
            "evidence": list(link.evidence),
        }
        if g.has_edge(link.a, link.b):  # parallel cables: keep every one
            g.edges[link.a, link.b].setdefault("parallel", []).append(attrs)
        else:
            g.add_edge(link.a, link.b, **attrs)
    return g


def graph_to_json(g: nx.Graph[str]) -> dict[str, Any]:
    """node-link JSON (networkx's layout, keys sorted so files diff cleanly)."""
    nodes = [{"id": n, **g.nodes[n]} for n in sorted(g.nodes)]
    edges = []
    for u, v in sorted(tuple(sorted((a, b))) for a, b in g.edges):
        edges.append({"source": u, "target": v, **g.edges[u, v]})
    return {"directed": False, "multigraph": False, "graph": {}, "nodes": nodes, "links": edges}
