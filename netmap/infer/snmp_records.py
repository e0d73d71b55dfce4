"""SNMP observations regrouped into one :class:`SnmpRecord` per agent.

Scanners store one SnmpObs per getter per agent. The discover side owns the canonical regrouping
(`netmap.discover.snmp.collect.record_from_observations`); it is used when present. The private
fallback here only exists so inference works while that module is being written.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from netmap.model import (
    ArpEntry,
    CdpNeighbor,
    ErrorObs,
    Facts,
    HostResources,
    Interface,
    InventoryItem,
    IpAddress,
    LldpNeighbor,
    MacEntry,
    Observation,
    PrinterInfo,
    Route,
    ScanRecord,
    SnmpObs,
    SnmpRecord,
    UpsInfo,
)

_SINGLE: dict[str, type[Any]] = {
    "facts": Facts,
    "software": HostResources,
    "printer": PrinterInfo,
    "ups": UpsInfo,
}
_LISTS: dict[str, type[Any]] = {
    "interfaces": Interface,
    "ip_addresses": IpAddress,
    "arp_table": ArpEntry,
    "mac_address_table": MacEntry,
    "lldp_neighbors_detail": LldpNeighbor,
    "cdp_neighbors": CdpNeighbor,
    "routes": Route,
    "inventory": InventoryItem,
}

Regroup = Callable[[Sequence[SnmpObs]], SnmpRecord]


@lru_cache(maxsize=1)
def _canonical() -> Regroup | None:
    try:
        mod = importlib.import_module("netmap.discover.snmp.collect")
    except ImportError:
        return None
    fn = getattr(mod, "record_from_observations", None)
    return fn if callable(fn) else None


def _fallback(obs: Sequence[SnmpObs]) -> SnmpRecord:
    """Regroup one agent's getter outputs; a getter whose data does not validate is an error."""
    ordered = sorted(obs, key=lambda o: (o.getter, o.time))
    fields: dict[str, Any] = {"ip": ordered[0].ip}
    errors: dict[str, str] = {}
    for ob in ordered:
        if ob.credential and "credential" not in fields:
            fields["credential"] = ob.credential
        if ob.error:
            errors[ob.getter] = ob.error
            continue
        if ob.data is None:
            continue
        try:
            if ob.getter in _SINGLE:
                fields[ob.getter] = TypeAdapter(_SINGLE[ob.getter]).validate_python(ob.data)
            elif ob.getter in _LISTS:
                fields[ob.getter] = TypeAdapter(list[_LISTS[ob.getter]]).validate_python(ob.data)
        except ValidationError as exc:
            errors[ob.getter] = f"malformed {ob.getter} data: {exc.error_count()} errors"
    fields["errors"] = errors
    return SnmpRecord(**fields)


def snmp_obs(observations: Iterable[Observation]) -> list[SnmpObs]:
    return [o for o in observations if isinstance(o, SnmpObs)]


def records_from_scan(scan: ScanRecord) -> list[SnmpRecord]:
    """One record per agent address that answered at least one getter, sorted by address."""
    by_ip: dict[str, list[SnmpObs]] = defaultdict(list)
    for ob in snmp_obs(scan.observations):
        by_ip[ob.ip].append(ob)
    regroup = _canonical() or _fallback
    records: list[SnmpRecord] = []
    for ip in sorted(by_ip):
        group = by_ip[ip]
        if all(o.error for o in group):
            continue
        records.append(regroup(group))
    return records


def failed_agents(scan: ScanRecord) -> list[str]:
    """Addresses where SNMP was tried and no getter answered."""
    by_ip: dict[str, bool] = {}
    for ob in snmp_obs(scan.observations):
        by_ip[ob.ip] = by_ip.get(ob.ip, False) or not ob.error
    failed = {ip for ip, ok in by_ip.items() if not ok}
    for ob in scan.observations:
        if isinstance(ob, ErrorObs) and ob.phase.startswith("snmp") and not by_ip.get(ob.target):
            failed.add(ob.target)
    return sorted(failed)
