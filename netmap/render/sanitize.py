"""Make network-supplied strings safe where they leave netmap.

Every string in an Inventory may come from a hostile device (sysName, LLDP system name,
banner, DHCP host name...). Data is stored as received; these helpers are applied at the
point of output, one per output context:

* :func:`clean` - drop control characters, lone surrogates, bidi overrides and
  non-characters (the common base of every other helper);
* :func:`cell` - a spreadsheet/CSV cell that can never be read as a formula;
* :func:`xml_text` / :func:`html_text` - text for XML / HTML markup we write by hand;
* :func:`dot_html` - text inside a Graphviz HTML-like label;
* :func:`safe_filename` - a file name component.
"""

from __future__ import annotations

import html
import re
import unicodedata

# C0 controls except TAB/LF, DEL, C1 controls: never meaningful in a label or a cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings/overrides/isolates can make "exe.txt" display as "txt.exe" (Trojan Source).
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates cannot be encoded as UTF-8; U+FFFE/U+FFFF are not legal XML characters.
_SURROGATE_OR_NONCHAR = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
# Cell prefixes that Excel, LibreOffice or Google Sheets would evaluate (OWASP CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}

# Excel's hard limit for a cell is 32767 characters; keep well below for readability.
CELL_MAX = 8000


def clean(value: object, *, max_len: int | None = None, newlines: bool = False) -> str:
    """Text with nothing that could corrupt or disguise output; None becomes "".

    Tabs and newlines become spaces unless `newlines` is true (then only LF survives).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not newlines:
        text = text.replace("\n", " ")
    text = text.replace("\t", " ")
    text = _SURROGATE_OR_NONCHAR.sub("\ufffd", text)
    text = _BIDI.sub("", _CONTROL.sub("", text))
    text = unicodedata.normalize("NFC", text)
    if max_len is not None and len(text) > max_len:
        text = text[: max(max_len - 1, 0)] + "…"
    return text


def cell(value: object, *, max_len: int = CELL_MAX) -> str:
    """A spreadsheet or CSV cell value that no spreadsheet will evaluate.

    Text starting with a formula trigger (after leading blanks, which some programs skip)
    is prefixed with an apostrophe, the OWASP-recommended neutralisation.
    """
    text = clean(value, max_len=max_len, newlines=True)
    if text.lstrip(" \n").startswith(_FORMULA_PREFIXES) or text.startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


def xml_text(value: object, *, max_len: int | None = None) -> str:
    """Escaped text for XML element content or a double- or single-quoted attribute."""
    return html.escape(clean(value, max_len=max_len), quote=True)


def html_text(value: object, *, max_len: int | None = None, newlines: bool = False) -> str:
    """Escaped text for HTML; with `newlines`, line breaks become <br>."""
    escaped = html.escape(clean(value, max_len=max_len, newlines=newlines), quote=True)
    return escaped.replace("\n", "<br>") if newlines else escaped


def dot_html(value: object, *, max_len: int | None = None) -> str:
    """Text for a Graphviz HTML-like label: entity-escaped, so it is never markup.

    Graphviz's HTML-label parser knows &amp; &lt; &gt; &quot; and numeric entities;
    a quote needs no escaping inside <...> labels but is escaped anyway for attributes.
    """
    text = clean(value, max_len=max_len)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("]", "&#93;")  # keeps a label from closing a DOT attribute list in odd parsers
    )


def safe_filename(value: object, *, default: str = "unnamed", max_len: int = 60) -> str:
    """An ASCII file-name component: letters, digits, dot, dash, underscore; never hidden,
    never a path, never a Windows device name."""
    text = unicodedata.normalize("NFKD", clean(value))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")
    text = re.sub(r"-{2,}", "-", text)[:max_len].strip("-._")
    if not text or text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text = f"{default}-{text}" if text else default
    return text
