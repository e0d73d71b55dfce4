"""MAC vendor (OUI) lookup: the one offline database every stage uses.

It is the Wireshark `manuf` data that scapy ships (a project dependency), loaded through
`scapy.data` without importing the rest of scapy. Nothing is fetched at run time.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def _db() -> Any:
    from scapy.data import MANUFDB

    return MANUFDB


def vendor_of(mac: str) -> str | None:
    """Vendor of a MAC ("aa:bb:cc:dd:ee:ff"), or None when unknown or locally administered."""
    norm = mac.strip().lower().replace("-", ":")
    try:
        if int(norm[:2], 16) & 2:  # locally administered: no vendor assigned it
            return None
    except ValueError:
        return None
    db = _db()
    name: str | None = db._get_manuf(norm) if db is not None else None
    # scapy answers with the MAC (or its prefix) itself when the OUI is unknown
    return name if name and ":" not in name else None


_SUFFIXES = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|corporate|co|company|ltd|limited|llc|gmbh|ag|"
    r"sa|plc|bv|oy|ab|srl|spa|pty|kk|technologies|technology)\.?)+$",
    re.IGNORECASE,
)
# What "Technology" may not be cut from: "Server Technology" (PDUs) is not "Server".
_COMMON_WORDS = frozenset(
    {"server", "network", "networks", "data", "power", "digital", "computer", "systems", "micro"}
)
# ... from which only the legal form is cut
_LEGAL_FORM = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc)\.?)+$", re.IGNORECASE
)


def brand(name: str | None) -> str | None:
    """A vendor name as people write it: 'Cisco Systems, Inc' -> 'Cisco', 'Dell Inc.' -> 'Dell'.

    The OUI database, nmap and SNMP all spell makers differently; one spelling per maker keeps
    the inventory's vendor column (and its counts) consistent.
    """
    if not name or not name.strip():
        return None
    from netmap.discover.snmp.enterprises import brand_in_text

    known = brand_in_text(name)
    if known:
        return known
    short = _SUFFIXES.sub("", name.strip()).strip(" ,.")
    if short.casefold() in _COMMON_WORDS:  # keep the word that made it a name
        short = _LEGAL_FORM.sub("", name.strip()).strip(" ,.")
    return _acronym(short) or name.strip()


# Wireshark's MAC registry title-cases the names IEEE lists in capitals ("TVT CO., LTD" ->
# "Tvt Co.,Ltd"). A short name with no vowel cannot be a word: it is letters, as "TVT", "LG".
_TITLED_ACRONYM = re.compile(r"[A-Z][b-df-hj-np-tv-xz]{1,3}")


def _acronym(short: str) -> str:
    return short.upper() if _TITLED_ACRONYM.fullmatch(short) else short
