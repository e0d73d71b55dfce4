from __future__ import annotations

from pathlib import Path

import pytest

from netmap.render.bundle import FORMATS, render_all, resolve_formats
from tests.render.factory import city_hall


def test_resolve_formats() -> None:
    assert resolve_formats(None) == set(FORMATS)
    assert resolve_formats(["diagram"]) == {"svg", "png", "pdf"}
    assert resolve_formats({"XLSX", ".csv"}) == {"xlsx", "csv"}
    bundle = resolve_formats({"zip"})
    assert {"bundle", "pdf", "svg", "xlsx", "drawio", "vsdx", "graphml", "html"} <= bundle
    assert "png" not in bundle
    with pytest.raises(ValueError, match=r"unknown output format.*docx"):
        resolve_formats({"docx"})


def test_render_subset_writes_only_what_was_asked(tmp_path: Path) -> None:
    paths = render_all(city_hall(), tmp_path, formats={"xlsx", "graphml"})
    assert sorted(p.name for p in paths) == ["inventory.xlsx", "network.graphml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory.xlsx", "network.graphml"]


def test_multi_site_diagram_has_a_page_per_site(tmp_path: Path) -> None:
    from tests.render.factory import town

    paths = render_all(town(120), tmp_path, formats={"svg"})
    assert [p.name for p in paths] == [
        "network.svg",
        "network-logical.svg",
        "network-site1-City-Hall.svg",
        "network-site2-Police.svg",
        "network-site3-Public-Works.svg",
        # the physical view: one page per site, each readable on A3 (City Hall was split in
        # two while its legend's footnote ran on one line; the 300-device town's still splits:
        # test_physical)
        "network-physical-site1-City-Hall.svg",
        "network-physical-site2-Police.svg",
        "network-physical-site3-Public-Works.svg",
    ]


def test_the_bundle_readme_says_what_each_page_shows() -> None:
    """Every page file was "Per-site diagram.", the city's logical view too."""
    from netmap.render.bundle import _readme
    from tests.render.factory import town

    inv = town(60)
    names = ["network-logical.pdf", "network-site2-Police.svg",
             "network-physical-site1-City-Hall-p2.pdf", "network-physical-site3-Public-Works.svg"]
    readme = _readme(inv, [Path(n) for n in names], redacted=False)
    said = {line.split()[0]: line.split(None, 1)[1] for line in readme.splitlines()[4:]}
    assert said["network-logical.pdf"].startswith("Logical view: subnets")
    assert said["network-site2-Police.svg"] == "Map of Police: its devices and links."
    assert said["network-physical-site1-City-Hall-p2.pdf"].startswith(
        "Physical view of City Hall (part 2):")
    assert said["network-physical-site3-Public-Works.svg"].startswith(
        "Physical view of Public Works:")


def test_empty_inventory_renders_everything(tmp_path: Path) -> None:
    inv = city_hall()
    inv.devices, inv.links, inv.subnets, inv.uplink, inv.snmp_failures = [], [], [], None, []
    paths = render_all(inv, tmp_path)
    assert {p.suffix for p in paths} >= {".svg", ".pdf", ".xlsx", ".drawio", ".vsdx", ".zip"}
    assert "No devices were found" in (tmp_path / "network.svg").read_text("utf-8")
    assert "found 0 devices" in (tmp_path / "summary.html").read_text("utf-8")


def test_site_names_with_dots_and_slashes_make_safe_file_names(tmp_path: Path) -> None:
    from tests.render.factory import town

    inv = town(60)
    for d in inv.devices:
        if d.site == "Police":
            d.site = "St. Mary's / Annex"
    for s in inv.subnets:
        if s.site == "Police":
            s.site = "St. Mary's / Annex"
    names = sorted(p.name for p in render_all(inv, tmp_path, formats={"svg"}))
    assert "network-site3-St.-Mary-s-Annex.svg" in names  # sites sorted by name
    assert all(p.parent == tmp_path for p in tmp_path.iterdir())
