"""python -m netmap.lab up|down|status [--json] [--prefix P] [--spec NAME|FILE]

A small entry point to drive the lab without the main CLI. Exit 2 on LabError.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from netmap.lab.core import lab_down, lab_status, lab_up
from netmap.lab.errors import LabError
from netmap.lab.spec import load_spec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m netmap.lab")
    ap.add_argument("action", choices=["up", "down", "status"])
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--prefix", help="lab prefix (default $NETMAP_LAB_PREFIX or nmlab)")
    ap.add_argument("--spec", help="a packaged layout (cityhall, town16) or a TOML file (default: cityhall)")
    args = ap.parse_args(argv)
    try:
        t0 = time.monotonic()
        if args.action == "up":
            truth = lab_up(load_spec(args.spec) if args.spec else None, args.prefix)
            dt = time.monotonic() - t0
            if args.json:
                print(truth.model_dump_json(indent=2))
            else:
                print(f"lab {truth.prefix} up in {dt:.2f}s: {len(truth.devices)} devices, "
                      f"scanner namespace {truth.scanner_ns}")
        elif args.action == "down":
            lab_down(args.prefix)
            if not args.json:
                print(f"lab down in {time.monotonic() - t0:.2f}s")
        else:
            st = lab_status(args.prefix)
            if args.json:
                print(st.model_dump_json(indent=2))
            else:
                dead = [f"{d.device}.{d.daemon}" for d in st.daemons if not d.alive]
                print(f"lab {st.prefix}: {'up' if st.up else 'down'}; "
                      f"{sum(st.namespaces.values())}/{len(st.namespaces)} namespaces, "
                      f"{len(st.daemons) - len(dead)}/{len(st.daemons)} daemons alive"
                      + (f"; dead: {', '.join(dead)}" if dead else "")
                      + (f"; truth: {st.ground_truth_path}" if st.ground_truth_path else ""))
    except LabError as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
