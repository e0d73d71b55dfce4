"""Product-line identity probes (vendor MIBs and sysDescr banner formats), on tiny invented walks."""

from __future__ import annotations

import asyncio

from netmap.discover.snmp.getters import CachingWalker
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.discover.snmp.vendors import identify
from netmap.model import Identity

ENT = "1.3.6.1.4.1"


def ident(*lines: str) -> Identity:
    return asyncio.run(identify(CachingWalker(SnmprecWalker(parse_lines(lines))), {}))


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


def test_bdcom_bti_and_bktel_identity() -> None:
    bdcom = ident(oid_line(f"{ENT}.3320.1.999.0"), f"{ENT}.3320.3.6.10.1.4.0|4|00999000111")
    assert bdcom.serial_number == "00999000111"
    bti = ident(
        oid_line(f"{ENT}.30005.1.7"),
        f"{ENT}.30005.1.7.100.1.2.1.1.1.8.0|4|BTI-XX-900",
        f"{ENT}.30005.1.7.100.1.2.1.1.1.5.0|4|9.9.9Build9",
        f"{ENT}.30005.1.7.100.1.1.1.1.1.1.8.1|4|ZZ00990001",
    )
    assert (bti.model, bti.os_version, bti.serial_number) == (
        "BTI-XX-900",
        "9.9.9Build9",
        "ZZ00990001",
    )
    bktel = ident(oid_line(f"{ENT}.7501.1.2.100"), f"{ENT}.7501.1.2.116.1.2.1.2.7|4|OAX12345")
    assert bktel.model == "OAX12345"


def test_ups_and_power_controllers() -> None:
    delta = ident(oid_line(f"{ENT}.2254.2.4"), f"{ENT}.2254.2.4.1.3.0|4|07")
    assert delta.os_version == "07"
    connectups = ident(
        oid_line(f"{ENT}.534.1"),
        "1.3.6.1.2.1.33.1.1.5.0|4|ID: QQ999Z0001      , Msg: 123456789-0001",
    )
    assert connectups.serial_number == "QQ999Z0001"
    # RPS-SC200-MIB sits under each controller's own sysObjectID (SC200 .13, SC300 .14, ...)
    rectifier = ident(
        oid_line(f"{ENT}.1918.2.15"),
        f"{ENT}.1918.2.15.10.10.20.0|4|777001",
        f"{ENT}.1918.2.15.10.10.30.0|4|SY999001",
    )
    assert (rectifier.model, rectifier.serial_number) == ("SY999001", "777001")
    eltek = ident(
        "1.3.6.1.2.1.1.1.0|4|WebPower(999999.001) 7.42, Jan  1 2030 OS:9.9",
        oid_line(f"{ENT}.12148.9"),
        f"{ENT}.12148.9.2.1.3.7.0|4|990000000001",
    )
    assert (eltek.os_version, eltek.serial_number) == ("7.42", "990000000001")
    enlogic = ident(oid_line(f"{ENT}.38446.1"), f"{ENT}.38446.1.1.2.1.13.1|4|9.8.7.6")
    assert enlogic.os_version == "9.8.7.6"
    e3meter = ident(oid_line(f"{ENT}.21695.1401"), f"{ENT}.21695.1.10.1.1|4|9.9.1 (2030-01-01)")
    assert e3meter.os_version == "9.9.1 (2030-01-01)"


def test_brother_model_and_firmware() -> None:
    brother = ident(
        "1.3.6.1.2.1.1.1.0|4|Brother NC-9999h, Firmware Ver.9.99  (01.01.30),MID 000-000",
        oid_line(f"{ENT}.2435.2.3.9.1"),
        f"{ENT}.2435.2.4.3.2435.5.13.3.0|4|Brother XY-9999DW series [00aabbccddee]",
        f"{ENT}.2435.2.4.3.1240.6.5.0|4|Firmware Ver.Z (01.01.30)",
    )
    assert (brother.model, brother.os_version) == ("XY-9999DW", "Z")


def test_application_version_and_chip_model() -> None:
    allworx = ident(oid_line(f"{ENT}.38516.2.5.1.0"), "1.3.6.1.2.1.27.1.1.4.1|4|9.9.1.2")
    assert allworx.os_version == "9.9.1.2"
    esp32 = ident(oid_line("1.3.9999.32"), "1.3.9999.2.3.0|4|ESP32-TESTCHIP")
    assert esp32.model == "ESP32-TESTCHIP"
    esp8266 = ident(oid_line("1.3.9999.8266"), "1.3.9999.2.3.0|4|9.9.9")
    assert esp8266.model is None  # the same object holds the SDK core version there


def test_banner_formats() -> None:
    ekinops = ident("1.3.6.1.2.1.1.1.0|4|Ekinops 360 Platform, C999XY, Release 9.9.100")
    assert ekinops.model == "C999XY"
    calix = ident("1.3.6.1.2.1.1.1.0|4|Calix ONT 999GX 99.1.2.3 platform 9(C9)")
    assert calix.model == "999GX"
