"""Bad input: one clear line, a non-zero exit, never a traceback.

Every command here runs in a fresh, empty network namespace (`unshare --net`): even a resolver
lookup of a bogus host name cannot leave the machine.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="unshare --net needs root")


def netmap(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/usr/bin/unshare", "--net", sys.executable, "-m", "netmap", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})}, cwd=cwd,
    )


def assert_clean_error(proc: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert proc.returncode == code, proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout
    for w in words:
        assert w in proc.stderr, proc.stderr


def test_injection_rejected(tmp_path: Path) -> None:
    p = netmap("scan", "127.0.0.1 -oN /tmp/netmap-pwned", "--scans-dir", str(tmp_path))
    assert_clean_error(p, 2, "bad target")
    assert not Path("/tmp/netmap-pwned").exists()
    assert not list(tmp_path.iterdir())  # refused before a scan was even created


def test_option_like_target_rejected(tmp_path: Path) -> None:
    p = netmap("scan", "--scans-dir", str(tmp_path), "--", "-oX")
    assert_clean_error(p, 2, "bad target")


def test_public_refused(tmp_path: Path) -> None:
    assert_clean_error(netmap("scan", "8.8.8.8", "--scans-dir", str(tmp_path)), 2, "public")


def test_bad_cidr(tmp_path: Path) -> None:
    assert_clean_error(netmap("scan", "10.0.0.0/33", "--scans-dir", str(tmp_path)), 2, "bad target")


def test_unresolvable(tmp_path: Path) -> None:
    p = netmap("scan", "no-such-host.invalid", "--scans-dir", str(tmp_path))
    assert_clean_error(p, 2, "does not resolve")


def test_unknown_profile_key(tmp_path: Path) -> None:
    prof = tmp_path / "city.toml"
    prof.write_text('targets = ["127.0.0.1"]\ndepht = "quick"\n')
    assert_clean_error(netmap("scan", "--profile", str(prof)), 2, "depht", "unknown key")


def test_nmap_missing(tmp_path: Path) -> None:
    p = netmap("scan", "127.0.0.1", "--scans-dir", str(tmp_path), env={"PATH": "/nonexistent"})
    assert_clean_error(p, 3, "nmap is not installed")


def test_unwritable_scans_dir(tmp_path: Path) -> None:
    p = netmap("scan", "127.0.0.1", "--depth", "quick", "--scans-dir", "/proc/netmap-no")
    assert_clean_error(p, 3, "not writable")


def test_quick_scan_of_loopback(tmp_path: Path) -> None:
    """A whole (tiny) scan: lo is up in no namespace by default, so bring it up first."""
    code = (
        "ip link set lo up && "
        f"{sys.executable} -m netmap scan 127.0.0.1 --depth quick --json --no-report --scans-dir {tmp_path}"
    )
    p = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    import json

    data = json.loads(p.stdout)
    assert data["status"]["state"] == "complete"
    assert [h["ip"] for h in data["hosts"]] == ["127.0.0.1"]


def test_probe_refuses_public_and_ranges() -> None:
    assert_clean_error(netmap("probe", "8.8.8.8", "--community", "x"), 2, "public")
    assert_clean_error(netmap("probe", "10.0.0.0/24", "--community", "x"), 2, "one host")


def test_no_report_writes_no_deliverables(tmp_path: Path) -> None:
    code = (
        "ip link set lo up && "
        f"{sys.executable} -m netmap scan 127.0.0.1 --depth quick --no-report --scans-dir {tmp_path}/s"
    )
    p = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert not (tmp_path / "output").exists()
    code = code.replace("--no-report", f"--out {tmp_path}/o")
    p = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    (scan_dir,) = (tmp_path / "o").iterdir()
    assert (scan_dir / "inventory.xlsx").exists()


def test_secrets_never_reach_store_or_outputs(tmp_path: Path) -> None:
    """A scan with an SNMP community from the environment: the secret is in no file written."""
    secret = "s3cr3t-community-4417"
    code = (
        "ip link set lo up && "
        f"{sys.executable} -m netmap scan 127.0.0.1 --depth quick --community-env NM_SECRET "
        f"--scans-dir {tmp_path}/s --out {tmp_path}/o"
    )
    p = subprocess.run(["unshare", "--net", "sh", "-c", code], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "NM_SECRET": secret})
    assert p.returncode == 0, p.stderr
    assert secret not in p.stdout + p.stderr
    files = [f for f in tmp_path.rglob("*") if f.is_file()]
    assert any(f.name == "observations.jsonl" for f in files)
    assert any(f.suffix == ".xlsx" for f in files)
    for f in files:
        data = f.read_bytes()
        assert secret.encode() not in data, f
        if f.suffix in (".xlsx", ".vsdx", ".zip"):
            import zipfile

            with zipfile.ZipFile(f) as z:
                assert all(secret.encode() not in z.read(n) for n in z.namelist()), f
    request = next(f for f in files if f.name == "request.json").read_text()
    assert "cli-community" in request  # the credential is named, never shown
