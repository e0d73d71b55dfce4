"""The network schematic: `diagrams` + Graphviz -> SVG, PNG and PDF.

Layout: Internet on top, then router/firewall, switches, and hosts under their switch
(edges always point downstream, see scene.py). Boxes group site > zone > subnet. Each
node is a Graphviz HTML-like label holding the type icon, name, address and model, and
coloured badges for e-mail, telephony and backup systems; every text in it is escaped
(sanitize.dot_html), so device-supplied names are never markup. Links are styled by
evidence; a legend explains the styles. Many same-type end hosts on one switch fold into
one counted node. Graphviz lays out once per page and writes all formats in one run; the
SVG then gets its icons inlined (one <symbol> per icon) so it is self-contained.
"""

from __future__ import annotations

import base64
import re
import struct
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diagrams
from diagrams import Cluster, Diagram, Edge, Node
from diagrams.generic.network import Firewall, Router, Subnet
from diagrams.onprem.client import Client
from diagrams.onprem.compute import Server
from diagrams.onprem.network import CiscoRouter, CiscoSwitchL2, Internet

from netmap.model import DeviceType, Inventory, LinkConfidence
from netmap.render.labels import spread_port_labels
from netmap.render.layout import Layout, draw_laid_out, layout_scene, run_dot
from netmap.render.logical import build_logical_scene
from netmap.render.physical import physical_scenes
from netmap.render.sanitize import dot_html, safe_filename
from netmap.render.scene import (
    AIR_LINK,
    AIR_LINK_COLOUR,
    BADGE_COLORS,
    INFRA,
    LINE_MAX,
    Badge,
    Scene,
    SceneCluster,
    SceneEdge,
    SceneNode,
    build_scene,
    sites,
)

ICON_DIR = Path(__file__).resolve().parent / "icons"
DIAGRAM_FORMATS = ("svg", "png", "pdf")
COLLAPSE_OVER = 6  # more same-type end hosts than this on one switch become one node
STAGGER = 3  # leaf rows per fan (unflatten -l)
FONT = "DejaVu Sans,Sans-Serif"
INK = "#2D3436"
MUTED = "#636E72"

_TITLE_MAX = 28


def _diagrams_icon(cls: Any) -> Path:
    """Absolute path of a `diagrams` node class's icon (the package resolves it the same way)."""
    return Path(diagrams.__file__).resolve().parent.parent / str(cls._icon_dir) / str(cls._icon)


def _icon_paths() -> dict[str, Path]:
    own = {
        t: ICON_DIR / f"{t}.png"
        for t in (
            "printer", "phone", "pbx", "ups", "pdu", "nas", "backup", "camera", "unknown", "other",
            "wireless_controller", "wireless_bridge",
        )
    }
    return {
        "internet": _diagrams_icon(Internet),
        DeviceType.ROUTER.value: _diagrams_icon(CiscoRouter),
        DeviceType.FIREWALL.value: _diagrams_icon(Firewall),
        DeviceType.SWITCH.value: _diagrams_icon(CiscoSwitchL2),
        DeviceType.WIRELESS_AP.value: _diagrams_icon(Router),  # diagrams' "router" is a Wi-Fi box
        DeviceType.SERVER.value: _diagrams_icon(Server),
        DeviceType.WORKSTATION.value: _diagrams_icon(Client),
        "subnet": _diagrams_icon(Subnet),
        "remote": ICON_DIR / "site.png",
        **own,
    }


ICONS = _icon_paths()

# Link style by evidence: (style, colour, penwidth, legend text)
EDGE_STYLES: dict[LinkConfidence, tuple[str, str, str, str]] = {
    LinkConfidence.CONFIRMED: (
        "solid",
        "#2D3436",
        "2.6",
        "confirmed: both ends report it (LLDP/CDP)",
    ),
    LinkConfidence.ONE_SIDED: ("solid", "#4A5A6A", "1.3", "one-sided: one end reports it"),
    LinkConfidence.INFERRED: ("dashed", "#4A5A6A", "1.3", "inferred: from switch/ARP tables"),
    LinkConfidence.UNPLACED: ("dotted", "#9AA5AF", "1.3", "unplaced: subnet known, port unknown"),
}
CLUSTER_STYLES: dict[str, dict[str, str]] = {
    "site": {"bgcolor": "#F4F6F8", "pencolor": "#7F8C8D", "style": "rounded", "penwidth": "1.6"},
    "zone": {"bgcolor": "#FFFFFF", "pencolor": "#A4B0BE", "style": "rounded,dashed"},
    "subnet": {"bgcolor": "#EAF3FB", "pencolor": "#B8CCE0", "style": "rounded"},
}


@dataclass
class Page:
    stem: str
    scene: Scene


def render_diagram(
    inv: Inventory,
    out_dir: Path,
    *,
    stem: str = "network",
    formats: tuple[str, ...] = DIAGRAM_FORMATS,
    collapse_over: int | None = COLLAPSE_OVER,
) -> list[Path]:
    """Write the schematic (all sites) and, for multi-site networks, one page per site."""
    written: list[Path] = []
    for page in pages(inv, stem=stem, collapse_over=collapse_over):
        written += render_scene(page.scene, out_dir / page.stem, formats)
    return written


def pages(inv: Inventory, *, stem: str, collapse_over: int | None) -> list[Page]:
    when = inv.scanned_at.strftime("%Y-%m-%d %H:%M UTC")
    title = f"Network diagram - scan {inv.scan_id} - {when}"
    out = [
        Page(stem, build_scene(inv, collapse_over=collapse_over, merge_parallel=True, title=title))
    ]
    out.append(Page(f"{stem}-logical", build_logical_scene(
        inv, title=f"Logical view - subnets, gateways and key systems - scan {inv.scan_id} - {when}")))
    named = sites(inv)
    if len(named) > 1:
        for i, site in enumerate(named):
            scene = build_scene(
                inv, collapse_over=collapse_over, merge_parallel=True, site=site, title=title
            )
            out.append(Page(f"{stem}-site{i + 1}-{safe_filename(site, default='site')}", scene))
    for name, scenes in physical_pages(inv):
        for k, scene in enumerate(scenes, 1):
            out.append(Page(f"{stem}-physical{name}" + (f"-p{k}" if len(scenes) > 1 else ""),
                            scene))
    return out


def physical_pages(inv: Inventory) -> list[tuple[str, list[Scene]]]:
    """(file-name part, pages) of the physical view: one entry per site (the whole network
    when it names none), split into an overview and continuation pages where one page would
    not print readably on A3."""
    from netmap.render.crossings import READABLE_SCALE, page_quality

    when = inv.scanned_at.strftime("%Y-%m-%d %H:%M UTC")
    named: list[str | None] = [*sites(inv)] or [None]
    out: list[tuple[str, list[Scene]]] = []
    for i, site in enumerate(named):
        title = f"Physical view - {site or 'the network'} - scan {inv.scan_id} - {when}"
        scenes = physical_scenes(inv, site, title, inv.diagram.single_up_to,
                                 score=lambda s: page_quality(s).scale("A3"),
                                 enough=READABLE_SCALE)  # fmt: skip
        part = f"-site{i + 1}-{safe_filename(site, default='site')}" if site else ""
        out.append((part, scenes))
    return out


def editable_pages(inv: Inventory) -> list[tuple[str, Scene]]:
    """(page name, scene) of the editable exports (draw.io, Visio), in order: the whole
    network, the city's logical view, then for each site its map and logical view (where there
    are several sites) and its physical view, on as many pages as it takes to print."""
    out = [("All sites", build_scene(inv, title=f"Network - scan {inv.scan_id}")),
           ("Logical view", build_logical_scene(inv, title=f"Logical view - scan {inv.scan_id}"))]
    named: list[str | None] = [*sites(inv)]
    physical = physical_pages(inv)
    for site, (_part, scenes) in zip(named or [None], physical, strict=True):
        if site is not None and len(named) > 1:
            # build_scene names the site after the title
            out.append((site, build_scene(inv, site=site, title=f"Network - scan {inv.scan_id}")))
            out.append((f"Logical - {site}", build_logical_scene(
                inv, title=f"Logical view - {site} - scan {inv.scan_id}", site=site)))
        where = site or "the network"
        out += [(f"Physical - {where}" + (f" ({k} of {len(scenes)})" if len(scenes) > 1 else ""),
                 scene) for k, scene in enumerate(scenes, 1)]  # fmt: skip
    return out


EditablePage = tuple[str, Scene, Layout]  # page name, scene, its Graphviz layout


def editable_layouts(inv: Inventory) -> list[EditablePage]:
    """:func:`editable_pages`, each laid out once, for every editable format to share."""
    return [(name, scene, layout_scene(scene)) for name, scene in editable_pages(inv)]


def render_scene(
    scene: Scene, base: Path, formats: tuple[str, ...] = DIAGRAM_FORMATS
) -> list[Path]:
    """Lay out `scene` once and write base.<fmt> for each format."""
    source = dot_source(scene)
    outputs = [base.parent / f"{base.name}.{fmt}" for fmt in formats]  # names may hold dots
    args: list[str] = []
    for fmt, path in zip(formats, outputs, strict=True):
        args += [f"-T{_graphviz_format(fmt)}", f"-o{path}"]
    base.parent.mkdir(parents=True, exist_ok=True)
    # laid out once, port names spread where Graphviz stacked them, then drawn as laid out
    layout = run_dot(source, ["-Tdot"], stagger=STAGGER).decode("utf-8")
    draw_laid_out(spread_port_labels(layout), args)
    for path in outputs:
        if path.suffix == ".svg":
            path.write_text(inline_svg_images(path.read_text("utf-8")), "utf-8")
    return outputs


def _graphviz_format(fmt: str) -> str:
    return {"png": "png:cairo", "pdf": "pdf:cairo", "svg": "svg"}.get(fmt, fmt)


# ---------------------------------------------------------------------------------------------
# Scene -> diagrams objects -> DOT
# ---------------------------------------------------------------------------------------------


class _Diagram(Diagram):  # type: ignore[misc]
    """A `diagrams` Diagram that only builds the graph; netmap runs Graphviz itself
    (one layout for all formats, with a timeout) instead of rendering on exit."""

    def __exit__(self, *exc: object) -> None:
        diagrams.setdiagram(None)


class _Box(Cluster):  # type: ignore[misc]
    """A cluster whose DOT name is our id, not its label (labels are not unique)."""

    def __init__(self, cid: str, label: str, graph_attr: dict[str, str]) -> None:
        super().__init__(label=label, direction="TB", graph_attr=graph_attr)
        self.dot.name = f"cluster_{cid}"


class _LabelNode(Node):  # type: ignore[misc]
    """A node drawn entirely by its HTML-like label (icon included)."""

    _icon = None


def dot_source(scene: Scene) -> str:
    graph_attr = {
        "splines": scene.splines,
        "newrank": "true",
        "nodesep": "0.35",
        "ranksep": "0.75",
        "pad": "0.4",
        "fontname": FONT,
        "fontsize": "20",
        "fontcolor": INK,
        "labelloc": "t",
        "labeljust": "l",
        "compound": "true",
        "outputorder": "edgesfirst",
        "bgcolor": "white",
    }
    node_attr = {
        "shape": "plain",
        "fixedsize": "false",
        "width": "0",
        "height": "0",
        "fontname": FONT,
        "fontcolor": INK,
    }
    edge_attr = {"fontname": FONT, "fontsize": "9", "fontcolor": MUTED, "arrowhead": "none"}
    title = f"<<B>{dot_html(scene.title)}</B>>"
    with _Diagram(
        name="",
        filename="network",
        direction=scene.direction,
        show=False,
        outformat="svg",
        graph_attr=graph_attr,
        node_attr=node_attr,
        edge_attr=edge_attr,
    ) as d:
        d.dot.graph_attr["label"] = title
        made: dict[str, Any] = {}
        for cluster in scene.children(None):
            _emit_cluster(scene, cluster, made)
        for node in scene.members(None):
            made[node.id] = _emit_node(node)
        sent: Counter[str] = Counter()  # infrastructure links per tail, for label sides
        for edge, ports in zip(scene.edges, scene.port_labels(), strict=True):
            _emit_edge(scene, edge, ports, made, sent)
        _emit_legend(scene)
        if not any(n.kind == "device" or n.kind == "group" for n in scene.nodes.values()):
            _LabelNode("<<I>No devices were found in this scan.</I>>", nodeid="empty_note")
        internet = [n.id for n in scene.nodes.values() if n.kind == "internet"]
        if internet:
            d.dot.body.append(f"\t{{rank=min; {internet[0]}}}\n")
        return str(d.dot)


def _emit_cluster(scene: Scene, cluster: SceneCluster, made: dict[str, Any]) -> None:
    size = {"site": 16, "zone": 13, "subnet": 12}[cluster.kind]
    prefix = {"site": "Site: ", "zone": "Zone: ", "subnet": ""}[cluster.kind]
    label = (
        f'<<FONT POINT-SIZE="{size}"><B>{dot_html(prefix + cluster.label, max_len=60)}</B></FONT>>'
    )
    attrs = {**CLUSTER_STYLES[cluster.kind], "fontname": FONT, "fontcolor": INK, "margin": "12"}
    with _Box(cluster.id, label, attrs):
        for child in scene.children(cluster.id):
            _emit_cluster(scene, child, made)
        for parent, members in _by_parent(scene, scene.members(cluster.id)):
            if parent is None or len(members) < 2:
                for node in members:
                    made[node.id] = _emit_node(node)
                continue
            # An invisible box per switch keeps its hosts side by side inside the subnet
            # box, so links from several switches do not braid across it.
            invisible = {"peripheries": "0", "margin": "4", "bgcolor": attrs["bgcolor"]}
            with _Box(f"{cluster.id}_{parent}", "", invisible):
                for node in members:
                    made[node.id] = _emit_node(node)


def _by_parent(scene: Scene, nodes: list[SceneNode]) -> list[tuple[str | None, list[SceneNode]]]:
    """Leaf nodes grouped by the node above them (None: not a leaf, or no parent)."""
    above = {e.head: e.tail for e in scene.edges if e.constraint}
    groups: dict[str | None, list[SceneNode]] = {}
    for node in nodes:
        parent = above.get(node.id) if _is_leaf(scene, node) else None
        groups.setdefault(parent, []).append(node)
    return list(groups.items())


def icon_key(node: SceneNode) -> str:
    """The node's key in ICONS: its kind (internet, subnet, remote) or its device type."""
    if node.kind in ("internet", "subnet", "remote"):
        return node.kind
    key = node.type.value if node.type is not None else "unknown"
    return key if key in ICONS else "unknown"


def _title_html(title: str) -> str:
    """A title longer than _TITLE_MAX breaks before a bracket that fits ("unmanaged switch" /
    "(sw-access ge4)"), else at its last space that fits; only a second line too long, or a
    word with no space, is cut."""
    text = " ".join(title.split())
    cut = text.rfind(" (", 0, _TITLE_MAX + 1)
    cut = cut if cut > 0 else text.rfind(" ", 0, _TITLE_MAX + 1)
    if len(text) <= _TITLE_MAX or cut <= 0:
        return dot_html(text, max_len=_TITLE_MAX)
    first, rest = text[:cut], text[cut + 1:]
    return f"{dot_html(first)}<BR/>{dot_html(rest, max_len=_TITLE_MAX)}"


def node_label(node: SceneNode) -> str:
    """The HTML-like label: icon, bold title, muted detail lines, badges."""
    icon = ICONS[icon_key(node)]
    size = 34 if node.kind == "subnet" else 56
    rows = [
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{size}" HEIGHT="{size}">'
        f'<IMG SRC="{dot_html(str(icon))}" SCALE="TRUE"/></TD></TR>',
        f'<TR><TD><FONT POINT-SIZE="11"><B>{_title_html(node.title)}</B></FONT></TD></TR>',
    ]
    for line in node.lines[:3]:
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="9" COLOR="{MUTED}">'
            f"{dot_html(line, max_len=LINE_MAX)}</FONT></TD></TR>"
        )
    if node.badges:
        cells = "".join(
            f'<TD BGCOLOR="{BADGE_COLORS[b]}"><FONT POINT-SIZE="8" COLOR="white"><B> {b} </B></FONT></TD>'
            for b in node.badges
        )
        rows.append(
            f'<TR><TD><TABLE BORDER="0" CELLSPACING="2" CELLPADDING="1"><TR>{cells}</TR></TABLE></TD></TR>'
        )
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'


def _emit_node(node: SceneNode) -> Any:
    attrs: dict[str, str] = {}
    if node.kind == "subnet":
        attrs = {"shape": "box", "style": "rounded,dashed", "color": "#9AA5AF", "margin": "0.08"}
    elif node.kind == "group":
        attrs = {"shape": "box", "style": "rounded", "color": "#B2BEC3", "margin": "0.06"}
    return _LabelNode(node_label(node), nodeid=node.id, **attrs)


def _is_leaf(scene: Scene, node: SceneNode) -> bool:
    """A node at the end of the line: a host or a group, or an access point or switch with
    nothing drawn below it (the lab's two APs on one switch once stacked their port names)."""
    if node.kind in ("group",):
        return True
    if node.kind != "device":
        return False
    return node.type not in INFRA or node.id not in scene.tails()


def _emit_edge(scene: Scene, edge: SceneEdge, ports: tuple[str | None, str | None],
               made: dict[str, Any], sent: Counter[str]) -> None:  # fmt: skip
    """One edge, with the port names `ports` (Scene.port_labels: each shown once)."""
    tail_port, head_port = ports
    if edge.layout_only:
        made[edge.tail] - Edge(style="invis", minlen=str(scene.ranks(edge))) - made[edge.head]
        return
    style, color, width, _ = EDGE_STYLES[edge.confidence]
    attrs = {"style": style, "color": color, "penwidth": width}
    if scene.ranks(edge) > 1:
        attrs["minlen"] = str(scene.ranks(edge))
    if scene.over_air(edge):  # its words in the radios' colour
        attrs["label"] = f'<<font color="{AIR_LINK_COLOUR}">{AIR_LINK}</font>>'
    if _is_leaf(scene, scene.nodes[edge.head]):
        # A fan of host links would pile port names around the switch: name the switch
        # port at the host end instead, where each label has room.
        # (each host's own label: two hosts behind one port both say which)
        if edge.tail_port:
            attrs |= {
                "headlabel": f"<{dot_html(edge.tail_port, max_len=20)}>",
                "labeldistance": "2.2",
                "labelangle": "20",
            }
    else:
        # two links a device sends the same way would stack their port names (rtr1's "ge2"
        # over "ge3"): its links take turns at which side of the line the name sits, and
        # further pairs sit further out along the line
        turn = sent[edge.tail]
        sent[edge.tail] += 1 if tail_port else 0
        side, step = (1 if turn % 2 == 0 else -1), min(turn // 2, 2)
        attrs |= {"labeldistance": str(1.8 + 1.6 * step), "labelangle": str(30 * side)}
        if tail_port:
            attrs["taillabel"] = f"<{dot_html(tail_port, max_len=20)}>"
        if head_port:
            attrs["headlabel"] = f"<{dot_html(head_port, max_len=20)}>"
    if not edge.constraint:
        attrs["constraint"] = "false"
    made[edge.tail] - Edge(**attrs) - made[edge.head]


_LEGEND_LINES = {
    LinkConfidence.CONFIRMED: "\u2501" * 6,  # heavy line
    LinkConfidence.ONE_SIDED: "\u2500" * 6,  # light line
    LinkConfidence.INFERRED: "\u254c" * 6,  # light double dash
    LinkConfidence.UNPLACED: "\u2508" * 6,  # light quadruple dash
}
_BADGE_TEXT = {
    Badge.EMAIL: "e-mail system",
    Badge.TELEPHONY: "telephony (PBX, phones)",
    Badge.BACKUP: "backup system",
    Badge.CRITICAL: "critical: the most urgent SLA tier",
    Badge.SCANNER: "the computer this scan ran from",
}


_PHYSICAL_NOTE = "Port names are shown at the host end of host links."
NOTE_WIDTH = 80  # characters per line of a legend's footnote
# the example is one of the page's own groups, so the note names what the reader sees
GROUP_NOTE = "&quot;{example}&quot;: same-type hosts on one switch, listed in the workbook."


def legend_label(
    badges: list[str], links: dict[LinkConfidence, str] | None = None, note: str | None = None,
    group: str | None = None,
) -> str:
    """One HTML table: a sample of each link style (drawn with box-drawing characters, so
    the legend stays one compact node) and each badge in use. `links` and `note` replace the
    physical map's meanings and footnote on other pages; `group` (the title of a counted group
    of hosts the page draws, "12 workstations") adds the line that explains them."""
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="12"><B>Legend</B></FONT></TD></TR>']
    for conf, (_, color, _, text) in EDGE_STYLES.items():
        if links:
            if conf not in links:
                continue
            text = links[conf]
        head, _, tail = text.partition(": ")
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT COLOR="{color}" POINT-SIZE="12">{_LEGEND_LINES[conf]}</FONT></TD>'
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>{head}</B>: {dot_html(tail)}</FONT></TD></TR>'
        )
    for badge in badges:
        rows.append(
            f'<TR><TD BGCOLOR="{BADGE_COLORS[badge]}"><FONT POINT-SIZE="8" COLOR="white">'
            f'<B>{badge}</B></FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">'
            f"{_BADGE_TEXT[badge]}</FONT></TD></TR>"
        )
    # a long note wraps, so it never widens the legend (and with it the page) past its rows
    footnote = _PHYSICAL_NOTE if note is None else '<BR ALIGN="LEFT"/>'.join(
        dot_html(line) for line in textwrap.wrap(note, NOTE_WIDTH))
    if group:
        footnote += '<BR ALIGN="LEFT"/>' + GROUP_NOTE.format(example=dot_html(group))
    rows.append(
        '<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="#636E72">'
        f'{footnote}<BR ALIGN="LEFT"/></FONT></TD></TR>'
    )
    return (
        '<<TABLE BORDER="1" COLOR="#B2BEC3" STYLE="ROUNDED" CELLBORDER="0" CELLSPACING="2" '
        f'CELLPADDING="3" BGCOLOR="white">{"".join(rows)}</TABLE>>'
    )


def _emit_legend(scene: Scene) -> None:
    badges = sorted({b for n in scene.nodes.values() for b in n.badges})
    group = min((n.title for n in scene.nodes.values() if n.kind == "group"), default=None)
    _LabelNode(legend_label(badges, scene.link_legend, scene.legend_note, group),
               nodeid="legend")


# ---------------------------------------------------------------------------------------------
# SVG: inline the icons
# ---------------------------------------------------------------------------------------------

_IMAGE = re.compile(r"<image\b([^>]*?)\bxlink:href=\"([^\"]*)\"([^>]*)/>")


def inline_svg_images(svg: str) -> str:
    """Replace Graphviz's file-path <image> elements by <use> of one embedded <symbol> per
    icon, so the SVG is self-contained and each icon is stored once. Any image that is not
    one of our icons is dropped rather than left pointing at the file system."""
    by_path = {str(p): key for key, p in ICONS.items()}
    used: dict[str, Path] = {}

    def swap(m: re.Match[str]) -> str:
        attrs = m.group(1) + m.group(3)
        path = m.group(2).replace("&amp;", "&")
        key = by_path.get(path)
        if key is None:
            return ""
        used[key] = ICONS[key]
        geometry = " ".join(re.findall(r'\b(?:x|y|width|height)="[^"]*"', attrs))
        return f'<use xlink:href="#icon-{key}" {geometry}/>'

    body = _IMAGE.sub(swap, svg)
    if not used:
        return body
    symbols = "".join(_symbol(key, path) for key, path in sorted(used.items()))
    defs = f"<defs>{symbols}</defs>"
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + "\n" + defs, body, count=1)


def _symbol(key: str, path: Path) -> str:
    data = path.read_bytes()
    width, height = struct.unpack(">II", data[16:24])  # PNG IHDR
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return (
        f'<symbol id="icon-{key}" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet">'
        f'<image width="{width}" height="{height}" xlink:href="{uri}"/></symbol>'
    )
