"""`make bench`: every benchmark, one after the other. Each prints its own table and writes it
to bench/results/. Benchmarks that need something absent (root for the lab, the shared
recordings) say "skipped: why" and do not fail the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = ["discovery.py", "snmp_speed.py", "snmp_accuracy.py", "knowledge_coverage.py",
           "class_walks.py", "product_words.py", "product_models.py", "render_speed.py",
           "host_inventory.py", "slash16.py"]


def main() -> int:
    failed = []
    for name in BENCHES:
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        proc = subprocess.run([sys.executable, str(path), *sys.argv[1:]], timeout=3600, check=False)
        if proc.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {' '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
