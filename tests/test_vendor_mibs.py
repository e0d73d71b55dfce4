"""Vendor-MIB identity probes and product-line banner formats (model / serial / firmware).

Each case is a tiny project-made walk with invented values: the sysObjectID of the product line
plus the private-MIB objects or banner the rule reads; the identity must come out of them.
"""

from __future__ import annotations

from typing import Any

import pytest

from netmap.discover.snmp import vendor_mibs
from netmap.discover.snmp.datafiles import data_text, table_lines
from netmap.infer.identify import librenms
from netmap.infer.identify.identify import _FIELD_MAP
from netmap.model import Identity
from tests.walks import identify_lines

OBJECT_ID = "1.3.6.1.2.1.1.2.0|6|"
DESCR = "1.3.6.1.2.1.1.1.0|4|"
NET_SNMP = OBJECT_ID + "1.3.6.1.4.1.8072.3.2.10"
ENT = "1.3.6.1.4.1"


def ident(*lines: str) -> Identity:
    return identify_lines(lines)


def oid_line(object_id: str) -> str:
    return f"1.3.6.1.2.1.1.2.0|6|{object_id}"


def test_a10_acos_mib_and_banner() -> None:
    a10 = ident(
        "1.3.6.1.2.1.1.1.0|4|Thunder Series Unified Application Service Gateway TH9999, ACOS 9.1.2,",
        oid_line(f"{ENT}.22610.1.3.99"),
        f"{ENT}.22610.2.4.1.1.1.0|4|9.1.2-P1(build: 7)",
        f"{ENT}.22610.2.4.1.6.2.0|4|TH99A0000TEST1",
    )
    assert (a10.model, a10.serial_number, a10.os_version) == (
        "TH9999",
        "TH99A0000TEST1",
        "9.1.2-P1(build: 7)",
    )


def test_ups_and_power_controllers() -> None:
    # RPS-SC200-MIB sits under each controller's own sysObjectID (SC200 .13, SC300 .14, ...)
    rectifier = ident(
        oid_line(f"{ENT}.1918.2.15"),
        f"{ENT}.1918.2.15.10.10.20.0|4|777001",
        f"{ENT}.1918.2.15.10.10.30.0|4|SY999001",
    )
    assert (rectifier.model, rectifier.serial_number) == ("SY999001", "777001")
    enlogic = ident(oid_line(f"{ENT}.38446.1"), f"{ENT}.38446.1.1.2.1.13.1|4|9.8.7.6")
    assert enlogic.os_version == "9.8.7.6"


def test_brother_model_and_firmware() -> None:
    brother = ident(
        "1.3.6.1.2.1.1.1.0|4|Brother NC-9999h, Firmware Ver.9.99  (01.01.30),MID 000-000",
        oid_line(f"{ENT}.2435.2.3.9.1"),
        f"{ENT}.2435.2.4.3.2435.5.13.3.0|4|Brother XY-9999DW series [00aabbccddee]",
        f"{ENT}.2435.2.4.3.1240.6.5.0|4|Firmware Ver.Z (01.01.30)",
    )
    assert (brother.model, brother.os_version) == ("XY-9999DW", "Z")


def test_application_version_and_sdk_version() -> None:
    allworx = ident(oid_line(f"{ENT}.38516.2.5.1.0"), "1.3.6.1.2.1.27.1.1.4.1|4|9.9.1.2")
    assert allworx.os_version == "9.9.1.2"
    esp8266 = ident(oid_line("1.3.9999.8266"), "1.3.9999.2.3.0|4|9.9.9")
    assert esp8266.model is None  # the same object holds the SDK core version there


def test_banner_formats() -> None:
    ekinops = ident("1.3.6.1.2.1.1.1.0|4|Ekinops 360 Platform, C999XY, Release 9.9.100")
    assert ekinops.model == "C999XY"
    calix = ident("1.3.6.1.2.1.1.1.0|4|Calix ONT 999GX 99.1.2.3 platform 9(C9)")
    assert calix.model == "999GX"


# (case, walk lines, field, expected value)
CASES: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    (
        "FortiAP: the model code that starts fapVersion, spelled as Fortinet names it",
        (OBJECT_ID + f"{ENT}.12356.120.10.99999", f"{ENT}.12356.120.1.1.0|4|FP999X-v9.9-build0001"),
        "model",
        "FortiAP 999X",
    ),
    (
        "Grandstream HT: core firmware version",
        (NET_SNMP, f"{ENT}.42397.1.2.3.2.0|4|1.0.77.4"),
        "os_version",
        "1.0.77.4",
    ),
    (
        "Grandstream HT (older firmware): serial registered at .0.0",
        (NET_SNMP, f"{ENT}.42397.1.2.1.0.0|4|HTX0042TEST"),
        "serial_number",
        "HTX0042TEST",
    ),
    (
        "DragonWave Harmony: MWR-ETHERNET-MIB mwrSwInvOmniRelease, bank A",
        (OBJECT_ID + f"{ENT}.7262.4.5.1.9", f"{ENT}.7262.4.5.2.4.2.1.1.3.1|4|4.2.9"),
        "os_version",
        "4.2.9",
    ),
    (
        "Huawei iBMC: firmwareVersion of the \"Active iBMC\" row",
        (
            OBJECT_ID + f"{ENT}.2011.2.235",
            f"{ENT}.2011.2.235.1.1.11.50.1.4.4.66.73.79.83|4|0.99",
            f"{ENT}.2011.2.235.1.1.11.50.1.4.11.65.99.116.105.118.101.32.105.66.77.67|4|7.01",
        ),
        "os_version",
        "7.01",
    ),
    (
        "Huawei SmartAX: HUAWEI-DEVICE-MIB hwSysVersionVrcb",
        (OBJECT_ID + f"{ENT}.2011.2.123", f"{ENT}.2011.6.3.1.999.0|4|MA5699V900R001C00"),
        "os_version",
        "MA5699V900R001C00",
    ),
    (
        "Infinera PON: system software release",
        (OBJECT_ID + f"{ENT}.42229", f"{ENT}.42229.1801.3.4.0|4|7000 5.1 Build 1.2.3"),
        "os_version",
        "7000 5.1 Build 1.2.3",
    ),
    (
        "Open Access NetSpire: OACOMMON-MIB serial",
        (OBJECT_ID + f"{ENT}.1732", f"{ENT}.1732.2.1.11.0|4|NS-000777"),
        "serial_number",
        "NS-000777",
    ),
    (
        "Schleifenbauer: SPDM-MIB firmware column",
        (OBJECT_ID + f"{ENT}.31034.11.1", f"{ENT}.31034.12.1.1.2.1.1.1.3.5|4|200101XY0001"),
        "os_version",
        "200101XY0001",
    ),
    (
        "Asentria SiteBoss: serial number",
        (OBJECT_ID + f"{ENT}.3052.20.3.9", f"{ENT}.3052.20.2.16.15.3.0|4|999000111"),
        "serial_number",
        "999000111",
    ),
    (
        "SIAE: SIAE-SOFT-MIB softwareEquipmentReleaseBench1",
        (OBJECT_ID + f"{ENT}.3373.1103", f"{ENT}.3373.1103.7.2.0|4|X12345 09.08.07"),
        "os_version",
        "X12345 09.08.07",
    ),
    (
        "Supervyse OpenBMC (Net-SNMP sysObjectID): firmware",
        (NET_SNMP, f"{ENT}.45065.1.1.1.3.0|4|9.99.00000001"),
        "os_version",
        "9.99.00000001",
    ),
    (
        "VEL host controller: VEL-HOST2-MIB host2Version",
        (OBJECT_ID + f"{ENT}.27993.5", f"{ENT}.27993.5.2.0|4|Controller XY9999"),
        "os_version",
        "Controller XY9999",
    ),
    (
        "Silver Peak: SILVERPEAK-MGMT-MIB spsSystemSerial",
        (OBJECT_ID + f"{ENT}.23867.1.2.99", f"{ENT}.23867.3.1.1.1.6.0|4|00-11-22-33-44-55"),
        "serial_number",
        "00-11-22-33-44-55",
    ),
    (
        "ZMTEL: serial number",
        (OBJECT_ID + f"{ENT}.38595.10", f"{ENT}.38595.10.1.5.0|4|ZMTEST0001"),
        "serial_number",
        "ZMTEST0001",
    ),
    (
        "Ruckus SmartZone: node model (table indexed by the node serial)",
        (
            OBJECT_ID + f"{ENT}.25053.3.1.11.9",
            f"{ENT}.25053.1.8.1.1.1.1.1.1.3.3.65.66.67|4|SZ999",
        ),
        "model",
        "SZ999",
    ),
    (
        "TopVision CMC: serial column",
        (OBJECT_ID + f"{ENT}.32285.11.1.1.1.4.9", f"{ENT}.32285.11.1.1.2.1.1.1.16.77|4|TVCMC0001"),
        "serial_number",
        "TVCMC0001",
    ),
    (
        "SSU-2000: communications module software part",
        (OBJECT_ID + f"{ENT}.601.3.1.1", f"{ENT}.601.3.1.1.1.1.1.10.1.2|4|11112222-333-4"),
        "os_version",
        "11112222-333-4",
    ),
    (
        "PrimeKey appliance (Net-SNMP sysObjectID): pkAVersion",
        (NET_SNMP, f"{ENT}.22408.1.1.2.1.7.118.101.114.115.105.111.110.1|4|PKTest.9.9.9"),
        "os_version",
        "PKTest.9.9.9",
    ),
    (
        "Ifotec: the product reference leads sysDescr",
        (OBJECT_ID + f"{ENT}.21362.100.1.9", DESCR + "testref-9x : Some converter"),
        "model",
        "testref-9x",
    ),
    (
        "Ifotec: IFOTEC-SMI ifoSysSerialNumber",
        (OBJECT_ID + f"{ENT}.21362.100.1.9", f"{ENT}.21362.101.1.2.1.5.1|4|T0042"),
        "serial_number",
        "T0042",
    ),
    (
        "HWg Perseus: Perseus-MIB serNumber",
        (OBJECT_ID + f"{ENT}.21796.5.1", f"{ENT}.21796.5.1.100.2.0|4|1234000099"),
        "serial_number",
        "1234000099",
    ),
    (
        "Tailyn (IMP-HF528-MIB): iswSdpSwVersion",
        (OBJECT_ID + f"{ENT}.5833.2017", f"{ENT}.5833.2017.3.11.2.0|4|09.08.07"),
        "os_version",
        "09.08.07",
    ),
    (
        "Televes TRedess: TREDESS-FS-MIB serialNumber",
        (OBJECT_ID + f"{ENT}.23180.2.1.1.2", f"{ENT}.23180.2.1.1.2.1.6.2.0|4|99990000111"),
        "serial_number",
        "99990000111",
    ),
    (
        "Televes TRedess: the agent names the product in sysDescr",
        (OBJECT_ID + f"{ENT}.23180.2.1.1.2", DESCR + "TRedess Test Series"),
        "model",
        "TRedess Test Series",
    ),
    (
        "V-SOL EPON OLT: firmware version",
        (OBJECT_ID + f"{ENT}.37950.1.1.5.10.14.9", f"{ENT}.37950.1.1.5.10.12.5.4.0|4|V9.99.99R"),
        "os_version",
        "V9.99.99R",
    ),
    (
        "Dantel WebMon: firmware version",
        (OBJECT_ID + f"{ENT}.994.3.4", f"{ENT}.994.3.4.7.1.82.0.0|4|9.8.7"),
        "os_version",
        "9.8.7",
    ),
    (
        "Pure Storage sysDescr banner",
        (DESCR + "Pure Storage TestArray, Purity//FA 9.9.9",),
        "model",
        "TestArray",
    ),
    (
        "SAF Tehnika sysDescr banner",
        (DESCR + "SAF microwave radio;CFIP Test ODU v9.1.2;Model:1;HW:2;SN: X;PC: ABC123",),
        "model",
        "CFIP Test ODU",
    ),
    (
        "Illustra camera sysDescr banner",
        (DESCR + "illustra TESTCAM1 Network camera 01-02-2030 Illustra.SS009.09.09.09.0009",),
        "os_version",
        "SS009.09.09.09.0009",
    ),
    (
        "Sinetica UPS controller sysDescr banner",
        (DESCR + "Sinetica UPSController. Versions: App. 9.9.9, OS 8.8, Btldr 7.7, H/w ZZ Rev 1.2",),
        "os_version",
        "8.8",
    ),
    (
        "Eltex MES24xx (Aricent ISS): the switch serial number",
        (
            DESCR + "MES2424 AC 28-port 1G/10G Managed Switch",
            OBJECT_ID + f"{ENT}.35265.1.176",
            f"{ENT}.2076.81.1.120.0|4|ES0X000001",
        ),
        "serial_number",
        "ES0X000001",
    ),
    (
        "Tait base station sysDescr banner",
        (DESCR + "Tait Communications, TB0000/TB0001, DMR Base Station, QTEST1, Version: dmr-9.9",),
        "model",
        "TB0000/TB0001",
    ),
)


@pytest.mark.parametrize(("lines", "field", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_product_line_probe(lines: tuple[str, ...], field: str, want: str) -> None:
    assert getattr(ident(*lines), field) == want


# --- the hand table holds only what the LibreNMS table does not --------------------------------

def _reads(definition: dict[str, Any], field: str) -> set[str]:
    spec = librenms.discovery_spec(definition).get("fields", {}).get(field)
    return {oid.lstrip(".") for oid, _ in spec["oids"]} if spec else set()


def test_no_vendor_row_repeats_what_every_definition_of_its_maker_reads() -> None:
    """A vendor-mibs.tsv row whose object every LibreNMS definition under the row's enterprise
    already reads (from its YAML or its transcribed PHP class) adds nothing: it is deleted. Rows
    that also serve Net-SNMP's number or a server OS agent (vendor-mibs.toml) are kept, since a
    definition matches only its own number."""
    extra = vendor_mibs._companion()
    elsewhere = {*extra["net_snmp_appliances"], *extra["server_hardware"]}
    theirs = {ours: field for field, ours in _FIELD_MAP}
    table = librenms.definitions()
    repeated = []
    for _, line in table_lines(data_text("vendor-mibs.tsv")):
        cols = line.split("\t")
        enterprise, field, how, oid = int(cols[0]), cols[1], cols[2], cols[3].lstrip(".")
        if enterprise in elsewhere:
            continue
        instances = {oid, oid + ".0"} if how == "scalar" else {oid}
        makers = [d for d in table if enterprise in librenms.agent_enterprises(d)]
        if makers and all(instances & _reads(d, theirs[field]) for d in makers):
            repeated.append(f"{enterprise} {field} {cols[4]}")
    assert repeated == []
