"""Windows support on the day of the scan: the release a computer runs (named by identification,
or by its build), the end of its support, a long-term edition that outlives it, and the rows
Needs attention gets."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest

from netmap.infer.lifecycle import lifecycles, release_of, support
from netmap.model import Device, DeviceType

DAY = date(2026, 12, 7)


def pc(os: str | None, version: str | None = None, kind: DeviceType = DeviceType.WORKSTATION,
       confidence: float = 0.8) -> Device:  # fmt: skip
    return Device(id="mac:02:00:00:00:00:01", name="pc", os=os, os_version=version,
                  os_family="Windows" if os or version else None, type=kind,
                  confidence=confidence, addresses=["10.0.0.1"])


def test_every_lifecycle_row_loads_and_a_bad_row_is_skipped(
        caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    from netmap.infer.identify.ntlm import windows_releases

    with caplog.at_level(logging.WARNING):
        table = lifecycles()
    assert not caplog.records and table["Windows 10 22H2"].ended == date(2025, 10, 14)
    named = {half for r in windows_releases().values() for half in r.split(" or ")}
    assert named <= set(table), named - set(table)  # every release the builds name has a row
    text = "\n".join(["Windows 7\t2020-01-14", "Windows 8\tsoon", "Windows 9\t\tLTSC",
                      "\t2020-01-01"])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        table = lifecycles(text)
    assert list(table) == ["Windows 7"]
    assert [r.getMessage().split(" skipped")[0] for r in caplog.records] == [
        "windows-lifecycle.tsv line 2", "windows-lifecycle.tsv line 3",
        "windows-lifecycle.tsv line 4"]


def test_support_ends_on_a_patch_tuesday() -> None:
    """Microsoft ends servicing on a month's second Tuesday: a date on another day is a typo,
    except Windows Server 23H2's, which Microsoft set to the Friday 2025-10-24."""
    for release, cycle in lifecycles().items():
        for day in (cycle.ended, cycle.long_term_ended):
            if day is not None and release != "Windows Server 23H2":
                assert day.weekday() == 1 and 8 <= day.day <= 14, (release, day)
    assert lifecycles()["Windows Server 2025"].ended == date(2034, 11, 14)


def test_windows_10_ended_unless_it_is_the_long_term_edition() -> None:
    s = support(pc("Microsoft Windows 10 2004-22H2", "10.0.19041"), DAY)
    assert s is not None and s.past and s.ended == date(2025, 10, 14)
    assert s.unless == "Windows 10 IoT Enterprise LTSC 2021, supported until 2032-01-13"


def test_windows_11_22h2_to_23h2_ended_and_server_2016_ends_soon() -> None:
    s = support(pc("Microsoft Windows 11 22H2-23H2", "10.0.22621"), DAY)
    assert s is not None and s.past and s.unless is None
    server = support(pc("Microsoft Windows Server 2016", "10.0.14393", DeviceType.SERVER), DAY)
    assert server is not None and not server.past and server.ended == date(2027, 1, 12)
    assert support(pc("Microsoft Windows Server 2019", "10.0.17763", DeviceType.SERVER),
                   DAY) is None


def test_the_build_names_the_release_when_the_os_name_does_not() -> None:
    """A computer's own account names its edition ("Microsoft Windows 10 Pro") and its build;
    the build names the release. One that says LTSC is judged by the long-term edition."""
    pro = pc("Microsoft Windows 10 Pro", "10.0.19045")
    assert release_of(pro) == "Windows 10 22H2"
    s = support(pro, DAY)
    assert s is not None and s.past and s.unless is None  # 22H2 has no long-term edition
    ltsc = pc("Microsoft Windows 10 Enterprise LTSC", "10.0.17763")
    assert release_of(ltsc) == "Windows 10 1809" and support(ltsc, DAY) is None  # until 2029
    ltsb = pc("Microsoft Windows 10 Enterprise LTSB", "10.0.14393")
    s = support(ltsb, DAY)
    assert s is not None and s.past and s.release == "Windows 10 Enterprise LTSB 2016"


def test_an_unsure_type_or_an_unknown_release_says_nothing() -> None:
    unsure = pc("Microsoft Windows 10 1809 or Windows Server 2019", "10.0.17763",
                confidence=0.4)
    assert release_of(unsure) is None and support(unsure, DAY) is None
    assert support(pc("Microsoft Windows 11 24H2-25H2", "10.0.26100"), DAY) is None
    assert support(pc(None, "10.0.99999"), DAY) is None
    assert support(pc("Linux", None), DAY) is None
    assert support(pc(None, "not.a.version"), DAY) is None


def test_needs_attention_lists_the_upgrades_to_price() -> None:
    from netmap.model import Inventory
    from netmap.render.inventory import attention_table
    from tests.infer.factory import make_scan

    scan = make_scan([])
    inv = Inventory(scan_id="s", scanned_at=datetime(2026, 12, 7, 9, tzinfo=UTC),
                    request=scan.request, devices=[
                        pc("Microsoft Windows 10 2004-22H2", "10.0.19041"),
                        pc("Microsoft Windows Server 2016", "10.0.14393", DeviceType.SERVER),
                    ])
    rows = {r[0]: r for r in attention_table(inv).rows if r[0].startswith("Windows")}
    ended, ending = rows["Windows out of support"], rows["Windows support ending"]
    assert "support ended 2025-10-14, unless it runs Windows 10 IoT" in ended[3]
    assert ended[5].startswith("Check its edition.") and "Price its upgrade" in ended[5]
    assert ending[3] == "Windows Server 2016: Microsoft's support ends 2027-01-12."
