"""Host discovery of routed space: one paced sender, one receiver, no per-host timeout.

nmap's `-sn` keeps state per host (probes, retransmissions, a timeout for each); over a /16 of
mostly silent space that state is the cost. Here every probe is stateless:

* ICMP echo request, identified by an identifier drawn per run;
* TCP SYN to a few ports, from one source port drawn per run, with a sequence number derived
  from the address and port (a SYN-ACK or RST answering it carries that number + 1, so a stray
  segment cannot pass for a reply).

One loop sends the probes at the configured rate (a slot every 1/rate s, as the ARP sweep does)
and, between slots, reads what came back on two raw sockets. After the last probe it waits until
the replies stop (`QUIET_S` without one), never longer than `MAX_WAIT_S`. Any answer from the
address probed (echo reply, SYN-ACK or RST) means the host is up; the kernel resets the half-open
connections itself, since no socket owns them.

Addresses the network already names (from the routers' SNMP: their interface subnets, routes
and ARP tables) are probed first and with every port; the rest of the space gets the light
probe set. Root only: the caller falls back to nmap otherwise.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import os
import select
import socket
import struct
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from netmap.model import HostObs

DEFAULT_RATE = 2000  # probes per second: a /16 with two probes each in about 65 s
FULL_PORTS = (22, 80, 443, 445, 3389)  # addresses the network names: every common door
LIGHT_PORTS = (443,)  # the rest of the space: an echo and one SYN, like half of nmap's -sn
QUIET_S = 0.5  # after the last probe, stop once no reply came for this long
MAX_WAIT_S = 3.0  # and never wait longer than this after the last probe
MAX_TARGETS = 1 << 20  # a /12: the largest space one sweep takes
_RCVBUF = 4 << 20


@dataclass(frozen=True)
class Probe:
    ip: str
    port: int | None  # None: ICMP echo


@dataclass
class SweepResult:
    hosts: list[HostObs] = field(default_factory=list)
    sent: int = 0
    seconds: float = 0.0


def can_sweep() -> bool:
    return os.geteuid() == 0


def plan(known: Sequence[str], rest: Sequence[str], full_ports: Sequence[int] = FULL_PORTS,
         light_ports: Sequence[int] = LIGHT_PORTS) -> Iterator[Probe]:  # fmt: skip
    """Every probe, in order: the known addresses with every port, then the rest with the light
    set. Probes to one address are spread out (all echoes of a block, then its first port, ...),
    so a host never sees a burst."""
    yield from _block_probes(known, full_ports)
    yield from _block_probes(rest, light_ports)


def _block_probes(ips: Sequence[str], ports: Sequence[int], block: int = 256) -> Iterator[Probe]:
    for start in range(0, len(ips), block):
        chunk = ips[start : start + block]
        for port in (None, *ports):
            for ip in chunk:
                yield Probe(ip, port)


def probe_count(known: int, rest: int, full_ports: Sequence[int] = FULL_PORTS,
                light_ports: Sequence[int] = LIGHT_PORTS) -> int:  # fmt: skip
    return known * (1 + len(full_ports)) + rest * (1 + len(light_ports))


def sweep(
    probes: Iterable[Probe],
    total: int,
    in_scope: Callable[[str], bool],
    rate: int | None = None,
    on_progress: Callable[[int, int, int], None] | None = None,
    up: dict[str, str] | None = None,
) -> SweepResult:
    """Send `probes` (`total` of them) at `rate` per second and collect who answered.

    `on_progress(sent, total, hosts_up)` is called about five times a second. Addresses outside
    `in_scope` are never sent to (checked here again, whatever the caller planned). `up`, when
    given, is filled as replies come (address -> reply), so an interrupted sweep keeps them."""
    if not can_sweep():
        raise PermissionError("the sweep needs root (raw sockets)")
    if total > MAX_TARGETS * (1 + len(FULL_PORTS)):
        raise ValueError(f"{total} probes is more than one sweep takes")
    with contextlib.ExitStack() as stack:
        icmp = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_RAW,
                                                 socket.IPPROTO_ICMP))  # fmt: skip
        tcp = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_RAW,
                                                socket.IPPROTO_TCP))  # fmt: skip
        for sock in (icmp, tcp):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _RCVBUF)
            sock.setblocking(False)
        run = _Run(icmp, tcp, in_scope, 1.0 / max(rate or DEFAULT_RATE, 1), total, on_progress)
        if up is not None:
            run.up = up
        return run.go(probes)


class _Run:
    """The state of one sweep: the two sockets, what was sent, who answered."""

    def __init__(self, icmp: socket.socket, tcp: socket.socket, in_scope: Callable[[str], bool],
                 interval: float, total: int,
                 on_progress: Callable[[int, int, int], None] | None) -> None:  # fmt: skip
        self.icmp, self.tcp, self.in_scope = icmp, tcp, in_scope
        self.interval, self.total, self.on_progress = interval, total, on_progress
        secret = os.urandom(16)
        self.secret = secret
        self.ident = int.from_bytes(secret[:2], "big")
        self.sport = 40000 + int.from_bytes(secret[2:4], "big") % 20000
        self.sources: dict[int, bytes] = {}  # /24 -> our source address towards it
        self.up: dict[str, str] = {}  # address -> the reply that showed it
        self.asked: set[str] = set()
        self.sent = 0

    def go(self, probes: Iterable[Probe]) -> SweepResult:
        started = time.monotonic()
        pending = iter(probes)
        nxt: Probe | None = next(pending, None)
        last_reply = started
        last_report = 0.0
        while True:
            now = time.monotonic()
            while nxt is not None and now >= started + self.sent * self.interval:
                self._send(nxt)
                nxt = next(pending, None)
            finished = started + self.sent * self.interval  # the next slot, or the last one
            if nxt is None:
                deadline = min(max(last_reply, finished) + QUIET_S, finished + MAX_WAIT_S)
                if now >= deadline:
                    break
                wait = deadline - now
            else:
                wait = finished - now
            if self.on_progress and now - last_report > 0.2:
                self.on_progress(self.sent, self.total, len(self.up))
                last_report = now
            ready, _, _ = select.select([self.icmp, self.tcp], [], [],
                                        max(0.0, min(wait, QUIET_S)))  # fmt: skip
            if ready and self._drain(ready):
                last_reply = time.monotonic()
        if self.on_progress:
            self.on_progress(self.sent, self.total, len(self.up))
        hosts = [HostObs(source="sweep", target=ip, ip=ip, reason=why)
                 for ip, why in sorted(self.up.items(), key=lambda kv: _key(kv[0]))]  # fmt: skip
        return SweepResult(hosts, self.sent, round(time.monotonic() - started, 3))

    # -- sending ---------------------------------------------------------------------------

    def _send(self, probe: Probe) -> None:
        self.sent += 1
        if probe.ip in self.up or not self.in_scope(probe.ip):
            return  # already answered: the slot stays, so the rate stays what was asked
        self.asked.add(probe.ip)
        try:
            if probe.port is None:
                self.icmp.sendto(self._echo(probe.ip), (probe.ip, 0))
            else:
                self.tcp.sendto(self._syn(probe.ip, probe.port), (probe.ip, 0))
        except OSError:
            pass  # no route, a full queue: that probe is lost, as one on the wire can be

    def _echo(self, ip: str) -> bytes:
        body = b"netmap"
        header = struct.pack("!BBHHH", 8, 0, 0, self.ident, self.sent & 0xFFFF)
        checksum = _checksum(header + body)
        return struct.pack("!BBHHH", 8, 0, checksum, self.ident, self.sent & 0xFFFF) + body

    def _syn(self, ip: str, port: int) -> bytes:
        dst = socket.inet_aton(ip)
        src = self._source(dst)
        seq = self._cookie(dst, port)
        # data offset 6 words: the 20-byte header plus an MSS option, as every real SYN has
        header = struct.pack("!HHIIBBHHH", self.sport, port, seq, 0, 6 << 4, 0x02, 1024, 0, 0)
        options = struct.pack("!BBH", 2, 4, 1460)
        pseudo = src + dst + struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(header) + 4)
        checksum = _checksum(pseudo + header + options)
        return header[:16] + struct.pack("!H", checksum) + header[18:] + options

    def _source(self, dst: bytes) -> bytes:
        """Our address towards `dst` (the TCP checksum covers it): a UDP connect asks the route
        table and sends nothing. One lookup per /24."""
        key = int.from_bytes(dst[:3], "big")
        if key not in self.sources:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect((socket.inet_ntoa(dst), 9))
                self.sources[key] = socket.inet_aton(probe.getsockname()[0])
        return self.sources[key]

    def _cookie(self, dst: bytes, port: int) -> int:
        digest = hashlib.blake2s(dst + port.to_bytes(2, "big"), key=self.secret[:16],
                                 digest_size=4).digest()  # fmt: skip
        return int.from_bytes(digest, "big")

    # -- receiving -------------------------------------------------------------------------

    def _drain(self, ready: list[socket.socket]) -> bool:
        """Read every datagram waiting (bounded); True when one showed a new host."""
        new = False
        for sock in ready:
            for _ in range(4096):  # a flood cannot keep the loop here
                try:
                    packet, (ip, _port) = sock.recvfrom(2048)
                except BlockingIOError:
                    break
                why = (self._echo_reply(packet) if sock is self.icmp
                       else self._tcp_reply(packet))  # fmt: skip
                if why and ip in self.asked and ip not in self.up:
                    self.up[ip] = why
                    new = True
        return new

    def _echo_reply(self, packet: bytes) -> str | None:
        ihl = (packet[0] & 0x0F) * 4 if packet else 0
        icmp = packet[ihl : ihl + 8]
        if len(icmp) < 8 or icmp[0] != 0:  # echo reply only; errors name the router, not a host
            return None
        _type, _code, _sum, ident, _seq = struct.unpack("!BBHHH", icmp)
        return "echo-reply" if ident == self.ident else None

    def _tcp_reply(self, packet: bytes) -> str | None:
        ihl = (packet[0] & 0x0F) * 4 if packet else 0
        tcp = packet[ihl : ihl + 14]
        if len(tcp) < 14:
            return None
        sport, dport, _seq, ack, _off, flags = struct.unpack("!HHIIBB", tcp)
        if dport != self.sport or ack != (self._cookie(packet[12:16], sport) + 1) & 0xFFFFFFFF:
            return None
        if flags & 0x12 == 0x12:
            return f"syn-ack {sport}"
        return f"reset {sport}" if flags & 0x04 else None


def _checksum(data: bytes) -> int:
    """The Internet checksum (RFC 1071)."""
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return int(~total & 0xFFFF)


def _key(ip: str) -> int:
    return int(ipaddress.IPv4Address(ip))
