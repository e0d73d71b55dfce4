"""snmpsim on 127.0.0.1, for the SNMP tests and benchmarks: one way to start, await and stop it.

Recordings are served on a loopback high port only; readiness is a bounded poll of one GET, and
the responder is stopped by its PID (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def responder_path() -> str | None:
    """snmpsim-command-responder of this venv, else one on PATH."""
    local = Path(sys.executable).parent / "snmpsim-command-responder"
    return str(local) if local.exists() else shutil.which("snmpsim-command-responder")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(port: int, community: str, timeout: float = 1.0) -> bool:
    """Does the agent on 127.0.0.1:port answer a GET of sysObjectID.0 for `community`?"""
    from netmap.discover.snmp import oids
    from netmap.discover.snmp.ber import GET, decode_response, encode_request

    packet = encode_request(1, community.encode(), GET, 1, [oids.SYS_OBJECT_ID + ".0"])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(packet, ("127.0.0.1", port))
        try:
            data = sock.recv(65535)
        except OSError:
            return False
    try:
        decode_response(data)
    except Exception:  # any undecodable answer is "not ready"
        return False
    return True


@dataclass
class Served:
    port: int
    pid: int
    seconds: float  # until it first answered (the first start indexes every file)


@contextmanager
def serve(
    data_dir: Path,
    cache_dir: Path,
    ready_community: str,
    *,
    extra_args: Sequence[str] = (),
    timeout: float = 90.0,
    log: Path | None = None,
) -> Iterator[Served]:
    """Serve `data_dir` (community = file name) on 127.0.0.1 until the block ends."""
    exe = responder_path()
    if exe is None:
        raise RuntimeError("snmpsim-command-responder not found (pip install snmpsim==1.2.2 pysmi)")
    port = free_udp_port()
    logging = f"file:{log}" if log else "null"
    # --v3-engine-id (in extra_args) must come before --data-dir: snmpsim parses in order.
    argv = [exe, *extra_args, f"--data-dir={data_dir}", f"--agent-udpv4-endpoint=127.0.0.1:{port}",
            f"--cache-dir={cache_dir}", f"--logging-method={logging}"]
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=dict(os.environ, SNMPSIM_ALLOW_ROOT="true"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not answers(port, ready_community):
            if proc.poll() is not None:
                raise RuntimeError(f"snmpsim exited early (code {proc.returncode})")
            if time.monotonic() - start > timeout:
                raise RuntimeError(f"snmpsim did not answer within {timeout:.0f} s")
            time.sleep(0.2)
        yield Served(port, proc.pid, time.monotonic() - start)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
