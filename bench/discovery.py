"""Discovery speed in the lab, side by side: netmap's hosts phase vs `nmap -sn` vs `arp-scan`,
netmap's port/service phase vs one `nmap -sS -sU -sV` of the same ports on the same hosts, its
announce phase vs nmap's UPnP, DNS-SD, NetBIOS, Ubiquiti, SMB and RDP scripts, and its IPP
printer probe vs CUPS's `ipptool`.

Runs entirely inside the lab's scanner namespace (ip netns exec), on the lab's own subnets.
Prints wall times, hosts/services found and the ratios; goal: netmap no slower than nmap.

    sudo .venv/bin/python bench/discovery.py [--runs 3]
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "discovery.txt"


def timed(argv: list[str], timeout: float = 300) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr[-2000:]}")
    return time.monotonic() - t0, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep-lab", action="store_true")
    args = ap.parse_args()
    if os.geteuid() != 0:
        print("skipped: discovery benchmark needs root (the lab)")
        return
    os.environ.setdefault("NETMAP_LAB_PREFIX", "nmbench")
    from netmap.lab import lab_down, lab_up, scanner_exec_argv

    truth = lab_up()
    ns = scanner_exec_argv(truth.prefix)
    cidrs = [str(s.cidr) for s in truth.subnets]
    scanner = next(d for d in truth.devices if d.namespace == truth.scanner_ns)
    mine = [ipaddress.ip_interface(ip).ip for i in scanner.interfaces for ip in i.ips]
    local = [s.cidr for s in truth.subnets if any(m in ipaddress.ip_network(s.cidr) for m in mine)]
    rows: dict[str, list[float]] = {
        "netmap scan --depth quick": [],
        "netmap hosts phase": [],
        "nmap -sn": [],
        "arp-scan (local /24 only)": [],
    }
    found: dict[str, int] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="netmap-bench-") as tmp:
            for _ in range(args.runs):
                t, out = timed(
                    [
                        *ns,
                        sys.executable,
                        "-m",
                        "netmap",
                        "scan",
                        *cidrs,
                        "--depth",
                        "quick",
                        "--json",
                        "--no-report",
                        "--scans-dir",
                        tmp,
                    ]
                )
                data = json.loads(out)
                rows["netmap scan --depth quick"].append(t)
                rows["netmap hosts phase"].append(data["status"]["phase_seconds"]["hosts"])
                found["netmap"] = len(data["hosts"])
                t, out = timed([*ns, "nmap", "-sn", "-n", "-oG", "-", *cidrs])
                rows["nmap -sn"].append(t)
                found["nmap -sn"] = out.count("Status: Up")
                if local:
                    t, out = timed([*ns, "arp-scan", "-q", "-x", "-I", "lan0", *local])
                    rows["arp-scan (local /24 only)"].append(t)
                    found["arp-scan"] = len([ln for ln in out.splitlines() if ln.strip()])
            local_rows = _local(ns, local, tmp, args.runs) if local else []
            services = _services(ns, cidrs, tmp, args.runs)
    finally:
        if not args.keep_lab:
            lab_down()
    base = statistics.median(rows["nmap -sn"])
    lines = [
        f"host discovery of {' '.join(cidrs)} from the lab scanner namespace, "
        f"median of {args.runs} runs",
        f"{'tool':<30} {'median s':>9} {'ratio vs nmap -sn':>18}",
    ]
    for name, ts in rows.items():
        if ts:
            med = statistics.median(ts)
            lines.append(f"{name:<30} {med:>9.2f} {med / base:>18.2f}")
    lines.append("hosts found: " + ", ".join(f"{k}={v}" for k, v in found.items()))
    lines += ["", *local_rows, "", *services]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")


def _local(ns: list[str], local: list[str], tmp: str, runs: int) -> list[str]:
    """The attached /24 alone: netmap's ARP burst (its hosts phase, and the whole quick scan)
    against `nmap -sn -n` and `arp-scan` of the same /24, alternating, same namespace."""
    rows: dict[str, list[float]] = {"netmap hosts phase (ARP)": [], "netmap scan --depth quick": [],
                                    "nmap -sn -n": [], "arp-scan": []}  # fmt: skip
    found: dict[str, int] = {}
    for _ in range(runs):
        t, out = timed([*ns, sys.executable, "-m", "netmap", "scan", *local, "--depth", "quick",
                        "--json", "--no-report", "--scans-dir", tmp])  # fmt: skip
        data = json.loads(out)
        rows["netmap scan --depth quick"].append(t)
        rows["netmap hosts phase (ARP)"].append(data["status"]["phase_seconds"]["hosts"])
        found["netmap"] = len(data["hosts"])
        t, out = timed([*ns, "nmap", "-sn", "-n", "-oG", "-", *local])
        rows["nmap -sn -n"].append(t)
        found["nmap"] = out.count("Status: Up")
        t, out = timed([*ns, "arp-scan", "-q", "-x", "-I", "lan0", *local])
        rows["arp-scan"].append(t)
        found["arp-scan"] = len([ln for ln in out.splitlines() if ln.strip()])
    base = statistics.median(rows["nmap -sn -n"])
    lines = [f"the attached {' '.join(local)} alone, median of {runs} runs (goal: netmap's hosts "
             "phase <= 0.5x nmap -sn -n)",
             f"{'tool':<30} {'median s':>9} {'ratio vs nmap -sn -n':>21}"]  # fmt: skip
    for name, ts in rows.items():
        med = statistics.median(ts)
        lines.append(f"{name:<30} {med:>9.2f} {med / base:>21.2f}")
    lines.append("hosts found: " + ", ".join(f"{k}={v}" for k, v in found.items()))
    return lines


_NMAP_SCRIPTS = ("upnp-info", "dns-service-discovery", "nbstat", "smb2-security-mode",
                 "rdp-ntlm-info", "smb-os-discovery", "smb-protocols", "ubiquiti-discovery")


def _services(ns: list[str], cidrs: list[str], tmp: str, runs: int) -> list[str]:
    """netmap's ports phase (standard depth) against plain nmap with the same ports, probes and
    timing on the hosts netmap found: nmap's own probe waits, one process."""
    from netmap.discover.nmap import TCP_PORTS, UDP_PORTS

    mine: list[float] = []
    theirs: list[float] = []
    counts: dict[str, int] = {}
    announce: list[float] = []
    scripts: list[float] = []
    said: dict[str, str] = {}
    for _ in range(runs):
        _t, out = timed([*ns, sys.executable, "-m", "netmap", "scan", *cidrs, "--json",
                         "--no-report", "--scans-dir", tmp])
        data = json.loads(out)
        mine.append(data["status"]["phase_seconds"]["ports"])
        announce.append(data["status"]["phase_seconds"]["announce"])
        hosts = [h["ip"] for h in data["hosts"]]
        counts["netmap"] = sum(1 for h in data["hosts"] for s in h["services"] if s["port"])
        said["netmap"] = ", ".join(f"{label} {sum(1 for h in data['hosts'] if h.get(key))}"
                                   for label, key in (("UPnP", "upnp"), ("mDNS", "mdns"),
                                                      ("NetBIOS", "netbios"), ("Ubiquiti", "ubnt"),
                                                      ("NTLM", "ntlm")))
        said["netmap"] += ", of which SMB1 " + str(sum(
            1 for h in data["hosts"] for o in h.get("ntlm", []) if o["service"] == "smb1"))
        said["netmap"] += ", IPP " + str(sum(1 for h in data["hosts"] if h.get("ipp")))
        printers = [h["ip"] for h in data["hosts"]
                    if any((s["port"], s["proto"]) == (631, "tcp") for s in h["services"])]
        t, xml = timed([*ns, "nmap", "-sS", "-sU", "-sV", "--version-intensity", "0", "-Pn", "-n",
                        "-T4", "--max-retries", "2", "--min-hostgroup", "64",
                        "-p", f"T:{TCP_PORTS},U:{UDP_PORTS}", "-oX", "-", *hosts])
        theirs.append(t)
        counts["nmap"] = xml.count('<state state="open"')
        # the same questions from nmap: its UPnP, DNS-SD and NetBIOS scripts, unicast to each
        # host, its SMB scripts on TCP 445 (smb-os-discovery reads the NTLM offer over SMB1
        # only; smb2-security-mode is its SMB2 negotiation), rdp-ntlm-info on TCP 3389 and
        # ubiquiti-discovery on UDP 10001
        t, xml = timed([*ns, "nmap", "-sS", "-sU", "-Pn", "-n", "-T4", "--max-retries", "1",
                        "-p", "T:445,3389,U:137,1900,5353,10001", "--script",
                        ",".join(_NMAP_SCRIPTS),
                        "-oX", "-", *hosts])
        scripts.append(t)
        upnp_n, mdns_n, nb_n, smb2_n, rdp_n, smb1_n, dialects_n, ubnt_n = (
            xml.count(f'id="{s}"') for s in _NMAP_SCRIPTS)
        said["nmap"] = (f"UPnP {upnp_n}, mDNS {mdns_n}, NetBIOS {nb_n}, Ubiquiti {ubnt_n}, "
                        f"SMB2 {smb2_n}, RDP NTLM {rdp_n}, SMB1 OS discovery {smb1_n}, "
                        f"SMB dialect lists {dialects_n}")
    base = statistics.median(theirs)
    other = statistics.median(scripts)
    return [
        f"port and service scan of the {len(hosts)} live hosts, median of {runs} runs",
        f"{'tool':<30} {'median s':>9} {'ratio vs nmap':>18}",
        f"{'netmap ports phase':<30} {statistics.median(mine):>9.2f} "
        f"{statistics.median(mine) / base:>18.2f}",
        f"{'nmap -sS -sU -sV (same ports)':<30} {base:>9.2f} {1.0:>18.2f}",
        "open services found: " + ", ".join(f"{k}={v}" for k, v in counts.items()),
        "",
        f"what the same hosts announce (UPnP, mDNS, NetBIOS, Ubiquiti discovery, NTLM over SMB "
        f"and RDP, IPP; unicast), "
        f"median of {runs} runs",
        f"{'tool':<30} {'median s':>9} {'ratio vs nmap':>18}",
        f"{'netmap announce phase':<30} {statistics.median(announce):>9.2f} "
        f"{statistics.median(announce) / other:>18.2f}",
        f"{'nmap upnp,dns-sd,nbstat,ubnt,smb,rdp':<30} {other:>9.2f} {1.0:>18.2f}",
        "hosts that answered: " + "; ".join(f"{k}: {v}" for k, v in said.items()),
        "",
        *_printers(ns, printers, runs),
    ]


def _printers(ns: list[str], printers: list[str], runs: int) -> list[str]:
    """netmap's IPP probe (Get-Printer-Attributes to every host with TCP 631 open, side by side)
    against CUPS's ipptool asking each the same, all at once, its own test file."""
    probe = ("import sys, time; from netmap.discover import ipp; t = time.monotonic(); "
             "found = ipp.probe(sys.argv[1:], lambda ip: True); "
             "print(f'{time.monotonic() - t:.3f} {len(found)}')")
    script = ("for ip in \"$@\"; do (ipptool -q -T 5 ipp://$ip:631/ipp/print "
              "get-printer-attributes.test && echo PASS) & done; wait")
    mine: list[float] = []
    theirs: list[float] = []
    said: dict[str, int] = {}
    for _ in range(runs):
        _t, out = timed([*ns, sys.executable, "-c", probe, *printers])
        seconds, answered = out.split()
        mine.append(float(seconds))
        said["netmap"] = int(answered)
        t, out = timed([*ns, "sh", "-c", script, "sh", *printers])
        theirs.append(t)
        said["ipptool"] = out.count("PASS")
    base = statistics.median(theirs)
    return [
        f"printer descriptions (IPP Get-Printer-Attributes) of the {len(printers)} hosts with "
        f"TCP 631 open, median of {runs} runs",
        f"{'tool':<30} {'median s':>9} {'ratio vs ipptool':>18}",
        f"{'netmap IPP probe':<30} {statistics.median(mine):>9.2f} "
        f"{statistics.median(mine) / base:>18.2f}",
        f"{'ipptool, all hosts at once':<30} {base:>9.2f} {1.0:>18.2f}",
        "printers that answered: " + ", ".join(f"{k}={v}" for k, v in said.items()),
    ]


if __name__ == "__main__":
    main()
