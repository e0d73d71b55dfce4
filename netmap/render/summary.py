"""The one-page summary a council member can read: HTML, and PDF through Graphviz.

Plain sentences and a few short tables: what was found, where the Internet comes in, who
handles e-mail, telephones and backups, and what needs attention. The HTML is static (no
script, a Content-Security-Policy that forbids loading anything), every value escaped.
The PDF is the same content as one Graphviz HTML-table node, rendered by cairo.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from netmap.model import DeviceType, Inventory, LinkConfidence
from netmap.render.inventory import (
    EVIDENCE,
    attention_table,
    coverage,
    key_systems,
    partial_note,
    uplink_facts,
)
from netmap.render.sanitize import dot_html, html_text
from netmap.render.scene import between_devices, device_title, sites, type_word

TIMEOUT_S = 60


@dataclass
class Section:
    title: str
    intro: str
    rows: list[tuple[str, str]]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_sections(inv: Inventory) -> list[Section]:
    facts = dict(coverage(inv))
    n = len(inv.devices)
    named_sites = sites(inv)
    by_type = Counter(d.type for d in inv.devices)
    where = f"at {_plural(len(named_sites), 'site')}" if named_sites else "on the scanned networks"
    intro = (
        f"This scan found {_plural(n, 'device')} {where}. "
        f"{facts['Devices with an identified type']} of them could be identified; "
        f"{facts['Devices placed on a switch port or link']} could be placed on the network map."
    )
    if inv.scan_state != "complete":
        intro = partial_note(inv) + " " + intro
    kinds = [(_upper_first(type_word(t, c)), str(c)) for t, c in by_type.most_common()]
    sections = [Section("What is on the network", intro, kinds)]
    if len(named_sites) > 1:
        per_site = Counter(d.site or "(no site)" for d in inv.devices)
        sections.append(
            Section(
                "Sites", "Devices per site.", [(s, str(c)) for s, c in sorted(per_site.items())]
            )
        )
    uplink = [(k, str(v)) for k, v in uplink_facts(inv) if v is not None]
    sections.append(
        Section("Internet connection", "Where the network reaches the Internet.", uplink)
    )
    systems = key_systems(inv)
    for title, words in (
        ("E-mail systems", "e-mail"),
        ("Telephony", "telephone"),
        ("Backup systems", "backup"),
        ("Directory (sign-in)", "directory"),
    ):
        rows = systems[title]
        text = (
            "Identified by the scan:"
            if rows
            else f"No {words} system was identified by the scan (it may be hosted outside)."
        )
        sections.append(Section(title, text, rows))
    sections.append(_service_levels(inv))
    sections.append(_attention(inv))
    sections.append(_confidence(inv))
    return sections


SLA_NAMED = 8  # systems named per tier; the count is always whole
_NAMED_FIRST = {t: i for i, t in enumerate([
    DeviceType.FIREWALL, DeviceType.ROUTER, DeviceType.SWITCH, DeviceType.PBX, DeviceType.SERVER,
    DeviceType.NAS, DeviceType.BACKUP, DeviceType.WIRELESS_CONTROLLER, DeviceType.UPS])}


def _service_levels(inv: Inventory) -> Section:
    """The table a council member signs off: each tier, its response time, and its systems."""
    rows = []
    for tier in inv.sla_tiers:
        # the network's own boxes and the shared systems first: what "critical" rests on
        ranked = sorted((d for d in inv.devices if d.sla_tier == tier.name),
                        key=lambda d: (_NAMED_FIRST.get(d.type, len(_NAMED_FIRST)),
                                       device_title(d).lower()))  # fmt: skip
        members = [device_title(d) for d in ranked]
        more = len(members) - SLA_NAMED
        named = ", ".join(members[:SLA_NAMED]) + (f" and {more} more" if more > 0 else "")
        rows.append((f"{_upper_first(tier.name)}: response within {tier.response}",
                     f"{_plural(len(members), 'system')}" + (f": {named}" if members else "")))  # fmt: skip
    intro = ("The response time the provider owes each system, by the default rules or this "
             "city's overrides; the workbook's SLA sheet lists every system and why.")  # fmt: skip
    return Section("Service levels (for the statement of work)", intro, rows)


def _attention(inv: Inventory) -> Section:
    table = attention_table(inv)
    topics = Counter(str(row[0]) for row in table.rows)
    observed = sum(1 for row in table.rows if row[4] == EVIDENCE)
    intro = (
        f"{_plural(len(table.rows), 'item')} to look at ({observed} observed, "
        f"{len(table.rows) - observed} inferred); details in the workbook, sheet 'Needs attention'."
        if table.rows
        else "Nothing flagged."
    )
    return Section("Needs attention", intro, [(t, str(c)) for t, c in topics.most_common()])


def _confidence(inv: Inventory) -> Section:
    # the cabling's own evidence: a router's address in a subnet is no second cable
    links = Counter(link.confidence for link in inv.links if between_devices(link))
    rows = [
        ("Links reported by both ends", str(links[LinkConfidence.CONFIRMED])),
        ("Links reported by one end", str(links[LinkConfidence.ONE_SIDED])),
        ("Links inferred from switch tables", str(links[LinkConfidence.INFERRED])),
        ("Hosts placed by subnet only", str(sum(
            1 for link in inv.links if link.confidence is LinkConfidence.UNPLACED))),
        (
            "Devices of unknown type",
            str(sum(1 for d in inv.devices if d.type == DeviceType.UNKNOWN)),
        ),
    ]
    intro = (
        "How sure the map is. 'Reported' means a device said so; 'inferred' is netmap's "
        "best reading of indirect evidence."
    )
    return Section("How certain is this?", intro, rows)


def _heading(inv: Inventory) -> tuple[str, str]:
    when = inv.scanned_at.strftime("%d %B %Y, %H:%M UTC")
    return "Network summary", f"Scan {inv.scan_id} of {', '.join(inv.request.targets)} - {when}"


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #2d3436; max-width: 46em;
       margin: 1.5em auto; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0; } .sub { color: #636e72; margin: .2em 0 1em; }
h2 { font-size: 12pt; margin: 1.1em 0 .3em; border-bottom: 1px solid #dfe6e9; }
p { margin: .2em 0 .4em; } table { border-collapse: collapse; width: 100%; }
td { padding: .1em .4em; vertical-align: top; border-bottom: 1px solid #f1f2f6; }
td:first-child { width: 45%; } .note { color: #636e72; font-size: 9pt; margin-top: 1.5em; }
"""


def render_summary_html(inv: Inventory, path: Path) -> Path:
    title, sub = _heading(inv)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{html_text(title)}</title><style>{_CSS}</style></head><body>",
        f'<h1>{html_text(title)}</h1><p class="sub">{html_text(sub)}</p>',
    ]
    for s in summary_sections(inv):
        parts.append(f"<h2>{html_text(s.title)}</h2><p>{html_text(s.intro)}</p>")
        if s.rows:
            rows = "".join(
                f"<tr><td>{html_text(k, max_len=80)}</td><td>{html_text(v, max_len=200)}</td></tr>"
                for k, v in s.rows
            )
            parts.append(f"<table>{rows}</table>")
    parts.append(
        '<p class="note">Made by netmap from an automated scan. The network diagram (PDF/SVG) '
        "and the inventory workbook (XLSX) hold the details.</p></body></html>"
    )
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# PDF (Graphviz HTML table)
# ---------------------------------------------------------------------------------------------


def summary_dot(inv: Inventory) -> str:
    title, sub = _heading(inv)
    rows = [
        _row(f'<FONT POINT-SIZE="20"><B>{dot_html(title)}</B></FONT>'),
        _row(f'<FONT COLOR="#636E72">{dot_html(sub, max_len=110)}</FONT>'),
    ]
    for s in summary_sections(inv):
        rows.append(
            f'<TR><TD COLSPAN="2" ALIGN="LEFT" CELLPADDING="6"><FONT POINT-SIZE="14"><B>'
            f"{dot_html(s.title)}</B></FONT></TD></TR>"
        )
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_wrap(s.intro)}</TD></TR>')
        for k, v in s.rows[:16]:
            rows.append(
                f'<TR><TD ALIGN="LEFT">{dot_html(k, max_len=48)}</TD>'
                f'<TD ALIGN="LEFT">{_wrap(v, 60)}</TD></TR>'
            )
    table = f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{"".join(rows)}</TABLE>'
    return (
        'digraph summary { graph [size="7.5,10.5" margin="0.4" bgcolor="white"]; '
        'node [shape=plaintext fontname="DejaVu Sans" fontsize="10" fontcolor="#2D3436"]; '
        f"summary [label=<{table}>]; }}"
    )


def _row(content: str) -> str:
    return f'<TR><TD COLSPAN="2" ALIGN="LEFT">{content}</TD></TR>'


def _wrap(text: str, width: int = 95) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return '<BR ALIGN="LEFT"/>'.join(dot_html(x) for x in lines[:6]) + '<BR ALIGN="LEFT"/>'


def render_summary_pdf(inv: Inventory, path: Path) -> Path:
    subprocess.run(
        ["dot", "-Tpdf:cairo", f"-o{path}"],
        input=summary_dot(inv).encode("utf-8"),
        check=True,
        capture_output=True,
        timeout=TIMEOUT_S,
    )
    return path
