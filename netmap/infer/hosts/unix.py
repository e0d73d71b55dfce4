"""Parse what a Linux, BSD or macOS computer said (the sections of commands.py) into a
HostInventory. Pure functions of the stored text: a better parser re-reads old scans.

Every value is cleaned (control characters out, length capped) because it came from a
device; an unreadable section is skipped, never fatal.
"""

from __future__ import annotations

import re
import shlex
from datetime import UTC, datetime

from netmap.model import Disk, HostInventory, SoftwareItem
from netmap.placeholders import placeholder

MAX_TEXT = 512
MAX_PACKAGES = 100_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def text(value: str | None) -> str | None:
    """A device string made safe to keep: no control characters, at most MAX_TEXT long,
    None when empty or a vendor's placeholder."""
    if value is None:
        return None
    cleaned = _CONTROL.sub(" ", value).strip()[:MAX_TEXT].strip()
    if placeholder(cleaned):
        return None
    return cleaned


def parse_unix(outputs: dict[str, str], platform: str) -> HostInventory:
    inv = HostInventory(method="ssh", platform=platform)
    inv.hostname = text(outputs.get("hostname", "").strip().split("\n")[0])
    inv.kernel = text(outputs.get("uname"))
    _os_release(inv, outputs.get("os-release", ""))
    if platform == "linux":
        _linux_hardware(inv, outputs)
    elif platform == "darwin":
        _darwin(inv, outputs)
    else:
        _bsd(inv, outputs)
    inv.software = _dedupe(_packages(outputs))[:MAX_PACKAGES]
    if inv.software:
        inv.evidence.append(f"software: {len(inv.software)} packages from "
                            f"{_package_source(outputs)} over SSH")  # fmt: skip
    return inv


def _os_release(inv: HostInventory, body: str) -> None:
    fields = dict(_key_values(body))
    if name := text(fields.get("PRETTY_NAME") or fields.get("NAME")):
        inv.os_name = name
        inv.os_version = text(fields.get("VERSION_ID"))
        inv.os_family = text(fields.get("NAME")) or name
        inv.evidence.append("os: /etc/os-release PRETTY_NAME over SSH")


def _key_values(body: str) -> list[tuple[str, str]]:
    """KEY=value lines, with shell quoting removed as os-release specifies."""
    out = []
    for line in body.splitlines():
        key, sep, value = line.partition("=")
        if not sep or not key.strip().isidentifier():
            continue
        try:
            parts = shlex.split(value, posix=True)
        except ValueError:
            parts = [value.strip("'\"")]
        out.append((key.strip(), " ".join(parts)))
    return out


def _linux_hardware(inv: HostInventory, outputs: dict[str, str]) -> None:
    dmi = {k: v.strip() for k, v in (line.partition("=")[::2]
                                     for line in outputs.get("dmi", "").splitlines())}  # fmt: skip
    for field, keys in (("vendor", ("sys_vendor", "board_vendor")),
                        ("model", ("product_name", "board_name")),
                        ("serial", ("product_serial", "chassis_serial"))):  # fmt: skip
        for key in keys:
            if value := text(dmi.get(key)):
                setattr(inv, field, value)
                inv.evidence.append(f"{field}: /sys/class/dmi/id/{key} over SSH")
                break
    if inv.serial is None and (serial := text(outputs.get("dmi-sudo", "").strip())):
        inv.serial = serial
        inv.evidence.append("serial: dmidecode system-serial-number (sudo) over SSH")
    cpu = outputs.get("cpu", "")
    if m := re.search(r"^model name\s*:\s*(.+)$", cpu, re.MULTILINE):
        inv.cpu = text(" ".join(m.group(1).split()))
    if m := re.search(r"^cpus=(\d+)", cpu, re.MULTILINE):
        inv.cpu_cores = int(m.group(1))
    if m := re.search(r"MemTotal:\s*(\d+)\s*kB", outputs.get("memory", "")):
        inv.memory_bytes = int(m.group(1)) * 1024
    inv.disks = _lsblk(outputs.get("disks", ""))


def _lsblk(body: str) -> list[Disk]:
    """`lsblk -P` lines (KEY="value" pairs): whole disks only, not loop devices or ROMs."""
    disks = []
    for line in body.splitlines():
        pairs = dict(re.findall(r'(\w+)="([^"]*)"', line))
        size = pairs.get("SIZE", "")
        # zram is swap in memory, and a 0-byte disk is an empty card reader: not storage
        if pairs.get("TYPE") != "disk" or not pairs.get("NAME") or size in ("", "0") or \
                pairs["NAME"].startswith("zram"):
            continue
        disks.append(Disk(name=text(pairs["NAME"]) or "disk",
                          size_bytes=int(size) if size.isdigit() else None,
                          model=text(pairs.get("MODEL"))))  # fmt: skip
    return disks


def _darwin(inv: HostInventory, outputs: dict[str, str]) -> None:
    vers = dict((k.strip(), v.strip()) for k, _, v in
                (line.partition(":") for line in outputs.get("sw_vers", "").splitlines()))  # fmt: skip
    if name := text(vers.get("ProductName")):
        inv.os_name = f"{name} {vers.get('ProductVersion', '')}".strip()
        inv.os_family = name
        inv.os_version, inv.os_build = text(vers.get("ProductVersion")), text(vers.get("BuildVersion"))
        inv.evidence.append("os: sw_vers over SSH")
    hw = dict((k.strip(), v.strip()) for k, _, v in
              (line.partition(":") for line in outputs.get("hardware", "").splitlines()))  # fmt: skip
    inv.vendor = "Apple" if hw else None
    for field, key in (("model", "Model Identifier"), ("serial", "Serial Number (system)")):
        if value := text(hw.get(key)):
            setattr(inv, field, value)
            inv.evidence.append(f"{field}: system_profiler SPHardwareDataType {key} over SSH")
    if name := text(hw.get("Model Name")):
        inv.model = f"{name} ({inv.model})" if inv.model else name
    inv.cpu = text(hw.get("Chip") or hw.get("Processor Name"))
    numbers = outputs.get("sysctl", "").split("\n")
    if numbers and numbers[0].strip().isdigit():
        inv.memory_bytes = int(numbers[0])
    if len(numbers) > 1 and numbers[1].strip().isdigit():
        inv.cpu_cores = int(numbers[1])


def _bsd(inv: HostInventory, outputs: dict[str, str]) -> None:
    if inv.os_family is None and inv.kernel:  # uname's first word: FreeBSD, OpenBSD, NetBSD
        inv.os_family = inv.kernel.split()[0]
    numbers = outputs.get("sysctl", "").split("\n")
    if numbers and numbers[0].strip().isdigit():
        inv.memory_bytes = int(numbers[0])
    if len(numbers) > 1 and numbers[1].strip().isdigit():
        inv.cpu_cores = int(numbers[1])
    if len(numbers) > 2:
        inv.cpu = text(numbers[2])
    kenv = [line.strip() for line in outputs.get("kenv", "").splitlines()]
    for field, i in (("vendor", 0), ("model", 1), ("serial", 2)):
        if i < len(kenv) and (value := text(kenv[i])):
            setattr(inv, field, value)
            inv.evidence.append(f"{field}: kenv smbios over SSH")
    inv.disks = [Disk(name=n) for n in outputs.get("disks", "").split() if text(n)]


# -- packages --------------------------------------------------------------------------------


def _packages(outputs: dict[str, str]) -> list[SoftwareItem]:
    items: list[SoftwareItem] = []
    items += _dpkg(outputs.get("dpkg", ""))
    items += _tabbed(outputs.get("rpm", ""), epoch_date=True)
    items += _tabbed(outputs.get("pkg", ""), epoch_date=True)
    items += _name_version(outputs.get("pacman", ""), " ")
    items += _apk(outputs.get("apk", ""))
    items += _name_version(outputs.get("brew", ""), " ", publisher="Homebrew")
    items += _mac_apps(outputs.get("apps", ""))
    items += [SoftwareItem(name=n, sw_type="package", publisher="macOS installer package")
              for line in outputs.get("pkgutil", "").splitlines() if (n := text(line))]  # fmt: skip
    return items


def _package_source(outputs: dict[str, str]) -> str:
    names = {"dpkg": "dpkg-query", "rpm": "rpm -qa", "apk": "apk", "pacman": "pacman -Q",
             "pkg": "pkg query", "brew": "Homebrew", "apps": "system_profiler",
             "pkgutil": "pkgutil"}  # fmt: skip
    used = [label for key, label in names.items() if outputs.get(key, "").strip()]
    return ", ".join(used) or "the package manager"


# Debian's archive sections of shared libraries and language modules: what a program needs, not
# what a bidder prices (https://www.debian.org/doc/debian-policy/ch-archive#sections)
_LIBRARY_SECTIONS = frozenset({"libs", "oldlibs", "libdevel", "debug", "python", "perl", "java",
                               "javascript", "ruby", "php", "rust", "golang"})  # fmt: skip
# Debian's priorities of the packages the system cannot work without (policy 2.5)
_SYSTEM_PRIORITIES = frozenset({"required", "important"})


def _dpkg(body: str) -> list[SoftwareItem]:
    """status<TAB>package<TAB>version<TAB>maintainer<TAB>mtime[<TAB>priority<TAB>section]:
    installed ("ii") ones only. Scans before netmap asked for the priority and section say
    "package" of every one."""
    out = []
    for line in body.splitlines():
        parts = [*line.split("\t"), "", "", "", "", ""]
        if not parts[0].startswith("ii") or not (name := text(parts[1])):
            continue
        out.append(SoftwareItem(name=name, version=text(parts[2]), publisher=text(parts[3]),
                                installed=_epoch(parts[4]),
                                sw_type=_debian_kind(parts[5], parts[6])))  # fmt: skip
    return out


def _debian_kind(priority: str, section: str) -> str:
    """"library", "system" (the OS's own) or "package", by Debian's priority and section."""
    if section.strip().rpartition("/")[2] in _LIBRARY_SECTIONS:  # "non-free/libs" too
        return "library"
    return "system" if priority.strip() in _SYSTEM_PRIORITIES else "package"


def _tabbed(body: str, *, epoch_date: bool) -> list[SoftwareItem]:
    """name<TAB>version<TAB>vendor<TAB>install time (rpm, FreeBSD pkg)."""
    out = []
    for line in body.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not (name := text(parts[0])):
            continue
        vendor = text(parts[2]) if len(parts) > 2 and parts[2] != "(none)" else None
        when = _epoch(parts[3]) if len(parts) > 3 and epoch_date else None
        out.append(SoftwareItem(name=name, version=text(parts[1]), publisher=vendor,
                                installed=when, sw_type="package"))  # fmt: skip
    return out


def _name_version(body: str, sep: str, publisher: str | None = None) -> list[SoftwareItem]:
    out = []
    for line in body.splitlines():
        name, _, version = line.strip().partition(sep)
        if cleaned := text(name):
            out.append(SoftwareItem(name=cleaned, version=text(version), publisher=publisher,
                                    sw_type="package"))  # fmt: skip
    return out


def _apk(body: str) -> list[SoftwareItem]:
    """`apk info -v`: name-version-rRELEASE; the version starts at the first "-<digit>"."""
    out = []
    for line in body.splitlines():
        m = re.match(r"^(.+?)-(\d[^-]*-r\d+)$", line.strip())
        if m and (name := text(m.group(1))):
            out.append(SoftwareItem(name=name, version=text(m.group(2)), sw_type="package"))
    return out


def _mac_apps(body: str) -> list[SoftwareItem]:
    """system_profiler SPApplicationsDataType: an app's name ends with ':' at 4 spaces of
    indent, its "Version:" follows deeper."""
    out: list[SoftwareItem] = []
    name: str | None = None
    for line in body.splitlines():
        if re.match(r"^ {4}\S.*:$", line):
            name = text(line.strip()[:-1])
            if name:
                out.append(SoftwareItem(name=name, sw_type="application"))
        elif name and out and (m := re.match(r"^\s+Version:\s*(.+)$", line)):
            out[-1] = out[-1].model_copy(update={"version": text(m.group(1))})
    return out


def _epoch(value: str) -> str | None:
    value = value.strip()
    if not value.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC).strftime("%Y-%m-%d")
    except (OverflowError, OSError, ValueError):
        return None


def _dedupe(items: list[SoftwareItem]) -> list[SoftwareItem]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for item in items:
        key = (item.name, item.version)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
