"""Issue 14, item 1, on a lab numbered out of one /16 (`town16`): the routers' SNMP names the
subnets in use, one paced sweep covers the rest, and the rate asked for is the rate on the wire.

The lab has its own prefix, beside the city hall's; every scan runs in its scanner namespace
through `in_scanner`, the wrapper all lab scans use."""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netmap.lab import lab_down, lab_up, load_spec, scanner_exec_argv
from tests.conftest import ScannerRun, in_scanner, lab_skip_reason
from tests.lab.conftest import busiest_second, captured, netmap_argv

pytestmark = pytest.mark.lab


@pytest.fixture(scope="module")
def town(lab_prefix: str) -> Iterator[tuple[Any, ScannerRun, str]]:
    reason = lab_skip_reason()
    if reason:
        pytest.skip(reason)
    prefix = (lab_prefix[:10] + "tn")[:12]
    truth = lab_up(load_spec("town16"), prefix)
    try:
        yield truth, in_scanner(prefix), prefix
    finally:
        if os.environ.get("NETMAP_KEEP_LAB") != "1":
            lab_down(prefix)


def live_addresses(truth: Any) -> set[str]:
    return {ip.split("/")[0] for d in truth.devices for i in d.interfaces for ip in i.ips}


def scan(run: ScannerRun, tmp: Path, *args: str) -> dict[str, Any]:
    proc = run(netmap_argv("scan", *args, "--depth", "quick", "--no-report", "--json",
                           "--scans-dir", str(tmp / "scans")),
               timeout=300, env={**os.environ, "NM_TOWN_COMMUNITY": "public"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_slash16_every_live_host_found(town: tuple[Any, ScannerRun, str], tmp_path: Path) -> None:
    truth, run, _prefix = town
    data = scan(run, tmp_path, "10.60.0.0/16", "--rate", "5000",
                "--community-env", "NM_TOWN_COMMUNITY")
    found = {h["ip"]: h for h in data["hosts"]}
    assert set(found) == live_addresses(truth)  # all of them, nothing invented
    # the library's subnet is reachable only through the core router's route to rtr-lib
    assert "10.60.40.21" in found and "sweep" in found["10.60.40.21"]["sources"]
    # the routers named the subnets in use, and both routers were read before the sweep
    assert "the routers named were probed first" in (data["status"]["message"] or "")
    names = {d["name"].split(".")[0]: d for d in data["devices"]}
    assert names["rtr-lib"]["model"] == "ISR1111-8P" and names["rtr-core"]["type"] == "router"
    # two hosts ignore pings: a TCP probe found them
    assert {"ws-pw", "srv-web"} <= set(names)


def test_sweep_honours_the_rate(town: tuple[Any, ScannerRun, str], tmp_path: Path) -> None:
    """tcpdump on the scanner's port: at --rate 1000, no one-second window holds more than
    1,100 probes (ICMP echo requests and TCP SYNs from the scanner), over a /20 of 8,190."""
    _truth, run, prefix = town
    expression = "icmp[icmptype] == icmp-echo or (tcp[tcpflags] == tcp-syn)"
    with captured(list(scanner_exec_argv(prefix)), tmp_path / "sweep.pcap", "lan0",
                  expression) as capture:  # fmt: skip
        scan(run, tmp_path, "10.60.16.0/20", "--rate", "1000")
    ours = [line for line in capture if " 10.60.1.250" in line and " > " in line]
    times = sorted(float(line.split()[0]) for line in ours)
    assert len(times) >= 8000  # 4,094 addresses, an echo and a SYN each
    worst = busiest_second(times)
    assert worst <= 1100, f"{worst} probes in one second at --rate 1000"
    net = ipaddress.IPv4Network("10.60.16.0/20")
    strays = {dst for dst in map(_destination, ours) if ipaddress.IPv4Address(dst) not in net}
    assert not strays, f"probes outside the scope: {sorted(strays)[:5]}"


def _destination(line: str) -> str:
    """tcpdump prints 'a.b.c.d.port:' for TCP and 'a.b.c.d:' for ICMP after the '>'."""
    return ".".join(line.split(" > ")[1].split(":")[0].split(".")[:4])
