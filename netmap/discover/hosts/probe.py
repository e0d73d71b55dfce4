"""`netmap probe-host HOST`: inventory one computer with the sets given on the command line,
the way `probe` asks one SNMP agent. Nothing is port-scanned: the sets name their ports."""

from __future__ import annotations

import asyncio
from typing import Any

from netmap.discover.hosts.collect import HostTarget, inventory_many, port_of
from netmap.discover.hosts.ssh import Limits
from netmap.infer.hosts.parse import HostParseError, host_inventory
from netmap.model import HostInventory, HostInvObs, ResolvedHostCredential


def probe_host(ip: str, creds: list[ResolvedHostCredential], limits: Limits) -> HostInvObs:
    target = HostTarget(ip, {port_of(c) for c in creds})
    return asyncio.run(inventory_many([target], creds, limits, concurrency=1))[0]


def parsed(obs: HostInvObs) -> tuple[HostInventory | None, str | None]:
    """The inventory, or why the output could not be read."""
    try:
        return host_inventory(obs), None
    except HostParseError as exc:
        return None, str(exc)


def report(obs: HostInvObs) -> dict[str, Any]:
    inv, problem = parsed(obs)
    head = obs.model_dump(mode="json", exclude={"outputs"})
    head["output_bytes"] = sum(len(v.encode("utf-8")) for v in obs.outputs.values())
    head["inventory"] = inv.model_dump(mode="json") if inv else None
    head["parse_error"] = problem
    return head


def summary_lines(obs: HostInvObs) -> list[str]:
    if obs.failure is not None:
        return [f"{obs.ip}: {obs.failure} over {obs.method}: {obs.error}"]
    inv, problem = parsed(obs)
    lines = [f"{obs.ip}: inventoried over {obs.method} with set {obs.credential!r} "
             f"({obs.commands} commands, platform {obs.platform})"]  # fmt: skip
    if obs.host_key:
        lines.append(f"  host key     {obs.host_key}")
    if inv is None:
        return [*lines, f"  output could not be read: {problem}"]
    memory = f"{inv.memory_bytes / 2**30:.1f} GiB" if inv.memory_bytes else None
    disks = ", ".join(f"{d.name} {d.size_bytes / 1e9:.0f} GB" if d.size_bytes else d.name
                      for d in inv.disks)  # fmt: skip
    for label, value in (("host name", inv.hostname), ("OS", inv.os_name),
                         ("OS version", inv.os_version), ("maker", inv.vendor),
                         ("model", inv.model), ("serial", inv.serial), ("CPU", inv.cpu),
                         ("memory", memory), ("disks", disks or None),
                         ("software", f"{len(inv.software)} packages"),
                         ("hotfixes", str(len(inv.hotfixes)) if inv.hotfixes else None)):  # fmt: skip
        if value:
            lines.append(f"  {label:<12} {value}")
    lines += [f"  evidence     {e}" for e in inv.evidence]
    return lines
