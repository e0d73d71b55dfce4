"""The Unix inventory parsers on output in the form each tool prints it."""

from __future__ import annotations

import pytest

from netmap.discover.hosts.commands import SECTIONS, inventory_script, split_sections
from netmap.infer.hosts.unix import parse_unix, text

RHEL = {
    "hostname": "gis01.city.lan",
    "os-release": 'NAME="Red Hat Enterprise Linux"\nVERSION_ID="9.3"\n'
                  'PRETTY_NAME="Red Hat Enterprise Linux 9.3 (Plow)"\n',
    "dmi": "sys_vendor=VMware, Inc.\nproduct_name=VMware7,1\nproduct_serial=\n"
           "board_vendor=Intel Corporation\n",
    "dmi-sudo": "VMware-42 1e 5a 3c 9d 7b 11 2f-8a 44 90 13 aa 5b 6c 01",
    "rpm": "bash\t5.1.8-6.el9\tRed Hat, Inc.\t1700000000\n"
           "gpg-pubkey\t5a6340b3-6229229e\t(none)\t1700000001\n",
}
ALPINE = {"os-release": 'PRETTY_NAME="Alpine Linux v3.19"\nVERSION_ID=3.19.1\n',
          "apk": "musl-1.2.4_git20230717-r4\nbusybox-1.36.1-r15\nca-certificates-bundle-20230506-r0\n"}
ARCH = {"os-release": 'PRETTY_NAME="Arch Linux"\n', "pacman": "bash 5.2.026-2\nlinux 6.7.4.arch1-1\n"}
MAC = {
    "hostname": "clerk-mbp",
    "sw_vers": "ProductName:\t\tmacOS\nProductVersion:\t\t14.3.1\nBuildVersion:\t\t23D60\n",
    "hardware": "Hardware:\n\n    Hardware Overview:\n\n      Model Name: MacBook Pro\n"
                "      Model Identifier: Mac15,3\n      Chip: Apple M3\n"
                "      Serial Number (system): C02XK1ZZJG5H\n",
    "sysctl": "17179869184\n8\nApple M3",
    "apps": "Applications:\n\n    Microsoft Word:\n\n      Version: 16.81\n"
            "      Location: /Applications/Microsoft Word.app\n\n    Safari:\n\n"
            "      Version: 17.3\n",
    "brew": "git 2.43.0\nwget 1.21.4\n",
}
FREEBSD = {
    "os-release": 'NAME=FreeBSD\nVERSION_ID="14.0"\nPRETTY_NAME="FreeBSD 14.0-RELEASE"\n',
    "sysctl": "34318340096\n8\nIntel(R) Xeon(R) CPU E3-1230 v6 @ 3.50GHz",
    "kenv": "Supermicro\nSuper Server\n0123456789",
    "disks": "ada0 ada1",
    "pkg": "nginx\t1.24.0_12,3\tbapt@FreeBSD.org\t1706000000\n",
}


def test_rhel_vm_with_sudo_serial() -> None:
    inv = parse_unix(RHEL, "linux")
    assert inv.os_name == "Red Hat Enterprise Linux 9.3 (Plow)" and inv.os_version == "9.3"
    assert inv.os_family == "Red Hat Enterprise Linux"  # os-release NAME: no version
    assert (inv.vendor, inv.model) == ("VMware, Inc.", "VMware7,1")
    assert inv.serial == "VMware-42 1e 5a 3c 9d 7b 11 2f-8a 44 90 13 aa 5b 6c 01"
    assert "serial: dmidecode system-serial-number (sudo) over SSH" in inv.evidence
    bash = inv.software[0]
    assert (bash.name, bash.version, bash.publisher, bash.installed) == (
        "bash", "5.1.8-6.el9", "Red Hat, Inc.", "2023-11-14")
    assert inv.software[1].publisher is None  # rpm's "(none)"


def test_alpine_and_arch_packages() -> None:
    apk = parse_unix(ALPINE, "linux").software
    assert [(s.name, s.version) for s in apk] == [
        ("musl", "1.2.4_git20230717-r4"), ("busybox", "1.36.1-r15"),
        ("ca-certificates-bundle", "20230506-r0")]
    arch = parse_unix(ARCH, "linux").software
    assert [(s.name, s.version) for s in arch] == [("bash", "5.2.026-2"),
                                                   ("linux", "6.7.4.arch1-1")]


def test_mac() -> None:
    inv = parse_unix(MAC, "darwin")
    assert inv.os_name == "macOS 14.3.1" and inv.os_build == "23D60"
    assert inv.os_family == "macOS"
    assert (inv.vendor, inv.model, inv.serial) == ("Apple", "MacBook Pro (Mac15,3)",
                                                   "C02XK1ZZJG5H")
    assert inv.memory_bytes == 17179869184 and inv.cpu == "Apple M3" and inv.cpu_cores == 8
    assert {(s.name, s.version) for s in inv.software} >= {
        ("Microsoft Word", "16.81"), ("Safari", "17.3"), ("git", "2.43.0")}


def test_freebsd_placeholder_serial() -> None:
    inv = parse_unix(FREEBSD, "freebsd")
    assert (inv.vendor, inv.model, inv.serial) == ("Supermicro", "Super Server", None)
    assert inv.os_name == "FreeBSD 14.0-RELEASE" and inv.cpu_cores == 8
    assert inv.os_family == "FreeBSD"
    assert [d.name for d in inv.disks] == ["ada0", "ada1"]
    assert inv.software[0].installed == "2024-01-23"


@pytest.mark.parametrize("value", ["To be filled by O.E.M.", "Default string", "0000000",
                                   "  ", "None", "System Serial Number"])
def test_placeholders_are_no_value(value: str) -> None:
    assert text(value) is None


def test_script_is_fixed_and_sections_split() -> None:
    a, b = inventory_script("linux"), inventory_script("linux")
    assert a.marker != b.marker  # a token per run, so output cannot forge a section
    assert a.text.replace(a.marker, "M") == b.text.replace(b.marker, "M")
    assert "sudo" not in a.text
    assert "sudo -n dmidecode" in inventory_script("linux", sudo=True).text
    out = f"motd line\n{a.marker} hostname\nweb01\n{a.marker} dpkg\nii \tx\t1\n"
    assert split_sections(out, a.marker) == {"hostname": "web01", "dpkg": "ii \tx\t1"}
    for platform, sections in SECTIONS.items():  # read-only: no writes but to /dev/null
        for _, cmd in sections:
            bare = cmd.replace("2>/dev/null", "").replace(">/dev/null", "")
            assert not any(w in bare for w in (" rm ", "install ", ">", "reboot")), (platform, cmd)


def test_debian_packages_are_told_apart_by_priority_and_section() -> None:
    """A Debian server lists some 800 packages, half of them libraries: the kind comes from
    Debian's own priority and section, so that what a bidder prices comes first."""
    dpkg = ("ii \tpostfix\t3.7.11-0+deb12u1\tDebian Postfix <p@d.org>\t1700000000\toptional\tmail\n"
            "ii \tlibc6\t2.36-9\tGNU Libc Maintainers <l@d.org>\t1700000000\trequired\tlibs\n"
            "ii \tpython3-yaml\t6.0-3\tDebian Python Team <p@d.org>\t\toptional\tpython\n"
            "ii \tadduser\t3.134\tDebian Adduser <a@d.org>\t1700000000\timportant\tadmin\n"
            "ii \tlibfoo1\t1.0\tX <x@y.org>\t\toptional\tnon-free/libs\n"
            "rc \tgone\t1.0\tX <x@y.org>\t\toptional\tutils\n"
            "ii \told-scan\t1.0\tX <x@y.org>\t1700000000\n")  # a scan before the two fields
    kinds = {s.name: s.sw_type for s in parse_unix({"dpkg": dpkg}, "linux").software}
    assert kinds == {"postfix": "package", "libc6": "library", "python3-yaml": "library",
                     "adduser": "system", "libfoo1": "library", "old-scan": "package"}
