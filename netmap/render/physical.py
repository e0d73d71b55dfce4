"""The physical view: per site, what plugs into what, drawn the way engineers draw it by hand.

A tree from the uplink down: the internet, the edge router or firewall, then the switches in
levels by hop count (core, distribution, access). Under each switch hang its hosts; hosts of
one type on one switch become one counted node ("14 workstations", "ports ge3-ge18").
Workstations, cameras and unidentified devices are counted as soon as there are two; servers,
phones, printers, access points and UPSes stay single up to the profile's `single_up_to`.

Only tree edges are drawn, each with its ports, so no line runs across the page to a host
drawn elsewhere. A second link between two switches (a redundant uplink) is left out and
counted in the legend. Devices with no port evidence are listed, by type, in one "not placed"
box that says why. Devices of other sites appear as one stub node per site, where the cable
leaves. Built as a Scene, so every diagram renderer draws it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from netmap.infer.topology import is_air_link
from netmap.model import Device, DeviceType, Inventory, Link, LinkConfidence
from netmap.render.scene import (
    CONFIDENCE_ORDER,
    INTERNET,
    Badge,
    Scene,
    SceneCluster,
    SceneEdge,
    SceneNode,
    badges_for,
    device_lines,
    device_title,
    site_stub,
    type_word,
)

T = DeviceType
# The tree's inner nodes: what forwards frames or packets between cables.
TREE_TYPES = frozenset({T.ROUTER, T.FIREWALL, T.SWITCH})
_TREE_ORDER = {T.FIREWALL: 0, T.ROUTER: 1, T.SWITCH: 2}
# Counted as soon as two share a switch: one of them tells a bidder nothing the count does not.
ALWAYS_COUNTED = frozenset({T.WORKSTATION, T.CAMERA, T.OTHER, T.UNKNOWN})
_RANK = {LinkConfidence.CONFIRMED: 0, LinkConfidence.ONE_SIDED: 1, LinkConfidence.INFERRED: 2}
NOT_PLACED = "Not placed: no switch port seen"
UNPLACED_WHY = ("Not placed: no LLDP or CDP neighbour and no forwarding-table entry on a managed "
                "switch names their port.")  # fmt: skip


@dataclass
class _Attach:
    parent: str  # device id (or a remote site's stub key)
    parent_port: str | None
    port: str | None
    confidence: LinkConfidence
    sources: list[str] = field(default_factory=list)
    air: bool = False  # a radio path to a bridge of another site, drawn as that site's stub


@dataclass
class _Plan:
    """Where everything of one site goes: the tree of network devices and each host's place."""

    parent: dict[str, _Attach]  # tree node -> the link to its parent
    depth: dict[str, int]  # tree node -> hops from its root
    attach: dict[str, _Attach]  # host -> the tree node (or host) it hangs under
    remote: dict[str, list[tuple[str, Link]]]  # tree node -> its links to other sites
    left_out: int  # links between tree nodes that are not tree edges
    # host -> its links to other sites, one per site, besides the one it hangs from: the
    # radio whose far end stands in another building
    away: dict[str, list[tuple[str, Link]]] = field(default_factory=dict)


Score = Callable[[Scene], float]  # how well a page prints: the scale it needs on the paper
PACK = 14  # host nodes per continuation page when a site is split


def physical_scenes(inv: Inventory, site: str | None, title: str, single_up_to: int = 4,
                    score: Score | None = None, enough: float = 1.0) -> list[Scene]:  # fmt: skip
    """The physical page of `site` (None: the whole network, for a one-site city).

    With `score`, each page is drawn left to right or top down, whichever scores better, and
    a page scoring below `enough` becomes an overview (the network devices, each access switch
    with a count of its hosts) and continuation pages holding a few access switches each with
    their hosts."""
    b = _Builder(inv, site, single_up_to)
    plan = b.plan()
    whole = b.page(plan, title)
    if score is None:
        return [whole]
    whole = _best_direction(whole, score)
    if score(whole) >= enough:
        return [whole]
    children = {att.parent for att in plan.parent.values()}
    access = sorted((t for t in plan.depth if t not in children
                     and any(a.parent == t for a in plan.attach.values())),
                    key=lambda t: (plan.depth[t], t))  # fmt: skip
    if not access:
        return [whole]
    packs: list[list[str]] = []
    for switch in access:  # greedy, in tree order: neighbours stay on one page
        size = b.host_nodes(plan, switch)
        if not packs or sum(b.host_nodes(plan, x) for x in packs[-1]) + size > PACK:
            packs.append([])
        packs[-1].append(switch)
    total = len(packs) + 1
    where = {switch: i + 2 for i, pack in enumerate(packs) for switch in pack}
    pages = [b.page(plan, f"{title} (page 1 of {total})", summarized=where)]
    for i, pack in enumerate(packs):
        pages.append(b.page(plan, f"{title} (page {i + 2} of {total})", only=set(pack)))
    return [_best_direction(page, score) for page in pages]


def _best_direction(scene: Scene, score: Score) -> Scene:
    """Left to right suits deep trees, top down wide ones: keep the one that prints larger."""
    other = replace(scene, direction="TB" if scene.direction == "LR" else "LR")
    return other if score(other) > score(scene) else scene


def build_physical_scene(inv: Inventory, site: str | None, title: str,
                         single_up_to: int = 4) -> Scene:  # fmt: skip
    """The whole physical page of `site`, however wide."""
    return physical_scenes(inv, site, title, single_up_to)[0]


class _Builder:
    def __init__(self, inv: Inventory, site: str | None, single_up_to: int) -> None:
        self.inv, self.site, self.single_up_to = inv, site, single_up_to
        self.devices = {d.id: d for d in inv.devices}
        self.site_of = _sites_of(inv)
        self.members = {d.id for d in inv.devices if site is None or self.site_of[d.id] == site}
        self.adjacent: dict[str, list[tuple[str, Link]]] = defaultdict(list)
        for link in inv.links:
            if link.confidence in _RANK and link.a in self.devices and link.b in self.devices:
                self.adjacent[link.a].append((link.b, link))
                self.adjacent[link.b].append((link.a, link))
        self.critical = inv.sla_tiers[0].name if inv.sla_tiers else None

    # -- the plan ---------------------------------------------------------------------------

    def plan(self) -> _Plan:
        parent, depth = self._tree()
        attach = self._attach_hosts(set(depth))
        remote = {t: [(o, lk) for o, lk in self._neighbours(t) if o not in self.members
                      and self.devices[o].type in TREE_TYPES] for t in depth}  # fmt: skip
        return _Plan(parent, depth, attach, {t: r for t, r in remote.items() if r},
                     self._extra_links(parent, depth), self._away(attach))  # fmt: skip

    def _away(self, attach: dict[str, _Attach]) -> dict[str, list[tuple[str, Link]]]:
        """Links from the site's placed hosts to other sites' devices, one per site; a host
        hanging from a stub already points there."""
        away: dict[str, list[tuple[str, Link]]] = {}
        for host, att in attach.items():
            if att.parent.startswith("site:"):
                continue
            per_site: dict[str, tuple[str, Link]] = {}
            for other, link in self._neighbours(host):
                if other not in self.members:
                    per_site.setdefault(self._stub_key(other), (other, link))
            if per_site:
                away[host] = [per_site[k] for k in sorted(per_site)]
        return away

    def _tree(self) -> tuple[dict[str, _Attach], dict[str, int]]:
        """Breadth-first from the uplink router (else the best-ranked network device) over
        network devices of this site; one tree per connected part."""
        inner = sorted((d for d in self.members if self.devices[d].type in TREE_TYPES),
                       key=self._root_rank)  # fmt: skip
        uplink = self.inv.uplink.router if self.inv.uplink else None
        if uplink in inner:
            inner.remove(uplink)
            inner.insert(0, uplink)
        depth: dict[str, int] = {}
        parent: dict[str, _Attach] = {}
        for root in inner:
            if root in depth:
                continue
            depth[root] = 0
            frontier = [root]
            while frontier:  # bounded: every device enters at most once
                nxt: list[str] = []
                for here in frontier:
                    for there, link in self._neighbours(here):
                        if (there in depth or there not in self.members
                                or self.devices[there].type not in TREE_TYPES):  # fmt: skip
                            continue
                        depth[there] = depth[here] + 1
                        parent[there] = _attachment(here, link)
                        nxt.append(there)
                frontier = nxt
        return parent, depth

    def _extra_links(self, parent: dict[str, _Attach], depth: dict[str, int]) -> int:
        """Links between drawn network devices that are not tree edges: a second cable, a
        redundant uplink, a ring."""
        pairs: dict[frozenset[str], int] = defaultdict(int)
        for link in self.inv.links:
            if link.a in depth and link.b in depth and link.confidence in _RANK:
                pairs[frozenset((link.a, link.b))] += 1
        tree = {frozenset((child, att.parent)) for child, att in parent.items()}
        return sum(n - 1 if pair in tree else n for pair, n in pairs.items())

    def _root_rank(self, dev: str) -> tuple[int, int, str]:
        d = self.devices[dev]
        return (_TREE_ORDER.get(d.type, 3), -len(self.adjacent[dev]), dev)

    def _neighbours(self, dev: str) -> list[tuple[str, Link]]:
        return sorted(self.adjacent[dev], key=lambda nl: (_RANK[nl[1].confidence], nl[0]))

    def _attach_hosts(self, tree: set[str]) -> dict[str, _Attach]:
        """Each other device of the site under the tree node (or placed host: a PC behind a
        phone) its best-evidenced link reaches, or under another site's stub."""
        attach: dict[str, _Attach] = {}
        self._attach_behind(attach, tree)
        for dev in sorted(self.members - tree - set(attach)):  # a cable to another site
            remote = [(o, lk) for o, lk in self._neighbours(dev) if o not in self.members]
            if remote:
                other, link = remote[0]
                attach[dev] = _attachment(self._stub_key(other), link, far=other,
                                          air=self._radio_path(link))  # fmt: skip
        self._attach_behind(attach, tree)  # and what hangs behind those: a PC behind a radio
        return attach

    def _attach_behind(self, attach: dict[str, _Attach], tree: set[str]) -> None:
        """Each unplaced device of the site under a placed neighbour, one hop a round
        (switch -> phone -> PC, switch -> radio -> radio -> PC)."""
        placed = tree | set(attach)
        for _round in range(len(self.members)):  # bounded: a round places the next hop
            new = {dev: _attachment(options[0][0], options[0][1])
                   for dev in sorted(self.members - placed)
                   if (options := [(o, lk) for o, lk in self._neighbours(dev) if o in placed])}
            if not new:
                return
            attach.update(new)
            placed |= set(new)

    def _radio_path(self, link: Link) -> bool:
        return is_air_link(self.devices[link.a].type, self.devices[link.b].type)

    def _stub_key(self, other: str) -> str:
        return f"site:{self.site_of.get(other) or 'another site'}"

    # -- pages ------------------------------------------------------------------------------

    def host_nodes(self, plan: _Plan, switch: str) -> int:
        """How many nodes the hosts under `switch` take once counted."""
        return len(self._host_layout(plan, switch))

    def _host_layout(self, plan: _Plan, parent: str) -> list[tuple[DeviceType, list[str], bool]]:
        """(type, devices, counted) for the hosts directly under `parent`."""
        has_children = {a.parent for a in plan.attach.values()}
        by_type: dict[DeviceType, list[str]] = defaultdict(list)
        for dev, att in sorted(plan.attach.items()):
            if att.parent == parent:
                by_type[self.devices[dev].type].append(dev)
        out: list[tuple[DeviceType, list[str], bool]] = []
        for dtype, members in sorted(by_type.items(), key=lambda kv: kv[0].value):
            singles = [m for m in members
                       if m in has_children or m in plan.away or self._stands_out(m)]
            counted = [m for m in members if m not in singles]
            if self._counted(dtype, len(counted)):
                out.append((dtype, counted, True))
            else:
                singles += counted
            out += [(dtype, [m], False) for m in sorted(singles)]
        return out

    def page(self, plan: _Plan, title: str, summarized: dict[str, int] | None = None,
             only: set[str] | None = None) -> Scene:  # fmt: skip
        """One page: the whole site; or (summarized) the site with the hosts of those access
        switches replaced by a count and a page number; or (only) those access switches with
        their hosts, under a stub for the switch above them."""
        pg = _Page(self, plan)
        tree = set(plan.depth) if only is None else set(only)
        uplink = self.inv.uplink.router if self.inv.uplink else None
        if uplink in tree:
            pg.node(SceneNode(id="n0", kind="internet", title="Internet", key=INTERNET, tier=0))
        for dev in sorted(tree, key=lambda x: (plan.depth[x], x)):
            pg.device(self.devices[dev], tier=plan.depth[dev] + 1)
        if uplink in pg.ids and self.inv.uplink is not None:
            # the router's port at the router's end, and the link's own evidence: a default
            # route is the router's word alone (one-sided), not both ends' (confirmed)
            said = [x.confidence for x in self.inv.links if {x.a, x.b} == {INTERNET, uplink}]
            pg.edge(INTERNET, uplink, None, self.inv.uplink.interface,
                    min(said, key=CONFIDENCE_ORDER.index, default=LinkConfidence.ONE_SIDED),
                    ["internet uplink"])  # fmt: skip
        for child in sorted(tree):
            att = plan.parent.get(child)
            if att is None:
                continue
            if only is not None and att.parent not in tree:
                pg.upstream(att.parent, plan.depth[att.parent])
            pg.edge(att.parent, child, att.parent_port, att.port, att.confidence, att.sources)
        for node in sorted(tree):
            for other, link in plan.remote.get(node, []):
                # a site without the uplink hangs from the site it is cabled to: that stub
                # goes above its root; any other cable to a site goes below
                upward = plan.depth[node] == 0 and uplink not in self.members
                key = pg.stub(self._stub_key(other), 0 if upward else plan.depth[node] + 2)
                att = _attachment(node, link)
                if upward:
                    pg.edge(key, node, att.port, att.parent_port, att.confidence, att.sources)
                else:
                    pg.edge(node, key, att.parent_port, att.port, att.confidence, att.sources)
        self._emit_hosts(pg, plan, tree, summarized or {}, stubs=only is None)
        if only is None:
            pg.unplaced(sorted(self.members - set(plan.depth) - set(plan.attach)))
        note = " ".join(
            ["Only the cabling tree is drawn: each device under the switch port it uses, "
             "named at the device's end of its line."]
            + ([f"{plan.left_out} more links between network devices (redundant uplinks) are "
                "in the workbook's Links sheet."] if plan.left_out else [])
            + ([UNPLACED_WHY] if "notplaced" in pg.clusters else []))  # fmt: skip
        return Scene(title=title, clusters=pg.clusters, nodes=pg.nodes, edges=pg.edges,
                     legend_note=note, direction="LR", splines="polyline")  # fmt: skip

    def _emit_hosts(self, pg: _Page, plan: _Plan, tree: set[str], summarized: dict[str, int],
                    stubs: bool) -> None:  # fmt: skip
        """Hosts under the page's tree nodes, then hosts under those hosts (a PC behind a
        phone), then (`stubs`) those cabled to another site's switch."""
        parents = sorted(tree) + sorted({a.parent for a in plan.attach.values()
                                         if stubs and a.parent.startswith("site:")})  # fmt: skip
        seen: set[str] = set()
        while parents:  # bounded: each parent is taken once
            par = parents.pop(0)
            if par in seen:
                continue
            seen.add(par)
            base = plan.depth.get(par, 0) + 2
            if par in summarized:
                pg.summary(par, [d for d, a in plan.attach.items() if a.parent == par],
                           summarized[par], base)  # fmt: skip
                continue
            if par.startswith("site:"):
                pg.stub(par, 1)
            for dtype, members, counted in self._host_layout(plan, par):
                if counted:
                    pg.group(par, dtype, members, plan.attach, base)
                    continue
                dev = members[0]
                pg.device(self.devices[dev], tier=base)
                att = plan.attach[dev]
                pg.edge(att.parent, dev, att.parent_port, att.port, att.confidence, att.sources,
                        air=att.air)  # fmt: skip
                for other, link in plan.away.get(dev, []):
                    out = _attachment(dev, link, air=self._radio_path(link))
                    pg.edge(dev, pg.stub(self._stub_key(other), base + 1), out.parent_port,
                            out.port, out.confidence, out.sources, air=out.air)
                parents.append(dev)

    def _stands_out(self, dev: str) -> bool:
        """E-mail, backup, a critical system: drawn by name, never counted. (Every phone has
        the telephony badge; phones are counted like printers.)"""
        d = self.devices[dev]
        marks = set(badges_for(d, self.critical))
        return bool(marks - {Badge.TELEPHONY}) or (Badge.TELEPHONY in marks and d.type != T.PHONE)

    def _counted(self, dtype: DeviceType, count: int) -> bool:
        return count >= 2 if dtype in ALWAYS_COUNTED else count > self.single_up_to


class _Page:
    """The nodes, edges and boxes of one page under construction."""

    def __init__(self, builder: _Builder, plan: _Plan) -> None:
        self.b, self.plan = builder, plan
        self.nodes: dict[str, SceneNode] = {}
        self.ids: dict[str, str] = {}  # device id / stub key -> scene node id
        self.edges: list[SceneEdge] = []
        self.clusters: dict[str, SceneCluster] = {}

    def node(self, node: SceneNode) -> None:
        self.nodes[node.id] = node
        self.ids[node.key] = node.id

    def _next(self) -> str:
        return f"n{len(self.nodes) + 1}"

    def device(self, d: Device, tier: int, cluster: str | None = None) -> None:
        self.node(SceneNode(id=self._next(), kind="device", title=device_title(d),
                            lines=device_lines(d), type=d.type,
                            badges=badges_for(d, self.b.critical), cluster=cluster,
                            devices=[d.id], key=d.id, tier=tier))  # fmt: skip

    def stub(self, key: str, tier: int) -> str:
        """The stub node standing for another site, where a cable to it leaves this page."""
        if key not in self.ids:
            title, lines = site_stub(key.removeprefix("site:"))
            self.node(SceneNode(id=self._next(), kind="remote", title=title, lines=lines, key=key,
                                tier=tier))  # fmt: skip
        return key

    def upstream(self, dev: str, depth: int) -> None:
        """The switch above a continuation page's switches, drawn as a pointer back."""
        if dev not in self.ids:
            d = self.b.devices[dev]
            self.node(SceneNode(id=self._next(), kind="device", title=device_title(d),
                                lines=["uplink: see page 1"], type=d.type, devices=[d.id],
                                key=dev, tier=depth + 1))  # fmt: skip

    def summary(self, switch: str, members: list[str], page_no: int, tier: int) -> None:
        key = f"summary:{switch}"
        kinds = Counter(self.b.devices[m].type for m in members).most_common(2)
        mix = ", ".join(f"{n} {type_word(t, n)}" for t, n in kinds)
        self.node(SceneNode(id=self._next(), kind="group", title=f"{len(members)} devices",
                            lines=[mix, f"see page {page_no}"],
                            type=T.OTHER, devices=sorted(members), key=key,
                            tier=tier))  # fmt: skip
        confidence = min((self.plan.attach[m].confidence for m in members),
                         key=lambda c: _RANK[c], default=LinkConfidence.INFERRED)  # fmt: skip
        self.edge(switch, key, None, None, confidence, [])

    def group(self, parent: str, dtype: DeviceType, members: list[str],
              attach: dict[str, _Attach], tier: int) -> None:  # fmt: skip
        ports = [p for m in members if (p := attach[m].parent_port)]
        lines = [f"ports {port_span(ports)}"] if ports else []
        key = f"group:{parent}:{dtype.value}"
        devices = self.b.devices
        badges = sorted({b for m in members for b in badges_for(devices[m], self.b.critical)})
        self.node(SceneNode(id=self._next(), kind="group",
                            title=f"{len(members)} {type_word(dtype, len(members))}",
                            lines=lines, type=dtype, badges=badges, devices=sorted(members),
                            key=key, tier=tier))  # fmt: skip
        confidence = min((attach[m].confidence for m in members), key=lambda c: _RANK[c])
        label = f"{len(ports)} ports" if len(ports) > 1 else (ports[0] if ports else None)
        self.edge(parent, key, label, None, confidence,
                  sorted({s for m in members for s in attach[m].sources}))

    def unplaced(self, rest: list[str]) -> None:
        if not rest:
            return
        cid = "notplaced"
        self.clusters[cid] = SceneCluster(cid, "subnet", NOT_PLACED, None)
        by_type: dict[DeviceType, list[str]] = defaultdict(list)
        for dev in rest:
            by_type[self.b.devices[dev].type].append(dev)
        for dtype, members in sorted(by_type.items(), key=lambda kv: kv[0].value):
            if len(members) == 1:
                self.device(self.b.devices[members[0]], tier=99, cluster=cid)
                continue
            names = ", ".join(device_title(self.b.devices[m]) for m in members[:3])
            more = f" and {len(members) - 3} more" if len(members) > 3 else ""
            self.node(SceneNode(id=self._next(), kind="group",
                                title=f"{len(members)} {type_word(dtype, len(members))}",
                                lines=[names + more], type=dtype, cluster=cid,
                                devices=members, key=f"unplaced:{dtype.value}",
                                tier=99))  # fmt: skip

    def edge(self, tail: str, head: str, tail_port: str | None, head_port: str | None,
             confidence: LinkConfidence, sources: list[str], air: bool = False) -> None:  # fmt: skip
        if tail in self.ids and head in self.ids:
            self.edges.append(SceneEdge(tail=self.ids[tail], head=self.ids[head],
                                        tail_port=tail_port, head_port=head_port,
                                        confidence=confidence, sources=sources, links=[],
                                        air=air))  # fmt: skip


def _sites_of(inv: Inventory) -> dict[str, str | None]:
    """Each device's site: its own, else the one most of its subnets are in (a router serving
    the city hall's subnets and the police annex's sits with the city hall); the first wins a
    tie."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for subnet in inv.subnets:
        for dev in subnet.devices:
            if subnet.site:
                seen[dev][subnet.site] += 1
    return {d.id: d.site or (seen[d.id].most_common(1)[0][0] if seen[d.id] else None)
            for d in inv.devices}  # fmt: skip


def _attachment(parent: str, link: Link, far: str | None = None, air: bool = False) -> _Attach:
    """`parent`'s end of `link` (its port) and the other end's port."""
    parent_end = far or parent
    ports = (link.a_port, link.b_port) if link.a == parent_end else (link.b_port, link.a_port)
    return _Attach(parent, *ports, link.confidence, [link.source.value], air)


_PORT = re.compile(r"^(.*?)(\d+)$")


def port_span(ports: list[str]) -> str:
    """'ge3-ge5, ge9, Gi1/0/2' for a list of port names: runs of one prefix collapse."""
    runs: list[tuple[str, int, int]] = []
    other: list[str] = []
    for port in sorted(set(ports), key=_port_key):
        match = _PORT.match(port)
        if not match:
            other.append(port)
            continue
        prefix, number = match.group(1), int(match.group(2))
        if runs and runs[-1][0] == prefix and runs[-1][2] == number - 1:
            runs[-1] = (prefix, runs[-1][1], number)
        else:
            runs.append((prefix, number, number))
    text = [f"{p}{a}" if a == b else f"{p}{a}–{p}{b}" for p, a, b in runs]
    return ", ".join(text + other)


def _port_key(port: str) -> tuple[str, int, str]:
    match = _PORT.match(port)
    return (match.group(1), int(match.group(2)), port) if match else (port, -1, port)
