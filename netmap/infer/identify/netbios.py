"""What a NetBIOS name table says of a host: its computer name, the workgroup or domain it
joined, and whether it is one of the domain's controllers.

The suffix byte of each name says which service registered it (Microsoft's NetBIOS suffix
list, MS-NBTE): <00> unique is the computer's workstation service, so its name; <00> group is
the workgroup or domain; <1C> is registered only by a domain's controllers (Windows flags it a
group, Samba's nmbd does not: either counts); <20> is the file server service. Samba's nmbd
registers the same names, so this says "Windows networking", not "Windows": no OS is read from
it. Pure functions of the stored observation.
"""

from __future__ import annotations

from dataclasses import dataclass

from netmap.model import DeviceType, NetbiosObs, TypeVote

WORKSTATION, DOMAIN_CONTROLLERS, FILE_SERVER = 0x00, 0x1C, 0x20


@dataclass(frozen=True)
class NetbiosHost:
    name: str | None  # the computer name, as registered (upper case)
    domain: str | None  # the workgroup or domain it joined
    domain_controller: bool  # it registered its domain's <1C> controllers' name


def describe_netbios(ob: NetbiosObs) -> NetbiosHost | None:
    """The host's names, or None for a table that names nothing."""
    def first(suffix: int, group: bool) -> str | None:
        return next((n.name for n in ob.names if n.suffix == suffix and n.group is group), None)

    name = first(WORKSTATION, False) or first(FILE_SERVER, False)
    domain = first(WORKSTATION, True)
    dc = next((n.name for n in ob.names if n.suffix == DOMAIN_CONTROLLERS), None)
    if name is None and domain is None:
        return None
    return NetbiosHost(name=name, domain=domain or dc, domain_controller=dc is not None)


def type_votes(host: NetbiosHost) -> list[TypeVote]:
    """A domain's controller is a server; any other name table says nothing of the type."""
    if not host.domain_controller:
        return []
    return [TypeVote(type=DeviceType.SERVER, weight=0.6, source="netbios",
                     detail=f"NetBIOS: a controller of domain '{host.domain}' (<1C>)")]
