"""The accuracy benchmark's scorer: what it counts as the value LibreNMS expects."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import snmp_accuracy as accuracy


def _right(ours: str, want: str) -> bool:
    expected = accuracy.expected_value(want)
    assert expected is not None
    return accuracy.contains_match(ours, expected) or accuracy.contains_match(
        ours, accuracy.unhexed(expected))


def test_a_hex_dump_is_compared_as_the_bytes_it_shows() -> None:
    """LibreNMS prints a string that holds NULs, or that its MIB types as no DisplayString, as
    hex pairs: the agent's text is the same bytes."""
    assert _right("80 0", "38 30 20 30")
    # a NUL-padded serial inside a template, the dump cut short by LibreNMS's column
    assert _right("TDCM : D2202L2008 - EDFA : E2202L21008",
                  "TDCM : 44 32 32 30 32 4C 32 30 30 38 00 00 00 00 00 00 - EDFA : 45 32 ")
    # other bytes in the dump are still a miss
    assert not _right("TDCM : D2202L2009 - EDFA : E2202L21008",
                      "TDCM : 44 32 32 30 32 4C 32 30 30 38 00 00 00 00 00 00 - EDFA : 45 32 ")


def test_numbers_that_are_no_printable_dump_stay_as_they_are() -> None:
    assert accuracy.unhexed("12 34 56 78") == "12 34 56 78"  # control bytes: not a dump
    assert accuracy.unhexed("1.2.3.4 10 20") == "1.2.3.4 10 20"  # fewer than four pairs
    assert not _right("4V", "12 34 56 78")


def test_a_disputed_folder_label_is_listed_beside_the_unchanged_headline() -> None:
    """The class-walk benchmark scores every walk by its folder; a label the walk's own words
    contradict is listed with those words, and counted apart only in the second line."""
    import class_walks as cw

    T = cw.DeviceType
    walks = [cw.Walk("network/router", "cisco-unmarked-0", T.SWITCH, 0.76, "Cisco", None, ""),
             cw.Walk("UPS", "juniper-ac", T.ROUTER, 0.35, "Juniper", None, ""),
             cw.Walk("network/router", "plain", T.ROUTER, 0.8, None, None, "")]
    text = cw.report(walks, 1.0, show_all=False)
    assert "class: 1/3 (33.3%)" in text  # the headline: by folder, disputed or not
    assert ("folder labels the walk's own words dispute: 2 (the headline keeps them); "
            "without them 1/1 (100.0%), scored by their words 2/3 (66.7%)") in text
    assert "netmap switch 0.76 (right by its words)" in text
    assert "netmap router 0.35 (wrong by its words)" in text
