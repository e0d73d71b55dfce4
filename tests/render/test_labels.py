"""Port names never stack: the pass over Graphviz's layout, and the town's pages drawn with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netmap.render.bundle import render_all
from netmap.render.labels import spread_port_labels
from tests.render.factory import town
from tests.render.readers import overlapping_port_labels

# Two links leaving one switch side by side, as `dot -Tdot` writes them (nested in a cluster)
LAYOUT = """digraph {
\tsubgraph cluster_a {
\t\tsw\t[height=1,
\t\t\tpos="100,100",
\t\t\twidth=1];
\t\tsw -> a\t[fontsize=13,
\t\t\ttail_lp="150,110",
\t\t\ttaillabel=<Gi1/0/30>];
\t\tsw -> b\t[fontsize=13,
\t\t\ttail_lp="152,104",
\t\t\ttaillabel=<Gi1/0/31>];
\t\tsw -> c\t[fontsize=13,
\t\t\ttail_lp="100,300",
\t\t\ttaillabel=<ge1>];
\t}
}
"""


def _positions(layout: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r'_lp="([-\d.]+),([-\d.]+)"', layout)]


def test_a_stacked_port_name_moves_out_along_its_link_and_others_stay() -> None:
    before = _positions(LAYOUT)
    after = _positions(spread_port_labels(LAYOUT))
    assert after[0] == before[0] and after[2] == before[2]  # the first and a lone name stay
    (x0, y0), (x1, y1) = before[1], after[1]
    assert (x1, y1) != (x0, y0)
    # further from the switch's centre than before, and clear of the first name's line
    assert (x1 - 100) ** 2 + (y1 - 100) ** 2 > (x0 - 100) ** 2 + (y0 - 100) ** 2
    assert abs(y1 - after[0][1]) >= 13 or abs(x1 - after[0][0]) >= 0.62 * 13 * 8


# A host's port name set on its own straight link (x = 100 all along), and another name just
# to the side of it, where the first must not land
ON_LINE = """digraph {
\tsw -> pc\t[fontsize=13,
\t\thead_lp="100,160",
\t\theadlabel=<ge5>,
\t\tpos="e,100,200 100,100 100,133 100,\\\n166 100,200"];
\tsw -> cam\t[fontsize=13,
\t\thead_lp="122,160",
\t\theadlabel=<ge6>];
\tsw\t[height=1,
\t\tpos="100,100",
\t\twidth=1];
}
"""


def test_a_port_name_its_own_link_runs_through_steps_aside_clear_of_the_others() -> None:
    before = _positions(ON_LINE)
    after = _positions(spread_port_labels(ON_LINE))
    assert after[1] == before[1]  # the name beside its line stays
    (x, y) = after[0]
    assert x != 100  # off the vertical line, on the free side: not onto "ge6"
    assert x < 100 and abs(y - 160) <= 13


# A zone's title and an air link's words where Graphviz put two port names on them
ON_TITLES = """digraph {
\tsubgraph cluster_z {
\t\tgraph [label=<<B>Zone: Garage</B>>,
\t\t\tlheight=0.19,
\t\t\tlp="100,400",
\t\t\tlwidth=1.14
\t\t];
\t\tradio\t[height=1,
\t\t\tpos="100,300",
\t\t\twidth=1];
\t}
\tfar -> radio\t[fontsize=13,
\t\thead_lp="110,398",
\t\theadlabel=<port2>,
\t\tlabel=<<font color="#2980B9">air link</font>>,
\t\tlp="300,500",
\t\ttail_lp="302,497",
\t\ttaillabel=<port1>];
}
"""


def test_a_port_name_on_a_box_title_or_a_links_words_moves_off_them() -> None:
    """The garage's "port2" covered "Zone: Garage", and Police's "ge1" its "Zone: CJI"."""
    moved = _positions(spread_port_labels(ON_TITLES))
    title, words = (100 - 41, 400 - 7, 100 + 41, 400 + 7), (300 - 32, 500 - 10, 300 + 32, 510)
    for (x, y), (x0, y0, x1, y1) in zip(moved, (title, words), strict=True):
        width, height = 0.62 * 13 * 5, 1.6 * 13
        assert x + 0.6 * width <= x0 or x - width / 2 >= x1 or y + height / 2 <= y0 or \
            y - height / 2 >= y1, (x, y)


def test_a_layout_without_port_names_is_unchanged() -> None:
    plain = LAYOUT.replace("tail_lp", "lp")
    assert spread_port_labels(plain) == plain


@pytest.fixture(scope="module")
def town_svgs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("town-labels")
    inv = town(n_devices=300)
    render_all(inv, out, formats={"svg"})
    return sorted(out.glob("network*.svg"))


def test_no_port_names_stack_on_any_town_page(town_svgs: list[Path]) -> None:
    """The 300-device town's core switches and tunnel routers stacked seven pairs of port
    names ("Gi1/0/30" on "Gi1/0/32", "Tu2" on "Tu3") before labels were spread."""
    assert len(town_svgs) >= 8
    stacked = {p.name: overlapping_port_labels(p) for p in town_svgs}
    assert not any(stacked.values()), stacked
