"""`netmap --help` loads the command line only: no pydantic records, no knowledge tables.

Timing is a benchmark's business; what keeps help quick is structural, and checked here: the
modules that cost time to import are not imported until a command needs them.
"""

import ast
import subprocess
import sys

HEAVY = ("pydantic", "netmap.model", "netmap.config", "netmap.store", "netmap.discover",
         "netmap.infer", "netmap.render", "scapy", "nmap", "pysnmp", "networkx")

CODE = f"""
import sys
sys.argv = ["netmap", *sys.argv[1:]]
from netmap.cli import main
try:
    main()
except SystemExit:
    pass
print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r}
                       or m.startswith({HEAVY!r})))
"""


def _loaded(*args: str) -> tuple[str, list[str]]:
    proc = subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True,
                          timeout=60)
    text, _, loaded = proc.stdout.rpartition("LOADED ")
    assert proc.returncode == 0 and loaded, proc.stderr
    return text, ast.literal_eval(loaded)  # a list literal printed by the child


def test_help_loads_nothing_heavy() -> None:
    text, loaded = _loaded("--help")
    assert "scan" in text and "rescan" in text
    assert loaded == []


def test_a_command_still_loads_what_it_needs() -> None:
    """The check above can fail: `show` of a missing store reads the store, and with it pydantic."""
    _, loaded = _loaded("show", "--scans-dir", "/nonexistent-netmap-store")
    assert "netmap.store" in loaded and "pydantic" in loaded
