"""Port names that never sit on each other: a pass over Graphviz's finished layout.

Graphviz places an edge's head and tail labels at a fixed angle and distance from the node and
never checks them against each other, so the port names of a switch's many uplinks ("Gi1/0/30"
over "Gi1/0/31") or a router's tunnels could stack. netmap therefore lays a diagram out once
(`dot -Tdot`, which writes every position back into the graph), moves each port name that
would overlap one already placed to the nearest free spot around it, and draws the result
with `neato -n2`, which keeps every position as given. Pure text in, text out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from netmap.render.layout import spline_points

# A box as the text's extent on the page: x0, y0, x1, y1 (Graphviz points, y up).
Box = tuple[float, float, float, float]

CHAR_EM = 0.62  # average glyph width of the sans font, in em (generous: Graphviz's run narrower)
# statements nest a tab deeper per cluster
_EDGE = re.compile(r"^\t+(\S+) -> (\S+)\t+\[(.*?)\];$", re.DOTALL | re.MULTILINE)
_NODE = re.compile(r"^\t+(\w+)\t+\[(.*?)\];$", re.DOTALL | re.MULTILINE)
_LABEL = re.compile(r'(head|tail)_lp="([-\d.]+),([-\d.]+)"')
_TEXT = {"head": re.compile(r"headlabel=<([^>]*)>"), "tail": re.compile(r"taillabel=<([^>]*)>")}
_FONT = re.compile(r"\bfontsize=([\d.]+)")
_NODE_POS = re.compile(r'\bpos="([-\d.]+),([-\d.]+)"')
_NODE_SIZE = {k: re.compile(rf"\b{k}=([\d.]+)") for k in ("width", "height")}
_ENTITY = re.compile(r"&(#\d+|\w+);")
_SPLINE = re.compile(r'\bpos="([^"]*)"')
# A box's or page's title (`graph [...]`: its label's centre and size in inches) and a link's
# own words ("air link": its label's centre)
_GRAPH = re.compile(r"\bgraph \[(.*?)\];", re.DOTALL)
_TITLE_POS = re.compile(r'(?<![\w])lp="([-\d.]+),([-\d.]+)"')
_TITLE_SIZE = {k: re.compile(rf"\b{k}=([\d.]+)") for k in ("lwidth", "lheight")}
_EDGE_TEXT = re.compile(r"(?<![\w])label=<(.*?)>,?\s*\w+=", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# Where to look for room: further out from its node along the line from the node through the
# label (so it stays by its own link), in half label heights, then as far to either side.
_OUT = (1, 2, 3, 4, 5, 6)
_SIDE = (0, 1, -1, 2, -2)
# A name on its own link steps aside, as far as a long name across a steep line needs
_ASIDE = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5)


@dataclass
class _Label:
    node: str  # the node whose port it names
    start: int  # offset of its x,y text in the layout
    end: int
    x: float
    y: float
    width: float
    height: float
    line: tuple[tuple[float, float], ...] = ()  # points along its own link

    def on_line(self, dx: float = 0.0, dy: float = 0.0) -> bool:
        """Its own link runs through the text (the glyphs' height, not the spacing box)."""
        x0, _y0, x1, _y1 = self.box(dx, dy)
        y, half = self.y + dy, self.height / 3.2
        return any(x0 < px < x1 and y - half < py < y + half for px, py in self.line)

    def box(self, dx: float = 0.0, dy: float = 0.0) -> Box:
        # Graphviz starts the text half its own (narrower) estimate left of the centre: a
        # little more room on the right keeps the drawn text inside
        x, y = self.x + dx, self.y + dy
        return (x - self.width / 2, y - self.height / 2, x + 0.6 * self.width, y + self.height / 2)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _spline(attrs: str) -> tuple[tuple[float, float], ...]:
    """Points along an edge's B-spline as `-Tdot` writes it in its `pos` (a long one wrapped with
    backslash-newlines)."""
    found = _SPLINE.search(attrs)
    return bezier_points(spline_points(found.group(1).replace("\\\n", ""))) if found else ()


def bezier_points(pts: list[tuple[float, float]],
                  steps: int = 12) -> tuple[tuple[float, float], ...]:
    """Points along a chain of cubic Bezier segments given as Graphviz gives them: a start
    point, then three control points per segment."""
    out = pts[:1]
    for i in range(0, len(pts) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[i:i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return tuple(out)


def _labels(layout: str) -> Iterator[_Label]:
    for edge in _EDGE.finditer(layout):
        attrs, offset = edge.group(3), edge.start(3)
        line = _spline(attrs)
        for lp in _LABEL.finditer(attrs):
            text = _TEXT[lp.group(1)].search(attrs)
            node = edge.group(2) if lp.group(1) == "head" else edge.group(1)
            yield _Label(node, offset + lp.start(2), offset + lp.end(3), float(lp.group(2)),
                         float(lp.group(3)), *_text_size(attrs, text.group(1) if text else "xxxx"),
                         line)  # fmt: skip


def _text_size(attrs: str, text: str) -> tuple[float, float]:
    """A text's width and height on the page, at the font size its attributes give."""
    size = float(m.group(1)) if (m := _FONT.search(attrs)) else 14.0
    chars = len(_ENTITY.sub("x", _TAG.sub("", text)))
    return CHAR_EM * size * max(chars, 1), 1.6 * size


def _titles(layout: str) -> list[Box]:
    """The boxes' and the page's titles, and the words on links: port names must not cover
    them."""
    out: list[Box] = []
    for block in _GRAPH.finditer(layout):
        attrs = block.group(1)
        pos, w, h = (_TITLE_POS.search(attrs), _TITLE_SIZE["lwidth"].search(attrs),
                     _TITLE_SIZE["lheight"].search(attrs))  # fmt: skip
        if pos and w and h:
            out.append(_centred(pos, 72 * float(w.group(1)), 72 * float(h.group(1))))
    for edge in _EDGE.finditer(layout):
        attrs = edge.group(3)
        pos, text = _TITLE_POS.search(attrs), _EDGE_TEXT.search(attrs)
        if pos and text:
            out.append(_centred(pos, *_text_size(attrs, text.group(1))))
    return out


def _centred(pos: re.Match[str], width: float, height: float) -> Box:
    x, y = float(pos.group(1)), float(pos.group(2))
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _nodes(layout: str) -> dict[str, Box]:
    boxes: dict[str, Box] = {}
    for node in _NODE.finditer(layout):
        attrs = node.group(2)
        pos, w, h = (_NODE_POS.search(attrs), _NODE_SIZE["width"].search(attrs),
                     _NODE_SIZE["height"].search(attrs))  # fmt: skip
        if pos and w and h:
            x, y, half_w, half_h = (float(pos.group(1)), float(pos.group(2)),
                                    36 * float(w.group(1)), 36 * float(h.group(1)))
            boxes[node.group(1)] = (x - half_w, y - half_h, x + half_w, y + half_h)
    return boxes


def _moves(label: _Label, nodes: dict[str, Box]) -> Iterator[tuple[float, float]]:
    """Offsets to try, nearest first: out along the ray from its node's centre, then aside. A
    name its own link runs through goes aside first: further out along the ray it stays on it."""
    box = nodes.get(label.node)
    cx, cy = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else (label.x, label.y - 1)
    ux, uy = label.x - cx, label.y - cy
    norm = math.hypot(ux, uy) or 1.0
    ux, uy = ux / norm, uy / norm
    step = label.height / 2
    order = ([(out, side) for side in _ASIDE for out in (0, *_OUT[:2])] if label.on_line()
             else [(out, side) for out in _OUT for side in _SIDE])
    for out, side in order:
        yield (ux * out - uy * side) * step, (uy * out + ux * side) * step


def spread_port_labels(layout: str) -> str:
    """`layout` (Graphviz's `-Tdot` output) with each port name that would overlap an earlier
    one or a title (a box's, or a link's words), or that its own link runs through, moved to the
    nearest spot clear of the names placed, the nodes, the titles and its link. Two names on
    each other are worse than a line through one: where no spot is clear of all of them, a
    stacked name takes the nearest clear of names, nodes and titles, and a name with no such
    spot nearby stays where Graphviz put it."""
    nodes = _nodes(layout)
    titles = _titles(layout)
    blocked = list(nodes.values()) + titles
    labels = list(_labels(layout))
    placed: list[Box] = []
    moves: list[tuple[int, int, str]] = []
    for i, label in enumerate(labels):
        box = label.box()
        stacked = any(_overlaps(box, other) for other in placed + titles)
        if stacked or label.on_line():
            # a name that only steps off its line must not land where a later name sits
            later = [] if stacked else [other.box() for other in labels[i + 1:]]
            spot = _free_spot(label, nodes, placed + blocked + later, off_line=True)
            if spot is None and stacked:
                spot = _free_spot(label, nodes, placed + blocked, off_line=False)
            if spot is not None:
                dx, dy = spot
                box = label.box(dx, dy)
                moves.append((label.start, label.end, f"{label.x + dx:.2f},{label.y + dy:.2f}"))
        placed.append(box)
    for start, end, text in sorted(moves, reverse=True):
        layout = layout[:start] + text + layout[end:]
    return layout


def _free_spot(label: _Label, nodes: dict[str, Box], taken: list[Box],
               off_line: bool) -> tuple[float, float] | None:
    """The nearest offset where the name overlaps nothing `taken` (and, if `off_line`, is off
    its own link)."""
    for dx, dy in _moves(label, nodes):
        if off_line and label.on_line(dx, dy):
            continue
        if not any(_overlaps(label.box(dx, dy), other) for other in taken):
            return dx, dy
    return None
