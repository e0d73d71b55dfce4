"""User overrides: what a person knows better than inference.

``overrides.toml`` (path named by the profile's ``overrides`` key)::

    [devices."00:15:65:aa:bb:cc"]      # by MAC
    type = "phone"
    name = "Reception phone"

    [devices."10.77.20.5"]             # by IP
    transient = true
    notes = "laptop, docks on Mondays"

    [devices."old-fileserver"]         # by (inferred) name, case-insensitive
    type = "nas"
    site = "Annex"
    sla_tier = "high"                  # one of the profile's [[sla.tiers]]

A key may also be a device id ("mac:...", "unmanaged:..."). When several entries match one device,
the most specific wins field by field: id > MAC > IP > name. Overrides are applied at inference
time, so every rescan and every re-render picks them up; each applied field is recorded as
Evidence with source "override".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from netmap.config import ConfigError, load_toml, validation_message
from netmap.infer.addr import norm_ip, norm_mac, norm_name
from netmap.model import Device, DeviceOverride, Evidence, Overrides

ID_PREFIXES = ("mac:", "ip:", "serial:", "engine:", "chassis:", "name:", "unmanaged:", "agent:")
FIELDS = ("type", "name", "site", "zone", "notes", "transient", "sla_tier")


def overrides_from_mapping(data: Mapping[str, Any], origin: str = "overrides") -> Overrides:
    """Validate a parsed TOML mapping (a file, or a profile section); errors name the key."""
    try:
        return Overrides.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(validation_message(origin, exc)) from exc


def load_overrides(path: str | Path) -> Overrides:
    return overrides_from_mapping(load_toml(path, "overrides"), origin=f"overrides {path}")


def _key_kind(key: str) -> tuple[int, str]:
    """(precedence, normalised key): 0 device id, 1 MAC, 2 IP, 3 name."""
    text = key.strip()
    if text.startswith(ID_PREFIXES):
        return 0, text
    mac = norm_mac(text)
    if mac is not None:
        return 1, mac
    ip = norm_ip(text)
    if ip is not None:
        return 2, ip
    return 3, text.casefold()


def _matches(dev: Device, kind: int, key: str) -> bool:
    if kind == 0:
        return dev.id == key
    if kind == 1:
        return key in dev.macs
    if kind == 2:
        return key in dev.addresses
    names = [n for n in (dev.name, dev.dns_name) if n]
    if "." in key:  # a full name names one host: "ws1.police.lan" is not "ws1.cityhall.lan"
        return any(n.casefold().rstrip(".") == key.rstrip(".") for n in names)
    return any(n.casefold() == key or norm_name(n) == norm_name(key) for n in names)


def apply_overrides(devices: list[Device], overrides: Overrides | None) -> list[Device]:
    """Devices with matching override fields applied (new objects; the rest unchanged)."""
    if overrides is None or not overrides.devices:
        return devices
    entries = sorted(((*_key_kind(k), k, v) for k, v in overrides.devices.items()),
                     key=lambda e: (e[0], e[1], e[2]))
    out: list[Device] = []
    for dev in devices:
        matched = [(raw, ov) for kind, key, raw, ov in entries if _matches(dev, kind, key)]
        out.append(_apply(dev, matched) if matched else dev)
    return out


def overridden_field(e: Evidence) -> str | None:
    """The field an override's evidence sets (its detail reads "site = 'Annex' (overrides
    entry ...)"), None for any other evidence."""
    name = e.detail.split(" = ", 1)[0] if e.source == "override" else None
    return name if name in FIELDS else None


def _apply(dev: Device, matched: list[tuple[str, DeviceOverride]]) -> Device:
    update: dict[str, Any] = {}
    evidence: list[Evidence] = []
    for fld in FIELDS:
        for raw, ov in matched:  # most specific first
            value = getattr(ov, fld)
            if value is None:
                continue
            update[fld] = value
            shown = value.value if fld == "type" else value
            evidence.append(Evidence(source="override", detail=f"{fld} = {shown!r} "
                                     f"(overrides entry '{raw}')", weight=1.0))
            break
    if "type" in update:
        update["confidence"] = 1.0
    already = {e.detail for e in dev.evidence if e.source == "override"}
    new = [e for e in evidence if e.detail not in already]  # idempotent: apply twice = once
    update["evidence"] = new + list(dev.evidence)
    return dev.model_copy(update=update)
