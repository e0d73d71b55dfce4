"""SNMP collection speed: netmap vs net-snmp per device, and many agents at once.

    .venv/bin/python bench/snmp_speed.py            # snmpsim on 127.0.0.1 (project + shared recordings)
    .venv/bin/python bench/snmp_speed.py --lab      # a lab switch, from the scanner namespace
    .venv/bin/python bench/snmp_speed.py --scale-only --devices 500

(1) Per device: netmap's full collection (every getter) of one agent, against `snmpbulkwalk -v2c
    -Cr25` of the subtrees those getters read (one process per subtree, MIB loading off), in the
    same run against the same agent. netmap reads only the columns it needs, so it moves fewer
    rows; both row counts are printed.
(2) At scale: if ../shared/recordings/librenms/snmprec exists (read-only; snmpsim's index goes
    to /tmp), snmpsim serves every recording (community = file name; one process per core, the
    recordings dealt out between them, since one process answers one request at a time) and
    netmap inventories them concurrently: total time, devices/s, requests and varbinds, CPU and
    peak RSS of netmap and of snmpsim.

Tables are printed and saved to bench/results/snmp_speed.txt. Only 127.0.0.1 or the lab is used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import SecretStr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.discover.snmp.collect import collect  # noqa: E402
from netmap.infer.identify.identify import identify_record  # noqa: E402
from netmap.lab.snmpsim import serve  # noqa: E402
from netmap.model import GETTERS, ResolvedCredential  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "snmp_speed.txt"
LIBRENMS = ROOT.parent / "shared" / "recordings" / "librenms" / "snmprec"
PROJECT = ROOT / "tests" / "data" / "snmprec"

# The subtrees netmap's getters read (net-snmp walks each whole; netmap only some columns).
SUBTREES = (
    "1.3.6.1.2.1.1", "1.3.6.1.6.3.10.2.1", "1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1",
    "1.3.6.1.2.1.4.20", "1.3.6.1.2.1.4.21", "1.3.6.1.2.1.4.22", "1.3.6.1.2.1.4.24.4",
    "1.3.6.1.2.1.4.24.7", "1.3.6.1.2.1.4.34", "1.3.6.1.2.1.4.35", "1.3.6.1.2.1.17.1.4",
    "1.3.6.1.2.1.17.4.3", "1.3.6.1.2.1.17.7.1.2.2", "1.3.6.1.2.1.17.7.1.4.2",
    "1.0.8802.1.1.2.1.3.7", "1.0.8802.1.1.2.1.4", "1.0.8802.1.1.2.1.5.4795.1.3.1",
    "1.0.8802.1.1.2.1.5.4795.1.3.3",
    "1.3.6.1.4.1.9.9.23.1.2.1", "1.3.6.1.2.1.47.1.1.1", "1.3.6.1.2.1.25.1", "1.3.6.1.2.1.25.2",
    "1.3.6.1.2.1.25.3.2", "1.3.6.1.2.1.25.3.3", "1.3.6.1.2.1.25.6.3", "1.3.6.1.2.1.43.5.1",
    "1.3.6.1.2.1.43.10.2", "1.3.6.1.2.1.43.11.1", "1.3.6.1.2.1.33.1.1", "1.3.6.1.2.1.33.1.2",
    "1.3.6.1.4.1.318.1.1.1.1", "1.3.6.1.4.1.318.1.1.1.2",
)
# Shared recordings used for the per-device table when present (large, realistic agents).
PER_DEVICE_LIBRENMS = ("ciscosb_sg350x-24p", "ios_2960x", "iosxe_c9400-svl", "quantastor", "eatonups")


def cred(community: str) -> list[ResolvedCredential]:
    return [ResolvedCredential(name="bench", version="2c", community=SecretStr(community))]


def peak_rss_mib(pid: int | None = None) -> float:
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of another process (/proc/PID/stat fields 14 and 15)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------------------------------
# (1) per device
# ---------------------------------------------------------------------------------------------


def netsnmp_walk(host: str, port: int, community: str, prefix: Sequence[str] = ()) -> tuple[float, int]:
    """Seconds and rows for snmpbulkwalk -Cr25 of every subtree (one process each)."""
    env = dict(os.environ, MIBS="")
    rows = 0
    start = time.perf_counter()
    for subtree in SUBTREES:
        out = subprocess.run([*prefix, "snmpbulkwalk", "-v2c", "-c", community, "-Cr25", "-On",
                              "-Oq", "-t", "2", "-r", "1", f"{host}:{port}", subtree],
                             capture_output=True, text=True, timeout=120, check=False, env=env)
        rows += sum(1 for line in out.stdout.splitlines()
                    if line.startswith(".") and "No Such" not in line and "No more" not in line)
    return time.perf_counter() - start, rows


async def netmap_collect(host: str, port: int, community: str) -> tuple[float, float, int, int, int]:
    """(wall s, CPU s, rows, requests, getter errors) of one full collection."""
    stats: dict[str, int] = {}
    cpu, start = time.process_time(), time.perf_counter()
    rec = await collect(host, cred(community), port, stats=stats, timeout=2.0)
    wall = time.perf_counter() - start
    partial = sum(1 for e in rec.errors.values() if not e.startswith("partial"))
    return wall, time.process_time() - cpu, stats.get("rows", 0), stats.get("requests", 0), partial


async def netmap_full_walk(host: str, port: int, community: str) -> tuple[float, int]:
    """Seconds and rows of a walk of the whole 1.3.6.1 tree through netmap's session."""
    from netmap.discover.snmp.session import SessionOptions, open_session

    start = time.perf_counter()
    opts = SessionOptions(timeout=2.0, max_rows=10**6, walk_timeout=300)
    with await open_session(host, cred(community), port, opts) as session:
        rows = await session.walk("1.3.6.1", max_rows=10**6)
    return time.perf_counter() - start, len(rows)


def netsnmp_full_walk(host: str, port: int, community: str, prefix: Sequence[str]) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run([*prefix, "snmpbulkwalk", "-v2c", "-c", community, "-Cr25", "-On", "-Oq",
                          "-t", "2", "-r", "1", f"{host}:{port}", "1.3.6.1"], capture_output=True,
                         text=True, timeout=600, check=False, env=dict(os.environ, MIBS=""))
    return time.perf_counter() - start, sum(1 for x in out.stdout.splitlines() if x.startswith("."))


def per_device(
    host: str, port: int, community: str, prefix: Sequence[str] = (), runs: int = 3
) -> dict[str, Any]:
    ours = [asyncio.run(netmap_collect(host, port, community)) for _ in range(runs)]
    theirs = [netsnmp_walk(host, port, community, prefix) for _ in range(runs)]
    wall = min(o[0] for o in ours)
    ref = min(t[0] for t in theirs)
    full_ours = [asyncio.run(netmap_full_walk(host, port, community)) for _ in range(runs)]
    full_theirs = [netsnmp_full_walk(host, port, community, prefix) for _ in range(runs)]
    full_wall = min(f[0] for f in full_ours)
    full_ref = min(f[0] for f in full_theirs)
    return {
        "full_netmap_s": full_wall, "full_netsnmp_s": full_ref, "full_rows": full_ours[0][1],
        "full_netsnmp_rows": full_theirs[0][1],
        "full_ratio": full_wall / full_ref if full_ref else float("nan"),
        "device": community, "netmap_s": wall, "netmap_cpu_s": min(o[1] for o in ours),
        "netmap_rows": ours[0][2], "requests": ours[0][3], "errors": ours[0][4],
        "netsnmp_s": ref, "netsnmp_rows": theirs[0][1], "ratio": wall / ref if ref else float("nan"),
    }


def per_device_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [f"{'device':<28} {'netmap s':>9} {'cpu s':>6} {'rows':>6} {'reqs':>5} "
           f"{'net-snmp s':>10} {'rows':>6} {'ratio':>6}"]
    for r in rows:
        out.append(f"{r['device'][:28]:<28} {r['netmap_s']:>9.3f} {r['netmap_cpu_s']:>6.3f} "
                   f"{r['netmap_rows']:>6} {r['requests']:>5} {r['netsnmp_s']:>10.3f} "
                   f"{r['netsnmp_rows']:>6} {r['ratio']:>6.2f}")
    out += ["", "    same work, one process each: walk of the whole 1.3.6.1 tree (GETBULK 25)",
            f"{'device':<28} {'netmap s':>9} {'rows':>6} {'net-snmp s':>10} {'rows':>6} {'ratio':>6}"]
    for r in rows:
        out.append(f"{r['device'][:28]:<28} {r['full_netmap_s']:>9.3f} {r['full_rows']:>6} "
                   f"{r['full_netsnmp_s']:>10.3f} {r['full_netsnmp_rows']:>6} {r['full_ratio']:>6.2f}")
    return out


def lab_per_device() -> list[str]:
    """Runs this script inside the scanner namespace against each managed lab switch."""
    from netmap.lab import load_ground_truth, scanner_exec_argv

    truth = load_ground_truth()
    switches = [d for d in truth.devices if d.type == "switch" and d.snmp and d.managed][:2]
    if not switches:
        raise SystemExit("the lab has no managed SNMP switch")
    rows = []
    for dev in switches:
        ip = next(ip.split("/")[0] for i in dev.interfaces for ip in i.ips)
        assert dev.snmp is not None
        argv = [*scanner_exec_argv(), sys.executable, __file__, "--one", ip, dev.snmp.community]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row["device"] = f"lab {dev.name} {ip}"
        rows.append(row)
    return [f"(1) per device, lab {truth.prefix} switches (net-snmp snmpd) from {truth.scanner_ns}",
            *per_device_table(rows)]


def local_per_device(tmp: Path) -> list[str]:
    data = tmp / "per-device"
    data.mkdir()
    names = []
    for path in sorted(PROJECT.glob("netmap-*.snmprec")):
        if "bigtable" not in path.name:
            shutil.copy(path, data / path.name)
            names.append(path.stem)
    for name in PER_DEVICE_LIBRENMS:
        src = LIBRENMS / f"{name}.snmprec"
        if src.exists():
            shutil.copy(src, data / src.name)
            names.append(name)
    with serve(data, tmp / "cache-per-device", names[0], timeout=600) as sim:
        rows = [per_device("127.0.0.1", sim.port, name) for name in names]
    return [f"(1) per device, snmpsim on 127.0.0.1 (best of 3 runs; all {len(GETTERS)} getters)",
            *per_device_table(rows)]


# ---------------------------------------------------------------------------------------------
# (2) at scale
# ---------------------------------------------------------------------------------------------


def at_scale(tmp: Path, devices: int, concurrency: int, responders: int) -> list[str]:
    """500 agents answer in parallel on a real network, but one snmpsim process answers one
    request at a time (it was 100% busy while netmap used a fifth of a core): the recordings are
    dealt out over `responders` snmpsim processes, one per core by default, so that the time
    measured is closer to netmap's than to the simulator's."""
    if not LIBRENMS.is_dir():
        return ["(2) at scale: skipped, no ../shared/recordings/librenms/snmprec"]
    names = sorted(p.stem for p in LIBRENMS.glob("*.snmprec"))[:devices]
    with contextlib.ExitStack() as stack:
        # one after another on one cache directory: the second loads the index the first built
        sims = [stack.enter_context(serve(LIBRENMS, tmp / "cache-scale", names[0], timeout=600))
                for _ in range(responders)]
        up = sum(sim.seconds for sim in sims)
        start, cpu = time.perf_counter(), time.process_time()
        sim_cpu = [cpu_seconds(sim.pid) for sim in sims]
        totals: dict[str, int] = {}
        ports = [sim.port for sim in sims]
        records = asyncio.run(_scale(names, ports, concurrency, totals))
        collected = time.perf_counter() - start
        sim_cpu = [cpu_seconds(sim.pid) - before for sim, before in zip(sims, sim_cpu, strict=True)]
        # inference identifies each agent from the stored raw values: part of the cost
        records = [identify_record(r) for r in records]
        wall = time.perf_counter() - start
        ours_cpu = time.process_time() - cpu
        sim_rss = max(peak_rss_mib(sim.pid) for sim in sims)
    answered = sum(1 for r in records if r.facts is not None)
    rows = sum(len(r.interfaces) for r in records)
    failed_getters = sum(1 for r in records for e in r.errors.values() if not e.startswith("partial"))
    busy = ", ".join(f"{100 * c / collected:.0f}%" for c in sim_cpu)
    return [
        f"(2) at scale: {len(names)} LibreNMS recordings from {responders} snmpsim process(es) on "
        f"127.0.0.1 (recordings dealt out in turn), concurrency {concurrency}, all {len(GETTERS)} "
        "getters",
        f"  snmpsim up (index built/loaded) in {up:.1f} s (not counted)",
        f"  total {wall:.1f} s (collection {collected:.1f} s, identification from the stored "
        f"values {wall - collected:.1f} s), {len(names) / wall:.1f} devices/s, {answered} answered, "
        f"{failed_getters} getter errors, {rows} interfaces",
        f"  {totals.get('requests', 0)} requests, {totals.get('varbinds', 0)} varbinds answered, "
        f"{totals.get('rows', 0)} rows kept, "
        f"{totals.get('resends', 0)} resends, {totals.get('timeouts', 0)} timeouts",
        f"  CPU: netmap {ours_cpu:.1f} s, snmpsim {sum(sim_cpu):.1f} s answering (each process "
        f"busy for this share of the collection's wall time: {busy})",
        f"  peak RSS netmap {peak_rss_mib():.0f} MiB, snmpsim {sim_rss:.0f} MiB each",
    ]


async def _scale(names: list[str], ports: list[int], concurrency: int,
                 totals: dict[str, int]) -> list[Any]:
    sem = asyncio.Semaphore(concurrency)

    async def one(name: str, port: int) -> Any:
        async with sem:  # community = file name, so each device has its own credential
            stats: dict[str, int] = {}
            rec = await collect("127.0.0.1", cred(name), port, timeout=2.0, retries=1, stats=stats)
            for key, value in stats.items():
                totals[key] = totals.get(key, 0) + value
            return rec

    return await asyncio.gather(*(one(n, ports[i % len(ports)]) for i, n in enumerate(names)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lab", action="store_true", help="per-device run against lab switches")
    ap.add_argument("--lab-prefix", help="which lab (default: $NETMAP_LAB_PREFIX or the default)")
    ap.add_argument("--devices", type=int, default=500)
    ap.add_argument("--concurrency", type=int, default=8,
                    help="agents at once (snmpsim keeps 31 recordings open: >24 makes it thrash)")
    ap.add_argument("--responders", type=int, default=min(2, os.cpu_count() or 1),
                    help="snmpsim processes for the run at scale (default: one per core, at most 2)")
    ap.add_argument("--scale-only", action="store_true")
    ap.add_argument("--per-device-only", action="store_true")
    ap.add_argument("--one", nargs=2, metavar=("IP", "COMMUNITY"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.lab_prefix:
        os.environ["NETMAP_LAB_PREFIX"] = args.lab_prefix
    if args.one:  # child mode inside the lab's scanner namespace
        print(json.dumps(per_device(args.one[0], 161, args.one[1])))
        return
    lines = [f"netmap SNMP speed, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs", ""]
    with tempfile.TemporaryDirectory(prefix="netmap-snmp-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if not args.scale_only:
            lines += lab_per_device() if args.lab else local_per_device(tmp)
            lines.append("")
            print("\n".join(lines), flush=True)
        if not args.per_device_only:
            scale = at_scale(tmp, args.devices, args.concurrency, max(1, args.responders))
            print("\n".join(scale), flush=True)
            lines += scale
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a") as fh:
        fh.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
