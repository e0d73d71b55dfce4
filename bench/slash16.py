"""A /16 in under two minutes (issue 14): netmap's hosts phase against `nmap -sn -n` at the same
packet rate, side by side on the `town16` lab (10.60.0.0/16: three routed /24s and a /30 in use,
one /24 reachable only through a second router, the rest silent), with peak memory.

Everything runs inside the lab's scanner namespace (ip netns exec). The lab has its own prefix.

    sudo .venv/bin/python bench/slash16.py [--rate 2000] [--keep-lab]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "slash16.txt"
TARGET = "10.60.0.0/16"
PREFIX = "nmbench16"


def timed(argv: list[str], env: dict[str, str] | None = None,
          timeout: float = 1800) -> tuple[float, str, float]:  # fmt: skip
    """Wall seconds, stdout and peak memory (MiB, GNU time's maximum resident set)."""
    t0 = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "maxrss-kib %M", *argv], capture_output=True,
                          text=True, timeout=timeout, check=False, env=env)  # fmt: skip
    seconds = time.monotonic() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr[-2000:]}")
    found = re.search(r"maxrss-kib (\d+)", proc.stderr)
    return seconds, proc.stdout, int(found.group(1)) / 1024 if found else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=int, default=2000, help="packets per second, both tools")
    ap.add_argument("--keep-lab", action="store_true")
    ap.add_argument("--runs", type=int, default=1, help="ignored: one run of each (minutes)")
    args = ap.parse_args()
    if os.geteuid() != 0:
        print("skipped: the /16 benchmark needs root (the lab)")
        return
    if not Path("/usr/bin/time").exists():
        print("skipped: GNU time (/usr/bin/time, package 'time') measures peak memory")
        return
    from netmap.lab import lab_down, lab_up, load_spec, scanner_exec_argv

    truth = lab_up(load_spec("town16"), PREFIX)
    ns = scanner_exec_argv(truth.prefix)
    live = {ip.split("/")[0] for d in truth.devices for i in d.interfaces for ip in i.ips}
    env = {**os.environ, "NM_BENCH_COMMUNITY": "public"}
    try:
        with tempfile.TemporaryDirectory(prefix="netmap-bench16-") as tmp:
            wall, out, mem = timed([*ns, sys.executable, "-m", "netmap", "scan", TARGET,
                                    "--depth", "quick", "--rate", str(args.rate), "--json",
                                    "--no-report", "--scans-dir", tmp,
                                    "--community-env", "NM_BENCH_COMMUNITY"], env)  # fmt: skip
            data = json.loads(out)
            ours = {h["ip"] for h in data["hosts"]}
            phase = data["status"]["phase_seconds"]["hosts"]
            n_wall, n_out, n_mem = timed([*ns, "nmap", "-sn", "-n", "--min-rate", str(args.rate),
                                          "--max-rate", str(args.rate), "-oG", "-", TARGET])
            theirs = set(re.findall(r"Host: (\S+) \(\)\s+Status: Up", n_out))
    finally:
        if not args.keep_lab:
            lab_down(PREFIX)
    lines = [
        f"host discovery of {TARGET} (town16 lab: {len(live)} live addresses) from the scanner "
        f"namespace, {args.rate} packets/s for both; goal: netmap < 120 s, < 200 MiB",
        f"{'tool':<34} {'seconds':>8} {'ratio':>6} {'peak MiB':>9} {'found':>6} {'missed':>7}",
        f"{'netmap hosts phase':<34} {phase:>8.1f} {phase / n_wall:>6.2f} {'':>9} "
        f"{len(ours & live):>6} {len(live - ours):>7}",
        f"{'netmap scan --depth quick (all)':<34} {wall:>8.1f} {wall / n_wall:>6.2f} "
        f"{mem:>9.0f} {len(ours & live):>6} {len(live - ours):>7}",
        f"{'nmap -sn -n --min/max-rate':<34} {n_wall:>8.1f} {1.0:>6.2f} {n_mem:>9.0f} "
        f"{len(theirs & live):>6} {len(live - theirs):>7}",
        f"netmap's note: {data['status']['message']}",
    ]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")


if __name__ == "__main__":
    main()
