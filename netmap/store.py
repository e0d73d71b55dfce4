"""The scan store: `scans/<scan-id>/`, written atomically so no crash harms a scan.

A scan folder holds:

* `request.json`      what was asked (credentials by name only);
* `status.json`       running / complete / partial / failed, phases done and pending;
* `observations.jsonl` every observation, one JSON object a line;
* `nmap-<phase>.xml`  the raw nmap XML of each nmap run;
* `inventory.json`, `topology.json`: derived (merge/infer output), regenerated at will.

Every file is written to a temporary name in the same folder, fsynced, then renamed over the
old one: a reader sees the old file or the new one, never half of one. `kill -9` mid-write leaves
at most a `.tmp-*` file behind, which readers ignore.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from netmap.errors import StoreError as StoreError
from netmap.model import (
    Inventory,
    Observation,
    ScanRecord,
    ScanRequest,
    ScanState,
    ScanStatus,
    utcnow,
)

log = logging.getLogger("netmap")

OBS_ADAPTER: TypeAdapter[Observation] = TypeAdapter(Observation)
LOCK_NAME = ".lock"
CHECKSUM = "observations.sha256"


def _io_error(path: Path, exc: OSError) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError(f"disk full while writing {path}; earlier scans are untouched")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError(f"cannot write {path}: {exc.strerror}")
    return StoreError(f"cannot write {path}: {exc.strerror or exc}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temp file + fsync + rename)."""
    tmp = path.with_name(f".tmp-{path.name}-{os.getpid()}-{secrets.token_hex(3)}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _io_error(path, exc) from None


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"))


def new_scan_id(now: datetime | None = None) -> str:
    t = now or utcnow()
    # Microseconds keep ids in time order when sorted as text; the token avoids collisions.
    return t.strftime("%Y%m%d-%H%M%S-%f-") + secrets.token_hex(1)


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# new_scan_id(): "20261205-040940-426824-72"; older ids had fewer parts, all start so.
SCAN_ID = re.compile(r"^\d{8}-\d{4,6}")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "document"
    return f"{err['msg']} ({where})"[:200]


def _observations_problem(path: Path) -> str | None:
    """A cheap look at the observation log: present, ends with a whole line that is JSON.
    (read() validates every line; listing must not parse megabytes per scan.)"""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None  # a scan stopped before its first checkpoint has no observations yet
    except OSError as exc:
        return f"observations.jsonl: cannot read ({exc.strerror})"
    if not data:
        return None
    if not data.endswith(b"\n"):
        return "observations.jsonl: truncated (its last line is incomplete)"
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    try:
        json.loads(last)
    except ValueError:
        return "observations.jsonl: its last line is not JSON"
    return None


def _checksum_problem(folder: Path) -> str | None:
    """The observation log against the SHA-256 written with it (scans from before checksums
    have none: the cheaper look below is all they get)."""
    try:
        want = (folder / CHECKSUM).read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{CHECKSUM}: cannot read ({exc.strerror})"
    try:
        got = hashlib.sha256((folder / "observations.jsonl").read_bytes()).hexdigest()
    except FileNotFoundError:
        return "observations.jsonl is missing"
    except OSError as exc:
        return f"observations.jsonl: cannot read ({exc.strerror})"
    if got != want:
        return ("observations.jsonl: damaged (its SHA-256 does not match the one saved with it; "
                "a bad copy, a disk error, or a scan killed while saving)")  # fmt: skip
    return None


def _topology_problem(folder: Path) -> str | None:
    """Why the topology.json beside a cached inventory cannot be used, or None. Both files are
    derived from the observations, so damage costs nothing: the reader rebuilds them together."""
    try:
        json.loads((folder / "topology.json").read_bytes())
    except FileNotFoundError:
        return "topology.json is missing"
    except OSError as exc:
        return f"topology.json: cannot read ({exc.strerror})"
    except ValueError as exc:
        return f"topology.json: not valid JSON ({str(exc)[:80]})"
    return None


def _cached_inventory(folder: Path) -> tuple[Inventory | None, str | None]:
    """The inventory cached in a scan folder, and why it cannot be used (None when it can)."""
    try:
        inv = Inventory.model_validate_json((folder / "inventory.json").read_bytes())
    except OSError as exc:
        return None, f"inventory.json: cannot read ({exc.strerror})"
    except ValidationError as exc:
        err = exc.errors()[0]
        if err["type"] == "json_invalid":
            return None, f"inventory.json: not valid JSON ({err['msg'][:80]})"
        return None, f"inventory.json: not in this netmap's form ({_first_error(exc)})"
    return inv, _topology_problem(folder)


class Store:
    """A folder of scans."""

    def __init__(self, root: str | Path = "scans") -> None:
        self.root = Path(root)
        self.skipped: dict[str, str] = {}  # scan id -> why it was passed over (corrupt)
        self.checked: dict[str, str | None] = {}  # scan id -> check(), once per Store

    def ensure(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".tmp-probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StoreError(f"scan store {self.root} is not writable: {exc.strerror}") from None

    def path(self, scan_id: str) -> Path:
        if not scan_id or "/" in scan_id or scan_id.startswith("."):
            raise StoreError(f"bad scan id {scan_id!r}")
        return self.root / scan_id

    # -- listing ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Scan ids, oldest first (ids sort by time): every folder named like a scan, whether
        or not its files can be read (check() says). Other files and folders are not scans."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and SCAN_ID.match(p.name))

    def check(self, scan_id: str) -> str | None:
        """Why a scan cannot be used ("status.json: truncated JSON"), or None when its files
        read. The one place that decides: every command that picks scans asks it."""
        d = self.path(scan_id)
        for name, model in (("status.json", ScanStatus), ("request.json", ScanRequest)):
            try:
                model.model_validate_json(self._read(d / name))
            except StoreError:
                return f"{name} is missing or unreadable"
            except ValidationError as exc:
                return f"{name}: {_first_error(exc)}"
        # inventory.json and topology.json are not asked about: derived, rebuilt when damaged.
        return _checksum_problem(d) or _observations_problem(d / "observations.jsonl")

    def usable(self, scan_id: str) -> bool:
        """check() is None; a scan that is not says so once on stderr (and in a rescan's log).
        Remembered per Store, so that choosing "latest" hashes each scan at most once."""
        if scan_id not in self.checked:
            self.checked[scan_id] = self.check(scan_id)
        problem = self.checked[scan_id]
        if problem is not None and scan_id not in self.skipped:
            self.skipped[scan_id] = problem
            log.warning("skipping scan %s: corrupt: %s", scan_id, problem)
        return problem is None

    def status(self, scan_id: str) -> ScanStatus:
        try:
            st = ScanStatus.model_validate_json(self._read(self.path(scan_id) / "status.json"))
        except ValidationError as exc:
            raise StoreError(f"scan {scan_id} is corrupt: status.json: {_first_error(exc)}") from None
        if st.state is ScanState.RUNNING and not _pid_alive(st.pid):
            # The process died without saving (kill -9): what is stored is all there is.
            st = st.model_copy(update={"state": ScanState.FAILED, "message": "interrupted"})
        return st

    def resolve(self, ref: str) -> str:
        """A scan id, 'latest' (the newest complete scan that reads) or a unique id prefix. A
        scan named by id or prefix that does not pass check() is an error naming the file."""
        ids = self.ids()
        if ref == "latest":
            # The newest complete scan; a partial one only when nothing ever completed.
            for wanted in (ScanState.COMPLETE, ScanState.PARTIAL):
                for sid in reversed(ids):  # newest first: most runs stop at the first scan
                    if self.usable(sid) and self.status(sid).state is wanted:
                        return sid
            raise StoreError(f"no finished scan in {self.root}")
        matches = [ref] if ref in ids else [i for i in ids if i.startswith(ref)]
        if len(matches) != 1:
            raise StoreError(
                f"no scan {ref!r} in {self.root}" if not matches else f"{ref!r} is ambiguous"
            )
        problem = self.check(matches[0])
        if problem is not None:
            raise StoreError(f"scan {matches[0]} is corrupt: {problem}")
        return matches[0]

    def latest_complete(self, before: str | None = None) -> str | None:
        """The newest complete scan that reads (corrupt ones are passed over, with a warning)."""
        for sid in reversed(self.ids()):
            if before is not None and sid >= before:
                continue
            if self.usable(sid) and self.status(sid).state is ScanState.COMPLETE:
                return sid
        return None

    def complete_before(self, before: str) -> list[str]:
        """Every usable complete scan older than `before`, newest first."""
        return [sid for sid in reversed(self.ids()) if sid < before and self.usable(sid)
                and self.status(sid).state is ScanState.COMPLETE]  # fmt: skip

    # -- reading ---------------------------------------------------------------------------

    def _read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"missing {path}") from None
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror}") from None

    def read(self, scan_id: str) -> ScanRecord:
        d = self.path(scan_id)
        try:
            request = ScanRequest.model_validate_json(self._read(d / "request.json"))
            obs_file = d / "observations.jsonl"
            lines = obs_file.read_bytes().splitlines() if obs_file.exists() else []
            observations = [OBS_ADAPTER.validate_json(line) for line in lines if line.strip()]
        except ValidationError as exc:
            raise StoreError(f"scan {scan_id} is corrupt: {_first_error(exc)}") from None
        except OSError as exc:
            raise StoreError(f"scan {scan_id}: cannot read its files: {exc.strerror}") from None
        return ScanRecord(
            id=scan_id, request=request, status=self.status(scan_id), observations=observations
        )

    def read_inventory(self, scan_id: str) -> Inventory | None:
        """The cached inventory, or None when it must be built from the observations: never
        built, built by an older netmap's schema, or damaged (inventory.json or topology.json,
        which are rebuilt together; the damage is said once, as a warning)."""
        d = self.path(scan_id)
        if not (d / "inventory.json").exists():
            return None
        inv, problem = _cached_inventory(d)
        if problem is None:
            return inv
        log.warning("scan %s: %s; rebuilding it from the observations", scan_id, problem)
        return None

    # -- writing ---------------------------------------------------------------------------

    def create(
        self, request: ScanRequest, phases: Sequence[str], scan_id: str | None = None
    ) -> str:
        self.ensure()
        sid = scan_id or new_scan_id()
        d = self.path(sid)
        try:
            d.mkdir()
        except OSError as exc:
            raise _io_error(d, exc) from None
        atomic_write_text(d / "request.json", request.model_dump_json(indent=1))
        from netmap import __version__

        self.write_status(
            sid,
            ScanStatus(
                state=ScanState.RUNNING,
                started=utcnow(),
                phases_pending=list(phases),
                netmap_version=__version__,
                pid=os.getpid(),
            ),
        )
        return sid

    def write_status(self, scan_id: str, status: ScanStatus) -> None:
        atomic_write_text(self.path(scan_id) / "status.json", status.model_dump_json(indent=1))

    def write_observations(self, scan_id: str, observations: Sequence[Observation]) -> None:
        """Checkpoint: the whole list is rewritten atomically, so it is never half-written, with
        its SHA-256 beside it, so that damage done later (a bad copy, a disk) is found by
        check() without parsing every line."""
        body = "".join(OBS_ADAPTER.dump_json(o).decode() + "\n" for o in observations).encode()
        atomic_write(self.path(scan_id) / "observations.jsonl", body)
        atomic_write_text(self.path(scan_id) / CHECKSUM, hashlib.sha256(body).hexdigest() + "\n")

    def write_file(self, scan_id: str, name: str, data: bytes) -> Path:
        if "/" in name or name.startswith("."):
            raise StoreError(f"bad file name {name!r}")
        p = self.path(scan_id) / name
        atomic_write(p, data)
        return p

    def read_files(self, scan_id: str, pattern: str) -> list[bytes]:
        """The raw files of a scan whose names match `pattern` (a glob), in name order; one
        that cannot be read, or a link, is left out (the observations still hold what was
        parsed from it at scan time)."""
        out = []
        for p in sorted(self.path(scan_id).glob(pattern)):
            if p.name.startswith(".") or p.is_symlink() or not p.is_file():
                continue  # the scan's own files only: never one a link points elsewhere
            try:
                out.append(p.read_bytes())
            except OSError as exc:
                log.warning("scan %s: cannot read %s: %s", scan_id, p.name, exc.strerror)
        return out

    def write_inventory(self, scan_id: str, inv: Inventory, topology: dict[str, object]) -> None:
        self.write_file(scan_id, "inventory.json", inv.model_dump_json(indent=1).encode())
        self.write_file(scan_id, "topology.json", json.dumps(topology, indent=1).encode())

    def delete(self, scan_id: str) -> None:
        shutil.rmtree(self.path(scan_id), ignore_errors=True)

    def prune(self, keep: int) -> list[str]:
        """Keep the newest `keep` scans; never delete the newest complete one, nor a corrupt
        one (its owner decides: it may be worth recovering)."""
        ids = self.ids()
        newest_complete = self.latest_complete()
        doomed = [s for s in ids[: max(0, len(ids) - keep)]
                  if s != newest_complete and self.usable(s)]  # fmt: skip
        for sid in doomed:
            self.delete(sid)
        return doomed

    # -- locking ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """An exclusive, non-blocking lock on the store, for cron runs.

        flock is released by the kernel when its holder dies, so a stale lock from a killed run
        is taken over automatically; the PID inside is only for the message.
        """
        self.ensure()
        path = self.root / LOCK_NAME
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                raise StoreError(
                    f"another netmap run (pid {holder}) holds {path}; not starting a second one"
                ) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
            yield
        finally:
            os.close(fd)
