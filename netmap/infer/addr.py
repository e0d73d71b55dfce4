"""Address and name normalisation shared by merge, classify and topology.

Identity keys are built from these normal forms, so every stage agrees on what "the same MAC" or
"the same address" means. Strings come from the network and may be anything: every parser here
returns None rather than raising.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

_HEX = re.compile(r"[0-9a-fA-F]")

# Virtual router MACs (VRRP v4/v6, HSRP v1/v2) are shared between boxes: never an identity.
_VIRTUAL_MAC_PREFIXES = ("00:00:5e:00:01:", "00:00:5e:00:02:", "00:00:0c:07:ac:", "00:00:0c:9f:f")

# Names that many unrelated boxes report; they identify nothing.
GENERIC_NAMES = frozenset(
    {"", "localhost", "localhost.localdomain", "(none)", "none", "unknown", "default", "switch",
     "router", "ap", "printer", "debian", "ubuntu", "openwrt", "linux"}
)


@lru_cache(maxsize=65536)  # pure, and called for every observation
def norm_mac(value: str | None) -> str | None:
    """'AA-BB-CC-DD-EE-FF', 'aabb.ccdd.eeff', 'aabbccddeeff', 'a:b:c:d:e:f' -> 'aa:bb:cc:dd:ee:ff'."""
    if not value:
        return None
    text = value.strip().lower()
    parts = re.split(r"[:\-\s]", text)
    if len(parts) == 6 and all(1 <= len(p) <= 2 and _HEX.fullmatch(p[-1]) for p in parts):
        try:
            octets = [int(p, 16) for p in parts]
        except ValueError:
            return None
        return ":".join(f"{o:02x}" for o in octets)
    digits = text.replace(".", "").replace(":", "").replace("-", "")
    if len(digits) == 12 and all(_HEX.fullmatch(c) for c in digits):
        return ":".join(digits[i : i + 2] for i in range(0, 12, 2))
    return None


def is_identity_mac(mac: str) -> bool:
    """A MAC that names one station: unicast, not all-zero, not a shared virtual-router MAC."""
    first = int(mac[:2], 16)
    if first & 1 or mac == "00:00:00:00:00:00":
        return False
    return not mac.startswith(_VIRTUAL_MAC_PREFIXES)


@lru_cache(maxsize=65536)  # pure, and called for every observation
def identity_mac(value: str | None) -> str | None:
    mac = norm_mac(value)
    return mac if mac is not None and is_identity_mac(mac) else None


@lru_cache(maxsize=65536)  # pure, and called for every observation
def norm_ip(value: str | None) -> str | None:
    """Canonical text of an IP address (no prefix, no zone), or None."""
    if not value:
        return None
    text = value.strip().split("%", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # pure, and called for every observation
def identity_ip(value: str | None) -> str | None:
    """An address that names one device on this network: not loopback, link-local, multicast."""
    ip = norm_ip(value)
    if ip is None:
        return None
    addr = ipaddress.ip_address(ip)
    if addr.is_loopback or addr.is_link_local or addr.is_multicast or addr.is_unspecified:
        return None
    if addr.version == 4 and addr == ipaddress.IPv4Address("255.255.255.255"):
        return None
    return ip


def ip_sort_key(ip: str) -> tuple[int, int]:
    addr = ipaddress.ip_address(ip)
    return (addr.version, int(addr))


def sort_ips(ips: set[str] | list[str]) -> list[str]:
    return sorted(set(ips), key=ip_sort_key)


@lru_cache(maxsize=65536)  # pure, and called for every observation
def norm_name(value: str | None) -> str | None:
    """A host name as an identity key: lowercase short name ('SW1.city.local' -> 'sw1').

    Generic names ('localhost', 'switch') give None: they would join unrelated devices.
    """
    if value is None:
        return None
    text = value.strip().strip(".").lower()
    if not text or norm_ip(text) is not None:
        return None
    short = text.split(".", 1)[0]
    if text in GENERIC_NAMES or short in GENERIC_NAMES:
        return None
    return short


def network_of(address: str, prefix: int | None) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """The network an interface address sits in, or None for host routes / garbage."""
    ip = identity_ip(address)
    if ip is None or prefix is None:
        return None
    try:
        net = ipaddress.ip_network(f"{ip}/{prefix}", strict=False)
    except ValueError:
        return None
    if net.num_addresses <= 2 and net.prefixlen >= net.max_prefixlen - 1:
        return None  # /31, /32: point-to-point or host routes, not a LAN
    return net


def parse_network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """A CIDR target such as '10.1.2.0/24'; plain addresses, ranges and names give None."""
    if "/" not in text:
        return None
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        return None


def same_name(a: str, b: str) -> bool:
    """One host written two ways: "PBX", "pbx.cityhall.lan"."""
    return (norm_name(a) or a.casefold()) == (norm_name(b) or b.casefold())
