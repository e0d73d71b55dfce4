"""lab score: a perfect inventory scores 100% on any spec; each kind of mistake costs where it
should."""

from __future__ import annotations

import pytest

from netmap.lab.score import SWITCH_HOST, SWITCH_SWITCH, format_score, is_unmanaged_switch, score
from netmap.lab.spec import GroundTruth, build_ground_truth, load_spec
from netmap.model import (
    Device,
    DeviceType,
    Inventory,
    Link,
    LinkConfidence,
    LinkSource,
    ScanRequest,
    Uplink,
)

from .factory import T0


@pytest.fixture(scope="module")
def truth() -> GroundTruth:
    return build_ground_truth(load_spec(), "t", T0)


def _id(truth: GroundTruth, name: str) -> str:
    d = truth.device(name)
    if is_unmanaged_switch(d):
        return f"unmanaged:{name}"
    return f"mac:{d.interfaces[0].mac}"


def perfect(truth: GroundTruth) -> Inventory:
    """What an ideal scan of the lab would produce."""
    devices = []
    for t in truth.devices:
        if not t.in_scope:
            continue
        ips = [ip.split("/")[0] for i in t.interfaces if i.name != "lo" for ip in i.ips]
        if is_unmanaged_switch(t):
            devices.append(Device(id=_id(truth, t.name), type=DeviceType.SWITCH, inferred=True))
        elif ips:
            devices.append(Device(id=_id(truth, t.name), name=t.name, addresses=ips,
                                  macs=[i.mac for i in t.interfaces if i.name != "lo"],
                                  type=DeviceType(t.type)))
    links = []
    for tl in truth.links:
        if not (truth.device(tl.a).in_scope and truth.device(tl.b).in_scope):
            continue
        ap = None if is_unmanaged_switch(truth.device(tl.a)) else tl.a_port
        bp = None if is_unmanaged_switch(truth.device(tl.b)) else tl.b_port
        links.append(Link(a=_id(truth, tl.a), a_port=ap, b=_id(truth, tl.b), b_port=bp,
                          source=LinkSource.FDB, confidence=LinkConfidence.INFERRED))
    uplink = None
    if truth.uplink:
        uplink = Uplink(router=_id(truth, truth.uplink.router), interface=truth.uplink.interface)
    return Inventory(scan_id="s", scanned_at=T0, request=ScanRequest(targets=["10.77.0.0/16"]),
                     devices=devices, links=links, uplink=uplink)


def test_perfect_inventory_scores_full_marks(truth: GroundTruth) -> None:
    s = score(perfect(truth), truth)
    assert (s.device_recall, s.device_precision, s.type_accuracy) == (1.0, 1.0, 1.0)
    for cls in (SWITCH_SWITCH, SWITCH_HOST):
        assert (s.links[cls].recall, s.links[cls].precision) == (1.0, 1.0), s.links[cls]
        assert s.links[cls].expected > 0
    assert s.unmanaged_expected == s.unmanaged_detected == 1 and s.unmanaged_false == 0
    assert s.uplink_found
    assert "100%" in format_score(s)


def test_missing_device_wrong_type_and_duplicate_row(truth: GroundTruth) -> None:
    inv = perfect(truth)
    ws1 = _id(truth, "ws1")
    devices = [d for d in inv.devices if d.id != ws1]
    devices = [d.model_copy(update={"type": DeviceType.SERVER}) if d.name == "printer1" else d
               for d in devices]
    printer = next(d for d in devices if d.name == "printer1")
    devices.append(Device(id="ip:dup", addresses=printer.addresses))  # same box twice
    s = score(inv.model_copy(update={"devices": devices}), truth)
    assert s.missing_devices == ["ws1"]
    assert s.devices_found == s.devices_expected - 1
    assert s.type_errors == ["printer1: expected printer, got server"]
    assert s.devices_reported == s.devices_correct + 1 and s.device_precision < 1.0
    assert "ws1" in format_score(s)


def test_wrong_port_is_a_missing_and_a_wrong_link(truth: GroundTruth) -> None:
    inv = perfect(truth)
    acc, printer = _id(truth, "sw-access"), _id(truth, "printer1")
    links = [lk.model_copy(update={"a_port": "ge7"}) if {lk.a, lk.b} == {acc, printer} else lk
             for lk in inv.links]
    s = score(inv.model_copy(update={"links": links}), truth)
    host = s.links[SWITCH_HOST]
    assert host.found == host.expected - 1 and host.correct == host.reported - 1
    assert host.missing == ["sw-access ge3 - printer1 lan0"]
    assert s.links[SWITCH_SWITCH].recall == 1.0


def test_hosts_on_the_switch_port_instead_of_the_unmanaged_switch(truth: GroundTruth) -> None:
    """No unmanaged switch inferred: ws2/ws3 wrongly attached straight to sw-access ge4."""
    inv = perfect(truth)
    ums, acc = _id(truth, "ums1"), _id(truth, "sw-access")
    devices = [d for d in inv.devices if d.id != ums]
    links = [lk for lk in inv.links if acc not in (lk.a, lk.b) or ums not in (lk.a, lk.b)]
    links = [lk.model_copy(update={"a": acc, "a_port": "ge4"}) if lk.a == ums else lk
             for lk in links]
    s = score(inv.model_copy(update={"devices": devices, "links": links}), truth)
    assert s.unmanaged_detected == 0
    assert s.links[SWITCH_HOST].found == s.links[SWITCH_HOST].expected - 2
    assert s.links[SWITCH_SWITCH].found == s.links[SWITCH_SWITCH].expected - 1
    assert len(s.links[SWITCH_HOST].wrong) == 2


def test_false_unmanaged_switch_is_counted(truth: GroundTruth) -> None:
    inv = perfect(truth)
    core = _id(truth, "sw-core")
    extra = Device(id="unmanaged:x", type=DeviceType.SWITCH, inferred=True)
    link = Link(a=core, a_port="ge7", b=extra.id, source=LinkSource.FDB,
                confidence=LinkConfidence.INFERRED)
    s = score(inv.model_copy(update={"devices": [*inv.devices, extra],
                                     "links": [*inv.links, link]}), truth)
    assert s.unmanaged_false == 1 and s.links[SWITCH_SWITCH].precision < 1.0


def test_empty_inventory_scores_zero_recall(truth: GroundTruth) -> None:
    inv = Inventory(scan_id="s", scanned_at=T0, request=ScanRequest(targets=[]))
    s = score(inv, truth)
    assert s.device_recall == 0.0 and s.links[SWITCH_HOST].recall == 0.0
    assert not s.uplink_found
