"""ARP sweep of directly attached segments with scapy.

Only addresses that are in scope *and* on a segment this host is directly attached to are asked
(the route table decides the interface). Everything else is left to nmap's routed discovery.
"""

from __future__ import annotations

import ipaddress
import os
from collections import defaultdict
from collections.abc import Callable

from netmap.model import ArpObs
from netmap.oui import vendor_of
from netmap.scope import Scope

DEFAULT_RATE = 500  # ARP requests per second
ARP_TIMEOUT = 1.5  # seconds to wait for late replies after the last request
MAX_TARGETS = 1 << 16


def normalize_mac(mac: str) -> str:
    return mac.strip().lower().replace("-", ":")


def can_arp() -> bool:
    return os.geteuid() == 0


def _le_ip(value: int) -> ipaddress.IPv4Address:
    """/proc/net/route prints addresses as little-endian hex."""
    return ipaddress.IPv4Address(value.to_bytes(4, "little"))


def _attached_networks() -> list[tuple[str, ipaddress.IPv4Network]]:
    """(interface, network) of every directly attached IPv4 route.

    Read from /proc/net/route rather than scapy's table so the caller can decide what is local
    before paying for the scapy import (which then happens in the ARP thread, beside nmap).
    """
    out = []
    with open("/proc/net/route", encoding="ascii") as fh:
        next(fh, None)  # header
        for line in fh:
            f = line.split()
            if len(f) < 8 or f[0] == "lo":
                continue
            dest, gw, mask = (int(x, 16) for x in (f[1], f[2], f[7]))
            if gw != 0 or mask == 0:
                continue
            out.append((f[0], ipaddress.IPv4Network(f"{_le_ip(dest)}/{_le_ip(mask)}", strict=False)))
    return out


def local_targets(scope: Scope) -> dict[str, list[str]]:
    """In-scope addresses grouped by the interface they are directly attached to."""
    by_iface: dict[str, list[str]] = defaultdict(list)
    for iface, attached in _attached_networks():
        for net in scope.networks:
            if not net.overlaps(attached):
                continue
            part = net if attached.supernet_of(net) else attached
            by_iface[iface].extend(str(a) for a in _hosts(part) if a != attached.broadcast_address)
    return {k: scope.filter(sorted(set(v), key=ipaddress.IPv4Address)) for k, v in by_iface.items()}


def _hosts(net: ipaddress.IPv4Network) -> list[ipaddress.IPv4Address]:
    return list(net) if net.prefixlen >= 31 else list(net.hosts())


def arp_sweep(
    scope: Scope,
    groups: dict[str, list[str]],
    rate: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[ArpObs]:
    """ARP for `groups` (interface -> addresses, from `local_targets`). Raises PermissionError
    when not root (the caller falls back to nmap)."""
    if not can_arp():
        raise PermissionError("ARP sweep needs root (raw sockets)")
    from scapy.arch import get_if_addr, get_if_hwaddr
    from scapy.layers.l2 import ARP, Ether
    from scapy.sendrecv import srp

    total = sum(len(v) for v in groups.values())
    if total > MAX_TARGETS:
        raise ValueError(f"{total} ARP targets is more than {MAX_TARGETS}")
    inter = 1.0 / (rate or DEFAULT_RATE)
    found: dict[str, ArpObs] = {}
    done = 0
    for iface, ips in groups.items():
        ips = scope.filter(ips)  # defence in depth: never ask outside the scope
        pkts = Ether(dst="ff:ff:ff:ff:ff:ff") / ARP(pdst=ips)
        answered, _ = srp(pkts, iface=iface, timeout=ARP_TIMEOUT, inter=inter, verbose=False)
        for _sent, reply in answered:
            ip, mac = str(reply.psrc), normalize_mac(str(reply.hwsrc))
            if ip in scope and ip not in found:
                found[ip] = ArpObs(
                    target=ip, ip=ip, mac=mac, vendor=vendor_of(mac), interface=iface
                )
        own_ip, own_mac = get_if_addr(iface), normalize_mac(get_if_hwaddr(iface))
        if own_ip in scope and own_ip not in found:
            found[own_ip] = ArpObs(
                target=own_ip, ip=own_ip, mac=own_mac, vendor=vendor_of(own_mac),
                interface=iface, local=True,
            )
        done += len(ips)
        if on_progress:
            on_progress(done, total)
    return sorted(found.values(), key=lambda o: ipaddress.IPv4Address(o.ip))
