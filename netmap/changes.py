"""Typed changes between two inventories (in the spirit of nmap's ndiff).

`diff(old, new)` compares two inventories; `diff_history(history, new, k)` adds the noise control
that cron runs need: a device absent once is "not seen", and only becomes "removed" after `k`
consecutive misses; a device marked transient is never reported missing. Devices are matched by
their stable id (the MAC-derived identity of merge), so DHCP churn is an IP change, not a removal
plus an addition. Link changes that a device change already explains (a host that moved, came or
went) are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterable

from netmap.infer.addr import same_name
from netmap.model import (
    CABLE_SOURCES,
    Change,
    ChangeKind,
    Device,
    DeviceType,
    Inventory,
    Link,
    LinkConfidence,
)

NETWORK_TYPES = {DeviceType.SWITCH, DeviceType.ROUTER, DeviceType.FIREWALL, DeviceType.WIRELESS_AP,
                 DeviceType.WIRELESS_CONTROLLER, DeviceType.WIRELESS_BRIDGE}


def _label(d: Device) -> str:
    return d.name or (d.addresses[0] if d.addresses else d.id)


def attachment(inv: Inventory, device_id: str) -> tuple[str, str | None] | None:
    """(switch id, switch port) an end host hangs off, from port-level link evidence."""
    types = {d.id: d.type for d in inv.devices}
    for link in inv.links:
        if link.source not in CABLE_SOURCES or link.confidence is LinkConfidence.UNPLACED:
            continue
        for me, other, port in ((link.b, link.a, link.a_port), (link.a, link.b, link.b_port)):
            if me == device_id and types.get(other) in NETWORK_TYPES:
                return other, port
    return None


def _names(inv: Inventory) -> dict[str, str]:
    return {d.id: _label(d) for d in inv.devices}


def _device_changes(
    old: Device, new: Device, old_inv: Inventory, new_inv: Inventory
) -> list[Change]:
    out: list[Change] = []
    name = _label(new)

    def add(
        kind: ChangeKind, before: str | None, after: str | None, detail: str | None = None
    ) -> None:
        out.append(
            Change(kind=kind, device=new.id, name=name, before=before, after=after, detail=detail)
        )

    if sorted(old.addresses) != sorted(new.addresses):
        add(
            ChangeKind.IP_CHANGED,
            ", ".join(sorted(old.addresses)),
            ", ".join(sorted(new.addresses)),
        )
    if old.name and new.name and not same_name(old.name, new.name):
        add(ChangeKind.NAME_CHANGED, old.name, new.name)
    elif old.dns_name and new.dns_name and old.dns_name.casefold() != new.dns_name.casefold():
        add(ChangeKind.NAME_CHANGED, old.dns_name, new.dns_name)
    if old.macs and new.macs and sorted(old.macs) != sorted(new.macs):
        add(ChangeKind.MAC_CHANGED, ", ".join(sorted(old.macs)), ", ".join(sorted(new.macs)))
    if old.os != new.os and old.os and new.os:
        add(ChangeKind.FIRMWARE_CHANGED, old.os, new.os)
    if old.serial != new.serial and old.serial and new.serial:
        add(ChangeKind.SERIAL_CHANGED, old.serial, new.serial)
    if old.type != new.type:
        add(ChangeKind.TYPE_CHANGED, old.type.value, new.type.value)
    if old.sla_tier != new.sla_tier and old.sla_tier and new.sla_tier:
        add(ChangeKind.SLA_CHANGED, old.sla_tier, new.sla_tier, new.sla_reason)
    a_old, a_new = attachment(old_inv, old.id), attachment(new_inv, new.id)
    if a_old and a_new and a_old != a_new:
        on, nn = _names(old_inv), _names(new_inv)
        add(
            ChangeKind.MOVED,
            f"{on.get(a_old[0], a_old[0])} port {a_old[1] or '?'}",
            f"{nn.get(a_new[0], a_new[0])} port {a_new[1] or '?'}",
        )
    svc_old = {(s.port, s.proto): s for s in old.services}
    svc_new = {(s.port, s.proto): s for s in new.services}
    for key in sorted(svc_new.keys() - svc_old.keys()):
        s = svc_new[key]
        add(ChangeKind.SERVICE_OPENED, None, f"{s.port}/{s.proto}", s.product or s.name)
    for key in sorted(svc_old.keys() - svc_new.keys()):
        s = svc_old[key]
        add(ChangeKind.SERVICE_CLOSED, f"{s.port}/{s.proto}", None, s.product or s.name)
    sw_old = {s.name: s.version for s in old.software}
    sw_new = {s.name: s.version for s in new.software}
    for sw in sorted(sw_new.keys() - sw_old.keys()):
        add(ChangeKind.SOFTWARE_ADDED, None, sw, sw_new[sw])
    for sw in sorted(sw_old.keys() - sw_new.keys()):
        add(ChangeKind.SOFTWARE_REMOVED, sw, None, sw_old[sw])
    return out


def _link_key(link: Link) -> tuple[tuple[str, str], tuple[str, str]]:
    ends = sorted([(link.a, link.a_port or ""), (link.b, link.b_port or "")])
    return ends[0], ends[1]


def _link_changes(old: Inventory, new: Inventory, explained: set[str]) -> list[Change]:
    """Links between devices whose own change does not already explain them."""

    def keyed(inv: Inventory) -> dict[tuple[tuple[str, str], tuple[str, str]], Link]:
        return {
            _link_key(link): link
            for link in inv.links
            if link.confidence is not LinkConfidence.UNPLACED
            and not link.b.startswith("subnet:")
            and link.a not in explained
            and link.b not in explained
        }

    ko, kn = keyed(old), keyed(new)
    names = {**_names(old), **_names(new)}
    out = []
    for kind, keys, src in (
        (ChangeKind.LINK_ADDED, kn.keys() - ko.keys(), kn),
        (ChangeKind.LINK_REMOVED, ko.keys() - kn.keys(), ko),
    ):
        for key in sorted(keys):
            link = src[key]
            text = (
                f"{names.get(link.a, link.a)} {link.a_port or ''} <-> "
                f"{names.get(link.b, link.b)} {link.b_port or ''} ({link.source.value})"
            )
            out.append(Change(kind=kind, detail=" ".join(text.split())))
    return out


def diff(old: Inventory, new: Inventory) -> list[Change]:
    """Every change from `old` to `new`. A device missing from `new` is 'not seen'."""
    return diff_history([old], new, missing_threshold=1_000_000)


def _misses(device_id: str, history: list[Inventory], new: Inventory) -> int:
    """Consecutive scans, newest first and including `new`, in which the device is absent."""
    count = 0
    for inv in [new, *reversed(history)]:
        if any(d.id == device_id for d in inv.devices):
            break
        count += 1
    return count


def diff_history(
    history: list[Inventory], new: Inventory, missing_threshold: int = 3
) -> list[Change]:
    """Changes from the newest inventory in `history` (oldest first) to `new`, with noise control."""
    if not history:
        return []
    old = history[-1]
    old_by = {d.id: d for d in old.devices}
    new_by = {d.id: d for d in new.devices}
    known: dict[str, Device] = {}
    for inv in history[-missing_threshold:]:
        known.update({d.id: d for d in inv.devices})
    changes: list[Change] = []
    explained: set[str] = set()
    for did in sorted(new_by.keys() - known.keys()):
        d = new_by[did]
        explained.add(did)
        changes.append(
            Change(
                kind=ChangeKind.DEVICE_ADDED,
                device=did,
                name=_label(d),
                after=", ".join(d.addresses),
                detail=f"{d.type.value}{' on ' + d.zone if d.zone else ''}",
            )
        )
    for did in sorted(known.keys() - new_by.keys()):
        d = known[did]
        explained.add(did)
        if d.transient:
            continue
        misses = _misses(did, history, new)
        if misses == missing_threshold:
            kind = ChangeKind.DEVICE_REMOVED
        elif misses == 1:
            kind = ChangeKind.DEVICE_NOT_SEEN
        else:
            continue
        changes.append(
            Change(
                kind=kind,
                device=did,
                name=_label(d),
                before=", ".join(d.addresses),
                detail=f"not seen in {misses} consecutive scan(s)",
            )
        )
    for did in sorted(old_by.keys() & new_by.keys()):
        dc = _device_changes(old_by[did], new_by[did], old, new)
        if any(c.kind is ChangeKind.MOVED for c in dc):
            explained.add(did)
        changes.extend(dc)
    changes.extend(_link_changes(old, new, explained))
    return _mark_critical(changes, [*history, new])


def _mark_critical(changes: list[Change], inventories: list[Inventory]) -> list[Change]:
    """Flag the changes of devices in the most urgent SLA tier (in any of the scans they
    appear in): added, removed or changed, a critical system is said first in the report."""
    critical = {d.id for inv in inventories if inv.sla_tiers for d in inv.devices
                if d.sla_tier == inv.sla_tiers[0].name}  # fmt: skip
    marked = [c.model_copy(update={"critical": True}) if c.device in critical else c
              for c in changes]  # fmt: skip
    return sorted(marked, key=lambda c: not c.critical)  # stable: order kept within each


def summarize(changes: Iterable[Change]) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in changes:
        out[c.kind.value] = out.get(c.kind.value, 0) + 1
    return out
