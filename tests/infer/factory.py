"""Hand-made observation sets for inference tests, built from the real model types.

SNMP observations are built the way scanners store them: one SnmpObs per getter per agent, the
getter's record serialised as JSON data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from pydantic import BaseModel

from netmap.model import (
    ArpEntry,
    ArpObs,
    DnsObs,
    Facts,
    HostObs,
    Interface,
    IpAddress,
    LldpNeighbor,
    MacEntry,
    ObsBase,
    Observation,
    Route,
    ScanRecord,
    ScanRequest,
    ScanState,
    ScanStatus,
    ServiceObs,
    SiteZone,
    SnmpObs,
)

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)
SWITCH_OID = "1.3.6.1.4.1.11.2.3.7.11.181.10"  # HP ProCurve / Aruba switch family
ROUTER_DESCR = "Cisco IOS Software, ISR Software, Version 16.9.4"


def mac(n: int, oui: str = "02:00:00") -> str:
    """A distinct MAC per n (locally administered OUI by default: no vendor)."""
    return f"{oui}:{(n >> 16) & 0xFF:02x}:{(n >> 8) & 0xFF:02x}:{n & 0xFF:02x}"


def arp(ip: str, mac_: str, vendor: str | None = None, minute: int = 0) -> ArpObs:
    return ArpObs(target=ip, ip=ip, mac=mac_, vendor=vendor, time=T0 + timedelta(minutes=minute))


def host(ip: str, mac_: str | None = None, hostname: str | None = None,
         vendor: str | None = None, reason: str | None = None) -> HostObs:
    return HostObs(target=ip, ip=ip, mac=mac_, hostname=hostname, vendor=vendor, reason=reason,
                   time=T0)


def svc(ip: str, port: int, name: str | None = None, product: str | None = None,
        proto: str = "tcp", banner: str | None = None, extrainfo: str | None = None,
        version: str | None = None, cpe: list[str] | None = None,
        devicetype: str | None = None, ostype: str | None = None) -> ServiceObs:
    return ServiceObs.model_validate(dict(
        target=ip, ip=ip, port=port, proto=proto, name=name, product=product, banner=banner,
        extrainfo=extrainfo, version=version, cpe=cpe or [], devicetype=devicetype,
        ostype=ostype, time=T0))


def dns(ip: str, name: str) -> DnsObs:
    return DnsObs(target=ip, ip=ip, name=name, time=T0)


def _json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def snmp(ip: str, **getters: Any) -> list[SnmpObs]:
    """One SnmpObs per getter given (facts=Facts(...), interfaces=[...], ...)."""
    return [SnmpObs(target=ip, ip=ip, getter=g, credential="lab", data=_json(v), time=T0)
            for g, v in getters.items()]


def iface(index: int, name: str, mac_: str | None) -> Interface:
    return Interface(if_index=index, name=name, mac_address=mac_, is_up=True, is_enabled=True)


def fdb(port: str, *macs: str) -> list[MacEntry]:
    return [MacEntry(mac=m, interface=port, status="learned") for m in macs]


def lldp(port: str, chassis: str, *, name: str | None = None, remote_port: str | None = None,
         caps: Sequence[str] = (), med: int | None = None, mgmt: str | None = None,
         descr: str | None = None) -> LldpNeighbor:
    return LldpNeighbor(parent_interface=port, remote_chassis_id=chassis,
                        remote_chassis_id_subtype=4, remote_port=remote_port,
                        remote_port_subtype=5 if remote_port else None,
                        remote_system_name=name, remote_system_capab=list(caps),
                        remote_system_enable_capab=list(caps), med_device_class=med,
                        remote_management_address=mgmt, remote_system_description=descr)


def switch(ip: str, name: str, base: int, ports: int = 8, *,
           tables: dict[str, Iterable[str]] | None = None,
           neighbours: Sequence[LldpNeighbor] = (), prefix: int = 24,
           default_gw: str | None = None) -> tuple[list[SnmpObs], dict[str, str]]:
    """A managed switch (bridge 'vlan1' + ports ge1..geN, MACs base, base+1, ...).

    Returns its observations and a port -> port-MAC map (to use as an LLDP remote port MAC).
    """
    ifs = [iface(1, "vlan1", mac(base))] + [iface(i + 1, f"ge{i}", mac(base + i))
                                            for i in range(1, ports + 1)]
    entries = [e for port, macs in (tables or {}).items() for e in fdb(port, *macs)]
    routes = [Route(destination="0.0.0.0/0", next_hop=default_gw)] if default_gw else []
    obs = snmp(
        ip,
        facts=Facts(hostname=name, sys_descr=f"ProCurve J9773A Switch 2530-24G ({name})",
                    sys_object_id=SWITCH_OID, vendor="HP", services=2),
        interfaces=ifs,
        ip_addresses=[IpAddress(if_index=1, address=ip, prefix_length=prefix)],
        mac_address_table=entries,
        lldp_neighbors_detail=list(neighbours),
        routes=routes,
    )
    return obs, {i.name or "": i.mac_address or "" for i in ifs}


def router(mgmt: str, name: str, ports: Sequence[tuple[str, str, str, int]], *,
           arp_rows: Sequence[tuple[str, str, str]] = (), default: str | None = None,
           default_if: str | None = None, neighbours: Sequence[LldpNeighbor] = ()
           ) -> list[SnmpObs]:
    """A router: ports are (ifName, mac, ip, prefix); arp_rows (ip, mac, ifName)."""
    ifs = [iface(i + 1, n, m) for i, (n, m, _, _) in enumerate(ports)]
    addrs = [IpAddress(if_index=i + 1, address=ip, prefix_length=p)
             for i, (_, _, ip, p) in enumerate(ports)]
    routes = [Route(destination="0.0.0.0/0", next_hop=default, interface=default_if,
                    protocol="static")] if default else []
    return snmp(
        mgmt,
        facts=Facts(hostname=name, sys_descr=ROUTER_DESCR, sys_object_id="1.3.6.1.4.1.9.1.1861",
                    vendor="Cisco", services=78),
        interfaces=ifs,
        ip_addresses=addrs,
        arp_table=[ArpEntry(ip=ip, mac=m, interface=i) for ip, m, i in arp_rows],
        routes=routes,
        lldp_neighbors_detail=list(neighbours),
    )


def make_scan(obs: Iterable[ObsBase], targets: Sequence[str] = ("10.0.0.0/24",),
              subnets: dict[str, SiteZone] | None = None, scan_id: str = "t1") -> ScanRecord:
    return ScanRecord(
        id=scan_id,
        request=ScanRequest(targets=list(targets), subnets=subnets or {}),
        status=ScanStatus(state=ScanState.COMPLETE, started=T0),
        observations=cast(list[Observation], list(obs)),
    )
