"""MAC vendor (OUI) lookup for MACs that no scanner named (router ARP, FDB, SNMP ifTable).

Scanners already attach the vendor they know (nmap, scapy); this covers the rest. The lookup reads
nmap's own prefix file when installed (nmap is a project dependency) and falls back to a small
table of the vendors that matter for classification, so results never depend on the network.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NMAP_PREFIXES = Path("/usr/share/nmap/nmap-mac-prefixes")

# Vendors whose OUI alone says something about the device type (checked against nmap's file).
BUILTIN: dict[str, str] = {
    "001565": "Xiamen Yealink Network Technology",
    "249ad8": "Yealink(xiamen) Network Technology",
    "805ec0": "Yealink(xiamen) Network Technology",
    "0004f2": "Polycom",
    "64167f": "Polycom",
    "000413": "snom technology GmbH",
    "000b82": "Grandstream Networks",
    "c074ad": "Grandstream Networks",
    "00c0b7": "American Power Conversion",
    "001132": "Synology Incorporated",
    "245ebe": "Qnap Systems",
    "e843b6": "Qnap Systems",
    "008077": "Brother industries",
    "30055c": "Brother industries",
    "000400": "Lexmark International",
    "00408c": "Axis Communications AB",
    "00090f": "Fortinet",
}


@lru_cache(maxsize=1)
def _nmap_table() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        text = NMAP_PREFIXES.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return table
    for line in text.splitlines():
        if len(line) > 7 and not line.startswith("#") and line[6] == " ":
            table[line[:6].lower()] = line[7:].strip()
    return table


def oui_vendor(mac: str) -> str | None:
    """Vendor of a normalised MAC, or None (locally administered MACs have no vendor)."""
    if int(mac[:2], 16) & 2:
        return None
    prefix = mac.replace(":", "")[:6]
    return _nmap_table().get(prefix) or BUILTIN.get(prefix)
