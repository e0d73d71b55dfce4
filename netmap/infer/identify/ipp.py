"""What a printer's IPP description names (the stored answer to discover/ipp.py's
Get-Printer-Attributes): its maker, model, firmware, location and, where its IEEE 1284 device ID
carries one, its serial number.

- The IPP message is read as RFC 8010 3.1 lays it out: attribute groups of (tag, name, value)
  items, a nameless item adding a value to the one before. Collections are skipped whole. A
  message cut short gives the attributes read before the cut.
- The model: the 1284 device ID's MDL (else CMD-less printer-make-and-model) without a trailing
  " series", as mdns.py reads a printer's TXT record. The maker: the device ID's MFG (else the
  first word of the make and model).
- The firmware: printer-firmware-string-version, the first (main) component where the printer
  lists several ("Main", "Network").
- The serial number: the device ID's SN or SERN key, where the maker puts one there.
- A print server's queue is not a printer: where every URI the answer gives is a CUPS queue's
  (`/printers/<name>`, `/classes/<name>`), the answer names nothing. A computer sharing a
  printer would otherwise be taken for the printer.

Pure functions of the stored observation.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from netmap.discover.snmp.candidates import announced
from netmap.infer.identify.printer_names import model_of, printer_votes
from netmap.model import IppObs, TypeVote

SOURCE = "ipp"
PRINTER_WEIGHT = 0.85  # only a printer (or a printer application) answers IPP as one
MAX_VALUE = 255  # RFC 8011's text(255) and name(255) limits for what is shown
MAX_ATTRIBUTES = 512
OPERATION_GROUP, PRINTER_GROUP = 0x01, 0x04  # attribute group tags (RFC 8010 3.5.1)
_BEGIN_COLLECTION, _END_COLLECTION = 0x34, 0x37
_TEXT_WITH_LANGUAGE, _NAME_WITH_LANGUAGE = 0x35, 0x36
_TEXTS = frozenset({0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49})  # string syntaxes
_QUEUE = re.compile(r"^ipps?://[^/]*/(printers|classes)/")  # a CUPS server's queue


@dataclass(frozen=True)
class IppPrinter:
    vendor: str | None
    model: str | None
    make_and_model: str | None
    firmware: str | None
    serial: str | None
    location: str | None


def attributes(message: bytes, group_tag: int = PRINTER_GROUP) -> dict[str, list[str]]:
    """One attribute group's string attributes (name -> values) of an IPP message, the printer
    group's by default; {} for anything that is not one. Integers, enums and octet strings are
    left out."""
    if len(message) < 9 or message[0] not in (1, 2):
        return {}
    found: dict[str, list[str]] = {}
    at, group, name, depth = 8, 0, "", 0
    while at < len(message) and len(found) < MAX_ATTRIBUTES:
        tag = message[at]
        at += 1
        if tag <= 0x0F:  # a group delimiter
            if tag == 0x03:
                break
            group = tag
            continue
        if at + 2 > len(message):
            break
        size = struct.unpack_from(">H", message, at)[0]
        named = message[at + 2:at + 2 + size].decode("utf-8", "replace")
        at += 2 + size
        if at + 2 > len(message):
            break
        size = struct.unpack_from(">H", message, at)[0]
        value = message[at + 2:at + 2 + size]
        at += 2 + size
        if at > len(message):
            break  # the value was cut short
        if named:
            name = named
        depth += (tag == _BEGIN_COLLECTION) - (tag == _END_COLLECTION and depth > 0)
        if group == group_tag and depth == 0 and tag != _END_COLLECTION:
            decoded = _string(tag, value)
            if decoded is not None:
                found.setdefault(name, []).append(decoded)
    return found


def _string(tag: int, value: bytes) -> str | None:
    if tag in (_TEXT_WITH_LANGUAGE, _NAME_WITH_LANGUAGE):  # language, then the text (RFC 8010)
        if len(value) < 2:
            return None
        skip = 2 + struct.unpack_from(">H", value)[0]
        if len(value) < skip + 2:
            return None
        value = value[skip + 2:skip + 2 + struct.unpack_from(">H", value, skip)[0]]
    elif tag not in _TEXTS:
        return None
    return value.decode("utf-8", "replace")


def device_id(raw: str | None) -> dict[str, str]:
    """An IEEE 1284 device ID's keys ("MFG:HP;MDL:LaserJet M404;...") upper-cased, with their
    long forms folded into the short ones (MANUFACTURER -> MFG, MODEL -> MDL)."""
    keys: dict[str, str] = {}
    long_forms = {"MANUFACTURER": "MFG", "MODEL": "MDL", "COMMAND SET": "CMD",
                  "SERIALNUMBER": "SN", "SERN": "SN"}
    for item in (raw or "").split(";")[:64]:
        key, sep, value = item.partition(":")
        key = key.strip().upper()
        if sep and key:
            keys.setdefault(long_forms.get(key, key), value.strip())
    return keys


def describe(ob: IppObs) -> IppPrinter | None:
    """None for an answer with no printer attributes (not an IPP response)."""
    try:
        message = bytes.fromhex(ob.response or "")
    except ValueError:
        return None
    attrs = attributes(message)
    uris = attrs.get("printer-uri-supported", [])
    if not attrs or (uris and all(_QUEUE.search(u) for u in uris)):
        return None

    def first(name: str) -> str | None:
        return _value(attrs.get(name, [None])[0])

    ids = device_id(first("printer-device-id"))
    make_and_model = first("printer-make-and-model")
    model = model_of((_value(ids.get("MDL")), make_and_model))
    vendor = _value(ids.get("MFG"))
    if vendor is None and make_and_model and model and make_and_model.split()[0] != model:
        vendor = make_and_model.split()[0]
    serial = _value(ids.get("SN"))
    return IppPrinter(vendor=vendor, model=model, make_and_model=make_and_model,
                      firmware=first("printer-firmware-string-version"),
                      serial=serial if serial and any(c.isdigit() for c in serial) else None,
                      location=first("printer-location"))


def type_votes(found: IppPrinter) -> list[TypeVote]:
    said = found.make_and_model or found.model or "no make and model"
    return printer_votes(SOURCE, PRINTER_WEIGHT,
                         f"describes itself as a printer over IPP ({said[:80]!r})",
                         found.model, "IPP")


def _value(raw: str | None) -> str | None:
    return announced(raw, MAX_VALUE)
