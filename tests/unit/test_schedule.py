from pathlib import Path

import pytest

from netmap.schedule import cron_line, systemd_units


def test_cron_line(tmp_path: Path) -> None:
    line = cron_line("0 2 * * 1", tmp_path / "city.toml", tmp_path)
    assert line.startswith("0 2 * * 1 cd ")
    assert "rescan --profile" in line and str(tmp_path / "city.toml") in line


@pytest.mark.parametrize("bad", ["0 2 * *", "0 2 * * 1; rm -rf /", "@daily", "a b c d e"])
def test_bad_cron_rejected(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        cron_line(bad, tmp_path / "city.toml", tmp_path)


def test_systemd_units(tmp_path: Path) -> None:
    units = systemd_units("Mon *-*-* 02:00", tmp_path / "city.toml", tmp_path)
    assert "OnCalendar=Mon *-*-* 02:00" in units["netmap-rescan.timer"]
    assert "SuccessExitStatus=1" in units["netmap-rescan.service"]
