"""A .drawio file laid out by mxGraph, the engine draw.io itself draws with, in headless
Chromium with no network: where each text lands, measured with the machine's real fonts.

draw.io places a label exactly where its geometry says; nothing moves it out of another's way.
So a port name that netmap put on another is on it for every reader. mxGraph (Apache-2.0) is
installed by `make test` with npm, pinned in mxgraph/package-lock.json.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.render.browser_check import FLAGS
from tests.render.viewers import need, run

ENGINE = Path(__file__).resolve().parent / "mxgraph"
MXCLIENT = ENGINE / "node_modules" / "mxgraph" / "javascript" / "mxClient.min.js"
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (pixels, y down)
_OUT = re.compile(r'<div id="out">(.*?)</div>', re.DOTALL)


@dataclass
class Text:
    kind: str  # "port" (a port name), "link" (a link's own words), "text" (any other)
    text: str
    box: Box


def drawio_texts(drawio: Path, work: Path) -> dict[str, list[Text]]:
    """Every page's texts as mxGraph draws them, by page name."""
    if not MXCLIENT.is_file():
        pytest.fail(f"mxGraph is not installed: `npm ci --prefix {ENGINE}` (make test runs it)")
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"{drawio.stem}-data.js"
    data.write_text("const DRAWIO = " + json.dumps(drawio.read_text("utf-8")) + ";", "utf-8")
    scripts = [MXCLIENT, data, ENGINE / "layout.js"]
    page = work / f"{drawio.stem}-engine.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div>'
        "<script>mxLoadResources = false; mxLoadStylesheets = false;</script>"
        + "".join(f'<script src="{s.as_uri()}"></script>' for s in scripts)
        + "</body></html>",
        "utf-8",
    )
    dom = run([need("chromium"), *FLAGS, f"--user-data-dir={work / 'chromium-profile'}",
               "--dump-dom", page.as_uri()]).stdout  # fmt: skip
    found = _OUT.search(dom)
    assert found, f"mxGraph wrote nothing: {dom[-500:]}"
    pages = json.loads(html.unescape(found.group(1)))
    assert isinstance(pages, list), f"mxGraph failed: {pages}"
    return {p["name"]: [Text(c["kind"], c["text"], tuple(c["box"])) for c in p["cells"]]
            for p in pages}  # fmt: skip


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def stacked_port_names(pages: dict[str, list[Text]]) -> list[str]:
    """Pairs of port names drawn on each other: 'page: Gi1/0/2 / Gi1/0/3'."""
    out = []
    for name, texts in pages.items():
        ports = [t for t in texts if t.kind == "port"]
        out += [f"{name}: {a.text} / {b.text}" for i, a in enumerate(ports)
                for b in ports[i + 1:] if _overlap(a.box, b.box)]  # fmt: skip
    return out


def port_names_on_text(pages: dict[str, list[Text]]) -> list[str]:
    """Port names drawn on another text: a device's, a box's title, a link's words."""
    out = []
    for name, texts in pages.items():
        others = [t for t in texts if t.kind != "port"]
        out += [f"{name}: {p.text} on {o.text.splitlines()[0]!r}" for p in texts
                if p.kind == "port" for o in others if _overlap(p.box, o.box)]  # fmt: skip
    return out
