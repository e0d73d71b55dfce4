"""IANA Private Enterprise Numbers (1.3.6.1.4.1.N) of network / IT vendors, as brand names.

The sysObjectID of an agent is `1.3.6.1.4.1.<N>.<product...>`; N names the organisation that
registered the product, which is the device vendor for most agents. The names below are the
brand a network engineer would write in an inventory (the IANA registrant, renamed to its
current brand where a product line changed owners, e.g. Compaq -> HPE, Foundry -> Ruckus).

`GENERIC_ENTERPRISES` are agent toolkits and OEM reference platforms: their number says which SNMP
agent or switch SDK the device runs, not who made it, so identification must look elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from netmap.discover.snmp.datafiles import tsv_rows

ENTERPRISES: dict[int, str] = {
    2: "IBM",
    5: "ACC",
    9: "Cisco",
    11: "HP",
    18: "Nortel",  # Wellfleet
    23: "Novell",
    36: "DEC",
    42: "Oracle",  # Sun Microsystems
    43: "3Com",
    45: "Extreme Networks",  # SynOptics / Nortel / Avaya Ethernet Routing Switch line
    63: "Apple",
    94: "Nokia",
    111: "Oracle",
    116: "Hitachi",
    119: "NEC",
    122: "Sony",
    161: "Motorola",
    164: "RAD",
    171: "D-Link",
    177: "Ribbon",  # Network Equipment Technologies -> Sonus -> Ribbon
    186: "Toshiba",
    193: "Ericsson",
    207: "Allied Telesis",
    211: "Fujitsu",
    231: "Fujitsu",  # Fujitsu Technology Solutions (Siemens Nixdorf)
    232: "HPE",  # Compaq
    236: "Samsung",
    244: "Lantronix",
    248: "Hirschmann",
    253: "Xerox",
    258: "Panasonic",
    259: "Edgecore",  # Accton
    266: "Nexans",
    272: "Bintec",
    289: "Brocade",  # McDATA
    297: "Fuji Xerox",
    311: "Microsoft",
    318: "APC",  # American Power Conversion (Schneider Electric)
    326: "Fore Systems",
    332: "Digi",
    343: "Intel",
    351: "Stratacom",
    367: "Ricoh",
    368: "Axis",
    388: "Zebra",  # Symbol Technologies
    393: "Symantec",
    429: "UTStarcom",
    436: "Extreme Networks",  # Cabletron
    476: "Vertiv",  # Liebert
    485: "Siemens",
    494: "Madge",
    519: "Bay Networks",
    534: "Eaton",  # Powerware / Exide Electronics
    562: "Ciena",  # Nortel optical
    572: "Ericsson-LG",
    601: "Microsemi",  # Datum / Symmetricom
    629: "MRV",
    637: "Alcatel-Lucent",
    641: "Lexmark",
    664: "Adtran",
    674: "Dell",
    705: "MGE UPS Systems",
    738: "Telco Systems",
    789: "NetApp",
    800: "Alcatel-Lucent",
    818: "GE",
    832: "Xplex",
    838: "Xerox",
    850: "Tripp Lite",
    869: "Ricoh",
    885: "Emerson",
    890: "ZyXEL",
    901: "ITWatchDogs",
    903: "Radvision",
    935: "Megatec",  # UPS SNMP cards sold under many brands
    994: "Dantel",
    1004: "Bosch",
    1038: "Sagemcom",
    1129: "Toshiba TEC",
    1139: "Dell EMC",  # EMC
    1166: "Motorola",  # General Instrument
    1181: "Eaton",  # Cutler-Hammer
    1229: "SEH",
    1230: "McAfee",
    1248: "Epson",
    1271: "Ciena",
    1347: "Kyocera",
    1369: "Forcepoint",  # Stonesoft
    1385: "Montclair",
    1418: "Dataprobe",
    1429: "Cisco",  # Scientific Atlanta
    1452: "Dell",  # Quest
    1536: "Sangoma",
    1588: "Brocade",
    1602: "Canon",
    1663: "Fujitsu",
    1714: "Infortrend",
    1718: "Server Technology",
    1732: "Open Access",
    1751: "Lucent",
    1768: "Patton",
    1795: "Fujitsu",
    1872: "Radware",  # Alteon WebSystems
    1916: "Extreme Networks",
    1918: "Eaton",  # Invensys / Eaton SC controllers
    1981: "Dell EMC",
    1991: "Ruckus",  # Foundry Networks -> Brocade -> Ruckus / CommScope
    2001: "Oki",
    2007: "Teldat",
    2011: "Huawei",
    2076: "Eltex",
    2082: "Konica Minolta",
    2093: "Siemens",
    2136: "Fujitsu",
    2162: "Lucent",
    2254: "Delta",
    2272: "Nortel",  # Rapid City / Passport
    2281: "Ceragon",
    2352: "Ericsson",  # Redback Networks
    2356: "LANCOM",
    2385: "Sharp",
    2435: "Brother",
    2440: "EfficientIP",
    2467: "Arris",
    2468: "Sony",
    2509: "Aviat",
    2544: "Adva",
    2566: "Rohde & Schwarz",
    2590: "Ricoh",
    2604: "Sophos",
    2606: "Rittal",
    2620: "Check Point",
    2634: "WTI",
    2636: "Juniper",
    2682: "DPS Telecom",
    2699: "Printer Working Group",
    2863: "Technicolor",  # Thomson
    2879: "Ribbon",  # Sonus
    2882: "Comtrol",
    2925: "Cyclades",
    3003: "Tandberg",
    3073: "Tandberg Data",  # Exabyte, acquired by Tandberg Data (tape libraries)
    3052: "Asentria",
    3076: "Cisco",  # Altiga (ASA VPN concentrators)
    3097: "WatchGuard",
    3181: "Microsens",
    3224: "Juniper",  # NetScreen
    3278: "Lantronix",
    3309: "Nomadix",
    3320: "BDCOM",
    3323: "MNI",
    3373: "SIAE Microelettronica",
    3375: "F5",
    3382: "Venturi Wireless",
    3417: "Blue Coat",
    3570: "Tait",
    3652: "Pandacom",
    3699: "NTI",
    3709: "Datacom",
    3711: "Panduit",
    3715: "Teleste",
    3764: "Riverstone",
    3808: "CyberPower",
    3833: "Schneider Electric",
    3854: "Polycom",
    3902: "ZTE",
    3955: "Linksys",
    3996: "Open Systems",
    4115: "Arris",
    4130: "GE MDS",
    4329: "Siemens",
    4458: "RADWIN",
    4467: "FibroLAN",
    4526: "Netgear",
    4555: "Socomec",
    4686: "Sangoma",
    4881: "Ruijie",
    4981: "Arris",
    5003: "AudioCodes",
    5040: "Wiesemann & Theis",
    5205: "Draytek",
    5504: "Zhone",
    5528: "NetBotz",  # APC / Schneider Electric
    5567: "Riverbed",
    5596: "Cisco",  # Tandberg (TelePresence)
    5597: "Meinberg",
    5624: "Extreme Networks",  # Enterasys
    5651: "Maipu",
    5771: "Cisco",  # Cisco Small Business (Linksys)
    5813: "Allied Telesis",
    5833: "Tailyn",
    5875: "FiberHome",
    5951: "Citrix",  # NetScaler
    6027: "Dell",  # Force10 Networks
    6066: "Calix",  # Occam Networks
    6141: "Ciena",  # World Wide Packets
    6321: "Calix",
    6339: "DCN",  # Digital China Networks
    6431: "Cisco",  # BroadSoft
    6486: "Alcatel-Lucent",  # Alcatel-Lucent Enterprise
    6527: "Nokia",  # Timetra (7750 SR)
    6574: "Synology",
    6876: "VMware",
    6889: "Avaya",
    7244: "Quanta",
    7262: "DragonWave",
    7309: "Alpha Technologies",
    7312: "Barco",
    7342: "Fujitsu",
    7465: "WISI",
    7483: "Nokia",  # Alcatel-Lucent optical
    7501: "BKtel",
    7571: "SAF Tehnika",
    7779: "Infoblox",
    7800: "Ubiquoss",
    8072: "Net-SNMP",
    8550: "Overture",
    8691: "Moxa",
    8741: "SonicWall",
    8886: "Raisecom",
    8962: "McAfee",  # Network Associates IntruShield
    9070: "Symmetricom",
    9148: "Oracle",  # Acme Packet
    9303: "Printronix",
    9839: "Carel",  # pCOWeb controllers
    9926: "Genie Networks",
    10002: "Ligowave",
    10418: "Vertiv",  # Avocent
    10456: "Planet",
    10704: "Barracuda",
    11096: "Mitel",
    11606: "PBN",
    11863: "TP-Link",
    11898: "Proxim",
    12114: "Tandberg Data",
    12124: "Dell EMC",  # Isilon
    12148: "Eltek",
    12276: "F5",
    12325: "FreeBSD bsnmpd",  # Fraunhofer FOKUS "begemot": bsnmpd on pfSense / OPNsense / FreeBSD
    12356: "Fortinet",
    12394: "Alvarion",
    12551: "CET Power",
    12740: "Dell",  # EqualLogic
    13400: "Vertiv",
    13464: "FS",  # Fiberstore
    13742: "Raritan",
    13827: "EndRun",
    13891: "Sinetica",
    14179: "Cisco",  # Airespace wireless controllers
    14358: "Airconsole",
    14525: "Juniper",  # Trapeze Networks
    14823: "Aruba",  # Aruba Networks (HPE)
    14988: "MikroTik",
    15117: "West Mountain Radio",
    15397: "Procera",
    15497: "Cisco",  # IronPort
    15983: "Fortinet",  # Meru Networks
    16174: "Sensatronics",
    16885: "Nortel",
    16972: "TP-Link",
    17095: "Controlbox",
    17163: "Riverbed",
    17373: "ITWatchDogs",
    17409: "Glass Way",
    17420: "Digipower",
    17713: "Cambium",
    18334: "Konica Minolta",
    18837: "Orolia",
    19011: "Jacarta",
    19046: "Lenovo",
    19536: "Supermicro",
    19746: "Dell EMC",  # Data Domain
    20044: "Ekinops",
    20301: "Lenovo",  # IBM BladeCenter / Blade Network Technologies
    20540: "Red Lion",
    20884: "BDT",
    20916: "AVTECH",
    21067: "Sophos",  # Cyberoam
    21239: "Vertiv",  # Geist
    21362: "Ifotec",
    21695: "E3 Meter",
    21796: "HW group",
    22408: "PrimeKey",
    22610: "A10 Networks",
    22626: "Comet System",
    23128: "McAfee",
    23180: "Televes",
    23263: "HAProxy",
    23695: "Peplink",
    23867: "Silver Peak",
    24575: "Tranzeo",
    24681: "QNAP",
    6894: "DDN",
    24693: "FireBrick",
    25049: "Opengear",
    25053: "Ruckus",
    25071: "Teradici",
    25461: "Palo Alto Networks",
    25506: "H3C",
    25597: "Trellix",  # FireEye
    25728: "NetPing",
    25868: "Last Mile Gear",
    26122: "Zenitel",
    26381: "Hytera",
    26543: "Lenovo",  # IBM System Networking (Blade Network Technologies)
    26928: "Extreme Networks",  # Aerohive
    27304: "DKT",
    27514: "QTECH",
    27533: "BKE",
    27662: "Peplink",  # Pepwave
    27993: "Vigintos",
    28087: "Albentia",
    28194: "Exterity",
    28402: "Conteg",
    28507: "Gude",
    28533: "Ciena",  # Cyan
    28557: "Hillstone",
    29003: "Fibernet",
    29671: "Cisco",  # Meraki
    29865: "Icotera",
    30005: "BTI",
    30065: "Arista",
    30155: "OpenBSD",
    30320: "Exeltech",
    30631: "Terra",
    30803: "Vyatta",
    30826: "Smartoptics",
    30966: "FS",
    31034: "Schleifenbauer",
    31440: "EDS",
    31496: "NetModule",
    31926: "Siklu",
    32015: "ExtraHop",
    32050: "Packetflux",
    32285: "Topvision",
    32620: "Keysight",  # Anue Systems -> Ixia -> Keysight
    33118: "Himoinsa",
    33333: "Morningstar",
    33688: "Packet Power",
    34278: "Janitza",
    34652: "Volius",
    34861: "Rajant",
    35265: "Eltex",
    35847: "Greenbone",
    36849: "Hanwha",
    37447: "HPE",  # Nimble Storage
    37662: "Bypass Power",
    37950: "V-Solution",
    38446: "Enlogic",
    38516: "Allworx",
    38595: "Zmtel",
    38783: "Teracom",
    39003: "Sub10 Systems",
    39145: "ICT",
    39165: "Microsemi",
    39324: "OSNEXUS",
    39406: "Benu Networks",
    40310: "Cumulus Networks",
    40418: "SNR",
    40482: "Pure Storage",
    40614: "East",
    40748: "IONODES",
    41112: "Ubiquiti",
    41809: "Himoinsa",
    41916: "Cisco",  # Viptela
    42229: "Infinera",  # Coriant
    42359: "Versa Networks",
    42397: "Grandstream",
    42610: "PowerTek",
    43191: "Arista",  # Metamako
    43296: "Cisco",  # Exablaze
    43356: "Mimosa",
    44641: "Ubiquiti",
    45346: "VMware",  # VeloCloud
    45621: "Tycon Systems",
    46330: "Vubiq",
    47196: "HPE",  # Aruba CX
    47307: "IgniteNet",
    48690: "Teltonika",
    49136: "ALGcom",
    50001: "Hikvision",
    50536: "iXsystems",  # TrueNAS
    52326: "Alpine OptoElectronics",
    52642: "FS",  # Fiberstore (Ruijie OEM)
    52674: "Schneider Electric",  # NetBotz
    53058: "Baicells",
    53973: "ABB",
    54743: "NVT Phybridge",
    56166: "SmartByte",
    57344: "Tachyon Networks",
    59732: "Skyhigh Security",
    1004849: "Dahua",
}

# Agent toolkits / OEM platforms: the number names the software or chip, not the vendor.
GENERIC_ENTERPRISES: frozenset[int] = frozenset(
    {
        0,
        3,  # CMU SNMP
        99,  # SNMP Research agents, embedded in many products
        2021,  # UCD-SNMP
        2238,  # the FreeBSD Project: the OS's own agent, on any hardware
        21111,  # an OEM UPS network-card MIB answered by many UPS brands (Orvaldi, PowerWalker)
        4413,  # Broadcom FASTPATH / SDK reference agents (EdgeSwitch, Quanta, Aerohive...)
        8072,  # Net-SNMP
        12325,  # FreeBSD bsnmpd (begemot)
        9999999,
    }
)

# Brand words that name a vendor when they appear in sysDescr / entPhysicalMfgName; used when the
# sysObjectID enterprise is generic. Lower-case keyword -> vendor. Whole-word matches only.
BRAND_KEYWORDS: dict[str, str] = {
    "cisco": "Cisco",
    "catalyst": "Cisco",
    "meraki": "Cisco",
    "juniper": "Juniper",
    "junos": "Juniper",
    "mikrotik": "MikroTik",
    "routeros": "MikroTik",
    "ubiquiti": "Ubiquiti",
    "unifi": "Ubiquiti",
    "edgeos": "Ubiquiti",
    "edgeswitch": "Ubiquiti",
    "synology": "Synology",
    "diskstation": "Synology",
    "rackstation": "Synology",
    "qnap": "QNAP",
    "fortinet": "Fortinet",
    "fortigate": "Fortinet",
    "palo alto": "Palo Alto Networks",
    "netgear": "Netgear",
    "readynas": "Netgear",
    "zyxel": "ZyXEL",
    "tp-link": "TP-Link",
    "huawei": "Huawei",
    "brocade": "Brocade",
    "ruckus": "Ruckus",
    "aruba": "Aruba",
    "arubaos": "Aruba",
    "procurve": "HP",
    "hewlett-packard": "HP",
    "hewlett packard": "HP",
    "hpe": "HPE",
    "jetdirect": "HP",
    "laserjet": "HP",
    "officejet": "HP",
    "dell": "Dell",
    "powerconnect": "Dell",
    "idrac": "Dell",
    "eaton": "Eaton",
    "powerware": "Eaton",
    "apc": "APC",
    "american power conversion": "APC",
    "schneider": "Schneider Electric",
    "netbotz": "Schneider Electric",
    "vertiv": "Vertiv",
    "liebert": "Vertiv",
    "cyberpower": "CyberPower",
    "tripp lite": "Tripp Lite",
    "extreme": "Extreme Networks",
    "enterasys": "Extreme Networks",
    "aerohive": "Extreme Networks",
    "avaya": "Avaya",
    "alcatel": "Alcatel-Lucent",
    "alcatel-lucent": "Alcatel-Lucent",
    "nokia": "Nokia",
    "arista": "Arista",
    "sonicwall": "SonicWall",
    "watchguard": "WatchGuard",
    "sophos": "Sophos",
    "barracuda": "Barracuda",
    "check point": "Check Point",
    "checkpoint": "Check Point",
    "netgate": "Netgate",
    "pfsense": "Netgate",
    "opnsense": "Deciso",
    "m0n0wall": "m0n0wall",
    "teltonika": "Teltonika",
    "draytek": "Draytek",
    "lancom": "LANCOM",
    "cambium": "Cambium",
    "mimosa": "Mimosa",
    "grandstream": "Grandstream",
    "yealink": "Yealink",
    "polycom": "Polycom",
    "snom": "Snom",
    "axis": "Axis",
    "hikvision": "Hikvision",
    "dahua": "Dahua",
    "illustra": "Illustra",
    "brother": "Brother",
    "canon": "Canon",
    "epson": "Epson",
    "kyocera": "Kyocera",
    "lexmark": "Lexmark",
    "ricoh": "Ricoh",
    "xerox": "Xerox",
    "sharp": "Sharp",
    "konica": "Konica Minolta",
    "samsung": "Samsung",
    "oki": "Oki",
    "microsoft": "Microsoft",
    "windows": "Microsoft",
    "apple": "Apple",
    "airport": "Apple",
    "darwin": "Apple",
    "vmware": "VMware",
    "esxi": "VMware",
    "velocloud": "VMware",
    "supermicro": "Supermicro",
    "lenovo": "Lenovo",
    "ibm": "IBM",
    "oracle": "Oracle",
    "solaris": "Oracle",
    "sunos": "Oracle",
    "d-link": "D-Link",
    "linksys": "Linksys",
    "avocent": "Vertiv",
    "raritan": "Raritan",
    "opengear": "Opengear",
    "lantronix": "Lantronix",
    "moxa": "Moxa",
    "siemens": "Siemens",
    "scalance": "Siemens",
    "hirschmann": "Hirschmann",
    "allied telesis": "Allied Telesis",
    "zte": "ZTE",
    "ruijie": "Ruijie",
    "h3c": "H3C",
    "quanta": "Quanta",
    "edgecore": "Edgecore",
    "cumulus": "Cumulus Networks",
    "infoblox": "Infoblox",
    "f5": "F5",
    "big-ip": "F5",
    "citrix": "Citrix",
    "netscaler": "Citrix",
    "riverbed": "Riverbed",
    "a10": "A10 Networks",
    "peplink": "Peplink",
    "pepwave": "Peplink",
    "keenetic": "Keenetic",
    "deliberant": "Deliberant",
    "alta": "Alta Labs",
    "viprinet": "Viprinet",
    "phybridge": "NVT Phybridge",
    "stentofon": "Zenitel",
    "zenitel": "Zenitel",
    "alphacom": "Zenitel",
    "supermicro switch": "Supermicro",
    "superswitch": "Supermicro",
    "generex": "Generex",
    "netvanta": "Adtran",
    "adtran": "Adtran",
    "packetshaper": "Blue Coat",
    "esphome": "ESPHome",
    "truenas": "iXsystems",
    "freenas": "iXsystems",
    "unitrends": "Unitrends",
    "rubrik": "Rubrik",
    "baicells": "Baicells",
    "abb": "ABB",
    "digital loggers": "Digital Loggers",
    "tomato": "FreshTomato",
    "dd-wrt": "DD-WRT",
    "openwrt": "OpenWrt",
    "beaglebone": "BeagleBoard",
    "prestige": "ZyXEL",
    "velocloud edge": "VMware",
    "isilon": "Dell EMC",
    "onefs": "Dell EMC",
    "fluidfs": "Dell",
    "compellent": "Dell",
    "acano": "Acano",  # conferencing servers, a Cisco brand since 2016
    "halon": "Halon",
    "application control engine": "Cisco",  # Cisco ACE load balancers
    "lambdadriver": "MRV",  # MRV optical transport
}

_BRAND_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(k) for k in sorted(BRAND_KEYWORDS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def enterprise_of(sys_object_id: str | None) -> int | None:
    """The enterprise number N of a sysObjectID "1.3.6.1.4.1.N...", else None."""
    if not sys_object_id:
        return None
    parts = sys_object_id.strip().strip(".").split(".")
    if len(parts) >= 7 and parts[:6] == ["1", "3", "6", "1", "4", "1"] and parts[6].isdigit():
        return int(parts[6])
    return None


def vendor_of_enterprise(number: int | None) -> str | None:
    """Brand for a specific enterprise number; None for unknown or generic agent numbers."""
    if number is None or number in GENERIC_ENTERPRISES:
        return None
    return ENTERPRISES.get(number)


# Legal-form words that end a registrant name ("QNAP SYSTEMS, INC", "Sophos Plc"), dots removed.
_LEGAL_FORMS = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "lc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "sa", "sas", "sarl", "spa", "srl", "bv", "nv", "as", "asa", "ab", "oy", "oyj",
        "plc", "pty", "pvt", "private", "kg", "mbh", "kk", "sro", "sdn", "bhd", "pte", "lp", "llp",
        "ltda", "se",
    }
)


def _brand_of_registrant(registrant: str) -> str | None:
    """A brand from an IANA registrant: "Juniper Networks/Funk Software" -> "Juniper Networks",
    "QNAP SYSTEMS, INC" -> "QNAP Systems", "IBM (https://...)" -> "IBM"."""
    name = re.sub(r"\([^)]*\)?|https?://\S+", " ", registrant)
    name = re.sub(r"\b(A|a)/(S|s)\b", "AS", name)  # Danish "A/S" is a legal form, not a separator
    name = re.split(r"\s*[/;|]\s*|\s+-\s+|\s*,\s*(?:formerly|a division|d/?b/?a)\b", name)[0]
    words = name.replace(",", " ").split()
    while words and words[-1].replace(".", "").casefold() in _LEGAL_FORMS | {"&", "and"}:
        words.pop()
    name = " ".join(words).strip(" .,-&")
    if name.isupper():  # "QNAP SYSTEMS" -> "QNAP Systems": keep short acronyms
        name = " ".join(w if len(w) <= 4 else w.capitalize() for w in name.split())
    return name or None


@cache
def _registry() -> dict[int, str]:
    """The whole IANA enterprise registry (generated by tools/make_enterprises.py), as spelled by
    IANA; names are turned into brands only when looked up."""
    return {
        int(row[0]): "\t".join(row[1:])
        for row in tsv_rows("enterprise-numbers.tsv.gz")
        if row[0].isdigit()
    }


def registrant_of(number: int | None) -> str | None:
    """The IANA registrant of any enterprise number, as a brand; None for generic agent numbers.

    The curated `ENTERPRISES` names come first (current brands of renamed companies); the
    registry covers the tens of thousands of smaller vendors."""
    if number is None or number in GENERIC_ENTERPRISES:
        return None
    if number in ENTERPRISES:
        return ENTERPRISES[number]
    registrant = _registry().get(number)
    return _brand_of_registrant(registrant) if registrant else None


def brand_in_text(text: str | None) -> str | None:
    """The vendor named by the first brand keyword found in free text (sysDescr, mfg name)."""
    if not text:
        return None
    match = _BRAND_RE.search(text)
    return BRAND_KEYWORDS[match.group(1).lower()] if match else None


@cache
def _registrant_first_words() -> dict[str, str]:
    """The first word of every IANA registrant's brand, casefolded, with its spelling: the names
    makers go by."""
    words: dict[str, str] = {}
    for registrant in _registry().values():
        brand = _brand_of_registrant(registrant)
        if brand:
            words.setdefault(brand.split()[0].casefold(), brand.split()[0])
    return words


# Logos LibreNMS files an OS under that name no maker: its default icon, and a firmware project
_NOT_MAKERS = frozenset({"generic", "tomato"})


def maker_in_title(title: str | None, marks: Sequence[str] = ()) -> str | None:
    """The maker a product title leads with ("Ceragon CeraOS" -> "Ceragon"): a brand keyword
    anywhere in it, or else its first word when some IANA registrant's name begins with it, or
    else what the definition's `marks` (the logo and MIB folder it is filed under) name."""
    brand = brand_in_text(title)
    if brand or not title:
        return brand
    first = title.split()[0].strip(",.:;()")
    if len(first) >= 3 and any(ch.isalpha() for ch in first) \
            and first.casefold() in _registrant_first_words():
        return first
    return _maker_by_marks(title, marks)


def _squash(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", word.casefold())


def _maker_by_marks(title: str, marks: Sequence[str]) -> str | None:
    """A title word that is also the definition's logo or MIB folder ("BDCOM(tm) Software", logo
    `bdcom`), or the registrant a mark names ("SyncServer", logo `microsemi`). The logo can name
    a product too ("PanOS", logo `panos`): a title word alone counts only when it leads a title
    of several words."""
    ordered = [key for mark in marks if len(key := _squash(mark)) >= 3 and key not in _NOT_MAKERS]
    keys = set(ordered)
    if not keys:
        return None
    words = [re.sub(r"\((?:tm|r)\)|[^\w\-]", "", w, flags=re.IGNORECASE) for w in title.split()]
    words = [word for word in words if word]
    registrants = _registrant_first_words()
    for word in words:
        if _squash(word) in keys and _squash(word) in registrants:
            return word
    if len(words) >= 2 and _squash(words[0]) in keys:
        return words[0]
    for key in ordered:  # the logo before the MIB folder
        if len(key) >= 4 and key in registrants:
            return registrants[key]
    return None
