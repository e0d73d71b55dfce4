"""Every data type netmap passes between its stages, in one place.

The flow is observe -> store -> merge -> infer -> render:

* scanners emit :class:`Observation` objects (facts tagged with a source);
* the store keeps a :class:`ScanRecord` (request, status, observations);
* merge / classify / topology turn a stored scan into an :class:`Inventory`;
* renderers take an :class:`Inventory` (which carries the topology) and write files.

The vocabularies these records use (device types, roles, link sources, ...) are plain enums in
:mod:`netmap.vocab`, re-exported here.

SNMP getter records follow NAPALM's shapes and field names (FactsDict, InterfaceDict,
LLDPNeighborDetailDict, ARP and MAC-table entries) so network engineers recognise them.
All models are pydantic v2, so JSON round-trips are exact and validation happens at the edge.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from netmap.vocab import (  # re-exported: a record and the words it uses, in one import
    CABLE_SOURCES as CABLE_SOURCES,
    ChangeKind as ChangeKind,
    Depth as Depth,
    DeviceType as DeviceType,
    LinkConfidence as LinkConfidence,
    LinkSource as LinkSource,
    Role as Role,
    ScanState as ScanState,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Model(BaseModel):
    """Base for every netmap record: unknown keys are errors, so bad data is caught at the edge."""

    # A schema is built on a model's first use: `netmap --help` never pays for sixty of them.
    model_config = ConfigDict(extra="forbid", defer_build=True)


# ---------------------------------------------------------------------------------------------
# Observations: what scanners emit. One discriminated union keyed by `source`.
# ---------------------------------------------------------------------------------------------


class ObsBase(Model):
    target: str  # the address (or name) the fact is about
    time: datetime = Field(default_factory=utcnow)


class ArpObs(ObsBase):
    """A host answered an ARP request on a directly attached segment."""

    source: Literal["arp"] = "arp"
    ip: str
    mac: str
    vendor: str | None = None
    interface: str | None = None
    local: bool = False  # the scanning host's own interface (it does not answer its own ARP)


class HostObs(ObsBase):
    """A host seen up: by nmap's host discovery, or by netmap's own sweep of routed space
    (`reason` names the reply: "echo-reply", "syn-ack 443", "reset 22")."""

    source: Literal["nmap", "sweep"] = "nmap"
    ip: str
    state: str = "up"
    reason: str | None = None
    mac: str | None = None
    vendor: str | None = None
    hostname: str | None = None


class ServiceObs(ObsBase):
    """An open port, with nmap's service detection."""

    source: Literal["nmap:service"] = "nmap:service"
    ip: str
    port: int
    proto: Literal["tcp", "udp"] = "tcp"
    state: str = "open"
    name: str | None = None
    product: str | None = None
    version: str | None = None
    extrainfo: str | None = None
    ostype: str | None = None
    devicetype: str | None = None
    cpe: list[str] = Field(default_factory=list)
    banner: str | None = None


class OsMatch(Model):
    name: str
    accuracy: int
    vendor: str | None = None
    family: str | None = None
    device_type: str | None = None
    generation: str | None = None
    cpes: list[str] = Field(default_factory=list)  # of every OS class the match lists


class OsObs(ObsBase):
    """nmap OS detection (deep scans)."""

    source: Literal["nmap:os"] = "nmap:os"
    ip: str
    matches: list[OsMatch] = Field(default_factory=list)


class DnsObs(ObsBase):
    """Reverse DNS name of an address."""

    source: Literal["dns"] = "dns"
    ip: str
    name: str


class SnmpObs(ObsBase):
    """The output of one SNMP getter on one agent.

    `getter` is one of GETTERS; `data` is that getter's record (or list of records) as JSON.
    `credential` is the *name* of the credential set that worked, never the secret.
    """

    source: Literal["snmp"] = "snmp"
    ip: str
    getter: str
    credential: str | None = None
    data: Any = None
    error: str | None = None
    port: int = 161  # the agent's UDP port and the SNMP version that answered: a rescan reuses them
    version: str | None = None
    default_community: bool = False  # it answered a well-known community (the secret isn't kept)


# Why a computer has no host inventory: the "Needs attention" sheet gives each its own action.
HostFailure = Literal[
    "no credential set",  # the profile has no ssh/winrm set for this kind of host
    "authentication failed",  # every set was refused
    "port closed",  # neither 22 nor 5985/5986 is open
    "host key changed",  # the SSH host key differs from known_hosts (refused, never accepted)
    "host key unknown",  # not in known_hosts and trust_on_first_use is off
    "timed out",
    "refused by policy",  # e.g. a password over unencrypted WinRM without allow_unencrypted
    "error",  # anything else; the message says what
]


class HostInvObs(ObsBase):
    """What one computer said over SSH or WinRM: the raw output of each command of the fixed
    table (commands.py), bounded, kept raw so that better parsers can re-read an old scan.

    `credential` is the *name* of the set that worked, never the secret. `host_key` is the SSH
    host key's SHA256 fingerprint, recorded when it was trusted on first use."""

    source: Literal["hostinv"] = "hostinv"
    ip: str
    method: Literal["ssh", "winrm"]
    port: int
    credential: str | None = None
    platform: str | None = None  # linux / darwin / freebsd / openbsd / windows / ...
    outputs: dict[str, str] = Field(default_factory=dict)  # command id -> its output (text)
    truncated: bool = False  # the per-host output cap was reached
    commands: int = 0  # commands run on the host
    host_key: str | None = None
    failure: HostFailure | None = None
    error: str | None = None  # a message for people; never holds a secret


class UpnpObs(ObsBase):
    """A device's answer to a unicast SSDP M-SEARCH, and the description documents it named
    (UPnP device description XML, as sent, size-capped), keyed by their LOCATION."""

    source: Literal["upnp"] = "upnp"
    ip: str
    server: str | None = None  # the SERVER header: "Linux/3.14 UPnP/1.0 ..."
    st: str | None = None
    usn: str | None = None
    locations: list[str] = Field(default_factory=list)
    descriptions: dict[str, str] = Field(default_factory=dict)
    errors: list[str] = Field(default_factory=list)


class MdnsRecord(Model):
    name: str
    type: str  # PTR, TXT, SRV, A, AAAA
    data: list[str] = Field(default_factory=list)  # a TXT record's strings; else one value


class MdnsObs(ObsBase):
    """A device's answers to unicast mDNS / DNS-SD questions: the records as received."""

    source: Literal["mdns"] = "mdns"
    ip: str
    records: list[MdnsRecord] = Field(default_factory=list)


class NetbiosName(Model):
    name: str  # as registered, up to 15 characters, trailing spaces cut
    suffix: int  # the service: 0x00 workstation / domain, 0x20 file server, 0x1C domain controllers
    group: bool = False  # a group name (a workgroup or domain), not this host's own


class NetbiosObs(ObsBase):
    """A host's answer to a NetBIOS node status request: its name table as received."""

    source: Literal["netbios"] = "netbios"
    ip: str
    names: list[NetbiosName] = Field(default_factory=list)
    mac: str | None = None  # the adapter address it gave (Samba gives none)


class NtlmObs(ObsBase):
    """A server's answer to an NTLM sign-in request that names no one, stopped before any
    credential is sent: its NTLM CHALLENGE message as received (hex, size-capped), which names
    its computer, its domain and its Windows version. Asked over SMB2 (with the dialect and
    signing mode the server chose), over SMB version 1 (the server accepted NT LM 0.12: with
    the OS and LAN Manager names it gives) or over Remote Desktop's CredSSP."""

    source: Literal["ntlm", "smb"] = "ntlm"  # "smb": a scan stored before RDP was asked too
    ip: str
    service: Literal["smb", "smb1", "rdp"] = "smb"
    port: int = 445
    dialect: int | None = None  # SMB2: 0x0202, 0x0210, 0x0300, 0x0302
    signing_required: bool | None = None  # SMB2 and SMB1
    challenge: str | None = None  # the NTLM CHALLENGE message, hex
    native_os: str | None = None  # SMB1: "Windows 5.1", "Unix"
    native_lanman: str | None = None  # SMB1: "Windows 2000 LAN Manager", "Samba 4.17.12-Debian"


class IppObs(ObsBase):
    """A printer's answer to an IPP Get-Printer-Attributes request (RFC 8011) on TCP 631: the
    IPP response as received (hex, size-capped), which names its make and model, its IEEE 1284
    device ID, its firmware and its location; with the path that answered and the web server's
    name."""

    source: Literal["ipp"] = "ipp"
    ip: str
    port: int = 631
    path: str = "/ipp/print"
    server: str | None = None  # the HTTP Server header, as sent (size-capped)
    response: str | None = None  # the IPP response message, hex


class UbntObs(ObsBase):
    """A device's answer to Ubiquiti's discovery request (UDP 10001), as received (hex,
    size-capped): its model, firmware, host name and addresses."""

    source: Literal["ubnt"] = "ubnt"
    ip: str
    port: int = 10001
    response: str | None = None


class ErrorObs(ObsBase):
    """A probe that failed in a way worth reporting (timeout, refused, malformed answer)."""

    source: Literal["error"] = "error"
    phase: str
    message: str


Observation = Annotated[
    ArpObs | HostObs | ServiceObs | OsObs | DnsObs | SnmpObs | HostInvObs | UpnpObs | MdnsObs
    | NetbiosObs | NtlmObs | IppObs | UbntObs | ErrorObs,
    Field(discriminator="source"),
]


# ---------------------------------------------------------------------------------------------
# SNMP getter records (NAPALM shapes and names)
# ---------------------------------------------------------------------------------------------

GETTERS = (
    "facts",
    "interfaces",
    "ip_addresses",
    "arp_table",
    "mac_address_table",
    "lldp_neighbors_detail",
    "cdp_neighbors",
    "routes",
    "inventory",
    "software",
    "printer",
    "ups",
    "vlans",
    "managed_aps",
)


class Facts(Model):
    hostname: str | None = None
    fqdn: str | None = None
    vendor: str | None = None
    model: str | None = None
    serial_number: str | None = None
    os_version: str | None = None
    uptime: float | None = None  # seconds
    sys_descr: str | None = None
    sys_object_id: str | None = None
    location: str | None = None
    contact: str | None = None
    services: int | None = None  # sysServices bit mask (layers)
    enterprise: int | None = None  # from sysObjectID
    engine_id: str | None = None  # SNMPv3 authoritative engine id (hex), identity hint
    # what the agent says of itself: LLDP-MIB lldpLocSysCapEnabled ("bridge", "router",
    # "telephone", ...) and IP-MIB ipForwarding (True: it routes)
    lldp_capabilities: list[str] = Field(default_factory=list)
    ip_forwarding: bool | None = None
    # ENERGY-OBJECT-MIB eoPower rows (counted up to a cap): what the agent meters (outlets, PoE
    # ports); None when it has no such MIB
    energy_objects: int | None = None
    # where vendor / model / serial / OS version came from ("model: ENTITY-MIB chassis 1
    # entPhysicalModelName"): source names only, never the values
    identity_evidence: list[str] = Field(default_factory=list)
    # the OS family the knowledge tables recognise (LibreNMS definitions), with why
    os_family: OsFamily | None = None
    # structure the agent shows, whatever its maker: MIBs and tables present ("dot11": 1,
    # "bridge_ports": 24, "poe_ports": 1, ...), read by identification for type votes
    structure: dict[str, int] = Field(default_factory=dict)
    # what the identification reads returned, as snmprec "TAG|VALUE" text per OID: inference
    # re-runs identification over it, so an old scan improves when the knowledge does
    raw: dict[str, str] = Field(default_factory=dict)


class OsFamily(Model):
    """A LibreNMS OS definition that matched: name, display text, coarse type, and why."""

    os: str
    text: str
    type: str  # LibreNMS's vocabulary: network, wireless, firewall, power, storage, ...
    group: str | None = None
    matched_by: str  # 'sysObjectID starts with ".1.3.6.1.4.1.12356.101.1"'


class Interface(Model):
    if_index: int
    name: str | None = None  # ifName
    description: str | None = None  # ifDescr
    alias: str | None = None  # ifAlias
    if_type: int | None = None
    speed: int | None = None  # bit/s (ifHighSpeed aware)
    mac_address: str | None = None  # aa:bb:cc:dd:ee:ff
    mtu: int | None = None
    is_enabled: bool | None = None  # ifAdminStatus == up
    is_up: bool | None = None  # ifOperStatus == up
    addresses: list[str] = Field(default_factory=list)  # its own, from ipAddrTable (merged)


class IpAddress(Model):
    if_index: int | None = None
    address: str
    prefix_length: int | None = None


class ArpEntry(Model):
    interface: str | None = None
    if_index: int | None = None
    mac: str
    ip: str
    age: float | None = None
    entry_type: str | None = None  # dynamic / static / other


class MacEntry(Model):
    mac: str
    interface: str | None = None  # ifName of the port
    if_index: int | None = None
    bridge_port: int | None = None
    vlan: int | None = None
    static: bool = False
    status: str | None = None  # learned / self / mgmt / other


class Vlan(Model):
    """One VLAN a switch defines, with the ports (ifName) that carry it."""

    vlan_id: int
    name: str | None = None
    untagged: list[str] = Field(default_factory=list)  # access ports: frames leave untagged
    tagged: list[str] = Field(default_factory=list)  # trunk ports
    source: str = "Q-BRIDGE-MIB"  # or CISCO-VTP-MIB


class PortVlan(Model):
    """What one port says of its VLANs: the VLAN of untagged frames (PVID or Cisco access
    VLAN), whether it trunks, and the voice VLAN the phone on it announced (LLDP-MED)."""

    port: str  # ifName
    access_vlan: int | None = None
    trunk: bool | None = None
    voice_vlan: int | None = None
    source: str = "Q-BRIDGE-MIB"


class VlanTable(Model):
    """The `vlans` getter: the VLANs a switch defines and its ports' VLAN settings."""

    vlans: list[Vlan] = Field(default_factory=list)
    ports: list[PortVlan] = Field(default_factory=list)


class LldpNeighbor(Model):
    parent_interface: str | None = None  # local port ifName
    local_port_num: int | None = None
    remote_chassis_id: str | None = None
    remote_chassis_id_subtype: int | None = None
    remote_port: str | None = None
    remote_port_subtype: int | None = None
    remote_port_description: str | None = None
    remote_system_name: str | None = None
    remote_system_description: str | None = None
    remote_system_capab: list[str] = Field(default_factory=list)
    remote_system_enable_capab: list[str] = Field(default_factory=list)
    remote_management_address: str | None = None
    med_device_class: int | None = None  # LLDP-MED: 1-3 endpoint classes, 4 network connectivity
    # LLDP-MED inventory: what the endpoint says of itself (a phone's model and serial)
    med_maker: str | None = None
    med_model: str | None = None
    med_serial: str | None = None
    med_software: str | None = None


class CdpNeighbor(Model):
    parent_interface: str | None = None
    local_if_index: int | None = None
    remote_device_id: str | None = None
    remote_port: str | None = None
    remote_platform: str | None = None
    remote_version: str | None = None
    remote_address: str | None = None
    remote_capabilities: list[str] = Field(default_factory=list)


class Route(Model):
    destination: str  # CIDR, 0.0.0.0/0 for default
    next_hop: str | None = None
    if_index: int | None = None
    interface: str | None = None
    protocol: str | None = None  # local / static / ospf / ...
    route_type: str | None = None  # direct / indirect


class InventoryItem(Model):
    index: int
    description: str | None = None
    entity_class: str | None = None  # chassis / module / powerSupply / stack / port / ...
    name: str | None = None
    model: str | None = None
    serial_number: str | None = None
    manufacturer: str | None = None
    hardware_rev: str | None = None
    firmware_rev: str | None = None
    software_rev: str | None = None
    contained_in: int | None = None


class SoftwareItem(Model):
    name: str
    version: str | None = None
    installed: str | None = None  # date as given by the agent
    sw_type: str | None = None  # application / operatingSystem / ...
    publisher: str | None = None  # the package's maintainer, vendor or Windows Publisher


class StorageItem(Model):
    description: str | None = None
    storage_type: str | None = None  # fixedDisk / ram / virtualMemory / ...
    size_bytes: int | None = None
    used_bytes: int | None = None


class HostResources(Model):
    software: list[SoftwareItem] = Field(default_factory=list)
    storage: list[StorageItem] = Field(default_factory=list)
    processors: int | None = None
    memory_bytes: int | None = None
    users: int | None = None
    processes: int | None = None


class Disk(Model):
    name: str
    size_bytes: int | None = None
    model: str | None = None


class Hotfix(Model):
    id: str  # KB5034441
    description: str | None = None
    installed: str | None = None


class HostInventory(Model):
    """A computer's own account of itself (SSH or WinRM), parsed from HostInvObs outputs.
    `evidence` says where each field came from ("model: Win32_ComputerSystem.Model over
    WinRM")."""

    method: str  # ssh / winrm
    platform: str | None = None
    hostname: str | None = None
    os_name: str | None = None  # Debian GNU/Linux 12 (bookworm), Microsoft Windows 11 Pro
    os_family: str | None = None  # Debian GNU/Linux, Windows, macOS, FreeBSD
    os_version: str | None = None  # 12, 10.0.22631
    os_build: str | None = None
    kernel: str | None = None
    vendor: str | None = None
    model: str | None = None
    serial: str | None = None
    cpu: str | None = None
    cpu_cores: int | None = None
    memory_bytes: int | None = None
    disks: list[Disk] = Field(default_factory=list)
    software: list[SoftwareItem] = Field(default_factory=list)
    hotfixes: list[Hotfix] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class PrinterSupply(Model):
    description: str | None = None
    supply_type: str | None = None
    level: int | None = None
    max_capacity: int | None = None
    percent: float | None = None


class PrinterInfo(Model):
    model: str | None = None
    serial_number: str | None = None
    page_count: int | None = None
    supplies: list[PrinterSupply] = Field(default_factory=list)


class UpsInfo(Model):
    manufacturer: str | None = None
    model: str | None = None
    firmware: str | None = None
    agent_version: str | None = None
    serial_number: str | None = None
    battery_status: str | None = None  # normal / low / depleted / unknown
    runtime_minutes: float | None = None
    charge_percent: int | None = None


class ManagedAp(Model):
    """An access point as its wireless controller lists it: lightweight APs answer no SNMP of
    their own, so this row is often all an inventory can know of them."""

    mib: str  # the table it came from ("AIRESPACE-WIRELESS-MIB")
    maker: str | None = None  # who makes the APs that table lists
    mac: str | None = None  # the wired port's MAC, as switches and ARP caches see it
    radio_mac: str | None = None  # the radios' base MAC (AireOS indexes its table by it)
    name: str | None = None
    ip: str | None = None
    model: str | None = None
    serial_number: str | None = None
    os_version: str | None = None
    location: str | None = None
    status: str | None = None  # the controller's word for its state ("associated", "down")


# The controller states of an AP that is up and serving (every other state needs a look)
AP_JOINED = frozenset({"associated", "up"})


# IANAifType values of a physical Ethernet port: ethernetCsmacd, iso88023Csmacd, fastEther,
# fastEtherFX, gigabitEthernet
ETHERNET_IF_TYPES = frozenset({6, 7, 62, 69, 117})

# Communities every scanner tries first: an agent that answers one is readable by anyone.
WELL_KNOWN_COMMUNITIES = frozenset(
    {"public", "private", "community", "default", "snmp", "admin", "manager", "monitor", "cisco"}
)


class SnmpRecord(Model):
    """Everything one agent told us: what `netmap probe --json` prints."""

    ip: str
    port: int = 161
    credential: str | None = None
    version: str | None = None
    default_community: bool = False  # answered a WELL_KNOWN_COMMUNITIES member (v1/v2c)
    facts: Facts | None = None
    interfaces: list[Interface] = Field(default_factory=list)
    ip_addresses: list[IpAddress] = Field(default_factory=list)
    arp_table: list[ArpEntry] = Field(default_factory=list)
    mac_address_table: list[MacEntry] = Field(default_factory=list)
    lldp_neighbors_detail: list[LldpNeighbor] = Field(default_factory=list)
    cdp_neighbors: list[CdpNeighbor] = Field(default_factory=list)
    routes: list[Route] = Field(default_factory=list)
    inventory: list[InventoryItem] = Field(default_factory=list)
    software: HostResources | None = None
    printer: PrinterInfo | None = None
    ups: UpsInfo | None = None
    vlans: VlanTable | None = None
    managed_aps: list[ManagedAp] = Field(default_factory=list)  # a wireless controller's APs
    errors: dict[str, str] = Field(default_factory=dict)  # getter -> clear message
    collected: list[str] = Field(default_factory=list)  # getters that ran (empty result != not asked)


class Identity(Model):
    """Who made a device and what it is, as SNMP vendor identification found it.

    `evidence` says where each field came from ("model: ENTITY-MIB chassis entPhysicalModelName").
    """

    vendor: str | None = None
    model: str | None = None
    serial_number: str | None = None
    os_version: str | None = None
    evidence: list[str] = Field(default_factory=list)


class TypeVote(Model):
    """One classifier's vote for a device type, with the evidence behind it."""

    type: DeviceType
    weight: float  # 0..1, how strongly this evidence alone points at `type`
    source: str  # snmp:facts / snmp:lldp / nmap:service / oui / lldp-med / ...
    detail: str


# ---------------------------------------------------------------------------------------------
# Credentials: the profile names them and points at where the secret lives.
# ---------------------------------------------------------------------------------------------


class SecretRef(Model):
    """Where a secret lives: an environment variable or a file of mode 0600. Never the value."""

    env: str | None = None
    file: str | None = None


AuthProtocol = Literal["none", "md5", "sha", "sha224", "sha256", "sha384", "sha512"]
PrivProtocol = Literal["none", "des", "3des", "aes128", "aes192", "aes256"]


class SnmpCredential(Model):
    """One SNMP credential set as the profile declares it (secrets by reference)."""

    name: str
    version: Literal["1", "2c", "3"] = "2c"
    community: SecretRef | None = None
    user: str | None = None
    auth_protocol: AuthProtocol = "none"
    auth_key: SecretRef | None = None
    priv_protocol: PrivProtocol = "none"
    priv_key: SecretRef | None = None
    context: str | None = None


class SshCredential(Model):
    """An SSH credential set (the profile's [[ssh]]): a key file or a password by reference.
    Host keys are checked against known_hosts, or recorded in the scan on first use when
    trust_on_first_use is said out loud; a changed key is always refused."""

    name: str
    user: str
    key_file: str | None = None
    password: SecretRef | None = None
    port: int = Field(default=22, ge=1, le=65535)
    known_hosts: str | None = None
    trust_on_first_use: bool = False
    sudo: bool = False  # may run `sudo -n dmidecode` for the serial when /sys hides it


class WinrmCredential(Model):
    """A WinRM credential set (the profile's [[winrm]]). Plain-HTTP WinRM with a password is
    refused unless allow_unencrypted is said out loud."""

    name: str
    user: str
    password: SecretRef
    transport: Literal["ntlm", "kerberos", "credssp"] = "ntlm"
    https: bool = True
    port: int | None = Field(default=None, ge=1, le=65535)  # 5986 for https, 5985 for http
    allow_unencrypted: bool = False
    verify_tls: bool = True  # check the server certificate (off for self-signed lab hosts)


class ResolvedHostCredential(Model):
    """An SSH or WinRM set with its password loaded, in memory only (never stored)."""

    kind: Literal["ssh", "winrm"]
    name: str
    user: str
    password: SecretStr | None = None
    key_file: str | None = None
    port: int | None = None
    known_hosts: str | None = None
    trust_on_first_use: bool = False
    sudo: bool = False
    transport: Literal["ntlm", "kerberos", "credssp"] = "ntlm"
    https: bool = True
    allow_unencrypted: bool = False
    verify_tls: bool = True


class ResolvedCredential(Model):
    """A credential with its secrets loaded, in memory only. SecretStr hides them from repr/logs;
    this type is never written to the store."""

    name: str
    version: Literal["1", "2c", "3"] = "2c"
    community: SecretStr | None = None
    user: str | None = None
    auth_protocol: AuthProtocol = "none"
    auth_key: SecretStr | None = None
    priv_protocol: PrivProtocol = "none"
    priv_key: SecretStr | None = None
    context: str | None = None


# ---------------------------------------------------------------------------------------------
# The scan store
# ---------------------------------------------------------------------------------------------


class SiteZone(Model):
    site: str | None = None
    zone: str | None = None


class ScanRequest(Model):
    """What was asked. Credentials appear only by *name*, never by value."""

    targets: list[str]
    exclude: list[str] = Field(default_factory=list)
    depth: Depth = Depth.STANDARD
    rate: int | None = None
    snmp_credentials: list[str] = Field(default_factory=list)  # names only
    host_credentials: list[str] = Field(default_factory=list)  # ssh/winrm set names only
    subnets: dict[str, SiteZone] = Field(default_factory=dict)
    profile: str | None = None
    allow_public: bool = False
    large: bool = False


class ScanStatus(Model):
    state: ScanState
    started: datetime
    finished: datetime | None = None
    phases_done: list[str] = Field(default_factory=list)
    phases_pending: list[str] = Field(default_factory=list)
    message: str | None = None
    netmap_version: str | None = None
    pid: int | None = None  # the scanning process, to tell "running" from "killed"
    phase_seconds: dict[str, float] = Field(default_factory=dict)


class ScanRecord(Model):
    id: str
    request: ScanRequest
    status: ScanStatus
    observations: list[Observation] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The inventory: merged devices, their types with evidence, and the topology
# ---------------------------------------------------------------------------------------------


class Evidence(Model):
    """One reason behind an inference, with the source it came from."""

    source: str  # arp / nmap / snmp:facts / lldp / oui / override / ...
    detail: str
    weight: float = 1.0


class Service(Model):
    port: int
    proto: str = "tcp"
    name: str | None = None
    product: str | None = None
    version: str | None = None
    extrainfo: str | None = None


class Conflict(Model):
    field: str
    kept: str
    kept_source: str
    other: str
    other_source: str


class SharedIdentity(Model):
    """An identity another, different box reports too (a cloned VM or configuration, a factory
    default). It is not used to join devices, and it is worth fixing."""

    kind: str  # "MAC address", "SNMP engine ID"
    value: str
    also_at: list[str] = Field(default_factory=list)  # the other agents' addresses


# A device type at this confidence or more is stated as fact (and must be right: the benchmarks
# count every wrong one); below it, it is a best guess the inventory asks someone to confirm.
CONFIDENT = 0.6


class Device(Model):
    id: str  # stable: derived from the strongest identity (MAC, chassis id, serial, ...)
    name: str | None = None  # its host name; a full DNS name only where the short one is shared
    dns_name: str | None = None  # the name DNS gives its address (PTR), whole
    windows_domain: str | None = None  # the workgroup or domain it joined (NTLM, NetBIOS)
    # its Windows domain's DNS name ("cityhall.lan"), where its NTLM offer proved it a member
    windows_dns_domain: str | None = None
    smb1: bool = False  # its file server accepted an SMB version 1 negotiation (NT LM 0.12)
    # whether its SMB server requires message signing (its negotiation's security mode); None:
    # no SMB server answered
    smb_signing_required: bool | None = None
    addresses: list[str] = Field(default_factory=list)
    macs: list[str] = Field(default_factory=list)
    vendor: str | None = None
    model: str | None = None
    serial: str | None = None
    os: str | None = None
    os_family: str | None = None  # the OS definition it matched, as its maker names it ("Cisco IOS")
    type: DeviceType = DeviceType.UNKNOWN
    confidence: float = 0.0
    evidence: list[Evidence] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    site: str | None = None
    zone: str | None = None
    location: str | None = None
    notes: str | None = None
    services: list[Service] = Field(default_factory=list)
    software: list[SoftwareItem] = Field(default_factory=list)
    interfaces: list[Interface] = Field(default_factory=list)
    vlans: VlanTable | None = None  # a switch's VLANs and port VLAN settings, as SNMP gave them
    snmp_credential: str | None = None
    snmp_default_community: bool = False
    identity_evidence: list[str] = Field(default_factory=list)  # "model: <where it came from>"
    # A computer's own account over SSH/WinRM (host inventory), or why there is none.
    os_version: str | None = None
    cpu: str | None = None
    memory_bytes: int | None = None
    disks: list[Disk] = Field(default_factory=list)
    hotfixes: list[Hotfix] = Field(default_factory=list)
    host_inventory: str | None = None  # "ssh (set linux-inventory)"
    host_failure: str | None = None  # a HostFailure, with its detail
    sla_tier: str | None = None  # the service level the provider owes this system
    sla_reason: str | None = None  # why: the default rule, or the override entry
    sources: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    shared_identity: list[SharedIdentity] = Field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    inferred: bool = False  # e.g. an unmanaged switch deduced from forwarding tables
    managed_by: str | None = None  # the wireless controller (device id) that lists this AP
    controller_status: str | None = None  # the AP's state as that controller lists it
    transient: bool = False  # override: sleeps / roams, don't report as removed


class Link(Model):
    a: str  # device id
    a_port: str | None = None
    b: str  # device id, subnet id ("subnet:10.1.2.0/24") or "internet"
    b_port: str | None = None
    source: LinkSource
    confidence: LinkConfidence
    evidence: list[str] = Field(default_factory=list)


class Subnet(Model):
    id: str  # "subnet:<cidr>"
    cidr: str
    name: str | None = None
    site: str | None = None
    zone: str | None = None
    gateway: str | None = None  # device id of the router interface
    devices: list[str] = Field(default_factory=list)


class VlanSummary(Model):
    """One VLAN across the network: where it is defined, what it carries."""

    vlan_id: int
    name: str | None = None
    subnets: list[str] = Field(default_factory=list)  # CIDRs its hosts are numbered in
    switches: list[str] = Field(default_factory=list)  # device ids that define or carry it
    devices: int = 0  # hosts on an access port of this VLAN
    voice: bool = False  # some phone announced it as its voice VLAN (LLDP-MED)
    sources: list[str] = Field(default_factory=list)  # Q-BRIDGE-MIB, CISCO-VTP-MIB, l2vlan, ...


class DeviceOverride(Model):
    """What a person knows better than inference, for one device (overrides.toml)."""

    type: DeviceType | None = None
    name: str | None = None
    site: str | None = None
    zone: str | None = None
    notes: str | None = None
    transient: bool | None = None  # sleeps / roams: don't report it as removed
    sla_tier: str | None = None  # one of the profile's [[sla.tiers]] names


class SlaTier(Model):
    """A service level the city asks of its provider: a name and a response time."""

    name: str = Field(min_length=1, max_length=40)
    response: str = Field(min_length=1, max_length=40)  # "1h", "4h", "48h", "next business day"


DEFAULT_SLA_TIERS = [
    SlaTier(name="critical", response="1h"),
    SlaTier(name="high", response="4h"),
    SlaTier(name="standard", response="48h"),
]


class SlaOptions(Model):
    """The profile's [sla]: the tiers, most urgent first. The default rules name "critical",
    "high" and "standard"; a profile with other names assigns them by override only."""

    tiers: list[SlaTier] = Field(default_factory=lambda: list(DEFAULT_SLA_TIERS), min_length=1)


class DiagramOptions(Model):
    """The profile's [diagram]: how much the physical view draws one by one."""

    # servers, phones, printers, access points and UPSes on one switch are drawn one by one up
    # to this many, then counted in one node; workstations and cameras are counted from two
    single_up_to: int = Field(default=4, ge=0, le=1000)


class Overrides(Model):
    """overrides.toml: `[devices."<MAC | IP | name | device id>"]` tables of DeviceOverride."""

    devices: dict[str, DeviceOverride] = Field(default_factory=dict)


class Uplink(Model):
    router: str  # device id
    next_hop: str | None = None
    interface: str | None = None


class Inventory(Model):
    """The product of one scan: what renderers and diffs consume."""

    scan_id: str
    scanned_at: datetime
    request: ScanRequest
    # the netmap (its inference_fingerprint) that built it from the stored scan; None: built
    # before inventories were marked
    built_by: str | None = None
    devices: list[Device] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    subnets: list[Subnet] = Field(default_factory=list)
    uplink: Uplink | None = None
    snmp_failures: list[str] = Field(
        default_factory=list
    )  # addresses where SNMP was tried and failed
    sla_tiers: list[SlaTier] = Field(default_factory=lambda: list(DEFAULT_SLA_TIERS))
    diagram: DiagramOptions = Field(default_factory=DiagramOptions)
    vlans: list[VlanSummary] = Field(default_factory=list)
    # "complete", or "partial"/"failed" with the phases that did not run: a partial scan's
    # deliverables say so, and devices it did not reach are not "removed".
    scan_state: str = "complete"
    phases_pending: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Changes between two scans (ndiff-style)
# ---------------------------------------------------------------------------------------------


class Change(Model):
    kind: ChangeKind
    device: str | None = None  # device id
    name: str | None = None  # human label of the device
    before: str | None = None
    after: str | None = None
    detail: str | None = None
    critical: bool = False  # the device is (or was) in the most urgent SLA tier


def model_dict(obj: BaseModel) -> dict[str, Any]:
    """JSON-ready dict of a model (datetimes as ISO strings, enums as values)."""
    return obj.model_dump(mode="json")
