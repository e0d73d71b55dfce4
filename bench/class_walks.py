"""Device class on walks filed by class, from a source independent of LibreNMS.

`snmpsim-data` (BSD-2-Clause, the snmpsim project's collection of SNMP dumps of real devices,
installed from the package registry by `make bench`) files each walk under the kind of device
it came from: network/switch, network/router, network/firewall, network/wifi, UPS, camera,
storage, os/linux, os/windows. None of these walks was used to write netmap's rules, so this is a
held-out measure, and router and switch are told apart here (LibreNMS's "network" accepts
either). Each walk is read by netmap's real getters over an in-memory walker (no UDP), identified,
and its SNMP type vote scored against its folder:

    network/switch -> switch          network/router -> router      network/firewall -> firewall
    network/wifi -> wireless_ap or wireless_controller
    UPS -> ups or pdu (the folder holds a switched PDU)
    camera -> camera                  storage -> nas or backup      os/* -> server or workstation

Other folders (network/appliance, bmc, cloud, iot, unclassified) name no one class: their walks
are listed, not scored. Also counted: wrong types at confidence >= 0.6 (goal 0). A few folder
labels are contradicted by the walk's own words (DISPUTED, each with those words): the headline
scores them by their folder all the same, and a second line gives the figures without them and
scored by their words.

    .venv/bin/python bench/class_walks.py [--no-write] [--all]
"""

from __future__ import annotations

import argparse
import asyncio
import bz2
import importlib.util
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import snmp_accuracy as accuracy  # noqa: E402

from netmap.discover.snmp.snmprec import SnmprecWalker, load_snmprec  # noqa: E402
from netmap.infer.classify_snmp import snmp_type_hint  # noqa: E402
from netmap.model import DeviceType  # noqa: E402

T = DeviceType
RESULTS = Path(__file__).parent / "results" / "class_walks.txt"
FOLDERS: dict[str, set[DeviceType]] = {
    "network/switch": {T.SWITCH},
    "network/router": {T.ROUTER},
    "network/firewall": {T.FIREWALL},
    "network/wifi": {T.WIRELESS_AP, T.WIRELESS_CONTROLLER},
    "UPS": {T.UPS, T.PDU},
    "camera": {T.CAMERA},
    "storage": {T.NAS, T.BACKUP},
    "os/linux": {T.SERVER, T.WORKSTATION},
    "os/windows": {T.SERVER, T.WORKSTATION},
}

# Folder labels that the walk's own words contradict. The headline scores every walk against its
# folder; these are listed beside it, each with what the walk itself says, and a second figure
# scores them against those words. Kept short on purpose: only a walk whose sysObjectID, system
# group or ENTITY-MIB names its kind, never netmap's opinion of it.
DISPUTED: dict[str, tuple[set[DeviceType], str]] = {
    "network/router/cisco-unmarked-0": (
        {T.SWITCH}, "sysObjectID CISCO-PRODUCTS-MIB::catalyst355024 (a Catalyst 3550-24); "
        "sysServices 2, layer 2 only"),
    "network/router/brocade-unknown-001": (
        {T.SWITCH}, "sysObjectID 1.3.6.1.4.1.1588.2.1.1.1, SW-MIB's sw under fcSwitch (Brocade "
        "Fabric OS): a Fibre Channel switch"),
    "os/linux/netmanage": (
        {T.SWITCH}, "ENTITY-MIB 'H3C E528 Software Version Release 1513P62': an H3C switch, "
        "sysDescr 'Dummy System'"),
    "UPS/juniper-ac": (
        {T.WIRELESS_CONTROLLER, T.WIRELESS_AP}, "sysObjectID of Trapeze Networks (Juniper's "
        "WLAN line) and 1.8 million rows of its WLAN MIB, no UPS-MIB: a wireless (access) "
        "controller, its 'AC' read as alternating current"),
}


@dataclass
class Walk:
    folder: str
    name: str
    got: DeviceType
    confidence: float
    vendor: str | None
    model: str | None
    why: str
    bad_lines: int = 0  # lines of the walk that do not decode (left out)

    @property
    def scored(self) -> bool:
        return self.folder in FOLDERS

    @property
    def right(self) -> bool:
        return self.got in FOLDERS.get(self.folder, set())

    @property
    def disputed(self) -> tuple[set[DeviceType], str] | None:
        return DISPUTED.get(f"{self.folder}/{self.name}")

    @property
    def right_by_its_words(self) -> bool:
        """Scored against what the walk says it is, where its folder label is disputed."""
        return self.got in self.disputed[0] if self.disputed else self.right


def data_dir() -> Path | None:
    spec = importlib.util.find_spec("snmpsim_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if path.is_dir() else None


def _plain(path: Path, scratch: Path) -> Path:
    """The walk as a plain .snmprec file (most are shipped bz2-compressed)."""
    if path.suffix != ".bz2":
        return path
    out = scratch / path.name.removesuffix(".bz2")
    out.write_bytes(bz2.decompress(path.read_bytes()))
    return out


async def identify(path: Path, folder: str, scratch: Path) -> Walk:
    name = path.name.split(".snmprec")[0]
    skipped: list[str] = []
    try:
        walker = SnmprecWalker(load_snmprec(_plain(path, scratch), skipped))
        record = await accuracy.identified_over(walker, name)
    except Exception as exc:  # a walk that cannot be read is a miss, not a crash
        return Walk(folder, name, T.UNKNOWN, 0.0, None, None, f"{type(exc).__name__}: {exc}")
    dtype, confidence, why = snmp_type_hint(record)
    facts = record.facts
    return Walk(folder, name, dtype, confidence, facts.vendor if facts else None,
                facts.model if facts else None, "; ".join(why[:2]), len(skipped))


async def run(data: Path) -> list[Walk]:
    walks = sorted(p for p in data.rglob("*") if ".snmprec" in p.name)
    with tempfile.TemporaryDirectory() as tmp:
        return [await identify(p, str(p.parent.relative_to(data)), Path(tmp)) for p in walks]


def _band(confidence: float) -> int:
    """Confidence band 0..4 (0.0-0.2 ... 0.8-1.0), as snmp_accuracy.py counts them."""
    return min(int(confidence * 5), 4)


def report(walks: list[Walk], elapsed: float, show_all: bool) -> str:
    scored = [w for w in walks if w.scored]
    right = sum(w.right for w in scored)
    wrong_confident = [w for w in scored if not w.right and w.confidence >= accuracy.CONFIDENT]
    lines = [
        f"netmap device class on snmpsim-data walks filed by class ({len(walks)} walks, "
        f"{len(scored)} scored, {elapsed:.0f} s)",
        "",
        f"class: {right}/{len(scored)} ({100 * right / max(len(scored), 1):.1f}%), goal 90%",
        f"wrong type with confidence >= {accuracy.CONFIDENT}: {len(wrong_confident)}",
    ]
    per = Counter((w.folder, w.right) for w in scored)
    lines.append("by folder: " + "; ".join(
        f"{f} {per[(f, True)]}/{per[(f, True)] + per[(f, False)]}" for f in FOLDERS))
    lines.append("type accuracy by confidence: " + "; ".join(
        f"{k / 5:.1f}-{(k + 1) / 5:.1f}: {sum(w.right for w in band)}/{len(band)}"
        for k in range(5) if (band := [w for w in scored if _band(w.confidence) == k])))
    unknown = sum(w.got is T.UNKNOWN for w in scored if not w.right)
    lines.append(f"of the {len(scored) - right} misses, {unknown} are 'unknown'")
    named = (sum(w.vendor is not None for w in walks), sum(w.model is not None for w in walks))
    lines.append(f"vendor named for {named[0]} of {len(walks)} walks, model for {named[1]} "
                 "(not scored: the walks come with no expected values)")
    lines += _audit(scored)
    bad = [w for w in walks if w.bad_lines]
    lines.append(f"walks with lines that do not decode (left out): {len(bad)}"
                 + (" (" + ", ".join(f"{w.name} {w.bad_lines}" for w in bad) + ")" if bad else ""))
    lines += ["", "Misses:" if not show_all else "Every walk:"]
    for w in walks:
        if show_all or (w.scored and not w.right):
            mark = "" if not w.scored else ("ok   " if w.right else "MISS ")
            lines.append(f"  {mark}{w.folder}/{w.name}: {w.got.value} {w.confidence:.2f} "
                         f"({w.vendor} {w.model}) {w.why[:110]}")
    return "\n".join(lines) + "\n"


def _audit(scored: list[Walk]) -> list[str]:
    """The disputed folder labels, and the figures without them and with them read so."""
    disputed = [w for w in scored if w.disputed]
    if not disputed:
        return []
    kept = [w for w in scored if not w.disputed]
    by_words = sum(w.right_by_its_words for w in scored)
    lines = [
        f"folder labels the walk's own words dispute: {len(disputed)} (the headline keeps them); "
        f"without them {_share(sum(w.right for w in kept), len(kept))}, scored by their words "
        f"{_share(by_words, len(scored))}",
    ]
    for w in disputed:
        types, words = w.disputed or (set(), "")
        lines.append(f"  {w.folder}/{w.name}: {words}; netmap {w.got.value} "
                     f"{w.confidence:.2f} ({'right' if w.got in types else 'wrong'} by its words)")
    return lines


def _share(ok: int, total: int) -> str:
    return f"{ok}/{total} ({100 * ok / max(total, 1):.1f}%)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="don't write bench/results")
    parser.add_argument("--all", action="store_true", help="list every walk, not only misses")
    args = parser.parse_args(argv)
    data = data_dir()
    if data is None:
        print("skipped: snmpsim-data is not installed (make bench installs it)")
        return 0
    started = time.monotonic()
    walks = asyncio.run(run(data))
    text = report(walks, time.monotonic() - started, args.all)
    print(text, end="")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
