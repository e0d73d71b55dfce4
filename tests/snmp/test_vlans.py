"""The `vlans` getter: Q-BRIDGE static VLANs and PVIDs, the Cisco VTP and VLAN-membership
tables, and the voice VLAN a phone announces in LLDP-MED, over the in-memory snmprec Walker."""

from __future__ import annotations

import asyncio

from netmap.discover.snmp import oids
from netmap.discover.snmp.getters import port_list, vlans
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.model import VlanTable

IFNAME = "1.3.6.1.2.1.31.1.1.1.1"


def table(*lines: str) -> VlanTable | None:
    return asyncio.run(vlans(SnmprecWalker(parse_lines(lines))))


PORTS = [f"{IFNAME}.{i}|4|ge{i}" for i in (1, 2, 3)] + [
    f"{oids.DOT1D_BASE_PORT_IF_INDEX}.{i}|2|{i}" for i in (1, 2, 3)]


def test_port_list_is_rfc_4363_bit_order() -> None:
    assert port_list(bytes([0b1010_0000, 0b0000_0001])) == [1, 3, 16]
    assert port_list(None) == [] and port_list("garbage") == []


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
