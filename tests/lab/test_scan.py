"""Issue 3 on the real lab: discovery, MACs and vendors, services, partial scans, scope capture."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.lab.conftest import LabScan, busiest_second, captured, netmap_argv

pytestmark = pytest.mark.lab

VENDOR_ALIASES = {"hpe": "hewlett packard", "hp": "hewlett packard", "apc": "american power"}


def in_subnets(ip: str, lab: Any) -> bool:
    return any(ipaddress.ip_address(ip) in ipaddress.ip_network(s.cidr) for s in lab.subnets)


def lab_addresses(lab: Any) -> dict[str, Any]:
    """ip -> (device, interface) for every address the scan may find."""
    out = {}
    for d in lab.devices:
        for i in d.interfaces:
            for cidr in i.ips:
                ip = cidr.split("/")[0]
                if in_subnets(ip, lab):
                    out[ip] = (d, i)
    return out


def scanner_device(lab: Any) -> Any:
    return next(d for d in lab.devices if d.namespace == lab.scanner_ns)


def vendor_ok(truth: str, found: str | None) -> bool:
    if not found:
        return False
    word = truth.split()[0].casefold()
    return word in found.casefold() or VENDOR_ALIASES.get(word, "\0") in found.casefold()


def test_every_live_address_found(lab: Any, lab_scan: LabScan) -> None:
    found = {h["ip"] for h in lab_scan.data["hosts"]}
    missing = sorted(set(lab_addresses(lab)) - found, key=ipaddress.ip_address)
    assert not missing, f"not found: {missing}"
    extra = sorted(found - set(lab_addresses(lab)), key=ipaddress.ip_address)
    assert not extra, f"found addresses that are not in the lab: {extra}"


def test_macs_and_vendors_on_scanner_segment(lab: Any, lab_scan: LabScan) -> None:
    scanner = scanner_device(lab)
    local_nets = [ipaddress.ip_interface(ip).network for i in scanner.interfaces for ip in i.ips]
    checked = 0
    for ip, (dev, iface) in lab_addresses(lab).items():
        if not any(ipaddress.ip_address(ip) in n for n in local_nets):
            continue
        host = lab_scan.host(ip)
        assert host is not None, ip
        assert host["mac"] == iface.mac, f"{dev.name} {ip}: {host['mac']} != {iface.mac}"
        assert vendor_ok(dev.vendor, host["vendor"]), f"{dev.name}: {host['vendor']!r} vs {dev.vendor!r}"
        checked += 1
    assert checked >= 5


def test_routed_subnets_found_by_the_sweep(lab: Any, lab_scan: LabScan) -> None:
    scanner = scanner_device(lab)
    local_nets = [ipaddress.ip_interface(ip).network for i in scanner.interfaces for ip in i.ips]
    routed = [ip for ip in lab_addresses(lab) if not any(ipaddress.ip_address(ip) in n for n in local_nets)]
    assert routed
    for ip in routed:
        host = lab_scan.host(ip)
        assert host is not None and "sweep" in host["sources"], ip  # root: netmap's own sweep


@pytest.mark.parametrize("role", ["server", "printer", "mail", "phone", "pbx"])
def test_open_services_seen(lab: Any, lab_scan: LabScan, role: str) -> None:
    devices = [d for d in lab.devices if d.services and (str(d.type) == role or d.name.startswith(role))]
    assert devices, role
    for d in devices:
        ip = d.interfaces[0].ips[0].split("/")[0]
        host = lab_scan.host(ip)
        assert host is not None
        seen = {(s["port"], s["proto"]) for s in host["services"]}
        for s in d.services:
            assert (s.port, s.proto) in seen, f"{d.name}: {s.port}/{s.proto} {s.name} not seen in {seen}"


def test_scan_is_stored_and_listed(lab_scan: LabScan, scanner_run: Callable[..., Any]) -> None:
    proc = scanner_run(netmap_argv("scans", "--json", "--scans-dir", str(lab_scan.scans_dir)), timeout=60)
    rows = json.loads(proc.stdout)
    assert any(r["id"] == lab_scan.scan_id and r["state"] == "complete" for r in rows)
    raw = list((lab_scan.scans_dir / lab_scan.scan_id).glob("nmap-*.xml"))
    assert raw and all(p.read_bytes().rstrip().endswith(b"</nmaprun>") for p in raw)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupted_scan_is_partial_and_earlier_scan_unharmed(
    lab: Any, lab_scan: LabScan, scanner_argv: list[str], sig: signal.Signals
) -> None:
    earlier = lab_scan.scans_dir / lab_scan.scan_id
    before = {p.name: p.read_bytes() for p in earlier.iterdir()}
    existing = {d.name for d in lab_scan.scans_dir.iterdir()}
    cmd = [*scanner_argv, *netmap_argv("scan", "--profile", str(lab_scan.profile), "--json", "--no-report",
                                       "--scans-dir", str(lab_scan.scans_dir))]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **lab_scan.env})
    try:
        deadline = time.monotonic() + 60
        new_dir = None
        while time.monotonic() < deadline:  # wait until the scan has stored its first phase
            dirs = [d for d in lab_scan.scans_dir.iterdir() if d.is_dir() and d.name not in existing
                    and (d / "status.json").exists()]
            if dirs:
                new_dir = max(dirs)
                st = json.loads((new_dir / "status.json").read_text())
                if "hosts" in st["phases_done"]:
                    break
            time.sleep(0.05)
        assert new_dir is not None
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 3, f"exit {proc.returncode}: {err[-2000:]}"
    assert "Traceback" not in err, err[-3000:]
    data = json.loads(out)
    assert data["status"]["state"] == "partial", data["status"]
    assert data["status"]["phases_pending"], data["status"]
    assert data["hosts"], f"what was found before the interrupt is kept: {data['status']}"
    assert {p.name: p.read_bytes() for p in earlier.iterdir()} == before


def test_nothing_sent_outside_scope(lab: Any, scanner_argv: list[str], tmp_path: Path) -> None:
    """tcpdump on the scanner's port while scanning a narrow scope with an exclusion."""
    pcap = tmp_path / "scope.pcap"
    dump = subprocess.Popen([*scanner_argv, "tcpdump", "-i", "any", "-n", "-U", "-w", str(pcap)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(0.5)  # tcpdump has no readiness signal; it is bounded and not a correctness wait
        proc = subprocess.run(
            [*scanner_argv, *netmap_argv("scan", "10.77.10.0/28", "10.77.20.8-10.77.20.15", "--exclude",
                                         "10.77.10.3", "--depth", "standard", "--json", "--no-report",
                                         "--scans-dir", str(tmp_path / "scans"))],
            capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        time.sleep(0.5)
    finally:
        dump.send_signal(signal.SIGINT)
        dump.wait(timeout=10)
    read = subprocess.run(["tcpdump", "-r", str(pcap), "-n", "-e", "-tt"], capture_output=True, text=True,
                          timeout=60)
    allowed = {ipaddress.ip_address(f"10.77.10.{i}") for i in range(0, 16)} | {
        ipaddress.ip_address(f"10.77.20.{i}") for i in range(8, 16)}
    allowed.discard(ipaddress.ip_address("10.77.10.3"))
    scanner_ips = {ipaddress.ip_interface(ip).ip for i in scanner_device(lab).interfaces for ip in i.ips}
    bad = []
    for line in read.stdout.splitlines():
        if "ARP, Request who-has" in line:
            target = ipaddress.ip_address(line.split("who-has ")[1].split()[0])
            if target not in allowed and target not in {ipaddress.ip_address("10.77.10.1")}:
                bad.append(line)
            continue
        if " IPv4" not in line or ">" not in line:
            continue
        src, dst = _ips(line)
        if src in scanner_ips and dst not in allowed:
            bad.append(line)
    assert not bad, "\n".join(bad[:20])


def _ips(line: str) -> tuple[Any, Any]:
    body = line.split(": ", 1)[1]  # after the link-layer header
    src_s, dst_s = body.split(" > ", 1)
    def ip(s: str) -> Any:
        s = s.strip().rstrip(":").split()[0]
        parts = s.split(".")
        return ipaddress.ip_address(".".join(parts[:4]))
    return ip(src_s), ip(dst_s.split(":")[0])


def test_arp_burst_honours_the_rate(lab: Any, scanner_argv: list[str], tmp_path: Path) -> None:
    """The local /24's ARP requests, captured by tcpdump: at --rate 100 no one-second window
    holds more than the rate plus 10 %, and every request is for an address of the /24."""
    with captured(scanner_argv, tmp_path / "rate.pcap", "lan0", "arp") as capture:
        proc = subprocess.run(
            [*scanner_argv, *netmap_argv("scan", "10.77.10.0/24", "--depth", "quick", "--rate",
                                         "100", "--json", "--no-report", "--scans-dir",
                                         str(tmp_path / "scans"))],
            capture_output=True, text=True, timeout=300)  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-2000:]
    scanner_ips = {str(ipaddress.ip_interface(ip).ip) for i in scanner_device(lab).interfaces
                   for ip in i.ips}  # fmt: skip
    ours = [line for line in capture if "Request who-has" in line
            and line.split("tell ")[1].split(",")[0] in scanner_ips]  # fmt: skip
    times = sorted(float(line.split()[0]) for line in ours)
    assert len(times) >= 250  # the whole /24 was asked (the replies came from the lab)
    worst = busiest_second(times)
    assert worst <= 110, f"{worst} ARP requests in one second at --rate 100"
