"""Node and box positions for editable exports (draw.io, Visio), computed by Graphviz.

The scene is laid out with dot (same ranking and boxes as the schematic, every device
drawn) and read back with `dot -Tjson`. Coordinates are returned top-left based, in
points, the convention of draw.io and (after scaling) Visio.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from typing import Any

from netmap.render.sanitize import dot_html
from netmap.render.scene import Scene, SceneCluster, SceneNode

NODE_W, NODE_H = 110.0, 86.0  # points: the shape plus room for a three-line label below
LINE_H = 12.0  # points: each line more (a badge: "[CRITICAL]", "[BACKUP]")
TIMEOUT_S = 300


@dataclass(frozen=True)
class Rect:
    x: float  # left
    y: float  # top
    w: float
    h: float


Point = tuple[float, float]


@dataclass
class Layout:
    width: float
    height: float
    nodes: dict[str, Rect]
    clusters: dict[str, Rect]
    # (tail, head) -> the polyline of each edge between them, in the scene's edge order:
    # Graphviz routes it around the other nodes. Its ends sit on the layout boxes.
    routes: dict[tuple[str, str], list[list[Point]]] = field(default_factory=dict)

    def route(self, tail: str, head: str) -> list[Point]:
        """The next unused route between tail and head ([] when Graphviz gave none)."""
        queue = self.routes.get((tail, head))
        return queue.pop(0) if queue else []


def run_dot(source: str, args: list[str], *, stagger: int = 3) -> bytes:
    """Run `dot args` on `source`, first through `unflatten -l stagger -f` (which spreads
    the leaves of wide fans over several rows). If Graphviz fails on the staggered graph,
    lay out the plain one; if that fails too, raise with Graphviz's own message."""
    data = source.encode("utf-8")
    try:
        staggered = subprocess.run(
            ["unflatten", "-l", str(stagger), "-f"],
            input=data,
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        ).stdout
        return _dot(staggered, args)
    except subprocess.CalledProcessError:
        pass
    try:
        return _dot(data, args)
    except subprocess.CalledProcessError as err:
        message = err.stderr.decode("utf-8", "replace").strip()[-500:]
        raise RuntimeError(f"Graphviz could not lay out the diagram: {message}") from err


def _dot(data: bytes, args: list[str], engine: tuple[str, ...] = ("dot",)) -> bytes:
    done = subprocess.run(
        [*engine, *args], input=data, check=True, capture_output=True, timeout=TIMEOUT_S
    )
    return done.stdout


def draw_laid_out(layout: str, args: list[str]) -> bytes:
    """Draw a graph whose every position is already set (`dot -Tdot` output, perhaps edited):
    `neato -n2` keeps nodes, splines and labels where they are."""
    try:
        return _dot(layout.encode("utf-8"), args, engine=("neato", "-n2"))
    except subprocess.CalledProcessError as err:
        message = err.stderr.decode("utf-8", "replace").strip()[-500:]
        raise RuntimeError(f"Graphviz could not draw the diagram: {message}") from err


def layout_scene(scene: Scene) -> Layout:
    return parse_json_layout(json.loads(run_dot(_layout_dot(scene), ["-Tjson"])))


def parse_json_layout(data: dict[str, Any]) -> Layout:
    _, _, width, height = (float(v) for v in data["bb"].split(","))
    nodes: dict[str, Rect] = {}
    clusters: dict[str, Rect] = {}
    for obj in data.get("objects", []):
        name = str(obj.get("name", ""))
        if "bb" in obj and name.startswith("cluster_"):
            x0, y0, x1, y1 = (float(v) for v in obj["bb"].split(","))
            clusters[name.removeprefix("cluster_")] = Rect(x0, height - y1, x1 - x0, y1 - y0)
        elif "pos" in obj:
            cx, cy = (float(v) for v in obj["pos"].split(","))
            w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
            nodes[name] = Rect(cx - w / 2, height - cy - h / 2, w, h)
    names = {obj.get("_gvid"): str(obj.get("name", "")) for obj in data.get("objects", [])}
    routes: dict[tuple[str, str], list[list[Point]]] = {}
    for edge in data.get("edges", []):
        key = (names.get(edge.get("tail"), ""), names.get(edge.get("head"), ""))
        routes.setdefault(key, []).append(_polyline(str(edge.get("pos", "")), height))
    return Layout(width, height, nodes, clusters, routes)


def spline_points(pos: str) -> list[Point]:
    """The control points of an edge's `pos` (Graphviz's coordinates, y up). An arrowhead's
    "e,x,y" or "s,x,y" point is left out: the renderers draw their own ends. [] when the
    text is not a list of points."""
    points: list[Point] = []
    for item in pos.split():
        if item.startswith(("e,", "s,")):
            continue
        try:
            x, y = (float(v) for v in item.split(","))
        except ValueError:
            return []
        points.append((x, y))
    return points


def _polyline(pos: str, height: float) -> list[Point]:
    """The vertices of a `splines=polyline` edge, y down: its B-spline's control points come
    in threes, and with straight pieces every third one is a corner."""
    points = [(x, height - y) for x, y in spline_points(pos)]
    return points[::3] if len(points) % 3 == 1 else points


def _layout_dot(scene: Scene) -> str:
    lines = [
        "digraph layout {",
        f"  graph [rankdir={scene.direction} newrank=true splines=polyline nodesep=0.3 "
        'ranksep=0.6 fontsize=13 fontname="DejaVu Sans"];',
        f"  node [shape=box fixedsize=true width={NODE_W / 72:.3f} height={NODE_H / 72:.3f}];",
    ]
    for cluster in scene.children(None):
        lines += _cluster_dot(scene, cluster, "  ")
    lines += [_node_dot(n, "  ") for n in scene.members(None)]
    for e in scene.edges:
        attrs = "" if e.constraint else " [constraint=false]"
        if scene.ranks(e) > 1:
            attrs = f" [minlen={scene.ranks(e)}]"
        lines.append(f"  {e.tail} -> {e.head}{attrs};")
    lines.append("}")
    return "\n".join(lines)


def _cluster_dot(scene: Scene, cluster: SceneCluster, indent: str) -> list[str]:
    label = dot_html(cluster.label, max_len=60)
    out = [f"{indent}subgraph cluster_{cluster.id} {{", f"{indent}  label=<<B>{label}</B>>;"]
    for child in scene.children(cluster.id):
        out += _cluster_dot(scene, child, indent + "  ")
    out += [_node_dot(n, indent + "  ") for n in scene.members(cluster.id)]
    out.append(f"{indent}}}")
    return out


def _node_dot(node: SceneNode, indent: str) -> str:
    """A node, taller than the rest by a line per line of text beyond three (its title, two
    details): the Visio box holds its text, which spilt over a server's "[BACKUP]" badge."""
    more = 1 + min(len(node.lines), 2) + len(node.badges) - 3
    if more <= 0:
        return f"{indent}{node.id};"
    return f"{indent}{node.id} [height={(NODE_H + LINE_H * more) / 72:.3f}];"
