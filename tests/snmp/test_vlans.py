"""The `vlans` getter: Q-BRIDGE static VLANs and PVIDs, the Cisco VTP and VLAN-membership
tables, and the voice VLAN a phone announces in LLDP-MED, over the in-memory snmprec Walker."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from netmap.discover.snmp import oids
from netmap.discover.snmp.getters import CachingWalker, mac_address_table, port_list, vlans
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.model import MacEntry, VlanTable

IFNAME = "1.3.6.1.2.1.31.1.1.1.1"


def table(*lines: str) -> VlanTable | None:
    return asyncio.run(vlans(SnmprecWalker(parse_lines(lines))))


PORTS = [f"{IFNAME}.{i}|4|ge{i}" for i in (1, 2, 3)] + [
    f"{oids.DOT1D_BASE_PORT_IF_INDEX}.{i}|2|{i}" for i in (1, 2, 3)]


def test_port_list_is_rfc_4363_bit_order() -> None:
    assert port_list(bytes([0b1010_0000, 0b0000_0001])) == [1, 3, 16]
    assert port_list(None) == [] and port_list("garbage") == []
    # an agent that answers the list's hex rendering as text (SONiC does)
    assert port_list(b"a0 01") == [1, 3, 16] and port_list(b"a0 01 00 00") == [1, 3, 16]
    assert port_list(b"a0") == [2, 3, 8, 11, 12]  # too short to tell: the octets 0x61, 0x30


def test_q_bridge_access_and_trunk_ports_and_the_voice_vlan() -> None:
    got = table(
        *PORTS,
        f"{oids.DOT1Q_VLAN_STATIC_NAME}.10|4|STAFF",
        f"{oids.DOT1Q_VLAN_STATIC_EGRESS}.10|4x|e0",  # ports 1, 2, 3
        f"{oids.DOT1Q_VLAN_STATIC_UNTAGGED}.10|4x|c0",  # 1 and 2 untagged
        f"{oids.DOT1Q_VLAN_STATIC_NAME}.40|4|VOICE",
        f"{oids.DOT1Q_VLAN_STATIC_EGRESS}.40|4x|60",  # 2 and 3, tagged
        f"{oids.DOT1Q_VLAN_STATIC_UNTAGGED}.40|4x|00",
        *[f"{oids.DOT1Q_PVID}.{i}|66|10" for i in (1, 2, 3)],
        f"{oids.LLDP_X_MED_REM_POLICY_VLAN}.0.2.1.1|66|40",  # the phone on ge2: voice on 40
        f"{oids.LLDP_X_MED_REM_POLICY_VLAN}.0.2.1.2|66|41",  # voice signalling: not the voice VLAN
    )
    assert got is not None
    by_id = {vl.vlan_id: vl for vl in got.vlans}
    assert by_id[10].name == "STAFF" and by_id[10].untagged == ["ge1", "ge2"]
    assert by_id[10].tagged == ["ge3"] and by_id[40].tagged == ["ge2", "ge3"]
    ports = {p.port: p for p in got.ports}
    assert ports["ge1"].access_vlan == 10 and ports["ge1"].trunk is False
    assert ports["ge3"].trunk is True
    # one tagged VLAN beside the data VLAN: an access port with a phone's voice VLAN
    assert ports["ge2"].trunk is False and ports["ge2"].voice_vlan == 40


def test_cisco_vtp_names_and_membership() -> None:
    got = table(
        *PORTS,
        f"{oids.VTP_VLAN_NAME}.1.1|4|default",
        f"{oids.VTP_VLAN_NAME}.1.30|4|POLICE-CJI",
        f"{oids.VM_VLAN}.1|66|30",
        f"{oids.VTP_TRUNK_DYNAMIC_STATUS}.3|2|1",  # trunking
        f"{oids.VTP_TRUNK_DYNAMIC_STATUS}.1|2|2",
    )
    assert got is not None
    assert [(vl.vlan_id, vl.name) for vl in got.vlans] == [(1, "default"), (30, "POLICE-CJI")]
    ports = {p.port: p for p in got.ports}
    assert ports["ge1"].access_vlan == 30 and ports["ge1"].trunk is False
    assert ports["ge3"].trunk is True and ports["ge3"].access_vlan is None


def test_no_vlan_mib_no_table() -> None:
    assert table(*PORTS) is None
    assert table(f"{oids.DOT1Q_VLAN_STATIC_NAME}.5000|4|bogus") is None  # out of range


def test_l2vlan_sub_interfaces_name_their_vlan() -> None:
    from netmap.infer.vlans import l2vlan_ids
    from netmap.model import Device, Interface

    d = Device(id="r", interfaces=[
        Interface(if_index=1, name="Vlan10", if_type=53),
        Interface(if_index=2, name="ge0.20", if_type=135),
        Interface(if_index=3, name="ge0", if_type=6),
        Interface(if_index=4, name="Vlan9999", if_type=135),  # not a VLAN id
        Interface(if_index=5, name="eth1.30", if_type=6),  # an Ethernet port, not a sub-interface
    ])  # fmt: skip
    assert l2vlan_ids(d) == [10, 20]


# --- per-VLAN BRIDGE-MIB instances (Cisco: community@vlan, SNMPv3 context vlan-N) --------------

DATA = Path(__file__).resolve().parent.parent / "data" / "snmprec"
LIBRENMS = Path(__file__).resolve().parents[3] / "shared" / "recordings" / "librenms" / "snmprec"


def read(path: Path) -> tuple[list[MacEntry], VlanTable | None]:
    walker = CachingWalker(SnmprecWalker.from_file(path))

    async def both() -> tuple[list[MacEntry], VlanTable | None]:
        return await mac_address_table(walker), await vlans(walker)

    return asyncio.run(both())


def test_cisco_forwarding_table_is_read_in_every_vlan_instance() -> None:
    macs, table_ = read(DATA / "cisco-vlans.snmprec")
    got = {(e.mac, e.interface, e.vlan) for e in macs}
    assert got == {
        ("00:11:22:33:44:01", "Gi1/0/1", 1),  # the default instance is VLAN 1's
        ("aa:bb:cc:00:00:01", "Gi1/0/24", 1),
        # VLAN 20's instance numbers its bridge ports its own way (2, 3, 24)
        ("00:11:22:33:44:02", "Gi1/0/2", 20),
        ("00:11:22:33:44:03", "Gi1/0/3", 20),
        ("aa:bb:cc:00:00:01", "Gi1/0/24", 20),
    }
    assert table_ is not None
    by_id = {vl.vlan_id: vl for vl in table_.vlans}
    assert by_id[20].untagged == ["Gi1/0/2", "Gi1/0/3"] and by_id[20].tagged == ["Gi1/0/24"]
    # the trunk's native VLAN leaves it untagged; 1002 (FDDI default) has no instance to read
    assert by_id[1].untagged == ["Gi1/0/1", "Gi1/0/24"] and by_id[1002].untagged == []
    ports = {p.port: p for p in table_.ports}
    assert ports["Gi1/0/24"].trunk is True and ports["Gi1/0/2"].access_vlan == 20


def test_a_missing_vlan_instance_costs_nothing_more() -> None:
    """Without the per-VLAN recording (an agent that does not index by VLAN), VLAN 1's table
    is still read and nothing fails."""
    lines = (DATA / "cisco-vlans.snmprec").read_text().splitlines()
    macs = asyncio.run(mac_address_table(CachingWalker(SnmprecWalker(parse_lines(lines)))))
    assert {e.vlan for e in macs} == {1}


def test_static_names_without_static_port_lists_use_the_current_ones() -> None:
    """Many agents name VLANs in the static table but give port lists only in the current one."""
    got = table(
        *PORTS,
        f"{oids.DOT1Q_VLAN_STATIC_NAME}.10|4|STAFF",
        f"{oids.DOT1Q_VLAN_CURRENT_EGRESS}.0.10|4x|e0",
        f"{oids.DOT1Q_VLAN_CURRENT_UNTAGGED}.0.10|4x|c0",
    )
    assert got is not None and got.vlans[0].untagged == ["ge1", "ge2"]
    assert got.vlans[0].tagged == ["ge3"]


def test_port_list_bits_beyond_the_bridge_and_untagged_outside_egress_are_dropped() -> None:
    got = table(
        *PORTS,
        f"{oids.DOT1Q_VLAN_STATIC_NAME}.10|4|STAFF",
        f"{oids.DOT1Q_VLAN_STATIC_EGRESS}.10|4x|a0ff",  # ports 1, 3 and 9-16 (no such ports)
        f"{oids.DOT1Q_VLAN_STATIC_UNTAGGED}.10|4x|e0ff",  # 2 is untagged but not an egress port
    )
    assert got is not None
    assert got.vlans[0].untagged == ["ge1", "ge3"] and got.vlans[0].tagged == []


@pytest.mark.skipif(not (LIBRENMS / "ios_stp-vlans@98.snmprec").exists(),
                    reason="the LibreNMS recordings (../shared) are not here")  # fmt: skip
def test_a_real_cisco_switch_with_a_vlan_instance() -> None:
    """LibreNMS's recording of an IOS switch and its VLAN 98 instance: LibreNMS expects port
    80 (Gi2/0/24) tagged in VLAN 98 and untagged (native) in VLAN 1, like 27 access ports."""
    _macs, table_ = read(LIBRENMS / "ios_stp-vlans.snmprec")
    assert table_ is not None
    by_id = {vl.vlan_id: vl for vl in table_.vlans}
    assert by_id[98].name == "routing" and by_id[98].tagged == ["Gi2/0/24"]
    assert len(by_id[1].untagged) == 28 and "Gi2/0/24" in by_id[1].untagged
