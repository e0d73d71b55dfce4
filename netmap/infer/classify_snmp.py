"""Device-type votes from SNMP evidence alone.

`snmp_type_votes(rec)` turns one agent's :class:`SnmpRecord` into :class:`TypeVote` objects, each
with a human-readable reason: which MIBs the agent implements (Printer-MIB, UPS-MIB,
HOST-RESOURCES), sysServices layers, the vendor / enterprise and product family of sysObjectID,
words of sysDescr and of the identified model, ENTITY-MIB classes and interface types.
The general classifier merges these with nmap / OUI / LLDP votes; `snmp_type_hint` is the
SNMP-only verdict for the `probe` command.

Pure functions: no I/O, the record is all they see.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from netmap.discover.snmp.datafiles import data_text
from netmap.discover.snmp.oids import longest_prefix
from netmap.discover.snmp.products import product_of, spelled
from netmap.discover.snmp.sysdescr import UNIX_OS, without_host_name
from netmap.infer.identify.keywords import (
    IDENTIFY,
    KEYWORD_SOURCE,
    REFINED_BY,
    SERVER_OS_VENDORS,
    appliance_maker,
    keyword_votes,
)
from netmap.infer.identify.priors import maker_prior
from netmap.infer.identify.votes import (
    FAMILY_SOURCE,
    family_votes,
    has_own_row,
    specific_family,
    structure_votes,
)
from netmap.model import ETHERNET_IF_TYPES, DeviceType, Facts, SnmpRecord, TypeVote

T = DeviceType
SOURCE = "snmp"
# What a maker usually makes: a prior, never enough alone for a confident type (see calibrate)
PRIOR_SOURCE = "snmp:vendor"


def _load_maker_types() -> tuple[
    dict[int, tuple[DeviceType, float]], dict[str, tuple[DeviceType, float, str]]
]:
    """`data/maker-types.tsv`: the enterprise numbers and sysObjectID families whose products
    are of one kind, where no dataset says so (see the file's header)."""
    text = data_text("maker-types.tsv", IDENTIFY)
    enterprises: dict[int, tuple[DeviceType, float]] = {}
    families: dict[str, tuple[DeviceType, float, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, dtype, weight, why = line.split("\t", 3)
        kind, _, value = key.partition(":")
        if kind == "enterprise":
            enterprises[int(value)] = (DeviceType(dtype), float(weight))
        else:
            families[value] = (DeviceType(dtype), float(weight), why)
    return enterprises, families


# Enterprises whose every SNMP product is of one kind, and sysObjectID prefixes that name a
# product family (longest prefix wins).
ENTERPRISE_TYPES, FAMILY_PREFIXES = _load_maker_types()


_WIFI_IF_TYPES = {71, 188}  # ieee80211, radioMAC
_MICROWAVE_IF_TYPES = {  # RFC 8561: the air interface of a microwave radio link
    295: "microwaveCarrierTermination", 296: "microwaveRadioLinkTerminal"}


def _vote(dtype: DeviceType, weight: float, detail: str, source: str = "snmp:facts") -> TypeVote:
    return TypeVote(type=dtype, weight=round(weight, 3), source=source, detail=detail)


# LLDP-MIB lldpLocSysCapEnabled: the capabilities the agent announces to its neighbours.
_LLDP_SELF: dict[str, tuple[DeviceType, float]] = {
    "telephone": (T.PHONE, 0.8),
    "wlan-access-point": (T.WIRELESS_AP, 0.7),
    "docsis-cable-device": (T.ROUTER, 0.5),
    "router": (T.ROUTER, 0.45),
    "bridge": (T.SWITCH, 0.45),
}


# A phone bridges its PC port and an access point its radios to the wire: their LLDP "bridge"
# bit makes no switch.
BRIDGING_ENDPOINTS = frozenset({T.PHONE, T.WIRELESS_AP})


def _self_announced_votes(capabilities: list[str], forwarding: bool | None) -> list[TypeVote]:
    """What the agent says of itself in LLDP, and a weak hint when IP-MIB says it forwards
    (Linux hosts running containers forward too, hence the low weight)."""
    endpoint = any(_LLDP_SELF[c][0] in BRIDGING_ENDPOINTS for c in capabilities
                   if c in _LLDP_SELF)
    votes = [
        _vote(dtype, weight, f"LLDP lldpLocSysCapEnabled announces {cap!r}")
        for cap, (dtype, weight) in _LLDP_SELF.items()
        if cap in capabilities and not (endpoint and dtype is T.SWITCH)
    ]
    if forwarding:
        votes.append(_vote(T.ROUTER, 0.15, "IP-MIB ipForwarding = forwarding"))
    return votes


def _services_votes(services: int | None) -> list[TypeVote]:
    """sysServices: bit 1 physical, 2 datalink (bridges), 3 internet (routers), 4 end-to-end,
    7 applications (hosts)."""
    if not services:
        return []
    layers = [layer for layer in range(1, 8) if services & (1 << (layer - 1))]
    label = f"sysServices={services}: layers {'+'.join(str(layer) for layer in layers)}"
    votes: list[TypeVote] = []
    if 3 in layers and 7 not in layers:
        votes.append(_vote(T.ROUTER, 0.35, label))
    if 2 in layers and 3 not in layers and 7 not in layers:
        votes.append(_vote(T.SWITCH, 0.4, label))
    if services & 0x7F == 6:  # exactly layers 2+3: the classic layer-3 switch answer
        votes.append(_vote(T.SWITCH, 0.3, label))
    if 7 in layers and 4 in layers and 2 not in layers:
        votes.append(_vote(T.SERVER, 0.2, label))
    return votes


def _family_vote(object_id: str | None) -> list[TypeVote]:
    best = longest_prefix(object_id, FAMILY_PREFIXES) if object_id else None
    if best is None:
        return []
    dtype, weight, reason = FAMILY_PREFIXES[best]
    return [_vote(dtype, weight, f"sysObjectID {object_id}: {reason}")]


def _product_votes(object_id: str | None, model: str | None) -> list[TypeVote]:
    """The product name the vendor registered for this sysObjectID ("ciscoAIRAP1142N",
    "snFWS648GPOESwitch"), split at its camelCase humps, votes like a model name, unless it is
    already the model. Where the model is the same product as the agent spells it
    ("FWS648G-POE"), the registered name's words ("Switch") weigh as the model's would."""
    product = product_of(object_id)
    if product is None or product[0] == model:
        return []
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", product[0])
    respelled = model is not None and spelled(product[0], model) == model
    return keyword_votes(words, f"{product[1]}::{product[0]}", 0.8 if respelled else 0.6)


# Common words in company names ("Venturi Wireless", "West Mountain Radio"): they say what the
# company started with, not what this box is, so they weigh less than a brand keyword does.
_GENERIC_VENDOR_WORDS = frozenset({"wireless", "radio", "mesh", "microwave", "storage", "power"})


def _vendor_keyword_votes(vendor: str | None) -> list[TypeVote]:
    """Keywords of the vendor's name vote, a brand ("Synology") more than a common word."""
    votes = keyword_votes(vendor, "vendor", 0.9, weak=_GENERIC_VENDOR_WORDS, weak_scale=0.5)
    return [v.model_copy(update={"source": PRIOR_SOURCE}) for v in votes]


def _without_maker(text: str | None, vendor: str | None) -> str | None:
    """The text minus a maker's name that holds a common word: "West Mountain Radio RIGrunner
    4005i" is no radio; the name votes once, weakly, through `_vendor_keyword_votes`. Other names
    stay, since they are part of product names ("Cisco ACE")."""
    if not text or not vendor or not _GENERIC_VENDOR_WORDS & set(vendor.lower().split()):
        return text
    return re.sub(re.escape(vendor), " ", text, flags=re.IGNORECASE)


def _os_banner(descr: str | None) -> bool:
    return bool(descr and _OS_BANNER.match(descr))


_OS_BANNER = re.compile(rf"^({UNIX_OS})\b", re.I)


def _banner_keyword_votes(facts: Facts) -> list[TypeVote]:
    """The keywords of sysDescr, less the host name someone chose and a maker's common word."""
    return keyword_votes(_without_maker(without_host_name(facts.sys_descr), facts.vendor),
                         "sysDescr")


def _descr_votes(
    descr: str | None, enterprise: int | None, vendor: str | None, words: list[TypeVote]
) -> list[TypeVote]:
    """sysDescr's keyword votes (`words`), weighed. A bare "Linux <host> <kernel>" banner is
    the embedded OS of a vendor appliance, not a server, when a specific vendor made the
    device: its sysObjectID is the vendor's (Infoblox, Riverbed, Sophos, ...), or the agent
    answered that vendor's private MIB behind Net-SNMP's default sysObjectID. The vote is
    scaled down unless the vendor sells servers (Dell, HPE, IBM, ...)."""
    votes = words
    if not _os_banner(descr) or enterprise in SERVER_OS_VENDORS:
        return votes
    embedded_cpu = _EMBEDDED_CPU.search(descr or "")
    if embedded_cpu:  # "Linux gw 3.10.108 #1 ... mips": router/AP-class hardware, not a server
        votes = [v for v in votes if v.type != T.SERVER]
        if embedded_cpu.group(0).lower().startswith("mips"):  # home/SOHO routers and APs
            votes.append(_vote(T.ROUTER, 0.3, f"sysDescr Linux on MIPS {embedded_cpu.group(0)!r}"))
        return votes
    maker = appliance_maker(enterprise, vendor)
    if maker is None:
        return votes
    return [
        _vote(v.type, v.weight * 0.4, v.detail + f" (embedded OS of a {maker} appliance)")
        if v.type == T.SERVER
        else v
        for v in votes
    ]


# CPUs that no general-purpose server uses: the banner's last word (uname -m) names the board.
_EMBEDDED_CPU = re.compile(r"\b(mips\w*|m68k|sh4|armv[4-6]\w*|arc|xtensa)\s*$", re.IGNORECASE)


def _table_votes(rec: SnmpRecord) -> list[TypeVote]:
    votes: list[TypeVote] = []
    if rec.printer is not None:
        votes.append(_vote(T.PRINTER, 0.95, "Printer-MIB prtGeneral present", "snmp:printer"))
    if rec.ups is not None:
        votes.append(_vote(T.UPS, 0.9, "UPS-MIB upsIdent present", "snmp:ups"))
    classes = {item.entity_class for item in rec.inventory if item.entity_class}
    if "powerSupply" in classes and "port" in classes and len(rec.inventory) > 8:
        votes.append(
            _vote(
                T.SWITCH, 0.2, "ENTITY-MIB chassis with ports and power supplies", "snmp:inventory"
            )
        )
    physical = [i for i in rec.interfaces if i.if_type in ETHERNET_IF_TYPES]
    wifi = [i for i in rec.interfaces if i.if_type in _WIFI_IF_TYPES]
    microwave = [_MICROWAVE_IF_TYPES[i.if_type] for i in rec.interfaces
                 if i.if_type in _MICROWAVE_IF_TYPES]
    # A general-purpose OS with many NICs/VLANs is a server or appliance, not a switch: it needs
    # a switch-sized port count before the ports speak.
    wanted = 24 if rec.facts is not None and _os_banner(rec.facts.sys_descr) else 8
    if len(physical) >= wanted:
        votes.append(_ports_vote(rec, len(physical)))
    if wifi:
        votes.append(_vote(T.WIRELESS_AP, 0.4, f"{len(wifi)} radio interfaces (ieee80211)",
                           "snmp:interfaces"))  # radioMAC too: the Wi-Fi radios of Aruba's APs
    if microwave:
        votes.append(_vote(T.WIRELESS_BRIDGE, 0.6, f"{len(microwave)} microwave radio link "
                           f"interfaces ({microwave[0]})",
                           "snmp:interfaces"))
    if rec.mac_address_table and len(rec.mac_address_table) > 4:
        votes.append(_vote(T.SWITCH, 0.3, "bridge forwarding table populated", "snmp:fdb"))
    if rec.routes and len(rec.routes) > 8:
        votes.append(_vote(T.ROUTER, 0.3, f"{len(rec.routes)} routes", "snmp:routes"))
    if rec.software is not None and rec.software.software:
        votes.append(_vote(T.SERVER, 0.25, "HOST-RESOURCES hrSWInstalled present", "snmp:software"))
    votes += _energy_votes(rec, len(physical))
    return votes


PORTS_WEIGHT = 0.45
UNBRIDGED_PORTS_WEIGHT = 0.25  # ports no BRIDGE-MIB speaks for: a firewall or a router has them too


def _ports_vote(rec: SnmpRecord, ports: int) -> TypeVote:
    """Many Ethernet ports look like a switch; without BRIDGE-MIB (no bridge ports) they are
    only a hint, since a firewall or a router with a port per segment has as many."""
    bridged = rec.facts is not None and rec.facts.structure.get("bridge_ports", 0) > 0
    if bridged:
        return _vote(T.SWITCH, PORTS_WEIGHT, f"{ports} Ethernet ports", "snmp:interfaces")
    return _vote(T.SWITCH, UNBRIDGED_PORTS_WEIGHT, f"{ports} Ethernet ports, no BRIDGE-MIB",
                 "snmp:interfaces")


def _energy_votes(rec: SnmpRecord, ports: int) -> list[TypeVote]:
    """Several metered power objects behind at most a management port or two: outlets, a PDU.
    (A switch metering its PoE ports has the ports to show for it.)"""
    metered = rec.facts.energy_objects if rec.facts is not None else None
    if metered is None or metered < 2 or ports > 2:
        return []
    return [_vote(T.PDU, 0.4, f"ENERGY-OBJECT-MIB meters {metered} power objects")]


def _vendor_name_votes(vendor: str | None, enterprise: int | None) -> list[TypeVote]:
    """A vendor found by MIB or banner (not by sysObjectID) votes like its enterprise would."""
    from netmap.discover.snmp.enterprises import ENTERPRISES, vendor_of_enterprise

    if not vendor or vendor_of_enterprise(enterprise) is not None:
        return []  # the sysObjectID vendor already voted
    named = {number for number, name in ENTERPRISES.items() if name == vendor}
    every = sorted(named | {n for n, name in _typed_registrants().items() if name == vendor})
    numbers = [number for number in every if number in ENTERPRISE_TYPES]
    if not numbers:
        return []
    dtype, weight = ENTERPRISE_TYPES[numbers[0]]  # the vendor's main (oldest) typed registration
    # Product lines differ (HPE: servers, storage, PDUs), or the vendor's main registration is of
    # no one kind and only an acquired line is (HPE 232 untyped, Nimble 37447 storage): a hint.
    if len({ENTERPRISE_TYPES[number][0] for number in numbers}) > 1 or numbers[0] != every[0]:
        weight = min(weight, 0.3)
    return [_vote(dtype, weight, f"vendor {vendor} (identified from its MIBs or banner)",
                  PRIOR_SOURCE)]


@functools.cache
def _typed_registrants() -> dict[int, str]:
    """The brand of every typed enterprise, curated or from the IANA registry ("Trango
    Networks"), for vendors found through the private MIB they answer."""
    from netmap.discover.snmp.enterprises import registrant_of

    return {n: name for n in ENTERPRISE_TYPES if (name := registrant_of(n)) is not None}


def snmp_type_votes(rec: SnmpRecord) -> list[TypeVote]:
    """Every device-type vote the SNMP record supports, each with its reason."""
    from netmap.discover.snmp.enterprises import enterprise_of

    facts = rec.facts
    votes: list[TypeVote] = []
    if facts is not None:
        enterprise = (
            facts.enterprise if facts.enterprise is not None else enterprise_of(facts.sys_object_id)
        )
        votes += _services_votes(facts.services)
        votes += _self_announced_votes(facts.lldp_capabilities, facts.ip_forwarding)
        votes += _family_vote(facts.sys_object_id)
        words = _banner_keyword_votes(facts)
        votes += _descr_votes(facts.sys_descr, enterprise, facts.vendor, words)
        votes += _model_votes(facts, words)
        votes += _product_votes(facts.sys_object_id, facts.model)
        family, specific = _definition_votes(facts, enterprise), specific_family(facts)
        if family and specific:
            votes = _bounded_by_family(votes, {v.type for v in family})
        votes += family
        if not specific and not _names_its_type(votes):
            # what the maker usually makes: only where neither an OS definition nor the
            # product's own words say what this product is
            votes += _maker_votes(facts.vendor, enterprise)
    votes += _table_votes(rec)
    votes += structure_votes(rec)
    return votes


def _model_votes(facts: Facts, banner_words: list[TypeVote]) -> list[TypeVote]:
    """The model's keywords, less those whose word already voted from sysDescr (`banner_words`)
    for the same reason: a model read out of the banner ("KX-NS1000", a uname banner's "x86_64")
    restates it, and one word counted twice is no second piece of evidence."""
    said = {v.detail.removeprefix("sysDescr ").casefold() for v in banner_words}
    return [v for v in keyword_votes(_without_maker(facts.model, facts.vendor), "model", 0.8)
            if v.detail.removeprefix("model ").casefold() not in said]


PRODUCT_WORD_WEIGHT = 0.5  # a keyword this strong in the banner or model names the product's type


def _names_its_type(votes: list[TypeVote]) -> bool:
    return any(v.source == KEYWORD_SOURCE and v.weight >= PRODUCT_WORD_WEIGHT for v in votes)


# A word list is kept by hand; an OS definition is maintained for its product line. Where a
# keyword names a type the matched definition's type cannot mean ("AP8641", an APC PDU, read as
# an access point), the keyword counts this much. LibreNMS has no PBX, phone or wireless
# controller type (its "network", "server", "wireless" and "appliance" hold them), and files all
# but two of its camera definitions under "appliance" (Axis, Dahua, Vivotek) or "network"
# (Hikvision), so those keywords are never against it.
KEYWORD_OUTSIDE_FAMILY = 0.5
_FINER_THAN_LIBRENMS = frozenset({T.PBX, T.PHONE, T.CAMERA, T.WIRELESS_CONTROLLER,
                                  T.WIRELESS_BRIDGE})


# LibreNMS's coarse types that hold kinds it has no type for, and which of them a definition
# typed so names in its title: "Hikvision NVR", "Allworx VoIP" (network, appliance); "Cisco
# WLC", "Ruckus Wireless SmartZone", "MNI Microwave Radio" (wireless: controllers and backhaul
# radios among the access points); "Panasonic KX-NS Series" (server: LibreNMS files telephone
# systems and softswitches there too, KX-NS, BroadWorks, Cirpack, Mitel Standard Linux; only a
# title with a telephony word votes, and the definition's "server" stays its rival)
_TITLE_REFINES: dict[str, frozenset[DeviceType]] = {
    "network": _FINER_THAN_LIBRENMS,
    "appliance": _FINER_THAN_LIBRENMS,
    "wireless": frozenset({T.WIRELESS_CONTROLLER, T.WIRELESS_BRIDGE}),
    "server": frozenset({T.PBX}),
}
TITLE_SCALE = 0.8  # a title keyword counts as a model name's keyword does


def _definition_votes(facts: Facts, enterprise: int | None = None) -> list[TypeVote]:
    """What the matched OS definition says: its coarse type's votes, less the ones its title
    (or else its maker) refines away ("Cisco WLC" is typed wireless, which is no access point
    here)."""
    title = _title_votes(facts) or _maker_refinement(facts, enterprise)
    refined = {t for v in title for t in REFINED_BY.get(v.type, ())}
    return [v for v in family_votes(facts) if v.type not in refined] + title


# LibreNMS's types whose kinds a maker's one kind of product decides, when neither the title nor
# a row for the definition does: a Siklu or SAF radio typed "wireless" is a backhaul link, not an
# access point. A maker's habit, so it weighs this share of the maker row.
_MAKER_REFINES = {"wireless": _TITLE_REFINES["wireless"]}
MAKER_REFINE_SCALE = 0.6


def _maker_refinement(facts: Facts, enterprise: int | None) -> list[TypeVote]:
    family = facts.os_family
    kinds = _MAKER_REFINES.get(family.type or "") if family is not None else None
    row = ENTERPRISE_TYPES.get(enterprise) if enterprise is not None else None
    if family is None or not kinds or enterprise is None or row is None or row[0] not in kinds \
            or has_own_row(family.os):
        return []
    return [_enterprise_vote(enterprise, MAKER_REFINE_SCALE,
                             f" makes {row[0].value.replace('_', ' ')}s: refines LibreNMS type "
                             f"{family.type}")]


def _title_votes(facts: Facts) -> list[TypeVote]:
    """What a coarse-typed OS definition's title names of the kinds LibreNMS has no type for,
    as part of what the definition says."""
    family = facts.os_family
    refines = _TITLE_REFINES.get(family.type or "") if family is not None else None
    if family is None or not refines:
        return []
    where = f"LibreNMS OS {family.os!r} title"
    return [v.model_copy(update={"source": FAMILY_SOURCE})
            for v in keyword_votes(family.text, where, TITLE_SCALE) if v.type in refines]


def _bounded_by_family(votes: list[TypeVote], family_types: set[DeviceType]) -> list[TypeVote]:
    return [
        v.model_copy(update={"weight": round(v.weight * KEYWORD_OUTSIDE_FAMILY, 3),
                             "detail": v.detail + " (not a type its OS definition names)"})
        if v.source == KEYWORD_SOURCE and v.type not in family_types
        and v.type not in _FINER_THAN_LIBRENMS else v
        for v in votes
    ]


def _maker_votes(vendor: str | None, enterprise: int | None) -> list[TypeVote]:
    """What the maker usually makes: the sysObjectID enterprise's entry in maker-types.tsv
    (one number is one product line), else nmap's OS fingerprints of the maker (a dataset);
    then keywords of the maker's name."""
    from netmap.discover.snmp.enterprises import vendor_of_enterprise

    if enterprise is not None and enterprise in ENTERPRISE_TYPES:
        votes = [_enterprise_vote(enterprise)]
    else:
        votes = nmap_prior_votes(vendor or vendor_of_enterprise(enterprise))
    return votes + _vendor_keyword_votes(vendor) + _vendor_name_votes(vendor, enterprise)


def _enterprise_vote(enterprise: int, scale: float = 1.0, why: str = "") -> TypeVote:
    """The vote of the sysObjectID enterprise's row in maker-types.tsv, `scale` of its weight."""
    from netmap.discover.snmp.enterprises import vendor_of_enterprise

    dtype, weight = ENTERPRISE_TYPES[enterprise]
    name = vendor_of_enterprise(enterprise) or f"enterprise {enterprise}"
    return _vote(dtype, weight * scale, f"vendor {name} (sysObjectID enterprise {enterprise})"
                 + why, PRIOR_SOURCE)


NMAP_PRIOR_WEIGHT = 0.6  # a maker all of whose fingerprints are one type votes 0.6 for it
NMAP_PRIOR_MIN_SHARE = 0.25  # types below a quarter of the maker's fingerprints say nothing


def nmap_prior_votes(maker: str | None) -> list[TypeVote]:
    """What the maker's nmap fingerprints say, each type's share taken at its lower bound: 3 of
    4 fingerprints is a thinner claim than 300 of 400, so a prior from a handful weighs less."""
    return [
        _vote(dtype, NMAP_PRIOR_WEIGHT * share_lower_bound(share, total),
              f"maker {maker}: {share:.0%} of its {total} nmap OS fingerprints are {dtype.value}",
              PRIOR_SOURCE)
        for dtype, share, total in maker_prior(maker)
        if share >= NMAP_PRIOR_MIN_SHARE and dtype is not T.OTHER
    ]


def share_lower_bound(share: float, total: int, z: float = 1.0) -> float:
    """The Wilson score interval's lower end for a share seen in `total` samples (z = 1: about
    one standard error): near the share for hundreds of samples, well below it for a handful
    (3 of 4 gives 0.5, 300 of 400 gives 0.73)."""
    if total <= 0:
        return 0.0
    centre = share + z * z / (2 * total)
    margin = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    return max(0.0, (centre - margin) / (1 + z * z / total))


def combine(votes: list[TypeVote]) -> dict[DeviceType, float]:
    """Noisy-OR of the votes per type: independent evidence adds up, never past 1."""
    miss: dict[DeviceType, float] = defaultdict(lambda: 1.0)
    for vote in votes:
        miss[vote.type] *= 1.0 - max(0.0, min(vote.weight, 0.99))
    return {dtype: 1.0 - remaining for dtype, remaining in miss.items()}


def snmp_type_hint(rec: SnmpRecord) -> tuple[DeviceType, float, list[str]]:
    """The SNMP-only verdict: (type, calibrated confidence 0..1, reasons). UNKNOWN when nothing
    points."""
    votes = snmp_type_votes(rec)
    scores = combine(votes)
    if not scores:
        return T.UNKNOWN, 0.0, []
    best = max(scores, key=lambda dtype: (scores[dtype], -_TIE_ORDER.index(dtype)))
    if scores[best] < 0.3:
        return T.UNKNOWN, scores[best], [v.detail for v in votes]
    reasons = [v.detail for v in votes if v.type == best]
    return best, calibrate(best, scores, votes), reasons


# What a type does as well: a firewall forwards packets, so a router's evidence (forwarding,
# routes, layer 3) is no rival to it. A wireless controller is filed as wireless as its access
# points are, and is often one itself (Mobility Express, Aruba Instant, Ruckus Unleashed); it
# bridges its APs' clients onto the wired VLANs, so bridge ports and a forwarding table are its
# own too (a Cisco 5508's eight ports). A wireless bridge is an Ethernet bridge over a radio,
# often a Wi-Fi chip's (airMAX, ePMP, Mimosa): the radio interfaces and bridge tables are its own
_DOES_TOO: dict[DeviceType, frozenset[DeviceType]] = {
    T.FIREWALL: frozenset({T.ROUTER}),
    T.WIRELESS_CONTROLLER: frozenset({T.WIRELESS_AP, T.SWITCH}),
    T.WIRELESS_BRIDGE: frozenset({T.WIRELESS_AP, T.SWITCH}),
}
PRIOR_CAP = 0.45  # a maker's habits alone: a guess to confirm, listed under "Needs attention"
DISAGREEMENT_CAP = 0.5  # a rival type nearly as strong: the same
PRIOR_SOURCES = frozenset({PRIOR_SOURCE, "oui"})


def calibrate(best: DeviceType, scores: dict[DeviceType, float], votes: list[TypeVote]) -> float:
    """The confidence shown for `best`: its noisy-OR score, discounted by the runner-up, and
    capped when nothing but the maker's name supports it, when a rival nearly ties, or when the
    OS definition the agent matched names another type."""
    top = scores[best]
    second = max((s for t, s in scores.items() if t != best and t not in _DOES_TOO.get(best, ())),
                 default=0.0)
    confidence = top * (1.0 - 0.5 * second**2)
    if all(v.source in PRIOR_SOURCES for v in votes if v.type == best):
        confidence = min(confidence, PRIOR_CAP)
    family = {v.type for v in votes if v.source == FAMILY_SOURCE}
    # LibreNMS's catch-all "appliance" (netmap's "other") names no type, so a camera or a PBX
    # filed there is not contradicted; "network" (router or switch) is a claim, and caps
    if family == {T.OTHER} and best in _FINER_THAN_LIBRENMS:
        family = set()
    if second >= 0.75 * top or (family and best not in family):
        # a rival nearly as strong, or the OS definition says it is something else
        confidence = min(confidence, DISAGREEMENT_CAP)
    return round(confidence, 3)


# On equal scores prefer the more specific type.
_TIE_ORDER = [
    T.PRINTER,
    T.UPS,
    T.PDU,
    T.NAS,
    T.BACKUP,
    T.FIREWALL,
    T.WIRELESS_CONTROLLER,
    T.WIRELESS_BRIDGE,
    T.WIRELESS_AP,
    T.CAMERA,
    T.PHONE,
    T.PBX,
    T.SWITCH,
    T.ROUTER,
    T.SERVER,
    T.WORKSTATION,
    T.OTHER,
    T.UNKNOWN,
]
