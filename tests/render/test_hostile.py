"""Injection attempts from device-supplied strings, through every output format.

The hostile inventory puts formulas, markup, quotes, control characters, bidi overrides,
lone surrogates, replacement characters and a trailing backslash into names, vendors,
models, ports, subnet names, software, banners and device ids. Each file is read back
with an independent parser: no cell may be a formula, no document may contain an active
element, and the strings must survive as inert text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import openpyxl

from tests.render.readers import (
    FORMULA_START,
    all_text,
    assert_no_active_xml,
    check_drawio_structure,
    drawio_pages,
    html_tags,
    read_csv,
)

Out = tuple[Path, list[Path]]
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'


def test_every_format_rendered(hostile_out: Out) -> None:
    _, paths = hostile_out
    suffixes = {p.suffix for p in paths}
    assert {".svg", ".png", ".pdf", ".drawio", ".graphml", ".vsdx", ".xlsx", ".csv", ".html",
            ".zip"} <= suffixes  # fmt: skip


def test_xlsx_has_no_formula_cells(hostile_out: Out) -> None:
    path = hostile_out[0] / "inventory.xlsx"
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name
    wb = openpyxl.load_workbook(path)
    seen_formula_text = False
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.lstrip(" \n").startswith(FORMULA_START), (ws.title, c.value)
                    seen_formula_text |= c.value == "'" + FORMULA
    assert seen_formula_text, "the hostile name should be kept, neutralised, not dropped"


def test_csv_cells_are_inert(hostile_out: Out) -> None:
    for name in ("inventory-devices.csv", "inventory-software.csv", "inventory-links.csv"):
        rows = read_csv(hostile_out[0] / name)
        for row in rows:
            for value in row:
                assert not value.startswith(FORMULA_START), (name, value)
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u202e\ud800-\udfff]", value)
    devices = read_csv(hostile_out[0] / "inventory-devices.csv")
    assert any(r[0] == "'" + FORMULA for r in devices)
    assert any(SCRIPT in cell for r in devices for cell in r)


def test_svg_escapes_labels(hostile_out: Out) -> None:
    root = ET.parse(hostile_out[0] / "network.svg").getroot()
    assert_no_active_xml(root)
    text = all_text(root)
    assert SCRIPT in text  # shown as text, not parsed as an element
    assert "trailing backslash \\" in text


def test_drawio_escapes_labels(hostile_out: Out) -> None:
    pages = drawio_pages(hostile_out[0] / "network.drawio")
    for _, cells in pages:
        check_drawio_structure(cells)
        for c in cells:
            assert_no_active_xml(c.cell)
    labels = "\n".join(c.attrs.get("label", "") + c.attrs.get("value", "") for c in pages[0][1])
    assert SCRIPT in labels and FORMULA in labels
    raw = (hostile_out[0] / "network.drawio").read_text("utf-8")
    assert "<script" not in raw and "&lt;script&gt;" in raw


def test_graphml_escapes_attributes(hostile_out: Out) -> None:
    path = hostile_out[0] / "network.graphml"
    assert_no_active_xml(ET.parse(path).getroot())
    graph = nx.read_graphml(path, force_multigraph=True)
    values = {str(v) for _, data in graph.nodes(data=True) for v in data.values()}
    assert SCRIPT in values or any(SCRIPT in v for v in values)
    assert any(node.startswith("chassis:") for node in graph.nodes)


def test_vsdx_text_is_inert(hostile_out: Out) -> None:
    with zipfile.ZipFile(hostile_out[0] / "network.vsdx") as zf:
        page = ET.fromstring(zf.read("visio/pages/page1.xml"))
    assert_no_active_xml(page)
    assert SCRIPT in all_text(page)


def test_summary_html_is_inert(hostile_out: Out) -> None:
    text = (hostile_out[0] / "summary.html").read_text("utf-8")
    parsed = html_tags(text)
    assert set(parsed.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p",
                                "table", "tr", "td", "br"}  # fmt: skip
    assert not [a for a, _ in parsed.attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script" not in text


def test_file_names_stay_inside_the_output(hostile_out: Out) -> None:
    out, paths = hostile_out
    assert all(p.resolve().parent == out.resolve() for p in paths)
