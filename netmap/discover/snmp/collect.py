"""Collect SNMP getters from one agent or many, and turn records into observations and back.

`collect()` never raises for a bad agent or a bad getter: failures become clear per-getter
messages in ``SnmpRecord.errors`` (``errors["facts"]`` when no credential answered at all).
Time is bounded per request, per walk, per getter and per device.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from netmap.discover.snmp.getters import GETTER_FUNCS, PROBES, SCALARS, CachingWalker
from netmap.discover.snmp.session import SessionOptions, SnmpSession, current_getter, open_session
from netmap.discover.snmp.walker import DEFAULT_MAX_ROWS, SnmpError
from netmap.model import (
    GETTERS,
    WELL_KNOWN_COMMUNITIES,
    ResolvedCredential,
    SnmpObs,
    SnmpRecord,
)

Target = tuple[str, int] | str


async def collect(
    ip: str,
    creds: Sequence[ResolvedCredential],
    port: int = 161,
    getters: Sequence[str] = GETTERS,
    *,
    timeout: float = 1.0,
    retries: int = 1,
    max_rows: int = DEFAULT_MAX_ROWS,
    getter_timeout: float = 60.0,
    device_timeout: float = 180.0,
    options: SessionOptions | None = None,
    stats: dict[str, int] | None = None,
) -> SnmpRecord:
    """Run `getters` (facts always first) against one agent with the first credential that
    answers. Returns a record; per-getter problems are in `record.errors`.

    `stats`, when given, receives the request / row / timeout counts (benchmarks, diagnostics)."""
    opts = options or SessionOptions(
        timeout=timeout, retries=retries, max_rows=max_rows, walk_timeout=min(30.0, getter_timeout)
    )
    record = SnmpRecord(ip=ip, port=port)
    unknown = [g for g in getters if g not in GETTER_FUNCS]
    for name in unknown:
        record.errors[name] = "unknown getter"
    wanted = ["facts"] + [g for g in getters if g in GETTER_FUNCS and g != "facts"]
    try:
        session = await open_session(ip, creds, port, opts, probe=SCALARS["facts"])
    except SnmpError as exc:
        record.errors["facts"] = str(exc)
        return record
    record.credential, record.version = session.credential, session.version
    record.default_community = _well_known(creds, session.credential, session.version)
    try:
        await _run_getters(session, record, wanted, getter_timeout, device_timeout)
    finally:
        session.close()
        if stats is not None:
            stats.update(
                requests=session.stats.requests, varbinds=session.stats.varbinds,
                rows=session.stats.rows,
                timeouts=session.stats.timeouts, resends=session.resends,
            )
    return record


async def _run_getters(
    session: SnmpSession, record: SnmpRecord, wanted: list[str], getter_timeout: float,
    device_timeout: float,
) -> None:
    walker = CachingWalker(session)
    if session.probe_answer is not None:
        walker.remember(SCALARS["facts"], session.probe_answer)
    deadline = time.monotonic() + device_timeout
    probes = [oid for name in wanted for oid in PROBES.get(name, ())]
    scalars = [oid for name in wanted if name != "facts" for oid in SCALARS.get(name, ())]
    if len(wanted) > 1 and probes:
        with contextlib.suppress(SnmpError, TimeoutError):  # only a shortcut: getters still work
            await asyncio.wait_for(
                walker.prime(list(dict.fromkeys(probes)), scalars), getter_timeout
            )
    for name in wanted:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            record.errors[name] = f"not run: device time limit of {device_timeout:g} s reached"
            continue
        token = current_getter.set(name)  # tasks the getter spawns inherit it (contextvars)
        try:
            result = await asyncio.wait_for(GETTER_FUNCS[name](walker), min(getter_timeout, remaining))
        except SnmpError as exc:
            record.errors[name] = str(exc)
        except TimeoutError:
            record.errors[name] = f"timed out after {min(getter_timeout, remaining):.3g} s"
        except Exception as exc:  # a getter bug or absurd data must not lose the other getters
            record.errors[name] = f"failed: {exc.__class__.__name__}: {exc}"
        else:
            setattr(record, name, result)
            record.collected.append(name)
        finally:
            current_getter.reset(token)
        warnings = session.stats.warnings.pop(name, [])
        if warnings:
            note = "partial: " + "; ".join(warnings[:5]) + (" ..." if len(warnings) > 5 else "")
            record.errors[name] = f"{record.errors[name]}; {note}" if name in record.errors else note


async def collect_many(
    targets: Iterable[Target],
    creds: Sequence[ResolvedCredential],
    concurrency: int = 32,
    getters: Sequence[str] = GETTERS,
    *,
    on_done: Callable[[str], None] | None = None,
    progress: Callable[[int, int, SnmpRecord], None] | None = None,
    **kwargs: Any,
) -> list[SnmpRecord]:
    """Collect from many agents, at most `concurrency` at a time; records in target order.

    `on_done(ip)` and `progress(done, total, record)` are called as each agent finishes.
    Extra keyword arguments go to :func:`collect` (timeout, retries, max_rows, ...)."""
    items = [(t, 161) if isinstance(t, str) else t for t in targets]
    results: list[SnmpRecord | None] = [None] * len(items)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(len(items)):
        queue.put_nowait(i)
    done = 0

    async def worker() -> None:
        nonlocal done
        while True:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            ip, port = items[i]
            try:
                rec = await collect(ip, creds, port, getters, **kwargs)
            except Exception as exc:  # collect() should not raise; keep the batch going if it does
                rec = SnmpRecord(ip=ip, port=port, errors={"facts": f"failed: {exc}"})
            results[i] = rec
            done += 1
            if on_done:
                on_done(ip)
            if progress:
                progress(done, len(items), rec)

    await asyncio.gather(*(worker() for _ in range(max(1, min(concurrency, len(items))))))
    return [r for r in results if r is not None]


# ---------------------------------------------------------------------------------------------
# Records <-> observations (what the scan store keeps)
# ---------------------------------------------------------------------------------------------


def _well_known(creds: Sequence[ResolvedCredential], name: str | None, version: str | None) -> bool:
    """Whether the community that answered is one anybody would try (checked here, in memory:
    only the yes/no leaves the process)."""
    if version not in ("1", "2c"):
        return False
    used = next((c for c in creds if c.name == name), None)
    secret = used.community.get_secret_value() if used and used.community else None
    return secret is not None and secret.strip().lower() in WELL_KNOWN_COMMUNITIES


def _as_json(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def record_to_observations(rec: SnmpRecord) -> list[SnmpObs]:
    """One SnmpObs per getter that ran or failed (source "snmp", data = the getter's JSON)."""
    out: list[SnmpObs] = []
    for name in [*GETTERS, *(e for e in rec.errors if e not in GETTERS)]:
        if name not in rec.collected and name not in rec.errors:
            continue
        out.append(
            SnmpObs(
                target=rec.ip, ip=rec.ip, getter=name, credential=rec.credential,
                port=rec.port, version=rec.version, default_community=rec.default_community,
                data=_as_json(getattr(rec, name)) if name in rec.collected else None,
                error=rec.errors.get(name),
            )
        )
    return out


def records_from_observations(obs: Iterable[SnmpObs]) -> list[SnmpRecord]:
    """Rebuild one SnmpRecord per agent address (the latest observation of a getter wins)."""
    by_ip: dict[str, list[SnmpObs]] = {}
    for o in obs:
        by_ip.setdefault(o.ip, []).append(o)
    return [_record(ip, items) for ip, items in by_ip.items()]


def record_from_observations(obs: Iterable[SnmpObs]) -> SnmpRecord:
    """The SnmpRecord of one agent from its observations (inverse of record_to_observations)."""
    records = records_from_observations(obs)
    if len(records) != 1:
        raise ValueError(f"expected the observations of one agent, got {len(records)}")
    return records[0]


@cache
def _nullable(name: str) -> bool:
    """A getter whose record is one object (None when the agent has none), not a list."""
    return SnmpRecord.model_fields[name].default is None


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    annotation: Any = SnmpRecord.model_fields[name].annotation
    return TypeAdapter(annotation)


def _record(ip: str, items: list[SnmpObs]) -> SnmpRecord:
    rec = SnmpRecord(ip=ip)
    for o in sorted(items, key=lambda o: o.time):
        rec.port = o.port
        rec.credential = o.credential or rec.credential
        rec.version = o.version or rec.version
        rec.default_community = rec.default_community or o.default_community
        if o.error is not None:
            rec.errors[o.getter] = o.error
        if o.getter not in GETTERS or (o.data is None and o.error is not None):
            continue  # the getter failed: nothing was collected
        data = o.data
        if data is None and not _nullable(o.getter):
            data = []
        try:
            setattr(rec, o.getter, _adapter(o.getter).validate_python(data))
        except ValidationError as exc:  # stored data from another version, or tampered with
            rec.errors[o.getter] = f"malformed {o.getter} data: {exc.error_count()} errors"
            continue
        if o.getter not in rec.collected:
            rec.collected.append(o.getter)
    return rec
