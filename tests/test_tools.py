"""The generators in tools/ read their paths with one command line: -h prints the usage and
writes nothing (they once took "--help" for an output path and wrote a file of that name)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

TOOLS = ["make_enterprises", "make_librenms", "make_nmap_classes", "make_nmap_os_names",
         "make_products"]


CASES = [
    (["--help"], 0, "usage: "),
    (["SOME_DIR", "--help"], 0, "usage: "),  # was read as the output path
    (["SOME_DIR", "--out"], 2, "unrecognized arguments: --out"),
]


@pytest.mark.parametrize("name", TOOLS)
@pytest.mark.parametrize(("argv", "code", "says"), CASES)
def test_the_command_line_writes_nothing_but_usage(
    name: str, argv: list[str], code: int, says: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    tool = importlib.import_module(name)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        tool.main([str(tmp_path) if arg == "SOME_DIR" else arg for arg in argv])
    assert stop.value.code == code
    printed = capsys.readouterr()
    assert says in (printed.out if code == 0 else printed.err)
    assert list(tmp_path.iterdir()) == []
