"""One snmpsim for all SNMP tests: 127.0.0.1, a free high port, the project recordings.

Community = recording file name; SNMPv3 user `netmap-v3` (SHA / AES-128), context = file name.
The responder is started once per test session and killed by its PID.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
from pydantic import SecretStr

from netmap.lab.snmpsim import answers, responder_path, serve
from netmap.model import ResolvedCredential

DATA = Path(__file__).resolve().parent.parent / "data" / "snmprec"
V3_USER, V3_AUTH, V3_PRIV = "netmap-v3", "auth-secret-1", "priv-secret-1"
BIG_ROWS = 100_000
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], limit: float = 60.0) -> T:
    """Run a coroutine with a hard time bound (no pytest-timeout here)."""
    return asyncio.run(asyncio.wait_for(coro, limit))


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


# Agents whose ifNumber disagrees with their ifTable: (ifNumber, rows)
WRONG_IFNUMBER = {"netmap-ifnumber-low": (2, 30), "netmap-ifnumber-high": (60, 3)}


def _write_ifnumber_agent(path: Path, if_number: int, rows: int) -> None:
    """A recording whose ifNumber says `if_number` interfaces while ifTable holds `rows`."""
    lines = [
        "1.3.6.1.2.1.1.1.0|4|ifNumber agent",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        f"1.3.6.1.2.1.2.1.0|2|{if_number}",
    ]
    for column, tag, value in ((2, 4, "port{}"), (3, 2, "6"), (8, 2, "1")):
        lines += [f"1.3.6.1.2.1.2.2.1.{column}.{i}|{tag}|{value.format(i)}" for i in range(1, rows + 1)]
    lines += [f"1.3.6.1.2.1.31.1.1.1.1.{i}|4|p{i}" for i in range(1, rows + 1)]
    path.write_text("\n".join(lines) + "\n")


# Bridges whose dot1dBaseNumPorts is right or too low: (dot1dBaseNumPorts, bridge ports)
BRIDGE_COUNTS = {"netmap-bridge-ports": (20, 20), "netmap-bridge-ports-low": (2, 20)}


def _write_bridge_agent(path: Path, num_ports: int, rows: int) -> None:
    """A recording whose dot1dBaseNumPorts says `num_ports` while the port table, and Q-BRIDGE's
    table that AUGMENTS it, hold `rows` ports."""
    lines = [
        "1.3.6.1.2.1.1.1.0|4|bridge agent",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        f"1.3.6.1.2.1.17.1.2.0|2|{num_ports}",
    ]
    lines += [f"1.3.6.1.2.1.17.1.4.1.2.{i}|2|{i}" for i in range(1, rows + 1)]
    lines += [f"1.3.6.1.2.1.17.7.1.4.5.1.1.{i}|66|{10 if i % 2 else 20}" for i in range(1, rows + 1)]
    lines += ["1.3.6.1.2.1.17.7.1.4.5.1.2.1|2|1"]  # the next column: where the walk ends
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def snmpsim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    if responder_path() is None:
        pytest.skip("snmpsim (pip) is needed")
    root = tmp_path_factory.mktemp("snmpsim")
    data = root / "data"
    data.mkdir()
    for recording in DATA.glob("*.snmprec"):
        shutil.copy(recording, data / recording.name)
    _write_big_table(data / "netmap-bigtable.snmprec")
    for name, (if_number, rows) in WRONG_IFNUMBER.items():
        _write_ifnumber_agent(data / f"{name}.snmprec", if_number, rows)
    for name, (num_ports, rows) in BRIDGE_COUNTS.items():
        _write_bridge_agent(data / f"{name}.snmprec", num_ports, rows)
    # an agent left on the factory community
    shutil.copy(DATA / "netmap-ups.snmprec", data / "public.snmprec")
    # a Cisco switch whose VLAN instances do not answer (no cisco-novlans@<vlan> community)
    shutil.copy(DATA / "cisco-vlans.snmprec", data / "cisco-novlans.snmprec")
    # SNMPv3 names a VLAN instance by context ("vlan-20"), which snmpsim maps to a file name
    shutil.copy(DATA / "cisco-vlans@20.snmprec", data / "vlan-20.snmprec")
    v3_args = [
        "--v3-engine-id", "8000000001020304", "--v3-user", V3_USER,
        "--v3-auth-key", V3_AUTH, "--v3-auth-proto", "SHA", "--v3-priv-key", V3_PRIV,
        "--v3-priv-proto", "AES",
    ]
    with serve(data, root / "cache", "netmap-ups", extra_args=v3_args,
               log=root / "snmpsim.log") as served:
        # snmpsim opens a recording at its first request: the 10,000-row table took over the
        # 2 s a test's session waits when the machine was busy (CI once failed so)
        assert answers(served.port, "netmap-bigtable", timeout=60), "snmpsim: no bigtable"
        yield Simulator(port=served.port, pid=served.pid, data_dir=data)
