"""A device's maker and model from the hardware CPE that nmap's service detection names.

Where nmap's database recognises a banner as a device's own, its match line names the hardware
as a CPE: `cpe:/h:hp:color_laserjet_pro_m454dn` from an HP printer's web server header,
`cpe:/h:yealink:sip-t46u` from a phone's SIP User-Agent. nmap's maintainers keep those lines, so
a device that answers no SNMP still gets a model in the inventory.

A CPE is written in lower case with underscores for spaces. The model is therefore read back
from nmap's product text where the CPE's words appear in it ("HP Color LaserJet Pro M454dn
printer http config" gives "Color LaserJet Pro M454dn"), and the maker likewise from the
product's leading words ("D-Link" for `dlink`). Where the text does not hold them, the CPE's own
words are used, with a model's words that hold a digit in capitals ("DCS-932L"). A name with no
digit ("LaserJet") is a product line, not a model, and is left out.

Pure functions of the stored observation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from netmap.model import OsMatch, ServiceObs
from netmap.oui import brand

HARDWARE = "cpe:/h:"
_SEPARATORS = re.compile(r"[\s_\-]+")


class Hardware(NamedTuple):
    vendor: str | None
    model: str | None
    cpe: str


def service_hardware(ob: ServiceObs) -> Hardware | None:
    """The hardware one service observation names. nmap spells it in the product ("HP LaserJet
    M404dn printer http config") or, where the product is the web server's, in the detail
    ("Virata-EmWeb"; "HP Officejet Pro L7680 http config"). Where the match line names no
    hardware CPE, the model its product text names (`product_model`)."""
    found = hardware_of(ob.cpe, " ".join(x for x in (ob.product, ob.extrainfo) if x))
    if found is None and (model := product_model(ob.product, ob.devicetype)) is not None:
        return Hardware(None, model, "")
    return found


# nmap scores an OS fingerprint match out of 100; below that, it is a relative's fingerprint
# (the same stack on a sibling product), which may name another model.
_PERFECT = 100


def os_hardware(matches: list[OsMatch]) -> Hardware | None:
    """The hardware nmap's OS detection names, from perfect fingerprint matches only, and only
    where every perfect match names hardware of one maker. One firmware often runs on a family
    of models; nmap then lists each as a perfect match, and the maker is named but no model.
    Any perfect match without hardware ("Linux 4.X") means the fingerprint is not one
    device's: None."""
    named = [[h for h in (hardware_of([cpe], m.name) for cpe in m.cpes) if h is not None]
             for m in matches if m.accuracy >= _PERFECT]  # fmt: skip
    if not named or not all(named):
        return None
    every = [h for each in named for h in each]
    if len({(h.vendor or "").casefold() for h in every}) != 1:
        return None
    # each match's model ("JetDirect", a product line, names none); all must name the same one
    models = [{h.model.casefold(): h for h in each if h.model} for each in named]
    if all(len(m) == 1 for m in models) and len({k for m in models for k in m}) == 1:
        return next(iter(models[0].values()))
    return Hardware(every[0].vendor, None, "")


# nmap writes a device's product as "<maker> <model> <kind> <daemon>" ("SHARP MX-3070N printer
# ftpd"). A model is a word with a letter and a digit, among the first few after the maker; a
# word for a range ("-series", "8-Port"), a list of alternatives ("or", ","), or a protocol or
# standard named in the text ("pop3", "802.11g", "TR-069") is none.
_NOT_A_MODEL = re.compile(
    r"(?i).*-(series|port)|\d+-port|pop3|imap4|tr-\d+|802\.\w+|ipv[46]|snmpv\d|https?\d*|"
    r"x86\w*|i[3-6]86|utf-?8|mp3|h\.?26\d|[345]g|lte|v?\d+(\.\d+)*[a-z]?")
_MODEL_WORDS = 5


def product_model(product: str | None, devicetype: str | None) -> str | None:
    """The model nmap's product text names for a device (its match line files it under a
    device type: printer, webcam, switch, ...), where no hardware CPE does. None for software
    (no device type) and for a text that lists alternatives."""
    if not product or not devicetype or devicetype.lower() in _SOFTWARE_TYPES:
        return None
    if " or " in product or "," in product:
        return None
    for word in product.split()[1:1 + _MODEL_WORDS]:
        word = word.strip("()[];:")
        if (len(word) >= 3 and "/" not in word and any(c.isdigit() for c in word)
                and any(c.isalpha() for c in word) and not _NOT_A_MODEL.fullmatch(word)):
            return word
    return None


# nmap device types that are no box of their own
_SOFTWARE_TYPES = frozenset({"general purpose", "specialized", "security-misc", "media device",
                             "game console", "pda", "phone", "terminal"})


def hardware_of(cpes: list[str], product: str | None) -> Hardware | None:
    """The maker and model of the first hardware CPE of a service, spelled as `product` (nmap's
    product and detail text) spells them; None when no CPE names hardware (an application's or
    an OS's CPE, a template nmap left unfilled, a bare maker)."""
    for cpe in cpes:
        if not cpe.lower().startswith(HARDWARE) or "$" in cpe:
            continue
        parts = cpe[len(HARDWARE):].split(":")
        maker_words = _words(parts[0])
        model_words = _words(parts[1]) if len(parts) > 1 else []
        if not maker_words:
            continue
        vendor = _vendor(maker_words, product or "")
        model = _model(parts[1], product or "") if model_words else None
        if model and not any(c.isdigit() for c in model):
            model = None  # "LaserJet", "Crestron automation": a product line, not a model
        return Hardware(vendor, model, cpe)
    return None


def _words(part: str) -> list[str]:
    return [w for w in _SEPARATORS.split(part.strip().lower()) if w]


def _spelled_in(words: list[str], text: str) -> str | None:
    """The words as `text` spells them: any case, joined by spaces, hyphens or nothing."""
    pattern = r"(?<![^\W_])" + r"[\s_\-]*".join(map(re.escape, words)) + r"(?![^\W_])"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else None


def _vendor(words: list[str], product: str) -> str:
    """The maker as the product text spells it ("D-Link" for dlink, "Konica Minolta" for
    konicaminolta), through the brand tables; else the CPE's own words."""
    key = "".join(words)
    tokens = product.split()
    for start in range(len(tokens)):
        for count in (1, 2, 3):
            spelled = " ".join(tokens[start:start + count])
            if re.sub(r"[\W_]", "", spelled).lower() == key:
                return brand(spelled) or spelled
    named = brand(" ".join(words))
    if named and named != " ".join(words):
        return named  # a brand the tables spell ("TP-Link", "MikroTik")
    return " ".join(w.capitalize() for w in words)


def _model(part: str, product: str) -> str:
    spelled = _spelled_in(_words(part), product)
    if spelled:
        return spelled
    return " ".join(w.upper() if any(c.isdigit() for c in w) else w.capitalize()
                    for w in part.replace("_", " ").split())
