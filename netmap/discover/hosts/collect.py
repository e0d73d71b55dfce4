"""The host inventory phase: every computer with SSH or WinRM open, its credential sets tried
in order (the one that worked last time first), a bounded number at once.

A set is only tried on a host whose port for it is open. The next set is tried only after an
authentication failure: a timeout or a refused host key would be the same with any set of
that kind, and trying again would only cost another wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from netmap.discover.hosts.ssh import Limits, inventory_ssh
from netmap.model import HostFailure, HostInvObs, ResolvedHostCredential

SSH_PORT = 22
WINRM_PORTS = (5986, 5985)  # https first


@dataclass
class HostTarget:
    ip: str
    open_ports: set[int] = field(default_factory=set)


def port_of(cred: ResolvedHostCredential) -> int:
    from netmap.discover.hosts.winrm import winrm_port

    return (cred.port or SSH_PORT) if cred.kind == "ssh" else winrm_port(cred)


def applicable(
    target: HostTarget, creds: list[ResolvedHostCredential]
) -> list[ResolvedHostCredential]:
    """The sets whose port is open on the host, in the order given."""
    return [c for c in creds if port_of(c) in target.open_ports]


def wants_inventory(target: HostTarget, creds: list[ResolvedHostCredential]) -> bool:
    """SSH or WinRM is open: the host is a computer (or a box with a shell) to ask."""
    ports = {SSH_PORT, *WINRM_PORTS} | {c.port for c in creds if c.port}
    return bool(target.open_ports & ports)


async def inventory_many(
    targets: list[HostTarget],
    creds: list[ResolvedHostCredential],
    limits: Limits,
    *,
    concurrency: int = 32,
    preferred: dict[str, str] | None = None,
    pinned: dict[str, str] | None = None,
    on_done: Callable[[str], None] | None = None,
) -> list[HostInvObs]:
    """One HostInvObs per target that has SSH or WinRM open: its inventory or its failure."""
    gate = asyncio.Semaphore(concurrency)
    preferred, pinned = preferred or {}, pinned or {}

    async def one(t: HostTarget) -> HostInvObs:
        async with gate:
            ordered = sorted(applicable(t, creds), key=lambda c: c.name != preferred.get(t.ip))
            obs = await _try_sets(t, ordered, limits, pinned.get(t.ip))
        if on_done:
            on_done(t.ip)
        return obs

    wanted = [t for t in targets if wants_inventory(t, creds)]
    return list(await asyncio.gather(*(one(t) for t in wanted)))


async def _try_sets(
    t: HostTarget, creds: list[ResolvedHostCredential], limits: Limits, pinned: str | None
) -> HostInvObs:
    if not creds:
        return _no_set(t)
    tried: list[str] = []
    last: HostInvObs | None = None
    for cred in creds:
        last = await _try(t.ip, cred, limits, pinned)
        if last.failure is None:
            return last
        tried.append(cred.name)
        if last.failure not in ("authentication failed", "refused by policy"):
            break
    assert last is not None
    if last.failure == "authentication failed" and len(tried) > 1:
        last = last.model_copy(update={"error": f"refused with every set: {', '.join(tried)}"})
    return last


async def _try(
    ip: str, cred: ResolvedHostCredential, limits: Limits, pinned: str | None
) -> HostInvObs:
    if cred.kind == "ssh":
        return await inventory_ssh(ip, cred, limits, pinned)
    from netmap.discover.hosts.winrm import run_winrm

    return await asyncio.to_thread(
        run_winrm, ip, cred, timeout=limits.timeout, max_bytes=limits.max_bytes
    )


def _no_set(t: HostTarget) -> HostInvObs:
    """SSH or WinRM is open but the profile has no set for it: nothing is sent."""
    winrm = sorted(t.open_ports & set(WINRM_PORTS))
    method = "winrm" if winrm and SSH_PORT not in t.open_ports else "ssh"
    port = winrm[0] if method == "winrm" else SSH_PORT
    failure: HostFailure = "no credential set"
    return HostInvObs(target=t.ip, ip=t.ip, method=method, port=port, failure=failure,
                      error=f"port {port} is open; the profile has no [[{method}]] set")  # fmt: skip
