"""`netmap rescan`: the cron job. Scan, infer, diff against history, re-render, notify, prune.

Safe to run unattended:
* a store lock: a second run exits 3 with a clear message (a dead holder's lock is taken over);
* no TTY output: everything goes to the profile's log file;
* `output/latest` is a symlink swapped atomically only after a complete scan has rendered, so a
  run killed mid-way leaves the previous deliverables (and the previous scan) intact;
* exit codes: 0 no change, 1 changes found, 2 usage/config error, 3 scan failed or partial.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path

from netmap.changes import diff_history, summarize
from netmap.config import Profile, resolve_credentials, resolve_host_credentials
from netmap.errors import EXIT_CHANGES, EXIT_FAILED, EXIT_OK
from netmap.model import Change, Inventory, ScanRequest, ScanState
from netmap.pipeline import build_and_store, inference_fingerprint, render_scan
from netmap.scope import build_scope
from netmap.store import Store, StoreError

log = logging.getLogger("netmap.rescan")


@dataclass
class RescanResult:
    code: int
    scan_id: str | None
    changes: list[Change]
    message: str


def setup_log(path: str) -> logging.Handler:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(p, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root = logging.getLogger("netmap")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def history(store: Store, before: str, k: int, profile: Profile) -> list[Inventory]:
    """The last `k` complete scans before `before`, as inventories, oldest first: each built by
    this netmap from its stored observations (a cached one from another netmap is rebuilt), so
    what differs is what the network did, not how netmap reads it."""
    out: list[Inventory] = []
    for sid in store.complete_before(before):  # corrupt scans are passed over, with a warning
        try:
            cached = store.read_inventory(sid)
            if cached is None or cached.built_by != inference_fingerprint():
                cached = build_and_store(store, sid, profile)
            out.append(cached)
        except StoreError as exc:  # its observations fail full validation: skip it too
            log.warning("skipping scan %s: %s", sid, exc)
            continue
        if len(out) == k:
            break
    return list(reversed(out))


def swap_latest(output: Path, target: Path) -> None:
    """Point output/latest at `target` atomically (symlink + rename)."""
    tmp = output / f".latest-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target.name)
    os.replace(tmp, output / "latest")


def _request(profile: Profile, profile_path: str, cred_names: list[str]) -> ScanRequest:
    return ScanRequest(
        targets=profile.targets,
        exclude=profile.exclude,
        depth=profile.depth,
        rate=profile.rate,
        snmp_credentials=cred_names,
        subnets=profile.subnets,
        profile=str(Path(profile_path).resolve()),
        allow_public=profile.allow_public,
        large=profile.large,
    )


def rescan(profile: Profile, profile_path: str) -> RescanResult:
    from netmap.scan import ScanJob, previous_credentials, previous_hosts, run_scan

    store = Store(profile.scans_dir)
    with store.lock():
        creds = resolve_credentials(profile.snmp)
        host_creds = resolve_host_credentials(profile.ssh, profile.winrm)
        scope = build_scope(profile.targets, profile.exclude, profile.allow_public, profile.large)
        request = _request(profile, profile_path, [c.name for c in creds])
        job = ScanJob(
            scope=scope,
            request=request.model_copy(update={"host_credentials": [c.name for c in host_creds]}),
            credentials=creds,
            snmp=profile.snmp_options,
            preferred_credentials=previous_credentials(store),
            host_credentials=host_creds,
            hosts=profile.host_options,
            previous_hosts=previous_hosts(store),
        )
        log.info("rescan of %s started", " ".join(scope.nmap_targets()))
        result = run_scan(store, job)
        if result.state is not ScanState.COMPLETE:
            msg = f"scan {result.scan_id} is {result.state.value}; previous deliverables kept"
            log.error(msg)
            return RescanResult(EXIT_FAILED, result.scan_id, [], msg)
        sid = result.scan_id
        inv = build_and_store(store, sid, profile)
        past = history(store, sid, profile.rescan.missing_threshold, profile)
        changes = diff_history(past, inv, profile.rescan.missing_threshold)
        out_root = Path(profile.output_dir)
        out_dir = out_root / sid
        render_scan(inv, out_dir)
        _write_changes(store, sid, out_dir, changes, past)
        swap_latest(out_root, out_dir)
        _notify(profile, changes, out_dir)
        pruned = store.prune(profile.rescan.keep)
        if pruned:
            log.info("retention: removed %d old scan(s)", len(pruned))
        counts = summarize(changes)
        msg = (
            f"scan {sid}: {len(changes)} change(s) {counts}"
            if changes
            else f"scan {sid}: no change"
        )
        log.info(msg)
        return RescanResult(EXIT_CHANGES if changes else EXIT_OK, sid, changes, msg)


def _write_changes(
    store: Store, sid: str, out_dir: Path, changes: list[Change], past: list[Inventory]
) -> None:
    from netmap.render.change_report import to_json, write_reports

    base = past[-1].scan_id if past else None
    meta = {"scan": sid, "baseline": base}
    title = f"netmap changes: {base} -> {sid}" if base else f"netmap baseline scan {sid}"
    write_reports(changes, out_dir, title, meta)
    store.write_file(sid, "changes.json", to_json(changes, meta).encode())


def _notify(profile: Profile, changes: list[Change], out_dir: Path) -> None:
    from netmap.notify import send_report, should_send

    opts = profile.rescan.notify
    if not should_send(opts, bool(changes)):
        return
    try:
        send_report(
            opts,
            f"netmap: {len(changes)} network change(s)" if changes else "netmap: no change",
            (out_dir / "changes.md").read_text(encoding="utf-8"),
            (out_dir / "changes.html").read_text(encoding="utf-8"),
        )
        log.info("change report mailed to %d recipient(s)", len(opts.recipients))
    except Exception as exc:  # a mail failure must not lose the scan
        log.error("could not send the change report: %s", exc)
