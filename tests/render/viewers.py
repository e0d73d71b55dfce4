"""Open deliverables in the programs people open them with: LibreOffice, poppler, Chromium.

Every viewer runs in a network namespace of its own with only loopback up (`unshare --net`),
so a file that tried to fetch something could not reach any network, and the viewers' own
background traffic (update checks, Chromium's lookups) cannot leave the machine either.

A missing program fails the test with the Debian package to install; it never skips.
"""

from __future__ import annotations

import itertools
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

TIMEOUT_S = 240
APT = {
    "soffice": "libreoffice-draw-nogui libreoffice-calc-nogui",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdfimages": "poppler-utils",
    "chromium": "chromium",
    "chromedriver": "chromium-driver",
    "unshare": "util-linux",
}
SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is not installed: apt-get install {APT[tool]}")
    return path


def offline(argv: list[str]) -> list[str]:
    """argv run with no network but its own loopback (root, or an unprivileged user
    namespace where the kernel allows one)."""
    need("unshare")
    user = [] if os.geteuid() == 0 else ["--map-root-user"]
    quoted = " ".join(_quote(a) for a in argv)
    return ["unshare", "--net", *user, "sh", "-c", f"ip link set lo up 2>/dev/null; exec {quoted}"]


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


def run(argv: list[str], *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        offline(argv), capture_output=True, text=True, timeout=TIMEOUT_S, cwd=cwd, check=False
    )
    assert done.returncode == 0, f"{argv[0]} failed ({done.returncode}): {done.stderr[-2000:]}"
    return done


def soffice_convert(src: Path, fmt: str, out_dir: Path) -> Path:
    """`soffice --headless --convert-to fmt`, with a profile of its own (so runs never share
    or lock one), into out_dir; returns the converted file."""
    soffice = need("soffice")
    profile = out_dir / "lo-profile"
    run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", fmt, "--outdir", str(out_dir), str(src)])  # fmt: skip
    result = out_dir / f"{src.stem}.{fmt.split(':')[0]}"
    assert result.is_file() and result.stat().st_size > 0, f"LibreOffice wrote no {result.name}"
    return result


# ---------------------------------------------------------------------------------------------
# PDF (poppler)
# ---------------------------------------------------------------------------------------------


@dataclass
class PdfPage:
    number: int
    width: float  # points
    height: float
    text: str
    text_size: float = 0.0  # the size in points of most of its text (its median word)

    @property
    def smallest_text(self) -> float:
        return self.text_size


def pdf_pages(pdf: Path) -> list[PdfPage]:
    info = run([need("pdfinfo"), "-f", "1", "-l", "100000", str(pdf)]).stdout
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    ]
    text = run([need("pdftotext"), "-layout", str(pdf), "-"]).stdout
    texts = text.split("\f")
    assert len(texts) >= len(sizes) > 0, "pdftotext and pdfinfo disagree on the page count"
    size = _text_sizes(pdf)
    return [PdfPage(i + 1, w, h, texts[i], size[i] if i < len(size) else 0.0)
            for i, (w, h) in enumerate(sizes)]  # fmt: skip


# A word's box is about 1.164 em tall in DejaVu Sans (ascent 0.928, descent 0.236), the font
# LibreOffice draws the workbook in here.
_BOX_EM = 1.164


def _text_sizes(pdf: Path) -> list[float]:
    """Each page's median word height, as a font size in points."""
    bbox = run([need("pdftotext"), "-bbox", str(pdf), "-"]).stdout
    sizes = []
    for page in bbox.split("<page ")[1:]:
        heights = sorted(float(b) - float(a) for a, b in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page))
        sizes.append(heights[len(heights) // 2] / _BOX_EM if heights else 0.0)
    return sizes


# ---------------------------------------------------------------------------------------------
# LibreOffice's SVG export of a drawing
# ---------------------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass
class DrawnShape:
    kind: str  # "polygon" (a box), "line" (a connector), "text" (text only)
    box: Box | None  # the drawn outline's bounding box
    points: list[tuple[float, float]]  # a line's path
    images: list[Box] = field(default_factory=list)  # the pictures drawn as part of it


def lo_svg_shapes(svg: Path) -> tuple[list[DrawnShape], float]:
    """One entry per shape of the drawing's page, in page order (LibreOffice exports each
    shape as one group under the page), and the number of SVG units in a CSS pixel."""
    root = ET.parse(svg).getroot()
    width_mm = float(root.get("width", "0").removesuffix("mm"))
    view_w = float(root.get("viewBox", "0 0 1 1").split()[2])
    units_per_px = view_w / (width_mm / 25.4 * 96)
    page = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "Page")
    return [_drawn(group) for group in page], units_per_px


def _drawn(group: ET.Element) -> DrawnShape:
    classes = [g.get("class", "") for g in group.iter(f"{SVG}g")]
    paths = [p for p in group.iter(f"{SVG}path")]
    images = [_image_box(i) for i in group.iter(f"{SVG}image")]
    if any(c.endswith("PolyLineShape") for c in classes):
        points = _numbers(paths[0].get("d", "")) if paths else []
        return DrawnShape("line", None, points, images)
    if any(c.endswith("PolyPolygonShape") for c in classes):
        filled = [p for p in paths if p.get("fill", "none") != "none"] or paths
        points = _numbers(filled[0].get("d", ""))
        xs, ys = [x for x, _ in points], [y for _, y in points]
        return DrawnShape("polygon", (min(xs), min(ys), max(xs), max(ys)), points, images)
    return DrawnShape("text", None, [], images)


def _image_box(image: ET.Element) -> Box:
    x, y = float(image.get("x", "0")), float(image.get("y", "0"))
    return x, y, x + float(image.get("width", "0")), y + float(image.get("height", "0"))


def _numbers(d: str) -> list[tuple[float, float]]:
    values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(values[0::2], values[1::2], strict=False))


def distance_to_outline(box: Box, p: tuple[float, float]) -> float:
    """How far point p lies from the rectangle's outline (0 on it)."""
    x0, y0, x1, y1 = box
    x, y = p
    if x0 <= x <= x1 and y0 <= y <= y1:
        return min(x - x0, x1 - x, y - y0, y1 - y)
    dx = max(x0 - x, 0.0, x - x1)
    dy = max(y0 - y, 0.0, y - y1)
    return float((dx * dx + dy * dy) ** 0.5)


# ---------------------------------------------------------------------------------------------
# What a reader would see wrong, as a list of problems ([] when all is well)
# ---------------------------------------------------------------------------------------------

VISIO = "{http://schemas.microsoft.com/office/visio/2012/main}"
TOUCH_PX = 2.0


def vsdx_problems(vsdx: Path, work: Path) -> list[str]:
    """The drawing as LibreOffice Draw draws it: every glued connector must start on the
    outline of one of its shapes and end on the other's (within 2 px), and no two shapes that
    links join may overlap."""
    with zipfile.ZipFile(vsdx) as zf:
        page = ET.fromstring(zf.read("visio/pages/page1.xml"))
    shapes_el = page.find(f"{VISIO}Shapes")
    written = list(shapes_el) if shapes_el is not None else []
    drawn, per_px = lo_svg_shapes(soffice_convert(vsdx, "svg", work))
    if len(drawn) != len(written):
        return [f"LibreOffice drew {len(drawn)} shapes of {len(written)}"]
    index = {el.get("ID", ""): i for i, el in enumerate(written)}
    ends: dict[str, dict[str, str]] = {}
    for c in page.iter(f"{VISIO}Connect"):
        ends.setdefault(c.get("FromSheet", ""), {})[c.get("FromCell", "")] = c.get("ToSheet", "")
    problems = [p for sid, glue in ends.items()
                if (p := _connector_problem(sid, drawn[index[sid]], drawn[index[glue["BeginX"]]],
                                            drawn[index[glue["EndX"]]], per_px))]  # fmt: skip
    nodes = [drawn[index[t]] for t in {t for glue in ends.values() for t in glue.values()}]
    for s, t in itertools.combinations(nodes, 2):
        if s.box and t.box and _overlap(s.box, t.box):
            problems.append(f"shapes overlap: {s.box} and {t.box}")
    return problems if ends else ["the drawing has no connectors"]


def _connector_problem(sid: str, line: DrawnShape, a: DrawnShape, b: DrawnShape,
                       per_px: float) -> str | None:  # fmt: skip
    if line.kind != "line" or len(line.points) < 2 or a.box is None or b.box is None:
        return f"connector {sid} or its shapes were not drawn as a line between boxes"
    start, end = line.points[0], line.points[-1]
    forward = max(distance_to_outline(a.box, start), distance_to_outline(b.box, end))
    backward = max(distance_to_outline(b.box, start), distance_to_outline(a.box, end))
    gap_px = min(forward, backward) / per_px
    return f"connector {sid} ends {gap_px:.1f} px off its shapes" if gap_px > TOUCH_PX else None


def _overlap(s: Box, t: Box) -> bool:
    return min(s[2], t[2]) > max(s[0], t[0]) and min(s[3], t[3]) > max(s[1], t[1])


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PNG = b"\x89PNG\r\n\x1a\n"


def vsdx_icon_problems(vsdx: Path, work: Path) -> list[str]:
    """Every device on every page (a shape that carries Shape Data or that a connector is
    glued to) is a picture: a Foreign shape whose ForeignData links, through its page's
    relationships, to a PNG in the package, placed inside the shape. LibreOffice draws them:
    its PDF has on each page at least as many images as the page has device pictures, none
    with an alpha mask (LibreOffice fills a transparent picture's ground with its default
    blue), and in its SVG of the first page each device's picture lies inside its box."""
    problems: list[str] = []
    devices_per_page: list[list[ET.Element]] = []
    with zipfile.ZipFile(vsdx) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml").decode("utf-8")
        if not re.search(r'<Default Extension="png" ContentType="image/png"\s*/>', types):
            problems.append("[Content_Types].xml has no image/png default")
        parts = sorted((n for n in names if re.fullmatch(r"visio/pages/page\d+\.xml", n)),
                       key=lambda n: int(re.sub(r"\D", "", n)))  # fmt: skip
        for part in parts:
            page = ET.fromstring(zf.read(part))
            rels_part = f"visio/pages/_rels/{posixpath.basename(part)}.rels"
            rels = ET.fromstring(zf.read(rels_part)) if rels_part in names else ET.Element("r")
            targets = {r.get("Id"): r for r in rels}
            devices = _vsdx_devices(page)
            devices_per_page.append(devices)
            for shape in devices:
                problem = _picture_problem(shape, targets, zf, names)
                if problem:
                    problems.append(f"{part}, shape {shape.get('ID')}: {problem}")
        first = ET.fromstring(zf.read("visio/pages/page1.xml"))
    images, masks = _pdf_images(soffice_convert(vsdx, "pdf", work))
    for n, devices in enumerate(devices_per_page, 1):
        if images.get(n, 0) < len(devices):
            problems.append(f"PDF page {n}: {images.get(n, 0)} images, {len(devices)} devices")
        if masks.get(n, 0):
            problems.append(f"PDF page {n}: {masks[n]} pictures with transparency")
    problems += _drawn_icon_problems(first, devices_per_page[0] if devices_per_page else [],
                                     soffice_convert(vsdx, "svg", work))  # fmt: skip
    return problems


def _vsdx_devices(page: ET.Element) -> list[ET.Element]:
    glued = {c.get("ToSheet") for c in page.iter(f"{VISIO}Connect")}
    shapes_el = page.find(f"{VISIO}Shapes")
    return [s for s in (shapes_el if shapes_el is not None else [])
            if s.get("ID") in glued or s.find(f"{VISIO}Section[@N='Property']") is not None]  # fmt: skip


def _picture_problem(shape: ET.Element, rels: dict[str | None, ET.Element],
                     zf: zipfile.ZipFile, names: set[str]) -> str | None:  # fmt: skip
    foreign = shape.find(f"{VISIO}ForeignData")
    if shape.get("Type") != "Foreign" or foreign is None:
        return "not a picture"
    if (foreign.get("ForeignType"), foreign.get("CompressionType")) != ("Bitmap", "PNG"):
        return f"picture of type {foreign.attrib}"
    link = foreign.find(f"{VISIO}Rel")
    rel = rels.get(link.get(R_ID) if link is not None else None)
    if rel is None or not rel.get("Type", "").endswith("/relationships/image"):
        return "picture without an image relationship"
    target = posixpath.normpath(posixpath.join("visio/pages", rel.get("Target", "")))
    if target not in names or not zf.read(target).startswith(PNG):
        return f"picture {target} is not a PNG in the package"
    cell = {c.get("N"): c.get("V", "") for c in shape.findall(f"{VISIO}Cell")}
    for axis, size in (("X", "Width"), ("Y", "Height")):
        offset, extent, whole = (float(cell.get(n) or 0) for n in
                                 (f"ImgOffset{axis}", f"Img{size}", size))  # fmt: skip
        if not (extent > 0 and offset >= 0 and offset + extent <= whole + 1e-6):
            return f"picture not inside the shape ({axis}: {offset} + {extent})"
    return None


def _pdf_images(pdf: Path) -> tuple[dict[int, int], dict[int, int]]:
    """Images and alpha masks drawn on each page (`pdfimages -list` lists every one drawn)."""
    images: dict[int, int] = {}
    masks: dict[int, int] = {}
    for line in run([need("pdfimages"), "-list", str(pdf)]).stdout.splitlines()[2:]:
        page, _num, kind = line.split()[:3]
        if kind in ("image", "smask"):
            counts = images if kind == "image" else masks
            counts[int(page)] = counts.get(int(page), 0) + 1
    return images, masks


def _drawn_icon_problems(page: ET.Element, devices: list[ET.Element], svg: Path) -> list[str]:
    shapes_el = page.find(f"{VISIO}Shapes")
    written = list(shapes_el) if shapes_el is not None else []
    drawn, _per_px = lo_svg_shapes(svg)
    if len(drawn) != len(written):
        return [f"LibreOffice drew {len(drawn)} shapes of {len(written)}"]
    index = {el.get("ID", ""): i for i, el in enumerate(written)}
    problems = []
    for shape in devices:
        d = drawn[index[shape.get("ID", "")]]
        inside = [i for i in d.images if d.box is not None and _within(i, d.box)]
        if not inside:
            problems.append(f"page 1, shape {shape.get('ID')}: no picture drawn inside its box")
    return problems


def _within(inner: Box, outer: Box) -> bool:
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2]
            and inner[3] <= outer[3])  # fmt: skip


def printed_problems(xlsx: Path, headers: dict[str, list[str]], notes: list[str],
                     work: Path, whole: Sequence[str] = (),
                     min_text_pt: float = 5.5) -> list[str]:  # fmt: skip
    """The workbook printed to PDF by LibreOffice Calc: every sheet in order, every page
    landscape, naming its sheet in the page header, its text no smaller than `min_text_pt`,
    and showing the sheet's first header (the header row repeats, and so does the first
    column of a sheet printed more than one page across) and, over its pages, every header;
    notes whole, and each of `whole` (values with no space to wrap at, such as serials)
    printed uncut."""
    pages = pdf_pages(soffice_convert(xlsx, "pdf", work))
    problems: list[str] = []
    pages_of: dict[str, list[PdfPage]] = {}
    for page in pages:
        if page.width <= page.height:
            problems.append(f"page {page.number} is portrait")
        sheet = _sheet_of(page, list(headers))
        if sheet is None:
            problems.append(f"page {page.number} names no sheet in its header")
            continue
        pages_of.setdefault(sheet, []).append(page)
    if list(pages_of) != list(headers):
        problems.append(f"sheets printed {list(pages_of)}, expected {list(headers)}")
    for sheet, sheet_pages in pages_of.items():
        # every header on the sheet's pages, and the first one (the row's device) on each
        wanted = set().union(*(_words(h) for h in headers[sheet]))
        if missing := wanted - set().union(*(_words(p.text) for p in sheet_pages)):
            problems.append(f"{sheet}: no page shows {sorted(missing)}")
        first = _words(headers[sheet][0])
        for page in sheet_pages:
            if first - _words(page.text):
                problems.append(f"{sheet}, page {page.number}: no {headers[sheet][0]!r}")
        problems += [f"{sheet}, page {p.number}: text {p.smallest_text:.1f} pt"
                     for p in sheet_pages if p.smallest_text < min_text_pt]
    text = " ".join(" ".join(p.text.split()) for p in pages)
    problems += [f"note cut: {n!r}" for n in notes if " ".join(n.split()) not in text]
    printed = set(text.split())
    problems += [f"value cut: {v!r}" for v in whole if v not in printed]
    return problems


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w()/,.-]+", text))


def _sheet_of(page: PdfPage, names: list[str]) -> str | None:
    first = next((line.strip() for line in page.text.splitlines() if line.strip()), "")
    named = [n for n in names if first.startswith(n)]
    return max(named, key=len) if named else None


def browser_results(files: list[Path], shots: Path) -> dict[str, dict[str, Any]]:
    """What headless Chromium saw of each file (tests/render/browser_check.py), by name."""
    need("chromium")
    need("chromedriver")
    shots.mkdir(parents=True, exist_ok=True)
    done = run([sys.executable, "-m", "tests.render.browser_check", str(shots),
                *map(str, files)], cwd=ROOT)  # fmt: skip
    return {r["file"]: r for r in json.loads(done.stdout)}


def browser_problems(results: dict[str, dict[str, Any]]) -> list[str]:
    """Nothing fetched but the file itself and data: URIs, no console message from the
    document, every image decodes, an SVG renders at its declared size, nothing blank."""
    problems: list[str] = []
    for name, r in results.items():
        outside = [u for u in r["requests"] if not u.startswith(("file:", "data:"))]
        problems += [f"{name} fetched {u}" for u in outside]
        # The browser's own new-tab page logs too; only the document's messages count.
        problems += [f"{name} console: {m['message'][:200]}" for m in r["console"]
                     if not m["message"].startswith("chrome://")]  # fmt: skip
        problems += [f"{name}: image does not decode: {h}" for h, w, ht in r["images"]
                     if not (w and ht)]  # fmt: skip
        if name.endswith(".svg") and not r["images"]:
            problems.append(f"{name} shows no icons")
        problems += _shot_problems(name, r)
    return problems


def _shot_problems(name: str, r: dict[str, Any]) -> list[str]:
    width, height = r["declared_px"]
    with Image.open(r["screenshot"]) as shot:
        size = shot.size
        grey = shot.convert("L").resize((200, max(1, 200 * shot.height // shot.width)))
    hist = grey.histogram()
    inked = 1 - sum(hist[245:]) / sum(hist)  # share of pixels that are not (near) white
    problems = [] if size == (width, height) else [f"{name}: screenshot {size}, declared "
                                                   f"{(width, height)}"]  # fmt: skip
    rendered = r["sizes"]["rendered"]
    if name.endswith(".svg") and (abs(rendered[0] - width) > 1 or abs(rendered[1] - height) > 1):
        problems.append(f"{name} renders at {rendered}, declares {(width, height)}")
    if inked < 0.01:
        problems.append(f"{name}: the screenshot is blank ({inked:.2%} inked)")
    return problems
