"""The change report of a rescan or `netmap diff`: Markdown, HTML and JSON.

Pure functions of a list of typed changes. Text from devices is untrusted: Markdown escapes its
control characters, HTML escapes markup.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from netmap.model import Change, ChangeKind, model_dict

TITLES: dict[ChangeKind, str] = {
    ChangeKind.DEVICE_ADDED: "New device",
    ChangeKind.DEVICE_REMOVED: "Device removed",
    ChangeKind.DEVICE_NOT_SEEN: "Device not seen",
    ChangeKind.IP_CHANGED: "Address changed",
    ChangeKind.NAME_CHANGED: "Name changed",
    ChangeKind.MAC_CHANGED: "MAC changed",
    ChangeKind.MOVED: "Moved",
    ChangeKind.SERVICE_OPENED: "Service opened",
    ChangeKind.SERVICE_CLOSED: "Service closed",
    ChangeKind.FIRMWARE_CHANGED: "Firmware/OS changed",
    ChangeKind.SERIAL_CHANGED: "Serial changed",
    ChangeKind.TYPE_CHANGED: "Type changed",
    ChangeKind.LINK_ADDED: "Link added",
    ChangeKind.LINK_REMOVED: "Link removed",
    ChangeKind.SOFTWARE_ADDED: "Software added",
    ChangeKind.SOFTWARE_REMOVED: "Software removed",
    ChangeKind.SLA_CHANGED: "Service level changed",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def sentence(c: Change) -> str:
    """One plain-English line, e.g. 'Moved: printer1 from sw-access port ge3 to sw-access port ge5'."""
    who = c.name or c.device or ""
    parts = [f"{TITLES[c.kind]}:", who]
    if c.critical:
        parts.insert(0, "CRITICAL SYSTEM -")
    if c.before and c.after:
        parts.append(f"from {c.before} to {c.after}")
    elif c.after:
        parts.append(c.after)
    elif c.before:
        parts.append(c.before)
    if c.detail:
        parts.append(f"({c.detail})")
    return " ".join(p for p in parts if p)


def _clean(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _clean(text))


def to_markdown(changes: list[Change], title: str) -> str:
    lines = ["# " + _md(title), ""]
    if not changes:
        lines.append("No changes.")
    for c in changes:
        lines.append("- " + _md(sentence(c)))
    return "\n".join(lines) + "\n"


def to_html(changes: list[Change], title: str) -> str:
    rows = "".join(
        f"<tr><td>{'<b>CRITICAL</b> ' if c.critical else ''}{html.escape(TITLES[c.kind])}</td>"
        f"<td>{html.escape(_clean(c.name or ''))}</td>"
        f"<td>{html.escape(_clean(c.before or ''))}</td><td>{html.escape(_clean(c.after or ''))}</td>"
        f"<td>{html.escape(_clean(c.detail or ''))}</td></tr>"
        for c in changes
    )
    body = (
        "<table><tr><th>change</th><th>device</th><th>before</th><th>after</th><th>detail</th></tr>"
        f"{rows}</table>"
        if changes
        else "<p>No changes.</p>"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )


def to_json(changes: list[Change], meta: dict[str, Any]) -> str:
    return json.dumps({**meta, "changes": [model_dict(c) for c in changes]}, indent=1) + "\n"


def write_reports(
    changes: list[Change], out_dir: Path, title: str, meta: dict[str, Any]
) -> list[Path]:
    from netmap.store import atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "changes.md": to_markdown(changes, title),
        "changes.html": to_html(changes, title),
        "changes.json": to_json(changes, meta),
    }
    paths = []
    for name, text in files.items():
        atomic_write_text(out_dir / name, text)
        paths.append(out_dir / name)
    return paths
