"""Regenerate netmap/discover/snmp/data/enterprise-numbers.tsv.gz from the IANA registry.

The IANA "SMI Network Management Private Enterprise Codes" registry names the organisation behind
every sysObjectID enterprise number. Debian ships a copy in libwireshark-data
(/usr/share/wireshark/enterprises.tsv); the raw IANA text file (number line, then the name indented
on the next line) is read too. The output keeps "<number>\t<registrant>" with the registrant as
IANA spells it; netmap shortens it to a brand when it loads the table.

    python tools/make_enterprises.py [SOURCE] [OUTPUT]
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import command_line  # tools/, beside this script

DEFAULT_SOURCE = Path("/usr/share/wireshark/enterprises.tsv")
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "netmap/discover/snmp/data/enterprise-numbers.tsv.gz"


def parse(text: str) -> dict[int, str]:
    """Both formats: wireshark's "<n><tab><name>  # comment" and IANA's "<n>\\n  <name>\\n ..."."""
    table: dict[int, str] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        tsv = re.match(r"^(\d+)\s+([^#\s].*?)\s*(?:#.*)?$", line)
        if tsv:
            table[int(tsv.group(1))] = tsv.group(2)
        elif line.isdigit() and i + 1 < len(lines) and lines[i + 1].startswith("  "):
            table[int(line)] = lines[i + 1].strip()
    return {n: name for n, name in table.items() if name and name.casefold() != "reserved"}


def main(argv: list[str]) -> int:
    source, output = command_line.source_and_output(
        __doc__, argv, ("SOURCE", DEFAULT_SOURCE, "the IANA registry, TSV or raw text"), DEFAULT_OUTPUT)
    table = parse(source.read_text(encoding="utf-8", errors="replace"))
    if len(table) < 10000:
        print(f"{source}: only {len(table)} entries, not the IANA registry", file=sys.stderr)
        return 1
    body = "".join(f"{n}\t{name}\n" for n, name in sorted(table.items()))
    output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same registry gives a byte-identical file
    output.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{output}: {len(table)} enterprise numbers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
