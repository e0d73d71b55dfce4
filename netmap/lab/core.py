"""Bring a lab up, check it is ready, describe it, tear it down.

Public entry points (re-exported by netmap.lab): lab_up, lab_down, lab_status,
load_ground_truth, scanner_exec_argv.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netmap.lab import accounts, netns, topology
from netmap.lab.daemons import (
    STATE_ROOT,
    Daemon,
    Layout,
    check_requirements,
    hosts_file,
    launch,
    prepare,
    resolv_conf,
)
from netmap.lab.errors import LabError
from netmap.lab.spec import (
    DaemonStatus,
    DeviceSpec,
    GroundTruth,
    LabSpec,
    LabStatus,
    build_ground_truth,
    load_spec,
    namespace_name,
    vlan_instances,
)

DEFAULT_PREFIX = "nmlab"
PREFIX_RE = re.compile(r"^[a-z][a-z0-9]{0,11}$")
ETC_NETNS = Path("/etc/netns")
READY_BUDGET = 13.0  # seconds from start until the lab must be fully ready
KILL_GRACE = 5.0
KILL_ROUNDS = 4  # a launch line is ip -> setsid -> unshare -> sh -> daemon
LOCK_WAIT = 60.0
POLL = 0.1


# ------------------------------------------------------------------ small helpers


def resolve_prefix(prefix: str | None) -> str:
    p = prefix or os.environ.get("NETMAP_LAB_PREFIX") or DEFAULT_PREFIX
    if not PREFIX_RE.match(p):
        raise LabError(f"bad lab prefix {p!r}: 1-12 chars, [a-z][a-z0-9]*, no '-'")
    return p


def _require_root() -> None:
    if os.geteuid() != 0:
        raise LabError("the netmap lab must run as root (it creates network namespaces)")


@contextlib.contextmanager
def _lock(prefix: str) -> Iterator[None]:
    """One builder per prefix at a time (parallel test workers share a lab)."""
    STATE_ROOT.mkdir(parents=True, exist_ok=True)
    with open(STATE_ROOT / f".{prefix}.lock", "w") as fh:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise LabError(f"lab {prefix!r} is locked by another process") from exc
                time.sleep(POLL)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _write_json(path: Path, data: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(data)
    os.replace(tmp, path)


def _read_manifest(layout: Layout) -> dict[str, Any]:
    try:
        data = json.loads(layout.manifest.read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _alive_in(pid: int, ns: str) -> bool:
    """pid runs (not a zombie) inside namespace ns (guards against PID reuse)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "Z":
            return False
        return os.stat(f"/proc/{pid}/ns/net").st_ino == os.stat(netns.NETNS_DIR / ns).st_ino
    except (OSError, IndexError):
        return False


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state == "Z"
    except (OSError, IndexError):
        return True


# ------------------------------------------------------------------ public API


def scanner_exec_argv(prefix: str | None = None) -> list[str]:
    """THE way to run a command inside the scanner namespace: argv prefix."""
    p = resolve_prefix(prefix)
    layout = Layout(p)
    ns = namespace_name(p, "scanner")
    with contextlib.suppress(OSError, ValueError):
        ns = str(json.loads(layout.ground_truth.read_text())["scanner_ns"])
    return ["ip", "netns", "exec", ns]


def load_ground_truth(prefix: str | None = None) -> GroundTruth:
    p = resolve_prefix(prefix)
    path = Layout(p).ground_truth
    try:
        return GroundTruth.model_validate_json(path.read_text())
    except FileNotFoundError as exc:
        raise LabError(f"lab {p!r} is not up (no {path})") from exc


def lab_status(prefix: str | None = None) -> LabStatus:
    p = resolve_prefix(prefix)
    _require_root()
    layout = Layout(p)
    manifest = _read_manifest(layout)
    present = set(netns.list_namespaces())
    names = set(manifest.get("namespaces", [])) | {n for n in present if netns.owned_by(p, n)}
    daemons = []
    for key in manifest.get("daemons", []):
        device, daemon = str(key).rsplit(".", 1)
        pid = _read_pid(layout.pidfile(device, daemon))
        ns = namespace_name(p, device)
        alive = pid is not None and ns in present and _alive_in(pid, ns)
        daemons.append(DaemonStatus(device=device, daemon=daemon, pid=pid, alive=alive))
    gt = layout.ground_truth if layout.ground_truth.exists() else None
    ns_map = {n: n in present for n in sorted(names)}
    up = gt is not None and manifest.get("state") == "up" and all(ns_map.values()) and all(
        d.alive for d in daemons)
    return LabStatus(prefix=p, up=up, namespaces=ns_map, daemons=daemons,
                     ground_truth_path=str(gt) if gt else None)


def lab_up(spec: LabSpec | None = None, prefix: str | None = None) -> GroundTruth:
    """Build the lab (or return the running one's ground truth) fully ready."""
    p = resolve_prefix(prefix)
    _require_root()
    wanted = spec if spec is not None else load_spec()
    check_requirements(wanted)
    with _lock(p):
        layout = Layout(p)
        if lab_status(p).up:
            stored = _read_manifest(layout).get("spec")
            if spec is None or stored == json.loads(wanted.model_dump_json()):
                _send_traffic(LabSpec.model_validate(stored) if stored else wanted, p)
                return load_ground_truth(p)
            raise LabError(f"lab {p!r} is up with a different spec; run lab down first")
        _down_locked(p)
        _check_root_namespace(wanted)
        try:
            return _build(wanted, p, layout)
        except BaseException:
            _down_locked(p)
            raise


def lab_down(prefix: str | None = None) -> None:
    """Kill every process in the lab's namespaces, delete them and the state dir."""
    p = resolve_prefix(prefix)
    _require_root()
    with _lock(p):
        _down_locked(p)


# ------------------------------------------------------------------ teardown


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _down_locked(prefix: str) -> None:
    layout = Layout(prefix)
    manifest = _read_manifest(layout)
    listed = set(manifest.get("namespaces", []))
    present = [n for n in netns.list_namespaces()
               if netns.owned_by(prefix, n) or n in listed]
    _kill_namespaces(present, layout)
    netns.delete_namespaces(present)
    accounts.remove_account(layout)
    etc = set(manifest.get("etc_netns", [])) | set(listed)
    with contextlib.suppress(FileNotFoundError):
        etc |= {n for n in os.listdir(ETC_NETNS) if netns.owned_by(prefix, n)}
    for name in etc:
        if netns.owned_by(prefix, name):
            shutil.rmtree(ETC_NETNS / name, ignore_errors=True)
    shutil.rmtree(layout.root, ignore_errors=True)


def _kill_namespaces(names: list[str], layout: Layout) -> None:
    """Kill the lab's processes, in rounds: a `lab up` killed mid-launch leaves daemons on
    their way into a namespace (still in the root one, or forked after the first look)."""
    for _ in range(KILL_ROUNDS):
        pids = _namespace_pids(names) | _pids_naming(layout)
        pids.discard(os.getpid())
        if not pids:
            return
        _terminate(pids)


def _namespace_pids(names: list[str]) -> set[int]:
    pids: set[int] = set()
    for res in netns.run_many([["ip", "netns", "pids", n] for n in names], timeout=5):
        pids |= {int(x) for x in res.stdout.split() if x.isdigit()}
    return pids


def _pids_naming(layout: Layout) -> set[int]:
    """Processes whose argv is a daemon's launch line (daemons.launch): the lab's state dir and a
    pid file under it, each a whole argument. Someone reading a lab file is left alone."""
    mark, pids = os.fsencode(str(layout.root)), os.fsencode(f"{layout.pids}/")
    found: set[int] = set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            args = Path(entry.path, "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if mark in args and any(a.startswith(pids) for a in args):
            found.add(int(entry.name))
    return found


def _terminate(pids: set[int]) -> None:
    _signal_all(pids, signal.SIGTERM)
    deadline = time.monotonic() + KILL_GRACE
    while pids and time.monotonic() < deadline:
        pids = {p for p in pids if not _gone(p)}
        if pids:
            time.sleep(0.02)
    if pids:
        _signal_all(pids, signal.SIGKILL)
        deadline = time.monotonic() + 1.0
        while pids and time.monotonic() < deadline:
            pids = {p for p in pids if not _gone(p)}
            time.sleep(0.02)


def _signal_all(pids: set[int], sig: signal.Signals) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


# ------------------------------------------------------------------ build


def _lab_networks(spec: LabSpec) -> list[ipaddress.IPv4Network]:
    nets = [s.cidr for s in spec.subnets]
    nets += [ip.network for d in spec.devices for ip in d.ips() + d.loopback_ips]
    return nets


def _check_root_namespace(spec: LabSpec) -> None:
    """Refuse to build when the host itself uses any lab address range: lab traffic
    must never be confusable with, or routable to, a real network."""
    addrs = json.loads(netns.run(["ip", "-j", "-4", "addr"]).stdout or "[]")
    routes = json.loads(netns.run(["ip", "-j", "-4", "route", "show", "table", "all"]).stdout
                        or "[]")
    host: list[ipaddress.IPv4Network] = []
    for link in addrs:
        for a in link.get("addr_info", []):
            host.append(ipaddress.IPv4Network(f"{a['local']}/{a['prefixlen']}", strict=False))
    for r in routes:
        dst = r.get("dst", "")
        if dst and dst != "default" and r.get("type", "unicast") == "unicast":
            with contextlib.suppress(ValueError):
                host.append(ipaddress.IPv4Network(dst, strict=False))
    for net in _lab_networks(spec):
        for h in host:
            if net.overlaps(h):
                raise LabError(f"lab network {net} overlaps {h} used by the host itself")


def _build(spec: LabSpec, prefix: str, layout: Layout) -> GroundTruth:
    t0 = time.monotonic()
    deadline = t0 + READY_BUDGET
    layout.root.mkdir(parents=True, exist_ok=True)
    device_ns = [namespace_name(prefix, d.name) for d in spec.devices]
    manifest: dict[str, Any] = {
        "prefix": prefix, "state": "building", "namespaces": netns.all_namespaces(spec, prefix),
        "etc_netns": device_ns, "daemons": [], "spec": json.loads(spec.model_dump_json()),
    }
    # Written before anything exists, so a crash at any later point is cleanable.
    _write_json(layout.manifest, json.dumps(manifest, indent=1))
    _write_etc_netns(spec, device_ns)
    netns.build(spec, prefix)
    t_net = time.monotonic()
    traffic = _traffic_procs(spec, prefix)  # overlaps with config writing and starts
    try:
        if any(d.ssh_login for d in spec.devices):
            accounts.prepare_account(layout)
        daemons = prepare(spec, layout)
        accounts.write_known_hosts(spec, layout)
        manifest["daemons"] = [f"{d.device}.{d.name}" for d in daemons]
        _write_json(layout.manifest, json.dumps(manifest, indent=1))
        _start_daemons(spec, layout, daemons, deadline)
        t_started = time.monotonic()
        _wait_ready(spec, layout, deadline)
    finally:
        _reap(traffic, 5)
    truth = accounts.with_host_truth(build_ground_truth(spec, prefix, datetime.now(UTC)), spec)
    _write_json(layout.ground_truth, truth.model_dump_json(indent=2))
    t_end = time.monotonic()
    manifest["state"] = "up"
    manifest["timings"] = {"network": round(t_net - t0, 3),
                           "daemons": round(t_started - t_net, 3),
                           "ready": round(t_end - t_started, 3), "total": round(t_end - t0, 3)}
    _write_json(layout.manifest, json.dumps(manifest, indent=1))
    return truth


def _write_etc_netns(spec: LabSpec, names: list[str]) -> None:
    hosts, resolv = hosts_file(spec), resolv_conf(spec)
    for ns in names:
        d = ETC_NETNS / ns
        d.mkdir(parents=True, exist_ok=True)
        (d / "hosts").write_text(hosts)
        (d / "resolv.conf").write_text(resolv)


def _start_daemons(spec: LabSpec, layout: Layout, daemons: list[Daemon],
                   deadline: float) -> None:
    procs = [launch(spec, layout, d) for d in daemons if not d.needs_agentx]
    # lldpd exports LLDP-MIB over AgentX: start it once snmpd's socket exists.
    waiting = [d for d in daemons if d.needs_agentx]
    while waiting and time.monotonic() < deadline:
        ready = [d for d in waiting if layout.agentx(d.device).exists()]
        procs += [launch(spec, layout, d) for d in ready]
        waiting = [d for d in waiting if d not in ready]
        if waiting:
            time.sleep(0.02)
    _reap(procs, max(0.5, deadline - time.monotonic()))
    if waiting:
        raise LabError("snmpd AgentX socket never appeared for: "
                       + ", ".join(d.device for d in waiting) + _log_tail(layout, waiting))


def _traffic_procs(spec: LabSpec, prefix: str) -> list[subprocess.Popen[bytes]]:
    """Every addressed device pings its gateway (fills ARP tables) and its subnet
    broadcast (every switch of the segment learns its MAC)."""
    procs = []
    for d in spec.devices:
        plan = topology.traffic_plan(spec, d)
        if not plan:
            continue
        cmds = "; ".join(f"ping -c1 -W1 -q {t}; ping -b -c1 -W0.2 -q {b}" for t, b in plan)
        procs.append(subprocess.Popen(
            ["ip", "netns", "exec", namespace_name(prefix, d.name), "sh", "-c",
             cmds + "; true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
    return procs


def _send_traffic(spec: LabSpec, prefix: str) -> None:
    _reap(_traffic_procs(spec, prefix), 5)


def _reap(procs: list[subprocess.Popen[bytes]], timeout: float) -> None:
    """Wait for short-lived helpers (bounded); kill stragglers. No zombies left."""
    deadline = time.monotonic() + timeout
    for p in procs:
        try:
            p.wait(timeout=max(0.01, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


# ------------------------------------------------------------------ readiness


class _Readiness:
    """Bounded polling of everything that makes the lab 'ready'."""

    def __init__(self, spec: LabSpec, layout: Layout) -> None:
        self.spec, self.layout, self.prefix = spec, layout, layout.prefix
        self.scanner = namespace_name(self.prefix, spec.scanner)
        self.ports = {d.name: self._expected_ports(d) for d in spec.devices}
        self.ports = {k: v for k, v in self.ports.items() if v}
        self.snmp = {d.name for d in spec.devices if d.snmp is not None}
        # a Cisco-style switch's VLAN instances answer "<community>@<vlan>": "sw-pd@30"
        self.snmp |= {f"{d.name}@{vid}" for d in spec.devices for vid in vlan_instances(spec, d)}
        self.lldp = {d.name: topology.expected_lldp(spec, d.name)
                     for d in spec.devices if d.lldp}
        self.fdb = {d.name: topology.expected_fdb(spec, d.name)
                    for d in spec.devices if d.bridge is not None and d.is_managed}
        self.arp = {d.name: topology.expected_neighbours(spec, d)
                    for d in spec.devices if d.is_forwarding}
        self.lldp_kicked = 0.0
        self.traffic_sent = time.monotonic()
        self.last: dict[str, str] = {}

    @staticmethod
    def _expected_ports(d: DeviceSpec) -> set[tuple[str, int]]:
        ports = {(s.proto, s.port) for s in d.services}
        if d.snmp is not None:
            ports.add(("udp", 161))
        return set(ports)

    def pending(self) -> list[str]:
        return ([f"ports:{n}" for n in self.ports] + [f"snmp:{n}" for n in self.snmp]
                + [f"lldp:{n}" for n in self.lldp] + [f"fdb:{n}" for n in self.fdb]
                + [f"arp:{n}" for n in self.arp])

    def round(self) -> None:
        jobs: list[tuple[str, str, list[str]]] = []
        for name in self.ports:
            jobs.append(("ports", name, self._in(name, ["ss", "-Hlntu"])))
        for name in self.snmp:
            jobs.append(("snmp", name, self._snmpget(name)))
        if self.lldp and self._lldp_sockets_ready():
            self._kick_lldp()
            for name in self.lldp:
                jobs.append(("lldp", name, ["lldpcli", "-u", str(self.layout.lldp_sock(name)),
                                            "-f", "json0", "show", "neighbors"]))
        for name in self.fdb:
            br = self.spec.device(name).bridge
            assert br is not None
            jobs.append(("fdb", name, self._in(name, ["bridge", "-j", "fdb", "show", "br",
                                                     br.name])))
        for name in self.arp:
            jobs.append(("arp", name, self._in(name, ["ip", "-j", "-4", "neigh"])))
        results = netns.run_many([j[2] for j in jobs], timeout=3)
        for (kind, name, _), res in zip(jobs, results, strict=True):
            if res.returncode == 0 and getattr(self, f"_ok_{kind}")(name, res.stdout):
                self._done(kind, name)
            else:
                self.last[f"{kind}:{name}"] = (res.stdout + res.stderr).strip()[-300:]
        if (self.fdb or self.arp) and time.monotonic() - self.traffic_sent > 3:
            self.traffic_sent = time.monotonic()
            _send_traffic(self.spec, self.prefix)  # a lost early ping: announce again

    def _done(self, kind: str, name: str) -> None:
        if kind == "snmp":
            self.snmp.discard(name)
        elif kind == "ports":
            self.ports.pop(name)
        elif kind == "lldp":
            self.lldp.pop(name)
        elif kind == "arp":
            self.arp.pop(name)
        else:
            self.fdb.pop(name)

    def _in(self, device: str, argv: list[str]) -> list[str]:
        return ["ip", "netns", "exec", namespace_name(self.prefix, device), *argv]

    def _snmpget(self, name: str) -> list[str]:
        device, _, vlan = name.partition("@")
        d = self.spec.device(device)
        community = self.spec.community_of(d) + (f"@{vlan}" if vlan else "")
        oids = [] if vlan else [".1.3.6.1.2.1.1.2.0"]
        if d.bridge is not None:
            oids.append(".1.3.6.1.2.1.17.1.2.0")  # BRIDGE-MIB helper answers
        return ["ip", "netns", "exec", self.scanner, "snmpget", "-v2c", "-c", community,
                "-t", "1", "-r", "0", "-On", "-Oqv", str(d.mgmt_ip()), *oids]

    def _lldp_sockets_ready(self) -> bool:
        return all(self.layout.lldp_sock(n).exists() for n in self.lldp)

    def _kick_lldp(self) -> None:
        # Make every agent transmit now instead of at its next tx-interval; again
        # every 3 s in case a frame reached a neighbour before its lldpd listened.
        if time.monotonic() - self.lldp_kicked < 3:
            return
        self.lldp_kicked = time.monotonic()
        netns.run_many([["lldpcli", "-u", str(self.layout.lldp_sock(n)), "update"]
                        for n in self.lldp], timeout=3)

    def _ok_ports(self, name: str, out: str) -> bool:
        have = set()
        for line in out.splitlines():
            cols = line.split()
            if len(cols) >= 5 and cols[4].rsplit(":", 1)[-1].isdigit():
                have.add((cols[0], int(cols[4].rsplit(":", 1)[1])))
        return self.ports[name] <= have

    def _ok_snmp(self, name: str, out: str) -> bool:
        lines = [x for x in out.splitlines() if x.strip()]
        device, _, vlan = name.partition("@")
        wanted = 1 if vlan or self.spec.device(device).bridge is None else 2
        return len(lines) == wanted and not any("No Such" in x for x in lines)

    def _ok_lldp(self, name: str, out: str) -> bool:
        seen = parse_lldp_neighbors(out)
        return all(want <= seen.get(port, set()) for port, want in self.lldp[name].items())

    def _ok_arp(self, name: str, out: str) -> bool:
        """The router's ARP table (ipNetToMedia) knows every neighbour."""
        have = {str(e.get("dst")) for e in json.loads(out or "[]") if e.get("lladdr")}
        return self.arp[name] <= have

    def _ok_fdb(self, name: str, out: str) -> bool:
        learned: dict[str, set[str]] = {}
        for e in json.loads(out or "[]"):
            learned.setdefault(str(e.get("ifname")), set()).add(str(e.get("mac")).lower())
        return all(want <= learned.get(port, set()) for port, want in self.fdb[name].items())


def parse_lldp_neighbors(out: str) -> dict[str, set[str]]:
    """`lldpcli -f json0 show neighbors` -> local port -> neighbour system names."""
    seen: dict[str, set[str]] = {}
    data = json.loads(out or "{}")
    for lldp in data.get("lldp", []):
        for iface in lldp.get("interface", []):
            names = {n.get("value", "") for c in iface.get("chassis", [])
                     for n in c.get("name", [])}
            seen.setdefault(str(iface.get("name")), set()).update(names)
    return seen


def _wait_ready(spec: LabSpec, layout: Layout, deadline: float) -> None:
    r = _Readiness(spec, layout)
    while r.pending():
        if time.monotonic() > deadline:
            details = "; ".join(f"{k}: {r.last.get(k, '')!r}" for k in r.pending())
            raise LabError(f"lab not ready in {READY_BUDGET:.0f}s: {details}"[:4000])
        r.round()
        if r.pending():
            time.sleep(POLL)


def _log_tail(layout: Layout, daemons: list[Daemon]) -> str:
    out = []
    for d in daemons:
        for f in sorted(layout.dev(d.device).glob("*.out"))[:3]:
            with contextlib.suppress(OSError):
                out.append(f"\n--- {f}:\n{f.read_text()[-500:]}")
    return "".join(out)
