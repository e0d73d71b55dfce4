"""The fixed, read-only commands the host inventory runs over SSH, by platform.

Nothing from a device is ever put into a command: the scripts are constants, and the only
value netmap adds is a random section marker it generates itself (so that a package name
that looks like a marker cannot split the output). Each section prints what one question
needs; the parsers in netmap/infer/hosts/ read the sections by name.

Every command reads; none installs, writes or restarts anything. Missing tools are skipped
(`command -v`), so one script serves every distribution of a platform.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

# First command on every host: which platform answers. A Windows host with OpenSSH answers
# from cmd.exe or PowerShell, where `uname` does not exist.
PLATFORM_COMMAND = "uname -s"
UNIX_PLATFORMS = {
    "Linux": "linux",
    "Darwin": "darwin",
    "FreeBSD": "freebsd",
    "OpenBSD": "openbsd",
    "NetBSD": "netbsd",
}

_COMMON: list[tuple[str, str]] = [
    ("hostname", "hostname 2>/dev/null || uname -n"),
    ("uname", "uname -srm"),
    ("os-release", "cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null"),
]

_LINUX: list[tuple[str, str]] = [
    # /sys/class/dmi/id: maker and model are world-readable; the serial usually is not.
    ("dmi", "for f in sys_vendor product_name product_version product_serial board_vendor "
            "board_name chassis_vendor chassis_serial bios_vendor bios_version; do "
            "printf '%s=' \"$f\"; cat /sys/class/dmi/id/$f 2>/dev/null || echo; done"),
    ("cpu", "grep -m1 '^model name' /proc/cpuinfo; "
            "echo \"cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)\""),
    ("memory", "grep -m1 '^MemTotal' /proc/meminfo"),
    ("disks", "lsblk -b -d -n -P -o NAME,SIZE,TYPE,MODEL 2>/dev/null"),
    # dpkg's db-fsys:Last-Modified is when the package's file list was last written: its
    # install or upgrade time (dpkg keeps no other date). Older dpkg lacks the field.
    # Priority and Section tell the operating system's own packages and the libraries from the
    # applications a bidder prices (Debian's policy, section 2.5: required, important).
    ("dpkg", "command -v dpkg-query >/dev/null && { dpkg-query -W -f="
             "'${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Maintainer}\\t"
             "${db-fsys:Last-Modified}\\t${Priority}\\t${Section}\\n' 2>/dev/null || "
             "dpkg-query -W -f='${db:Status-Abbrev}\\t${Package}\\t${Version}\\t"
             "${Maintainer}\\t\\t${Priority}\\t${Section}\\n'; }"),
    ("rpm", "command -v rpm >/dev/null && "
            "rpm -qa --qf '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\t%{INSTALLTIME}\\n'"),
    ("apk", "command -v apk >/dev/null && apk info -v 2>/dev/null"),
    ("pacman", "command -v pacman >/dev/null && pacman -Q"),
]
_SUDO_DMI = ("dmi-sudo", "sudo -n dmidecode -s system-serial-number 2>/dev/null")

_DARWIN: list[tuple[str, str]] = [
    ("sw_vers", "sw_vers"),
    ("hardware", "system_profiler SPHardwareDataType 2>/dev/null"),
    ("sysctl", "sysctl -n hw.memsize hw.ncpu machdep.cpu.brand_string 2>/dev/null"),
    ("apps", "system_profiler -detailLevel mini SPApplicationsDataType 2>/dev/null"),
    ("brew", "for b in /opt/homebrew/bin/brew /usr/local/bin/brew; do "
             "[ -x \"$b\" ] && \"$b\" list --versions 2>/dev/null && break; done"),
    ("pkgutil", "pkgutil --pkgs 2>/dev/null"),
]

_BSD: list[tuple[str, str]] = [
    ("sysctl", "sysctl -n hw.physmem hw.ncpu hw.model 2>/dev/null"),
    ("kenv", "kenv smbios.system.maker smbios.system.product smbios.system.serial "
             "2>/dev/null"),
    ("disks", "sysctl -n kern.disks 2>/dev/null"),
    ("pkg", "command -v pkg >/dev/null && pkg query '%n\\t%v\\t%m\\t%t' 2>/dev/null || "
            "{ command -v pkg_info >/dev/null && pkg_info 2>/dev/null; }"),
]

SECTIONS: dict[str, list[tuple[str, str]]] = {
    "linux": _COMMON + _LINUX,
    "darwin": _COMMON + _DARWIN,
    "freebsd": _COMMON + _BSD,
    "openbsd": _COMMON + _BSD,
    "netbsd": _COMMON + _BSD,
}


@dataclass(frozen=True)
class Script:
    text: str  # the shell script
    marker: str  # the line that opens each section: f"{marker} {section}"


def inventory_script(platform: str, *, sudo: bool = False) -> Script:
    """The inventory script for a Unix platform: every section's command, each preceded by a
    marker line carrying a random token netmap made for this run."""
    marker = f"@@netmap-{secrets.token_hex(8)}@@"
    sections = list(SECTIONS[platform])
    if sudo and platform == "linux":
        sections.append(_SUDO_DMI)
    lines = [f"echo '{marker} {name}'; {{ {command}; }} 2>/dev/null" for name, command in sections]
    return Script("\n".join(lines) + "\n", marker)


def split_sections(output: str, marker: str) -> dict[str, str]:
    """The script's output, section name -> text. Text before the first marker (a login
    banner, a shell's motd) is dropped."""
    out: dict[str, str] = {}
    name: str | None = None
    lines: list[str] = []
    for line in output.splitlines():
        if line.startswith(marker + " "):
            if name is not None:
                out[name] = "\n".join(lines)
            name, lines = line[len(marker) + 1 :].strip(), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        out[name] = "\n".join(lines)
    return out
