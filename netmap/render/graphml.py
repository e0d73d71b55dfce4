"""GraphML for yEd, Gephi and friends, written by networkx.

Nodes are devices, subnets ("subnet:<cidr>") and "internet"; edges are the inventory's
links. Every attribute is a cleaned string (or a number), so any GraphML reader accepts
the file and the XML writer escapes the text.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from netmap.model import Device, Inventory
from netmap.render.sanitize import clean
from netmap.render.scene import INTERNET, device_title


def inventory_to_graph(inv: Inventory) -> nx.MultiGraph:
    graph = nx.MultiGraph(name=clean(f"netmap scan {inv.scan_id}"))
    for d in inv.devices:
        graph.add_node(clean(d.id), **_device_attrs(d))
    for s in inv.subnets:
        graph.add_node(
            clean(s.id),
            kind="subnet",
            label=clean(s.cidr),
            name=clean(s.name),
            site=clean(s.site),
            zone=clean(s.zone),
        )
    for link in inv.links:
        for end in (link.a, link.b):
            if clean(end) not in graph:
                kind = "internet" if end == INTERNET else "external"
                graph.add_node(clean(end), kind=kind, label=clean(end))
        graph.add_edge(
            clean(link.a),
            clean(link.b),
            a_port=clean(link.a_port),
            b_port=clean(link.b_port),
            source=link.source.value,
            confidence=link.confidence.value,
            evidence=clean("; ".join(link.evidence), max_len=1000),
        )
    return graph


def _device_attrs(d: Device) -> dict[str, str | float]:
    return {
        "kind": "device",
        "label": clean(device_title(d), max_len=200),
        "type": d.type.value,
        "confidence": float(d.confidence),
        "addresses": clean(", ".join(d.addresses), max_len=1000),
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
