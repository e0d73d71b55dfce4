"""Redaction: one pure transform, consistent masks, nothing identifying left in the bundle."""

from __future__ import annotations

import re
from pathlib import Path

from netmap.model import SharedIdentity
from netmap.render.redact import redact
from tests.render.factory import city_hall
from tests.render.readers import MAC_RE, TEN_NET_RE, zip_texts

Out = tuple[Path, list[Path]]


def test_redact_is_pure() -> None:
    inv = city_hall()
    before = inv.model_dump_json()
    redact(inv)
    assert inv.model_dump_json() == before


def test_addresses_are_masked_consistently() -> None:
    inv = city_hall()
    red = redact(inv)
    by_name = {d.name: d for d in red.devices}
    assert by_name["ws-001"].addresses == ["Subnet C host 101"]  # 10.1.20.101, 3rd subnet
    assert by_name["rtr-edge"].addresses == ["Subnet A host 1"]
    assert [s.cidr for s in red.subnets] == [f"Subnet {x}" for x in "ABCDEF"]
    assert red.snmp_failures == ["Subnet A host 12", "Subnet A host 13"]
    # the same address gets the same mask in free text too
    assert any("Subnet C host 101" in e.detail for e in by_name["ws-001"].evidence)


def test_identifiers_are_removed_but_structure_kept() -> None:
    inv = city_hall()
    red = redact(inv)
    text = red.model_dump_json()
    assert not TEN_NET_RE.search(text.encode())
    assert not MAC_RE.search(text.encode())
    for d in inv.devices:
        if d.serial:
            assert d.serial not in text
    assert "city-ro-v3" not in text and '"public"' not in text
    assert all(d.serial is None and d.macs == [] and d.snmp_credential is None for d in red.devices)
    ends = {x for link in red.links for x in (link.a, link.b)}
    known = {d.id for d in red.devices} | {s.id for s in red.subnets} | {"internet"}
    assert ends <= known
    assert [d.name for d in red.devices] == [d.name for d in inv.devices]  # names kept
    assert red.uplink is not None and red.uplink.router == red.devices[0].id


def test_shared_identity_keeps_the_finding_not_the_value() -> None:
    inv = city_hall()
    engine = "80001f88030026cb4e1000"  # net-snmp's MAC-based engine ID: the MAC is inside
    shared = SharedIdentity(kind="SNMP engine ID", value=engine, also_at=["10.1.20.101"])
    inv.devices[1] = inv.devices[1].model_copy(update={"shared_identity": [shared]})
    (kept,) = redact(inv).devices[1].shared_identity
    assert kept.kind == "SNMP engine ID" and kept.value == "[identifier removed]"
    assert kept.also_at == ["Subnet C host 101"]


def test_names_can_be_dropped_too() -> None:
    inv = city_hall()
    inv.devices[0] = inv.devices[0].model_copy(update={"dns_name": "rtr-main.city.gov"})
    red = redact(inv, keep_names=False)
    assert red.devices[0].name == "router 1" and red.devices[0].dns_name is None
    assert redact(inv).devices[0].dns_name == "rtr-main.city.gov"  # names are kept by default
    assert not any(d.name and d.name.startswith(("ws-", "sw-")) for d in red.devices)


def test_redacted_bundle_holds_no_serials_macs_or_internal_addresses(redacted_out: Out) -> None:
    out, paths = redacted_out
    assert all(p.parent == out / "redacted" for p in paths)
    bundle = next(p for p in paths if p.suffix == ".zip")
    assert bundle.name.endswith("-redacted.zip")
    members = zip_texts(bundle)
    assert "README.txt" in members and b"REDACTED" in members["README.txt"]
    serials = [d.serial.encode() for d in city_hall().devices if d.serial]
    searched = 0
    for name, data in members.items():
        if name.endswith(".pdf"):
            continue  # compressed glyph streams: the same text is checked in the SVG
        searched += 1
        assert not TEN_NET_RE.search(data), name
        assert not MAC_RE.search(data), name
        assert not re.search(rb"(?i)00-1a-2b|001a\.2b", data), name
        assert not any(s in data for s in serials), name
        assert b"city-ro-v3" not in data and not re.search(rb"\bpublic\b", data), name
    assert searched >= 10
    svg = members["network.svg"].decode()
    assert "Subnet C host 101" in svg or "12 workstations" in svg


def test_software_rows_lose_the_dns_name_too() -> None:
    """A computer renamed by an override still has its DNS name in what it installed."""
    from netmap.model import SoftwareItem

    inv = city_hall()
    row = SoftwareItem(name="gis02-backup-agent", version="1.0")
    inv.devices[0] = inv.devices[0].model_copy(
        update={"name": "Clerk PC", "dns_name": "gis02.city.lan", "software": [row]})
    (kept,) = redact(inv).devices[0].software
    assert kept.name == "[host name removed]-backup-agent"
