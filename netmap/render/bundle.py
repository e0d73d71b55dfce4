"""Every deliverable of one scan, and the RFP bundle (one zip a vendor can be sent).

    render_all(inv, out_dir, formats=None, redact=False) -> list of written paths

Formats: svg png pdf (the schematic), drawio graphml vsdx (editable), xlsx csv (inventory),
html summary-pdf (the one-page summary), bundle (the zip). Aliases: "diagram", "summary",
"inventory", "editable", "zip". None means all. With redact=True the inventory first goes
through redact.redact() - one code path for every format - and everything is written to
out_dir/redacted/ so it can never be confused with the internal copy.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from netmap.model import Inventory
from netmap.render.diagram import DIAGRAM_FORMATS, editable_layouts, render_diagram
from netmap.render.drawio import render_drawio
from netmap.render.graphml import render_graphml
from netmap.render.inventory import render_csvs, render_workbook
from netmap.render.redact import redact as redact_inventory
from netmap.render.sanitize import safe_filename
from netmap.render.scene import sites
from netmap.render.summary import render_summary_html, render_summary_pdf
from netmap.render.vsdx import render_vsdx

FORMATS = frozenset(
    {
        "svg",
        "png",
        "pdf",
        "drawio",
        "graphml",
        "vsdx",
        "xlsx",
        "csv",
        "html",
        "summary-pdf",
        "bundle",
    }
)
ALIASES: dict[str, frozenset[str]] = {
    "diagram": frozenset(DIAGRAM_FORMATS),
    "summary": frozenset({"html", "summary-pdf"}),
    "inventory": frozenset({"xlsx", "csv"}),
    "editable": frozenset({"drawio", "graphml", "vsdx"}),
    "zip": frozenset({"bundle"}),
    "rfp": frozenset({"bundle"}),
}
# What the RFP zip holds (and so what "bundle" renders first).
BUNDLE_PARTS = frozenset(
    {"svg", "pdf", "drawio", "graphml", "vsdx", "xlsx", "csv", "html", "summary-pdf"}
)
DIAGRAM_STEM = "network"


def resolve_formats(formats: Iterable[str] | None) -> set[str]:
    """Canonical format names; raises ValueError naming anything unknown."""
    if formats is None:
        return set(FORMATS)
    out: set[str] = set()
    unknown: list[str] = []
    for raw in formats:
        name = raw.strip().lower().lstrip(".")
        if name in FORMATS:
            out.add(name)
        elif name in ALIASES:
            out |= ALIASES[name]
        elif name:
            unknown.append(raw)
    if unknown:
        known = ", ".join(sorted(FORMATS | ALIASES.keys()))
        raise ValueError(f"unknown output format(s): {', '.join(unknown)} (known: {known})")
    if "bundle" in out:
        out |= BUNDLE_PARTS
    return out


def render_all(
    inv: Inventory, out_dir: Path, formats: set[str] | None = None, redact: bool = False
) -> list[Path]:
    """Write the requested deliverables of `inv` under out_dir; return the paths written."""
    wanted = resolve_formats(formats)
    if redact:
        inv = redact_inventory(inv)
        out_dir = out_dir / "redacted"
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    diagram_formats = tuple(f for f in DIAGRAM_FORMATS if f in wanted)
    if diagram_formats:
        written += render_diagram(inv, out_dir, stem=DIAGRAM_STEM, formats=diagram_formats)
    # the draw.io and Visio files carry the same pages: laid out once for both
    pages = editable_layouts(inv) if {"drawio", "vsdx"} <= wanted else None
    single: list[tuple[str, str, Callable[[Inventory, Path], Path]]] = [
        ("drawio", f"{DIAGRAM_STEM}.drawio", partial(render_drawio, pages=pages)),
        ("graphml", f"{DIAGRAM_STEM}.graphml", render_graphml),
        ("vsdx", f"{DIAGRAM_STEM}.vsdx", partial(render_vsdx, pages=pages)),
        ("xlsx", "inventory.xlsx", render_workbook),
        ("html", "summary.html", render_summary_html),
        ("summary-pdf", "summary.pdf", render_summary_pdf),
    ]
    for fmt, name, render in single:
        if fmt in wanted:
            written.append(render(inv, out_dir / name))
    if "csv" in wanted:
        written += render_csvs(inv, out_dir)
    if "bundle" in wanted:
        written.append(write_bundle(inv, out_dir, written, redacted=redact))
    return written


def bundle_name(inv: Inventory, redacted: bool) -> str:
    suffix = "-redacted" if redacted else ""
    return f"rfp-bundle-{safe_filename(inv.scan_id, default='scan')}{suffix}.zip"


def write_bundle(inv: Inventory, out_dir: Path, files: list[Path], *, redacted: bool) -> Path:
    """The RFP zip: diagram (PDF, SVG), workbook and CSVs, editable exports, summary."""
    keep = {".pdf", ".svg", ".xlsx", ".csv", ".drawio", ".graphml", ".vsdx", ".html"}
    parts = sorted({p for p in files if p.suffix in keep and p.exists()}, key=lambda p: p.name)
    path = out_dir / bundle_name(inv, redacted)
    stamp = inv.scanned_at.timetuple()[:6]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("README.txt", date_time=stamp), _readme(inv, parts, redacted))
        for p in parts:
            info = zipfile.ZipInfo(p.name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, p.read_bytes())
    return path


_DESCRIPTIONS = {
    "summary.html": "One-page summary for non-specialists (open in a browser).",
    "summary.pdf": "The same summary as PDF.",
    "inventory.xlsx": "Inventory workbook: devices, software, services, ports, links, subnets, "
    "items needing attention, and the evidence behind each device. Prints landscape at a "
    "readable size; a wide sheet takes pages across, the device's name on each.",
    f"{DIAGRAM_STEM}.pdf": "Network diagram (all sites), as one large-format sheet; the "
    "physical-view pages print on A3.",
    f"{DIAGRAM_STEM}.svg": "Network diagram (all sites), scalable, opens in any browser.",
    f"{DIAGRAM_STEM}.drawio": "Editable diagram for draw.io / diagrams.net.",
    f"{DIAGRAM_STEM}.vsdx": "Editable diagram for Microsoft Visio.",
    f"{DIAGRAM_STEM}.graphml": "The network as a graph, for yEd or Gephi.",
}


def _readme(inv: Inventory, parts: list[Path], redacted: bool) -> str:
    lines = [
        f"Network documentation - scan {inv.scan_id} of {inv.scanned_at:%Y-%m-%d %H:%M} UTC",
        "Produced by netmap from an automated network scan.",
        "",
    ]
    if redacted:
        lines += [
            "REDACTED COPY: serial numbers, MAC addresses and SNMP credential names are removed;",
            "internal addresses are replaced by labels ('Subnet B host 7'), consistently in all files.",
            "",
        ]
    lines.append("Contents:")
    for p in parts:
        desc = _DESCRIPTIONS.get(p.name) or _page_description(p.name, sites(inv))
        if p.suffix == ".csv":
            desc = "Table export (UTF-8 CSV) for spreadsheets and databases."
        lines.append(f"  {p.name:<40} {desc}")
    return "\r\n".join(lines) + "\r\n"


# The diagram's page files, as diagram.pages() names them: network-logical,
# network-site<N>-<site>, network-physical[-site<N>-<site>][-p<k>]
_PAGE = re.compile(rf"^{DIAGRAM_STEM}-(?:(?P<logical>logical)|site(?P<site>\d+)-.+?|physical"
                   r"(?:-site(?P<physical>\d+)-.+?)?(?:-p(?P<part>\d+))?)\.\w+$")  # fmt: skip


def _page_description(name: str, site_names: list[str]) -> str:
    """What one page file of the diagram shows, from its name (site N is site_names[N-1])."""
    found = _PAGE.match(name)
    if found is None:
        return ""

    def site(number: str | None) -> str:
        n = int(number or 0)
        return site_names[n - 1] if 0 < n <= len(site_names) else "the network"

    if found["logical"]:
        return "Logical view: subnets, their gateways, the internet uplink and key systems."
    if found["site"]:
        return f"Map of {site(found['site'])}: its devices and links."
    part = f" (part {found['part']})" if found["part"] else ""
    return (f"Physical view of {site(found['physical'])}{part}: each device on its switch "
            "port; prints on A3.")
