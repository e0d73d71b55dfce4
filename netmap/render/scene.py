"""A drawing-neutral "scene" of an Inventory, shared by every diagram renderer.

The scene decides *what* is drawn and *where it belongs*: which boxes (site > zone > subnet)
each node sits in, which end of every link is upstream (so Graphviz ranks Internet on top,
then router/firewall, switches, hosts), labels and badges, and - for the schematic only -
which end hosts collapse into a counted node. Renderers decide *how* it looks.

Strings here are raw (unsanitised); each renderer escapes them for its own format.
"""

from __future__ import annotations

import ipaddress
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from netmap.infer.topology import inventory_graph, is_air_link
from netmap.model import Device, DeviceType, Inventory, Link, LinkConfidence, Role, Subnet

INTERNET = "internet"
SUBNET_PREFIX = "subnet:"

NodeKind = Literal["device", "group", "subnet", "internet", "remote"]
ClusterKind = Literal["site", "zone", "subnet"]

# Devices that forward traffic: links pass *through* them when ranking the drawing.
INFRA = frozenset(
    {DeviceType.ROUTER, DeviceType.FIREWALL, DeviceType.SWITCH, DeviceType.WIRELESS_AP,
     DeviceType.WIRELESS_BRIDGE}
)
# Radios at the edge of the wired network: hosts and far sites hang below them, never a core.
RADIOS = frozenset({DeviceType.WIRELESS_AP, DeviceType.WIRELESS_BRIDGE})
LINE_MAX = 32  # characters of a node's line that the diagrams print (they cut the rest)
AIR_LINK = "air link"  # the words on a link between two wireless bridges, in the radios' colour
AIR_LINK_COLOUR = "#2980B9"

# Vertical order of the schematic: lower is higher on the page.
_TIER = {
    DeviceType.ROUTER: 1,
    DeviceType.FIREWALL: 2,
    DeviceType.SWITCH: 3,
    DeviceType.WIRELESS_AP: 4,
    DeviceType.WIRELESS_BRIDGE: 4,
}
_TIER_INTERNET, _TIER_SUBNET, _TIER_HOST = 0, 5, 6
# Types never folded into a counted node: each one matters on its own in an RFP.
_NEVER_COLLAPSE = frozenset(
    {
        *INFRA,
        DeviceType.WIRELESS_CONTROLLER,
        DeviceType.PBX,
        DeviceType.BACKUP,
        DeviceType.NAS,
        DeviceType.SERVER,
        DeviceType.UPS,
        DeviceType.PDU,
    }
)
CONFIDENCE_ORDER = [
    LinkConfidence.CONFIRMED,
    LinkConfidence.ONE_SIDED,
    LinkConfidence.INFERRED,
    LinkConfidence.UNPLACED,
]

TYPE_WORDS: dict[DeviceType, tuple[str, str]] = {
    DeviceType.ROUTER: ("router", "routers"),
    DeviceType.FIREWALL: ("firewall", "firewalls"),
    DeviceType.SWITCH: ("switch", "switches"),
    DeviceType.WIRELESS_AP: ("wireless access point", "wireless access points"),
    DeviceType.WIRELESS_CONTROLLER: ("wireless controller", "wireless controllers"),
    DeviceType.WIRELESS_BRIDGE: ("wireless bridge", "wireless bridges"),
    DeviceType.SERVER: ("server", "servers"),
    DeviceType.WORKSTATION: ("workstation", "workstations"),
    DeviceType.PHONE: ("IP phone", "IP phones"),
    DeviceType.PBX: ("phone system (PBX)", "phone systems (PBX)"),
    DeviceType.PRINTER: ("printer", "printers"),
    DeviceType.UPS: ("UPS", "UPSs"),
    DeviceType.PDU: ("PDU / power distribution", "PDUs / power distribution"),
    DeviceType.NAS: ("NAS", "NAS devices"),
    DeviceType.BACKUP: ("backup system", "backup systems"),
    DeviceType.CAMERA: ("camera", "cameras"),
    DeviceType.OTHER: ("other device", "other devices"),
    DeviceType.UNKNOWN: ("unidentified device", "unidentified devices"),
}


class Badge:
    """Markers for the systems an RFP reader looks for first."""

    EMAIL = "E-MAIL"
    TELEPHONY = "TELEPHONY"
    BACKUP = "BACKUP"
    CRITICAL = "CRITICAL"  # in the profile's most urgent SLA tier
    SCANNER = "SCANNER"  # the computer this scan ran from: maybe a contractor's, not the city's


BADGE_COLORS = {Badge.EMAIL: "#1565C0", Badge.TELEPHONY: "#2E7D32", Badge.BACKUP: "#C62828",
                Badge.CRITICAL: "#6A1B9A", Badge.SCANNER: "#546E7A"}  # fmt: skip


def between_devices(link: Link) -> bool:
    """A cable or radio path between two devices, not a device's address in a subnet or its
    route to the internet."""
    return not any(end == INTERNET or end.startswith(SUBNET_PREFIX) for end in (link.a, link.b))


def type_word(t: DeviceType, count: int = 1) -> str:
    singular, plural = TYPE_WORDS[t]
    return singular if count == 1 else plural


def badges_for(device: Device, critical_tier: str | None = None) -> list[str]:
    out: list[str] = []
    if critical_tier is not None and device.sla_tier == critical_tier:
        out.append(Badge.CRITICAL)
    if Role.EMAIL in device.roles:
        out.append(Badge.EMAIL)
    if Role.TELEPHONY in device.roles or device.type in (DeviceType.PBX, DeviceType.PHONE):
        out.append(Badge.TELEPHONY)
    if Role.BACKUP in device.roles or device.type == DeviceType.BACKUP:
        out.append(Badge.BACKUP)
    if Role.SCANNER in device.roles:
        out.append(Badge.SCANNER)
    return out


@dataclass
class SceneCluster:
    id: str
    kind: ClusterKind
    label: str
    parent: str | None


@dataclass
class SceneNode:
    id: str
    kind: NodeKind
    title: str
    lines: list[str] = field(default_factory=list)
    type: DeviceType | None = None
    badges: list[str] = field(default_factory=list)
    cluster: str | None = None
    devices: list[str] = field(default_factory=list)  # inventory device ids represented
    key: str = ""  # the inventory node id (device id, subnet id, "internet") or group key
    tier: int = _TIER_HOST


@dataclass
class SceneEdge:
    tail: str  # upstream scene node id
    head: str
    tail_port: str | None
    head_port: str | None
    confidence: LinkConfidence
    sources: list[str]
    links: list[int]  # indices into Inventory.links
    constraint: bool = True
    layout_only: bool = False  # not a link: keeps a subnet box under its gateway
    minlen: int = 1  # ranks between tail and head (layout hint)
    air: bool = False  # a radio path whose far radio is drawn as a stub (another site)


@dataclass
class Scene:
    title: str
    clusters: dict[str, SceneCluster]
    nodes: dict[str, SceneNode]
    edges: list[SceneEdge]
    skipped_links: int = 0  # links whose ends are not in the inventory
    # What each line style means on this page, when not the physical map's link evidence,
    # and the legend's footnote (None: the physical map's).
    link_legend: dict[LinkConfidence, str] = field(default_factory=dict)
    legend_note: str | None = None
    # How Graphviz draws it: "TB" with curved edges for the maps; the physical view's tree
    # reads left to right with straight, bent edges (no two sibling cables cross).
    direction: Literal["TB", "LR"] = "TB"
    splines: Literal["spline", "polyline"] = "spline"

    def children(self, cluster_id: str | None) -> list[SceneCluster]:
        return [c for c in self.clusters.values() if c.parent == cluster_id]

    def members(self, cluster_id: str | None) -> list[SceneNode]:
        return [n for n in self.nodes.values() if n.cluster == cluster_id]

    def tails(self) -> frozenset[str]:
        """The nodes with a drawn link leaving them downwards (something hangs below)."""
        return frozenset(e.tail for e in self.edges if not e.layout_only)

    def ranks(self, edge: SceneEdge) -> int:
        """Ranks between the edge's ends: its layout hint, and two for an air link, whose words
        need room beside its port names."""
        return max(edge.minlen, 2 if self.over_air(edge) else 1)

    def over_air(self, edge: SceneEdge) -> bool:
        """The link between two wireless bridges: a radio path, not a cable."""
        if edge.air:
            return True
        a, b = (n.type if (n := self.nodes.get(end)) is not None and n.kind == "device" else None
                for end in (edge.tail, edge.head))
        return is_air_link(a, b)

    def port_labels(self) -> list[tuple[str | None, str | None]]:
        """Each edge's (tail, head) port name to print, once per node and port: a router's
        ge1 carries both the cable to its switch and the subnet it routes, and two "ge1"
        labels at one end would sit on each other."""
        shown: set[tuple[str, str]] = set()
        out: list[tuple[str | None, str | None]] = []
        for edge in self.edges:
            pair: list[str | None] = []
            for node, port in ((edge.tail, edge.tail_port), (edge.head, edge.head_port)):
                first = bool(port) and not edge.layout_only and (node, port or "") not in shown
                if first:
                    shown.add((node, port or ""))
                pair.append(port if first else None)
            out.append((pair[0], pair[1]))
        return out


# ---------------------------------------------------------------------------------------------
# Topology graph
# ---------------------------------------------------------------------------------------------


def topology_graph(inv: Inventory) -> Any:
    """The inventory's graph (nodes: device ids, "subnet:<cidr>", "internet"), as infer
    builds it. Rendering adds nothing to it and never scans."""
    return inventory_graph(inv)


# ---------------------------------------------------------------------------------------------
# Building the scene
# ---------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    inv: Inventory
    devices: dict[str, Device]
    subnets: dict[str, Subnet]
    device_subnet: dict[str, Subnet]
    depth: dict[str, int]


def build_scene(
    inv: Inventory,
    *,
    collapse_over: int | None = None,
    site: str | None = None,
    merge_parallel: bool = False,
    title: str | None = None,
) -> Scene:
    """The scene of `inv`, optionally limited to one site (other sites become stub nodes).

    collapse_over: fold more than this many end hosts of one type under one parent into a
    counted node (None: draw every device). merge_parallel: draw one edge per node pair.
    """
    ctx = _context(inv)
    nodes, key_to_node = _make_nodes(ctx)
    edges, skipped = _make_edges(ctx, key_to_node)
    edges += _anchor_subnets(ctx, nodes, edges, key_to_node)
    clusters = _make_clusters(ctx, nodes, edges)
    scene = Scene(
        title=title or f"Network diagram - scan {inv.scan_id}",
        clusters=clusters,
        nodes={n.id: n for n in nodes},
        edges=edges,
        skipped_links=skipped,
    )
    if site is not None:
        _limit_to_site(scene, ctx, site)
    if merge_parallel:
        scene.edges = _merge_parallel(scene.edges)
    if collapse_over is not None:
        _collapse(scene, collapse_over)
    _prune_empty_clusters(scene)
    return scene


def sites(inv: Inventory) -> list[str]:
    """The named sites of an inventory, sorted."""
    ctx = _context(inv)
    named = {_site_of(ctx, d) for d in inv.devices} | {s.site for s in inv.subnets}
    return sorted(s for s in named if s)


def device_sites(inv: Inventory) -> dict[str, str | None]:
    """Each device's site: its own, else its subnet's (as the per-site pages place it)."""
    ctx = _context(inv)
    return {d.id: _site_of(ctx, d) for d in inv.devices}


def _context(inv: Inventory) -> _Ctx:
    devices = {d.id: d for d in inv.devices}
    subnets = {s.id: s for s in inv.subnets}
    device_subnet: dict[str, Subnet] = {}
    for s in inv.subnets:
        for dev_id in s.devices:
            device_subnet.setdefault(dev_id, s)
    networks = _parsed_networks(inv.subnets)
    for d in inv.devices:
        if d.id not in device_subnet:
            found = _subnet_of_addresses(d.addresses, networks)
            if found is not None:
                device_subnet[d.id] = found
    depth = _depths(inv, devices)
    return _Ctx(inv, devices, subnets, device_subnet, depth)


def _parsed_networks(subnets: Iterable[Subnet]) -> list[tuple[Any, Subnet]]:
    out: list[tuple[Any, Subnet]] = []
    for s in subnets:
        try:
            out.append((ipaddress.ip_network(s.cidr, strict=False), s))
        except ValueError:  # redacted or malformed: membership comes from Subnet.devices only
            continue
    out.sort(key=lambda pair: -pair[0].prefixlen)  # most specific first
    return out


def _subnet_of_addresses(addresses: list[str], networks: list[tuple[Any, Subnet]]) -> Subnet | None:
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(addr.split("/")[0])
        except ValueError:
            continue
        for net, subnet in networks:
            if ip.version == net.version and ip in net:
                return subnet
    return None


def _is_transit(node: str, devices: dict[str, Device]) -> bool:
    if node == INTERNET or node.startswith(SUBNET_PREFIX):
        return True
    d = devices.get(node)
    return d is not None and d.type in INFRA


def _static_tier(node: str, devices: dict[str, Device]) -> int:
    if node == INTERNET:
        return _TIER_INTERNET
    if node.startswith(SUBNET_PREFIX):
        return _TIER_SUBNET
    d = devices.get(node)
    return _TIER.get(d.type, _TIER_HOST) if d else _TIER_HOST


def _depths(inv: Inventory, devices: dict[str, Device]) -> dict[str, int]:
    """Hop distance from the Internet (or the best root of each component), walking only
    through forwarding devices and subnets so end hosts never act as transit."""
    graph = topology_graph(inv)
    for link in inv.links:  # the drawing follows inv.links even if the graph differs
        graph.add_edge(link.a, link.b)
    depth: dict[str, int] = {}
    for component in sorted(nx.connected_components(graph), key=lambda c: sorted(map(str, c))):
        roots = _roots(inv, component, devices)
        frontier = list(roots)
        for r in roots:
            depth[r] = 0
        while frontier:  # bounded: each node enters the frontier at most once
            nxt: list[str] = []
            for node in frontier:
                if node not in roots and not _is_transit(node, devices):
                    continue
                for nb in sorted(graph.neighbors(node), key=str):
                    if nb not in depth:
                        depth[nb] = depth[node] + 1
                        nxt.append(nb)
            frontier = nxt
    return depth


def _roots(inv: Inventory, component: set[Any], devices: dict[str, Device]) -> list[str]:
    if INTERNET in component:
        return [INTERNET]
    if inv.uplink and inv.uplink.router in component:
        return [inv.uplink.router]
    best = min(component, key=lambda n: (_root_rank(str(n), devices), str(n)))
    return [str(best)]


def _root_rank(node: str, devices: dict[str, Device]) -> int:
    """Which node heads a component with no Internet: a router, else a firewall or switch,
    else the subnet (an access point seen only in a subnet hangs below it)."""
    if node.startswith(SUBNET_PREFIX):
        return 4
    d = devices.get(node)
    if d is not None and d.type in RADIOS:
        return 5
    return _static_tier(node, devices)


def _site_of(ctx: _Ctx, d: Device) -> str | None:
    subnet = ctx.device_subnet.get(d.id)
    return d.site or (subnet.site if subnet else None)


def _zone_of(ctx: _Ctx, d: Device) -> str | None:
    subnet = ctx.device_subnet.get(d.id)
    return d.zone or (subnet.zone if subnet else None)


def device_title(d: Device) -> str:
    return d.name or (d.addresses[0] if d.addresses else f"unnamed {type_word(d.type)}")


def hardware_label(d: Device) -> str:
    """'Cisco WS-C2960X', without repeating a vendor the model already names ('HP LaserJet')."""
    vendor, model = d.vendor or "", d.model or ""
    if vendor and model.casefold().startswith(vendor.split()[0].casefold()):
        return model
    return " ".join(x for x in (vendor, model) if x)


def device_lines(d: Device) -> list[str]:
    lines: list[str] = []
    title = device_title(d)
    if d.addresses and d.addresses[0] != title:
        lines.append(d.addresses[0])
    model = hardware_label(d)
    if model:
        lines.append(model)
    elif d.type == DeviceType.UNKNOWN:
        lines.append("type not identified")
    return lines


def _make_nodes(ctx: _Ctx) -> tuple[list[SceneNode], dict[str, str]]:
    nodes: list[SceneNode] = []
    key_to_node: dict[str, str] = {}

    def add(node: SceneNode) -> None:
        nodes.append(node)
        key_to_node[node.key] = node.id

    linked = {x for link in ctx.inv.links for x in (link.a, link.b)}
    if INTERNET in linked or ctx.inv.uplink is not None:
        add(SceneNode(id="n0", kind="internet", title="Internet", key=INTERNET, tier=0))
    for d in sorted(ctx.inv.devices, key=lambda d: (_static_tier(d.id, ctx.devices), d.id)):
        tier = ctx.depth.get(d.id, _static_tier(d.id, ctx.devices))
        add(
            SceneNode(
                id=f"n{len(nodes) + 1}",
                kind="device",
                title=device_title(d),
                lines=device_lines(d),
                type=d.type,
                badges=badges_for(d, ctx.inv.sla_tiers[0].name if ctx.inv.sla_tiers else None),
                devices=[d.id],
                key=d.id,
                tier=tier,
            )
        )
    for s in sorted(ctx.inv.subnets, key=lambda s: s.id):
        if s.id in linked:
            add(
                SceneNode(
                    id=f"n{len(nodes) + 1}",
                    kind="subnet",
                    title=s.cidr,
                    lines=[s.name] if s.name else [],
                    key=s.id,
                    tier=ctx.depth.get(s.id, _TIER_SUBNET),
                )
            )
    return nodes, key_to_node


def _make_clusters(
    ctx: _Ctx, nodes: list[SceneNode], edges: list[SceneEdge]
) -> dict[str, SceneCluster]:
    """Site > zone > subnet boxes. End hosts sit in their subnet box; a forwarding device
    sits in the deepest site/zone box holding everything below it (or its explicit zone),
    so each switch is drawn just above the hosts it serves."""
    clusters: dict[str, SceneCluster] = {}
    by_key: dict[tuple[str, ...], str] = {}

    def get(kind: ClusterKind, label: str, parent: str | None, key: tuple[str, ...]) -> str:
        if key not in by_key:
            cid = f"c{len(clusters)}"
            by_key[key] = cid
            clusters[cid] = SceneCluster(cid, kind, label, parent)
        return by_key[key]

    def place(site: str | None, zone: str | None, subnet: Subnet | None) -> str | None:
        parent: str | None = None
        if site:
            parent = get("site", site, None, ("site", site))
        if zone:
            parent = get("zone", zone, parent, ("zone", site or "", zone))
        if subnet is not None:
            label = f"{subnet.cidr} {subnet.name}" if subnet.name else subnet.cidr
            # keyed by its site and zone too: a LAN bridged to another building is drawn
            # there as well, holding the hosts that stand there
            parent = get("subnet", label, parent, ("subnet", subnet.id, site or "", zone or ""))
        return parent

    infra: list[SceneNode] = []
    for node in nodes:
        if node.kind == "subnet":
            s = ctx.subnets[node.key]
            node.cluster = place(s.site, s.zone, s)
        elif node.kind == "device":
            d = ctx.devices[node.key]
            if d.type in INFRA:
                node.cluster = place(_site_of(ctx, d), d.zone, None)
                infra.append(node)
            else:
                # where it stands: its own site and zone (an override) before its subnet's
                node.cluster = place(_site_of(ctx, d), _zone_of(ctx, d), ctx.device_subnet.get(d.id))
    below: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e.constraint:
            below[e.tail].append(e.head)
    by_id = {n.id: n for n in nodes}
    above = {e.head: e.tail for e in edges if e.constraint}
    # A childless access point or switch follows its parent; it must not pull that parent
    # up to the site box.
    leaf_infra = {n.id for n in infra if not below[n.id]}
    for node in sorted(infra, key=lambda n: -n.tier):  # deepest first: children are placed
        kids = [c for c in below[node.id] if c not in leaf_infra]
        if ctx.devices[node.key].zone or not kids:
            continue
        common = _common_box(clusters, [by_id[c].cluster for c in kids])
        own_site = _ancestors(clusters, node.cluster)[:1]
        if common and common[: len(own_site)] == own_site:
            node.cluster = common[-1]
    for nid in leaf_infra:
        node, parent = by_id[nid], by_id.get(above.get(nid, ""))
        if parent is None or ctx.devices[node.key].zone:
            continue
        if _ancestors(clusters, parent.cluster)[:1] == _ancestors(clusters, node.cluster)[:1]:
            node.cluster = parent.cluster
    return clusters


def _ancestors(clusters: dict[str, SceneCluster], cid: str | None) -> list[str]:
    """Site/zone boxes from the outermost down to `cid` (subnet boxes left out)."""
    chain: list[str] = []
    while cid is not None:
        if clusters[cid].kind != "subnet":
            chain.append(cid)
        cid = clusters[cid].parent
    return chain[::-1]


def _common_box(clusters: dict[str, SceneCluster], cids: list[str | None]) -> list[str]:
    chains = [_ancestors(clusters, c) for c in cids]
    common: list[str] = []
    for level in zip(*chains, strict=False):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return common


def _orient(a: str, b: str, ctx: _Ctx, key_to_node: dict[str, str]) -> tuple[bool, bool]:
    """(swap, constraint): whether b is upstream of a, and whether the edge should rank."""

    def rank(n: str) -> tuple[int, int, int, str]:
        host = 0 if _is_transit(n, ctx.devices) else 1
        return (host, ctx.depth.get(n, 99), _static_tier(n, ctx.devices), key_to_node[n])

    ra, rb = rank(a), rank(b)
    same_level = ra[:3] == rb[:3]
    return rb < ra, not same_level


def _make_edges(ctx: _Ctx, key_to_node: dict[str, str]) -> tuple[list[SceneEdge], int]:
    edges: list[SceneEdge] = []
    skipped = 0
    for i, link in enumerate(ctx.inv.links):
        if link.a not in key_to_node or link.b not in key_to_node or link.a == link.b:
            skipped += 1
            continue
        swap, constraint = _orient(link.a, link.b, ctx, key_to_node)
        a, b, pa, pb = link.a, link.b, link.a_port, link.b_port
        if swap:
            a, b, pa, pb = b, a, pb, pa
        edges.append(
            SceneEdge(
                key_to_node[a],
                key_to_node[b],
                pa,
                pb,
                link.confidence,
                [link.source.value],
                [i],
                constraint,
            )
        )
    return edges, skipped


def _anchor_subnets(
    ctx: _Ctx, nodes: list[SceneNode], edges: list[SceneEdge], key_to_node: dict[str, str]
) -> list[SceneEdge]:
    """Invisible edges from a subnet's gateway (or its site's top device) to a subnet node
    nothing links from above, so unplaced hosts hang under their router, not in mid-air."""
    fed = {e.head for e in edges if e.constraint}
    by_site: dict[str | None, SceneNode] = {}
    deepest: dict[str | None, int] = {}  # the lowest switch tier per site

    def top_rank(n: SceneNode) -> tuple[int, int, str]:
        return (_static_tier(n.key, ctx.devices), n.tier, n.id)

    for n in nodes:
        if n.kind == "device" and n.type in INFRA and n.type not in RADIOS:
            site = _site_of(ctx, ctx.devices[n.key])
            if site not in by_site or top_rank(n) < top_rank(by_site[site]):
                by_site[site] = n
            deepest[site] = max(deepest.get(site, 0), n.tier)
    out: list[SceneEdge] = []
    for n in nodes:
        if n.kind != "subnet" or n.id in fed:
            continue
        subnet = ctx.subnets[n.key]
        top = by_site.get(subnet.site)
        tail = key_to_node.get(subnet.gateway or "") or (top.id if top else None)
        if tail is not None and tail != n.id:
            # Start the subnet below the site's switches: a subnet box that began higher
            # would push the switches beside it instead of above their hosts.
            tail_tier = next(x.tier for x in nodes if x.id == tail)
            gap = max(1, deepest.get(subnet.site, 0) - tail_tier + 2)
            out.append(SceneEdge(tail, n.id, None, None, LinkConfidence.INFERRED, [], [],
                                 layout_only=True, minlen=gap))  # fmt: skip
    return out


def _limit_to_site(scene: Scene, ctx: _Ctx, site: str) -> None:
    """Keep one site; links leaving it end at a stub node naming the other site."""
    in_site: set[str] = set()
    for cid, c in scene.clusters.items():
        root = c
        while root.parent is not None:
            root = scene.clusters[root.parent]
        if root.kind == "site" and root.label == site:
            in_site.add(cid)
    keep = {n.id for n in scene.nodes.values() if n.cluster in in_site}
    linked_in = {e.tail for e in scene.edges if e.head in keep} | {
        e.head for e in scene.edges if e.tail in keep
    }
    internet = next((n.id for n in scene.nodes.values() if n.kind == "internet"), None)
    if internet in linked_in:
        keep.add(internet)
    stubs: dict[str, str] = {}
    routed: list[tuple[SceneEdge, str | None]] = []  # each edge, and the node beyond its stub
    for e in scene.edges:
        if e.tail in keep and e.head in keep:
            routed.append((e, None))
        elif e.tail in keep or e.head in keep:
            outside = e.head if e.tail in keep else e.tail
            e.air = scene.over_air(e)  # before its far radio becomes the stub
            label, lines = _outside_label(scene, outside)
            if label not in stubs:
                stubs[label] = f"r{len(stubs)}"
                scene.nodes[stubs[label]] = SceneNode(id=stubs[label], kind="remote", title=label,
                                                      lines=lines, key=f"remote:{label}", tier=0)
            if e.tail in keep:
                e.head = stubs[label]
            else:
                e.tail = stubs[label]
            routed.append((e, outside))
    scene.edges = _one_per_stub_port(routed, set(stubs.values()))
    keep |= set(stubs.values())
    scene.nodes = {k: v for k, v in scene.nodes.items() if k in keep}
    scene.clusters = {k: v for k, v in scene.clusters.items() if k in in_site}
    scene.title = f"{scene.title} - {site}"


def _one_per_stub_port(routed: list[tuple[SceneEdge, str | None]],
                       stubs: set[str]) -> list[SceneEdge]:  # fmt: skip
    """One edge per port to or from another site's stub: a router's cable to the police switch
    and its interface in the police subnet both use its ge3, and drew two lines, to "to
    Police" on City Hall's page and from "to City Hall" on the Police page. The
    best-evidenced one stays, where the first stood. A port is a node's own: each edge comes
    with the node beyond the stub that it reached."""
    kept: list[SceneEdge] = []
    at: dict[tuple[str, str, str], int] = {}  # (node, its port, the stub) -> index in kept
    for e, beyond in routed:
        stub = e.head if e.head in stubs else (e.tail if e.tail in stubs else None)
        if stub is None:
            kept.append(e)
            continue
        stub_port = e.head_port if stub == e.head else e.tail_port
        inside, port = (e.tail, e.tail_port) if stub == e.head else (e.head, e.head_port)
        keys = ([(inside, port, stub)] if port else []) + (
            [(beyond or stub, stub_port, stub)] if stub_port else [])
        seen = next((at[k] for k in keys if k in at), None)
        if seen is None:
            at |= {k: len(kept) for k in keys}
            kept.append(e)
        elif _stronger(e.confidence, kept[seen].confidence):
            kept[seen] = e
    return kept


def site_stub(site: str) -> tuple[str, list[str]]:
    """The title and lines of the node standing for another site, on every page."""
    return f"to {site}", ["see that site's page"]


def _outside_label(scene: Scene, node_id: str) -> tuple[str, list[str]]:
    """The stub's title and lines: the other site's, else the node's own title."""
    node = scene.nodes[node_id]
    cid = node.cluster
    while cid is not None and scene.clusters[cid].parent is not None:
        cid = scene.clusters[cid].parent
    if cid is not None and scene.clusters[cid].kind == "site":
        return site_stub(scene.clusters[cid].label)
    return f"to {node.title}", []


def _merge_parallel(edges: list[SceneEdge]) -> list[SceneEdge]:
    merged: dict[frozenset[str], SceneEdge] = {}
    for e in edges:
        pair = frozenset((e.tail, e.head))
        best = merged.get(pair)
        if best is None:
            merged[pair] = e
            continue
        keep, other = (e, best) if _stronger(e.confidence, best.confidence) else (best, e)
        keep.links = sorted(set(keep.links) | set(other.links))
        keep.sources = sorted(set(keep.sources) | set(other.sources))
        keep.tail_port = keep.tail_port or (other.tail_port if other.tail == keep.tail else None)
        keep.head_port = keep.head_port or (other.head_port if other.head == keep.head else None)
        merged[pair] = keep
    return list(merged.values())


def _stronger(a: LinkConfidence, b: LinkConfidence) -> bool:
    return CONFIDENCE_ORDER.index(a) < CONFIDENCE_ORDER.index(b)


def _collapse(scene: Scene, threshold: int) -> None:
    """Fold end hosts of one type hanging off one parent (or unlinked in one box) into a
    counted node when there are more than `threshold` of them."""
    degree: Counter[str] = Counter()
    for e in scene.edges:
        degree[e.tail] += 1
        degree[e.head] += 1
    incoming = {e.head: e for e in scene.edges}
    outgoing = {e.tail for e in scene.edges}
    groups: dict[tuple[str, str, str], list[SceneNode]] = defaultdict(list)
    for node in scene.nodes.values():
        if node.kind != "device" or node.type in _NEVER_COLLAPSE or node.type is None:
            continue
        if node.badges and node.type != DeviceType.PHONE:
            continue
        if node.id in outgoing or degree[node.id] > 1:
            continue
        edge = incoming.get(node.id)
        parent = edge.tail if edge else "-"
        groups[(parent, node.cluster or "-", node.type.value)].append(node)
    for (parent, _cluster, type_value), members in sorted(groups.items()):
        if len(members) > threshold:
            _fold(scene, parent, DeviceType(type_value), members, incoming)


def _fold(
    scene: Scene,
    parent: str,
    dtype: DeviceType,
    members: list[SceneNode],
    incoming: dict[str, SceneEdge],
) -> None:
    gid = f"g{members[0].id}"
    addresses = [m.lines[0] for m in members if m.lines and _looks_like_ip(m.lines[0])]
    lines = [_address_span(addresses)] if addresses else []
    scene.nodes[gid] = SceneNode(
        id=gid,
        kind="group",
        title=f"{len(members)} {type_word(dtype, len(members))}",
        lines=lines,
        type=dtype,
        badges=sorted({b for m in members for b in m.badges}),
        cluster=members[0].cluster,
        devices=[d for m in members for d in m.devices],
        key=f"group:{parent}:{dtype.value}",
        tier=members[0].tier,
    )
    member_ids = {m.id for m in members}
    folded = [incoming[m] for m in member_ids if m in incoming]
    scene.edges = [e for e in scene.edges if e.head not in member_ids]
    for m in member_ids:
        del scene.nodes[m]
    if parent != "-" and folded:
        conf = Counter(e.confidence for e in folded).most_common(1)[0][0]
        ports = sum(1 for e in folded if e.tail_port)
        scene.edges.append(
            SceneEdge(
                parent,
                gid,
                f"{ports} ports" if ports > 1 else None,
                None,
                conf,
                sorted({s for e in folded for s in e.sources}),
                sorted(i for e in folded for i in e.links),
            )
        )


def _looks_like_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _address_span(addresses: list[str]) -> str:
    ordered = sorted(addresses, key=lambda a: ipaddress.ip_address(a))
    if len(ordered) == 1:
        return ordered[0]
    return f"{ordered[0]} - {ordered[-1]}"


def _prune_empty_clusters(scene: Scene) -> None:
    used = {n.cluster for n in scene.nodes.values() if n.cluster}
    changed = True
    while changed:  # bounded by the number of clusters
        changed = False
        for cid, c in list(scene.clusters.items()):
            has_child = any(x.parent == cid for x in scene.clusters.values())
            if cid not in used and not has_child:
                del scene.clusters[cid]
                changed = True
            elif c.parent is not None and c.parent not in scene.clusters:
                c.parent = None
                changed = True


def link_key(link: Link) -> tuple[str, str]:
    """Order-independent identity of a link's ends, for comparisons in tests and diffs."""
    x, y = sorted((link.a, link.b))
    return (x, y)
