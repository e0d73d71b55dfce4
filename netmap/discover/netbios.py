"""NetBIOS node status (NBSTAT, UDP 137): the names a Windows or Samba host registers.

A Windows computer with no SNMP and no inventory account still answers a node status request
(RFC 1002, 4.2.17) with its name table: its computer name (suffix <00>, unique), the workgroup
or domain it joined (<00>, group), its file server service (<20>) and, on a domain controller,
the domain's <1C> group. `nbtscan` and nmap's `nbstat` script ask the same question. netmap asks
each live host once, by unicast from an ordinary port; nothing is broadcast.

The table is stored as received (names, suffixes, group flags, the adapter address the
responder gave); what it means is identification's business.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Callable

from netmap.discover.udp import exchange
from netmap.model import NetbiosName, NetbiosObs

NBNS_PORT = 137
WAIT_S = 1.0
MAX_NAMES = 64  # a host registers a handful; a longer table is cut
_NBSTAT, _IN = 0x0021, 0x0001
_GROUP = 0x8000  # NAME_FLAGS: the name is a group name
# "*" padded with NULs to 16 bytes, first-level encoded (RFC 1001, 14.1): what every NBSTAT asks
_WILDCARD = b" " + b"CK" + b"AA" * 15 + b"\x00"


def query(ident: int) -> bytes:
    """A unicast node status request (no broadcast flag)."""
    return struct.pack(">HHHHHH", ident, 0, 1, 0, 0, 0) + _WILDCARD + struct.pack(">HH", _NBSTAT, _IN)


def parse(data: bytes, ident: int) -> tuple[list[NetbiosName], str | None] | None:
    """(name table, adapter address) of an answer to request `ident`; None for anything else,
    malformed, or naming nothing. Never raises."""
    if len(data) < 12:
        return None
    tid, flags, _qd, answers = struct.unpack(">HHHH", data[:8])
    if tid != ident or not flags & 0x8000 or answers < 1:
        return None
    at = _skip_name(data, 12)
    if at is None or len(data) < at + 11:
        return None
    rtype, _cls, _ttl, length = struct.unpack(">HHIH", data[at:at + 10])
    rdata = data[at + 10:at + 10 + length]
    if rtype != _NBSTAT or not rdata:
        return None
    count = rdata[0]
    names: list[NetbiosName] = []
    for i in range(min(count, MAX_NAMES)):
        entry = rdata[1 + 18 * i:1 + 18 * (i + 1)]
        if len(entry) < 18:
            return None
        name = entry[:15].decode("latin-1").rstrip(" \x00")
        if not name or not name.isprintable():
            continue  # a name no one could type names nothing
        group = bool(struct.unpack(">H", entry[16:18])[0] & _GROUP)
        names.append(NetbiosName(name=name, suffix=entry[15], group=group))
    if not names:
        return None
    unit = rdata[1 + 18 * count:7 + 18 * count]
    mac = ":".join(f"{b:02x}" for b in unit) if len(unit) == 6 and any(unit) else None
    return names, mac


def _skip_name(data: bytes, at: int) -> int | None:
    """The offset after the encoded (or compressed) name at `at`, None when it runs out."""
    for _ in range(64):  # labels; a name is one 32-byte label and the root
        if at >= len(data):
            return None
        size = data[at]
        if size == 0:
            return at + 1
        if size & 0xC0 == 0xC0:  # a pointer ends the name
            return at + 2
        at += 1 + size
    return None


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = NBNS_PORT) -> list[NetbiosObs]:  # fmt: skip
    """One observation per target that answered with a name table."""
    ident = random.randrange(1, 0xFFFF)
    found: dict[str, NetbiosObs] = {}

    def answer(src: str, data: bytes) -> None:
        if src not in found and (parsed := parse(data, ident)) is not None:
            names, mac = parsed
            found[src] = NetbiosObs(target=src, ip=src, names=names, mac=mac)

    targets = [ip for ip in ips if in_scope(ip)]
    if targets:
        exchange({ip: query(ident) for ip in targets}, port, WAIT_S, answer)
    return [found[ip] for ip in sorted(found)]
