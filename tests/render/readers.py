"""Read rendered files back, independently of the code that wrote them."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
XLINK = "{http://www.w3.org/1999/xlink}href"


@dataclass
class DrawioCell:
    id: str
    attrs: dict[str, str]  # the <object> attributes (or the mxCell's, when not wrapped)
    cell: ET.Element


def drawio_pages(path: Path) -> list[tuple[str, list[DrawioCell]]]:
    root = ET.parse(path).getroot()
    assert root.tag == "mxfile"
    pages = []
    for diagram in root.findall("diagram"):
        model_root = diagram.find("mxGraphModel/root")
        assert model_root is not None
        cells = []
        for el in model_root:
            if el.tag == "object":
                inner = el.find("mxCell")
                assert inner is not None and "id" not in inner.attrib
                cells.append(DrawioCell(el.attrib["id"], dict(el.attrib), inner))
            else:
                assert el.tag == "mxCell"
                cells.append(DrawioCell(el.attrib["id"], dict(el.attrib), el))
        pages.append((diagram.attrib.get("name", ""), cells))
    return pages


def check_drawio_structure(cells: list[DrawioCell]) -> None:
    """Ids unique, parents exist, edge ends exist and are vertices, geometry everywhere."""
    ids = [c.id for c in cells]
    assert len(ids) == len(set(ids)), "duplicate ids"
    by_id = {c.id: c for c in cells}
    assert by_id["0"].cell.get("parent") is None and by_id["1"].cell.get("parent") == "0"
    for c in cells:
        if c.id in ("0", "1"):
            continue
        parent = c.cell.get("parent")
        assert parent in by_id, f"{c.id}: missing parent {parent}"
        assert "html=1" not in (c.cell.get("style") or ""), "labels must be plain text"
        geometry = c.cell.find("mxGeometry")
        assert geometry is not None and geometry.get("as") == "geometry", c.id
        if c.cell.get("edge") == "1":
            for end in ("source", "target"):
                ref = c.cell.get(end)
                assert ref in by_id and by_id[ref].cell.get("vertex") == "1", f"{c.id}.{end}={ref}"
            assert geometry.get("relative") == "1"
        elif c.cell.get("connectable") != "0":
            assert c.cell.get("vertex") == "1"
            for dim in ("x", "y", "width", "height"):
                float(geometry.get(dim, "nan"))
            assert float(geometry.get("width", "0")) > 0 and float(geometry.get("height", "0")) > 0


def drawio_edge_ends(cells: list[DrawioCell]) -> list[tuple[str, str]]:
    by_id = {c.id: c for c in cells}
    ends = []
    for c in cells:
        if c.cell.get("edge") == "1":
            a = by_id[c.cell.attrib["source"]].attrs["netmap_id"]
            b = by_id[c.cell.attrib["target"]].attrs["netmap_id"]
            x, y = sorted((a, b))
            ends.append((x, y))
    return ends


def assert_no_active_xml(root: ET.Element) -> None:
    """No script elements, no event-handler attributes, no javascript: or external links."""
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1].lower()
        assert local not in ("script", "foreignobject", "iframe", "object", "embed"), local
        for name, value in el.attrib.items():
            attr = name.rsplit("}", 1)[-1].lower()
            assert not attr.startswith("on"), f"event handler {name}"
            if attr == "href":
                assert value.startswith(("#", "data:image/png;base64,")), value[:60]


def all_text(root: ET.Element) -> str:
    parts = []
    for el in root.iter():
        parts += [el.text or "", el.tail or "", *el.attrib.values()]
    return "\n".join(parts)


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def html_tags(text: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(text)
    return parser


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def zip_texts(path: Path) -> dict[str, bytes]:
    """Every member of a zip, with nested zips (xlsx, vsdx) opened too."""
    out: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if data.startswith(b"PK\x03\x04"):
                nested = zipfile.ZipFile(io.BytesIO(data))
                for inner in nested.namelist():
                    out[f"{name}!{inner}"] = nested.read(inner)
            else:
                out[name] = data
    return out


MAC_RE = re.compile(rb"(?i)\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b")
TEN_NET_RE = re.compile(rb"\b10\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")


_SVG_NS = "{http://www.w3.org/2000/svg}"


def overlapping_port_labels(path: Path) -> list[tuple[str, str]]:
    """Pairs of link labels (port names) whose boxes overlap in a Graphviz SVG. A box is the
    text's baseline, one font size up, and 0.62 em per character wide (Graphviz's sans glyphs
    average narrower than that, so a pair found here overlaps on the page)."""
    boxes: list[tuple[float, float, float, float, str]] = []
    for group in ET.parse(path).getroot().iter(f"{_SVG_NS}g"):
        if group.get("class") != "edge":
            continue
        for text in group.iter(f"{_SVG_NS}text"):
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            size, word = float(text.get("font-size", 14)), text.text or ""
            boxes.append((x, y - size, x + 0.62 * size * len(word), y, word))
    return [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def _bezier_points(d: str) -> tuple[tuple[float, float], ...]:
    """Points along an SVG path of Graphviz's form: M x,y C (x1,y1 x2,y2 x3,y3)+."""
    from netmap.render.labels import bezier_points

    nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return bezier_points(list(zip(nums[0::2], nums[1::2], strict=False)))


def port_labels_on_their_line(path: Path) -> list[str]:
    """Port names (a link's text) that their own line runs through, in a Graphviz SVG: a point
    of the line inside the text's box (0.55 em per character from its anchor, the glyphs'
    height)."""
    crossed: list[str] = []
    for group in ET.parse(path).getroot().iter(f"{_SVG_NS}g"):
        if group.get("class") != "edge":
            continue
        line = [p for el in group.iter(f"{_SVG_NS}path") for p in _bezier_points(el.get("d", ""))]
        for text in group.iter(f"{_SVG_NS}text"):
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            size, word = float(text.get("font-size", 14)), text.text or ""
            width = 0.55 * size * len(word)
            x0 = x - width / 2 if text.get("text-anchor") == "middle" else x
            if any(x0 < px < x0 + width and y - 0.7 * size < py < y for px, py in line):
                crossed.append(word)
    return crossed


_VISIO = {"v": "http://schemas.microsoft.com/office/visio/2012/main"}


def visio_stacked_labels(path: Path) -> list[tuple[str, str]]:
    """Pairs of text-only shapes (port names, a link's words) whose text overlaps on a page of a
    .vsdx. A label's text is centred on its pin, about 0.62 em wide a glyph at its own size."""
    out: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"visio/pages/page\d+\.xml", name):
                continue
            boxes = []
            for shape in ET.fromstring(z.read(name)).iter(f"{{{_VISIO['v']}}}Shape"):
                if shape.find("v:Section[@N='Geometry']", _VISIO) is not None:
                    continue  # a box, a device or a connector: not a label
                text = "".join(t.itertext()) if (t := shape.find("v:Text", _VISIO)) is not None else ""
                cells = {c.get("N"): float(c.get("V") or 0) for c in shape.findall("v:Cell", _VISIO)}
                size = shape.find("v:Section[@N='Character']/v:Row/v:Cell[@N='Size']", _VISIO)
                if not text or "PinX" not in cells or size is None:
                    continue
                half_w, half_h = len(text) * 0.62 * float(size.get("V") or 0) / 2, 0.06
                x, y = cells["PinX"], cells["PinY"]
                boxes.append((text, (x - half_w, y - half_h, x + half_w, y + half_h)))
            out += [(a, b) for i, (a, p) in enumerate(boxes) for b, q in boxes[i + 1:]
                    if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]
    return out


def visio_text_overflow(path: Path) -> list[str]:
    """Device boxes of a .vsdx whose text needs more height than the box gives it: each line at
    1.4 times its font size (LibreOffice Draw sets DejaVu Sans about 1.37 apart), the title's
    size, then the details'."""
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"visio/pages/page\d+\.xml", n)):
            for shape in ET.fromstring(z.read(name)).iter(f"{{{_VISIO['v']}}}Shape"):
                if shape.get("Type") != "Foreign":
                    continue
                cells = {c.get("N"): float(c.get("V") or 0) for c in shape.findall("v:Cell", _VISIO)
                         if c.get("N") in ("TxtHeight", "TopMargin")}  # fmt: skip
                sizes = [float(c.get("V") or 0) * 72 for c in
                         shape.findall("v:Section[@N='Character']/v:Row/v:Cell[@N='Size']", _VISIO)]
                text = "".join(t.itertext()) if (t := shape.find("v:Text", _VISIO)) is not None else ""
                rows = text.strip("\n").split("\n")
                if not text or len(sizes) < 2:
                    continue
                need = (sizes[0] + (len(rows) - 1) * sizes[1]) * 1.4 / 72 + cells.get("TopMargin", 0)
                if need > cells["TxtHeight"] + 1e-6:
                    out.append(f"{name}: {rows[0]!r} needs {need:.2f} in, has {cells['TxtHeight']:.2f}")
    return out
