"""An editable draw.io / diagrams.net file (.drawio): every device and every link.

mxfile > diagram (the pages of diagram.editable_pages: network, logical and physical views) >
mxGraphModel > root > cells. Site/zone/subnet boxes are container cells; devices use
draw.io's built-in Cisco shapes, wrapped in <object> so their inventory facts show in
draw.io's "Edit Data" dialog. Positions come from Graphviz (layout.py).

Labels are plain text (html=0 on every cell): draw.io then never interprets a device's
name as markup, and ElementTree escapes it for XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from netmap.model import Device, DeviceType, Inventory, LinkConfidence
from netmap.render.diagram import EditablePage, editable_layouts
from netmap.render.layout import Layout, Point, Rect
from netmap.render.sanitize import clean
from netmap.render.scene import AIR_LINK, AIR_LINK_COLOUR, BADGE_COLORS, Scene, SceneNode
from netmap.render.spots import CHAR_EM, Box, Centred, Sizes, Spots, along_middle, clip

_CISCO = "fillColor=#036897;strokeColor=#ffffff;strokeWidth=2;"
# (style, width, height) per node kind/type: draw.io's built-in stencils.
SHAPES: dict[str, tuple[str, float, float]] = {
    "internet": (
        "shape=mxgraph.cisco.storage.cloud;fillColor=#ffffff;strokeColor=#036897;",
        90,
        55,
    ),
    "subnet": ("rounded=1;dashed=1;fillColor=#ffffff;strokeColor=#9AA5AF;", 90, 36),
    "remote": ("shape=mxgraph.cisco.buildings.generic_building;" + _CISCO, 34, 56),
    DeviceType.ROUTER: ("shape=mxgraph.cisco.routers.router;" + _CISCO, 50, 34),
    DeviceType.FIREWALL: ("shape=mxgraph.cisco.security.firewall;" + _CISCO, 32, 56),
    DeviceType.SWITCH: ("shape=mxgraph.cisco.switches.workgroup_switch;" + _CISCO, 64, 32),
    DeviceType.WIRELESS_AP: ("shape=mxgraph.cisco.misc.access_point;" + _CISCO, 50, 26),
    DeviceType.WIRELESS_CONTROLLER: ("shape=mxgraph.cisco.wireless.wlan_controller;" + _CISCO, 50, 34),
    DeviceType.WIRELESS_BRIDGE: ("shape=mxgraph.cisco.wireless.wireless_bridge;" + _CISCO, 50, 40),
    DeviceType.SERVER: ("shape=mxgraph.cisco.servers.fileserver;" + _CISCO, 43, 56),
    DeviceType.WORKSTATION: ("shape=mxgraph.cisco.computers_and_peripherals.pc;" + _CISCO, 50, 44),
    DeviceType.PHONE: ("shape=mxgraph.cisco.modems_and_phones.ip_phone;" + _CISCO, 50, 34),
    DeviceType.PBX: ("shape=mxgraph.cisco.switches.pbx_switch;" + _CISCO, 64, 32),
    DeviceType.PRINTER: ("shape=mxgraph.cisco.computers_and_peripherals.printer;" + _CISCO, 60, 32),
    DeviceType.UPS: ("shape=mxgraph.cisco.misc.ups;" + _CISCO, 34, 54),
    DeviceType.PDU: ("shape=mxgraph.rack.dell.power_strip;strokeColor=#666666;", 100, 16),
    DeviceType.NAS: ("shape=mxgraph.cisco.servers.storage_server;" + _CISCO, 46, 56),
    DeviceType.BACKUP: ("shape=mxgraph.cisco.storage.tape_array;" + _CISCO, 60, 40),
    DeviceType.CAMERA: (
        "shape=mxgraph.cisco.computers_and_peripherals.video_camera;" + _CISCO,
        50,
        36,
    ),
    DeviceType.OTHER: ("shape=mxgraph.cisco.misc.general_appliance;" + _CISCO, 56, 34),
    DeviceType.UNKNOWN: ("rounded=1;fillColor=#f5f5f5;strokeColor=#666666;dashed=1;", 50, 36),
}
_LABEL_FONT = 10  # a device's name and details
_LABEL = (
    "html=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;"
    f"fontSize={_LABEL_FONT};"
)
_BOXES = {
    "site": "rounded=1;arcSize=2;fillColor=#F4F6F8;strokeColor=#7F8C8D;",
    "zone": "rounded=1;arcSize=2;fillColor=#FFFFFF;strokeColor=#A4B0BE;dashed=1;",
    "subnet": "rounded=1;arcSize=2;fillColor=#EAF3FB;strokeColor=#B8CCE0;",
}
_BOX_FONT = {"site": 14, "zone": 12, "subnet": 11}  # a box's title, bold, top left
_BOX_TITLE_LEFT = 8  # the title's distance from the box's left edge
_BOX_COMMON = (
    "html=0;container=1;collapsible=0;verticalAlign=top;align=left;"
    f"spacingLeft={_BOX_TITLE_LEFT};fontStyle=1;"
)
EDGE_STYLES: dict[LinkConfidence, str] = {
    LinkConfidence.CONFIRMED: "strokeWidth=3;strokeColor=#2D3436;",
    LinkConfidence.ONE_SIDED: "strokeWidth=1.5;strokeColor=#4A5A6A;",
    LinkConfidence.INFERRED: "strokeWidth=1.5;strokeColor=#4A5A6A;dashed=1;dashPattern=8 4;",
    LinkConfidence.UNPLACED: "strokeWidth=1.5;strokeColor=#9AA5AF;dashed=1;dashPattern=1 3;",
}
_EDGE_COMMON = "html=0;endArrow=none;startArrow=none;rounded=0;"
_PORT_LABEL = (
    "edgeLabel;html=0;fontSize=9;fontColor=#636E72;labelBackgroundColor=#ffffff;resizable=0;"
)
# draw.io places a label where its geometry says and no other: netmap chooses the spots (as for
# Visio) in pixels, for 9 px text, the first 16 px along the line from its end and 7 px off it
SIZES = Sizes(font=9, height=12, along=16, side=7, grid=72, pad=4,
              steps=(1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18))
LEGEND = (
    "Legend - links: thick solid = confirmed (both ends report it, LLDP/CDP); "
    "thin solid = one-sided (one end reports it); dashed = inferred (switch/ARP tables); "
    "dotted grey = unplaced (subnet known, port unknown). "
    "Port names sit at each end of a link. Right-click a device > Edit Data for its details."
)


_STYLE_WORDS = {LinkConfidence.CONFIRMED: "thick solid", LinkConfidence.ONE_SIDED: "thin solid",
                LinkConfidence.INFERRED: "dashed", LinkConfidence.UNPLACED: "dotted grey"}


def legend_text(scene: Scene) -> str:
    """The page's own legend: a logical page's lines mean "routed" and "member", not the
    cabling's evidence."""
    if not scene.link_legend:
        return LEGEND
    links = "; ".join(f"{_STYLE_WORDS[c]} = {text}" for c, text in scene.link_legend.items())
    return f"Legend - links: {links}. {scene.legend_note or ''}".strip()


def render_drawio(inv: Inventory, path: Path, pages: list[EditablePage] | None = None) -> Path:
    """Write `path` (.drawio) with the pages of :func:`editable_layouts` (given, when the Visio
    file shares them): the whole network, the logical view, and per site its map, logical and
    physical views."""
    mxfile = ET.Element("mxfile", host="netmap", type="device", compressed="false")
    devices = {d.id: d for d in inv.devices}
    for page_no, (name, scene, layout) in enumerate(pages or editable_layouts(inv)):
        diagram = _el(mxfile, "diagram", id=f"page-{page_no}", name=clean(name, max_len=60))
        diagram.append(graph_model(scene, layout, devices, inv))
    ET.indent(mxfile)
    path.write_bytes(ET.tostring(mxfile, encoding="utf-8", xml_declaration=True))
    return path


def graph_model(
    scene: Scene, layout: Layout, devices: dict[str, Device], inv: Inventory
) -> ET.Element:
    margin = 40.0
    model = ET.Element(
        "mxGraphModel",
        dx="1200",
        dy="800",
        grid="1",
        gridSize="10",
        guides="1",
        tooltips="1",
        connect="1",
        arrows="1",
        fold="1",
        page="1",
        pageScale="1",
        pageWidth=f"{layout.width + 2 * margin:.0f}",
        pageHeight=f"{layout.height + 2 * margin + 60:.0f}",
        math="0",
        shadow="0",
    )
    root = _el(model, "root")
    _el(root, "mxCell", id="0")
    _el(root, "mxCell", id="1", parent="0")
    origin = Rect(-margin, -margin - 60, 0, 0)  # page offset: leaves room for the title
    _text(
        root,
        "title",
        clean(scene.title, max_len=120),
        Rect(0, 10, 900, 24),
        "fontSize=16;fontStyle=1;",
    )
    _text(root, "legend", legend_text(scene), Rect(0, 36, 1100, 20),
          "fontSize=10;fontColor=#636E72;")
    absolute = {cid: layout.clusters.get(cid, Rect(0, 0, 200, 100)) for cid in scene.clusters}
    taken: list[Box] = []  # what port names must not cover: titles, icons, devices' text
    for cid in _outer_first(scene):
        c = scene.clusters[cid]
        parent_rect = absolute[c.parent] if c.parent else origin
        prefix = {"site": "Site: ", "zone": "Zone: ", "subnet": ""}[c.kind]
        title = clean(prefix + c.label, max_len=80)
        cell = _el(
            root,
            "mxCell",
            id=cid,
            value=title,
            style=_BOX_COMMON + _BOXES[c.kind] + f"fontSize={_BOX_FONT[c.kind]};",
            vertex="1",
            parent=c.parent or "1",
        )
        _geometry(cell, _relative(absolute[cid], parent_rect))
        r, size = absolute[cid], _BOX_FONT[c.kind]
        left = r.x + _BOX_TITLE_LEFT
        taken.append((left, r.y, left + 1.1 * len(title) * CHAR_EM * size, r.y + 1.4 * size))
    icons: dict[str, Rect] = {}
    for node in scene.nodes.values():
        box = layout.nodes.get(node.id, Rect(0, 0, 110, 86))
        parent_rect = absolute[node.cluster] if node.cluster else origin
        icons[node.id], text = _node(root, node, box, parent_rect, devices)
        taken += [_box(icons[node.id]), text]
    _links(root, scene, inv, icons, Spots(SIZES, taken))
    return model


def _links(root: ET.Element, scene: Scene, inv: Inventory, icons: dict[str, Rect],
           spots: Spots) -> None:  # fmt: skip
    """The links, each with its port names at its ends and "air link" by its middle, where
    `spots` finds room. draw.io draws a link with no waypoints straight between its ends'
    outlines, aimed at their centres, so that is where netmap looks."""
    drawn = [(e, p) for e, p in zip(scene.edges, scene.port_labels(), strict=True)
             if not e.layout_only]  # fmt: skip
    for n, (edge, (tail_port, head_port)) in enumerate(drawn):
        links = [inv.links[i] for i in edge.links]
        air = scene.over_air(edge)
        obj = _el(
            root,
            "object",
            id=f"e{n}",
            label=AIR_LINK if air else "",
            link_source=",".join(edge.sources),
            confidence=edge.confidence.value,
            a_port=clean(edge.tail_port),
            b_port=clean(edge.head_port),
            evidence=clean("; ".join(x for lk in links for x in lk.evidence), max_len=500),
        )
        cell = _el(
            obj,
            "mxCell",
            style=_EDGE_COMMON + EDGE_STYLES[edge.confidence]
            + (f"fontSize=9;fontColor={AIR_LINK_COLOUR};" if air else ""),
            edge="1",
            parent="1",
            source=edge.tail,
            target=edge.head,
        )
        geometry = _el(cell, "mxGeometry", relative="1", as_="geometry")
        line = clip(_centred(icons[edge.tail]), _centred(icons[edge.head]), [])
        for suffix, port, way in (("t", tail_port, line), ("h", head_port, line[::-1])):
            if port:
                text = clean(port, max_len=30)
                label = _el(
                    root,
                    "mxCell",
                    id=f"e{n}{suffix}",
                    value=text,
                    style=_PORT_LABEL,
                    vertex="1",
                    connectable="0",
                    parent=f"e{n}",
                )
                at = spots.place(way, text)
                _on_line(_el(label, "mxGeometry", relative="1", as_="geometry"), line, at)
        if air:
            _on_line(geometry, line, spots.best(along_middle(line, SIZES), AIR_LINK))


def _on_line(geometry: ET.Element, line: list[Point], at: Point) -> None:
    """Where draw.io puts a label on a link: a share of the way along it (x: -1 at its source,
    1 at its target) plus an offset in pixels. The share is that of the point of the line
    nearest `at`, so that the label keeps to its end of the link when a device is moved."""
    (ax, ay), (bx, by) = line
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = min(1.0, max(0.0, ((at[0] - ax) * dx + (at[1] - ay) * dy) / length2)) if length2 else 0.5
    geometry.set("x", f"{2 * t - 1:.4f}")
    _el(geometry, "mxPoint", x=f"{at[0] - ax - t * dx:.1f}", y=f"{at[1] - ay - t * dy:.1f}",
        as_="offset")  # fmt: skip


def _box(r: Rect) -> Box:
    return r.x, r.y, r.x + r.w, r.y + r.h


def _centred(r: Rect) -> Centred:
    return r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2


def _el(parent_el: ET.Element, tag: str, /, **attrs: str) -> ET.Element:
    """SubElement taking attributes as keywords, including draw.io's 'parent' and 'as'."""
    return ET.SubElement(parent_el, tag, {k.rstrip("_"): v for k, v in attrs.items()})


def _outer_first(scene: Scene) -> list[str]:
    order: list[str] = []

    def walk(parent: str | None) -> None:
        for c in scene.children(parent):
            order.append(c.id)
            walk(c.id)

    walk(None)
    return order


def _relative(rect: Rect, parent: Rect) -> Rect:
    return Rect(rect.x - parent.x, rect.y - parent.y, rect.w, rect.h)


def _geometry(cell: ET.Element, r: Rect) -> None:
    _el(
        cell,
        "mxGeometry",
        x=f"{r.x:.1f}",
        y=f"{r.y:.1f}",
        width=f"{r.w:.1f}",
        height=f"{r.h:.1f}",
        as_="geometry",
    )


def _text(root: ET.Element, cid: str, text: str, r: Rect, style: str) -> None:
    cell = _el(
        root,
        "mxCell",
        id=cid,
        value=text,
        vertex="1",
        parent="1",
        style="text;html=0;align=left;verticalAlign=middle;" + style,
    )
    _geometry(cell, r)


def _node(
    root: ET.Element, node: SceneNode, box: Rect, parent: Rect, devices: dict[str, Device]
) -> tuple[Rect, Box]:
    """The node's cell; returns its shape's rectangle and its text's extent, on the page."""
    key: str | DeviceType = (
        node.kind
        if node.kind in ("internet", "subnet", "remote")
        else (node.type or DeviceType.UNKNOWN)
    )
    shape, w, h = SHAPES[key]
    # The layout box holds shape + label: put the shape at its top centre.
    rect = Rect(box.x + (box.w - w) / 2, box.y + 4, w, h)
    lines = [node.title, *node.lines[:2], *(f"[{b}]" for b in node.badges)]
    label = clean("\n".join(lines), max_len=300, newlines=True)
    style = shape + _LABEL
    if node.badges:
        style += f"fontStyle=1;fontColor={BADGE_COLORS[node.badges[0]]};"
    attrs = {"id": node.id, "label": label}
    device = devices.get(node.devices[0]) if node.kind == "device" else None
    if device is not None:
        attrs |= _device_data(device)
    else:  # Internet, subnet or other-site stub: its inventory id (subnet:<cidr>, internet)
        attrs["netmap_id"] = clean(node.key, max_len=120)
    obj = _el(root, "object", **attrs)
    cell = _el(obj, "mxCell", style=style, vertex="1", parent=node.cluster or "1")
    _geometry(cell, _relative(rect, parent))
    # its text, below the shape: the longest line wide, centred, a line per row
    rows = label.split("\n")
    half = max(map(len, rows)) * CHAR_EM * _LABEL_FONT / 2
    centre, top = rect.x + rect.w / 2, rect.y + rect.h + 2
    return rect, (centre - half, top, centre + half, top + 1.2 * _LABEL_FONT * len(rows))


def _device_data(d: Device) -> dict[str, str]:
    """Inventory facts shown in draw.io's Edit Data dialog (attribute names are ours)."""
    return {
        "netmap_id": clean(d.id, max_len=120),
        "device_type": d.type.value,
        "addresses": clean(", ".join(d.addresses), max_len=300),
        "dns_name": clean(d.dns_name, max_len=255),
        "windows_domain": clean(d.windows_domain, max_len=64),
        "windows_dns_domain": clean(d.windows_dns_domain, max_len=255),
        "macs": clean(", ".join(d.macs), max_len=300),
        "vendor": clean(d.vendor, max_len=120),
        "model": clean(d.model, max_len=120),
        "serial": clean(d.serial, max_len=120),
        "os": clean(d.os, max_len=200),
        "roles": ", ".join(r.value for r in d.roles),
        "site": clean(d.site, max_len=120),
        "zone": clean(d.zone, max_len=120),
        "confidence": f"{d.confidence:.2f}",
    }
