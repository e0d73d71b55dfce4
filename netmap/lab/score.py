"""Score an inventory against a lab's ground truth. Works for any lab spec.

* Devices: every in-scope truth device with an address is expected. Inventory devices are
  matched to truth devices by MAC, then by IP, one to one; a second inventory row for the same
  box is a duplicate and counts against precision. Finding an out-of-scope box that really
  exists is neither credit nor penalty.
* Types: accuracy over matched devices.
* Links, in two classes: switch<->switch and switch-port<->host (a router on a switch port is a
  host here). A truth link is found when the inventory links the two matched devices and the
  port names agree on every managed end. An unmanaged switch (truth: type switch, not managed,
  no address) is matched by the inferred switch attached to the port it is cabled to; hosts
  behind it count when placed on that inferred switch (its ports are unknowable, so ignored).
* Unmanaged switches detected, and whether the internet uplink was found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from netmap.infer.addr import identity_ip, identity_mac
from netmap.lab.spec import GroundTruth, TruthDevice, TruthLink
from netmap.model import CABLE_SOURCES, Device, Inventory, Link

SWITCH_SWITCH = "switch-switch"
SWITCH_HOST = "switch-host"


class LinkScore(BaseModel):
    expected: int = 0  # truth links of this class
    found: int = 0  # of those, present in the inventory with the right ports
    reported: int = 0  # inventory links of this class
    correct: int = 0  # of those, matching a truth link
    recall: float = 0.0
    precision: float = 0.0
    missing: list[str] = Field(default_factory=list)
    wrong: list[str] = Field(default_factory=list)


class Score(BaseModel):
    devices_expected: int = 0
    devices_found: int = 0
    devices_reported: int = 0
    devices_correct: int = 0  # reported rows that are a real, distinct box
    device_recall: float = 0.0
    device_precision: float = 0.0
    types_correct: int = 0
    type_accuracy: float = 0.0
    missing_devices: list[str] = Field(default_factory=list)
    extra_devices: list[str] = Field(default_factory=list)
    type_errors: list[str] = Field(default_factory=list)
    families_expected: int = 0  # SNMP agents whose OS family the truth names
    family_errors: list[str] = Field(default_factory=list)
    links: dict[str, LinkScore] = Field(default_factory=dict)
    unmanaged_expected: int = 0
    unmanaged_detected: int = 0
    unmanaged_false: int = 0
    uplink_expected: bool = False
    uplink_found: bool = False


@dataclass
class _Match:
    inv_to_truth: dict[str, str] = field(default_factory=dict)  # inventory id -> truth name
    truth_to_inv: dict[str, str] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)


def _truth_ips(d: TruthDevice) -> set[str]:
    return {ip for i in d.interfaces if i.name != "lo" for a in i.ips
            if (ip := identity_ip(a.split("/")[0])) is not None}


def _truth_macs(d: TruthDevice) -> set[str]:
    return {m for i in d.interfaces if (m := identity_mac(i.mac)) is not None}


def is_unmanaged_switch(d: TruthDevice) -> bool:
    return d.type == "switch" and not d.managed and not _truth_ips(d)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def match_devices(inv: Inventory, truth: GroundTruth) -> _Match:
    """One-to-one: MAC matches first, then IP matches, each in a stable order."""
    pairs: list[tuple[int, str, str]] = []
    for d in inv.devices:
        if d.inferred:
            continue
        for t in truth.devices:
            if set(d.macs) & _truth_macs(t):
                pairs.append((0, d.id, t.name))
            elif set(d.addresses) & _truth_ips(t):
                pairs.append((1, d.id, t.name))
    m = _Match()
    matched_any: set[str] = set()
    for _, inv_id, name in sorted(pairs):
        matched_any.add(inv_id)
        if inv_id in m.inv_to_truth or name in m.truth_to_inv:
            continue
        m.inv_to_truth[inv_id] = name
        m.truth_to_inv[name] = inv_id
    m.duplicates = sorted(matched_any - set(m.inv_to_truth))
    return m


def _match_unmanaged(inv: Inventory, truth: GroundTruth, m: _Match) -> tuple[int, int]:
    """Map truth unmanaged switches to inferred switches on the port they hang off."""
    inferred = {d.id for d in inv.devices if d.inferred}
    used: set[str] = set()
    expected = [t for t in truth.devices if is_unmanaged_switch(t) and t.in_scope]
    for t in expected:
        for tl in truth.links:
            if t.name not in (tl.a, tl.b):
                continue
            other, port = (tl.b, tl.b_port) if tl.a == t.name else (tl.a, tl.a_port)
            inv_other = m.truth_to_inv.get(other)
            for link in inv.links:
                for x, xp, y in ((link.a, link.a_port, link.b), (link.b, link.b_port, link.a)):
                    if x == inv_other and xp == port and y in inferred and y not in used:
                        m.inv_to_truth[y] = t.name
                        m.truth_to_inv[t.name] = y
                        used.add(y)
            if t.name in m.truth_to_inv:
                break
    return len(expected), len(inferred - used)


def _link_class(types: tuple[str, str]) -> str | None:
    switches = sum(1 for t in types if t == "switch")
    if switches == 2:
        return SWITCH_SWITCH
    if switches == 1:
        return SWITCH_HOST
    return None


def _port_ok(truth_dev: TruthDevice, expected: str, got: str | None) -> bool:
    """Ports must agree on managed ends; an unmanaged switch's ports cannot be known."""
    if is_unmanaged_switch(truth_dev):
        return True
    if truth_dev.type != "switch":
        # a host's own NIC name is a bonus, not required; one answering from a recording
        # names its port as the recorded device did
        recorded = {i.snmp_name for i in truth_dev.interfaces if i.name == expected}
        return got is None or got == expected or got in recorded - {None}
    return got == expected


def _truth_link_found(tl: TruthLink, inv_links: list[Link], truth: GroundTruth,
                      m: _Match) -> Link | None:
    a, b = m.truth_to_inv.get(tl.a), m.truth_to_inv.get(tl.b)
    if a is None or b is None:
        return None
    ta, tb = truth.device(tl.a), truth.device(tl.b)
    for link in inv_links:
        for (x, xp), (y, yp) in (((link.a, link.a_port), (link.b, link.b_port)),
                                 ((link.b, link.b_port), (link.a, link.a_port))):
            if x == a and y == b and _port_ok(ta, tl.a_port, xp) and _port_ok(tb, tl.b_port, yp):
                return link
    return None


def _label(inv_id: str, devices: dict[str, Device], m: _Match) -> str:
    if inv_id in m.inv_to_truth:
        return m.inv_to_truth[inv_id]
    d = devices.get(inv_id)
    return (d.name if d and d.name else None) or inv_id


def _score_links(inv: Inventory, truth: GroundTruth, m: _Match) -> dict[str, LinkScore]:
    scores = {SWITCH_SWITCH: LinkScore(), SWITCH_HOST: LinkScore()}
    in_scope = {t.name for t in truth.devices if t.in_scope}
    l2 = [link for link in inv.links if link.source in CABLE_SOURCES]
    devices = {d.id: d for d in inv.devices}
    hits: set[int] = set()
    for tl in truth.links:
        cls = _link_class((truth.device(tl.a).type, truth.device(tl.b).type))
        if cls is None or not {tl.a, tl.b} <= in_scope:
            continue
        s = scores[cls]
        s.expected += 1
        found = _truth_link_found(tl, l2, truth, m)
        if found is None:
            s.missing.append(f"{tl.a} {tl.a_port} - {tl.b} {tl.b_port}")
        else:
            s.found += 1
            hits.add(id(found))
    for link in l2:
        types = []
        for end in (link.a, link.b):
            name = m.inv_to_truth.get(end)
            dev = devices.get(end)
            types.append(truth.device(name).type if name else (dev.type.value if dev else "?"))
        cls = _link_class((types[0], types[1]))
        if cls is None:
            continue
        s = scores[cls]
        s.reported += 1
        if id(link) in hits:
            s.correct += 1
        else:
            s.wrong.append(f"{_label(link.a, devices, m)} {link.a_port or '?'} - "
                           f"{_label(link.b, devices, m)} {link.b_port or '?'}")
    for s in scores.values():
        s.recall, s.precision = _ratio(s.found, s.expected), _ratio(s.correct, s.reported)
    return scores


_FAMILY_EVIDENCE = re.compile(r"^os_family: LibreNMS OS '([^']+)'")


def _os_family(device: Device) -> str | None:
    """The LibreNMS OS name the device's identity evidence names."""
    for line in device.identity_evidence:
        match = _FAMILY_EVIDENCE.match(line)
        if match:
            return match.group(1)
    return None


def score(inv: Inventory, truth: GroundTruth) -> Score:
    m = match_devices(inv, truth)
    unmanaged_expected, unmanaged_false = _match_unmanaged(inv, truth, m)
    expected = [t for t in truth.devices if t.in_scope and _truth_ips(t)]
    found = [t for t in expected if t.name in m.truth_to_inv]
    reported = [d for d in inv.devices if not d.inferred]
    devices = {d.id: d for d in inv.devices}
    type_errors = []
    family_errors = []
    for t in found:
        got = devices[m.truth_to_inv[t.name]].type.value
        if got != t.type:
            type_errors.append(f"{t.name}: expected {t.type}, got {got}")
        family = _os_family(devices[m.truth_to_inv[t.name]])
        if t.os_family and family != t.os_family:
            family_errors.append(f"{t.name}: expected OS family {t.os_family}, got {family}")
    real = [d for d in reported if d.id in m.inv_to_truth]
    s = Score(
        devices_expected=len(expected),
        devices_found=len(found),
        devices_reported=len(reported),
        devices_correct=len(real),
        device_recall=_ratio(len(found), len(expected)),
        device_precision=_ratio(len(real), len(reported)),
        types_correct=len(found) - len(type_errors),
        type_accuracy=_ratio(len(found) - len(type_errors), len(found)),
        missing_devices=sorted(t.name for t in expected if t.name not in m.truth_to_inv),
        extra_devices=sorted(_label(d.id, devices, m) for d in reported
                             if d.id not in m.inv_to_truth),
        type_errors=sorted(type_errors),
        families_expected=sum(1 for t in found if t.os_family),
        family_errors=sorted(family_errors),
        links=_score_links(inv, truth, m),
        unmanaged_expected=unmanaged_expected,
        unmanaged_detected=sum(1 for t in truth.devices
                               if is_unmanaged_switch(t) and t.name in m.truth_to_inv),
        unmanaged_false=unmanaged_false,
        uplink_expected=truth.uplink is not None,
    )
    if truth.uplink is not None and inv.uplink is not None:
        s.uplink_found = (m.inv_to_truth.get(inv.uplink.router) == truth.uplink.router
                          and inv.uplink.interface in (None, truth.uplink.interface))
    return s


def format_score(s: Score) -> str:
    """A plain-text table for the terminal."""
    rows: list[tuple[str, str]] = [
        ("devices: recall", f"{s.device_recall:.0%}  ({s.devices_found}/{s.devices_expected})"),
        ("devices: precision",
         f"{s.device_precision:.0%}  ({s.devices_correct}/{s.devices_reported})"),
        ("types: accuracy", f"{s.type_accuracy:.0%}  ({s.types_correct}/{s.devices_found})"),
        ("OS families (LibreNMS definitions)",
         f"{s.families_expected - len(s.family_errors)}/{s.families_expected}"),
    ]
    for cls in (SWITCH_SWITCH, SWITCH_HOST):
        ls = s.links.get(cls, LinkScore())
        rows.append((f"links {cls}: recall", f"{ls.recall:.0%}  ({ls.found}/{ls.expected})"))
        rows.append((f"links {cls}: precision",
                     f"{ls.precision:.0%}  ({ls.correct}/{ls.reported})"))
    rows.append(("unmanaged switches",
                 f"{s.unmanaged_detected}/{s.unmanaged_expected} detected, "
                 f"{s.unmanaged_false} false"))
    if s.uplink_expected:
        rows.append(("internet uplink", "found" if s.uplink_found else "missed"))
    width = max(len(r[0]) for r in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    details: dict[str, list[str]] = defaultdict(list)
    details["missing devices"] = s.missing_devices
    details["extra devices"] = s.extra_devices
    details["type errors"] = s.type_errors
    details["OS family errors"] = s.family_errors
    for cls in (SWITCH_SWITCH, SWITCH_HOST):
        ls = s.links.get(cls, LinkScore())
        details[f"missing {cls} links"] = ls.missing
        details[f"wrong {cls} links"] = ls.wrong
    for title, items in details.items():
        if items:
            lines.append(f"{title}:")
            lines += [f"  {item}" for item in items]
    return "\n".join(lines)
