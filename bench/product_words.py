"""The type vocabulary on product names that nmap's maintainers filed by device type.

netmap names a device's type partly from words: an SNMP sysDescr or model, a registered product
name, nmap's service banners and OS names, LLDP descriptions. All of them go through one
vocabulary, `netmap/infer/identify/data/type-keywords.toml`. This benchmark scores that
vocabulary on a labelled set that nobody here wrote: the `match` lines of nmap's
`nmap-service-probes` that carry both a product (`p/.../`, with its `i/.../` detail) and a device
type (`d/.../`): about 2,000 distinct products from hundreds of makers.

Each product text gets the vocabulary's strongest vote. It is scored against nmap's device type,
mapped to netmap's types as netmap maps it from a scan (`NMAP_CLASSES`):

* right: the same type, or a type netmap has no finer word for. nmap files a home wireless
  router as "WAP" or as "broadband router" from one product line to the next, so for those two
  labels router and access point are both right. netmap has no type for a VoIP adapter or a
  VoIP gateway, and maps nmap's "VoIP adapter" to phone: phone and PBX are both right for it.
  "storage-misc" holds NAS boxes and tape autoloaders alike: NAS and backup are both right
  (as `snmp_accuracy.py` maps LibreNMS's "storage"). "strict" counts only netmap's own mapping;
* wrong, and confidently wrong: wrong with a vote of 0.6 or more (goal 0);
* silent: no word of the vocabulary in the text (not wrong: other evidence decides).

Words are added to the vocabulary by hand, looking at misses. So that the figure is not only
measured on what was looked at, the makers are split in two halves by a hash of the product's
first word: `--misses` lists the misses of the "tuning" half only, and the "held-out" half is
reported beside it.

    .venv/bin/python bench/product_words.py [--misses] [--no-write]
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.infer.classify import NMAP_CLASSES  # noqa: E402
from netmap.infer.identify.keywords import keyword_votes  # noqa: E402
from netmap.model import DeviceType  # noqa: E402

PROBES = Path("/usr/share/nmap/nmap-service-probes")
RESULTS = Path(__file__).parent / "results" / "product_words.txt"
CONFIDENT = 0.6
T = DeviceType
# nmap's labels that cover more than one netmap type: a home wireless router is filed as "WAP"
# or "broadband router" from one product line to the next; netmap has no type for VoIP adapters
# and gateways; "storage-misc" holds NAS boxes and tape autoloaders
ALSO_RIGHT: dict[str, frozenset[DeviceType]] = {
    "wap": frozenset({T.ROUTER, T.WIRELESS_AP}),
    "broadband router": frozenset({T.ROUTER, T.WIRELESS_AP}),
    "voip adapter": frozenset({T.PHONE, T.PBX}),
    "storage-misc": frozenset({T.NAS, T.BACKUP}),
}
# one field of a match line: p/product/, i/info/, d/type/ (nmap allows any delimiter)
_FIELD = re.compile(r"\s([pid])([/|%=@#])(.*?)\2")


@dataclass(frozen=True)
class Product:
    text: str
    label: str
    want: DeviceType


@dataclass(frozen=True)
class Outcome:
    product: Product
    got: DeviceType | None
    weight: float
    held_out: bool

    @property
    def right(self) -> bool:
        return self.got is not None and (
            self.got is self.product.want or self.got in ALSO_RIGHT.get(self.product.label, ()))

    @property
    def strict(self) -> bool:
        return self.got is self.product.want


def products(path: Path = PROBES) -> list[Product]:
    """Every distinct (product text, device type) of the match lines that have both."""
    found: set[Product] = set()
    for line in path.read_text("latin-1").splitlines():
        if not line.startswith(("match ", "softmatch ")):
            continue
        fields = {m.group(1): m.group(3) for m in _FIELD.finditer(line)}
        label = fields.get("d", "").strip().lower()
        want = NMAP_CLASSES.get(label)
        # "$1" and the like are filled from the banner at scan time: leave them out
        text = re.sub(r"\$\w+|\$SUBST\([^)]*\)", " ", " ".join(
            fields[k] for k in ("p", "i") if k in fields))
        text = " ".join(text.split())
        if want is not None and len(re.sub(r"\W", "", text)) >= 3:
            found.add(Product(text, label, want))
    return sorted(found, key=lambda p: (p.text, p.label))


def held_out(product: Product) -> bool:
    """The half of the makers never looked at while choosing words (by the first word)."""
    return held_out_text(product.text)


def held_out_text(text: str) -> bool:
    first = text.split()[0].casefold()
    return zlib.crc32(first.encode()) % 2 == 1


def judge(product: Product) -> Outcome:
    best: dict[DeviceType, float] = {}
    for vote in keyword_votes(product.text, "product", snmp=False):  # read as a banner is
        best[vote.type] = max(best.get(vote.type, 0.0), vote.weight)
    if not best:
        return Outcome(product, None, 0.0, held_out(product))
    got, weight = max(best.items(), key=lambda tw: (tw[1], tw[0].value))
    return Outcome(product, got, weight, held_out(product))


def summary(outcomes: list[Outcome], name: str) -> str:
    named = [o for o in outcomes if o.got is not None]
    right = sum(o.right for o in named)
    strict = sum(o.strict for o in named)
    confident = sum(1 for o in named if not o.right and o.weight >= CONFIDENT)
    share = f"{100 * right / len(named):.1f}%" if named else "-"
    return (f"{name:<9} {len(outcomes):>6} {len(named):>6} {right:>6} {share:>9} "
            f"{strict:>7} {len(named) - right:>6} {confident:>10}")


def report(outcomes: list[Outcome], misses: bool) -> list[str]:
    lines = [
        f"netmap type vocabulary on nmap-service-probes products filed by device type "
        f"({len(outcomes)} products)",
        "",
        f"{'half':<9} {'total':>6} {'named':>6} {'right':>6} {'of named':>9} {'strict':>7} "
        f"{'wrong':>6} {'wrong>=0.6':>10}",
        summary(outcomes, "all"),
        summary([o for o in outcomes if not o.held_out], "tuning"),
        summary([o for o in outcomes if o.held_out], "held-out"),
        "",
        "Wrong, by (nmap's type -> the vocabulary's):",
    ]
    wrong = Counter((o.product.want.value, o.got.value) for o in outcomes
                    if o.got is not None and not o.right)
    lines += [f"  {want} -> {got}: {count}" for (want, got), count in wrong.most_common()]
    if misses:
        lines += ["", "Misses of the tuning half:"]
        lines += [f"  MISS {o.product.label} -> {o.got.value} {o.weight:.2f}: {o.product.text}"
                  for o in outcomes if o.got is not None and not o.right and not o.held_out]
    return lines


def run_on_probes(doc: str, results: Path, misses_help: str,
                  report_lines: Callable[[bool], list[str]], argv: list[str] | None) -> int:
    """The command line of a benchmark over nmap's match lines: skipped without nmap; prints
    its report and writes it to `results`, unless asked not to or asked for the misses."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help=misses_help)
    parser.add_argument("--no-write", action="store_true", help="don't write bench/results")
    args = parser.parse_args(argv)
    if not PROBES.exists():
        print(f"skipped: {PROBES} not found (install nmap)")
        return 0
    lines = report_lines(args.misses)
    print("\n".join(lines))
    if not args.no_write and not args.misses:
        results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_on_probes(__doc__ or "", RESULTS, "list the tuning half's misses",
                         lambda misses: report([judge(p) for p in products()], misses), argv)


if __name__ == "__main__":
    sys.exit(main())
