"""The draw.io file as draw.io lays it out (mxGraph, its engine, in headless Chromium).

draw.io draws a port name where its geometry says and moves it out of nobody's way. netmap
placed each at a fixed share of its link (0.7 from the middle): on the city hall's pages 7 pairs
of names lay on each other and 32 names on a device's text; on the 300-device town 7 and 120.
Each name now takes the first free spot near its end of the link, as on the Visio pages.
"""

from __future__ import annotations

from pathlib import Path

from netmap.model import Inventory
from netmap.render.drawio import render_drawio
from tests.render.drawio_engine import drawio_texts, port_names_on_text, stacked_port_names


def test_port_names_stay_clear_in_draw_io(hall: Inventory, tmp_path: Path) -> None:
    pages = drawio_texts(render_drawio(hall, tmp_path / "hall.drawio"), tmp_path)
    assert sum(t.kind == "port" for texts in pages.values() for t in texts) >= 100
    assert stacked_port_names(pages) == []
    # a firewall's short link to the switch below runs through the firewall's own text
    assert len(port_names_on_text(pages)) <= 2, port_names_on_text(pages)


def test_port_names_stay_clear_on_the_towns_draw_io_pages(
    town_drawio: tuple[Inventory, Path], tmp_path: Path
) -> None:
    """Fans of 48 links to an access switch's ports leave a few names no spot clear of the
    devices' text; a name never goes on another where a spot on text is left."""
    pages = drawio_texts(town_drawio[1], tmp_path)
    assert sum(t.kind == "port" for texts in pages.values() for t in texts) >= 600
    assert stacked_port_names(pages) == []
    assert len(port_names_on_text(pages)) <= 10, port_names_on_text(pages)


def test_the_engine_sees_names_on_each_other(tmp_path: Path) -> None:
    """The check can fail: two names at the same share of a link, one on a device's text."""
    drawio = tmp_path / "stacked.drawio"
    drawio.write_text(
        '<mxfile><diagram name="p"><mxGraphModel><root><mxCell id="0"/>'
        '<mxCell id="1" parent="0"/>'
        '<object id="a" label="sw1&#10;10.0.0.1"><mxCell vertex="1" parent="1" '
        'style="html=0;verticalLabelPosition=bottom;verticalAlign=top;">'
        '<mxGeometry x="0" y="0" width="60" height="30" as="geometry"/></mxCell></object>'
        '<object id="b" label="pc1"><mxCell vertex="1" parent="1" style="html=0;">'
        '<mxGeometry x="0" y="300" width="60" height="30" as="geometry"/></mxCell></object>'
        '<object id="e" label=""><mxCell edge="1" parent="1" source="a" target="b">'
        '<mxGeometry relative="1" as="geometry"/></mxCell></object>'
        + "".join(
            f'<mxCell id="e{n}" value="{v}" vertex="1" connectable="0" parent="e" '
            f'style="edgeLabel;html=0;fontSize=9;"><mxGeometry relative="1" x="{x}" '
            'as="geometry"><mxPoint as="offset"/></mxGeometry></mxCell>'
            for n, v, x in ((1, "Gi1/0/1", "0"), (2, "Gi1/0/2", "0"), (3, "Gi1/0/3", "-0.86"))
        )
        + "</root></mxGraphModel></diagram></mxfile>",
        "utf-8",
    )
    pages = drawio_texts(drawio, tmp_path)
    assert stacked_port_names(pages) == ["p: Gi1/0/1 / Gi1/0/2"]
    assert port_names_on_text(pages) == ["p: Gi1/0/3 on 'sw1'"]
