"""How a printer's own announcements name its model and vote its type, whichever protocol
carried them (mDNS TXT records, IPP attributes): the first candidate that is a model, without a
trailing " series" ("HL-L2350DW series" is the HL-L2350DW) or the parentheses around a product
string ("(Brother HL-L2350DW series)"); a value with no digit ("Generic PCL", "IPP
Everywhere") or a bare revision ("1.0") names none."""

from __future__ import annotations

import re
from collections.abc import Iterable

from netmap.discover.snmp.candidates import revision_only
from netmap.infer.identify.keywords import keyword_votes
from netmap.model import DeviceType, TypeVote

_SERIES = re.compile(r"\s+series$", re.IGNORECASE)


def model_of(candidates: Iterable[str | None]) -> str | None:
    for value in candidates:
        if value:
            value = value.strip()
            if value.startswith("(") and value.endswith(")"):
                value = value[1:-1].strip()
            value = _SERIES.sub("", value)
            if any(c.isdigit() for c in value) and not revision_only(value):
                return value
    return None


def printer_votes(source: str, weight: float, detail: str, model: str | None,
                  label: str) -> list[TypeVote]:  # fmt: skip
    """The printer vote of a device that announces itself as one, and the type words of the
    model it names ("<label> model '...'")."""
    votes = [TypeVote(type=DeviceType.PRINTER, weight=weight, source=source, detail=detail)]
    if model:
        votes += keyword_votes(model, f"{label} model {model[:80]!r}", snmp=False, source=source)
    return votes
