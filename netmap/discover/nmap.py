"""nmap host discovery, port/service scan and OS detection, through python-nmap's parser.

nmap is run as a child process that we own (so Ctrl-C and SIGTERM can stop it, by PID) and its XML
is parsed with python-nmap's `analyse_nmap_xml_scan`. Targets never reach nmap as text typed by a
user: they come from `Scope` as canonical CIDRs or addresses and are passed in a file with `-iL`,
so nothing can be read as an option.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ipaddress
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree  # the document python-nmap has just parsed with it

import nmap

from netmap.model import Depth, HostObs, Observation, OsMatch, OsObs, ServiceObs

TCP_PORTS = (
    # management / web; FTP (a copier's scan-to-folder, a NAS, a camera's uploads)
    "21,22,23,80,443,8080,"
    # printers
    "9100,631,515,"
    # SIP
    "5060,5061,"
    # cameras and video recorders (RTSP)
    "554,"
    # mail
    "25,587,143,993,110,"
    # backup and NAS (5000/5001: a NAS's own admin site, Synology DSM's)
    "873,445,2049,9392,10000,5000,5001,"
    # Windows: RPC and NetBIOS sessions (a city's old file shares still answer on 139)
    "135,139,"
    # other roles: RDP, DNS, LDAP, Kerberos, VNC
    "3389,53,389,636,88,5900"
)
UDP_PORTS = "53,67,161,5060"
# Where the server speaks first (FTP, SSH, Telnet, SMTP, POP, IMAP, rsync, VNC), nmap's NULL probe
# reads the banner at once. Everywhere else the client speaks first (HTTP, TLS, SMB, RDP, LDAP,
# Kerberos, DNS, IPP, LPD, SIP, NFS): those servers never send a banner, and the NULL probe
# waits its whole time for nothing before the probe that gets an answer. The two sets are
# scanned by two nmaps side by side; the second's NULL probe waits QUIET_NULL_WAIT_MS.
BANNER_TCP = frozenset({21, 22, 23, 25, 587, 143, 110, 873, 5900})
QUIET_NULL_WAIT_MS = 300  # a banner on a LAN arrives in milliseconds, even from a busy host
# nmap's XML keeps no banner its match line read ("220 mail ESMTP Postfix (Debian/GNU)" becomes
# "Postfix smtpd"): the banner script keeps the first line, from one more connection to each
# open banner-first port, waiting at most this long (its default is 5 s).
BANNER_SCRIPT_WAIT = "1s"
HOST_TIMEOUT = "120s"
DISCOVERY_TIMEOUT = 600.0
PORTSCAN_TIMEOUT = 1800.0
PARALLEL_NMAPS = 4
# nmap waits up to 6-11 s for each service probe's answer (tuned for the internet); a LAN
# service answers in milliseconds, so silent ports (SMB, RDP, VNC) need not cost that long.
LAN_PROBE_WAIT_MS = 2500
LAN_TCPWRAPPED_MS = 1500
_PROBE_DIRS = ("/usr/share/nmap", "/usr/local/share/nmap")


class NmapError(RuntimeError):
    """nmap is missing, failed, or printed something we cannot parse."""


@dataclass
class NmapRun:
    """One nmap run: its observations plus the raw XML for the store."""

    xml: bytes
    hosts: list[HostObs] = field(default_factory=list)
    services: list[ServiceObs] = field(default_factory=list)
    os: list[OsObs] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_RUNNING: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()
# What interrupted nmaps had already printed: the hosts they had finished. The scan keeps them
# (take_salvaged) instead of losing a phase's work to Ctrl-C.
_SALVAGED: list[bytes] = []
_HOST_BLOCK = re.compile(rb"<host\b.*?</host>", re.DOTALL)
_CLOSING = (b'<runstats><finished time="0" timestr="" elapsed="0" summary="interrupted" '
            b'exit="error"/><hosts up="0" down="0" total="0"/></runstats></nmaprun>')  # fmt: skip


def take_salvaged() -> list[bytes]:
    """The partial XML of every nmap interrupted since the last call (then forgotten)."""
    with _LOCK:
        out = list(_SALVAGED)
        _SALVAGED.clear()
    return out


def partial_run(xml: bytes, in_scope: Callable[[str], bool]) -> NmapRun:
    """The hosts an interrupted nmap had finished: every complete <host> element of its cut
    XML, in a closed document python-nmap can read."""
    blocks = _HOST_BLOCK.findall(xml)
    doc = (b'<?xml version="1.0"?><nmaprun scanner="nmap" args="" start="0" version="0">'
           + b"\n".join(blocks) + _CLOSING)  # fmt: skip
    run = observations_from_xml(doc, in_scope)
    return NmapRun(xml=xml, hosts=run.hosts, services=run.services, os=run.os,
                   notes=[f"interrupted: kept the {len(blocks)} hosts nmap had finished"])  # fmt: skip


def _salvage(out: bytes | None) -> None:
    if out:
        with _LOCK:
            _SALVAGED.append(out)


def kill_running() -> None:
    """Kill every nmap this process started and that is still running (by PID, nothing else)."""
    with _LOCK:
        procs = list(_RUNNING)
    for proc in procs:
        if proc.poll() is None:
            proc.kill()


def nmap_path() -> str:
    path = shutil.which("nmap")
    if not path:
        raise NmapError("nmap is not installed (apt-get install nmap)")
    return path


def _run(args: list[str], targets: list[str], timeout: float) -> bytes:
    """Run nmap on `targets` (validated addresses/CIDRs) and return its XML output."""
    for t in targets:  # last line of defence: only canonical networks may pass
        ipaddress.ip_network(t, strict=False)
    with tempfile.NamedTemporaryFile("w", prefix="netmap-targets-", suffix=".txt") as tf:
        tf.write("\n".join(targets) + "\n")
        tf.flush()
        argv = [nmap_path(), "-oX", "-", "-iL", tf.name, *args]
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        with _LOCK:
            _RUNNING.add(proc)
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException:
            # Ctrl-C, SIGTERM or timeout: stop *our* nmap, by its PID, keep what it had
            # printed, and pass the interruption on.
            proc.kill()
            _salvage(proc.communicate()[0])
            raise
        finally:
            with _LOCK:
                _RUNNING.discard(proc)
    if proc.returncode != 0:
        if proc.returncode < 0:
            _salvage(out)  # killed by kill_running() on Ctrl-C in another thread
        msg = err.decode(errors="replace").strip().splitlines()
        raise NmapError(f"nmap exited {proc.returncode}: {msg[-1] if msg else 'no message'}")
    return out


def parse_xml(xml: bytes) -> dict[str, Any]:
    """python-nmap's parser; a truncated or malformed document becomes a clear NmapError."""
    scanner = nmap.PortScanner.__new__(nmap.PortScanner)  # parse only: no nmap lookup
    try:
        result: dict[str, Any] = scanner.analyse_nmap_xml_scan(
            nmap_xml_output=xml.decode("utf-8", "replace")
        )
    except nmap.PortScannerError as exc:
        raise NmapError(f"cannot parse nmap XML: {str(exc).strip()[:200]}") from None
    except Exception as exc:  # python-nmap raises bare errors from ElementTree
        raise NmapError(f"cannot parse nmap XML: {type(exc).__name__}: {exc}") from None
    return result


def _host_obs(ip: str, h: dict[str, Any]) -> HostObs:
    addrs = h.get("addresses", {})
    mac = addrs.get("mac")
    vendor = h.get("vendor", {}).get(mac) if mac else None
    names = [n.get("name") for n in h.get("hostnames", []) if n.get("name")]
    status = h.get("status", {})
    return HostObs(
        target=ip,
        ip=ip,
        state=status.get("state", "up"),
        reason=status.get("reason"),
        mac=mac.lower() if mac else None,
        vendor=vendor,
        hostname=names[0] if names else None,
    )


@dataclass(frozen=True)
class ServiceDetail:
    """What nmap's XML says of a service that python-nmap drops: every CPE (it keeps only the
    last, and a banner's hardware CPE often comes before its OS's), and the match line's
    device type (`d/printer/`) and OS type (`o/Linux/`), which it does not read at all."""

    cpes: list[str]
    devicetype: str | None
    ostype: str | None
    banner: str | None = None  # the banner script's line, where it ran


def service_details(xml: bytes) -> dict[tuple[str, str, int], ServiceDetail]:
    """Each open port's service detail by (address, proto, port). Empty for a document
    ElementTree cannot read (python-nmap's own parse has already said why)."""
    root = _parsed(xml)
    return {} if root is None else _service_details(root)


def _parsed(xml: bytes) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None


def _address(host: ElementTree.Element) -> str | None:
    """A host element's IP address (its first IPv4 or IPv6 one)."""
    return next((a.get("addr") for a in host.findall("address")
                 if a.get("addrtype") in ("ipv4", "ipv6") and a.get("addr")), None)  # fmt: skip


def _service_details(root: ElementTree.Element) -> dict[tuple[str, str, int], ServiceDetail]:
    found: dict[tuple[str, str, int], ServiceDetail] = {}
    for host in root.iter("host"):
        addr = _address(host)
        for port in host.iterfind("ports/port"):
            svc = port.find("service")
            number = port.get("portid", "")
            if svc is None or addr is None or not number.isdigit():
                continue
            cpes = [c.text.strip() for c in svc.iterfind("cpe") if c.text]
            script = port.find("script[@id='banner']")
            found[(addr, port.get("protocol", "tcp"), int(number))] = ServiceDetail(
                cpes, svc.get("devicetype") or None, svc.get("ostype") or None,
                _banner_line(script.get("output") if script is not None else None))
    return found


BANNER_MAX = 200  # characters of a banner kept: the first line says who is speaking


def _banner_line(output: str | None) -> str | None:
    """The banner script's first line, with nmap's escapes of control bytes (\\x0D) removed."""
    if not output:
        return None
    line = re.sub(r"\\x[0-9A-Fa-f]{2}", " ", output.strip().splitlines()[0])
    line = "".join(ch for ch in line if ch.isprintable()).strip()
    return line[:BANNER_MAX] or None


def _os_cpes(root: ElementTree.Element) -> dict[tuple[str, str], list[str]]:
    """Each OS match's CPEs, of all its classes, by (address, match name)."""
    found: dict[tuple[str, str], list[str]] = {}
    for host in root.iter("host"):
        addr = _address(host)
        for match in host.iterfind("os/osmatch"):
            cpes = [c.text.strip() for c in match.iterfind("osclass/cpe") if c.text]
            if addr is not None and cpes:
                found[(addr, match.get("name", ""))] = list(dict.fromkeys(cpes))
    return found


def reread(observations: list[Observation], documents: list[bytes]) -> list[Observation]:
    """The observations of a stored scan, with what its stored nmap XML holds that the parser
    of its day did not keep (a service's device and OS type, its banner and every CPE; an OS
    match's CPEs) filled in from that XML. What is already there is kept; a document that does not
    parse adds nothing."""
    details: dict[tuple[str, str, int], ServiceDetail] = {}
    matches: dict[tuple[str, str], list[str]] = {}
    for root in [r for r in map(_parsed, documents) if r is not None]:  # each parsed once
        details |= _service_details(root)
        matches |= _os_cpes(root)
    return [_reread_one(ob, details, matches) for ob in observations]


def _reread_one(ob: Observation, details: dict[tuple[str, str, int], ServiceDetail],
                matches: dict[tuple[str, str], list[str]]) -> Observation:  # fmt: skip
    if isinstance(ob, ServiceObs) and (d := details.get((ob.ip, ob.proto, ob.port))):
        return ob.model_copy(update={
            "devicetype": ob.devicetype or d.devicetype, "ostype": ob.ostype or d.ostype,
            "banner": ob.banner or d.banner,
            "cpe": ob.cpe if len(ob.cpe) >= len(d.cpes) else d.cpes})
    if isinstance(ob, OsObs) and any(not m.cpes for m in ob.matches):
        filled = [m if m.cpes else m.model_copy(update={"cpes": matches.get((ob.ip, m.name), [])})
                  for m in ob.matches]  # fmt: skip
        return ob.model_copy(update={"matches": filled})
    return ob


def _service_obs(ip: str, proto: str, port: int, p: dict[str, Any],
                 detail: ServiceDetail | None = None) -> ServiceObs:  # fmt: skip
    def opt(key: str) -> str | None:
        val = p.get(key)
        return str(val) if val else None

    cpe = p.get("cpe")
    return ServiceObs(
        target=ip,
        ip=ip,
        port=port,
        proto="udp" if proto == "udp" else "tcp",
        state=p.get("state", "open"),
        name=opt("name"),
        product=opt("product"),
        version=opt("version"),
        extrainfo=opt("extrainfo"),
        devicetype=detail.devicetype if detail else None,
        ostype=detail.ostype if detail else None,
        banner=detail.banner if detail else None,
        cpe=(detail.cpes if detail and detail.cpes else None) or ([str(cpe)] if cpe else []),
    )


def _os_obs(ip: str, h: dict[str, Any]) -> OsObs | None:
    matches = []
    for m in h.get("osmatch", [])[:5]:
        classes = m.get("osclass") or [{}]
        cls = classes[0]
        cpes = [str(c).strip() for k in classes for c in k.get("cpe") or [] if c]
        matches.append(
            OsMatch(
                name=str(m.get("name", "")),
                accuracy=int(m.get("accuracy", 0) or 0),
                vendor=cls.get("vendor") or None,
                family=cls.get("osfamily") or None,
                device_type=cls.get("type") or None,
                generation=cls.get("osgen") or None,
                cpes=list(dict.fromkeys(cpes)),
            )
        )
    return OsObs(target=ip, ip=ip, matches=matches) if matches else None


def observations_from_xml(xml: bytes, in_scope: Callable[[str], bool]) -> NmapRun:
    """Turn nmap XML into observations, dropping anything outside the scope."""
    parsed = parse_xml(xml)
    details = service_details(xml)
    run = NmapRun(xml=xml)
    for ip, h in parsed.get("scan", {}).items():
        if not in_scope(ip) or h.get("status", {}).get("state") != "up":
            continue
        run.hosts.append(_host_obs(ip, h))
        for proto in ("tcp", "udp"):
            for port, p in sorted(h.get(proto, {}).items()):
                if p.get("state") in ("open", "open|filtered") and (
                    proto == "tcp" or p.get("state") == "open"
                ):
                    run.services.append(_service_obs(ip, proto, int(port), p,
                                                     details.get((ip, proto, int(port)))))
        os_obs = _os_obs(ip, h)
        if os_obs:
            run.os.append(os_obs)
    return run


def discover(targets: list[str], in_scope: Callable[[str], bool], rate: int | None) -> NmapRun:
    """Ping-sweep (nmap -sn) of routed targets: ICMP echo/timestamp, TCP 443 SYN, TCP 80 ACK."""
    # nmap's default probes (ICMP echo + timestamp, SYN 443, ACK 80); -T4 and one retry keep a
    # LAN sweep fast without giving up on a host after a single lost packet.
    args = ["-sn", "-n", "-T4", "--max-retries", "1"]
    if rate:
        args += ["--max-rate", str(rate)]
    return observations_from_xml(_run(args, targets, DISCOVERY_TIMEOUT), in_scope)


def tcp_ports(banner: bool) -> str:
    """The TCP ports of the phase whose server speaks first (banner) or the client does."""
    chosen = [p for p in TCP_PORTS.split(",") if (int(p) in BANNER_TCP) == banner]
    return ",".join(chosen)


def port_args(depth: Depth, rate: int | None, banner: bool = True) -> tuple[list[str], list[str]]:
    """nmap arguments for the port/service phase, and notes about what could not be done:
    the banner-first TCP ports with UDP (banner), or the client-first TCP ports."""
    notes: list[str] = []
    root = os.geteuid() == 0
    ports = f"T:{tcp_ports(banner)}"
    if root and banner:
        ports += f",U:{UDP_PORTS}"
        scan_types = ["-sS", "-sU"]
    else:
        scan_types = ["-sS"] if root else ["-sT"]
        if not root and banner:
            notes.append("not root: TCP connect scan only, UDP (SNMP, DHCP, SIP) skipped")
    # Intensity 0 still sends every probe registered for the port (SMTP, SIP, IPP, ...), and
    # skips the long tail of rare probes that each wait seconds on a silent service.
    args = [*scan_types, "-sV", "--version-intensity", "0", "-Pn", "-n", "-T4", "--max-retries", "2"]
    args += ["--min-hostgroup", "64"]
    args += ["--host-timeout", HOST_TIMEOUT, "-p", ports]
    if rate:
        args += ["--max-rate", str(rate)]
    if banner:
        args += ["--script", "banner", "--script-args", f"banner.timeout={BANNER_SCRIPT_WAIT}"]
    if depth is Depth.DEEP and banner:
        if root:
            args += ["-O", "--osscan-limit"]
        else:
            notes.append("not root: OS detection skipped")
    return args, notes


def chunks(hosts: list[str], parts: int) -> list[list[str]]:
    """Split hosts by /24 into at most `parts` groups of whole /24s.

    nmap scans one host group after another and a group's service scan lasts as long as its
    slowest silent service; separate processes per group wait in parallel instead.
    """
    by_net: dict[str, list[str]] = {}
    for h in hosts:
        by_net.setdefault(str(ipaddress.ip_network(f"{h}/24", strict=False)), []).append(h)
    groups: list[list[str]] = [[] for _ in range(max(1, min(parts, len(by_net))))]
    for members in sorted(by_net.values(), key=len, reverse=True):
        min(groups, key=len).extend(members)
    return [g for g in groups if g]


def lan_probes(source: str, null_wait_ms: int = LAN_PROBE_WAIT_MS) -> str:
    """nmap's service-probe database with every probe's wait cut to LAN scale, the NULL
    probe's to `null_wait_ms`. A probe without a `totalwaitms` line would wait nmap's default,
    5 s: it gets one. The probes, matches and ports are unchanged."""
    blocks = re.split(r"(?m)^(?=Probe )", source)
    return "".join(_lan_block(block, null_wait_ms) for block in blocks)


def _lan_block(block: str, null_wait_ms: int) -> str:
    """One probe's lines (or the preamble before the first probe) with LAN waits."""
    if not block.startswith("Probe "):
        return block
    name = " ".join(block.split(" ", 3)[1:3])
    wait = null_wait_ms if name == "TCP NULL" else LAN_PROBE_WAIT_MS

    def shorten(match: re.Match[str]) -> str:
        limit = LAN_TCPWRAPPED_MS if match.group(1) == "tcpwrappedms" else wait
        return f"{match.group(1)} {min(int(match.group(2)), limit)}"

    block = re.sub(r"(?m)^(totalwaitms|tcpwrappedms) (\d+)$", shorten, block)
    if not re.search(r"(?m)^totalwaitms ", block):
        first, newline, rest = block.partition("\n")
        block = f"{first}\ntotalwaitms {wait}{newline}{rest}" if newline else block
    return block


def _system_probes() -> str | None:
    for directory in (os.environ.get("NMAPDIR", ""), *_PROBE_DIRS):
        path = os.path.join(directory, "nmap-service-probes") if directory else ""
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                return f.read()
    return None


def port_scan(
    hosts: list[str], depth: Depth, in_scope: Callable[[str], bool], rate: int | None
) -> list[NmapRun]:
    """Port and service scan, one nmap per group of /24s, run side by side."""
    groups = chunks(hosts, PARALLEL_NMAPS)
    per_process = max(1, rate // (2 * len(groups))) if rate else None  # --rate is a total
    jobs: list[tuple[list[str], list[str]]] = []
    first_notes: list[str] = []
    with contextlib.ExitStack() as stack:
        for banner in (True, False):
            args, notes = port_args(depth, per_process, banner)
            datadir = stack.enter_context(tempfile.TemporaryDirectory(prefix="netmap-nmapdata-"))
            probes = _system_probes()
            if probes is not None:  # nmap reads --datadir first, falls back for other files
                with open(os.path.join(datadir, "nmap-service-probes"), "w", encoding="utf-8",
                          errors="surrogateescape") as f:
                    f.write(lan_probes(probes, LAN_PROBE_WAIT_MS if banner
                                       else QUIET_NULL_WAIT_MS))  # fmt: skip
                args = [*args, "--datadir", datadir]
            jobs += [(args, group) for group in groups]
            if banner:
                first_notes = notes
        return _port_scan_groups(jobs, first_notes, in_scope)


def _port_scan_groups(
    jobs: list[tuple[list[str], list[str]]], notes: list[str], in_scope: Callable[[str], bool]
) -> list[NmapRun]:
    """Every (arguments, hosts) job as its own nmap, all side by side."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=len(jobs))
    try:
        xmls = list(pool.map(lambda job: _run(job[0], job[1], PORTSCAN_TIMEOUT), jobs))
    except BaseException:
        kill_running()  # Ctrl-C lands in this thread: stop the nmaps the workers started
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    runs = [observations_from_xml(x, in_scope) for x in xmls]
    runs[0].notes.extend(notes)
    return runs


def save_name(phase: str) -> str:
    return f"nmap-{phase}.xml"
