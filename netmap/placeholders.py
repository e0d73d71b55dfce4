"""The one table of values that makers leave in unset identity fields.

An SNMP agent's serial object, a PC's SMBIOS (read by WMI or `dmidecode`) and a switch's
LLDP-MED row all come back with the same fillers: "To be filled by O.E.M.", "Default
string", "N/A", "0123456789", a run of zeros. None of them names a vendor, model, serial or
place, so every reader asks here and treats them as no value.
"""

from __future__ import annotations

PLACEHOLDERS = frozenset(
    s.casefold()
    for s in (
        "", "-", "--", ".", "0", "n/a", "na", "none", "null", "invalid", "unknown",
        "not available", "not specified", "not applicable", "default string",
        "default location",  # Cisco controllers' location of an AP nobody placed
        "to be filled by o.e.m.", "oem", "o.e.m.",
        "system serial number", "system product name", "system manufacturer",
        "chassis serial number", "base board serial number", "serial number", "serialnumber",
        "0123456789", "1234567890", "123456789",
    )
)  # fmt: skip

# A value made only of these is a blank field: zeros, dashes, dots, asterisks, colons, or the
# all-ones "FFFFFFFF" of an erased EEPROM.
_FILLER = frozenset("0 .-*?:Ff")


def placeholder(value: str) -> bool:
    """True when `value` names nothing: a maker's filler or a blank run of characters."""
    return value.strip().casefold() in PLACEHOLDERS or set(value) <= _FILLER
