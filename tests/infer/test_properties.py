"""Property tests: merge (and the whole inference) is deterministic, independent of observation
order, and idempotent under duplicated observations."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from netmap.infer.merge import merge
from netmap.infer.pipeline import build_inventory
from netmap.model import (
    ArpEntry,
    DnsObs,
    Facts,
    HostObs,
    IpAddress,
    MacEntry,
    ObsBase,
    ServiceObs,
)

from .factory import T0, arp, iface, lldp, mac, make_scan, snmp

IPS = [f"10.0.0.{i}" for i in range(1, 7)] + ["10.0.1.5", "127.0.0.1"]
MACS = [mac(i) for i in range(1, 7)] + ["00:11:32:00:00:01", "00:00:5e:00:01:01"]
NAMES = [None, "alpha", "beta", "localhost", "Alpha.city.lan"]
minutes = st.integers(0, 3).map(lambda m: T0 + timedelta(minutes=m))


@st.composite
def arp_obs(draw: st.DrawFn) -> list[ObsBase]:
    ob = arp(draw(st.sampled_from(IPS)), draw(st.sampled_from(MACS)),
             vendor=draw(st.sampled_from([None, "Dell", "Intel"])))
    return [ob.model_copy(update={"time": draw(minutes)})]


@st.composite
def host_obs(draw: st.DrawFn) -> list[ObsBase]:
    ip = draw(st.sampled_from(IPS))
    return [HostObs(target=ip, ip=ip, mac=draw(st.sampled_from([None, *MACS])),
                    hostname=draw(st.sampled_from(NAMES)), time=draw(minutes))]


@st.composite
def service_obs(draw: st.DrawFn) -> list[ObsBase]:
    ip = draw(st.sampled_from(IPS))
    return [ServiceObs(target=ip, ip=ip, port=draw(st.sampled_from([22, 80, 445, 9100, 5060])),
                       product=draw(st.sampled_from([None, "OpenSSH", "Asterisk PBX"])),
                       time=draw(minutes))]


@st.composite
def dns_obs(draw: st.DrawFn) -> list[ObsBase]:
    ip = draw(st.sampled_from(IPS))
    return [DnsObs(target=ip, ip=ip, name=draw(st.sampled_from(["a.lan", "b.lan"])),
                   time=draw(minutes))]


@st.composite
def agent_obs(draw: st.DrawFn) -> list[ObsBase]:
    ip = draw(st.sampled_from(IPS[:6]))
    own = draw(st.lists(st.sampled_from(MACS), max_size=3, unique=True))
    addrs = draw(st.lists(st.sampled_from(IPS), max_size=2, unique=True))
    table = draw(st.lists(st.tuples(st.sampled_from(MACS), st.sampled_from(["ge1", "ge2"])),
                          max_size=4))
    arps = draw(st.lists(st.tuples(st.sampled_from(IPS), st.sampled_from(MACS)), max_size=3))
    neigh = draw(st.lists(st.tuples(st.sampled_from(MACS), st.sampled_from(NAMES)), max_size=2))
    obs = snmp(
        ip,
        facts=Facts(hostname=draw(st.sampled_from(NAMES)),
                    serial_number=draw(st.sampled_from([None, "SN1", "SN2"]))),
        interfaces=[iface(i + 1, f"ge{i + 1}", m) for i, m in enumerate(own)],
        ip_addresses=[IpAddress(address=a, prefix_length=24) for a in addrs],
        mac_address_table=[MacEntry(mac=m, interface=p) for m, p in table],
        arp_table=[ArpEntry(ip=i, mac=m) for i, m in arps],
        lldp_neighbors_detail=[lldp("ge1", m, name=n) for m, n in neigh],
    )
    when = draw(minutes)
    return [o.model_copy(update={"time": when}) for o in obs]


observation_sets = st.lists(
    st.one_of(arp_obs(), host_obs(), service_obs(), dns_obs(), agent_obs()), max_size=10
).map(lambda groups: [o for g in groups for o in g])

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(observation_sets, st.randoms(use_true_random=False))
def test_merge_is_order_independent(obs: list[ObsBase], rnd: object) -> None:
    shuffled = list(obs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge(make_scan(obs)) == merge(make_scan(shuffled))


@FAST
@given(observation_sets)
def test_merge_is_idempotent_under_duplicates(obs: list[ObsBase]) -> None:
    once = merge(make_scan(obs))
    assert merge(make_scan(obs + obs)) == once
    assert merge(make_scan(obs)) == once


@FAST
@given(observation_sets)
def test_merge_ids_unique_and_every_mac_in_one_device(obs: list[ObsBase]) -> None:
    devices = merge(make_scan(obs))
    assert len({d.id for d in devices}) == len(devices)
    macs = [m for d in devices for m in d.macs]
    assert len(macs) == len(set(macs))
    addrs = [a for d in devices for a in d.addresses]
    assert len(addrs) == len(set(addrs))
    assert "127.0.0.1" not in addrs and "00:00:5e:00:01:01" not in macs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(observation_sets, st.randoms(use_true_random=False))
def test_whole_inference_is_order_independent(obs: list[ObsBase], rnd: object) -> None:
    shuffled = list(obs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = build_inventory(make_scan(obs)), build_inventory(make_scan(shuffled))
    assert a == b
    ids = {d.id for d in a.devices} | {s.id for s in a.subnets} | {"internet"}
    assert all(link.a in ids and link.b in ids for link in a.links)
