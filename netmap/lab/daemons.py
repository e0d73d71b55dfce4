"""Per-device daemons: their config files and how they are started.

Each daemon starts as
    ip netns exec NS setsid -f unshare --uts sh -c WRAPPER
where WRAPPER sets the hostname (so sysName/LLDP names are right), mounts a private
tmpfs on /run with only this lab's state dir bound back in (sshd, lldpd and pid files
never clash with the host or other labs), writes the daemon's pid file and execs it.
/etc/hosts and /etc/resolv.conf come from /etc/netns/<ns>/ (bound by `ip netns exec`),
so no DNS query ever leaves the lab. `setsid -f` detaches the daemon from the caller:
lab_up can return and the daemons keep running until lab_down kills them by PID.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from netmap.lab import snmprec
from netmap.lab.errors import LabError
from netmap.lab.snmpsim import responder_path
from netmap.lab.spec import (
    REAL_DAEMONS,
    DeviceSpec,
    LabSpec,
    PassRecording,
    namespace_name,
    vlan_instances,
    vlan_plan,
)

STATE_ROOT = Path("/run/netmap-lab")
REPO_ROOT = Path(__file__).resolve().parents[2]  # dir holding the `netmap` package

# Binary -> Debian package to install, for clear errors.
APT = {
    "ip": "iproute2", "bridge": "iproute2", "ss": "iproute2", "unshare": "util-linux",
    "setsid": "util-linux", "mount": "mount", "ping": "iputils-ping", "snmpget": "snmp",
    "nmap": "nmap", "snmpd": "snmpd", "lldpd": "lldpd", "lldpcli": "lldpd", "nmbd": "samba",
    "smbd": "samba", "sshd": "openssh-server", "ssh-keygen": "openssh-client",
    "nginx": "nginx-light", "rsync": "rsync",
}
BASE_BINARIES = ["ip", "bridge", "ss", "unshare", "setsid", "mount", "ping", "snmpget", "nmap"]

_WRAPPER = (
    'hostname "$1" && mount --bind "$2" /mnt && mount -t tmpfs -o mode=755 tmpfs /run '
    '&& mkdir -p "$2" /run/sshd /run/lldpd /run/samba/nmbd && mount --move /mnt "$2" '
    '&& echo $$ > "$3" && shift 3 && exec "$@"'
)


@dataclass(frozen=True)
class Layout:
    """Where one lab keeps its files: /run/netmap-lab/<prefix>/."""

    prefix: str

    @property
    def root(self) -> Path:
        return STATE_ROOT / self.prefix

    @property
    def pids(self) -> Path:
        return self.root / "pids"

    @property
    def ground_truth(self) -> Path:
        return self.root / "ground-truth.json"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    def dev(self, name: str) -> Path:
        return self.root / "dev" / name

    def pidfile(self, device: str, daemon: str) -> Path:
        return self.pids / f"{device}.{daemon}.pid"

    def agentx(self, device: str) -> Path:
        return self.dev(device) / "agentx.sock"

    def lldp_sock(self, device: str) -> Path:
        return self.dev(device) / "lldpd.sock"


@dataclass
class Daemon:
    device: str
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    needs_agentx: bool = False


# ------------------------------------------------------------------ requirements


def required_binaries(spec: LabSpec) -> dict[str, str]:
    need = set(BASE_BINARIES)
    for d in spec.devices:
        if d.snmp is not None and d.snmp.agent == "snmpd":
            need.add("snmpd")
        if d.lldp:
            need |= {"lldpd", "lldpcli"}
        impls = {s.impl for s in d.services}
        if "sshd" in impls:
            need |= {"sshd", "ssh-keygen"}
        if "nginx" in impls:
            need.add("nginx")
        if "rsyncd" in impls:
            need.add("rsync")
        if d.netbios is not None:
            need.add("nmbd")
        if "smbd" in impls:
            need.add("smbd")
    return {b: APT.get(b, b) for b in sorted(need)}


def check_requirements(spec: LabSpec) -> None:
    missing = [f"{b} (apt install {pkg})" for b, pkg in required_binaries(spec).items()
               if shutil.which(b) is None]
    if any(d.snmp and d.snmp.agent == "snmpsim" for d in spec.devices) and not responder_path():
        missing.append("snmpsim-command-responder (pip install snmpsim==1.2.2 pysmi)")
    if any(s.impl == "smtp" for d in spec.devices for s in d.services) and \
            importlib.util.find_spec("aiosmtpd") is None:
        missing.append("aiosmtpd (pip install aiosmtpd)")
    if missing:
        raise LabError("missing for the lab: " + ", ".join(missing))


# ------------------------------------------------------------------ launching


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), "LANG": "C.UTF-8",
           "HOME": "/root", "PYTHONPATH": str(REPO_ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return env | extra


def launch(spec: LabSpec, layout: Layout, d: Daemon) -> subprocess.Popen[bytes]:
    """Start one daemon detached (setsid -f); the returned Popen ends at once."""
    ns = namespace_name(layout.prefix, d.device)
    log = open(layout.dev(d.device) / f"{d.name}.out", "ab")  # noqa: SIM115 (child owns it)
    argv = ["ip", "netns", "exec", ns, "setsid", "-f", "unshare", "--uts", "sh", "-c",
            _WRAPPER, "sh", d.device, str(layout.root), str(layout.pidfile(d.device, d.name)),
            *d.argv]
    try:
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                env=_env(d.env), start_new_session=True)
    finally:
        log.close()


# ------------------------------------------------------------------ configuration


def prepare(spec: LabSpec, layout: Layout) -> list[Daemon]:
    """Write every config file and return the daemons to start."""
    layout.pids.mkdir(parents=True, exist_ok=True)
    daemons: list[Daemon] = []
    for d in spec.devices:
        ddir = layout.dev(d.name)
        ddir.mkdir(parents=True, exist_ok=True)
        if d.snmp is not None and d.snmp.agent == "snmpd":
            daemons += _snmpd(spec, layout, d)
        if d.snmp is not None and d.snmp.agent == "snmpsim":
            daemons.append(_snmpsim_daemon(spec, layout, d))
        if d.lldp:
            daemons.append(_lldpd(spec, layout, d))
        impls = {s.impl for s in d.services}
        if "sshd" in impls:
            daemons.append(_sshd(layout, d))
        if "nginx" in impls:
            daemons.append(_nginx(spec, layout, d))
        if "rsyncd" in impls:
            daemons.append(_rsyncd(layout, d))
        if d.netbios is not None:
            daemons.append(_nmbd(layout, d))
        if "smbd" in impls:
            daemons.append(_smbd(layout, d))
        if impls - REAL_DAEMONS or d.upnp is not None or d.mdns is not None or d.ubnt is not None:
            daemons.append(_services(spec, layout, d))
    return daemons


def template_values(spec: LabSpec, d: DeviceSpec) -> dict[str, str]:
    """Values for ${...} placeholders in recordings."""
    iface = next(i for i in d.interfaces if i.ips)
    ip = iface.ips[0]
    sub = spec.subnet_of(ip.ip)
    snmp = d.snmp
    return {
        "mac": iface.mac, "mac_hex": snmprec.mac_hex(iface.mac), "ip": str(ip.ip),
        "netmask": str(ip.netmask), "sysname": d.name, "domain": spec.domain,
        "serial": d.serial or "", "model": d.model or "", "vendor": d.vendor,
        "syslocation": (snmp.syslocation if snmp and snmp.syslocation else
                        d.site if d.site else  # where it stands: the garage's radio says so
                        f"{sub.site}, {sub.zone}" if sub else spec.name),
        "syscontact": (snmp.syscontact if snmp and snmp.syscontact else
                       f"IT Department <it@{spec.domain}>"),
        "sysobjectid": "." + ((snmp.sysobjectid if snmp and snmp.sysobjectid else
                               "1.3.6.1.4.1.8072.3.2.10").lstrip(".")),
    }


def render_recording(spec: LabSpec, d: DeviceSpec, name: str, dest: Path) -> None:
    try:
        text = resources.files("netmap.lab").joinpath("recordings", name).read_text()
    except FileNotFoundError as exc:
        raise LabError(f"{d.name}: recording {name!r} not found in netmap/lab/recordings")\
            from exc
    try:
        records = snmprec.render(text, template_values(spec, d))
    except (KeyError, ValueError) as exc:
        raise LabError(f"{d.name}: recording {name}: bad placeholder or record: {exc}") from exc
    dest.write_text(snmprec.dumps(records))


def _pass_script(layout: Layout, d: DeviceSpec, name: str, module: str, *args: str) -> Path:
    # snmpd splits pass_persist command lines on spaces; a tiny script avoids quoting.
    path = layout.dev(d.name) / f"pass-{name}.sh"
    quoted = " ".join(f'"{a}"' for a in args)
    path.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S -m {module} {quoted}\n')
    path.chmod(0o755)
    return path


def _voice_vlan(spec: LabSpec, d: DeviceSpec) -> int | None:
    """The voice VLAN of a phone's subnet, which the phone announces over LLDP-MED."""
    if d.type != "phone" or d.lldp_med_class is None:
        return None
    ip = d.mgmt_ip()
    subnet = spec.subnet_of(ip) if ip else None
    return subnet.voice_vlan if subnet else None


def _sysservices(d: DeviceSpec) -> int:
    if d.is_forwarding:
        return 78
    return 2 if d.bridge is not None else 72


def _snmpd(spec: LabSpec, layout: Layout, d: DeviceSpec) -> list[Daemon]:
    """The device's snmpd, and for a Cisco-style switch one more snmpd per VLAN instance."""
    assert d.snmp is not None
    ddir, snmp, vals = layout.dev(d.name), d.snmp, template_values(spec, d)
    addrs = ",".join(f"udp:{ip.ip}:161" for ip in d.ips())
    lines = [
        f"agentaddress {addrs}", "view all included .1",
        *[f"view all excluded .{h.lstrip('.')}" for h in snmp.hide],
        f"rocommunity {spec.community_of(d)} default -V all",
        f"syslocation {vals['syslocation']}", f"syscontact {vals['syscontact']}",
        f"sysservices {_sysservices(d)}", "dontLogTCPWrappersConnects yes",
        "master agentx", f"agentxsocket {layout.agentx(d.name)}",
        # The engine ID from the MAC, as real gear does. net-snmp's default is random bits
        # seeded by the clock, and agents started in one tick could share it.
        "engineIDType 3", f"engineIDNic {next(i.name for i in d.interfaces if i.ips)}",
    ]
    if snmp.sysdescr:
        lines.append(f"sysdescr {snmp.sysdescr}")
    if snmp.sysobjectid:
        lines.append(f"sysobjectid .{snmp.sysobjectid.lstrip('.')}")
    instances: list[Daemon] = []
    if d.bridge is not None:
        plan = vlan_plan(spec, d)
        args = [d.bridge.name]
        if plan is not None:  # the switch's VLANs, served by its Q-BRIDGE-MIB (or Cisco's)
            (ddir / "vlans.json").write_text(plan.model_dump_json())
            args.append(str(ddir / "vlans.json"))
        if plan is not None and snmp.vlan_mib == "cisco":
            args += ["--instance", "1"]  # the default instance is VLAN 1's
            lines += _cisco_vlan_lines(spec, layout, d)
            instances = [_vlan_instance(spec, layout, d, vid) for vid in vlan_instances(spec, d)]
        script = _pass_script(layout, d, "bridge", "netmap.lab.bridge_mib", *args)
        lines.append(f"pass_persist .1.3.6.1.2.1.17 {script}")
    extra = list(snmp.pass_recordings)
    if snmp.entity:
        extra.append(PassRecording(subtree=".1.3.6.1.2.1.47", file="entity-chassis.snmprec"))
    for n, rec in enumerate(extra):
        data = ddir / f"pass{n}.snmprec"
        render_recording(spec, d, rec.file, data)
        script = _pass_script(layout, d, f"rec{n}", "netmap.lab.passpersist", str(data))
        lines.append(f"pass_persist {rec.subtree} {script}")
    (ddir / "snmpd.conf").write_text("\n".join(lines) + "\n")
    return [_snmpd_daemon(d, ddir, "snmpd"), *instances]


def _snmpd_daemon(d: DeviceSpec, ddir: Path, name: str) -> Daemon:
    """snmpd on <ddir>/<name>.conf, with its own log, pid file and persistent directory."""
    (ddir / f"{name}-persist").mkdir(exist_ok=True)
    return Daemon(d.name, name, [
        "snmpd", "-f", "-C", "-c", str(ddir / f"{name}.conf"), "-I", "-smux",
        "-Lf", str(ddir / f"{name}.log"), "-p", str(ddir / f"{name}.pid")],
        env={"MIBS": "", "SNMP_PERSISTENT_DIR": str(ddir / f"{name}-persist")})


def vlan_instance_port(vid: int) -> int:
    """The loopback port of a Cisco-style lab switch's snmpd for VLAN `vid`'s instance."""
    return 20000 + vid


def _cisco_vlan_lines(spec: LabSpec, layout: Layout, d: DeviceSpec) -> list[str]:
    """snmpd.conf lines of a Catalyst's VLAN MIBs: CISCO-VTP / VLAN-MEMBERSHIP from the plan,
    and community "<community>@<vlan>" mapped to context vlan<N>, which is proxied to that
    VLAN's own BRIDGE-MIB instance (an snmpd on the switch's loopback)."""
    bridge = d.bridge
    assert bridge is not None
    plan_file = str(layout.dev(d.name) / "vlans.json")
    script = _pass_script(layout, d, "cisco-vlans", "netmap.lab.bridge_mib", bridge.name,
                          plan_file, "--cisco")  # fmt: skip
    community = spec.community_of(d)
    lines = [f"pass_persist .1.3.6.1.4.1.9.9 {script}"]
    for vid in vlan_instances(spec, d):
        lines += [
            f"com2sec -Cn vlan{vid} vlan{vid} default {community}@{vid}",
            f"group vlan{vid} v1 vlan{vid}", f"group vlan{vid} v2c vlan{vid}",
            f"access vlan{vid} vlan{vid} any noauth exact all none none",
            f"proxy -Cn vlan{vid} -v 2c -c {community} 127.0.0.1:{vlan_instance_port(vid)} "
            ".1.3.6.1.2.1.17",
        ]
    return lines


def _vlan_instance(spec: LabSpec, layout: Layout, d: DeviceSpec, vid: int) -> Daemon:
    """VLAN `vid`'s BRIDGE-MIB instance of a Cisco-style switch: an snmpd on its loopback."""
    bridge = d.bridge
    assert bridge is not None
    ddir = layout.dev(d.name)
    script = _pass_script(layout, d, f"bridge-vlan{vid}", "netmap.lab.bridge_mib", bridge.name,
                          str(ddir / "vlans.json"), "--instance", str(vid))  # fmt: skip
    name = f"snmpd-vlan{vid}"
    (ddir / f"{name}.conf").write_text("\n".join([
        f"agentaddress udp:127.0.0.1:{vlan_instance_port(vid)}", "view all included .1",
        f"rocommunity {spec.community_of(d)} 127.0.0.1 -V all",
        f"pass_persist .1.3.6.1.2.1.17 {script}",
    ]) + "\n")  # fmt: skip
    return _snmpd_daemon(d, ddir, name)


def _snmpsim_daemon(spec: LabSpec, layout: Layout, d: DeviceSpec) -> Daemon:
    assert d.snmp is not None and d.snmp.recording
    ddir = layout.dev(d.name)
    data, cache = ddir / "snmpsim-data", ddir / "snmpsim-cache"
    data.mkdir(exist_ok=True)
    cache.mkdir(exist_ok=True)
    # snmpsim maps the community to the data file's basename.
    render_recording(spec, d, d.snmp.recording, data / f"{spec.community_of(d)}.snmprec")
    exe = responder_path()
    if exe is None:
        raise LabError("snmpsim-command-responder not found (pip install snmpsim==1.2.2)")
    endpoints = [f"--agent-udpv4-endpoint={ip.ip}:161" for ip in d.ips()]
    return Daemon(d.name, "snmpsim", [
        exe, f"--data-dir={data}", *endpoints, f"--cache-dir={cache}",
        "--log-level=error", "--logging-method=stderr"],
        env={"SNMPSIM_ALLOW_ROOT": "true"})


def _lldp_description(d: DeviceSpec) -> str | None:
    if d.snmp is not None and d.snmp.sysdescr:
        return d.snmp.sysdescr
    if d.snmp is not None and d.snmp.agent == "snmpd":
        return None  # a Linux host: lldpd's own kernel-based description is the truth
    if d.model and d.model.lower().startswith(d.vendor.lower()):
        return d.model
    return " ".join(x for x in (d.vendor, d.model) if x)


def _lldpd(spec: LabSpec, layout: Layout, d: DeviceSpec) -> Daemon:
    ddir = layout.dev(d.name)
    conf = [f"configure system hostname {d.name}", "configure lldp tx-interval 5",
            "configure lldp portidsubtype ifname"]
    desc = _lldp_description(d)
    if desc:
        conf.append(f'configure system description "{desc.replace(chr(34), chr(39))}"')
    if d.lldp_capabilities:  # an access point says "WLAN", which a bridge's kernel cannot
        conf.append(f"configure system capabilities enabled {','.join(d.lldp_capabilities)}")
    if d.lldp_med_inventory:  # what a phone says of itself; the lab's truth, not this machine's
        conf += [f'configure inventory {key} "{value.replace(chr(34), chr(39))}"'
                 for key, value in (("manufacturer", d.vendor), ("model", d.model),
                                    ("serial-number", d.serial),
                                    ("software-revision", d.firmware),
                                    ("firmware-revision", d.firmware),
                                    ("hardware-revision", "1")) if value]
    voice = _voice_vlan(spec, d)
    if voice is not None:  # a phone announces its voice VLAN (LLDP-MED network policy)
        conf.append(f"configure med policy application voice vlan {voice} priority voice dscp 46")
    (ddir / "lldpd.conf").write_text("\n".join(conf) + "\n")
    ports = [i.name for i in d.all_interfaces() if d.bridge is None or i.name != d.bridge.name]
    chassis = d.bridge.name if d.bridge is not None else ports[0]
    argv = ["lldpd", "-d", *([] if d.lldp_med_inventory else ["-i"]),
            "-u", str(layout.lldp_sock(d.name)),
            "-p", str(ddir / "lldpd.pid"), "-O", str(ddir / "lldpd.conf"),
            "-I", ",".join(ports), "-C", chassis]
    mgmt = d.mgmt_ip()
    if mgmt is not None:
        argv += ["-m", str(mgmt)]
    if d.lldp_med_class is not None:
        argv += ["-M", str(d.lldp_med_class)]
    agentx = d.snmp is not None and d.snmp.agent == "snmpd"
    if agentx:
        argv += ["-X", str(layout.agentx(d.name))]
    return Daemon(d.name, "lldpd", argv, needs_agentx=agentx)


def _sshd(layout: Layout, d: DeviceSpec) -> Daemon:
    ddir = layout.dev(d.name)
    key = ddir / "ssh_host_ed25519_key"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", d.name,
                        "-f", str(key)], check=True, timeout=10, capture_output=True)
    port = next(s.port for s in d.services if s.impl == "sshd")
    listen = "\n".join(f"ListenAddress {ip.ip}:{port}" for ip in d.ips())
    # Only `ssh_login` hosts let anyone in: the lab's inventory account, with the lab's key.
    # Every other sshd refuses every login, as a switch refuses a city's Linux credentials.
    logins = (f"AllowUsers netmap-inv\nStrictModes no\n"
              f"AuthorizedKeysFile {layout.root / 'inventory' / 'authorized_keys'}\n"
              if d.ssh_login else "AuthorizedKeysFile none\n")  # fmt: skip
    (ddir / "sshd_config").write_text(
        f"{listen}\nHostKey {key}\nPidFile {ddir / 'sshd.pid'}\nUsePAM no\n"
        "PermitRootLogin no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        f"{logins}PrintMotd no\nLoginGraceTime 10\nMaxStartups 100:30:200\n")
    return Daemon(d.name, "sshd", ["/usr/sbin/sshd", "-D", "-f", str(ddir / "sshd_config"),
                                   "-E", str(ddir / "sshd.log")])


def _nginx(spec: LabSpec, layout: Layout, d: DeviceSpec) -> Daemon:
    ddir = layout.dev(d.name) / "nginx"
    for sub in ("www", "tmp", "logs"):
        (ddir / sub).mkdir(parents=True, exist_ok=True)
    svc = next(s for s in d.services if s.impl == "nginx")
    title = svc.title or f"{d.name}.{spec.domain}"
    (ddir / "www" / "index.html").write_text(
        f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1></body></html>\n")
    listen = " ".join(f"listen {ip.ip}:{svc.port};" for ip in d.ips())
    temps = " ".join(f"{k}_temp_path {ddir}/tmp/{k};"
                     for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (ddir / "nginx.conf").write_text(
        f"daemon off; master_process on; worker_processes 1; pid {ddir}/nginx.pid;\n"
        f"error_log {ddir}/logs/error.log error;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; {temps} default_type text/html;\n"
        f"  server {{ {listen} server_name {d.name}.{spec.domain}; root {ddir}/www; }} }}\n")
    return Daemon(d.name, "nginx", ["nginx", "-q", "-p", str(ddir), "-e",
                                    str(ddir / "logs" / "error.log"),
                                    "-c", str(ddir / "nginx.conf")])


def _rsyncd(layout: Layout, d: DeviceSpec) -> Daemon:
    ddir = layout.dev(d.name)
    (ddir / "rsync" / "backup").mkdir(parents=True, exist_ok=True)
    port = next(s.port for s in d.services if s.impl == "rsyncd")
    (ddir / "rsyncd.conf").write_text(
        f"use chroot = no\nlog file = {ddir / 'rsyncd.log'}\n"
        f"[backup]\n  path = {ddir / 'rsync' / 'backup'}\n  comment = Hyper Backup vault\n"
        "  read only = yes\n")
    ip = d.mgmt_ip()
    return Daemon(d.name, "rsyncd", ["rsync", "--daemon", "--no-detach",
                                     f"--config={ddir / 'rsyncd.conf'}", f"--address={ip}",
                                     f"--port={port}"])


def _nmbd(layout: Layout, d: DeviceSpec) -> Daemon:
    """Samba's NetBIOS name server, on the device's own addresses only, every file it keeps in
    the device's folder. A workstation never takes part in browser elections; the domain's
    controller registers the domain's <1B> and <1C> names, as an NT4-style Samba PDC does."""
    conf = _samba_conf(layout, d)
    return Daemon(d.name, "nmbd", ["nmbd", "--foreground", "--no-process-group",
                                   f"--configfile={conf}"])


def _smbd(layout: Layout, d: DeviceSpec) -> Daemon:
    """Samba's file server on TCP 445 of the device's own addresses, sharing nothing: it
    answers the negotiation and the NTLM offer as a Samba server does, and its NTLM CHALLENGE
    names the device and its domain (a controller's target is its domain)."""
    conf = _samba_conf(layout, d)
    return Daemon(d.name, "smbd", ["smbd", "--foreground", "--no-process-group",
                                   f"--configfile={conf}"])


def _samba_conf(layout: Layout, d: DeviceSpec) -> Path:
    """The device's smb.conf, which its nmbd and smbd share: names, role, and every file
    either keeps in the device's folder."""
    assert d.netbios is not None
    ddir = layout.dev(d.name) / "samba"
    for sub in ("lock", "state", "cache", "private", "run"):
        (ddir / sub).mkdir(parents=True, exist_ok=True)
    dc = d.netbios.domain_controller
    role = ("domain logons = yes\ndomain master = yes\nlocal master = yes\n"
            "preferred master = yes\nos level = 65\n" if dc else
            "local master = no\ndomain master = no\npreferred master = no\nos level = 0\n")
    nets = " ".join(str(ip) for ip in d.ips())  # "10.77.10.21/24"
    (ddir / "smb.conf").write_text(
        f"[global]\nnetbios name = {d.name.upper()}\nworkgroup = {d.netbios.workgroup}\n"
        f"interfaces = {nets}\nbind interfaces only = yes\ndns proxy = no\n{role}"
        f"lock directory = {ddir / 'lock'}\nstate directory = {ddir / 'state'}\n"
        f"cache directory = {ddir / 'cache'}\nprivate dir = {ddir / 'private'}\n"
        f"pid directory = {ddir / 'run'}\nncalrpc dir = {ddir / 'run'}\n"
        f"log file = {ddir / 'samba.log'}\nmax log size = 100\n"
        "smb ports = 445\nload printers = no\nprintcap name = /dev/null\ndisable spoolss = yes\n"
        + ("server min protocol = NT1\n" if any(s.smb1 for s in d.services) else ""))
    return ddir / "smb.conf"


def self_signed(path: Path, name: str) -> Path:
    """A key and a self-signed certificate for `name` in one PEM file (as an appliance makes
    for its web UI before anyone installs a real one)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # old clients: RSA
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=825))
            .sign(key, hashes.SHA256()))
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption())
        + cert.public_bytes(serialization.Encoding.PEM))
    path.chmod(0o600)
    return path


def _services(spec: LabSpec, layout: Layout, d: DeviceSpec) -> Daemon:
    ddir = layout.dev(d.name)
    emulated = [s.model_dump() for s in d.services if s.impl not in REAL_DAEMONS]
    cfg: dict[str, Any] = {"hostname": f"{d.name}.{spec.domain}", "services": emulated,
           "ready_file": str(ddir / "services.ready")}
    if d.upnp is not None:
        u = d.upnp
        cfg["upnp"] = {
            "ip": str(d.interfaces[0].ips[0].ip), "port": u.port, "server": u.server,
            "deviceType": u.device_type, "friendlyName": f"{d.name} ({u.model_name or d.model})",
            "manufacturer": u.manufacturer or d.vendor, "modelName": u.model_name or d.model,
            "modelNumber": u.model_number, "modelDescription": u.model_description,
            "serialNumber": d.serial, "UDN": f"uuid:{uuid.uuid5(uuid.NAMESPACE_DNS, d.name)}",
        }
    if d.mdns is not None:
        cfg["mdns"] = {**d.mdns.model_dump(), "hostname": d.name,
                       "ip": str(d.interfaces[0].ips[0].ip)}
    if d.ubnt is not None:
        cfg["ubnt"] = {**d.ubnt.model_dump(), "hostname": d.name, "model": d.model,
                       "version": d.firmware, "mac": d.interfaces[0].mac,
                       "ip": str(d.interfaces[0].ips[0].ip)}
    for svc in emulated:
        if svc["impl"] == "rdp":
            svc["ntlm"] = _ntlm_identity(spec, d)
        elif svc["impl"] == "ipp" and d.ipp is not None:
            svc["printer"] = {**d.ipp.model_dump(), "name": d.name, "firmware": d.firmware,
                              "uuid": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{d.name}.ipp"))}
    if any(s.tls or s.impl == "rdp" for s in d.services):
        cfg["certificate"] = str(self_signed(ddir / "tls.pem", f"{d.name}.{spec.domain}"))
    (ddir / "services.json").write_text(json.dumps(cfg, indent=1))
    return Daemon(d.name, "services", [sys.executable, "-m", "netmap.lab.services",
                                       str(ddir / "services.json")])


def _ntlm_identity(spec: LabSpec, d: DeviceSpec) -> dict[str, str | None]:
    """The names a Windows computer's NTLM offer gives: a member of the domain its NetBIOS
    names join (with the lab's DNS domain), else a workgroup computer that names only itself."""
    domain = d.netbios.workgroup if d.netbios is not None else None
    return {"computer": d.name.upper(), "hostname": d.name, "domain": domain,
            "dns_domain": spec.domain if domain else None}


def hosts_file(spec: LabSpec) -> str:
    """Lab-wide /etc/hosts: every in-scope address by device name (reverse DNS works)."""
    lines = ["127.0.0.1\tlocalhost"]
    for d in spec.devices:
        if not d.in_scope:
            continue
        for ip in d.ips():
            lines.append(f"{ip.ip}\t{d.name}.{spec.domain} {d.name}")
    return "\n".join(lines) + "\n"


def resolv_conf(spec: LabSpec) -> str:
    # 127.0.0.1 inside a namespace is that namespace's own loopback: queries die there.
    return f"search {spec.domain}\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n"
