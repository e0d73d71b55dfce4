"""Topology: LLDP, forwarding-table placement, unmanaged switches, L3 subnets, uplink."""

from __future__ import annotations

from netmap.infer.pipeline import build_inventory
from netmap.infer.topology import INTERNET, graph_to_json, inventory_graph
from netmap.model import (
    Device,
    DeviceType,
    Facts,
    Interface,
    Inventory,
    IpAddress,
    Link,
    LinkConfidence,
    LinkSource,
    MacEntry,
    PortVlan,
    Role,
    Route,
    Vlan,
    VlanTable,
)

from .factory import arp, host, iface, lldp, mac, make_scan, router, snmp, svc, switch

PHONE = mac(0x30, "80:5e:c0")  # Yealink OUI
RTR_PORTS = [("ge0", mac(0x100), "100.64.0.2", 30), ("ge1", mac(0x101), "10.0.0.1", 24),
             ("ge2", mac(0x102), "10.0.2.1", 24)]


def ids(inv: Inventory) -> dict[str, str]:
    """device name / first address -> id"""
    out: dict[str, str] = {}
    for d in inv.devices:
        out[d.name or (d.addresses[0] if d.addresses else d.id)] = d.id
    return out


def between(inv: Inventory, a: str, b: str) -> list[Link]:
    return [link for link in inv.links if {link.a, link.b} == {a, b}]


def only_link(inv: Inventory, a: str, b: str) -> Link:
    found = between(inv, a, b)
    assert len(found) == 1, (a, b, inv.links)
    return found[0]


def unmanaged(inv: Inventory) -> list[Device]:
    return [d for d in inv.devices if d.inferred]


def test_ip_phone_with_pc_behind_it_is_not_an_unmanaged_switch() -> None:
    pc = mac(0x31)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [PHONE, pc]},
                   neighbours=[lldp("ge2", PHONE, name="phone1", remote_port="lan0", med=3)])
    inv = build_inventory(make_scan([*sw, arp("10.0.0.30", PHONE), arp("10.0.0.31", pc)]))
    n = ids(inv)
    assert unmanaged(inv) == []
    up = only_link(inv, n["sw1"], n["phone1"])
    assert (up.a, up.a_port, up.b_port) == (n["sw1"], "ge2", "lan0")
    assert (up.source, up.confidence) == (LinkSource.LLDP, LinkConfidence.ONE_SIDED)
    behind = only_link(inv, n["phone1"], n["10.0.0.31"])
    assert (behind.a, behind.source, behind.confidence) == (
        n["phone1"], LinkSource.FDB, LinkConfidence.INFERRED)
    assert between(inv, n["sw1"], n["10.0.0.31"]) == []
    assert next(d for d in inv.devices if d.id == n["phone1"]).type is DeviceType.PHONE


def test_the_far_side_of_a_radio_link_hangs_behind_the_near_radio() -> None:
    """A switch port that sees a point-to-point radio and the stations of the building across
    the link: the stations are behind the radio, and no unmanaged switch is made up."""
    radio, far = mac(0x40, "04:18:d6"), mac(0x41)  # a Ubiquiti OUI
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge3": [radio, far]})
    link = snmp("10.0.0.40", facts=Facts(hostname="ptp-a", sys_descr="airFiber AF-5XHD"),
                interfaces=[iface(1, "lan0", radio)])
    inv = build_inventory(make_scan([*sw, *link, arp("10.0.0.40", radio), arp("10.0.0.41", far)]))
    n = ids(inv)
    assert unmanaged(inv) == []
    assert next(d for d in inv.devices if d.id == n["ptp-a"]).type is DeviceType.WIRELESS_BRIDGE
    assert only_link(inv, n["sw1"], n["ptp-a"]).a_port == "ge3"
    behind = only_link(inv, n["ptp-a"], n["10.0.0.41"])
    assert "behind wireless bridge ptp-a" in behind.evidence, behind.evidence
    assert between(inv, n["sw1"], n["10.0.0.41"]) == []


def test_unmanaged_switch_behind_an_access_port() -> None:
    a, b, c = mac(0x22), mac(0x23), mac(0x24)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge4": [a, b, c], "ge5": [mac(0x25)]})
    obs = [*sw, arp("10.0.0.22", a), arp("10.0.0.23", b), arp("10.0.0.24", c),
           arp("10.0.0.25", mac(0x25))]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    (u,) = unmanaged(inv)
    assert u.type is DeviceType.SWITCH and u.id == f"unmanaged:{n['sw1']}:ge4"
    up = only_link(inv, n["sw1"], u.id)
    assert (up.a_port, up.source, up.confidence) == ("ge4", LinkSource.FDB,
                                                     LinkConfidence.INFERRED)
    for ip in ("10.0.0.22", "10.0.0.23", "10.0.0.24"):
        only_link(inv, u.id, n[ip])
        assert between(inv, n["sw1"], n[ip]) == []
    single = only_link(inv, n["sw1"], n["10.0.0.25"])
    assert single.a_port == "ge5"


def test_stations_behind_a_trunk_port_hang_off_a_switch_not_read() -> None:
    """The same three stations behind sw1.ge4, but sw1's Q-BRIDGE-MIB says ge4 trunks two
    tagged VLANs: what joins them reads tags, so it is a managed switch netmap could not read,
    not an unmanaged one."""
    a, b, c = mac(0x22), mac(0x23), mac(0x24)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge4": [a, b, c], "ge5": [mac(0x25)]})
    vlans = VlanTable(vlans=[Vlan(vlan_id=10, untagged=["ge5"], tagged=["ge4"]),
                             Vlan(vlan_id=20, tagged=["ge4"]),
                             # IOS's fixed FDDI and Token Ring VLANs, on every Catalyst
                             Vlan(vlan_id=1002, name="fddi-default"),
                             Vlan(vlan_id=1005, name="trnet-default")],
                      ports=[PortVlan(port="ge4", access_vlan=1, trunk=True),
                             PortVlan(port="ge5", access_vlan=10, trunk=False)])  # fmt: skip
    obs = [*sw, *snmp("10.0.0.2", vlans=vlans), arp("10.0.0.22", a), arp("10.0.0.23", b),
           arp("10.0.0.24", c), arp("10.0.0.25", mac(0x25))]
    inv = build_inventory(make_scan(obs))
    (u,) = unmanaged(inv)
    assert u.name == "switch not read (sw1 ge4)"
    assert "trunks VLANs" in u.evidence[0].detail
    n = ids(inv)
    assert only_link(inv, n["sw1"], u.id).a_port == "ge4"
    # the VLAN summary: VLAN 10's one host is the one on its access port
    (v10,) = [v for v in inv.vlans if v.vlan_id == 10]
    assert v10.devices == 1 and v10.subnets == ["10.0.0.0/24"]
    assert [v.vlan_id for v in inv.vlans] == [1, 10, 20]  # not IOS's reserved 1002-1005
    # the Subnets sheet names the VLAN its hosts are numbered in
    from netmap.render.inventory import subnets_table
    table = subnets_table(inv)
    assert table.rows[0][table.headers.index("VLAN")] == "10"


def test_hosts_behind_an_unmanaged_switch_count_in_its_access_vlan() -> None:
    """Three stations behind an unmanaged switch on sw1's ge4 (VLAN 10, untagged) are VLAN 10's
    hosts as much as the one cabled straight to ge5: the VLANs sheet counted 1."""
    a, b, c, d = mac(0x22), mac(0x23), mac(0x24), mac(0x25)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge4": [a, b, c], "ge5": [d]})
    vlans = VlanTable(vlans=[Vlan(vlan_id=10, untagged=["ge4", "ge5"])],
                      ports=[PortVlan(port="ge4", access_vlan=10, trunk=False),
                             PortVlan(port="ge5", access_vlan=10, trunk=False)])  # fmt: skip
    obs = [*sw, *snmp("10.0.0.2", vlans=vlans), arp("10.0.0.22", a), arp("10.0.0.23", b),
           arp("10.0.0.24", c), arp("10.0.0.25", d)]
    inv = build_inventory(make_scan(obs))
    assert len(unmanaged(inv)) == 1
    (v10,) = [v for v in inv.vlans if v.vlan_id == 10]
    assert v10.devices == 4


def _two_switches(lldp_on: bool, sw2_sees_sw1: bool) -> Inventory:
    """sw1.ge8 <-> sw2.ge1 trunk; eight hosts on sw2, one host and the scanner on sw1."""
    hosts = [mac(0x500 + i) for i in range(8)]
    local, scanner = mac(0x600), mac(0x601)
    n1 = [lldp("ge8", mac(0x300), name="sw2", remote_port="ge1")] if lldp_on else []
    n2 = [lldp("ge1", mac(0x200), name="sw1", remote_port="ge8")] if lldp_on else []
    sw1, _ = switch("10.0.0.2", "sw1", 0x200, neighbours=n1, tables={
        "ge8": [*hosts, mac(0x300)], "ge2": [local], "ge3": [scanner]})
    uplink2 = [local, scanner] + ([mac(0x200)] if sw2_sees_sw1 else [])
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, neighbours=n2, tables={
        "ge1": uplink2, **{f"ge{i + 2}": [h] for i, h in enumerate(hosts[:6])},
        "ge8": hosts[6:]})
    obs = [*sw1, *sw2, arp("10.0.0.2", mac(0x200)), arp("10.0.0.3", mac(0x300)),
           arp("10.0.0.60", local), host("10.0.0.61", reason="localhost-response"),
           arp("10.0.0.61", scanner)]
    obs += [arp(f"10.0.0.{100 + i}", h) for i, h in enumerate(hosts)]
    return build_inventory(make_scan(obs))


def test_trunk_carrying_many_macs_places_hosts_on_the_far_switch() -> None:
    inv = _two_switches(lldp_on=True, sw2_sees_sw1=True)
    n = ids(inv)
    trunk = only_link(inv, n["sw1"], n["sw2"])
    assert (trunk.source, trunk.confidence) == (LinkSource.LLDP, LinkConfidence.CONFIRMED)
    assert {(trunk.a, trunk.a_port), (trunk.b, trunk.b_port)} == {
        (n["sw1"], "ge8"), (n["sw2"], "ge1")}
    for i in range(6):
        link = only_link(inv, n["sw2"], n[f"10.0.0.{100 + i}"])
        assert link.a_port == f"ge{i + 2}"
        assert between(inv, n["sw1"], n[f"10.0.0.{100 + i}"]) == []
    assert only_link(inv, n["sw1"], n["10.0.0.60"]).a_port == "ge2"
    assert only_link(inv, n["sw1"], n["10.0.0.61"]).a_port == "ge3"
    # two hosts on sw2.ge8 with nothing managed behind: one unmanaged switch, there only
    (u,) = unmanaged(inv)
    assert only_link(inv, n["sw2"], u.id).a_port == "ge8"


def test_switches_without_lldp_are_linked_from_forwarding_tables() -> None:
    for sees in (True, False):  # sw2 may never have learned sw1's own MAC
        inv = _two_switches(lldp_on=False, sw2_sees_sw1=sees)
        n = ids(inv)
        trunk = only_link(inv, n["sw1"], n["sw2"])
        assert (trunk.source, trunk.confidence) == (LinkSource.FDB, LinkConfidence.INFERRED)
        assert {(trunk.a, trunk.a_port), (trunk.b, trunk.b_port)} == {
            (n["sw1"], "ge8"), (n["sw2"], "ge1")}
        assert only_link(inv, n["sw2"], n["10.0.0.100"]).a_port == "ge2"
        assert only_link(inv, n["sw1"], n["10.0.0.60"]).a_port == "ge2"
        # each switch's account once: read from either end, the pair is one line
        learned = [e for e in trunk.evidence if "learned on" in e]
        assert len(learned) == 1, learned


def test_a_host_with_one_ethernet_port_up_is_cabled_by_that_port() -> None:
    """The switch's table says where the cable plugs in; a host that reports one Ethernet
    port up says which of its ports it is. Two ports up (or none reported) name none."""
    nas, cam = mac(0x51), mac(0x52)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge3": [nas], "ge4": [cam]})

    def ports(*names: str) -> list[Interface]:
        lo = Interface(if_index=1, name="lo", if_type=24, is_up=True)
        return [lo] + [iface(i + 2, n, mac(0x60 + i)).model_copy(update={"if_type": 6})
                       for i, n in enumerate(names)]

    obs = [*sw, arp("10.0.0.2", mac(0x200)), arp("10.0.0.51", nas), arp("10.0.0.52", cam),
           *snmp("10.0.0.51", facts=Facts(hostname="nas"), interfaces=ports("lan0")),
           *snmp("10.0.0.52", facts=Facts(hostname="cam"), interfaces=ports("eth0", "eth1"))]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    cable = only_link(inv, n["sw1"], n["nas"])
    ends = {(cable.a, cable.a_port), (cable.b, cable.b_port)}
    assert ends == {(n["sw1"], "ge3"), (n["nas"], "lan0")}
    assert "lan0: the device's only Ethernet port that is up" in cable.evidence
    two = only_link(inv, n["sw1"], n["cam"])
    assert None in (two.a_port, two.b_port)


def test_a_host_port_is_the_one_whose_mac_the_switch_learned() -> None:
    """Two ports up, but the switch learned the second one's MAC: that is the cabled one."""
    eth1 = mac(0x71)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge5": [eth1]})
    ports = [iface(2, "eth0", mac(0x70)), iface(3, "eth1", eth1)]
    obs = [*sw, arp("10.0.0.2", mac(0x200)), arp("10.0.0.53", eth1),
           *snmp("10.0.0.53", facts=Facts(hostname="srv"), interfaces=ports)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    cable = only_link(inv, n["sw1"], n["srv"])
    assert {(cable.a, cable.a_port), (cable.b, cable.b_port)} == {
        (n["sw1"], "ge5"), (n["srv"], "eth1")}


def test_chain_of_three_switches_links_only_neighbours() -> None:
    """sw1.ge8 - sw2.ge1 ... sw2.ge8 - sw3.ge1: sw1 and sw3 are not directly connected."""
    s1, s2, s3 = mac(0x200), mac(0x300), mac(0x400)
    h3 = mac(0x700)
    sw1, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge8": [s2, s3, h3]})
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, tables={"ge1": [s1], "ge8": [s3, h3]})
    sw3, _ = switch("10.0.0.4", "sw3", 0x400, tables={"ge1": [s1, s2], "ge5": [h3]})
    obs = [*sw1, *sw2, *sw3, arp("10.0.0.2", s1), arp("10.0.0.3", s2), arp("10.0.0.4", s3),
           arp("10.0.0.70", h3)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    assert between(inv, n["sw1"], n["sw3"]) == []
    only_link(inv, n["sw1"], n["sw2"])
    only_link(inv, n["sw2"], n["sw3"])
    assert only_link(inv, n["sw3"], n["10.0.0.70"]).a_port == "ge5"
    assert unmanaged(inv) == []


def test_routed_host_is_placed_via_router_arp_and_fdb() -> None:
    pc = mac(0x42)
    sw, _ = switch("10.0.2.2", "sw2", 0x400, tables={"ge1": [mac(0x102)], "ge5": [pc]},
                   default_gw="10.0.2.1")
    obs = [*sw, host("10.0.2.42"), host("10.0.2.2"),
           *router("10.0.0.1", "rtr1", RTR_PORTS, arp_rows=[("10.0.2.42", pc, "ge2")])]
    inv = build_inventory(make_scan(obs, targets=["10.0.0.0/24", "10.0.2.0/24"]))
    n = ids(inv)
    link = only_link(inv, n["sw2"], n["10.0.2.42"])
    assert (link.a_port, link.source) == ("ge5", LinkSource.FDB)
    uplink = only_link(inv, n["sw2"], n["rtr1"])
    assert uplink.a_port == "ge1"
    assert uplink.b_port == "ge2"  # sw2 learned the MAC of the router's ge2
    assert not [lk for lk in inv.links if lk.a == n["10.0.2.42"] and lk.b.startswith("subnet:")]
    # the Links sheet gives the router's address on the port each row uses (ge2 is 10.0.2.1),
    # not its management address on every row
    from netmap.render.inventory import links_table
    rows = {(r[2], r[3]): r[1] for r in links_table(inv).rows if r[0] == "rtr1"}
    assert rows == {("ge0", "subnet 100.64.0.0/30"): "100.64.0.2",
                    ("ge1", "subnet 10.0.0.0/24"): "10.0.0.1",
                    ("ge2", "subnet 10.0.2.0/24"): "10.0.2.1"}
    assert [r[4] for r in links_table(inv).rows if r[3] == "rtr1"] == ["10.0.2.1"]
    ge2 = next(i for i in next(d for d in inv.devices if d.name == "rtr1").interfaces
               if i.name == "ge2")
    assert ge2.addresses == ["10.0.2.1"]
    from netmap.render.inventory import interfaces_table
    table = interfaces_table(inv)
    own = {r[table.headers.index("Port")]: r[table.headers.index("Port addresses")]
           for r in table.rows if r[0] == "rtr1"}
    assert own == {"ge0": "100.64.0.2", "ge1": "10.0.0.1", "ge2": "10.0.2.1"}


def test_a_router_with_its_own_forwarding_table_is_cabled_by_the_port_learned() -> None:
    """A router that switches too (a forwarding table of its own) never learned the switch; the
    switch learned the router's ge2, a routed Ethernet port: that is the router's end."""
    pc = mac(0x42)
    sw, _ = switch("10.0.2.2", "sw2", 0x400, tables={"ge1": [mac(0x102)], "ge5": [pc]})
    rtr = [o if o.getter != "interfaces" else o.model_copy(update={"data": [
        {**i, "if_type": 6} for i in o.data]}) for o in router("10.0.0.1", "rtr1", RTR_PORTS)]
    own_table = snmp("10.0.0.1", mac_address_table=[
        MacEntry(mac=mac(0x777), interface="ge1", status="learned")])
    obs = [*sw, host("10.0.2.42"), host("10.0.2.2"), *rtr, *own_table]
    inv = build_inventory(make_scan(obs, targets=["10.0.0.0/24", "10.0.2.0/24"]))
    n = ids(inv)
    cable = only_link(inv, n["sw2"], n["rtr1"])
    assert {(cable.a, cable.a_port), (cable.b, cable.b_port)} == {
        (n["sw2"], "ge1"), (n["rtr1"], "ge2")}


def test_default_route_marks_the_gateway_and_links_it_to_the_internet() -> None:
    server = snmp("10.0.2.10", facts=Facts(hostname="srv"),
                  interfaces=[iface(2, "eth0", mac(0x10))],
                  ip_addresses=[IpAddress(if_index=2, address="10.0.2.10", prefix_length=24)],
                  routes=[Route(destination="0.0.0.0/0", next_hop="10.0.2.1")])
    obs = [*router("10.0.0.1", "rtr1", RTR_PORTS, default="100.64.0.1", default_if="ge0",
                   arp_rows=[("100.64.0.1", mac(0x999), "ge0")]), *server]
    inv = build_inventory(make_scan(obs, targets=["10.0.0.0/24"]))
    n = ids(inv)
    up = only_link(inv, n["rtr1"], INTERNET)
    assert (up.a_port, up.source) == ("ge0", LinkSource.ROUTE)
    assert inv.uplink is not None
    assert (inv.uplink.router, inv.uplink.next_hop, inv.uplink.interface) == (
        n["rtr1"], "100.64.0.1", "ge0")
    rtr = next(d for d in inv.devices if d.id == n["rtr1"])
    srv = next(d for d in inv.devices if d.id == n["srv"])
    assert Role.GATEWAY in rtr.roles and Role.GATEWAY not in srv.roles
    # the ISP's next hop (only in the router's ARP cache) is not a device
    assert not any("100.64.0.1" in d.addresses for d in inv.devices)
    # LAN subnets from the router's interfaces; the WAN transfer net is the uplink, not a LAN
    assert [s.cidr for s in inv.subnets] == ["10.0.0.0/24", "10.0.2.0/24"]
    assert all(s.gateway == n["rtr1"] for s in inv.subnets)
    assert only_link(inv, n["rtr1"], "subnet:10.0.2.0/24").a_port == "ge2"


def test_no_default_route_no_internet_link() -> None:
    inv = build_inventory(make_scan(router("10.0.0.1", "rtr1", RTR_PORTS)))
    assert inv.uplink is None
    assert not [lk for lk in inv.links if INTERNET in (lk.a, lk.b)]


def test_host_seen_only_by_arp_is_unplaced_on_its_subnet() -> None:
    inv = build_inventory(make_scan([arp("10.0.0.9", mac(9), vendor="Intel Corporate")]))
    (dev,) = inv.devices
    assert dev.id == f"mac:{mac(9)}"
    (link,) = inv.links
    assert (link.a, link.b, link.source, link.confidence) == (
        dev.id, "subnet:10.0.0.0/24", LinkSource.SUBNET, LinkConfidence.UNPLACED)
    assert inv.subnets[0].devices == [dev.id]


def test_device_with_two_ips_in_two_subnets_joins_both() -> None:
    m1, m2 = mac(0x11), mac(0x12)
    obs = [arp("10.0.1.5", m1), host("10.0.2.5"),
           *snmp("10.0.1.5", facts=Facts(hostname="dual"),
                 interfaces=[iface(2, "eth0", m1), iface(3, "eth1", m2)],
                 ip_addresses=[IpAddress(if_index=2, address="10.0.1.5", prefix_length=24),
                               IpAddress(if_index=3, address="10.0.2.5", prefix_length=24)])]
    inv = build_inventory(make_scan(obs, targets=["10.0.1.0/24", "10.0.2.0/24"]))
    (dev,) = inv.devices
    assert dev.addresses == ["10.0.1.5", "10.0.2.5"]
    assert {s.cidr: s.devices for s in inv.subnets} == {
        "10.0.1.0/24": [dev.id], "10.0.2.0/24": [dev.id]}
    assert {lk.b for lk in inv.links if lk.confidence is LinkConfidence.UNPLACED} == {
        "subnet:10.0.1.0/24", "subnet:10.0.2.0/24"}


def test_multihomed_host_placed_on_two_switches() -> None:
    m1, m2 = mac(0x11), mac(0x12)
    sw1, _ = switch("10.0.1.2", "sw1", 0x200, tables={"ge3": [m1]})
    sw2, _ = switch("10.0.2.2", "sw2", 0x300, tables={"ge4": [m2]})
    obs = [*sw1, *sw2, arp("10.0.1.5", m1), arp("10.0.2.5", m2),
           *snmp("10.0.1.5", facts=Facts(hostname="dual"),
                 interfaces=[iface(2, "eth0", m1), iface(3, "eth1", m2)])]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    assert only_link(inv, n["sw1"], n["dual"]).a_port == "ge3"
    assert only_link(inv, n["sw2"], n["dual"]).a_port == "ge4"


def test_lldp_from_both_ends_is_confirmed_and_ports_are_canonical() -> None:
    """sw2 reports sw1's port by its MAC (port id subtype 3): still named by sw1's ifName."""
    sw1, ports1 = switch("10.0.0.2", "sw1", 0x200,
                         neighbours=[lldp("ge7", mac(0x300), name="sw2", remote_port="ge1")])
    n2 = lldp("ge1", mac(0x200), name="sw1")
    n2 = n2.model_copy(update={"remote_port": ports1["ge7"], "remote_port_subtype": 3})
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, neighbours=[n2])
    inv = build_inventory(make_scan([*sw1, *sw2]))
    n = ids(inv)
    link = only_link(inv, n["sw1"], n["sw2"])
    assert link.confidence is LinkConfidence.CONFIRMED
    assert {(link.a, link.a_port), (link.b, link.b_port)} == {(n["sw1"], "ge7"),
                                                              (n["sw2"], "ge1")}


def test_hosts_behind_a_switch_without_forwarding_table_hang_off_it() -> None:
    """sw2 speaks LLDP and is classified a switch, but exposes no FDB: its hosts, learned on
    sw1's port towards it, are placed behind it (port unknown), not on an unmanaged switch."""
    h1, h2 = mac(0x51), mac(0x52)
    sw1, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge8": [mac(0x300), h1, h2]},
                    neighbours=[lldp("ge8", mac(0x300), name="sw2", caps=["bridge"])])
    obs = [*sw1, arp("10.0.0.3", mac(0x300)), arp("10.0.0.51", h1), arp("10.0.0.52", h2)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    assert unmanaged(inv) == []
    assert only_link(inv, n["sw1"], n["sw2"]).a_port == "ge8"
    for ip in ("10.0.0.51", "10.0.0.52"):
        link = only_link(inv, n["sw2"], n[ip])
        assert (link.a_port, link.confidence) == (None, LinkConfidence.INFERRED)


def test_every_device_gets_a_link_or_none_without_evidence() -> None:
    """No link without evidence: a device outside every known subnet stays unlinked."""
    inv = build_inventory(make_scan([arp("192.168.50.9", mac(9))], targets=["10.0.0.0/24"]))
    assert inv.links == []


def test_graph_nodes_edges_and_json() -> None:
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [mac(0x31)]})
    obs = [*sw, arp("10.0.0.31", mac(0x31)),
           *router("10.0.0.1", "rtr1", RTR_PORTS, default="100.64.0.1", default_if="ge0")]
    inv = build_inventory(make_scan(obs))
    g = inventory_graph(inv)
    n = ids(inv)
    assert g.nodes[INTERNET]["kind"] == "internet"
    assert g.nodes["subnet:10.0.0.0/24"]["kind"] == "subnet"
    edge = g.edges[n["sw1"], n["10.0.0.31"]]
    assert edge["ports"][n["sw1"]] == "ge2" and edge["link_source"] == "fdb"
    data = graph_to_json(g)
    assert {e["source"] for e in data["links"]} | {e["target"] for e in data["links"]} <= {
        node["id"] for node in data["nodes"]}
    assert len(data["links"]) == g.number_of_edges()


def test_services_do_not_change_topology_ids() -> None:
    """Unrelated extra observations must not move anyone: ids and links are stable."""
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [mac(0x31)]})
    base = [*sw, arp("10.0.0.31", mac(0x31))]
    a = build_inventory(make_scan(base))
    b = build_inventory(make_scan([*base, svc("10.0.0.31", 22, "ssh")]))
    assert [d.id for d in a.devices] == [d.id for d in b.devices]
    assert a.links == b.links


def test_interface_by_ifindex_names_ports() -> None:
    """FDB rows that carry only an ifIndex are named with the switch's ifName."""
    from netmap.model import MacEntry

    h = mac(0x77)
    obs = [*snmp("10.0.0.2", facts=Facts(hostname="sw1", sys_object_id="1.3.6.1.4.1.11.2.3.7.11.1"),
                 interfaces=[Interface(if_index=1, name="vlan1", mac_address=mac(0x200)),
                             Interface(if_index=14, name="Gi1/0/14", mac_address=mac(0x20E))],
                 mac_address_table=[MacEntry(mac=h, if_index=14)]),
           arp("10.0.0.77", h)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    assert only_link(inv, n["sw1"], n["10.0.0.77"]).a_port == "Gi1/0/14"


def test_lldp_without_remote_port_joins_the_fdb_view_of_the_same_cable() -> None:
    """srv reports sw1 by LLDP without a port id; sw1 learned srv's MAC on ge2: one cable."""
    s = mac(0x10)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [s]})
    srv = snmp("10.0.0.10", facts=Facts(hostname="srv"), interfaces=[iface(2, "lan0", s)],
               lldp_neighbors_detail=[lldp("lan0", mac(0x200), name="sw1")])
    inv = build_inventory(make_scan([*sw, *srv, arp("10.0.0.10", s)]))
    n = ids(inv)
    link = only_link(inv, n["sw1"], n["srv"])
    assert (link.a_port, link.b_port, link.source, link.confidence) == (
        "ge2", "lan0", LinkSource.LLDP, LinkConfidence.ONE_SIDED)


def test_host_on_a_dumb_switch_between_two_managed_switches() -> None:
    """h sits on an unmanaged switch cabled between sw2.ge4 and sw3.ge1. sw1's stale table
    holds only sw2 and h on ge8 (fewer MACs than sw2.ge4 holds), yet h belongs past sw2."""
    s1, s2, s3, h, scanner = mac(0x200), mac(0x300), mac(0x400), mac(0x50), mac(0x51)
    xs = [mac(0x60 + i) for i in range(10)]
    sw1, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge8": [s2, h], "ge3": [scanner]})
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, tables={"ge1": [s1, scanner],
                                                      "ge4": [s3, h, *xs]})
    sw3, _ = switch("10.0.0.4", "sw3", 0x400, tables={
        "ge1": [s1, s2, scanner], **{f"ge{i + 2}": [x] for i, x in enumerate(xs)}})
    obs = [*sw1, *sw2, *sw3, arp("10.0.0.2", s1), arp("10.0.0.3", s2), arp("10.0.0.4", s3),
           arp("10.0.0.50", h), arp("10.0.0.51", scanner)]
    obs += [arp(f"10.0.0.{100 + i}", x) for i, x in enumerate(xs)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    (u,) = unmanaged(inv)
    assert only_link(inv, n["sw2"], u.id).a_port == "ge4"
    assert only_link(inv, n["sw3"], u.id).a_port == "ge1"
    only_link(inv, u.id, n["10.0.0.50"])
    trunk = only_link(inv, n["sw1"], n["sw2"])
    assert {(trunk.a, trunk.a_port), (trunk.b, trunk.b_port)} == {(n["sw1"], "ge8"),
                                                                  (n["sw2"], "ge1")}
    assert between(inv, n["sw2"], n["sw3"]) == [] and between(inv, n["sw1"], n["sw3"]) == []
    assert only_link(inv, n["sw3"], n["10.0.0.100"]).a_port == "ge2"


def test_hosts_in_a_per_vlan_forwarding_table_are_placed_and_say_their_vlan() -> None:
    """A Cisco switch's VLAN 20 table (read in its own BRIDGE-MIB instance) places VLAN 20's
    hosts like VLAN 1's, and the link's evidence names the VLAN the MAC was learned in."""
    a, b = mac(0x22), mac(0x23)
    sw = [o for o in switch("10.0.0.2", "sw1", 0x200)[0] if o.getter != "mac_address_table"]
    table = [MacEntry(mac=a, interface="ge2", vlan=20, status="learned"),
             MacEntry(mac=b, interface="ge3", vlan=1, status="learned")]  # fmt: skip
    obs = [*sw, *snmp("10.0.0.2", mac_address_table=table), arp("10.0.0.22", a),
           arp("10.0.0.23", b)]
    inv = build_inventory(make_scan(obs))
    n = ids(inv)
    link = only_link(inv, n["sw1"], n["10.0.0.22"])
    assert link.a_port == "ge2" or link.b_port == "ge2"
    assert any("in VLAN 20" in e for e in link.evidence), link.evidence
    assert any("in VLAN 1 " in e for e in only_link(inv, n["sw1"], n["10.0.0.23"]).evidence)


def test_a_phone_on_a_port_with_a_voice_vlan_counts_in_the_voice_vlan() -> None:
    """The switch tells the phone its voice VLAN (LLDP-MED) and the phone tags its frames so:
    the VLANs sheet counts it there, and its subnet is the voice VLAN's; the PC on the next
    port stays in the data VLAN."""
    pc = mac(0x26)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [PHONE], "ge3": [pc]})
    vlans = VlanTable(vlans=[Vlan(vlan_id=10, untagged=["ge2", "ge3"]),
                             Vlan(vlan_id=40, tagged=["ge2"])],
                      ports=[PortVlan(port="ge2", access_vlan=10, trunk=False, voice_vlan=40),
                             PortVlan(port="ge3", access_vlan=10, trunk=False)])  # fmt: skip
    obs = [*sw, *snmp("10.0.0.2", vlans=vlans), arp("10.0.0.30", PHONE), arp("10.0.0.26", pc),
           svc("10.0.0.30", 5060, "sip", proto="udp")]
    inv = build_inventory(make_scan(obs))
    assert next(d for d in inv.devices if "10.0.0.30" in d.addresses).type is DeviceType.PHONE
    by_id = {v.vlan_id: v for v in inv.vlans}
    assert (by_id[40].devices, by_id[40].voice, by_id[10].devices) == (1, True, 1)
    # the subnet is the data VLAN's, though the phone on the voice VLAN is numbered in it too:
    # the Subnets sheet said "40", the last VLAN to name the subnet
    from netmap.infer.vlans import subnet_vlans
    from netmap.render.inventory import subnets_table
    assert subnet_vlans(inv.vlans)["10.0.0.0/24"].vlan_id == 10
    table = subnets_table(inv)
    assert table.rows[0][table.headers.index("VLAN")] == "10"


def test_radio_islands_are_what_only_an_air_link_joins() -> None:
    """The garage behind the far radio is an island; with a cable run beside the radio path
    (a ring) there is none; the side holding the internet uplink's router is the near one."""
    from netmap.infer.topology import radio_islands
    from netmap.model import LinkConfidence, LinkSource, Uplink
    from tests.render.factory import garage_across_a_radio

    inv = garage_across_a_radio()
    ids = {d.name: d.id for d in inv.devices}
    (island,) = radio_islands(inv)
    assert (island.near, island.far, island.behind) == (ids["ptp-a"], ids["ptp-b"], (ids["pc1"],))
    # the uplink's router in the garage makes City Hall's radio the far one
    uplinked = inv.model_copy(update={"uplink": Uplink(router=ids["pc1"], interface="wan")})
    (island,) = radio_islands(uplinked)
    assert island.far == ids["ptp-a"] and set(island.behind) == {ids["sw1"], ids["ws1"]}
    ring = inv.links[0].model_copy(update={"a": ids["sw1"], "a_port": "ge9", "b": ids["pc1"],
                                           "b_port": None,
                                           "source": LinkSource.FDB,
                                           "confidence": LinkConfidence.INFERRED})  # fmt: skip
    assert radio_islands(inv.model_copy(update={"links": [*inv.links, ring]})) == []
