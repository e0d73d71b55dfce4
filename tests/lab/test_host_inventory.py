"""Host inventory on the lab: real sshd, a real account and key, this machine's real packages.

Every login goes through the scanner namespace (`scanner_run`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from netmap.lab.accounts import USER, inventory_dir
from netmap.lab.daemons import Layout
from netmap.model import HostInvObs
from netmap.store import Store
from tests.lab.conftest import LabScan, netmap_argv

pytestmark = pytest.mark.lab


def _hostinv(lab_scan: LabScan) -> dict[str, HostInvObs]:
    rec = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    return {o.ip: o for o in rec.observations if isinstance(o, HostInvObs)}


def _ip(lab: Any, name: str) -> str:
    return lab.device(name).interfaces[0].ips[0].split("/")[0]


def test_app1_lists_exactly_its_installed_packages(lab: Any, lab_scan: LabScan) -> None:
    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None
    truth = lab.device("app1")
    app1 = next(d for d in inv.devices if _ip(lab, "app1") in d.addresses)
    assert truth.host is not None and len(truth.host.packages) > 100
    assert {s.name: s.version for s in app1.software} == truth.host.packages  # = dpkg-query
    assert app1.os == truth.host.os_name and app1.host_inventory == "ssh (set lab-inventory)"
    # the OS family column: the system's own name, not left empty for want of an SNMP agent
    assert app1.os_family is not None and app1.os_family in truth.host.os_name
    assert app1.type.value == "server"
    # Debian's priority and section tell the libraries and the system's own packages apart
    kinds = {s.name: s.sw_type for s in app1.software}
    assert kinds.get("libc6") == "library" and kinds.get("dpkg") == "system", kinds
    assert sum(k == "library" for k in kinds.values()) > 100
    assert "os: /etc/os-release PRETTY_NAME over SSH" in app1.identity_evidence
    if truth.host.dmi_model:  # where the kernel shows DMI, the model is the machine's own
        assert app1.model == truth.host.dmi_model


def test_wrong_key_first_then_the_right_set(lab: Any, lab_scan: LabScan) -> None:
    """The profile lists a wrong key first: app1 still gets inventoried (with the second
    set, which the next scan will try first), and hosts that refuse every set say so."""
    found = _hostinv(lab_scan)
    app1 = found[_ip(lab, "app1")]
    assert app1.failure is None and app1.credential == "lab-inventory" and app1.commands == 2
    srv = found[_ip(lab, "srv-file")]
    assert srv.failure == "authentication failed" and srv.credential is None
    assert "lab-wrong-key, lab-inventory" in (srv.error or "")
    assert Store(lab_scan.scans_dir).status(lab_scan.scan_id).state.value == "complete"


def test_computers_without_inventory_need_attention(lab: Any, lab_scan: LabScan) -> None:
    wb = openpyxl.load_workbook(lab_scan.out_dir / lab_scan.scan_id / "inventory.xlsx",
                                read_only=True)  # fmt: skip
    rows = [r for r in wb["Needs attention"].iter_rows(values_only=True)
            if r[0] == "No host inventory"]  # fmt: skip
    why = {str(r[1]).split(".")[0]: str(r[3]) for r in rows}
    action = {str(r[1]).split(".")[0]: str(r[5]) for r in rows}
    assert "authentication failed" in why["srv-file"]
    assert "port closed" in why["ws1"]
    # ws1 is a member of CITYHALL, whose controller (srv-file) the scan found; ws2 is in no domain
    assert "members of CITYHALL with one Group Policy" in action["ws1"], action["ws1"]
    assert "Group Policy" not in action["ws2"]
    assert "app1" not in why
    summary = list(wb["Software summary"].iter_rows(values_only=True))
    assert summary[0][:4] == ("Software", "Version", "Publisher", "Computers")
    assert any(r[0] == "openssh-server" and r[3] >= 1 for r in summary[1:])


def test_changed_host_key_is_refused(lab: Any, scanner_run: Callable[..., Any],
                                     tmp_path: Path) -> None:  # fmt: skip
    folder = inventory_dir(Layout(lab.prefix))
    real = (folder / "known_hosts").read_text().splitlines()
    ip = _ip(lab, "app1")
    other = next(line for line in real if line.startswith(_ip(lab, "srv-file") + " "))
    tampered = tmp_path / "known_hosts"
    tampered.write_text(f"{ip} {other.split(' ', 1)[1]}\n")
    argv = netmap_argv("probe-host", ip, "--ssh-user", USER, "--key-file",
                       str(folder / "id_ed25519"), "--known-hosts", str(tampered), "--json")
    proc = scanner_run(argv, timeout=120)
    assert proc.returncode == 3, proc.stderr
    result = json.loads(proc.stdout)
    assert result["failure"] == "host key changed" and result["inventory"] is None
    good = scanner_run(netmap_argv("probe-host", ip, "--ssh-user", USER, "--key-file",
                                   str(folder / "id_ed25519"), "--known-hosts",
                                   str(folder / "known_hosts"), "--json"), timeout=120)  # fmt: skip
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["inventory"]["hostname"] == "app1"


def test_scan_files_hold_no_key_material(lab: Any, lab_scan: LabScan) -> None:
    keys = inventory_dir(Layout(lab.prefix))
    private = [(keys / k).read_text().splitlines()[1] for k in ("id_ed25519", "wrong_ed25519")]
    for path in (lab_scan.scans_dir / lab_scan.scan_id).rglob("*"):
        if path.is_file():
            data = path.read_text(errors="replace")
            assert "PRIVATE KEY" not in data and not any(p in data for p in private), path
