"""ARP sweep of directly attached segments with scapy.

Only addresses that are in scope *and* on a segment this host is directly attached to are asked
(the route table decides the interface). Everything else is left to nmap's routed discovery.
"""

from __future__ import annotations

import fcntl
import ipaddress
import os
import select
import socket
import struct
import time
from collections import defaultdict
from collections.abc import Callable

from netmap.model import ArpObs
from netmap.oui import vendor_of
from netmap.scope import Scope

DEFAULT_RATE = 2000  # ARP requests per second: a /24 in an eighth of a second, as nmap -sn sends it
ARP_TIMEOUT = 1.5  # seconds to wait for late replies after the last request
MAX_TARGETS = 1 << 16


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
    """In-scope addresses grouped by the interface they are directly attached to.

    Every address of the overlap is asked, but the attached network's own network and
    broadcast addresses and the targets' edges: a piece left by an exclusion (10.1.1.4/30
    around an excluded .3) keeps its first and last address, which are hosts of the segment."""
    by_iface: dict[str, list[str]] = defaultdict(list)
    for iface, attached in _attached_networks():
        skip = set(scope.edges)
        if attached.prefixlen < 31:
            skip |= {attached.network_address, attached.broadcast_address}
        for net in scope.networks:
            if not net.overlaps(attached):
                continue
            part = net if attached.supernet_of(net) else attached
            by_iface[iface].extend(str(a) for a in part if a not in skip)
    return {k: scope.filter(sorted(set(v), key=ipaddress.IPv4Address)) for k, v in by_iface.items()}


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
    total = sum(len(v) for v in groups.values())
    if total > MAX_TARGETS:
        raise ValueError(f"{total} ARP targets is more than {MAX_TARGETS}")
    found: dict[str, ArpObs] = {}
    done = 0
    for iface, ips in groups.items():
        ips = scope.filter(ips)  # defence in depth: never ask outside the scope
        own_ip, own_mac, replies = _sweep(iface, ips, rate or DEFAULT_RATE)
        for ip, mac in replies.items():
            if ip in scope and ip not in found:
                found[ip] = ArpObs(target=ip, ip=ip, mac=mac, vendor=vendor_of(mac),
                                   interface=iface)  # fmt: skip
        if own_ip in scope and own_ip not in found:
            found[own_ip] = ArpObs(target=own_ip, ip=own_ip, mac=own_mac,
                                   vendor=vendor_of(own_mac), interface=iface, local=True)  # fmt: skip
        done += len(ips)
        if on_progress:
            on_progress(done, total)
    return sorted(found.values(), key=lambda o: ipaddress.IPv4Address(o.ip))


# -- one interface, one burst ----------------------------------------------------------------
#
# A raw AF_PACKET socket: every request is built once up front (42 bytes each) and sent at the
# configured rate, while the same loop reads the replies as they come. After the last request
# it waits until the replies stop (QUIET_S without one), never longer than ARP_TIMEOUT: on a
# LAN a reply takes milliseconds, so a fixed long wait is only time lost.

ETH_P_ARP = 0x0806
QUIET_S = 0.25
SIOCGIFADDR = 0x8915
_BROADCAST = b"\xff" * 6


def _sweep(iface: str, ips: list[str], rate: int) -> tuple[str, str, dict[str, str]]:
    """(own address, own MAC, {address: MAC} of every reply to an address asked)."""
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ARP)) as sock:
        sock.bind((iface, ETH_P_ARP))
        own_mac = sock.getsockname()[4][:6]
        own_ip = _iface_ip(iface)
        asked = {ipaddress.IPv4Address(ip).packed: ip for ip in ips}
        frames = [_request(own_mac, ipaddress.IPv4Address(own_ip).packed, t) for t in asked]
        replies = _burst(sock, frames, asked, 1.0 / max(rate, 1))
    return own_ip, _mac_text(own_mac), replies


def _request(src_mac: bytes, src_ip: bytes, dst_ip: bytes) -> bytes:
    """An Ethernet broadcast ARP who-has dst_ip (RFC 826)."""
    arp = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, src_mac, src_ip, b"\0" * 6, dst_ip)
    return _BROADCAST + src_mac + struct.pack("!H", ETH_P_ARP) + arp


def _burst(sock: socket.socket, frames: list[bytes], asked: dict[bytes, str],
           interval: float) -> dict[str, str]:  # fmt: skip
    replies: dict[str, str] = {}
    sock.setblocking(False)
    start = time.monotonic()
    sent = 0
    last = start  # the last request or reply
    while True:
        now = time.monotonic()
        while sent < len(frames) and now >= start + sent * interval:  # paced at `rate`
            sock.send(frames[sent])
            sent, last = sent + 1, now
        if sent == len(frames) and (now - last > QUIET_S or now - start - sent * interval
                                    > ARP_TIMEOUT):  # fmt: skip
            return replies
        wait = start + sent * interval - now if sent < len(frames) else QUIET_S
        ready, _, _ = select.select([sock], [], [], max(0.0, min(wait, QUIET_S)))
        if ready and _drain(sock, asked, replies):
            last = time.monotonic()


def _drain(sock: socket.socket, asked: dict[bytes, str], replies: dict[str, str]) -> bool:
    """Read every frame waiting; True when one was a new reply to a question we asked."""
    new = False
    for _ in range(4096):  # bounded: a flood cannot keep the loop here
        try:
            frame = sock.recv(2048)
        except BlockingIOError:
            break
        if len(frame) < 42 or frame[12:14] != b"\x08\x06" or frame[20:22] != b"\x00\x02":
            continue
        ip = asked.get(frame[28:32])
        if ip is not None and ip not in replies:
            replies[ip] = _mac_text(frame[22:28])
            new = True
    return new


def _iface_ip(iface: str) -> str:
    """The interface's IPv4 address (an ioctl on an unbound UDP socket: nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        request = struct.pack("256s", iface.encode()[:15])
        return socket.inet_ntoa(fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)[20:24])


def _mac_text(raw: bytes) -> str:
    return ":".join(f"{b:02x}" for b in raw)
