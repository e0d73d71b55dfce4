"""Interface and LLDP getters on odd table layouts, over the in-memory snmprec Walker."""

from __future__ import annotations

import asyncio

from netmap.discover.snmp.getters import interfaces, lldp_neighbors_detail
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.model import Interface, LldpNeighbor

IF = "1.3.6.1.2.1.2.2.1"
IFX = "1.3.6.1.2.1.31.1.1.1"


def walker(*lines: str) -> SnmprecWalker:
    return SnmprecWalker(parse_lines(lines))


def ifaces(*lines: str) -> dict[int, Interface]:
    return {i.if_index: i for i in asyncio.run(interfaces(walker(*lines)))}


def lldp(*lines: str) -> list[LldpNeighbor]:
    return asyncio.run(lldp_neighbors_detail(walker(*lines)))


def test_every_column_names_interfaces() -> None:
    got = ifaces(
        f"{IF}.2.1|4|eth0",
        f"{IF}.3.1|2|6",
        f"{IF}.5.1|66|4294967295",
        f"{IFX}.15.1|66|25000",
        f"{IF}.5.7|66|0",  # ifSpeed only: no ifDescr/ifType/ifName row
        f"{IFX}.1.9|4|vlan9",  # only in ifXTable
        f"{IFX}.15.9|66|0",
        f"{IF}.5.11|66|2488320000",
        f"{IFX}.15.11|66|2488",
    )
    assert sorted(got) == [1, 7, 9, 11]
    assert got[1].speed == 25_000_000_000 and got[1].name is None and got[1].description == "eth0"
    assert got[7].speed == 0 and got[9].speed == 0 and got[9].name == "vlan9"
    assert got[11].speed == 2_488_000_000  # ifHighSpeed x 10^6 whenever it is positive


def test_vendor_port_table_only_without_if_mib() -> None:
    exa = "1.3.6.1.4.1.43296.3.4.1"
    got = ifaces(f"{exa}.3.1.1|4|A1", f"{exa}.3.1.2|4|A2", f"{exa}.3.2.1|4|B1", f"{exa}.8.2.1|66|10000")
    assert [(n, i.name) for n, i in sorted(got.items())] == [(1, "A1"), (2, "A2"), (3, "B1")]
    assert got[3].speed == 10**10 and got[1].speed is None and got[1].if_type == 6
    assert list(ifaces(f"{IF}.2.5|4|eth0", f"{exa}.3.1.1|4|A1")) == [5]  # IF-MIB wins


def test_timetra_lldp_local_port_is_if_index() -> None:
    rem = "1.3.6.1.4.1.6527.3.1.2.59.4.1.1"
    idx = "10416.1610891280.1.1"
    got = lldp(
        f"{IFX}.1.1610891280|4|1/1/2",
        f"{rem}.4.{idx}|2|4",
        f"{rem}.5.{idx}|4x|58306EBB97E8",
        f"{rem}.6.{idx}|2|7",
        f"{rem}.7.{idx}|4|1610891280",
        f"{rem}.9.{idx}|4|HOUF_IXR_02",
    )
    assert len(got) == 1 and got[0].parent_interface == "1/1/2" and got[0].local_port_num == 1610891280
    assert got[0].remote_system_name == "HOUF_IXR_02" and got[0].remote_chassis_id == "58:30:6e:bb:97:e8"
    assert got[0].remote_port == "1610891280"


def test_tplink_lldp_by_if_index() -> None:
    nb = "1.3.6.1.4.1.11863.6.35.1.2.2.1"
    got = lldp(
        f"{IFX}.1.49167|4|gigabitEthernet 1/0/15",
        f"{nb}.1.49167.1|4|1/0/15",
        f"{nb}.4.49167.1|4|48:A9:8A:C1:AC:58",
        f"{nb}.6.49167.1|4|trunk: Up (eth1)",
        f"{nb}.9.49167.1|4|w131.soada",
    )
    assert len(got) == 1 and got[0].parent_interface == "gigabitEthernet 1/0/15"
    assert got[0].remote_system_name == "w131.soada" and got[0].remote_port == "trunk: Up (eth1)"


def test_standard_lldp_wins_over_vendor_tables() -> None:
    std = "1.0.8802.1.1.2.1.4.1.1"
    nb = "1.3.6.1.4.1.11863.6.35.1.2.2.1"
    got = lldp(f"{IFX}.1.3|4|ge3", f"{std}.9.0.3.1|4|core", f"{nb}.9.49167.1|4|other")
    assert [(n.parent_interface, n.remote_system_name) for n in got] == [("ge3", "core")]


def test_a_controllers_access_points_from_its_airespace_table() -> None:
    """AireOS indexes bsnAPTable by the radios' MAC; the wired MAC, address, model, serial and
    software are columns. The lab's wlc1 answers from the same recording."""
    from importlib import resources

    from netmap.discover.snmp.getters import managed_aps
    from netmap.lab import snmprec

    text = resources.files("netmap.lab").joinpath("recordings", "cisco-wlc.snmprec").read_text()
    records = snmprec.render(text, {"model": "AIR-CT3504-K9", "serial": "FCW2231P0LS"})
    got = asyncio.run(managed_aps(walker(*snmprec.dumps(records).splitlines())))
    assert [(a.name, a.mac, a.radio_mac, a.ip, a.model, a.serial_number) for a in got] == [
        ("ap3", "a0:f8:49:18:15:61", "a0:f8:49:18:20:00", "10.77.30.61", "AIR-AP1815I-B-K9",
         "FGL2229A1KZ"),
        ("ap2", "f4:db:e6:28:02:61", "f4:db:e6:28:10:00", "10.77.10.61", "AIR-AP2802I-B-K9",
         "FJC2231M0QX"),
    ]
    assert {(a.mib, a.maker, a.os_version, a.status) for a in got} == {
        ("AIRESPACE-WIRELESS-MIB", "Cisco", "8.10.185.0", "associated")}


def test_an_aruba_controllers_access_points_and_hostile_rows() -> None:
    """WLSX-WLAN-MIB indexes by the AP's wired MAC and names the model by its number ("225", as
    real ArubaOS 6 and 8 controllers answer: Aruba sells it as AP-225). A row whose index is no
    MAC is skipped; control characters in a name never reach the inventory; a placeholder
    location, or a name that is only the AP's MAC, is no value."""
    from netmap.discover.snmp.getters import managed_aps

    ap = "1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1"
    got = asyncio.run(managed_aps(walker(
        f"{ap}.2.0.11.134.1.2.3|64|10.1.2.3",
        f"{ap}.3.0.11.134.1.2.3|4|lobby\x1b[2J-ap",
        f"{ap}.6.0.11.134.1.2.3|4|CNF7J0T123",
        f"{ap}.13.0.11.134.1.2.3|4|225",
        f"{ap}.14.0.11.134.1.2.3|4|Not Available",
        f"{ap}.19.0.11.134.1.2.3|2|2",
        f"{ap}.19.0.11.134.1.2.4|2|9",
        f"{ap}.3.0.11.134.1.2.4|4|00:0b:86:01:02:04",
        f"{ap}.13.0.11.134.1.2.4|4|AP-515",
        f"{ap}.3.1.2.3|4|not a MAC index",
    )))
    assert len(got) == 2
    row, unnamed = got
    assert (row.mac, row.ip, row.model, row.serial_number, row.maker, row.location) == (
        "00:0b:86:01:02:03", "10.1.2.3", "AP-225", "CNF7J0T123", "Aruba", None)
    assert row.name is not None and "\x1b" not in row.name
    assert (unnamed.name, unnamed.model) == (None, "AP-515")
    assert (row.status, unnamed.status) == ("down", "state 9")  # wlanAPStatus: up(1), down(2)


def test_an_endpoints_lldp_med_inventory_is_read_with_its_neighbour_row() -> None:
    """A phone's LLDP-MED inventory TLVs, as the switch publishes them in LLDP-EXT-MED-MIB's
    lldpXMedRemInventoryTable (same index as lldpRemTable): maker, model, serial, software. A
    placeholder is no value."""
    rem, inv = "1.0.8802.1.1.2.1.4.1.1", "1.0.8802.1.1.2.1.5.4795.1.3.3.1"
    got = lldp(
        f"{rem}.4.300.2.7|2|4", f"{rem}.5.300.2.7|4x|0004f2aabb50",
        f"{rem}.9.300.2.7|4|SEP0004F2AABB50",
        f"{rem}.4.300.3.8|2|4", f"{rem}.5.300.3.8|4x|0004f2aabb51", f"{rem}.9.300.3.8|4|sw2",
        f"{inv}.3.300.2.7|4|sip88xx.14-1-1", f"{inv}.4.300.2.7|4|FCH2231ABCD",
        f"{inv}.5.300.2.7|4|Cisco Systems, Inc.", f"{inv}.6.300.2.7|4|CP-8845",
        f"{inv}.6.300.3.8|4|Unknown",
    )
    phone, other = sorted(got, key=lambda n: n.remote_system_name or "")
    assert (phone.med_maker, phone.med_model, phone.med_serial, phone.med_software) == (
        "Cisco Systems, Inc.", "CP-8845", "FCH2231ABCD", "sip88xx.14-1-1")
    assert (other.med_maker, other.med_model, other.med_serial) == (None, None, None)
