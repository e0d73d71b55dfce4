"""A model read from nmap's product text, checked against the hardware CPEs nmap's maintainers wrote.

Where a banner's match line names no hardware CPE, netmap reads the model from the product text
nmap fills in ("SHARP MX-3070N printer ftpd" gives MX-3070N: `cpe.product_model`). This
benchmark scores that rule on the match lines that carry both a device type and a fixed hardware
CPE naming a model: the CPE is the answer, the rule reads only the product text.

* named: lines where the rule names a model; agree: it is the CPE's model (ignoring case,
  spaces and hyphens, or one containing the other: "DX800A" for `gigaset_dx800`);
* extra: lines with a device type and no hardware CPE where the rule names a model: what the
  rule adds in a scan.

The rule's exclusions (ranges, alternatives, protocol names) were chosen after reading its
disagreements and a sample of the extra lines, from both halves. The makers are still split in
two by a hash of the product's first word (as `product_words.py` does), and the halves are
reported apart.

    .venv/bin/python bench/product_models.py [--misses] [--no-write]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from product_words import PROBES, held_out_text, run_on_probes  # noqa: E402

from netmap.infer.identify.cpe import hardware_of, product_model  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "product_models.txt"
# one field of a match line (nmap allows any delimiter), and its fixed hardware CPEs
_FIELD = re.compile(r"\s([pid])([/|%=@#])(.*?)\2")
_HARDWARE = re.compile(r"cpe:/(h:[^\s$]+?)(?:/a?)?(?=\s|$)")


@dataclass(frozen=True)
class Line:
    product: str
    devicetype: str
    want: str | None  # the hardware CPE's model; None where no fixed hardware CPE names one
    got: str | None
    held_out: bool

    @property
    def agrees(self) -> bool:
        return self.got is not None and self.want is not None and (
            _norm(self.got) in _norm(self.want) or _norm(self.want) in _norm(self.got))


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-+]|%2[bd]", "", text.casefold())


def lines(path: Path = PROBES) -> list[Line]:
    found: set[Line] = set()
    for raw in path.read_text("latin-1").splitlines():
        if not raw.startswith(("match ", "softmatch ")):
            continue
        fields = {m.group(1): m.group(3) for m in _FIELD.finditer(raw)}
        product, devicetype = fields.get("p", ""), fields.get("d", "")
        if not product or not devicetype or "$" in product:
            continue  # filled from the banner at scan time: nothing to check it against
        cpes = [f"cpe:/{c}" for c in _HARDWARE.findall(raw) if "$" not in c]
        hardware = hardware_of(cpes, f"{product} {fields.get('i', '')}") if cpes else None
        want = hardware.model if hardware else None
        if cpes and want is None:
            continue  # a CPE that names a product line, not a model: no answer either way
        found.add(Line(product, devicetype, want, product_model(product, devicetype),
                       held_out_text(product)))
    return sorted(found, key=lambda x: (x.product, x.devicetype))


def summary(rows: list[Line], name: str) -> str:
    checked = [r for r in rows if r.want is not None]
    named = [r for r in checked if r.got is not None]
    agree = sum(r.agrees for r in named)
    share = f"{100 * agree / len(named):.1f}%" if named else "-"
    extra = sum(1 for r in rows if r.want is None and r.got is not None)
    others = sum(1 for r in rows if r.want is None)
    return (f"{name:<9} {len(checked):>8} {len(named):>6} {agree:>6} {share:>7} "
            f"{len(named) - agree:>9} {extra:>6} of {others}")


def report(rows: list[Line], misses: bool) -> list[str]:
    out = [f"netmap model from nmap's product text, against nmap's hardware CPEs "
           f"({len(rows)} device-typed products)", "",
           f"{'half':<9} {'with CPE':>8} {'named':>6} {'agree':>6} {'share':>7} "
           f"{'disagree':>9} {'extra (no CPE)':>16}",
           summary(rows, "all"),
           summary([r for r in rows if not r.held_out], "tuning"),
           summary([r for r in rows if r.held_out], "held-out")]
    if misses:
        out += ["", "Disagreements:"]
        out += [f"  {r.product!r}: CPE {r.want!r}, rule {r.got!r}" for r in rows
                if r.want is not None and r.got is not None and not r.agrees]
    return out


def main(argv: list[str] | None = None) -> int:
    return run_on_probes(__doc__ or "", RESULTS, "list the disagreements",
                         lambda misses: report(lines(), misses), argv)


if __name__ == "__main__":
    sys.exit(main())
