"""Regenerate netmap's own device icons (PNG) for the types the `diagrams` package lacks.

    .venv/bin/python -m netmap.render.icons.make_icons

Pure standard library (no Pillow): each icon is a list of shapes given as signed distance
functions, rasterised with analytic anti-aliasing and written as RGBA PNG. The style
matches the line icons of diagrams' on-prem set: slate strokes on a transparent ground.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SIZE = 256
INK = (45, 62, 80)  # slate, as diagrams' on-prem client/internet icons
ACCENT = (242, 153, 0)  # amber for energy (UPS bolt)
STROKE = 13.0
HERE = Path(__file__).resolve().parent

Sdf = Callable[[float, float], float]
Box = tuple[float, float, float, float]


@dataclass
class Layer:
    sdf: Sdf
    box: Box  # x0, y0, x1, y1: where the shape can be non-empty
    color: tuple[int, int, int] | None  # None: erase (cut a hole through what is below)


# --- signed distance primitives (negative inside) ---------------------------------------------


def rrect(x0: float, y0: float, x1: float, y1: float, r: float = 0.0) -> tuple[Sdf, Box]:
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2

    def f(x: float, y: float) -> float:
        qx, qy = abs(x - cx) - hx + r, abs(y - cy) - hy + r
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r

    return f, (x0, y0, x1, y1)


def circle(cx: float, cy: float, r: float) -> tuple[Sdf, Box]:
    return (lambda x, y: math.hypot(x - cx, y - cy) - r), (cx - r, cy - r, cx + r, cy + r)


def segment(ax: float, ay: float, bx: float, by: float, w: float = STROKE) -> tuple[Sdf, Box]:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy or 1.0

    def f(x: float, y: float) -> float:
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
        return math.hypot(x - ax - t * dx, y - ay - t * dy) - w / 2

    h = w / 2
    return f, (min(ax, bx) - h, min(ay, by) - h, max(ax, bx) + h, max(ay, by) + h)


def arc(cx: float, cy: float, r: float, a0: float, a1: float, w: float = STROKE) -> tuple[Sdf, Box]:
    """A stroked circular arc from angle a0 to a1 (degrees, clockwise on screen, 0 = east)."""
    start, span = math.radians(a0), math.radians(a1 - a0)
    ends = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in (start, start + span)]

    def f(x: float, y: float) -> float:
        ang = (math.atan2(y - cy, x - cx) - start) % (2 * math.pi)
        if ang <= span:
            return abs(math.hypot(x - cx, y - cy) - r) - w / 2
        return min(math.hypot(x - ex, y - ey) for ex, ey in ends) - w / 2

    h = r + w
    return f, (cx - h, cy - h, cx + h, cy + h)


def polygon(points: list[tuple[float, float]]) -> tuple[Sdf, Box]:
    """Exact signed distance to a simple polygon (Inigo Quilez's formulation)."""

    def f(x: float, y: float) -> float:
        d = (x - points[0][0]) ** 2 + (y - points[0][1]) ** 2
        sign = 1.0
        j = len(points) - 1
        for i, (vx, vy) in enumerate(points):
            wx, wy = points[j]
            ex, ey = wx - vx, wy - vy
            px, py = x - vx, y - vy
            t = max(0.0, min(1.0, (px * ex + py * ey) / ((ex * ex + ey * ey) or 1.0)))
            d = min(d, (px - ex * t) ** 2 + (py - ey * t) ** 2)
            c1, c2, c3 = y >= vy, y < wy, ex * py > ey * px
            if (c1 and c2 and c3) or (not c1 and not c2 and not c3):
                sign = -sign
            j = i
        return sign * math.sqrt(d)

    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return f, (min(xs), min(ys), max(xs), max(ys))


def outline(shape: tuple[Sdf, Box], w: float = STROKE) -> tuple[Sdf, Box]:
    f, (x0, y0, x1, y1) = shape
    h = w / 2
    return (lambda x, y: abs(f(x, y)) - h), (x0 - h, y0 - h, x1 + h, y1 + h)


def fill(shape: tuple[Sdf, Box], color: tuple[int, int, int] = INK) -> Layer:
    return Layer(shape[0], shape[1], color)


def cut(shape: tuple[Sdf, Box]) -> Layer:
    return Layer(shape[0], shape[1], None)


def line(shape: tuple[Sdf, Box], color: tuple[int, int, int] = INK) -> Layer:
    return fill(outline(shape), color)


# --- the icons ----------------------------------------------------------------------------------


def printer() -> list[Layer]:
    return [
        line(rrect(78, 34, 178, 96, 6)),
        fill(rrect(30, 92, 226, 182, 18)),
        cut(circle(196, 118, 9)),
        cut(rrect(62, 146, 194, 230, 4)),
        line(rrect(74, 150, 182, 222, 4)),
        fill(segment(98, 178, 158, 178, 9)),
        fill(segment(98, 200, 142, 200, 9)),
    ]


def _handset(dx: float = 0, dy: float = 0, k: float = 1.0) -> list[Layer]:
    def p(x: float, y: float) -> tuple[float, float]:
        return dx + 128 + (x - 128) * k, dy + y * k

    (ax, ay), (bx, by) = p(40, 52), p(216, 98)
    (lx, ly), (rx, ry) = p(40, 52), p(86, 124)
    (mx, my), (nx, ny) = p(170, 52), p(216, 124)
    return [
        fill(rrect(ax, ay, bx, by, 22 * k)),
        fill(rrect(lx, ly, rx, ry, 14 * k)),
        fill(rrect(mx, my, nx, ny, 14 * k)),
    ]


def phone() -> list[Layer]:
    body = polygon([(70, 124), (186, 124), (222, 222), (34, 222)])
    keys = [cut(circle(100 + 28 * i, 150 + 24 * j, 8)) for i in range(3) for j in range(3)]
    return [*_handset(), fill(body), *keys]


def pbx() -> list[Layer]:
    ports = [cut(rrect(48 + 30 * i, 196, 68 + 30 * i, 212, 3)) for i in range(6)]
    return [
        *_handset(0, 6, 0.62),
        fill(polygon([(92, 86), (164, 86), (184, 132), (72, 132)])),
        fill(rrect(24, 144, 232, 228, 14)),
        cut(rrect(44, 162, 150, 176, 4)),
        cut(circle(204, 169, 9)),
        *ports,
    ]


def ups() -> list[Layer]:
    bolt = polygon([(140, 62), (88, 148), (124, 148), (110, 206), (170, 114), (132, 114)])
    return [
        line(rrect(62, 30, 194, 228, 16)),
        fill(segment(96, 30, 160, 30, 14)),
        fill(bolt, ACCENT),
    ]


def pdu() -> list[Layer]:
    """A rack power strip: a bar of outlets, with the energy bolt at its feed end."""
    bolt = polygon([(52, 96), (30, 132), (46, 132), (40, 162), (66, 122), (50, 122)])
    outlets = []
    for i in range(4):
        x = 82 + 38 * i
        outlets += [
            fill(rrect(x, 104, x + 28, 152, 6)),
            cut(rrect(x + 7, 114, x + 11, 130, 1)),
            cut(rrect(x + 17, 114, x + 21, 130, 1)),
            cut(circle(x + 14, 142, 3.5)),
        ]
    return [line(rrect(14, 84, 242, 172, 14)), fill(bolt, ACCENT), *outlets]


def nas() -> list[Layer]:
    bays = []
    for i in range(4):
        y = 58 + 40 * i
        bays += [line(rrect(88, y, 190, y + 24, 5)), fill(circle(112, y + 12, 5))]
    return [line(rrect(62, 26, 194, 230, 16)), *bays]


def backup() -> list[Layer]:
    return [
        fill(rrect(24, 62, 232, 198, 18)),
        cut(circle(84, 118, 34)),
        cut(circle(172, 118, 34)),
        fill(circle(84, 118, 12)),
        fill(circle(172, 118, 12)),
        cut(rrect(70, 162, 186, 178, 4)),
        cut(rrect(96, 112, 160, 124, 0)),
    ]


def camera() -> list[Layer]:
    return [
        fill(polygon([(30, 84), (186, 54), (204, 126), (48, 156)])),
        fill(polygon([(186, 54), (228, 50), (238, 112), (204, 126)])),
        cut(circle(214, 88, 11)),
        fill(segment(118, 140, 134, 206, 18)),
        fill(rrect(92, 200, 184, 222, 6)),
    ]


def wireless_controller() -> list[Layer]:
    """A rack appliance under the Wi-Fi waves: the box the access points answer to."""
    ports = [fill(rrect(122 + 26 * i, 176, 140 + 26 * i, 192, 3)) for i in range(4)]
    return [
        fill(circle(128, 112, 12)),
        fill(arc(128, 112, 38, 225, 315)),
        fill(arc(128, 112, 66, 225, 315)),
        fill(arc(128, 112, 94, 225, 315)),
        line(rrect(20, 150, 236, 218, 14)),
        fill(circle(56, 184, 9)),
        fill(circle(84, 184, 9)),
        *ports,
    ]


def wireless_bridge() -> list[Layer]:
    """Two dishes on masts aimed at each other, a beam between them: a link, not a hotspot."""
    dishes = []
    for x, face in ((62, 1), (194, -1)):
        rim = x + 18 * face
        dishes += [
            fill(polygon([(x - 14 * face, 62), (rim, 50), (rim, 138), (x - 14 * face, 126)])),
            fill(segment(x - 8 * face, 94, x - 8 * face, 210, 14)),
            fill(rrect(x - 8 * face - 26, 204, x - 8 * face + 26, 218, 4)),
        ]
    # each dish's waves head for the other one
    beam = [fill(arc(82, 94, r, -32, 32), ACCENT) for r in (16, 32)] + \
        [fill(arc(174, 94, r, 148, 212), ACCENT) for r in (16, 32)]
    return [*dishes, *beam]


def unknown() -> list[Layer]:
    return [
        line(rrect(34, 34, 222, 222, 28)),
        fill(arc(128, 100, 34, 180, 405, 20)),
        fill(segment(152, 124, 128, 142, 20)),
        fill(segment(128, 142, 128, 158, 20)),
        fill(circle(128, 190, 13)),
    ]


def other() -> list[Layer]:
    return [
        line(rrect(26, 70, 230, 186, 20)),
        fill(circle(84, 128, 14)),
        fill(circle(128, 128, 14)),
        fill(circle(172, 128, 14)),
    ]


def site() -> list[Layer]:
    windows = [
        cut(rrect(78 + 40 * i, 72 + 44 * j, 98 + 40 * i, 96 + 44 * j, 2))
        for i in range(3)
        for j in range(3)
    ]
    return [
        fill(rrect(58, 36, 198, 214, 6)),
        *windows,
        fill(segment(26, 218, 230, 218, 12)),
    ]


ICONS: dict[str, Callable[[], list[Layer]]] = {
    "printer": printer,
    "phone": phone,
    "pbx": pbx,
    "ups": ups,
    "pdu": pdu,
    "nas": nas,
    "backup": backup,
    "camera": camera,
    "wireless_controller": wireless_controller,
    "wireless_bridge": wireless_bridge,
    "unknown": unknown,
    "other": other,
    "site": site,
}


# --- rasterising and PNG ------------------------------------------------------------------------


def rasterise(layers: list[Layer], size: int = SIZE) -> bytearray:
    """RGBA pixels: each layer painted (or erased) with coverage clamp(0.5 - distance)."""
    px = bytearray(size * size * 4)
    for layer in layers:
        x0, y0, x1, y1 = layer.box
        for y in range(max(0, int(y0) - 2), min(size, int(y1) + 3)):
            for x in range(max(0, int(x0) - 2), min(size, int(x1) + 3)):
                cover = 0.5 - layer.sdf(x + 0.5, y + 0.5)
                if cover <= 0:
                    continue
                cover = min(cover, 1.0)
                i = (y * size + x) * 4
                if layer.color is None:
                    px[i + 3] = round(px[i + 3] * (1 - cover))
                    continue
                below = px[i + 3] / 255
                alpha = cover + below * (1 - cover)
                for c in range(3):
                    mixed = layer.color[c] * cover + px[i + c] * below * (1 - cover)
                    px[i + c] = round(mixed / alpha)
                px[i + 3] = round(alpha * 255)
    return px


def png_bytes(px: bytearray, size: int = SIZE) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    stride = size * 4
    raw = b"".join(b"\x00" + bytes(px[r * stride : (r + 1) * stride]) for r in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    for name, make in ICONS.items():
        path = HERE / f"{name}.png"
        path.write_bytes(png_bytes(rasterise(make())))
        print(path)


if __name__ == "__main__":
    main()
