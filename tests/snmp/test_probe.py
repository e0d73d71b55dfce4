"""`netmap probe` end to end: JSON document, secrets never printed, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from netmap.lab.snmpsim import free_udp_port
from tests.snmp.conftest import V3_AUTH, V3_PRIV, V3_USER, Simulator

pytestmark = pytest.mark.snmpsim


def _netmap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netmap", "probe", *args], capture_output=True, text=True,
        timeout=60, check=False, env=dict(os.environ, **(env or {})),
        cwd=Path(__file__).resolve().parents[2],
    )


def test_probe_json_v2c_literal_community(snmpsim: Simulator) -> None:
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--community", "netmap-printer", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["printer"]["serial_number"] == "PHBQB12345" and doc["credential"] == "cli-v2c"
    assert doc["identity"]["serial_number"] == "PHBQB12345"
    # the HP print server definition reads the Printer-MIB serial (HP's own object answers nothing)
    assert ("serial_number: LibreNMS jetdirect: Printer-MIB::prtGeneralSerialNumber.1"
            in doc["identity"]["evidence"])
    assert doc["type_hint"] is None or doc["type_hint"]["type"] == "printer"
    # what asking took: every request answered; the table rows are among the varbinds
    cost = doc["cost"]
    assert 0 < cost["requests"] < 40 and cost["timeouts"] == 0 and cost["seconds"] > 0
    assert 0 < cost["rows"] < cost["varbinds"]
    assert "netmap-printer" not in done.stdout + done.stderr  # the community is never printed


def test_probe_v3_keys_from_env_and_text_output(snmpsim: Simulator) -> None:
    env = {"NM_AUTH": V3_AUTH, "NM_PRIV": V3_PRIV}
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--v3-user", V3_USER,
                   "--auth-proto", "sha", "--auth-key-env", "NM_AUTH", "--priv-proto", "aes128",
                   "--priv-key-env", "NM_PRIV", "--context", "netmap-switch", env=env)
    assert done.returncode == 0, done.stderr
    assert "sw-core" in done.stdout and "(v3)" in done.stdout
    assert "  why       vendor: " in done.stdout  # each identity field says where it came from
    assert re.search(r"  asked     \d+ requests, \d+ varbinds answered \(\d+ table rows kept\), "
                     r"0 timeouts",
                     done.stdout)
    assert "well-known default" not in done.stdout  # v3 has no community
    assert V3_AUTH not in done.stdout + done.stderr and V3_PRIV not in done.stdout + done.stderr


def test_probe_warns_about_a_factory_default_community(snmpsim: Simulator) -> None:
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--community", "public")
    assert done.returncode == 0, done.stderr
    assert "the community that answered is a well-known default" in done.stdout


def test_probe_secret_file_must_be_0600(snmpsim: Simulator, tmp_path: Path) -> None:
    secret = tmp_path / "community"
    secret.write_text("netmap-ups\n")
    secret.chmod(0o644)
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--community-file", str(secret))
    assert done.returncode == 2 and "0600" in done.stderr
    secret.chmod(0o600)
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--community-file", str(secret))
    assert done.returncode == 0 and "ups-rack1" in done.stdout


def test_probe_dead_agent_exit_3() -> None:
    done = _netmap("127.0.0.1", "--port", str(free_udp_port()), "--community", "x", "--timeout", "0.3")
    assert done.returncode == 3 and "no SNMP answer" in done.stdout


def test_probe_needs_a_credential() -> None:
    done = _netmap("127.0.0.1")
    assert done.returncode == 2 and "give a credential" in done.stderr


def test_probe_lists_a_switchs_vlans_with_their_source(snmpsim: Simulator) -> None:
    done = _netmap("127.0.0.1", "--port", str(snmpsim.port), "--community", "cisco-vlans")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("  vlans"))
    assert "20 STAFF" in line and "(CISCO-VTP-MIB)" in line
    assert "mac_address_table 5" in done.stdout  # VLAN 1's two entries and VLAN 20's three
