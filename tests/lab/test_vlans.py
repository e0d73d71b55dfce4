"""Issue 15, item 3, on the lab: VLANs from the switches' Q-BRIDGE-MIB, the Catalyst-style
switch's VTP tables and per-VLAN BRIDGE-MIB instances, and the phone's LLDP-MED network policy,
compared with the lab's VLAN plan (its ground truth).

This kernel's bridges cannot tag frames, so each lab switch serves its VLAN plan in Q-BRIDGE-MIB
(static VLAN table, PVIDs, per-VLAN forwarding database) while its frames stay untagged; sw-pd
serves it as a Catalyst does (CISCO-VTP-MIB, and its VLAN 30 table behind community@30, a
second snmpd that the first proxies to); the phone's voice VLAN is real LLDP-MED from lldpd."""

from __future__ import annotations

from typing import Any

import openpyxl
import pytest

from netmap.infer.vlans import port_vlans
from netmap.model import Inventory
from netmap.store import Store
from tests.lab.conftest import LabScan

pytestmark = pytest.mark.lab


@pytest.fixture(scope="module")
def inv(lab_scan: LabScan) -> Inventory:
    found = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert found is not None
    return found


def test_every_planned_vlan_found_with_its_name_and_subnet(lab: Any, inv: Inventory) -> None:
    found = {v.vlan_id: v for v in inv.vlans}
    for subnet in lab.subnets:
        if subnet.vlan is None:
            continue
        assert found[subnet.vlan].name == subnet.vlan_name
        assert found[subnet.vlan].subnets[:1] == [subnet.cidr]  # its hosts are numbered there
        if subnet.voice_vlan:
            assert found[subnet.voice_vlan].voice  # the phone announced it (LLDP-MED)


def test_switch_ports_match_the_plan(lab: Any, inv: Inventory) -> None:
    by_name = {(d.name or "").split(".")[0]: d for d in inv.devices}
    checked = 0
    for truth in lab.devices:
        if truth.vlans is None:
            continue
        got = port_vlans(by_name[truth.name])
        for port, plan in truth.vlans.ports.items():
            assert got[port].access_vlan == plan.pvid, (truth.name, port)
            assert got[port].trunk is plan.trunk, (truth.name, port)
            assert got[port].allowed == sorted({*plan.untagged, *plan.tagged}), (truth.name, port)
            checked += 1
    assert checked >= 30


def test_workbook_shows_vlans(lab_scan: LabScan, inv: Inventory) -> None:
    wb = openpyxl.load_workbook(lab_scan.out_dir / lab_scan.scan_id / "inventory.xlsx")
    rows = list(wb["VLANs"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {v.vlan_id for v in inv.vlans}
    header = [c.value for c in wb["Interfaces"][1]]
    assert {"Access VLAN", "Trunk", "Allowed VLANs"} <= set(header)
    voice = [r for r in wb["Interfaces"].iter_rows(min_row=2, values_only=True)
             if r[header.index("Access VLAN")] and "voice" in str(r[header.index("Access VLAN")])]
    assert voice, "the phone's port shows its voice VLAN"


def test_a_catalyst_places_its_hosts_from_its_vlan_instance(lab: Any, inv: Inventory) -> None:
    """sw-pd's own VLAN 1 table is empty: its hosts are placed only from VLAN 30's instance
    (community@30), each on its port, and the links say the VLAN."""
    cisco = [t for t in lab.devices if t.snmp is not None and t.snmp.vlan_mib == "cisco"]
    assert cisco, "the lab has a Catalyst-style switch"
    by_name = {(d.name or "").split(".")[0]: d for d in inv.devices}
    for truth in cisco:
        switch = by_name[truth.name]
        assert switch.vlans is not None
        assert {v.source for v in switch.vlans.vlans} == {"CISCO-VTP-MIB"}
        vid = truth.vlans.fdb
        placed = 0
        for link in lab.links:
            if truth.name not in (link.a, link.b) or link.kind != "access":
                continue
            port = link.a_port if link.a == truth.name else link.b_port
            host = by_name[link.b if link.a == truth.name else link.a]
            found = [x for x in inv.links if {x.a, x.b} == {switch.id, host.id}]
            assert found, (truth.name, port, host.name)
            ends = {found[0].a_port, found[0].b_port}
            assert port in ends and any(f"in VLAN {vid}" in e for e in found[0].evidence)
            placed += 1
        assert placed >= 1
