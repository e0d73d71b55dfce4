"""`netmap demo`: the built-in default job. Lab up, scan it from its scanner namespace, render.

The scan runs as `ip netns exec <scanner-ns> python -m netmap scan ...`, the one wrapper that
keeps every packet inside the lab: the scanner namespace has no route to the real network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from netmap.store import atomic_write_text

SCAN_TIMEOUT = 900  # seconds: bound the demo scan whatever happens


def _toml_str(s: str) -> str:
    return json.dumps(s)  # a JSON string is a valid TOML basic string


def lab_profile(
    truth: Any,
    state_dir: Path,
    scans_dir: Path = Path("scans"),
    output_dir: Path = Path("output"),
    extra: str = "",
) -> tuple[Path, dict[str, str]]:
    """Write a scan profile for the running lab, with `extra` TOML tables at its end; return it
    and the environment that holds its secrets."""
    lines = [
        f"targets = [{', '.join(_toml_str(s.cidr) for s in truth.subnets)}]",
        'depth = "standard"',
        f"scans_dir = {_toml_str(str(scans_dir.resolve()))}",
        f"output_dir = {_toml_str(str(output_dir.resolve()))}",
    ]
    env: dict[str, str] = {}
    communities = sorted({d.snmp.community for d in truth.devices if d.snmp and d.snmp.community})
    for s in truth.subnets:
        lines += [f"[subnets.{_toml_str(s.cidr)}]", f"site = {_toml_str(s.site or '')}"]
        lines.append(f"zone = {_toml_str(s.zone or '')}")
    for i, community in enumerate(communities):
        var = f"NETMAP_LAB_SNMP_{i}"
        env[var] = community
        lines += [
            "[[snmp]]",
            f'name = "lab-{i}"',
            'version = "2c"',
            f'community = {{ env = "{var}" }}',
        ]
    lines += _ssh_sets(truth)
    lines += _site_overrides(truth)
    path = state_dir / "demo-profile.toml"
    atomic_write_text(path, "\n".join(lines) + "\n" + extra)
    return path, env


def _site_overrides(truth: Any) -> list[str]:
    """Where a lab device stands when not in its subnet's site (the garage across the radio
    link), told as a contractor tells netmap: an override keyed by the device's MAC."""
    lines: list[str] = []
    for d in truth.devices:
        mac = next((i.mac for i in d.interfaces if i.mac), None)
        if d.site and mac:
            lines += [f"[overrides.devices.{_toml_str(mac)}]", f"site = {_toml_str(d.site)}"]
    return lines


def _ssh_sets(truth: Any) -> list[str]:
    """The lab's SSH sets when it has computers to inventory: a wrong key first (refused
    everywhere: the next set must still be tried), then the lab's key, both checking host
    keys against the lab's known_hosts."""
    if not any(getattr(d, "host", None) for d in truth.devices):
        return []
    from netmap.lab.accounts import USER, inventory_dir
    from netmap.lab.daemons import Layout

    folder = inventory_dir(Layout(truth.prefix))
    lines = []
    for name, key in (("lab-wrong-key", "wrong_ed25519"), ("lab-inventory", "id_ed25519")):
        lines += ["[[ssh]]", f"name = {_toml_str(name)}", f"user = {_toml_str(USER)}",
                  f"key_file = {_toml_str(str(folder / key))}",
                  f"known_hosts = {_toml_str(str(folder / 'known_hosts'))}"]  # fmt: skip
    return lines


def run_demo(out_dir: Path, scans_dir: Path) -> int:
    from netmap.lab import lab_up, scanner_exec_argv

    truth = lab_up()
    state_dir = Path("/run/netmap-lab") / truth.prefix
    profile, secrets = lab_profile(truth, state_dir)
    argv = [
        *scanner_exec_argv(truth.prefix),
        sys.executable,
        "-m",
        "netmap",
        "scan",
        "--profile",
        str(profile),
        "--scans-dir",
        str(scans_dir.resolve()),
        "--out",
        str(out_dir.resolve()),
    ]
    proc = subprocess.run(argv, env={**os.environ, **secrets}, timeout=SCAN_TIMEOUT, check=False)
    if proc.returncode == 0:
        from netmap.rescan import swap_latest
        from netmap.store import Store

        sid = Store(scans_dir).resolve("latest")
        if (out_dir / sid).is_dir():
            swap_latest(out_dir, out_dir / sid)
    return proc.returncode
