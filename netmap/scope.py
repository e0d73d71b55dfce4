"""What may be scanned, and nothing else.

Every target is parsed here into IPv4 networks with the `ipaddress` module, or resolved from a
strictly validated host name. Nothing a user typed ever reaches nmap as text: the scanners only
receive the canonical network strings produced below, so a target such as
"10.0.0.1 -oN /tmp/x" is rejected before any packet is sent.
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import re
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

IPv4Net = ipaddress.IPv4Network
IPv4Addr = ipaddress.IPv4Address

MAX_ADDRESSES = 1 << 16  # a /16: anything larger needs --large
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$"
)
RESOLVE_TIMEOUT = 3.0


class ScopeError(ValueError):
    """A target that may not or cannot be scanned. The message names the target."""


def _parse_range(text: str) -> list[IPv4Net]:
    """'10.0.0.5-10.0.0.20' or the nmap-style short form '10.0.0.5-20'."""
    start_s, end_s = text.split("-", 1)
    start = IPv4Addr(start_s)
    if "." not in end_s:
        end_s = start_s.rsplit(".", 1)[0] + "." + end_s
    end = IPv4Addr(end_s)
    if end < start:
        raise ScopeError(f"bad range {text!r}: end before start")
    return list(ipaddress.summarize_address_range(start, end))


def _resolve(name: str, timeout: float = RESOLVE_TIMEOUT) -> list[IPv4Net]:
    """Resolve a host name to its IPv4 addresses, bounded by a timeout."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        fut = pool.submit(socket.getaddrinfo, name, None, socket.AF_INET, socket.SOCK_STREAM)
        infos = fut.result(timeout=timeout)
    except concurrent.futures.TimeoutError as exc:
        raise ScopeError(f"target {name!r} did not resolve within {timeout:.0f} s") from exc
    except OSError as exc:
        raise ScopeError(f"target {name!r} does not resolve: {exc.strerror or exc}") from exc
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    addrs = sorted({str(info[4][0]) for info in infos})
    if not addrs:
        raise ScopeError(f"target {name!r} has no IPv4 address")
    return [IPv4Net(f"{a}/32") for a in addrs]


def parse_target(text: str, resolve: bool = True) -> list[IPv4Net]:
    """One target (CIDR, range, address or host name) into IPv4 networks, or ScopeError."""
    t = text.strip()
    if not t or t != text or any(ch.isspace() for ch in t) or t.startswith("-"):
        raise ScopeError(f"bad target {text!r}: not an address, range, CIDR or host name")
    try:
        if "/" in t:
            return [IPv4Net(t, strict=False)]
        if "-" in t and t[0].isdigit() and t.count(".") >= 3:
            return _parse_range(t)
        return [IPv4Net(f"{IPv4Addr(t)}/32")]
    except ipaddress.AddressValueError as exc:
        if "/" in t or t.replace(".", "").replace("-", "").isdigit():
            raise ScopeError(f"bad target {text!r}: {exc}") from exc
    except ValueError as exc:
        raise ScopeError(f"bad target {text!r}: {exc}") from exc
    if not HOSTNAME_RE.match(t):
        raise ScopeError(f"bad target {text!r}: not an address, range, CIDR or host name")
    if not resolve:
        raise ScopeError(f"host name {text!r} not allowed here")
    return _resolve(t)


def _subtract(nets: Iterable[IPv4Net], excludes: list[IPv4Net]) -> list[IPv4Net]:
    out = list(nets)
    for ex in excludes:
        nxt: list[IPv4Net] = []
        for n in out:
            if n.overlaps(ex):
                if ex.supernet_of(n):
                    continue
                nxt.extend(n.address_exclude(ex))
            else:
                nxt.append(n)
        out = nxt
    return list(ipaddress.collapse_addresses(out))


@dataclass(frozen=True)
class Scope:
    """The resolved set of addresses a scan may touch: targets minus exclusions."""

    networks: tuple[IPv4Net, ...]
    excluded: tuple[IPv4Net, ...] = field(default_factory=tuple)
    targets: tuple[str, ...] = field(default_factory=tuple)  # as given (validated), for the record
    edges: frozenset[IPv4Addr] = frozenset()  # network/broadcast addresses of the targets

    def __contains__(self, ip: object) -> bool:
        try:
            addr = IPv4Addr(str(ip))
        except ValueError:
            return False
        return any(addr in n for n in self.networks)

    @property
    def size(self) -> int:
        return sum(n.num_addresses for n in self.networks)

    def hosts(self) -> Iterator[IPv4Addr]:
        """Every scannable address; the network and broadcast addresses of targets are skipped."""
        for n in self.networks:
            yield from (a for a in n if a not in self.edges)

    def nmap_targets(self) -> list[str]:
        """Canonical CIDR strings: the only form in which targets reach nmap."""
        return [n.with_prefixlen for n in self.networks]

    def filter(self, ips: Iterable[str]) -> list[str]:
        """Keep only in-scope addresses (defence in depth for every later phase)."""
        return [ip for ip in ips if ip in self]


def build_scope(
    targets: list[str],
    exclude: list[str] | None = None,
    allow_public: bool = False,
    large: bool = False,
) -> Scope:
    """Validate targets and exclusions into a Scope, refusing what may not be scanned."""
    if not targets:
        raise ScopeError("no targets given")
    nets: list[IPv4Net] = []
    for t in targets:
        for n in parse_target(t):
            if n.is_global and not allow_public:
                raise ScopeError(
                    f"target {t!r} ({n}) is a public range; pass --allow-public if you are "
                    "authorised to scan it"
                )
            if n.is_multicast or n.is_reserved or n.is_unspecified:
                raise ScopeError(f"target {t!r} ({n}) is not a unicast range")
            nets.append(n)
    excl = [n for e in (exclude or []) for n in parse_target(e)]
    edges = frozenset(
        a for n in nets if n.prefixlen < 31 for a in (n.network_address, n.broadcast_address)
    )
    scope = Scope(tuple(_subtract(nets, excl)), tuple(excl), tuple(targets), edges)
    if not scope.networks:
        raise ScopeError("every target is excluded: nothing to scan")
    if scope.size > MAX_ADDRESSES and not large:
        raise ScopeError(
            f"targets cover {scope.size} addresses, more than a /16; pass --large to allow it"
        )
    return scope
