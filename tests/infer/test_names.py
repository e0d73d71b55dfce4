"""One naming convention per scan: full DNS names shown by their host part where it is unique."""

from __future__ import annotations

import pytest

from netmap.infer.names import first_label, short_names
from netmap.infer.overrides import apply_overrides
from netmap.infer.pipeline import build_inventory
from netmap.model import Device, Overrides

from .factory import arp, dns, host, mac, make_scan


@pytest.mark.parametrize(("name", "short"), [
    ("pbx.cityhall.lan", "pbx"),
    ("PBX.CityHall.lan.", "PBX"),  # the administrator's case is kept
    ("pd_ws1.police.local", "pd_ws1"),
    ("rtr1", None),  # already short
    ("10.77.10.5", None),  # an address
    ("Cisco 2960.lab", None),  # not a host name
    ("localhost.localdomain", None),  # generic: names nothing
    ("host.123", None),  # the last label of a DNS name is never all digits
    ("", None),
])
def test_first_label(name: str, short: str | None) -> None:
    assert first_label(name) == short


def _dev(n: int, name: str | None) -> Device:
    return Device(id=f"mac:{mac(n)}", name=name)


def test_short_unless_another_device_has_that_host_name() -> None:
    devices = [_dev(1, "pbx.cityhall.lan"), _dev(2, "rtr1"), _dev(3, "ws1.cityhall.lan"),
               _dev(4, "ws1.police.lan"), _dev(5, "RTR1.police.lan"), _dev(6, None)]
    assert [d.name for d in short_names(devices)] == [
        "pbx", "rtr1", "ws1.cityhall.lan", "ws1.police.lan", "RTR1.police.lan", None]


def test_scan_keeps_the_dns_name_beside_the_short_one() -> None:
    inv = build_inventory(make_scan([
        arp("10.0.0.5", mac(5)), dns("10.0.0.5", "pbx.cityhall.lan."),
        arp("10.0.0.6", mac(6)), host("10.0.0.6", mac(6), hostname="ws6"),
        dns("10.0.0.6", "ws6.cityhall.lan"),
    ]))
    by_ip = {d.addresses[0]: d for d in inv.devices}
    assert (by_ip["10.0.0.5"].name, by_ip["10.0.0.5"].dns_name) == ("pbx", "pbx.cityhall.lan")
    assert (by_ip["10.0.0.6"].name, by_ip["10.0.0.6"].dns_name) == ("ws6", "ws6.cityhall.lan")


def test_override_by_full_name_names_one_host_by_short_name_either() -> None:
    devices = [Device(id="a", name="ws1.cityhall.lan", dns_name="ws1.cityhall.lan"),
               Device(id="b", name="ws1.police.lan", dns_name="ws1.police.lan"),
               Device(id="c", name="pbx", dns_name="pbx.cityhall.lan")]
    ov = Overrides.model_validate({"devices": {"ws1.police.lan": {"site": "Police"},
                                               "PBX.cityhall.lan": {"zone": "Phones"}}})
    out = {d.id: d for d in apply_overrides(devices, ov)}
    assert (out["a"].site, out["b"].site, out["c"].zone) == (None, "Police", "Phones")
    short = Overrides.model_validate({"devices": {"pbx": {"notes": "FreePBX"}}})
    assert apply_overrides(devices, short)[2].notes == "FreePBX"


def test_inventory_and_editable_exports_carry_the_dns_name() -> None:
    from netmap.render.drawio import _device_data
    from netmap.render.graphml import _device_attrs
    from netmap.render.inventory import devices_table

    inv = build_inventory(make_scan([arp("10.0.0.5", mac(5)), dns("10.0.0.5", "pbx.cityhall.lan")]))
    table = devices_table(inv)
    row = dict(zip(table.headers, table.rows[0], strict=True))
    assert (row["Name"], row["DNS name"]) == ("pbx", "pbx.cityhall.lan")
    (dev,) = inv.devices
    assert _device_data(dev)["dns_name"] == _device_attrs(dev)["dns_name"] == "pbx.cityhall.lan"
    joined = dev.model_copy(update={"windows_domain": "CITYHALL"})
    assert _device_data(joined)["windows_domain"] == _device_attrs(joined)["windows_domain"] \
        == "CITYHALL"
