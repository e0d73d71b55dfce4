"""The logical view: subnets with their gateways and counts, zones (CJI named), the internet,
and the key systems by name; no switch ports and no end hosts."""

from __future__ import annotations

from netmap.infer.sla import assign_sla
from netmap.model import DEFAULT_SLA_TIERS, DeviceType, Inventory, LinkConfidence
from netmap.render.diagram import dot_source
from netmap.render.logical import build_logical_scene
from netmap.render.scene import Badge


def test_logical_scene_of_the_city(hall: Inventory) -> None:
    scene = build_logical_scene(assign_sla(hall, DEFAULT_SLA_TIERS), title="Logical view")
    titles = {n.title: n for n in scene.nodes.values()}
    assert "Internet" in titles and {"rtr-edge", "fw-01"} <= set(titles)
    for name in ("mail01", "pbx01", "backup01", "dc01", "cad-srv"):
        assert name in titles, name
    kinds = {n.type for n in scene.nodes.values() if n.kind == "device"}
    assert DeviceType.WORKSTATION not in kinds and DeviceType.PHONE not in kinds
    subnets = [n for n in scene.nodes.values() if n.kind == "subnet"]
    assert len(subnets) == len(hall.subnets)
    assert all(n.lines[0].startswith("gateway") and n.lines[1].endswith("devices")
               for n in subnets)  # fmt: skip
    assert any("criminal-justice" in c.label for c in scene.clusters.values() if c.kind == "zone")
    routed = [e for e in scene.edges if e.confidence is LinkConfidence.CONFIRMED]
    internet = next(n.id for n in scene.nodes.values() if n.kind == "internet")
    assert any(e.tail == internet for e in routed)
    # both gateways stand on the core subnet, which names neither as its gateway: each is
    # drawn on it, once (the firewall hung loose, joined to the internet alone)
    core = next(n.id for n in subnets if n.title.startswith("10.1.1.0/24"))
    on_core = sorted(scene.nodes[e.tail].title for e in routed if e.head == core)
    assert on_core == ["fw-01", "rtr-edge"]
    assert Badge.EMAIL in titles["mail01"].badges and Badge.CRITICAL in titles["mail01"].badges
    dot = dot_source(scene)
    assert "routed" in dot and "confirmed" not in dot  # its own legend, not the cabling's


def test_a_subnets_kinds_are_never_cut() -> None:
    """The diagram cuts a line at LINE_MAX characters: "5 workstations, 2 wireless brid…" on the
    lab's staff subnet. Two kinds too long for one line take one each."""
    from netmap.render.scene import LINE_MAX
    from tests.render.factory import garage_across_a_radio

    scene = build_logical_scene(garage_across_a_radio(), title="Logical view")
    staff = next(n for n in scene.nodes.values() if n.kind == "subnet")
    assert staff.lines[2:] == ["2 wireless bridges", "2 workstations"]
    assert all(len(line) <= LINE_MAX for line in staff.lines)


def test_a_site_on_another_sites_subnet_has_a_logical_page_with_it() -> None:
    """The garage stands on City Hall's subnet: its logical page was an empty sheet in the
    draw.io and Visio files. It shows that subnet, saying how many of its devices stand there;
    City Hall's page does not say so."""
    from netmap.render.diagram import editable_pages
    from tests.render.factory import garage_across_a_radio

    inv = garage_across_a_radio("Public Works")
    garage = build_logical_scene(inv, title="Logical - Public Works", site="Public Works")
    (subnet,) = garage.nodes.values()
    assert subnet.kind == "subnet" and subnet.lines[-1] == "2 of them in Public Works"
    hall = build_logical_scene(inv, title="Logical - City Hall", site="City Hall")
    assert not any("of them in" in line for n in hall.nodes.values() for line in n.lines)
    assert all(scene.nodes for _name, scene in editable_pages(inv))
