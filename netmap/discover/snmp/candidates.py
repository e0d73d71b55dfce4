"""Identity evidence: cleaned device strings and the ranked candidates of each field.

Every source (vendor MIB, ENTITY-MIB, standard MIBs, sysDescr) proposes values with a rank and a
source line; the lowest rank wins and its source becomes the evidence shown in the inventory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, cast

from netmap.discover.snmp.walker import SnmpValue
from netmap.placeholders import placeholder

Field_ = Literal["vendor", "model", "serial_number", "os_version"]
FIELDS: tuple[Field_, ...] = ("vendor", "model", "serial_number", "os_version")



# ---------------------------------------------------------------------------------------------
# Value helpers
# ---------------------------------------------------------------------------------------------


def text(value: SnmpValue | str | None) -> str | None:
    """A clean single-line string from an SNMP value (bytes decoded leniently), None if empty.

    Device strings are untrusted: control characters are dropped here; quoting for output
    formats happens where they leave the program.
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        raw = value.split(b"\0", 1)[0]
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            decoded = raw.decode("latin-1")
    else:
        decoded = str(value)
    cleaned = "".join(ch if ch.isprintable() else " " for ch in decoded)
    # quotes around the value, and the backslashes of agents that escape those quotes
    cleaned = re.sub(r"\s+", " ", cleaned).strip().strip("\\\"'").strip()
    return cleaned or None


def useful(value: str | None) -> str | None:
    """The value unless it is a placeholder ("unknown", "N/A", "To be filled by O.E.M.")."""
    if value is None:
        return None
    if placeholder(value):
        return None
    return value


def announced(raw: str | None, limit: int) -> str | None:
    """A string a device announced of itself (mDNS, IPP, Ubiquiti discovery): one clean line,
    not a placeholder, at most `limit` characters."""
    cleaned = useful(text(raw))
    return cleaned[:limit] if cleaned else None


# A hardware revision read where a model was expected ("C1", "1.22", "v2.0"): no product is
# named by two characters or by a bare dotted number, so the next source names the model.
_REVISION = re.compile(r"(rev(ision)?[.:]?\s*)?v?(\d+(\.\d+)+[a-z]?|\w{1,2})", re.IGNORECASE)


def revision_only(value: str) -> bool:
    return bool(_REVISION.fullmatch(value.strip()))


# ---------------------------------------------------------------------------------------------
# Evidence collection: candidates per field, in priority order
# ---------------------------------------------------------------------------------------------


@dataclass
class Candidates:
    """Proposed values per field; the first useful proposal of the highest rank wins."""

    items: dict[str, list[tuple[float, str, str]]] = field(default_factory=dict)
    # what was set aside and why: a field's best proposal withdrawn is evidence too
    notes: list[str] = field(default_factory=list)

    def add(self, name: Field_, rank: float, value: str | None, source: str) -> None:
        cleaned = useful(text(value))
        if cleaned and name == "model" and revision_only(cleaned):
            return
        if cleaned:
            self.items.setdefault(name, []).append((rank, cleaned, source))

    def withdraw(self, unwanted: Callable[[str, str, str], bool], why: str) -> None:
        """Withdraw the proposals for which `unwanted(field, value, source)` holds; where one
        was the field's best, a note says which and `why`."""
        for name, proposals in self.items.items():
            best = self.best(cast(Field_, name))
            self.items[name] = [p for p in proposals if not unwanted(name, p[1], p[2])]
            if best is not None and unwanted(name, *best):
                self.notes.append(f"{name}: not {best[0]!r} ({best[1]}): {why}")

    def value_from(self, name: Field_, source: str) -> str | None:
        return next((value for _rank, value, src in self.items.get(name, []) if src == source),
                    None)

    def best(self, name: Field_, unlike: str | None = None) -> tuple[str, str] | None:
        """The winning (value, source); `unlike` skips proposals equal to another field's value
        (an entPhysicalModelName that repeats the serial number names no model)."""
        options = [o for o in self.items.get(name, [])
                   if unlike is None or o[1].casefold() != unlike.casefold()]
        if not options:
            return None
        _rank, value, source = min(options, key=lambda item: item[0])
        return value, source


# Ranks: lower wins.
# Under an operating system's own agent (Windows, ESXi), the machine's maker that a server
# agent or the chassis names: above the OS agent's brand and every vendor-MIB rank.
R_MACHINE_MAKER = 4
R_VENDOR_MIB = 10
R_ENTITY = 20
R_STANDARD = 30
R_DESCR_STRONG = 25  # a sysDescr pattern specific to one OS family
R_DESCR = 40
R_WEAK = 60
R_FALLBACK = 80

