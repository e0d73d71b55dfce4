"""Glue between the stages for the CLI: stored scan -> inventory (stored) -> deliverables.

Everything here is a pure function of what is in the store; nothing scans.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from pathlib import Path

from netmap.config import Profile
from netmap.model import Inventory, ScanRecord
from netmap.store import Store


def warm_imports(render: bool) -> threading.Thread:
    """Import the inference (and rendering) modules in a background thread while the scan
    waits on the network: a quick scan of a /24 spends most of its wall time waiting for ARP
    replies, and a third of a second importing what turns its observations into an inventory."""

    def load() -> None:
        import netmap.infer.pipeline
        import netmap.infer.topology

        if render:
            import netmap.render.bundle  # noqa: F401

    thread = threading.Thread(target=load, name="netmap-warm-imports", daemon=True)
    thread.start()
    return thread


def stored_scan(store: Store, scan_id: str) -> ScanRecord:
    """A stored scan as inference reads it: its observations, with what its raw nmap XML holds
    that the parser of its day did not keep, so an old scan is identified with today's
    reading of what it saw."""
    from netmap.discover.nmap import reread

    record = store.read(scan_id)
    documents = store.read_files(scan_id, "nmap-*.xml")
    return record.model_copy(update={"observations": reread(record.observations, documents)})


def build_and_store(store: Store, scan_id: str, profile: Profile | None = None) -> Inventory:
    """Merge + classify + topology of a stored scan, cached as inventory.json/topology.json."""
    from netmap.infer.overrides import load_overrides
    from netmap.infer.pipeline import build_inventory
    from netmap.infer.topology import graph_to_json, inventory_graph

    ov = profile.overrides if profile else None
    overrides = load_overrides(ov) if isinstance(ov, str) else ov
    inv = build_inventory(stored_scan(store, scan_id), overrides,
                          profile.sla if profile else None, profile.diagram if profile else None)
    inv = inv.model_copy(update={"built_by": inference_fingerprint()})
    store.write_inventory(scan_id, inv, graph_to_json(inventory_graph(inv)))
    return inv


@functools.cache
def inference_fingerprint() -> str:
    """A digest of this netmap's code and knowledge tables (the package's files), which an
    inventory built from a stored scan is marked with. A rescan diffs against earlier scans
    rebuilt by the same netmap, so an upgrade that reads devices better (a printer's firmware
    in place of its banner) is not reported as the devices changing. Reading the package's
    2 MB takes some 20 ms, once."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def render_scan(
    inv: Inventory,
    out_dir: Path,
    redact: bool = False,
    formats: set[str] | None = None,
) -> list[Path]:
    from netmap.render.bundle import render_all

    out_dir.mkdir(parents=True, exist_ok=True)
    return render_all(inv, out_dir, formats=formats, redact=redact)
