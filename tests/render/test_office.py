"""The Visio drawing and the workbook as LibreOffice draws and prints them."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from netmap.model import Inventory
from netmap.render.inventory import PRINT_SCALE_MIN, READING_NOTES, all_tables
from netmap.render.vsdx import render_vsdx
from tests.render.viewers import (
    pdf_pages,
    printed_problems,
    soffice_convert,
    vsdx_icon_problems,
    vsdx_problems,
)

Out = tuple[Path, list[Path]]


def test_vsdx_connectors_run_from_shape_to_shape(hall_out: Out, tmp_path: Path) -> None:
    """Each connector as LibreOffice Draw draws it starts on the outline of one of its glued
    shapes and ends on the other's (within 2 px); no two linked shapes overlap."""
    assert vsdx_problems(hall_out[0] / "network.vsdx", tmp_path) == []


def test_vsdx_pages_open_in_libreoffice(hall_out: Out, tmp_path: Path) -> None:
    """The Visio file holds the whole network, the logical view and the physical view, each a
    page of its own; LibreOffice Draw prints every one, with its own title and devices."""
    vsdx = hall_out[0] / "network.vsdx"
    with zipfile.ZipFile(vsdx) as zf:
        parts = sorted(n for n in zf.namelist() if re.fullmatch(r"visio/pages/page\d+\.xml", n))
    assert len(parts) == 3
    pages = pdf_pages(soffice_convert(vsdx, "pdf", tmp_path))
    assert len(pages) == 3
    assert "Network - scan" in pages[0].text and "Logical view" in pages[1].text
    assert "Physical view - City Hall" in pages[2].text and "sw-hall-1" in pages[2].text


def test_vsdx_check_sees_connectors_in_mid_air(hall: Inventory, tmp_path: Path) -> None:
    """The check above fails on a drawing whose connectors keep the master's sample geometry
    (what netmap wrote before), so it can fail."""
    path = render_vsdx(hall, tmp_path / "network.vsdx")
    broken = tmp_path / "broken.vsdx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "visio/pages/page1.xml":
                data = data.replace(b"<Section N=\"Geometry\" IX=\"0\"><Cell N=\"NoFill\"",
                                    b"<Section N=\"Ignored\" IX=\"0\"><Cell N=\"NoFill\"")
            out.writestr(item, data)
    problems = vsdx_problems(broken, tmp_path / "work")
    assert problems and all("px off its shapes" in p for p in problems)


def test_vsdx_devices_are_their_icons(hall_out: Out, tmp_path: Path) -> None:
    """Each device on each page is its type's icon, as in the SVG/PNG diagram: a picture
    (a PNG stored in the package) inside the device's box, which LibreOffice draws: its PDF
    has the pictures on every page, its SVG has each one inside its device's box."""
    assert vsdx_icon_problems(hall_out[0] / "network.vsdx", tmp_path) == []


def test_vsdx_icon_check_sees_plain_boxes(hall: Inventory, tmp_path: Path) -> None:
    """The check above fails on a drawing whose devices are plain rectangles (what netmap
    wrote before): in the package and in what LibreOffice draws, so both halves can fail."""
    path = render_vsdx(hall, tmp_path / "network.vsdx")
    plain = tmp_path / "plain.vsdx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(plain, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if re.fullmatch(r"visio/pages/page\d+\.xml", item.filename):
                data = re.sub(rb"<ForeignData .*?</ForeignData>", b"", data, flags=re.DOTALL)
                data = data.replace(b'Type="Foreign"', b'Type="Shape"')
            out.writestr(item, data)
    problems = vsdx_icon_problems(plain, tmp_path / "work")
    assert any(p.endswith(": not a picture") for p in problems)
    assert any(p.startswith("PDF page 1: 0 images") for p in problems)
    assert any("no picture drawn inside its box" in p for p in problems)


def test_workbook_prints_whole_rows_with_headers(
    hall: Inventory, hall_out: Out, tmp_path: Path
) -> None:
    """Printed by LibreOffice Calc: landscape, at 5.5 pt or more, with its header row
    on every page, the notes whole, and every value with no space to wrap at (a 16-character
    FortiGate serial, a MAC address) whole on the page."""
    tables = all_tables(hall)
    headers = {t.name: t.headers for t in tables}
    devices = next(t for t in tables if t.name == "Devices")
    whole = sorted({v for row in devices.rows for v in row
                    if isinstance(v, str) and v and not any(ch.isspace() for ch in v)})  # fmt: skip
    assert "FGT60FTK21091234" in whole
    assert printed_problems(hall_out[0] / "inventory.xlsx", headers, READING_NOTES, tmp_path,
                            whole) == []  # fmt: skip


def test_workbook_print_settings(hall_out: Out) -> None:
    wb = openpyxl.load_workbook(hall_out[0] / "inventory.xlsx")
    split = []
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        # a scale set by hand, never fitted (LibreOffice left blank pages after a long sheet)
        assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert PRINT_SCALE_MIN <= (ws.page_setup.scale or 100) <= 100, ws.title
        if ws.col_breaks.brk:  # more than one page across
            split.append(ws.title)
            assert ws.print_title_cols in ("A:A", "$A:$A"), ws.title
        assert ws.print_title_rows in ("1:1", "$1:$1"), ws.title
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref, ws.title
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        assert widths and max(widths) <= 72, ws.title
    assert "Devices" in split and "Summary" not in split


def test_a_wide_sheet_prints_pages_across_at_a_readable_scale() -> None:
    """25 columns fitted to one page printed at 4 pt. They take pages across instead, each
    holding whole columns at one scale, the first column repeated; a narrow sheet is fitted."""
    from netmap.render.inventory import COLUMN_PAD, PRINTABLE_PT, PT_PER_CHAR, print_layout

    widths = [24, 14, 13, 11, 13, 15, 22, 38, 30, 17, 10, 11, 9, 13, 17, 21, 13, 12, 10, 17,
              10, 17, 13, 38, 9]
    scale, breaks = print_layout(widths)
    assert breaks and PRINT_SCALE_MIN <= scale <= 100
    starts = [0, *breaks, len(widths)]
    for page, (a, b) in enumerate(itertools.pairwise(starts)):
        shown = widths[a:b] if page == 0 else [widths[0], *widths[a:b]]
        assert (sum(shown) + COLUMN_PAD * len(shown)) * PT_PER_CHAR * scale / 100 <= PRINTABLE_PT
    assert print_layout([20] * 8) == (61, [])  # 1,169 pt: one page wide at 61 %


@pytest.mark.parametrize("sheet", ["Devices", "Needs attention", "Evidence"])
def test_long_text_wraps(hall_out: Out, sheet: str) -> None:
    ws = openpyxl.load_workbook(hall_out[0] / "inventory.xlsx")[sheet]
    text = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert any(len(str(c.value)) > 24 for c in text)
    assert all(c.alignment.wrap_text for c in text)  # a cell wider than its column wraps


def test_a_column_is_as_wide_as_its_longest_word() -> None:
    """A value with no space to wrap at (a Hikvision serial is 35 characters) widens its
    column past the column's cap; a long sentence wraps within the cap instead."""
    from netmap.render.inventory import WIDTH_CAP, Table, _widths

    serial = "DS-2CD2143G2-I20230915AAWRL01234567"
    sentence = "a note long enough to wrap onto several lines of its column " * 3
    table = Table("Devices", ["Serial number", "Notes"], [[serial, sentence]],
                  widths={0: 15, 1: 24})
    serial_width, notes_width = _widths(table)
    assert serial_width >= len(serial) + 1 and notes_width == 24 <= WIDTH_CAP


def test_a_sheet_of_sentences_prints_at_8_pt_its_columns_wrapping() -> None:
    """Needs attention, Links and Evidence printed at 6 pt, a sentence to a line: their text
    columns are narrowed (the text wraps) until the sheet prints one page wide at 8 pt, each
    giving width in proportion to what it has to spare; no column gets narrower than its
    longest word; a sheet too wide for that (the Devices sheet) keeps its widths."""
    from netmap.render.inventory import (
        LEGIBLE_SCALE,
        WIDTH_CAP,
        WRAP_FLOOR,
        Table,
        _widths,
        print_layout,
    )

    finding = "Answered SNMP v1/v2c with a well-known factory-default community. " * 2
    rows = [["SNMP default community", "mail.cityhall.lan", "10.77.20.11", finding,
             "Evidence (observed)", "Replace the default community or move to SNMPv3. " * 2]]
    table = Table("Needs attention", ["Topic", "Device", "IP address", "What we found", "Basis",
                                      "Suggested action"], rows, {3: 54, 5: 36})
    widths = _widths(table)
    assert print_layout(widths)[0] >= LEGIBLE_SCALE, widths
    assert widths[1] >= len("mail.cityhall.lan") + 2 and widths[2] == len("10.77.20.11") + 2
    assert widths[3] == max(widths) and min(widths[:2] + widths[3:]) >= WRAP_FLOOR
    wide = Table("Devices", [f"c{i}" for i in range(25)], [["x" * 20] * 25])
    assert _widths(wide) == [22] * 25 and WIDTH_CAP >= 22
