"""Declarative lab layout (LabSpec) and the ground truth it produces (GroundTruth).

These are the lab's own types: the lab is test infrastructure, the product's types
live in netmap/model.py. A spec is validated completely before anything is built,
so a bad layout fails fast with a readable message instead of half a lab.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DeviceType = Literal[
    "router", "firewall", "switch", "wireless_ap", "wireless_controller", "wireless_bridge",
    "server", "workstation", "phone", "pbx",
    "printer", "ups", "pdu", "nas", "backup", "camera", "other", "unknown",
]
Role = Literal[
    "email", "telephony", "dns", "dhcp", "directory", "file", "backup", "web", "gateway",
    "scanner",
]
LinkKind = Literal["trunk", "access", "uplink", "wan"]
ServiceImpl = Literal["sshd", "nginx", "rsyncd", "smbd", "smtp", "imap", "sip", "http", "jetdirect",
                      "tcp", "msrpc", "rdp", "ipp"]
# Services a real daemon serves (every other impl is emulated by netmap.lab.services)
REAL_DAEMONS = frozenset({"sshd", "nginx", "rsyncd", "smbd"})
Proto = Literal["tcp", "udp"]
# lldpcli's names for LLDP system capabilities (IEEE 802.1AB)
LldpCapability = Literal["other", "repeater", "bridge", "wlan", "router", "telephone", "docsis",
                         "station"]

_MAC_RE = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
_IFNAME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$")
_OID_RE = re.compile(r"^\.?1(\.\d+)+$")
# Address space a lab may use. Anything else could collide with real networks
# (the host itself sits on 192.0.2.0/24), so it is refused at parse time.
ALLOWED_NETS = tuple(
    ipaddress.IPv4Network(n)
    for n in ("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16")
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubnetSpec(_Strict):
    name: str
    cidr: ipaddress.IPv4Network
    gateway: ipaddress.IPv4Address
    site: str
    zone: str
    # The VLAN the subnet's switches put it in, and the voice VLAN its phones' ports also carry
    # (tagged). This kernel's bridges cannot tag, so the switches' Q-BRIDGE-MIB serves the plan
    # (vlan_plan) while frames stay untagged: one bridge is one VLAN.
    vlan: int | None = Field(default=None, ge=2, le=4094)
    vlan_name: str | None = None
    voice_vlan: int | None = Field(default=None, ge=2, le=4094)
    voice_vlan_name: str | None = None


class PortPlan(BaseModel):
    """One switch port in the lab's VLAN plan."""

    pvid: int
    untagged: list[int]
    tagged: list[int]
    trunk: bool = False  # cabled by a trunk link


class VlanPlan(BaseModel):
    """A lab switch's VLANs as its Q-BRIDGE-MIB serves them (bridge_mib reads this JSON)."""

    fdb: int  # the filtering database (= the switch's own VLAN)
    names: dict[int, str]
    ports: dict[str, PortPlan]


class InterfaceSpec(_Strict):
    name: str
    mac: str
    ips: list[ipaddress.IPv4Interface] = Field(default_factory=list)
    alias: str | None = None
    # the port's name in the device's SNMP recording, where the agent answers from one (a
    # real APC card calls its port "LAN"): what netmap can read of it
    snmp_name: str | None = None

    @field_validator("name")
    @classmethod
    def _ifname(cls, v: str) -> str:
        if not _IFNAME_RE.match(v) or v in ("lo", "eth0"):
            raise ValueError(f"bad interface name {v!r} (<=15 chars, not lo/eth0)")
        return v

    @field_validator("mac")
    @classmethod
    def _mac(cls, v: str) -> str:
        v = v.lower()
        if not _MAC_RE.match(v) or int(v[:2], 16) & 1:
            raise ValueError(f"bad unicast MAC {v!r}")
        return v


class BridgeSpec(_Strict):
    """The device is a switch: a Linux bridge `name` with ports <port_prefix>1..N."""

    name: str = "vlan1"
    ports: int = Field(default=8, ge=1, le=48)
    port_prefix: str = "ge"
    ageing_time: int = Field(default=3600, ge=10, le=1_000_000)
    lldp_passthrough: bool = False

    def port_names(self) -> list[str]:
        return [f"{self.port_prefix}{i}" for i in range(1, self.ports + 1)]


class ServiceSpec(_Strict):
    port: int = Field(ge=1, le=65535)
    proto: Proto = "tcp"
    name: str
    impl: ServiceImpl
    banner: str | None = None
    # HTTP: the status line's version, and headers sent first, in this order, as the device
    # does (nmap's service fingerprints match the order: "HTTP/1.0 200 OK\r\nDate: ..\r\nServer:")
    http_version: Literal["1.0", "1.1"] = "1.1"
    headers: dict[str, str] = Field(default_factory=dict)
    title: str | None = None
    # speaks TLS first (HTTPS), with a self-signed certificate the lab makes for the device
    tls: bool = False
    # smbd: also accept SMB version 1 (NT LM 0.12), as a file server kept for old copiers does
    smb1: bool = False
    # rdp: the Windows version and build its NTLM offer gives ("10.0.22621")
    windows_version: str | None = Field(default=None, pattern=r"^\d{1,2}\.\d{1,2}\.\d{1,5}$")


class UpnpSpec(_Strict):
    """A UPnP responder: it answers a unicast SSDP M-SEARCH on UDP 1900 with the address of
    its device description, served over HTTP on `port`, which names the device's maker, model
    (`model_name`, else the device's model) and serial (the device's)."""

    device_type: str = "urn:schemas-upnp-org:device:Basic:1"
    manufacturer: str | None = None  # the device's vendor when unset
    model_name: str | None = None
    model_number: str | None = None
    model_description: str | None = None
    server: str = "Linux/3.10 UPnP/1.0 Portable SDK for UPnP devices/1.6.22"
    port: int = Field(default=49152, ge=1, le=65535)


class MdnsSpec(_Strict):
    """An mDNS responder on UDP 5353 answering unicast DNS-SD questions: the `services` it
    offers, each with one instance `instance` whose TXT record is `txt`."""

    instance: str
    services: list[str] = Field(default_factory=lambda: ["_ipp._tcp", "_pdl-datastream._tcp"])
    txt: dict[str, str] = Field(default_factory=dict)


class IppSpec(_Strict):
    """An IPP printer (TCP 631) answering Get-Printer-Attributes at `path` as the device's own
    firmware does: its make and model, IEEE 1284 device ID and location, with the device's
    `firmware` as printer-firmware-string-version. Any other path is "not found"."""

    path: str = Field(default="/ipp/print", pattern=r"^/[\w/.-]{0,63}$")
    make_and_model: str
    device_id: str
    location: str = ""


class UbntSpec(_Strict):
    """A Ubiquiti discovery responder (UDP 10001) answering the version 1 request as the
    device's firmware does: its `product` (the platform's short name), `firmware_name`, the
    device's model and `firmware` (its version), host name, MAC and address."""

    product: str
    firmware_name: str


class NetbiosSpec(_Strict):
    """Samba's nmbd answers NetBIOS name service (UDP 137) for it: its device name in upper
    case, the `workgroup` (or NT domain) it joined, and, as the domain's controller, the
    domain's <1C> name."""

    workgroup: str = Field(pattern=r"^[A-Z][A-Z0-9-]{0,14}$")
    domain_controller: bool = False


class PassRecording(_Strict):
    """An extra subtree snmpd serves from a recording (pass_persist)."""

    subtree: str
    file: str

    @field_validator("subtree")
    @classmethod
    def _oid(cls, v: str) -> str:
        if not _OID_RE.match(v):
            raise ValueError(f"bad OID {v!r}")
        return "." + v.lstrip(".")


class SnmpSpec(_Strict):
    agent: Literal["snmpd", "snmpsim"]
    community: str | None = None
    sysdescr: str | None = None
    sysobjectid: str | None = None
    syscontact: str | None = None
    syslocation: str | None = None
    recording: str | None = None
    entity: bool = False
    hide: list[str] = Field(default_factory=list)
    pass_recordings: list[PassRecording] = Field(default_factory=list)
    # how a managed switch serves its VLANs: Q-BRIDGE-MIB, or as a Catalyst does (CISCO-VTP-MIB,
    # CISCO-VLAN-MEMBERSHIP-MIB, one BRIDGE-MIB instance per VLAN behind community@vlan)
    vlan_mib: Literal["qbridge", "cisco"] = "qbridge"


class RouteSpec(_Strict):
    dst: ipaddress.IPv4Network
    via: ipaddress.IPv4Address | None = None
    # drop silently, as a router does with the unused part of its space (a null route)
    blackhole: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> RouteSpec:
        if (self.via is None) == (not self.blackhole):
            raise ValueError(f"route {self.dst}: give exactly one of 'via' and 'blackhole'")
        return self


class DeviceSpec(_Strict):
    name: str
    type: DeviceType
    vendor: str
    model: str | None = None
    serial: str | None = None
    os_family: str | None = None  # the LibreNMS OS name its identification must find
    roles: list[Role] = Field(default_factory=list)
    managed: bool | None = None
    in_scope: bool = True
    forwarding: bool | None = None
    lldp: bool = False
    lldp_med_class: int | None = Field(default=None, ge=1, le=4)
    # LLDP system capabilities it announces in place of what lldpd reads from the kernel
    lldp_capabilities: list[LldpCapability] = Field(default_factory=list)
    # it sends LLDP-MED inventory (maker, model, serial, `firmware`) as IP phones do; the others
    # send none (lldpd -i), so no lab host announces this machine's own DMI tables
    lldp_med_inventory: bool = False
    firmware: str | None = None
    # its sshd lets the lab's inventory account in (accounts.py): a computer to inventory
    ssh_login: bool = False
    # false: the host ignores pings (a desktop firewall), and only a TCP probe finds it
    icmp_echo: bool = True
    # where it stands when that is not its subnet's site: a building its LAN reaches by radio.
    # No scan can see that; the lab's profile tells netmap with an override, as a contractor would
    site: str | None = None
    interfaces: list[InterfaceSpec] = Field(default_factory=list)
    bridge: BridgeSpec | None = None
    loopback_ips: list[ipaddress.IPv4Interface] = Field(default_factory=list)
    routes: list[RouteSpec] = Field(default_factory=list)
    services: list[ServiceSpec] = Field(default_factory=list)
    snmp: SnmpSpec | None = None
    upnp: UpnpSpec | None = None
    mdns: MdnsSpec | None = None
    netbios: NetbiosSpec | None = None
    ipp: IppSpec | None = None
    ubnt: UbntSpec | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _NAME_RE.match(v):
            raise ValueError(f"bad device name {v!r} (lowercase, digits, '-')")
        return v

    @property
    def is_managed(self) -> bool:
        return self.managed if self.managed is not None else self.snmp is not None

    @property
    def is_forwarding(self) -> bool:
        return self.forwarding if self.forwarding is not None else self.type in (
            "router", "firewall")

    def all_interfaces(self) -> list[InterfaceSpec]:
        """Declared interfaces plus the bridge ports, whose MACs follow the bridge MAC."""
        out = list(self.interfaces)
        if self.bridge is not None:
            base = self.bridge_interface().mac
            out += [
                InterfaceSpec(name=p, mac=mac_add(base, i))
                for i, p in enumerate(self.bridge.port_names(), start=1)
            ]
        return out

    def bridge_interface(self) -> InterfaceSpec:
        assert self.bridge is not None
        return next(i for i in self.interfaces if i.name == self.bridge.name)

    def ips(self) -> list[ipaddress.IPv4Interface]:
        return [ip for i in self.interfaces for ip in i.ips]

    def mgmt_ip(self) -> ipaddress.IPv4Address | None:
        ips = self.ips()
        return ips[0].ip if ips else None


class LinkSpec(_Strict):
    a: str
    a_port: str
    b: str
    b_port: str
    kind: LinkKind


class UplinkSpec(_Strict):
    router: str
    interface: str
    peer: str
    peer_interface: str


class LabSpec(_Strict):
    name: str
    domain: str = "lab.lan"
    community: str = "public"
    scanner: str
    subnets: list[SubnetSpec]
    uplink: UplinkSpec | None = None
    devices: list[DeviceSpec]
    links: list[LinkSpec]

    def device(self, name: str) -> DeviceSpec:
        for d in self.devices:
            if d.name == name:
                return d
        raise KeyError(name)

    def subnet_of(self, ip: ipaddress.IPv4Address) -> SubnetSpec | None:
        return next((s for s in self.subnets if ip in s.cidr), None)

    def community_of(self, dev: DeviceSpec) -> str:
        assert dev.snmp is not None
        return dev.snmp.community or self.community

    def default_gateway(self, dev: DeviceSpec) -> ipaddress.IPv4Address | None:
        """Hosts route via their subnet's gateway; the uplink router via its peer."""
        if self.uplink and dev.name == self.uplink.router:
            return _iface_ip(self.device(self.uplink.peer), self.uplink.peer_interface)
        for ip in dev.ips():
            sub = self.subnet_of(ip.ip)
            if sub and sub.gateway != ip.ip:
                return sub.gateway
        return None

    @model_validator(mode="after")
    def _check(self) -> LabSpec:
        names = [d.name for d in self.devices]
        _dupes("device", names)
        if self.scanner not in names:
            raise ValueError(f"scanner device {self.scanner!r} is not defined")
        for d in self.devices:
            _check_device(d)
        _check_links(self)
        _check_addresses(self)
        if self.uplink:
            r, p = self.device(self.uplink.router), self.device(self.uplink.peer)
            if _iface_ip(r, self.uplink.interface) is None or _iface_ip(
                    p, self.uplink.peer_interface) is None:
                raise ValueError("uplink interfaces need an IP on both ends")
        return self


def vlan_plan(spec: LabSpec, d: DeviceSpec) -> VlanPlan | None:
    """The VLANs of a managed lab switch, from its subnet's `vlan`: host ports untagged in it
    (a phone's port also tagged in the voice VLAN), trunk links tagged in both with VLAN 1
    native, unused ports left in VLAN 1, as a switch ships."""
    if d.bridge is None or not d.is_managed:
        return None
    ip = d.mgmt_ip()
    subnet = spec.subnet_of(ip) if ip else None
    if subnet is None or subnet.vlan is None:
        return None
    vid, voice = subnet.vlan, subnet.voice_vlan
    names = {1: "default", vid: subnet.vlan_name or f"VLAN{vid:04d}"}
    if voice:
        names[voice] = subnet.voice_vlan_name or f"VLAN{voice:04d}"
    ports: dict[str, PortPlan] = {}
    for port in d.bridge.port_names():
        link = next((lk for lk in spec.links if (lk.a, lk.a_port) == (d.name, port)
                     or (lk.b, lk.b_port) == (d.name, port)), None)  # fmt: skip
        other = spec.device(link.b if link.a == d.name else link.a) if link else None
        if link is None or other is None:
            ports[port] = PortPlan(pvid=1, untagged=[1], tagged=[])
        elif link.kind == "trunk" and other.bridge is not None and other.is_managed:
            ports[port] = PortPlan(pvid=1, untagged=[1], tagged=sorted({vid, voice} - {None}),
                                   trunk=True)
        else:  # a host, a router port, an unmanaged switch (which cannot read tags)
            phone = voice is not None and other.type == "phone"
            ports[port] = PortPlan(pvid=vid, untagged=[vid], tagged=[voice] if phone and voice
                                   else [])  # fmt: skip
    return VlanPlan(fdb=vid, names=names, ports=ports)


def vlan_instances(spec: LabSpec, d: DeviceSpec) -> list[int]:
    """The VLANs a Catalyst-style lab switch (`vlan_mib = "cisco"`) serves each in its own
    BRIDGE-MIB instance behind community@vlan: all of its plan's but VLAN 1, the default one."""
    plan = vlan_plan(spec, d) if d.snmp is not None and d.snmp.vlan_mib == "cisco" else None
    return sorted(vid for vid in plan.names if vid != 1) if plan is not None else []


def _dupes(what: str, items: list[str]) -> None:
    seen: set[str] = set()
    for x in items:
        if x in seen:
            raise ValueError(f"duplicate {what} {x!r}")
        seen.add(x)


def _iface_ip(dev: DeviceSpec, ifname: str) -> ipaddress.IPv4Address | None:
    for i in dev.interfaces:
        if i.name == ifname and i.ips:
            return i.ips[0].ip
    return None


def _check_device(d: DeviceSpec) -> None:
    _dupes(f"interface of {d.name}", [i.name for i in d.all_interfaces()])
    if d.bridge is not None and d.bridge.name not in {i.name for i in d.interfaces}:
        raise ValueError(f"{d.name}: bridge {d.bridge.name!r} needs an interface entry (MAC)")
    if d.snmp is not None:
        if d.mgmt_ip() is None:
            raise ValueError(f"{d.name}: an SNMP agent needs an IP address")
        if d.snmp.agent == "snmpsim" and not d.snmp.recording:
            raise ValueError(f"{d.name}: snmpsim needs a recording")
    _dupes(f"service of {d.name}", [f"{s.port}/{s.proto}" for s in d.services])
    for s in d.services:
        if s.proto == "udp" and s.impl != "sip":
            raise ValueError(f"{d.name}: only the sip emulator speaks UDP")
        if s.impl == "smbd" and d.netbios is None:
            raise ValueError(f"{d.name}: smbd needs a [devices.netbios] workgroup")
        if s.smb1 and s.impl != "smbd":
            raise ValueError(f"{d.name}: smb1 goes with impl 'smbd'")
        if (s.impl == "rdp") != (s.windows_version is not None):
            raise ValueError(f"{d.name}: windows_version goes with impl 'rdp', and it needs one")
        if s.impl == "ipp" and (d.ipp is None or d.firmware is None):
            raise ValueError(f"{d.name}: impl 'ipp' needs [devices.ipp] and the firmware")
    if d.ubnt is not None and (d.firmware is None or d.model is None or not d.ips()):
        raise ValueError(f"{d.name}: [devices.ubnt] needs the model, the firmware and an address")
    if (d.services or d.lldp) and not d.ips():
        raise ValueError(f"{d.name}: services/LLDP need an IP address")


def _check_links(spec: LabSpec) -> None:
    used: set[tuple[str, str]] = set()
    names = {d.name for d in spec.devices}
    for link in spec.links:
        for dev, port in ((link.a, link.a_port), (link.b, link.b_port)):
            if dev not in names:
                raise ValueError(f"link to unknown device {dev!r}")
            d = spec.device(dev)
            cabled = {i.name for i in d.all_interfaces()} - (
                {d.bridge.name} if d.bridge else set())
            if port not in cabled:
                raise ValueError(f"link to unknown port {dev}:{port}")
            if (dev, port) in used:
                raise ValueError(f"port {dev}:{port} is cabled twice")
            used.add((dev, port))
    for d in spec.devices:
        if d.bridge is not None:
            continue  # unused switch ports are fine (they show as down)
        for i in d.interfaces:
            if (d.name, i.name) not in used:
                raise ValueError(f"interface {d.name}:{i.name} is not cabled")


def _check_addresses(spec: LabSpec) -> None:
    macs = [i.mac for d in spec.devices for i in d.all_interfaces()]
    _dupes("MAC", macs)
    ips = [ip for d in spec.devices for ip in d.ips() + d.loopback_ips]
    _dupes("IP", [str(ip.ip) for ip in ips])
    nets = [s.cidr for s in spec.subnets] + [ip.network for ip in ips]
    for net in nets:
        if not any(net.subnet_of(a) for a in ALLOWED_NETS):
            raise ValueError(f"{net} is outside the lab address space {ALLOWED_NETS}")
    for s in spec.subnets:
        if s.gateway not in s.cidr:
            raise ValueError(f"gateway {s.gateway} not in {s.cidr}")


def mac_add(mac: str, n: int) -> str:
    """MAC + n within the same OUI (vendor part is kept)."""
    value = int(mac.replace(":", ""), 16)
    low = ((value & 0xFFFFFF) + n) & 0xFFFFFF
    value = (value & ~0xFFFFFF) | low
    raw = f"{value:012x}"
    return ":".join(raw[i:i + 2] for i in range(0, 12, 2))


# the layouts that ship: the city hall (the default) and a town numbered out of one /16
PACKAGED = ("cityhall", "town16")


def load_spec(path: str | Path | None = None) -> LabSpec:
    """Parse a TOML spec: a file, a packaged layout's name, or by default the city hall."""
    if path is None or str(path) in PACKAGED:
        name = f"{path or 'cityhall'}.toml"
        text = resources.files("netmap.lab").joinpath(name).read_text()
    else:
        text = Path(path).read_text()
    return LabSpec.model_validate(tomllib.loads(text))


# ---------------------------------------------------------------- ground truth


class TruthSubnet(BaseModel):
    name: str
    cidr: str
    gateway: str
    site: str
    zone: str
    vlan: int | None = None
    vlan_name: str | None = None
    voice_vlan: int | None = None


class TruthUplink(BaseModel):
    router: str
    interface: str
    address: str
    peer_address: str
    cidr: str


class TruthSnmp(BaseModel):
    version: Literal["2c"] = "2c"
    community: str
    vlan_mib: Literal["qbridge", "cisco"] = "qbridge"  # cisco: one BRIDGE-MIB per VLAN, community@vlan


class TruthInterface(BaseModel):
    name: str
    mac: str
    ips: list[str]
    snmp_name: str | None = None  # its name in the device's SNMP recording


class TruthService(BaseModel):
    port: int
    proto: Proto
    name: str
    windows_version: str | None = None  # the Windows version its NTLM offer gives
    smb1: bool = False  # its smbd accepts SMB version 1


class TruthHost(BaseModel):
    """What a lab computer's own inventory must report: this machine's (the namespaces share
    its file system), read when the lab came up."""

    os_name: str | None = None
    packages: dict[str, str] = {}  # installed dpkg packages: name -> version
    dmi_vendor: str | None = None  # None where /sys/class/dmi is not readable
    dmi_model: str | None = None


class TruthDevice(BaseModel):
    name: str
    type: DeviceType
    vendor: str
    model: str | None
    serial: str | None
    firmware: str | None = None  # the software revision it announces (LLDP-MED inventory, IPP)
    upnp: bool = False  # it describes itself over UPnP (SSDP on UDP 1900)
    mdns: bool = False  # it answers DNS-SD questions over mDNS (UDP 5353)
    netbios: NetbiosSpec | None = None  # its NetBIOS names (nmbd on UDP 137)
    ipp: IppSpec | None = None  # its IPP printer description (TCP 631)
    ubnt: UbntSpec | None = None  # its answer to Ubiquiti's discovery request (UDP 10001)
    namespace: str
    os_family: str | None = None
    managed: bool
    vlans: VlanPlan | None = None  # a managed switch's VLAN plan (what its Q-BRIDGE-MIB serves)
    snmp: TruthSnmp | None
    lldp: bool
    interfaces: list[TruthInterface]
    services: list[TruthService]
    roles: list[Role]
    in_scope: bool = True
    host: TruthHost | None = None
    site: str | None = None  # where it stands, when not its subnet's site


class TruthLink(BaseModel):
    a: str
    a_port: str
    b: str
    b_port: str
    kind: LinkKind


class GroundTruth(BaseModel):
    prefix: str
    scanner_ns: str
    created: datetime
    subnets: list[TruthSubnet]
    uplink: TruthUplink | None
    devices: list[TruthDevice]
    links: list[TruthLink]

    def device(self, name: str) -> TruthDevice:
        for d in self.devices:
            if d.name == name:
                return d
        raise KeyError(name)


class DaemonStatus(BaseModel):
    device: str
    daemon: str
    pid: int | None
    alive: bool


class LabStatus(BaseModel):
    prefix: str
    up: bool
    namespaces: dict[str, bool]
    daemons: list[DaemonStatus]
    ground_truth_path: str | None


def namespace_name(prefix: str, device: str) -> str:
    return f"{prefix}-{device}"


def build_ground_truth(spec: LabSpec, prefix: str, created: datetime) -> GroundTruth:
    up = spec.uplink
    uplink = None
    if up is not None:
        r_if = next(i for i in spec.device(up.router).interfaces if i.name == up.interface)
        peer_ip = _iface_ip(spec.device(up.peer), up.peer_interface)
        uplink = TruthUplink(router=up.router, interface=up.interface,
                             address=str(r_if.ips[0].ip), peer_address=str(peer_ip),
                             cidr=str(r_if.ips[0].network))
    return GroundTruth(
        prefix=prefix,
        scanner_ns=namespace_name(prefix, spec.scanner),
        created=created,
        subnets=[TruthSubnet(name=s.name, cidr=str(s.cidr), gateway=str(s.gateway),
                             site=s.site, zone=s.zone, vlan=s.vlan, vlan_name=s.vlan_name,
                             voice_vlan=s.voice_vlan) for s in spec.subnets],
        uplink=uplink,
        devices=[_truth_device(spec, d, prefix) for d in spec.devices],
        links=[TruthLink(**link.model_dump()) for link in spec.links],
    )


def _truth_device(spec: LabSpec, d: DeviceSpec, prefix: str) -> TruthDevice:
    services = [TruthService(port=s.port, proto=s.proto, name=s.name,
                             windows_version=s.windows_version, smb1=s.smb1)
                for s in d.services]
    if d.snmp is not None:
        services.append(TruthService(port=161, proto="udp", name="snmp"))
    ifaces = [TruthInterface(name=i.name, mac=i.mac, ips=[str(ip) for ip in i.ips],
                             snmp_name=i.snmp_name)
              for i in d.all_interfaces()]  # fmt: skip
    if d.loopback_ips:
        ifaces.append(TruthInterface(name="lo", mac="00:00:00:00:00:00",
                                     ips=[str(ip) for ip in d.loopback_ips]))
    return TruthDevice(
        name=d.name, type=d.type, vendor=d.vendor, model=d.model, serial=d.serial,
        firmware=d.firmware, upnp=d.upnp is not None, mdns=d.mdns is not None,
        netbios=d.netbios, ipp=d.ipp, ubnt=d.ubnt,
        os_family=d.os_family,
        namespace=namespace_name(prefix, d.name),
        managed=d.is_managed,
        snmp=TruthSnmp(community=spec.community_of(d), vlan_mib=d.snmp.vlan_mib) if d.snmp else None,
        lldp=d.lldp, interfaces=ifaces, services=sorted(services, key=lambda s: (s.port, s.proto)),
        roles=list(d.roles), in_scope=d.in_scope, vlans=vlan_plan(spec, d), site=d.site,
    )
