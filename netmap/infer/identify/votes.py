"""Type votes from identification: the OS family's coarse type, and structure.

The OS family (a LibreNMS definition) says what kind of device its makers build: `network`,
`wireless`, `power`, ... (`data/librenms-types.tsv` maps that vocabulary onto netmap's). A coarse
type votes for every netmap type it may mean, and structure the agent shows, which needs no
knowledge of the maker, decides between them: bridge ports and PoE make a switch, a managed-AP
table a wireless controller, a radio MIB an access point, a cable-modem MIB a router.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from netmap.model import DeviceType, Facts, SnmpRecord, TypeVote

T = DeviceType
# LibreNMS's fallbacks that any Linux or BSD box matches. airOS is tried after them too, but only
# because Ubiquiti's other families share its numbers: its match is a Ubiquiti radio.
GENERIC_FAMILIES = frozenset({"linux", "freebsd"})
FAMILY_SOURCE = "snmp:os-family"


@cache
def type_map() -> dict[str, list[tuple[DeviceType, float, str]]]:
    """LibreNMS type (or "group:<name>", "os:<name>") -> [(netmap type, weight, why)], read on
    first use."""
    text = resources.files("netmap.infer.identify").joinpath("data/librenms-types.tsv").read_text(
        encoding="utf-8"
    )
    table: dict[str, list[tuple[DeviceType, float, str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, dtype, weight, why = line.split("\t", 3)
        table.setdefault(kind, []).append((DeviceType(dtype), float(weight), why))
    return table


# IANAifType values of wide-area links: a box that terminates one is a router (or a modem)
IANA_WAN_IF_TYPES: dict[int, str] = {
    18: "ds1", 19: "e1", 22: "serial", 23: "ppp", 30: "ds3", 32: "frameRelay", 39: "sonet",
    63: "isdn", 94: "adsl", 96: "sdsl", 97: "vdsl", 118: "hdlc", 127: "docsCableMaclayer",
    169: "shdsl", 171: "pos", 238: "adsl2plus", 243: "wwanPP", 244: "wwanPP2", 251: "vdsl2",
}


def has_own_row(os_name: str) -> bool:
    """`librenms-types.tsv` types this one definition itself (an "os:" row)."""
    return f"os:{os_name}" in type_map()


def _vote(dtype: DeviceType, weight: float, detail: str, source: str) -> TypeVote:
    return TypeVote(type=dtype, weight=round(weight, 3), source=source, detail=detail)


def specific_family(facts: Facts) -> bool:
    """An OS definition names this product line (not just "some Linux")."""
    family = facts.os_family
    return family is not None and family.os not in GENERIC_FAMILIES and family.group != "unix"


def family_votes(facts: Facts) -> list[TypeVote]:
    """What the matched OS definition says the device is, weighted by how it matched."""
    family = facts.os_family
    if family is None:
        return []
    scale = 1.0 if "sysObjectID" in family.matched_by else 0.8
    if family.os in GENERIC_FAMILIES:
        scale = 0.5  # any Linux or BSD box: the definition of last resort
    rows = type_map().get(f"os:{family.os}")
    rows = rows or (type_map().get(f"group:{family.group}") if family.group else None)
    rows = rows or type_map().get(family.type, [])
    where = f"LibreNMS OS {family.os!r} ({family.text})"
    return [_vote(dtype, weight * scale, f"{where}: {why}", FAMILY_SOURCE)
            for dtype, weight, why in rows]


def structure_votes(rec: SnmpRecord) -> list[TypeVote]:
    """Votes from MIBs and tables whose presence says what the device does."""
    facts = rec.facts
    found = facts.structure if facts is not None else {}
    votes: list[TypeVote] = []
    if found.get("managed_aps") or found.get("capwap"):
        votes.append(_vote(T.WIRELESS_CONTROLLER, 0.7, "a table of managed access points "
                           "(CAPWAP, LWAPP or a maker's AP table)", "snmp:structure"))
    if found.get("dot11"):
        votes.append(_vote(T.WIRELESS_AP, 0.5, "IEEE802dot11-MIB: it has radios",
                           "snmp:structure"))
    if found.get("poe"):
        votes.append(_vote(T.SWITCH, 0.5, "POWER-ETHERNET-MIB: it powers devices on its ports",
                           "snmp:structure"))
    if found.get("docsis"):
        votes.append(_vote(T.ROUTER, 0.45, "DOCS-IF-MIB: a cable modem", "snmp:structure"))
    ports = found.get("bridge_ports", 0)
    if ports >= 4 and rec.mac_address_table:
        votes.append(_vote(T.SWITCH, 0.45, f"BRIDGE-MIB: {ports} bridge ports and a forwarding "
                           "table", "snmp:structure"))
    wan = sorted({IANA_WAN_IF_TYPES[i.if_type] for i in rec.interfaces
                  if i.if_type in IANA_WAN_IF_TYPES and i.is_enabled is not False})
    if wan:
        votes.append(_vote(T.ROUTER, 0.4, f"WAN interfaces ({', '.join(wan[:4])})",
                           "snmp:structure"))
    routed = {a.if_index for a in rec.ip_addresses if a.if_index is not None
              and not a.address.startswith("127.")}
    if facts is not None and facts.ip_forwarding and len(routed) >= 3 and rec.routes:
        votes.append(_vote(T.ROUTER, 0.4, f"IP forwarding between {len(routed)} addressed "
                           f"interfaces, {len(rec.routes)} routes", "snmp:structure"))
    return votes
