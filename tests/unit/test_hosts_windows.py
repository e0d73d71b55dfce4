"""The Windows inventory: the fixed PowerShell script (read-only, fits a command line), the
parser on output in the form that script prints (WMI/CIM field names as documented, PowerShell
5.1's quirks, hostile strings), and run_winrm's policy, bounds and error mapping with pypsrp's
classes replaced at its boundary (there is no Windows host here, and no socket is opened)."""

from __future__ import annotations

import base64
import json
import re
import time
from html import escape
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import SecretStr

from netmap.discover.hosts import winrm
from netmap.discover.hosts.powershell import INVENTORY_PS, INVENTORY_PS_ENCODED, SSH_COMMAND
from netmap.infer.hosts.windows import HostParseError, parse_windows
from netmap.model import HostInventory, HostInvObs, ResolvedHostCredential

DATA = Path(__file__).resolve().parents[1] / "data" / "hosts"
# Characters that every spelling of it (repr, URL, XML) writes differently.
PASSWORD = "Winter2024!city\\Hall&<x>"


def load(name: str) -> str:
    return (DATA / name).read_text("utf-8")


def document(name: str = "windows-11-pro.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(load(name))
    return data


# ---------------------------------------------------------------------------------------------
# The script
# ---------------------------------------------------------------------------------------------

# Every command the script may run: all of them read.
READ_ONLY_COMMANDS = {"Get-CimInstance", "Get-WmiObject", "Get-ItemProperty", "Get-ChildItem",
                      "Get-HotFix", "Select-Object", "Where-Object", "ForEach-Object",
                      "ConvertTo-Json"}  # fmt: skip


def test_encoded_command_is_the_script_and_fits_cmd_exe() -> None:
    assert base64.b64decode(INVENTORY_PS_ENCODED).decode("utf-16-le") == INVENTORY_PS
    assert len(INVENTORY_PS) <= 3000
    assert len(SSH_COMMAND) < 8191  # cmd.exe's limit, Windows OpenSSH's default shell
    assert SSH_COMMAND.endswith(f"-EncodedCommand {INVENTORY_PS_ENCODED}")


def test_script_only_reads() -> None:
    commands = set(re.findall(r"\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b", INVENTORY_PS))
    assert commands == READ_ONLY_COMMANDS
    lowered = INVENTORY_PS.lower()
    assert "win32_product" not in lowered  # reading it makes Windows repair MSI packages
    for risky in ("invoke-expression", "iex ", "start-process", "&&", "| out-", "> "):
        assert risky not in lowered, risky


def test_script_asks_for_the_documented_fields_each_section_on_its_own() -> None:
    fields = {
        "Win32_ComputerSystem": ["Manufacturer", "Model", "Name", "Domain", "TotalPhysicalMemory",
                                 "NumberOfLogicalProcessors"],
        "Win32_BIOS": ["SerialNumber", "SMBIOSBIOSVersion", "Manufacturer"],
        "Win32_OperatingSystem": ["Caption", "Version", "BuildNumber", "OSArchitecture",
                                  "InstallDate", "LastBootUpTime"],
        "Win32_Processor": ["Name", "NumberOfCores", "NumberOfLogicalProcessors"],
        "Win32_DiskDrive": ["Model", "Size", "MediaType", "InterfaceType"],
    }  # fmt: skip
    for wmi_class, names in fields.items():
        line = INVENTORY_PS[INVENTORY_PS.index(wmi_class) :].split("\nS ")[0]
        for name in names:
            assert f"'{name}'" in line, (wmi_class, name)
    for section in ("ComputerSystem", "BIOS", "OperatingSystem", "Processor", "Disks",
                    "Software", "Hotfixes"):  # fmt: skip
        assert f"\nS {section} {{" in INVENTORY_PS  # its own try/catch
    for lst in ("Processor", "Disks", "Software", "Hotfixes"):
        body = INVENTORY_PS.split(f"\nS {lst} ")[1].split("\nS ")[0].split("\n$o.Errors")[0]
        assert body.rstrip().endswith("} -a"), lst  # a list even with one item
    for needle in ("HKLM:\\SOFTWARE'", "HKLM:\\SOFTWARE\\WOW6432Node'", "Registry::HKEY_USERS",
                   "SystemComponent -ne 1", "-ErrorAction SilentlyContinue", "ToString('o')",
                   "$ErrorActionPreference = 'Stop'", "ConvertTo-Json -InputObject $o -Depth 4 "
                   "-Compress", "CommandNotFoundException] { $i = Get-WmiObject"):  # fmt: skip
        assert needle in INVENTORY_PS, needle


# ---------------------------------------------------------------------------------------------
# The parser on real-format output
# ---------------------------------------------------------------------------------------------


def test_windows_11_workstation_every_field() -> None:
    inv = parse_windows(load("windows-11-pro.json"), "winrm")
    assert (inv.method, inv.platform, inv.hostname) == ("winrm", "windows", "CLERK-WS01")
    assert (inv.vendor, inv.model, inv.serial) == ("Dell Inc.", "OptiPlex 7010", "8GQZ2Y3")
    assert (inv.os_name, inv.os_version, inv.os_build) == (
        "Microsoft Windows 11 Pro", "10.0.22631", "22631")  # fmt: skip
    assert inv.os_family == "Windows"
    assert (inv.cpu, inv.cpu_cores) == ("13th Gen Intel(R) Core(TM) i5-13500", 14)
    assert inv.memory_bytes == 17013669888 and inv.kernel is None
    assert [(d.name, d.model, d.size_bytes) for d in inv.disks] == [
        ("KIOXIA KBG50ZNV512G NVMe 512GB", "KIOXIA KBG50ZNV512G NVMe 512GB", 512105932800),
        ("Generic- SD/MMC/MS PRO USB Device", "Generic- SD/MMC/MS PRO USB Device", None),
    ]
    assert [(h.id, h.description, h.installed) for h in inv.hotfixes] == [
        ("KB5034467", "Update", "2024-01-10"), ("KB5027397", "Update", "2023-11-14"),
        ("KB5034765", "Security Update", "2024-02-14")]  # fmt: skip
    assert inv.evidence == [
        "vendor: Win32_ComputerSystem.Manufacturer over WinRM",
        "model: Win32_ComputerSystem.Model over WinRM",
        "serial: Win32_BIOS.SerialNumber over WinRM",
        "os: Win32_OperatingSystem.Caption over WinRM",
        "software: 14 entries from the Uninstall registry keys over WinRM",
    ]
    HostInventory.model_validate_json(inv.model_dump_json())


def test_windows_11_software_from_both_hives_and_the_users() -> None:
    software = {s.name: s for s in parse_windows(load("windows-11-pro.json"), "winrm").software}
    assert len(software) == 14 and all(s.sw_type == "application" for s in software.values())
    reader = software["Adobe Acrobat Reader DC"]  # 32-bit: WOW6432Node
    assert (reader.version, reader.publisher, reader.installed) == (
        "23.008.20470", "Adobe", "2023-11-15")  # fmt: skip
    zoom = software["Zoom"]  # per user: HKEY_USERS\<SID>
    assert (zoom.version, zoom.publisher, zoom.installed) == (
        "5.17.5 (31030)", "Zoom Video Communications, Inc.", "2024-01-12")  # fmt: skip
    assert software["Microsoft Teams classic"].version == "1.6.00.33567"
    assert software["7-Zip 23.01 (x64)"].installed is None  # 7-Zip writes no InstallDate
    # 5.1 writes & as \u0026, the script writes ® as \u00ae: both read back as text
    assert software["Intel® Driver & Support Assistant"].publisher == "Intel"
    # WebView2 machine-wide (HKLM32) and for the user (HKU, no publisher): one row, both facts
    webview = software["Microsoft Edge WebView2 Runtime"]
    assert (webview.publisher, webview.installed) == ("Microsoft Corporation", "2024-02-15")
    names = [s.name.casefold() for s in parse_windows(load("windows-11-pro.json"), "ssh").software]
    assert names == sorted(names)


def test_windows_server_vm_over_ssh() -> None:
    inv = parse_windows(load("windows-server-2022.json"), "ssh")
    assert (inv.vendor, inv.model, inv.hostname) == ("VMware, Inc.", "VMware7,1", "SQL01")
    assert inv.serial == "VMware-42 1e 5a 3c 9d 7b 11 2f-8a 44 90 13 aa 5b 6c 01"
    assert (inv.os_name, inv.os_build) == ("Microsoft Windows Server 2022 Standard", "20348")
    assert inv.cpu == "Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz"
    assert inv.cpu_cores == 8 and inv.memory_bytes == 34359201792  # two sockets of four
    assert [d.size_bytes for d in inv.disks] == [107372805120, 536864025600]
    software = {s.name: s for s in inv.software}
    assert software["Microsoft SQL Server 2019 (64-bit)"].version is None
    assert software["SQL Server 2019 Database Engine Services"].version == "15.0.4345.5"
    assert software["Veeam Backup & Replication"].publisher == "Veeam Software Group GmbH"
    assert [(h.id, h.installed) for h in inv.hotfixes][-1] == ("KB5034439", None)
    assert inv.evidence == [
        "vendor: Win32_ComputerSystem.Manufacturer over SSH",
        "model: Win32_ComputerSystem.Model over SSH",
        "serial: Win32_BIOS.SerialNumber over SSH",
        "os: Win32_OperatingSystem.Caption over SSH",
        "software: 7 entries from the Uninstall registry keys over SSH",
    ]


def test_powershell_51_quirks() -> None:
    text = load("windows-ps51-quirks.json")
    assert text.startswith("\ufeff")  # a BOM, then lone objects, strings for numbers, \/Date\/
    inv = parse_windows(text, "winrm")
    assert inv.hostname == "PD-DISPATCH2" and inv.os_build == "17763"  # a number in the JSON
    # a white-box PC: "To Be Filled By O.E.M." and "Default string" are no vendor/model/serial
    assert (inv.vendor, inv.model, inv.serial) == (None, None, None)
    assert inv.cpu == "Intel(R) Xeon(R) CPU E3-1230 v3 @ 3.30GHz"  # padding collapsed
    assert (inv.cpu_cores, inv.memory_bytes) == (4, 8433725440)  # "4", "8433725440"
    # {"value": [...], "Count": 1}
    assert [(d.model, d.size_bytes) for d in inv.disks] == [
        ("SAMSUNG MZVLB256HBHQ-000L7", 256052966400)
    ]
    (sw,) = inv.software  # a lone object, not an array
    # ESC, right-to-left override, NUL and C1 CSI gone; the rest kept as text
    assert sw.name == "Motorola Mobile Client  [31m gnp.exe"
    assert sw.version == "4.2" and sw.installed == "2023-05-01"
    assert sw.publisher == "=cmd|' /C calc'!A0"  # text here; renderers neutralise formulas
    # the same hotfix twice is once; "\/Date(ms)\/" and the decorated date object are read
    assert [(h.id, h.installed) for h in inv.hotfixes] == [
        ("KB5009557", "2022-01-13"), ("KB4589208", "2021-01-20")]  # fmt: skip
    assert inv.evidence == [
        "os: Win32_OperatingSystem.Caption over WinRM",
        "software: 1 entries from the Uninstall registry keys over WinRM",
    ]


@pytest.mark.parametrize("serial", ["To be filled by O.E.M.", "Default string", "System Serial "
                                    "Number", "0", "None", "", "   ", "00000000",
                                    "0000-0000-0000", "NOT SPECIFIED", None, 0, "\x00\x00"])  # fmt: skip
def test_placeholder_serials_are_no_serial(serial: Any) -> None:
    data = document()
    data["BIOS"]["SerialNumber"] = serial
    inv = parse_windows(json.dumps(data), "winrm")
    assert inv.serial is None
    assert not any(line.startswith("serial:") for line in inv.evidence)


@pytest.mark.parametrize("serial", ["8GQZ2Y3", "PF3ABCDE", "0000-0003-4271-3722-2712-1862-95",
                                    "C02XL0GHJGH5", "1"])  # fmt: skip
def test_real_serials_are_kept(serial: str) -> None:
    data = document()
    data["BIOS"]["SerialNumber"] = serial
    assert parse_windows(json.dumps(data), "winrm").serial == serial


def test_duplicates_across_hives_are_one_row_but_versions_are_not() -> None:
    data = document()
    chrome = {"DisplayName": "Google Chrome", "DisplayVersion": "121.0.6167.185",
              "Publisher": None, "InstallDate": None}  # fmt: skip
    data["Software"] = [{**chrome, "Hive": "HKLM64"}, {**chrome, "Hive": "HKLM32"},
                        {**chrome, "DisplayName": "GOOGLE CHROME", "Hive": "HKU",
                         "Publisher": "Google LLC", "InstallDate": "20240214"},
                        {**chrome, "DisplayVersion": "120.0.6099.225", "Hive": "HKU"}]  # fmt: skip
    rows = parse_windows(json.dumps(data), "winrm").software
    assert [(s.name, s.version, s.publisher, s.installed) for s in rows] == [
        ("Google Chrome", "120.0.6099.225", None, None),
        ("Google Chrome", "121.0.6167.185", "Google LLC", "2024-02-14")]  # fmt: skip


def test_hostile_strings_are_cleaned_and_capped() -> None:
    data = document()
    data["ComputerSystem"]["Name"] = "WS\x07" + "N" * 100_000
    data["ComputerSystem"]["Model"] = "Opti\u202eplex\x1b[2J"
    data["Software"][0]["DisplayName"] = "A" * 200_000
    data["Software"][1]["Publisher"] = "\ud800 lone surrogate, Caf\ufffd (replaced upstream)"
    data["Hotfixes"][0]["Description"] = "\x9b\r\n\t" * 10_000 + "Update"
    inv = parse_windows(json.dumps(data), "winrm")
    assert inv.hostname is not None and len(inv.hostname) == 512 and "\x07" not in inv.hostname
    assert inv.model == "Opti plex [2J"
    assert max(len(s.name) for s in inv.software) == 512
    assert "? lone surrogate, Caf\ufffd (replaced upstream)" in [s.publisher for s in inv.software]
    assert inv.hotfixes[0].description is None  # only control characters within the cap
    dumped = inv.model_dump_json()  # storable: no lone surrogate left
    assert not re.search(r"\\u00(0[0-9a-f]|1[0-9a-f])|\\u009b", dumped)


def test_values_of_the_wrong_type_are_skipped_not_fatal() -> None:
    data = document()
    data["ComputerSystem"] = [{"Name": "FIRST", "Manufacturer": ["Dell"], "Model": {"x": 1},
                               "TotalPhysicalMemory": -5}, {"Name": "SECOND"}]  # fmt: skip
    data["BIOS"] = "not an object"
    data["OperatingSystem"] = None
    data["Processor"] = [None, 7, {"Name": 42, "NumberOfCores": True},
                         {"NumberOfCores": "4 "}, {"NumberOfCores": 2.0}]  # fmt: skip
    data["Disks"] = [{"Size": "1e12"}, {"Model": None, "Size": 1.5}, "disk"]
    data["Software"] = [{"DisplayName": True}, {"DisplayName": 7, "DisplayVersion": [1]},
                        {"DisplayName": "x", "InstallDate": "20241399"}, None,
                        {"DisplayName": "y", "InstallDate": "19700101"},
                        {"DisplayName": "z", "InstallDate": "20991231"}]  # fmt: skip
    data["Hotfixes"] = {"HotFixID": None}
    inv = parse_windows(json.dumps(data), "winrm")
    assert (inv.hostname, inv.vendor, inv.model, inv.memory_bytes) == ("FIRST", None, None, None)
    assert (inv.serial, inv.os_name, inv.cpu) == (None, None, None)
    assert inv.cpu_cores == 6  # "4 " and 2.0; True is no count
    assert [(d.name, d.size_bytes) for d in inv.disks] == [("disk 0", None), ("disk 1", None)]
    assert [(s.name, s.version, s.installed) for s in inv.software] == [
        ("7", None, None), ("x", None, None), ("y", None, None),
        ("z", None, "2099-12-31")]  # fmt: skip
    assert inv.hotfixes == [] and inv.evidence == [
        "software: 4 entries from the Uninstall registry keys over WinRM"]  # fmt: skip


def test_absurd_numbers_are_no_value() -> None:
    text = load("windows-11-pro.json").replace("17013669888", "1" + "0" * 5000)
    text = text.replace('"NumberOfCores":14', '"NumberOfCores":NaN')
    inv = parse_windows(text, "winrm")
    assert inv.memory_bytes is None and inv.cpu_cores is None and inv.model == "OptiPlex 7010"


def test_missing_sections_give_none_and_no_evidence() -> None:
    inv = parse_windows('{"Errors":["ComputerSystem: Access denied"]}', "winrm")
    assert inv.hostname is None and inv.software == [] and inv.evidence == []
    assert inv.platform == "windows" and inv.method == "winrm"


def test_text_around_the_document_is_ignored() -> None:
    text = "#< CLIXML\r\n" + load("windows-server-2022.json") + "\r\nPS C:\\> "
    assert parse_windows(text, "ssh").hostname == "SQL01"


@pytest.mark.parametrize(("output", "says"), [
    ("", "printed nothing"), ("  \r\n", "printed nothing"), ("\ufeff", "printed nothing"),
    ("Access is denied.", "no JSON object"), ("[1, 2]", "no JSON object"),
    ('"text"', "no JSON object"), ('{"Name": "x"}', "not the inventory document"),
    ('{"ComputerSystem": {"Name": "WS01", "Model" "x"}}', "not valid JSON"),
    ('{"a":' * 100_000, "nested too deep"),
])  # fmt: skip
def test_unreadable_output_is_a_clear_error(output: str, says: str) -> None:
    with pytest.raises(HostParseError, match=says) as err:
        parse_windows(output, "winrm")
    assert len(str(err.value)) < 200
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("cut", [1, 20, 400, 1500, -40, -3, -1])
def test_truncated_output_says_it_was_cut(cut: int) -> None:
    text = load("windows-11-pro.json").rstrip()
    with pytest.raises(HostParseError, match="cut short"):
        parse_windows(text[:cut], "winrm")


def test_error_messages_quote_little_of_the_output() -> None:
    for output in ("X" * 10_000, '{"Software": [' + '"X' * 5000 + "]}"):
        with pytest.raises(HostParseError) as err:
            parse_windows(output, "winrm")
        assert "X" * 41 not in str(err.value) and len(str(err.value)) < 200


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(section=st.sampled_from(["ComputerSystem", "BIOS", "OperatingSystem", "Processor",
                                "Disks", "Software", "Hotfixes"]), value=_json)  # fmt: skip
def test_any_value_in_any_section_parses_or_fails_clearly(section: str, value: Any) -> None:
    data = document()
    data[section] = value
    inv = parse_windows(json.dumps(data), "winrm")
    strings = [inv.hostname, inv.vendor, inv.model, inv.serial, inv.os_name, inv.cpu,
               *(s.name for s in inv.software), *(h.id for h in inv.hotfixes)]  # fmt: skip
    for s in strings:
        assert s is None or (0 < len(s) <= 512 and not re.search(r"[\x00-\x1f\x7f-\x9f]", s))
    HostInventory.model_validate_json(inv.model_dump_json())


# ---------------------------------------------------------------------------------------------
# run_winrm, with pypsrp's WSMan / RunspacePool / PowerShell replaced
# ---------------------------------------------------------------------------------------------


class FakeHost:
    """What the fake pypsrp does: the output, or an error at a stage, or a script that never
    ends. Records what run_winrm asked for."""

    output: ClassVar[list[Any]] = []
    polls_to_finish: ClassVar[int | None] = 1  # None: never finishes
    raise_on: ClassVar[dict[str, BaseException]] = {}  # stage -> exception
    had_errors: ClassVar[bool] = False
    error_records: ClassVar[list[str]] = []
    wsman_kwargs: ClassVar[dict[str, Any]] = {}
    log: ClassVar[list[str]] = []

    @classmethod
    def reset(cls) -> None:
        cls.output, cls.polls_to_finish, cls.raise_on = [], 1, {}
        cls.had_errors, cls.error_records, cls.wsman_kwargs, cls.log = False, [], {}, []

    @classmethod
    def step(cls, stage: str) -> None:
        cls.log.append(stage)
        if stage in cls.raise_on:
            raise cls.raise_on[stage]


class FakeWSMan:
    def __init__(self, server: str, **kwargs: Any) -> None:
        FakeHost.wsman_kwargs = {"server": server, **kwargs}
        FakeHost.step("wsman")

    def close(self) -> None:
        FakeHost.step("wsman.close")


class FakePool:
    def __init__(self, wsman: FakeWSMan) -> None:
        assert isinstance(wsman, FakeWSMan)

    def open(self) -> None:
        FakeHost.step("open")

    def close(self) -> None:
        FakeHost.step("close")


class FakePowerShell:
    def __init__(self, pool: FakePool) -> None:
        from pypsrp.complex_objects import PSInvocationState

        self.states = PSInvocationState
        self.state = PSInvocationState.NOT_STARTED
        self.output: list[Any] = []
        self.streams = type("Streams", (), {"error": list(FakeHost.error_records)})()
        self.had_errors = FakeHost.had_errors
        self.polls = 0

    def add_script(self, script: str) -> None:
        assert script == INVENTORY_PS  # the fixed script, nothing added to it

    def begin_invoke(self) -> None:
        FakeHost.step("invoke")
        self.state = self.states.RUNNING

    def poll_invoke(self, timeout: int | None = None) -> None:
        assert timeout is not None and 1 <= timeout <= winrm.POLL_SECONDS
        FakeHost.step("poll")
        self.polls += 1
        assert self.polls < 1000, "polled without end: the deadline is not kept"
        if FakeHost.polls_to_finish is None:
            time.sleep(0.01)
        elif self.polls >= FakeHost.polls_to_finish:
            self.output, self.state = list(FakeHost.output), self.states.COMPLETED

    def stop(self) -> None:
        FakeHost.step("stop")


@pytest.fixture
def host(monkeypatch: pytest.MonkeyPatch) -> type[FakeHost]:
    import pypsrp.powershell
    import pypsrp.wsman

    monkeypatch.setattr(pypsrp.wsman, "WSMan", FakeWSMan)
    monkeypatch.setattr(pypsrp.powershell, "RunspacePool", FakePool)
    monkeypatch.setattr(pypsrp.powershell, "PowerShell", FakePowerShell)
    FakeHost.reset()
    return FakeHost


def cred(**kw: Any) -> ResolvedHostCredential:
    return ResolvedHostCredential.model_validate(
        {"kind": "winrm", "name": "city-admins", "user": "CITY\\inventory",
         "password": SecretStr(PASSWORD), **kw})  # fmt: skip


def test_plain_http_is_refused_before_connecting(host: type[FakeHost]) -> None:
    obs = winrm.run_winrm("10.0.0.5", cred(https=False))
    assert (obs.failure, obs.port, obs.method, obs.credential) == (
        "refused by policy", 5985, "winrm", None)  # fmt: skip
    assert obs.error is not None
    assert "https = true" in obs.error and "allow_unencrypted = true" in obs.error
    assert host.log == []  # nothing was even built


def test_plain_http_when_said_out_loud(host: type[FakeHost]) -> None:
    host.output = ['{"Errors":[]}']
    obs = winrm.run_winrm("10.0.0.5", cred(https=False, allow_unencrypted=True, port=8985))
    assert obs.failure is None and obs.port == 8985
    assert host.wsman_kwargs["ssl"] is False and host.wsman_kwargs["port"] == 8985


def test_answer_is_stored_raw_with_the_set_name(host: type[FakeHost]) -> None:
    host.output, host.polls_to_finish = [load("windows-11-pro.json")], 3
    obs = winrm.run_winrm("10.0.0.5", cred(verify_tls=False, transport="kerberos"), timeout=12)
    assert (obs.failure, obs.error, obs.truncated) == (None, None, False)
    assert (obs.platform, obs.method, obs.port, obs.credential, obs.commands) == (
        "windows", "winrm", 5986, "city-admins", 1)  # fmt: skip
    assert obs.outputs == {"windows": load("windows-11-pro.json")}
    assert parse_windows(obs.outputs["windows"], obs.method).model == "OptiPlex 7010"
    kw = host.wsman_kwargs
    assert (kw["server"], kw["port"], kw["ssl"], kw["auth"]) == ("10.0.0.5", 5986, True, "kerberos")
    assert (kw["cert_validation"], kw["no_proxy"], kw["username"]) == (
        False, True, "CITY\\inventory")  # fmt: skip
    assert kw["password"] == PASSWORD  # handed to pypsrp, and nowhere else
    assert kw["read_timeout"] > kw["operation_timeout"]  # else every wait is an HTTP timeout
    assert host.log == ["wsman", "open", "invoke", "poll", "poll", "poll", "close", "wsman.close"]
    assert PASSWORD not in obs.model_dump_json()


def test_output_is_bounded_on_a_character_boundary(host: type[FakeHost]) -> None:
    host.output = ["é" * 5000]  # two bytes each
    obs = winrm.run_winrm("10.0.0.5", cred(), max_bytes=1001)
    text = obs.outputs["windows"]
    assert obs.truncated and text == "é" * 500 and len(text.encode()) <= 1001


def test_unstorable_characters_are_replaced(host: type[FakeHost]) -> None:
    host.output = ['{"ComputerSystem":{"Name":"WS\ud800"}}']
    obs = winrm.run_winrm("10.0.0.5", cred())
    assert obs.outputs["windows"] == '{"ComputerSystem":{"Name":"WS?"}}'
    HostInvObs.model_validate_json(obs.model_dump_json())


def test_powershell_errors_are_recorded_and_output_kept(host: type[FakeHost]) -> None:
    host.output, host.had_errors = [load("windows-server-2022.json")], True
    host.error_records = ["Get-HotFix : Access is denied\r\n+ CategoryInfo : NotSpecified",
                          f"odd record echoing {PASSWORD}"]  # fmt: skip
    obs = winrm.run_winrm("10.0.0.5", cred())
    assert obs.failure is None and obs.outputs["windows"].startswith('{"ComputerSystem"')
    assert obs.error == ("Get-HotFix : Access is denied + CategoryInfo : NotSpecified; "
                         "odd record echoing ***")  # fmt: skip
    assert PASSWORD not in obs.model_dump_json()


def test_a_script_that_printed_nothing_is_a_failure(host: type[FakeHost]) -> None:
    host.output, host.had_errors = ["", " "], True
    host.error_records = ["Cannot invoke method. Method invocation is supported only on core "
                          "types in this language mode."]  # fmt: skip
    obs = winrm.run_winrm("10.0.0.5", cred())
    assert obs.failure == "error" and obs.outputs == {} and obs.error is not None
    assert obs.error.startswith("the inventory script printed nothing: Cannot invoke method.")


def test_a_script_that_never_ends_is_stopped(host: type[FakeHost]) -> None:
    host.polls_to_finish = None
    started = time.monotonic()
    obs = winrm.run_winrm("10.0.0.5", cred(), timeout=0.2)
    assert time.monotonic() - started < 5
    assert obs.failure == "timed out" and obs.outputs == {}
    assert host.log[-3:] == ["stop", "close", "wsman.close"]


def _refused() -> BaseException:
    """A refused connection the way requests reports it: three wrappers deep."""
    import requests
    from urllib3.exceptions import MaxRetryError, NewConnectionError

    inner = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] "  # type: ignore[arg-type]
                               "Connection refused")  # fmt: skip
    return requests.exceptions.ConnectionError(MaxRetryError(None, "/wsman", inner))  # type: ignore[arg-type]


def _pypsrp(name: str, *args: Any) -> BaseException:
    import pypsrp.exceptions

    error: BaseException = getattr(pypsrp.exceptions, name)(*args)
    return error


def _requests(name: str, message: str) -> BaseException:
    import requests

    error: BaseException = getattr(requests.exceptions, name)(message)
    return error


@pytest.mark.parametrize(("stage", "make", "failure"), [
    ("open", lambda: _pypsrp("AuthenticationError", "Failed to authenticate the user "
                             f"CITY\\inventory with ntlm ({PASSWORD})"), "authentication failed"),
    ("open", lambda: _pypsrp("WSManFaultError", 5, "WS01", "Access is denied.", None, None, None),
     "authentication failed"),
    ("poll", lambda: _pypsrp("WSManFaultError", 2150858793, "WS01", "timed out", None, None,
                             None), "timed out"),
    ("open", lambda: _requests("ConnectTimeout", f"connect timeout (password={PASSWORD})"),
     "timed out"),
    ("poll", lambda: _requests("ReadTimeout", "Read timed out. (read timeout=10)"), "timed out"),
    ("open", lambda: TimeoutError("timed out"), "timed out"),
    ("open", _refused, "port closed"),
    ("open", lambda: ConnectionRefusedError(111, "Connection refused"), "port closed"),
    ("open", lambda: _requests("SSLError", "certificate verify failed: self-signed"), "error"),
    ("wsman", lambda: ValueError(f"bad auth, url http://u:{quote(PASSWORD, safe='')}@h/"),
     "error"),
    ("invoke", lambda: RuntimeError(f"<Fault>{escape(PASSWORD)}</Fault> {PASSWORD!r}"), "error"),
    ("poll", lambda: OSError(113, f"No route to host {PASSWORD}\r\n" + "x" * 5000), "error"),
])  # fmt: skip
def test_errors_become_reasons_without_the_password(
    host: type[FakeHost], stage: str, make: Any, failure: str
) -> None:
    host.raise_on = {stage: make()}
    obs = winrm.run_winrm("10.0.0.5", cred())
    assert obs.failure == failure and obs.credential is None and obs.outputs == {}
    assert obs.error and len(obs.error) <= winrm.MAX_MESSAGE and "\n" not in obs.error
    dumped = obs.model_dump_json()
    for spelling in (PASSWORD, repr(PASSWORD)[1:-1], quote(PASSWORD, safe=""), escape(PASSWORD)):
        assert spelling not in obs.error and spelling not in dumped, spelling
    HostInvObs.model_validate_json(dumped)
    if stage != "wsman":
        assert host.log[-2:] == ["close", "wsman.close"]  # the session is closed on failure too


def test_tls_failure_says_what_to_do(host: type[FakeHost]) -> None:
    host.raise_on = {"open": _requests("SSLError", "certificate verify failed")}
    error = winrm.run_winrm("10.0.0.5", cred()).error
    assert error is not None and "verify_tls = false" in error


def test_a_failing_close_does_not_hide_the_outcome(host: type[FakeHost]) -> None:
    host.output = ['{"Errors":[]}']
    host.raise_on = {"close": ConnectionResetError("reset"), "wsman.close": OSError("gone")}
    assert winrm.run_winrm("10.0.0.5", cred()).failure is None
    host.raise_on["open"] = _pypsrp("AuthenticationError", "nope")
    assert winrm.run_winrm("10.0.0.5", cred()).failure == "authentication failed"


def test_only_a_winrm_set_is_used() -> None:
    with pytest.raises(ValueError, match="winrm"):
        winrm.run_winrm("10.0.0.5", cred(kind="ssh"))
