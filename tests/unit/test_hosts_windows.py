"""The Windows inventory: the fixed PowerShell, the parser on output in the form that script
prints (WMI/CIM field names as documented; PowerShell 5.1's quirks), and WinRM's policy and
error handling with pypsrp's client replaced (no Windows host here, no socket opened)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pydantic import SecretStr

from netmap.discover.hosts import winrm
from netmap.discover.hosts.powershell import INVENTORY_PS, INVENTORY_PS_ENCODED, SSH_COMMAND
from netmap.infer.hosts.windows import HostParseError, parse_windows
from netmap.model import HostInvObs, ResolvedHostCredential

DATA = Path(__file__).resolve().parents[1] / "data" / "hosts"
PASSWORD = "Winter2024!city"


def load(name: str) -> str:
    return (DATA / name).read_text("utf-8")


def test_script_is_fixed_read_only_and_fits_a_command_line() -> None:
    assert base64.b64decode(INVENTORY_PS_ENCODED).decode("utf-16-le") == INVENTORY_PS
    assert len(SSH_COMMAND) < 8191  # cmd.exe's command-line limit
    lowered = INVENTORY_PS.lower()
    assert "win32_product" not in lowered  # it would make Windows repair MSI packages
    for verb in ("set-", "remove-", "new-", "invoke-expression", "start-process", "restart"):
        assert verb not in lowered, verb
    for key in ("ComputerSystem", "BIOS", "OperatingSystem", "Software", "Hotfixes", "WOW6432Node",
                "HKEY_USERS"):  # fmt: skip
        assert key in INVENTORY_PS


def test_windows_11_workstation_over_winrm() -> None:
    inv = parse_windows(load("windows-11-pro.json"), "winrm")
    assert (inv.vendor, inv.model, inv.serial) == ("Dell Inc.", "OptiPlex 7010", "8GQZ2Y3")
    assert (inv.os_name, inv.os_version, inv.os_build) == ("Microsoft Windows 11 Pro",
                                                           "10.0.22631", "22631")
    assert inv.hostname == "CLERK-WS01" and inv.memory_bytes == 17013669888
    assert inv.cpu == "13th Gen Intel(R) Core(TM) i5-13500" and inv.cpu_cores == 14
    assert inv.disks[0].size_bytes == 512105932800
    names = [s.name for s in inv.software]
    assert names.count("7-Zip 23.01 (x64)") == 1  # both hives: one row
    zoom = next(s for s in inv.software if s.name == "Zoom")
    assert zoom.sw_type == "per-user application" and zoom.installed == "2024-01-12"
    reader = next(s for s in inv.software if s.name == "Adobe Acrobat Reader")
    assert (reader.publisher, reader.installed) == ("Adobe", "2023-11-15")
    assert [(h.id, h.installed) for h in inv.hotfixes] == [("KB5034467", "2024-01-10"),
                                                           ("KB5034765", "2024-02-14")]
    assert "model: Win32_ComputerSystem.Model over WinRM" in inv.evidence
    assert "serial: Win32_BIOS.SerialNumber over WinRM" in inv.evidence
    assert "software: 6 entries from the Uninstall registry keys over WinRM" in inv.evidence


def test_windows_server_vm_over_ssh() -> None:
    inv = parse_windows(load("windows-server-2022.json"), "ssh")
    assert inv.os_name == "Microsoft Windows Server 2022 Standard" and inv.cpu_cores == 8
    assert inv.model == "VMware7,1" and inv.serial is not None and inv.serial.startswith("VMware-")
    assert len(inv.disks) == 2 and "model: Win32_ComputerSystem.Model over SSH" in inv.evidence
    sql = next(s for s in inv.software if s.name == "Microsoft SQL Server 2019 (64-bit)")
    assert sql.version is None and inv.hotfixes[0].installed is None


def test_powershell_51_quirks_and_hostile_strings() -> None:
    inv = parse_windows(load("windows-ps51-quirks.json"), "winrm")
    assert inv.serial is None  # "To be filled by O.E.M." is no serial
    assert inv.cpu_cores == 4 and inv.memory_bytes == 8433725440
    assert [d.size_bytes for d in inv.disks] == [256052966400]
    (sw,) = inv.software
    assert "\x1b" not in sw.name and sw.installed is None  # not yyyymmdd: no date invented
    assert sw.publisher == "=cmd|' /C calc'!A0"  # kept as text; every renderer neutralises it
    assert inv.hotfixes[0].installed == "2022-01-13"


@pytest.mark.parametrize("output", ["", "   ", '{"ComputerSystem": {"Manu', "[1, 2]",
                                    "\ufeffnot json at all", "Access is denied."])  # fmt: skip
def test_unreadable_output_is_a_clear_error(output: str) -> None:
    with pytest.raises(HostParseError) as err:
        parse_windows(output, "winrm")
    assert len(str(err.value)) < 200


def test_huge_strings_are_capped() -> None:
    data = json.loads(load("windows-11-pro.json"))
    data["Software"][0]["DisplayName"] = "A" * 200_000
    inv = parse_windows(json.dumps(data), "winrm")
    assert max(len(s.name) for s in inv.software) <= 512


def cred(**kw: Any) -> ResolvedHostCredential:
    return ResolvedHostCredential.model_validate(
        {"kind": "winrm", "name": "domain", "user": "CITY\\inv", "password": SecretStr(PASSWORD),
         **kw})  # fmt: skip


def test_plain_http_is_refused_unless_said_out_loud(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("must not connect")

    monkeypatch.setattr(winrm, "_execute", boom)
    obs = winrm.run_winrm("10.0.0.5", cred(https=False))
    assert obs.failure == "refused by policy" and obs.port == 5985


class _Client:
    """pypsrp's Client, replaced: records its arguments, answers or raises as told."""

    answer: tuple[str, Any, bool] | None = None
    error: BaseException | None = None
    kwargs: ClassVar[dict[str, Any]] = {}

    def __init__(self, server: str, **kwargs: Any) -> None:
        type(self).kwargs = {"server": server, **kwargs}

    def execute_ps(self, script: str) -> tuple[str, Any, bool]:
        assert script == INVENTORY_PS
        if self.error is not None:
            raise self.error
        assert self.answer is not None
        return self.answer


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> type[_Client]:
    import pypsrp.client

    monkeypatch.setattr(pypsrp.client, "Client", _Client)
    _Client.answer, _Client.error = None, None
    return _Client


def test_winrm_answer_is_stored_raw(client: type[_Client]) -> None:
    client.answer = (load("windows-11-pro.json"), None, False)
    obs = winrm.run_winrm("10.0.0.5", cred(verify_tls=False), timeout=12)
    assert obs.failure is None and obs.platform == "windows" and obs.port == 5986
    assert parse_windows(obs.outputs["windows"], "winrm").model == "OptiPlex 7010"
    assert client.kwargs["no_proxy"] is True and client.kwargs["ssl"] is True
    assert client.kwargs["cert_validation"] is False and client.kwargs["auth"] == "ntlm"


def test_winrm_output_is_bounded(client: type[_Client]) -> None:
    client.answer = ("x" * 5000, None, False)
    obs = winrm.run_winrm("10.0.0.5", cred(), max_bytes=1000)
    assert obs.truncated and len(obs.outputs["windows"]) == 1000


@pytest.mark.parametrize(("make", "failure"), [
    (lambda: __import__("pypsrp.exceptions").exceptions.AuthenticationError(
        f"Failed to authenticate the user CITY\\inv with ntlm ({PASSWORD})"),
     "authentication failed"),
    (lambda: __import__("requests").exceptions.ConnectTimeout("timed out"), "timed out"),
    (lambda: ConnectionRefusedError(111, "Connection refused"), "port closed"),
    (lambda: RuntimeError(f"odd failure mentioning {PASSWORD}"), "error"),
])  # fmt: skip
def test_winrm_errors_become_reasons_without_the_password(
    client: type[_Client], make: Any, failure: str
) -> None:
    client.error = make()
    obs = winrm.run_winrm("10.0.0.5", cred())
    assert obs.failure == failure and obs.credential is None
    assert PASSWORD not in obs.model_dump_json()
    HostInvObs.model_validate_json(obs.model_dump_json())
