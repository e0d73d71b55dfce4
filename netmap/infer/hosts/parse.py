"""One stored host-inventory observation -> HostInventory, whichever platform answered."""

from __future__ import annotations

from netmap.model import HostInventory, HostInvObs


class HostParseError(ValueError):
    """The stored output cannot be read as an inventory (truncated, not the expected form)."""


def host_inventory(obs: HostInvObs) -> HostInventory | None:
    """The parsed inventory of a successful observation; None for a failed one. A Windows
    answer that cannot be parsed raises HostParseError naming the host."""
    if obs.failure is not None or not obs.outputs:
        return None
    if obs.platform == "windows":
        from netmap.infer.hosts.windows import parse_windows

        try:
            return parse_windows(obs.outputs.get("windows", ""), obs.method)
        except ValueError as exc:
            raise HostParseError(f"{obs.ip}: {exc}") from None
    from netmap.infer.hosts.unix import parse_unix

    return parse_unix(obs.outputs, obs.platform or "linux")
