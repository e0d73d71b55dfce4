"""What a device's answer to Ubiquiti's discovery request names (the stored answer to
discover/ubnt.py's question): its model, firmware, host name and MAC addresses.

The answer is read as nmap's `ubiquiti-discovery` script reads it: a header (version 1 with
command 0, or version 2 with command 6, 9 or 11), a length that must equal the rest, then
type-length-value fields, each inside what is left. Anything else names nothing. The fields'
meanings are those of nmap's script and Wireshark's UBDP dissector.

- Model: the model (field 0x15), else field 0x14 (which nmap reads as the model and Wireshark
  calls the type), else the product (0x0C, the platform's short name: "U7PG2", "ER-X").
- Firmware: the version (0x16), else the version inside the firmware name (0x03,
  "BZ.qca956x.v6.6.55.15189.230420.1145" is 6.6.55.15189), else the firmware name.
- Name: the host name (0x0B), which names a host only where nothing better does.
- The maker is Ubiquiti: the protocol is its own.

Pure functions of the stored observation.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from netmap.discover.snmp.candidates import announced
from netmap.infer.addr import norm_mac
from netmap.infer.identify.keywords import keyword_votes
from netmap.model import TypeVote, UbntObs

SOURCE = "ubnt"
VENDOR = "Ubiquiti"
MAX_VALUE = 128
_V2_COMMANDS = frozenset({0x06, 0x09, 0x0B})
_MAC, _MAC_IP, _FIRMWARE, _HOSTNAME, _PRODUCT = 0x01, 0x02, 0x03, 0x0B, 0x0C
_TYPE, _MODEL, _VERSION = 0x14, 0x15, 0x16
_FIRMWARE_VERSION = re.compile(r"\.v(\d+\.\d+\.\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class UbntDevice:
    model: str | None
    firmware: str | None  # the version where one is given or readable, else the firmware name
    hostname: str | None
    macs: tuple[str, ...]


def fields(message: bytes) -> list[tuple[int, bytes]]:
    """The (type, value) fields of a discovery answer; [] for anything that is not one."""
    if len(message) < 4:
        return []
    version, command, size = struct.unpack_from(">BBH", message)
    if not ((version == 1 and command == 0) or (version == 2 and command in _V2_COMMANDS)):
        return []
    if size != len(message) - 4:
        return []
    found: list[tuple[int, bytes]] = []
    at = 4
    while at + 3 <= len(message):
        kind, length = struct.unpack_from(">BH", message, at)
        at += 3
        if length > len(message) - at:
            return []  # a field longer than the answer: another protocol
        found.append((kind, message[at:at + length]))
        at += length
    return found


def describe(ob: UbntObs) -> UbntDevice | None:
    """None for an answer that is not a discovery reply, or names neither model nor firmware."""
    try:
        items = fields(bytes.fromhex(ob.response or ""))
    except ValueError:
        return None
    by_kind: dict[int, str] = {}
    macs: list[str] = []
    for kind, value in items:
        if kind in (_MAC, _MAC_IP) and len(value) >= 6:
            mac = norm_mac(value[:6].hex())
            if mac is not None and mac not in macs:
                macs.append(mac)
        elif (text := announced(value.decode("utf-8", "replace"), MAX_VALUE)) is not None:
            by_kind.setdefault(kind, text)
    model = by_kind.get(_MODEL) or by_kind.get(_TYPE) or by_kind.get(_PRODUCT)
    firmware = by_kind.get(_VERSION)
    if firmware is None and (name := by_kind.get(_FIRMWARE)):
        found = _FIRMWARE_VERSION.search(name)
        firmware = found.group(1) if found else name
    if model is None and firmware is None:
        return None
    return UbntDevice(model=model, firmware=firmware, hostname=by_kind.get(_HOSTNAME),
                      macs=tuple(macs[:16]))


def type_votes(found: UbntDevice) -> list[TypeVote]:
    """The type words of the model it names (Ubiquiti makes access points, switches, gateways,
    radio links and cameras alike: the protocol itself says none)."""
    if not found.model:
        return []
    return keyword_votes(found.model, f"Ubiquiti discovery model {found.model[:80]!r}",
                         snmp=False, source=SOURCE)
