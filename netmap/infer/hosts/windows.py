"""Parse the Windows inventory (the JSON that powershell.py's script prints) into a
HostInventory. The same parser serves WinRM and SSH; `method` only words the evidence.

PowerShell 5.1 and 7 differ: 5.1 writes a lone object where an array was meant, numbers as
strings, dates as "\\/Date(ms)\\/"; all are read. Truncated or non-JSON output is a
HostParseError that says so without echoing more than a short piece of it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from netmap.infer.hosts.unix import text
from netmap.model import Disk, HostInventory, Hotfix, SoftwareItem

MAX_ITEMS = 100_000
_MS_DATE = re.compile(r"/Date\((-?\d+)")


class HostParseError(ValueError):
    """The output is not the inventory JSON (truncated, empty, something else)."""


def parse_windows(output: str, method: str) -> HostInventory:
    data = _load(output)
    over = "WinRM" if method == "winrm" else "SSH"
    inv = HostInventory(method=method, platform="windows")
    system, bios, os_ = (_obj(data.get(k)) for k in ("ComputerSystem", "BIOS", "OperatingSystem"))
    fields = (("hostname", system, "Name", None), ("vendor", system, "Manufacturer",
              "Win32_ComputerSystem.Manufacturer"), ("model", system, "Model",
              "Win32_ComputerSystem.Model"), ("serial", bios, "SerialNumber",
              "Win32_BIOS.SerialNumber"), ("os_name", os_, "Caption",
              "Win32_OperatingSystem.Caption"), ("os_version", os_, "Version", None),
              ("os_build", os_, "BuildNumber", None))  # fmt: skip
    for field, source, key, where in fields:
        value = text(_str(source.get(key)))
        setattr(inv, field, value)
        if value and where:
            inv.evidence.append(f"{'os' if field == 'os_name' else field}: {where} over {over}")
    inv.memory_bytes = _int(system.get("TotalPhysicalMemory"))
    cpus = [_obj(c) for c in _list(data.get("Processor"))]
    inv.cpu = text(" ".join((_str(cpus[0].get("Name")) or "").split())) if cpus else None
    inv.cpu_cores = sum(_int(c.get("NumberOfCores")) or 0 for c in cpus) or None
    inv.disks = [Disk(name=text(_str(d.get("Model"))) or "disk", size_bytes=_int(d.get("Size")),
                      model=text(_str(d.get("Model"))))
                 for d in map(_obj, _list(data.get("Disks")))]  # fmt: skip
    inv.software = _software(_list(data.get("Software")))
    inv.hotfixes = _hotfixes(_list(data.get("Hotfixes")))
    if inv.software:
        inv.evidence.append(f"software: {len(inv.software)} entries from the Uninstall registry "
                            f"keys over {over}")  # fmt: skip
    return inv


def _load(output: str) -> dict[str, Any]:
    body = output.lstrip("\ufeff").strip()
    if not body:
        raise HostParseError("the Windows inventory printed nothing")
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise HostParseError(f"the Windows inventory is not complete JSON ({exc.msg} at "
                             f"character {exc.pos}; starts {body[:60]!r})") from None  # fmt: skip
    if not isinstance(data, dict):
        raise HostParseError(f"the Windows inventory is a JSON {type(data).__name__}, "
                             "not an object")  # fmt: skip
    return data


def _software(entries: list[Any]) -> list[SoftwareItem]:
    """Both hives and the users' installs, once each (a product often writes both hives)."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for entry in entries[:MAX_ITEMS]:
        e = _obj(entry)
        name = text(_str(e.get("DisplayName")))
        if not name:
            continue
        version = text(_str(e.get("DisplayVersion")))
        if (name, version) in seen:
            continue
        seen.add((name, version))
        out.append(SoftwareItem(name=name, version=version,
                                publisher=text(_str(e.get("Publisher"))),
                                installed=_install_date(_str(e.get("InstallDate"))),
                                sw_type="per-user application" if e.get("Hive") == "HKU"
                                else "application"))  # fmt: skip
    return out


def _hotfixes(entries: list[Any]) -> list[Hotfix]:
    out = []
    for entry in entries[:MAX_ITEMS]:
        e = _obj(entry)
        if hotfix_id := text(_str(e.get("HotFixID"))):
            out.append(Hotfix(id=hotfix_id, description=text(_str(e.get("Description"))),
                              installed=_date(_str(e.get("InstalledOn")))))  # fmt: skip
    return out


def _install_date(value: str | None) -> str | None:
    """Uninstall keys keep InstallDate as yyyymmdd (when they keep it at all)."""
    if value and re.fullmatch(r"(19|20)\d{6}", value.strip()):
        v = value.strip()
        return f"{v[:4]}-{v[4:6]}-{v[6:]}"
    return None


def _date(value: str | None) -> str | None:
    """An ISO date, or PowerShell 5.1's "/Date(ms)/", as YYYY-MM-DD."""
    if not value:
        return None
    if m := _MS_DATE.search(value):
        try:
            return datetime.fromtimestamp(int(m.group(1)) / 1000, UTC).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return None
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _obj(value: Any) -> dict[str, Any]:
    if isinstance(value, list):  # 5.1 and 7 disagree on lone objects vs arrays
        value = value[0] if value else {}
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
