"""Time every deliverable for a generated ~300-device, three-site network.

    .venv/bin/python bench/render_speed.py [n_devices] [out_dir]

Goal (spec): the schematic of a 300-device network renders in under 15 s. Prints one line
per format and the total; writes into a temporary directory unless out_dir is given. Then,
per page of the physical view: edges, how many cross another (goal: under 5 %), the page
size in points and the scale it prints at on A3 landscape (readable at 0.56 and above).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netmap.render.bundle import render_all
from netmap.render.crossings import page_quality
from netmap.render.diagram import physical_pages
from tests.render.factory import town

STEPS = [("diagram (svg+png+pdf, all pages)", {"diagram"}), ("drawio", {"drawio"}),
         ("vsdx", {"vsdx"}), ("graphml", {"graphml"}), ("xlsx + csv", {"inventory"}),
         ("summary html + pdf", {"summary"})]  # fmt: skip


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    inv = town(n)
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    say(f"{len(inv.devices)} devices, {len(inv.links)} links, {len(inv.subnets)} subnets")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp)
        total = 0.0
        for label, formats in STEPS:
            start = time.perf_counter()
            paths = render_all(inv, out, formats=formats)
            took = time.perf_counter() - start
            total += took
            say(f"{label:<36} {took:6.2f} s  ({len(paths)} files)")
        start = time.perf_counter()
        render_all(inv, out / "redacted-run", formats={"bundle"}, redact=True)
        say(f"{'redacted RFP bundle (everything)':<36} {time.perf_counter() - start:6.2f} s")
        say(f"{'total (unredacted formats)':<36} {total:6.2f} s")
    say("")
    say(f"{'physical view page':<36} {'edges':>5} {'cross':>5} {'share':>6} {'width':>6} "
        f"{'height':>6} {'A3':>5}")
    for part, scenes in physical_pages(inv):
        for k, scene in enumerate(scenes, 1):
            q = page_quality(scene)
            name = f"network-physical{part}" + (f"-p{k}" if len(scenes) > 1 else "")
            say(f"{name:<36} {q.edges:>5} {q.crossing_edges:>5} {q.crossing_share:>6.1%} "
                f"{q.width:>6.0f} {q.height:>6.0f} {q.scale('A3'):>5.2f}")
    results = Path(__file__).parent / "results" / "render_speed.txt"
    results.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
