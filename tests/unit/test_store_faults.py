"""Fault injection on a real stored scan: every file of it truncated, flipped, replaced with
garbage or deleted, plus stray files and half-copied folders. Every command that reads the
store must end with a documented exit code and one clear line, never a traceback; a corrupt
scan costs only itself.

The two scans are real `netmap scan 127.0.0.1 --depth quick` runs, each in a fresh network
namespace with only loopback (`unshare --net`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netmap.cli import app
from netmap.model import Device, Inventory, ScanState
from netmap.store import Store

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="unshare --net needs root")

FILES = ["status.json", "request.json", "observations.jsonl", "observations.sha256",
         "inventory.json", "topology.json"]  # fmt: skip
DERIVED = {"inventory.json", "topology.json"}  # built from the observations, rebuilt when damaged
Fault = Callable[[Path], None]


def _truncate(fraction: float) -> Fault:
    def apply(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)] if fraction else b"")

    return apply


def _one_byte(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:1])


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 3, min(len(data), len(data) // 3 + 8)):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _garbage(path: Path) -> None:
    path.write_bytes(b"\xff\xfe\x00garbage \x80\x81{[" * 50)


def _delete(path: Path) -> None:
    path.unlink()


FAULTS: dict[str, Fault] = {
    "empty": _truncate(0), "one-byte": _one_byte, "half": _truncate(0.5), "flip": _flip,
    "garbage": _garbage, "deleted": _delete,
}  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A store with two complete scans of loopback: (store, older id, newer id)."""
    store = tmp_path_factory.mktemp("store") / "scans"
    code = (f"ip link set lo up && {sys.executable} -m netmap scan 127.0.0.1 --depth quick "
            f"--no-report --scans-dir {store}")  # fmt: skip
    for _ in range(2):
        done = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True,
                              text=True, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
    older, newer = Store(store).ids()
    assert {f.name for f in (store / newer).iterdir()} >= set(FILES)
    return store, older, newer


def _copy(base: tuple[Path, str, str], tmp_path: Path) -> Path:
    dest = tmp_path / "scans"
    shutil.copytree(base[0], dest)
    return dest


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    text = result.output + (result.stderr if result.stderr_bytes else "")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"netmap {' '.join(args)} raised {result.exception!r}")
    assert "Traceback" not in text, text
    return result.exit_code, text


def _every_command(store: Path, older: str, newer: str, out: Path) -> dict[str, tuple[int, str]]:
    s = str(store)
    return {
        "scans": _run("scans", "--scans-dir", s, "--json"),
        "show": _run("show", newer, "--scans-dir", s),
        "show latest": _run("show", "latest", "--scans-dir", s, "--json"),
        "report": _run("report", newer, "--scans-dir", s, "--out", str(out), "--formats", "csv"),
        "diff": _run("diff", older, newer, "--scans-dir", s),
        "diff latest": _run("diff", older, "latest", "--scans-dir", s),
    }


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("name", FILES)
def test_a_damaged_file_costs_only_its_scan(
    base: tuple[Path, str, str], tmp_path: Path, name: str, fault: str
) -> None:
    store = _copy(base, tmp_path)
    _, older, newer = base
    FAULTS[fault](store / newer / name)
    results = _every_command(store, older, newer, tmp_path / "out")
    for command, (code, text) in results.items():
        assert code in (0, 1, 2, 3), (command, code, text)
    assert results["scans"][0] == 0 and older in results["scans"][1]
    assert results["show latest"][0] == 0  # the good scan is still there to show
    problem = Store(store).check(newer)
    if problem is not None:
        assert "corrupt" in results["scans"][1]
        for command in ("show", "report", "diff"):  # named by id: one line naming it, exit 2
            code, text = results[command]
            assert code == 2 and "is corrupt" in text and name.split(".")[0] in text, (
                command, code, text)
        assert f'"id": "{older}"' in results["show latest"][1]  # the corrupt one is skipped
        assert Store(store).latest_complete() == older
    if name in DERIVED:  # derived from the observations: the scan is whole, the files rebuilt
        assert problem is None and results["report"][0] == 0, results["report"]
        assert Store(store).read_inventory(newer) is not None
        json.loads((store / newer / "topology.json").read_bytes())


def test_stray_files_and_half_copied_folders(base: tuple[Path, str, str], tmp_path: Path) -> None:
    store = _copy(base, tmp_path)
    _, older, newer = base
    (store / "notes.txt").write_text("the city's own notes")
    (store / "backup").mkdir()
    half = store / "20991231-235959-000000-ff"  # newest by name: copied without its status
    half.mkdir()
    shutil.copy(store / newer / "request.json", half / "request.json")
    results = _every_command(store, older, newer, tmp_path / "out")
    assert all(code in (0, 1, 2, 3) for code, _ in results.values())
    assert "corrupt" in results["scans"][1] and "status.json" in results["scans"][1]
    assert f'"id": "{newer}"' in results["show latest"][1]
    code, text = _run("show", half.name, "--scans-dir", str(store))
    assert code in (2, 3) and "status.json" in text


def test_retention_keeps_the_newest_complete_and_every_corrupt_scan(
    base: tuple[Path, str, str], tmp_path: Path
) -> None:
    store = _copy(base, tmp_path)
    _, older, newer = base
    _garbage(store / newer / "status.json")  # the newest scan is corrupt
    s = Store(store)
    assert s.prune(keep=0) == []  # the older (newest complete) and the corrupt one both stay
    assert set(s.ids()) == {older, newer}
    assert s.skipped[newer].startswith("status.json")


def test_rescan_history_passes_over_a_corrupt_scan(base: tuple[Path, str, str],
                                                   tmp_path: Path) -> None:  # fmt: skip
    from netmap.config import Profile
    from netmap.rescan import history

    store = _copy(base, tmp_path)
    _, older, newer = base
    _truncate(0.5)(store / older / "observations.jsonl")
    s = Store(store)
    assert s.status(newer).state is ScanState.COMPLETE
    assert history(s, "99999999-999999", 3, Profile()) == [s.read_inventory(newer)]


def test_rescan_with_a_corrupt_latest_scan_warns_and_goes_on(
    base: tuple[Path, str, str], tmp_path: Path
) -> None:
    """A real cron rescan (of loopback, in its own namespace) when the newest stored scan's
    status.json is garbage: one warning in the log, a new complete scan, exit 0 or 1."""
    store = _copy(base, tmp_path)
    _, _older, newer = base
    _garbage(store / newer / "status.json")
    log = tmp_path / "netmap.log"
    profile = tmp_path / "city.toml"
    profile.write_text(f'targets = ["127.0.0.1"]\ndepth = "quick"\nscans_dir = "{store}"\n'
                       f'output_dir = "{tmp_path / "out"}"\n[rescan]\nlog_file = "{log}"\n')  # fmt: skip
    code = f"ip link set lo up && {sys.executable} -m netmap rescan --profile {profile}"
    done = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True, text=True,
                          timeout=180, check=False)  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    warnings = [line for line in log.read_text().splitlines() if "corrupt" in line]
    assert len(warnings) == 1 and newer in warnings[0]


def test_rescan_history_rebuilds_what_another_netmap_cached(base: tuple[Path, str, str],
                                                            tmp_path: Path) -> None:  # fmt: skip
    """An inventory cached by another netmap (an older reading of the same observations) is
    rebuilt before a rescan diffs against it; one this netmap built is used as it is."""
    from netmap.config import Profile
    from netmap.infer.topology import graph_to_json, inventory_graph
    from netmap.pipeline import inference_fingerprint
    from netmap.rescan import history

    store = _copy(base, tmp_path)
    newer = base[2]
    s = Store(store)

    def cache(built_by: str | None) -> None:
        """The newer scan's inventory, as a netmap that read one more device from it cached it."""
        inv = s.read_inventory(newer)
        assert inv is not None
        extra = Device(id="mac:02:00:00:00:00:09", name="as an older netmap read it")
        inv = inv.model_copy(update={"built_by": built_by, "devices": [*inv.devices, extra]})
        s.write_inventory(newer, inv, graph_to_json(inventory_graph(inv)))

    def names(inv: Inventory | None) -> list[str | None]:
        assert inv is not None
        return [d.name for d in inv.devices]

    for other in ("0123456789abcdef", None):
        cache(other)
        [_, rebuilt] = history(s, "99999999-999999", 3, Profile())
        assert "as an older netmap read it" not in names(rebuilt)
        assert rebuilt.built_by == inference_fingerprint()
        stored = s.read_inventory(newer)
        assert stored is not None and stored.built_by == inference_fingerprint()
    cache(inference_fingerprint())
    [_, kept] = history(s, "99999999-999999", 3, Profile())
    assert "as an older netmap read it" in names(kept)
