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

# A value made only of these is a blank field: zeros, dashes, dots, asterisks, colons, the
# all-ones "FFFFFFFF" of an erased EEPROM, or that EEPROM's raw 0xFF bytes, which an agent
# hands over as the string itself and which read as "ÿ" (no encoding makes them text).
_FILLER = frozenset("0 .-*?:Ff\u00ff\ufffd")


def placeholder(value: str) -> bool:
    """True when `value` names nothing: a maker's filler, a blank run of characters, or no
    letter or digit at all (punctuation, or control bytes shown as blanks)."""
    return (value.strip().casefold() in PLACEHOLDERS or set(value) <= _FILLER
            or not any(ch.isalnum() for ch in value))  # fmt: skip
