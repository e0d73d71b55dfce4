"""A Visio drawing (.vsdx) of the network: boxes, device icons with Shape Data, glued connectors.

The `vsdx` package can only edit an existing drawing, and adding connectors through it
re-opens its template for every link and prints to stdout, so it does not scale to a few
hundred links. netmap therefore uses the package's Visio-made template (vsdx/media/
media.vsdx: styles, the "Dynamic connector" master, document settings) as the OPC package
skeleton and writes the pages itself:

* one rectangle per site/zone/subnet box;
* one shape per device (and per internet, subnet and remote-site node), the shape its links
  glue to and that holds its facts as Visio Shape Data: a picture (Type "Foreign") of the
  device's type icon, the same PNG as the SVG/PNG diagram's (diagram.ICONS), centred in the
  upper part of a white box outlined in the type's colour, with the device's name (bold) and
  details as its text below the icon. Its ForeignData (Bitmap, PNG) links through the page's
  relationships to visio/media/<type>.png, stored once per package, flattened onto white;
* one Dynamic connector per link glued to both ends (Connect elements + _WALKGLUE formulas,
  as Visio writes them), and port names as text-only shapes.

Positions come from Graphviz (layout.py). All text is cleaned, and the pages and their
relationships are written by ElementTree.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import vsdx as vsdx_package
from PIL import Image

from netmap.model import Device, DeviceType, Inventory, LinkConfidence
from netmap.render.diagram import ICONS, EditablePage, editable_layouts, icon_key
from netmap.render.layout import Layout, Point, Rect
from netmap.render.sanitize import clean
from netmap.render.scene import AIR_LINK, AIR_LINK_COLOUR, Scene, SceneNode
from netmap.render.spots import (
    CHAR_EM,
    Box,
    Centred,
    Sizes,
    Spots,
    along_middle,
    clip,
    extent,
)

NS = "http://schemas.microsoft.com/office/visio/2012/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
IMAGE_REL = f"{R_NS}/image"
TEMPLATE = Path(vsdx_package.__file__).resolve().parent / "media" / "media.vsdx"
PAGE_PART = "visio/pages/page1.xml"
CONNECTOR_MASTER = "2"  # ID of "Dynamic connector" in the template's masters.xml
MARGIN_IN = 0.5
LABEL_W_IN, LABEL_H_IN, LABEL_PT = 0.9, 0.16, 6.5
# A port name's first spot is 0.22 in along its line from its end and 0.1 in off it
SIZES = Sizes(font=LABEL_PT / 72, height=LABEL_H_IN, along=0.22, side=0.1, grid=1.0)
BOX_TITLE_PT = 10
# A device box: its icon's height; the share of the box's height below the icon, where its
# text goes (the icon is centred in the rest); the title's and detail lines' sizes, colours.
ICON_IN = 0.36
TEXT_SHARE = 0.6
TITLE_PT, DETAIL_PT = 7.5, 6.5
INK, MUTED = "#2D3436", "#636E72"

# A device box's outline, by node kind or device type (its fill is white, as is the ground
# its icon is flattened onto).
ACCENT: dict[str, str] = {
    "internet": "#7F8C8D",
    "subnet": "#7F8C8D",
    "remote": "#7F8C8D",
    DeviceType.ROUTER: "#036897",
    DeviceType.FIREWALL: "#C0392B",
    DeviceType.SWITCH: "#036897",
    DeviceType.WIRELESS_AP: "#2980B9",
    DeviceType.WIRELESS_CONTROLLER: "#2980B9",
    DeviceType.WIRELESS_BRIDGE: "#2980B9",
    DeviceType.SERVER: "#2D3E50",
    DeviceType.NAS: "#2D3E50",
    DeviceType.BACKUP: "#C62828",
    DeviceType.PBX: "#2E7D32",
    DeviceType.PHONE: "#43A047",
    DeviceType.WORKSTATION: "#636E72",
    DeviceType.PRINTER: "#7F8C8D",
    DeviceType.CAMERA: "#7F8C8D",
    DeviceType.UPS: "#F39C12",
    DeviceType.PDU: "#F39C12",
    DeviceType.OTHER: "#95A5A6",
    DeviceType.UNKNOWN: "#B2BEC3",
}
BOX_FILL = {"site": "#F4F6F8", "zone": "#FFFFFF", "subnet": "#EAF3FB"}
# LinePattern 1 solid, 2 dash, 3 dot; LineWeight in inches.
LINE: dict[LinkConfidence, tuple[str, str, str]] = {
    LinkConfidence.CONFIRMED: ("1", "0.0347", "#2D3436"),
    LinkConfidence.ONE_SIDED: ("1", "0.0139", "#4A5A6A"),
    LinkConfidence.INFERRED: ("2", "0.0139", "#4A5A6A"),
    LinkConfidence.UNPLACED: ("3", "0.0139", "#9AA5AF"),
}


ET.register_namespace("r", R_NS)  # Visio and LibreOffice read the picture's link as r:id


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _cell(
    parent: ET.Element, name: str, value: str, formula: str | None = None, unit: str | None = None
) -> None:
    attrs = {"N": name, "V": value}
    if formula is not None:
        attrs["F"] = formula
    if unit is not None:
        attrs["U"] = unit
    ET.SubElement(parent, _q("Cell"), attrs)


class _Page:
    """Builds PageContents; converts top-left points to Visio inches (origin bottom-left)."""

    def __init__(self, layout: Layout) -> None:
        self.height_in = layout.height / 72 + 2 * MARGIN_IN + 0.6
        self.width_in = layout.width / 72 + 2 * MARGIN_IN
        self.root = ET.Element(_q("PageContents"))
        self.shapes = ET.SubElement(self.root, _q("Shapes"))
        self.connects = ET.Element(_q("Connects"))
        self.next_id = 1
        self.boxes: dict[int, Centred] = {}  # shape id -> (centre x, centre y, half w, half h)
        # icon key -> relationship id of its picture in this page's part; rId1 is the
        # template's link to the connector master
        self.images: dict[str, str] = {}

    def rect(
        self,
        r: Rect,
        text: str,
        fill: str,
        *,
        line: str = "#7F8C8D",
        text_top: bool = False,
        font_pt: float = 8,
        text_color: str = "#2D3436",
        rounding: float = 0.06,
        data: dict[str, tuple[str, str]] | None = None,
    ) -> int:
        sid, shape = self._shape("Shape")
        self._place(shape, sid, r)
        _cell(shape, "FillForegnd", fill)
        _cell(shape, "LineColor", line)
        _cell(shape, "Rounding", f"{rounding:.3f}")
        _cell(shape, "VerticalAlign", "0" if text_top else "1")
        _characters(shape, [(font_pt, text_color, False)])
        if text_top:  # a box's title, at its top left where the layout left room for it
            para = ET.SubElement(ET.SubElement(shape, _q("Section"), N="Paragraph"), _q("Row"),
                                 IX="0")  # fmt: skip
            _cell(para, "HorzAlign", "0")
        if data:
            _shape_data_section(shape, data)
        _rect_geometry(shape)
        ET.SubElement(shape, _q("Text")).text = text
        return sid

    def device(
        self,
        r: Rect,
        icon: str,
        title: str,
        detail: str,
        accent: str,
        data: dict[str, tuple[str, str]] | None = None,
    ) -> int:
        """A device (or internet/subnet/remote node) as one picture shape (Type "Foreign"),
        the shape connectors glue to: a white box outlined in `accent`, the `icon` centred in
        its upper part (ImgOffset/ImgWidth/ImgHeight place the picture inside the shape), the
        title (bold) and the detail lines below it, and the Shape Data.

        One shape, not a group of box, picture and text: a group's own text would have to
        follow its member shapes, and LibreOffice's importer (libvisio) reads no text there."""
        sid, shape = self._shape("Foreign")
        _x, _y, w, h = self._place(shape, sid, r)
        px_w, px_h = _icon_size(icon)
        ih = ICON_IN
        iw = ih * px_w / px_h
        cy = (1 + TEXT_SHARE) / 2  # the icon's centre, as a share of the height
        text_h = h * TEXT_SHARE
        cells: list[tuple[str, float, str]] = [
            ("ImgOffsetX", (w - iw) / 2, "(Width-ImgWidth)*0.5"),
            ("ImgOffsetY", h * cy - ih / 2, f"Height*{cy}-ImgHeight*0.5"),
            ("ImgWidth", iw, ""), ("ImgHeight", ih, ""),
            ("TxtPinX", w / 2, "Width*0.5"), ("TxtPinY", text_h / 2, "TxtHeight*0.5"),
            ("TxtWidth", w, "Width*1"), ("TxtHeight", text_h, f"Height*{TEXT_SHARE}"),
            ("TxtLocPinX", w / 2, "TxtWidth*0.5"), ("TxtLocPinY", text_h / 2, "TxtHeight*0.5"),
        ]  # fmt: skip
        for name, number, formula in cells:
            _cell(shape, name, f"{number:.4f}", formula or None)
        _cell(shape, "FillForegnd", "#FFFFFF")
        _cell(shape, "LineColor", accent)
        _cell(shape, "LineWeight", "0.0139")
        _cell(shape, "Rounding", "0.060")
        _cell(shape, "VerticalAlign", "0")
        _cell(shape, "TopMargin", "0.0139")
        _characters(shape, [(TITLE_PT, INK, True), (DETAIL_PT, MUTED, False)])
        if data:
            _shape_data_section(shape, data)
        _rect_geometry(shape)
        text = ET.SubElement(shape, _q("Text"))
        ET.SubElement(text, _q("cp"), IX="0").tail = title + ("\n" if detail else "")
        if detail:
            ET.SubElement(text, _q("cp"), IX="1").tail = detail
        foreign = ET.SubElement(shape, _q("ForeignData"), ForeignType="Bitmap",
                                CompressionType="PNG")  # fmt: skip
        ET.SubElement(foreign, _q("Rel"), {f"{{{R_NS}}}id": self._image_rel(icon)})
        return sid

    def _shape(self, kind: str) -> tuple[int, ET.Element]:
        """A new top-level shape of Visio type `kind`, in the template's styles."""
        sid = self._new_id()
        shape = ET.SubElement(self.shapes, _q("Shape"), ID=str(sid), Type=kind, LineStyle="3",
                              FillStyle="3", TextStyle="3")  # fmt: skip
        return sid, shape

    def _image_rel(self, icon: str) -> str:
        if icon not in self.images:
            self.images[icon] = f"rId{len(self.images) + 2}"
        return self.images[icon]

    def _place(self, shape: ET.Element, sid: int, r: Rect) -> tuple[float, float, float, float]:
        """The shape's position and size cells for layout rectangle r (points, top-left
        origin); records its box for the connectors. Returns centre and size in inches."""
        w, h = r.w / 72, r.h / 72
        x, y = MARGIN_IN + r.x / 72 + w / 2, self.height_in - MARGIN_IN - 0.6 - r.y / 72 - h / 2
        self.boxes[sid] = (x, y, w / 2, h / 2)
        size: list[tuple[str, float, str | None]] = [
            ("PinX", x, None), ("PinY", y, None), ("Width", w, None), ("Height", h, None),
            ("LocPinX", w / 2, "Width*0.5"), ("LocPinY", h / 2, "Height*0.5"),
        ]  # fmt: skip
        for name, number, formula in size:
            _cell(shape, name, f"{number:.4f}", formula)
        return x, y, w, h

    def point(self, p: Point) -> Point:
        """A layout point (points, top-left origin) in page inches (bottom-left origin)."""
        return MARGIN_IN + p[0] / 72, self.height_in - MARGIN_IN - 0.6 - p[1] / 72

    def connector(self, a: int, b: int, conf: LinkConfidence, route: list[Point]) -> list[Point]:
        """A Dynamic connector glued to shapes a and b (the cells Visio itself writes), whose
        stored geometry runs from a's outline along Graphviz's route to b's outline.

        Visio re-routes glued connectors on open; LibreOffice Draw and other viewers draw the
        stored geometry as it is. Without Geometry and LocPin cells of its own, a connector
        inherits the master's sample elbow (drawn at the master's size, in mid-air), so each
        one writes its own. Returns the path, in page inches."""
        sid = self._new_id()
        path = clip(self.boxes[a], self.boxes[b], route)
        (bx, by), (ex, ey) = path[0], path[-1]
        shape = ET.SubElement(
            self.shapes,
            _q("Shape"),
            ID=str(sid),
            NameU=f"Dynamic connector.{sid}",
            Type="Shape",
            Master=CONNECTOR_MASTER,
        )
        w, h = ex - bx, ey - by
        cells: list[tuple[str, float, str]] = [
            ("PinX", (bx + ex) / 2, "GUARD((BeginX+EndX)/2)"),
            ("PinY", (by + ey) / 2, "GUARD((BeginY+EndY)/2)"),
            ("Width", w, "GUARD(EndX-BeginX)"),
            ("Height", h, "GUARD(EndY-BeginY)"),
            ("LocPinX", w / 2, "GUARD(Width*0.5)"),
            ("LocPinY", h / 2, "GUARD(Height*0.5)"),
            ("BeginX", bx, "_WALKGLUE(BegTrigger,EndTrigger,WalkPreference)"),
            ("BeginY", by, "_WALKGLUE(BegTrigger,EndTrigger,WalkPreference)"),
            ("EndX", ex, "_WALKGLUE(EndTrigger,BegTrigger,WalkPreference)"),
            ("EndY", ey, "_WALKGLUE(EndTrigger,BegTrigger,WalkPreference)"),
        ]
        for name, number, formula in cells:
            _cell(shape, name, f"{number:.4f}", formula)
        _cell(shape, "BegTrigger", "2", f"_XFTRIGGER(Sheet.{a}!EventXFMod)")
        _cell(shape, "EndTrigger", "2", f"_XFTRIGGER(Sheet.{b}!EventXFMod)")
        pattern, weight, color = LINE[conf]
        _cell(shape, "LinePattern", pattern)
        _cell(shape, "LineWeight", weight)
        _cell(shape, "LineColor", color)
        _path_geometry(shape, path)
        for cell_name, part, target in (("BeginX", "9", a), ("EndX", "12", b)):
            ET.SubElement(
                self.connects,
                _q("Connect"),
                FromSheet=str(sid),
                FromCell=cell_name,
                FromPart=part,
                ToSheet=str(target),
                ToCell="PinX",
                ToPart="3",
            )
        return path

    def label(self, at: Point, text: str, color: str = "#2D3436") -> int:
        """A text-only shape (no outline, no fill) centred on `at`: a port name."""
        sid = self._new_id()
        shape = ET.SubElement(
            self.shapes, _q("Shape"), ID=str(sid), Type="Shape", LineStyle="3", FillStyle="3",
            TextStyle="3",
        )  # fmt: skip
        w, h = LABEL_W_IN, LABEL_H_IN
        size = (("PinX", at[0]), ("PinY", at[1]), ("Width", w), ("Height", h),
                ("LocPinX", w / 2), ("LocPinY", h / 2))  # fmt: skip
        for name, number in size:
            _cell(shape, name, f"{number:.4f}")
        chars = ET.SubElement(shape, _q("Section"), N="Character")
        row = ET.SubElement(chars, _q("Row"), IX="0")
        _cell(row, "Size", f"{LABEL_PT / 72:.4f}", unit="PT")
        _cell(row, "Color", color)
        ET.SubElement(shape, _q("Text")).text = text
        return sid

    def _new_id(self) -> int:
        sid = self.next_id
        self.next_id += 1
        return sid

    def xml(self) -> bytes:
        if len(self.connects):
            self.root.append(self.connects)
        return _xml(self.root, NS)

    def rels(self, template: bytes) -> bytes:
        """The page part's relationships: the template's (the connector master) and one
        image relationship per icon the page shows."""
        root = ET.fromstring(template)
        for icon, rid in self.images.items():
            ET.SubElement(root, f"{{{PACKAGE_RELS_NS}}}Relationship", Id=rid, Type=IMAGE_REL,
                          Target=f"../media/{_media_name(icon)}")  # fmt: skip
        return _xml(root, PACKAGE_RELS_NS)


def render_vsdx(inv: Inventory, path: Path, pages: list[EditablePage] | None = None) -> Path:
    """Write `path` (.vsdx) with the pages of :func:`editable_layouts` (the draw.io file's,
    given when it shares them): the whole network, the logical view, and per site its map,
    logical and physical views, one Visio page each."""
    devices = {d.id: d for d in inv.devices}
    drawn = [(clean(name, max_len=60), _draw(scene, layout, devices))
             for name, scene, layout in pages or editable_layouts(inv)]  # fmt: skip
    _write_package(path, drawn)
    return path


def _draw(scene: Scene, layout: Layout, devices: dict[str, Device]) -> _Page:
    page = _Page(layout)
    page.rect(
        Rect(0, -40, 600, 24),
        clean(scene.title, max_len=120),
        "#FFFFFF",
        line="#FFFFFF",
        font_pt=14,
    )
    depth = {cid: _depth(scene, cid) for cid in scene.clusters}
    titles: list[Box] = []  # the boxes' titles, page inches: (left, bottom, right, top)
    for cid in sorted(scene.clusters, key=lambda c: depth[c]):  # outer boxes first (behind)
        c = scene.clusters[cid]
        prefix = {"site": "Site: ", "zone": "Zone: ", "subnet": ""}[c.kind]
        r = layout.clusters.get(cid)
        if r is not None:
            title = clean(prefix + c.label, max_len=80)
            page.rect(r, title, BOX_FILL[c.kind], text_top=True, font_pt=BOX_TITLE_PT,
                      rounding=0.1)  # fmt: skip
            x, y = page.point((r.x, r.y))
            titles.append((x + 0.05, y - 0.24, x + 0.1 + len(title) * CHAR_EM * BOX_TITLE_PT / 72, y))
    ids: dict[str, int] = {}
    for node in scene.nodes.values():
        box = layout.nodes.get(node.id)
        if box is not None:
            ids[node.id] = _device_shape(page, node, box, devices)
    spots = Spots(SIZES, [extent(page.boxes[sid]) for sid in ids.values()] + titles)
    for edge, (tail_port, head_port) in zip(scene.edges, scene.port_labels(), strict=True):
        route = [page.point(p) for p in layout.route(edge.tail, edge.head)]
        if edge.layout_only or edge.tail not in ids or edge.head not in ids:
            continue
        path = page.connector(ids[edge.tail], ids[edge.head], edge.confidence, route)
        for port, way in ((tail_port, path), (head_port, path[::-1])):
            if port:
                text = clean(port, max_len=20)
                page.label(spots.place(way, text), text)
        if scene.over_air(edge):
            page.label(spots.best(along_middle(path, SIZES), AIR_LINK), AIR_LINK, AIR_LINK_COLOUR)
    return page


def _path_geometry(shape: ET.Element, path: list[Point]) -> None:
    """The connector's Geometry section: the path in the shape's own coordinates (origin at
    its begin point). The master's geometry has three rows, so a straight link is written
    begin -> midpoint -> end to override all three."""
    (bx, by), (ex, ey) = path[0], path[-1]
    if len(path) == 2:
        path = [path[0], ((bx + ex) / 2, (by + ey) / 2), path[1]]
    geometry = ET.SubElement(shape, _q("Section"), N="Geometry", IX="0")
    _cell(geometry, "NoFill", "1")
    for ix, (x, y) in enumerate(path, start=1):
        row = ET.SubElement(geometry, _q("Row"), T="MoveTo" if ix == 1 else "LineTo", IX=str(ix))
        _cell(row, "X", f"{x - bx:.4f}")
        _cell(row, "Y", f"{y - by:.4f}")


def _depth(scene: Scene, cid: str) -> int:
    n, parent = 0, scene.clusters[cid].parent
    while parent is not None:
        n, parent = n + 1, scene.clusters[parent].parent
    return n


def _device_shape(page: _Page, node: SceneNode, box: Rect, devices: dict[str, Device]) -> int:
    """The node's shape: its type's icon (as diagram.py chooses it) over its name and details."""
    icon = icon_key(node)  # also its ACCENT key: a kind, or a device type's value
    lines = [*node.lines[:2], *(f"[{b}]" for b in node.badges)]
    r = Rect(box.x + 6, box.y + 4, box.w - 12, box.h - 8)
    data = None
    device = devices.get(node.devices[0]) if node.kind == "device" else None
    if device is not None:
        data = _shape_data(device)
    return page.device(
        r,
        icon,
        clean(node.title, max_len=80),
        clean("\n".join(lines), max_len=220, newlines=True),
        ACCENT.get(icon, "#7F8C8D"),
        data,
    )


def _characters(shape: ET.Element, rows: list[tuple[float, str, bool]]) -> None:
    """The Character section: one row (size in points, colour, bold) per run of text that a
    <cp IX="n"/> in the shape's Text starts (row 0 also before any)."""
    chars = ET.SubElement(shape, _q("Section"), N="Character")
    for ix, (size_pt, color, bold) in enumerate(rows):
        row = ET.SubElement(chars, _q("Row"), IX=str(ix))
        _cell(row, "Size", f"{size_pt / 72:.4f}", unit="PT")
        _cell(row, "Color", color)
        _cell(row, "Style", "1" if bold else "0")


def _shape_data_section(shape: ET.Element, data: dict[str, tuple[str, str]]) -> None:
    props = ET.SubElement(shape, _q("Section"), N="Property")
    for key, (label, value) in data.items():
        row = ET.SubElement(props, _q("Row"), N=key)
        _cell(row, "Value", value, unit="STR")
        _cell(row, "Label", label)
        _cell(row, "Type", "0")


def _rect_geometry(shape: ET.Element) -> None:
    """Geometry: the shape's own rectangle (relative coordinates)."""
    geometry = ET.SubElement(shape, _q("Section"), N="Geometry", IX="0")
    corners = ((0, 0), (1, 0), (1, 1), (0, 1), (0, 0))
    for ix, (gx, gy) in enumerate(corners, start=1):
        row = ET.SubElement(geometry, _q("Row"), T="RelMoveTo" if ix == 1 else "RelLineTo",
                            IX=str(ix))  # fmt: skip
        _cell(row, "X", str(gx))
        _cell(row, "Y", str(gy))


def _xml(root: ET.Element, default_ns: str) -> bytes:
    """The document, its elements in `default_ns` unprefixed (ElementTree's own
    default_namespace option refuses unqualified attribute names, which Visio's are)."""
    ET.register_namespace("", default_ns)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


@cache
def _icon_png(icon: str) -> bytes:
    """The icon's PNG as stored in the drawing: flattened onto white (the device box's fill).
    LibreOffice draws an imported Visio picture over its own default fill and outline, so a
    transparent icon would sit on a blue square there; Visio shows it the same either way."""
    return _opaque_png(ICONS[icon].read_bytes())


@cache
def _icon_size(icon: str) -> tuple[int, int]:
    """The icon's width and height in pixels."""
    with Image.open(io.BytesIO(_icon_png(icon))) as image:
        return image.size


def _opaque_png(png: bytes) -> bytes:
    """The PNG composited over white, as an RGB PNG."""
    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert("RGBA")
    ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    out = io.BytesIO()
    Image.alpha_composite(ground, rgba).convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def _media_name(icon: str) -> str:
    """The icon's part name under visio/media/ (icon keys are fixed words; made safe anyway)."""
    return re.sub(r"[^a-z0-9_-]", "_", icon.lower()) + ".png"


def _shape_data(d: Device) -> dict[str, tuple[str, str]]:
    return {
        "Type": ("Type", d.type.value),
        "IP": ("IP addresses", clean(", ".join(d.addresses), max_len=200)),
        "DNS": ("DNS name", clean(d.dns_name, max_len=255)),
        "Domain": ("Windows domain", clean(d.windows_domain, max_len=64)),
        "DNSDomain": ("Windows domain (DNS)", clean(d.windows_dns_domain, max_len=255)),
        "MAC": ("MAC addresses", clean(", ".join(d.macs), max_len=200)),
        "Vendor": ("Vendor", clean(d.vendor, max_len=100)),
        "Model": ("Model", clean(d.model, max_len=100)),
        "Serial": ("Serial number", clean(d.serial, max_len=100)),
        "OS": ("OS / firmware", clean(d.os, max_len=150)),
        "Site": ("Site", clean(d.site, max_len=100)),
        "Zone": ("Zone", clean(d.zone, max_len=100)),
    }


def _write_package(path: Path, pages: list[tuple[str, _Page]]) -> None:
    """Copy the template package with its one page replaced by `pages` (each its own part,
    relationship, content type and page sheet), and without the template's thumbnail (it would
    show the template's sample drawing)."""
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        page_rels = src.read("visio/pages/_rels/page1.xml.rels")
        for item in src.infolist():
            name = item.filename
            if name == "docProps/thumbnail.emf":
                continue
            data = src.read(name)
            if name == PAGE_PART:
                data = pages[0][1].xml()
            elif name == "visio/pages/_rels/page1.xml.rels":
                data = pages[0][1].rels(page_rels)
            elif name == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", data)
            elif name == "visio/pages/pages.xml":
                data = _pages_xml(data, pages)
            elif name == "visio/pages/_rels/pages.xml.rels":
                data = _pages_rels(data, len(pages))
            elif name == "[Content_Types].xml":
                data = _content_types(data, len(pages))
            elif name == "docProps/app.xml":
                data = _app_titles(data, [title for title, _page in pages])
            out.writestr(name, data)
        for n, (_title, page) in enumerate(pages[1:], 2):
            out.writestr(f"visio/pages/page{n}.xml", page.xml())
            out.writestr(f"visio/pages/_rels/page{n}.xml.rels", page.rels(page_rels))
        for icon in sorted({icon for _title, page in pages for icon in page.images}):
            out.writestr(f"visio/media/{_media_name(icon)}", _icon_png(icon))


def _pages_xml(template: bytes, pages: list[tuple[str, _Page]]) -> bytes:
    """The template's one <Page> entry, once per page: its own ID, name, size and part."""
    text = template.decode("utf-8")
    start, end = text.index("<Page "), text.index("</Page>") + len("</Page>")
    entries = []
    for i, (title, page) in enumerate(pages):
        entry = _resize(text[start:end].encode("utf-8"), page.width_in, page.height_in,
                        title).decode("utf-8")  # fmt: skip
        entry = entry.replace("<Page ID='0'", f"<Page ID='{i}'", 1)
        entries.append(entry.replace("r:id='rId1'", f"r:id='rId{i + 1}'"))
    return (text[:start] + "".join(entries) + text[end:]).encode("utf-8")


def _pages_rels(template: bytes, count: int) -> bytes:
    text = template.decode("utf-8")
    one = re.search(r"<Relationship [^>]*/>", text)
    assert one is not None  # the template has its page's relationship
    rels = "".join(one.group(0).replace('Id="rId1"', f'Id="rId{n}"')
                   .replace('Target="page1.xml"', f'Target="page{n}.xml"')
                   for n in range(1, count + 1))  # fmt: skip
    return (text[: one.start()] + rels + text[one.end() :]).encode("utf-8")


def _content_types(template: bytes, count: int) -> bytes:
    """The pages' parts, and PNG (the icons) among the default content types."""
    text = template.decode("utf-8")
    one = '<Override PartName="/visio/pages/page1.xml" ContentType="application/vnd.ms-visio.page+xml"/>'
    more = "".join(one.replace("page1.xml", f"page{n}.xml") for n in range(2, count + 1))
    text = text.replace(one, one + more)
    if 'Extension="png"' not in text:
        text = text.replace(
            "<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1
        )
    return text.encode("utf-8")


def _app_titles(template: bytes, titles: list[str]) -> bytes:
    """docProps/app.xml: the page count and the pages' names before the master's."""
    text = template.decode("utf-8")
    text = re.sub(r"(<vt:lpstr>Pages</vt:lpstr></vt:variant><vt:variant><vt:i4>)\d+",
                  rf"\g<1>{len(titles)}", text)  # fmt: skip
    names = "".join(f"<vt:lpstr>{escape(t)}</vt:lpstr>" for t in titles)
    text = re.sub(r'<TitlesOfParts><vt:vector size="\d+" baseType="lpstr"><vt:lpstr>Page-1</vt:lpstr>',
                  f'<TitlesOfParts><vt:vector size="{len(titles) + 1}" baseType="lpstr">{names}',
                  text)  # fmt: skip
    return text.encode("utf-8")


def _resize(pages_xml: bytes, width: float, height: float, title: str = "Network") -> bytes:
    text = pages_xml.decode("utf-8")
    text = re.sub(r"(<Cell N='PageWidth' V=')[^']*'", rf"\g<1>{width:.4f}'", text, count=1)
    text = re.sub(r"(<Cell N='PageHeight' V=')[^']*'", rf"\g<1>{height:.4f}'", text, count=1)
    name = quoteattr(title)[1:-1].replace("'", "&apos;")
    text = text.replace("NameU='Page-1' Name='Page-1'", f"NameU='{name}' Name='{name}'")
    return text.encode("utf-8")
