"""The paced sweep of routed space (discover/sweep.py) and what the routers name (known.py).

The live sweeps run in a namespace of their own (`unshare --net`, loopback only): nothing is
sent anywhere but 127.0.0.0/8 of that namespace."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys
import textwrap

import pytest

from netmap.discover import known, sweep
from netmap.model import ArpEntry, IpAddress, Route, SnmpRecord
from netmap.scope import build_scope


def test_checksum_is_rfc_1071() -> None:
    # the example of RFC 1071 section 3: 0x0001 f203 f4f5 f6f7 sums to 0xddf2, complement 0x220d
    assert sweep._checksum(bytes.fromhex("0001f203f4f5f6f7")) == 0x220D
    assert sweep._checksum(b"\x01") == (~0x0100) & 0xFFFF  # an odd byte is padded


def test_plan_puts_known_first_with_every_port() -> None:
    probes = list(sweep.plan(["10.0.0.5"], ["10.0.9.1", "10.0.9.2"], (22, 443), (443,)))
    assert probes[:3] == [sweep.Probe("10.0.0.5", None), sweep.Probe("10.0.0.5", 22),
                          sweep.Probe("10.0.0.5", 443)]  # fmt: skip
    # the rest: every echo of the block before its SYNs, so one host never gets a burst
    assert probes[3:] == [sweep.Probe("10.0.9.1", None), sweep.Probe("10.0.9.2", None),
                          sweep.Probe("10.0.9.1", 443), sweep.Probe("10.0.9.2", 443)]  # fmt: skip
    assert sweep.probe_count(1, 2, (22, 443), (443,)) == len(probes)


_LIVE = textwrap.dedent("""
    import json, subprocess, sys
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    if sys.argv[1] == "no-ping":
        open("/proc/sys/net/ipv4/icmp_echo_ignore_all", "w").write("1")
    from netmap.discover import sweep
    ips = [f"127.0.0.{i}" for i in range(1, 21)]
    allowed = set(ips) - {"127.0.0.7", "127.0.0.8"}
    result = sweep.sweep(sweep.plan(ips[:2], ips[2:]), sweep.probe_count(2, 18),
                         allowed.__contains__, 2000)
    print(json.dumps({h.ip: h.reason for h in result.hosts}))
""")


def _live(mode: str) -> dict[str, str]:
    if os.geteuid() != 0:
        pytest.skip("raw sockets need root")
    proc = subprocess.run(["unshare", "--net", sys.executable, "-c", _LIVE, mode],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_sweep_finds_every_answering_address_and_never_leaves_the_scope() -> None:
    found = _live("ping")
    expected = {f"127.0.0.{i}" for i in range(1, 21)} - {"127.0.0.7", "127.0.0.8"}
    assert set(found) == expected  # the two outside the scope were never asked
    assert set(found.values()) == {"echo-reply"}


def test_hosts_that_ignore_pings_are_found_by_tcp() -> None:
    found = _live("no-ping")
    assert len(found) == 18
    # a closed port answers with a reset, an open one with a SYN-ACK: either shows the host
    assert all(why.startswith(("reset ", "syn-ack ")) for why in found.values())


def _router(ip: str) -> SnmpRecord:
    return SnmpRecord(
        ip=ip,
        ip_addresses=[IpAddress(address="10.60.1.1", prefix_length=24),
                      IpAddress(address="10.60.255.1", prefix_length=30),
                      IpAddress(address="192.0.2.1", prefix_length=24)],  # outside the scope
        routes=[Route(destination="10.60.40.0/24", next_hop="10.60.255.2"),
                Route(destination="10.60.0.0/16", route_type="reject"),
                Route(destination="0.0.0.0/0", next_hop="192.0.2.254")],
        arp_table=[ArpEntry(ip="10.60.1.20", mac="00:11:22:33:44:55"),
                   ArpEntry(ip="192.0.2.9", mac="00:11:22:33:44:56")],
    )  # fmt: skip


def test_known_space_is_what_the_routers_name_inside_the_scope() -> None:
    space = known.learn([_router("10.60.1.1")], build_scope(["10.60.0.0/16"]))
    assert {str(n) for n in space.subnets} == {"10.60.1.0/24", "10.60.255.0/30", "10.60.40.0/24"}
    assert space.addresses == {"10.60.1.20"}
    assert space.next_hops == {"10.60.255.2"}  # the default route's hop is outside the scope
    first, rest = space.ordered(["10.60.9.9", "10.60.40.7", "10.60.1.20", "10.60.1.30"])
    assert first == ["10.60.1.20", "10.60.1.30", "10.60.40.7"]  # the ARP-known one leads
    assert rest == ["10.60.9.9"]


def test_gateways_are_read_from_the_route_table(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "route")
    with open(path, "w", encoding="ascii") as fh:
        fh.write("Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                 "lan0\t00000000\t01013C0A\t0003\t0\t0\t0\t00000000\n"
                 "lan0\t00013C0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\n")  # fmt: skip
    assert known.gateways(path) == [str(ipaddress.IPv4Address("10.60.1.1"))]
    assert known.gateways(os.path.join(str(tmp_path), "missing")) == []


def test_an_exclusion_does_not_hide_its_neighbours_from_arp(monkeypatch: pytest.MonkeyPatch) -> None:
    """10.77.10.0/28 less .3 leaves pieces such as .4/30 and .8/29; their first and last
    addresses are hosts of the segment and must be asked (only the targets' edges are not)."""
    from netmap.discover import arp

    monkeypatch.setattr(arp, "_attached_networks",
                        lambda: [("lan0", ipaddress.IPv4Network("10.77.10.0/24"))])  # fmt: skip
    scope = build_scope(["10.77.10.0/28"], ["10.77.10.3"])
    asked = arp.local_targets(scope)["lan0"]
    assert asked == [f"10.77.10.{i}" for i in range(1, 15) if i != 3]
