"""Device identification (vendor / model / serial / version) and SNMP type votes.

Uses project-made .snmprec files in tests/data/snmprec/id_*.snmprec through the in-memory Walker;
the last test reads the shared LibreNMS recordings when they exist (never copied here).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from netmap.discover.snmp.candidates import Candidates
from netmap.discover.snmp.enterprises import (
    brand_in_text,
    enterprise_of,
    registrant_of,
    vendor_of_enterprise,
)
from netmap.discover.snmp.getters import GETTER_FUNCS, CachingWalker
from netmap.discover.snmp.snmprec import SnmprecError, SnmprecWalker, load_snmprec, parse_lines
from netmap.discover.snmp.sysdescr import parse_sys_descr, windows_version
from netmap.discover.snmp.vendors import identify
from netmap.discover.snmp.walker import Oid
from netmap.infer.classify_snmp import snmp_type_hint, snmp_type_votes
from netmap.infer.identify.identify import STRUCTURE, identify_record, read_identity
from netmap.model import GETTERS, DeviceType, Facts, Identity, Interface, SnmpRecord
from tests.walks import identify_lines

DATA = Path(__file__).parent / "data" / "snmprec"
# The shared development recordings sit beside the project (../shared), never at a fixed path.
SHARED = Path(__file__).resolve().parents[2] / "shared" / "recordings" / "librenms"
RECORDINGS = Path(os.environ.get("NETMAP_RECORDINGS", str(SHARED)))


def ident_of(name: str) -> tuple[Identity, SnmprecWalker]:
    walker = SnmprecWalker.from_file(DATA / f"{name}.snmprec")
    return asyncio.run(read_identity(walker)).identity, walker


def record_of(path: Path) -> SnmpRecord:
    """All getters over the recording, as collect() runs them (facts first)."""

    async def run() -> SnmpRecord:
        walker = CachingWalker(SnmprecWalker.from_file(path))
        record = SnmpRecord(ip="127.0.0.1")
        for getter in ["facts", *[g for g in GETTERS if g != "facts"]]:
            setattr(record, getter, await GETTER_FUNCS[getter](walker))
        return record

    return identify_record(asyncio.run(run()))  # as inference reads the stored scan


# --- the snmprec Walker ------------------------------------------------------------------------


def test_snmprec_decodes_every_tag() -> None:
    rows = dict(
        parse_lines(
            [
                "# comment",
                "1.3.6.1.2.1.1.1.0|4x|48656c6c6f",
                "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1",
                "1.3.6.1.2.1.1.3.0|67|123",
                "1.3.6.1.2.1.1.4.0|4e|a\\x00b\\n",
                "1.3.6.1.2.1.1.5.0|64x|0a000001",
                "1.3.6.1.2.1.1.6.0|64|192.0.2.9",
                "1.3.6.1.2.1.1.7.0|5|",
                "1.3.6.1.2.1.1.8.0|70|18446744073709551615",
                "1.3.6.1.2.1.1.9.0|4x|abc",
                "1.3.6.1.2.1.1.1.0|4|duplicate: the first value wins",
            ]
        )
    )
    assert rows["1.3.6.1.2.1.1.1.0"] == b"Hello"
    assert rows["1.3.6.1.2.1.1.2.0"] == Oid("1.3.6.1.4.1.9.1.1")
    assert isinstance(rows["1.3.6.1.2.1.1.2.0"], Oid)
    assert rows["1.3.6.1.2.1.1.3.0"] == 123
    assert rows["1.3.6.1.2.1.1.4.0"] == b"a\x00b\n"
    assert rows["1.3.6.1.2.1.1.5.0"] == IPv4Address("10.0.0.1")
    assert rows["1.3.6.1.2.1.1.6.0"] == IPv4Address("192.0.2.9")
    assert "1.3.6.1.2.1.1.7.0" not in rows  # NULL is absent, like noSuchObject
    assert rows["1.3.6.1.2.1.1.8.0"] == 2**64 - 1
    assert rows["1.3.6.1.2.1.1.9.0"] == b"\xab\xc0"  # odd hex padded with a trailing 0


def test_snmprec_reads_variation_modules_and_old_recorders_statically() -> None:
    """snmpsim-data's walks: a variation module's settings give the value (`value=`, a number's
    `initial` or `min`, else 0), an IpAddress may be its 4 raw octets, and a broken line is an
    error, or, when asked to, left out and described."""
    lines = [
        "1.3.6.1.2.1.1.3.0|67:numeric|rate=100",
        "1.3.6.1.2.1.1.4.0|4:writecache|value=Server 1, PS 1",
        "1.3.6.1.2.1.1.5.0|2:numeric|min=5,scale=95,function=cos",
        "1.3.6.1.2.1.1.6.0|2:numeric|initial=7,max=9",
        "1.3.6.1.2.1.1.7.0|4x:writecache|value=4142",
        "1.3.6.1.2.1.1.8.0|4:sql|dbtype=sqlite3",
        "1.3.6.1.2.1.4.20.1.1.1|64|J}M}",
    ]
    rows = dict(parse_lines(lines))
    assert rows["1.3.6.1.2.1.1.3.0"] == 0
    assert rows["1.3.6.1.2.1.1.4.0"] == b"Server 1, PS 1"
    assert (rows["1.3.6.1.2.1.1.5.0"], rows["1.3.6.1.2.1.1.6.0"]) == (5, 7)
    assert rows["1.3.6.1.2.1.1.7.0"] == b"AB"
    assert "1.3.6.1.2.1.1.8.0" not in rows  # a module whose value is computed elsewhere
    assert rows["1.3.6.1.2.1.4.20.1.1.1"] == IPv4Address("74.125.77.125")
    broken = [*lines, "1.3.6.1.2.1.1.1.0|4x|Juniper", "1.3.6.1.2.1.4.20.1.1.2|64|abc",
              "1.3.6.1.2.1.1.3.0|67:numeric|initial=1e999"]
    with pytest.raises(SnmprecError, match="line 8"):
        parse_lines(broken)
    skipped: list[str] = []
    assert dict(parse_lines(broken, skipped)) == rows
    assert len(skipped) == 3 and skipped[1].startswith("line 9: IpAddress 'abc'")
    assert skipped[2].startswith("line 10: cannot convert float infinity")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1.3.6.1.2.1.1.1.0", "1.3..6", "x", ""]),
                          st.sampled_from(["2", "4", "4x", "6", "64", "64x", "67:numeric",
                                           "4:writecache", "2x:numeric", "9", "4:"]),
                          st.text(max_size=20) | st.sampled_from(["initial=1e999", "min=-5,x=",
                                                                  "value=", "J}M}"])),
                max_size=6))
def test_snmprec_lines_decode_or_raise_snmprecerror(rows: list[tuple[str, str, str]]) -> None:
    """Hostile or broken walk lines give a value or SnmprecError, never another exception; with
    a `skipped` list they never raise."""
    lines = ["|".join(row) for row in rows]
    with contextlib.suppress(SnmprecError):
        parse_lines(lines)
    skipped: list[str] = []
    parse_lines(lines, skipped)


def test_snmprec_walk_is_numeric_strictly_inside_and_capped() -> None:
    walker = SnmprecWalker(
        [
            ("1.3.6.1.2.1.2.2.1.2.10", b"x"),
            ("1.3.6.1.2.1.2.2.1.2.9", b"y"),
            ("1.3.6.1.2.1.2.2.1.2", b"column itself"),
            ("1.3.6.1.2.1.2.2.1.20.1", 1),
            ("1.3.6.1.2.1.2.2.1.3.1", 6),
        ]
    )
    rows = asyncio.run(walker.walk("1.3.6.1.2.1.2.2.1.2"))
    assert [oid for oid, _ in rows] == ["1.3.6.1.2.1.2.2.1.2.9", "1.3.6.1.2.1.2.2.1.2.10"]
    assert len(asyncio.run(walker.walk("1.3.6.1.2.1.2.2.1", max_rows=2))) == 2
    assert asyncio.run(walker.get(["1.3.6.1.2.1.2.2.1.3.1", "1.3.6.1.9.9"])) == {
        "1.3.6.1.2.1.2.2.1.3.1": 6
    }


def test_every_project_recording_loads() -> None:
    for path in DATA.glob("*.snmprec"):
        assert load_snmprec(path), path.name


# --- identification ----------------------------------------------------------------------------


def test_cisco_ios_switch_from_entity_mib() -> None:
    ident, walker = ident_of("id_cisco_ios_switch")
    assert ident.vendor == "Cisco"
    assert ident.model == "WS-C2960X-48FPS-L"
    assert ident.serial_number == "FOC1234X0AB"
    assert ident.os_version == "15.2(7)E4"
    assert any("ENTITY-MIB" in line for line in ident.evidence)
    # only what identification needs, never a full tree walk: the general sources, one GET per
    # OS-definition step, and one short walk per structure subtree (free on a live agent, whose
    # presence probe marks absent subtrees before identification runs)
    assert walker.requests <= 8 + 2 + len(STRUCTURE)


def test_synology_behind_net_snmp_sysobjectid() -> None:
    ident, _ = ident_of("id_synology_nas")
    assert (ident.vendor, ident.model, ident.serial_number) == (
        "Synology",
        "DS920+",
        "2050QZR123456",
    )
    assert ident.os_version == "7.1-42962"  # the LibreNMS dsm definition's reading


def test_apc_ups_prefers_powernet_over_card_banner() -> None:
    ident, _ = ident_of("id_apc_ups")
    assert ident.vendor == "APC"
    assert ident.model == "Smart-UPS 1500"
    assert ident.serial_number == "AS1234567890"  # the UPS's, not the card's "SN: 5A1234T00001"


def test_hp_printer_model_from_host_resources_and_serial_from_printer_mib() -> None:
    ident, _ = ident_of("id_hp_printer")
    assert ident.vendor == "HP"
    assert ident.model == "HP LaserJet Pro M404dn"
    assert ident.serial_number == "PHBBB12345"


def test_linux_server_reads_net_snmp_extends() -> None:
    ident, _ = ident_of("id_linux_server")
    assert ident.model == "PowerEdge R650"
    assert ident.vendor == "Dell Inc."
    assert ident.serial_number == "7ABCD12"
    assert ident.os_version == "Ubuntu 22.04.3 LTS"


def test_windows_server_build_names_the_release() -> None:
    ident, _ = ident_of("id_windows_server")
    assert ident.vendor == "Microsoft"
    assert ident.os_version == "Server 2019 (NT 10.0)"
    assert ident.model == "Intel x64"


def test_vendor_banner_split_into_model_and_version_and_entity_without_classes() -> None:
    ident, walker = ident_of("id_fortiswitch")
    assert (ident.vendor, ident.model, ident.os_version) == (
        "Fortinet",
        "FortiSwitch-248E-POE",
        "7.4.1",
    )
    # the agent fills entPhysicalSerialNum but no entPhysicalClass: its first entry is the device
    assert ident.serial_number == "S248EPTF99000001"
    assert walker.requests <= 10 + 2 + len(STRUCTURE)


def test_timos_chassis_type_points_to_the_model_name() -> None:
    ident, _ = ident_of("id_timos_sar")
    assert ident.model == "7705 SAR-8 v2"  # tmnxChassisType.1 = 23, not the first type-table row
    assert ident.serial_number == "NS1234CHAS9"  # the chassis entry, not the first card's
    assert ident.os_version == "21.10.R1"
    assert "model: TIMETRA-CHASSIS-MIB type name" in ident.evidence


def test_vendor_mib_beats_linux_banner_of_an_appliance() -> None:
    ident, _ = ident_of("id_f5_bigip")
    assert (ident.model, ident.serial_number, ident.os_version) == (
        "BIG-IP i4800",
        "f5-abcd-1234",
        "16.1.3",
    )
    votes = snmp_type_votes(record_of(DATA / "id_f5_bigip.snmprec"))
    # twelve Ethernet ports under a Linux banner are NICs, not a switch; the banner of a vendor
    # appliance is its embedded OS, not a server
    assert not any(v.type == DeviceType.SWITCH for v in votes)
    assert snmp_type_hint(record_of(DATA / "id_f5_bigip.snmprec"))[0] == DeviceType.OTHER


def test_scalars_registered_without_instance_are_read_exactly() -> None:
    ident, _ = ident_of("id_opengear")
    assert ident.serial_number == "71160000001234"  # ogSerialNumber, not the firmware row before it


def test_probe_pattern_keeps_group_one_or_nothing() -> None:
    from netmap.discover.snmp.vendor_mibs import Probe

    banner = r"^(\S+?)[\s-]+v?\s?\d+(?:\.\d+)+"
    model = Probe("model", "1.3.6.1.4.1.12356.107.2.1.2", "x", pattern=banner)
    assert model.extract("FortiWeb-Azure 5.91,build1618,180425") == "FortiWeb-Azure"
    assert model.extract("no version here") is None
    assert model.instance.endswith(".0") and not Probe(
        "model", "1.2", "x", exact=True
    ).instance.endswith(".0")


def test_lldp_local_port_id_given_as_ifindex_text() -> None:
    record = record_of(DATA / "id_lldp_ifindex_text.snmprec")
    ports = {n.remote_system_name: n.parent_interface for n in record.lldp_neighbors_detail or []}
    # local port 1 is not ifIndex 1 (the loopback): lldpLocPortId "1001" names the interface
    assert ports == {"core-a": "1/1", "core-b": "1/2"}


@pytest.mark.parametrize(
    ("descr", "object_id", "expected"),
    [
        (
            "Hardware: x86 - Software: Windows Version 6.1 (Build 7601 Uniprocessor Free)",
            "1.3.6.1.4.1.311.1.1.3.1.1",
            "7 SP1 (NT 6.1)",
        ),
        (
            "Hardware: AMD64 - Software: Windows Version 6.3 (Build 22631 Multiprocessor Free)",
            "1.3.6.1.4.1.311.1.1.3.1.1",
            "11 (NT 10.0)",
        ),
        (
            "Hardware: AMD64 - Software: Windows Version 6.3 (Build 9600 Multiprocessor Free)",
            "1.3.6.1.4.1.311.1.1.3.1.3",
            "Server 2012 R2 (NT 6.3)",
        ),
        (  # Windows 2000-era agents name the product before the version
            "Hardware: x86 Family 6 Model 9 Stepping 5 AT/AT COMPATIBLE - Software: Windows 2000 "
            "Version 5.1 (Build 2600 Uniprocessor Free)",
            "1.3.6.1.4.1.311.1.1.3.1.1",
            "XP (NT 5.1)",
        ),
        ("Linux web01 5.15.0 #1 SMP x86_64", None, None),
    ],
)
def test_windows_versions(descr: str, object_id: str | None, expected: str | None) -> None:
    assert windows_version(descr, object_id) == expected


@pytest.mark.parametrize(
    ("descr", "field", "value"),
    [
        (
            "Juniper Networks, Inc. ex2300-24p Ethernet Switch, kernel JUNOS 20.4R3-S2.6, Build date",
            "os_version",
            "20.4R3-S2.6",
        ),
        (
            "Juniper Networks, Inc. ex2300-24p Ethernet Switch, kernel JUNOS 20.4R3",
            "model",
            "ex2300-24p",
        ),
        ("RouterOS CCR2004-16G-2S+", "model", "CCR2004-16G-2S+"),
        ("ArubaOS (MODEL: 515), Version 8.10.0.6", "model", "515"),
        ("Linux gw 4.14.0 #1 SMP Tue Jan 1 00:00:00 UTC 2019 mips", "model", "Generic MIPS"),
        # a host named by its address: the release follows it
        ("Linux 10.40.254.74 2.6.33-ts-powerpc #478 Mon Jun 27 16:48:56 PDT 2011 ppc",
         "os_version", "2.6.33-ts-powerpc"),
        ("Linux 2.6.32.68 #1 Tue Jan 9 13:52:48 EET 2024 mips", "os_version", "2.6.32.68"),
        ("US-8, 5.76.7.13442, Linux 3.6.5", "os_version", "5.76.7.13442"),
        ("USW-Flex-XG, 6.2.14.13855", "os_version", "6.2.14.13855"),
        ("SiteBoss 530 2.10.540 STD", "os_version", "2.10.540"),
        ("Base Operating System Runtime AIX version: 07.02.0005.0000", "os_version", "7.2.5.0"),
        ("SNMP Smart II Card v1.05 (SN 11230031806015)", "serial_number", "11230031806015"),
        ("IBM OS/400 V7R1M0", "os_version", "V7R1M0"),
        ("KX-NS1000 Ver00700128", "os_version", "00700128"),
        ("Keenetic Hero 4G+ (KeeneticOS 4.02.C.1.0-1): KN-2311", "os_version", "4.02.C.1.0-1"),
        ("Dell S5830dn version NH62.YS.N636 kernel 3.0.0 All-N-1", "os_version", "NH62.YS.N636"),
        ("V220100", "os_version", "V220100"),
        ("FreeNAS-11.3-U2.1 (6a6a2dfda7). Hardware: amd64", "os_version", "11.3-U2.1"),
        ("6500 7-SLOT OPTICAL SW:1271 BN:AH (c) Ciena (R) Corporation", "os_version", "1271"),
        (
            "LANCOM OAP-321 10.12.0147 / 15.11.2017 4002024918100043",
            "serial_number",
            "4002024918100043",
        ),
        ("Prod: Integra-X;Vers: 3.19.6;Timestamp: 2021-01-22", "model", "Integra-X"),
        # the uname machine of a BSD banner, the raw name kept beside the generic one
        (
            "OPNsense fw.lan 22.1 OPNsense FreeBSD 13.0-STABLE amd64",
            "model",
            "Generic x86 64-bit (amd64)",
        ),
        (
            "FreeNAS-11.3-U5 (ab12cd). Hardware: amd64 Intel(R) Xeon(R) CPU E3-1230 v6 @ 3.50GHz "
            "running at 3500. Software: FreeBSD 11.3-RELEASE-p9",
            "model",
            "amd64 Intel(R) Xeon(R) CPU E3-1230 v6 @ 3.50GHz running at 3500",
        ),
        ("EdgeRouter Lite", "model", "EdgeRouter Lite"),  # a CamelCase product family
        (
            "IBM PowerPC CHRP Computer\nMachine Type: 0x0800004c Processor id: 000000000000\n"
            "Base Operating System Runtime AIX version: 05.03.0008.0000",
            "model",
            "IBM PowerPC CHRP Computer (machine type 0x0800004c)",
        ),
        ("ACME-ERD-2; SW: 2.5.1 ; HW:4.0", "model", "ACME-ERD-2"),  # ";" ends the model too
        # Sophos UTM's kernel naming (a git hash, then -smp64)
        (
            "Linux fw1 3.12.74-0.327535988.gc5bb1a9-smp64 #1 SMP Wed Jan 3 2018 x86_64",
            "vendor",
            "Sophos",
        ),
        # a short banner's model ends at its first dotted version or serial / hardware key
        ("SiteBoss 550 2.11.280 STD", "model", "SiteBoss 550"),
        ("Acme PDU-88 SN 07627 HW V3.20 - SW V6.50.00", "model", "Acme PDU-88"),
        ("KX-NS1000 Ver00700128", "model", "KX-NS1000"),
        # a keyed banner: the product before its first key
        ("6500 7-SLOT OPTICAL SW:1271 BN:AH (c) Ciena", "model", "6500 7-SLOT OPTICAL"),
        ("Router model RS123w-4G S/N: 123/456 Teldat (c)2018", "model", "RS123w-4G"),
        ('\\"SiteBoss 571 2.11.380 STD\\"', "model", "SiteBoss 571"),  # escaped quotes around it
        ("bcm96338", "vendor", "Broadcom"),  # the BCM963xx DSL reference firmware
        ("SBM-GEM-X3S+", "vendor", "Supermicro"),  # Supermicro blade switch modules
        ("US-24-250W, 5.43.23.12533, Linux 3.6.5", "vendor", "Ubiquiti"),  # UniFi on FASTPATH
        ("DM4100 24GX Standalone, 9.4.1", "vendor", "Datacom"),
        ("KGS-2421 Managed Ethernet Switch", "vendor", "KTI Networks"),
        ("m0n0wall FreeBSD", "vendor", "m0n0wall"),
        # a release number ends the model whatever follows it
        ("Alcatel-Lucent OS6860-24 8.7.98.R03 GA, May 2021", "model", "Alcatel-Lucent OS6860-24"),
        ("FB2701 FB2700 Example+ (V1.58.001 2022-01-01)", "model", "FB2701 FB2700 Example+"),
    ],
)
def test_sys_descr_rules(descr: str, field: str, value: str) -> None:
    from netmap.discover.snmp.candidates import Candidates

    found = Candidates()
    parse_sys_descr(descr, None, found)
    best = found.best(field)  # type: ignore[arg-type]
    assert best is not None and best[0] == value, (best, found.items.get(field))


@pytest.mark.parametrize(
    ("descr", "field"),
    [
        ("FluidFS SnmpService SnmpV2c", "serial_number"),  # "Sn" of "SnmpService" is no key
        ("FluidFS SnmpService SnmpV2c", "model"),  # the agent's name, not a model
        ("ESPHome version 2024.12.2 compiled Dec 27 2024", "model"),
        ("Hikvision company products", "model"),  # a brand, then no product name
        ("Switch", "model"),
        ("Ericsson IPOS", "model"),  # an OS, not a product
        ("Acme Optix V100R011C00SPC200", "model"),  # a Huawei-style release name is no model
        ("FreeCooling Controller, SNMP V1.0", "os_version"),  # the protocol's version
        # a uname banner's second word is a host name, however model-like it looks
        ("Linux ABCD123XY9 5.15.0-72-generic #81 SMP Tue Apr 19 21:09:34 UTC 2022", "model"),
    ],
)
def test_sys_descr_names_nothing(descr: str, field: str) -> None:
    from netmap.discover.snmp.candidates import Candidates

    found = Candidates()
    parse_sys_descr(descr, None, found)
    assert found.best(field) is None, found.items.get(field)  # type: ignore[arg-type]


def test_enterprise_table_helpers() -> None:
    assert enterprise_of("1.3.6.1.4.1.2636.1.1.1.2.29") == 2636
    assert enterprise_of("1.3.6.1.2.1.1") is None
    assert vendor_of_enterprise(2636) == "Juniper"
    assert vendor_of_enterprise(8072) is None  # Net-SNMP: the agent, not the vendor
    assert brand_in_text("Linux Teltonika-RUT955.com 3.18.44") == "Teltonika"
    assert brand_in_text("Linux host 3.14.31-alta-1 #1 SMP Sun Feb 23") is None


def test_iana_registry_names_vendors_outside_the_curated_table() -> None:
    assert registrant_of(2636) == "Juniper"  # the curated brand wins
    assert registrant_of(2604) == "Sophos"  # "Sophos Plc"
    assert registrant_of(24681) == "QNAP"
    assert registrant_of(46651) == "Dantherm Cooling"  # "Dantherm Cooling A/S"
    assert registrant_of(1411) == "Juniper Networks"  # "Juniper Networks/Funk Software"
    assert registrant_of(8072) is None and registrant_of(2238) is None  # OS agents
    assert registrant_of(None) is None and registrant_of(10**9) is None


def test_entity_table_with_descriptions_only_names_the_device_by_its_first_entry() -> None:
    ent = "1.3.6.1.2.1.47.1.1.1.1"
    lines = ["1.3.6.1.2.1.1.1.0|4|RouterOS-18.1 Release", f"{ent}.2.1|4|XR 4000 chassis",
             f"{ent}.2.2|4|XR 4000 fan tray", f"{ent}.7.1|4|chassis"]
    ident = identify_lines(lines)
    assert ident.model == "XR 4000 chassis"
    assert "model: ENTITY-MIB chassis 1 entPhysicalDescr" in ident.evidence
    family = [lines[0].replace("RouterOS-18.1", "Acme R30 18.1"), f"{ent}.2.1|4|Acme Office"]
    ident = identify_lines(family)
    assert ident.model == "Acme R30"  # a digitless description names a product line: the banner wins


def test_a_part_number_in_the_model_column_yields_to_the_description() -> None:
    ent = "1.3.6.1.2.1.47.1.1.1.1"
    lines = [f"{ent}.2.1|4|FS_7700X", f"{ent}.5.1|2|3", f"{ent}.13.1|4|40-1234567-08"]
    ident = identify_lines(lines)
    assert ident.model == "FS_7700X"
    shelf = ["1.3.6.1.2.1.1.1.0|4|FSX150-GE99", f"{ent}.2.1|4|SHELF", *lines[1:]]
    assert identify_lines(shelf).model == (
        "FSX150-GE99"  # the part number yields to the banner when the description is generic
    )
    named = [*lines[:2], f"{ent}.13.1|4|FS-7700X-24"]
    assert identify_lines(named).model == (
        "FS-7700X-24"
    )


def test_a_model_column_repeating_the_serial_names_no_model() -> None:
    ent = "1.3.6.1.2.1.47.1.1.1.1"
    lines = ["1.3.6.1.2.1.1.1.0|4|Acme R30 router 1.2.3", f"{ent}.5.1|2|3",
             f"{ent}.11.1|4|RNX0012345", f"{ent}.13.1|4|RNX0012345"]
    ident = identify_lines(lines)
    assert ident.serial_number == "RNX0012345" and ident.model == "Acme R30 router"


def test_product_family_banner_is_the_model_of_last_resort() -> None:
    found = Candidates()
    parse_sys_descr("Meraki MS", None, found)
    assert found.best("model") == ("Meraki MS", "sysDescr: product family banner")
    found.add("model", 90, "MS120-8LP", "sysObjectID = a product MIB")  # anything else wins
    assert found.best("model") == ("MS120-8LP", "sysObjectID = a product MIB")


def test_sys_descr_evidence_reads_as_the_banner_shape_not_a_regex() -> None:
    found = Candidates()
    parse_sys_descr("Cisco IOS Software, C2960X Software, Version 15.2(7)E4, RELEASE", None, found)
    best = found.best("os_version")
    assert best == ("15.2(7)E4", 'sysDescr "Cisco IOS\u2026Version \u2026"')


def _index(text: str) -> str:
    """A string table index (length, then the bytes), as the extend tables use."""
    return f"{len(text)}." + ".".join(str(b) for b in text.encode())


def test_arguments_of_echo_extends_are_their_output() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|Linux router 2.6.22.19 #13 Wed Sep 23 16:39:18 CEST 2020 mips",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        f"1.3.6.1.4.1.8072.1.3.2.2.1.2.{_index('device')}|4|/bin/echo",
        f"1.3.6.1.4.1.8072.1.3.2.2.1.3.{_index('device')}|4|Netgear R7000",
        f"1.3.6.1.4.1.8072.1.3.2.2.1.2.{_index('version')}|4|/usr/bin/fwinfo",  # runs a program
        f"1.3.6.1.4.1.8072.1.3.2.2.1.3.{_index('version')}|4|--short",
    ]
    ident = identify_lines(lines)
    assert ident.model == "Netgear R7000"
    assert ident.os_version == "2.6.22.19"  # "--short" is an argument, not the output


def test_family_banner_starting_with_the_sysobjectid_vendor() -> None:
    found = Candidates()
    parse_sys_descr("Dantherm Cooling Hub", "1.3.6.1.4.1.46651.1", found)
    assert found.best("model") == ("Dantherm Cooling Hub", "sysDescr: product family banner")
    alone = Candidates()  # the vendor's name alone names no product
    parse_sys_descr("Dantherm Cooling", "1.3.6.1.4.1.46651.1", alone)
    assert alone.best("model") is None


def test_relocated_librenms_extends_name_the_hardware_not_the_os() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|FreeBSD vm1 13.2-RELEASE FreeBSD 13.2-RELEASE amd64",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2238.4.1.1",
        f"1.3.6.1.4.1.2021.7890.1.3.1.1.{_index('distro')}|4|FreeBSD 14.0",
        f"1.3.6.1.4.1.2021.7890.2.4.1.2.{_index('hardware')}.1|4|KVM",
        f"1.3.6.1.4.1.2021.7890.3.3.1.1.{_index('manufacturer')}|4|QEMU",
        f"1.3.6.1.4.1.2021.7890.4.4.1.2.{_index('serial')}.1|4|VM-0042",
    ]
    ident = identify_lines(lines)
    assert (ident.model, ident.serial_number) == ("KVM", "VM-0042")
    assert ident.os_version == "13.2-RELEASE"  # the kernel release, not the distro extend
    assert 'model: extend "hardware" at 1.3.6.1.4.1.2021.7890.2' in ident.evidence


@pytest.mark.parametrize(
    ("device_id", "model"),
    [("1.3.6.1.4.1.1248.1.2.1.6", "ScanPro 500"), ("0.0", None)],
)
def test_host_resources_device_with_a_vendor_id_names_the_product(
    device_id: str, model: str | None
) -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|ACME 10/100 Ethernet Scan Server",
        "1.3.6.1.2.1.25.3.2.1.2.1|6|1.3.6.1.2.1.25.3.1.1",  # hrDeviceOther
        "1.3.6.1.2.1.25.3.2.1.3.1|4|ScanPro 500",
        f"1.3.6.1.2.1.25.3.2.1.4.1|6|{device_id}",
    ]
    ident = identify_lines(lines)
    assert (ident.model == "ScanPro 500") == (model is not None), ident.model


def test_probes_of_the_enterprise_an_agent_answers_behind_a_bogus_sysobjectid() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|FreeCooling Controller, SNMP V1.0",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.0",
        "1.3.6.1.4.1.46651.1.1.1.0|2|21",
        "1.3.6.1.4.1.46651.1.1.46.0|4|2051187734",
        "1.3.6.1.4.1.46651.1.1.51.0|4|2.01",
    ]
    ident = identify_lines(lines)
    # the maker the matched LibreNMS definition's title names
    assert (ident.vendor, ident.serial_number, ident.os_version) == ("Dantherm", "2051187734", "2.01")


def test_serial_written_into_the_backplane_description() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|Acme IPOS-20.1.1",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.193.218.1.99",
        "1.3.6.1.2.1.47.1.1.1.1.2.1|4|XR 9000 chassis",
        "1.3.6.1.2.1.47.1.1.1.1.2.2|4|XR 9000 backplane SN:AB12345678 Rev:R1A Mfg.Dt:1-JAN-2024",
        "1.3.6.1.2.1.47.1.1.1.1.2.3|4|Line card SN:ZZ99999999",
    ]
    ident = identify_lines(lines)
    assert ident.serial_number == "AB12345678"
    assert "serial_number: ENTITY-MIB entPhysicalDescr.2 S/N" in ident.evidence


@pytest.mark.parametrize("code", ["1", "2", "9"])
def test_an_enumerated_value_never_names_a_model(code: str) -> None:
    """LibreNMS's hikvision-nvr reads hikEntityType as hardware and shows its enum label (NVR,
    DVR); without the MIB's labels the number is no model: unknown beats "2"."""
    lines = [
        "1.3.6.1.2.1.1.1.0|4|Hikvision company products",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.50001",
        f"1.3.6.1.4.1.50001.1.100.0|2|{code}",
    ]
    ident = identify_lines(lines)
    assert ident.vendor == "Hikvision" and ident.model is None


def test_an_empty_ups_model_alone_is_no_ups() -> None:
    def ups(lines: list[str]) -> object:
        walker = CachingWalker(SnmprecWalker(parse_lines(lines)))
        return asyncio.run(GETTER_FUNCS["ups"](walker))

    assert ups(["1.3.6.1.2.1.33.1.1.2.0|4|"]) is None  # a sensor hub's stub UPS-MIB
    assert ups(["1.3.6.1.2.1.33.1.1.2.0|4|", "1.3.6.1.2.1.33.1.2.1.0|2|2"]) is not None


def test_extend_registered_with_full_output_only() -> None:
    hardware = "8.104.97.114.100.119.97.114.101"  # the extend named "hardware"
    lines = [
        "1.3.6.1.2.1.1.1.0|4|Linux sbc1 5.10.0 #1 SMP armv7l",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        f"1.3.6.1.4.1.8072.1.3.2.3.1.2.{hardware}|4|Raspberry Pi 4 Model B Rev 1.4",
    ]
    ident = identify_lines(lines)
    assert ident.model == "Raspberry Pi 4 Model B Rev 1.4"
    assert "model: NET-SNMP-EXTEND-MIB nsExtendOutputFull.\"hardware\"" in ident.evidence
    record = SnmpRecord(ip="192.0.2.9", facts=Facts(sys_descr=lines[0].split("|")[2],
                                                    sys_object_id="1.3.6.1.4.1.8072.3.2.10",
                                                    vendor="Raspberry Pi", model=ident.model))
    assert snmp_type_hint(record)[0] == DeviceType.SERVER  # a single-board computer, not a box


def test_axis_serial_is_the_base_mac_its_definition_reads() -> None:
    """LibreNMS's axiscam definition reads ifPhysAddress.2 as the serial (Axis labels units with
    their MAC); six bytes that are not text read as a MAC address."""
    lines = [
        "1.3.6.1.2.1.1.1.0|4|; AXIS M3000; Network Camera; 9.80.1; Jan 01 2023; 1A1; 1",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.368.1.1",
        "1.3.6.1.2.1.2.2.1.6.1|4|",
        "1.3.6.1.2.1.2.2.1.6.2|4x|accc8e0a0b0c",
    ]
    ident = identify_lines(lines)
    assert ident.serial_number == "ac:cc:8e:0a:0b:0c"
    assert "serial_number: LibreNMS axiscam: IF-MIB::ifPhysAddress.2" in ident.evidence
    other = [lines[0].replace("AXIS", "ACME"), "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1", *lines[2:]]
    assert identify_lines(other).serial_number is None


@pytest.mark.parametrize(
    ("lines", "vendor"),
    [
        # an unknown-to-us enterprise in sysObjectID: its IANA registrant
        (["1.3.6.1.2.1.1.1.0|4|Controller V2", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.46651.1"],
         "Dantherm Cooling"),
        # a vendor tag in the kernel release of a Linux appliance
        (["1.3.6.1.2.1.1.1.0|4|Linux n1 4.15.0-72-rubrik6-generic #81 SMP x86_64",
          "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10"], "Rubrik"),
        # ENTITY-MIB with only a maker filled in
        (["1.3.6.1.2.1.1.1.0|4|Linux TS-X99 4.2.2",
          "1.3.6.1.2.1.47.1.1.1.1.12.1|4|QNAP Systems, Inc."], "QNAP"),
    ],
)
def test_vendor_from_registry_kernel_tag_and_entity_maker(lines: list[str], vendor: str) -> None:
    walker = CachingWalker(SnmprecWalker(parse_lines(lines)))
    assert asyncio.run(identify(walker, {})).vendor == vendor


# --- type votes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("id_cisco_ios_switch", DeviceType.SWITCH),
        ("id_synology_nas", DeviceType.NAS),
        ("id_apc_ups", DeviceType.UPS),
        ("id_hp_printer", DeviceType.PRINTER),
        ("id_linux_server", DeviceType.SERVER),
        ("id_windows_server", DeviceType.SERVER),
        ("id_fortiswitch", DeviceType.SWITCH),
        ("id_timos_sar", DeviceType.ROUTER),
    ],
)
def test_type_hint(name: str, expected: DeviceType) -> None:
    record = record_of(DATA / f"{name}.snmprec")
    dtype, confidence, reasons = snmp_type_hint(record)
    assert dtype == expected, reasons
    assert 0.3 <= confidence <= 1.0
    assert reasons and all(reason for reason in reasons)


def test_votes_explain_themselves() -> None:
    printer = snmp_type_votes(record_of(DATA / "id_hp_printer.snmprec"))
    assert any(v.detail == "Printer-MIB prtGeneral present" for v in printer)
    ups = snmp_type_votes(record_of(DATA / "id_apc_ups.snmprec"))
    assert any(v.type == DeviceType.UPS and "UPS-MIB" in v.detail for v in ups)
    switch = snmp_type_votes(record_of(DATA / "id_cisco_ios_switch.snmprec"))
    assert any(v.detail.startswith("sysServices=6: layers 2+3") for v in switch)
    assert all(0.0 <= v.weight <= 1.0 and v.source.startswith("snmp") for v in switch)


@pytest.mark.parametrize(
    ("descr", "object_id", "vendor", "expected"),
    [
        # Net-SNMP on a MIPS board: a SOHO router / AP, not a server
        (
            "Linux gw 3.10.108 #1 Thu Jun 6 12:07:26 CEST 2019 mips",
            "1.3.6.1.4.1.8072.3.2.10",
            None,
            DeviceType.ROUTER,
        ),
        # a vendor's private MIB answered behind Net-SNMP: the Linux banner is embedded
        (
            "Linux vgw 4.19.46 #1 SMP Thu Sep 19 02:32:09 CEST 2019 x86_64",
            "1.3.6.1.4.1.8072.3.2.10",
            "PrimeKey",
            DeviceType.UNKNOWN,
        ),
        # ... unless that vendor sells servers
        (
            "Linux web01 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64",
            "1.3.6.1.4.1.8072.3.2.10",
            "Dell Inc.",
            DeviceType.SERVER,
        ),
    ],
)
def test_linux_banner_means_server_only_on_server_hardware(
    descr: str, object_id: str, vendor: str | None, expected: DeviceType
) -> None:
    from netmap.model import Facts

    record = SnmpRecord(
        ip="192.0.2.1", facts=Facts(sys_descr=descr, sys_object_id=object_id, vendor=vendor)
    )
    assert snmp_type_hint(record)[0] == expected


def test_empty_record_is_unknown() -> None:
    assert snmp_type_hint(SnmpRecord(ip="192.0.2.1"))[0] == DeviceType.UNKNOWN


def test_a_common_word_of_the_company_name_weighs_less_than_the_banner() -> None:
    facts = Facts(sys_descr="Acme Server AS200 4.9.3", vendor="Acme Wireless")
    assert snmp_type_hint(SnmpRecord(ip="192.0.2.7", facts=facts))[0] == DeviceType.SERVER
    brand = Facts(sys_descr="", vendor="Synology")
    assert snmp_type_hint(SnmpRecord(ip="192.0.2.8", facts=brand))[0] == DeviceType.NAS


def test_agent_announcing_itself_in_lldp_and_ip_mib() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|SIP-T46U 108.86.0.45",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        "1.3.6.1.2.1.4.1.0|2|2",
        "1.0.8802.1.1.2.1.3.6.0|4x|0400",  # bit 5: telephone
    ]
    facts = asyncio.run(GETTER_FUNCS["facts"](CachingWalker(SnmprecWalker(parse_lines(lines)))))
    assert facts.lldp_capabilities == ["telephone"] and facts.ip_forwarding is False
    dtype, _, reasons = snmp_type_hint(SnmpRecord(ip="192.0.2.5", facts=facts))
    assert dtype == DeviceType.PHONE and any("lldpLocSysCapEnabled" in r for r in reasons)
    router = Facts(lldp_capabilities=["bridge", "router"], ip_forwarding=True)
    votes = {v.type for v in snmp_type_votes(SnmpRecord(ip="192.0.2.6", facts=router))}
    assert votes == {DeviceType.SWITCH, DeviceType.ROUTER}


def test_metered_outlets_without_ports_are_a_pdu() -> None:
    """ENERGY-OBJECT-MIB (RFC 7460) alone, with 8 metered objects: a PDU's outlets."""
    lines = [f"1.3.6.1.2.1.229.1.2.1.1.{n}|2|{n * 10}" for n in range(1, 9)]
    lines += [f"1.3.6.1.2.1.229.1.2.1.2.{n}|66|0" for n in range(1, 9)]
    facts = asyncio.run(GETTER_FUNCS["facts"](CachingWalker(SnmprecWalker(parse_lines(lines)))))
    assert facts.energy_objects == 8
    dtype, _, reasons = snmp_type_hint(SnmpRecord(ip="192.0.2.9", facts=facts))
    assert dtype == DeviceType.PDU and "ENERGY-OBJECT-MIB meters 8 power objects" in reasons
    ports = [Interface(if_index=n, if_type=6) for n in range(1, 25)]  # a switch metering PoE
    switch = SnmpRecord(ip="192.0.2.10", facts=facts, interfaces=ports)
    assert DeviceType.PDU not in {v.type for v in snmp_type_votes(switch)}
    none = asyncio.run(GETTER_FUNCS["facts"](CachingWalker(SnmprecWalker(parse_lines([
        "1.3.6.1.2.1.1.1.0|4|Linux pi 6.1.21-v8+ #1642 SMP PREEMPT aarch64"])))))
    assert none.energy_objects is None


def test_registered_product_name_votes_like_a_model() -> None:
    from netmap.model import Facts

    facts = Facts(sys_object_id="1.3.6.1.4.1.14823.1.2.59")  # ARUBA-MIB::ap225
    votes = snmp_type_votes(SnmpRecord(ip="192.0.2.1", facts=facts))
    assert (DeviceType.WIRELESS_AP, "ARUBA-MIB::ap225") in [
        (v.type, v.detail.split()[0]) for v in votes
    ]
    named = Facts(sys_object_id="1.3.6.1.4.1.14823.1.2.59", model="ap225")  # already the model
    assert not any("ARUBA-MIB" in v.detail for v in snmp_type_votes(SnmpRecord(ip="x", facts=named)))
    assert not any("MIB::" in v.detail for v in snmp_type_votes(  # an unregistered sysObjectID
        SnmpRecord(ip="x", facts=Facts(sys_object_id="1.3.6.1.4.1.14823.1.2.99999"))))


def test_a_respelled_product_name_votes_at_a_models_weight() -> None:
    """"ICX6430-24" is snICX643024Switch as the agent spells it: the registered name's "Switch"
    weighs as a model's word (0.8), not as a mere registration's (0.6)."""
    icx = "1.3.6.1.4.1.1991.1.3.57.1.1.1.1"  # FOUNDRY-SN-ROOT-MIB::snICX643024Switch

    def product_vote(model: str) -> float:
        votes = snmp_type_votes(SnmpRecord(ip="x", facts=Facts(sys_object_id=icx, model=model)))
        return next(v.weight for v in votes if v.detail.startswith("FOUNDRY-SN-ROOT-MIB::"))

    assert product_vote("ICX6430-24") == pytest.approx(product_vote("FCX648") * 0.8 / 0.6)


def test_host_name_in_a_uname_banner_casts_no_vote() -> None:
    from netmap.model import Facts

    facts = Facts(sys_descr="Linux wap-printer 3.10.108 #1 SMP Thu Jun 6 2019 x86_64")
    reasons = [vote.detail for vote in snmp_type_votes(SnmpRecord(ip="192.0.2.1", facts=facts))]
    assert reasons and not any("wap" in r or "printer" in r for r in reasons), reasons
    product = Facts(sys_descr="Linux endian")  # no release: "endian" names the product
    assert snmp_type_hint(SnmpRecord(ip="192.0.2.1", facts=product))[0] == DeviceType.FIREWALL


@pytest.mark.parametrize(
    ("descr", "object_id", "vendor", "model", "expected"),
    [
        # a product family under a vendor's sysObjectID tree
        ("", "1.3.6.1.4.1.674.10892.5", "Dell", "PowerEdge R640", DeviceType.OTHER),  # iDRAC
        # Broadcom FASTPATH's own sysObjectID: an OEM switch
        ("DM1200E 24GT 4XS Standalone", "1.3.6.1.4.1.4413", None, None, DeviceType.SWITCH),
        # a load balancer says so, whoever made it (Barracuda also sells firewalls)
        ("Barracuda Load Balancer ADC", "1.3.6.1.4.1.8072.3.2.10", "Barracuda", None, DeviceType.OTHER),
        ("Linux ibootpdu 4.4.9 #6 SMP armv7l", "1.3.6.1.4.1.8072.3.2.10", None, "iBoot-PDU8-2N15",
         DeviceType.PDU),
        # HPE's main registration is of no one kind: its storage sub-brand must not make a PDU a NAS
        ("Outlet Metered, Outlet Switched", None, "HPE", "P9S18A", DeviceType.PDU),
        # an SD-WAN edge routes, whoever bought its maker (VMware also names servers)
        ("VeloCloud EDGE610", "1.3.6.1.4.1.8072.3.2.10", "VMware", "VeloCloud EDGE610",
         DeviceType.ROUTER),
        # OPNsense's HardenedBSD kernel, not a FreeBSD server
        ("FreeBSD fw 13.1-RELEASE-p5-HBSD FreeBSD 13.1 amd64", "1.3.6.1.4.1.8072.3.2.8", None, None,
         DeviceType.FIREWALL),
        ("FreeBSD srv 13.2-RELEASE FreeBSD 13.2-RELEASE amd64", "1.3.6.1.4.1.2238.4.1.1", None,
         None, DeviceType.SERVER),
        # a common word in the maker's name ("Radio") is no keyword of the banner
        ("Northwind Radio Labs PDU-8", None, "Northwind Radio Labs", None, DeviceType.PDU),
        ("RIGrunner 4012", None, None, None, DeviceType.PDU),
        ("KX-NS1000 Ver00700128", "1.3.6.1.4.1.258.601.3", "Panasonic", None, DeviceType.PBX),
        # an Axis document server scans to e-mail: an office device, whatever Axis mostly sells
        ("AXIS 5678 Network Document Server", "1.3.6.1.4.1.368", "Axis", None, DeviceType.PRINTER),
        ("SiteBoss 550 2.11.280 STD", "1.3.6.1.4.1.3052.12.3", "Asentria", None, DeviceType.OTHER),
        ("SR2148P, HiveOS 6.5r1", "1.3.6.1.4.1.26928.1", None, "SR2148P", DeviceType.SWITCH),
        ("bcm96358", None, "Broadcom", None, DeviceType.ROUTER),
        ("SBM-GEM-X3S+", None, "Supermicro", None, DeviceType.SWITCH),
        # vendors found through the private MIB they answer vote like their enterprise
        ("", None, "Exeltech", None, DeviceType.PDU),
        ("ApexPlus-3.2.0", "1.3", "Trango Networks", None, DeviceType.WIRELESS_BRIDGE),
        ("", None, "MPB Communications", None, DeviceType.ROUTER),
        (
            "Linux fw1 3.12.74-0.327535988.gc5bb1a9-smp64 #1 SMP Wed Jan 3 2018 x86_64",
            "1.3.6.1.4.1.8072.3.2.10",
            "Sophos",
            None,
            DeviceType.FIREWALL,
        ),
        ("Cisco ACE", "1.3.6.1.4.1.9.1.1291", "Cisco", None, DeviceType.OTHER),  # name kept
    ],
)
def test_family_and_keyword_rules(
    descr: str, object_id: str | None, vendor: str | None, model: str | None, expected: DeviceType
) -> None:
    from netmap.model import Facts

    facts = Facts(sys_descr=descr, sys_object_id=object_id, vendor=vendor, model=model)
    assert snmp_type_hint(SnmpRecord(ip="192.0.2.1", facts=facts))[0] == expected


def test_vendor_from_private_mib_when_nothing_names_it() -> None:
    lines = [
        "1.3.6.1.2.1.1.1.0|4|Linux RUTM51 6.6.87 #0 SMP mips",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        "1.3.6.1.4.1.2021.4.5.0|2|1000",  # UCD-SNMP: an agent toolkit, skipped
        "1.3.6.1.4.1.48690.2.1.0|4|x",  # Teltonika's subtree
    ]
    walker = CachingWalker(SnmprecWalker(parse_lines(lines)))
    ident = asyncio.run(identify(walker, {}))
    assert ident.vendor == "Teltonika"
    bare = CachingWalker(SnmprecWalker(parse_lines(lines[:3])))
    assert asyncio.run(identify(bare, {})).vendor is None


# --- a handful of real devices (only where the shared LibreNMS recordings exist) --------------


@pytest.mark.skipif(not (RECORDINGS / "manifest.json").exists(), reason="no shared recordings")
@pytest.mark.parametrize(
    ("name", "vendor", "types"),
    [
        ("ios_2960x", "Cisco", {DeviceType.SWITCH, DeviceType.ROUTER}),
        ("junos_qfx5100", "Juniper", {DeviceType.SWITCH, DeviceType.ROUTER}),
        ("routeros_rb760igs", "MikroTik", {DeviceType.ROUTER, DeviceType.SWITCH}),
        ("windows_7600c", "Microsoft", {DeviceType.SERVER, DeviceType.WORKSTATION}),
        ("epson", "Epson", {DeviceType.PRINTER}),
    ],
)
def test_librenms_recordings(name: str, vendor: str, types: set[DeviceType]) -> None:
    record = record_of(RECORDINGS / "snmprec" / f"{name}.snmprec")
    assert record.facts is not None and record.facts.vendor == vendor
    assert snmp_type_hint(record)[0] in types
    expected = json.loads((RECORDINGS / "expected" / f"{name}.json").read_text())
    want = expected["os"]["discovery"]["devices"][0]
    for ours, theirs in (
        (record.facts.model, want.get("hardware")),
        (record.facts.os_version, want.get("version")),
        (record.facts.serial_number, want.get("serial")),
    ):
        if theirs and theirs != "<private>":
            assert ours and (
                ours.casefold() in theirs.casefold() or theirs.casefold() in ours.casefold()
            )


@pytest.mark.skipif(not (RECORDINGS / "manifest.json").exists(), reason="no shared recordings")
@pytest.mark.parametrize("name", ["quantastor", "primekey-sw"])
def test_families_detected_by_hand_resolved_objects(name: str) -> None:
    """Their definitions' snmpget conditions name objects symbols.tsv leaves unresolved
    (`storageSystem-ProductId.0`, `pk-SAV2-systemVersion.0`): resolved by hand, they detect."""
    record = record_of(RECORDINGS / "snmprec" / f"{name}.snmprec")
    assert record.facts is not None and record.facts.os_family is not None
    assert record.facts.os_family.os == name


def test_product_line_identity_rules() -> None:
    def ident(*lines: str) -> Identity:
        return identify_lines(lines)

    ent = "1.3.6.1.2.1.47.1.1.1.1"
    # Ericsson: the part number sits in entPhysicalModelName, the product name in entPhysicalDescr
    ericsson = ident(
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.193.81.1.1.3",
        f"{ent}.2.1|4|MINI-LINK 6691", f"{ent}.5.1|2|3", f"{ent}.13.1|4|BFL 510 110/1",
    )
    assert ericsson.model == "MINI-LINK 6691"
    assert ident("1.3.6.1.2.1.1.1.0|4|Ericsson IPOS-18.1.1.9.98p30-Release").os_version == (
        "18.1.1.9.98p30-Release"
    )
    # Cisco UCOS: the platform release is the first SYSAPPL-MIB package, not the kernel
    ucos = ident(
        "1.3.6.1.2.1.1.1.0|4|Linux release:2.6.32-573.18.1.el6.x86_64 machine:x86_64",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1348",
        "1.3.6.1.2.1.54.1.1.1.1.4.1|4|11.5.4.50000-6",
    )
    assert ucos.os_version == "11.5.4.50000-6"
    junos = ident(
        "1.3.6.1.2.1.1.1.0|4|Juniper SRX240B gsm-fw",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2636.1.1.1.2.39",
        "1.3.6.1.2.1.25.6.3.1.2.2|4|JUNOS Software Release [12.1X46-D86]",
    )
    assert junos.os_version == "12.1X46-D86"


def test_an_appliances_processor_is_not_its_model() -> None:
    """A Teltonika router's agent is Linux's net-snmp: "Generic MIPS", its processor, was its
    model. Only a general-purpose OS family's hardware is its processor (as LibreNMS's own
    "Generic x86 64-bit" for Linux); an appliance of a known family has no model rather than
    that one, as LibreNMS reports it."""
    descr = "1.3.6.1.2.1.1.1.0|4|Linux Teltonika-RUT240 3.18.44 #1 Mon Oct 3 08:52:54 2022 mips"
    linux = identify_lines([descr, "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10"])
    assert linux.model == "Generic MIPS"
    rut = identify_lines([descr, "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
                          "1.3.6.1.4.1.48690.1.6.0|4|RUT2_R_00.07.02"])  # fmt: skip
    assert rut.model is None and rut.vendor == "Teltonika", rut.evidence


def test_an_appliances_kernel_release_is_not_its_version() -> None:
    """A product whose OS family is known runs Linux underneath: the kernel release of its uname
    banner is not the product's firmware ("3.14.31-alta-1" on a Data Domain, whose DD OS is
    another number), nor is a reading of part of it by a general banner rule. LibreNMS expects no
    version for any of the 19 recorded appliances netmap read so; a plain Linux host keeps its
    kernel release, and a definition's own reading stays."""
    banner = "1.3.6.1.2.1.1.1.0|4|Linux hostname 2.6.32 #1 SMP Tue May 10 23:49:24 PDT 2016 x86_64"
    riverbed = identify_lines([banner, "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.17163.1.1"])
    assert (riverbed.vendor, riverbed.os_version) == ("Riverbed", None), riverbed.evidence
    linux = identify_lines([banner, "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10"])
    assert linux.os_version == "2.6.32"
    assert "os_version: sysDescr: uname kernel release" in linux.evidence
    # lldpd on the same appliance announces the kernel release as its LLDP-MED software
    announced = [banner, "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.17163.1.1",
                 "1.0.8802.1.1.2.1.5.4795.1.2.4.0|4|2.6.32"]
    assert identify_lines(announced).os_version is None
    assert identify_lines([*announced[:1], "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
                           announced[2]]).os_version == "2.6.32"
    rut = identify_lines([
        "1.3.6.1.2.1.1.1.0|4|Linux Teltonika-RUT240 3.18.44 #1 Mon Oct 3 08:52:54 2022 mips",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10", "1.3.6.1.4.1.48690.1.6.0|4|RUT2_R_00.07.02"])
    assert rut.os_version == "RUT2_R_00.07.02"


_MED = "1.0.8802.1.1.2.1.5.4795.1.2"  # LLDP-EXT-MED-MIB::lldpXMedLocalData


def test_lldp_med_local_inventory_names_a_device_no_other_source_does() -> None:
    """A phone or a smart switch with no ENTITY-MIB: the inventory its own LLDP-MED TLVs announce
    (lldpXMedLoc*, ANSI/TIA-1057) names its model, serial number and software, whatever its maker.
    Placeholders name nothing."""
    lines = ["1.3.6.1.2.1.1.1.0|4|Linux 4.9.79", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
             f"{_MED}.2.0|4|1", f"{_MED}.3.0|4|1.0.0.1", f"{_MED}.4.0|4|108.86.0.45",
             f"{_MED}.5.0|4|8011221031007123", f"{_MED}.6.0|4|Yealink",
             f"{_MED}.7.0|4|SIP-T46U", f"{_MED}.8.0|4|"]
    ident = identify_lines(lines)
    assert (ident.model, ident.serial_number, ident.os_version) == (
        "SIP-T46U", "8011221031007123", "108.86.0.45")
    assert "model: LLDP-EXT-MED-MIB lldpXMedLocModelName" in ident.evidence
    assert "serial_number: LLDP-EXT-MED-MIB lldpXMedLocSerialNum" in ident.evidence
    filler = [line for line in lines if f"{_MED}.5.0|" not in line] + [f"{_MED}.5.0|4|N/A"]
    assert identify_lines(filler).serial_number is None
    # the maker as a brand, where nothing better names it (Net-SNMP's number names none)
    company = [line for line in lines if f"{_MED}.6.0|" not in line] + [
        f"{_MED}.6.0|4|Yealink Network Technology Co., Ltd."]
    assert identify_lines(company).vendor == "Yealink"


def test_a_product_mib_identifier_is_spelled_as_the_agent_spells_it() -> None:
    """Where the product-registration MIB names the model, the agent's own sysDescr word for it
    is the name it is sold under: "LSQ1WCMD0", not "hh3c-LSQ1WCMD0" (an H3C wireless module, as
    snmpsim-data's walk of it answers). A word that only shares a prefix, or names no model
    number, is not taken."""
    from netmap.discover.snmp.products import spelled

    h3c = ["1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.25506.1.612",
           "1.3.6.1.2.1.1.1.0|4|H3C Comware Platform Software LSQ1WCMD0. Product Version Release "
           "2509P61 Copyright (c) 2004-2017 New H3C Technologies Co., Ltd. All rights reserved."]
    ident = identify_lines(h3c)
    assert ident.model == "LSQ1WCMD0"
    assert "model: sysObjectID = HH3C-PRODUCT-ID-MIB::hh3c-LSQ1WCMD0, as sysDescr spells it" in (
        ident.evidence)
    plain = [h3c[0]]  # no sysDescr to spell it
    assert identify_lines(plain).model == "hh3c-LSQ1WCMD0"
    # nor does a banner whose only digit is the brand's name a model ("H3C Comware Platform")
    platform = [h3c[0], "1.3.6.1.2.1.1.1.0|4|H3C Comware Platform Software Comware Software "
                "Version 5.20.99, Release 2509P61"]  # fmt: skip
    assert identify_lines(platform).model == "hh3c-LSQ1WCMD0"
    assert spelled("jnxProductQFX510048S6Q", "Juniper Networks, Inc. qfx5100-48s-6q Ethernet "
                   "Switch") == "qfx5100-48s-6q"  # fmt: skip
    assert spelled("gs724tv4", "GS724Tv4 ProSafe 24-port Gigabit Ethernet Smart Switch") == "GS724Tv4"
    assert spelled("terra-sdi410C", "Terra DVB-S/S2 to IP streamer sdi410C") == "sdi410C"
    # the kind a MIB appends to the name ("Switch") need not be spelled
    assert spelled("snFWS648GPOESwitch", "Foundry Networks, Inc. FWS648G-POE, IronWare") == (
        "FWS648G-POE")
    assert spelled("snICX643024Switch", "Brocade Communications Systems, Inc. ICX6430-24, "
                   "IronWare Version 08.0.30tT311") == "ICX6430-24"  # fmt: skip
    assert spelled("snFWS648GPOESwitch", "FWS648G POE Switch") is None  # no one word names it
    # LibreNMS's own reading of the identifier (IronWare's hardware_mib) is respelled the same
    icx = identify_lines(["1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1991.1.3.57.1.1.1.1",
                          "1.3.6.1.2.1.1.1.0|4|Brocade Communications Systems, Inc. ICX6430-24, "
                          "IronWare Version 08.0.30tT311 Compiled on Feb 13 2019 at 17:44:50"])
    assert icx.model == "ICX6430-24"
    assert any(e.endswith("FOUNDRY-SN-ROOT-MIB, as sysDescr spells it") for e in icx.evidence)
    assert spelled("jnxProductNameMX960", "Juniper Networks, Inc. Name router") is None
    assert spelled("e7x2", "E7-2") is None


def test_erased_eeprom_bytes_name_nothing() -> None:
    """An agent that hands over an unset EEPROM's raw bytes (0xFF, NUL) as its maker, model or
    serial names nothing: "\u00ff\u00ff" is no vendor. A Net-SNMP agent, so no other source
    names them either."""
    lines = ["1.3.6.1.2.1.1.1.0|4|Linux 4.9.79", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
             f"{_MED}.5.0|4x|ffffffff00", f"{_MED}.6.0|4x|ffff00", f"{_MED}.7.0|4x|0102ff"]
    ident = identify_lines(lines)
    assert (ident.vendor, ident.model, ident.serial_number) == (None, None, None), ident


def test_entity_mib_chassis_outranks_lldp_med_inventory() -> None:
    """ENTITY-MIB's chassis says more than LLDP-MED's 32-character strings (a Cisco switch fills
    both: "WS-C3560-48TS" there, "WS-C3560G-48TS-E" in its chassis entry)."""
    ent = "1.3.6.1.2.1.47.1.1.1.1"
    ident = identify_lines([
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.563", f"{ent}.5.1001|2|3",
        f"{ent}.11.1001|4|FOC1408Z61U", f"{ent}.13.1001|4|WS-C3560G-48TS-E",
        f"{_MED}.5.0|4|FOC0000MED0", f"{_MED}.7.0|4|WS-C3560-48TS"])
    assert (ident.model, ident.serial_number) == ("WS-C3560G-48TS-E", "FOC1408Z61U")


def test_lldp_med_inventory_is_asked_only_of_agents_with_lldp() -> None:
    """The presence GETNEXT probes LLDP-MED's local data itself: an agent without it, with or
    without LLDP-MIB, is sent no GET for the four scalars."""
    from netmap.discover.snmp.getters import SCALARS

    med = SCALARS["lldp_neighbors_detail"]
    assert f"{_MED}.7.0" in med and f"{_MED}.5.0" in med

    async def requests(lines: list[str]) -> int:
        inner = SnmprecWalker(parse_lines(lines))
        await CachingWalker(inner).prime([], med)
        return inner.requests

    system = ["1.3.6.1.2.1.1.1.0|4|switch"]
    assert asyncio.run(requests(system)) == 1  # the presence GETNEXT alone
    lldp = [*system, "1.0.8802.1.1.2.1.1.1.0|2|30", "1.0.8802.1.1.2.1.5.4795.1.3.1.1.3.0.1.1|2|3"]
    assert asyncio.run(requests(lldp)) == 1  # LLDP and LLDP-MED neighbours, no local inventory
    assert asyncio.run(requests([*system, f"{_MED}.7.0|4|SW-8"])) == 2  # and the GET
