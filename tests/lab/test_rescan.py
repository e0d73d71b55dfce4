"""Issue 7 on a lab of its own: rescans from the scanner namespace, a changed lab, cron safety.

The changed network is the same spec with a host added, a host removed, a host moved to another
switch port and a port opened on a server; the lab is rebuilt from that spec (MACs and addresses
come from the spec, so everything else stays identical) and the rescan must report exactly those
four changes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netmap.demo import lab_profile
from netmap.store import Store
from tests.lab.conftest import netmap_argv

pytestmark = pytest.mark.lab

PREFIX = os.environ.get("NETMAP_RESCAN_LAB_PREFIX", "nmrescan")


class RescanLab:
    def __init__(self, root: Path) -> None:
        from netmap.lab import lab_up, load_spec

        self.spec = load_spec()
        self.truth = lab_up(self.spec, prefix=PREFIX)
        self.root = root
        rescan = f'[rescan]\nlog_file = "{root / "netmap.log"}"\nmissing_threshold = 1\nkeep = 10\n'
        self.profile, self.env = lab_profile(self.truth, root, root / "scans", root / "output", rescan)

    def argv(self) -> list[str]:
        from netmap.lab import scanner_exec_argv

        return [*scanner_exec_argv(PREFIX), *netmap_argv("rescan", "--profile", str(self.profile))]

    def rescan(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(), capture_output=True, text=True, timeout=600,
                              env={**os.environ, **self.env})

    def rebuild(self, spec: Any) -> None:
        from netmap.lab import lab_down, lab_up

        lab_down(PREFIX)
        self.truth = lab_up(spec, prefix=PREFIX)

    def changes(self) -> list[dict[str, Any]]:
        data = json.loads((self.root / "output" / "latest" / "changes.json").read_text())
        return list(data["changes"])


@pytest.fixture(scope="module")
def rlab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RescanLab]:
    from netmap.lab import lab_down

    if os.geteuid() != 0:
        pytest.skip("the lab needs root")
    try:
        yield RescanLab(tmp_path_factory.mktemp("rescan"))
    finally:
        lab_down(PREFIX)


def changed_spec(spec: Any) -> Any:
    """ws9 added on sw-core ge5, ws1 removed, printer1 moved ge3 -> ge6, srv-file opens telnet."""
    d = spec.model_dump(mode="json")
    devices = {x["name"]: x for x in d["devices"]}
    ws9 = json.loads(json.dumps(devices.pop("ws1")))
    ws9["name"] = "ws9"
    ws9["interfaces"][0].update(mac="a4:8c:db:15:10:29", ips=["10.77.10.29/24"])
    devices["ws9"] = ws9
    devices["srv-file"]["services"].append({"port": 23, "name": "telnet", "impl": "tcp"})
    links = []
    for lk in d["links"]:
        if lk["b"] == "ws1":
            lk = {**lk, "a": "sw-core", "a_port": "ge5", "b": "ws9"}
        elif lk["b"] == "printer1":
            lk = {**lk, "a_port": "ge6"}
        links.append(lk)
    d["devices"], d["links"] = list(devices.values()), links
    return type(spec).model_validate(d)


def test_rescan_lifecycle(rlab: RescanLab) -> None:
    first = rlab.rescan()
    assert first.returncode == 0, first.stderr[-3000:]  # the baseline: nothing to compare with
    assert first.stdout == "" and first.stderr == ""  # cron-quiet: everything goes to the log
    assert (rlab.root / "netmap.log").read_text().count("no change") == 1

    again = rlab.rescan()
    assert again.returncode == 0, again.stderr[-3000:]
    assert rlab.changes() == []
    assert "No changes." in (rlab.root / "output" / "latest" / "changes.md").read_text()

    rlab.rebuild(changed_spec(rlab.spec))
    third = rlab.rescan()
    assert third.returncode == 1, third.stderr[-3000:]
    got = sorted((c["kind"], (c["name"] or "").split(".")[0]) for c in rlab.changes())
    assert got == sorted([
        ("device_added", "ws9"),
        ("device_removed", "ws1"),
        ("moved", "printer1"),
        ("service_opened", "srv-file"),
    ]), json.dumps(rlab.changes(), indent=1)
    moved = next(c for c in rlab.changes() if c["kind"] == "moved")
    assert "ge3" in moved["before"] and "ge6" in moved["after"]
    opened = next(c for c in rlab.changes() if c["kind"] == "service_opened")
    assert opened["after"] == "23/tcp"
    latest = (rlab.root / "output" / "latest")
    assert latest.is_symlink() and (latest / "inventory.xlsx").exists()


def test_concurrent_run_refused(rlab: RescanLab) -> None:
    store = Store(rlab.root / "scans")
    with store.lock():
        proc = rlab.rescan()
    assert proc.returncode == 3
    assert "another netmap run" in proc.stderr and "Traceback" not in proc.stderr


def test_killed_rescan_leaves_previous_intact(rlab: RescanLab) -> None:
    scans = rlab.root / "scans"
    latest = rlab.root / "output" / "latest"
    if not latest.exists():
        assert rlab.rescan().returncode in (0, 1)
    target_before = os.readlink(latest)
    store = Store(scans)
    complete_before = store.latest_complete()
    assert complete_before is not None
    files_before = {p.name: p.read_bytes() for p in (scans / complete_before).iterdir()}
    tmp = rlab.root / "killed-tmp"  # what a kill -9 strands in TMPDIR stays with the test
    tmp.mkdir(exist_ok=True)
    proc = subprocess.Popen(rlab.argv(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **rlab.env, "TMPDIR": str(tmp)},
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # kill -9 once the new scan has stored something
            newer = [d for d in store.ids() if d > complete_before]
            if newer and (scans / newer[-1] / "observations.jsonl").exists():
                break
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert os.readlink(latest) == target_before
    assert (latest / "inventory.xlsx").exists()
    assert {p.name: p.read_bytes() for p in (scans / complete_before).iterdir()} == files_before
    assert store.latest_complete() == complete_before
    killed = [d for d in store.ids() if d > complete_before][-1]
    assert store.status(killed).state.value == "failed"  # dead "running" scan reads as failed
