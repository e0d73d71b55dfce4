"""SLA tiers: the default rules, overrides, custom tiers, and where the tiers show."""

from __future__ import annotations

from netmap.changes import diff_history
from netmap.infer.overrides import apply_overrides
from netmap.infer.sla import assign_sla, tier_names
from netmap.model import (
    DEFAULT_SLA_TIERS,
    ChangeKind,
    DeviceOverride,
    Inventory,
    Overrides,
    SlaTier,
)
from netmap.render.change_report import sentence
from netmap.render.inventory import devices_table, sla_table
from netmap.render.scene import Badge, build_scene
from netmap.render.summary import summary_sections
from tests.render.factory import city_hall


def _hall(tiers: list[SlaTier] = DEFAULT_SLA_TIERS) -> Inventory:
    return assign_sla(city_hall(), tiers)


def _tiers(inv: Inventory) -> dict[str, str | None]:
    return {d.name or d.id: d.sla_tier for d in inv.devices}


def test_default_rules() -> None:
    tiers = _tiers(_hall())
    for name in ("mail01", "pbx01", "rtr-edge", "fw-01", "sw-core", "backup01", "cad-srv",
                 "pd-ws-1", "sw-police", "dc01"):  # fmt: skip
        assert tiers[name] == "critical", name
    for name in ("sw-hall-1", "ap-lobby", "files01", "nas01", "ups01"):
        assert tiers[name] == "high", name
    for name in ("ws-001", "printer-1", "phone-101", "cam-1"):
        assert tiers[name] == "standard", name
    mail = next(d for d in _hall().devices if d.name == "mail01")
    assert mail.sla_reason == "e-mail system"


def test_override_sets_a_tier_with_evidence() -> None:
    inv = city_hall()
    ov = Overrides(devices={"ws-001": DeviceOverride(sla_tier="critical")})
    inv = assign_sla(inv.model_copy(update={"devices": apply_overrides(inv.devices, ov)}),
                     DEFAULT_SLA_TIERS)  # fmt: skip
    ws = next(d for d in inv.devices if d.name == "ws-001")
    assert ws.sla_tier == "critical"
    assert any(e.source == "override" and "sla_tier" in e.detail for e in ws.evidence)


def test_custom_tiers_map_by_rank() -> None:
    tiers = [SlaTier(name="gold", response="2h"), SlaTier(name="bronze", response="3 days")]
    assert tier_names(tiers) == {"critical": "gold", "high": "bronze", "standard": "bronze"}
    got = _tiers(_hall(tiers))
    assert got["mail01"] == "gold" and got["ws-001"] == "bronze"


def test_tiers_in_the_sheets_the_summary_and_the_diagram() -> None:
    inv = _hall()
    table = devices_table(inv)
    mail = dict(zip(table.headers, next(r for r in table.rows if r[0] == "mail01"), strict=True))
    assert (mail["SLA tier"], mail["Response time"]) == ("critical", "1h")
    sla = sla_table(inv).rows
    assert sla[0][0] == "critical" and sla[-1][0] == "standard"
    section = next(s for s in summary_sections(inv) if s.title.startswith("Service levels"))
    first = section.rows[0]
    assert first[0] == "Critical: response within 1h" and "mail01" in first[1]
    # the gateways and switches are named before cameras and workstations; the rest counted
    named = first[1].split(": ", 1)[1].split(", ")
    assert named[0] in ("fw-01", "rtr-edge"), named
    if "more" in first[1]:
        assert first[1].endswith(" more") and "…" not in first[1]
    scene = build_scene(inv)
    badges = {n.title: n.badges for n in scene.nodes.values()}
    assert Badge.CRITICAL in badges["mail01"] and Badge.CRITICAL not in badges["ws-001"]


def test_change_report_puts_critical_systems_first() -> None:
    old = _hall()
    gone = {"pbx01", "ws-002"}
    new = old.model_copy(update={"devices": [d for d in old.devices if d.name not in gone],
                                 "scan_id": "next"})  # fmt: skip
    changes = diff_history([old, old, old], new, missing_threshold=1)
    removed = [c for c in changes if c.kind is ChangeKind.DEVICE_REMOVED]
    assert [c.name for c in removed][:1] == ["pbx01"] and removed[0].critical
    assert changes[0].critical and sentence(changes[0]).startswith("CRITICAL SYSTEM -")
    assert not next(c for c in removed if c.name == "ws-002").critical
