"""Network namespace plumbing: namespaces, veth cabling, addresses, routes, sysctls.

Isolation rules (docs/HELPERS.md SAFETY, shared LAB-NOTES):
- every veth is created with BOTH ends directly inside lab namespaces, nothing is ever
  created in or moved through the root namespace;
- IPv6 is off in every namespace (no DAD delay, no stray link-local traffic);
- unused switch ports are veths whose peer sits, down, in a `<prefix>--void` namespace,
  so a switch shows all its ports (down ones as down), like real hardware.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from netmap.lab.errors import LabError
from netmap.lab.spec import DeviceSpec, LabSpec, namespace_name

NETNS_DIR = Path("/run/netns")
CMD_TIMEOUT = 10.0


def run(argv: Sequence[str], *, timeout: float = CMD_TIMEOUT, input: str | None = None,
        check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command with a bound; a failure becomes a LabError with its stderr."""
    try:
        res = subprocess.run(list(argv), input=input, capture_output=True, text=True,
                             timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired as exc:
        raise LabError(f"timed out after {timeout}s: {' '.join(argv)}") from exc
    if check and res.returncode != 0:
        raise LabError(f"command failed ({res.returncode}): {' '.join(argv)}\n"
                       f"{res.stderr.strip()[-2000:]}")
    return res


def run_many(argvs: Sequence[Sequence[str]], timeout: float = CMD_TIMEOUT,
             inputs: Sequence[str | None] | None = None) -> list[subprocess.CompletedProcess[str]]:
    """Run commands concurrently (each bounded); returns results in order, never raises
    for a non-zero exit (callers decide)."""
    procs = []
    for i, argv in enumerate(argvs):
        stdin = subprocess.PIPE if inputs and inputs[i] is not None else subprocess.DEVNULL
        procs.append(subprocess.Popen(list(argv), stdin=stdin, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    results = []
    for i, p in enumerate(procs):
        data = inputs[i] if inputs else None
        try:
            out, err = p.communicate(input=data, timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            err += f"\n(timed out after {timeout}s)"
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def list_namespaces() -> list[str]:
    try:
        return sorted(os.listdir(NETNS_DIR))
    except FileNotFoundError:
        return []


def owned_by(prefix: str, ns: str) -> bool:
    # Prefixes contain no '-', so the owner of "<prefix>-<device>" is unambiguous
    # (lab "nm" never claims "nmlab-sw1").
    return ns.split("-", 1)[0] == prefix and "-" in ns


def void_namespace(prefix: str) -> str:
    return f"{prefix}--void"


def all_namespaces(spec: LabSpec, prefix: str) -> list[str]:
    return [namespace_name(prefix, d.name) for d in spec.devices] + [void_namespace(prefix)]


def build(spec: LabSpec, prefix: str) -> None:
    """Create namespaces and cabling, then configure each namespace."""
    run(["ip", "-batch", "-"], input=_root_batch(spec, prefix))
    devices = spec.devices
    argvs, inputs = [], []
    for d in devices:
        argvs.append(_ns_shell(namespace_name(prefix, d.name), _sysctls(d)))
        inputs.append(_device_batch(spec, d))
    for res, d in zip(run_many(argvs, inputs=inputs), devices, strict=True):
        if res.returncode != 0:
            raise LabError(f"configuring {d.name} failed: {res.stderr.strip()[-1500:]}")


def _ns_shell(ns: str, sysctls: dict[str, str]) -> list[str]:
    # One process per namespace: write sysctls, then feed `ip -batch` from stdin.
    script = ('for kv in "$@"; do printf %s "${kv#*=}" > "/proc/sys/${kv%%=*}" || exit 1; '
              'done; exec ip -batch -')
    return ["ip", "netns", "exec", ns, "sh", "-c", script, "sh",
            *[f"{k}={v}" for k, v in sysctls.items()]]


def _sysctls(d: DeviceSpec) -> dict[str, str]:
    s = {"net/ipv6/conf/all/disable_ipv6": "1", "net/ipv6/conf/default/disable_ipv6": "1"}
    if d.is_forwarding:
        # arp_ignore=1: answer ARP only for addresses on the asking interface, or a
        # router leaks its other subnets' addresses into each LAN.
        s |= {"net/ipv4/ip_forward": "1", "net/ipv4/conf/all/arp_ignore": "1"}
    if not d.icmp_echo:
        s["net/ipv4/icmp_echo_ignore_all"] = "1"
    return s


def _root_batch(spec: LabSpec, prefix: str) -> str:
    lines = [f"netns add {ns}" for ns in all_namespaces(spec, prefix)]
    for link in spec.links:
        a, b = spec.device(link.a), spec.device(link.b)
        lines.append(
            f"link add {link.a_port} netns {namespace_name(prefix, a.name)} "
            f"address {_mac(a, link.a_port)} type veth peer name {link.b_port} "
            f"netns {namespace_name(prefix, b.name)} address {_mac(b, link.b_port)}")
    void = void_namespace(prefix)
    cabled = {(link.a, link.a_port) for link in spec.links} | {
        (link.b, link.b_port) for link in spec.links}
    for di, d in enumerate(spec.devices):
        if d.bridge is None:
            continue
        for pi, port in enumerate(d.bridge.port_names(), start=1):
            if (d.name, port) not in cabled:
                lines.append(f"link add {port} netns {namespace_name(prefix, d.name)} "
                             f"address {_mac(d, port)} type veth peer name u{di}p{pi} "
                             f"netns {void}")
    return "\n".join(lines) + "\n"


def _mac(d: DeviceSpec, ifname: str) -> str:
    return next(i.mac for i in d.all_interfaces() if i.name == ifname)


def _device_batch(spec: LabSpec, d: DeviceSpec) -> str:
    lines = ["link set lo up"]
    lines += [f"address add {ip} dev lo" for ip in d.loopback_ips]
    if d.bridge is not None:
        br = d.bridge
        lines.append(
            f"link add {br.name} address {d.bridge_interface().mac} type bridge stp_state 0 "
            f"ageing_time {br.ageing_time * 100} forward_delay 0 mcast_snooping 0"
            + (" group_fwd_mask 0x4000" if br.lldp_passthrough else ""))
        cabled = {link.a_port for link in spec.links if link.a == d.name} | {
            link.b_port for link in spec.links if link.b == d.name}
        for port in br.port_names():
            lines.append(f"link set {port} master {br.name}")
            if port in cabled:
                lines.append(f"link set {port} up")
    for i in d.interfaces:
        if i.alias:
            lines.append(f'link set {i.name} alias "{i.alias}"')
        lines.append(f"link set {i.name} up")
        lines += [f"address add {ip} dev {i.name}" for ip in i.ips]
    gw = spec.default_gateway(d)
    if gw is not None:
        lines.append(f"route add default via {gw}")
    lines += [f"route add blackhole {r.dst}" if r.blackhole else f"route add {r.dst} via {r.via}"
              for r in d.routes]
    return "\n".join(lines) + "\n"


def delete_namespaces(names: Sequence[str]) -> None:
    if names:
        run(["ip", "-force", "-batch", "-"], input="".join(f"netns del {n}\n" for n in names),
            check=False)
