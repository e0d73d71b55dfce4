"""Identity objects of vendor MIBs (model, serial number, firmware), keyed by enterprise number
or sysObjectID family, so that one entry covers a vendor's whole product line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from netmap.discover.snmp import oids
from netmap.discover.snmp.candidates import Field_


@dataclass(frozen=True)
class Probe:
    """One vendor-MIB object that names a field. `column` objects are walked for their first row
    (and only when no scalar probe already named the field); scalars are fetched with
    GET <oid>.0, or GET <oid> when `exact` (agents that register objects without the ".0").
    `pattern`, when set, keeps only its group 1 ("FortiSwitch-424E v7.4.0,build..." -> model);
    `template` then spells it the vendor's way ("FP831F-v7.0-build0127" -> "FortiAP 831F")."""

    field: Field_
    oid: str
    label: str
    column: bool = False
    exact: bool = False
    pattern: str | None = None
    template: str = "{}"

    @property
    def instance(self) -> str:
        return self.oid if self.exact else self.oid + ".0"

    def extract(self, value: str | None) -> str | None:
        if value is None or self.pattern is None:
            return value
        match = re.search(self.pattern, value, re.IGNORECASE)
        if not match:
            return None
        return self.template.format(match.group(1) if match.re.groups else match.group(0))


def _x(field_: Field_, oid: str, label: str) -> Probe:
    """A scalar registered without its ".0" instance."""
    return Probe(field_, oid, label, exact=True)


def _c(field_: Field_, oid: str, label: str) -> Probe:
    """A table column: its first row names the device."""
    return Probe(field_, oid, label, column=True)


def _re(field_: Field_, oid: str, label: str, pattern: str) -> Probe:
    """A scalar whose value holds the field inside a longer banner."""
    return Probe(field_, oid, label, pattern=pattern)


def _probes(*items: tuple[Field_, str, str] | tuple[Field_, str, str, bool]) -> tuple[Probe, ...]:
    return tuple(Probe(*item) for item in items)


# Vendor probes by sysObjectID enterprise number.
VENDOR_PROBES: dict[int, tuple[Probe, ...]] = {
    2636: (
        *_probes(
            ("model", oids.JNX_BOX_DESCR, "JUNIPER-MIB jnxBoxDescr"),
            ("serial_number", oids.JNX_BOX_SERIAL_NO, "JUNIPER-MIB jnxBoxSerialNo"),
        ),
        # Junos lists its release first in hrSWInstalledName ("JUNOS Software Release
        # [12.1X46-D86]"); ranked below a sysDescr "JUNOS 12.1..." banner, it serves agents
        # whose sysDescr lacks one
        Probe(
            "os_version", oids.HR_SW_INSTALLED_NAME, "HOST-RESOURCES hrSWInstalledName (Junos)",
            column=True, pattern=r"^JUNOS\b[^\[]*\[([^\]]+)\]",
        ),
    ),
    6574: _probes(
        ("model", oids.SYNO_MODEL_NAME, "SYNOLOGY-SYSTEM-MIB modelName"),
        ("serial_number", oids.SYNO_SERIAL_NUMBER, "SYNOLOGY-SYSTEM-MIB serialNumber"),
        ("os_version", oids.SYNO_VERSION, "SYNOLOGY-SYSTEM-MIB version"),
    ),
    24681: _probes(
        ("model", oids.QNAP_MODEL_NAME, "NAS-MIB systemModel"),
        ("model", oids.QNAP_ES_MODEL_NAME, "NAS-ES-MIB es-SystemModel"),
        ("model", oids.QNAP_QTS_MODEL, "QTS-MIB systemModel"),
        ("serial_number", oids.QNAP_QTS_SERIAL, "QTS-MIB serialNumber"),
        ("os_version", oids.QNAP_QTS_FIRMWARE, "QTS-MIB firmwareVersion"),
    ),
    318: _probes(
        ("model", oids.APC_UPS_BASIC_IDENT_MODEL, "PowerNet-MIB upsBasicIdentModel"),
        ("serial_number", oids.APC_UPS_ADV_IDENT_SERIAL, "PowerNet-MIB upsAdvIdentSerialNumber"),
        ("model", oids.APC_RPDU_IDENT_MODEL, "PowerNet-MIB rPDUIdentModelNumber"),
        ("serial_number", oids.APC_RPDU_IDENT_SERIAL, "PowerNet-MIB rPDUIdentSerialNumber"),
    ),
    674: _probes(
        ("model", oids.DELL_IDRAC_SYSTEM_MODEL, "IDRAC-MIB systemModelName"),
        ("serial_number", oids.DELL_IDRAC_SERVICE_TAG, "IDRAC-MIB systemServiceTag"),
        ("os_version", oids.DELL_IDRAC_FIRMWARE, "IDRAC-MIB racFirmwareVersion"),
        ("model", oids.DELL_PC_PRODUCT_NAME, "Dell-Vendor-MIB productIdentificationDisplayName"),
        (
            "os_version",
            oids.DELL_PC_PRODUCT_VERSION,
            "Dell-Vendor-MIB productIdentificationVersion",
        ),
        (
            "serial_number",
            oids.DELL_PC_SERVICE_TAG,
            "Dell-Vendor-MIB productIdentificationServiceTag",
            True,
        ),
        ("model", oids.DELL_OM_CHASSIS_MODEL, "MIB-Dell-10892 chassisModelName", True),
        (
            "serial_number",
            oids.DELL_OM_CHASSIS_SERVICE_TAG,
            "MIB-Dell-10892 chassisServiceTagName",
            True,
        ),
    ),
    41112: _probes(
        ("model", oids.UNIFI_AP_SYSTEM_MODEL, "UBNT-UniFi-MIB unifiApSystemModel"),
        ("os_version", oids.UNIFI_AP_SYSTEM_VERSION, "UBNT-UniFi-MIB unifiApSystemVersion"),
    ),
    890: _probes(
        ("model", oids.ZYXEL_PRODUCT_MODEL, "ZYXEL-ES-COMMON sysProductModel"),
        ("serial_number", oids.ZYXEL_PRODUCT_SERIAL, "ZYXEL-ES-COMMON sysProductSerialNumber"),
        ("os_version", oids.ZYXEL_FIRMWARE_VERSION, "ZYXEL-ES-COMMON sysSwVersionString"),
    ),
    25053: _probes(
        ("model", oids.RUCKUS_UNLEASHED_MODEL, "RUCKUS-UNLEASHED-SYSTEM-MIB model", True),
        ("serial_number", oids.RUCKUS_UNLEASHED_SERIAL, "RUCKUS-UNLEASHED-SYSTEM-MIB serial", True),
        ("model", oids.RUCKUS_ZD_MODEL, "RUCKUS-ZD-SYSTEM-MIB ruckusZDSystemModel"),
        ("serial_number", oids.RUCKUS_ZD_SERIAL, "RUCKUS-ZD-SYSTEM-MIB ruckusZDSystemSerialNumber"),
    ),
    4555: _probes(
        ("model", oids.SOCOMEC_IDENT_MODEL, "SOCOMECUPS-MIB upsIdentModel"),
        ("serial_number", oids.SOCOMEC_IDENT_SERIAL, "SOCOMECUPS-MIB upsIdentSerialNumber"),
        (
            "os_version",
            oids.SOCOMEC_IDENT_AGENT_VERSION,
            "SOCOMECUPS-MIB upsIdentAgentSoftwareVersion",
        ),
    ),
    41916: _probes(
        ("os_version", oids.VIPTELA_VERSION, "VIPTELA-OPER-SYSTEM systemStatusVersion"),
        ("serial_number", oids.VIPTELA_CHASSIS_SERIAL, "VIPTELA-HARDWARE serial", True),
    ),
    6527: _probes(
        ("serial_number", oids.TIMOS_CHASSIS_SERIAL, "TIMETRA-CHASSIS-MIB tmnxHwSerialNumber", True)
    ),
    2435: _probes(("serial_number", oids.BROTHER_SERIAL, "BROTHER-MIB brInfoSerialNumber")),
    48690: _probes(
        ("model", oids.TELTONIKA_PRODUCT_CODE, "TELTONIKA-MIB productCode"),
        ("serial_number", oids.TELTONIKA_SERIAL, "TELTONIKA-MIB serial"),
        ("os_version", oids.TELTONIKA_FIRMWARE, "TELTONIKA-MIB firmwareVersion"),
    ),
}

# Identity objects of more vendor MIBs, each used across that vendor's product line.
_MORE_PROBES: dict[int, tuple[Probe, ...]] = {
    14823: (
        Probe("serial_number", oids.ARUBA_SWITCH_SERIAL, "WLSX-SWITCH-MIB license serial"),
        _c("serial_number", oids.ARUBA_AI_AP_SERIAL, "AI-AP-MIB aiAPSerialNum"),
    ),
    10418: (
        _re("model", oids.ACS6000_MODEL, "ACS6000-MIB acsProductModel", r"^(\S+)"),
        Probe("serial_number", oids.ACS6000_SERIAL, "ACS6000-MIB acsSerialNumber"),
        Probe("os_version", oids.ACS6000_FIRMWARE, "ACS6000-MIB acsFirmwareVersion"),
    ),
    3320: (
        Probe("model", oids.BDCOM_CARD_MODEL, "NMS-CHASSIS mother card name"),
        Probe("os_version", oids.BDCOM_CARD_VERSION, "NMS-CHASSIS software version"),
    ),
    6321: (
        Probe("serial_number", oids.CALIX_ONT_SERIAL, "CALIX ONT serial number"),
        _c("os_version", oids.CALIX_E7_CARD_VERSION, "E7-Calix-MIB card software version"),
        _c("serial_number", oids.CALIX_E7_CARD_SERIAL, "E7-Calix-MIB card serial number"),
    ),
    2281: (
        _c("os_version", oids.CERAGON_SW_VERSION, "MWRM-UNIT-MIB running software version"),
        _c("serial_number", oids.CERAGON_SERIAL, "MWRM-UNIT-MIB inventory serial"),
    ),
    2604: (
        Probe("model", oids.SFOS_DEVICE_TYPE, "SFOS-FIREWALL-MIB sfosDeviceType"),
        Probe("os_version", oids.SFOS_VERSION, "SFOS-FIREWALL-MIB sfosDeviceFWVersion"),
        Probe("serial_number", oids.SFOS_SERIAL, "SFOS-FIREWALL-MIB sfosDeviceAppKey"),
    ),
    674: (
        Probe("os_version", oids.DRS_FIRMWARE, "DELL-RAC-MIB drsFirmwareVersion"),
        Probe("serial_number", oids.DRS_SERVICE_TAG, "DELL-RAC-MIB drsSystemServiceTag"),
    ),
    42397: (Probe("serial_number", oids.GS_SERIAL, "GRANDSTREAM-MIB serial number"),),
    28507: (
        Probe("os_version", oids.GUDE_EPC1104_VERSION, "GUDEADS-EPC1104-MIB firmware"),
        Probe("os_version", oids.GUDE_EPC1202_VERSION, "GUDEADS-EPC1202-MIB firmware"),
    ),
    7262: (
        Probe("serial_number", oids.HORIZON_COMPACT_SERIAL, "HORIZON-COMPACT-MIB serial"),
        Probe("model", oids.HORIZON_COMPACT_MODEL, "HORIZON-COMPACT-MIB part number"),
        Probe("serial_number", oids.HORIZON_DUO_SERIAL, "HORIZON-DUO-MIB serial"),
        Probe("model", oids.HORIZON_DUO_MODEL, "HORIZON-DUO-MIB part number"),
        Probe("serial_number", oids.HORIZON_QUANTUM_SERIAL, "HORIZON-QUANTUM-MIB serial"),
        Probe("model", oids.HORIZON_QUANTUM_MODEL, "HORIZON-QUANTUM-MIB part number"),
        Probe("model", oids.HORIZON_COMPACTPLUS_MODEL, "HORIZON-COMPACTPLUS-MIB part number"),
    ),
    1418: (
        Probe("model", oids.IBOOT_MODEL, "IBOOTPDU-MIB deviceModelName"),
        Probe("os_version", oids.IBOOT_FIRMWARE, "IBOOTPDU-MIB firmwareVersion"),
    ),
    42229: (Probe("model", oids.GROOVE_NE_TYPE, "CORIANT-GROOVE-MIB neType"),),
    8962: (
        Probe("model", oids.MLOS_MODEL, "McAfee IPS sensor model"),
        Probe("serial_number", oids.MLOS_SERIAL, "McAfee IPS sensor serial"),
    ),
    21111: (
        Probe("model", oids.ORVALDI_MODEL, "UPS agent model"),
        Probe("serial_number", oids.ORVALDI_SERIAL, "UPS agent serial"),
        Probe("os_version", oids.ORVALDI_FIRMWARE, "UPS agent firmware"),
    ),
    2620: (Probe("os_version", oids.CP_SVN_VERSION, "CHECKPOINT-MIB svnVersion"),),
    39324: (
        Probe("os_version", oids.QUANTASTOR_VERSION, "QUANTASTOR-SYS-STATS version"),
        Probe("model", oids.QUANTASTOR_MODEL, "QUANTASTOR-SYS-STATS hardware"),
    ),
    25053: (
        Probe("serial_number", oids.RUCKUS_SZ_SERIAL, "RUCKUS-SZ-SYSTEM-MIB serial number"),
        _c("os_version", oids.RUCKUS_UNLEASHED_VERSION, "RUCKUS-UNLEASHED-SYSTEM-MIB version"),
    ),
    4329: (Probe("serial_number", oids.SCALANCE_SERIAL, "SN-SIMATIC-NET serial number"),),
    31034: (
        _c("model", oids.SPDM_MODEL, "SPDM-MIB product code"),
        _c("serial_number", oids.SPDM_SERIAL, "SPDM-MIB serial number"),
    ),
    6527: (_x("serial_number", oids.TMNX_CHASSIS_HW_SERIAL, "TIMETRA-CHASSIS-MIB chassis serial"),),
    13827: (
        _re("model", oids.ENDRUN_GNTP_VERSION, "EndRun version banner", r"^(.+?) v ?\d"),
        _re("os_version", oids.ENDRUN_GNTP_VERSION, "EndRun version banner", r"\bv ?(\d+\.\d+)"),
    ),
    53058: (
        Probe("model", oids.BAICELLS_HW_VERSION, "BAICELLS-MIB hardware version"),
        Probe("os_version", oids.BAICELLS_SW_VERSION, "BAICELLS-MIB software version"),
        Probe("serial_number", oids.BAICELLS_SERIAL, "BAICELLS-MIB serial number"),
    ),
    890: (
        Probe("os_version", oids.ZYWALL_FIRMWARE, "ZYXEL-ES-SYSTEM sysSwVersionString"),
        Probe("model", oids.ZYWALL_MODEL, "ZYXEL-ES-SYSTEM sysProductModel"),
        Probe("serial_number", oids.ZYWALL_SERIAL, "ZYXEL-ES-SYSTEM sysProductSerialNumber"),
        Probe("os_version", oids.ZYXEL_CPE_FIRMWARE, "ZYXEL CPE firmware version"),
        Probe("model", oids.ZYXEL_CPE_MODEL, "ZYXEL CPE product model"),
        Probe("serial_number", oids.ZYXEL_CPE_SERIAL, "ZYXEL CPE serial number"),
    ),
    4555: (
        Probe("model", oids.SOCOMEC_PDU_MODEL, "SOCOMEC PDU MIB model"),
        Probe("serial_number", oids.SOCOMEC_PDU_SERIAL, "SOCOMEC PDU MIB serial number"),
        Probe("os_version", oids.SOCOMEC_PDU_SOFTWARE, "SOCOMEC PDU MIB software version"),
    ),
    48690: (
        Probe("serial_number", oids.TELTONIKA_LEGACY_SERIAL, "TELTONIKA-MIB (RUT2xx) serial"),
        Probe("model", oids.TELTONIKA_LEGACY_MODEL, "TELTONIKA-MIB (RUT2xx) model"),
        Probe("os_version", oids.TELTONIKA_LEGACY_FIRMWARE, "TELTONIKA-MIB (RUT2xx) firmware"),
    ),
    885: (Probe("os_version", oids.NETSURE_VERSION, "NETSURE-MIB version"),),
    53973: (
        Probe("model", oids.ABB_UPS_MODEL, "ABB UPS MIB model"),
        Probe("os_version", oids.ABB_UPS_FIRMWARE, "ABB UPS MIB firmware"),
    ),
    23263: (
        _x("model", oids.ALOHA_MODEL, "EXCELIANCE-MIB model"),
        _x("serial_number", oids.ALOHA_SERIAL, "EXCELIANCE-MIB serial"),
        _x("os_version", oids.ALOHA_VERSION, "EXCELIANCE-MIB version"),
    ),
    22408: (Probe("os_version", oids.PRIMEKEY_VERSION, "PRIMEKEY-MIB version"),),
    38446: (_c("model", oids.ENLOGIC_PDU_MODEL, "ENLOGIC-PDU-MIB model number"),),
    26122: (Probe("model", oids.ZENITEL_MODEL, "ZENITEL-MIB product name"),),
    318: (
        _c("model", oids.APC_MEM_MODULE_MODEL, "PowerNet-MIB memModulesStatusModuleName"),
        _c("serial_number", oids.APC_MEM_MODULE_SERIAL, "PowerNet-MIB memModules serial"),
    ),
}

# Product-line identity objects of vendors whose entries above lack them (merged the same way).
_LINE_IDENTITY_PROBES: dict[int, tuple[Probe, ...]] = {
    3320: (Probe("serial_number", oids.BDCOM_CARD_SERIAL, "NMS-CHASSIS nmscardSerial"),),
    2435: (  # Brother printers: "Brother HL-5370DW series", "Firmware Ver.1.01 (08.12.12)"
        _re(
            "model",
            oids.BROTHER_MODEL,
            "BROTHER-MIB model name",
            r"^(?:Brother\s+)?(.+?)(?:\s+series)?(?:\s+\[[^\]]*\])?$",
        ),
        _re("os_version", oids.BROTHER_FIRMWARE, "BROTHER-MIB firmware", r"\bVer\.?\s*([^\s(]+)"),
    ),
    # Allworx phone systems: their PBX application's version (NETWORK-SERVICES-MIB applTable)
    38516: (_c("os_version", oids.APPL_VERSION, "NETWORK-SERVICES-MIB applVersion"),),
    38446: (_c("os_version", oids.ENLOGIC_PDU_FIRMWARE, "ENLOGIC-PDU-MIB firmware version"),),
}


# Identity objects of further product lines (appended to the vendor's probes above).
_LINE_PROBES: dict[int, tuple[Probe, ...]] = {
    42397: (  # Grandstream HT ATAs; older firmwares register the scalars with a doubled ".0"
        Probe("os_version", oids.GS_HT_CORE_VERSION, "GRANDSTREAM HT core firmware version"),
        Probe("os_version", oids.GS_HT_CORE_VERSION + ".0", "GRANDSTREAM HT core version (.0.0)"),
        Probe("serial_number", oids.GS_SERIAL + ".0", "GRANDSTREAM-MIB serial number (.0.0)"),
    ),
    7262: (  # DragonWave Harmony
        Probe("serial_number", oids.MWR_UNIT_SERIAL, "MWR-ETHERNET-MIB mwrUnitSerialNo"),
        _c("os_version", oids.MWR_SW_INV_RELEASE, "MWR-ETHERNET-MIB mwrSwInvOmniRelease"),
    ),
    22408: (
        _x("os_version", oids.PK_A_VERSION, "PRIMEKEY-APPLIANCE-MIB pkAVersion"),
        _x("serial_number", oids.PK_A_HSM_SERIAL, "PRIMEKEY-APPLIANCE-MIB pkAHsmSerialNumber"),
    ),
    21362: (  # Ifotec: sysDescr is "<product reference>" or "<product reference> : <description>"
        _re("model", oids.SYS_DESCR, "sysDescr (Ifotec product reference)", r"^(\S+)(?: : |$)"),
        _c("serial_number", oids.IFO_SYS_SERIAL, "IFOTEC-SMI ifoSysSerialNumber"),
        _c("os_version", oids.IFO_SYS_FIRMWARE, "IFOTEC-SMI ifoSysFirmware"),
    ),
    42229: (Probe("os_version", oids.INFINERA_PON_VERSION, "Infinera PON system release"),),
    31034: (_c("os_version", oids.SPDM_FIRMWARE, "SPDM-MIB firmware version"),),
    45065: (Probe("os_version", oids.SUPERVYSE_BMC_VERSION, "Supervyse OpenBMC firmware"),),
    25053: (  # SmartZone controllers: the node table is indexed by the node serial number
        _c("model", oids.RUCKUS_SZ_NODE_MODEL, "RUCKUS SmartZone node model"),
        _c("os_version", oids.RUCKUS_SZ_NODE_VERSION, "RUCKUS SmartZone node firmware"),
    ),
    32285: (_c("serial_number", oids.TOPVISION_CMC_SERIAL, "TopVision CMC serial number"),),
}
# Tables of more product lines are appended, never replacing what a vendor already has (a key
# repeated inside one dict literal would silently drop the first entry, hence separate tables).
for _table in (_MORE_PROBES, _LINE_IDENTITY_PROBES, _LINE_PROBES):
    for _number, _extra in _table.items():
        VENDOR_PROBES[_number] = VENDOR_PROBES.get(_number, ()) + _extra
# Products that answer the vendor MIB of another enterprise number than their sysObjectID.
# Linux appliances that keep Net-SNMP's default sysObjectID (Synology DSM, Teltonika RutOS, ...):
# their private MIB scalars are asked in the same single GET.
_NET_SNMP_APPLIANCES = tuple(
    probe
    for number in (
        674,  # Dell servers: OpenManage/iDRAC scalars, on Linux under Net-SNMP's sysObjectID
        6574,
        48690,
        24681,
        8962,
        53058,
        13827,
        1418,
        21111,
        4555,
        42397,
        2620,
        2604,
        890,
        53973,
        23263,
        22408,
        26122,
        39324,
        45065,  # Supervyse OpenBMC
    )
    for probe in VENDOR_PROBES[number]
    if not probe.column
)
for _generic in (8072, 2021):
    VENDOR_PROBES[_generic] = _NET_SNMP_APPLIANCES


# Product families whose MIB is rooted at the product's own sysObjectID: probes are
# <sysObjectID><suffix>, so one rule covers every model of the line.
RELATIVE_PROBES: dict[str, tuple[tuple[Field_, str, str], ...]] = {
    oids.EATON_RPS_FAMILY: (  # Eaton SC200 / SC300 rectifier controllers (RPS-SC200-MIB)
        ("serial_number", ".10.10.20", "RPS-SC200-MIB system-Serial-Number"),
        ("model", ".10.10.30", "RPS-SC200-MIB system-Type"),
    ),
}


def relative_probes(object_id: str | None) -> tuple[Probe, ...]:
    """The sysObjectID-rooted probes of the agent's product family (one level below the family
    root: 1.3.6.1.4.1.8691.7.71 -> 1.3.6.1.4.1.8691.7.71.1.4.0)."""
    if not object_id:
        return ()
    object_id = object_id.strip(".")
    for family, items in RELATIVE_PROBES.items():
        rest = object_id[len(family) + 1 :] if object_id.startswith(family + ".") else ""
        if rest.isdigit():
            return tuple(Probe(name, object_id + suffix, label) for name, suffix, label in items)
    return ()

