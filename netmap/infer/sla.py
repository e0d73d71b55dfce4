"""Service levels: which response time the provider owes each system.

The profile names the tiers (most urgent first; shipped: critical 1h, high 4h, standard 48h).
Each device gets the first rule of RULES that matches it, unless overrides.toml gives it a
tier. The rules follow what a city's statement of work protects first: the systems that stop
everyone (e-mail, telephones, the way to the internet, the core of the network, backups, the
police's CJI zone, sign-in), then shared infrastructure, then one person's or one place's
device. Pure: a function of the inventory and the profile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from netmap.model import Device, DeviceType, Inventory, Role, SlaTier

T = DeviceType
_CJI = re.compile(r"\bCJI\b", re.IGNORECASE)  # a zone named "CJI" or "Police (CJI)"


@dataclass(frozen=True)
class _Ctx:
    gateway: str | None  # the internet router's device id
    core: frozenset[str]  # switches cabled to a router or firewall


Rule = tuple[str, Callable[[Device, _Ctx], bool], str]  # (rule tier, matches, reason)

RULES: list[Rule] = [
    ("critical", lambda d, c: Role.EMAIL in d.roles, "e-mail system"),
    ("critical", lambda d, c: d.type is T.PBX or (Role.TELEPHONY in d.roles and d.type is not T.PHONE),
     "telephone system"),
    ("critical", lambda d, c: d.id == c.gateway or d.type is T.FIREWALL or Role.GATEWAY in d.roles,
     "internet gateway or firewall"),
    ("critical", lambda d, c: d.id in c.core, "core switch (cabled to a router or firewall)"),
    ("critical", lambda d, c: Role.BACKUP in d.roles or d.type is T.BACKUP, "backup system"),
    ("critical", lambda d, c: Role.CJI in d.roles or bool(_CJI.search(d.zone or "")),
     "an address in the CJI zone (criminal-justice information)"),
    ("critical", lambda d, c: Role.DIRECTORY in d.roles, "directory (every user's sign-in)"),
    ("high", lambda d, c: d.type in (T.SERVER, T.NAS, T.SWITCH, T.ROUTER, T.WIRELESS_AP,
                                      T.WIRELESS_CONTROLLER, T.WIRELESS_BRIDGE, T.UPS, T.PDU),
     "shared infrastructure"),
    ("standard", lambda d, c: True, "one person's or one place's device"),
]  # fmt: skip


def tier_names(tiers: list[SlaTier]) -> dict[str, str]:
    """The rules' tier names -> the profile's: the same name where the profile has it, else
    by rank (critical = the first tier, standard = the last, high = the one after the first)."""
    names = [t.name for t in tiers]
    by_rank = {"critical": names[0], "high": names[min(1, len(names) - 1)], "standard": names[-1]}
    return {rule: rule if rule in names else by_rank[rule] for rule in by_rank}


def assign_sla(inv: Inventory, tiers: list[SlaTier]) -> Inventory:
    """The inventory with every device's tier and the reason; overrides already set win."""
    ctx = _Ctx(inv.uplink.router if inv.uplink else None, _core_switches(inv))
    names = tier_names(tiers)
    known = {t.name for t in tiers}
    devices = []
    for d in inv.devices:
        if d.sla_tier in known:
            devices.append(d)
            continue
        tier, reason = next((names[t], why) for t, match, why in RULES if match(d, ctx))
        if d.sla_tier is not None:  # an override naming no tier of the profile
            reason = f"{reason}; the override's tier {d.sla_tier!r} is not one of the profile's"
        devices.append(d.model_copy(update={"sla_tier": tier, "sla_reason": reason}))
    return inv.model_copy(update={"devices": devices, "sla_tiers": list(tiers)})


def _core_switches(inv: Inventory) -> frozenset[str]:
    kinds = {d.id: d.type for d in inv.devices}
    edge = {T.ROUTER, T.FIREWALL}
    core = set()
    for link in inv.links:
        for a, b in ((link.a, link.b), (link.b, link.a)):
            if kinds.get(a) is T.SWITCH and kinds.get(b) in edge:
                core.add(a)
    return frozenset(core)


def response_of(inv: Inventory, tier: str | None) -> str | None:
    return next((t.response for t in inv.sla_tiers if t.name == tier), None)
