"""The namespace lab: spec validation and helpers (no root), then the built lab
checked against its ground truth (marked `lab`: root + Debian packages needed)."""

from __future__ import annotations

import io
import ipaddress
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import netmap.lab.daemons as daemons
from netmap.lab import GroundTruth, LabError, lab_down, lab_status, lab_up, load_ground_truth
from netmap.lab.passpersist import Table, serve
from netmap.lab.spec import LabSpec, build_ground_truth, load_spec, mac_add
from netmap.lab.topology import expected_fdb, expected_lldp
from tests.conftest import RootSnapshot, ScannerRun, root_net_snapshot

# ------------------------------------------------------------------ spec (no root)


def _cityhall_dict() -> dict[str, object]:
    return json.loads(load_spec().model_dump_json())  # type: ignore[no-any-return]


def test_cityhall_spec_is_valid_and_complete() -> None:
    spec = load_spec()
    names = {d.name for d in spec.devices}
    assert {"rtr1", "isp", "sw-core", "sw-access", "sw-srv", "sw-pd", "ums1", "srv-file",
            "mail", "pbx", "phone1", "printer1", "ups1", "nas1", "ws1", "ws2", "ws3",
            "pd-ws1", "scanner"} <= names
    for d in spec.devices:
        for i in d.all_interfaces():
            assert len(i.name) <= 15 and i.name != "eth0"
            if d.bridge is None:
                assert i.name == "lan0" or d.is_forwarding, (d.name, i.name)


def test_cityhall_macs_have_known_vendors() -> None:
    from scapy.all import conf

    for d in load_spec().devices:
        for i in d.all_interfaces():
            vendor = conf.manufdb._get_manuf(i.mac)
            assert vendor != i.mac, f"{d.name}:{i.name} {i.mac} has no OUI vendor"


@pytest.mark.parametrize("patch, message", [
    (lambda s: s["devices"][-1]["interfaces"][0].update(name="eth0"), "eth0"),
    (lambda s: s["devices"][-1]["interfaces"][0].update(name="averylonginterface"), "15"),
    (lambda s: s["devices"][-1]["interfaces"][0].update(mac="00:1b:54:3a:7c:01"), "MAC"),
    (lambda s: s["devices"][-1]["interfaces"][0].update(ips=["192.0.2.9/24"]), "address"),
    (lambda s: s["links"].pop(), "not cabled"),
    (lambda s: s["links"].append(dict(s["links"][-1])), "cabled twice"),
    (lambda s: s.update(scanner="nope"), "scanner"),
])
def test_bad_specs_are_rejected(patch: object, message: str) -> None:
    data = _cityhall_dict()
    patch(data)  # type: ignore[operator]
    with pytest.raises(ValidationError, match=message):
        LabSpec.model_validate(data)


def test_topology_expectations() -> None:
    spec = load_spec()
    fdb = expected_fdb(spec, "sw-access")
    ws2, ws3 = (spec.device(n).interfaces[0].mac for n in ("ws2", "ws3"))
    assert {ws2, ws3} <= fdb["ge4"]  # behind the unmanaged switch
    assert fdb["ge3"] == {spec.device("printer1").interfaces[0].mac}
    lldp = expected_lldp(spec, "sw-access")
    assert lldp == {"ge1": {"sw-core"}, "ge2": {"phone1"}, "ge3": {"printer1"}, "ge5": {"ap1"},
                    "ge7": {"ap2"}}
    assert mac_add("00:26:cb:4e:10:ff", 2) == "00:26:cb:4e:11:01"


def test_ground_truth_shape() -> None:
    from datetime import UTC, datetime

    truth = build_ground_truth(load_spec(), "nmx", datetime.now(UTC))
    assert truth.scanner_ns == "nmx-scanner"
    assert truth.uplink is not None and truth.uplink.peer_address == "100.64.0.1"
    printer = truth.device("printer1")
    assert printer.type == "printer" and printer.snmp is not None
    assert {(s.port, s.proto) for s in printer.services} >= {(9100, "tcp"), (161, "udp")}
    assert truth.device("ums1").managed is False and truth.device("ums1").snmp is None


def test_passpersist_protocol_and_ordering() -> None:
    entries = [((1, 3, 6, 1, 10), "integer", "10"), ((1, 3, 6, 1, 2, 0), "string", "x"),
               ((1, 3, 6, 1, 2), "integer", "2")]
    t = Table(entries)
    assert t.getnext((1, 3, 6, 1)) == entries[2]
    assert t.getnext((1, 3, 6, 1, 2)) == entries[1]
    assert t.getnext((1, 3, 6, 1, 2, 0)) == entries[0]  # .2.0 < .10 numerically
    assert t.getnext((1, 3, 6, 1, 10)) is None
    out = io.StringIO()
    serve(lambda: entries, ttl=60,
          inp=io.StringIO("PING\nget\n.1.3.6.1.2.0\ngetnext\n.1.3.6.1.2.0\nget\n.1.3.6.1.9\n"
                          "set\n.1.3.6.1.2\ninteger 5\n"), out=out)
    assert out.getvalue() == ("PONG\n.1.3.6.1.2.0\nstring\nx\n.1.3.6.1.10\ninteger\n10\n"
                              "NONE\nnot-writable\n")


def test_non_root_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netmap.lab.core.os.geteuid", lambda: 1000)
    with pytest.raises(LabError, match="must run as root"):
        lab_up(prefix="nmnoroot")
    with pytest.raises(LabError, match="must run as root"):
        lab_down(prefix="nmnoroot")


def test_missing_binary_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.which
    monkeypatch.setattr("netmap.lab.daemons.shutil.which",
                        lambda b: None if b == "lldpd" else real(b))
    with pytest.raises(LabError, match=r"lldpd \(apt install lldpd\)"):
        daemons.check_requirements(load_spec())


def test_bad_prefix_is_refused() -> None:
    with pytest.raises(LabError, match="prefix"):
        load_ground_truth("bad-prefix")


# ------------------------------------------------------------------ built lab (root)


def _ip_json(ns: str, *argv: str) -> list[dict[str, Any]]:
    out = subprocess.run(["ip", "-n", ns, "-j", *argv], capture_output=True, text=True,
                         timeout=10, check=True).stdout
    return json.loads(out or "[]")  # type: ignore[no-any-return]


def _walk(scanner_run: ScannerRun, ip: str, community: str, oid: str) -> dict[str, str]:
    res = scanner_run(["snmpbulkwalk", "-v2c", "-c", community, "-t", "2", "-r", "1",
                       "-On", "-Oq", ip, oid], timeout=20)
    assert res.returncode == 0, res.stderr
    rows = {}
    for line in res.stdout.splitlines():
        o, _, v = line.partition(" ")
        rows[o] = v.strip().strip('"')
    return rows


def _probe(scanner_run: ScannerRun, proto: str, host: str, port: int,
           payload: bytes = b"") -> str:
    """Send payload (maybe nothing) from the scanner namespace, return the first reply."""
    code = (
        "import socket,sys\n"
        f"s=socket.socket(socket.AF_INET,socket.SOCK_{'DGRAM' if proto == 'udp' else 'STREAM'})\n"
        "s.settimeout(3)\n"
        f"s.connect(({host!r},{port}))\n"
        f"p={payload!r}\n"
        "p and s.send(p)\n"
        "sys.stdout.write(s.recv(4096).decode('latin-1'))\n"
    )
    res = scanner_run([sys.executable, "-c", code], timeout=10)
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.lab
def test_every_namespace_and_interface_matches_truth(lab: GroundTruth) -> None:
    present = set(Path("/run/netns").iterdir())
    for d in lab.devices:
        assert Path("/run/netns") / d.namespace in present, d.namespace
        links = {x["ifname"]: x for x in _ip_json(d.namespace, "addr")}
        for iface in d.interfaces:
            got = links.get(iface.name)
            assert got is not None, f"{d.name}: no {iface.name}"
            if iface.name != "lo":
                assert got["address"] == iface.mac, (d.name, iface.name)
            addrs = {f"{a['local']}/{a['prefixlen']}" for a in got.get("addr_info", [])
                     if a.get("family") == "inet"}
            assert set(iface.ips) <= addrs, (d.name, iface.name, addrs)
        extra = set(links) - {i.name for i in d.interfaces} - {"lo"}
        assert not extra, f"{d.name} has undeclared interfaces {extra}"


@pytest.mark.lab
def test_no_ipv6_and_no_eth0(lab: GroundTruth) -> None:
    for d in lab.devices:
        for link in _ip_json(d.namespace, "addr"):
            assert link["ifname"] != "eth0"
            assert all(a.get("family") != "inet6" for a in link.get("addr_info", []))


def _lldp_neighbours(lab_prefix: str, device: str, ns: str) -> dict[str, set[str]]:
    sock = f"/run/netmap-lab/{lab_prefix}/dev/{device}/lldpd.sock"
    res = subprocess.run(["ip", "netns", "exec", ns, "lldpcli", "-u", sock, "-f", "json0",
                          "show", "neighbors"], capture_output=True, text=True, timeout=10,
                         check=True)
    seen: dict[str, set[str]] = {}
    for lldp in json.loads(res.stdout).get("lldp", []):
        for iface in lldp.get("interface", []):
            seen.setdefault(iface["name"], set()).update(
                n["value"] for c in iface.get("chassis", []) for n in c.get("name", []))
    return seen


@pytest.mark.lab
def test_switch_lldp_neighbours_match_links(lab: GroundTruth, lab_prefix: str) -> None:
    for sw in (d for d in lab.devices if d.type == "switch" and d.lldp):
        want: dict[str, set[str]] = {}
        for link in lab.links:
            for me, port, other in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
                if me == sw.name and lab.device(other).lldp:
                    want.setdefault(port, set()).add(other)
        assert _lldp_neighbours(lab_prefix, sw.name, sw.namespace) == want, sw.name


@pytest.mark.lab
def test_bridge_mib_fdb_has_hosts_on_their_ports(lab: GroundTruth,
                                                  scanner_run: ScannerRun) -> None:
    checked = 0
    for sw in lab.devices:
        if sw.type != "switch" or sw.snmp is None:
            continue
        ip, comm = sw.interfaces[0].ips[0].split("/")[0], sw.snmp.community
        fdb_id = sw.vlans.fdb if sw.vlans else 1  # the switch's VLAN: one FDB per VLAN
        # a Catalyst keeps the VLAN's ports and table in its own instance: community@vlan
        cisco = sw.snmp.vlan_mib == "cisco"
        bridge_comm = f"{comm}@{fdb_id}" if cisco else comm
        port_if = _walk(scanner_run, ip, bridge_comm, ".1.3.6.1.2.1.17.1.4.1.2")
        if_descr = _walk(scanner_run, ip, comm, ".1.3.6.1.2.1.2.2.1.2")
        port_name = {o.rsplit(".", 1)[1]: if_descr[f".1.3.6.1.2.1.2.2.1.2.{v}"]
                     for o, v in port_if.items()}
        fdb = _walk(scanner_run, ip, bridge_comm, ".1.3.6.1.2.1.17.4.3.1.2")
        mac_port = {_oid_mac(o): port_name.get(v) for o, v in fdb.items()}
        if cisco:  # no Q-BRIDGE-MIB; and VLAN 1's own instance learned nothing
            for absent in (".1.3.6.1.2.1.17.7", ".1.3.6.1.2.1.17.4.3.1.2"):
                rows = _walk(scanner_run, ip, comm, absent)
                assert all("No Such" in v for v in rows.values()), (sw.name, absent, rows)
        else:
            qfdb = _walk(scanner_run, ip, comm, f".1.3.6.1.2.1.17.7.1.2.2.1.2.{fdb_id}")
            assert {_oid_mac(o): port_name.get(v) for o, v in qfdb.items()} == mac_port
        for mac, port in _hosts_behind(lab, sw.name):
            assert mac_port.get(mac) == port, f"{sw.name}: {mac} not on {port}"
            checked += 1
    assert checked >= 10


def _oid_mac(oid: str) -> str:
    return ":".join(f"{int(x):02x}" for x in oid.split(".")[-6:])


def _ends(lab: GroundTruth, device: str) -> list[tuple[str, str, str]]:
    """(my port, other device, other port) for each cable at device."""
    out = []
    for lk in lab.links:
        if lk.a == device:
            out.append((lk.a_port, lk.b, lk.b_port))
        if lk.b == device:
            out.append((lk.b_port, lk.a, lk.a_port))
    return out


def _hosts_via(lab: GroundTruth, device: str, came_from: str) -> list[str]:
    """MACs of addressed hosts reachable through an unmanaged switch."""
    macs: list[str] = []
    for _, other, oport in _ends(lab, device):
        dev = lab.device(other)
        if other == came_from:
            continue
        if dev.type != "switch":
            macs += [i.mac for i in dev.interfaces if i.name == oport and i.ips]
        elif not dev.managed:
            macs += _hosts_via(lab, other, device)
    return macs


def _hosts_behind(lab: GroundTruth, switch: str) -> list[tuple[str, str]]:
    """(host MAC, switch port) for hosts on the switch's ports, including hosts
    behind an unmanaged switch plugged into one of them."""
    out: list[tuple[str, str]] = []
    for port, other, oport in _ends(lab, switch):
        dev = lab.device(other)
        if dev.type != "switch":
            out += [(i.mac, port) for i in dev.interfaces if i.name == oport and i.ips]
        elif not dev.managed:
            out += [(mac, port) for mac in _hosts_via(lab, other, switch)]
    return out


@pytest.mark.lab
def test_printer_and_ups_answer_snmp(lab: GroundTruth, scanner_run: ScannerRun) -> None:
    p, u = lab.device("printer1"), lab.device("ups1")
    pip, uip = p.interfaces[0].ips[0].split("/")[0], u.interfaces[0].ips[0].split("/")[0]
    res = scanner_run(["snmpget", "-v2c", "-c", "public", "-On", "-Oqv", pip,
                       ".1.3.6.1.2.1.1.2.0", ".1.3.6.1.2.1.43.5.1.1.17.1",
                       ".1.3.6.1.2.1.25.3.2.1.2.1", ".1.3.6.1.2.1.2.2.1.6.1"])
    assert res.returncode == 0, res.stderr
    oid, serial, hrtype, mac = res.stdout.splitlines()
    assert oid == ".1.3.6.1.4.1.11.2.3.9.1" and serial.strip('"') == p.serial
    assert hrtype == ".1.3.6.1.2.1.25.3.1.5"
    assert mac.replace(" ", ":").strip(':"').lower() == p.interfaces[0].mac
    res = scanner_run(["snmpget", "-v2c", "-c", "public", "-On", "-Oqv", uip,
                       ".1.3.6.1.2.1.33.1.1.2.0", ".1.3.6.1.4.1.318.1.1.1.1.2.3.0",
                       ".1.3.6.1.2.1.33.1.2.1.0"])
    assert res.returncode == 0, res.stderr
    model, userial, status = (x.strip('"') for x in res.stdout.splitlines())
    assert (model, userial, status) == (u.model, u.serial, "2")


@pytest.mark.lab
def test_srv_file_ssh_http_and_hr_sw_installed(lab: GroundTruth,
                                               scanner_run: ScannerRun) -> None:
    ip = lab.device("srv-file").interfaces[0].ips[0].split("/")[0]
    assert _probe(scanner_run, "tcp", ip, 22).startswith("SSH-2.0-OpenSSH")
    http = _probe(scanner_run, "tcp", ip, 80, b"HEAD / HTTP/1.0\r\n\r\n")
    assert http.startswith("HTTP/1.1 200") and "Server: nginx" in http
    sw = _walk(scanner_run, ip, "public", ".1.3.6.1.2.1.25.6.3.1.2")
    assert len(sw) > 20, "hrSWInstalledName should list the dpkg packages"
    name = _walk(scanner_run, ip, "public", ".1.3.6.1.2.1.1.5")
    assert list(name.values()) == ["srv-file"]


@pytest.mark.lab
def test_mail_banners(lab: GroundTruth, scanner_run: ScannerRun) -> None:
    ip = lab.device("mail").interfaces[0].ips[0].split("/")[0]
    assert _probe(scanner_run, "tcp", ip, 25).startswith("220 mail.cityhall.lan ESMTP Postfix")
    imap = _probe(scanner_run, "tcp", ip, 143)
    assert imap.startswith("* OK [CAPABILITY IMAP4rev1") and "Dovecot" in imap
    caps = _probe(scanner_run, "tcp", ip, 143, b"a1 CAPABILITY\r\n")
    assert "IMAP4rev1" in caps


@pytest.mark.lab
@pytest.mark.parametrize("proto", ["udp", "tcp"])
def test_pbx_answers_sip_options(lab: GroundTruth, scanner_run: ScannerRun, proto: str) -> None:
    ip = lab.device("pbx").interfaces[0].ips[0].split("/")[0]
    req = (f"OPTIONS sip:{ip} SIP/2.0\r\nVia: SIP/2.0/{proto.upper()} 10.77.10.250:5060;"
           "branch=z9hG4bKtest\r\nFrom: <sip:probe@netmap>;tag=1\r\nTo: <sip:pbx@lab>\r\n"
           "Call-ID: 1@netmap\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
           "Content-Length: 0\r\n\r\n").encode()
    reply = _probe(scanner_run, proto, ip, 5060, req)
    assert reply.startswith("SIP/2.0 200 OK") and "Server: Asterisk PBX" in reply
    assert "Call-ID: 1@netmap" in reply


@pytest.mark.lab
def test_scanner_cannot_reach_beyond_the_lab(lab: GroundTruth, scanner_run: ScannerRun) -> None:
    routes = json.loads(scanner_run(["ip", "-j", "route"]).stdout)
    assert [r["dst"] for r in routes if r["dst"] != "default"] == ["10.77.10.0/24"]
    # The lab's "internet" (an address inside the isp namespace) answers.
    assert scanner_run(["ping", "-c1", "-W1", "100.64.255.1"]).returncode == 0
    hosts = scanner_run(["getent", "hosts", "10.77.20.11"]).stdout
    assert "mail.cityhall.lan" in hosts


@pytest.mark.lab
def test_root_namespace_untouched(lab: GroundTruth, root_before_lab: RootSnapshot) -> None:
    now = root_net_snapshot()
    assert now == root_before_lab
    macs = {i.mac for d in lab.devices for i in d.interfaces if i.name != "lo"}
    nets = [ipaddress.ip_network(s.cidr) for s in lab.subnets] + [
        ipaddress.ip_network("100.64.0.0/10")]
    for link in now["links"]:
        assert link.split()[-1] not in macs, link
    for addr in now["addrs"]:
        ip = ipaddress.ip_interface(addr.split()[-1]).ip
        assert not any(ip in n for n in nets if ip.version == 4), addr
    for route in now["routes"]:
        dst = route.split()[0]
        if dst[0].isdigit():
            assert not any(ipaddress.ip_network(dst, strict=False).overlaps(n)
                           for n in nets if ":" not in dst), route


@pytest.mark.lab
def test_lab_up_again_is_idempotent(lab: GroundTruth, lab_prefix: str) -> None:
    t0 = time.monotonic()
    again = lab_up(prefix=lab_prefix)
    print(f"\nsecond lab_up: {time.monotonic() - t0:.2f}s")
    assert again.devices == lab.devices and again.created == lab.created
    assert lab_status(lab_prefix).up
    assert load_ground_truth(lab_prefix) == again


@pytest.mark.lab
def test_lab_down_without_lab_is_a_noop(lab: GroundTruth, lab_prefix: str) -> None:
    t0 = time.monotonic()
    lab_down("nmnothing")
    assert time.monotonic() - t0 < 2
    assert lab_status(lab_prefix).up, "tearing down another prefix touched this lab"


@pytest.mark.lab
def test_second_lab_in_parallel_timings(lab: GroundTruth, lab_prefix: str) -> None:
    other = lab_prefix[:11] + ("x" if not lab_prefix.endswith("x") else "y")
    ups, downs = [], []
    try:
        for _ in range(2):
            t0 = time.monotonic()
            truth = lab_up(prefix=other)
            ups.append(time.monotonic() - t0)
            assert truth.scanner_ns == f"{other}-scanner"
            assert lab_status(other).up
            t0 = time.monotonic()
            lab_down(other)
            downs.append(time.monotonic() - t0)
            assert not [n for n in Path("/run/netns").iterdir()
                        if n.name.split("-", 1)[0] == other]
            assert not Path(f"/run/netmap-lab/{other}").exists()
            assert not list(Path("/etc/netns").glob(f"{other}-*"))
    finally:
        lab_down(other)
    print(f"\nparallel lab {other}: up {[f'{t:.2f}' for t in ups]}s, "
          f"down {[f'{t:.2f}' for t in downs]}s")
    assert max(ups) < 15 and max(downs) < 5
    assert lab_status(lab_prefix).up


@pytest.mark.lab
def test_lab_down_kills_a_launch_not_yet_in_its_namespace(lab_prefix: str) -> None:
    """A daemon caught between `ip netns exec` and setns is in no lab namespace yet; its
    launch line names the lab's state dir and a pid file, and lab_down kills it by that. A
    process that merely reads a lab file is not the lab's, and survives."""
    other = lab_prefix[:11] + ("w" if not lab_prefix.endswith("w") else "v")
    root = f"/run/netmap-lab/{other}"
    sleep = [sys.executable, "-c", "import time; time.sleep(30)"]
    launch = subprocess.Popen([*sleep, "sh", "dev", root, f"{root}/pids/dev.snmpd.pid"],
                              start_new_session=True)
    reader = subprocess.Popen([*sleep, f"{root}/dev/snmpd.log"], start_new_session=True)
    try:
        lab_down(other)
        assert launch.wait(timeout=3) != 0
        assert reader.poll() is None
    finally:
        for proc in (launch, reader):
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=5)


@pytest.mark.lab
def test_crash_midway_is_cleaned_by_lab_down(lab: GroundTruth, lab_prefix: str) -> None:
    """SIGKILL a `lab up` half-way; lab_down must leave nothing behind."""
    other = lab_prefix[:11] + ("k" if not lab_prefix.endswith("k") else "q")
    proc = subprocess.Popen([sys.executable, "-m", "netmap.lab", "up", "--prefix", other],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not list(
                Path(f"/run/netmap-lab/{other}/pids").glob("*.pid")):
            time.sleep(0.02)  # wait until daemons are being started, then crash
        assert proc.poll() is None, "lab up finished before it could be interrupted"
        proc.kill()
        proc.wait(timeout=5)
        assert [n for n in Path("/run/netns").iterdir() if n.name.startswith(f"{other}-")]
    finally:
        t0 = time.monotonic()
        lab_down(other)
        took = time.monotonic() - t0
    assert took < 5
    assert not [n for n in Path("/run/netns").iterdir() if n.name.split("-", 1)[0] == other]
    assert not Path(f"/run/netmap-lab/{other}").exists()
    assert not list(Path("/etc/netns").glob(f"{other}-*"))
    leftovers = subprocess.run(["pgrep", "-f", f"/run/netmap-lab/{other}/"],
                               capture_output=True, text=True, check=False).stdout.split()
    assert not leftovers, f"processes of the crashed lab survive: {leftovers}"
