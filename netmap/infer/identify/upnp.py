"""A device's own UPnP description: its maker, model, serial and what kind of device it is.

The document (UPnP Device Architecture, "Device description") names the root device's
`deviceType` URN, `manufacturer`, `modelName`, `modelNumber`, `modelDescription` and often its
`serialNumber`, with the devices embedded in it. It is read as untrusted input: entities and
DTDs are refused (defusedxml), values are cleaned like any device string, and a document that
does not parse names nothing.

Some device types are a program's service, not the box's (a media server runs on a PC, a NAS
or a TV): `[upnp] software` in `data/type-keywords.toml`. Their maker and model are the
program's ("Microsoft", "Windows Media Player Sharing"), so they name no identity and no type.

Pure functions of the stored observation.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import defusedxml
import defusedxml.ElementTree as SafeET

from netmap.discover.snmp.candidates import revision_only, text, useful
from netmap.infer.identify.keywords import TYPE_DATA, keyword_votes
from netmap.model import DeviceType, TypeVote, UpnpObs

MAX_VALUE = 128
MAX_EMBEDDED = 32
SOURCE = "upnp"


@dataclass(frozen=True)
class UpnpType:
    type: DeviceType
    weight: float


def _load(data: dict[str, Any]) -> tuple[frozenset[str], dict[str, UpnpType]]:
    table = data.get("upnp", {})
    types = {name: UpnpType(DeviceType(row["type"]), float(row["weight"]))
             for name, row in table.get("types", {}).items()}  # fmt: skip
    return frozenset(table.get("software", [])), types


SOFTWARE, TYPES = _load(TYPE_DATA)


@dataclass(frozen=True)
class UpnpDevice:
    device_type: str | None  # the URN's name: "Printer", "InternetGatewayDevice", "Basic"
    manufacturer: str | None
    model_name: str | None
    model_number: str | None
    description: str | None
    serial: str | None
    embedded: tuple[str, ...] = ()  # the device types of the devices inside it

    @property
    def software(self) -> bool:
        return self.device_type in SOFTWARE

    @property
    def model(self) -> str | None:
        """The model name where it names a model ("HP Color LaserJet Pro M454dn", "DS920+"),
        else the model number; a name with no digit ("Wireless Router") or a bare revision
        ("1.0") names none."""
        if self.software:
            return None
        for value in (self.model_name, self.model_number):
            if value and any(c.isdigit() for c in value) and not revision_only(value):
                return value
        return None

    @property
    def vendor(self) -> str | None:
        return None if self.software else self.manufacturer


def describe(ob: UpnpObs) -> UpnpDevice | None:
    """The first description document of `ob` that parses, read."""
    for document in ob.descriptions.values():
        if (found := parse_description(document)) is not None:
            return found
    return None


@functools.lru_cache(maxsize=64)  # merge and classify each read a scan's documents (<= 256 KiB each)
def parse_description(document: str) -> UpnpDevice | None:
    try:
        root = SafeET.fromstring(document)
    except (ET.ParseError, defusedxml.DefusedXmlException, ValueError):
        return None
    device = next((el for el in root if _name(el.tag) == "device"), None)
    if device is None:
        return None
    fields = fields_of(device)
    embedded = [_type_name(fields_of(el).get("deviceType")) for el in device.iter()
                if el is not device and _name(el.tag) == "device"][:MAX_EMBEDDED]
    return UpnpDevice(
        device_type=_type_name(fields.get("deviceType")),
        manufacturer=_value(fields.get("manufacturer")),
        model_name=_value(fields.get("modelName")),
        model_number=_value(fields.get("modelNumber")),
        description=_value(fields.get("modelDescription")),
        serial=_value(fields.get("serialNumber")),
        embedded=tuple(t for t in embedded if t),
    )


def fields_of(el: ET.Element) -> dict[str, str | None]:
    return {_name(child.tag): child.text for child in el}


def type_votes(dev: UpnpDevice) -> list[TypeVote]:
    """What the device's UPnP types and its own model words say it is."""
    if dev.software:
        return []
    votes = []
    for name in dict.fromkeys([dev.device_type, *dev.embedded]):
        if name and (known := TYPES.get(name)) is not None:
            votes.append(TypeVote(type=known.type, weight=known.weight, source=SOURCE,
                                  detail=f"UPnP device type {name}"))
    said = " ".join(x for x in (dev.model_name, dev.description) if x)
    votes += keyword_votes(said, f"UPnP model {said[:80]!r}", snmp=False, source=SOURCE)
    return votes


def _name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _type_name(urn: str | None) -> str | None:
    """"urn:schemas-upnp-org:device:Printer:1" -> "Printer"."""
    parts = (urn or "").strip().split(":")
    return _value(parts[3]) if len(parts) >= 5 and parts[2] == "device" else None


def _value(raw: str | None) -> str | None:
    cleaned = useful(text(raw))
    return cleaned[:MAX_VALUE] if cleaned else None
