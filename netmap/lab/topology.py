"""What a built lab must show, derived from the spec alone (no root needed):
which LLDP neighbours each agent sees, which MACs each switch learns on which port,
and which address each device pings to announce itself.
"""

from __future__ import annotations

import ipaddress

from netmap.lab.spec import DeviceSpec, LabSpec

Port = tuple[str, str]  # (device, interface)


def peer(spec: LabSpec, device: str, port: str) -> Port | None:
    for link in spec.links:
        if (link.a, link.a_port) == (device, port):
            return link.b, link.b_port
        if (link.b, link.b_port) == (device, port):
            return link.a, link.a_port
    return None


def cabled_ports(spec: LabSpec, d: DeviceSpec) -> list[str]:
    names = [i.name for i in d.all_interfaces()]
    return [p for p in names if peer(spec, d.name, p) is not None]


def l2_endpoints(spec: LabSpec, device: str, port: str) -> set[Port]:
    """Every addressed interface reachable at layer 2 out of device:port.

    Bridges are crossed (they flood broadcasts); anything else terminates the walk.
    A bridge's own interface counts when it has an address (switch management)."""
    out: set[Port] = set()
    seen: set[str] = {device}
    todo = [peer(spec, device, port)]
    while todo:
        hop = todo.pop()
        if hop is None:
            continue
        dev = spec.device(hop[0])
        if dev.bridge is not None and dev.name in seen:
            continue
        if dev.bridge is None:
            if any(i.name == hop[1] and i.ips for i in dev.interfaces):
                out.add(hop)
            continue
        seen.add(dev.name)
        if dev.bridge_interface().ips:
            out.add((dev.name, dev.bridge.name))
        todo += [peer(spec, dev.name, p) for p in cabled_ports(spec, dev) if p != hop[1]]
    return out


def mac_of(spec: LabSpec, p: Port) -> str:
    return next(i.mac for i in spec.device(p[0]).all_interfaces() if i.name == p[1])


def expected_fdb(spec: LabSpec, switch: str) -> dict[str, set[str]]:
    """port -> MACs the switch must have learned there once every device announced
    itself (see traffic_plan)."""
    d = spec.device(switch)
    assert d.bridge is not None
    return {p: {mac_of(spec, e) for e in l2_endpoints(spec, switch, p)}
            for p in cabled_ports(spec, d)}


def expected_lldp(spec: LabSpec, device: str) -> dict[str, set[str]]:
    """local port -> names of LLDP speakers seen there. Managed bridges stop LLDP
    (802.1D); an unmanaged bridge passes it only with lldp_passthrough."""
    d = spec.device(device)
    out: dict[str, set[str]] = {}
    for port in cabled_ports(spec, d):
        seen: set[str] = set()
        found: set[str] = set()
        todo = [peer(spec, device, port)]
        while todo:
            hop = todo.pop()
            if hop is None or hop[0] in seen:
                continue
            seen.add(hop[0])
            n = spec.device(hop[0])
            if n.lldp:
                found.add(n.name)
            elif n.bridge is not None and n.bridge.lldp_passthrough:
                todo += [peer(spec, n.name, p) for p in cabled_ports(spec, n) if p != hop[1]]
        if found:
            out[port] = found
    return out


def traffic_plan(spec: LabSpec, d: DeviceSpec) -> list[tuple[str, str]]:
    """(unicast target, broadcast address) per addressed interface of d.

    Unicast fills the router's ARP table (ipNetToMedia); the broadcast ping makes
    every switch of the segment learn the sender's MAC, whatever ARP caches hold."""
    plan: list[tuple[str, str]] = []
    for iface in d.interfaces:
        for ip in iface.ips:
            target = _target(spec, d, ip)
            if target is not None:
                plan.append((str(target), str(ip.network.broadcast_address)))
            # every other router or firewall of the segment hears from it too, as an edge
            # firewall does from each host whose internet traffic it returns
            plan += [(str(other), str(ip.network.broadcast_address))
                     for other in _forwarders_on(spec, d, ip.network) if other != target]
    return plan


def _forwarders_on(spec: LabSpec, d: DeviceSpec,
                   net: ipaddress.IPv4Network) -> list[ipaddress.IPv4Address]:
    return [oip.ip for other in spec.devices if other.name != d.name and other.is_forwarding
            for oip in other.ips() if oip.ip in net]


def _target(spec: LabSpec, d: DeviceSpec,
            ip: ipaddress.IPv4Interface) -> ipaddress.IPv4Address | None:
    sub = spec.subnet_of(ip.ip)
    if sub is not None and sub.gateway != ip.ip:
        return sub.gateway
    for other in spec.devices:
        if other.name == d.name:
            continue
        for oip in other.ips():
            if oip.ip in ip.network:
                return oip.ip
    return None


def expected_neighbours(spec: LabSpec, d: DeviceSpec) -> set[str]:
    """IPs a router must hold in its ARP table once every device announced itself:
    every other address in its directly connected networks."""
    nets = [ip.network for ip in d.ips()]
    mine = {ip.ip for ip in d.ips()}
    return {str(ip.ip) for other in spec.devices for ip in other.ips()
            if ip.ip not in mine and any(ip.ip in n for n in nets)}
