"""What classify and topology both need to look up: SNMP records per device, neighbour-table
entries resolved to devices, port names, and which device holds the default route.

Built once per inference run from (devices, scan); everything here is pure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from netmap.infer.addr import identity_ip, identity_mac
from netmap.infer.merge import cdp_keys, lldp_keys, managed_ap_keys, merge_with_index, resolve
from netmap.infer.snmp_records import records_from_scan
from netmap.model import (
    ArpObs,
    CdpNeighbor,
    Device,
    DeviceType,
    HostObs,
    LldpNeighbor,
    Route,
    ScanRecord,
    SnmpRecord,
)

DEFAULT_ROUTES = ("0.0.0.0/0", "::/0")
ROUTERS = (DeviceType.ROUTER, DeviceType.FIREWALL)


@dataclass(frozen=True)
class Neighbour:
    """One LLDP or CDP entry: `local` saw `remote` (a device id, or None if unresolved)."""

    local: str
    local_port: str | None
    remote: str | None
    remote_port: str | None  # as reported (port id), not yet canonical
    remote_port_desc: str | None
    source: str  # "lldp" / "cdp"
    capabilities: tuple[str, ...]
    med_class: int | None
    description: str | None


@dataclass(frozen=True)
class Exit:
    router: str
    next_hop: str | None
    interface: str | None


@dataclass(frozen=True)
class Managed:
    """An access point (`ap`, a device id) that a wireless controller lists among its own."""

    controller: str
    ap: str
    mib: str
    status: str | None  # the AP's state as the controller lists it


@dataclass
class Context:
    devices: dict[str, Device]
    index: dict[str, str]
    records: dict[str, list[SnmpRecord]] = field(default_factory=dict)
    neighbours: list[Neighbour] = field(default_factory=list)
    managed: list[Managed] = field(default_factory=list)
    scanner_ips: set[str] = field(default_factory=set)
    _about: dict[str, list[Neighbour]] | None = None
    _controllers: dict[str, list[Managed]] | None = None

    def device_of_ip(self, ip: str | None) -> str | None:
        norm = identity_ip(ip)
        return self.index.get(f"ip:{norm}") if norm else None

    def device_of_mac(self, mac: str | None) -> str | None:
        norm = identity_mac(mac)
        return self.index.get(f"mac:{norm}") if norm else None

    def about(self, dev_id: str) -> list[Neighbour]:
        """Neighbour entries that other devices hold about `dev_id`."""
        if self._about is None:
            self._about = defaultdict(list)
            for n in self.neighbours:
                if n.remote is not None:
                    self._about[n.remote].append(n)
        return self._about.get(dev_id, [])

    def controllers_of(self, dev_id: str) -> list[Managed]:
        """The wireless controllers that list `dev_id` among their access points, by id."""
        if self._controllers is None:
            self._controllers = defaultdict(list)
            for m in sorted(self.managed, key=lambda m: m.controller):
                self._controllers[m.ap].append(m)
        return self._controllers.get(dev_id, [])


def port_name(dev: Device | None, name: str | None, if_index: int | None) -> str | None:
    """A local port as the device names it (ifName), from a name or an ifIndex."""
    if name and name.strip():
        return name.strip()
    if if_index is None:
        return None
    if dev is not None:
        for iface in dev.interfaces:
            if iface.if_index == if_index:
                return iface.name or iface.description or f"ifIndex {if_index}"
    return f"ifIndex {if_index}"


def canonical_port(dev: Device | None, *reported: str | None) -> str | None:
    """Map a remote port as a neighbour reported it (ifName, ifDescr, alias, MAC, index: tried
    in the order given) to the remote device's own ifName, so both ends of a link use one name.
    Unmatched, the first non-empty report is kept as is."""
    texts = [r.strip() for r in reported if r and r.strip()]
    if not texts:
        return None
    for text in texts if dev is not None else []:
        mac = identity_mac(text)
        for iface in dev.interfaces if dev is not None else []:
            if (text in (iface.name, iface.description, iface.alias)
                    or (mac is not None and identity_mac(iface.mac_address) == mac)
                    or (text.isdigit() and iface.if_index == int(text))):
                return iface.name or iface.description or text
    return texts[0]


def _lldp_entry(ctx: Context, local: str, n: LldpNeighbor) -> Neighbour:
    keys, name = lldp_keys(n)
    caps = n.remote_system_enable_capab or n.remote_system_capab
    return Neighbour(
        local=local,
        local_port=port_name(ctx.devices.get(local), n.parent_interface, n.local_port_num),
        remote=resolve(ctx.index, keys, name),
        remote_port=n.remote_port,
        remote_port_desc=n.remote_port_description,
        source="lldp",
        capabilities=tuple(sorted(c.strip().lower() for c in caps)),
        med_class=n.med_device_class,
        description=n.remote_system_description,
    )


def _cdp_entry(ctx: Context, local: str, n: CdpNeighbor) -> Neighbour:
    keys, name = cdp_keys(n)
    return Neighbour(
        local=local,
        local_port=port_name(ctx.devices.get(local), n.parent_interface, n.local_if_index),
        remote=resolve(ctx.index, keys, name),
        remote_port=n.remote_port,
        remote_port_desc=None,
        source="cdp",
        capabilities=tuple(sorted(c.strip().lower() for c in n.remote_capabilities)),
        med_class=None,
        description=n.remote_platform,
    )


def build_context(devices: list[Device], scan: ScanRecord,
                  index: dict[str, str] | None = None) -> Context:
    if index is None:
        index = merge_with_index(scan).index
    ctx = Context(devices={d.id: d for d in devices}, index=index)
    records: dict[str, list[SnmpRecord]] = defaultdict(list)
    for rec in records_from_scan(scan):
        dev = ctx.device_of_ip(rec.ip) or index.get(f"agent:{rec.ip}")
        if dev is not None and dev in ctx.devices:
            records[dev].append(rec)
    ctx.records = dict(records)
    for dev_id in sorted(ctx.records):
        for rec in ctx.records[dev_id]:
            ctx.neighbours += [_lldp_entry(ctx, dev_id, n) for n in rec.lldp_neighbors_detail]
            ctx.neighbours += [_cdp_entry(ctx, dev_id, n) for n in rec.cdp_neighbors]
            ctx.managed += [Managed(dev_id, ap_id, ap.mib, ap.status) for ap in rec.managed_aps
                            if (ap_id := resolve(index, managed_ap_keys(ap), None))
                            and ap_id != dev_id]
    ctx.scanner_ips = {
        ip for ob in scan.observations
        if (
            (isinstance(ob, HostObs) and ob.reason == "localhost-response")
            or (isinstance(ob, ArpObs) and ob.local)
        )
        and (ip := identity_ip(ob.ip)) is not None
    }
    return ctx


def default_route(records: list[SnmpRecord]) -> Route | None:
    routes = [r for rec in records for r in rec.routes if r.destination in DEFAULT_ROUTES]
    if not routes:
        return None
    return min(routes, key=lambda r: (r.destination, r.next_hop or "", r.interface or ""))


def _next_hop(route: Route) -> str | None:
    nh = identity_ip(route.next_hop)
    return nh


def find_exits(ctx: Context) -> list[Exit]:
    """Devices holding the network's way out: a default route whose next hop is not another
    device we know (so it leads outside), on a box that forwards (a router/firewall type, or
    the default gateway of some other device)."""
    gateways_of_others: set[str] = set()
    defaults: dict[str, Route] = {}
    for dev_id, recs in sorted(ctx.records.items()):
        route = default_route(recs)
        if route is None:
            continue
        defaults[dev_id] = route
        target = ctx.device_of_ip(_next_hop(route))
        if target is not None and target != dev_id:
            gateways_of_others.add(target)
    exits: list[Exit] = []
    for dev_id, route in sorted(defaults.items()):
        nh = _next_hop(route)
        target = ctx.device_of_ip(nh)
        if target is not None and target != dev_id:
            continue
        dev = ctx.devices[dev_id]
        if dev.type not in ROUTERS and dev_id not in gateways_of_others:
            continue
        exits.append(Exit(dev_id, nh, port_name(dev, route.interface, route.if_index)))
    return exits
