"""One snmpsim for all SNMP tests: 127.0.0.1, a free high port, the project recordings.

Community = recording file name; SNMPv3 user `netmap-v3` (SHA / AES-128), context = file name.
The responder is started once per test session and killed by its PID.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
from pydantic import SecretStr

from netmap.model import ResolvedCredential

DATA = Path(__file__).resolve().parent.parent / "data" / "snmprec"
V3_USER, V3_AUTH, V3_PRIV = "netmap-v3", "auth-secret-1", "priv-secret-1"
BIG_ROWS = 100_000
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], limit: float = 60.0) -> T:
    """Run a coroutine with a hard time bound (no pytest-timeout here)."""
    return asyncio.run(asyncio.wait_for(coro, limit))


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def community(name: str, version: Literal["1", "2c"] = "2c") -> list[ResolvedCredential]:
    return [ResolvedCredential(name=f"c-{name}", version=version, community=SecretStr(name))]


def v3(context: str, auth: str = V3_AUTH, priv: str = V3_PRIV) -> ResolvedCredential:
    return ResolvedCredential(
        name="v3-sha-aes", version="3", user=V3_USER, auth_protocol="sha",
        auth_key=SecretStr(auth), priv_protocol="aes128", priv_key=SecretStr(priv), context=context,
    )


@dataclass
class Simulator:
    port: int
    pid: int
    data_dir: Path


def _write_big_table(path: Path) -> None:
    """A recording with a 100k-row ifDescr column (a pathological agent)."""
    lines = [
        "1.3.6.1.2.1.1.1.0|4|big table agent",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        "1.3.6.1.2.1.1.5.0|4|bigtable",
    ]
    lines += [f"1.3.6.1.2.1.2.2.1.2.{i}|4|port{i}" for i in range(1, BIG_ROWS + 1)]
    path.write_text("\n".join(lines) + "\n")


def _ready(port: int, deadline: float) -> bool:
    argv = ["snmpget", "-v2c", "-c", "netmap-ups", "-t", "0.5", "-r", "0", "-On",
            f"127.0.0.1:{port}", "1.3.6.1.2.1.1.5.0"]
    while time.monotonic() < deadline:
        probe = subprocess.run(argv, capture_output=True, text=True, timeout=5, check=False)
        if probe.returncode == 0 and "ups-rack1" in probe.stdout:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="session")
def snmpsim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    exe = Path(sys.executable).parent / "snmpsim-command-responder"
    if not exe.exists() or shutil.which("snmpget") is None:
        pytest.skip("snmpsim (pip) and snmpget (net-snmp) are needed")
    root = tmp_path_factory.mktemp("snmpsim")
    data = root / "data"
    data.mkdir()
    for recording in DATA.glob("*.snmprec"):
        shutil.copy(recording, data / recording.name)
    _write_big_table(data / "netmap-bigtable.snmprec")
    port = free_udp_port()
    argv = [
        str(exe), "--v3-engine-id", "8000000001020304", "--v3-user", V3_USER,
        "--v3-auth-key", V3_AUTH, "--v3-auth-proto", "SHA", "--v3-priv-key", V3_PRIV,
        "--v3-priv-proto", "AES", "--data-dir", str(data),
        "--agent-udpv4-endpoint", f"127.0.0.1:{port}", "--cache-dir", str(root / "cache"),
        "--logging-method", f"file:{root / 'snmpsim.log'}",
    ]
    env = dict(os.environ, SNMPSIM_ALLOW_ROOT="true")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not _ready(port, time.monotonic() + 90):
            pytest.fail("snmpsim did not answer within 90 s")
        yield Simulator(port=port, pid=proc.pid, data_dir=data)
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
