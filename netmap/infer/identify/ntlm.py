"""What a server's NTLM CHALLENGE (over SMB2 or Remote Desktop) says of it: its computer and
domain names, whether it is a member of a domain, and, on Windows, which Windows it runs.

The CHALLENGE (MS-NLMP 2.2.1.2) carries the target's names as AV pairs (2.2.2.1): NetBIOS
computer and domain names, DNS computer, domain and forest names. Its flags say whether the
target name is a domain's (NTLMSSP_TARGET_TYPE_DOMAIN) or the server's own: a workgroup
computer names itself. Its Version field (2.2.2.10) is the OS's major and minor version and
build, which `data/windows-builds.tsv` turns into a release name. Samba sends version 6.1 with
build 0 and no Windows build is 0: a version whose build the table does not know names no OS.
Pure functions of the stored observation.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

from netmap.discover.ntlm import NTLMSSP
from netmap.discover.snmp.datafiles import data_text, each_row, table_lines
from netmap.infer.identify.keywords import IDENTIFY
from netmap.model import Device, DeviceType, NtlmObs, TypeVote

_UNICODE, _TARGET_DOMAIN, _VERSION = 0x00000001, 0x00010000, 0x02000000
NB_COMPUTER, NB_DOMAIN, DNS_COMPUTER, DNS_DOMAIN, DNS_TREE = 1, 2, 3, 4, 5
MAX_PAIRS = 32
MAX_NAME = 255  # a DNS name is at most 255 characters
CONFIDENT = 0.6  # a type this sure picks between a build's client and server releases


@dataclass(frozen=True)
class NtlmChallenge:
    flags: int
    target: str | None  # the target name: the domain's, or the server's own
    names: dict[int, str]  # AV pair id (NB_COMPUTER ... DNS_TREE) -> its text
    version: tuple[int, int, int] | None  # (major, minor, build)


@dataclass(frozen=True)
class NtlmHost:
    computer: str | None  # NetBIOS computer name (upper case)
    dns_name: str | None  # the computer's DNS name, as it knows itself
    domain: str | None  # the NetBIOS domain it is a member of (None: a workgroup computer)
    dns_domain: str | None  # that domain's DNS name (Active Directory)
    version: str | None  # "10.0.19041", only for a build Windows has shipped
    release: str | None  # "Windows 10 2004-22H2"


def read_challenge(data: bytes) -> NtlmChallenge | None:
    """The fields of an NTLM CHALLENGE message; None for anything else. Never raises: every
    offset is checked against the message, and a name that is not text is left out."""
    if len(data) < 48 or data[:8] != NTLMSSP or struct.unpack_from("<I", data, 8)[0] != 2:
        return None
    flags = struct.unpack_from("<I", data, 20)[0]
    wide = bool(flags & _UNICODE)
    target = _text(_field(data, 12), wide)
    names: dict[int, str] = {}
    info = _field(data, 40)
    at = 0
    for _ in range(MAX_PAIRS):
        if at + 4 > len(info):
            break
        pair, size = struct.unpack_from("<HH", info, at)
        value, at = info[at + 4:at + 4 + size], at + 4 + size
        if pair == 0 or len(value) < size:
            break
        if NB_COMPUTER <= pair <= DNS_TREE and (text := _text(value, True)) is not None:
            names.setdefault(pair, text)
    version = None
    if flags & _VERSION and len(data) >= 56:
        version = (data[48], data[49], struct.unpack_from("<H", data, 50)[0])
    return NtlmChallenge(flags, target, names, version)


def _field(data: bytes, at: int) -> bytes:
    """A (length, max length, offset) field's bytes; empty when it points outside."""
    size, _max, offset = struct.unpack_from("<HHI", data, at)
    return data[offset:offset + size] if offset + size <= len(data) else b""


def _text(raw: bytes, wide: bool) -> str | None:
    try:
        text = raw.decode("utf-16-le" if wide else "latin-1").strip()
    except UnicodeDecodeError:
        return None
    return text if text and len(text) <= MAX_NAME and text.isprintable() else None


def _release_row(row: str) -> tuple[tuple[int, int, int], str]:
    version, release = row.split("\t")
    major, minor, build = (int(x) for x in version.split("."))
    if not release.strip():
        raise ValueError("no release named")
    return (major, minor, build), release.strip()


@cache
def windows_releases(rows: str | None = None) -> dict[tuple[int, int, int], str]:
    """(major, minor, build) -> the release it names, from data/windows-builds.tsv (or `rows`,
    a table's text); a row that does not read is skipped with a warning naming its line."""
    text = data_text("windows-builds.tsv", IDENTIFY) if rows is None else rows
    return dict(each_row(table_lines(text), _release_row, "windows-builds.tsv line"))


def describe(ob: NtlmObs) -> NtlmHost | None:
    """The host's names and Windows release, or None for an answer that names nothing."""
    try:
        found = read_challenge(bytes.fromhex(ob.challenge or ""))
    except ValueError:  # not hex: an edited scan file
        return None
    if found is None:
        return None
    names = found.names
    computer = names.get(NB_COMPUTER)
    # A member names its domain as the target; a workgroup computer names itself
    member = bool(found.flags & _TARGET_DOMAIN) and names.get(NB_DOMAIN) not in (None, computer)
    release = windows_releases().get(found.version) if found.version else None
    return NtlmHost(
        computer=computer,
        dns_name=names.get(DNS_COMPUTER) if names.get(DNS_COMPUTER) != computer else None,
        domain=names.get(NB_DOMAIN) if member else None,
        dns_domain=names.get(DNS_DOMAIN) if member else None,
        version=".".join(str(n) for n in found.version) if release and found.version else None,
        release=release,
    )


def type_votes(host: NtlmHost, service: str) -> list[TypeVote]:
    """A Windows release that only ever shipped for clients, or only for servers, says which
    this computer is; a build both share says nothing."""
    if host.release is None or " or " in host.release:
        return []
    server = "Server" in host.release
    kind = DeviceType.SERVER if server else DeviceType.WORKSTATION
    return [TypeVote(type=kind, weight=0.5, source=service,
                     detail=f"NTLM version {host.version}: {host.release}, a "
                            f"{'server' if server else 'client'} release of Windows")]


def for_type(release: str, dev: Device) -> str | None:
    """The release itself; for a build that a client and a server release share ("Windows 10
    1809 or Windows Server 2019"), the one the computer's type names once the type is sure
    (classified with CONFIDENT or more, or set by hand), and None until then."""
    halves = _shared_builds().get(release)
    if halves is None:
        return release
    if dev.confidence < CONFIDENT:
        return None
    return {DeviceType.WORKSTATION: halves[0], DeviceType.SERVER: halves[1]}.get(dev.type)


def one_release(dev: Device) -> Device:
    """A computer whose OS is a shared build ("Microsoft Windows 10 1809 or Windows Server
    2019") gets the release its type names (for_type); otherwise it keeps both."""
    release = (dev.os or "").removeprefix("Microsoft ")
    pick = for_type(release, dev) if release in _shared_builds() else None
    if pick is None:
        return dev
    kind = "a server" if dev.type is DeviceType.SERVER else "a workstation"
    said = [f"{line}; of the releases sharing its build, the one for {kind}"
            if line.startswith("os: ") else line for line in dev.identity_evidence]
    return dev.model_copy(update={"os": f"Microsoft {pick}", "identity_evidence": said})


def os_words(os: str | None) -> str | None:
    """The OS as classification may read it: a build that a client and a server release
    share is "Microsoft Windows", since "or Windows Server" does not make it a server."""
    shared = os is not None and os.startswith("Microsoft ") and os[10:] in _shared_builds()
    return "Microsoft Windows" if shared else os


@cache
def _shared_builds() -> dict[str, tuple[str, str]]:
    """"<client> or <server>" -> (client, server), for the builds both share."""
    out: dict[str, tuple[str, str]] = {}
    for release in windows_releases().values():
        client, _, server = release.partition(" or ")
        if server and "Server" in server and "Server" not in client:
            out[release] = (client, server)
    return out
