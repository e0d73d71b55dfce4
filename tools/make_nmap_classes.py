"""Regenerate netmap/infer/identify/data/nmap-classes.tsv.gz from nmap's OS fingerprint database.

nmap-os-db holds ~5,700 OS fingerprints; each carries one or more lines

    Class <vendor> | <OS family> | <OS generation> | <device type>

The output counts, per maker and netmap device type, the *distinct fingerprints* showing that
pair (a fingerprint with several Class lines of the same maker and type counts once), as
`vendor_key<TAB>device_type<TAB>count` lines sorted by key and type, gzip with mtime=0 so the
same database gives a byte-identical file. `netmap.infer.identify.priors` reads it as a weak
"what does this maker usually make" prior.

    python tools/make_nmap_classes.py [NMAP_OS_DB] [OUTPUT]

NMAP_OS_DB defaults to Debian's /usr/share/nmap/nmap-os-db, OUTPUT to the package data file.

Makers are filed under `priors.vendor_key` (netmap's `oui.brand`, then case, punctuation and a
trailing "Systems"/"Networks"/... dropped), the same function the lookup applies to netmap's
vendor names, so both sides always agree.

nmap device type -> netmap type (the same choices as `netmap.infer.classify.NMAP_CLASSES` where
that table has the type, except power-device, split here):

    WAP -> wireless_ap; switch -> switch; router, broadband router -> router;
    firewall -> firewall; printer, print server -> printer (a print server is how a printer
    shows on the network); storage-misc -> nas; VoIP phone, VoIP adapter -> phone (an ATA is the
    phone line's network end); PBX -> pbx; webcam -> camera (nmap files video-conferencing
    units here too); terminal -> workstation (thin clients and X terminals: a person's desk
    device).
    power-device: split by the fingerprint's description, which names the product: UPS words
    (UPS, Smart-UPS, Powerware, NoBreak) -> ups; PDU words (power distribution, PDU,
    MasterSwitch, power control) -> pdu; neither but solar, meter, energy monitoring, rack or
    environment monitor, power supply or adapter, datalogger -> other; the rest (bare network
    management cards such as "APC AOS 3.7.4", which sit in UPSes and PDUs alike, or a
    description naming both) count once for ups and once for pdu.
    phone -> other: nmap's "phone" is a mobile phone (Android, iPhone, Nokia, BlackBerry,
    Windows Phone), not a desk phone.
    media device, game console, PDA, specialized, remote management (BMCs, KVMs; netmap files
    iDRAC as other), load balancer, proxy server, security-misc, bridge, terminal server,
    telecom-misc -> other (the LibreNMS table makes the same choices for its types).
    general purpose -> left out: it names an operating system (Linux, Windows, FreeBSD, HP-UX),
    and its "vendor" is the OS's maker, not the hardware's: a Dell server running Linux is
    filed under Linux. Counting it would make every OS vendor a "server maker".

A line that is not a well-formed Class line (not four fields, an empty vendor or device type,
a Class line before any Fingerprint) or names a device type not listed here is skipped and
reported; nothing is guessed.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import command_line  # tools/, beside this script

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from netmap.infer.identify.priors import vendor_key  # noqa: E402
from netmap.model import DeviceType  # noqa: E402

T = DeviceType
DEFAULT_DB = Path("/usr/share/nmap/nmap-os-db")
DEFAULT_OUT = ROOT / "netmap" / "infer" / "identify" / "data" / "nmap-classes.tsv.gz"

# nmap device type (casefolded) -> netmap types; () = deliberately left out.
TYPES: dict[str, tuple[DeviceType, ...]] = {
    "wap": (T.WIRELESS_AP,),
    "switch": (T.SWITCH,),
    "router": (T.ROUTER,),
    "broadband router": (T.ROUTER,),
    "firewall": (T.FIREWALL,),
    "printer": (T.PRINTER,),
    "print server": (T.PRINTER,),
    "storage-misc": (T.NAS,),
    "voip phone": (T.PHONE,),
    "voip adapter": (T.PHONE,),
    "pbx": (T.PBX,),
    "webcam": (T.CAMERA,),
    "terminal": (T.WORKSTATION,),
    "power-device": (T.UPS, T.PDU),  # refined per fingerprint by power_types()
    "phone": (T.OTHER,),
    "media device": (T.OTHER,),
    "game console": (T.OTHER,),
    "pda": (T.OTHER,),
    "specialized": (T.OTHER,),
    "remote management": (T.OTHER,),
    "load balancer": (T.OTHER,),
    "proxy server": (T.OTHER,),
    "security-misc": (T.OTHER,),
    "bridge": (T.OTHER,),
    "terminal server": (T.OTHER,),
    "telecom-misc": (T.OTHER,),
    "general purpose": (),
}

_UPS = re.compile(r"\bUPS\b|Smart-UPS|Powerware|NoBreak", re.IGNORECASE)
_PDU = re.compile(r"power distribution|\bPDU|MasterSwitch|power control", re.IGNORECASE)
_OTHER_POWER = re.compile(
    r"solar|\bmeter\b|energy monitoring|rack monitor|environmental|power supply|power adapter"
    r"|datalogger",
    re.IGNORECASE,
)


def power_types(description: str) -> tuple[DeviceType, ...]:
    """The netmap types of a power-device fingerprint, from the product its description names."""
    ups, pdu = bool(_UPS.search(description)), bool(_PDU.search(description))
    if ups != pdu:
        return (T.UPS,) if ups else (T.PDU,)
    if not ups and _OTHER_POWER.search(description):
        return (T.OTHER,)
    return (T.UPS, T.PDU)


@dataclass
class Result:
    counts: Counter[tuple[str, DeviceType]] = field(default_factory=Counter)
    fingerprints: int = 0
    class_lines: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # nmap type -> Class lines
    skipped: list[str] = field(default_factory=list)  # "line N: why: text"


def parse(text: str) -> Result:
    """Count distinct fingerprints per (vendor_key, netmap type); skip what does not parse."""
    result = Result()
    description: str | None = None
    seen: set[tuple[str, DeviceType]] = set()  # pairs the current fingerprint already counted

    def skip(number: int, why: str, line: str) -> None:
        result.skipped.append(f"line {number}: {why}: {line.strip()[:100]}")

    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("Fingerprint"):
            description = line[len("Fingerprint"):].strip()
            seen = set()
            result.fingerprints += 1
            continue
        if not line.startswith("Class"):
            continue
        body = line[len("Class"):]
        if body[:1] not in (" ", "\t"):
            skip(number, "not a Class line", line)
            continue
        if description is None:
            skip(number, "Class line before any Fingerprint", line)
            continue
        fields = [f.strip() for f in body.split("|")]
        if len(fields) != 4:
            skip(number, f"{len(fields)} fields, not 4", line)
            continue
        vendor, nmap_type = fields[0], fields[3]
        if not vendor or not nmap_type:
            skip(number, "empty vendor or device type", line)
            continue
        types = TYPES.get(nmap_type.casefold())
        if types is None:
            skip(number, f"unknown device type {nmap_type!r}", line)
            continue
        key = vendor_key(vendor)
        if key is None:
            skip(number, "vendor name normalises to nothing", line)
            continue
        result.class_lines += 1
        if not types:
            result.left_out[nmap_type] += 1
            continue
        if nmap_type.casefold() == "power-device":
            types = power_types(description)
        for device_type in types:
            if (key, device_type) not in seen:
                seen.add((key, device_type))
                result.counts[key, device_type] += 1
    return result


def render(counts: Counter[tuple[str, DeviceType]]) -> bytes:
    """The table file: sorted lines, gzip with mtime=0 (byte-identical for the same counts)."""
    body = "".join(
        f"{key}\t{device_type.value}\t{count}\n"
        for (key, device_type), count in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1].value))
    )
    return gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    source, output = command_line.source_and_output(
        __doc__, argv, ("NMAP_OS_DB", DEFAULT_DB, "nmap's nmap-os-db"), DEFAULT_OUT)
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"{source}: {exc}", file=sys.stderr)
        return 1
    result = parse(text)
    if not result.counts:
        print(f"{source}: no usable Class lines, not an nmap-os-db", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(render(result.counts))
    vendors = {key for key, _ in result.counts}
    print(
        f"{output}: {len(result.counts)} (vendor, type) rows, {len(vendors)} vendors, from "
        f"{result.fingerprints} fingerprints and {result.class_lines} Class lines"
    )
    for nmap_type, n in sorted(result.left_out.items()):
        print(f"  left out by design: {n} Class lines of type {nmap_type!r}")
    print(f"  skipped: {len(result.skipped)} lines")
    for line in result.skipped:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
