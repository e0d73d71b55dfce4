import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netmap.model import ArpObs, ScanRequest, ScanState, ServiceObs
from netmap.store import Store, StoreError


def make_scan(store: Store, n: int = 3) -> str:
    sid = store.create(ScanRequest(targets=["10.0.0.0/24"]), ["arp"])
    obs = [
        ArpObs(target=f"10.0.0.{i}", ip=f"10.0.0.{i}", mac=f"00:00:00:00:00:{i:02x}")
        for i in range(1, n + 1)
    ]
    store.write_observations(sid, obs)
    st = store.status(sid)
    store.write_status(sid, st.model_copy(update={"state": ScanState.COMPLETE}))
    return sid


def test_roundtrip(tmp_path: Path) -> None:
    store = Store(tmp_path / "scans")
    sid = make_scan(store)
    rec = store.read(sid)
    assert len(rec.observations) == 3
    assert isinstance(rec.observations[0], ArpObs)
    assert store.resolve("latest") == sid
    assert store.resolve(sid[:15]) == sid


def test_observation_union_roundtrip(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create(ScanRequest(targets=["10.0.0.1"]), [])
    svc = ServiceObs(target="10.0.0.1", ip="10.0.0.1", port=25, product="Postfix smtpd")
    store.write_observations(sid, [svc])
    assert store.read(sid).observations == [svc]


def test_dead_running_scan_reads_as_failed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create(ScanRequest(targets=["10.0.0.1"]), ["arp"])
    st = store.status(sid)
    store.write_status(sid, st.model_copy(update={"pid": 2**22 + 12345}))
    assert store.status(sid).state is ScanState.FAILED


def test_kill9_mid_write_harms_no_earlier_scan(tmp_path: Path) -> None:
    """A writer killed with SIGKILL while rewriting observations leaves every scan readable."""
    store = Store(tmp_path)
    old = make_scan(store, 5)
    before = (tmp_path / old / "observations.jsonl").read_bytes()
    victim = make_scan(store, 2)
    code = textwrap.dedent(
        f"""
        from netmap.store import Store
        from netmap.model import ArpObs
        s = Store({str(tmp_path)!r})
        obs = [ArpObs(target="10.0.0.1", ip="10.0.0.1", mac="00:00:00:00:00:01")] * 200000
        print("go", flush=True)
        while True:
            s.write_observations({victim!r}, obs)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"go"
    import time

    time.sleep(1.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert (tmp_path / old / "observations.jsonl").read_bytes() == before
    rec = store.read(victim)  # either the old or a whole new file, never half of one
    assert len(rec.observations) in (2, 200000)


def test_unwritable_store(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/netmap-cannot-exist")
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o500)
    with pytest.raises(StoreError, match="not writable"):
        Store(target).ensure()


def test_disk_full_loses_nothing(tmp_path: Path) -> None:
    """A real full file system (a 256 KiB tmpfs): a clear error, the earlier scan intact."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], check=True)
    try:
        store = Store(mnt)
        old = make_scan(store, 3)
        before = (mnt / old / "observations.jsonl").read_bytes()
        sid = store.create(ScanRequest(targets=["10.0.0.0/24"]), [])
        big = [ArpObs(target="10.0.0.1", ip="10.0.0.1", mac="00:00:00:00:00:01")] * 20000
        with pytest.raises(StoreError, match="disk full"):
            store.write_observations(sid, big)
        assert (mnt / old / "observations.jsonl").read_bytes() == before
        assert not [p for p in mnt.rglob(".tmp-*")]  # no half-written file left behind
        assert len(store.read(old).observations) == 3
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_lock_excludes_second_run(tmp_path: Path) -> None:
    store = Store(tmp_path)
    code = (
        f"from netmap.store import Store\nimport time\nwith Store({str(tmp_path)!r}).lock():\n"
        "    print('held', flush=True)\n    time.sleep(30)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"held"
        with pytest.raises(StoreError, match=f"pid {proc.pid}"), store.lock():
            pass
    finally:
        proc.kill()
        proc.wait(timeout=10)
    with store.lock():  # the dead holder's lock is taken over
        pass


def test_prune_keeps_newest_complete(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ids = [make_scan(store) for _ in range(4)]
    # a newer failed scan must not push out the newest complete one
    bad = store.create(ScanRequest(targets=["10.0.0.1"]), [], scan_id="99999999-000000-ffff")
    store.write_status(bad, store.status(bad).model_copy(update={"state": ScanState.FAILED}))
    deleted = store.prune(1)
    assert ids[-1] not in deleted
    assert set(store.ids()) == {ids[-1], bad}
