"""How readable a drawn page is: its edge crossings and its size on paper, from Graphviz's own
layout of the very DOT the diagram is rendered from.

Edges are Graphviz's cubic B-splines, sampled into short segments; two edges cross when a
segment of one meets a segment of the other away from the nodes they share. Sizes are in
points (1/72 in), as Graphviz gives them.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass

from netmap.render.diagram import STAGGER, dot_source
from netmap.render.layout import run_dot, spline_points
from netmap.render.scene import Scene

Point = tuple[float, float]
Segment = tuple[Point, Point]
SAMPLES = 8  # segments per Bezier piece: finer than any two edges run side by side
# A3 and tabloid, landscape, less 10 mm margins all round (points)
PAPER = {"A3": (1190.6 - 56.7, 841.9 - 56.7), "tabloid": (1224.0 - 56.7, 792.0 - 56.7)}
# The smallest running text on a diagram (addresses, models, port labels) is 9 pt; printed
# below 5 pt it cannot be read. (Badges are 8 pt bold capitals on colour: they stay legible.)
SMALLEST_FONT = 9.0
READABLE_FONT = 5.0
READABLE_SCALE = READABLE_FONT / SMALLEST_FONT


@dataclass(frozen=True)
class PageQuality:
    edges: int
    crossing_edges: int  # edges that cross at least one other edge
    width: float  # points
    height: float

    @property
    def crossing_share(self) -> float:
        return self.crossing_edges / self.edges if self.edges else 0.0

    def scale(self, paper: str = "A3") -> float:
        """The factor that fits the page on `paper` (landscape), at most 1."""
        pw, ph = PAPER[paper]
        return min(1.0, pw / self.width, ph / self.height) if self.width and self.height else 1.0

    def readable(self, paper: str = "A3") -> bool:
        return self.scale(paper) >= READABLE_SCALE


def page_quality(scene: Scene) -> PageQuality:
    data = json.loads(run_dot(dot_source(scene), ["-Tjson"], stagger=STAGGER))
    _x0, _y0, width, height = (float(v) for v in data["bb"].split(","))
    names = {obj.get("_gvid"): str(obj.get("name", "")) for obj in data.get("objects", [])}
    edges: list[tuple[str, str, list[Segment]]] = []
    for edge in data.get("edges", []):
        tail, head = names.get(edge.get("tail"), ""), names.get(edge.get("head"), "")
        if "invis" in str(edge.get("style", "")):
            continue  # layout helpers (the legend's anchor), not drawn
        edges.append((tail, head, _segments(str(edge.get("pos", "")))))
    crossing = _crossing_edges(edges)
    return PageQuality(len(edges), len(crossing), width, height)


def _segments(pos: str) -> list[Segment]:
    points = spline_points(pos)
    curve: list[Point] = points[:1]
    for i in range(1, len(points) - 2, 3):  # one cubic piece per three control points
        p0, p1, p2, p3 = points[i - 1], points[i], points[i + 1], points[i + 2]
        curve += [_bezier(p0, p1, p2, p3, k / SAMPLES) for k in range(1, SAMPLES + 1)]
    return list(itertools.pairwise(curve))


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
            a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])  # fmt: skip


def _crossing_edges(edges: list[tuple[str, str, list[Segment]]]) -> set[int]:
    boxes = [_box([p for seg in segs for p in seg]) for _t, _h, segs in edges]
    out: set[int] = set()
    for i, (ti, hi, si) in enumerate(edges):
        for j in range(i + 1, len(edges)):
            tj, hj, sj = edges[j]
            if not _overlap(boxes[i], boxes[j]):
                continue
            shared = {ti, hi} & {tj, hj}
            if _cross(si, sj, bool(shared)):
                out.update((i, j))
    return out


def _cross(a: list[Segment], b: list[Segment], shared_end: bool) -> bool:
    # Edges that meet at a node touch there by design: their first and last pieces, which
    # run into that node, are not counted.
    inner_a = a[1:-1] if shared_end else a
    inner_b = b[1:-1] if shared_end else b
    return any(_intersect(s, t) for s in inner_a for t in inner_b
               if _overlap(_box([*s]), _box([*t])))  # fmt: skip


def _box(points: list[Point]) -> tuple[float, float, float, float]:
    if not points:
        return (0.0, 0.0, -1.0, -1.0)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _intersect(s: Segment, t: Segment) -> bool:
    """Proper intersection of two segments (touching ends do not count)."""
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(t[0], t[1], s[0]), orient(t[0], t[1], s[1])
    d3, d4 = orient(s[0], s[1], t[0]), orient(s[0], s[1], t[1])
    return d1 * d2 < 0 and d3 * d4 < 0

