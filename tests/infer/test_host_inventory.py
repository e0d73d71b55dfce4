"""A computer's own account (SSH/WinRM) in the inventory: it outranks OUI and banner guesses,
fills the computer's columns, and a computer without one needs attention with the reason."""

from __future__ import annotations

from pathlib import Path

from netmap.infer.pipeline import build_inventory
from netmap.model import DeviceType, HostInvObs, Inventory, ScanState
from netmap.render.inventory import attention_table, devices_table, software_summary_table
from netmap.render.redact import HOST_MASK, USER_MASK, redact
from netmap.scan import previous_hosts
from netmap.store import Store
from tests.infer.factory import T0, arp, make_scan, svc

DELL = "b8:ca:3a:00:00:01"  # a Dell OUI: what the NIC's maker suggests before the host speaks
OUTPUTS = {
    "hostname": "gis01",
    "os-release": 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nVERSION_ID="22.04"\n',
    "dmi": "sys_vendor=HP\nproduct_name=ProLiant DL360 Gen10\nproduct_serial=MXQ12345AB\n",
    "cpu": "model name\t: Intel(R) Xeon(R) Gold 5218\ncpus=32",
    "memory": "MemTotal:       131072000 kB",
    "disks": 'NAME="sda" SIZE="960197124096" TYPE="disk" MODEL="MR416i-a"\n'
             'NAME="sdb" SIZE="960197124096" TYPE="disk" MODEL="MR416i-a"',
    "dpkg": "ii \tqgis\t3.34.4\tUbuntuGIS <x@y>\t1710000000\n"
            "ii \tgis01-backup-agent\t2.1\tCity IT <it@city>\t\n"
            "ii \tjsmith-tools\t1.0\t/home/jsmith/build\t\n",
}


def _scan(*obs: object, creds: list[str] | None = None) -> Inventory:
    scan = make_scan([arp("10.0.0.5", DELL), svc("10.0.0.5", 22, "ssh"),
                      arp("10.0.0.6", "b8:ca:3a:00:00:02"), svc("10.0.0.6", 22, "ssh"),
                      svc("10.0.0.6", 445, "microsoft-ds"), *obs])  # type: ignore[list-item]
    scan = scan.model_copy(update={"request": scan.request.model_copy(
        update={"host_credentials": creds if creds is not None else ["linux"]})})
    return build_inventory(scan)


def _ok(ip: str = "10.0.0.5") -> HostInvObs:
    return HostInvObs(target=ip, ip=ip, method="ssh", port=22, credential="linux",
                      platform="linux", outputs=OUTPUTS, commands=2, time=T0)


def _failed(ip: str = "10.0.0.6") -> HostInvObs:
    return HostInvObs(target=ip, ip=ip, method="ssh", port=22, failure="authentication failed",
                      error="user 'netmap' was refused", time=T0)


def test_the_host_outranks_the_nic_maker_and_fills_the_computer_columns() -> None:
    inv = _scan(_ok(), _failed())
    gis = next(d for d in inv.devices if "10.0.0.5" in d.addresses)
    assert (gis.vendor, gis.model, gis.serial) == ("HP", "ProLiant DL360 Gen10", "MXQ12345AB")
    assert gis.name == "gis01" and gis.os == "Ubuntu 22.04.4 LTS" and gis.os_version == "22.04"
    assert gis.memory_bytes == 131072000 * 1024 and gis.cpu == "Intel(R) Xeon(R) Gold 5218"
    assert "model: /sys/class/dmi/id/product_name over SSH" in gis.identity_evidence
    assert gis.type is DeviceType.SERVER and gis.host_inventory == "ssh (set linux)"
    assert [s.name for s in gis.software] == ["qgis", "gis01-backup-agent", "jsmith-tools"]
    table = devices_table(inv)
    row = dict(zip(table.headers, next(r for r in table.rows if r[0] == "gis01"), strict=True))
    assert (row["RAM (GiB)"], row["Disk (GB)"], row["OS version"]) == (125.0, 1920.4, "22.04")


def test_computers_without_inventory_say_why() -> None:
    inv = _scan(_ok(), _failed())
    other = next(d for d in inv.devices if "10.0.0.6" in d.addresses)
    assert other.host_failure == "authentication failed: user 'netmap' was refused (ssh)"
    rows = {r[2]: r for r in attention_table(inv).rows if r[0] == "No host inventory"}
    if other.type in (DeviceType.SERVER, DeviceType.WORKSTATION):
        assert "authentication failed" in str(rows["10.0.0.6"][3])
        assert "account, key or password" in str(rows["10.0.0.6"][5])
    assert "10.0.0.5" not in rows
    none_asked = _scan(svc("10.0.0.6", 3389, "ms-wbt-server"), svc("10.0.0.6", 135, "msrpc"),
                       creds=[])  # a Windows desktop by its ports
    reasons = [str(r[3]) for r in attention_table(none_asked).rows if r[0] == "No host inventory"]
    assert reasons and all("no credential set" in r for r in reasons)


def test_software_summary_counts_computers() -> None:
    second = _ok("10.0.0.6")
    inv = _scan(_ok(), second)
    rows = software_summary_table(inv).rows
    qgis = next(r for r in rows if r[0] == "qgis")
    assert qgis[1:4] == ["3.34.4", "UbuntuGIS <x@y>", 2]


def test_redact_removes_host_and_user_names_from_software_rows() -> None:
    inv = redact(_scan(_ok(), _failed()))
    names = [s.name for d in inv.devices for s in d.software]
    publishers = [s.publisher for d in inv.devices for s in d.software]
    assert f"{HOST_MASK}-backup-agent" in names and not any("gis01" in n for n in names)
    assert f"/home/{USER_MASK}/build" in publishers
    assert not inv.request.host_credentials


def test_the_set_that_worked_is_tried_first_next_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "scans")
    scan = make_scan([arp("10.0.0.5", DELL), _ok(), _failed()])
    sid = store.create(scan.request, ["hosts"])
    store.write_observations(sid, scan.observations)
    store.write_status(sid, store.status(sid).model_copy(
        update={"state": ScanState.COMPLETE, "phases_done": ["hosts"], "phases_pending": []}))
    with_key = _ok().model_copy(update={"host_key": "SHA256:abc"})
    store.write_observations(sid, [*scan.observations, with_key])
    prev = previous_hosts(store)
    assert prev.credentials == {"10.0.0.5": "linux"}
    assert prev.host_keys == {"10.0.0.5": "SHA256:abc"}


def test_a_windows_desktop_over_winrm_is_a_workstation_with_its_hotfixes() -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "hosts" / "windows-11-pro.json"
    win = HostInvObs(target="10.0.0.6", ip="10.0.0.6", method="winrm", port=5986,
                     credential="domain", platform="windows",
                     outputs={"windows": data.read_text("utf-8")}, commands=1, time=T0)
    inv = _scan(_ok(), win)
    desk = next(d for d in inv.devices if "10.0.0.6" in d.addresses)
    assert desk.type is DeviceType.WORKSTATION and desk.name == "CLERK-WS01"
    assert (desk.vendor, desk.model, desk.serial) == ("Dell", "OptiPlex 7010", "8GQZ2Y3")
    assert "model: Win32_ComputerSystem.Model over WinRM" in desk.identity_evidence
    assert {"KB5034467", "KB5034765"} <= {h.id for h in desk.hotfixes}
    assert desk.host_inventory == "winrm (set domain)"
    broken = win.model_copy(update={"outputs": {"windows": '{"ComputerSys'}})
    failed = next(d for d in _scan(broken).devices if "10.0.0.6" in d.addresses)
    assert failed.host_failure is not None and "cut short" in failed.host_failure
