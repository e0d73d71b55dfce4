"""scan -> inventory: merge, classify, apply overrides, build the topology. Pure."""

from __future__ import annotations

from dataclasses import replace

from netmap.infer.classify import classify, site_by_cabling
from netmap.infer.context import build_context
from netmap.infer.identify.ntlm import one_release
from netmap.infer.merge import merge_with_index
from netmap.infer.names import short_names
from netmap.infer.overrides import apply_overrides
from netmap.infer.sla import assign_sla
from netmap.infer.snmp_records import failed_agents
from netmap.infer.topology import build_links
from netmap.infer.vlans import summarize_vlans
from netmap.model import DiagramOptions, Inventory, Overrides, ScanRecord, SlaOptions


def build_inventory(
    scan: ScanRecord,
    overrides: Overrides | None = None,
    sla: SlaOptions | None = None,
    diagram: DiagramOptions | None = None,
) -> Inventory:
    merged = merge_with_index(scan)
    named = short_names(merged.devices)  # before any evidence quotes a name
    ctx = build_context(named, scan, merged.index)
    devices = classify(named, scan, ctx)
    # Overrides before topology: a type set by hand (phone, switch) changes how ports read.
    devices = apply_overrides(devices, overrides)
    topo = build_links(devices, scan, replace(ctx, devices={d.id: d for d in devices}))
    # A device spanning sites is sited by its cables, which only the topology knows; then the
    # overrides again, so inferred unmanaged switches can be named by their id too.
    sited = site_by_cabling(topo.devices, topo.links, scan.request.subnets)
    # The type, now final, picks between the Windows releases that share one NTLM build
    devices = [one_release(d) for d in apply_overrides(sited, overrides)]
    inv = Inventory(
        scan_id=scan.id,
        scanned_at=scan.status.started,
        request=scan.request,
        devices=devices,
        links=topo.links,
        subnets=topo.subnets,
        uplink=topo.uplink,
        snmp_failures=failed_agents(scan),
        scan_state=scan.status.state.value,
        phases_pending=list(scan.status.phases_pending),
        diagram=diagram or DiagramOptions(),
    )
    inv.vlans = summarize_vlans(inv)
    return assign_sla(inv, (sla or SlaOptions()).tiers)
