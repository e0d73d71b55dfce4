"""merge(): identity by MAC / chassis / serial / engine id / sysName, conflicts, stable ids."""

from __future__ import annotations

import pytest

from netmap.infer.merge import merge, merge_with_index
from netmap.model import Facts, InventoryItem, IpAddress

from .factory import arp, dns, host, iface, lldp, mac, make_scan, router, snmp, svc, switch


def test_router_with_five_interfaces_is_one_device() -> None:
    ports = [(f"ge{i}", mac(0x100 + i), f"10.0.{i}.1", 24) for i in range(5)]
    # the scanner also reaches three of its addresses directly
    obs = [*router("10.0.0.1", "rtr1", ports), host("10.0.0.1", mac(0x100)), host("10.0.3.1"),
           svc("10.0.4.1", 22, "ssh")]
    devices = merge(make_scan(obs))
    assert len(devices) == 1
    rtr = devices[0]
    assert rtr.addresses == [f"10.0.{i}.1" for i in range(5)]
    assert rtr.macs == sorted(mac(0x100 + i) for i in range(5))
    assert rtr.id == f"mac:{mac(0x100)}"  # the MAC seen directly by the scanner
    assert rtr.name == "rtr1"
    assert [s.port for s in rtr.services] == [22]


def test_host_seen_by_arp_nmap_snmp_is_one_row_with_every_address() -> None:
    m = mac(7)
    obs = [
        arp("10.0.0.7", m, vendor="Dell"),
        host("10.0.0.7", m, hostname="files.city.lan"),
        dns("10.0.0.7", "files.city.lan"),
        svc("10.0.0.7", 445, "microsoft-ds"),
        *snmp("10.0.0.7", facts=Facts(hostname="files"),
              interfaces=[iface(2, "eth0", m), iface(3, "eth1", mac(8))],
              ip_addresses=[IpAddress(if_index=2, address="10.0.0.7", prefix_length=24),
                            IpAddress(if_index=3, address="10.0.9.7", prefix_length=24),
                            IpAddress(if_index=1, address="127.0.0.1", prefix_length=8)]),
    ]
    devices = merge(make_scan(obs))
    assert len(devices) == 1
    d = devices[0]
    assert d.addresses == ["10.0.0.7", "10.0.9.7"]  # loopback is never an identity
    assert d.macs == [m, mac(8)]
    assert d.name == "files"  # snmp outranks nmap/dns
    assert d.vendor == "Dell"
    assert {"arp", "nmap", "nmap:service", "dns", "snmp"} <= set(d.sources)
    assert d.snmp_credential == "lab"


def test_identity_evidence_names_the_source_of_each_kept_value() -> None:
    m = mac(9)
    facts = Facts(hostname="sw9", model="WS-C2960X-48FPS-L", serial_number="FOC0000X0AA",
                  identity_evidence=["model: ENTITY-MIB chassis 1001 entPhysicalModelName",
                                     "serial_number: ENTITY-MIB chassis 1001 entPhysicalSerialNum"])
    obs = [arp("10.0.0.9", m, vendor="Cisco"), host("10.0.0.9", m),
           *snmp("10.0.0.9", facts=facts, interfaces=[iface(2, "vlan1", m)])]
    d = merge(make_scan(obs))[0]
    assert d.identity_evidence == [
        "vendor: maker of the MAC address (ARP reply)",  # SNMP named no vendor here
        "model: ENTITY-MIB chassis 1001 entPhysicalModelName",
        "serial: ENTITY-MIB chassis 1001 entPhysicalSerialNum",
    ]


def test_loopback_addresses_do_not_join_unrelated_agents() -> None:
    lo = IpAddress(if_index=1, address="127.0.0.1", prefix_length=8)
    obs = [*snmp("10.0.0.5", facts=Facts(hostname="a"), ip_addresses=[lo]),
           *snmp("10.0.0.6", facts=Facts(hostname="b"), ip_addresses=[lo])]
    assert len(merge(make_scan(obs))) == 2


def test_renamed_device_keeps_its_id() -> None:
    m = mac(0x55)

    def scan(name: str, scan_id: str) -> list[str]:
        obs = [arp("10.0.0.5", m),
               *snmp("10.0.0.5", facts=Facts(hostname=name), interfaces=[iface(1, "eth0", m)])]
        return [d.id for d in merge(make_scan(obs, scan_id=scan_id))]

    assert scan("old-name", "a") == scan("new-name", "b") == [f"mac:{m}"]


def test_renamed_device_name_conflict_is_recorded() -> None:
    m = mac(0x55)
    sw_obs, _ = switch("10.0.0.2", "sw1", 0x900, neighbours=[lldp("ge3", m, name="old-name")])
    obs = [arp("10.0.0.5", m), *sw_obs,
           *snmp("10.0.0.5", facts=Facts(hostname="new-name"), interfaces=[iface(1, "e0", m)])]
    dev = next(d for d in merge(make_scan(obs)) if m in d.macs)
    assert dev.name == "new-name"
    (c,) = [c for c in dev.conflicts if c.field == "name"]
    assert (c.kept, c.kept_source, c.other, c.other_source) == (
        "new-name", "snmp", "old-name", "lldp")


def test_lldp_only_neighbour_becomes_a_device_and_joins_by_chassis() -> None:
    phone = mac(0x30, "80:5e:c0")
    sw_obs, _ = switch("10.0.0.2", "sw1", 0x900,
                       neighbours=[lldp("ge2", phone, name="SEP-1", med=3)])
    devices = merge(make_scan([*sw_obs, arp("10.0.0.30", phone)]))
    (ph,) = [d for d in devices if phone in d.macs]
    assert ph.addresses == ["10.0.0.30"] and ph.name == "SEP-1"
    assert ph.vendor is not None and "Yealink" in ph.vendor  # OUI fallback


def test_same_sysname_on_two_agents_does_not_merge_them() -> None:
    obs = [*snmp("10.0.0.5", facts=Facts(hostname="edge"), interfaces=[iface(1, "e0", mac(1))]),
           *snmp("10.0.0.6", facts=Facts(hostname="edge"), interfaces=[iface(1, "e0", mac(2))])]
    result = merge_with_index(make_scan(obs))
    assert len(result.devices) == 2
    assert "name:edge" not in result.index  # ambiguous names resolve to nobody


def test_serial_number_joins_two_agents_of_one_box() -> None:
    obs = [*snmp("10.0.0.5", facts=Facts(hostname="a", serial_number="SN1")),
           *snmp("10.0.1.5", facts=Facts(hostname="a-mgmt", serial_number="SN1"))]
    (d,) = merge(make_scan(obs))
    assert d.addresses == ["10.0.0.5", "10.0.1.5"]
    assert d.serial == "SN1"


@pytest.mark.parametrize(("other", "disagree"), [
    ("FGT_60F", False),  # the lab's FortiGate: its inventory MIB's code for the same model
    ("FortiGate 60F", False),
    ("FortiGate 61F", True),  # another model
    ("FGT_40F", True),
    ("FortiGate", False),  # less said, nothing contradicted
    ("FortiWiFi 60F", True),  # the same number, another name: neither within the other
    ("", False),
])
def test_one_model_written_two_ways_is_no_disagreement(other: str, disagree: bool) -> None:
    """"Sources disagree" on every FortiGate of the lab: "FortiGate 60F" against "FGT_60F"."""
    chassis = InventoryItem(index=1, entity_class="chassis", model=other)
    obs = snmp("10.0.0.5", facts=Facts(hostname="fw", model="FortiGate 60F"), inventory=[chassis])
    (d,) = merge(make_scan(obs))
    assert d.model == "FortiGate 60F"
    assert bool([c for c in d.conflicts if c.field == "model"]) is disagree


def test_ip_claimed_by_two_macs_keeps_the_direct_arp_answer_and_records_it() -> None:
    good, stale = mac(1), mac(2)
    obs = [arp("10.0.0.9", good),
           *router("10.0.0.1", "r", [("ge0", mac(0x100), "10.0.0.1", 24)],
                   arp_rows=[("10.0.0.9", stale, "ge0")])]
    devices = merge(make_scan(obs))
    (d,) = [d for d in devices if "10.0.0.9" in d.addresses]
    assert d.macs == [good]
    (c,) = d.conflicts
    assert (c.field, c.kept, c.kept_source, c.other, c.other_source) == (
        "mac", good, "arp", stale, "snmp:arp")


def test_dns_alone_and_router_arp_alone_create_no_device() -> None:
    obs = [dns("10.0.0.40", "ghost.city.lan"),
           *router("10.0.0.1", "r", [("ge0", mac(0x100), "10.0.0.1", 24)],
                   arp_rows=[("100.64.0.1", mac(0x999), "ge0")])]
    devices = merge(make_scan(obs))
    assert [d.name for d in devices] == ["r"]


def test_fdb_station_is_a_device_and_router_arp_gives_it_an_address() -> None:
    pc = mac(0x42)
    sw_obs, _ = switch("10.0.2.2", "sw2", 0x900, tables={"ge5": [pc]})
    obs = [*sw_obs, host("10.0.2.42"),  # routed: nmap saw the address, no MAC
           *router("10.0.0.1", "r", [("ge0", mac(0x100), "10.0.0.1", 24),
                                     ("ge1", mac(0x101), "10.0.2.1", 24)],
                   arp_rows=[("10.0.2.42", pc, "ge1")])]
    (d,) = [d for d in merge(make_scan(obs)) if "10.0.2.42" in d.addresses]
    assert d.macs == [pc] and d.id == f"mac:{pc}"
    assert "snmp:arp" in d.sources and "snmp:fdb" in d.sources


def test_vrrp_mac_never_joins_two_routers() -> None:
    vrrp = "00:00:5e:00:01:01"
    obs = [*snmp("10.0.0.2", facts=Facts(hostname="r1"),
                 interfaces=[iface(1, "e0", mac(1)), iface(2, "vrrp", vrrp)]),
           *snmp("10.0.0.3", facts=Facts(hostname="r2"),
                 interfaces=[iface(1, "e0", mac(2)), iface(2, "vrrp", vrrp)])]
    assert len(merge(make_scan(obs))) == 2


def test_host_down_is_not_a_device() -> None:
    from netmap.model import HostObs

    obs = [HostObs(target="10.0.0.3", ip="10.0.0.3", state="down")]
    assert merge(make_scan(obs)) == []


def test_proxy_arp_answer_loses_to_the_host_itself() -> None:
    proxy, real = mac(1), mac(9)  # mac(1) < mac(9): the tie-break is not "lowest MAC"
    obs = [arp("10.0.0.9", proxy), arp("10.0.0.10", proxy), arp("10.0.0.11", proxy),
           arp("10.0.0.9", real)]
    devices = merge(make_scan(obs))
    (d,) = [d for d in devices if "10.0.0.9" in d.addresses]
    assert d.macs == [real]
    assert [(c.field, c.other) for c in d.conflicts] == [("mac", proxy)]


def test_address_stays_with_the_snmp_agent_that_owns_it() -> None:
    """A router answers ARP for its second address with another interface's MAC, while a
    stale host also answers: the router keeps the address because SNMP says it is its own."""
    r0, r1, stale = mac(0x102), mac(0x103), mac(0x01)
    obs = [*router("10.0.0.1", "r", [("ge0", r0, "10.0.0.1", 24), ("ge1", r1, "10.0.2.1", 24)]),
           arp("10.0.2.1", r0), arp("10.0.2.1", stale)]
    devices = merge(make_scan(obs))
    (r,) = [d for d in devices if d.name == "r"]
    assert "10.0.2.1" in r.addresses and stale not in r.macs


def test_cloned_mac_on_two_agents_does_not_join_them() -> None:
    clone = mac(0xC1)
    obs = [*snmp("10.0.0.5", facts=Facts(hostname="vm-a"), interfaces=[iface(1, "e0", clone)]),
           *snmp("10.0.0.6", facts=Facts(hostname="vm-b"), interfaces=[iface(1, "e0", clone)])]
    devices = merge(make_scan(obs))
    assert sorted(d.name or "" for d in devices) == ["vm-a", "vm-b"]
    assert [(s.kind, s.also_at) for s in devices[0].shared_identity] == [("MAC address", ["10.0.0.6"])]


def test_copied_engine_id_does_not_join_two_switches() -> None:
    """Two snmpd started from one configuration (or in one clock tick) report one engine ID:
    different sysNames and MACs say they are two boxes, so the engine ID is not an identity."""
    engine = "80001f888038eac93ddad9076b00000000"
    obs = [*snmp("10.0.1.3", facts=Facts(hostname="sw-a", engine_id=engine, serial_number="SA1"),
                 interfaces=[iface(1, "vlan1", mac(0xA0))]),
           *snmp("10.0.2.2", facts=Facts(hostname="sw-b", engine_id=engine, serial_number="SB2"),
                 interfaces=[iface(1, "vlan1", mac(0xB0))])]
    devices = {d.name: d for d in merge(make_scan(obs))}
    assert sorted(devices) == ["sw-a", "sw-b"]
    assert devices["sw-a"].serial == "SA1" and devices["sw-b"].serial == "SB2"
    (shared,) = devices["sw-a"].shared_identity
    assert (shared.kind, shared.value, shared.also_at) == ("SNMP engine ID", engine, ["10.0.2.2"])
    assert devices["sw-b"].shared_identity[0].also_at == ["10.0.1.3"]


def test_engine_id_joins_one_box_polled_twice_without_address_table() -> None:
    """No ipAddrTable, no ifTable: the engine ID and the one sysName are all that say it is one
    box, and they are enough."""
    engine = "800000090300aabbccddeeff"
    obs = [o for ip in ("10.0.0.1", "10.0.2.1")
           for o in snmp(ip, facts=Facts(hostname="r", engine_id=engine))]
    (d,) = merge(make_scan(obs))
    assert d.addresses == ["10.0.0.1", "10.0.2.1"] and d.shared_identity == []


def test_one_box_polled_on_two_addresses_stays_one() -> None:
    addrs = [IpAddress(if_index=1, address="10.0.0.1", prefix_length=24),
             IpAddress(if_index=2, address="10.0.2.1", prefix_length=24)]
    ifs = [iface(1, "ge0", mac(0x100)), iface(2, "ge1", mac(0x101))]
    obs = [o for ip in ("10.0.0.1", "10.0.2.1")
           for o in snmp(ip, facts=Facts(hostname="r"), interfaces=ifs, ip_addresses=addrs)]
    (d,) = merge(make_scan(obs))
    assert d.macs == [mac(0x100), mac(0x101)]
