"""The SNMP collection layer against snmpsim and misbehaving agents on 127.0.0.1.

Every test is bounded with asyncio.wait_for (see conftest.run): a hang is a failure, not a stall.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time

import pytest
from pydantic import SecretStr

from netmap.discover.snmp import oids
from netmap.discover.snmp.collect import (
    collect,
    collect_many,
    record_from_observations,
    record_to_observations,
)
from netmap.discover.snmp.getters import GETTER_FUNCS, PROBES, SCALARS, CachingWalker
from netmap.discover.snmp.session import SessionOptions, open_session
from netmap.discover.snmp.snmprec import SnmprecWalker
from netmap.discover.snmp.walker import SnmpValue
from netmap.infer.identify.identify import identify_record
from netmap.lab.snmpsim import free_udp_port
from netmap.model import ResolvedCredential, SnmpRecord
from tests.snmp.agents import LoopingAgent, SilentAgent, serve
from tests.snmp.conftest import (
    BIG_ROWS,
    BRIDGE_COUNTS,
    DATA,
    WRONG_IFNUMBER,
    Simulator,
    community,
    run,
    v3,
)

pytestmark = pytest.mark.snmpsim
Rows = list[tuple[str, SnmpValue]]


def _collect(sim: Simulator, name: str, **kw: object) -> SnmpRecord:
    return run(collect("127.0.0.1", community(name), sim.port, **kw))  # type: ignore[arg-type]


# --- a full v2c record -------------------------------------------------------------------------


def test_v2c_switch_full_record(snmpsim: Simulator) -> None:
    rec = _collect(snmpsim, "netmap-switch")
    assert rec.errors == {}
    assert rec.credential == "c-netmap-switch" and rec.version == "2c"
    assert sorted(rec.collected) == sorted(GETTER_FUNCS)
    f = rec.facts
    assert f is not None
    assert (f.hostname, f.fqdn) == ("sw-core", "sw-core.city.example")
    assert f.sys_object_id == "1.3.6.1.4.1.9.1.1208" and f.enterprise == 9
    assert f.uptime == 1234567.89 and f.services == 6
    assert f.engine_id == "800000090300001122334401"
    # the scan stores what the agent said, not conclusions; inference identifies from it
    assert f.vendor is None and f.raw
    ident = identify_record(rec).facts
    assert ident is not None and ident.os_family is not None and ident.os_family.os == "ios"
    assert (ident.vendor, ident.model, ident.serial_number) == ("Cisco", "WS-C2960-24TT-L", "FOC1234X0AB")

    by_index = {i.if_index: i for i in rec.interfaces}
    assert sorted(by_index) == [1, 2, 3, 10]
    gi1, gi2, te = by_index[1], by_index[2], by_index[3]
    assert (gi1.name, gi1.description, gi1.alias) == ("Gi0/1", "GigabitEthernet0/1", "uplink to router1")
    assert gi1.mac_address == "00:11:22:33:44:01" and gi1.mtu == 1500
    assert (gi1.is_enabled, gi1.is_up, gi2.is_up, te.is_enabled) == (True, True, False, False)
    assert te.speed == 10_000_000_000  # ifSpeed saturated: ifHighSpeed wins
    assert gi2.speed == 100_000_000 and by_index[10].alias == "management"

    addrs = {a.address: a for a in rec.ip_addresses}
    assert set(addrs) == {"10.77.1.2", "192.168.250.1", "fe80::211:22ff:fe33:4400"}  # no broadcast
    assert addrs["10.77.1.2"].prefix_length == 24 and addrs["10.77.1.2"].if_index == 10
    assert addrs["192.168.250.1"].prefix_length == 30 and addrs["192.168.250.1"].if_index == 1
    assert addrs["fe80::211:22ff:fe33:4400"].prefix_length == 64

    arp = {(a.ip, a.mac): a for a in rec.arp_table}
    assert set(arp) == {("10.77.1.1", "00:11:aa:bb:cc:01"), ("10.77.1.50", "00:04:f2:aa:bb:50"),
                        ("fe80::1", "00:11:aa:bb:cc:01")}  # the invalid row is dropped
    assert arp[("10.77.1.1", "00:11:aa:bb:cc:01")].interface == "Vl1"
    assert arp[("10.77.1.50", "00:04:f2:aa:bb:50")].entry_type == "static"

    macs = {m.mac: m for m in rec.mac_address_table}
    assert macs["00:11:aa:bb:cc:01"].interface == "Gi0/1" and macs["00:11:aa:bb:cc:01"].vlan == 1
    assert macs["00:04:f2:aa:bb:50"].interface == "Te1/0/1" and macs["00:04:f2:aa:bb:50"].vlan == 20
    assert macs["00:04:f2:aa:bb:51"].static and macs["00:11:22:33:44:00"].status == "self"
    assert macs["00:11:22:33:44:00"].interface is None  # bridge port 0: the switch itself

    router, phone = sorted(rec.lldp_neighbors_detail, key=lambda n: n.local_port_num or 0)
    assert router.parent_interface == "Gi0/1" and router.remote_chassis_id == "00:11:aa:bb:cc:01"
    assert (router.remote_port, router.remote_system_name) == ("ge-0/0/1", "router1.city.example")
    assert router.remote_system_capab == ["bridge", "router"]
    assert router.remote_system_enable_capab == ["router"]
    assert router.remote_management_address == "10.77.1.1"  # IPv4 preferred over IPv6
    assert phone.parent_interface == "Te1/0/1"  # local port 2 -> lldpLocPortTable -> ifName
    assert phone.remote_chassis_id == "10.77.1.50" and phone.remote_port == "00:04:f2:aa:bb:50"
    assert phone.med_device_class == 3 and phone.remote_system_capab == ["bridge", "telephone"]
    assert phone.remote_system_enable_capab == ["telephone"]

    (cdp,) = rec.cdp_neighbors
    assert (cdp.parent_interface, cdp.local_if_index) == ("Gi0/1", 1)
    assert (cdp.remote_device_id, cdp.remote_address) == ("router1.city.example", "10.77.1.1")
    assert cdp.remote_capabilities == ["router", "switch", "igmp"]
    assert cdp.remote_platform == "cisco ISR4331/K9"

    routes = {r.destination: r for r in rec.routes}
    assert routes["0.0.0.0/0"].next_hop == "10.77.1.1" and routes["0.0.0.0/0"].protocol == "static"
    assert routes["0.0.0.0/0"].interface == "Vl1" and routes["0.0.0.0/0"].route_type == "indirect"
    assert routes["10.77.1.0/24"].next_hop is None and routes["10.77.1.0/24"].protocol == "local"

    chassis = next(i for i in rec.inventory if i.entity_class == "chassis")
    assert (chassis.model, chassis.serial_number, chassis.software_rev) == (
        "WS-C2960-24TT-L", "FOC1234X0AB", "15.0(2)SE11")
    assert {i.index: i.contained_in for i in rec.inventory} == {1: None, 2: 1, 3: 1}
    assert rec.software is None and rec.printer is None and rec.ups is None


def test_live_equals_offline(snmpsim: Simulator) -> None:
    """The UDP session (own BER codec) and the in-memory .snmprec reader give the same record."""

    async def offline(name: str) -> dict[str, object]:
        walker = SnmprecWalker.from_file(DATA / f"{name}.snmprec")
        return {g: await fn(walker) for g, fn in GETTER_FUNCS.items()}

    for path in sorted(DATA.glob("netmap-*.snmprec")):
        live = _collect(snmpsim, path.stem)
        expected = run(offline(path.stem))
        for getter, value in expected.items():
            assert getattr(live, getter) == value, (path.stem, getter)


def test_getters_only_walk_what_they_need(snmpsim: Simulator) -> None:
    async def go() -> tuple[int, int]:
        session = await open_session("127.0.0.1", community("netmap-switch"), snmpsim.port)
        with session:
            await GETTER_FUNCS["interfaces"](session)
            return session.stats.requests, session.stats.rows

    requests, rows = run(go())
    assert rows == 10 * 4  # ten columns of four interfaces, no counters
    assert requests <= 12  # row-count hints make most columns one request


def test_interface_walk_asks_for_the_rows_ifnumber_counts(snmpsim: Simulator) -> None:
    """ifNumber (read with the system group) sizes the walk of ifTable and ifXTable together:
    one GETBULK, each column's four rows and one varbind past its end."""
    async def go() -> tuple[int, int, int]:
        session = await open_session("127.0.0.1", community("netmap-switch"), snmpsim.port,
                                     probe=SCALARS["facts"])
        with session:
            asked, answered = session.stats.requests, session.stats.varbinds
            await GETTER_FUNCS["interfaces"](CachingWalker(session))
            stats = session.stats
            return stats.requests - asked, stats.varbinds - answered, stats.rows

    requests, varbinds, rows = run(go())
    assert rows == 10 * 4
    assert requests == 1 and varbinds == rows + 10


@pytest.mark.parametrize("name", sorted(BRIDGE_COUNTS))
def test_bridge_port_walks_ask_for_the_ports_dot1dbasenumports_counts(
        snmpsim: Simulator, name: str) -> None:
    """dot1dBaseNumPorts (read with the system group) sizes the walks of the bridge port table
    and of Q-BRIDGE's port table that AUGMENTS it: one GETBULK each, every port and one varbind
    past the end. A count that is too low is only a hint: every port still comes back."""
    async def go() -> list[tuple[int, int, int]]:
        session = await open_session("127.0.0.1", community(name), snmpsim.port,
                                     probe=SCALARS["facts"])
        out = []
        with session:
            walker = CachingWalker(session)
            for col in (oids.DOT1D_BASE_PORT_IF_INDEX, oids.DOT1Q_PVID):
                asked, answered = session.stats.requests, session.stats.varbinds
                rows = await walker.walk(col)
                out.append((len(rows), session.stats.requests - asked,
                            session.stats.varbinds - answered))
        return out

    num_ports, ports = BRIDGE_COUNTS[name]
    for rows, requests, varbinds in run(go()):
        assert rows == ports
        if num_ports == ports:
            assert (requests, varbinds) == (1, ports + 1)
        else:
            assert requests <= 4


@pytest.mark.parametrize("name", sorted(WRONG_IFNUMBER))
def test_a_wrong_ifnumber_loses_no_interface(snmpsim: Simulator, name: str) -> None:
    """ifNumber is only a hint: an agent that under- or over-counts still gives every row, in a
    bounded number of requests."""
    async def go() -> tuple[object, object, int]:
        session = await open_session("127.0.0.1", community(name), snmpsim.port,
                                     probe=SCALARS["facts"])
        with session:
            live = await GETTER_FUNCS["interfaces"](CachingWalker(session))
            requests = session.stats.requests
        offline = await GETTER_FUNCS["interfaces"](
            SnmprecWalker.from_file(snmpsim.data_dir / f"{name}.snmprec"))
        return live, offline, requests

    live, offline, requests = run(go())
    assert live == offline and len(live) == WRONG_IFNUMBER[name][1]  # type: ignore[arg-type]
    assert requests <= 10


def test_priming_by_table_marks_every_column_of_an_absent_table() -> None:
    """One GETNEXT of a table's entry stands for all its probed columns."""
    async def go() -> CachingWalker:
        walker = CachingWalker(SnmprecWalker.from_file(DATA / "netmap-switch.snmprec"))
        await walker.prime([oid for probes in PROBES.values() for oid in probes])
        return walker

    walker = run(go())
    assert walker._absent(oids.PRT_MARKER_SUPPLIES_LEVEL) and walker._absent(oids.LLDP_X_MED_REM_MFG_NAME)
    assert not walker._absent(oids.IF_DESCR) and not walker._absent(oids.LLDP_REM_SYS_NAME)


@pytest.mark.parametrize(("name", "asks"), [("netmap-switch", False), ("netmap-server", True)])
def test_priming_gets_only_the_scalars_of_mibs_the_agent_has(name: str, asks: bool) -> None:
    """The presence GETNEXT also probes the MIB of each scalar: a switch with no
    HOST-RESOURCES-MIB or UPS-MIB is sent no GET for them; a server's are fetched."""
    memory = oids.scalar(oids.HR_MEMORY_SIZE)

    async def go() -> tuple[int, dict[str, SnmpValue]]:
        inner = SnmprecWalker.from_file(DATA / f"{name}.snmprec")
        walker = CachingWalker(inner)
        await walker.prime(PROBES["software"], SCALARS["software"] + SCALARS["ups"])
        answer = await walker.get([memory])  # a getter asking again: answered from the cache
        return inner.requests, answer

    requests, answer = run(go())
    assert requests == (2 if asks else 1)  # the GETNEXT, and the GET only where it can answer
    assert (answer == {memory: 8388608}) if asks else answer == {}


# --- other device kinds ---------------------------------------------------------------------


def test_server_host_resources(snmpsim: Simulator) -> None:
    hr = _collect(snmpsim, "netmap-server").software
    assert hr is not None
    assert (hr.processors, hr.memory_bytes, hr.users, hr.processes) == (2, 8 * 2**30, 2, 120)
    disks = {s.description: s for s in hr.storage}
    assert disks["/"].storage_type == "fixedDisk" and disks["/"].size_bytes == 2621440 * 4096
    assert disks["Physical memory"].storage_type == "ram"
    assert disks["/srv"].size_bytes == 0xFFFFFFFF * 65536  # a wrapped Integer32 read as unsigned
    sw = {s.name: s for s in hr.software}
    assert sw["bash"].version == "5.2.15-2+b2" and sw["bash"].installed == "2024-01-15 10:30:00"
    assert sw["openssh-server"].version == "1:9.2p1-2+deb12u2" and sw["openssh-server"].installed is None
    assert sw["Mozilla Firefox (x64 en-US)"].version is None
    assert sw["bash"].sw_type == "application"


def test_printer(snmpsim: Simulator) -> None:
    prn = _collect(snmpsim, "netmap-printer").printer
    assert prn is not None
    assert (prn.model, prn.serial_number, prn.page_count) == ("HP LaserJet Pro M404dn", "PHBQB12345", 12345)
    toner, fuser = prn.supplies
    assert (toner.supply_type, toner.percent) == ("tonerCartridge", 40.0)
    assert (fuser.supply_type, fuser.level, fuser.percent) == ("fuser", -3, None)


def test_ups_mib_and_apc(snmpsim: Simulator) -> None:
    ups = _collect(snmpsim, "netmap-ups").ups
    assert ups is not None
    assert (ups.manufacturer, ups.model, ups.battery_status) == ("EATON", "5P 1500", "normal")
    assert (ups.runtime_minutes, ups.charge_percent, ups.firmware) == (42.0, 98, "01.14.0016")
    apc = _collect(snmpsim, "netmap-apc").ups
    assert apc is not None
    assert (apc.manufacturer, apc.model, apc.serial_number) == ("APC", "Smart-UPS 1500", "AS1234567890")
    assert (apc.runtime_minutes, apc.charge_percent, apc.battery_status) == (30.0, 100, "normal")


def test_v1_walks_with_getnext(snmpsim: Simulator) -> None:
    rec = run(collect("127.0.0.1", community("netmap-switch", "1"), snmpsim.port,
                      ["facts", "interfaces", "routes"]))
    assert rec.version == "1" and rec.errors == {}
    assert len(rec.interfaces) == 4 and rec.facts and rec.facts.hostname == "sw-core"
    assert {r.destination for r in rec.routes} == {"0.0.0.0/0", "10.77.1.0/24"}


# --- SNMPv3 and credentials --------------------------------------------------------------------


def test_v3_auth_priv_sha_aes(snmpsim: Simulator) -> None:
    rec = run(collect("127.0.0.1", [v3("netmap-switch")], snmpsim.port, ["facts", "interfaces"]))
    assert rec.errors == {} and rec.version == "3" and rec.credential == "v3-sha-aes"
    assert rec.facts and rec.facts.hostname == "sw-core" and len(rec.interfaces) == 4


@pytest.mark.parametrize(
    ("cred", "message"),
    [
        (v3("netmap-switch", priv="wrong-priv-key"), "decryption failed"),
        (v3("netmap-switch", auth="wrong-auth-key"), "authentication failed"),
    ],
)
def test_v3_wrong_key_is_a_clear_error(snmpsim: Simulator, cred: object, message: str) -> None:
    start = time.monotonic()
    rec = run(collect("127.0.0.1", [cred], snmpsim.port, timeout=0.5), limit=20)  # type: ignore[list-item]
    assert rec.facts is None and message in rec.errors["facts"]
    assert "wrong" not in rec.errors["facts"].replace("wrong auth", "").replace("wrong priv", "")
    assert time.monotonic() - start < 10


def test_first_answering_credential_in_order_wins(snmpsim: Simulator) -> None:
    wrong = community("nope")[0]
    right = community("netmap-ups")[0]
    rec = run(collect("127.0.0.1", [wrong, right], snmpsim.port, ["facts"], timeout=0.3, retries=0))
    assert rec.credential == "c-netmap-ups"
    rec = run(collect("127.0.0.1", [v3("netmap-ups"), right], snmpsim.port, ["facts"]))
    assert rec.credential == "v3-sha-aes" and rec.version == "3"


def test_a_well_known_community_is_flagged_without_keeping_it(snmpsim: Simulator) -> None:
    named = ResolvedCredential(name="site-ro", version="2c", community=SecretStr("public"))
    rec = run(collect("127.0.0.1", [named], snmpsim.port, ["facts"]))
    assert rec.credential == "site-ro" and rec.default_community
    observations = record_to_observations(rec)
    assert all(o.default_community for o in observations)
    assert "public" not in "".join(o.model_dump_json() for o in observations)
    assert record_from_observations(observations).default_community
    private = run(collect("127.0.0.1", community("netmap-ups"), snmpsim.port, ["facts"]))
    assert private.facts is not None and not private.default_community
    secure = run(collect("127.0.0.1", [v3("netmap-ups")], snmpsim.port, ["facts"]))
    assert secure.version == "3" and not secure.default_community


def test_secrets_never_in_errors_or_repr(snmpsim: Simulator) -> None:
    rec = run(collect("127.0.0.1", [v3("netmap-ups", priv="s3cret-priv!")], snmpsim.port, timeout=0.5))
    dumped = rec.model_dump_json() + "".join(o.model_dump_json() for o in record_to_observations(rec))
    assert "s3cret-priv!" not in dumped and "auth-secret-1" not in dumped


# --- failures: dead, silent, looping, huge -------------------------------------------------------


def test_dead_port_fails_fast() -> None:
    port = free_udp_port()
    start = time.monotonic()
    rec = run(collect("127.0.0.1", community("public"), port, timeout=2.0), limit=10)
    assert rec.facts is None and "port unreachable" in rec.errors["facts"]
    assert time.monotonic() - start < 1.0


async def _collect_from(agent: SilentAgent | LoopingAgent) -> tuple[SnmpRecord, int, float]:
    """Serve a scripted agent on 127.0.0.1, collect from it with short timeouts; the record, the
    requests the agent saw and the seconds it took."""
    transport, port = await serve(agent)
    start = time.monotonic()
    try:
        rec = await collect("127.0.0.1", community("public"), port, timeout=0.2, retries=1)
    finally:
        transport.close()
    return rec, agent.requests, time.monotonic() - start


def test_silent_agent_times_out() -> None:
    rec, requests, took = run(_collect_from(SilentAgent()), limit=10)
    assert "no response (timeout 0.2 s x 2 attempts)" in rec.errors["facts"]
    assert requests == 2 and took < 1.0


def test_non_increasing_oid_loop_is_bounded() -> None:
    async def go() -> tuple[SnmpRecord, Rows, int]:
        agent = LoopingAgent()
        transport, port = await serve(agent)
        try:
            session = await open_session("127.0.0.1", community("public"), port)
            with session:
                rows = await session.walk("1.3.6.1.2.1.2.2.1.2")
            rec = await collect("127.0.0.1", community("public"), port)
        finally:
            transport.close()
        return rec, rows, agent.requests

    rec, rows, requests = run(go(), limit=20)
    assert rows == [("1.3.6.1.2.1.2.2.1.2.7", b"again")]  # the repeat is dropped, the walk ends
    assert rec.facts is not None and rec.facts.sys_descr == "loop agent"
    assert "non-increasing" in rec.errors["interfaces"] and "interfaces" in rec.collected
    assert requests < 200


def test_agent_dying_mid_scan_fails_fast(caplog: pytest.LogCaptureFixture) -> None:
    # answers the credential probe, then nothing
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        rec, requests, took = run(_collect_from(LoopingAgent(answer_first=1)), limit=20)
        gc.collect()  # unretrieved task errors are logged when their tasks are collected
    assert rec.facts is not None and rec.facts.sys_descr == "loop agent"  # from the probe's GET
    assert "agent stopped answering" in rec.errors["interfaces"]
    assert took < 3.0 and requests < 12  # a breaker, not one timeout per getter
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]


def test_priming_makes_absent_mibs_free(snmpsim: Simulator) -> None:
    stats: dict[str, int] = {}
    rec = run(collect("127.0.0.1", community("netmap-ups"), snmpsim.port, stats=stats))
    assert rec.ups is not None and rec.errors == {}
    # probe GET, 2 presence GETNEXTs, scalar GET, identification (its OS definition's GET)
    assert stats["requests"] <= 9


def test_big_table_cap_respected(snmpsim: Simulator) -> None:
    async def go() -> tuple[int, dict[str, list[str]]]:
        opts = SessionOptions(max_rows=2000)
        session = await open_session("127.0.0.1", community("netmap-bigtable"), snmpsim.port, opts)
        with session:
            rows = await session.walk("1.3.6.1.2.1.2.2.1.2")
            return len(rows), session.stats.warnings

    count, warnings = run(go(), limit=60)
    assert count == 2000 < BIG_ROWS
    assert any("capped at 2000 rows" in w for w in warnings[""])
    start = time.monotonic()
    rec = _collect(snmpsim, "netmap-bigtable", getters=["facts", "interfaces"], max_rows=3000)
    assert len(rec.interfaces) == 3000 and "capped at 3000 rows" in rec.errors["interfaces"]
    assert time.monotonic() - start < 30


def test_collect_many_bounded_and_ordered(snmpsim: Simulator) -> None:
    dead = free_udp_port()
    targets = [("127.0.0.1", snmpsim.port), ("127.0.0.1", dead), ("127.0.0.1", snmpsim.port)]
    seen: list[str] = []
    creds = community("netmap-ups") + community("netmap-printer")
    records = run(collect_many(targets, creds, concurrency=2, getters=["facts", "ups"],
                               on_done=seen.append, timeout=0.5))
    assert [r.port for r in records] == [snmpsim.port, dead, snmpsim.port]
    assert records[0].ups is not None and records[1].facts is None and len(seen) == 3


# --- protocol corner cases, hostile data -------------------------------------------------------


def test_no_such_object_and_end_of_mib_view(snmpsim: Simulator) -> None:
    async def go() -> tuple[dict[str, SnmpValue], Rows, Rows, dict[str, list[str]]]:
        session = await open_session("127.0.0.1", community("netmap-ups"), snmpsim.port)
        with session:
            got = await session.get(["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.99.0", "1.3.6.1.2.1.33.1.9.0"])
            past_end = await session.walk("1.3.6.1.4.1.9.9.23")  # beyond the last OID
            last = await session.walk("1.3.6.1.2.1.33.1.2")  # ends with endOfMibView
            return got, past_end, last, session.stats.warnings

    got, past_end, last, warnings = run(go())
    assert got == {"1.3.6.1.2.1.1.5.0": b"ups-rack1"}
    assert past_end == [] and [oid for oid, _ in last][-1] == "1.3.6.1.2.1.33.1.2.4.0"
    assert warnings == {}


def test_hostile_strings_and_wrong_types(snmpsim: Simulator) -> None:
    rec = _collect(snmpsim, "netmap-hostile")
    f = rec.facts
    assert f is not None
    assert f.hostname == "sw\ufffd\ufffd-01[31m"  # bad UTF-8 replaced, NUL/BEL/ESC stripped
    assert f.sys_descr == "<script>alert(1)</script> [2J\ufffd( ok\nline2"  # kept as text
    assert f.location == "=cmd|' /C calc'!A0"  # not escaped here: renderers do that
    assert f.uptime is None and f.services is None and f.contact is None  # wrong types, missing
    (eth,) = rec.interfaces
    assert eth.description == "42" and eth.if_type == 6 and eth.mtu is None and eth.speed is None
    assert eth.mac_address == "00:11:22:33:44:55" and eth.is_enabled is None and eth.is_up is None
    assert eth.name == 'eth0=HYPERLINK("http://x")'  # bidi overrides stripped
    assert eth.alias == "<img src=x onerror=alert(1)>"
    (entity,) = rec.inventory
    assert entity.entity_class is None and entity.description == "=1+1" and entity.contained_in is None


def test_observations_round_trip(snmpsim: Simulator) -> None:
    rec = _collect(snmpsim, "netmap-switch")
    obs = record_to_observations(rec)
    assert {o.getter for o in obs} == set(GETTER_FUNCS) and all(o.source == "snmp" for o in obs)
    assert record_from_observations(obs) == rec
    failed = run(collect("127.0.0.1", community("x"), free_udp_port()))
    (only,) = record_to_observations(failed)
    assert only.getter == "facts" and only.error and record_from_observations([only]) == failed


def test_one_event_loop_per_run_is_fine(snmpsim: Simulator) -> None:
    """Sessions (and their pysnmp engines) are per call: a second asyncio.run works."""
    for _ in range(2):
        rec = run(collect("127.0.0.1", [v3("netmap-ups")], snmpsim.port, ["facts"]))
        assert rec.facts is not None
    assert asyncio.get_event_loop_policy() is not None


# --- per-VLAN BRIDGE-MIB instances ---------------------------------------------------------


def test_cisco_vlan_instances_over_community_indexing(snmpsim: Simulator) -> None:
    """The forwarding table of VLAN 20 is asked as community "cisco-vlans@20", as Cisco
    indexes it: the UDP session finds what the offline reader finds, and each entry says its
    VLAN."""
    live = _collect(snmpsim, "cisco-vlans", getters=["interfaces", "mac_address_table", "vlans"])
    assert not live.errors, live.errors
    assert {(e.mac, e.interface, e.vlan) for e in live.mac_address_table} >= {
        ("00:11:22:33:44:02", "Gi1/0/2", 20), ("00:11:22:33:44:01", "Gi1/0/1", 1)}

    async def offline() -> tuple[object, object]:
        walker = CachingWalker(SnmprecWalker.from_file(DATA / "cisco-vlans.snmprec"))
        return (await GETTER_FUNCS["mac_address_table"](walker),
                await GETTER_FUNCS["vlans"](walker))  # fmt: skip

    assert (live.mac_address_table, live.vlans) == run(offline())


def test_vlan_instance_credentials_never_show_the_community() -> None:
    """A VLAN instance's session: community "<community>@<vlan>" for v1/v2c, context
    "vlan-<vlan>" for SNMPv3, under the same credential name (what records and logs show)."""
    from netmap.discover.snmp.session import SnmpSession

    cred = ResolvedCredential(name="office", version="2c", community=SecretStr("s3cret"))
    v2 = SnmpSession("127.0.0.1", 161, cred)
    child = v2.in_vlan(20)
    assert child is v2.in_vlan(20) and child.credential == "office"
    assert child._cred.community is not None
    assert child._cred.community.get_secret_value() == "s3cret@20"
    assert "s3cret" not in repr(child)
    secure = SnmpSession("127.0.0.1", 161, v3(context=""))
    assert secure.in_vlan(30)._cred.context == "vlan-30"
    v2.close()
    secure.close()


def test_vlan_instances_that_do_not_answer_cost_one_timeout(snmpsim: Simulator) -> None:
    """An agent that does not index by VLAN: the first VLAN instance times out, the rest are
    not asked, and VLAN 1's table (the default instance) is kept."""
    start = time.monotonic()
    live = _collect(snmpsim, "cisco-novlans", getters=["mac_address_table", "vlans"],
                    timeout=0.5, retries=0)  # fmt: skip
    assert time.monotonic() - start < 5
    # the record says so, once (the vlans getter does not ask again)
    assert "per-VLAN tables not read (VLAN 20" in live.errors["mac_address_table"]
    assert "vlans" not in live.errors
    assert {(e.interface, e.vlan) for e in live.mac_address_table} == {("Gi1/0/1", 1),
                                                                       ("Gi1/0/24", 1)}
    assert live.vlans is not None and {v.vlan_id for v in live.vlans.vlans} >= {1, 20}


def test_cisco_vlan_instances_over_snmpv3_contexts(snmpsim: Simulator) -> None:
    """SNMPv3 asks VLAN 20's instance as context "vlan-20" (Cisco's naming), authPriv."""
    live = run(collect("127.0.0.1", [v3("cisco-vlans")], snmpsim.port,
                       getters=["interfaces", "mac_address_table", "vlans"]))  # fmt: skip
    assert live.version == "3" and not live.errors, live.errors
    assert ("00:11:22:33:44:02", "Gi1/0/2", 20) in {
        (e.mac, e.interface, e.vlan) for e in live.mac_address_table}
