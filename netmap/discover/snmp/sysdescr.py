"""sysDescr parsing: OS banners, key-value banners and short "<model> <version>" strings.

The banner rules and product-family makers are data, in `data/sysdescr-rules.toml`; the code
here is what every banner shares (OS names, architectures, model and version words)."""

from __future__ import annotations

import re
import tomllib
from typing import Any, cast, get_args

from netmap.discover.snmp.candidates import (
    R_DESCR,
    R_DESCR_STRONG,
    R_FALLBACK,
    R_WEAK,
    Candidates,
    Field_,
)
from netmap.discover.snmp.datafiles import data_text, each_row
from netmap.discover.snmp.enterprises import brand_in_text, enterprise_of, registrant_of

# ---------------------------------------------------------------------------------------------
# sysDescr parsing
# ---------------------------------------------------------------------------------------------

_VERSION_TOKEN = r"v?(\d+(?:[._]\d+)+[\w.\-()]*)"

_RANKS = {"strong": R_DESCR_STRONG, "descr": R_DESCR, "weak": R_WEAK}


def _rank(name: str) -> int:
    """"strong", "descr" or "weak", optionally "+N" (N steps lower)."""
    base, _, step = name.partition("+")
    return _RANKS[base] + int(step or 0)


# A rule: (regex, field, rank, its evidence label if the file names one, the enterprise numbers
# of the makers it was written for); a family: (regex, maker, those numbers). The numbers let
# leave-one-vendor-out measurement drop what was written for a device's own maker.
DescrRule = tuple[re.Pattern[str], Field_, int, str | None, frozenset[int]]
FamilyRule = tuple[re.Pattern[str], str, frozenset[int]]


def load_rules(text: str | None = None) -> tuple[list[DescrRule], list[FamilyRule]]:
    """The banner rules and product-family makers of data/sysdescr-rules.toml (or `text`); a
    rule that does not load is skipped with a warning naming it."""
    data = tomllib.loads(data_text("sysdescr-rules.toml") if text is None else text)
    rules = each_row(enumerate(data.get("rule", []), 1), _descr_rule, "sysdescr-rules.toml rule")
    families = each_row(enumerate(data.get("family", []), 1), _family,
                        "sysdescr-rules.toml family")  # fmt: skip
    return rules, families


def _makers(row: dict[str, Any]) -> frozenset[int]:
    return frozenset(int(number) for number in row.get("enterprises", []))


def _descr_rule(rule: dict[str, Any]) -> DescrRule:
    if rule["field"] not in get_args(Field_):
        raise ValueError(f"field {rule['field']!r}")
    pattern = rule["pattern"].replace("<VERSION>", _VERSION_TOKEN)
    label = f"sysDescr: {rule['label']}" if rule.get("label") else None
    return (re.compile(pattern, re.IGNORECASE | re.DOTALL), cast(Field_, rule["field"]),
            _rank(rule["rank"]), label, _makers(rule))  # fmt: skip


def _family(family: dict[str, Any]) -> FamilyRule:
    flags = re.IGNORECASE if family.get("ignore_case") else 0
    return re.compile(family["pattern"], flags), str(family["vendor"]), _makers(family)


# The rules (the first match of each proposes its group 1) and the product families whose banner
# names no brand, the family name being the maker's own.
_DESCR_RULES, _FAMILY_BRANDS = load_rules()

_ARCH_NAMES = {
    "x86_64": "Generic x86 64-bit",
    "amd64": "Generic x86 64-bit",
    "i386": "Generic x86",
    "i486": "Generic x86",
    "i586": "Generic x86",
    "i686": "Generic x86",
    "aarch64": "Generic ARM 64-bit",
    "arm64": "Generic ARM 64-bit",
    "mips": "Generic MIPS",
    "mips64": "Generic MIPS 64-bit",
    "ppc": "Generic PowerPC",
    "ppc64": "Generic PowerPC 64-bit",
    "ppc64le": "Generic PowerPC 64-bit",
    "sparc64": "Generic SPARC 64-bit",
}

# The general-purpose Unixes whose `uname -a` banner leads sysDescr
UNIX_OS = r"Linux|FreeBSD|OpenBSD|NetBSD|DragonFly|SunOS|Darwin"

_OS_BANNER = re.compile(
    rf"^(?:{UNIX_OS}|Hardware:|Cisco|Juniper|Microsoft|Windows|VxWorks|HP-UX|AIX|IBM)\b",
    re.IGNORECASE,
)

# "Windows Version 6.1 (Build 7601 ...)"; Windows 2000-era agents name the product first
# ("Software: Windows 2000 Version 5.1 (Build 2600 Uniprocessor Free)")
_WINDOWS_RE = re.compile(r"Windows(?: [\w.]+){0,3}? Version (\d+)\.(\d+) \(Build (\d+)", re.IGNORECASE)
_WINDOWS_HW_RE = re.compile(r"Hardware: (Intel64|AMD64|x86|EM64T|ARM64)\b", re.IGNORECASE)


def windows_version(descr: str, sys_object_id: str | None) -> str | None:
    """ "7 (NT 6.1)" / "Server 2019 (NT 10.0)" from a Windows sysDescr; the sysObjectID says
    workstation (311.1.1.3.1.1) or server (311.1.1.3.1.2 / .3 domain controller)."""
    match = _WINDOWS_RE.search(descr)
    if not match:
        return None
    major, minor, build = int(match.group(1)), int(match.group(2)), int(match.group(3))
    server = bool(sys_object_id and re.search(r"\.311\.1\.1\.3\.1\.[23]$", sys_object_id))
    if build >= 10240:  # Windows 10 / Server 2016 and later still report "Version 6.3"
        major, minor = 10, 0
    nt = f"{major}.{minor}"
    names_ws = {
        "5.0": "2000",
        "5.1": "XP",
        "5.2": "XP x64",
        "6.0": "Vista",
        "6.1": "7",
        "6.2": "8",
        "6.3": "8.1",
    }
    names_srv = {
        "5.0": "2000 Server",
        "5.2": "Server 2003",
        "6.0": "Server 2008",
        "6.1": "Server 2008 R2",
        "6.2": "Server 2012",
        "6.3": "Server 2012 R2",
    }
    if nt == "10.0":
        if server:
            name = "Server 2016"
            for first, label in (
                (17763, "Server 2019"),
                (20348, "Server 2022"),
                (26100, "Server 2025"),
            ):
                if build >= first:
                    name = label
        else:
            name = "11" if build >= 22000 else "10"
    else:
        name = (names_srv if server else names_ws).get(nt, f"NT {nt}")
    service_pack = {6001: " SP1", 6002: " SP2", 7601: " SP1"}.get(build, "")
    return f"{name}{service_pack} (NT {nt})"


_KEYED_BANNER = re.compile(r"^([^,;:()]{3,40}?)[\s;,]+(?:SW|FW|HW|SN|S/N)\s?:")
# A "Hardware: <machine>. Software: <os>" banner (FreeNAS/TrueNAS, like Windows's "Hardware: ...
# - Software: ..."): the machine clause describes the hardware.
_HARDWARE_CLAUSE = re.compile(r"\bHardware: (.{3,100}?)[.\s-]+Software:", re.IGNORECASE)
# The uname banner of a Unix ends with the machine (uname -m); the BSD-based firewalls put their
# own name first ("OPNsense fw 18.1.1 OPNsense FreeBSD 11.1-RELEASE-p6 amd64").
_UNIX_BANNER = re.compile(r"^(?:Linux|\w*BSD|DragonFly|OPNsense|pfSense)\b.*\s(\S+)$", re.I)


UNAME_MACHINE = "sysDescr: uname machine"
# the kernel release of a `uname -a` banner (the rule labelled so in sysdescr-rules.toml)
UNAME_RELEASE = "sysDescr: uname kernel release"


def _unix_machine(descr: str) -> str | None:
    """ "Generic x86 64-bit (amd64)": the architecture of a Unix uname banner, the raw
    machine name kept, since a vendor reading the inventory searches for it."""
    match = _UNIX_BANNER.match(descr)
    if not match or match.group(1) not in _ARCH_NAMES:
        return None
    generic, machine = _ARCH_NAMES[match.group(1)], match.group(1)
    return generic if machine.lower() in generic.lower() else f"{generic} ({machine})"


def _windows_hardware(descr: str) -> str | None:
    match = _WINDOWS_HW_RE.search(descr)
    if not match:
        return None
    arch = match.group(1).lower()
    return {
        "intel64": "Intel x64",
        "amd64": "AMD x64",
        "em64t": "Intel x64",
        "x86": "Intel x86",
        "arm64": "ARM x64",
    }[arch]


# "SiteBoss 550 2.11.280 STD", "OAP-321 10.12.0147 / 15.11.2017 ...", "CMC-TC SN 07627 HW V3.20":
# a banner's model ends at its first dotted release ("6.6.4.177.R01", "(V1.55.126"), whatever
# follows it, or at a serial / hardware / software key
_MODEL_END = re.compile(r"\(?[vV]?\d+(?:\.\d+){1,3}(?:[.\-_]\w+)?|(?:SN|S/N|HW|SW|FW)[:#]?")
# trailing version tokens: "2.2w", "v2", "Ver0070", "(build 7)"
_VERSION_WORD = re.compile(r"v?\d+(?:[._]\d+)+[\w.\-()]*|v(?:er)?\d+\w*|\(.*\)", re.I)


def _short_banner_model(descr: str, family: bool = False, maker: str | None = None) -> str | None:
    """The model named by a short one-line banner: "Alta AP6 2.2w" -> "Alta AP6",
    "US-8, 5.76.7.13442, Linux 3.6.5" -> "US-8". Long or OS banners name no model. Words without
    a digit ("Meraki MS") name a product family: only returned when `family` is asked for."""
    first = re.split(r"[,;]", descr)[0].strip()
    if len(first) > 64 or _OS_BANNER.match(first) or "\n" in descr[:64]:
        return None
    if _unix_machine(first):  # "OPNsense fw 22.1 OPNsense FreeBSD 13.0 amd64": a uname banner
        return None
    if re.search(r"snmp", first, re.IGNORECASE):
        return None  # "FluidFS SnmpService SnmpV2c", "SNMP Smart II Card": the agent, not a model
    # "ESPHome version 2024.12.2 compiled ...", "Mimosa B5c Firmware": the model ends before
    # the words that introduce the software
    first = re.split(
        r"\s+-?\s*(?:version|firmware|software|compiled|build|release)\b",
        first,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0].strip(" -")
    words = first.split()
    end = next((i for i, word in enumerate(words) if _MODEL_END.fullmatch(word)), 0)
    if end > 0:
        words = words[:end]
    while words and _VERSION_WORD.fullmatch(words[-1]):
        words.pop()  # trailing version tokens are not part of the model
    if not words or (not family and not _has_model_number(words)):
        return None  # "Barracuda Spam Firewall": a product family, not a model
    if family and not _family_name(words, maker):
        return None
    return " ".join(words)


def _has_model_number(words: list[str]) -> bool:
    """A digit in a word that is not a brand: "H3C Comware Platform" names no model, as the 3 is
    H3C's (likewise 3Com, F5, A10); "H3C S5560" does."""
    return any(ch.isdigit() for word in words if brand_in_text(word) is None for ch in word)


def _family_name(words: list[str], maker: str | None) -> bool:
    """ "Meraki MS", "Barracuda Load Balancer", "Cambium ePMP": a known brand, then at most three
    words that are not an OS or a placeholder ("Hikvision company products", "Ericsson IPOS").
    The sysObjectID vendor's own name ("Last Mile Gear CTM") or a CamelCase product word
    ("EdgeRouter Lite") starts a family name as well as a brand does."""
    if not 2 <= len(words) <= 4:
        return False
    maker_words = maker.casefold().split() if maker else []
    starts_with_maker = (
        bool(maker_words)
        and [w.casefold() for w in words[: len(maker_words)]] == maker_words
        and len(words) > len(maker_words)
    )
    product_word = re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]+", words[0]) is not None
    if brand_in_text(words[0]) is None and not starts_with_maker and not product_word:
        return False
    return not re.search(r"\b(?:\w*OS|products?|software|agent|uninitiali[sz]ed)$", words[-1], re.I)


_MODEL_TOKEN = re.compile(
    r"(?<![\w.\-/])([A-Z][A-Z0-9]*(?:[\-+][A-Z0-9+]+)*\d[A-Z0-9\-+]*)(?![\w.\-/])"
)
_NOT_MODELS = re.compile(
    r"^(?:V?\d+(?:\.\d+)*|[A-Z]{1,2}\d|X86_64|AMD64|I\d86|SMP|UTC|CEST|CET|PST|EST|IPV[46]|SNMPV\d|"
    r"HTTP\d*|L[23]|\d+[GMK]|POE\+?|SFP\+?|10G|RJ45|PREEMPT|GNU|"
    r"V\d{3}R\d{3}\w*)$"  # Huawei / H3C release names ("V100R011C00SPC200") are versions
)


def _model_token(descr: str) -> str | None:
    """The first token shaped like a product code ("G3G124-24P", "C600HC", "WLC880R")."""
    for match in _MODEL_TOKEN.finditer(descr):
        token = match.group(1)
        if len(token) >= 4 and not _NOT_MODELS.match(token.upper()) and re.search(r"[A-Z]", token):
            return token
    return None


# `uname -a` banners: the second word is the host name, when a release follows it ("Linux endian"
# without one names a product)
_UNAME_HOST = re.compile(rf"^({UNIX_OS})\s+\S+(?=\s+\d+\.\d)", re.IGNORECASE)


def without_host_name(descr: str | None) -> str | None:
    """A `uname -a` banner minus the host name someone chose ("Linux wap-study 3.10.108 ... mips"
    names neither a model nor an access point); any other banner unchanged."""
    return _UNAME_HOST.sub(r"\1", descr, count=1) if descr else descr


def _readable(pattern: re.Pattern[str]) -> str:
    """A rule's pattern as the banner shape it matches, for evidence lines: the captured part is
    "…", alternatives show their first choice, regex syntax goes ("Cisco IOS … Version …")."""
    text = pattern.pattern
    for _ in range(8):  # innermost groups first; nesting is shallow
        text = re.sub(r"\((?!\?:)[^()]*\)", "\u2026", text)  # capture groups
        text = re.sub(r"\(\?:([^()|]*)(?:\|[^()]*)?\)[?*+]?", r"\1", text)  # (?:a|b) -> a
    text = re.sub(r"\\[bBAZ]|[\^$]|\(\?[a-z]+\)", "", text)
    text = re.sub(r"\\s[*+]?|\[\\s[^\]]*\][*+]?", " ", text)
    text = re.sub(r"\.\*\??|\\S[*+]\??|\[[^\]]*\][*+{][^ ]*|\\[dw][*+{][^ ]*", "\u2026", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"[?*+()\[\]]|\{\d*,?\d*\}", "", text)
    text = re.sub("\u2026+", "\u2026", re.sub(r"\s+", " ", text)).strip(" .,;:")
    if not re.search(r"[A-Za-z]{2}", text):
        return "number pattern"
    return f'"{text[:60]}"'


_SOPHOS_KERNEL = re.compile(r"^[\d\-.]{1,19}\.g[0-9a-f]{7}(?:\.|-smp64)")


def _kernel_brand(release: str) -> str | None:
    """Appliance vendors tag the kernels they build ("4.15.0-72-rubrik6-generic"): a brand
    among the dash-separated parts of the release, with the vendor's build number dropped. Only
    whole parts of five letters or more: short ones ("alta", "ti") are board or project tags.
    Sophos UTM tags its kernels with a git hash and "-smp64" ("3.12.74-0.327535988.gc5bb1a9-smp64",
    the rule LibreNMS detects Sophos UTM by)."""
    if _SOPHOS_KERNEL.search(release):
        return "Sophos"
    for part in release.split("-")[1:]:
        word = re.sub(r"\d+$", "", part)
        # a keyword must span an alphabetic word whole (brand_in_text matches whole words)
        brand = brand_in_text(word) if len(word) >= 5 and word.isalpha() else None
        if brand:
            return brand
    return None


def parse_sys_descr(descr: str | None, sys_object_id: str | None, found: Candidates) -> None:
    """Add every field a sysDescr banner reveals to `found`."""
    if not descr:
        return
    one_line = re.sub(r"\s+", " ", descr).strip()
    win = windows_version(one_line, sys_object_id)
    if win:
        found.add("os_version", R_DESCR_STRONG, win, "sysDescr: Windows build")
        # the architecture as LibreNMS's Windows class names it: above the raw CPU text its
        # definition's sysDescr pattern captures, below any object that names the machine
        found.add("model", R_DESCR, _windows_hardware(one_line), "sysDescr: Windows hardware")
        found.add("vendor", R_DESCR, "Microsoft", "sysDescr: Windows")
        return
    # "..., SNMP V1.0", "SNMPv2c agent": the version of the agent's protocol, not of the device;
    without_snmp = re.sub(r"\bSNMP\s*v?\d+(?:\.\d+)*\w*", "SNMP", one_line, flags=re.IGNORECASE)
    # nor is a Linux uname banner's host name ("Linux 10.40.254.74 2.6.33"); the BSD rules read
    # the release after the host themselves
    linux = without_snmp[:5].casefold() == "linux"
    release_text = (without_host_name(without_snmp) or without_snmp) if linux else without_snmp
    for pattern, name, rank, label, _makers_of in _DESCR_RULES:
        match = pattern.search(release_text if name == "os_version" else one_line)
        if match:
            found.add(name, rank, match.group(1).strip(" ,;"),
                      label or f"sysDescr {_readable(pattern)}")
    _banner_models(one_line, sys_object_id, found)
    aix = re.search(r"AIX version: (\d+)\.(\d+)\.(\d+)\.(\d+)", one_line)
    if aix:  # "06.01.0009.0300" is AIX 6.1.9.300
        found.add(
            "os_version",
            R_DESCR_STRONG - 1,
            ".".join(str(int(p)) for p in aix.groups()),
            "sysDescr: AIX version",
        )
    _banner_vendors(one_line, found)


def _banner_models(one_line: str, sys_object_id: str | None, found: Candidates) -> None:
    """The model rules beyond the rule table: machine names, short and keyed banners."""
    found.add("model", R_FALLBACK + 5, _unix_machine(one_line), UNAME_MACHINE)
    hardware = _HARDWARE_CLAUSE.search(one_line)
    if hardware:  # FreeNAS: "... Hardware: amd64 Intel(R) Core(TM) i5 ... Software: FreeBSD ..."
        found.add("model", R_FALLBACK + 1, hardware.group(1), "sysDescr: Hardware: clause")
    if without_host_name(one_line) == one_line:  # "Linux ABCD111SA2 4.15.0": a host, no model
        found.add("model", R_FALLBACK, _short_banner_model(one_line), "sysDescr: short banner")
        # the product family, when nothing at all names the model (below the registered name)
        maker = registrant_of(enterprise_of(sys_object_id))
        found.add(
            "model", R_FALLBACK + 12, _short_banner_model(one_line, True, maker),
            "sysDescr: product family banner",
        )
        found.add("model", R_FALLBACK + 2, _model_token(one_line), "sysDescr: model-like token")
    keyed = _KEYED_BANNER.match(one_line)
    if keyed and any(ch.isdigit() for ch in keyed.group(1)):
        # "6500 7-SLOT OPTICAL SW:1271 BN:AH": the product before the banner's first key
        # "Router model RS123w-4G S/N: ...": the model after the word "model"
        product = re.sub(r"^(?:\w+\s+)?model:?\s+", "", keyed.group(1), flags=re.I)
        found.add("model", R_DESCR + 5, product, "sysDescr: product before SW:/HW:/SN:")
    machine = re.match(r"^(IBM [\w ]+?) Machine Type: (0x[0-9a-f]+)\b", one_line, re.I)
    if machine:  # AIX: "IBM PowerPC CHRP Computer\nMachine Type: 0x0800004c Processor id: ..."
        found.add(
            "model",
            R_FALLBACK + 3,
            f"{machine.group(1)} (machine type {machine.group(2)})",
            "sysDescr: AIX hardware line",
        )


def _banner_vendors(one_line: str, found: Candidates) -> None:
    """A kernel build tag, a brand name, or a product family whose name is its maker's."""
    linux = re.match(r"^Linux \S+ (\S+) ", one_line)
    if linux:
        found.add("vendor", R_WEAK + 2, _kernel_brand(linux.group(1)), "sysDescr: kernel build tag")
    found.add("vendor", R_WEAK, brand_in_text(one_line), "sysDescr: brand name")
    family = next((vendor for pattern, vendor, _numbers in _FAMILY_BRANDS
                   if pattern.search(one_line)), None)
    found.add("vendor", R_WEAK + 1, family, f"sysDescr: {family} product family")
