"""One real scan of the lab, shared by the lab tests (scan, SNMP, inference, deliverables).

The scan runs through the `scanner_run` fixture: `ip netns exec <scanner-ns> ...`, the one
wrapper that keeps every packet inside the lab.
"""

from __future__ import annotations

import bisect
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from netmap.demo import lab_profile


@dataclass
class LabScan:
    data: dict[str, Any]  # `netmap show --json` of the scan
    scans_dir: Path
    out_dir: Path
    profile: Path
    env: dict[str, str]
    seconds: float

    @property
    def scan_id(self) -> str:
        return str(self.data["id"])

    def host(self, ip: str) -> dict[str, Any] | None:
        return next((h for h in self.data["hosts"] if h["ip"] == ip), None)


@contextmanager
def captured(ns_argv: list[str], pcap: Path, iface: str, expression: str) -> Iterator[list[str]]:
    """tcpdump on `iface` inside a lab namespace while the block runs; the list it yields is
    filled, after the block, with the capture read back (`tcpdump -n -tt`, one line each)."""
    lines: list[str] = []
    dump = subprocess.Popen([*ns_argv, "tcpdump", "-i", iface, "-n", "-U", "-w", str(pcap),
                             expression], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    try:
        time.sleep(0.5)  # tcpdump has no readiness signal; bounded, not a correctness wait
        yield lines
        time.sleep(0.5)
    finally:
        dump.send_signal(signal.SIGINT)
        dump.wait(timeout=10)
    read = subprocess.run(["tcpdump", "-r", str(pcap), "-n", "-tt"], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    lines.extend(read.stdout.splitlines())


def busiest_second(times: list[float]) -> int:
    """The most events in any one-second window (times sorted)."""
    return max((bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)), default=0)


def netmap_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "netmap", *args]


@pytest.fixture(scope="session")
def lab_scan(lab: Any, scanner_run: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory) -> LabScan:
    import time

    root = tmp_path_factory.mktemp("labscan")
    profile, env = lab_profile(lab, root)
    scans, out = root / "scans", root / "output"
    t0 = time.monotonic()
    proc = scanner_run(
        netmap_argv(
            "scan", "--profile", str(profile), "--json", "--scans-dir", str(scans), "--out", str(out)
        ),
        timeout=600,
        env={**os.environ, **env},
    )
    seconds = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr[-3000:]
    return LabScan(json.loads(proc.stdout), scans, out, profile, env, seconds)


@pytest.fixture(scope="session")
def scanner_argv(lab: Any) -> list[str]:
    """`ip netns exec <scanner-ns>`: for the few tests that need Popen (signals, tcpdump)."""
    from netmap.lab import scanner_exec_argv

    return list(scanner_exec_argv(lab.prefix))
