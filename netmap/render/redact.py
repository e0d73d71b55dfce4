"""Redaction for deliverables that leave the building (RFP bundles).

`redact(inv)` is a pure Inventory -> Inventory transform applied before rendering, so every
format goes through one code path. It removes serial numbers, MAC addresses, shared engine
IDs and SNMP credential names, and masks addresses consistently: subnets become "Subnet A", "Subnet B"
... (in address order) and hosts "Subnet B host 7" (the host's offset in its subnet).
Addresses outside every known subnet become "Other network N host M" (private) or
"External address N" (public). Device ids, which merge derives from MACs or serials, are
renumbered. Host names are kept unless keep_names=False. Free text (evidence, banners,
notes, port names) is scrubbed for addresses, MACs, serials and credential names.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from netmap.model import Inventory
from netmap.render.scene import INTERNET, SUBNET_PREFIX, type_word

IpNet = ipaddress.IPv4Network | ipaddress.IPv6Network
IpAddr = ipaddress.IPv4Address | ipaddress.IPv6Address

_MAC = re.compile(
    r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})(?![0-9A-Fa-f])"
)
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?:/(\d{1,2}))?(?![\d.])")
_IPV6 = re.compile(
    r"(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:/(\d{1,3}))?(?![\w:])"
)
MAC_MASK, SERIAL_MASK, CREDENTIAL_MASK = "[MAC removed]", "[serial removed]", "[credential removed]"
IDENTITY_MASK = "[identifier removed]"  # a shared MAC or engine ID (engine IDs often hold a MAC)


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: spreadsheet-style subnet letters."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class Masker:
    """Consistent replacements for one inventory: same input, same mask, every time."""

    def __init__(self, inv: Inventory) -> None:
        self.nets: list[tuple[IpNet, str]] = []
        parsed: list[IpNet] = []
        for s in inv.subnets:
            try:
                parsed.append(ipaddress.ip_network(s.cidr, strict=False))
            except ValueError:
                continue
        for i, net in enumerate(
            sorted(set(parsed), key=lambda n: (n.version, n.network_address, n.prefixlen))
        ):
            self.nets.append((net, f"Subnet {_letters(i)}"))
        self.other: dict[IpNet, str] = {}
        self.external: dict[IpAddr, str] = {}
        self.serials = sorted(
            {d.serial for d in inv.devices if d.serial and len(d.serial) >= 4},
            key=len,
            reverse=True,
        )
        names = {*inv.request.snmp_credentials, *inv.request.host_credentials,
                 *(d.snmp_credential for d in inv.devices)}  # fmt: skip
        self.credentials = sorted((n for n in names if n and len(n) >= 3), key=len, reverse=True)

    def network_label(self, net: IpNet) -> str:
        for known, label in self.nets:
            if known == net:
                return label
        return self._other(net)

    def _other(self, net: IpNet) -> str:
        if net not in self.other:
            self.other[net] = f"Other network {len(self.other) + 1}"
        return self.other[net]

    def address(self, ip: IpAddr) -> str:
        best: tuple[IpNet, str] | None = None
        for net, label in self.nets:
            if (
                ip.version == net.version
                and ip in net
                and (best is None or net.prefixlen > best[0].prefixlen)
            ):
                best = (net, label)
        if best is None and (ip.is_private or ip.is_link_local or ip in _CGNAT):
            net = ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 64}", strict=False)
            best = (net, self._other(net))
        if best is None:
            if ip not in self.external:
                self.external[ip] = f"External address {len(self.external) + 1}"
            return self.external[ip]
        net, label = best
        return f"{label} host {int(ip) - int(net.network_address)}"

    def text(self, value: str) -> str:
        """Scrub one string: serials and credential names, MACs, then IPv4/IPv6."""
        for serial in self.serials:
            value = re.sub(re.escape(serial), SERIAL_MASK, value, flags=re.IGNORECASE)
        for name in self.credentials:
            value = re.sub(
                rf"(?<!\w){re.escape(name)}(?!\w)", CREDENTIAL_MASK, value, flags=re.IGNORECASE
            )
        value = _MAC.sub(MAC_MASK, value)
        value = _IPV4.sub(self._ip_match, value)
        return _IPV6.sub(self._ip_match, value)

    def _ip_match(self, m: re.Match[str]) -> str:
        addr, prefix = m.group(1), m.group(2)
        try:
            if prefix is not None:
                return self.network_label(ipaddress.ip_network(f"{addr}/{prefix}", strict=False))
            return self.address(ipaddress.ip_address(addr))
        except ValueError:
            return m.group(0)


_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def redact(inv: Inventory, *, keep_names: bool = True) -> Inventory:
    """A copy of `inv` safe to hand to outsiders (see module docstring)."""
    masker = Masker(inv)
    ids = {d.id: f"device-{i + 1:03d}" for i, d in enumerate(inv.devices)}
    subnet_ids = {s.id: f"{SUBNET_PREFIX}{masker.text(s.cidr)}" for s in inv.subnets}

    def node(ref: str | None) -> str | None:
        if ref is None or ref == INTERNET:
            return ref
        return ids.get(ref) or subnet_ids.get(ref) or masker.text(ref)

    data = inv.model_dump(mode="python")
    for i, d in enumerate(data["devices"]):
        d["id"] = ids[d["id"]]
        d["serial"] = None
        d["macs"] = []
        d["snmp_credential"] = None
        d["conflicts"] = [c for c in d["conflicts"] if not _secret_field(c["field"])]
        for shared in d["shared_identity"]:
            shared["value"] = IDENTITY_MASK
        for itf in d["interfaces"]:
            itf["mac_address"] = None
        own = (inv.devices[i].name, inv.devices[i].dns_name)
        d["software"] = [_software_row(sw, own) for sw in d["software"]]
        if not keep_names:
            d["name"] = f"{type_word(inv.devices[i].type)} {i + 1}"
            d["dns_name"] = None
    for s in data["subnets"]:
        s["id"] = subnet_ids[s["id"]]
        s["gateway"] = node(s["gateway"])
        s["devices"] = [node(x) for x in s["devices"]]
    for link in data["links"]:
        link["a"], link["b"] = node(link["a"]), node(link["b"])
    if data["uplink"] is not None:
        data["uplink"]["router"] = node(data["uplink"]["router"])
    request = data["request"]
    request["snmp_credentials"] = []
    request["host_credentials"] = []
    request["subnets"] = {masker.text(k): v for k, v in request["subnets"].items()}
    skip = {"id", "a", "b", "router", "gateway", "devices"}
    return Inventory.model_validate(_scrub(data, masker, skip))


# A user's folder in a path ("C:\Users\jsmith\AppData", "/home/jsmith/.local"): per-user
# installs name their user there.
_USER_PATH = re.compile(r"(?i)(\\Users\\|/Users/|/home/)[^\\/\s\"']+")
HOST_MASK, USER_MASK = "[host name removed]", "[user]"


def _software_row(sw: dict[str, Any], own: tuple[str | None, ...]) -> dict[str, Any]:
    """A software row without the computer's own names (host name, DNS name, each whole or
    short) or a user's name in it."""
    names = {n for name in own if name for n in (name, name.split(".")[0]) if len(n) >= 3}
    for key in ("name", "version", "publisher", "installed"):
        value = sw.get(key)
        if not isinstance(value, str):
            continue
        value = _USER_PATH.sub(lambda m: m.group(1) + USER_MASK, value)
        for name in sorted(names, key=len, reverse=True):
            value = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", HOST_MASK, value,
                           flags=re.IGNORECASE)  # fmt: skip
        sw[key] = value
    return sw


def _secret_field(field: str) -> bool:
    f = field.lower()
    return "serial" in f or "mac" in f or "credential" in f or "community" in f


def _scrub(value: Any, masker: Masker, skip: set[str], key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _scrub(v, masker, skip, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, masker, skip, key) for v in value]
    if isinstance(value, str) and key not in skip:
        return masker.text(value)
    return value
