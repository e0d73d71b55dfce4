"""The words netmap's records are written in: device types, roles, scan depths and states,
link sources and confidences, kinds of change.

Plain enums that import nothing heavy, so the command line can offer them (`--depth`) without
loading pydantic; :mod:`netmap.model` re-exports each, and every record type lives there.
"""

from __future__ import annotations

from enum import StrEnum


class DeviceType(StrEnum):
    ROUTER = "router"
    FIREWALL = "firewall"
    SWITCH = "switch"
    WIRELESS_AP = "wireless_ap"
    WIRELESS_CONTROLLER = "wireless_controller"  # manages access points (WLC, mobility controller)
    # a radio that carries a wired network between buildings: point-to-point or -multipoint
    # backhaul, licensed microwave, 60 GHz (airFiber, Cambium PTP, Siklu, MINI-LINK)
    WIRELESS_BRIDGE = "wireless_bridge"
    SERVER = "server"
    WORKSTATION = "workstation"
    PHONE = "phone"
    PBX = "pbx"
    PRINTER = "printer"
    UPS = "ups"
    PDU = "pdu"  # power distribution: rack PDUs, transfer switches, DC power plants
    NAS = "nas"
    BACKUP = "backup"
    CAMERA = "camera"
    OTHER = "other"
    UNKNOWN = "unknown"


class Role(StrEnum):
    EMAIL = "email"
    TELEPHONY = "telephony"
    DNS = "dns"
    DHCP = "dhcp"
    DIRECTORY = "directory"
    FILE = "file"
    BACKUP = "backup"
    WEB = "web"
    GATEWAY = "gateway"
    CJI = "cji"
    SCANNER = "scanner"


class Depth(StrEnum):
    QUICK = "quick"
    STANDARD = "standard"
    DEEP = "deep"


class ScanState(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    PARTIAL = "partial"
    FAILED = "failed"


class LinkSource(StrEnum):
    LLDP = "lldp"
    CDP = "cdp"
    FDB = "fdb"
    ARP = "arp"
    ROUTE = "route"
    SUBNET = "subnet"


# The sources that say what plugs into what (a cable or a radio path), not who routes where
CABLE_SOURCES = frozenset({LinkSource.LLDP, LinkSource.CDP, LinkSource.FDB})


class LinkConfidence(StrEnum):
    CONFIRMED = "confirmed"  # both ends agree (LLDP/CDP from both sides)
    ONE_SIDED = "one-sided"  # one end reports it
    INFERRED = "inferred"  # derived from forwarding / ARP tables
    UNPLACED = "unplaced"  # host attached only to its subnet: no port evidence


class ChangeKind(StrEnum):
    DEVICE_ADDED = "device_added"
    DEVICE_REMOVED = "device_removed"
    DEVICE_NOT_SEEN = "device_not_seen"
    IP_CHANGED = "ip_changed"
    NAME_CHANGED = "name_changed"
    MAC_CHANGED = "mac_changed"
    MOVED = "moved"
    SERVICE_OPENED = "service_opened"
    SERVICE_CLOSED = "service_closed"
    FIRMWARE_CHANGED = "firmware_changed"
    SERIAL_CHANGED = "serial_changed"
    TYPE_CHANGED = "type_changed"
    LINK_ADDED = "link_added"
    LINK_REMOVED = "link_removed"
    SOFTWARE_ADDED = "software_added"
    SOFTWARE_REMOVED = "software_removed"
    SLA_CHANGED = "sla_changed"
