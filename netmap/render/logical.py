"""The logical view: one page for the city, the picture a provider reads before the cabling.

The internet, the routers and firewalls that reach it, every subnet as a node with its
gateway and its devices counted by type, inside its VLAN's box (where a switch named the VLAN)
within site and zone boxes (a CJI zone is named as such), and the systems a provider must know
by name: e-mail, telephony, backup, directory, CJI and every server, with their badges. No
switch ports and no end hosts: those are the physical view's. Built as a Scene, so every
diagram renderer draws it.
"""

from __future__ import annotations

import re
from collections import Counter

from netmap.infer.vlans import subnet_vlans
from netmap.model import Device, DeviceType, Inventory, LinkConfidence, Role, Subnet
from netmap.render.scene import (
    INTERNET,
    LINE_MAX,
    ClusterKind,
    Scene,
    SceneCluster,
    SceneEdge,
    SceneNode,
    badges_for,
    device_lines,
    device_sites,
    device_title,
    type_word,
)

T = DeviceType
GATEWAYS = frozenset({T.ROUTER, T.FIREWALL})
NAMED_TYPES = frozenset({T.SERVER, T.NAS, T.BACKUP, T.PBX})
NAMED_ROLES = frozenset({Role.EMAIL, Role.TELEPHONY, Role.BACKUP, Role.DIRECTORY, Role.CJI})
_CJI = re.compile(r"\bCJI\b", re.IGNORECASE)


def build_logical_scene(inv: Inventory, title: str, site: str | None = None) -> Scene:
    """The logical view of the city, or of one site (its gateways, subnets and key systems;
    the internet where the site's own gateway reaches it)."""
    b = _Builder(inv)
    where = device_sites(inv)

    def here(d: Device) -> bool:
        return site is None or where.get(d.id) == site

    uplink = inv.uplink if inv.uplink is not None and (
        site is None or where.get(inv.uplink.router) == site) else None  # fmt: skip
    if uplink is not None:
        b.node(SceneNode(id="n0", kind="internet", title="Internet", key=INTERNET, tier=0))
    for d in inv.devices:
        if d.type in GATEWAYS and here(d):  # in its site's box, its own or its subnet's
            b.device(d, b.box(where.get(d.id), d.zone), tier=1)
    for s in sorted(inv.subnets, key=lambda s: s.id):
        if site is None or s.site == site or (s.site is None and any(
                where.get(x) == site for x in s.devices)):  # fmt: skip
            b.subnet(s)
        # another site's subnet with hosts standing here: a garage on city hall's, by radio
        elif standing := [x for x in s.devices if where.get(x) == site and x != s.gateway
                          and (dev := b.devices.get(x)) is not None and dev.type not in GATEWAYS]:
            b.subnet(s, (site, len(standing)))
    # a router or firewall with an address in a subnet it does not route is still on it: the
    # city's firewall on the core subnet is how that subnet reaches the internet
    for s in inv.subnets:
        for x in s.devices:
            if x != s.gateway and (dev := b.devices.get(x)) is not None and dev.type in GATEWAYS:
                b.edge(x, s.id, LinkConfidence.CONFIRMED, "an interface in the subnet")
    for d in inv.devices:
        if (d.type not in GATEWAYS and here(d)
                and (d.type in NAMED_TYPES or set(d.roles) & NAMED_ROLES)):  # fmt: skip
            home = b.subnet_of.get(d.id)
            b.device(d, b.subnet_box(home) if home else b.box(d.site, d.zone), 3)
            if home is not None:
                b.edge(home.id, d.id, LinkConfidence.INFERRED, "member of the subnet")
    if uplink is not None and uplink.router in b.ids:
        b.edge(INTERNET, uplink.router, LinkConfidence.CONFIRMED, "internet uplink")
    return Scene(title=title, clusters=b.clusters, nodes={n.id: n for n in b.nodes},
                 edges=b.edges, link_legend=LEGEND, legend_note=NOTE)  # fmt: skip


LEGEND = {
    LinkConfidence.CONFIRMED: "routed: a router's or firewall's interface in a subnet, the "
                              "internet uplink",
    LinkConfidence.INFERRED: "member: a key system's address is in that subnet",
}
NOTE = ("Subnets show their gateway and their devices by type; the physical pages show "
        "the cabling and every device.")  # fmt: skip


class _Builder:
    def __init__(self, inv: Inventory) -> None:
        self.inv = inv
        self.critical = inv.sla_tiers[0].name if inv.sla_tiers else None
        self.nodes: list[SceneNode] = []
        self.ids: dict[str, str] = {}  # inventory key -> scene node id
        self.clusters: dict[str, SceneCluster] = {}
        self._boxes: dict[str, str] = {}  # "kind|site|zone" -> cluster id
        self.edges: list[SceneEdge] = []
        self.devices = {d.id: d for d in inv.devices}
        self.subnet_of = {dev: s for s in inv.subnets for dev in s.devices}
        # a subnet's VLAN: the one it is the main subnet of (with the most hosts, if several)
        self.vlan_of = subnet_vlans(inv.vlans)

    def node(self, node: SceneNode) -> None:
        self.nodes.append(node)
        self.ids[node.key] = node.id

    def box(self, site: str | None, zone: str | None) -> str | None:
        parent = self._cluster("site", site, None, (site or "",)) if site else None
        if zone:
            label = f"{zone} (criminal-justice information)" if _CJI.search(zone) else zone
            parent = self._cluster("zone", label, parent, (site or "", zone))
        return parent

    def subnet_box(self, s: Subnet) -> str | None:
        """A subnet's VLAN box (inside its site and zone) when a switch named its VLAN;
        else the site and zone box itself."""
        parent = self.box(s.site, s.zone)
        vlan = self.vlan_of.get(s.cidr)
        if vlan is None:
            return parent
        label = f"VLAN {vlan.vlan_id}" + (f" {vlan.name}" if vlan.name else "")
        label += " (voice)" if vlan.voice else ""
        return self._cluster("subnet", label, parent, (s.site or "", s.zone or "", label))

    def _cluster(
        self, kind: ClusterKind, label: str, parent: str | None, key: tuple[str, ...]
    ) -> str:
        full = "|".join((kind, *key))
        if full not in self._boxes:
            cid = f"l{len(self.clusters)}"
            self._boxes[full] = cid
            self.clusters[cid] = SceneCluster(cid, kind, label, parent)
        return self._boxes[full]

    def device(self, d: Device, cluster: str | None, tier: int) -> None:
        self.node(SceneNode(id=f"n{len(self.nodes) + 1}", kind="device", title=device_title(d),
                            lines=device_lines(d), type=d.type,
                            badges=badges_for(d, self.critical), cluster=cluster,
                            devices=[d.id], key=d.id, tier=tier))  # fmt: skip

    def subnet(self, s: Subnet, away: tuple[str, int] | None = None) -> None:
        """The subnet's node; `away` (site, count): that many of its devices stand in the
        page's site, which is not the subnet's."""
        counts = Counter(self.devices[x].type for x in s.devices if x in self.devices)
        # Short lines: the diagram cuts longer ones ("2 wireless brid…"), so the two largest
        # kinds share a line only where they fit; the workbook lists every device.
        kinds = [f"{n} {type_word(t, n)}" for t, n in counts.most_common(2)]
        gateway = self.devices.get(s.gateway or "")
        lines = [f"gateway {device_title(gateway)}" if gateway else "gateway not found",
                 f"{len(s.devices)} devices"]  # fmt: skip
        lines += [", ".join(kinds)] if len(", ".join(kinds)) <= LINE_MAX else kinds
        if away is not None:
            lines.append(f"{away[1]} of them in {away[0]}")
        self.node(SceneNode(id=f"n{len(self.nodes) + 1}", kind="subnet",
                            title=f"{s.cidr} {s.name}" if s.name else s.cidr, lines=lines,
                            cluster=self.subnet_box(s), key=s.id, tier=2))  # fmt: skip
        if gateway is not None and gateway.id in self.ids:
            self.edge(gateway.id, s.id, LinkConfidence.CONFIRMED, "routes the subnet")

    def edge(self, tail: str, head: str, confidence: LinkConfidence, why: str) -> None:
        if tail in self.ids and head in self.ids:
            self.edges.append(SceneEdge(tail=self.ids[tail], head=self.ids[head], tail_port=None,
                                        head_port=None, confidence=confidence, sources=[why],
                                        links=[]))  # fmt: skip
