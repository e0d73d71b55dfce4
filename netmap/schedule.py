"""`netmap schedule`: the crontab line (or systemd timer) that runs `netmap rescan`."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

MARK = "# netmap rescan"


def _command(profile: Path, workdir: Path) -> str:
    exe = Path(sys.argv[0]).resolve() if Path(sys.argv[0]).name == "netmap" else None
    netmap = str(exe) if exe and exe.exists() else f"{sys.executable} -m netmap"
    return (
        f"cd {shlex.quote(str(workdir))} && {netmap} rescan --profile {shlex.quote(str(profile))}"
    )


def cron_line(cron: str, profile: Path, workdir: Path) -> str:
    fields = cron.split()
    if len(fields) != 5 or not all(f and all(ch in "0123456789*/,-" for ch in f) for f in fields):
        raise ValueError(f"bad cron schedule {cron!r}: five fields like '0 2 * * 1'")
    # Output goes to the profile's log file; cron mail would only duplicate it.
    return f"{' '.join(fields)} {_command(profile, workdir)} >/dev/null 2>&1 {MARK} {profile}"


def systemd_units(on_calendar: str, profile: Path, workdir: Path) -> dict[str, str]:
    service = (
        "[Unit]\nDescription=netmap rescan\nAfter=network-online.target\n\n"
        f"[Service]\nType=oneshot\nWorkingDirectory={workdir}\n"
        f"ExecStart=/bin/sh -c {shlex.quote(_command(profile, workdir))}\n"
        "SuccessExitStatus=1\n"  # 1 means "changes found", not a failure
    )
    timer = (
        "[Unit]\nDescription=netmap rescan timer\n\n"
        f"[Timer]\nOnCalendar={on_calendar}\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )
    return {"netmap-rescan.service": service, "netmap-rescan.timer": timer}


def install_cron(line: str, profile: Path) -> bool:
    """Add the line to root's crontab unless an entry for this profile is there. True if added."""
    cur = subprocess.run(["crontab", "-l"], capture_output=True, text=True, timeout=10)
    existing = cur.stdout if cur.returncode == 0 else ""
    if any(MARK in ln and ln.rstrip().endswith(str(profile)) for ln in existing.splitlines()):
        return False
    new = existing + ("" if existing.endswith("\n") or not existing else "\n") + line + "\n"
    subprocess.run(["crontab", "-"], input=new, text=True, check=True, timeout=10)
    return True
