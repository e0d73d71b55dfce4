"""Overrides win over inference, survive rescans, and say so in the evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from netmap.config import ConfigError
from netmap.infer.overrides import apply_overrides, load_overrides
from netmap.infer.pipeline import build_inventory
from netmap.model import DeviceType, Overrides

from .factory import arp, host, mac, make_scan, svc, switch

TOML = """
[devices."02:00:00:00:00:09"]
type = "printer"
name = "Clerk printer"
notes = "leased, Ricoh contract"

[devices."10.0.0.9"]
name = "ignored: the MAC entry is more specific"
site = "Annex"

[devices."LAPTOP-7"]
transient = true
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "overrides.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_overrides_by_mac_ip_and_name_with_precedence(tmp_path: Path) -> None:
    ov = load_overrides(_write(tmp_path, TOML))
    scan = make_scan([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 22, "ssh"),
                      arp("10.0.0.7", mac(7)), host("10.0.0.7", hostname="laptop-7")])
    inv = build_inventory(scan, ov)
    dev = next(d for d in inv.devices if "10.0.0.9" in d.addresses)
    assert (dev.type, dev.confidence, dev.name, dev.site, dev.notes) == (
        DeviceType.PRINTER, 1.0, "Clerk printer", "Annex", "leased, Ricoh contract")
    over = [e for e in dev.evidence if e.source == "override"]
    assert {e.detail.split(" = ")[0] for e in over} == {"type", "name", "site", "notes"}
    assert dev.evidence[0].source == "override"
    laptop = next(d for d in inv.devices if "10.0.0.7" in d.addresses)
    assert laptop.transient and laptop.name == "laptop-7"  # name match is case-insensitive


def test_overrides_survive_every_rescan(tmp_path: Path) -> None:
    ov = load_overrides(_write(tmp_path, TOML))
    for scan_id, extra in (("a", []), ("b", [svc("10.0.0.9", 9100, "jetdirect")]),
                           ("c", [svc("10.0.0.9", 3389, "ms-wbt-server")])):
        inv = build_inventory(make_scan([arp("10.0.0.9", mac(9)), *extra], scan_id=scan_id), ov)
        (dev,) = inv.devices
        assert dev.type is DeviceType.PRINTER and dev.name == "Clerk printer"


def test_apply_is_idempotent() -> None:
    ov = Overrides.model_validate({"devices": {"10.0.0.9": {"type": "nas"}}})
    (dev,) = build_inventory(make_scan([arp("10.0.0.9", mac(9))])).devices
    once = apply_overrides([dev], ov)
    assert apply_overrides(once, ov) == once
    assert once[0].type is DeviceType.NAS


def test_type_override_changes_topology_reading() -> None:
    """Two MACs on one port: an unmanaged switch, unless the user says one is a phone."""
    phone, pc = mac(0x30), mac(0x31)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [phone, pc]})
    scan = make_scan([*sw, arp("10.0.0.30", phone), arp("10.0.0.31", pc)])
    plain = build_inventory(scan)
    assert [d.id for d in plain.devices if d.inferred]
    ov = Overrides.model_validate({"devices": {phone: {"type": "phone"}}})
    told = build_inventory(scan, ov)
    assert not [d.id for d in told.devices if d.inferred]
    assert any(lk.a == f"mac:{phone}" and lk.b == f"mac:{pc}" for lk in told.links)


def test_inferred_unmanaged_switch_can_be_named_by_id() -> None:
    a, b = mac(0x30), mac(0x31)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, tables={"ge2": [a, b]})
    scan = make_scan([*sw, arp("10.0.0.30", a), arp("10.0.0.31", b)])
    uid = next(d.id for d in build_inventory(scan).devices if d.inferred)
    ov = Overrides.model_validate({"devices": {uid: {"name": "desk switch, room 12"}}})
    (u,) = [d for d in build_inventory(scan, ov).devices if d.inferred]
    assert u.name == "desk switch, room 12"


@pytest.mark.parametrize("text, needle", [
    ('[devices."10.0.0.9"]\ntype = "toaster"\n', "devices.10.0.0.9.type"),
    ('[devices."10.0.0.9"]\ncolour = "red"\n', "unknown key"),
    ('[devices\n', "not valid TOML"),
])
def test_bad_overrides_file_is_a_config_error_naming_the_key(
        tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(ConfigError, match="overrides") as err:
        load_overrides(_write(tmp_path, text))
    assert needle in str(err.value)


def test_missing_overrides_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_overrides(tmp_path / "nope.toml")
