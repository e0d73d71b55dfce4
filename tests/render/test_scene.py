from __future__ import annotations

from collections import Counter

from netmap.model import DeviceType, LinkConfidence
from netmap.render.scene import Badge, Scene, SceneEdge, SceneNode, build_scene, sites
from tests.render.factory import city_hall, town


def _by_title(scene_nodes: dict[str, SceneNode]) -> dict[str, str]:
    return {n.title: n.id for n in scene_nodes.values()}


def test_every_device_is_one_node_when_not_collapsed() -> None:
    inv = city_hall()
    scene = build_scene(inv)
    represented = Counter(d for n in scene.nodes.values() for d in n.devices)
    assert set(represented) == {d.id for d in inv.devices}
    assert set(represented.values()) == {1}
    assert len([e for e in scene.edges if not e.layout_only]) == len(inv.links)
    assert scene.skipped_links == 0


def test_edges_point_downstream_from_the_internet() -> None:
    scene = build_scene(city_hall())
    ids = _by_title(scene.nodes)
    downstream = {(e.tail, e.head) for e in scene.edges}
    assert (ids["Internet"], ids["rtr-edge"]) in downstream
    assert (ids["rtr-edge"], ids["fw-01"]) in downstream
    assert (ids["fw-01"], ids["sw-core"]) in downstream
    assert (ids["sw-core"], ids["sw-hall-1"]) in downstream
    assert (ids["sw-hall-1"], ids["phone-101"]) in downstream
    tiers = {n.title: n.tier for n in scene.nodes.values()}
    assert (
        tiers["Internet"] < tiers["rtr-edge"] < tiers["fw-01"] < tiers["sw-core"] < tiers["mail01"]
    )


def test_ports_follow_the_orientation() -> None:
    scene = build_scene(city_hall())
    ids = _by_title(scene.nodes)
    edge = next(e for e in scene.edges if e.tail == ids["rtr-edge"] and e.head == ids["fw-01"])
    assert (edge.tail_port, edge.head_port) == ("Gi0/0/1", "port1")
    assert edge.confidence == LinkConfidence.CONFIRMED


def test_hosts_sit_in_their_subnet_box_and_switches_above_them() -> None:
    scene = build_scene(city_hall())
    node = {n.title: n for n in scene.nodes.values()}
    box = scene.clusters
    assert box[node["ws-001"].cluster or ""].label == "10.1.20.0/24 Staff"
    assert box[node["sw-hall-1"].cluster or ""].label == "Admin"  # serves only Admin subnets
    assert box[node["sw-core"].cluster or ""].label == "City Hall"
    assert box[node["sw-police"].cluster or ""].label == "Police (CJI)"  # its own zone


def test_collapse_folds_many_same_type_hosts_but_never_key_systems() -> None:
    inv = city_hall()
    scene = build_scene(inv, collapse_over=6, merge_parallel=True)
    groups = {n.title: n for n in scene.nodes.values() if n.kind == "group"}
    assert set(groups) == {"12 IP phones", "12 workstations"}
    assert groups["12 IP phones"].badges == [Badge.TELEPHONY]
    assert groups["12 workstations"].lines == ["10.1.20.101 - 10.1.20.112"]
    titles = {n.title for n in scene.nodes.values()}
    assert {"mail01", "pbx01", "backup01", "ws-013", "printer-1"} <= titles
    represented = Counter(d for n in scene.nodes.values() for d in n.devices)
    assert set(represented) == {d.id for d in inv.devices} and set(represented.values()) == {1}


def test_badges() -> None:
    node = {n.title: n for n in build_scene(city_hall()).nodes.values()}
    assert node["mail01"].badges == [Badge.EMAIL]
    assert node["pbx01"].badges == [Badge.TELEPHONY]
    assert node["backup01"].badges == [Badge.BACKUP]
    assert node["dc01"].badges == []


def test_unplaced_subnet_hangs_under_a_router() -> None:
    inv = town()
    scene = build_scene(inv)
    subnet_nodes = {n.id for n in scene.nodes.values() if n.kind == "subnet"}
    fed = {e.head for e in scene.edges}
    assert subnet_nodes and subnet_nodes <= fed
    assert all(e.links == [] for e in scene.edges if e.layout_only)


def test_site_page_keeps_one_site_and_stubs_the_others() -> None:
    inv = town()
    assert sites(inv) == ["City Hall", "Police", "Public Works"]
    scene = build_scene(inv, site="Police")
    devices = {d.id: d for d in inv.devices}
    shown = [devices[d] for n in scene.nodes.values() for d in n.devices]
    assert shown and {d.site for d in shown} == {"Police"}
    assert sum(1 for d in inv.devices if d.site == "Police") == len(shown)
    stubs = [n for n in scene.nodes.values() if n.kind == "remote"]
    assert [(s.title, s.lines) for s in stubs] == [("to City Hall", ["see that site's page"])]
    assert scene.title.endswith("Police")


def test_one_line_per_port_to_another_sites_stub() -> None:
    """The router's cable to the police switch and its interface in the police subnet both
    leave by ge3: one line to "to Police", the cable's; other ports keep their own."""
    from netmap.render.scene import _one_per_stub_port

    def edge(port: str | None, conf: LinkConfidence, head: str = "r0") -> SceneEdge:
        return SceneEdge(tail="rtr", head=head, tail_port=port, head_port=None, confidence=conf,
                         sources=[], links=[])

    subnet, cable = edge("ge3", LinkConfidence.ONE_SIDED), edge("ge3", LinkConfidence.CONFIRMED)
    other, bare, local = (edge("ge4", LinkConfidence.INFERRED), edge(None, LinkConfidence.INFERRED),
                          edge("ge3", LinkConfidence.INFERRED, head="sw1"))
    kept = _one_per_stub_port([(e, None) for e in (subnet, other, cable, bare, local)], {"r0"})
    assert kept == [cable, other, bare, local]
    # the Police page: both leave the stub by the router's ge3, to two different nodes
    def inbound(head: str, conf: LinkConfidence) -> SceneEdge:
        return SceneEdge(tail="r0", head=head, tail_port="ge3", head_port=None, confidence=conf,
                         sources=[], links=[])

    to_subnet, to_switch = inbound("s1", LinkConfidence.ONE_SIDED), inbound(
        "sw-pd", LinkConfidence.CONFIRMED)
    rtr = [(to_subnet, "rtr1"), (to_switch, "rtr1")]
    assert _one_per_stub_port(rtr, {"r0"}) == [to_switch]
    # two routers of the other site, each by its own ge3: two cables, two lines
    two = [(to_subnet, "rtr1"), (to_switch, "rtr2")]
    assert _one_per_stub_port(two, {"r0"}) == [to_subnet, to_switch]


def test_unknown_endpoints_are_skipped_not_fatal() -> None:
    inv = city_hall()
    inv.links[0].b = "mac:ff:ff:ff:ff:ff:ff"
    scene = build_scene(inv)
    assert scene.skipped_links == 1
    assert not [n for n in scene.nodes.values() if n.type == DeviceType.UNKNOWN and not n.devices]


def test_a_port_name_is_printed_once_per_node() -> None:
    """A router's ge1 carries the cable to its switch and the subnet it routes: one "ge1" at
    the router end, not two on top of each other; the far ends keep theirs."""
    def edge(head: str, tail_port: str | None, head_port: str | None) -> SceneEdge:
        return SceneEdge(tail="rtr", head=head, tail_port=tail_port, head_port=head_port,
                         confidence=LinkConfidence.CONFIRMED, sources=[], links=[])

    scene = Scene(title="t", clusters={}, nodes={}, edges=[
        edge("sw", "ge1", "ge24"), edge("net", "ge1", None), edge("sw2", "ge2", "ge1")])
    assert scene.port_labels() == [("ge1", "ge24"), (None, None), ("ge2", "ge1")]


def test_every_device_type_has_its_words_icon_shape_and_colour() -> None:
    """A new type needs a row in each renderer's table; one left out would draw a blank."""
    from netmap.model import DeviceType
    from netmap.render import diagram, drawio, vsdx
    from netmap.render.scene import TYPE_WORDS

    icons = diagram._icon_paths()
    for dtype in DeviceType:
        assert dtype in TYPE_WORDS and dtype in drawio.SHAPES, dtype
        assert dtype in vsdx.ACCENT, dtype
        assert dtype.value in icons and icons[dtype.value].exists(), dtype
