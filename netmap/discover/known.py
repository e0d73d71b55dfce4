"""What the network already knows about its own address space, read from its routers' SNMP.

Before a sweep of a large target (a /16), the routers say where the hosts are: the subnets on
their interfaces, the prefixes in their route tables, and the addresses in their ARP tables.
Those are probed first and with every probe; the rest of the target is silent space, swept
lightly. Routers are found by following next hops from this machine's own gateways, and only
those inside the scope are asked.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field

from netmap.model import SnmpRecord
from netmap.scope import Scope

# A prefix longer than this is a subnet someone numbered hosts in; a shorter one (the /16 the
# city owns, a default route, a summary) says nothing about where the hosts are.
MIN_PREFIX = 20
MAX_ROUTERS = 16  # routers asked in one scan, however many next hops the tables name
MAX_ROUNDS = 3  # next-hop generations followed from this machine's own gateways


@dataclass
class KnownSpace:
    subnets: set[ipaddress.IPv4Network] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)  # in some router's ARP table
    next_hops: set[str] = field(default_factory=set)  # routers the tables point to

    def ordered(self, candidates: Iterable[str]) -> tuple[list[str], list[str]]:
        """`candidates` split into (known, rest), each in address order: the ARP-known
        addresses lead the known list, then every address of a known subnet."""
        known_nets = sorted(self.subnets, key=lambda n: (n.network_address, n.prefixlen))
        first: list[str] = []
        known: list[str] = []
        rest: list[str] = []
        for ip in sorted(set(candidates), key=_key):
            if ip in self.addresses:
                first.append(ip)
            elif any(ipaddress.IPv4Address(ip) in net for net in known_nets):
                known.append(ip)
            else:
                rest.append(ip)
        return first + known, rest


def learn(records: Iterable[SnmpRecord], scope: Scope) -> KnownSpace:
    """Subnets, addresses and next hops inside `scope` that the routers' records name."""
    space = KnownSpace()
    for rec in records:
        for addr in rec.ip_addresses:
            _add_subnet(space, scope, addr.address, addr.prefix_length)
        for route in rec.routes:
            if route.route_type in ("reject", "invalid", "blackhole"):
                continue
            net = _network(route.destination)
            if net is not None and net.prefixlen >= MIN_PREFIX and _overlaps(scope, net):
                space.subnets.add(net)
            if route.next_hop and route.next_hop in scope and route.next_hop != "0.0.0.0":
                space.next_hops.add(route.next_hop)
        space.addresses.update(e.ip for e in rec.arp_table if e.ip in scope)
    return space


def gateways(route_file: str = "/proc/net/route") -> list[str]:
    """This machine's gateways (every route's next hop), from its own route table: no packet."""
    out: list[str] = []
    try:
        with open(route_file, encoding="ascii") as fh:
            next(fh, None)
            for line in fh:
                f = line.split()
                if len(f) >= 3 and int(f[2], 16):
                    gw = str(ipaddress.IPv4Address(int(f[2], 16).to_bytes(4, "little")))
                    if gw not in out:
                        out.append(gw)
    except (OSError, ValueError):
        return []
    return out


def _add_subnet(space: KnownSpace, scope: Scope, address: str, prefix: int | None) -> None:
    if prefix is None or not 0 < prefix <= 32:
        return
    try:
        net = ipaddress.IPv4Network(f"{address}/{prefix}", strict=False)
    except ValueError:
        return
    if net.prefixlen >= MIN_PREFIX and _overlaps(scope, net):
        space.subnets.add(net)


def _network(text: str) -> ipaddress.IPv4Network | None:
    try:
        return ipaddress.IPv4Network(text, strict=False)
    except ValueError:
        return None


def _overlaps(scope: Scope, net: ipaddress.IPv4Network) -> bool:
    return any(net.overlaps(target) for target in scope.networks)


def _key(ip: str) -> int:
    return int(ipaddress.IPv4Address(ip))
