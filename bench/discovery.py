"""Host discovery speed: netmap's hosts phase vs `nmap -sn` vs `arp-scan`, side by side, in the lab.

Runs entirely inside the lab's scanner namespace (ip netns exec), on the lab's own subnets.
Prints wall times, hosts found and the ratios; goal: netmap no slower than `nmap -sn`.

    sudo .venv/bin/python bench/discovery.py [--runs 3]
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "discovery.txt"


def timed(argv: list[str], timeout: float = 300) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr[-2000:]}")
    return time.monotonic() - t0, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep-lab", action="store_true")
    args = ap.parse_args()
    if os.geteuid() != 0:
        print("skipped: discovery benchmark needs root (the lab)")
        return
    os.environ.setdefault("NETMAP_LAB_PREFIX", "nmbench")
    from netmap.lab import lab_down, lab_up, scanner_exec_argv

    truth = lab_up()
    ns = scanner_exec_argv(truth.prefix)
    cidrs = [str(s.cidr) for s in truth.subnets]
    scanner = next(d for d in truth.devices if d.namespace == truth.scanner_ns)
    mine = [ipaddress.ip_interface(ip).ip for i in scanner.interfaces for ip in i.ips]
    local = [s.cidr for s in truth.subnets if any(m in ipaddress.ip_network(s.cidr) for m in mine)]
    rows: dict[str, list[float]] = {
        "netmap scan --depth quick": [],
        "netmap hosts phase": [],
        "nmap -sn": [],
        "arp-scan (local /24 only)": [],
    }
    found: dict[str, int] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="netmap-bench-") as tmp:
            for _ in range(args.runs):
                t, out = timed(
                    [
                        *ns,
                        sys.executable,
                        "-m",
                        "netmap",
                        "scan",
                        *cidrs,
                        "--depth",
                        "quick",
                        "--json",
                        "--no-report",
                        "--scans-dir",
                        tmp,
                    ]
                )
                data = json.loads(out)
                rows["netmap scan --depth quick"].append(t)
                rows["netmap hosts phase"].append(data["status"]["phase_seconds"]["hosts"])
                found["netmap"] = len(data["hosts"])
                t, out = timed([*ns, "nmap", "-sn", "-n", "-oG", "-", *cidrs])
                rows["nmap -sn"].append(t)
                found["nmap -sn"] = out.count("Status: Up")
                if local:
                    t, out = timed([*ns, "arp-scan", "-q", "-x", "-I", "lan0", *local])
                    rows["arp-scan (local /24 only)"].append(t)
                    found["arp-scan"] = len([ln for ln in out.splitlines() if ln.strip()])
    finally:
        if not args.keep_lab:
            lab_down()
    base = statistics.median(rows["nmap -sn"])
    lines = [
        f"host discovery of {' '.join(cidrs)} from the lab scanner namespace, "
        f"median of {args.runs} runs",
        f"{'tool':<30} {'median s':>9} {'ratio vs nmap -sn':>18}",
    ]
    for name, ts in rows.items():
        if ts:
            med = statistics.median(ts)
            lines.append(f"{name:<30} {med:>9.2f} {med / base:>18.2f}")
    lines.append("hosts found: " + ", ".join(f"{k}={v}" for k, v in found.items()))
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")


if __name__ == "__main__":
    main()
