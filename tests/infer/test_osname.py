"""The OS a service's own words name (Apache's platform, nmap's OpenSSH distribution)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from netmap.infer.identify.osname import service_os
from netmap.infer.merge import merge

from .factory import arp, mac, make_scan, svc

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("extrainfo", "ostype", "expected"), [
    ("(CentOS) OpenSSL/1.0.2k-fips PHP/7.4.33", None, "CentOS"),  # FreePBX's Apache
    ("(Debian)", "Linux", "Debian Linux"),
    ("(Red Hat Enterprise Linux) mod_ssl/2.2.15", None, "Red Hat Enterprise Linux"),
    ("Ubuntu Linux; protocol 2.0", "Linux", "Ubuntu Linux"),  # nmap's OpenSSH line
    ("Debian 3+deb12u3; protocol 2.0", "Linux", "Debian Linux"),  # the package revision is not
    ("(Win64) OpenSSL/1.1.1w PHP/8.2.12", "Windows", None),  # a build, not an OS name
    ("(Raspbian)", None, None),  # nmap names no such OS: left to nmap's own type
    ("(Cisco)", None, None),  # a maker of other products is no OS name
    ("protocol 2.0", None, None),
    ("Huawei HG8245H; DHCP", "Linux", None),  # a maker of a Linux build, not a distribution
    ("Network Camera", "Linux", None),  # "network" begins nmap's network_operating_system
    ("Android phone", "Linux", None),  # a word of it is an OS; the whole is a device
    ("Western Digital My Book http config", "Linux", None),
    ("Debian Linux 8.0 (Jessie)", "Linux", "Debian Linux"),
    ("Ubuntu Linux", None, None),  # unbracketed words count only where nmap names an OS type
    ("workgroup: WORKGROUP", "Windows", None),
    (None, "Linux", None),
])
def test_the_os_a_service_names(extrainfo: str | None, ostype: str | None,
                                expected: str | None) -> None:
    ob = svc("10.0.0.9", 80, "http", "Apache httpd", extrainfo=extrainfo, ostype=ostype)
    assert service_os(ob) == expected


@pytest.mark.parametrize(("banner", "expected"), [
    ("220 mail.cityhall.lan ESMTP Postfix (Debian/GNU)", "Debian"),  # Debian's Postfix default
    ("220 ProFTPD Server (Debian) [::ffff:10.0.0.1]", "Debian"),
    ("* OK [CAPABILITY IMAP4rev1 LITERAL+] Dovecot (Ubuntu) ready.", "Ubuntu"),
    ("220 (vsFTPd 3.0.3)", None),
    ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", None),  # nmap's own line reads this one
    ("220 host ESMTP Exim 4.96 Ubuntu Sun, 06 Dec 2026", None),  # unbracketed: not read
])
def test_the_os_a_greeting_names_in_brackets(banner: str, expected: str | None) -> None:
    ob = svc("10.0.0.9", 25, "smtp", "Postfix smtpd", banner=banner)
    assert service_os(ob) == expected


def test_a_named_distribution_outranks_the_kernel_type_but_not_the_hosts_own_word() -> None:
    """The lab's PBX: nmap says Apache (CentOS) and gives no OS; an SSH server on the same host
    says only "Linux". The inventory's OS is CentOS, and its evidence says where it came from."""
    ip = "10.0.0.9"
    scan = make_scan([arp(ip, mac(9)),
                      svc(ip, 80, "http", "Apache httpd", extrainfo="(CentOS) OpenSSL/1.0.2k-fips"),
                      svc(ip, 22, "ssh", "OpenSSH", extrainfo="protocol 2.0", ostype="Linux")])
    device = next(d for d in merge(scan) if ip in d.addresses)
    assert device.os == "CentOS"
    assert any("banner names" in line for line in device.identity_evidence), device


PROBES = r"""match ssh m|^SSH-2.0-OpenSSH_([\w._-]+) Debian-(\S*)| p/OpenSSH/ v/$1/ i/Debian $2/ \
o/Linux/ cpe:/o:debian:debian_linux cpe:/o:linux:linux_kernel/a
match http m|^HTTP/1.0 200 OK\r\nServer: Foo/([\d.]+) \((\w+)\)| p/Foo/ v/$1/ cpe:/o:$2:$2/
match telnet m|^z/OS| p/IBM telnetd/ o/z\/OS/ cpe:/o:ibm:z%2fos/
"""
OS_DB = """Fingerprint Linux 5.4
Class Linux | Linux | 5.X | general purpose
CPE cpe:/o:linux:linux_kernel:5.4 auto
"""


def test_the_generator_lists_every_os_once_decoded_and_sorted(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import make_nmap_os_names as tool

    (tmp_path / "nmap-service-probes").write_text(PROBES, encoding="utf-8")
    (tmp_path / "nmap-os-db").write_text(OS_DB, encoding="utf-8")
    out1, out2 = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert tool.main([str(tmp_path), str(out1)]) == 0
    assert tool.main([str(tmp_path), str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    rows = [line for line in out1.read_text().splitlines() if not line.startswith("#")]
    # versions dropped, %-escapes decoded, a CPE filled from the banner ($2) left out
    assert rows == ["debian\tdebian_linux", "ibm\tz/os", "linux\tlinux_kernel"]
    (tmp_path / "nmap-os-db").unlink()
    assert tool.main([str(tmp_path), str(tmp_path / "c.tsv")]) == 1


def test_the_os_named_from_nmaps_own_lines_agrees_with_their_cpes() -> None:
    """nmap's match lines that write a fixed detail and OS type (i/Ubuntu/ o/Linux/) also name
    the OS as a CPE. Read as netmap reads a service, every line whose detail names an OS names
    the same one as its CPE, or its CPE names only the kernel (cpe:/o:linux:linux_kernel) and
    the detail the distribution. "Android phone" or "Gargoyle WAP firmware" name none."""
    import re
    from datetime import UTC, datetime

    from netmap.infer.identify.osname import _key
    from netmap.model import ServiceObs

    probes = Path("/usr/share/nmap/nmap-service-probes")
    if not probes.exists():
        pytest.skip("nmap's service database is not installed")
    named, wrong = 0, []
    for line in probes.read_text(encoding="utf-8", errors="replace").splitlines():
        i = re.search(r"\si([/|])(.*?)\1", line)
        o = re.search(r"\so([/|])(.*?)\1", line)
        if not line.startswith(("match ", "softmatch ")) or i is None or "$" in i.group(2):
            continue
        ostype = o.group(2) if o and "$" not in o.group(2) else None
        found = service_os(ServiceObs(target="x", time=datetime.now(UTC), ip="10.0.0.9", port=80,
                                      extrainfo=i.group(2), ostype=ostype))
        if found is None:
            continue
        named += 1
        cpes = [(v, p) for v, p in re.findall(r"cpe:/o:([^:/\s]+):([^:/\s]+)", line)
                if (v, p) != ("linux", "linux_kernel")]
        first = _key(found.split()[0])
        if cpes and not any(first in _key(v + p) for v, p in cpes):
            wrong.append((i.group(2), found, cpes))
    assert named >= 20 and wrong == [], wrong
