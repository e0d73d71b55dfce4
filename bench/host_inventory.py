"""Host inventory speed: netmap logs in to N real sshd and lists each one's packages, against
OpenSSH's own `ssh` client doing the same work side by side.

    .venv/bin/python bench/host_inventory.py [--hosts 100] [--concurrency 32]

Needs root (a network namespace). The namespace `nmbench-ssh` has only its loopback: N sshd
listen on 127.0.1.1 ... 127.0.1.N inside it, with the lab's inventory account and a key
(netmap/lab/accounts.py). Both clients run inside that namespace; nothing leaves it. Every
sshd is started and killed by PID; the namespace and account are removed at the end.

The peer runs `ssh -i KEY host 'uname -s; sh -s' < script` for every host through `xargs -P`
with the same concurrency: the same two commands netmap sends, with OpenSSH doing the crypto.
Printed and saved to bench/results/host_inventory.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.lab.accounts import USER, inventory_dir, prepare_account, remove_account  # noqa: E402
from netmap.lab.daemons import Layout  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "host_inventory.txt"
NS = "nmbench-ssh"
LAYOUT = Layout("nmsshbench")  # its own state folder: not the discovery bench's lab

CLIENT = r"""
import asyncio, json, resource, sys, time
from netmap.discover.hosts.collect import HostTarget, inventory_many
from netmap.discover.hosts.ssh import Limits
from netmap.infer.hosts.parse import host_inventory
from netmap.model import ResolvedHostCredential
n, conc, key, kh = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
cred = ResolvedHostCredential(kind="ssh", name="bench", user="netmap-inv", key_file=key,
                              known_hosts=kh)
targets = [HostTarget(f"127.0.1.{i}", {22}) for i in range(1, n + 1)]
t0 = time.monotonic()
found = asyncio.run(inventory_many(targets, [cred], Limits(timeout=60), concurrency=conc))
seconds = time.monotonic() - t0
ok = [o for o in found if o.failure is None]
packages = [len(host_inventory(o).software) for o in ok]
print(json.dumps({"seconds": seconds, "ok": len(ok), "failed": [o.error for o in found
    if o.failure][:3], "commands": sum(o.commands for o in found) / max(len(found), 1),
    "packages": min(packages) if packages else 0,
    "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _sh(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)


def _in_ns(*argv: str) -> list[str]:
    return ["ip", "netns", "exec", NS, *argv]


PRIVSEP = Path("/run/sshd")  # sshd's privilege separation directory (removed if made here)
MADE_PRIVSEP = not PRIVSEP.exists()


def start(n: int) -> list[subprocess.Popen[bytes]]:
    PRIVSEP.mkdir(mode=0o755, exist_ok=True)
    _sh("ip", "netns", "add", NS)
    _sh(*_in_ns("ip", "link", "set", "lo", "up"))
    prepare_account(LAYOUT)
    folder = inventory_dir(LAYOUT)
    hostkey = folder / "host_key"
    if not hostkey.exists():
        _sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(hostkey))
    pub = " ".join(hostkey.with_suffix(".pub").read_text().split()[:2])
    (folder / "known_hosts").write_text("".join(f"127.0.1.{i} {pub}\n" for i in range(1, n + 1)))
    procs = []
    for i in range(1, n + 1):
        conf = folder / f"sshd_{i}.conf"
        conf.write_text(
            f"ListenAddress 127.0.1.{i}:22\nHostKey {hostkey}\nPidFile none\nUsePAM no\n"
            f"AllowUsers {USER}\nStrictModes no\nAuthorizedKeysFile {folder}/authorized_keys\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPrintMotd no\n"
            "MaxStartups 200:30:400\nLogLevel ERROR\n")  # fmt: skip
        procs.append(subprocess.Popen(_in_ns("/usr/sbin/sshd", "-D", "-f", str(conf)),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
    time.sleep(1.0)
    return procs


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    # Session processes outlive their listener: everything left in the namespace is ours.
    left = _sh("ip", "netns", "pids", NS).stdout.split()
    for pid in left:
        _sh("kill", pid)
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            p.kill()
    _sh("ip", "netns", "delete", NS)
    remove_account(LAYOUT)
    if MADE_PRIVSEP:
        PRIVSEP.rmdir()
    shutil.rmtree(LAYOUT.root, ignore_errors=True)


def netmap_run(n: int, conc: int) -> dict[str, float]:
    folder = inventory_dir(LAYOUT)
    proc = _sh(*_in_ns(sys.executable, "-c", CLIENT, str(n), str(conc),
                       str(folder / "id_ed25519"), str(folder / "known_hosts")), timeout=600)  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return dict(json.loads(proc.stdout))


def openssh_run(n: int, conc: int) -> float:
    """The same two commands per host through OpenSSH's client, `conc` at a time."""
    from netmap.discover.hosts.commands import inventory_script

    folder = inventory_dir(LAYOUT)
    script = folder / "script.sh"
    script.write_text(inventory_script("linux").text)
    ssh = (f"ssh -q -i {folder / 'id_ed25519'} -o UserKnownHostsFile={folder / 'known_hosts'} "
           "-o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes "
           f"-F /dev/null {USER}@{{}}")  # fmt: skip
    # "; exit 0": the script's last probe (a package manager this host lacks) fails by design
    each = f"{ssh} 'uname -s' >/dev/null 2>&1 && {ssh} 'sh -s; exit 0' < {script} >/dev/null 2>&1"
    hosts = "\n".join(f"127.0.1.{i}" for i in range(1, n + 1))
    t0 = time.monotonic()
    subprocess.run(_in_ns("sh", "-c", f"xargs -P {conc} -I{{}} sh -c \"{each}\""),
                   input=hosts, text=True, timeout=600, check=True)  # fmt: skip
    return time.monotonic() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    if os.geteuid() != 0 or not Path("/usr/sbin/sshd").exists():
        print("skipped: needs root and openssh-server")
        return 0
    procs = start(args.hosts)
    try:
        ours = netmap_run(args.hosts, args.concurrency)
        peer = openssh_run(args.hosts, args.concurrency)
    finally:
        stop(procs)
    lines = [
        f"{args.hosts} sshd (real OpenSSH, one namespace, 2 cores), concurrency "
        f"{args.concurrency}; each host lists its {ours['packages']:.0f} dpkg packages",
        f"netmap host inventory        {ours['seconds']:6.2f} s  ({ours['ok']:.0f} of "
        f"{args.hosts} inventoried, {ours['commands']:.1f} commands per host, "
        f"peak RSS {ours['rss_mib']:.0f} MiB)",
        f"OpenSSH ssh, same commands   {peer:6.2f} s",
        f"ratio netmap / ssh           {ours['seconds'] / peer:6.2f}   (goal: 100 hosts < 60 s)",
    ]
    text = "\n".join(lines)
    print(text)
    RESULTS.write_text(text + "\n")
    if ours["failed"]:
        print("failures:", ours["failed"])
    return 0 if ours["ok"] == args.hosts else 1


if __name__ == "__main__":
    sys.exit(main())
