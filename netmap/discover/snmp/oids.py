"""THE one table of numeric OIDs netmap reads, grouped by MIB, each with its MIB name.

Rules: numeric, no leading dot. Table columns and scalars are given WITHOUT instance suffix
(`SYS_DESCR` is the column; GET it as `SYS_DESCR + ".0"`). Add entries, never renumber them:
several modules (getters, vendor identification, classification) share this file.

"""

from __future__ import annotations

from collections.abc import Iterable


def scalar(oid: str) -> str:
    """The instance OID of a scalar object ("1.3.6.1.2.1.1.1" -> "1.3.6.1.2.1.1.1.0")."""
    return f"{oid}.0"


def longest_prefix(oid: str, prefixes: Iterable[str]) -> str | None:
    """The longest of `prefixes` that is `oid` itself or one of its ancestors, else None."""
    matches = [p for p in prefixes if oid == p or oid.startswith(p + ".")]
    return max(matches, key=len, default=None)

# --- SNMPv2-MIB (system group) -----------------------------------------------------------------
SYS_DESCR = "1.3.6.1.2.1.1.1"  # SNMPv2-MIB::sysDescr
SYS_OBJECT_ID = "1.3.6.1.2.1.1.2"  # SNMPv2-MIB::sysObjectID
SYS_UPTIME = "1.3.6.1.2.1.1.3"  # SNMPv2-MIB::sysUpTime
SYS_CONTACT = "1.3.6.1.2.1.1.4"  # SNMPv2-MIB::sysContact
SYS_NAME = "1.3.6.1.2.1.1.5"  # SNMPv2-MIB::sysName
SYS_LOCATION = "1.3.6.1.2.1.1.6"  # SNMPv2-MIB::sysLocation
SYS_SERVICES = "1.3.6.1.2.1.1.7"  # SNMPv2-MIB::sysServices

# --- SNMP-FRAMEWORK-MIB -------------------------------------------------------------------------
SNMP_ENGINE_ID = "1.3.6.1.6.3.10.2.1.1"  # SNMP-FRAMEWORK-MIB::snmpEngineID

# --- ENTITY-MIB (entPhysicalTable) ---------------------------------------------------------------
ENT_PHYSICAL_ENTRY = "1.3.6.1.2.1.47.1.1.1.1"  # ENTITY-MIB::entPhysicalEntry
ENT_PHYSICAL_DESCR = "1.3.6.1.2.1.47.1.1.1.1.2"  # ENTITY-MIB::entPhysicalDescr
ENT_PHYSICAL_VENDOR_TYPE = "1.3.6.1.2.1.47.1.1.1.1.3"  # ENTITY-MIB::entPhysicalVendorType
ENT_PHYSICAL_CONTAINED_IN = "1.3.6.1.2.1.47.1.1.1.1.4"  # ENTITY-MIB::entPhysicalContainedIn
ENT_PHYSICAL_CLASS = "1.3.6.1.2.1.47.1.1.1.1.5"  # ENTITY-MIB::entPhysicalClass
ENT_PHYSICAL_PARENT_REL_POS = "1.3.6.1.2.1.47.1.1.1.1.6"  # ENTITY-MIB::entPhysicalParentRelPos
ENT_PHYSICAL_NAME = "1.3.6.1.2.1.47.1.1.1.1.7"  # ENTITY-MIB::entPhysicalName
ENT_PHYSICAL_HARDWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.8"  # ENTITY-MIB::entPhysicalHardwareRev
ENT_PHYSICAL_FIRMWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.9"  # ENTITY-MIB::entPhysicalFirmwareRev
ENT_PHYSICAL_SOFTWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.10"  # ENTITY-MIB::entPhysicalSoftwareRev
ENT_PHYSICAL_SERIAL_NUM = "1.3.6.1.2.1.47.1.1.1.1.11"  # ENTITY-MIB::entPhysicalSerialNum
ENT_PHYSICAL_MFG_NAME = "1.3.6.1.2.1.47.1.1.1.1.12"  # ENTITY-MIB::entPhysicalMfgName
ENT_PHYSICAL_MODEL_NAME = "1.3.6.1.2.1.47.1.1.1.1.13"  # ENTITY-MIB::entPhysicalModelName

# --- HOST-RESOURCES-MIB --------------------------------------------------------------------------
HR_SYSTEM = "1.3.6.1.2.1.25.1"  # HOST-RESOURCES-MIB::hrSystem
HR_SYSTEM_UPTIME = "1.3.6.1.2.1.25.1.1"  # HOST-RESOURCES-MIB::hrSystemUptime
HR_MEMORY_SIZE = "1.3.6.1.2.1.25.2.2"  # HOST-RESOURCES-MIB::hrMemorySize
HR_STORAGE_ENTRY = "1.3.6.1.2.1.25.2.3.1"  # HOST-RESOURCES-MIB::hrStorageEntry
HR_DEVICE_TYPE = "1.3.6.1.2.1.25.3.2.1.2"  # HOST-RESOURCES-MIB::hrDeviceType
HR_DEVICE_DESCR = "1.3.6.1.2.1.25.3.2.1.3"  # HOST-RESOURCES-MIB::hrDeviceDescr
HR_DEVICE_ID = "1.3.6.1.2.1.25.3.2.1.4"  # HOST-RESOURCES-MIB::hrDeviceID
HR_DEVICE_OTHER = "1.3.6.1.2.1.25.3.1.1"  # HOST-RESOURCES-TYPES::hrDeviceOther (a value)
HR_DEVICE_PRINTER = "1.3.6.1.2.1.25.3.1.5"  # HOST-RESOURCES-TYPES::hrDevicePrinter (a value)
HR_DEVICE_PROCESSOR = "1.3.6.1.2.1.25.3.1.3"  # HOST-RESOURCES-TYPES::hrDeviceProcessor (a value)
HR_SW_RUN_NAME = "1.3.6.1.2.1.25.4.2.1.2"  # HOST-RESOURCES-MIB::hrSWRunName
HR_SW_INSTALLED_NAME = "1.3.6.1.2.1.25.6.3.1.2"  # HOST-RESOURCES-MIB::hrSWInstalledName

# --- Printer-MIB (RFC 3805) ----------------------------------------------------------------------
PRT_GENERAL_ENTRY = "1.3.6.1.2.1.43.5.1.1"  # Printer-MIB::prtGeneralEntry
PRT_GENERAL_SERIAL_NUMBER = "1.3.6.1.2.1.43.5.1.1.17"  # Printer-MIB::prtGeneralSerialNumber

# --- UPS-MIB (RFC 1628) --------------------------------------------------------------------------
UPS_MIB = "1.3.6.1.2.1.33"  # UPS-MIB::upsMIB
UPS_IDENT_MANUFACTURER = "1.3.6.1.2.1.33.1.1.1"  # UPS-MIB::upsIdentManufacturer
UPS_IDENT_MODEL = "1.3.6.1.2.1.33.1.1.2"  # UPS-MIB::upsIdentModel
UPS_IDENT_UPS_SOFTWARE_VERSION = "1.3.6.1.2.1.33.1.1.3"  # UPS-MIB::upsIdentUPSSoftwareVersion
UPS_IDENT_AGENT_SOFTWARE_VERSION = "1.3.6.1.2.1.33.1.1.4"  # UPS-MIB::upsIdentAgentSoftwareVersion
UPS_IDENT_NAME = "1.3.6.1.2.1.33.1.1.5"  # UPS-MIB::upsIdentName

# --- ENERGY-OBJECT-MIB (RFC 7460) ----------------------------------------------------------------
EO_POWER = "1.3.6.1.2.1.229.1.2.1.1"  # ENERGY-OBJECT-MIB::eoPower (one row per metered object)

# --- IP-MIB / BRIDGE-MIB (presence used as a classification hint) -------------------------------
IP_FORWARDING = "1.3.6.1.2.1.4.1"  # IP-MIB::ipForwarding (1 forwarding, 2 not)
DOT1D_BASE_NUM_PORTS = "1.3.6.1.2.1.17.1.2"  # BRIDGE-MIB::dot1dBaseNumPorts

# --- LLDP-MIB (local system) ---------------------------------------------------------------------
LLDP_LOC_SYS_CAP_SUPPORTED = "1.0.8802.1.1.2.1.3.5"  # LLDP-MIB::lldpLocSysCapSupported
LLDP_LOC_SYS_CAP_ENABLED = "1.0.8802.1.1.2.1.3.6"  # LLDP-MIB::lldpLocSysCapEnabled

# --- SNMPv2-MIB / SNMPv2-SMI (subtrees) ------------------------------------------------------
SYSTEM = "1.3.6.1.2.1.1"  # SNMPv2-MIB::system
ENTERPRISES = "1.3.6.1.4.1"  # SNMPv2-SMI::enterprises
NS_EXTEND_OUTPUT_1LINE = "1.3.6.1.4.1.8072.1.3.2.3.1.1"  # NET-SNMP-EXTEND-MIB::nsExtendOutput1Line
NS_EXTEND_OUTPUT_FULL = "1.3.6.1.4.1.8072.1.3.2.3.1.2"  # NET-SNMP-EXTEND-MIB::nsExtendOutputFull
NS_EXTEND_COMMAND = "1.3.6.1.4.1.8072.1.3.2.2.1.2"  # NET-SNMP-EXTEND-MIB::nsExtendCommand
NS_EXTEND_ARGS = "1.3.6.1.4.1.8072.1.3.2.2.1.3"  # NET-SNMP-EXTEND-MIB::nsExtendArgs
NS_EXTEND_OUT_LINE = "1.3.6.1.4.1.8072.1.3.2.4.1.2"  # NET-SNMP-EXTEND-MIB::nsExtendOutLine
# LibreNMS's documented snmpd.conf relocates its extends (`extend .1.3.6.1.4.1.2021.7890.2
# hardware ...`): each base then holds the nsExtend tables (base.3.1.1 = nsExtendOutput1Line).
UCD_EXTEND_RELOCATED = "1.3.6.1.4.1.2021.7890"  # UCD-SNMP-MIB::ucdavis.7890 (extend bases)

# --- IF-MIB (RFC 2863) -----------------------------------------------------------------------
IF_NUMBER = "1.3.6.1.2.1.2.1"  # IF-MIB::ifNumber
IF_ENTRY = "1.3.6.1.2.1.2.2.1"  # IF-MIB::ifEntry
IF_INDEX = "1.3.6.1.2.1.2.2.1.1"  # IF-MIB::ifIndex
IF_DESCR = "1.3.6.1.2.1.2.2.1.2"  # IF-MIB::ifDescr
IF_TYPE = "1.3.6.1.2.1.2.2.1.3"  # IF-MIB::ifType (IANAifType)
IF_MTU = "1.3.6.1.2.1.2.2.1.4"  # IF-MIB::ifMtu
IF_SPEED = "1.3.6.1.2.1.2.2.1.5"  # IF-MIB::ifSpeed (bit/s, saturates at 2^32-1)
IF_PHYS_ADDRESS = "1.3.6.1.2.1.2.2.1.6"  # IF-MIB::ifPhysAddress
IF_ADMIN_STATUS = "1.3.6.1.2.1.2.2.1.7"  # IF-MIB::ifAdminStatus (1 up, 2 down, 3 testing)
IF_OPER_STATUS = "1.3.6.1.2.1.2.2.1.8"  # IF-MIB::ifOperStatus (1 up, 2 down, ...)
IF_X_ENTRY = "1.3.6.1.2.1.31.1.1.1"  # IF-MIB::ifXEntry
IF_NAME = "1.3.6.1.2.1.31.1.1.1.1"  # IF-MIB::ifName
IF_HIGH_SPEED = "1.3.6.1.2.1.31.1.1.1.15"  # IF-MIB::ifHighSpeed (Mbit/s)
IF_ALIAS = "1.3.6.1.2.1.31.1.1.1.18"  # IF-MIB::ifAlias

# --- IP-MIB (RFC 4293, and the RFC 1213 tables it deprecates) --------------------------------
IP_AD_ENT_IF_INDEX = "1.3.6.1.2.1.4.20.1.2"  # IP-MIB::ipAdEntIfIndex (index: the address)
IP_AD_ENT_NETMASK = "1.3.6.1.2.1.4.20.1.3"  # IP-MIB::ipAdEntNetMask
IP_ADDRESS_IF_INDEX = "1.3.6.1.2.1.4.34.1.3"  # IP-MIB::ipAddressIfIndex (index: type.len.addr)
IP_ADDRESS_TYPE = "1.3.6.1.2.1.4.34.1.4"  # IP-MIB::ipAddressType (1 unicast 2 anycast 3 bcast)
IP_ADDRESS_PREFIX = "1.3.6.1.2.1.4.34.1.5"  # IP-MIB::ipAddressPrefix (row pointer, ends in len)
IP_ADDRESS_PREFIX_ORIGIN = "1.3.6.1.2.1.4.32.1"  # IP-MIB::ipAddressPrefixEntry (pointer target)
PRINTER_MIB = "1.3.6.1.2.1.43"  # Printer-MIB::printmib
IP_NET_TO_MEDIA_PHYS_ADDRESS = "1.3.6.1.2.1.4.22.1.2"  # IP-MIB::ipNetToMediaPhysAddress
IP_NET_TO_MEDIA_TYPE = "1.3.6.1.2.1.4.22.1.4"  # IP-MIB::ipNetToMediaType (3 dynamic, 4 static)
IP_NET_TO_PHYSICAL_PHYS_ADDRESS = "1.3.6.1.2.1.4.35.1.4"  # IP-MIB::ipNetToPhysicalPhysAddress
IP_NET_TO_PHYSICAL_TYPE = "1.3.6.1.2.1.4.35.1.6"  # IP-MIB::ipNetToPhysicalType

# --- IP-FORWARD-MIB (RFC 4292, RFC 2096) and RFC1213-MIB ipRouteTable --------------------------
INET_CIDR_ROUTE_IF_INDEX = "1.3.6.1.2.1.4.24.7.1.7"  # IP-FORWARD-MIB::inetCidrRouteIfIndex
INET_CIDR_ROUTE_TYPE = "1.3.6.1.2.1.4.24.7.1.8"  # IP-FORWARD-MIB::inetCidrRouteType
INET_CIDR_ROUTE_PROTO = "1.3.6.1.2.1.4.24.7.1.9"  # IP-FORWARD-MIB::inetCidrRouteProto
IP_CIDR_ROUTE_IF_INDEX = "1.3.6.1.2.1.4.24.4.1.5"  # IP-FORWARD-MIB::ipCidrRouteIfIndex
IP_CIDR_ROUTE_TYPE = "1.3.6.1.2.1.4.24.4.1.6"  # IP-FORWARD-MIB::ipCidrRouteType
IP_CIDR_ROUTE_PROTO = "1.3.6.1.2.1.4.24.4.1.7"  # IP-FORWARD-MIB::ipCidrRouteProto
IP_ROUTE_IF_INDEX = "1.3.6.1.2.1.4.21.1.2"  # RFC1213-MIB::ipRouteIfIndex
IP_ROUTE_NEXT_HOP = "1.3.6.1.2.1.4.21.1.7"  # RFC1213-MIB::ipRouteNextHop
IP_ROUTE_TYPE = "1.3.6.1.2.1.4.21.1.8"  # RFC1213-MIB::ipRouteType (3 direct, 4 indirect)
IP_ROUTE_PROTO = "1.3.6.1.2.1.4.21.1.9"  # RFC1213-MIB::ipRouteProto
IP_ROUTE_MASK = "1.3.6.1.2.1.4.21.1.11"  # RFC1213-MIB::ipRouteMask

# --- BRIDGE-MIB (RFC 4188) and Q-BRIDGE-MIB (RFC 4363) -----------------------------------------
DOT1D_BASE_PORT_IF_INDEX = "1.3.6.1.2.1.17.1.4.1.2"  # BRIDGE-MIB::dot1dBasePortIfIndex
DOT1D_TP_FDB_PORT = "1.3.6.1.2.1.17.4.3.1.2"  # BRIDGE-MIB::dot1dTpFdbPort (index: MAC)
DOT1D_TP_FDB_STATUS = "1.3.6.1.2.1.17.4.3.1.3"  # BRIDGE-MIB::dot1dTpFdbStatus
DOT1Q_TP_FDB_PORT = "1.3.6.1.2.1.17.7.1.2.2.1.2"  # Q-BRIDGE-MIB::dot1qTpFdbPort (fdbId.MAC)
DOT1Q_TP_FDB_STATUS = "1.3.6.1.2.1.17.7.1.2.2.1.3"  # Q-BRIDGE-MIB::dot1qTpFdbStatus
DOT1Q_VLAN_FDB_ID = "1.3.6.1.2.1.17.7.1.4.2.1.3"  # Q-BRIDGE-MIB::dot1qVlanFdbId (time.vlan)
DOT1Q_VLAN_CURRENT_EGRESS = "1.3.6.1.2.1.17.7.1.4.2.1.4"  # dot1qVlanCurrentEgressPorts (time.vlan)
DOT1Q_VLAN_CURRENT_UNTAGGED = "1.3.6.1.2.1.17.7.1.4.2.1.5"  # dot1qVlanCurrentUntaggedPorts
DOT1Q_VLAN_STATIC_NAME = "1.3.6.1.2.1.17.7.1.4.3.1.1"  # Q-BRIDGE-MIB::dot1qVlanStaticName (vlan)
DOT1Q_VLAN_STATIC_EGRESS = "1.3.6.1.2.1.17.7.1.4.3.1.2"  # dot1qVlanStaticEgressPorts (PortList)
DOT1Q_VLAN_STATIC_UNTAGGED = "1.3.6.1.2.1.17.7.1.4.3.1.4"  # dot1qVlanStaticUntaggedPorts
DOT1Q_PVID = "1.3.6.1.2.1.17.7.1.4.5.1.1"  # Q-BRIDGE-MIB::dot1qPvid (index: dot1dBasePort)

# --- CISCO-VTP-MIB and CISCO-VLAN-MEMBERSHIP-MIB (Cisco switches without Q-BRIDGE tables) ----
VTP_VLAN_ENTRY = "1.3.6.1.4.1.9.9.46.1.3.1.1"  # CISCO-VTP-MIB::vtpVlanEntry (presence probe)
VTP_TRUNK_ENTRY = "1.3.6.1.4.1.9.9.46.1.6.1.1"  # CISCO-VTP-MIB::vlanTrunkPortEntry (probe)
VTP_VLAN_STATE = "1.3.6.1.4.1.9.9.46.1.3.1.1.2"  # CISCO-VTP-MIB::vtpVlanState (1 operational)
VTP_VLAN_TYPE = "1.3.6.1.4.1.9.9.46.1.3.1.1.3"  # CISCO-VTP-MIB::vtpVlanType (1 ethernet)
VTP_VLAN_NAME = "1.3.6.1.4.1.9.9.46.1.3.1.1.4"  # CISCO-VTP-MIB::vtpVlanName (domain.vlan)
VTP_TRUNK_NATIVE = "1.3.6.1.4.1.9.9.46.1.6.1.1.5"  # vlanTrunkPortNativeVlan (ifIndex)
VTP_TRUNK_DYNAMIC_STATUS = "1.3.6.1.4.1.9.9.46.1.6.1.1.14"  # vlanTrunkPortDynamicStatus (ifIndex)
VTP_TRUNK_ENCAP_OPER = "1.3.6.1.4.1.9.9.46.1.6.1.1.16"  # vlanTrunkPortEncapsulationOperType
VM_VLAN = "1.3.6.1.4.1.9.9.68.1.2.2.1.2"  # CISCO-VLAN-MEMBERSHIP-MIB::vmVlan (ifIndex)

# --- LLDP-MIB (IEEE 802.1AB-2005, remote systems) and LLDP-EXT-MED-MIB --------------------------
LLDP_LOC_PORT_ID_SUBTYPE = "1.0.8802.1.1.2.1.3.7.1.2"  # LLDP-MIB::lldpLocPortIdSubtype
LLDP_LOC_PORT_ID = "1.0.8802.1.1.2.1.3.7.1.3"  # LLDP-MIB::lldpLocPortId
LLDP_LOC_PORT_DESC = "1.0.8802.1.1.2.1.3.7.1.4"  # LLDP-MIB::lldpLocPortDesc
LLDP_REM_ENTRY = "1.0.8802.1.1.2.1.4.1.1"  # LLDP-MIB::lldpRemEntry (time.localPort.index)
LLDP_REM_CHASSIS_ID_SUBTYPE = "1.0.8802.1.1.2.1.4.1.1.4"  # LLDP-MIB::lldpRemChassisIdSubtype
LLDP_REM_CHASSIS_ID = "1.0.8802.1.1.2.1.4.1.1.5"  # LLDP-MIB::lldpRemChassisId
LLDP_REM_PORT_ID_SUBTYPE = "1.0.8802.1.1.2.1.4.1.1.6"  # LLDP-MIB::lldpRemPortIdSubtype
LLDP_REM_PORT_ID = "1.0.8802.1.1.2.1.4.1.1.7"  # LLDP-MIB::lldpRemPortId
LLDP_REM_PORT_DESC = "1.0.8802.1.1.2.1.4.1.1.8"  # LLDP-MIB::lldpRemPortDesc
LLDP_REM_SYS_NAME = "1.0.8802.1.1.2.1.4.1.1.9"  # LLDP-MIB::lldpRemSysName
LLDP_REM_SYS_DESC = "1.0.8802.1.1.2.1.4.1.1.10"  # LLDP-MIB::lldpRemSysDesc
LLDP_REM_SYS_CAP_SUPPORTED = "1.0.8802.1.1.2.1.4.1.1.11"  # LLDP-MIB::lldpRemSysCapSupported
LLDP_REM_SYS_CAP_ENABLED = "1.0.8802.1.1.2.1.4.1.1.12"  # LLDP-MIB::lldpRemSysCapEnabled
LLDP_REM_MAN_ADDR_IF_SUBTYPE = "1.0.8802.1.1.2.1.4.2.1.3"  # LLDP-MIB::lldpRemManAddrIfSubtype
# LLDP-EXT-MED-MIB::lldpXMedRemDeviceClass
LLDP_X_MED_REM_DEVICE_CLASS = "1.0.8802.1.1.2.1.5.4795.1.3.1.1.3"
# LLDP-EXT-MED-MIB::lldpXMedRemInventoryTable (time.localPort.index, as lldpRemTable): what an
# endpoint says of itself in its LLDP-MED inventory TLVs, as the switch heard it (IP phones send
# them): software revision, serial number, maker and model
LLDP_X_MED_REM_SOFTWARE_REV = "1.0.8802.1.1.2.1.5.4795.1.3.3.1.3"
LLDP_X_MED_REM_SERIAL_NUM = "1.0.8802.1.1.2.1.5.4795.1.3.3.1.4"
LLDP_X_MED_REM_MFG_NAME = "1.0.8802.1.1.2.1.5.4795.1.3.3.1.5"
LLDP_X_MED_REM_MODEL_NAME = "1.0.8802.1.1.2.1.5.4795.1.3.3.1.6"
# LLDP-EXT-MED-MIB::lldpXMedRemMediaPolicyVlanID (time.localPort.index.appType; appType 1 = voice)
LLDP_X_MED_REM_POLICY_VLAN = "1.0.8802.1.1.2.1.5.4795.1.3.2.1.2"
# EXALINK-FUSION-MIB (Exablaze/Cisco Nexus 3550-F Fusion layer-1 switches, no IF-MIB at all):
# the port table, index module.port; the name, and the port speed in Mb/s.
EXALINK_PORT_NAME = "1.3.6.1.4.1.43296.3.4.1.3"
EXALINK_PORT_SPEED = "1.3.6.1.4.1.43296.3.4.1.8"
# TIMETRA-LLDP-MIB (Nokia SR OS / TiMOS, every product line): tmnxLldpRemEntry, index
# time.ifIndex.destMacIndex.remIndex; columns 4..12 are numbered like lldpRemEntry's.
TMNX_LLDP_REM_ENTRY = "1.3.6.1.4.1.6527.3.1.2.59.4.1.1"
# TPLINK-LLDPINFO-MIB (TP-Link JetStream/Omada switches): lldpNeighborInfoEntry, index ifIndex.n
TPLINK_LLDP_NEIGHBOR_ENTRY = "1.3.6.1.4.1.11863.6.35.1.2.2.1"
TPLINK_LLDP_NEIGHBOR_CHASSIS_ID = "1.3.6.1.4.1.11863.6.35.1.2.2.1.4"  # lldpNeighborChassisId
TPLINK_LLDP_NEIGHBOR_PORT_ID = "1.3.6.1.4.1.11863.6.35.1.2.2.1.6"  # lldpNeighborPortId
TPLINK_LLDP_NEIGHBOR_PORT_DESCR = "1.3.6.1.4.1.11863.6.35.1.2.2.1.8"  # lldpNeighborPortDescr
TPLINK_LLDP_NEIGHBOR_SYS_NAME = "1.3.6.1.4.1.11863.6.35.1.2.2.1.9"  # lldpNeighborSystemName
TPLINK_LLDP_NEIGHBOR_SYS_DESCR = "1.3.6.1.4.1.11863.6.35.1.2.2.1.10"  # lldpNeighborSystemDescr

# --- CISCO-CDP-MIB -----------------------------------------------------------------------------
CDP_CACHE_ADDRESS_TYPE = "1.3.6.1.4.1.9.9.23.1.2.1.1.3"  # CISCO-CDP-MIB::cdpCacheAddressType
CDP_CACHE_ADDRESS = "1.3.6.1.4.1.9.9.23.1.2.1.1.4"  # CISCO-CDP-MIB::cdpCacheAddress
CDP_CACHE_VERSION = "1.3.6.1.4.1.9.9.23.1.2.1.1.5"  # CISCO-CDP-MIB::cdpCacheVersion
CDP_CACHE_DEVICE_ID = "1.3.6.1.4.1.9.9.23.1.2.1.1.6"  # CISCO-CDP-MIB::cdpCacheDeviceId
CDP_CACHE_DEVICE_PORT = "1.3.6.1.4.1.9.9.23.1.2.1.1.7"  # CISCO-CDP-MIB::cdpCacheDevicePort
CDP_CACHE_PLATFORM = "1.3.6.1.4.1.9.9.23.1.2.1.1.8"  # CISCO-CDP-MIB::cdpCachePlatform
CDP_CACHE_CAPABILITIES = "1.3.6.1.4.1.9.9.23.1.2.1.1.9"  # CISCO-CDP-MIB::cdpCacheCapabilities

# --- HOST-RESOURCES-MIB (RFC 2790): what the software getter reads ----------------------------
HR_SYSTEM_NUM_USERS = "1.3.6.1.2.1.25.1.5"  # HOST-RESOURCES-MIB::hrSystemNumUsers
HR_SYSTEM_PROCESSES = "1.3.6.1.2.1.25.1.6"  # HOST-RESOURCES-MIB::hrSystemProcesses
HR_STORAGE_TYPES = "1.3.6.1.2.1.25.2.1"  # HOST-RESOURCES-TYPES::hrStorageTypes (hrStorageRam=.2)
HR_STORAGE_TYPE = "1.3.6.1.2.1.25.2.3.1.2"  # HOST-RESOURCES-MIB::hrStorageType
HR_STORAGE_DESCR = "1.3.6.1.2.1.25.2.3.1.3"  # HOST-RESOURCES-MIB::hrStorageDescr
# HOST-RESOURCES-MIB::hrStorageAllocationUnits
HR_STORAGE_ALLOCATION_UNITS = "1.3.6.1.2.1.25.2.3.1.4"
HR_STORAGE_SIZE = "1.3.6.1.2.1.25.2.3.1.5"  # HOST-RESOURCES-MIB::hrStorageSize
HR_STORAGE_USED = "1.3.6.1.2.1.25.2.3.1.6"  # HOST-RESOURCES-MIB::hrStorageUsed
HR_PROCESSOR_LOAD = "1.3.6.1.2.1.25.3.3.1.2"  # HOST-RESOURCES-MIB::hrProcessorLoad
HR_SW_INSTALLED_TYPE = "1.3.6.1.2.1.25.6.3.1.4"  # HOST-RESOURCES-MIB::hrSWInstalledType
HR_SW_INSTALLED_DATE = "1.3.6.1.2.1.25.6.3.1.5"  # HOST-RESOURCES-MIB::hrSWInstalledDate

# --- Printer-MIB (RFC 3805): what the printer getter reads ------------------------------------
PRT_GENERAL_PRINTER_NAME = "1.3.6.1.2.1.43.5.1.1.16"  # Printer-MIB::prtGeneralPrinterName
PRT_MARKER_LIFE_COUNT = "1.3.6.1.2.1.43.10.2.1.4"  # Printer-MIB::prtMarkerLifeCount
PRT_MARKER_SUPPLIES_TYPE = "1.3.6.1.2.1.43.11.1.1.5"  # Printer-MIB::prtMarkerSuppliesType
# Printer-MIB::prtMarkerSuppliesDescription
PRT_MARKER_SUPPLIES_DESCRIPTION = "1.3.6.1.2.1.43.11.1.1.6"
# Printer-MIB::prtMarkerSuppliesMaxCapacity
PRT_MARKER_SUPPLIES_MAX_CAPACITY = "1.3.6.1.2.1.43.11.1.1.8"
PRT_MARKER_SUPPLIES_LEVEL = "1.3.6.1.2.1.43.11.1.1.9"  # Printer-MIB::prtMarkerSuppliesLevel

# --- UPS-MIB (RFC 1628) battery group, PowerNet-MIB (APC) battery ------------------------------
UPS_BATTERY_STATUS = "1.3.6.1.2.1.33.1.2.1"  # UPS-MIB::upsBatteryStatus (2 normal 3 low 4 depleted)
UPS_ESTIMATED_MINUTES_REMAINING = "1.3.6.1.2.1.33.1.2.3"  # UPS-MIB::upsEstimatedMinutesRemaining
UPS_ESTIMATED_CHARGE_REMAINING = "1.3.6.1.2.1.33.1.2.4"  # UPS-MIB::upsEstimatedChargeRemaining
APC_UPS_BASIC_BATTERY_STATUS = "1.3.6.1.4.1.318.1.1.1.2.1.1"  # PowerNet-MIB::upsBasicBatteryStatus
# PowerNet-MIB::upsAdvBatteryCapacity (%)
APC_UPS_ADV_BATTERY_CAPACITY = "1.3.6.1.4.1.318.1.1.1.2.2.1"
# PowerNet-MIB::upsAdvBatteryRunTimeRemaining
APC_UPS_ADV_BATTERY_RUN_TIME_REMAINING = "1.3.6.1.4.1.318.1.1.1.2.2.3"

# --- Vendor MIBs used to identify model / serial / firmware -------------------------------------
# Cisco
CISCO_CHASSIS_ID = "1.3.6.1.4.1.9.3.6.3"  # OLD-CISCO-CHASSIS-MIB::chassisId (serial)
# CISCOSB-Physicaldescription-MIB::rlPhdUnitGenParamEntry
CISCOSB_PHD_UNIT_GEN_PARAM = "1.3.6.1.4.1.9.6.1.101.53.14.1"
# AIRESPACE-SWITCHING-MIB::agentInventoryMachineModel
AIRESPACE_MACHINE_MODEL = "1.3.6.1.4.1.14179.1.1.1.3"
# AIRESPACE-SWITCHING-MIB::agentInventorySerialNumber
AIRESPACE_SERIAL = "1.3.6.1.4.1.14179.1.1.1.4"
# AIRESPACE-SWITCHING-MIB::agentInventoryProductVersion
AIRESPACE_PRODUCT_VERSION = "1.3.6.1.4.1.14179.1.1.1.14"
# Radlan (Marvell) switches: OEM base of Cisco SB, Eltex, Dell PowerConnect, ...
# RADLAN-Physicaldescription-MIB::rlPhdUnitGenParamEntry
RADLAN_PHD_UNIT_GEN_PARAM = "1.3.6.1.4.1.89.53.14.1"
# MikroTik
MTXR_LIC_VERSION = "1.3.6.1.4.1.14988.1.1.4.4"  # MIKROTIK-MIB::mtxrLicVersion
MTXR_SERIAL_NUMBER = "1.3.6.1.4.1.14988.1.1.7.3"  # MIKROTIK-MIB::mtxrSerialNumber
MTXR_FIRMWARE_VERSION = "1.3.6.1.4.1.14988.1.1.7.4"  # MIKROTIK-MIB::mtxrFirmwareVersion
MTXR_BOARD_NAME = "1.3.6.1.4.1.14988.1.1.7.8"  # MIKROTIK-MIB::mtxrBoardName
# APC (PowerNet-MIB)
APC_UPS_BASIC_IDENT_MODEL = "1.3.6.1.4.1.318.1.1.1.1.1.1"  # PowerNet-MIB::upsBasicIdentModel
# PowerNet-MIB::upsAdvIdentFirmwareRevision
APC_UPS_ADV_IDENT_FIRMWARE = "1.3.6.1.4.1.318.1.1.1.1.2.1"
APC_UPS_ADV_IDENT_SERIAL = "1.3.6.1.4.1.318.1.1.1.1.2.3"  # PowerNet-MIB::upsAdvIdentSerialNumber
APC_RPDU_IDENT_FIRMWARE = "1.3.6.1.4.1.318.1.1.12.1.3"  # PowerNet-MIB::rPDUIdentFirmwareRev
# Fortinet
FN_SYS_SERIAL = "1.3.6.1.4.1.12356.100.1.1.1"  # FORTINET-CORE-MIB::fnSysSerial
FG_SYS_VERSION = "1.3.6.1.4.1.12356.101.4.1.1"  # FORTINET-FORTIGATE-MIB::fgSysVersion
FS_SYS_VERSION = "1.3.6.1.4.1.12356.106.4.1.1"  # FORTINET-FORTISWITCH-MIB::fsSysVersion
# Palo Alto
PAN_SYS_SW_VERSION = "1.3.6.1.4.1.25461.2.1.2.1.1"  # PAN-COMMON-MIB::panSysSwVersion
PAN_SYS_SERIAL_NUMBER = "1.3.6.1.4.1.25461.2.1.2.1.3"  # PAN-COMMON-MIB::panSysSerialNumber
PAN_CHASSIS_TYPE = "1.3.6.1.4.1.25461.2.1.2.2.1"  # PAN-COMMON-MIB::panChassisType
# Eaton
XUPS_IDENT_MANUFACTURER = "1.3.6.1.4.1.534.1.1.1"  # XUPS-MIB::xupsIdentManufacturer
XUPS_IDENT_MODEL = "1.3.6.1.4.1.534.1.1.2"  # XUPS-MIB::xupsIdentModel
XUPS_IDENT_SOFTWARE_VERSION = "1.3.6.1.4.1.534.1.1.3"  # XUPS-MIB::xupsIdentSoftwareVersion
# HP / HPE
CPQ_SI_SYS_SERIAL_NUM = "1.3.6.1.4.1.232.2.2.2.1"  # CPQSINFO-MIB::cpqSiSysSerialNum
CPQ_SI_PRODUCT_NAME = "1.3.6.1.4.1.232.2.2.4.2"  # CPQSINFO-MIB::cpqSiProductName
# CPQSM2-MIB::cpqSm2CntlrRomRevision (iLO fw)
CPQ_SM2_CNTLR_ROM_REVISION = "1.3.6.1.4.1.232.9.2.2.2"
HP_PRINTER_SERIAL = "1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.3"  # HP-LASERJET-COMMON-MIB::serial-number
HP_PRINTER_MODEL = "1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.2"  # HP-LASERJET-COMMON-MIB::model-name
# Brocade / Foundry / Ruckus ICX
SN_CHAS_SER_NUM = "1.3.6.1.4.1.1991.1.1.1.1.2"  # FOUNDRY-SN-AGENT-MIB::snChasSerNum
SN_AG_IMG_VER = "1.3.6.1.4.1.1991.1.1.2.1.11"  # FOUNDRY-SN-AGENT-MIB::snAgImgVer
SN_CHAS_UNIT_SER_NUM = "1.3.6.1.4.1.1991.1.1.1.4.1.1.2"  # FOUNDRY-SN-STACKING-MIB::snChasUnitSerNum
# Extreme
EXTREME_SYSTEM_ID = "1.3.6.1.4.1.1916.1.1.1.16"  # EXTREME-SYSTEM-MIB::extremeSystemID (serial)
# CyberPower
CPS_UPS_IDENT_MODEL = "1.3.6.1.4.1.3808.1.1.1.1.1.1"  # CPS-MIB::upsBaseIdentModel
CPS_UPS_IDENT_FIRMWARE = "1.3.6.1.4.1.3808.1.1.1.1.2.1"  # CPS-MIB::upsAdvanceIdentFirmwareRevision
CPS_UPS_IDENT_SERIAL = "1.3.6.1.4.1.3808.1.1.1.1.2.3"  # CPS-MIB::upsAdvanceIdentSerialNumber
# Server Technology Sentry3
SENTRY3_FIRMWARE = "1.3.6.1.4.1.1718.3.1.1"  # Sentry3-MIB::systemVersion
SENTRY3_TOWER_MODEL = "1.3.6.1.4.1.1718.3.2.1.1.7"  # Sentry3-MIB::towerModelNumber
SENTRY3_TOWER_SERIAL = "1.3.6.1.4.1.1718.3.2.1.1.6"  # Sentry3-MIB::towerProductSN
# Peplink / Pepwave
PEPLINK_MODEL = "1.3.6.1.4.1.23695.200.1.1.1.1.1"  # PEPLINK-DEVICE::deviceModel
PEPLINK_SERIAL = "1.3.6.1.4.1.23695.200.1.1.1.1.2"  # PEPLINK-DEVICE::deviceSerialNumber
PEPLINK_FIRMWARE = "1.3.6.1.4.1.23695.200.1.1.1.1.3"  # PEPLINK-DEVICE::deviceFirmwareVersion
# Opengear
# OG-STATUSv2-MIB::ogSerialNumber (row: serial + firmware)
OG_SERIAL_NUMBER = "1.3.6.1.4.1.25049.17.1"
# Mimosa
MIMOSA_SERIAL = "1.3.6.1.4.1.43356.2.1.2.1.2"  # MIMOSA-NETWORKS-BFIVE-MIB::mimosaSerialNumber
MIMOSA_FIRMWARE = "1.3.6.1.4.1.43356.2.1.2.1.3"  # MIMOSA-NETWORKS-BFIVE-MIB::mimosaFirmwareVersion
# Sharp printers
SHARP_FIRMWARE = "1.3.6.1.4.1.2385.2.1.1.2.1.2"  # SHARP-MIB firmware version row
# Audiocodes
AC_SYS_TYPE_PRODUCT_NAME = "1.3.6.1.4.1.5003.9.10.10.2.3.1"  # AC-SYSTEM-MIB::acSysIdName (product)
AC_SYS_ID_SERIAL = "1.3.6.1.4.1.5003.9.10.10.2.3.2"  # AC-SYSTEM-MIB::acSysIdSerialNumber
AC_SYS_VERSION = "1.3.6.1.4.1.5003.9.10.10.2.2.1"  # AC-SYSTEM-MIB::acSysVersionSoftware
# Hikvision
HIK_SERIAL = "1.3.6.1.4.1.50001.1.3"  # HIK-DEVICE-MIB::serial
HIK_ENTITY_TYPE = "1.3.6.1.4.1.50001.1.100"  # HIKVISION-MIB::hikEntityType (DVR 1, NVR 2, IPC 3)
# RADWIN
# RADWIN-MIB-WINLINK1000::winlink1000OduAdmSwVersion
RADWIN_SW_VERSION = "1.3.6.1.4.1.4458.1000.1.1.3"
# RADWIN-MIB-WINLINK1000::winlink1000OduAdmSerialNumber
RADWIN_SERIAL = "1.3.6.1.4.1.4458.1000.1.1.29"
# RADWIN-MIB-WINLINK1000::winlink1000OduAdmProductName
RADWIN_PRODUCT_NAME = "1.3.6.1.4.1.4458.1000.1.1.30"
# Fiberstore / Ruijie-style switches
FS_SYS_HARDWARE = "1.3.6.1.4.1.52642.2.1.45.1.1.5.1"  # FS switch system hardware name
FS_SYS_VERSION = "1.3.6.1.4.1.52642.2.1.45.1.1.3.1.6"  # FS switch software version
FS_SYS_SERIAL = "1.3.6.1.4.1.52642.2.1.45.1.1.3.1.10"  # FS switch serial number

# ---------------------------------------------------------------------------------------------
# Device identity objects of vendor MIBs (model / serial / firmware), used by vendors.py.
# Scalars are asked with ".0" appended unless noted "(exact)": those agents register the
# object without the ".0" instance.
# ---------------------------------------------------------------------------------------------
# Fortinet product lines (fsSysVersion above is shadowed by the Fiberstore name below)
FORTISWITCH_SYS_VERSION = "1.3.6.1.4.1.12356.106.4.1.1"  # FORTINET-FORTISWITCH-MIB::fsSysVersion
FORTIAP_VERSION = "1.3.6.1.4.1.12356.120.1.1"  # FORTINET-FORTIAP-MIB::fapVersion
FORTIAP_SERIAL = "1.3.6.1.4.1.12356.120.1.2"  # FORTINET-FORTIAP-MIB::fapSerialNum
FEX_SYS_VERSION = "1.3.6.1.4.1.12356.121.21.1.1.1"  # FORTINET-FORTIEXTENDER-MIB::fexSysVersion
FEX_SYS_MODEL = "1.3.6.1.4.1.12356.121.21.1.1.3"  # FORTINET-FORTIEXTENDER-MIB model name
FEX_SYS_SERIAL = "1.3.6.1.4.1.12356.121.21.1.1.5"  # FORTINET-FORTIEXTENDER-MIB serial
FWB_SYS_VERSION = "1.3.6.1.4.1.12356.107.2.1.2"  # FORTINET-FORTIWEB-MIB::fwbSysVersion
MERU_SYSTEM_MODEL = "1.3.6.1.4.1.15983.1.1.3.1.13.2"  # MERU-CONFIG-MIB controller model
MERU_SYSTEM_VERSION = "1.3.6.1.4.1.15983.1.1.3.1.13.3"  # MERU-CONFIG-MIB software version
# Fiberstore FSOS (Ruijie-derived) switches
FSOS_SYS_VERSION = "1.3.6.1.4.1.52642.1.1.10.2.1.1.2"  # FS-SYSTEM-MIB software version
FSOS_SYS_SERIAL = "1.3.6.1.4.1.52642.1.1.10.2.1.1.24"  # FS-SYSTEM-MIB serial number
FSOS_MEMBER_VERSION = "1.3.6.1.4.1.52642.1.1.10.2.21.1.2.1.8"  # FS-SYSTEM-MIB member sw version
FSOS_MEMBER_SERIAL = "1.3.6.1.4.1.52642.1.1.10.2.21.1.2.1.10"  # FS-SYSTEM-MIB member serial
# ADVA FSP3000 ALM
ADVA_ALM_VERSION = "1.3.6.1.4.1.2544.1.14.2.1.2"  # ADVA-FSP3000ALM-MIB software version
ADVA_ALM_SERIAL = "1.3.6.1.4.1.2544.1.14.2.1.5"  # ADVA-FSP3000ALM-MIB serial number
ADVA_ALM_MODEL = "1.3.6.1.4.1.2544.1.14.2.1.9"  # ADVA-FSP3000ALM-MIB part number
# MRV
MRV_OS_SERIAL = "1.3.6.1.4.1.629.1.50.16.4.3.2"  # MRV OptiSwitch chassis serial
MRV_OD_VERSION = "1.3.6.1.4.1.629.200.2.2"  # NBS-CMMC-MIB agent software version
MRV_OD_CHASSIS_MODEL = "1.3.6.1.4.1.629.200.6.1.1.3"  # NBS-CMMC-MIB::nbsCmmcChassisModel
MRV_OD_CHASSIS_SERIAL = "1.3.6.1.4.1.629.200.6.1.1.48"  # NBS-CMMC-MIB::nbsCmmcChassisSerialNum
# IBM AIX (IBM-AIX-MIB aixSystem)
AIX_SYS_MODEL = "1.3.6.1.4.1.2.6.191.1.3.6"  # IBM-AIX-MIB::aixSeModelName ("IBM,8233-E8B")
AIX_SYS_SERIAL = "1.3.6.1.4.1.2.6.191.1.3.7"  # IBM-AIX-MIB::aixSeSerialNumber
# Albentia
ALBENTIA_VERSION = "1.3.6.1.4.1.28087.12.10.1.2"  # ALBENTIA-MIB firmware version
ALBENTIA_SERIAL = "1.3.6.1.4.1.28087.12.10.1.4"  # ALBENTIA-MIB serial (base MAC)
# MGE UPS (MG-SNMP-UPS-MIB upsmgIdent)
MGE_IDENT_FAMILY = "1.3.6.1.4.1.705.1.1.1"  # MG-SNMP-UPS-MIB::upsmgIdentFamilyName
MGE_IDENT_FIRMWARE = "1.3.6.1.4.1.705.1.1.4"  # MG-SNMP-UPS-MIB::upsmgIdentFirmwareVersion
MGE_IDENT_SERIAL = "1.3.6.1.4.1.705.1.1.7"  # MG-SNMP-UPS-MIB::upsmgIdentSerialNumber
# BDT tape libraries
BDT_PRODUCT_NAME = "1.3.6.1.4.1.20884.10893.2.101.4.3"  # BDT-MIB product name
BDT_SERIAL = "1.3.6.1.4.1.20884.10893.2.101.4.1"  # BDT-MIB serial number
BDT_FIRMWARE = "1.3.6.1.4.1.20884.10893.2.101.4.4"  # BDT-MIB firmware revision
# bintec (BIANCA-BRICK-MIB)
BINTEC_SW_VERSION = "1.3.6.1.4.1.272.4.1.26"  # BIANCA-BRICK-MIB::biboAdmSWVersion
BINTEC_PRODUCT = "1.3.6.1.4.1.272.4.1.17.1.5.0.0.0"  # BIANCA-BRICK-MIB product name (exact)
BINTEC_SERIAL = "1.3.6.1.4.1.272.4.1.17.1.8.0.0.0"  # BIANCA-BRICK-MIB serial number (exact)
# Ciena
CIENA_RLS_VERSION = "1.3.6.1.4.1.1271.30.2.1.13"  # CIENA-WS RLS software version
# Cisco UCS CIMC (CISCO-UNIFIED-COMPUTING-COMPUTE-MIB cucsComputeRackUnit, row 0)
CUCS_RACK_UNIT_MODEL = "1.3.6.1.4.1.9.9.719.1.9.6.1.6"  # cucsComputeRackUnitModel
CUCS_RACK_UNIT_SERIAL = "1.3.6.1.4.1.9.9.719.1.9.6.1.14"  # cucsComputeRackUnitSerial
# Cisco (Scientific Atlanta) satellite receivers
CISCOSAT_MODEL = "1.3.6.1.4.1.1429.2.2.5.1.1.4"  # SA receiver model
CISCOSAT_VERSION = "1.3.6.1.4.1.1429.2.2.5.1.1.1"  # SA receiver firmware
# Sophos SFOS / Cyberoam
CYBEROAM_SERIAL = "1.3.6.1.4.1.21067.2.1.1.1"  # CYBEROAM-MIB::applianceKey
CYBEROAM_MODEL = "1.3.6.1.4.1.21067.2.1.1.2"  # CYBEROAM-MIB::applianceModel
CYBEROAM_VERSION = "1.3.6.1.4.1.21067.2.1.1.3"  # CYBEROAM-MIB::cyberoamVersion
# Dahua
DAHUA_SW_VERSION = "1.3.6.1.4.1.1004849.2.1.1.1"  # DAHUA-SNMP-MIB::softwareRevision
DAHUA_SERIAL = "1.3.6.1.4.1.1004849.2.1.2.4"  # DAHUA-SNMP-MIB::serialNumber
# Datacom
DMOS_SW_VERSION = "1.3.6.1.4.1.3709.3.5.201.1.1.2.1.4"  # DMswitch-MIB firmware version
DMOS_SERIAL = "1.3.6.1.4.1.3709.3.5.201.1.1.2.1.8"  # DMswitch-MIB serial number
# DCN
DCN_SW_VERSION = "1.3.6.1.4.1.6339.100.1.3"  # DCN private MIB software version
# DigiPower PDUs
DIGIPOWER_MODEL = "1.3.6.1.4.1.17420.1.2.9.1.19"  # DigiPower-PDU-MIB model
DIGIPOWER_VERSION = "1.3.6.1.4.1.17420.1.2.4"  # DigiPower-PDU-MIB firmware
DIGIPOWER_SERIAL = "1.3.6.1.4.1.17420.1.2.3"  # DigiPower-PDU-MIB serial (MAC)
# Megatec / PPC / PowerWalker (NetAgent)
PPC_MODEL = "1.3.6.1.4.1.935.10.2.1.1.2"  # PPC-MIB power system model
PPC_VERSION = "1.3.6.1.4.1.935.10.2.1.1.5"  # PPC-MIB power system firmware
PPC_SERIAL = "1.3.6.1.4.1.935.10.2.1.1.1"  # PPC-MIB power system serial
PPC_UPS_FIRMWARE = "1.3.6.1.4.1.935.10.1.1.1.3"  # PPC-MIB UPS firmware
# Eaton
XUPS_IDENT_SERIAL = "1.3.6.1.4.1.534.1.1.6"  # XUPS-MIB::xupsIdentSerialNumber
# CATV EDFA / optical (NSCRTV HFC-EDFA style)
EDFA_MODEL = "1.3.6.1.4.1.17409.1.3.3.2.2.1.4"  # NSCRTV-ROOT commonDeviceModelNumber
EDFA_SERIAL = "1.3.6.1.4.1.17409.1.3.3.2.2.1.5"  # NSCRTV-ROOT commonDeviceSerialNumber
EDFA_VERSION = "1.3.6.1.4.1.17409.1.3.3.2.2.1.6"  # NSCRTV-ROOT commonDeviceVersion
# Eltek
ELTEK_SYSTEM_TYPE = "1.3.6.1.4.1.12148.10.2.6"  # ELTEK-DISTRIBUTED-MIB::powerSystemType
# Cambium ePMP
EPMP_SW_VERSION = "1.3.6.1.4.1.17713.21.1.1.17"  # CAMBIUM-PMP80211-MIB::cambiumCurrentSWInfo
EPMP_SERIAL = "1.3.6.1.4.1.17713.21.1.1.31"  # CAMBIUM-PMP80211-MIB::cambiumEPMPMSN
# Epson
EPSON_SERIAL = "1.3.6.1.4.1.1248.1.1.3.1.1.1"  # EPSON private MIB serial number
# Exablaze / Cisco Nexus 3550 (exact)
EXALINK_SERIAL = "1.3.6.1.4.1.43296.3.1.1"
EXALINK_VERSION = "1.3.6.1.4.1.43296.3.1.2"
EXALINK_MODEL = "1.3.6.1.4.1.43296.3.1.3"
# F5 BIG-IP
# F5-BIGIP-SYSTEM-MIB::sysPlatformInfoMarketingName
F5_PLATFORM_MARKETING_NAME = "1.3.6.1.4.1.3375.2.1.3.5.2"
F5_PRODUCT_VERSION = "1.3.6.1.4.1.3375.2.1.4.2"  # F5-BIGIP-SYSTEM-MIB::sysProductVersion
F5_CHASSIS_SERIAL = "1.3.6.1.4.1.3375.2.1.3.3.3"  # F5-BIGIP-SYSTEM-MIB::sysGeneralChassisSerialNum
# FireEye
FE_HARDWARE_MODEL = "1.3.6.1.4.1.25597.11.1.1.2"  # FE-FIREEYE-MIB::feHardwareModel
FE_SYSTEM_VERSION = "1.3.6.1.4.1.25597.11.5.1.2"  # FE-FIREEYE-MIB::feInstalledSystemImage version
# Forcepoint / Stonesoft
FP_APPLIANCE_MODEL = "1.3.6.1.4.1.1369.6.1.1.9"  # STONESOFT-FIREWALL-MIB appliance model
FP_APPLIANCE_SERIAL = "1.3.6.1.4.1.1369.6.1.1.11"  # STONESOFT-FIREWALL-MIB appliance serial
FP_SOFTWARE_VERSION = "1.3.6.1.4.1.1369.5.2.1.1"  # STONESOFT-NETNODE-MIB::nodeSoftwareVersion
# Fujitsu iRMC (FSC-SERVERCONTROL2-MIB unitTable)
FSC_UNIT_MODEL = "1.3.6.1.4.1.231.2.10.2.2.10.2.3.1.5"  # FSC-SERVERCONTROL2-MIB::unitModel
FSC_UNIT_SERIAL = "1.3.6.1.4.1.231.2.10.2.2.10.2.3.1.7"  # FSC-SERVERCONTROL2-MIB::unitSerialNumber
# GE MDS
MDS_MODEL = "1.3.6.1.4.1.4130.10.1.1.1.2.3"  # MDS-SYSTEM-MIB model
MDS_SERIAL = "1.3.6.1.4.1.4130.10.1.1.1.2.2"  # MDS-SYSTEM-MIB serial number
# Helios / Mimomax
HELIOS_MODEL = "1.3.6.1.4.1.47307.1.1.1"
HELIOS_VERSION = "1.3.6.1.4.1.47307.1.1.3"
# HPE power distribution (CPQPOWER-MIB pdu ident)
CPQPOWER_PDU_FIRMWARE = "1.3.6.1.4.1.232.165.1.2.3"  # CPQPOWER-MIB firmware version
CPQPOWER_PDU_SERIAL = "1.3.6.1.4.1.232.165.1.2.7"  # CPQPOWER-MIB serial number
# Huawei iBMC
HUAWEI_IBMC_MODEL = "1.3.6.1.4.1.2011.2.235.1.1.1.6"  # HUAWEI-SERVER-IBMC-MIB::deviceName
HUAWEI_IBMC_SERIAL = "1.3.6.1.4.1.2011.2.235.1.1.1.7"  # HUAWEI-SERVER-IBMC-MIB::deviceSerialNo
# ICT power
ICT_MODEL = "1.3.6.1.4.1.39145.10.1"  # ICT-DISTRIBUTION-PANEL-MIB deviceModel
ICT_FIRMWARE = "1.3.6.1.4.1.39145.10.4"  # ICT-DISTRIBUTION-PANEL-MIB firmware
ICT_SWITCH_FIRMWARE = "1.3.6.1.4.1.39145.12.4"  # ICT-SWITCH-MIB firmware
# Infortrend
INFORTREND_SERIAL = "1.3.6.1.4.1.1714.1.1.1.1.10"  # IFT-SNMP-MIB serial number
INFORTREND_MODEL = "1.3.6.1.4.1.1714.1.1.1.1.15"  # IFT-SNMP-MIB model name
# TP-Link JetStream / Omada (TPLINK-SYSINFO-MIB)
TPLINK_HW_VERSION = "1.3.6.1.4.1.11863.6.1.1.5"  # TPLINK-SYSINFO-MIB::tpSysInfoHwVersion
TPLINK_SW_VERSION = "1.3.6.1.4.1.11863.6.1.1.6"  # TPLINK-SYSINFO-MIB::tpSysInfoSwVersion
TPLINK_SERIAL = "1.3.6.1.4.1.11863.6.1.1.8"  # TPLINK-SYSINFO-MIB::tpSysInfoSerialNum
# LANCOM
LCOSSX_SERIAL = "1.3.6.1.4.1.2356.16.1.1.1.1.4"  # LANCOM-SWITCH serial number
# Meinberg LANTIME
MBG_LTNG_VERSION = "1.3.6.1.4.1.5597.30.0.0.2"  # MBG-SNMP-LTNG-MIB::mbgLtNgSysVersion
# McAfee/Skyhigh Web Gateway, Network Security Platform
MWG_PRODUCT_VERSION = "1.3.6.1.4.1.1230.2.7.1.3"  # MCAFEE-MWG-MIB::kProductVersion
# Microsemi / Symmetricom SyncServer
SYNCSERVER_VERSION = "1.3.6.1.4.1.9070.1.2.3.1.5.1.6.1"
SYNCSERVER_SERIAL = "1.3.6.1.4.1.9070.1.2.3.1.5.1.6.2"
SYNCSERVER_MODEL = "1.3.6.1.4.1.9070.1.2.3.1.5.1.6.3"
# MICROSENS
MICROSENS_ARTICLE = "1.3.6.1.4.1.3181.10.6.1.32.1"  # MS-G6 device article number
MICROSENS_SERIAL = "1.3.6.1.4.1.3181.10.6.1.32.2"  # MS-G6 device serial number
# Montclair
MONTCLAIR_MODEL = "1.3.6.1.4.1.1385.1.2"
MONTCLAIR_SERIAL = "1.3.6.1.4.1.1385.1.3"
MONTCLAIR_VERSION = "1.3.6.1.4.1.1385.1.4"
# Infoblox NIOS (IB-PLATFORMONE-MIB)
IB_HARDWARE_TYPE = "1.3.6.1.4.1.7779.3.1.1.2.1.4"  # IB-PLATFORMONE-MIB::ibHardwareType
IB_SERIAL = "1.3.6.1.4.1.7779.3.1.1.2.1.6"  # IB-PLATFORMONE-MIB::ibSerialNumber
IB_NIOS_VERSION = "1.3.6.1.4.1.7779.3.1.1.2.1.7"  # IB-PLATFORMONE-MIB::ibNiosVersion
# Isilon OneFS
ONEFS_NODE_SERIAL = "1.3.6.1.4.1.12124.2.51.1.3"  # ISILON-MIB::chassisSerialNumber
ONEFS_NODE_MODEL = "1.3.6.1.4.1.12124.2.51.1.4"  # ISILON-MIB::chassisModel
# Opengear (exact instances)
OG_FIRMWARE_VERSION_EXACT = "1.3.6.1.4.1.25049.17.1.1"  # OG-STATUSv2-MIB::ogFirmwareVersion
OG_SERIAL_NUMBER_EXACT = "1.3.6.1.4.1.25049.17.1.2"  # OG-STATUSv2-MIB::ogSerialNumber
OG_LIGHTHOUSE_VERSION = "1.3.6.1.4.1.25049.18.1.1.1"  # OG-LIGHTHOUSE-MIB version
# Patton SmartNode
PATTON_SERIAL = "1.3.6.1.4.1.1768.100.1.1"  # SMARTNODE-MIB serial number
PATTON_PRODUCT = "1.3.6.1.4.1.1768.100.1.6"  # SMARTNODE-MIB product name
# Procera / Sandvine
PROCERA_MODEL = "1.3.6.1.4.1.15397.2.40.1.1.1.1"
PROCERA_SERIAL = "1.3.6.1.4.1.15397.2.40.1.1.3.1"
PROCERA_VERSION = "1.3.6.1.4.1.15397.2.40.1.1.4.1"
# Raisecom
RAISECOM_SW_VERSION = "1.3.6.1.4.1.8886.6.1.1.1.1"  # RAISECOM-SYSTEM-MIB software version
RAISECOM_HW_MODEL = "1.3.6.1.4.1.8886.6.1.1.1.2"  # RAISECOM-SYSTEM-MIB hardware name
RAISECOM_SERIAL = "1.3.6.1.4.1.8886.6.1.1.1.14"  # RAISECOM-SYSTEM-MIB serial number
RAISECOM_ROS_VERSION = "1.3.6.1.4.1.8886.60.131.1.1.1"  # RAISECOM ROS software version
RAISECOM_ROS_SERIAL = "1.3.6.1.4.1.8886.60.131.1.1.4"  # RAISECOM ROS serial number
RAISECOM_ROS_MODEL = "1.3.6.1.4.1.8886.60.131.1.1.6"  # RAISECOM ROS hardware name
# Rajant (exact)
RAJANT_SERIAL = "1.3.6.1.4.1.34861.1.1"
# Rohde & Schwarz
RS_SW_VERSION = "1.3.6.1.4.1.2566.127.1.2.167.1.1.1.4"
# Sentry4
SENTRY4_UNIT_MODEL = "1.3.6.1.4.1.1718.4.1.2.2.1.5"  # Sentry4-MIB::st4UnitModel
SENTRY4_FIRMWARE = "1.3.6.1.4.1.1718.4.1.1.1.3"  # Sentry4-MIB::st4SystemFirmwareVersion
# Sixnet
SIXNET_FIRMWARE = "1.3.6.1.4.1.20540.2.1.1.6"
# EfficientIP SOLIDserver
SOLIDSERVER_MODEL = "1.3.6.1.4.1.2440.1.14.1.1"
SOLIDSERVER_SERIAL = "1.3.6.1.4.1.2440.1.14.1.2"
# SonicWall (SONICWALL-FIREWALL-IP-STATISTICS-MIB / SNWL-COMMON-MIB)
SNWL_SERIAL = "1.3.6.1.4.1.8741.2.1.1.2"  # SNWL-COMMON-MIB::snwlSysSerialNumber
SNWL_FIRMWARE = "1.3.6.1.4.1.8741.2.1.1.3"  # SNWL-COMMON-MIB::snwlSysFirmwareVersion
# Hillstone StoneOS
HILLSTONE_SW_VERSION = "1.3.6.1.4.1.28557.2.2.1.2"  # HILLSTONE-SYSTEM-MIB::sysSoftware
# Tachyon
TACHYON_SERIAL = "1.3.6.1.4.1.57344.1.3.2"
# Teracom
TERACOM_DEVICE = "1.3.6.1.4.1.38783.3.1.1"  # TERACOM product name
# Nokia TiMOS chassis (TIMETRA-CHASSIS-MIB)
TMNX_CHASSIS_TYPE = "1.3.6.1.4.1.6527.3.1.2.2.1.3.1.4"  # tmnxChassisType (row 1 = chassis 1)
TMNX_CHASSIS_TYPE_NAME = "1.3.6.1.4.1.6527.3.1.2.2.1.6.1.2"  # tmnxChassisTypeName
# TP DIN / misc
TPDIN_VERSION = "1.3.6.1.4.1.45621.3.1.2"
# Vertiv / Emerson ITA2
VERTIV_ITA2_MODEL = "1.3.6.1.4.1.13400.2.54.1.2"
VERTIV_ITA2_SERIAL = "1.3.6.1.4.1.13400.2.54.1.3"
# Kyocera / UTAX printers (exact: device 1)
KYOCERA_SERIAL = "1.3.6.1.4.1.1347.43.5.1.1.28.1"
# RMON2 probe configuration (RMON2-MIB probeConfig): many switches fill these with firmware/hardware
PROBE_SOFTWARE_REV = "1.3.6.1.2.1.16.19.2"  # RMON2-MIB::probeSoftwareRev
PROBE_HARDWARE_REV = "1.3.6.1.2.1.16.19.3"  # RMON2-MIB::probeHardwareRev
# Skyhigh (ex-McAfee) Web Gateway
SKYHIGH_PRODUCT_VERSION = "1.3.6.1.4.1.59732.2.7.1.3"  # SKYHIGH-SWG-MIB::kProductVersion
SOLIDSERVER_VERSION = "1.3.6.1.4.1.2440.1.17.1.2"
TACHYON_MODEL = "1.3.6.1.4.1.57344.1.3.1"
TACHYON_VERSION = "1.3.6.1.4.1.57344.1.3.4"
TAIT_SERIAL = "1.3.6.1.4.1.3570.2.2.2.1.2.2.1.1.2"  # TAIT-INFRA93-MIB serial number
TAIT_FIRMWARE = "1.3.6.1.4.1.3570.2.2.2.1.2.2.1.1.4"  # TAIT-INFRA93-MIB firmware version
TERACOM_FIRMWARE = "1.3.6.1.4.1.38783.3.1.2"  # "TCW241-v1.252"
VOLIUS_MODEL = "1.3.6.1.4.1.34652.2.10.1"
VOLIUS_SERIAL = "1.3.6.1.4.1.34652.2.10.2"
VOLIUS_VERSION = "1.3.6.1.4.1.34652.2.10.3"
VERSA_PACKAGE = "1.3.6.1.4.1.42359.2.2.1.1.6.6"  # VERSA appliance package name
VERSA_MODEL = "1.3.6.1.4.1.42359.2.2.1.1.7.1"  # VERSA appliance model
SILVERPEAK_VERSION = "1.3.6.1.4.1.23867.3.1.1.1.1"  # SILVERPEAK-MGMT-MIB::spsSystemVersion
SILVERPEAK_MODEL = "1.3.6.1.4.1.23867.3.1.1.1.2"  # SILVERPEAK-MGMT-MIB::spsProductModel
WAVENCE_NE_TYPE = "1.3.6.1.4.1.637.54.1.1.5.1.5"  # Nokia Wavence NE type
ZMTEL_MODEL = "1.3.6.1.4.1.38595.10.1.3"
ZMTEL_FIRMWARE = "1.3.6.1.4.1.38595.10.1.7"
EDS_MODEL = "1.3.6.1.4.1.31440.1.2"
EDS_VERSION = "1.3.6.1.4.1.31440.1.4"
CTM_VERSION = "1.3.6.1.4.1.25868.1.1"
DKT_MODEL = "1.3.6.1.4.1.27304.10.1"
DKT_FIRMWARE = "1.3.6.1.4.1.27304.10.2"
RIGRUNNER_FIRMWARE = "1.3.6.1.4.1.15117.1.1.2"  # "RIGRunner 4005i FW Version 4.08"
# Aricent ISS, the switch stack of Eltex MES24xx and other OEM switches (NOC's Eltex profile)
ARICENT_ISS_SERIAL = "1.3.6.1.4.1.2076.81.1.120"  # ARICENT-ISS-MIB issSystem.120 (serial number)
DANTHERM_CC_SERIAL = "1.3.6.1.4.1.46651.1.1.46"  # DANTHERM-COOLING-MIB::ccSN
DANTHERM_CC_FIRMWARE = "1.3.6.1.4.1.46651.1.1.51"  # DANTHERM-COOLING-MIB::fwVersion
DELTA_UPS_MODEL = "1.3.6.1.4.1.2254.2.4.1.2"  # DeltaUPS-MIB::dupsIdentModel
DELTA_UPS_FIRMWARE = "1.3.6.1.4.1.2254.2.4.1.4"  # DeltaUPS-MIB::dupsIdentAgentSoftwareVersion
WTI_MODEL = "1.3.6.1.4.1.2634.3.200.10.1.2"  # WTI-POWER-MIB product model column
FS_GBN_VERSION = "1.3.6.1.4.1.13464.1.2.1.1.2.2"  # GBN platform software version
FS_GBN_MODEL = "1.3.6.1.4.1.13464.1.2.1.1.2.15"  # GBN platform product name
FS_GBN_SERIAL = "1.3.6.1.4.1.13464.1.2.1.1.2.19"  # GBN platform serial number
# Vendor MIBs rooted at each product's own sysObjectID (<sysObjectID>.<suffix>)
MOXA_ETHERDEVICE_FAMILY = "1.3.6.1.4.1.8691.7"  # MOXA-<model>-MIB swMgmt under 8691.7.<model>
MOXA_AWK_FAMILY = "1.3.6.1.4.1.8691.15"  # MOXA-AWK<model>-MIB under 8691.15.<model>
TERRA_FAMILY = "1.3.6.1.4.1.30631.1"  # TERRA <product>-MIB under 30631.1.<product>

# --- SYSAPPL-MIB (RFC 2287): installed packages (Cisco UCOS lists its platform release first) ----
SYSAPPL_INSTALL_PKG_VERSION = "1.3.6.1.2.1.54.1.1.1.1.4"  # SYSAPPL-MIB::sysApplInstallPkgVersion

# --- More vendor identity objects (model / serial / firmware), one vendor or product line each ---
MDS_SYS_VERSION = "1.3.6.1.4.1.4130.10.1.1.1.2.7.1.2"  # MDS-SYSTEM-MIB::mSysVersion (by image slot)
PERSEUS_FAMILY = "1.3.6.1.4.1.21796.5.1"  # HWg Perseus-MIB root (= the Perseus sysObjectID)
PERSEUS_SERIAL = "1.3.6.1.4.1.21796.5.1.100.2"  # Perseus-MIB::serNumber
PERSEUS_FIRMWARE = "1.3.6.1.4.1.21796.5.1.100.3"  # Perseus-MIB::fwVersion
HUAWEI_IBMC_FIRMWARE_VERSION = "1.3.6.1.4.1.2011.2.235.1.1.11.50.1.4"  # ...-IBMC-MIB::firmwareVersion
OA_DEVICE_SERIAL = "1.3.6.1.4.1.1732.2.1.11"  # OACOMMON-MIB::netSpireDeviceDeviceSerialNo
OA_DEVICE_MODEL = "1.3.6.1.4.1.1732.2.1.41"  # OACOMMON-MIB::netspireDeviceModelName
TN_SW_NODE_COMMITTED_RELEASE = "1.3.6.1.4.1.7483.2.1.5.2.1.1.5"  # TROPIC-SOFTWARE-MIB
TN_PSD_CARD_MNEMONIC = "1.3.6.1.4.1.7483.2.2.7.2.1.3.1.3"  # TROPIC-PSD-MIB::tnPsdCardMnemonic
TN_PSD_CARD_SERIAL = "1.3.6.1.4.1.7483.2.2.7.2.1.3.1.8"  # TROPIC-PSD-MIB::tnPsdCardSerialNumber
SITEBOSS_SERIAL = "1.3.6.1.4.1.3052.20.2.16.15.3"  # SITEBOSS-572-STD-MIB unit serial number
SIAE_SW_RELEASE_BENCH1 = "1.3.6.1.4.1.3373.1103.7.2"  # SIAE-SOFT-MIB::softwareEquipmentReleaseBench1
ISW_SDP_FAMILY = "1.3.6.1.4.1.5833.2017"  # IMP-HF528-MIB (Tailyn industrial switches)
ISW_SDP_SW_VERSION = "1.3.6.1.4.1.5833.2017.3.11.2"  # IMP-HF528-MIB::iswSdpSwVersion
TREDESS_FS_FAMILY = "1.3.6.1.4.1.23180.2.1.1.2"  # TREDESS-FS-MIB root (Televes Fourth Series)
TREDESS_FS_SERIAL = "1.3.6.1.4.1.23180.2.1.1.2.1.6.2"  # TREDESS-FS-MIB::serialNumber
TREDESS_FS_SOFTWARE = "1.3.6.1.4.1.23180.2.1.1.2.1.6.3"  # TREDESS-FS-MIB::softwareVersion
VEL_HOST2_VERSION = "1.3.6.1.4.1.27993.5.2"  # VEL-HOST2-MIB::host2Version
VERSA_SERIAL = "1.3.6.1.4.1.42359.2.2.1.1.7.3"  # VERSA appliance serial number
VSOL_EPON_FAMILY = "1.3.6.1.4.1.37950.1.1.5.10"  # V-SOL EPON OLT MIB (V1600D line)
VSOL_EPON_FIRMWARE = "1.3.6.1.4.1.37950.1.1.5.10.12.5.4"  # V-SOL EPON OLT firmware version
SILVERPEAK_SERIAL = "1.3.6.1.4.1.23867.3.1.1.1.6"  # SILVERPEAK-MGMT-MIB::spsSystemSerial
WEBMON_FAMILY = "1.3.6.1.4.1.994.3.4"  # Dantel WebMon (WEBMON-EDGE-MATRIX-MIB)
WEBMON_VERSION = "1.3.6.1.4.1.994.3.4.7.1.82.0.0"  # WEBMON-EDGE-MATRIX-MIB firmware (exact)
WUT_FAMILY = "1.3.6.1.4.1.5040.1.2"  # W&T Web-IO product MIBs under 5040.1.2.<product>
ZMTEL_SERIAL = "1.3.6.1.4.1.38595.10.1.5"  # ZMTEL-MIB serial number
SSU2000_IN_SERIAL = "1.3.6.1.4.1.601.3.1.1.1.1.1.5"  # SSU2000-MIB::inSerial (by chassis.slot)
SSU2000_IN_SW_PART = "1.3.6.1.4.1.601.3.1.1.1.1.1.10"  # SSU2000-MIB::inSwPart (by chassis.slot)

# --- Identity objects of more vendor MIBs (product-line probes, second batch) ---------------------
A10_AX_SYS_PRIMARY_VERSION = "1.3.6.1.4.1.22610.2.4.1.1.1"  # A10-AX-MIB::axSysPrimaryVersionOnDisk
A10_AX_SYS_SERIAL = "1.3.6.1.4.1.22610.2.4.1.6.2"  # A10-AX-MIB::axSysSerialNumber
BTI_SYSTEM_SW_VERSION = "1.3.6.1.4.1.30005.1.7.100.1.2.1.1.1.5"  # BTI8xx-SYSTEM-MIB::systemSWVersion
BTI_SYSTEM_PRODUCT_NAME = "1.3.6.1.4.1.30005.1.7.100.1.2.1.1.1.8"  # BTI8xx-SYSTEM-MIB::systemProductName
BTI_FRU_SERIAL = "1.3.6.1.4.1.30005.1.7.100.1.1.1.1.1.1.8"  # BTI8xx-TC-MIB::fruBaseInfoserialNumber
DELTA_UPS_SOFTWARE = "1.3.6.1.4.1.2254.2.4.1.3"  # DeltaUPS-MIB::dupsIdentUPSSoftwareVersion
# NETTRACK-E3METER-CTR-SNMP-MIB::e3ConcentratorFWVersion (registered without ".0")
E3METER_CONCENTRATOR_FW = "1.3.6.1.4.1.21695.1.10.1.1"
BKTEL_OA_COMMON_TYPE = "1.3.6.1.4.1.7501.1.2.116.1.2.1.2"  # BKTEL-HFC862-OA-V01-MIB::oaCommonType
# Eaton (Intec) rectifier controllers: RPS-SC200-MIB rooted at the product's sysObjectID
ELTEK_SITE_SERIAL = "1.3.6.1.4.1.12148.9.2.1.3.7"  # ELTEK-DISTRIBUTED-MIB::systemSiteInfoSystemSeriaNum
# ESPHome's SNMP component (unregistered arc 1.3.9999; sysObjectID 1.3.9999.32 on ESP32 boards)
ESPHOME_ESP32_FAMILY = "1.3.9999.32"
ESPHOME_CHIP_MODEL = "1.3.9999.2.3"  # ESPHome SNMP component chip model (ESP32 boards)
HW_SYS_VERSION_VRCB = "1.3.6.1.4.1.2011.6.3.1.999"  # HUAWEI-DEVICE-MIB::hwSysVersionVrcb (SmartAX)

# --- Structure that says what a device is, whatever its maker (identification's type votes) ----
IEEE802DOT11_MIB = "1.2.840.10036"  # IEEE802dot11-MIB::ieee802dot11 (a radio: AP or bridge)
PETH_PSE_PORT_TABLE = "1.3.6.1.2.1.105.1.1"  # POWER-ETHERNET-MIB::pethPsePortTable (PoE ports)
CAPWAP_BASE_MIB = "1.3.6.1.2.1.196"  # CAPWAP-BASE-MIB::capwapBaseMIB (WLAN controller or AP)
ENT_PHY_SENSOR_TABLE = "1.3.6.1.2.1.99.1.1"  # ENTITY-SENSOR-MIB::entPhySensorTable
DOCS_IF_MIB = "1.3.6.1.2.1.10.127"  # DOCS-IF-MIB::docsIfMib (a cable modem or CMTS)
BSN_AP_TABLE = "1.3.6.1.4.1.14179.2.2.1"  # AIRESPACE-WIRELESS-MIB::bsnAPTable (managed APs)
CLAP_TABLE = "1.3.6.1.4.1.9.9.513.1.1.1"  # CISCO-LWAPP-AP-MIB::cLApTable (managed APs)
WLSX_WLAN_AP_TABLE = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4"  # WLSX-WLAN-MIB::wlsxWlanAPTable

# --- A wireless controller's access points (its managed-AP table; each row indexed by a MAC) ---
# AIRESPACE-WIRELESS-MIB::bsnAPEntry (Cisco AireOS and Catalyst 9800): the index is the radio MAC
BSN_AP_NAME = "1.3.6.1.4.1.14179.2.2.1.1.3"  # bsnAPName
BSN_AP_LOCATION = "1.3.6.1.4.1.14179.2.2.1.1.4"  # bsnAPLocation
BSN_AP_OPERATION_STATUS = "1.3.6.1.4.1.14179.2.2.1.1.6"  # bsnAPOperationStatus
BSN_AP_SOFTWARE_VERSION = "1.3.6.1.4.1.14179.2.2.1.1.8"  # bsnAPSoftwareVersion
BSN_AP_MODEL = "1.3.6.1.4.1.14179.2.2.1.1.16"  # bsnAPModel
BSN_AP_SERIAL_NUMBER = "1.3.6.1.4.1.14179.2.2.1.1.17"  # bsnAPSerialNumber
BSN_AP_IP_ADDRESS = "1.3.6.1.4.1.14179.2.2.1.1.19"  # bsnApIpAddress
BSN_AP_ETHERNET_MAC = "1.3.6.1.4.1.14179.2.2.1.1.33"  # bsnAPEthernetMacAddress (the wired port)
# WLSX-WLAN-MIB::wlsxWlanAPEntry (Aruba controllers, Instant virtual controllers): index wired MAC
WLAN_AP_IP_ADDRESS = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.2"  # wlanAPIpAddress
WLAN_AP_NAME = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.3"  # wlanAPName
WLAN_AP_SERIAL_NUMBER = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.6"  # wlanAPSerialNumber
WLAN_AP_MODEL_NAME = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.13"  # wlanAPModelName
WLAN_AP_LOCATION = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.14"  # wlanAPLocation
WLAN_AP_SW_VERSION = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.34"  # wlanAPSwVersion
WLAN_AP_STATUS = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1.19"  # wlanAPStatus
# RUCKUS-ZD-WLAN-MIB::ruckusZDWLANAPEntry (Ruckus ZoneDirector): index the AP's MAC
RUCKUS_ZD_AP_TABLE = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1"  # ruckusZDWLANAPTable
RUCKUS_ZD_AP_DESCRIPTION = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1.2"  # ruckusZDWLANAPDescription
RUCKUS_ZD_AP_MODEL = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1.4"  # ruckusZDWLANAPModel
RUCKUS_ZD_AP_SERIAL_NUMBER = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1.5"  # ruckusZDWLANAPSerialNumber
RUCKUS_ZD_AP_SW_VERSION = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1.7"  # ruckusZDWLANAPSWversion
RUCKUS_ZD_AP_IP_ADDR = "1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1.10"  # ruckusZDWLANAPIPAddr
