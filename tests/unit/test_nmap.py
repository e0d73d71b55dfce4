"""nmap XML -> observations, bad XML, the LAN-tuned probe waits and the /24 grouping.

The XML here is written by hand in nmap's format (no nmap run), so these tests need no network.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netmap.discover.nmap import (
    LAN_PROBE_WAIT_MS,
    TCP_PORTS,
    NmapError,
    chunks,
    lan_probes,
    observations_from_xml,
    port_args,
    tcp_ports,
)
from netmap.model import Depth

XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<nmaprun scanner="nmap" args="nmap -sS -sV" start="1700000000" version="7.93" xmloutputversion="1.05">
<scaninfo type="syn" protocol="tcp" numservices="2" services="22,445"/>
<host><status state="up" reason="arp-response"/>
<address addr="10.9.0.5" addrtype="ipv4"/>
<address addr="00:1B:54:3A:7C:01" addrtype="mac" vendor="Cisco Systems"/>
<hostnames><hostname name="files.city.lan" type="PTR"/></hostnames>
<ports>
<port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/>
<service name="ssh" product="OpenSSH" version="9.2p1" extrainfo="=HYPERLINK(&quot;x&quot;)"
 method="probed" conf="10"/>
<script id="banner" output="SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\x0D\x0A&#xa;line 2"/></port>
<port protocol="tcp" portid="445"><state state="open" reason="syn-ack"/>
<service name="microsoft-ds" product="&lt;script&gt;alert(1)&lt;/script&gt;" method="table" conf="3"/></port>
<port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/>
<service name="http" product="HP Color LaserJet Pro M454dn printer http config" devicetype="printer"
 ostype="HP-UX" method="probed" conf="10"><cpe>cpe:/h:hp:color_laserjet_pro_m454dn</cpe>
<cpe>cpe:/o:hp:firmware</cpe></service></port>
<port protocol="tcp" portid="23"><state state="closed" reason="reset"/></port>
<port protocol="udp" portid="161"><state state="open|filtered" reason="no-response"/></port>
</ports>
<os><portused state="open" proto="tcp" portid="22"/>
<osmatch name="HP LaserJet 4250 printer" accuracy="100" line="30111">
<osclass type="printer" vendor="HP" osfamily="embedded" accuracy="100">
<cpe>cpe:/h:hp:laserjet_4250</cpe></osclass>
<osclass type="print server" vendor="HP" osfamily="JetDirect" accuracy="100">
<cpe>cpe:/h:hp:jetdirect</cpe><cpe>cpe:/h:hp:laserjet_4250</cpe></osclass>
</osmatch>
</os></host>
<host><status state="up" reason="echo-reply"/><address addr="192.0.2.7" addrtype="ipv4"/>
<ports><port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/></port></ports></host>
<runstats><finished time="1700000010" elapsed="10"/><hosts up="2" down="0" total="2"/></runstats>
</nmaprun>
"""


def in_lab(ip: str) -> bool:
    return ip.startswith("10.9.")


def test_xml_becomes_observations_inside_the_scope_only() -> None:
    run = observations_from_xml(XML, in_lab)
    assert [h.ip for h in run.hosts] == ["10.9.0.5"]  # 192.0.2.7 is outside the scope
    host = run.hosts[0]
    assert (host.mac, host.vendor, host.hostname) == ("00:1b:54:3a:7c:01", "Cisco Systems",
                                                      "files.city.lan")
    # open TCP ports only (closed 23 and open|filtered UDP 161 are not services)
    assert [(s.port, s.proto, s.name) for s in run.services] == [
        (22, "tcp", "ssh"), (80, "tcp", "http"), (445, "tcp", "microsoft-ds")]
    # hostile strings are kept as the device sent them; renderers neutralise them on output
    assert run.services[0].extrainfo == '=HYPERLINK("x")'
    assert run.services[2].product == "<script>alert(1)</script>"
    # every CPE of a service, in nmap's order (python-nmap alone keeps only the last)
    assert run.services[1].cpe == ["cpe:/h:hp:color_laserjet_pro_m454dn", "cpe:/o:hp:firmware"]
    # the match line's device and OS type, which python-nmap does not read
    assert (run.services[1].devicetype, run.services[1].ostype) == ("printer", "HP-UX")
    assert (run.services[0].devicetype, run.services[0].ostype) == (None, None)
    # an OS match keeps the CPEs of all its classes, once each
    [match] = run.os[0].matches
    assert (match.name, match.accuracy, match.device_type) == ("HP LaserJet 4250 printer", 100,
                                                              "printer")
    assert match.cpes == ["cpe:/h:hp:laserjet_4250", "cpe:/h:hp:jetdirect"]


@pytest.mark.parametrize("cut", [40, len(XML) // 2, len(XML) - 12])
def test_truncated_xml_is_a_clear_error(cut: int) -> None:
    with pytest.raises(NmapError, match="cannot parse nmap XML"):
        observations_from_xml(XML[:cut], in_lab)


def test_garbage_is_a_clear_error() -> None:
    with pytest.raises(NmapError, match="cannot parse nmap XML"):
        observations_from_xml(b"\xff\xfe not xml at all", in_lab)


def test_lan_probes_shorten_the_waits_and_nothing_else() -> None:
    source = (
        "Probe TCP NULL q||\n"
        "totalwaitms 6000\n"
        "tcpwrappedms 3000\n"
        "match ftp m|^220 totalwaitms 9000|\n"
        "Probe TCP GenericLines q|\\r\\n\\r\\n|\n"
        "totalwaitms 1000\n"
    )
    tuned = lan_probes(source)
    assert tuned.splitlines() == [
        "Probe TCP NULL q||",
        f"totalwaitms {LAN_PROBE_WAIT_MS}",
        "tcpwrappedms 1500",
        "match ftp m|^220 totalwaitms 9000|",  # a match line is not a directive
        "Probe TCP GenericLines q|\\r\\n\\r\\n|",
        "totalwaitms 1000",  # already short: kept
    ]
    quiet = lan_probes(source, 300).splitlines()  # client-first ports: the NULL probe only
    assert quiet[1] == "totalwaitms 300" and quiet[5] == "totalwaitms 1000"
    # a probe without a wait of its own would wait nmap's default 5 s: it gets the LAN one
    bare = lan_probes("# x\nProbe TCP SMBProgNeg q|\\0|\nrarity 1\nports 445\n").splitlines()
    assert bare == ["# x", "Probe TCP SMBProgNeg q|\\0|", f"totalwaitms {LAN_PROBE_WAIT_MS}",
                    "rarity 1", "ports 445"]


def test_banner_and_client_first_ports_split_the_list() -> None:
    banner, quiet = tcp_ports(True).split(","), tcp_ports(False).split(",")
    assert sorted(banner + quiet, key=int) == sorted(TCP_PORTS.split(","), key=int)
    assert "22" in banner and "25" in banner and "445" in quiet and "3389" in quiet
    args, _ = port_args(Depth.STANDARD, None, banner=False)
    assert "-sU" not in args and f"T:{tcp_ports(False)}" in args


def test_the_banner_script_runs_on_the_banner_first_ports_only() -> None:
    """nmap's XML keeps no banner its match line read; the banner script keeps the first line,
    one connection to each open banner-first port, waiting 1 s rather than its 5 s."""
    banner, _ = port_args(Depth.STANDARD, None, banner=True)
    quiet, _ = port_args(Depth.STANDARD, None, banner=False)
    assert banner[banner.index("--script") + 1] == "banner" and "--script" not in quiet
    assert "banner.timeout=1s" in banner


def test_a_banner_is_its_first_line_without_control_bytes() -> None:
    ssh = next(s for s in observations_from_xml(XML, in_lab).services if s.port == 22)
    assert ssh.banner == "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"  # \x0D\x0A and line 2 gone
    printer = next(s for s in observations_from_xml(XML, in_lab).services if s.port == 80)
    assert printer.banner is None  # no script ran there


def test_hosts_are_grouped_by_whole_24s() -> None:
    hosts = [f"10.1.{net}.{i}" for net in (1, 2, 3) for i in range(1, 4)] + ["10.1.4.9"]
    groups = chunks(hosts, 2)
    assert len(groups) == 2 and sorted(h for g in groups for h in g) == sorted(hosts)
    for g in groups:  # no /24 is split between two nmap processes
        nets = {h.rsplit(".", 1)[0] for h in g}
        assert all(h.rsplit(".", 1)[0] in nets for h in g)
        for other in groups:
            if other is not g:
                assert not nets & {h.rsplit(".", 1)[0] for h in other}


def test_a_stored_scan_is_read_again_with_what_its_xml_holds(tmp_path: Path) -> None:
    """A scan stored before netmap read a service's device type, OS type and every CPE, or an
    OS match's CPEs, gets them from its own stored XML when it is identified again; what was
    stored is kept, and a stored document that does not parse adds nothing."""
    from netmap.discover.nmap import save_name
    from netmap.model import ScanRequest
    from netmap.pipeline import stored_scan
    from netmap.store import Store

    fresh = observations_from_xml(XML, in_lab)
    printer = next(s for s in fresh.services if s.port == 80)
    old_printer = printer.model_copy(update={"devicetype": None, "ostype": None,
                                             "cpe": ["cpe:/o:hp:firmware"]})
    old_os = fresh.os[0].model_copy(update={"matches": [
        m.model_copy(update={"cpes": []}) for m in fresh.os[0].matches]})
    ssh = next(s for s in fresh.services if s.port == 22)
    old_ssh = ssh.model_copy(update={"banner": None})  # stored before the banner script ran
    store = Store(tmp_path / "scans")
    sid = store.create(ScanRequest(targets=["10.9.0.0/24"]), ["ports"])
    store.write_observations(sid, [old_printer, old_os, old_ssh])
    store.write_file(sid, save_name("ports-0"), XML)
    store.write_file(sid, save_name("ports-1"), XML[: len(XML) // 2])  # cut short: adds nothing
    again = stored_scan(store, sid).observations
    assert again[0] == printer.model_copy(update={"time": old_printer.time})
    assert again[1].matches[0].cpes == ["cpe:/h:hp:laserjet_4250", "cpe:/h:hp:jetdirect"]
    assert again[2] == ssh.model_copy(update={"time": old_ssh.time})  # its banner read again


def test_a_link_in_a_scan_folder_is_never_read_as_its_xml(tmp_path: Path) -> None:
    """Only the scan's own files are read again: a link named like nmap's XML is left out."""
    from netmap.model import ScanRequest
    from netmap.store import Store

    outside = tmp_path / "elsewhere.xml"
    outside.write_bytes(XML)
    store = Store(tmp_path / "scans")
    sid = store.create(ScanRequest(targets=["10.9.0.0/24"]), ["ports"])
    store.write_file(sid, "nmap-ports-0.xml", b"<nmaprun/>")
    (store.path(sid) / "nmap-ports-1.xml").symlink_to(outside)
    assert store.read_files(sid, "nmap-*.xml") == [b"<nmaprun/>"]
