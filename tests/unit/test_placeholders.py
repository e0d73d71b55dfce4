"""One placeholder table for every reader of an identity field."""

from __future__ import annotations

import pytest

from netmap.discover.snmp.candidates import useful
from netmap.infer.hosts.unix import text as unix_text
from netmap.infer.hosts.windows import _identity as windows_identity
from netmap.placeholders import placeholder

FILLERS = ["To be filled by O.E.M.", "Default string", "N/A", "0123456789", "00000000",
           "FFFFFFFF", "--", "System Serial Number", "Not Specified", "  unknown ", "OEM",
           "00:00:00", "Invalid", "\u00ff\u00ff", "\u00ff" * 16, "\ufffd\ufffd", "+/+", "#"]  # fmt: skip
REAL = ["FGT60FTK21091234", "PowerEdge R740", "F5", "Dell Inc.", "HP", "SIP-T46U", "C9300-48P",
        "F0E1D2", "Default Gateway 1", "1234567"]  # fmt: skip


@pytest.mark.parametrize("value", FILLERS)
def test_a_filler_is_no_value_to_every_reader(value: str) -> None:
    """SNMP, a Linux host's DMI and a Windows host's SMBIOS agree: a filler names nothing."""
    assert placeholder(value)
    assert useful(value.strip()) is None
    assert unix_text(value) is None
    assert windows_identity(value) is None


@pytest.mark.parametrize("value", REAL)
def test_a_real_value_is_kept_by_every_reader(value: str) -> None:
    assert not placeholder(value)
    assert useful(value) == value
    assert unix_text(value) == value
    assert windows_identity(value) == value
