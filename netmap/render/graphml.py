"""GraphML for yEd, Gephi and friends, written by networkx.

Nodes are devices, subnets ("subnet:<cidr>") and "internet"; edges are the inventory's
links. Every attribute is a cleaned string (or a number), so any GraphML reader accepts
the file and the XML writer escapes the text.

The graph is directed only so that each edge keeps its ends in the inventory's order: an
edge's `a_port` is its source's port and `b_port` its target's. (An undirected graph is
written with its ends in whichever order networkx meets them, which put ports on the wrong
device.)
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from netmap.infer.vlans import PortVlans, port_vlans, subnet_vlans
from netmap.model import Device, Inventory
from netmap.render.sanitize import clean
from netmap.render.scene import INTERNET, device_title


def inventory_to_graph(inv: Inventory) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name=clean(f"netmap scan {inv.scan_id}"))
    on_vlans = _device_vlans(inv)
    for d in inv.devices:
        graph.add_node(clean(d.id), **_device_attrs(d), vlans=on_vlans.get(d.id, ""))
    vlan_of = subnet_vlans(inv.vlans)
    for s in inv.subnets:
        vlan = vlan_of.get(s.cidr)
        graph.add_node(
            clean(s.id),
            kind="subnet",
            label=clean(s.cidr),
            name=clean(s.name),
            site=clean(s.site),
            zone=clean(s.zone),
            vlan=vlan.vlan_id if vlan else "",
            vlan_name=clean(vlan.name) if vlan else "",
        )
    ports = {d.id: port_vlans(d) for d in inv.devices if d.vlans is not None}
    for number, link in enumerate(inv.links):
        for end in (link.a, link.b):
            if clean(end) not in graph:
                kind = "internet" if end == INTERNET else "external"
                graph.add_node(clean(end), kind=kind, label=clean(end))
        graph.add_edge(
            clean(link.a),
            clean(link.b),
            key=f"e{number}",  # written as the edge's id, which GraphML wants unique
            a_port=clean(link.a_port),
            b_port=clean(link.b_port),
            source=link.source.value,
            confidence=link.confidence.value,
            evidence=clean("; ".join(link.evidence), max_len=1000),
            vlans=_link_vlans(ports, link.a, link.a_port) or _link_vlans(ports, link.b, link.b_port),
        )
    return graph


def _device_vlans(inv: Inventory) -> dict[str, str]:
    """Device id -> the VLAN ids it defines (a switch) or sits on (a host), as text."""
    out: dict[str, set[int]] = {}
    for v in inv.vlans:
        for switch in v.switches:
            out.setdefault(switch, set()).add(v.vlan_id)
    for d in inv.devices:
        if d.vlans is None:
            continue
        settings = port_vlans(d)
        for link in inv.links:
            for here, port, there in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
                ps = settings.get(port or "") if here == d.id else None
                if ps is not None and ps.access_vlan is not None and not ps.trunk:
                    out.setdefault(there, set()).add(ps.access_vlan)
    return {k: ", ".join(map(str, sorted(v))) for k, v in out.items()}


def _link_vlans(ports: dict[str, dict[str, PortVlans]], dev: str, port: str | None) -> str:
    """'10' on an access port, 'trunk: 10, 20' on a trunk, '' where the switch said nothing."""
    ps = ports.get(dev, {}).get(port or "")
    if ps is None:
        return ""
    if ps.trunk:
        return "trunk: " + ", ".join(map(str, ps.allowed))
    return str(ps.access_vlan) if ps.access_vlan is not None else ""


def _device_attrs(d: Device) -> dict[str, str | float]:
    return {
        "kind": "device",
        "label": clean(device_title(d), max_len=200),
        "type": d.type.value,
        "confidence": float(d.confidence),
        "addresses": clean(", ".join(d.addresses), max_len=1000),
        "dns_name": clean(d.dns_name, max_len=255),
        "windows_domain": clean(d.windows_domain, max_len=64),
        "windows_dns_domain": clean(d.windows_dns_domain, max_len=255),
        "macs": clean(", ".join(d.macs), max_len=1000),
        "vendor": clean(d.vendor),
        "model": clean(d.model),
        "serial": clean(d.serial),
        "os": clean(d.os),
        "roles": ", ".join(r.value for r in d.roles),
        "site": clean(d.site),
        "zone": clean(d.zone),
        "location": clean(d.location),
        "sla_tier": clean(d.sla_tier),
    }


def render_graphml(inv: Inventory, path: Path) -> Path:
    nx.write_graphml(inventory_to_graph(inv), path, encoding="utf-8", prettyprint=True)
    return path
