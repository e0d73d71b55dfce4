"""The words that name a device type, one vocabulary for every text netmap reads: an SNMP
sysDescr or model, a registered product name, a maker's name, and nmap's service banners, OS
names and LLDP descriptions.

The words are data, `data/type-keywords.toml` (see its header); this module loads them once and
turns a text into votes. It also loads `data/mac-makers.toml`, what the maker of a MAC address
says of a device.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any, NamedTuple

from netmap.discover.snmp.datafiles import data_text, each_row
from netmap.discover.snmp.sysdescr import UNIX_OS
from netmap.model import DeviceType, TypeVote

IDENTIFY = "netmap.infer.identify"  # the package whose data/ holds the tables
KEYWORD_SOURCE = "snmp:keyword"  # the default source: words of a banner, a model or a product


class Keyword(NamedTuple):
    pattern: re.Pattern[str]
    type: DeviceType
    weight: float
    reason: str
    # types whose broader words this one refines: "wireless LAN controller" also says
    # "wireless", which must not then vote access point
    instead_of: frozenset[DeviceType] = frozenset()
    snmp_only: bool = False  # an OS name: the agent's own banner says the box runs it


TYPE_DATA: dict[str, Any] = tomllib.loads(data_text("type-keywords.toml", IDENTIFY))  # read once


def load_keywords(text: str | None = None) -> tuple[Keyword, ...]:
    """`data/type-keywords.toml` (or `text`): the words that vote for a type (see the file's
    header); a keyword that does not load is skipped with a warning naming it."""
    data = TYPE_DATA if text is None else tomllib.loads(text)
    return tuple(each_row(enumerate(data.get("keyword", []), 1), _keyword,
                          "type-keywords.toml keyword"))  # fmt: skip


def _keyword(kw: dict[str, Any]) -> Keyword:
    pattern = re.compile(kw["pattern"].replace("<UNIX_OS>", UNIX_OS), re.IGNORECASE)
    instead_of = frozenset(DeviceType(t) for t in kw.get("instead_of", []))
    only = kw.get("only")
    if only not in (None, "snmp"):
        raise ValueError(f"only = {only!r}: the one context is 'snmp'")
    return Keyword(pattern, DeviceType(kw["type"]), float(kw["weight"]), str(kw["reason"]),
                   instead_of, only == "snmp")


_SERVERS = TYPE_DATA["server_makers"]
# enterprise numbers and names of makers that sell servers (their Linux banner is a server's)
SERVER_OS_VENDORS = frozenset(int(n) for n in _SERVERS["enterprises"])
_SERVER_BRANDS = re.compile(_SERVERS["brands"], re.IGNORECASE)


def appliance_maker(enterprise: int | None, vendor: str | None = None) -> str | None:
    """The maker whose own product a general-purpose OS runs in, where the agent answers under
    that maker's enterprise number (Infoblox, Sangfor, ZTE) or its MIBs named it (`vendor`);
    None for a maker that sells servers (Dell, HPE, IBM, ...) and for Net-SNMP's own numbers."""
    from netmap.discover.snmp.enterprises import registrant_of, vendor_of_enterprise

    if enterprise in SERVER_OS_VENDORS:
        return None
    maker = (vendor_of_enterprise(enterprise) or registrant_of(enterprise)
             if enterprise is not None else None) or vendor
    return None if maker is None or _SERVER_BRANDS.search(maker) else maker


def refinements(keywords: tuple[Keyword, ...]) -> dict[DeviceType, frozenset[DeviceType]]:
    """The types each finer type's words stand in for, over all of its keyword rows."""
    return {dtype: frozenset(t for kw in keywords if kw.type == dtype for t in kw.instead_of)
            for dtype in {kw.type for kw in keywords if kw.instead_of}}


KEYWORDS = load_keywords()
# the types each finer word stands in for: "wireless LAN controller" is no access point
REFINED_BY = refinements(KEYWORDS)


def keyword_votes(
    text: str | None,
    where: str,
    scale: float = 1.0,
    *,
    source: str = KEYWORD_SOURCE,
    snmp: bool = True,
    weak: frozenset[str] = frozenset(),
    weak_scale: float = 0.0,
) -> list[TypeVote]:
    """One vote per keyword that matches `text`, less those a finer matching keyword stands
    `instead_of`; `where` names the text in each vote's reason. `snmp` is False for a text that
    is not the agent's own (nmap's banners, OS names, LLDP descriptions): the keywords kept for
    SNMP only do not vote. A match among `weak` words weighs `weak_scale` instead of `scale`."""
    if not text:
        return []
    found = [(kw, match) for kw in KEYWORDS
             if (snmp or not kw.snmp_only) and (match := kw.pattern.search(text))]
    refined = {t for kw, _match in found for t in kw.instead_of}
    votes: list[TypeVote] = []
    for kw, match in found:
        if kw.type in refined:
            continue
        detail = f"{where} {kw.reason} {match.group(0)!r}"
        if match.group(0).lower() in weak:
            detail, weight = detail + " (a word of the name)", kw.weight * weak_scale
        else:
            weight = kw.weight * scale
        votes.append(TypeVote(type=kw.type, weight=round(weight, 3), source=source,
                              detail=detail))
    return votes


# What the maker named by a MAC address (its OUI) says of a device: data/mac-makers.toml
class MacMaker(NamedTuple):
    pattern: re.Pattern[str]
    type: DeviceType
    weight: float


def load_mac_makers(text: str | None = None) -> tuple[tuple[MacMaker, ...], re.Pattern[str]]:
    """`data/mac-makers.toml` (or `text`): what an OUI's maker says about a device, and the
    pattern of PC makers (see the file's header). A row that does not load is skipped with a
    warning naming it."""
    data = tomllib.loads(text if text is not None else data_text("mac-makers.toml", IDENTIFY))
    makers = each_row(enumerate(data.get("maker", []), 1), _mac_maker, "mac-makers.toml maker")
    return tuple(makers), re.compile(data["pc_makers"]["pattern"], re.IGNORECASE)


def _mac_maker(row: dict[str, Any]) -> MacMaker:
    return MacMaker(re.compile(row["pattern"], re.IGNORECASE), DeviceType(row["type"]),
                    float(row["weight"]))
