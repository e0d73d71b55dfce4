"""The physical view (render/physical.py): the cabling tree per site, hosts under their switch,
counted groups, the not-placed box, pages split to print on A3, and crossings counted from
Graphviz's own layout (render/crossings.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from netmap.model import DeviceType, Inventory
from netmap.render.crossings import PageQuality, page_quality
from netmap.render.diagram import physical_pages
from netmap.render.physical import NOT_PLACED, build_physical_scene, port_span
from netmap.render.scene import Scene
from tests.render.factory import city_hall, garage_across_a_radio, town


def titles(scene: Scene) -> dict[str, str]:
    return {n.id: n.title for n in scene.nodes.values()}


def edges_by_title(scene: Scene) -> list[tuple[str, str]]:
    t = titles(scene)
    return [(t[e.tail], t[e.head]) for e in scene.edges]


def test_the_tree_runs_from_the_internet_down_and_only_the_tree_is_drawn() -> None:
    scene = build_physical_scene(city_hall(), "City Hall", "t")
    edges = edges_by_title(scene)
    for pair in [("Internet", "rtr-edge"), ("rtr-edge", "fw-01"), ("fw-01", "sw-core"),
                 ("sw-core", "sw-hall-1"), ("sw-core", "sw-police")]:  # fmt: skip
        assert pair in edges
    heads = Counter(e.head for e in scene.edges)
    assert max(heads.values()) == 1  # a tree: every node hangs under exactly one parent


def test_hosts_hang_under_their_switch_counted_by_type() -> None:
    scene = build_physical_scene(city_hall(), "City Hall", "t")
    edges = edges_by_title(scene)
    groups = {n.title: n for n in scene.nodes.values() if n.kind == "group"}
    # workstations are counted as soon as two share a switch, with the switch ports they use
    assert ("sw-hall-1", "12 workstations") in edges
    assert groups["12 workstations"].lines == ["ports 13–24"]
    # printers stay single up to single_up_to (4): two printers are drawn by name
    assert ("sw-hall-2", "printer-1") in edges and ("sw-hall-2", "printer-2") in edges
    # a system with a role badge is never folded into a count
    assert ("sw-core", "mail01") in edges


def test_the_legend_explains_counted_groups_only_on_a_page_that_has_them() -> None:
    """A page that draws counted groups explains them, by one of its own ("12 IP phones"; a
    fixed "12 workstations" misled beside "2 workstations"); the logical view does not."""
    from netmap.render.diagram import GROUP_NOTE, dot_source
    from netmap.render.logical import build_logical_scene

    grouped = build_physical_scene(city_hall(), "City Hall", "t")
    assert any(n.kind == "group" for n in grouped.nodes.values())
    note = GROUP_NOTE.split("{example}")[1]
    assert "&quot;12 IP phones" + note in dot_source(grouped)  # one of the page's own
    assert note not in dot_source(build_logical_scene(city_hall(), "t"))


def test_the_legend_says_whose_port_a_host_line_names() -> None:
    """A host's line names its switch's port at the host's end (where each name has room), so
    "ge6" beside the NAS read as the NAS's own port: the legend says it is the switch's."""
    scene = build_physical_scene(city_hall(), "City Hall", "t")
    assert "each device under the switch port it uses, named at the device's end of its line" \
        in (scene.legend_note or "")


def test_single_up_to_folds_printers_and_phones_above_the_limit() -> None:
    scene = build_physical_scene(city_hall(), "City Hall", "t", single_up_to=1)
    assert ("sw-hall-2", "2 printers") in edges_by_title(scene)


def test_devices_without_a_port_go_in_one_not_placed_box() -> None:
    scene = build_physical_scene(city_hall(), "City Hall", "t")
    box = next(c for c in scene.clusters.values() if c.label == NOT_PLACED)
    inside = {n.title for n in scene.members(box.id)}
    assert inside == {"kiosk-lobby", "10.1.20.250"}
    ids = {n.id for n in scene.members(box.id)}
    assert not [e for e in scene.edges if e.head in ids or e.tail in ids]
    assert "no LLDP or CDP neighbour" in (scene.legend_note or "")


def test_every_device_of_a_site_is_drawn() -> None:
    inv = city_hall()
    drawn = {d for n in build_physical_scene(inv, "City Hall", "t").nodes.values()
             for d in n.devices}  # fmt: skip
    assert drawn == {d.id for d in inv.devices}


@pytest.fixture(scope="module")
def town_pages() -> tuple[Inventory, list[tuple[str, list[Scene]]]]:
    inv = town()
    return inv, physical_pages(inv)


def test_a_site_too_big_for_a3_is_split_into_an_overview_and_continuations(
    town_pages: tuple[Inventory, list[tuple[str, list[Scene]]]],
) -> None:
    inv, pages = town_pages
    hall = dict(pages)["-site1-City-Hall"]
    assert len(hall) > 1
    overview = hall[0]
    summaries = [n for n in overview.nodes.values() if n.key.startswith("summary:")]
    assert summaries and all(n.lines[-1].startswith("see page ") for n in summaries)
    for page in hall[1:]:
        assert any(n.lines == ["uplink: see page 1"] for n in page.nodes.values())
    on_pages = {d for page in hall for n in page.nodes.values() for d in n.devices}
    site = {d.id for d in inv.devices if d.site == "City Hall"}
    assert site <= on_pages  # nobody lost in the split


def quality_of(pages: list[tuple[str, list[Scene]]]) -> list[PageQuality]:
    return [page_quality(scene) for _part, scenes in pages for scene in scenes]


def test_pages_print_on_a3_with_almost_no_crossings(
    town_pages: tuple[Inventory, list[tuple[str, list[Scene]]]],
) -> None:
    """The issue's goals, on the 300-device town and the city hall: fewer than 5 % of edges
    cross another, and every page prints readably on A3."""
    for q in [*quality_of(town_pages[1]), *quality_of(physical_pages(city_hall()))]:
        assert q.crossing_share < 0.05, q
        assert q.readable("A3"), q


def test_the_crossing_count_sees_crossings() -> None:
    """The old per-site page of the town, hosts in subnet boxes and links running across
    them, is what the physical view replaces: the same counter finds its crossings."""
    from netmap.render.scene import build_scene

    q = page_quality(build_scene(town(), collapse_over=6, merge_parallel=True, site="City Hall",
                                 title="t"))  # fmt: skip
    assert q.crossing_share > 0.3


def test_port_span() -> None:
    assert port_span(["ge3", "ge4", "ge5", "ge9", "Gi1/0/2", "Gi1/0/3", "mgmt"]) == \
        "Gi1/0/2–Gi1/0/3, ge3–ge5, ge9, mgmt"  # fmt: skip
    assert port_span([]) == ""


def test_types_the_issue_keeps_single_are_single_at_the_default() -> None:
    scene = build_physical_scene(town(), "Police", "t")
    for node in scene.nodes.values():
        if node.kind == "group" and node.type in (DeviceType.SERVER, DeviceType.UPS):
            assert len(node.devices) > 4


def test_a_building_across_a_radio_link_has_its_cabling_on_its_own_page() -> None:
    """The garage's page hangs its radio under City Hall's stub by the air link and the PC under
    the radio (it was "not placed": nothing of the garage had a switch); City Hall's page points
    from its radio to the garage."""
    inv = garage_across_a_radio("Public Works")
    garage = build_physical_scene(inv, "Public Works", "garage")
    assert sorted(edges_by_title(garage)) == [("ptp-b", "pc1"), ("to City Hall", "ptp-b")]
    assert [edges_by_title(garage)[i] for i, e in enumerate(garage.edges)
            if garage.over_air(e)] == [("to City Hall", "ptp-b")]  # fmt: skip
    assert not any(c.label == NOT_PLACED for c in garage.clusters.values())
    hall = build_physical_scene(inv, "City Hall", "hall")
    assert ("ptp-a", "to Public Works") in edges_by_title(hall)
    air = [edges_by_title(hall)[i] for i, e in enumerate(hall.edges) if hall.over_air(e)]
    assert air == [("ptp-a", "to Public Works")]
    assert "pc1" not in titles(hall).values()


def test_a_host_standing_in_another_site_is_drawn_there_in_its_subnet() -> None:
    """A device's own site (an override) beats its subnet's: the map draws the garage PC in a
    box of its subnet inside the garage's site, and the garage's page shows it."""
    from netmap.render.scene import build_scene

    inv = garage_across_a_radio("Public Works")
    scene = build_scene(inv)
    boxes = scene.clusters

    def chain(title: str) -> list[str]:
        node = next(n for n in scene.nodes.values() if n.title == title)
        out, cid = [], node.cluster
        while cid is not None:
            out.append(f"{boxes[cid].kind} {boxes[cid].label}")
            cid = boxes[cid].parent
        return out[::-1]

    assert chain("pc1") == ["site Public Works", "zone Staff", "subnet 10.9.0.0/24 Staff"]
    assert chain("ws1") == ["site City Hall", "zone Staff", "subnet 10.9.0.0/24 Staff"]
    page = build_scene(inv, site="Public Works")
    assert {"ptp-b", "pc1"} <= set(titles(page).values())
    assert [page.over_air(e) for e in page.edges if "to City Hall" in
            (titles(page)[e.tail], titles(page)[e.head])] == [True]  # fmt: skip


def test_a_long_device_name_wraps_instead_of_being_cut() -> None:
    """'unmanaged switch (sw-access…' lost the port it names; it breaks before the bracket.
    A hostile name still goes through the escaper on both lines."""
    from netmap.render.diagram import node_label
    from netmap.render.scene import SceneNode

    label = node_label(SceneNode(id="n1", kind="device", title="unmanaged switch (sw-access ge4)"))
    assert "unmanaged switch<BR/>(sw-access ge4)" in label and "…" not in label
    hostile = node_label(SceneNode(id="n2", kind="device",
                                   title="<b>a long name</b> (<script>alert(1))"))
    assert "<BR/>(&lt;script&gt;" in hostile and "<script>" not in hostile


def test_the_uplink_names_the_routers_port_at_the_router_and_keeps_its_evidence() -> None:
    """The physical pages put 'wan1' at the cloud's end and drew a default route as a link
    both ends confirm."""
    inv = city_hall()
    assert inv.uplink is not None
    link = next(x for x in inv.links if "internet" in (x.a, x.b))
    scene = build_physical_scene(inv, "City Hall", "t")
    internet = next(n.id for n in scene.nodes.values() if n.kind == "internet")
    (edge,) = [e for e in scene.edges if internet in (e.tail, e.head)]
    assert edge.tail == internet and edge.tail_port is None
    assert edge.head_port == inv.uplink.interface and edge.confidence is link.confidence
