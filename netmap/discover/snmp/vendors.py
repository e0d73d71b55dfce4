"""Device identification over SNMP: vendor, model, serial number and OS/firmware version.

`identify(walker, facts_system)` combines general evidence, strongest first per field:

* vendor MIBs of the sysObjectID's enterprise (JUNIPER-MIB jnxBoxSerialNo, MIKROTIK-MIB, ...);
* ENTITY-MIB: the chassis entry (or the first chassis of a stack): model / serial / software rev;
* standard MIBs: UPS-MIB upsIdent*, Printer-MIB prtGeneralSerialNumber + the HOST-RESOURCES printer
  device description, NET-SNMP-EXTEND-MIB "hardware" / "manufacturer" / "serial" / "distro" extends;
* sysDescr parsing (IOS "Version x", JunOS, ArubaOS, RouterOS, Linux, BSD, Windows builds, APC
  management cards, "SN: ..." / "SW: ..." key-value banners, short "<model> <version>" banners);
* the IANA enterprise of sysObjectID, then brand words in sysDescr, for the vendor.

Only a handful of requests are made: one GET of standard scalars, one walk of the ENTITY class
column, one GET for the chosen entity row, and the few vendor probes of the agent's enterprise.
Every chosen value carries an evidence line saying where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from netmap.discover.snmp import oids
from netmap.discover.snmp.enterprises import brand_in_text, enterprise_of, vendor_of_enterprise
from netmap.discover.snmp.walker import SnmpError, SnmpValue, Walker
from netmap.model import Identity

Field_ = Literal["vendor", "model", "serial_number", "os_version"]
FIELDS: tuple[Field_, ...] = ("vendor", "model", "serial_number", "os_version")

_JUNK = frozenset(
    {
        "",
        "-",
        "--",
        ".",
        "0",
        "n/a",
        "na",
        "none",
        "null",
        "unknown",
        "not available",
        "not specified",
        "not applicable",
        "default string",
        "to be filled by o.e.m.",
        "system serial number",
        "system product name",
        "0123456789",
        "1234567890",
        "123456789",
    }
)


# ---------------------------------------------------------------------------------------------
# Value helpers
# ---------------------------------------------------------------------------------------------


def text(value: SnmpValue | str | None) -> str | None:
    """A clean single-line string from an SNMP value (bytes decoded leniently), None if empty.

    Device strings are untrusted: control characters are dropped here; quoting for output
    formats happens where they leave the program.
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        raw = value.split(b"\0", 1)[0]
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            decoded = raw.decode("latin-1")
    else:
        decoded = str(value)
    cleaned = "".join(ch if ch.isprintable() else " " for ch in decoded)
    cleaned = re.sub(r"\s+", " ", cleaned).strip().strip("\"'").strip()
    return cleaned or None


def useful(value: str | None) -> str | None:
    """The value unless it is a placeholder ("unknown", "N/A", "To be filled by O.E.M.")."""
    if value is None:
        return None
    if value.casefold() in _JUNK or set(value) <= {"0", " ", ".", "-", "*", "?", "F", "f"}:
        return None
    return value


# ---------------------------------------------------------------------------------------------
# Evidence collection: candidates per field, in priority order
# ---------------------------------------------------------------------------------------------


@dataclass
class Candidates:
    """Proposed values per field; the first useful proposal of the highest rank wins."""

    items: dict[str, list[tuple[float, str, str]]] = field(default_factory=dict)

    def add(self, name: Field_, rank: float, value: str | None, source: str) -> None:
        cleaned = useful(text(value))
        if cleaned:
            self.items.setdefault(name, []).append((rank, cleaned, source))

    def best(self, name: Field_) -> tuple[str, str] | None:
        options = self.items.get(name)
        if not options:
            return None
        _rank, value, source = min(options, key=lambda item: item[0])
        return value, source


# Ranks: lower wins.
R_VENDOR_MIB = 10
R_ENTITY = 20
R_STANDARD = 30
R_DESCR_STRONG = 25  # a sysDescr pattern specific to one OS family
R_DESCR = 40
R_WEAK = 60
R_FALLBACK = 80


@dataclass(frozen=True)
class Probe:
    """One vendor-MIB object that names a field. `column` objects are walked for their first row
    (and only when no scalar probe already named the field); scalars are fetched with
    GET <oid>.0, or GET <oid> when `exact` (agents that register objects without the ".0").
    `pattern`, when set, keeps only its group 1 ("FortiSwitch-424E v7.4.0,build..." -> model)."""

    field: Field_
    oid: str
    label: str
    column: bool = False
    exact: bool = False
    pattern: str | None = None

    @property
    def instance(self) -> str:
        return self.oid if self.exact else self.oid + ".0"

    def extract(self, value: str | None) -> str | None:
        if value is None or self.pattern is None:
            return value
        match = re.search(self.pattern, value, re.IGNORECASE)
        return match.group(1) if match else None


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
    35265: _RADLAN,
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
    50001: _probes(("serial_number", oids.HIK_SERIAL, "HIK-DEVICE-MIB serial")),
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
for _number, _extra in _MORE_PROBES.items():
    VENDOR_PROBES[_number] = VENDOR_PROBES.get(_number, ()) + _extra
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
}


# Product families (sysObjectID prefix) whose identity is in a MIB their vendor's other lines lack.
FAMILY_PROBES: dict[str, tuple[Probe, ...]] = {
    # Cisco UCOS (CUCM, UCCX, CER, Unity): sysDescr has only the kernel release
    "1.3.6.1.4.1.9.1.1348": (
        _c("os_version", oids.SYSAPPL_INSTALL_PKG_VERSION, "SYSAPPL-MIB sysApplInstallPkgVersion"),
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


def _extend_oid(name: str) -> str:
    """NET-SNMP-EXTEND-MIB::nsExtendOutput1Line."<name>" (string index: length + ASCII codes)."""
    return f"1.3.6.1.4.1.8072.1.3.2.3.1.1.{len(name)}." + ".".join(str(b) for b in name.encode())


_EXTENDS: tuple[tuple[Field_, str], ...] = (
    ("model", "hardware"),
    ("vendor", "manufacturer"),
    ("serial_number", "serial"),
    ("os_version", "distro"),
)

_STANDARD_SCALARS: tuple[tuple[Field_ | None, str, str, int], ...] = (
    ("vendor", oids.UPS_IDENT_MANUFACTURER + ".0", "UPS-MIB upsIdentManufacturer", R_STANDARD),
    ("model", oids.UPS_IDENT_MODEL + ".0", "UPS-MIB upsIdentModel", R_STANDARD),
    (
        "os_version",
        oids.UPS_IDENT_UPS_SOFTWARE_VERSION + ".0",
        "UPS-MIB upsIdentUPSSoftwareVersion",
        R_STANDARD + 5,
    ),
    (
        "os_version",
        oids.UPS_IDENT_AGENT_SOFTWARE_VERSION + ".0",
        "UPS-MIB upsIdentAgentSoftwareVersion",
        R_STANDARD + 6,
    ),
    # RMON2-MIB probeConfig: switch firmwares (TP-Link, ...) fill it with their own revisions
    ("os_version", oids.PROBE_SOFTWARE_REV + ".0", "RMON2-MIB probeSoftwareRev", R_DESCR + 3),
    ("model", oids.PROBE_HARDWARE_REV + ".0", "RMON2-MIB probeHardwareRev", R_WEAK),
    (
        "serial_number",
        oids.PRT_GENERAL_SERIAL_NUMBER + ".1",
        "Printer-MIB prtGeneralSerialNumber",
        R_STANDARD,
    ),
)


# ---------------------------------------------------------------------------------------------
# sysDescr parsing
# ---------------------------------------------------------------------------------------------

_VERSION_TOKEN = r"v?(\d+(?:[._]\d+)+[\w.\-()]*)"

# (compiled regex, field, rank): the first match of each rule proposes group 1.
_RAW_DESCR_RULES: tuple[tuple[str, Field_, int], ...] = (
    # Cisco IOS / IOS-XE / NX-OS / ASA / IMC and the many "..., Version x" banners
    (
        r"\bCisco (?:IOS|NX-OS|Adaptive Security|Integrated Management).*?Version ([\w.()\-:]+)",
        "os_version",
        R_DESCR_STRONG,
    ),
    # Juniper JunOS
    (r"\bJUNOS (?:Base OS boot \[)?([\w.\-]+)", "os_version", R_DESCR_STRONG),
    (r"Juniper Networks, Inc\. (\S+)", "model", R_DESCR_STRONG),
    # Aruba / AOS-W: "ArubaOS (MODEL: 225), Version 8.4.0.0-8.4.0.0"
    (r"\(MODEL: ([^)]+)\)", "model", R_DESCR_STRONG),
    (r"\(MODEL: [^)]+\), Version (\S+)", "os_version", R_DESCR_STRONG),
    # MikroTik RouterOS "RouterOS RB760iGS"
    (r"^RouterOS (\S+)", "model", R_DESCR_STRONG),
    # Metamako / generic "running on a <model>"
    (r"running on an? (.+)$", "model", R_DESCR),
    # Ubiquiti EdgeOS "EdgeOS v1.8.0.4853089.160219.1607"
    (r"^EdgeOS v(\d+\.\d+\.\d+)", "os_version", R_DESCR_STRONG),
    # HP JetDirect, APC / Dell cards, and other key-value banners
    (r"\bMN:(\S+)", "model", R_DESCR),
    (
        r"\b(?:SN|S/N|Serial Number|Serial No\.?|Serial)(?:\s*[:#]\s*|\s+)([A-Z0-9][\w\-]{4,})",
        "serial_number",
        R_DESCR,
    ),
    (r"\bAF1:v?([\w.]+)", "os_version", R_DESCR),
    (r"\bSW_REV: ([\w.\-]+)", "os_version", R_DESCR),
    (r"\bMODEL: ([\w.\-]+)", "model", R_DESCR),
    (r"\bSW\s*:\s*" + _VERSION_TOKEN, "os_version", R_DESCR),
    (r"\bSW Version:\s*([\w.\-]+)", "os_version", R_DESCR),
    (r"\bProd(?:uct)?:\s*([^;]+?)\s*;", "model", R_DESCR),
    (
        r"\b(?:Software|Firmware)(?: version| ver\.?| release)?\s*:?\s*" + _VERSION_TOKEN,
        "os_version",
        R_DESCR,
    ),
    (r"\bVersion\s*:?\s*" + _VERSION_TOKEN, "os_version", R_DESCR),
    (r"\bVer(?:sion)?\.?\s*" + _VERSION_TOKEN, "os_version", R_DESCR),
    (r"\bRelease\s+" + _VERSION_TOKEN, "os_version", R_DESCR),
    (
        r"\b(?:ACOS|DmOS version|OS version|FW|Rev)\s*:?\s*" + _VERSION_TOKEN,
        "os_version",
        R_DESCR,
    ),
    # AIX: "Base Operating System Runtime AIX version: 06.01.0009.0300"
    (r"AIX version: ([\d.]+)", "os_version", R_DESCR_STRONG),
    # IBM i "OS/400 V7R1M0", Panasonic "KX-NS1000 Ver00700128", "(KeeneticOS 4.02.C.1.0-1)",
    # "version NH62.YS.N636" (letter-led firmware ids), a bare "V220100" banner
    (r"\b(V\d+R\d+M\d+)\b", "os_version", R_DESCR_STRONG),
    (r"\bVer(\d{5,})\b", "os_version", R_DESCR),
    # FreeNAS / TrueNAS "FreeNAS-11.3-U2.1 (6a6a2dfda7)", Ciena "... SW:1271 BN:AH"
    (r"^(?:FreeNAS|TrueNAS)-(\S+)", "os_version", R_DESCR_STRONG),
    (r"\bSW:\s?(\d{3,}[\w.\-]*)", "os_version", R_DESCR + 1),
    # LANCOM LCOS "LANCOM OAP-321 10.12.0147 / 15.11.2017 4002024918100043": date, then serial
    (r"^LANCOM .+ / \d\d\.\d\d\.\d{4} (\d{10,})$", "serial_number", R_DESCR_STRONG),
    (r"\(\w*OS ([\w.\-]+)\)", "os_version", R_DESCR),
    (r"\bversion\s+([A-Z]{1,4}\d+(?:\.\w+)+)", "os_version", R_DESCR),
    (r"^(V\d{6})$", "os_version", R_WEAK),
    # ESPHome, Darwin, SunOS, BSDs
    (r"\bESPHome version (\S+)", "os_version", R_DESCR_STRONG),
    (r"Darwin Kernel Version (\S+?)[:;]?(?:\s|$)", "os_version", R_DESCR_STRONG),
    (r"^SunOS \S+ (\S+)", "os_version", R_DESCR_STRONG),
    (r"^(?:FreeBSD|OpenBSD|NetBSD|DragonFly) \S+ (\S+)", "os_version", R_DESCR_STRONG),
    (r"Software: FreeBSD (\S+)", "os_version", R_DESCR),
    # "Linux <host> <kernel> ...", "Linux  <kernel>" (empty host), "Linux release:<kernel>"
    (r"^Linux\s+(?:(?!\d+\.\d)\S+\s+)?(?:release:)?(\d+\.\d+\S*)", "os_version", R_WEAK),
    # Huawei VRP-style "V100R011C00SPC200", Nokia TiMOS "TiMOS-B-9.0.R11", "R23.6"
    (r"\b(V\d{3}R\d{3}\w*)", "os_version", R_DESCR),
    (r"\bTiMOS-\w+-([\w.]+)", "os_version", R_DESCR_STRONG),
    # "<OS name>-<release>" banners: Ericsson "IPOS-18.1.1.9.98p30-Release"
    (r"\b[A-Za-z]+OS-(\d+\.\d+[\w.\-]*)", "os_version", R_DESCR_STRONG),
    (r"\bVers?:\s*([\w.\-]+)", "os_version", R_DESCR),
    (r"\bR(\d+\.\d+(?:\.\d+)*)\b", "os_version", R_WEAK),
    # "<anything> v1.2.3" / "<model> 1.2.3" tails, ", 1.2.3," segments, "(V1.55.126 ..."
    (r"(?:^|[,;(]\s*)" + _VERSION_TOKEN + r"\s*(?:[,;)]|$)", "os_version", R_WEAK),
    (r"(?<!Linux)(?<!kernel)\s" + _VERSION_TOKEN + r"\s*$", "os_version", R_WEAK),
    (r"\bV(\d+(?:\.\d+)+[\w\-]*)", "os_version", R_WEAK + 1),
    (r"(?<![\w.\-])(\d+\.\d+(?:\.\d+)+(?:[\-_][\w.]+)?)(?![\w.])", "os_version", R_WEAK + 2),
)
_DESCR_RULES: tuple[tuple[re.Pattern[str], Field_, int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), name, rank)
    for pattern, name, rank in _RAW_DESCR_RULES
)

_ARCH_NAMES = {
    "x86_64": "Generic x86 64-bit",
    "amd64": "Generic x86 64-bit",
    "i386": "Generic x86",
    "i486": "Generic x86",
    "i586": "Generic x86",
    "i686": "Generic x86",
    "aarch64": "Generic ARM 64-bit",
    "arm64": "Generic ARM 64-bit",
    "mips": "Generic MIPS",
    "mips64": "Generic MIPS 64-bit",
    "ppc": "Generic PowerPC",
    "ppc64": "Generic PowerPC 64-bit",
    "ppc64le": "Generic PowerPC 64-bit",
    "sparc64": "Generic SPARC 64-bit",
}

_OS_BANNER = re.compile(
    r"^(?:Linux|FreeBSD|OpenBSD|NetBSD|DragonFly|SunOS|Darwin|Hardware:|Cisco|Juniper|"
    r"Microsoft|Windows|VxWorks|HP-UX|AIX|IBM)\b",
    re.IGNORECASE,
)

_WINDOWS_RE = re.compile(r"Windows Version (\d+)\.(\d+) \(Build (\d+)", re.IGNORECASE)
_WINDOWS_HW_RE = re.compile(r"Hardware: (Intel64|AMD64|x86|EM64T|ARM64)\b", re.IGNORECASE)


def windows_version(descr: str, sys_object_id: str | None) -> str | None:
    """ "7 (NT 6.1)" / "Server 2019 (NT 10.0)" from a Windows sysDescr; the sysObjectID says
    workstation (311.1.1.3.1.1) or server (311.1.1.3.1.2 / .3 domain controller)."""
    match = _WINDOWS_RE.search(descr)
    if not match:
        return None
    major, minor, build = int(match.group(1)), int(match.group(2)), int(match.group(3))
    server = bool(sys_object_id and re.search(r"\.311\.1\.1\.3\.1\.[23]$", sys_object_id))
    if build >= 10240:  # Windows 10 / Server 2016 and later still report "Version 6.3"
        major, minor = 10, 0
    nt = f"{major}.{minor}"
    names_ws = {
        "5.0": "2000",
        "5.1": "XP",
        "5.2": "XP x64",
        "6.0": "Vista",
        "6.1": "7",
        "6.2": "8",
        "6.3": "8.1",
    }
    names_srv = {
        "5.0": "2000 Server",
        "5.2": "Server 2003",
        "6.0": "Server 2008",
        "6.1": "Server 2008 R2",
        "6.2": "Server 2012",
        "6.3": "Server 2012 R2",
    }
    if nt == "10.0":
        if server:
            name = "Server 2016"
            for first, label in (
                (17763, "Server 2019"),
                (20348, "Server 2022"),
                (26100, "Server 2025"),
            ):
                if build >= first:
                    name = label
        else:
            name = "11" if build >= 22000 else "10"
    else:
        name = (names_srv if server else names_ws).get(nt, f"NT {nt}")
    service_pack = {6001: " SP1", 6002: " SP2", 7601: " SP1"}.get(build, "")
    return f"{name}{service_pack} (NT {nt})"


def _windows_hardware(descr: str) -> str | None:
    match = _WINDOWS_HW_RE.search(descr)
    if not match:
        return None
    arch = match.group(1).lower()
    return {
        "intel64": "Intel x64",
        "amd64": "AMD x64",
        "em64t": "Intel x64",
        "x86": "Intel x86",
        "arm64": "ARM x64",
    }[arch]


def _short_banner_model(descr: str) -> str | None:
    """The model named by a short one-line banner: "Alta AP6 2.2w" -> "Alta AP6",
    "US-8, 5.76.7.13442, Linux 3.6.5" -> "US-8". Long or OS banners name no model."""
    first = descr.split(",")[0].strip()
    if len(first) > 64 or _OS_BANNER.match(first) or "\n" in descr[:64]:
        return None
    if re.search(r"snmp", first, re.IGNORECASE):
        return None  # "FluidFS SnmpService SnmpV2c", "SNMP Smart II Card": the agent, not a model
    # "ESPHome version 2024.12.2 compiled ...", "Mimosa B5c Firmware": the model ends before
    # the words that introduce the software
    first = re.split(
        r"\s+-?\s*(?:version|firmware|software|compiled|build|release)\b",
        first,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0].strip(" -")
    words = first.split()
    while words and re.fullmatch(r"v?\d+(?:[._]\d+)+[\w.\-()]*|v\d+\w*|\(.*\)", words[-1], re.I):
        words.pop()  # trailing version tokens are not part of the model
    if not words or not any(ch.isdigit() for ch in " ".join(words)):
        return None  # "Barracuda Spam Firewall": a product family, not a model
    return " ".join(words)


_MODEL_TOKEN = re.compile(
    r"(?<![\w.\-/])([A-Z][A-Z0-9]*(?:[\-+][A-Z0-9+]+)*\d[A-Z0-9\-+]*)(?![\w.\-/])"
)
_NOT_MODELS = re.compile(
    r"^(?:V?\d+(?:\.\d+)*|[A-Z]{1,2}\d|X86_64|AMD64|I\d86|SMP|UTC|CEST|CET|PST|EST|IPV[46]|SNMPV\d|"
    r"HTTP\d*|L[23]|\d+[GMK]|POE\+?|SFP\+?|10G|RJ45|PREEMPT|GNU)$"
)


def _model_token(descr: str) -> str | None:
    """The first token shaped like a product code ("G3G124-24P", "C600HC", "WLC880R")."""
    for match in _MODEL_TOKEN.finditer(descr):
        token = match.group(1)
        if len(token) >= 4 and not _NOT_MODELS.match(token.upper()) and re.search(r"[A-Z]", token):
            return token
    return None


def parse_sys_descr(descr: str | None, sys_object_id: str | None, found: Candidates) -> None:
    """Add every field a sysDescr banner reveals to `found`."""
    if not descr:
        return
    one_line = re.sub(r"\s+", " ", descr).strip()
    win = windows_version(one_line, sys_object_id)
    if win:
        found.add("os_version", R_DESCR_STRONG, win, "sysDescr: Windows build")
        found.add("model", R_FALLBACK, _windows_hardware(one_line), "sysDescr: Windows hardware")
        found.add("vendor", R_DESCR, "Microsoft", "sysDescr: Windows")
        return
    for pattern, name, rank in _DESCR_RULES:
        match = pattern.search(one_line)
        if match:
            found.add(name, rank, match.group(1).strip(" ,;"), f"sysDescr /{pattern.pattern[:40]}/")
    linux = re.match(r"^Linux \S+ \S+ .*?(\S+)$", one_line)
    if linux:
        found.add("model", R_FALLBACK + 5, _ARCH_NAMES.get(linux.group(1)), "sysDescr: Linux arch")
    found.add("model", R_FALLBACK, _short_banner_model(one_line), "sysDescr: short banner")
    found.add("model", R_FALLBACK + 2, _model_token(one_line), "sysDescr: model-like token")
    aix = re.search(r"AIX version: (\d+)\.(\d+)\.(\d+)\.(\d+)", one_line)
    if aix:  # "06.01.0009.0300" is AIX 6.1.9.300
        found.add(
            "os_version",
            R_DESCR_STRONG - 1,
            ".".join(str(int(p)) for p in aix.groups()),
            "sysDescr: AIX version",
        )
    found.add("vendor", R_WEAK, brand_in_text(one_line), "sysDescr: brand name")


# ---------------------------------------------------------------------------------------------
# Walker reads
# ---------------------------------------------------------------------------------------------


async def _get(walker: Walker, oid_list: Sequence[str]) -> dict[str, SnmpValue]:
    if not oid_list:
        return {}
    try:
        return await walker.get(list(oid_list))
    except SnmpError:
        return {}


async def _walk(walker: Walker, oid: str, max_rows: int) -> list[tuple[str, SnmpValue]]:
    try:
        return await walker.walk(oid, max_rows=max_rows)
    except SnmpError:
        return []


_CHASSIS, _STACK = 3, 11


async def _entity(walker: Walker, found: Candidates) -> None:
    """ENTITY-MIB: the first chassis (class 3), or a stack's first member, names the device."""
    classes = await _walk(walker, oids.ENT_PHYSICAL_CLASS, max_rows=5000)
    chassis = [oid.rsplit(".", 1)[1] for oid, value in classes if value == _CHASSIS]
    if not chassis:
        chassis = [oid.rsplit(".", 1)[1] for oid, value in classes if value == _STACK]
    if not chassis and not classes:
        chassis = await _first_described_entity(walker)
    if not chassis:
        return
    index = chassis[0]
    columns = {
        "model": oids.ENT_PHYSICAL_MODEL_NAME,
        "serial": oids.ENT_PHYSICAL_SERIAL_NUM,
        "software": oids.ENT_PHYSICAL_SOFTWARE_REV,
        "firmware": oids.ENT_PHYSICAL_FIRMWARE_REV,
        "mfg": oids.ENT_PHYSICAL_MFG_NAME,
        "descr": oids.ENT_PHYSICAL_DESCR,
        "name": oids.ENT_PHYSICAL_NAME,
    }
    row = await _get(walker, [f"{oid}.{index}" for oid in columns.values()])
    value = {key: text(row.get(f"{oid}.{index}")) for key, oid in columns.items()}
    where = f"ENTITY-MIB chassis {index}"
    model = value["model"]
    if _generic_entity_name(model):
        model = None  # "CHASSIS", "Network Element": a class name, not a model
    descr = value["descr"]
    if model and _PRODUCT_NUMBER.match(model) and descr and not _generic_entity_name(descr):
        found.add("model", R_ENTITY, descr, f"{where} entPhysicalDescr (model name is a part number)")
    found.add("model", R_ENTITY + 1, model, f"{where} entPhysicalModelName")
    found.add("serial_number", R_ENTITY, value["serial"], f"{where} entPhysicalSerialNum")
    found.add("os_version", R_DESCR + 2, value["software"], f"{where} entPhysicalSoftwareRev")
    found.add("os_version", R_WEAK + 2, value["firmware"], f"{where} entPhysicalFirmwareRev")
    found.add("vendor", R_WEAK - 5, brand_in_text(value["mfg"]), f"{where} entPhysicalMfgName")
    found.add("vendor", R_WEAK + 5, value["mfg"], f"{where} entPhysicalMfgName")
    if descr and len(descr) <= 64 and not _generic_entity_name(descr):
        found.add("model", R_WEAK + 5, descr, f"{where} entPhysicalDescr")


# Ericsson product numbers ("BFL 510 110/1", "KDU 137 925/31"): every Ericsson product line puts
# them in entPhysicalModelName and the marketing name ("MINI-LINK 6691") in entPhysicalDescr.
_PRODUCT_NUMBER = re.compile(r"^[A-Z]{3} \d{3} \d{2,4}(?:/\d+)?(?: R\w+)?$")


_GENERIC_ENTITY = re.compile(
    r"\b(?:chassis|network element|system|stack|backplane|device|module|unit|switch|router)\b",
    re.IGNORECASE,
)


def _generic_entity_name(name: str | None) -> bool:
    """True for entity names that are a class or product family ("CHASSIS", "Network Element",
    "CommScope Chassis System"), not a model: they have no digit and a generic word, or are one
    plain word without digits or dashes."""
    if not name or any(ch.isdigit() for ch in name):
        return False
    return bool(_GENERIC_ENTITY.search(name)) or bool(re.fullmatch(r"[A-Za-z]+", name))


async def _first_described_entity(walker: Walker) -> list[str]:
    """Agents that fill only a few ENTITY-MIB columns (no entPhysicalClass): the first entry
    with a serial number, else with a model name, is the device itself."""
    if not await _walk(walker, oids.ENT_PHYSICAL_ENTRY, max_rows=1):
        return []  # no ENTITY-MIB at all: one request, not one per column
    for column in (oids.ENT_PHYSICAL_SERIAL_NUM, oids.ENT_PHYSICAL_MODEL_NAME):
        for oid, value in await _walk(walker, column, max_rows=4):
            if oid.startswith(column + ".") and useful(text(value)):
                return [oid.rsplit(".", 1)[1]]
    return []


async def _printer_model(walker: Walker, found: Candidates) -> None:
    """The HOST-RESOURCES device whose type is hrDevicePrinter describes the printer model."""
    types = await _walk(walker, oids.HR_DEVICE_TYPE, max_rows=32)
    for oid, value in types:
        if value == oids.HR_DEVICE_PRINTER:
            index = oid.rsplit(".", 1)[1]
            row = await _get(walker, [f"{oids.HR_DEVICE_DESCR}.{index}"])
            found.add(
                "model",
                R_STANDARD + 2,
                text(row.get(f"{oids.HR_DEVICE_DESCR}.{index}")),
                f"HOST-RESOURCES-MIB hrDeviceDescr.{index} (printer)",
            )
            return


async def _vendor_probes(
    walker: Walker, enterprise: int | None, object_id: str | None, found: Candidates
) -> None:
    probes = (
        relative_probes(object_id) + family_probes(object_id) + VENDOR_PROBES.get(enterprise or -1, ())
    )
    scalars = [probe for probe in probes if not probe.column]
    values = await _get(walker, list(dict.fromkeys(probe.instance for probe in scalars)))
    for order, probe in enumerate(scalars):
        value = probe.extract(text(values.get(probe.instance)))
        # the probe order breaks ties between objects naming the same field, never across ranks
        found.add(probe.field, R_VENDOR_MIB + order / 100, value, probe.label)
        _vendor_of_mib(found, probe, value)
    for order, probe in enumerate(p for p in probes if p.column):
        if _has_vendor_value(found, probe.field):
            continue  # a scalar already answered: save the walk
        rows = await _walk(walker, probe.oid, max_rows=1)
        if rows and rows[0][0].startswith(probe.oid + "."):
            value = probe.extract(text(rows[0][1]))
            found.add(probe.field, R_VENDOR_MIB + 20 + order / 100, value, probe.label)
            _vendor_of_mib(found, probe, value)
    await _chassis_type_name(walker, enterprise, found)


def _has_vendor_value(found: Candidates, name: Field_) -> bool:
    return any(rank < R_ENTITY for rank, _v, _s in found.items.get(name, []))


async def _chassis_type_name(walker: Walker, enterprise: int | None, found: Candidates) -> None:
    """TIMETRA-CHASSIS-MIB: tmnxChassisType.1 points into tmnxChassisTypeTable, whose name column
    is the marketing model ("7705 SAR-8 v2") across Nokia's SR / SAR / IXR line."""
    if enterprise != 6527:
        return
    pointer = await _get(walker, [oids.TMNX_CHASSIS_TYPE + ".1"])
    type_index = pointer.get(oids.TMNX_CHASSIS_TYPE + ".1")
    if not isinstance(type_index, int) or isinstance(type_index, bool):
        return
    name_oid = f"{oids.TMNX_CHASSIS_TYPE_NAME}.{type_index}"
    row = await _get(walker, [name_oid])
    found.add("model", R_VENDOR_MIB, text(row.get(name_oid)), "TIMETRA-CHASSIS-MIB type name")


def _vendor_of_mib(found: Candidates, probe: Probe, value: str | None) -> None:
    """An agent that answers a vendor's private MIB was made by (or for) that vendor."""
    if useful(value):
        vendor = vendor_of_enterprise(enterprise_of(probe.oid))
        found.add("vendor", R_VENDOR_MIB + 1, vendor, f"answers {probe.label.split()[0]}")


async def _standard_scalars(
    walker: Walker, generic: bool, found: Candidates
) -> dict[str, SnmpValue]:
    wanted = [oid for _, oid, _, _ in _STANDARD_SCALARS]
    if generic:  # Net-SNMP based appliances: LibreNMS-style distro / hardware extends
        wanted += [_extend_oid(name) for _, name in _EXTENDS]
    values = await _get(walker, wanted)
    for name, oid, label, rank in _STANDARD_SCALARS:
        if name:
            found.add(name, rank, text(values.get(oid)), label)
    for name, extend in _EXTENDS:
        found.add(
            name,
            R_STANDARD + 1,
            text(values.get(_extend_oid(extend))),
            f'NET-SNMP-EXTEND-MIB nsExtendOutput1Line."{extend}"',
        )
    return values


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _fact(facts_system: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = facts_system.get(key)
        if value is not None:
            return text(value)
    return None


async def identify(walker: Walker, facts_system: Mapping[str, Any]) -> Identity:
    """Vendor, model, serial number and OS version of the agent behind `walker`.

    `facts_system` holds what the facts getter already read (keys of :class:`Facts`:
    ``sys_descr``, ``sys_object_id``; SNMP names ``sysDescr`` / ``sysObjectID`` also work).
    Missing ones are fetched here.
    """
    descr = _fact(facts_system, "sys_descr", "sysDescr")
    object_id = _fact(facts_system, "sys_object_id", "sysObjectID")
    if descr is None or object_id is None:
        system = await _get(walker, [oids.SYS_DESCR + ".0", oids.SYS_OBJECT_ID + ".0"])
        descr = descr or _raw_descr(system.get(oids.SYS_DESCR + ".0"))
        object_id = object_id or text(system.get(oids.SYS_OBJECT_ID + ".0"))
    raw_descr = facts_system.get("sys_descr") or facts_system.get("sysDescr") or descr
    descr_text = _raw_descr(raw_descr)
    enterprise = enterprise_of(object_id)
    found = Candidates()

    found.add(
        "vendor",
        R_VENDOR_MIB - 5,
        vendor_of_enterprise(enterprise),
        f"sysObjectID enterprise {enterprise} (IANA)",
    )
    generic = vendor_of_enterprise(enterprise) is None
    await _standard_scalars(walker, generic, found)
    await _entity(walker, found)
    await _vendor_probes(walker, enterprise, object_id, found)
    await _printer_model(walker, found)
    parse_sys_descr(descr_text, object_id, found)
    found.add(
        "vendor", R_FALLBACK, brand_in_text(_best_value(found, "model")), "brand in model name"
    )
    if found.best("vendor") is None:
        await _vendor_by_private_mib(walker, found)
    return _choose(found)


_PRESENCE_STEPS = 4  # GETNEXTs at most: enough to pass UCD/Net-SNMP and reach a vendor subtree


async def _vendor_by_private_mib(walker: Walker, found: Candidates) -> None:
    """Nothing named the maker: the first vendor subtree the agent implements under
    enterprises (skipping agent toolkits such as UCD/Net-SNMP) does. One GETNEXT per step, each
    jumping past the previous enterprise's subtree."""
    next_oids = getattr(walker, "next_oids", None)
    if next_oids is None:
        return
    cursor = oids.ENTERPRISES
    for _ in range(_PRESENCE_STEPS):
        try:
            following = (await next_oids([cursor])).get(cursor)
        except SnmpError:
            return
        number = enterprise_of(following) if following else None
        if number is None or not str(following).startswith(oids.ENTERPRISES + "."):
            return
        vendor = vendor_of_enterprise(number)
        if vendor:
            found.add("vendor", R_FALLBACK + 5, vendor, f"answers enterprise {number}'s private MIB")
            return
        cursor = f"{oids.ENTERPRISES}.{number + 1}"


def _raw_descr(value: Any) -> str | None:
    """sysDescr keeps its line breaks for parsing (text() would flatten them)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("latin-1")
    return str(value)


def _best_value(found: Candidates, name: Field_) -> str | None:
    best = found.best(name)
    return best[0] if best else None


def _choose(found: Candidates) -> Identity:
    chosen: dict[str, str | None] = {}
    evidence: list[str] = []
    for name in FIELDS:
        best = found.best(name)
        chosen[name] = best[0] if best else None
        if best:
            evidence.append(f"{name}: {best[1]}")
    return Identity(
        vendor=chosen["vendor"],
        model=chosen["model"],
        serial_number=chosen["serial_number"],
        os_version=chosen["os_version"],
        evidence=evidence,
    )
