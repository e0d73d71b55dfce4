"""SNMP observations regrouped into one :class:`SnmpRecord` per agent, for inference, each
identified from the raw values its scan stored.

The regrouping itself is the discover side's (`record_from_observations`); this module only
feeds it in a canonical order, so inference does not depend on the order observations were
stored in, and names the agents where SNMP failed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from netmap.discover.snmp.collect import record_from_observations
from netmap.infer.identify.identify import identify_record
from netmap.model import ErrorObs, Observation, ScanRecord, SnmpObs, SnmpRecord


def snmp_obs(observations: Iterable[Observation]) -> list[SnmpObs]:
    return [o for o in observations if isinstance(o, SnmpObs)]


def _canonical_order(ob: SnmpObs) -> tuple[str, str, str, str]:
    # the regrouping keeps the latest observation of a getter; ties must not depend on order
    return (ob.getter, ob.time.isoformat(), json.dumps(ob.data, sort_keys=True, default=str),
            ob.error or "")


def records_from_scan(scan: ScanRecord) -> list[SnmpRecord]:
    """One record per agent address that answered at least one getter, sorted by address."""
    by_ip: dict[str, list[SnmpObs]] = defaultdict(list)
    for ob in snmp_obs(scan.observations):
        by_ip[ob.ip].append(ob)
    records: list[SnmpRecord] = []
    for ip in sorted(by_ip):
        group = sorted(by_ip[ip], key=_canonical_order)
        if all(o.error for o in group):
            continue
        records.append(identify_record(record_from_observations(group)))
    return records


def failed_agents(scan: ScanRecord) -> list[str]:
    """Addresses where SNMP was tried and no getter answered."""
    by_ip: dict[str, bool] = {}
    for ob in snmp_obs(scan.observations):
        by_ip[ob.ip] = by_ip.get(ob.ip, False) or not ob.error
    # "port unreachable" means no agent listens: that is an answer, not a failure worth a
    # line in "Needs attention" (timeouts and authentication errors are).
    refused = {ob.ip for ob in snmp_obs(scan.observations) if "unreachable" in (ob.error or "")}
    failed = {ip for ip, ok in by_ip.items() if not ok} - refused
    for err in scan.observations:
        if isinstance(err, ErrorObs) and err.phase.startswith("snmp") and not by_ip.get(err.target):
            failed.add(err.target)
    return sorted(failed)
