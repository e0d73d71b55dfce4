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
