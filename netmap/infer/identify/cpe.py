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

from netmap.model import ServiceObs
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
    ("Virata-EmWeb"; "HP Officejet Pro L7680 http config")."""
    return hardware_of(ob.cpe, " ".join(x for x in (ob.product, ob.extrainfo) if x))


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
