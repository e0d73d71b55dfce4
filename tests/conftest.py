"""Shared pytest fixtures.

Lab fixtures: `lab` (session; brings the namespace lab up, tears it down at the end
unless NETMAP_KEEP_LAB=1) and `scanner_run` (THE wrapper every scan of the lab goes
through: runs argv inside the scanner namespace with a bounded timeout).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from netmap.lab import GroundTruth, LabError, lab_down, lab_up, load_spec, scanner_exec_argv
from netmap.lab.daemons import check_requirements

ScannerRun = Callable[..., subprocess.CompletedProcess[str]]
RootSnapshot = dict[str, set[str]]


def lab_skip_reason() -> str | None:
    """Why lab tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "lab tests need root (they create network namespaces)"
    try:
        check_requirements(load_spec())
    except LabError as exc:
        return str(exc)
    return None


def root_net_snapshot() -> RootSnapshot:
    """Links, addresses and routes of the ROOT namespace (read-only commands)."""
    def j(*argv: str) -> list[dict[str, Any]]:
        out = subprocess.run(["ip", "-j", *argv], capture_output=True, text=True, timeout=10,
                             check=True).stdout
        data = json.loads(out or "[]")
        return data if isinstance(data, list) else []

    links = {f"{x.get('ifname')} {x.get('address')}" for x in j("link")}
    addrs = {f"{x.get('ifname')} {a.get('local')}/{a.get('prefixlen')}"
             for x in j("addr") for a in x.get("addr_info", [])}
    routes = {f"{r.get('dst')} {r.get('gateway', '')} {r.get('dev', '')}"
              for r in j("route", "show", "table", "all")}
    return {"links": links, "addrs": addrs, "routes": routes}


@pytest.fixture(scope="session")
def lab_prefix() -> str:
    base = os.environ.get("NETMAP_LAB_PREFIX", "nmtest")
    worker = re.sub(r"\D", "", os.environ.get("PYTEST_XDIST_WORKER", ""))
    return (base + worker)[:12]  # one lab per xdist worker: no teardown under a neighbour


@pytest.fixture(scope="session")
def root_before_lab() -> RootSnapshot:
    reason = lab_skip_reason()
    if reason:
        pytest.skip(reason)
    return root_net_snapshot()


@pytest.fixture(scope="session")
def lab(lab_prefix: str, root_before_lab: RootSnapshot) -> Iterator[GroundTruth]:
    reason = lab_skip_reason()
    if reason:
        pytest.skip(reason)
    t0 = time.monotonic()
    truth = lab_up(prefix=lab_prefix)
    print(f"\nlab {lab_prefix} up in {time.monotonic() - t0:.2f}s")
    yield truth
    if os.environ.get("NETMAP_KEEP_LAB") != "1":
        t0 = time.monotonic()
        lab_down(lab_prefix)
        print(f"\nlab {lab_prefix} down in {time.monotonic() - t0:.2f}s")


def in_scanner(prefix: str) -> ScannerRun:
    """THE wrapper: run argv inside lab `prefix`'s scanner namespace, with a bounded timeout.
    Every scan a test makes of any lab goes through it."""
    def run(argv: Sequence[str], timeout: float = 30.0,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*scanner_exec_argv(prefix), *argv], capture_output=True,
                              text=True, timeout=timeout, check=False, env=env)

    return run


@pytest.fixture(scope="session")
def scanner_run(lab: GroundTruth, lab_prefix: str) -> ScannerRun:
    return in_scanner(lab_prefix)
