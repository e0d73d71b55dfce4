"""THE one table of numeric OIDs netmap reads, grouped by MIB, each with its MIB name.

Rules: numeric, no leading dot. Table columns and scalars are given WITHOUT instance suffix
(`SYS_DESCR` is the column; GET it as `SYS_DESCR + ".0"`). Add entries, never renumber them:
several modules (getters, vendor identification, classification) share this file.

tools/make_librenms.py reads the IETF entries as text: they win where LibreNMS's symbols.tsv
resolved a standard module's name to a vendor's copy, so an entry that only a LibreNMS
definition reads stays even when no netmap module imports it.

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
# a TestAndIncr counter of SET requests (RFC 3418): some definitions read it as a serial
SNMP_SET_SERIAL_NO = "1.3.6.1.6.3.1.1.6.1"  # SNMPv2-MIB::snmpSetSerialNo

# --- SNMP-FRAMEWORK-MIB -------------------------------------------------------------------------
SNMP_ENGINE_ID = "1.3.6.1.6.3.10.2.1.1"  # SNMP-FRAMEWORK-MIB::snmpEngineID

# --- ENTITY-MIB (entPhysicalTable) ---------------------------------------------------------------
ENT_PHYSICAL_ENTRY = "1.3.6.1.2.1.47.1.1.1.1"  # ENTITY-MIB::entPhysicalEntry
ENT_PHYSICAL_DESCR = "1.3.6.1.2.1.47.1.1.1.1.2"  # ENTITY-MIB::entPhysicalDescr
ENT_PHYSICAL_CONTAINED_IN = "1.3.6.1.2.1.47.1.1.1.1.4"  # ENTITY-MIB::entPhysicalContainedIn
ENT_PHYSICAL_CLASS = "1.3.6.1.2.1.47.1.1.1.1.5"  # ENTITY-MIB::entPhysicalClass
ENT_PHYSICAL_NAME = "1.3.6.1.2.1.47.1.1.1.1.7"  # ENTITY-MIB::entPhysicalName
ENT_PHYSICAL_HARDWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.8"  # ENTITY-MIB::entPhysicalHardwareRev
ENT_PHYSICAL_FIRMWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.9"  # ENTITY-MIB::entPhysicalFirmwareRev
ENT_PHYSICAL_SOFTWARE_REV = "1.3.6.1.2.1.47.1.1.1.1.10"  # ENTITY-MIB::entPhysicalSoftwareRev
ENT_PHYSICAL_SERIAL_NUM = "1.3.6.1.2.1.47.1.1.1.1.11"  # ENTITY-MIB::entPhysicalSerialNum
ENT_PHYSICAL_MFG_NAME = "1.3.6.1.2.1.47.1.1.1.1.12"  # ENTITY-MIB::entPhysicalMfgName
ENT_PHYSICAL_MODEL_NAME = "1.3.6.1.2.1.47.1.1.1.1.13"  # ENTITY-MIB::entPhysicalModelName

# --- HOST-RESOURCES-MIB --------------------------------------------------------------------------
HR_MEMORY_SIZE = "1.3.6.1.2.1.25.2.2"  # HOST-RESOURCES-MIB::hrMemorySize
HR_DEVICE_TYPE = "1.3.6.1.2.1.25.3.2.1.2"  # HOST-RESOURCES-MIB::hrDeviceType
HR_DEVICE_DESCR = "1.3.6.1.2.1.25.3.2.1.3"  # HOST-RESOURCES-MIB::hrDeviceDescr
HR_DEVICE_ID = "1.3.6.1.2.1.25.3.2.1.4"  # HOST-RESOURCES-MIB::hrDeviceID
HR_DEVICE_OTHER = "1.3.6.1.2.1.25.3.1.1"  # HOST-RESOURCES-TYPES::hrDeviceOther (a value)
HR_DEVICE_PRINTER = "1.3.6.1.2.1.25.3.1.5"  # HOST-RESOURCES-TYPES::hrDevicePrinter (a value)
HR_DEVICE_PROCESSOR = "1.3.6.1.2.1.25.3.1.3"  # HOST-RESOURCES-TYPES::hrDeviceProcessor (a value)
HR_SW_INSTALLED_NAME = "1.3.6.1.2.1.25.6.3.1.2"  # HOST-RESOURCES-MIB::hrSWInstalledName

# --- Printer-MIB (RFC 3805) ----------------------------------------------------------------------
PRT_GENERAL_SERIAL_NUMBER = "1.3.6.1.2.1.43.5.1.1.17"  # Printer-MIB::prtGeneralSerialNumber

# --- UPS-MIB (RFC 1628) --------------------------------------------------------------------------
UPS_IDENT_MANUFACTURER = "1.3.6.1.2.1.33.1.1.1"  # UPS-MIB::upsIdentManufacturer
UPS_IDENT_MODEL = "1.3.6.1.2.1.33.1.1.2"  # UPS-MIB::upsIdentModel
UPS_IDENT_UPS_SOFTWARE_VERSION = "1.3.6.1.2.1.33.1.1.3"  # UPS-MIB::upsIdentUPSSoftwareVersion
UPS_IDENT_AGENT_SOFTWARE_VERSION = "1.3.6.1.2.1.33.1.1.4"  # UPS-MIB::upsIdentAgentSoftwareVersion
# read by LibreNMS definitions only (tools/make_librenms.py takes the standard MIBs' objects from
# this table, over a vendor's private module of the same name in symbols.tsv)
UPS_IDENT_NAME = "1.3.6.1.2.1.33.1.1.5"  # UPS-MIB::upsIdentName

# --- ENERGY-OBJECT-MIB (RFC 7460) ----------------------------------------------------------------
EO_POWER = "1.3.6.1.2.1.229.1.2.1.1"  # ENERGY-OBJECT-MIB::eoPower (one row per metered object)

# --- IP-MIB / BRIDGE-MIB (presence used as a classification hint) -------------------------------
IP_FORWARDING = "1.3.6.1.2.1.4.1"  # IP-MIB::ipForwarding (1 forwarding, 2 not)
DOT1D_BASE_NUM_PORTS = "1.3.6.1.2.1.17.1.2"  # BRIDGE-MIB::dot1dBaseNumPorts

# --- LLDP-MIB (local system) ---------------------------------------------------------------------
LLDP_LOC_SYS_CAP_ENABLED = "1.0.8802.1.1.2.1.3.6"  # LLDP-MIB::lldpLocSysCapEnabled

# --- SNMPv2-MIB / SNMPv2-SMI (subtrees) ------------------------------------------------------
ENTERPRISES = "1.3.6.1.4.1"  # SNMPv2-SMI::enterprises
NS_EXTEND_OUTPUT_1LINE = "1.3.6.1.4.1.8072.1.3.2.3.1.1"  # NET-SNMP-EXTEND-MIB::nsExtendOutput1Line
NS_EXTEND_OUTPUT_FULL = "1.3.6.1.4.1.8072.1.3.2.3.1.2"  # NET-SNMP-EXTEND-MIB::nsExtendOutputFull
NS_EXTEND_COMMAND = "1.3.6.1.4.1.8072.1.3.2.2.1.2"  # NET-SNMP-EXTEND-MIB::nsExtendCommand
NS_EXTEND_ARGS = "1.3.6.1.4.1.8072.1.3.2.2.1.3"  # NET-SNMP-EXTEND-MIB::nsExtendArgs
# LibreNMS's documented snmpd.conf relocates its extends (`extend .1.3.6.1.4.1.2021.7890.2
# hardware ...`): each base then holds the nsExtend tables (base.3.1.1 = nsExtendOutput1Line).
UCD_EXTEND_RELOCATED = "1.3.6.1.4.1.2021.7890"  # UCD-SNMP-MIB::ucdavis.7890 (extend bases)

# --- IF-MIB (RFC 2863) -----------------------------------------------------------------------
IF_NUMBER = "1.3.6.1.2.1.2.1"  # IF-MIB::ifNumber (rows of ifTable)
IF_ENTRY = "1.3.6.1.2.1.2.2.1"  # IF-MIB::ifEntry
IFX_ENTRY = "1.3.6.1.2.1.31.1.1.1"  # IF-MIB::ifXEntry (AUGMENTS ifEntry: the same rows)
IF_DESCR = "1.3.6.1.2.1.2.2.1.2"  # IF-MIB::ifDescr
IF_TYPE = "1.3.6.1.2.1.2.2.1.3"  # IF-MIB::ifType (IANAifType)
IF_MTU = "1.3.6.1.2.1.2.2.1.4"  # IF-MIB::ifMtu
IF_SPEED = "1.3.6.1.2.1.2.2.1.5"  # IF-MIB::ifSpeed (bit/s, saturates at 2^32-1)
IF_PHYS_ADDRESS = "1.3.6.1.2.1.2.2.1.6"  # IF-MIB::ifPhysAddress
IF_ADMIN_STATUS = "1.3.6.1.2.1.2.2.1.7"  # IF-MIB::ifAdminStatus (1 up, 2 down, 3 testing)
IF_OPER_STATUS = "1.3.6.1.2.1.2.2.1.8"  # IF-MIB::ifOperStatus (1 up, 2 down, ...)
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
DOT1D_BASE_PORT_ENTRY = "1.3.6.1.2.1.17.1.4.1"  # BRIDGE-MIB::dot1dBasePortEntry (a bridge port)
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
DOT1Q_PORT_VLAN_ENTRY = "1.3.6.1.2.1.17.7.1.4.5.1"  # Q-BRIDGE-MIB::dot1qPortVlanEntry (AUGMENTS it)
DOT1Q_PVID = "1.3.6.1.2.1.17.7.1.4.5.1.1"  # Q-BRIDGE-MIB::dot1qPvid (index: dot1dBasePort)

# A scalar that counts a table's rows -> the entries it counts: a walk of them asks for that many
# (ifNumber counts ifTable's rows; dot1dBaseNumPorts the bridge ports, one row each in the port
# table and in Q-BRIDGE's table that AUGMENTS it). Only a hint: a short count falls back to doubling
ROW_COUNTS = {
    IF_NUMBER: (IF_ENTRY, IFX_ENTRY),
    DOT1D_BASE_NUM_PORTS: (DOT1D_BASE_PORT_ENTRY, DOT1Q_PORT_VLAN_ENTRY),
}

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
# LLDP-EXT-MED-MIB::lldpXMedLocalData (ANSI/TIA-1057): the inventory the agent's own LLDP-MED TLVs
# announce, as scalars. A standard, maker-neutral model and serial number: switches and phones
# fill them from their own inventory, lldpd on a Linux host from its DMI tables.
LLDP_X_MED_LOCAL_DATA = "1.0.8802.1.1.2.1.5.4795.1.2"  # lldpXMedLocalData
LLDP_X_MED_LOC_SOFTWARE_REV = "1.0.8802.1.1.2.1.5.4795.1.2.4"  # lldpXMedLocSoftwareRev
LLDP_X_MED_LOC_SERIAL_NUM = "1.0.8802.1.1.2.1.5.4795.1.2.5"  # lldpXMedLocSerialNum
LLDP_X_MED_LOC_MFG_NAME = "1.0.8802.1.1.2.1.5.4795.1.2.6"  # lldpXMedLocMfgName
LLDP_X_MED_LOC_MODEL_NAME = "1.0.8802.1.1.2.1.5.4795.1.2.7"  # lldpXMedLocModelName
LLDP_X_MED_LOC_INVENTORY = (LLDP_X_MED_LOC_MODEL_NAME, LLDP_X_MED_LOC_SERIAL_NUM,
                            LLDP_X_MED_LOC_SOFTWARE_REV, LLDP_X_MED_LOC_MFG_NAME)
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

# --- PowerNet-MIB (APC) UPS identity: what the UPS getter reads ---------------------------------
APC_UPS_BASIC_IDENT_MODEL = "1.3.6.1.4.1.318.1.1.1.1.1.1"  # PowerNet-MIB::upsBasicIdentModel
# PowerNet-MIB::upsAdvIdentFirmwareRevision
APC_UPS_ADV_IDENT_FIRMWARE = "1.3.6.1.4.1.318.1.1.1.1.2.1"
APC_UPS_ADV_IDENT_SERIAL = "1.3.6.1.4.1.318.1.1.1.1.2.3"  # PowerNet-MIB::upsAdvIdentSerialNumber

# --- Identity objects vendors.py reads itself (the vendor-MIB rows are data/vendor-mibs.tsv) ---
# Nokia TiMOS chassis (TIMETRA-CHASSIS-MIB)
TMNX_CHASSIS_TYPE = "1.3.6.1.4.1.6527.3.1.2.2.1.3.1.4"  # tmnxChassisType (row 1 = chassis 1)
TMNX_CHASSIS_TYPE_NAME = "1.3.6.1.4.1.6527.3.1.2.2.1.6.1.2"  # tmnxChassisTypeName
# RMON2 probe configuration (RMON2-MIB probeConfig): many switches fill these with firmware/hardware
PROBE_SOFTWARE_REV = "1.3.6.1.2.1.16.19.2"  # RMON2-MIB::probeSoftwareRev
PROBE_HARDWARE_REV = "1.3.6.1.2.1.16.19.3"  # RMON2-MIB::probeHardwareRev

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
