"""Issue 6 on a stored lab scan: every format, each device once, draw.io = topology, redaction."""

from __future__ import annotations

import html
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from netmap.render.bundle import render_all
from netmap.render.inventory import READING_NOTES, all_tables
from netmap.store import Store
from tests.lab.conftest import LabScan
from tests.render.readers import check_drawio_structure, drawio_edge_ends, drawio_pages
from tests.render.viewers import (
    ROOT,
    browser_problems,
    browser_results,
    printed_problems,
    vsdx_problems,
)

pytestmark = pytest.mark.lab


@pytest.fixture(scope="module")
def rendered(lab_scan: LabScan) -> Path:
    out = lab_scan.out_dir / lab_scan.scan_id
    assert out.is_dir(), "netmap scan renders the deliverables at the end"
    return out


def test_every_format_present(rendered: Path) -> None:
    names = {p.name for p in rendered.iterdir()}
    for want in ("network.svg", "network.png", "network.pdf", "network.drawio", "network.graphml",
                 "network.vsdx", "inventory.xlsx", "inventory-devices.csv", "inventory-software.csv",
                 "inventory-links.csv", "summary.html"):
        assert want in names, want
    assert any(n.startswith("rfp-bundle") and n.endswith(".zip") for n in names)


def test_each_lab_device_once_in_devices_sheet(lab: Any, lab_scan: LabScan, rendered: Path) -> None:
    wb = openpyxl.load_workbook(rendered / "inventory.xlsx", read_only=True)
    rows = list(wb["Devices"].iter_rows(values_only=True))
    header = [str(h).casefold() for h in rows[0]]
    col = header.index("name")
    names = Counter(str(r[col]).split(".")[0] for r in rows[1:] if r[col])
    for d in lab.devices:
        if d.in_scope and any(i.ips for i in d.interfaces):
            assert names[d.name] == 1, (d.name, names[d.name])


def test_lab_deliverables_open_right(lab_scan: LabScan, rendered: Path, tmp_path: Path) -> None:
    """The lab scan's own files as their readers open them: the Visio drawing in LibreOffice
    Draw, the workbook printed by LibreOffice Calc, the diagrams and summary in Chromium
    (screenshots in build/test-artefacts/browser/lab/)."""
    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    assert vsdx_problems(rendered / "network.vsdx", tmp_path / "vsdx") == []
    headers = {t.name: t.headers for t in all_tables(inv)}
    xlsx = rendered / "inventory.xlsx"
    assert printed_problems(xlsx, headers, READING_NOTES, tmp_path / "xlsx") == []
    pages = [*sorted(rendered.glob("network*.svg")), rendered / "summary.html"]
    shots = ROOT / "build" / "test-artefacts" / "browser" / "lab"
    assert browser_problems(browser_results(pages, shots)) == []


def test_drawio_links_match_topology(lab_scan: LabScan, rendered: Path) -> None:
    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    pages = drawio_pages(rendered / "network.drawio")
    for _name, cells in pages:
        check_drawio_structure(cells)
    overview = next(cells for name, cells in pages if name == "All sites")
    drawn = Counter(drawio_edge_ends(overview))
    expected = Counter(tuple(sorted((lk.a, lk.b))) for lk in inv.links)
    assert drawn == expected  # the overview page draws every topology link exactly once


def test_redacted_bundle_leaks_nothing(lab: Any, lab_scan: LabScan, tmp_path: Path) -> None:
    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    paths = render_all(inv, tmp_path, formats={"bundle"}, redact=True)
    bundle = next(p for p in paths if p.suffix == ".zip")
    secrets = {d.serial for d in lab.devices if d.serial}
    secrets |= {i.mac for d in lab.devices for i in d.interfaces}
    secrets |= {d.snmp.community for d in lab.devices if d.snmp} - {"public"}

    def texts(data: bytes, name: str) -> list[str]:
        if name.endswith((".xlsx", ".vsdx", ".zip")):
            import io

            with zipfile.ZipFile(io.BytesIO(data)) as inner:
                return [t for n in inner.namelist() for t in texts(inner.read(n), n)]
        if name.endswith((".png", ".pdf")):
            return []  # binary; the SVG and workbook carry the same text
        return [data.decode("utf-8", "replace")]

    with zipfile.ZipFile(bundle) as z:
        for name in z.namelist():
            for text in texts(z.read(name), name):
                low = text.casefold()
                assert not re.search(r"10\.77\.\d+\.\d+", text), name
                for s in secrets:
                    assert s.casefold() not in low, (name, s)


def test_physical_view_of_the_lab(lab: Any, lab_scan: LabScan, rendered: Path) -> None:
    """The lab's physical page: the cabling tree from the uplink, every lab switch on it, no
    edge crossing another, printable on A3 (issue 15's goals, measured on Graphviz's layout)."""
    from netmap.render.crossings import page_quality
    from netmap.render.diagram import physical_pages

    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    assert any(p.name.startswith("network-physical") and p.suffix == ".svg"
               for p in rendered.iterdir())  # fmt: skip
    pages = [scene for _part, scenes in physical_pages(inv) for scene in scenes]
    switches = {d.name for d in lab.devices if str(d.type) == "switch" and d.managed}
    drawn = {n.title.split(".")[0] for page in pages for n in page.nodes.values()}
    assert switches <= drawn, switches - drawn
    for page in pages:
        q = page_quality(page)
        assert q.crossing_share < 0.05 and q.readable("A3"), q


def test_port_names_never_stack_on_the_lab_diagrams(rendered: Path) -> None:
    """Two links one device sends the same way once put "ge2" over "ge3" at the router."""
    from tests.render.readers import (
        overlapping_port_labels,
        visio_stacked_labels,
        visio_text_overflow,
    )

    pages = sorted(rendered.glob("network*.svg"))
    assert len(pages) >= 5
    for page in pages:
        assert not overlapping_port_labels(page), (page.name, overlapping_port_labels(page))
    # Visio draws no label of its own: netmap places each name (20 pairs stacked before)
    assert len(visio_stacked_labels(rendered / "network.vsdx")) <= 1
    # a critical server's badges ran over its box's bottom edge
    assert visio_text_overflow(rendered / "network.vsdx") == []


def test_port_names_never_stack_in_draw_io(rendered: Path, tmp_path: Path) -> None:
    """The lab's draw.io file as draw.io's engine lays it out: no port name on another, and
    few on a device's text (56 before netmap chose their spots, 4 to 6 after; its short links
    run through the devices' own text)."""
    from tests.render.drawio_engine import drawio_texts, port_names_on_text, stacked_port_names

    pages = drawio_texts(rendered / "network.drawio", tmp_path)
    assert sum(t.kind == "port" for texts in pages.values() for t in texts) >= 20
    assert stacked_port_names(pages) == []
    # 4 to 6 from scan to scan: the same few short links out of sw-core and fw1, on each page
    # that draws them
    assert len(port_names_on_text(pages)) <= 10, port_names_on_text(pages)


def test_no_line_runs_through_a_port_name_on_the_cabling_pages(rendered: Path) -> None:
    """The physical pages are read for which port each device uses: a name its own link ran
    through ("-ge5-" at ups1) read as struck out: 16 on the City Hall page and 5 on the Police
    page before."""
    from tests.render.readers import port_labels_on_their_line

    pages = sorted(rendered.glob("network-physical*.svg"))
    assert len(pages) >= 2
    for page in pages:
        assert not port_labels_on_their_line(page), (page.name, port_labels_on_their_line(page))


def test_the_garage_across_the_radio_link_is_its_own_site(lab: Any, lab_scan: LabScan,
                                                          rendered: Path) -> None:  # fmt: skip
    """The lab's profile says, as a contractor would, that ptp-pw and pw-ws1 stand in the Public
    Works garage (their subnet is City Hall's). The garage then has its own pages: its physical
    page hangs the radio from City Hall's stub by the air link and the PC under the radio;
    City Hall's physical page points from ptp-ch to the garage; the map draws both in the
    garage's site."""
    from netmap.render.diagram import physical_pages
    from netmap.render.physical import NOT_PLACED
    from netmap.render.scene import build_scene, sites

    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    standing = {d.name for d in lab.devices if d.site == "Public Works"}
    assert standing == {"ptp-pw", "pw-ws1"}
    by_name = {(d.name or "").split(".")[0]: d for d in inv.devices}
    assert {n: by_name[n].site for n in standing} == dict.fromkeys(standing, "Public Works")
    assert by_name["ptp-pw"].location == "Public Works"  # its sysLocation, as a radio's would
    pages = dict(zip(sites(inv), (scenes for _part, scenes in physical_pages(inv)), strict=True))

    def drawn(site: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], set[str]]:
        scene = pages[site][0]
        title = {n.id: n.title.split(".")[0] for n in scene.nodes.values()}
        edges = [(title[e.tail], title[e.head]) for e in scene.edges]
        air = [pair for pair, e in zip(edges, scene.edges, strict=True) if scene.over_air(e)]
        return edges, air, {c.label for c in scene.clusters.values()}

    edges, air, boxes = drawn("Public Works")
    assert sorted(edges) == [("ptp-pw", "pw-ws1"), ("to City Hall", "ptp-pw")]
    assert air == [("to City Hall", "ptp-pw")] and NOT_PLACED not in boxes
    edges, air, _ = drawn("City Hall")
    assert air == [("ptp-ch", "to Public Works")]
    assert ("sw-access", "ptp-ch") in edges
    scene = build_scene(inv)
    for node in scene.nodes.values():
        if node.title.split(".")[0] in standing:
            cid = node.cluster
            while cid is not None and scene.clusters[cid].parent is not None:
                cid = scene.clusters[cid].parent
            assert cid is not None and scene.clusters[cid].label == "Public Works", node.title
    svg = html.unescape(next(rendered.glob("network-physical-site*-Public-Works.svg")).read_text())
    assert "air link" in svg and "pw-ws1" in svg
    # with its site set, the garage is no longer pointed out; without, it is
    from netmap.render.inventory import attention_table

    topic = "Building across a radio link"
    assert not [r for r in attention_table(inv).rows if r[0] == topic]
    unsited = inv.model_copy(update={"devices": [
        d.model_copy(update={"site": "City Hall"}) for d in inv.devices]})  # fmt: skip
    rows = [r for r in attention_table(unsited).rows if r[0] == topic]
    assert [(r[1], r[2]) for r in rows] == [("ptp-pw", "10.77.10.72")], rows
    assert "ptp-pw and the 1 device behind it" in str(rows[0][3]), rows
