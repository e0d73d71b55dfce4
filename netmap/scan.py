"""The scan: scope -> ARP -> routers' SNMP + paced sweep of routed space (nmap when not root)
-> reverse DNS -> ports/services -> host inventory
(SSH, WinRM) -> SNMP -> store.

Each phase only *observes*; observations are checkpointed to the store after every phase, so
Ctrl-C or SIGTERM at any point leaves a valid scan marked `partial`, listing the phases not done.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ipaddress
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import TypeVar

from netmap.config import HostOptions, SnmpOptions, prefer_credential
from netmap.discover import arp, dns, known, nmap as nmapscan, sweep
from netmap.model import (
    ArpObs,
    Depth,
    ErrorObs,
    HostInvObs,
    HostObs,
    Observation,
    ResolvedCredential,
    ResolvedHostCredential,
    ScanRequest,
    ScanState,
    ServiceObs,
    SnmpObs,
    SnmpRecord,
    utcnow,
)
from netmap.scope import Scope
from netmap.store import Store, StoreError

Found = TypeVar("Found")
PHASES = ("hosts", "dns", "ports", "announce", "inventory", "snmp")


class ScanInterrupted(Exception):
    """Raised in the main thread by SIGTERM, like KeyboardInterrupt is by SIGINT."""


# A progress reporter: (phase, done, total, note). The CLI renders it with rich.
Progress = Callable[[str, int, int, str], None]


def _quiet(_phase: str, _done: int, _total: int, _note: str) -> None:
    return None


@dataclass
class PreviousHosts:
    """What the last complete scan learnt about logging in to each computer."""

    credentials: dict[str, str] = field(default_factory=dict)  # ip -> set name that worked
    host_keys: dict[str, str] = field(default_factory=dict)  # ip -> SSH key fingerprint


@dataclass
class ScanJob:
    scope: Scope
    request: ScanRequest
    credentials: list[ResolvedCredential] = field(default_factory=list)
    snmp: SnmpOptions = field(default_factory=SnmpOptions)
    preferred_credentials: dict[str, str] = field(default_factory=dict)  # ip -> name
    host_credentials: list[ResolvedHostCredential] = field(default_factory=list)
    hosts: HostOptions = field(default_factory=HostOptions)
    previous_hosts: PreviousHosts | None = None
    progress: Progress = _quiet


@dataclass
class ScanResult:
    scan_id: str
    state: ScanState
    observations: list[Observation]
    notes: list[str]


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    def handler(_sig: int, _frame: FrameType | None) -> None:
        raise ScanInterrupted("terminated")

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def live_hosts(observations: list[Observation]) -> list[str]:
    ips = {o.ip for o in observations if isinstance(o, ArpObs | HostObs)}
    return sorted(ips, key=ipaddress.IPv4Address)


def _addresses(scope: Scope, skip: set[str]) -> list[str]:
    """Every scannable address of the scope that `skip` (the ARP sweep's) does not hold."""
    return [ip for ip in map(str, scope.hosts()) if ip not in skip]


def _routed_targets(scope: Scope, local: dict[str, list[str]]) -> list[str]:
    """Scope networks not fully covered by the ARP sweep: they go to nmap host discovery."""
    swept = {ip for ips in local.values() for ip in ips}
    out = []
    for net in scope.networks:
        hosts = [str(a) for a in (net if net.prefixlen >= 31 else net.hosts())]
        if not all(h in swept for h in hosts):
            out.append(net.with_prefixlen)
    return out


class _Runner:
    def __init__(self, store: Store, job: ScanJob) -> None:
        self.store, self.job = store, job
        self.obs: list[Observation] = []
        self.notes: list[str] = []
        self.done: list[str] = []
        self.local: dict[str, list[str]] = {}
        self.seconds: dict[str, float] = {}
        self.arp_job: concurrent.futures.Future[list[ArpObs]] | None = None
        self.swept: dict[str, str] = {}  # address -> reply, filled while the sweep runs
        self.snmp_done: set[str] = set()  # agents the hosts phase already collected
        self.sid = store.create(job.request, PHASES)

    def checkpoint(self, phase: str) -> None:
        self.done.append(phase)
        self.store.write_observations(self.sid, self.obs)
        self._status(ScanState.RUNNING)

    def _status(self, state: ScanState, message: str | None = None) -> None:
        prev = self.store.status(self.sid)
        pending = [p for p in PHASES if p not in self.done]
        self.store.write_status(
            self.sid,
            prev.model_copy(
                update={
                    "state": state,
                    "phases_done": list(self.done),
                    "phases_pending": pending,
                    "phase_seconds": dict(self.seconds),
                    "finished": None if state is ScanState.RUNNING else utcnow(),
                    "message": message if message else ("; ".join(self.notes) or None),
                }
            ),
        )

    def error(self, phase: str, target: str, message: str) -> None:
        self.notes.append(f"{phase}: {message}")
        self.obs.append(ErrorObs(target=target, phase=phase, message=message))

    def _ticker(self, phase: str, total: int) -> Callable[[str], None]:
        """A callback that moves `phase`'s progress on by one for each host done."""
        done = 0

        def tick(_ip: str) -> None:
            nonlocal done
            done += 1
            self.job.progress(phase, done, total, "")

        return tick

    # -- phases ----------------------------------------------------------------------------

    def phase_hosts(self) -> None:
        """ARP sweep of attached segments; routed space is swept by netmap's own paced sweep
        (root) or by nmap's ping sweep."""
        scope = self.job.scope
        if arp.can_arp():
            self.local = arp.local_targets(scope)
        else:
            self.notes.append("hosts: not root, so nmap does host discovery on local segments too")
        routed = _routed_targets(scope, self.local)
        if routed and sweep.can_sweep():
            self._hosts_by_sweep()
        else:
            self._hosts_by_nmap(routed)

    def _hosts_by_sweep(self) -> None:
        """The ARP sweep first, then the routers' SNMP (which subnets hold hosts), then one
        paced sweep of the routed space, known subnets first. In that order, so the packet
        rate asked for is the rate on the wire."""
        p, scope, rate = self.job.progress, self.job.scope, self.job.request.rate
        local = {ip for ips in self.local.values() for ip in ips}
        if self.local:
            p("hosts", 0, len(local), "ARP sweep")
            self.obs.extend(arp.arp_sweep(scope, self.local, rate))
        candidates = _addresses(scope, local)
        space = self._known_space()
        first, rest = space.ordered(candidates)
        total = sweep.probe_count(len(first), len(rest))
        if first:
            self.notes.append(f"hosts: {len(first)} addresses in {len(space.subnets)} subnets "
                              "the routers named were probed first, with every probe")
        # its own bar: the ETA is the sweep's alone, not mixed with the ARP burst's pace
        p("sweep", 0, total, f"probes to {len(candidates)} routed addresses")

        def tick(sent: int, of: int, up: int) -> None:
            p("sweep", sent, of, f"{up} hosts up")

        result = sweep.sweep(sweep.plan(first, rest), total, scope.__contains__, rate,
                             on_progress=tick, up=self.swept)  # fmt: skip
        self.swept = {}
        seen = {o.ip for o in self.obs if isinstance(o, ArpObs)}
        self.obs.extend(h for h in result.hosts if h.ip not in seen)
        p("sweep", total, total, f"{len(result.hosts)} hosts up")
        p("hosts", 1, 1, f"{len(live_hosts(self.obs))} hosts up")

    def _known_space(self) -> known.KnownSpace:
        """Ask this machine's gateways, then the next hops their routes name, for their
        interfaces, routes and ARP tables (bounded rounds and routers). The records are the
        SNMP phase's for those agents: they are stored now and not collected twice."""
        scope, space = self.job.scope, known.KnownSpace()
        if not self.job.credentials:
            return space
        frontier = [gw for gw in known.gateways() if gw in scope]
        asked: set[str] = set()
        for _round in range(known.MAX_ROUNDS):
            frontier = [ip for ip in frontier if ip not in asked][: known.MAX_ROUTERS - len(asked)]
            if not frontier:
                break
            asked.update(frontier)
            self.job.progress("routers", 0, len(frontier), "which subnets hold hosts (SNMP)")
            records = self._collect_snmp(frontier)
            self.job.progress("routers", len(frontier), len(frontier),
                              f"{sum(1 for r in records if r.collected)} answered")
            answered = [r for r in records if r.collected]
            self.snmp_done.update(r.ip for r in answered)
            learned = known.learn(answered, scope)
            space.subnets |= learned.subnets
            space.addresses |= learned.addresses
            frontier = sorted(learned.next_hops, key=ipaddress.IPv4Address)
        return space

    def _hosts_by_nmap(self, routed: list[str]) -> None:
        """ARP sweep of attached segments and nmap ping sweep of routed ones, side by side
        (both mostly wait on the network, so running them together halves the phase)."""
        p, scope, rate = self.job.progress, self.job.scope, self.job.request.rate
        total = sum(len(v) for v in self.local.values()) + len(routed)
        p("hosts", 0, total, "ARP sweep + nmap host discovery")
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            arp_job = pool.submit(arp.arp_sweep, scope, self.local, rate) if self.local else None
            self.arp_job = arp_job  # an interruption still keeps its replies (salvage)
            run = nmapscan.discover(routed, scope.__contains__, rate) if routed else None
            found = arp_job.result() if arp_job else []
        self.arp_job = None
        self.obs.extend(found)
        if run is not None:
            self.store.write_file(self.sid, nmapscan.save_name("discover"), run.xml)
            seen = {o.ip for o in found}
            self.obs.extend(h for h in run.hosts if h.ip not in seen)
        p("hosts", total, total, f"{len(live_hosts(self.obs))} hosts up")

    def phase_dns(self) -> None:
        ips = live_hosts(self.obs)
        self.job.progress("dns", 0, len(ips), "reverse DNS")
        self.obs.extend(dns.reverse_dns(ips))
        self.job.progress("dns", len(ips), len(ips), "")

    def phase_ports(self) -> None:
        ips = live_hosts(self.obs)
        p = self.job.progress
        if self.job.request.depth is Depth.QUICK or not ips:
            p("ports", 0, 0, "skipped (quick)")
            return
        p("ports", 0, len(ips), "nmap port and service scan")
        runs = nmapscan.port_scan(
            ips, self.job.request.depth, self.job.scope.__contains__, self.job.request.rate
        )
        for i, one in enumerate(runs, 1):
            self.store.write_file(self.sid, nmapscan.save_name(f"ports-{i}"), one.xml)
            self.notes.extend(f"ports: {n}" for n in one.notes)
            self.obs.extend(one.services)
            self.obs.extend(one.os)
        services = sum(len(r.services) for r in runs)
        p("ports", len(ips), len(ips), f"{services} open services")

    def phase_announce(self) -> None:
        """Ask each live host what it announces of itself (standard depth and deeper): its UPnP
        description (unicast SSDP), its DNS-SD services (unicast mDNS), its NetBIOS names
        (unicast node status) and its answer to Ubiquiti's discovery request; where TCP 445 or
        3389 is open, the NTLM sign-in offer of its SMB (2 and 1) or Remote Desktop server; where
        TCP 631 is open, its IPP printer description. Side by side, as all mostly wait. The
        maker, model and serial of devices that answer no SNMP; a Windows computer's name,
        domain and release; a printer's firmware."""
        from netmap.discover import ipp, mdns, netbios, rdp, smb, smb1, ubnt, upnp

        ips = [ip for ip in live_hosts(self.obs) if ip in self.job.scope]  # defence in depth
        p = self.job.progress
        if self.job.request.depth is Depth.QUICK or not ips:
            p("announce", 0, 0, "skipped (quick)")
            return
        p("announce", 0, len(ips), "UPnP, mDNS, NetBIOS, Ubiquiti, SMB, RDP and IPP, unicast")
        in_scope = self.job.scope.__contains__
        file_servers = self._open_tcp(smb.SMB_PORT)
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            described = pool.submit(upnp.probe, ips, in_scope)
            announced = pool.submit(mdns.probe, ips, in_scope)
            named = pool.submit(netbios.probe, ips, in_scope)
            ubiquiti = pool.submit(ubnt.probe, ips, in_scope)
            shares = pool.submit(smb.probe, file_servers, in_scope)
            old_shares = pool.submit(smb1.probe, file_servers, in_scope)
            desktops = pool.submit(rdp.probe, self._open_tcp(rdp.RDP_PORT), in_scope)
            printers = pool.submit(ipp.probe, self._open_tcp(ipp.IPP_PORT), in_scope)
            found_upnp = self._kept("UPnP", described)
            found_mdns = self._kept("mDNS", announced)
            found_netbios = self._kept("NetBIOS", named)
            found_ubnt = self._kept("Ubiquiti discovery", ubiquiti)
            found_ntlm = [*self._kept("SMB", shares), *self._kept("SMB1", old_shares),
                          *self._kept("RDP", desktops)]
            found_ipp = self._kept("IPP", printers)
        self.obs.extend([*found_upnp, *found_mdns, *found_netbios, *found_ubnt, *found_ntlm,
                         *found_ipp])
        p("announce", len(ips), len(ips),
          f"{len(found_upnp)} UPnP descriptions, {len(found_mdns)} mDNS responders, "
          f"{len(found_netbios)} NetBIOS name tables, {len(found_ubnt)} Ubiquiti answers, "
          f"{len(found_ntlm)} NTLM offers, "
          f"{len(found_ipp)} IPP printer descriptions")

    def _open_tcp(self, port: int) -> list[str]:
        """The in-scope hosts the ports phase found with TCP `port` open."""
        return sorted({o.ip for o in self.obs if isinstance(o, ServiceObs)
                       and (o.port, o.proto, o.state) == (port, "tcp", "open")
                       and o.ip in self.job.scope})  # fmt: skip

    def _kept(self, what: str, job: concurrent.futures.Future[list[Found]]) -> list[Found]:
        """A prober's observations; a socket this machine cannot open is a note, and the
        scan goes on without that prober."""
        try:
            return job.result()
        except OSError as exc:
            self.error("announce", "*", f"{what}: {exc}")  # "*": every host asked
            return []

    def phase_inventory(self) -> None:
        """Log in to each computer with SSH or WinRM open and run the fixed read-only
        commands (standard depth and deeper, with credential sets in the profile)."""
        p, job = self.job.progress, self.job
        if job.request.depth is Depth.QUICK or not job.host_credentials:
            why = "quick depth" if job.request.depth is Depth.QUICK else "no ssh/winrm sets"
            p("inventory", 0, 0, f"skipped: {why}")
            return
        from netmap.discover.hosts.collect import HostTarget, inventory_many, wants_inventory
        from netmap.discover.hosts.ssh import Limits

        ports: dict[str, set[int]] = {}
        for o in self.obs:
            if isinstance(o, ServiceObs) and o.state == "open" and o.proto == "tcp":
                ports.setdefault(o.ip, set()).add(o.port)
        in_scope = [ip for ip in live_hosts(self.obs) if ip in job.scope]  # defence in depth
        targets = [HostTarget(ip, ports.get(ip, set())) for ip in in_scope]
        targets = [t for t in targets if wants_inventory(t, job.host_credentials)]
        tick = self._ticker("inventory", len(targets))

        p("inventory", 0, len(targets), "SSH and WinRM host inventory")
        prev = job.previous_hosts or PreviousHosts()
        opts = job.hosts
        limits = Limits(opts.timeout, opts.connect_timeout, opts.max_output_mib * 2**20)
        found = asyncio.run(
            inventory_many(targets, job.host_credentials, limits, concurrency=opts.concurrency,
                           preferred=prev.credentials, pinned=prev.host_keys, on_done=tick)
        )  # fmt: skip
        self.obs.extend(found)
        ok = sum(1 for o in found if o.failure is None)
        p("inventory", len(targets), len(targets), f"{ok} of {len(targets)} computers inventoried")

    def phase_snmp(self) -> None:
        p = self.job.progress
        ips = live_hosts(self.obs)
        if not self.job.credentials:
            p("snmp", 0, 0, "skipped: no SNMP credentials")
            self.notes.append("snmp: skipped, no credentials given")
            return
        ips = [ip for ip in ips if ip not in self.snmp_done]  # routers read before the sweep
        tick = self._ticker("snmp", len(ips))

        self._collect_snmp(ips, tick)
        answered = {o.ip for o in self.obs if isinstance(o, SnmpObs) and o.error is None}
        p("snmp", len(ips), len(ips), f"{len(answered)} agents answered")

    def _collect_snmp(self, ips: list[str], tick: Callable[[str], None] | None = None,
                      ) -> list[SnmpRecord]:  # fmt: skip
        """Collect every getter from `ips` and store what each agent gave; one batch per
        "credential that worked last time", each trying that one first."""
        from netmap.discover.snmp.collect import collect_many, record_to_observations

        groups: dict[str | None, list[str]] = {}
        for ip in ips:
            groups.setdefault(self.job.preferred_credentials.get(ip), []).append(ip)
        out: list[SnmpRecord] = []
        for preferred, group in groups.items():
            creds = prefer_credential(self.job.credentials, preferred)
            records = asyncio.run(
                collect_many(
                    [(ip, self.job.snmp.port) for ip in group],
                    creds,
                    concurrency=self.job.snmp.concurrency,
                    timeout=self.job.snmp.timeout,
                    retries=self.job.snmp.retries,
                    max_rows=self.job.snmp.max_rows,
                    on_done=tick,
                )
            )
            for rec in records:
                self.obs.extend(record_to_observations(rec))
            out.extend(records)
        return out

    def salvage(self) -> int:
        """What the interrupted phase had already seen: the ARP replies of a sweep that
        finished, and the hosts (with their ports) the interrupted nmaps had finished."""
        before = len(self.obs)
        seen = {(o.source, o.ip) for o in self.obs if isinstance(o, ArpObs | HostObs)}
        job = self.arp_job
        if job is not None and job.done() and not job.cancelled() and job.exception() is None:
            self.obs.extend(o for o in job.result() if ("arp", o.ip) not in seen)
        self.obs.extend(HostObs(source="sweep", target=ip, ip=ip, reason=why)
                        for ip, why in list(self.swept.items()) if ("sweep", ip) not in seen)
        for xml in nmapscan.take_salvaged():
            try:
                run = nmapscan.partial_run(xml, self.job.scope.__contains__)
            except nmapscan.NmapError:
                continue  # nothing readable was printed before the interruption
            self.obs.extend(h for h in run.hosts if ("nmap", h.ip) not in seen)
            self.obs.extend([*run.services, *run.os])
        return len(self.obs) - before

    def run(self) -> ScanResult:
        phases: dict[str, Callable[[], None]] = {
            "hosts": self.phase_hosts,
            "dns": self.phase_dns,
            "ports": self.phase_ports,
            "announce": self.phase_announce,
            "inventory": self.phase_inventory,
            "snmp": self.phase_snmp,
        }
        try:
            with _sigterm_as_interrupt():
                for name in PHASES:
                    t0 = time.monotonic()
                    phases[name]()
                    self.seconds[name] = round(time.monotonic() - t0, 3)
                    self.checkpoint(name)
        except (KeyboardInterrupt, ScanInterrupted):
            kept = self.salvage()
            self.store.write_observations(self.sid, self.obs)
            self._status(ScanState.PARTIAL, "interrupted by user; phases not done are pending"
                         + (f"; kept {kept} observations the interrupted phase had made"
                            if kept else ""))  # fmt: skip
            return ScanResult(self.sid, ScanState.PARTIAL, self.obs, self.notes)
        except Exception as exc:
            self.store.write_observations(self.sid, self.obs)
            self._status(ScanState.FAILED, f"{type(exc).__name__}: {exc}")
            raise
        self._status(ScanState.COMPLETE)
        return ScanResult(self.sid, ScanState.COMPLETE, self.obs, self.notes)


def previous_credentials(store: Store) -> dict[str, str]:
    """ip -> name of the SNMP credential that worked in the newest complete scan."""
    sid = store.latest_complete()
    if not sid:
        return {}
    try:
        rec = store.read(sid)
    except StoreError:
        return {}
    return {o.ip: o.credential for o in rec.observations if isinstance(o, SnmpObs) and o.credential}


def previous_hosts(store: Store) -> PreviousHosts:
    """The host inventory's memory from the newest complete scan: the set that worked on each
    computer (tried first) and each SSH host key seen (pinned, for trust on first use)."""
    sid = store.latest_complete()
    prev = PreviousHosts()
    if not sid:
        return prev
    try:
        rec = store.read(sid)
    except StoreError:
        return prev
    for o in rec.observations:
        if isinstance(o, HostInvObs):
            if o.credential and o.failure is None:
                prev.credentials[o.ip] = o.credential
            if o.host_key and o.method == "ssh":
                prev.host_keys[o.ip] = o.host_key
    return prev


def run_scan(store: Store, job: ScanJob) -> ScanResult:
    """Run every phase, storing as it goes. Never raises on Ctrl-C/SIGTERM: returns PARTIAL."""
    return _Runner(store, job).run()


def is_tty() -> bool:
    return sys.stdout.isatty()
