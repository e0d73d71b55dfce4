"""net-snmp `pass_persist` protocol, plus a server for static snmprec recordings.

snmpd starts the helper once and talks over stdin/stdout:
  PING -> PONG;  get/getnext + OID -> OID, TYPE, VALUE  (or NONE);  set -> not-writable.
Standard library only (started with `python -S`).

    python -S -m netmap.lab.passpersist RECORDING.snmprec
"""

from __future__ import annotations

import bisect
import sys
import time
from collections.abc import Callable
from typing import TextIO

from netmap.lab.snmprec import Oid, format_oid, parse, parse_oid, to_pass

PassEntry = tuple[Oid, str, str]  # (oid, pass type, value)


class Table:
    """Sorted view of a MIB subtree with exact and next lookups."""

    def __init__(self, entries: list[PassEntry]) -> None:
        self.entries = sorted(entries, key=lambda e: e[0])
        self.oids = [e[0] for e in self.entries]

    def get(self, oid: Oid) -> PassEntry | None:
        i = bisect.bisect_left(self.oids, oid)
        if i < len(self.oids) and self.oids[i] == oid:
            return self.entries[i]
        return None

    def getnext(self, oid: Oid) -> PassEntry | None:
        # First OID strictly greater in lexicographic (tuple) order: this is
        # SNMP's order too, e.g. .1.2 < .1.2.0 < .1.10.
        i = bisect.bisect_right(self.oids, oid)
        return self.entries[i] if i < len(self.entries) else None


def serve(load: Callable[[], list[PassEntry]], ttl: float,
          inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    """Answer snmpd until stdin closes. `load` is re-run when older than ttl s."""
    table: Table | None = None
    loaded = 0.0
    while True:
        cmd = inp.readline()
        if not cmd:
            return
        cmd = cmd.strip().lower()
        if cmd == "ping":
            out.write("PONG\n")
        elif cmd in ("get", "getnext"):
            oid = _read_oid(inp)
            if table is None or time.monotonic() - loaded > ttl:
                table, loaded = Table(load()), time.monotonic()
            hit = None if oid is None else (
                table.get(oid) if cmd == "get" else table.getnext(oid))
            out.write("NONE\n" if hit is None else
                      f"{format_oid(hit[0])}\n{hit[1]}\n{hit[2]}\n")
        elif cmd == "set":
            inp.readline()
            inp.readline()
            out.write("not-writable\n")
        elif cmd == "":
            continue
        else:
            out.write("NONE\n")
        out.flush()


def _read_oid(inp: TextIO) -> Oid | None:
    try:
        return parse_oid(inp.readline())
    except ValueError:
        return None


def load_recording(path: str) -> list[PassEntry]:
    with open(path, encoding="utf-8") as fh:
        return [to_pass(r) for r in parse(fh)]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: passpersist RECORDING.snmprec\n")
        return 2
    path = argv[0]
    serve(lambda: load_recording(path), ttl=float("inf"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
