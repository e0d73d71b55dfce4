"""Regenerate netmap/infer/identify/data/nmap-os-names.tsv: the operating systems nmap names.

Every `cpe:/o:<vendor>:<product>` that nmap's service database (`nmap-service-probes`, match
lines) or its OS fingerprint database (`nmap-os-db`, CPE lines) writes is an operating system
nmap's maintainers have named. netmap uses the list to tell an OS name in a server's own words
from any other word there: Apache writes its platform in brackets ("Apache/2.4.6 (CentOS)"),
OpenSSH's match lines write the distribution first ("Ubuntu Linux; protocol 2.0").

The output is `vendor<TAB>product` lines, sorted and unique, with versions dropped and CPE 2.2's
%-escapes decoded ("z%2fos" is z/os), so the same databases give a byte-identical file. A CPE
that does not parse is reported, not guessed.

    python tools/make_nmap_os_names.py [NMAP_DIR] [OUTPUT]

NMAP_DIR defaults to Debian's /usr/share/nmap, OUTPUT to the package data file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote

import command_line  # tools/, beside this script

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path("/usr/share/nmap")
DEFAULT_OUT = ROOT / "netmap" / "infer" / "identify" / "data" / "nmap-os-names.tsv"
SOURCES = ("nmap-service-probes", "nmap-os-db")
_CPE = re.compile(r"cpe:/o:([^\s/:]*)(?::([^\s/:]*))?")
_PART = re.compile(r"[a-z0-9][a-z0-9_.\-/+~!]*")


def os_names(text: str) -> tuple[set[str], list[str]]:
    """(vendor:product pairs, what was skipped) from one database's text."""
    found: set[str] = set()
    skipped: list[str] = []
    for m in _CPE.finditer(text):
        vendor, product = unquote(m.group(1)), unquote(m.group(2) or "")
        if "$" in vendor or "$" in product:  # filled from the banner at scan time
            continue
        if not _PART.fullmatch(vendor) or not _PART.fullmatch(product):
            skipped.append(m.group(0))
            continue
        found.add(f"{vendor}\t{product}")
    return found, skipped


def main(argv: list[str]) -> int:
    folder, out = command_line.source_and_output(
        __doc__, argv, ("NMAP_DIR", DEFAULT_DIR, "nmap's data directory"), DEFAULT_OUT)
    names: set[str] = set()
    for source in SOURCES:
        path = folder / source
        if not path.exists():
            print(f"{path}: missing", file=sys.stderr)
            return 1
        found, skipped = os_names(path.read_text(encoding="utf-8", errors="replace"))
        names |= found
        print(f"{source}: {len(found)} operating systems; skipped {len(skipped)}")
        for cpe in sorted(set(skipped))[:20]:
            print(f"  skipped {cpe}")
    header = f"# operating systems named by nmap's {' and '.join(SOURCES)}: cpe:/o:vendor:product\n"
    out.write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"wrote {len(names)} to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
