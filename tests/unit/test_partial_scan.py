"""Ctrl-C in the middle of the hosts phase keeps what that phase had already seen: the ARP
replies of the local sweep, the hosts nmap had finished (read from its cut XML), and the
replies the routed sweep had collected. No packet is sent: ARP, nmap and the sweep are replaced
by stand-ins that answer as they would."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from netmap.discover import arp, nmap as nmapscan, sweep
from netmap.model import ArpObs, HostObs, ScanRequest, ScanState
from netmap.scan import ScanJob, run_scan
from netmap.scope import build_scope
from netmap.store import Store

XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<nmaprun scanner="nmap" args="nmap -sn" start="1796431730" version="7.93" xmloutputversion="1.05">
<host><status state="up" reason="echo-reply" reason_ttl="63"/>
<address addr="10.77.20.10" addrtype="ipv4"/><hostnames></hostnames></host>
<host><status state="up" reason="echo-reply" reason_ttl="63"/>
<address addr="10.77.20.11" addrtype="ipv4"/><hostnames></hostnames></host>
<host><status state="up" reason="echo-reply" reason_ttl="63"/>
<address addr="10.77.20.12" addrtype="ipv4"/><hostnames></hostna"""


def test_partial_run_reads_the_finished_hosts_of_a_cut_document() -> None:
    run = nmapscan.partial_run(XML, lambda ip: True)
    assert [h.ip for h in run.hosts] == ["10.77.20.10", "10.77.20.11"]
    assert "interrupted" in run.notes[0]
    assert nmapscan.partial_run(b"<?xml", lambda ip: True).hosts == []


def test_interrupted_hosts_phase_keeps_arp_and_nmap_hosts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = ["10.77.10.1", "10.77.10.21"]

    def sweep(_scope: object, _groups: object, _rate: object) -> list[ArpObs]:
        return [ArpObs(target=ip, ip=ip, mac=f"02:00:00:00:00:0{i}", interface="lan0")
                for i, ip in enumerate(local)]  # fmt: skip

    def discover(*_a: object) -> nmapscan.NmapRun:
        time.sleep(0.2)  # the ARP sweep finishes first, as on a real LAN
        nmapscan._salvage(XML)  # what _run keeps when Ctrl-C kills its nmap
        raise KeyboardInterrupt

    monkeypatch.setattr(arp, "can_arp", lambda: True)
    monkeypatch.setattr(arp, "local_targets", lambda _scope: {"lan0": local})
    monkeypatch.setattr(arp, "arp_sweep", sweep)
    monkeypatch.setattr(nmapscan, "discover", discover)
    monkeypatch.setattr("netmap.discover.sweep.can_sweep", lambda: False)  # nmap's path
    scope = build_scope(["10.77.10.0/24", "10.77.20.0/24"])
    request = ScanRequest(targets=list(scope.targets))
    result = run_scan(Store(tmp_path / "scans"), ScanJob(scope=scope, request=request))
    assert result.state is ScanState.PARTIAL
    stored = Store(tmp_path / "scans").read(result.scan_id)
    assert sorted(o.ip for o in stored.observations if isinstance(o, ArpObs)) == local
    assert sorted(o.ip for o in stored.observations if isinstance(o, HostObs)) == [
        "10.77.20.10", "10.77.20.11"]
    assert stored.status.phases_pending[0] == "hosts"
    assert "kept 4 observations" in (stored.status.message or "")


def test_interrupted_sweep_keeps_the_replies_it_had(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def arp_sweep(_scope: object, _groups: object, _rate: object) -> list[ArpObs]:
        return [ArpObs(target="10.77.10.1", ip="10.77.10.1", mac="02:00:00:00:00:01")]

    def routed(_probes: object, _total: int, in_scope: object, _rate: object, *,
               on_progress: object, up: dict[str, str]) -> sweep.SweepResult:  # fmt: skip
        up["10.77.20.10"] = "echo-reply"  # two replies in, then Ctrl-C
        up["10.77.20.11"] = "reset 443"
        raise KeyboardInterrupt

    monkeypatch.setattr(arp, "can_arp", lambda: True)
    monkeypatch.setattr(arp, "local_targets", lambda _scope: {"lan0": ["10.77.10.1"]})
    monkeypatch.setattr(arp, "arp_sweep", arp_sweep)
    monkeypatch.setattr(sweep, "can_sweep", lambda: True)
    monkeypatch.setattr(sweep, "sweep", routed)
    monkeypatch.setattr("netmap.discover.known.gateways", lambda: [])  # no router is asked
    scope = build_scope(["10.77.10.0/24", "10.77.20.0/24"])
    result = run_scan(Store(tmp_path / "scans"),
                      ScanJob(scope=scope, request=ScanRequest(targets=list(scope.targets))))
    assert result.state is ScanState.PARTIAL
    stored = Store(tmp_path / "scans").read(result.scan_id)
    hosts = {o.ip: o for o in stored.observations if isinstance(o, HostObs)}
    assert set(hosts) == {"10.77.20.10", "10.77.20.11"}
    assert {o.source for o in hosts.values()} == {"sweep"}
    assert hosts["10.77.20.11"].reason == "reset 443"
    assert [o.ip for o in stored.observations if isinstance(o, ArpObs)] == ["10.77.10.1"]


def test_a_partial_scan_says_so_in_its_deliverables(tmp_path: Path) -> None:
    from netmap.infer.pipeline import build_inventory
    from netmap.render.inventory import summary_table
    from netmap.render.summary import summary_sections
    from tests.infer.factory import arp as arp_obs, make_scan

    scan = make_scan([arp_obs("10.0.0.5", "02:00:00:00:00:05")])
    scan = scan.model_copy(update={"status": scan.status.model_copy(update={
        "state": ScanState.PARTIAL, "phases_pending": ["ports", "inventory", "snmp"]})})
    inv = build_inventory(scan)
    assert inv.scan_state == "partial"
    rows = {r[0]: r[1] for r in summary_table(inv).rows}
    assert str(rows["Scan state"]).startswith("PARTIAL: the scan stopped")
    assert "ports, inventory, snmp" in str(rows["Scan state"])
    intro = summary_sections(inv)[0].intro
    assert intro.startswith("PARTIAL")


def test_an_announce_prober_that_cannot_open_its_socket_is_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The announce phase with UPnP's socket refused and mDNS answering nothing: the scan keeps
    going, with the failure as an error observation and a note. No packet is sent: both
    probers are stand-ins."""
    from netmap.discover import mdns, upnp
    from netmap.model import Depth, ErrorObs
    from netmap.scan import _Runner

    def refused(*_a: object, **_kw: object) -> list[object]:
        raise PermissionError("socket: operation not permitted")

    monkeypatch.setattr(upnp, "probe", refused)
    monkeypatch.setattr(mdns, "probe", lambda *_a, **_kw: [])
    scope = build_scope(["10.77.10.0/24"])
    request = ScanRequest(targets=list(scope.targets), depth=Depth.STANDARD)
    runner = _Runner(Store(tmp_path / "scans"), ScanJob(scope=scope, request=request))
    runner.obs.append(ArpObs(target="10.77.10.5", ip="10.77.10.5", mac="02:00:00:00:00:05"))
    runner.phase_announce()
    errors = [o for o in runner.obs if isinstance(o, ErrorObs)]
    assert [(e.phase, e.message) for e in errors] == [
        ("announce", "UPnP: socket: operation not permitted")]
    assert runner.notes == ["announce: UPnP: socket: operation not permitted"]
