"""Where a port name goes on an editable page (Visio, draw.io): neither program places one.

Each name takes the first spot near its end of the link that is clear of the names placed, the
devices and the boxes' titles (further along its drawn path, round its bends, either side), else
the spot that covers the least. A link's own words ("air link") look for room along its longest
leg the same way.
The geometry is the same for both formats, only the units differ: inches with y up in Visio,
pixels with y down in draw.io.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

from netmap.render.layout import Point

# A text's or shape's extent: left, low, right, high (whichever way y runs)
Box = tuple[float, float, float, float]
# A shape as its centre and half sizes: x, y, half width, half height
Centred = tuple[float, float, float, float]

CHAR_EM = 0.62  # a glyph's average width, in em of its font size
_SIDES = (1, -1, 2.5, -2.5)  # which side of its line, in `side`s


@dataclass(frozen=True)
class Sizes:
    """A format's port names, in its own units."""

    font: float  # the name's font size
    height: float  # a name's line height
    along: float  # its first spot's distance from its end of the line
    side: float  # and off the line
    grid: float  # the side of a square of the grid that keeps what is taken
    pad: float = 0.0  # room around a name's text (draw.io's label background has some)
    steps: tuple[float, ...] = (1, 2, 3, 4, 5, 6)  # how far along its line, in `along`s

    def text_box(self, at: Point, text: str) -> Box:
        half_w = (len(text) * CHAR_EM * self.font + self.pad) / 2
        half_h = (self.height + self.pad) / 2
        return at[0] - half_w, at[1] - half_h, at[0] + half_w, at[1] + half_h


class Spots:
    """What is taken on a page, kept in a grid of squares so that a spot is checked against its
    neighbours only. Where no spot is free, a name on another name (neither can be read) costs
    NAME_ON_NAME times what a name on a device's text or a title costs."""

    NAME_ON_NAME = 4.0

    def __init__(self, sizes: Sizes, taken: list[Box]) -> None:
        self.sizes = sizes
        self.grid: dict[tuple[int, int], list[tuple[Box, float]]] = defaultdict(list)
        for box in taken:
            self._add(box, 1.0)

    def place(self, path: list[Point], text: str) -> Point:
        """A spot for the name of the port at `path[0]`, the end of a link drawn along `path`."""
        s = self.sizes
        return self.best([beside(path, s.along * k, s.side * side, s.along)
                          for k in s.steps for side in _SIDES], text)  # fmt: skip

    def best(self, spots: list[Point], text: str) -> Point:
        """The first of `spots` where the text covers nothing, else the one covering least."""
        covered = []
        for spot in spots:
            if (amount := self._covered(spot, text)) == 0:
                return self.take(spot, text)
            covered.append(amount)
        return self.take(spots[covered.index(min(covered))], text)

    def take(self, at: Point, text: str) -> Point:
        self._add(self.sizes.text_box(at, text), self.NAME_ON_NAME)
        return at

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        g = self.sizes.grid
        return [(i, j) for i in range(math.floor(box[0] / g), math.floor(box[2] / g) + 1)
                for j in range(math.floor(box[1] / g), math.floor(box[3] / g) + 1)]  # fmt: skip

    def _add(self, box: Box, weight: float) -> None:
        entry = (box, weight)  # one object in every cell it spans: counted once
        for cell in self._cells(box):
            self.grid[cell].append(entry)

    def _covered(self, at: Point, text: str) -> float:
        """How much of the text's box lies on what is taken, weighted (0: free)."""
        x0, y0, x1, y1 = self.sizes.text_box(at, text)
        # each box once, however many cells it spans (two boxes may be equal: count both)
        near = {id(e): e for cell in self._cells((x0, y0, x1, y1)) for e in self.grid.get(cell, ())}
        return sum(w * max(0.0, min(x1, t[2]) - max(x0, t[0])) * max(0.0, min(y1, t[3]) - max(y0, t[1]))
                   for t, w in near.values())  # fmt: skip


def beside(path: list[Point], along: float, side: float, first: float) -> Point:
    """A spot `along` the path from its start (the first step never past a third of the path,
    the others never past its middle) and `side` off it, so that a port name sits at its end of
    the link without covering the line."""
    legs = list(itertools.pairwise(path))
    total = sum(math.dist(a, b) for a, b in legs)
    along = min(along, total / 3 if along <= first else total / 2)
    for n, (a, b) in enumerate(legs):
        length = math.dist(a, b)
        if along <= length or n == len(legs) - 1:
            ux, uy = (b[0] - a[0]) / max(length, 1e-9), (b[1] - a[1]) / max(length, 1e-9)
            return a[0] + ux * along - uy * side, a[1] + uy * along + ux * side
        along -= length
    return path[0]


def along_middle(path: list[Point], sizes: Sizes) -> list[Point]:
    """Spots for a link's words along its longest leg, from the middle outwards, clear of both
    ends and beside the line rather than on it: to one side of a steep leg or above or below a
    flat one (the words are about 3 `along`s wide, centred), then on the other side."""
    a, b = max(
        itertools.pairwise(path),
        key=lambda leg: abs(leg[1][0] - leg[0][0]) + abs(leg[1][1] - leg[0][1]),
    )
    steep = abs(b[1] - a[1]) > abs(b[0] - a[0])
    spots = []
    for side in (1, -1):
        for t in (0.5, 0.4, 0.6, 0.3, 0.7):
            x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
            spots.append((x + side * sizes.along, y) if steep else (x, y + side * sizes.height))
    return spots


def extent(box: Centred) -> Box:
    x, y, hw, hh = box
    return x - hw, y - hh, x + hw, y + hh


def clip(a: Centred, b: Centred, route: list[Point]) -> list[Point]:
    """The link's path from a's outline to b's outline: the route's corners that lie outside
    both shapes, entered and left where the lines towards the shapes' centres cross them. With
    no corners, the straight line between the outlines that draw.io draws."""
    inner = [p for p in route[1:-1] if not (_inside(a, p) or _inside(b, p))]
    first = inner[0] if inner else b[:2]
    last = inner[-1] if inner else a[:2]
    return [_exit(a, first), *inner, _exit(b, last)]


def _inside(box: Centred, p: Point) -> bool:
    x, y, hw, hh = box
    return abs(p[0] - x) <= hw and abs(p[1] - y) <= hh


def _exit(box: Centred, towards: Point) -> Point:
    """Where the line from the box's centre towards a point crosses the box's outline."""
    x, y, hw, hh = box
    dx, dy = towards[0] - x, towards[1] - y
    if dx == 0 and dy == 0:
        return x, y
    scale = min(hw / abs(dx) if dx else float("inf"), hh / abs(dy) if dy else float("inf"))
    return x + dx * scale, y + dy * scale
