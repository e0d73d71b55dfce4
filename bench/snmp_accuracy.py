"""SNMP identification accuracy against LibreNMS's recorded devices.

Serves every recording of the LibreNMS test corpus (NETMAP_RECORDINGS, default
../shared/recordings/librenms beside the project) through ONE snmpsim-command-responder on
127.0.0.1, runs netmap's real SNMP collection over UDP against each device, and scores what it
found against LibreNMS's expected results. `--offline` reads the .snmprec files directly through
netmap's in-memory Walker (same getters, no UDP) for fast iteration.

    .venv/bin/python bench/snmp_accuracy.py [--offline] [--only NAME] [--limit N]

Scoring (printed with the results):

* class: manifest `type` (LibreNMS OS definition) mapped to netmap's DeviceType vocabulary,
  see TYPE_MAP; the top SNMP type vote must be one of the accepted types. A definition whose
  title names a camera or a video recorder also accepts camera (LibreNMS types some "network").
* vendor: LibreNMS has no vendor field. Accepted names are (a) the IANA registrant of the
  sysObjectID enterprise as the IANA registry spells it (not netmap's curated brand table, which
  is part of what is measured; not for agent-toolkit numbers such as Net-SNMP 8072), (b) the
  first word of the OS display name `os_text` ("Cisco IOS" -> Cisco) unless that word is an OS
  name (Linux, FreeBSD, ...), (c) the OS `group` when it names a vendor. Documented renames,
  acquisitions and trade names (Compaq=HPE, Foundry=Brocade=Ruckus, Sun=Oracle, ...; RENAMES)
  are equivalent.
* hardware/model, version, serial: normalized (casefold, quotes and extra spaces stripped),
  a match if either string contains the other, also once punctuation and spaces are dropped
  ("S4128F-ON" = "s4128Fon", "00-1B-BC-AA-AA-AA" = "001BBCAAAAAA"), and a family written with
  digit wildcards names each model of it ("CM71xx" ~ "Opengear CM7116-2-DAC"); scored only where
  LibreNMS expects a value (not null, not "<private>", not a sanitizing placeholder serial, not
  the agent's snmpSetSerialNo).
* interfaces: per expected port row, ifIndex found; ifName (ifDescr when the agent has no
  ifName, as LibreNMS does), ifType, speed, MAC equal (an all-zero expected MAC means none).
* links: an expected LLDP/CDP link is found if a neighbour on the same local port names the
  same remote host (or, without a hostname, the same remote port).
* vlans: per expected VLAN membership row (LibreNMS ports_vlans: VLAN, bridge port, untagged),
  the VLAN lists that port, tagged or untagged alike; the rows netmap adds beyond LibreNMS's are
  counted too (precision). Bridge ports are named through the recording's dot1dBasePortIfIndex.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.discover.snmp import oids  # noqa: E402
from netmap.discover.snmp.enterprises import iana_name  # noqa: E402
from netmap.discover.snmp.snmprec import SnmprecWalker  # noqa: E402
from netmap.discover.snmp.walker import Walker  # noqa: E402
from netmap.infer.classify_snmp import snmp_type_hint  # noqa: E402
from netmap.infer.identify.identify import identify_record  # noqa: E402
from netmap.lab.snmpsim import serve  # noqa: E402
from netmap.model import (  # noqa: E402
    CONFIDENT as STATED,
    DeviceType,
    SnmpRecord,
)

DEFAULT_RECORDINGS = ROOT.parent / "shared" / "recordings" / "librenms"
RESULTS = Path(__file__).parent / "results" / "snmp_accuracy.txt"
RESULTS_LOVO = Path(__file__).parent / "results" / "snmp_accuracy_lovo.txt"
CACHE_DIR = Path("/tmp/netmap-snmpsim-cache")

T = DeviceType
# LibreNMS device type -> netmap types accepted for it.
TYPE_MAP: dict[str, set[DeviceType]] = {
    "network": {T.ROUTER, T.SWITCH},
    "wireless": {T.WIRELESS_AP, T.WIRELESS_CONTROLLER, T.WIRELESS_BRIDGE},
    "firewall": {T.FIREWALL},
    "server": {T.SERVER},
    "workstation": {T.WORKSTATION},
    "storage": {T.NAS, T.BACKUP},
    "printer": {T.PRINTER},
    "power": {T.UPS, T.PDU},
    "camera": {T.CAMERA},
    "collaboration": {T.PHONE, T.PBX, T.OTHER, T.UNKNOWN},
    "appliance": {T.OTHER, T.UNKNOWN, T.CAMERA, T.PHONE, T.PBX},
}
OTHER_OK = {T.OTHER, T.UNKNOWN}  # appliance, environment, loadbalancer, timing, management, ...
# LibreNMS files some cameras and recorders under "network" ("Hikvision NVR", "Illustra Network
# Camera"), and has no wireless controller type ("Fortinet FortiWLC" is "network"): where the
# definition's own title names the kind, that kind is right too.
_TITLE_ACCEPTS = (
    (re.compile(r"\b(camera|NVR|DVR)\b", re.IGNORECASE), T.CAMERA),
    (re.compile(r"\w*WLC\b|wireless (LAN )?controller", re.IGNORECASE), T.WIRELESS_CONTROLLER),
)


def accepted_types(librenms_type: str | None, title: str | None) -> set[DeviceType]:
    """The netmap types scored right for a device LibreNMS files as `librenms_type`."""
    accepted = set(TYPE_MAP.get(librenms_type or "", OTHER_OK))
    accepted |= {kind for pattern, kind in _TITLE_ACCEPTS if title and pattern.search(title)}
    return accepted

# os_text first words that name an operating system or a product, not a vendor.
NOT_VENDORS = {
    "linux",
    "freebsd",
    "openbsd",
    "netbsd",
    "dragonflybsd",
    "coreos",
    "generic",
    "software",
    "hardware",
    "automatic",
    "unix",
    "solaris",
    "aix",
    "windows",
    "macos",
    "dd-wrt",
    "freshtomato",
    "snr",
    "snr-erd",
    "ita2",
    "east",
    "g6",
    "dmos",
    "sm-os",
    "ipstation",
    "vs",
    "alphacom",
    "anyos",
    "edgeos",
    "edgeswitch",
    "eltex",
    "endian",
    "m0n0wall",
    "voswall",
    "viprinux",
    "pfsense",
    "opnsense",
    "vyatta",
    "recoveryos",
    "mirth",
    "openindiana",
    "fourth",
    "web-thermo-hygrometer",
    "syncserver",
    "lantime",
    "ip",
    "dvb",
    "high",
    "network",
    "apex",
    "nimble",
}
# SNMP agent software whose enterprise number names the agent, never the device's maker (the
# scorer's own list, not netmap's table): CMU, SNMP Research, UCD-SNMP, FreeBSD's own agent,
# Broadcom's FASTPATH reference agent, Net-SNMP, FreeBSD's bsnmpd
AGENT_TOOLKITS = {0, 3, 99, 2021, 2238, 4413, 8072, 12325}
NOT_VENDOR_GROUPS = {"unix", "linux", "printer", "ups", "red", "fs"}
# Equivalent vendor names (product lines that changed owners, OEM brands).
RENAMES = [
    {"hp", "hewlettpackard", "hpe", "compaq", "aruba", "3com", "h3c", "nimblestorage"},
    {"foundry", "brocade", "ruckus", "commscope"},
    {"sun", "oracle"},
    {"dell", "force10", "emc", "dellemc", "equallogic", "compellent"},
    {"apc", "schneider", "schneiderelectric", "netbotz", "mge", "mgeupssystems"},
    {"eaton", "powerware", "mgeupssystems"},  # Eaton bought Powerware and MGE's small UPSs
    {"extreme", "extremenetworks", "enterasys", "avaya", "nortel", "aerohive", "boss"},
    {"alcatel", "alcatellucent", "nokia", "timetra"},
    {"cisco", "meraki", "linksys", "tandberg", "airespace", "viptela", "ironport", "broadsoft"},
    {"ericsson", "redback"},
    {"sophos", "cyberoam"},
    {"mcafee", "trellix", "fireeye", "skyhigh", "skyhighsecurity"},
    {"adva", "adtran", "mrv", "nbaseswitchcommunication"},  # ADVA bought MRV (ex-NBase) in 2017
    {"vertiv", "liebert", "avocent", "geist", "emerson"},
    {"juniper", "netscreen", "trapeze"},
    {"fs", "fiberstore", "fscom"},
    {"calix", "occam"},
    {"ciena", "cyan"},
    {"infinera", "coriant"},
    {"symmetricom", "microsemi", "datum"},
    {"citrix", "netscaler"},
    {"lenovo", "ibm"},
    {"fujitsu", "fujitsuservices"},
    {"motorola", "cambium"},
    {"ubiquiti", "ubnt"},
    {"peplink", "pepwave"},
    {"ricoh", "gestetner", "nrg"},
    {"kyocera", "utax"},
    {"xerox", "fujixerox"},
    {"raritan", "legrand"},
    {"wiesemannundtheis", "wut", "wiesemanntheis"},
    {"silverpeak", "arubanetworks"},
    {"keysight", "anue", "ixia"},
    {"radvision", "avaya"},
    {"teleste", "luminato"},
    {"vmware", "velocloud"},
    {"thomson", "technicolor"},  # Thomson renamed itself Technicolor in 2010
    {"symbol", "zebra"},  # Zebra bought Symbol (through Motorola) in 2014
    {"gemds", "microwavedata"},  # GE bought Microwave Data Systems, renamed GE MDS
    # trade names and abbreviations of the company the IANA registry names
    {"datacom", "teracomtelematicaltda"},  # DATACOM is Teracom Telematica's trade name
    {"dcn", "digitalchinashanghai"},  # Digital China Networks
    {"hw", "hwg", "hwsro"},  # HW group s.r.o. ("group" is stripped as a suffix)
    # product brands named by LibreNMS's os_text, and the company the IANA registry names
    {"ddn", "datadirectnetworks", "datadirect"},
    {"quantastor", "osnexus"},
    {"iboot", "dataprobe"},
    {"supervyse", "insyde"},
]
SUFFIXES = re.compile(
    r"\b(inc|incorporated|corp|corporation|co|ltd|limited|llc|gmbh|ag|sa|ab|plc|systems|networks|"
    r"technologies|technology|communications|electronics|international|group|company)\b\.?"
)


# ---------------------------------------------------------------------------------------------
# Normalisation and matching
# ---------------------------------------------------------------------------------------------


def norm(value: Any) -> str:
    text_ = str(value).casefold().replace('"', "").replace("'", "")
    return re.sub(r"\s+", " ", text_).strip()


def expected_value(value: Any) -> str | None:
    if value is None:
        return None
    text_ = norm(value)
    return None if not text_ or text_ == "<private>" else text_


_HEX_DUMP = re.compile(r"(?<![\w.])(?:[0-9a-f]{2} ){3,}[0-9a-f]{2}(?![\w.])")
_HEX_PAIRS = re.compile(r"(?<![\w.])(?:[0-9a-f]{2} )+[0-9a-f]{2}(?![\w.])")


def unhexed(expected: str) -> str:
    """LibreNMS prints an OCTET STRING that holds a NUL, or that its MIB types as no
    DisplayString, as hex pairs ("38 30 20 30" for "80 0"); an agent's text is compared as the
    bytes shown. Only a value that holds such a dump of four bytes or more is read so, and only
    pairs that decode to printable ASCII or NUL (NULs dropped): "12 34 56 78" stays as it is."""
    if not _HEX_DUMP.search(expected):
        return expected

    def decode(match: re.Match[str]) -> str:
        raw = bytes.fromhex(match.group(0))
        text_ = raw.replace(b"\0", b"").decode("ascii", "replace")
        printable = text_.isprintable() and text_.strip() and all(b < 0x7F for b in raw)
        return text_.casefold() if printable else match.group(0)

    return norm(_HEX_PAIRS.sub(decode, expected))


def placeholder_serial(value: str) -> bool:
    """Serials that LibreNMS contributors replaced when they sanitized a recording ("000000000000",
    "0123456789", "magicserialnumber"): the real device reported a real one, so no tool can be
    scored on these. They are counted apart in the report."""
    bare = re.sub(r"[\s:.\-]", "", value.casefold())
    return (
        len(set(bare)) <= 1
        or "serial" in bare
        or bare in {"0123456789", "123456789", "1234567890"}
        or (len(set(bare[1:])) == 1 and bare[1:].startswith("0") and len(bare) >= 6)
    )


def family_match(got: str, expected: str) -> bool:
    """A model family written with digit wildcards ("cm71xx") names our exact model
    ("opengear cm7116-2-dac") when every expected word is in ours, an "x" standing for a digit."""
    words = expected.split()
    if not any(re.fullmatch(r"[a-z]*\d+x+", w) for w in words):
        return False
    return all(
        re.search(r"(?<![a-z0-9])" + re.sub(r"(?<=\d)x|(?<=x)x", r"\\d", re.escape(w)), got)
        for w in words
    )


def contains_match(ours: str | None, expected: str) -> bool:
    if not ours:
        return False
    got = norm(ours)
    if not got:
        return False
    if got == expected:
        return True
    shorter = min(len(got), len(expected))
    if shorter >= 2 and (got in expected or expected in got):
        return True
    if family_match(got, expected):
        return True
    # the same name spelled with other separators: "S4128F-ON" / "s4128Fon", "2024F-4X" / "2024F4X"
    bare_got, bare_want = re.sub(r"[\W_]", "", got), re.sub(r"[\W_]", "", expected)
    return min(len(bare_got), len(bare_want)) >= 4 and (bare_got in bare_want or bare_want in bare_got)


def vendor_key(name: str) -> str:
    cleaned = SUFFIXES.sub(" ", name.casefold())
    return re.sub(r"[^a-z0-9]", "", cleaned)


def vendor_aliases(name: str) -> set[str]:
    key = vendor_key(name)
    out = {key}
    for group in RENAMES:
        if key in group or any(alias and alias in key for alias in group if len(alias) >= 4):
            out |= group
    return {alias for alias in out if alias}


def expected_vendors(device: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    enterprise = device.get("vendor_enterprise")
    # the registry's own name, not netmap's curated brand table: the answer is not scored
    # against a table it comes from
    registrant = iana_name(enterprise) if enterprise not in AGENT_TOOLKITS else None
    if registrant:
        names.add(registrant)
    first = (device.get("os_text") or "").split()
    if first and first[0].casefold() not in NOT_VENDORS:
        names.add(first[0])
    group = device.get("group")
    if group and group.casefold() not in NOT_VENDOR_GROUPS:
        names.add(group)
    return {alias for name in names for alias in vendor_aliases(name)}


def vendor_match(ours: str | None, accepted: set[str]) -> bool:
    if not ours:
        return False
    mine = vendor_aliases(ours)
    return any(
        a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)) for a in mine for b in accepted
    )


# ---------------------------------------------------------------------------------------------
# Collecting one device
# ---------------------------------------------------------------------------------------------


async def record_offline(path: Path, name: str) -> SnmpRecord:
    return await identified_over(SnmprecWalker.from_file(path), name)


async def identified_over(walker: Walker, name: str) -> SnmpRecord:
    """collect_over, then identification from the stored values, as inference reads a scan."""
    return identify_record(await collect_over(walker, name))


async def collect_over(walker: Walker, name: str) -> SnmpRecord:
    """Run netmap's real getters (facts first, like collect()) over an in-memory Walker."""
    from netmap.discover.snmp.getters import GETTER_FUNCS, CachingWalker
    from netmap.model import GETTERS

    record = SnmpRecord(ip="127.0.0.1", credential=name)
    cached = CachingWalker(walker)
    for getter in ["facts", *[g for g in GETTERS if g != "facts" and g in GETTER_FUNCS]]:
        try:
            setattr(record, getter, await GETTER_FUNCS[getter](cached))
        except Exception as exc:  # scored as misses, like collect() records them
            record.errors[getter] = f"{type(exc).__name__}: {exc}"
    return record


# ---------------------------------------------------------------------------------------------
# snmpsim
# ---------------------------------------------------------------------------------------------


async def record_snmpsim(port: int, name: str) -> SnmpRecord:
    from pydantic import SecretStr

    from netmap.discover.snmp.collect import collect
    from netmap.model import ResolvedCredential

    cred = ResolvedCredential(name=name, version="2c", community=SecretStr(name))
    record = await collect("127.0.0.1", [cred], port=port)
    assert isinstance(record, SnmpRecord)
    return identify_record(record)  # what inference does with the stored scan


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------

# IANAifType-MIB names (LibreNMS stores the name; unknown numbers stay numeric).
IF_TYPES = {
    1: "other",
    5: "rfc877x25",
    6: "ethernetCsmacd",
    7: "iso88023Csmacd",
    9: "iso88025TokenRing",
    15: "fddi",
    18: "ds1",
    19: "e1",
    20: "basicISDN",
    21: "primaryISDN",
    22: "propPointToPointSerial",
    23: "ppp",
    24: "softwareLoopback",
    28: "slip",
    30: "ds3",
    32: "frameRelay",
    33: "rs232",
    37: "atm",
    39: "sonet",
    46: "hssi",
    49: "aal5",
    53: "propVirtual",
    54: "propMultiplexor",
    56: "fibreChannel",
    62: "fastEther",
    63: "isdn",
    69: "fastEtherFX",
    70: "channel",
    71: "ieee80211",
    72: "ibm370parChan",
    77: "lapd",
    81: "ds0",
    94: "adsl",
    96: "sdsl",
    97: "vdsl",
    108: "pppMultilinkBundle",
    117: "gigabitEthernet",
    118: "hdlc",
    126: "ip",
    127: "docsCableMaclayer",
    128: "docsCableDownstream",
    129: "docsCableUpstream",
    131: "tunnel",
    134: "atmSubInterface",
    135: "l2vlan",
    136: "l3ipvlan",
    142: "ipForward",
    150: "mplsTunnel",
    160: "usb",
    161: "ieee8023adLag",
    166: "mpls",
    169: "shdsl",
    171: "pos",
    188: "radioMAC",
    195: "opticalChannel",
    196: "opticalTransport",
    200: "teLink",
    202: "virtualTg",
    209: "bridge",
    214: "mpegTransport",
    221: "gfp",
    238: "adsl2plus",
    243: "wwanPP",
    244: "wwanPP2",
    246: "ifPwType",
    247: "ilan",
    250: "gpon",
    251: "vdsl2",
    253: "capwapDot11Bss",
}


@dataclass
class Tally:
    ok: int = 0
    total: int = 0

    def add(self, good: bool) -> None:
        self.total += 1
        self.ok += int(good)

    @property
    def pct(self) -> float:
        return 100.0 * self.ok / self.total if self.total else 0.0


@dataclass
class Miss:
    device: str
    field: str
    expected: str
    got: str


@dataclass
class Score:
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    per_device: dict[str, int] = field(default_factory=dict)
    # what LibreNMS's coarse "wireless" became: netmap type -> devices (the split it has no type for)
    wireless: Counter[str] = field(default_factory=Counter)

    def add(
        self, name: str, good: bool, device: str = "", expected: Any = "", got: Any = ""
    ) -> None:
        self.tallies.setdefault(name, Tally()).add(good)
        if not good and device:
            self.misses.append(Miss(device, name, str(expected)[:70], str(got)[:70]))
            self.per_device[device] = self.per_device.get(device, 0) + 1


def os_row(expected: dict[str, Any]) -> dict[str, Any] | None:
    try:
        row = expected["os"]["discovery"]["devices"][0]
    except (KeyError, IndexError, TypeError):
        return None
    return row if isinstance(row, dict) else None


# An expected "hardware" that is a bare dotted number ("1.0.1", "3.20") is the hardware revision
# some definitions read; it names no model, so it is counted apart, not scored.
REVISION = re.compile(r"v?\d+(\.\d+)+")
SNMP_SET_SERIAL_NO = oids.scalar(oids.SNMP_SET_SERIAL_NO)  # a TestAndIncr lock


def set_serial_no(path: Path) -> str | None:
    """The recording's snmpSetSerialNo value: LibreNMS reads it as a serial number for a few OSes,
    but it is the agent's set-request spin lock, so an expected serial equal to it is not scored."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(SNMP_SET_SERIAL_NO + "|"):
                return line.rstrip("\n").split("|", 2)[2]
    return None


def score_device(
    score: Score,
    device: dict[str, Any],
    expected: dict[str, Any] | None,
    record: SnmpRecord,
    spin_lock: str | None = None,
    hint: tuple[DeviceType, float, list[str]] | None = None,
    vlan_ports: dict[int, str] | None = None,
) -> None:
    name = device["name"]
    facts = record.facts
    dtype, confidence, _why = hint or snmp_type_hint(record)
    right = dtype in accepted_types(device.get("type"), device.get("os_text"))
    score.add("class", right, name, device.get("type"), dtype.value)
    score.add(f"class.{device.get('type')}", right)
    if device.get("type") == "wireless":
        score.wireless[dtype.value] += 1
    if dtype is not DeviceType.UNKNOWN:
        score.add(f"conf.{min(int(confidence * 5), 4)}", right)  # reliability, by fifths
    if not right and confidence >= CONFIDENT:
        score.add("confident_wrong", False, name, device.get("type"),
                  f"{dtype.value} at {confidence:.2f}")
    vendors = expected_vendors(device)
    if vendors:
        score.add(
            "vendor",
            vendor_match(facts.vendor if facts else None, vendors),
            name,
            "/".join(sorted(vendors))[:60],
            facts.vendor if facts else None,
        )
    row = os_row(expected or {})
    if row:
        for label, key, ours in (
            ("model", "hardware", facts.model if facts else None),
            ("version", "version", facts.os_version if facts else None),
            ("serial", "serial", facts.serial_number if facts else None),
        ):
            want = expected_value(row.get(key))
            if want is not None and label == "serial" and placeholder_serial(want):
                score.add("serial.placeholder", True)
            elif want is not None and label == "serial" and want == spin_lock:
                score.add("serial.spinlock", True)
            elif want is not None and label == "model" and REVISION.fullmatch(want):
                score.add("model.revision", True)
            elif want is not None:
                if unhexed(want) != want:
                    score.add("hexdump", True)
                right = contains_match(ours, want) or contains_match(ours, unhexed(want))
                score.add(label, right, name, row.get(key), ours)
    if expected:
        score_ports(score, name, expected, record)
        score_links(score, name, expected, record)
        score_vlans(score, name, expected, record, vlan_ports or {})


def expected_ports(expected: dict[str, Any]) -> list[dict[str, Any]] | None:
    ports = expected.get("ports") or {}
    rows = (ports.get("poller") or {}).get("ports") or (ports.get("discovery") or {}).get("ports")
    return rows if isinstance(rows, list) else None


def score_ports(score: Score, name: str, expected: dict[str, Any], record: SnmpRecord) -> None:
    rows = expected_ports(expected)
    if rows is None:
        return
    ours = {iface.if_index: iface for iface in record.interfaces}
    for row in rows:
        index = row.get("ifIndex")
        iface = ours.get(index) if isinstance(index, int) else None
        score.add("if.index", iface is not None, name, f"ifIndex {index}", "missing")
        if iface is None:
            continue
        if row.get("ifName") is not None:
            ours_name = iface.name or iface.description  # LibreNMS: ifName, else ifDescr
            score.add(
                "if.name",
                norm(ours_name or "") == norm(row["ifName"]),
                name,
                f"{index} ifName {row['ifName']}",
                ours_name,
            )
        if row.get("ifType") is not None:
            got_type = IF_TYPES.get(iface.if_type or -1, str(iface.if_type))
            score.add(
                "if.type", got_type == row["ifType"], name, f"{index} {row['ifType']}", got_type
            )
        if row.get("ifSpeed") is not None:
            score.add(
                "if.speed",
                iface.speed == row["ifSpeed"],
                name,
                f"{index} speed {row['ifSpeed']}",
                iface.speed,
            )
        if row.get("ifPhysAddress") and row["ifPhysAddress"].strip("0"):  # 00..00 = no MAC
            mac = (iface.mac_address or "").replace(":", "").lower()
            score.add(
                "if.mac",
                mac == row["ifPhysAddress"].lower(),
                name,
                f"{index} mac {row['ifPhysAddress']}",
                mac,
            )


async def base_port_names(path: Path) -> dict[int, str]:
    """Bridge port -> ifName (ifDescr without one), read from the recording itself."""
    from netmap.discover.snmp.getters import CachingWalker, base_port_ifs, if_names

    walker = CachingWalker(SnmprecWalker.from_file(path))
    names = await if_names(walker)
    return {bp: names.get(ifi, f"ifIndex {ifi}") for bp, ifi in (await base_port_ifs(walker)).items()}


def expected_port_vlans(expected: dict[str, Any] | None) -> list[dict[str, Any]]:
    rows = (((expected or {}).get("vlans") or {}).get("discovery") or {}).get("ports_vlans")
    return rows if isinstance(rows, list) else []


def score_vlans(
    score: Score, name: str, expected: dict[str, Any], record: SnmpRecord, ports: dict[int, str]
) -> None:
    rows = expected_port_vlans(expected)
    if not rows:
        return
    ours = {(vl.vlan_id, port, 1 if port in vl.untagged else 0)
            for vl in (record.vlans.vlans if record.vlans else [])
            for port in [*vl.untagged, *vl.tagged]}  # fmt: skip
    want = {(r.get("vlan"), ports.get(r.get("baseport", -1), f"port {r.get('baseport')}"),
             1 if r.get("untagged") else 0) for r in rows}  # fmt: skip
    for vlan, port, untagged in sorted(want, key=str):
        found = (vlan, port, untagged) in ours
        score.add("vlans", found, name, f"VLAN {vlan} {port} {'untagged' if untagged else 'tagged'}",
                  "missing" if not any(o[:2] == (vlan, port) for o in ours) else "tagging differs")
    for row in ours:
        score.add("vlans.precision", row in want)


def score_links(score: Score, name: str, expected: dict[str, Any], record: SnmpRecord) -> None:
    try:
        links = expected["discovery-protocols"]["discovery"]["links"]
    except (KeyError, TypeError):
        return
    neighbours: list[tuple[str, str, str]] = []
    for lldp in record.lldp_neighbors_detail:
        neighbours.append(
            (
                norm(lldp.parent_interface or ""),
                norm(lldp.remote_system_name or ""),
                norm(lldp.remote_port or ""),
            )
        )
    for cdp in record.cdp_neighbors:
        neighbours.append(
            (
                norm(cdp.parent_interface or ""),
                norm(cdp.remote_device_id or ""),
                norm(cdp.remote_port or ""),
            )
        )
    for link in links:
        local = {norm(link.get(k) or "") for k in ("ifName", "ifDescr", "ifAlias")} - {""}
        host = norm(link.get("remote_hostname") or "")
        port = norm(link.get("remote_port") or "")
        found = any(
            (not local or n_local in local)
            and ((host and contains_match(n_host, host)) or (not host and port and n_port == port))
            for n_local, n_host, n_port in neighbours
        )
        score.add("links", found, name, f"{sorted(local)[:1]} -> {host or port}", "not found")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

GOALS = {
    "class": 95,
    "vendor": 98,
    "model": 90,
    "version": 90,
    "serial": 90,
    "if.index": 99,
    "if.name": 99,
    "if.type": 99,
    "if.speed": 99,
    "if.mac": 99,
    "links": 95,
    "vlans": 95,
}


CONFIDENT = STATED  # a type shown at this confidence or more must be right (goal: 0)


def calibration_lines(score: Score) -> list[str]:
    """Per-class accuracy, the confident-wrong count and accuracy by confidence band."""
    per_class = sorted(k for k in score.tallies if k.startswith("class."))
    lines = ["Class by LibreNMS type: " + "; ".join(
        f"{k[6:]} {score.tallies[k].ok}/{score.tallies[k].total}" for k in per_class)]
    wrong = [m for m in score.misses if m.field == "confident_wrong"]
    lines.append(f"Wrong type with confidence >= {CONFIDENT}: {len(wrong)}"
                 + (": " + "; ".join(f"{m.device} ({m.expected} -> {m.got})" for m in wrong[:12])
                    if wrong else ""))
    bands = [f"{k / 5:.1f}-{(k + 1) / 5:.1f}: {score.tallies[f'conf.{k}'].pct:.0f}% of "
             f"{score.tallies[f'conf.{k}'].total}" for k in range(5) if f"conf.{k}" in score.tallies]
    lines.append("Type accuracy by confidence: " + "; ".join(bands))
    if score.wireless:
        lines.append("LibreNMS wireless typed as: " + "; ".join(
            f"{kind} {n}" for kind, n in sorted(score.wireless.items())))
    return lines


def report(score: Score, mode: str, devices: int, elapsed: float, worst: int) -> str:
    lines = [
        f"netmap SNMP accuracy vs LibreNMS recordings ({mode}, {devices} devices, {elapsed:.0f} s)",
        "",
        f"{'field':<10} {'ok':>6} {'total':>6} {'accuracy':>9} {'goal':>5}",
    ]
    for key in (
        "class",
        "vendor",
        "model",
        "version",
        "serial",
        "if.index",
        "if.name",
        "if.type",
        "if.speed",
        "if.mac",
        "links",
        "vlans",
    ):
        tally = score.tallies.get(key, Tally())
        lines.append(
            f"{key:<10} {tally.ok:>6} {tally.total:>6} {tally.pct:>8.1f}% {GOALS[key]:>4}%"
        )
    extra = score.tallies.get("vlans.precision", Tally())
    lines.append(f"VLAN memberships netmap lists that LibreNMS also lists: {extra.ok}/{extra.total}"
                 f" ({extra.pct:.1f}%)")
    lines += ["", *calibration_lines(score)]
    lines += [
        "",
        "Type mapping (LibreNMS -> netmap): "
        + "; ".join(f"{k} -> {'|'.join(sorted(v))}" for k, v in TYPE_MAP.items())
        + "; any other type (appliance, environment, loadbalancer, ...) -> other|unknown"
        + "; a definition titled camera, NVR or DVR also accepts camera, one titled WLC or"
        " wireless controller a wireless controller",
        "Vendor: the IANA registrant of the sysObjectID's enterprise as the registry spells it "
        "(not netmap's brand table), or the first word of os_text, or the OS group; documented "
        "renames equivalent. Model/version/serial: casefold "
        "containment either way, only where LibreNMS expects a value.",
        f"Serial: {score.tallies.get('serial.placeholder', Tally()).total} expected serials are "
        "sanitizing placeholders (000000000000, 0123456789, magicserialnumber) and "
        f"{score.tallies.get('serial.spinlock', Tally()).total} are the agent's snmpSetSerialNo "
        "(a set-request lock, not a serial number); neither is scored. "
        f"Model: {score.tallies.get('model.revision', Tally()).total} expected values are a bare "
        "revision number (1.0.1, 3.20), not a model; not scored. "
        f"{score.tallies.get('hexdump', Tally()).total} expected values hold LibreNMS's hex dump of "
        "a string (\"38 30 20 30\"): compared as the bytes shown.",
        "",
        f"{worst} worst devices (most misses):",
    ]
    ranked = sorted(score.per_device.items(), key=lambda item: (-item[1], item[0]))[:worst]
    for device, count in ranked:
        mine = [m for m in score.misses if m.device == device][:4]
        detail = "; ".join(f"{m.field}: want {m.expected!r} got {m.got!r}" for m in mine)
        lines.append(f"  {device} ({count}): {detail}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Leave one vendor out: the hand-written rules keyed on the device's own enterprise are removed
# while it is identified, as they would be absent for a maker the project never saw.
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def without_vendor(enterprise: int | None) -> Any:
    """The rule tables written per vendor, minus the entries of `enterprise`, for one device:
    vendor MIB probes, product-family probes and type priors, the curated brand name, the
    sysDescr banner rules and families written for the maker's banners, and its brand words. What
    stays is what any maker gets: the LibreNMS definitions, the IANA registry, the product
    MIB table, ENTITY-MIB and the standard MIBs, sysDescr banners and structure."""
    from netmap.discover.snmp import enterprises, sysdescr, vendor_mibs
    from netmap.infer import classify_snmp

    if enterprise is None:
        yield
        return
    # the sysDescr banner rules and product families written for this maker's banners
    banner_lists: list[list[Any]] = [sysdescr._DESCR_RULES, sysdescr._FAMILY_BRANDS]
    kept_banners = [list(rows) for rows in banner_lists]
    for rows in banner_lists:
        rows[:] = [row for row in rows if enterprise not in row[-1]]
    # the brand words of sysDescr that name this maker ("junos", "routeros" for Juniper, MikroTik)
    maker = enterprises.registrant_of(enterprise)
    words = enterprises.BRAND_KEYWORDS
    own_words = {w: b for w, b in words.items() if maker and b == maker}
    kept_pattern = enterprises._BRAND_RE
    for word in own_words:
        del words[word]
    enterprises._BRAND_RE = enterprises.brand_pattern(words)
    root = f"1.3.6.1.4.1.{enterprise}"
    tables: list[dict[Any, Any]] = [
        vendor_mibs.VENDOR_PROBES, vendor_mibs.RELATIVE_PROBES,
        classify_snmp.FAMILY_PREFIXES, classify_snmp.ENTERPRISE_TYPES, enterprises.ENTERPRISES,
    ]
    saved: list[tuple[dict[Any, Any], Any, Any]] = []
    for table in tables:
        for key in list(table):
            if key == enterprise or (isinstance(key, str) and (key == root
                                                                or key.startswith(root + "."))):
                saved.append((table, key, table.pop(key)))
    try:
        yield
    finally:
        for table, key, value in saved:
            table[key] = value
        for rows, kept in zip(banner_lists, kept_banners, strict=True):
            rows[:] = kept
        words.update(own_words)
        enterprises._BRAND_RE = kept_pattern


async def run(args: argparse.Namespace, recordings: Path) -> Score:
    manifest = json.loads((recordings / "manifest.json").read_text())
    devices = [d for d in manifest["devices"] if not args.only or d["name"] in args.only]
    if args.limit:
        devices = devices[: args.limit]
    score = Score()
    hint: tuple[DeviceType, float, list[str]] | None = None
    with contextlib.ExitStack() as stack:
        sim = None
        if not args.offline:  # the first start indexes every file (~35 s)
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            sim = stack.enter_context(serve(recordings / "snmprec", CACHE_DIR, devices[0]["name"],
                                            timeout=240, log=CACHE_DIR / "responder.log"))
        for device in devices:
            name = device["name"]
            path = recordings / "snmprec" / f"{name}.snmprec"
            expected_path = recordings / "expected" / f"{name}.json"
            expected = json.loads(expected_path.read_text()) if expected_path.exists() else None
            try:
                if sim:
                    record = await asyncio.wait_for(record_snmpsim(sim.port, name), 300)
                elif args.leave_vendor_out:  # scored after: the scorer reads the brand table
                    with without_vendor(device.get("vendor_enterprise")):
                        record = await record_offline(path, name)
                        hint = snmp_type_hint(record)
                else:
                    record = await record_offline(path, name)
            except Exception as exc:  # a failing device is a miss, not a crash
                print(f"  {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                record = SnmpRecord(ip="127.0.0.1", errors={"collect": str(exc)})
            ports = await base_port_names(path) if expected_port_vlans(expected) else None
            score_device(score, device, expected, record, set_serial_no(path), hint, ports)
            hint = None
            if args.verbose:
                facts = record.facts
                print(
                    name,
                    facts.vendor if facts else None,
                    facts.model if facts else None,
                    facts.os_version if facts else None,
                    facts.serial_number if facts else None,
                )
    return score


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline", action="store_true", help="read .snmprec files, no UDP")
    parser.add_argument("--only", nargs="*", help="device names to run")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="don't write bench/results")
    parser.add_argument("--misses", nargs="*", default=[], help="list every miss of these fields")
    parser.add_argument("--leave-vendor-out", action="store_true",
                        help="offline, each device without the rules written for its vendor")
    args = parser.parse_args(list(argv) if argv is not None else None)
    recordings = Path(os.environ.get("NETMAP_RECORDINGS", str(DEFAULT_RECORDINGS)))
    if not (recordings / "manifest.json").exists():
        print("skipped: no recordings")
        return 0
    started = time.monotonic()
    args.offline = args.offline or args.leave_vendor_out
    score = asyncio.run(run(args, recordings))
    manifest = json.loads((recordings / "manifest.json").read_text())
    count = len([d for d in manifest["devices"] if not args.only or d["name"] in args.only])
    if args.limit:
        count = min(count, args.limit)
    text_ = report(
        score,
        ("offline .snmprec" if args.offline else "snmpsim over UDP")
        + (", leave one vendor out" if args.leave_vendor_out else ""),
        count,
        time.monotonic() - started,
        args.worst,
    )
    print(text_, end="")
    for miss in score.misses:
        if miss.field in args.misses:
            print(f"MISS {miss.field} {miss.device}: want {miss.expected!r} got {miss.got!r}")
    if not args.no_write and not args.only and not args.limit:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        (RESULTS_LOVO if args.leave_vendor_out else RESULTS).write_text(text_)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
