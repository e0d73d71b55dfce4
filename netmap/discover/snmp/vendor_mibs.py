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


# "<model> v7.4.0,build0767" / "<model> 5.91,build1618" / "FXT201E-v7.4.5-build249" banners
_BANNER_MODEL = r"^(\S+?)[\s-]+v?\s?\d+(?:\.\d+)+"
_BANNER_VERSION = r"(?:^|[\s-])v?\s?(\d+(?:\.\d+)+)"


def _probes(*items: tuple[Field_, str, str] | tuple[Field_, str, str, bool]) -> tuple[Probe, ...]:
    return tuple(Probe(*item) for item in items)


_RADLAN = _probes(
    (
        "os_version",
        oids.RADLAN_PHD_UNIT_GEN_PARAM + ".2",
        "RADLAN rlPhdUnitGenParamSoftwareVersion",
        True,
    ),
    (
        "serial_number",
        oids.RADLAN_PHD_UNIT_GEN_PARAM + ".5",
        "RADLAN rlPhdUnitGenParamSerialNum",
        True,
    ),
    ("model", oids.RADLAN_PHD_UNIT_GEN_PARAM + ".11", "RADLAN rlPhdUnitGenParamModelName", True),
)
_CISCOSB = _probes(
    (
        "os_version",
        oids.CISCOSB_PHD_UNIT_GEN_PARAM + ".2",
        "CISCOSB rlPhdUnitGenParamSoftwareVersion",
        True,
    ),
    (
        "serial_number",
        oids.CISCOSB_PHD_UNIT_GEN_PARAM + ".5",
        "CISCOSB rlPhdUnitGenParamSerialNum",
        True,
    ),
)

# Vendor probes by sysObjectID enterprise number.
VENDOR_PROBES: dict[int, tuple[Probe, ...]] = {
    9: _CISCOSB
    + _probes(("serial_number", oids.CISCO_CHASSIS_ID, "OLD-CISCO-CHASSIS-MIB chassisId")),
    14179: _probes(
        ("model", oids.AIRESPACE_MACHINE_MODEL, "AIRESPACE agentInventoryMachineModel"),
        ("serial_number", oids.AIRESPACE_SERIAL, "AIRESPACE agentInventorySerialNumber"),
        ("os_version", oids.AIRESPACE_PRODUCT_VERSION, "AIRESPACE agentInventoryProductVersion"),
    ),
    89: _RADLAN,
    35265: _RADLAN  # Eltex MES: RADLAN-based lines, and the Aricent-ISS-based MES24xx
    + _probes(("serial_number", oids.ARICENT_ISS_SERIAL, "ARICENT-ISS-MIB serial number")),
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
    14988: _probes(
        ("serial_number", oids.MTXR_SERIAL_NUMBER, "MIKROTIK-MIB mtxrSerialNumber"),
        ("os_version", oids.MTXR_LIC_VERSION, "MIKROTIK-MIB mtxrLicVersion"),
        ("model", oids.MTXR_BOARD_NAME, "MIKROTIK-MIB mtxrBoardName"),
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
    12356: _probes(
        ("serial_number", oids.FN_SYS_SERIAL, "FORTINET-CORE-MIB fnSysSerial"),
        ("os_version", oids.FG_SYS_VERSION, "FORTINET-FORTIGATE-MIB fgSysVersion"),
        ("os_version", oids.FS_SYS_VERSION, "FORTINET-FORTISWITCH-MIB fsSysVersion"),
    ),
    25461: _probes(
        ("model", oids.PAN_CHASSIS_TYPE, "PAN-COMMON-MIB panChassisType"),
        ("serial_number", oids.PAN_SYS_SERIAL_NUMBER, "PAN-COMMON-MIB panSysSerialNumber"),
        ("os_version", oids.PAN_SYS_SW_VERSION, "PAN-COMMON-MIB panSysSwVersion"),
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
    534: _probes(
        ("model", oids.XUPS_IDENT_MODEL, "XUPS-MIB xupsIdentModel"),
        ("os_version", oids.XUPS_IDENT_SOFTWARE_VERSION, "XUPS-MIB xupsIdentSoftwareVersion"),
        ("vendor", oids.XUPS_IDENT_MANUFACTURER, "XUPS-MIB xupsIdentManufacturer"),
    ),
    232: _probes(
        ("model", oids.CPQ_SI_PRODUCT_NAME, "CPQSINFO-MIB cpqSiProductName"),
        ("serial_number", oids.CPQ_SI_SYS_SERIAL_NUM, "CPQSINFO-MIB cpqSiSysSerialNum"),
        ("os_version", oids.CPQ_SM2_CNTLR_ROM_REVISION, "CPQSM2-MIB cpqSm2CntlrRomRevision"),
    ),
    11: _probes(
        ("serial_number", oids.HP_PRINTER_SERIAL, "HP-LASERJET-COMMON-MIB serial-number"),
        ("model", oids.HP_PRINTER_MODEL, "HP-LASERJET-COMMON-MIB model-name"),
        ("serial_number", oids.CPQ_SI_SYS_SERIAL_NUM, "CPQSINFO-MIB cpqSiSysSerialNum"),
        ("model", oids.CPQ_SI_PRODUCT_NAME, "CPQSINFO-MIB cpqSiProductName"),
    ),
    1991: _probes(
        ("serial_number", oids.SN_CHAS_SER_NUM, "FOUNDRY-SN-AGENT-MIB snChasSerNum"),
        (
            "serial_number",
            oids.SN_CHAS_UNIT_SER_NUM,
            "FOUNDRY-SN-STACKING-MIB snChasUnitSerNum",
            True,
        ),
        ("os_version", oids.SN_AG_IMG_VER, "FOUNDRY-SN-AGENT-MIB snAgImgVer"),
    ),
    1916: _probes(("serial_number", oids.EXTREME_SYSTEM_ID, "EXTREME-SYSTEM-MIB extremeSystemID")),
    41112: _probes(
        ("model", oids.UNIFI_AP_SYSTEM_MODEL, "UBNT-UniFi-MIB unifiApSystemModel"),
        ("os_version", oids.UNIFI_AP_SYSTEM_VERSION, "UBNT-UniFi-MIB unifiApSystemVersion"),
    ),
    890: _probes(
        ("model", oids.ZYXEL_PRODUCT_MODEL, "ZYXEL-ES-COMMON sysProductModel"),
        ("serial_number", oids.ZYXEL_PRODUCT_SERIAL, "ZYXEL-ES-COMMON sysProductSerialNumber"),
        ("os_version", oids.ZYXEL_FIRMWARE_VERSION, "ZYXEL-ES-COMMON sysSwVersionString"),
    ),
    3808: _probes(
        ("model", oids.CPS_UPS_IDENT_MODEL, "CPS-MIB upsBaseIdentModel"),
        ("serial_number", oids.CPS_UPS_IDENT_SERIAL, "CPS-MIB upsAdvanceIdentSerialNumber"),
        ("os_version", oids.CPS_UPS_IDENT_FIRMWARE, "CPS-MIB upsAdvanceIdentFirmwareRevision"),
    ),
    25053: _probes(
        ("model", oids.RUCKUS_UNLEASHED_MODEL, "RUCKUS-UNLEASHED-SYSTEM-MIB model", True),
        ("serial_number", oids.RUCKUS_UNLEASHED_SERIAL, "RUCKUS-UNLEASHED-SYSTEM-MIB serial", True),
        ("model", oids.RUCKUS_ZD_MODEL, "RUCKUS-ZD-SYSTEM-MIB ruckusZDSystemModel"),
        ("serial_number", oids.RUCKUS_ZD_SERIAL, "RUCKUS-ZD-SYSTEM-MIB ruckusZDSystemSerialNumber"),
    ),
    1718: _probes(
        ("os_version", oids.SENTRY3_FIRMWARE, "Sentry3-MIB systemVersion"),
        ("model", oids.SENTRY3_TOWER_MODEL, "Sentry3-MIB towerModelNumber", True),
        ("serial_number", oids.SENTRY3_TOWER_SERIAL, "Sentry3-MIB towerProductSN", True),
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
    23695: _probes(
        ("model", oids.PEPLINK_MODEL, "PEPLINK-DEVICE deviceModel", True),
        ("serial_number", oids.PEPLINK_SERIAL, "PEPLINK-DEVICE deviceSerialNumber", True),
        ("os_version", oids.PEPLINK_FIRMWARE, "PEPLINK-DEVICE deviceFirmwareVersion", True),
    ),
    25049: _probes(
        ("serial_number", oids.OG_SERIAL_NUMBER, "OG-STATUSv2-MIB ogSerialNumber", True)
    ),
    43356: _probes(
        ("serial_number", oids.MIMOSA_SERIAL, "MIMOSA-NETWORKS-BFIVE-MIB mimosaSerialNumber"),
        ("os_version", oids.MIMOSA_FIRMWARE, "MIMOSA-NETWORKS-BFIVE-MIB mimosaFirmwareVersion"),
    ),
    41916: _probes(
        ("os_version", oids.VIPTELA_VERSION, "VIPTELA-OPER-SYSTEM systemStatusVersion"),
        ("serial_number", oids.VIPTELA_CHASSIS_SERIAL, "VIPTELA-HARDWARE serial", True),
    ),
    6527: _probes(
        ("serial_number", oids.TIMOS_CHASSIS_SERIAL, "TIMETRA-CHASSIS-MIB tmnxHwSerialNumber", True)
    ),
    2435: _probes(("serial_number", oids.BROTHER_SERIAL, "BROTHER-MIB brInfoSerialNumber")),
    2385: _probes(("os_version", oids.SHARP_FIRMWARE, "SHARP-MIB firmware version", True)),
    5003: _probes(
        ("model", oids.AC_SYS_TYPE_PRODUCT_NAME, "AC-SYSTEM-MIB acSysIdName"),
        ("serial_number", oids.AC_SYS_ID_SERIAL, "AC-SYSTEM-MIB acSysIdSerialNumber"),
        ("os_version", oids.AC_SYS_VERSION, "AC-SYSTEM-MIB acSysVersionSoftware"),
    ),
    50001: _probes(("serial_number", oids.HIK_SERIAL, "HIK-DEVICE-MIB serial"))
    # hikEntityType names the product kind: the model Hikvision's MIB gives, and a type vote
    + tuple(
        Probe(
            "model",
            oids.HIK_ENTITY_TYPE,
            "HIKVISION-MIB hikEntityType",
            pattern=f"^({code})$",
            template=kind,
        )
        for code, kind in ((1, "DVR"), (2, "NVR"), (3, "IP camera"))
    ),
    4458: _probes(
        ("model", oids.RADWIN_PRODUCT_NAME, "RADWIN-MIB winlink1000OduAdmProductName"),
        ("serial_number", oids.RADWIN_SERIAL, "RADWIN-MIB winlink1000OduAdmSerialNumber"),
        ("os_version", oids.RADWIN_SW_VERSION, "RADWIN-MIB winlink1000OduAdmSwVersion"),
    ),
    52642: _probes(
        ("model", oids.FS_SYS_HARDWARE, "FS switch hardware name", True),
        ("serial_number", oids.FS_SYS_SERIAL, "FS switch serial", True),
        ("os_version", oids.FS_SYS_VERSION, "FS switch software version", True),
    ),
    48690: _probes(
        ("model", oids.TELTONIKA_PRODUCT_CODE, "TELTONIKA-MIB productCode"),
        ("serial_number", oids.TELTONIKA_SERIAL, "TELTONIKA-MIB serial"),
        ("os_version", oids.TELTONIKA_FIRMWARE, "TELTONIKA-MIB firmwareVersion"),
    ),
}

# Identity objects of more vendor MIBs, each used across that vendor's product line.
_MORE_PROBES: dict[int, tuple[Probe, ...]] = {
    12356: (  # Fortinet: FortiSwitch, FortiAP, FortiExtender, FortiWeb
        _re(
            "model",
            oids.FORTISWITCH_SYS_VERSION,
            "FORTINET-FORTISWITCH-MIB fsSysVersion",
            _BANNER_MODEL,
        ),
        _re(
            "os_version",
            oids.FORTISWITCH_SYS_VERSION,
            "FORTINET-FORTISWITCH-MIB fsSysVersion",
            _BANNER_VERSION,
        ),
        Probe("os_version", oids.FORTIAP_VERSION, "FORTINET-FORTIAP-MIB fapVersion"),
        # FortiAP version banners start with the model code: "FP831F-v7.0-build0127" is a FortiAP 831F
        Probe(
            "model", oids.FORTIAP_VERSION, "FORTINET-FORTIAP-MIB fapVersion (model code)",
            pattern=r"^FP(\w+?)-v\d", template="FortiAP {}",
        ),
        Probe("serial_number", oids.FORTIAP_SERIAL, "FORTINET-FORTIAP-MIB fapSerialNum"),
        Probe("model", oids.FEX_SYS_MODEL, "FORTINET-FORTIEXTENDER-MIB model"),
        Probe("serial_number", oids.FEX_SYS_SERIAL, "FORTINET-FORTIEXTENDER-MIB serial"),
        _re(
            "os_version",
            oids.FEX_SYS_VERSION,
            "FORTINET-FORTIEXTENDER-MIB fexSysVersion",
            r"-v(\d+(?:\.\d+)+)",
        ),
        _re("model", oids.FWB_SYS_VERSION, "FORTINET-FORTIWEB-MIB fwbSysVersion", _BANNER_MODEL),
    ),
    15983: (
        Probe("model", oids.MERU_SYSTEM_MODEL, "MERU-CONFIG-MIB system model"),
        Probe("os_version", oids.MERU_SYSTEM_VERSION, "MERU-CONFIG-MIB software version"),
    ),
    52642: (
        Probe("os_version", oids.FSOS_SYS_VERSION, "FS-SYSTEM-MIB software version"),
        Probe("serial_number", oids.FSOS_SYS_SERIAL, "FS-SYSTEM-MIB serial number"),
        _c("os_version", oids.FSOS_MEMBER_VERSION, "FS-SYSTEM-MIB member software version"),
        _c("serial_number", oids.FSOS_MEMBER_SERIAL, "FS-SYSTEM-MIB member serial number"),
    ),
    2544: (
        Probe("model", oids.ADVA_ALM_MODEL, "ADVA-FSP3000ALM-MIB part number"),
        Probe("os_version", oids.ADVA_ALM_VERSION, "ADVA-FSP3000ALM-MIB software version"),
        Probe("serial_number", oids.ADVA_ALM_SERIAL, "ADVA-FSP3000ALM-MIB serial number"),
    ),
    629: (
        Probe("serial_number", oids.MRV_OS_SERIAL, "MRV OptiSwitch chassis serial"),
        Probe("os_version", oids.MRV_OD_VERSION, "NBS-CMMC-MIB agent software version"),
        _c("model", oids.MRV_OD_CHASSIS_MODEL, "NBS-CMMC-MIB nbsCmmcChassisModel"),
        _c("serial_number", oids.MRV_OD_CHASSIS_SERIAL, "NBS-CMMC-MIB nbsCmmcChassisSerialNum"),
    ),
    2: (
        _re("model", oids.AIX_SYS_MODEL, "IBM-AIX-MIB model", r"^(?:IBM,)?(.+)$"),
        _re("serial_number", oids.AIX_SYS_SERIAL, "IBM-AIX-MIB serial", r"^(?:IBM,)?(.+)$"),
    ),
    28087: (
        Probe("os_version", oids.ALBENTIA_VERSION, "ALBENTIA-MIB firmware version"),
        Probe("serial_number", oids.ALBENTIA_SERIAL, "ALBENTIA-MIB serial"),
    ),
    705: (
        Probe("model", oids.MGE_IDENT_FAMILY, "MG-SNMP-UPS-MIB upsmgIdentFamilyName"),
        Probe("os_version", oids.MGE_IDENT_FIRMWARE, "MG-SNMP-UPS-MIB upsmgIdentFirmwareVersion"),
        Probe("serial_number", oids.MGE_IDENT_SERIAL, "MG-SNMP-UPS-MIB upsmgIdentSerialNumber"),
    ),
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
    20884: (
        Probe("model", oids.BDT_PRODUCT_NAME, "BDT-MIB product name"),
        Probe("serial_number", oids.BDT_SERIAL, "BDT-MIB serial number"),
        Probe("os_version", oids.BDT_FIRMWARE, "BDT-MIB firmware revision"),
    ),
    272: (
        _re("os_version", oids.BINTEC_SW_VERSION, "BIANCA-BRICK-MIB biboAdmSWVersion", r"^(\S+)"),
        _x("model", oids.BINTEC_PRODUCT, "BIANCA-BRICK-MIB product name"),
        _x("serial_number", oids.BINTEC_SERIAL, "BIANCA-BRICK-MIB serial number"),
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
    1271: (Probe("os_version", oids.CIENA_RLS_VERSION, "CIENA-WS software version"),),
    1429: (
        Probe("model", oids.CISCOSAT_MODEL, "Cisco SA receiver model"),
        Probe("os_version", oids.CISCOSAT_VERSION, "Cisco SA receiver firmware"),
    ),
    2604: (
        Probe("model", oids.SFOS_DEVICE_TYPE, "SFOS-FIREWALL-MIB sfosDeviceType"),
        Probe("os_version", oids.SFOS_VERSION, "SFOS-FIREWALL-MIB sfosDeviceFWVersion"),
        Probe("serial_number", oids.SFOS_SERIAL, "SFOS-FIREWALL-MIB sfosDeviceAppKey"),
    ),
    21067: (
        Probe("serial_number", oids.CYBEROAM_SERIAL, "CYBEROAM-MIB applianceKey"),
        Probe("model", oids.CYBEROAM_MODEL, "CYBEROAM-MIB applianceModel"),
        Probe("os_version", oids.CYBEROAM_VERSION, "CYBEROAM-MIB cyberoamVersion"),
    ),
    1004849: (
        Probe("os_version", oids.DAHUA_SW_VERSION, "DAHUA-SNMP-MIB softwareRevision"),
        Probe("serial_number", oids.DAHUA_SERIAL, "DAHUA-SNMP-MIB serialNumber"),
    ),
    3709: (
        _c("os_version", oids.DMOS_SW_VERSION, "DMswitch-MIB firmware version"),
        _c("serial_number", oids.DMOS_SERIAL, "DMswitch-MIB serial number"),
    ),
    6339: (Probe("os_version", oids.DCN_SW_VERSION, "DCN private MIB software version"),),
    674: (
        Probe("os_version", oids.DRS_FIRMWARE, "DELL-RAC-MIB drsFirmwareVersion"),
        Probe("serial_number", oids.DRS_SERVICE_TAG, "DELL-RAC-MIB drsSystemServiceTag"),
    ),
    17420: (
        Probe("model", oids.DIGIPOWER_MODEL, "DigiPower-PDU-MIB model"),
        Probe("os_version", oids.DIGIPOWER_VERSION, "DigiPower-PDU-MIB firmware"),
        Probe("serial_number", oids.DIGIPOWER_SERIAL, "DigiPower-PDU-MIB serial"),
    ),
    935: (
        Probe("model", oids.PPC_MODEL, "PPC-MIB power system model"),
        Probe("os_version", oids.PPC_VERSION, "PPC-MIB power system firmware"),
        Probe("serial_number", oids.PPC_SERIAL, "PPC-MIB power system serial"),
        Probe("os_version", oids.PPC_UPS_FIRMWARE, "PPC-MIB UPS firmware"),
    ),
    534: (Probe("serial_number", oids.XUPS_IDENT_SERIAL, "XUPS-MIB xupsIdentSerialNumber"),),
    17409: (
        _c("model", oids.EDFA_MODEL, "NSCRTV-ROOT commonDeviceModelNumber"),
        _c("serial_number", oids.EDFA_SERIAL, "NSCRTV-ROOT commonDeviceSerialNumber"),
        _c("os_version", oids.EDFA_VERSION, "NSCRTV-ROOT commonDeviceVersion"),
    ),
    12148: (Probe("model", oids.ELTEK_SYSTEM_TYPE, "ELTEK-DISTRIBUTED-MIB powerSystemType"),),
    17713: (
        Probe("os_version", oids.EPMP_SW_VERSION, "CAMBIUM-PMP80211-MIB cambiumCurrentSWInfo"),
        Probe("serial_number", oids.EPMP_SERIAL, "CAMBIUM-PMP80211-MIB cambiumEPMPMSN"),
    ),
    1248: (Probe("serial_number", oids.EPSON_SERIAL, "EPSON private MIB serial number"),),
    43296: (
        _x("model", oids.EXALINK_MODEL, "EXALINK-FUSION-MIB model"),
        _x("os_version", oids.EXALINK_VERSION, "EXALINK-FUSION-MIB version"),
        _x("serial_number", oids.EXALINK_SERIAL, "EXALINK-FUSION-MIB serial"),
    ),
    3375: (
        Probe("model", oids.F5_PLATFORM_MARKETING_NAME, "F5-BIGIP-SYSTEM-MIB marketing name"),
        Probe("os_version", oids.F5_PRODUCT_VERSION, "F5-BIGIP-SYSTEM-MIB sysProductVersion"),
        Probe("serial_number", oids.F5_CHASSIS_SERIAL, "F5-BIGIP-SYSTEM-MIB chassis serial"),
    ),
    25597: (
        Probe("model", oids.FE_HARDWARE_MODEL, "FE-FIREEYE-MIB feHardwareModel"),
        Probe("os_version", oids.FE_SYSTEM_VERSION, "FE-FIREEYE-MIB system image version"),
    ),
    1369: (
        Probe("model", oids.FP_APPLIANCE_MODEL, "STONESOFT-FIREWALL-MIB appliance model"),
        Probe("serial_number", oids.FP_APPLIANCE_SERIAL, "STONESOFT-FIREWALL-MIB serial"),
        _re(
            "os_version",
            oids.FP_SOFTWARE_VERSION,
            "STONESOFT-NETNODE-MIB nodeSoftwareVersion",
            r"(\d+(?:\.\d+)+)",
        ),
    ),
    231: (
        _c("model", oids.FSC_UNIT_MODEL, "FSC-SERVERCONTROL2-MIB unitModel"),
        _c("serial_number", oids.FSC_UNIT_SERIAL, "FSC-SERVERCONTROL2-MIB unitSerialNumber"),
    ),
    4130: (
        Probe("model", oids.MDS_MODEL, "MDS-SYSTEM-MIB model"),
        Probe("serial_number", oids.MDS_SERIAL, "MDS-SYSTEM-MIB serial number"),
    ),
    42397: (Probe("serial_number", oids.GS_SERIAL, "GRANDSTREAM-MIB serial number"),),
    28507: (
        Probe("os_version", oids.GUDE_EPC1104_VERSION, "GUDEADS-EPC1104-MIB firmware"),
        Probe("os_version", oids.GUDE_EPC1202_VERSION, "GUDEADS-EPC1202-MIB firmware"),
    ),
    47307: (
        Probe("model", oids.HELIOS_MODEL, "HELIOS-MIB model"),
        Probe("os_version", oids.HELIOS_VERSION, "HELIOS-MIB version"),
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
    232: (
        Probe("os_version", oids.CPQPOWER_PDU_FIRMWARE, "CPQPOWER-MIB PDU firmware"),
        Probe("serial_number", oids.CPQPOWER_PDU_SERIAL, "CPQPOWER-MIB PDU serial"),
    ),
    2011: (
        Probe("model", oids.HUAWEI_IBMC_MODEL, "HUAWEI-SERVER-IBMC-MIB deviceName"),
        Probe("serial_number", oids.HUAWEI_IBMC_SERIAL, "HUAWEI-SERVER-IBMC-MIB deviceSerialNo"),
    ),
    1418: (
        Probe("model", oids.IBOOT_MODEL, "IBOOTPDU-MIB deviceModelName"),
        Probe("os_version", oids.IBOOT_FIRMWARE, "IBOOTPDU-MIB firmwareVersion"),
    ),
    39145: (
        Probe("model", oids.ICT_MODEL, "ICT-MIB device model"),
        Probe("os_version", oids.ICT_FIRMWARE, "ICT-MIB firmware"),
        Probe("os_version", oids.ICT_SWITCH_FIRMWARE, "ICT-SWITCH-MIB firmware"),
    ),
    42229: (Probe("model", oids.GROOVE_NE_TYPE, "CORIANT-GROOVE-MIB neType"),),
    1714: (
        Probe("model", oids.INFORTREND_MODEL, "IFT-SNMP-MIB model"),
        Probe("serial_number", oids.INFORTREND_SERIAL, "IFT-SNMP-MIB serial number"),
    ),
    11863: (
        Probe("model", oids.TPLINK_HW_VERSION, "TPLINK-SYSINFO-MIB tpSysInfoHwVersion"),
        Probe("os_version", oids.TPLINK_SW_VERSION, "TPLINK-SYSINFO-MIB tpSysInfoSwVersion"),
        Probe("serial_number", oids.TPLINK_SERIAL, "TPLINK-SYSINFO-MIB tpSysInfoSerialNum"),
    ),
    2356: (Probe("serial_number", oids.LCOSSX_SERIAL, "LANCOM switch serial number"),),
    5597: (Probe("os_version", oids.MBG_LTNG_VERSION, "MBG-SNMP-LTNG-MIB mbgLtNgSysVersion"),),
    1230: (
        Probe("os_version", oids.MWG_PRODUCT_VERSION, "MCAFEE-MWG-MIB kProductVersion"),
        Probe("os_version", oids.SKYHIGH_PRODUCT_VERSION, "SKYHIGH-SWG-MIB kProductVersion"),
    ),
    8962: (
        Probe("model", oids.MLOS_MODEL, "McAfee IPS sensor model"),
        Probe("serial_number", oids.MLOS_SERIAL, "McAfee IPS sensor serial"),
    ),
    9070: (
        Probe("os_version", oids.SYNCSERVER_VERSION, "SYMMETRICOM SyncServer version"),
        Probe("serial_number", oids.SYNCSERVER_SERIAL, "SYMMETRICOM SyncServer serial"),
        Probe("model", oids.SYNCSERVER_MODEL, "SYMMETRICOM SyncServer model"),
    ),
    3181: (
        Probe("model", oids.MICROSENS_ARTICLE, "MICROSENS-G6 article number"),
        Probe("serial_number", oids.MICROSENS_SERIAL, "MICROSENS-G6 serial number"),
    ),
    1385: (
        Probe("model", oids.MONTCLAIR_MODEL, "Montclair model"),
        Probe("serial_number", oids.MONTCLAIR_SERIAL, "Montclair serial"),
        Probe("os_version", oids.MONTCLAIR_VERSION, "Montclair version"),
    ),
    7779: (
        Probe("model", oids.IB_HARDWARE_TYPE, "IB-PLATFORMONE-MIB ibHardwareType"),
        Probe("serial_number", oids.IB_SERIAL, "IB-PLATFORMONE-MIB ibSerialNumber"),
        Probe("os_version", oids.IB_NIOS_VERSION, "IB-PLATFORMONE-MIB ibNiosVersion"),
    ),
    12124: (
        _c("model", oids.ONEFS_NODE_MODEL, "ISILON-MIB chassisModel"),
        _c("serial_number", oids.ONEFS_NODE_SERIAL, "ISILON-MIB chassisSerialNumber"),
    ),
    21111: (
        Probe("model", oids.ORVALDI_MODEL, "UPS agent model"),
        Probe("serial_number", oids.ORVALDI_SERIAL, "UPS agent serial"),
        Probe("os_version", oids.ORVALDI_FIRMWARE, "UPS agent firmware"),
    ),
    1768: (
        Probe("serial_number", oids.PATTON_SERIAL, "SMARTNODE-MIB serial number"),
        Probe("model", oids.PATTON_PRODUCT, "SMARTNODE-MIB product name"),
    ),
    2620: (Probe("os_version", oids.CP_SVN_VERSION, "CHECKPOINT-MIB svnVersion"),),
    15397: (
        Probe("model", oids.PROCERA_MODEL, "PACKETLOGIC-MIB model"),
        Probe("serial_number", oids.PROCERA_SERIAL, "PACKETLOGIC-MIB serial"),
        Probe("os_version", oids.PROCERA_VERSION, "PACKETLOGIC-MIB version"),
    ),
    39324: (
        Probe("os_version", oids.QUANTASTOR_VERSION, "QUANTASTOR-SYS-STATS version"),
        Probe("model", oids.QUANTASTOR_MODEL, "QUANTASTOR-SYS-STATS hardware"),
    ),
    8886: (
        Probe("os_version", oids.RAISECOM_SW_VERSION, "RAISECOM-SYSTEM-MIB software version"),
        Probe("model", oids.RAISECOM_HW_MODEL, "RAISECOM-SYSTEM-MIB hardware name"),
        Probe("serial_number", oids.RAISECOM_SERIAL, "RAISECOM-SYSTEM-MIB serial number"),
        Probe("os_version", oids.RAISECOM_ROS_VERSION, "RAISECOM ROS software version"),
        Probe("serial_number", oids.RAISECOM_ROS_SERIAL, "RAISECOM ROS serial number"),
        Probe("model", oids.RAISECOM_ROS_MODEL, "RAISECOM ROS hardware name"),
    ),
    34861: (_x("serial_number", oids.RAJANT_SERIAL, "RAJANT-MIB serial"),),
    2566: (Probe("os_version", oids.RS_SW_VERSION, "R&S private MIB software version"),),
    25053: (
        Probe("serial_number", oids.RUCKUS_SZ_SERIAL, "RUCKUS-SZ-SYSTEM-MIB serial number"),
        _c("os_version", oids.RUCKUS_UNLEASHED_VERSION, "RUCKUS-UNLEASHED-SYSTEM-MIB version"),
    ),
    4329: (Probe("serial_number", oids.SCALANCE_SERIAL, "SN-SIMATIC-NET serial number"),),
    31034: (
        _c("model", oids.SPDM_MODEL, "SPDM-MIB product code"),
        _c("serial_number", oids.SPDM_SERIAL, "SPDM-MIB serial number"),
    ),
    1718: (
        Probe("os_version", oids.SENTRY4_FIRMWARE, "Sentry4-MIB st4SystemFirmwareVersion"),
        _c("model", oids.SENTRY4_UNIT_MODEL, "Sentry4-MIB st4UnitModel"),
    ),
    20540: (Probe("os_version", oids.SIXNET_FIRMWARE, "SIXNET-MIB firmware"),),
    2440: (
        Probe("os_version", oids.SOLIDSERVER_VERSION, "EIP-MIB version"),
        Probe("model", oids.SOLIDSERVER_MODEL, "EIP-MIB model"),
        Probe("serial_number", oids.SOLIDSERVER_SERIAL, "EIP-MIB serial"),
    ),
    8741: (
        Probe("serial_number", oids.SNWL_SERIAL, "SNWL-COMMON-MIB snwlSysSerialNumber"),
        Probe("os_version", oids.SNWL_FIRMWARE, "SNWL-COMMON-MIB snwlSysFirmwareVersion"),
    ),
    28557: (
        _re(
            "os_version",
            oids.HILLSTONE_SW_VERSION,
            "HILLSTONE-SYSTEM-MIB sysSoftware",
            r"Version (\S+)",
        ),
    ),
    57344: (
        Probe("serial_number", oids.TACHYON_SERIAL, "TACHYON-MIB serial"),
        Probe("model", oids.TACHYON_MODEL, "TACHYON-MIB model"),
        Probe("os_version", oids.TACHYON_VERSION, "TACHYON-MIB firmware"),
    ),
    38783: (
        _re("model", oids.TERACOM_DEVICE, "TERACOM-MIB product name", r"^(\S+)"),
        _re("os_version", oids.TERACOM_FIRMWARE, "TERACOM-MIB firmware", r"-(v[\d.]+)$"),
    ),
    6527: (_x("serial_number", oids.TMNX_CHASSIS_HW_SERIAL, "TIMETRA-CHASSIS-MIB chassis serial"),),
    45621: (Probe("os_version", oids.TPDIN_VERSION, "TPDIN-MIB firmware"),),
    13400: (
        Probe("model", oids.VERTIV_ITA2_MODEL, "VERTIV ITA2 model"),
        Probe("serial_number", oids.VERTIV_ITA2_SERIAL, "VERTIV ITA2 serial"),
    ),
    1347: (_x("serial_number", oids.KYOCERA_SERIAL, "KYOCERA-MIB serial number"),),
    25049: (
        _x("serial_number", oids.OG_SERIAL_NUMBER_EXACT, "OG-STATUSv2-MIB ogSerialNumber"),
        Probe("os_version", oids.OG_LIGHTHOUSE_VERSION, "OG-LIGHTHOUSE-MIB version"),
    ),
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
    9: (
        Probe("model", oids.CUCS_RACK_UNIT_MODEL, "CISCO-UNIFIED-COMPUTING rack unit model"),
        Probe("serial_number", oids.CUCS_RACK_UNIT_SERIAL, "CISCO-UNIFIED-COMPUTING rack serial"),
    ),
    48690: (
        Probe("serial_number", oids.TELTONIKA_LEGACY_SERIAL, "TELTONIKA-MIB (RUT2xx) serial"),
        Probe("model", oids.TELTONIKA_LEGACY_MODEL, "TELTONIKA-MIB (RUT2xx) model"),
        Probe("os_version", oids.TELTONIKA_LEGACY_FIRMWARE, "TELTONIKA-MIB (RUT2xx) firmware"),
    ),
    59732: (Probe("os_version", oids.SKYHIGH_PRODUCT_VERSION, "SKYHIGH-SWG-MIB kProductVersion"),),
    3570: (
        Probe("serial_number", oids.TAIT_SERIAL, "TAIT-INFRA93-MIB serial number"),
        Probe("os_version", oids.TAIT_FIRMWARE, "TAIT-INFRA93-MIB firmware version"),
    ),
    34652: (
        Probe("model", oids.VOLIUS_MODEL, "VOLIUS-MIB model"),
        Probe("serial_number", oids.VOLIUS_SERIAL, "VOLIUS-MIB serial"),
        Probe("os_version", oids.VOLIUS_VERSION, "VOLIUS-MIB version"),
    ),
    42359: (
        Probe("model", oids.VERSA_MODEL, "VERSA-MIB appliance model"),
        Probe("os_version", oids.VERSA_PACKAGE, "VERSA-MIB appliance package"),
    ),
    23867: (
        Probe("model", oids.SILVERPEAK_MODEL, "SILVERPEAK-MGMT-MIB spsProductModel"),
        Probe("os_version", oids.SILVERPEAK_VERSION, "SILVERPEAK-MGMT-MIB spsSystemVersion"),
    ),
    637: (Probe("model", oids.WAVENCE_NE_TYPE, "Nokia Wavence NE type"),),
    38595: (
        Probe("model", oids.ZMTEL_MODEL, "ZMTEL-MIB model"),
        Probe("os_version", oids.ZMTEL_FIRMWARE, "ZMTEL-MIB firmware"),
    ),
    885: (Probe("os_version", oids.NETSURE_VERSION, "NETSURE-MIB version"),),
    31440: (
        Probe("model", oids.EDS_MODEL, "EDS-MIB product name"),
        Probe("os_version", oids.EDS_VERSION, "EDS-MIB firmware"),
    ),
    25868: (Probe("os_version", oids.CTM_VERSION, "CTM-MIB firmware"),),
    27304: (
        Probe("model", oids.DKT_MODEL, "DKT-MIB model"),
        Probe("os_version", oids.DKT_FIRMWARE, "DKT-MIB firmware"),
    ),
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
    46651: (  # Dantherm CC3000 free-cooling controllers, whose sysObjectID is a bare 1.3.6.1.4.1.0
        Probe("serial_number", oids.DANTHERM_CC_SERIAL, "DANTHERM-COOLING-MIB ccSN"),
        Probe("os_version", oids.DANTHERM_CC_FIRMWARE, "DANTHERM-COOLING-MIB fwVersion"),
    ),
    15117: (
        _re("os_version", oids.RIGRUNNER_FIRMWARE, "RIGRUNNER-MIB firmware", r"Version (\S+)"),
    ),
    2254: (
        Probe("model", oids.DELTA_UPS_MODEL, "DeltaUPS-MIB dupsIdentModel"),
        Probe("os_version", oids.DELTA_UPS_FIRMWARE, "DeltaUPS-MIB agent software version"),
    ),
    38446: (_c("model", oids.ENLOGIC_PDU_MODEL, "ENLOGIC-PDU-MIB model number"),),
    2634: (_c("model", oids.WTI_MODEL, "WTI-POWER-MIB product model"),),
    26122: (Probe("model", oids.ZENITEL_MODEL, "ZENITEL-MIB product name"),),
    13464: (
        Probe("model", oids.FS_GBN_MODEL, "GBN platform product name"),
        Probe("os_version", oids.FS_GBN_VERSION, "GBN platform software version"),
        Probe("serial_number", oids.FS_GBN_SERIAL, "GBN platform serial number"),
    ),
    318: (
        _c("model", oids.APC_MEM_MODULE_MODEL, "PowerNet-MIB memModulesStatusModuleName"),
        _c("serial_number", oids.APC_MEM_MODULE_SERIAL, "PowerNet-MIB memModules serial"),
    ),
}

# Product-line identity objects of vendors whose entries above lack them (merged the same way).
_LINE_IDENTITY_PROBES: dict[int, tuple[Probe, ...]] = {
    22610: (  # A10 ACOS (AX, Thunder, vThunder)
        Probe("serial_number", oids.A10_AX_SYS_SERIAL, "A10-AX-MIB axSysSerialNumber"),
        Probe("os_version", oids.A10_AX_SYS_PRIMARY_VERSION, "A10-AX-MIB axSysPrimaryVersionOnDisk"),
    ),
    3320: (Probe("serial_number", oids.BDCOM_CARD_SERIAL, "NMS-CHASSIS nmscardSerial"),),
    30005: (  # BTI 8xx access switches
        Probe("model", oids.BTI_SYSTEM_PRODUCT_NAME, "BTI8xx-SYSTEM-MIB systemProductName"),
        Probe("os_version", oids.BTI_SYSTEM_SW_VERSION, "BTI8xx-SYSTEM-MIB systemSWVersion"),
        _c("serial_number", oids.BTI_FRU_SERIAL, "BTI8xx-TC-MIB fruBaseInfoserialNumber"),
    ),
    # the UPS firmware; the agent card's own version (dupsIdentAgentSoftwareVersion) wins ties
    2254: (Probe("os_version", oids.DELTA_UPS_SOFTWARE, "DeltaUPS-MIB dupsIdentUPSSoftwareVersion"),),
    21695: (
        _x("os_version", oids.E3METER_CONCENTRATOR_FW, "NETTRACK-E3METER-CTR-SNMP-MIB FW version"),
    ),
    7501: (_c("model", oids.BKTEL_OA_COMMON_TYPE, "BKTEL-HFC862-OA-V01-MIB oaCommonType"),),
    2435: (  # Brother printers: "Brother HL-5370DW series", "Firmware Ver.1.01 (08.12.12)"
        _re(
            "model",
            oids.BROTHER_MODEL,
            "BROTHER-MIB model name",
            r"^(?:Brother\s+)?(.+?)(?:\s+series)?(?:\s+\[[^\]]*\])?$",
        ),
        _re("os_version", oids.BROTHER_FIRMWARE, "BROTHER-MIB firmware", r"\bVer\.?\s*([^\s(]+)"),
    ),
    # Eaton ConnectUPS cards put "ID: <serial>, Msg: <part number>" in upsIdentName
    534: (
        _re("serial_number", oids.UPS_IDENT_NAME, "UPS-MIB upsIdentName (ID:)", r"\bID:\s*([^\s,]+)"),
    ),
    # Allworx phone systems: their PBX application's version (NETWORK-SERVICES-MIB applTable)
    38516: (_c("os_version", oids.APPL_VERSION, "NETWORK-SERVICES-MIB applVersion"),),
    12148: (  # Eltek WebPower / Smartpack controllers
        Probe("serial_number", oids.ELTEK_SITE_SERIAL, "ELTEK-DISTRIBUTED-MIB system serial"),
    ),
    38446: (_c("os_version", oids.ENLOGIC_PDU_FIRMWARE, "ENLOGIC-PDU-MIB firmware version"),),
}


def _index_of(name: str) -> str:
    """The OID index of a string-indexed row: length, then the ASCII codes."""
    return f"{len(name)}." + ".".join(str(b) for b in name.encode())


# Identity objects of further product lines (appended to the vendor's probes above).
_LINE_PROBES: dict[int, tuple[Probe, ...]] = {
    4130: (_c("os_version", oids.MDS_SYS_VERSION, "MDS-SYSTEM-MIB mSysVersion"),),
    42397: (  # Grandstream HT ATAs; older firmwares register the scalars with a doubled ".0"
        Probe("os_version", oids.GS_HT_CORE_VERSION, "GRANDSTREAM HT core firmware version"),
        Probe("os_version", oids.GS_HT_CORE_VERSION + ".0", "GRANDSTREAM HT core version (.0.0)"),
        Probe("serial_number", oids.GS_SERIAL + ".0", "GRANDSTREAM-MIB serial number (.0.0)"),
    ),
    7262: (  # DragonWave Harmony
        Probe("serial_number", oids.MWR_UNIT_SERIAL, "MWR-ETHERNET-MIB mwrUnitSerialNo"),
        _c("os_version", oids.MWR_SW_INV_RELEASE, "MWR-ETHERNET-MIB mwrSwInvOmniRelease"),
    ),
    2011: (  # Huawei iBMC: the firmware table is indexed by component name
        _x(
            "os_version",
            f"{oids.HUAWEI_IBMC_FIRMWARE_VERSION}.{_index_of('Active iBMC')}",
            "HUAWEI-SERVER-IBMC-MIB firmwareVersion.\"Active iBMC\"",
        ),
        Probe("os_version", oids.HW_SYS_VERSION_VRCB, "HUAWEI-DEVICE-MIB hwSysVersionVrcb"),
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
    1732: (
        Probe("model", oids.OA_DEVICE_MODEL, "OACOMMON-MIB netspireDeviceModelName"),
        Probe("serial_number", oids.OA_DEVICE_SERIAL, "OACOMMON-MIB netSpireDeviceDeviceSerialNo"),
    ),
    7483: (  # Nokia 1830 PSS / PSD
        Probe(
            "os_version",
            oids.TN_SW_NODE_COMMITTED_RELEASE,
            "TROPIC-SOFTWARE-MIB tnSwNodeCommittedRelease",
        ),
        _c("model", oids.TN_PSD_CARD_MNEMONIC, "TROPIC-PSD-MIB tnPsdCardMnemonic"),
        _c("serial_number", oids.TN_PSD_CARD_SERIAL, "TROPIC-PSD-MIB tnPsdCardSerialNumber"),
    ),
    31034: (_c("os_version", oids.SPDM_FIRMWARE, "SPDM-MIB firmware version"),),
    3052: (Probe("serial_number", oids.SITEBOSS_SERIAL, "SITEBOSS-572-STD-MIB serial number"),),
    3373: (
        Probe(
            "os_version",
            oids.SIAE_SW_RELEASE_BENCH1,
            "SIAE-SOFT-MIB softwareEquipmentReleaseBench1",
        ),
    ),
    45065: (Probe("os_version", oids.SUPERVYSE_BMC_VERSION, "Supervyse OpenBMC firmware"),),
    27993: (Probe("os_version", oids.VEL_HOST2_VERSION, "VEL-HOST2-MIB host2Version"),),
    42359: (Probe("serial_number", oids.VERSA_SERIAL, "VERSA-MIB appliance serial"),),
    23867: (Probe("serial_number", oids.SILVERPEAK_SERIAL, "SILVERPEAK-MGMT-MIB spsSystemSerial"),),
    38595: (Probe("serial_number", oids.ZMTEL_SERIAL, "ZMTEL-MIB serial number"),),
    25053: (  # SmartZone controllers: the node table is indexed by the node serial number
        _c("model", oids.RUCKUS_SZ_NODE_MODEL, "RUCKUS SmartZone node model"),
        _c("os_version", oids.RUCKUS_SZ_NODE_VERSION, "RUCKUS SmartZone node firmware"),
    ),
    32285: (_c("serial_number", oids.TOPVISION_CMC_SERIAL, "TopVision CMC serial number"),),
    601: (  # SSU-2000: chassis 1 slot 2 is the communications module that runs the agent
        _x("serial_number", oids.SSU2000_IN_SERIAL + ".1.2", "SSU2000-MIB inSerial.1.2"),
        _x("os_version", oids.SSU2000_IN_SW_PART + ".1.2", "SSU2000-MIB inSwPart.1.2"),
    ),
}
# Tables of more product lines are appended, never replacing what a vendor already has (a key
# repeated inside one dict literal would silently drop the first entry, hence separate tables).
for _table in (_MORE_PROBES, _LINE_IDENTITY_PROBES, _LINE_PROBES):
    for _number, _extra in _table.items():
        VENDOR_PROBES[_number] = VENDOR_PROBES.get(_number, ()) + _extra
# Microsemi SyncServers keep the Symmetricom SyncServer MIB under their own sysObjectID.
VENDOR_PROBES[39165] = VENDOR_PROBES.get(39165, ()) + VENDOR_PROBES[9070]
# The superseded column walk of ogFirmwareVersion/ogSerialNumber read the firmware first.
VENDOR_PROBES[25049] = tuple(p for p in VENDOR_PROBES[25049] if p.oid != oids.OG_SERIAL_NUMBER)
# Products that answer the vendor MIB of another enterprise number than their sysObjectID.
VENDOR_PROBES[4413] = VENDOR_PROBES[890]  # ZyXEL switches on a Broadcom FASTPATH sysObjectID
VENDOR_PROBES[27662] = tuple(  # Pepwave products answer Peplink's device MIB as scalars
    Probe(p.field, p.oid, p.label) for p in VENDOR_PROBES[23695]
)
VENDOR_PROBES[52674] = VENDOR_PROBES[318]  # NetBotz (Schneider) answers APC PowerNet memModules
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
    oids.MOXA_ETHERDEVICE_FAMILY: (
        ("model", ".1.2", "MOXA EtherDevice MIB modelName"),
        ("os_version", ".1.4", "MOXA EtherDevice MIB firmwareVersion"),
        ("serial_number", ".1.78", "MOXA EtherDevice MIB serialNumber"),
    ),
    oids.MOXA_AWK_FAMILY: (
        ("model", ".1.1.1", "MOXA AWK MIB modelName"),
        ("serial_number", ".1.1.3", "MOXA AWK MIB serialNumber"),
        ("os_version", ".1.1.5", "MOXA AWK MIB firmwareVersion"),
    ),
    oids.TERRA_FAMILY: (
        ("os_version", ".4.1", "TERRA product MIB firmware"),
        ("serial_number", ".4.2", "TERRA product MIB serial number"),
    ),
    # W&T Web-IO / Web-Thermograph: the manufacturer group <product>.3.3 names the article
    oids.WUT_FAMILY: (
        ("model", ".3.3.6", "W&T Web-IO MIB MfOrderNo"),
        ("model", ".3.3.5", "W&T Web-IO MIB MfDeviceTyp"),
    ),
    oids.EATON_RPS_FAMILY: (  # Eaton SC200 / SC300 rectifier controllers (RPS-SC200-MIB)
        ("serial_number", ".10.10.20", "RPS-SC200-MIB system-Serial-Number"),
        ("model", ".10.10.30", "RPS-SC200-MIB system-Type"),
    ),
}


# Product families (sysObjectID prefix) whose identity is in a MIB their vendor's other lines lack.
FAMILY_PROBES: dict[str, tuple[Probe, ...]] = {
    # Cisco UCOS (CUCM, UCCX, CER, Unity): sysDescr has only the kernel release
    "1.3.6.1.4.1.9.1.1348": (
        _c("os_version", oids.SYSAPPL_INSTALL_PKG_VERSION, "SYSAPPL-MIB sysApplInstallPkgVersion"),
    ),
    oids.PERSEUS_FAMILY: (
        Probe("serial_number", oids.PERSEUS_SERIAL, "Perseus-MIB serNumber"),
        Probe("os_version", oids.PERSEUS_FIRMWARE, "Perseus-MIB fwVersion"),
    ),
    oids.ISW_SDP_FAMILY: (
        Probe("os_version", oids.ISW_SDP_SW_VERSION, "IMP-HF528-MIB iswSdpSwVersion"),
    ),
    oids.TREDESS_FS_FAMILY: (
        Probe("serial_number", oids.TREDESS_FS_SERIAL, "TREDESS-FS-MIB serialNumber"),
        Probe("os_version", oids.TREDESS_FS_SOFTWARE, "TREDESS-FS-MIB softwareVersion"),
        Probe("model", oids.SYS_DESCR, "sysDescr (TRedess agents name the product there)"),
    ),
    oids.VSOL_EPON_FAMILY: (
        Probe("os_version", oids.VSOL_EPON_FIRMWARE, "V-SOL EPON OLT firmware version"),
    ),
    oids.WEBMON_FAMILY: (
        _x("os_version", oids.WEBMON_VERSION, "WEBMON-EDGE-MATRIX-MIB firmware version"),
    ),
    oids.ESPHOME_ESP32_FAMILY: (
        Probe("model", oids.ESPHOME_CHIP_MODEL, "ESPHome SNMP component chip model"),
    ),
}


def family_probes(object_id: str | None) -> tuple[Probe, ...]:
    if not object_id:
        return ()
    object_id = object_id.strip(".")
    return tuple(
        probe
        for family, items in FAMILY_PROBES.items()
        if object_id == family or object_id.startswith(family + ".")
        for probe in items
    )


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

