"""A device's maker and model from its DNS-SD announcements (mDNS TXT records).

A network printer's print services (`_ipp._tcp`, `_ipps._tcp`, `_printer._tcp`,
`_pdl-datastream._tcp`) carry its make and model in their TXT record: `ty` (the human
name, "Brother HL-L2350DW series"), `usb_MFG` and `usb_MDL` (the IEEE 1284 device ID's maker
and model), `product` ("(Brother HL-L2350DW series)"). The Bonjour Printing Specification
defines them. A computer may announce the same services for a printer it shares; it then also
announces itself (`_device-info._tcp`, `_workstation._tcp`, SMB or SSH), or names the instance
"<printer> @ <computer>" as CUPS does. Those print services name no model here: the model
would be the shared printer's.

Pure functions of the stored observation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netmap.discover.snmp.candidates import announced
from netmap.infer.identify.printer_names import model_of, printer_votes
from netmap.model import MdnsObs, MdnsRecord, TypeVote

SOURCE = "mdns"
MAX_VALUE = 128
PRINT_SERVICES = frozenset({"_ipp._tcp", "_ipps._tcp", "_printer._tcp", "_pdl-datastream._tcp"})
# service types a computer announces of itself
COMPUTER_SERVICES = frozenset({"_device-info._tcp", "_workstation._tcp", "_smb._tcp",
                               "_ssh._tcp", "_sftp-ssh._tcp", "_rfb._tcp", "_afpovertcp._tcp"})
PRINTER_WEIGHT = 0.6


@dataclass(frozen=True)
class MdnsDevice:
    vendor: str | None
    model: str | None
    services: tuple[str, ...]  # the service types it offers ("_ipp._tcp", ...)
    printer: bool  # it announces printing as a printer does, not as a computer sharing one


def describe(ob: MdnsObs) -> MdnsDevice | None:
    services = _services(ob.records)
    if not services:
        return None
    computer = bool(services & COMPUTER_SERVICES)
    printing = sorted(services & PRINT_SERVICES)
    txt = {} if computer else _printer_txt(ob.records, printing)
    model = _model(txt)
    vendor = _value(txt.get("usb_mfg"))
    if vendor is None and model and (ty := _value(txt.get("ty"))):
        vendor = ty.split()[0] if ty.split()[0] != model else None
    return MdnsDevice(vendor, model, tuple(sorted(services)), bool(printing) and not computer)


def type_votes(dev: MdnsDevice) -> list[TypeVote]:
    if not dev.printer:
        return []
    return printer_votes(SOURCE, PRINTER_WEIGHT,
                         f"announces printing over mDNS ({', '.join(dev.services[:4])})",
                         dev.model, "mDNS")


def _services(records: list[MdnsRecord]) -> set[str]:
    """The service types offered: listed under _services._dns-sd._udp, or answered for."""
    found = set()
    for r in records:
        name = r.name.rstrip(".").removesuffix(".local")
        if r.type == "PTR" and name == "_services._dns-sd._udp":
            found |= {d.rstrip(".").removesuffix(".local") for d in r.data}
        elif r.type == "PTR" and r.data and name.startswith("_"):
            found.add(name)
    return {s for s in found if re.fullmatch(r"_[\w-]{1,63}\._(tcp|udp)", s)}


def _printer_txt(records: list[MdnsRecord], printing: list[str]) -> dict[str, str]:
    """The TXT keys (lower-cased) of the device's own print service instances."""
    instances = {d.rstrip(".") for r in records if r.type == "PTR"
                 for d in r.data if r.name.rstrip(".").removesuffix(".local") in printing}
    keys: dict[str, str] = {}
    for r in records:
        name = r.name.rstrip(".")
        if r.type != "TXT" or name not in instances or " @ " in name:
            continue  # "<printer> @ <computer>": a printer shared by a computer
        for item in r.data:
            key, sep, value = item.partition("=")
            if sep and key.strip():
                keys.setdefault(key.strip().lower(), value)
    return keys


def _model(txt: dict[str, str]) -> str | None:
    """usb_MDL, else ty, else product."""
    return model_of(_value(txt.get(key)) for key in ("usb_mdl", "ty", "product"))


def _value(raw: str | None) -> str | None:
    return announced(raw, MAX_VALUE)
