"""Parse the Windows inventory (the JSON document powershell.py's script prints) into a
HostInventory. A pure function of the stored text, the same for WinRM and SSH: `method` only
words the evidence.

Everything in the document came from the host, so nothing is trusted: PowerShell 5.1's
quirks (a lone object where an array was meant, an array wrapped as {"value": [...]}, numbers
as strings, dates as "\\/Date(ms)\\/") are read; missing keys, nulls and values of the wrong
type are skipped; every string is cleaned of control characters and capped; a product in both
Uninstall hives is one row. Output that is not the document (empty, cut short, an error text)
is a HostParseError that says what is wrong and quotes at most a few dozen characters of it.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, date, datetime
from typing import Any

from netmap.model import Disk, HostInventory, Hotfix, SoftwareItem
from netmap.placeholders import placeholder

MAX_TEXT = 512  # one string from the host; longer ones are cut
MAX_ITEMS = 100_000  # entries read from one list (software, hotfixes, disks)
MAX_INT = 2**63  # larger "numbers" are nonsense for bytes or cores
QUOTE = 40  # characters of unreadable output quoted in an error
SECTIONS = ("ComputerSystem", "BIOS", "OperatingSystem", "Processor", "Disks", "Software",
            "Hotfixes", "Errors")  # fmt: skip

# C0, DEL and C1 controls, and the invisible characters that reorder or hide text (bidi
# overrides, zero-width), which make a name display as something it is not.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_MS_DATE = re.compile(r"/?Date\((-?\d{1,15})(?:[+-]\d{4})?\)/?")
_YYYYMMDD = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _parse_int(digits: str) -> int | None:
    # Python refuses to convert an integer of more than 4300 digits (ValueError, and slow
    # before that): a number no inventory field can hold is read as no value.
    return int(digits) if len(digits) <= 20 else None


# NaN and Infinity (which json accepts) are no value either.
_DECODER = json.JSONDecoder(parse_int=_parse_int, parse_constant=lambda _name: None)


class HostParseError(ValueError):
    """The output is not the inventory document (empty, cut short, something else)."""


def parse_windows(text: str, method: str) -> HostInventory:
    data = _load(text)
    system, bios, os_ = (_obj(data.get(k)) for k in ("ComputerSystem", "BIOS", "OperatingSystem"))
    cpus = [_obj(c) for c in _list(data.get("Processor"))]
    inv = HostInventory(
        method=method,
        platform="windows",
        hostname=_text(system.get("Name")),
        vendor=_identity(system.get("Manufacturer")),
        model=_identity(system.get("Model")),
        serial=_identity(bios.get("SerialNumber")),
        os_name=_text(os_.get("Caption")),
        os_family="Windows" if "windows" in str(os_.get("Caption") or "").casefold() else None,
        os_version=_text(os_.get("Version")),
        os_build=_text(os_.get("BuildNumber")),
        cpu=_cpu_name(cpus),
        cpu_cores=_sum(_int(c.get("NumberOfCores")) for c in cpus),
        memory_bytes=_int(system.get("TotalPhysicalMemory")),
        disks=_disks(_list(data.get("Disks"))),
        software=_software(_list(data.get("Software"))),
        hotfixes=_hotfixes(_list(data.get("Hotfixes"))),
    )
    inv.evidence = _evidence(inv, "SSH" if method == "ssh" else "WinRM")
    return inv


def _evidence(inv: HostInventory, over: str) -> list[str]:
    """Where each field came from, for the fields that got a value."""
    sources = (("vendor", inv.vendor, "Win32_ComputerSystem.Manufacturer"),
               ("model", inv.model, "Win32_ComputerSystem.Model"),
               ("serial", inv.serial, "Win32_BIOS.SerialNumber"),
               ("os", inv.os_name, "Win32_OperatingSystem.Caption"))  # fmt: skip
    lines = [f"{field}: {where} over {over}" for field, value, where in sources if value]
    if inv.software:
        lines.append(f"software: {len(inv.software)} entries from the Uninstall registry keys "
                     f"over {over}")  # fmt: skip
    return lines


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def _load(output: str) -> dict[str, Any]:
    body = output.lstrip("\ufeff \t\r\n")
    if not body.strip():
        raise HostParseError("the Windows inventory printed nothing")
    # Text before the document (a profile's greeting, a CLIXML progress header over SSH) is
    # skipped; the document is the first JSON object and whatever follows it is ignored.
    start = body.find("{")
    if start < 0:
        raise HostParseError(f"the Windows inventory printed no JSON object: {_quote(body)}")
    try:
        data, _end = _DECODER.raw_decode(body, start)
    except json.JSONDecodeError as exc:
        raise HostParseError(_decode_problem(body, exc)) from None
    except RecursionError:
        raise HostParseError("the Windows inventory JSON is nested too deep to read") from None
    if not isinstance(data, dict) or not any(key in data for key in SECTIONS):
        raise HostParseError("the Windows inventory JSON is not the inventory document (none of "
                             f"its sections): {_quote(body[start:])}")  # fmt: skip
    return data


def _decode_problem(body: str, exc: json.JSONDecodeError) -> str:
    # Output cut at the byte cap (or a dropped connection) ends inside a string or before the
    # closing brackets: say so, since the fix is a bigger cap or a retry, not a better parser.
    if exc.msg.startswith("Unterminated string") or exc.pos >= len(body.rstrip()) - 1:
        return (f"the Windows inventory JSON is cut short: it ends at character {len(body)} "
                f"before the document is complete ({exc.msg})")  # fmt: skip
    return (f"the Windows inventory is not valid JSON: {exc.msg} at character {exc.pos} "
            f"(near {_quote(body[max(0, exc.pos - 10) : exc.pos + 20])})")  # fmt: skip


def _quote(fragment: str) -> str:
    """A short, printable quotation of host output for an error message."""
    cleaned = _CONTROL.sub(" ", fragment[: QUOTE * 2]).strip()
    return repr(cleaned[:QUOTE] + ("…" if len(cleaned) > QUOTE else ""))


# ---------------------------------------------------------------------------------------------
# Values: whatever type arrives, a clean value of the expected type or None
# ---------------------------------------------------------------------------------------------


def _obj(value: Any) -> dict[str, Any]:
    """A section that should be one object: a lone-element array (or worse) is read too."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """A section that should be an array: 5.1 writes a lone item as the item itself, and an
    array that passed through a PSObject as {"value": [...], "Count": n}."""
    if isinstance(value, dict) and isinstance(value.get("value"), list):
        value = value["value"]
    if isinstance(value, dict):
        return [value]
    return value[:MAX_ITEMS] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    """A host's string made safe to keep: control and invisible characters become spaces,
    at most MAX_TEXT long, None when empty. Numbers are read as their text."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    raw = str(value)[: MAX_TEXT * 4]  # bound the work before cleaning
    # A lone surrogate ("\ud800" in the JSON) cannot be stored as UTF-8: make it "?".
    raw = raw.encode("utf-8", "replace").decode("utf-8")
    cleaned = _CONTROL.sub(" ", raw).strip()[:MAX_TEXT].rstrip()
    return cleaned or None


def _identity(value: Any) -> str | None:
    """Vendor, model or serial: a maker's placeholder or an all-zero string is no value."""
    cleaned = _text(value)
    return None if cleaned is None or placeholder(cleaned) else cleaned


def _int(value: Any) -> int | None:
    """A non-negative count or size, from a number or a numeric string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = int(value) if math.isfinite(value) and value.is_integer() else None
    elif isinstance(value, str):
        digits = value.strip()
        value = int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 20 else None
    if isinstance(value, int) and 0 <= value < MAX_INT:
        return value
    return None


def _sum(values: Any) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _cpu_name(cpus: list[dict[str, Any]]) -> str | None:
    name = _text(cpus[0].get("Name")) if cpus else None
    return " ".join(name.split()) if name else None  # Xeon names come padded with spaces


def _install_date(value: Any) -> str | None:
    """An Uninstall key's InstallDate (yyyymmdd as the installer wrote it) as YYYY-MM-DD; None
    when it is anything else (installers write other forms too, with no stated order)."""
    text = _text(value)
    if text is None:
        return None
    if m := _YYYYMMDD.fullmatch(text):
        return _valid_date(int(m[1]), int(m[2]), int(m[3]))
    return _iso_date(text)


def _date(value: Any) -> str | None:
    """A date the script wrote as ISO 8601, or 5.1's "\\/Date(ms)\\/" (also inside the
    {"value": ..., "DateTime": ...} object 5.1 writes for a decorated date), as YYYY-MM-DD."""
    if isinstance(value, dict):
        value = value.get("value")
    text = _text(value)
    if text is None:
        return None
    if m := _MS_DATE.fullmatch(text):
        try:
            return datetime.fromtimestamp(int(m[1]) / 1000, UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return _iso_date(text)


def _iso_date(text: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    return _valid_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return when.isoformat() if 1980 <= year <= 2100 else None


# ---------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------


def _disks(entries: list[Any]) -> list[Disk]:
    disks = []
    for number, entry in enumerate(e for e in entries if isinstance(e, dict)):
        model = _text(entry.get("Model"))
        disks.append(Disk(name=model or f"disk {number}", model=model,
                          size_bytes=_int(entry.get("Size"))))  # fmt: skip
    return disks


def _software(entries: list[Any]) -> list[SoftwareItem]:
    """Every hive's entries, once each: a product registered in both the 64- and the 32-bit
    hive (or for the machine and a user) with the same name and version is one row, which
    takes the publisher and date from whichever entry has them."""
    rows: dict[tuple[str, str | None], SoftwareItem] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not (name := _text(entry.get("DisplayName"))):
            continue
        item = SoftwareItem(name=name, version=_text(entry.get("DisplayVersion")),
                            publisher=_text(entry.get("Publisher")), sw_type="application",
                            installed=_install_date(entry.get("InstallDate")))  # fmt: skip
        key = (name.casefold(), item.version)
        if (seen := rows.get(key)) is None:
            rows[key] = item
        else:
            better = {"publisher": seen.publisher or item.publisher,
                      "installed": seen.installed or item.installed}  # fmt: skip
            rows[key] = seen.model_copy(update=better)
    return sorted(rows.values(), key=lambda s: (s.name.casefold(), s.version or ""))


def _hotfixes(entries: list[Any]) -> list[Hotfix]:
    found: dict[str, Hotfix] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not (hotfix_id := _text(entry.get("HotFixID"))):
            continue
        found.setdefault(hotfix_id.upper(), Hotfix(
            id=hotfix_id, description=_text(entry.get("Description")),
            installed=_date(entry.get("InstalledOn"))))  # fmt: skip
    return list(found.values())
