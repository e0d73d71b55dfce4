from datetime import UTC, datetime

from netmap.changes import diff, diff_history
from netmap.model import (
    ChangeKind,
    Device,
    DeviceType,
    Inventory,
    Link,
    LinkConfidence,
    LinkSource,
    ScanRequest,
    Service,
    SoftwareItem,
)
from netmap.render.change_report import to_html, to_markdown

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def dev(i: int, typ: DeviceType = DeviceType.WORKSTATION, **kw: object) -> Device:
    base: dict[str, object] = {
        "id": f"mac:00:00:00:00:00:{i:02x}",
        "name": f"host{i}",
        "addresses": [f"10.0.0.{i}"],
        "macs": [f"00:00:00:00:00:{i:02x}"],
        "type": typ,
    }
    base.update(kw)
    return Device.model_validate(base)


def inv(sid: str, devices: list[Device], links: list[Link] | None = None) -> Inventory:
    return Inventory(
        scan_id=sid,
        scanned_at=T0,
        request=ScanRequest(targets=["10.0.0.0/24"]),
        devices=devices,
        links=links or [],
    )


def fdb(sw: Device, port: str, host: Device) -> Link:
    return Link(
        a=sw.id, a_port=port, b=host.id, source=LinkSource.FDB, confidence=LinkConfidence.INFERRED
    )


SW = dev(1, DeviceType.SWITCH, name="sw1")
SW2 = dev(2, DeviceType.SWITCH, name="sw2")


def base() -> Inventory:
    hosts = [dev(10), dev(11, DeviceType.PRINTER), dev(12, DeviceType.SERVER)]
    links = [
        Link(
            a=SW.id,
            a_port="ge1",
            b=SW2.id,
            b_port="ge1",
            source=LinkSource.LLDP,
            confidence=LinkConfidence.CONFIRMED,
        ),
        fdb(SW, "ge2", hosts[0]),
        fdb(SW, "ge3", hosts[1]),
        fdb(SW2, "ge2", hosts[2]),
    ]
    return inv("a", [SW, SW2, *hosts], links)


def test_unchanged_is_empty() -> None:
    assert diff(base(), base()) == []


def test_expected_changes_and_nothing_else() -> None:
    old = base()
    new = base().model_copy(deep=True)
    new.scan_id = "b"
    printer = next(d for d in new.devices if d.type is DeviceType.PRINTER)
    server = next(d for d in new.devices if d.type is DeviceType.SERVER)
    ws = next(d for d in new.devices if d.name == "host10")
    # move the printer, open a port on the server, remove the workstation, add a host, DHCP churn
    new.links = [lk for lk in new.links if lk.b not in (printer.id, ws.id)] + [
        fdb(SW2, "ge5", printer)
    ]
    server.services.append(Service(port=23, proto="tcp", name="telnet"))
    new.devices.remove(ws)
    newcomer = dev(20, addresses=["10.0.0.20"])
    new.devices.append(newcomer)
    new.links.append(fdb(SW, "ge7", newcomer))
    printer.addresses = ["10.0.0.99"]
    kinds = sorted(c.kind.value for c in diff(old, new))
    assert kinds == sorted(
        ["moved", "service_opened", "device_not_seen", "device_added", "ip_changed"]
    )
    moved = next(c for c in diff(old, new) if c.kind is ChangeKind.MOVED)
    assert moved.before == "sw1 port ge3" and moved.after == "sw2 port ge5"


def test_removed_only_after_k_misses() -> None:
    a = base()
    gone_id = "mac:00:00:00:00:00:0a"
    without = [d for d in a.devices if d.id != gone_id]
    b, c, d = (inv(s, without) for s in "bcd")
    k = 3
    assert [x.kind for x in diff_history([a], b, k) if x.device == gone_id] == [
        ChangeKind.DEVICE_NOT_SEEN
    ]
    assert [x.kind for x in diff_history([a, b], c, k) if x.device == gone_id] == []
    assert [x.kind for x in diff_history([a, b, c], d, k) if x.device == gone_id] == [
        ChangeKind.DEVICE_REMOVED
    ]


def test_transient_never_reported_missing() -> None:
    a = base()
    for d in a.devices:
        if d.name == "host10":
            d.transient = True
    b = inv("b", [d for d in a.devices if d.name != "host10"])
    assert not [c for c in diff(a, b) if c.device == "mac:00:00:00:00:00:0a"]


def test_firmware_type_software_changes() -> None:
    a = inv("a", [dev(5, os="IOS 15.2", software=[SoftwareItem(name="nginx", version="1.22")])])
    b = inv("b", [dev(5, DeviceType.SERVER, os="IOS 15.9", software=[SoftwareItem(name="rsync")])])
    kinds = {c.kind for c in diff(a, b)}
    assert kinds == {
        ChangeKind.FIRMWARE_CHANGED,
        ChangeKind.TYPE_CHANGED,
        ChangeKind.SOFTWARE_ADDED,
        ChangeKind.SOFTWARE_REMOVED,
    }


def test_switch_link_change_reported() -> None:
    a = base()
    b = base()
    b.links = [lk for lk in b.links if lk.source is not LinkSource.LLDP]
    assert [c.kind for c in diff(a, b)] == [ChangeKind.LINK_REMOVED]


def test_reports_escape_hostile_names() -> None:
    a = inv("a", [])
    b = inv("b", [dev(7, name="<script>alert(1)</script>")])
    changes = diff(a, b)
    html = to_html(changes, "t")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in to_markdown(changes, "t")


def test_a_name_written_whole_or_short_is_no_change() -> None:
    """A full DNS name shown by its host part (or an older scan that showed it whole) is the
    same name; a host renamed, or moved to another DNS name, is a change."""
    old = inv("a", [dev(10, name="pbx.cityhall.lan", dns_name="pbx.cityhall.lan"), dev(11)])
    same = inv("b", [dev(10, name="pbx", dns_name="pbx.cityhall.lan"), dev(11, name="HOST11")])
    assert not [c for c in diff(old, same) if c.kind is ChangeKind.NAME_CHANGED]
    moved = inv("c", [dev(10, name="pbx", dns_name="pbx.city.gov"), dev(11, name="fileserver")])
    renamed = {(c.before, c.after) for c in diff(same, moved) if c.kind is ChangeKind.NAME_CHANGED}
    assert renamed == {("pbx.cityhall.lan", "pbx.city.gov"), ("HOST11", "fileserver")}
