"""VLANs across the network, from what each switch said of its own (pure, over the inventory).

A switch's `vlans` record (Q-BRIDGE-MIB, Cisco VTP and VLAN membership, LLDP-MED voice VLANs)
says which VLANs it defines and how each port carries them. Routers and layer-3 switches also
show VLANs as `l2vlan` interfaces ("Vlan10", "ge0.20"). Joined with the links topology found,
each VLAN gets its switches, the hosts on its access ports, and the subnets those hosts are
numbered in.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from netmap.model import Device, DeviceType, Inventory, VlanSummary

L2VLAN = 135  # IANAifType l2vlan: an 802.1Q sub-interface
FORWARDING = frozenset({DeviceType.ROUTER, DeviceType.FIREWALL, DeviceType.SWITCH})
_VLAN_NAME = re.compile(r"^(?:vlan|vl)[ ._-]?(\d{1,4})$|^[A-Za-z][\w/-]*\.(\d{1,4})$", re.IGNORECASE)


@dataclass
class PortVlans:
    """One switch port's VLANs, as the Interfaces sheet shows them."""

    access_vlan: int | None = None
    trunk: bool | None = None
    allowed: list[int] = field(default_factory=list)
    voice_vlan: int | None = None


def port_vlans(d: Device) -> dict[str, PortVlans]:
    """Port name -> its VLAN settings, for a device that reported any."""
    out: dict[str, PortVlans] = defaultdict(PortVlans)
    if d.vlans is None:
        return {}
    for vl in d.vlans.vlans:
        for port in (*vl.untagged, *vl.tagged):
            if vl.vlan_id not in out[port].allowed:
                out[port].allowed.append(vl.vlan_id)
    for p in d.vlans.ports:
        entry = out[p.port]
        entry.access_vlan = p.access_vlan if p.access_vlan is not None else entry.access_vlan
        entry.trunk = p.trunk if p.trunk is not None else entry.trunk
        entry.voice_vlan = p.voice_vlan if p.voice_vlan is not None else entry.voice_vlan
    for entry in out.values():
        entry.allowed.sort()
        if entry.trunk is None and entry.allowed:
            entry.trunk = len(entry.allowed) > 1
    return dict(out)


def l2vlan_ids(d: Device) -> list[int]:
    """VLAN ids a device shows as sub-interfaces: ifType l2vlan, or named like one."""
    ids: set[int] = set()
    for i in d.interfaces:
        match = _VLAN_NAME.match(i.name or i.description or "")
        # ifType l2vlan, or a virtual interface (53, "propVirtual") named like one
        if match and i.if_type in (L2VLAN, 53, None):
            vid = int(match.group(1) or match.group(2))
            if 0 < vid <= 4094:
                ids.add(vid)
    return sorted(ids)


def summarize_vlans(inv: Inventory) -> list[VlanSummary]:
    """Every VLAN some device reported, with its switches, hosts and subnets."""
    devices = {d.id: d for d in inv.devices}
    found: dict[int, VlanSummary] = {}

    def entry(vid: int) -> VlanSummary:
        return found.setdefault(vid, VlanSummary(vlan_id=vid))

    settings: dict[str, dict[str, PortVlans]] = {}
    for d in inv.devices:
        if d.vlans is not None:
            for vl in d.vlans.vlans:
                s = entry(vl.vlan_id)
                s.name = s.name or vl.name
                _add(s.switches, d.id)
                _add(s.sources, vl.source)
            settings[d.id] = port_vlans(d)
            for ps in settings[d.id].values():
                if ps.voice_vlan is not None:
                    entry(ps.voice_vlan).voice = True
        for vid in l2vlan_ids(d):
            _add(entry(vid).switches, d.id)
            _add(entry(vid).sources, "l2vlan")
    members = _members(inv, settings, devices)
    for vid, hosts in members.items():
        s = entry(vid)
        s.devices = len(hosts)
        s.subnets = _subnets_of(inv, [devices[h] for h in hosts])
    return [found[k] for k in sorted(found) if not _reserved(found[k])]


def subnet_vlans(vlans: list[VlanSummary]) -> dict[str, VlanSummary]:
    """Each subnet's VLAN: the one it is the main subnet of, the one with the most hosts where
    several are, and a voice VLAN only where no data VLAN is (the staff subnet is VLAN 10's,
    though the phones on VLAN 40 are numbered in it too)."""
    ranked = sorted(vlans, key=lambda v: (not v.voice, v.devices, -v.vlan_id))
    return {v.subnets[0]: v for v in ranked if v.subnets}


# VLANs 1002-1005 exist on every Cisco VTP switch, named by IOS for FDDI and Token Ring, and
# cannot be deleted; with no host on them they say nothing about the city's network.
_RESERVED = {1002: "fddi-default", 1003: "token-ring-default", 1004: "fddinet-default",
             1005: "trnet-default"}  # fmt: skip


def _reserved(v: VlanSummary) -> bool:
    return (_RESERVED.get(v.vlan_id) == (v.name or "").strip().lower()
            and not v.devices and not v.subnets)


def _members(inv: Inventory, settings: dict[str, dict[str, PortVlans]],
             devices: dict[str, Device]) -> dict[int, set[str]]:  # fmt: skip
    """VLAN -> hosts cabled to an access (untagged, not trunk) port of it; a phone on a port
    with a voice VLAN is in the voice VLAN (it tags its frames so, as the switch tells it)."""
    out: dict[int, set[str]] = defaultdict(set)
    cabled: dict[str, set[str]] = defaultdict(set)  # each device's neighbours
    for link in inv.links:
        cabled[link.a].add(link.b)
        cabled[link.b].add(link.a)
    for link in inv.links:
        for switch, port, other in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
            ps = settings.get(switch, {}).get(port or "")
            if ps is None or ps.trunk or ps.access_vlan is None or other not in devices:
                continue
            for host in _behind(cabled, devices, switch, other):
                phone = devices[host].type is DeviceType.PHONE
                out[ps.voice_vlan if phone and ps.voice_vlan else ps.access_vlan].add(host)
    return out


# What passes an access port's frames on untagged: an unmanaged switch, a radio bridge
_TRANSPARENT = frozenset({DeviceType.SWITCH, DeviceType.WIRELESS_BRIDGE})


def _behind(cabled: dict[str, set[str]], devices: dict[str, Device], switch: str,
            first: str) -> set[str]:  # fmt: skip
    """The hosts on an access port: the device cabled to it, and, through devices that keep no
    VLAN table of their own (an unmanaged switch, a radio pair), the hosts behind them. Never a
    switch or a router (a router has an address in every VLAN)."""
    hosts: set[str] = set()
    seen, todo = {switch, first}, [first]
    while todo:
        node = todo.pop()
        dev = devices[node]
        if dev.type not in FORWARDING:
            hosts.add(node)
        if dev.vlans is not None or dev.type not in _TRANSPARENT:
            continue  # a managed switch's own ports say their VLANs; a host ends the path
        for there in sorted(cabled[node] - seen):
            if there in devices:
                seen.add(there)
                todo.append(there)
    return hosts


def _subnets_of(inv: Inventory, hosts: list[Device]) -> list[str]:
    """The subnets the hosts' addresses fall in, most hosts first."""
    nets = []
    for s in inv.subnets:
        try:
            nets.append((ipaddress.ip_network(s.cidr, strict=False), s.cidr))
        except ValueError:
            continue
    counts: Counter[str] = Counter()
    for d in hosts:
        for addr in d.addresses:
            try:
                ip = ipaddress.ip_address(addr)
            except ValueError:
                continue
            hit = next((cidr for net, cidr in nets if ip.version == net.version and ip in net),
                       None)  # fmt: skip
            if hit:
                counts[hit] += 1
    return [cidr for cidr, _n in counts.most_common()]


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)
