"""Whether Microsoft still supports the Windows release a computer runs, on the day of the scan.

The release is the one identification named ("Microsoft Windows 10 2004-22H2", from an NTLM
offer or a computer's own account), else the one its Windows build names (`os_version`,
"10.0.19045"). `data/windows-lifecycle.tsv` says when each release's support ended and which
long-term (LTSB/LTSC) edition built on it is supported longer: a computer that says it runs
that edition is judged by it, and one that does not say is told both. A pure function of the
inventory and the scan's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from netmap.discover.snmp.datafiles import data_text, each_row, table_lines
from netmap.infer.identify.keywords import IDENTIFY
from netmap.infer.identify.ntlm import for_type, windows_releases
from netmap.model import Device

SOON = timedelta(days=365)  # a bid covers years: an end within one is worth a line


@dataclass(frozen=True)
class Lifecycle:
    ended: date | None  # the last day of support of its ordinary editions (None: not ended)
    long_term: str | None = None  # "Windows 10 Enterprise LTSC 2019"
    long_term_ended: date | None = None


@dataclass(frozen=True)
class Support:
    release: str  # "Windows 10 2004-22H2"
    ended: date  # the end that applies (the long-term edition's, for a computer running it)
    past: bool  # support ended on or before the scan (else it ends within SOON)
    unless: str | None = None  # "Windows 10 IoT Enterprise LTSC 2021, supported until 2032-01-13"


def _row(row: str) -> tuple[str, Lifecycle]:
    release, *rest = row.split("\t")
    if not release.strip() or len(rest) > 3 or len(rest) == 2:
        raise ValueError("want release, support_ended[, long_term_edition, long_term_ended]")
    ended = date.fromisoformat(rest[0]) if rest and rest[0] else None
    if len(rest) == 3:
        return release, Lifecycle(ended, rest[1], date.fromisoformat(rest[2]))
    return release, Lifecycle(ended)


@cache
def lifecycles(rows: str | None = None) -> dict[str, Lifecycle]:
    """Release -> its support's end, from data/windows-lifecycle.tsv (or `rows`); a row that
    does not read is skipped with a warning naming its line."""
    text = data_text("windows-lifecycle.tsv", IDENTIFY) if rows is None else rows
    return dict(each_row(table_lines(text), _row, "windows-lifecycle.tsv line"))


def release_of(dev: Device) -> str | None:
    """The Windows release the computer runs, where it is known to be one."""
    table = lifecycles()
    named = (dev.os or "").removeprefix("Microsoft ")
    if named in table:
        return named
    if dev.os_family != "Windows" or not dev.os_version:
        return None
    try:
        major, minor, build = (int(x) for x in dev.os_version.split(".")[:3])
    except ValueError:
        return None
    release = windows_releases().get((major, minor, build))
    picked = for_type(release, dev) if release else None  # a shared build: its type says
    return picked if picked in table else None


def support(dev: Device, on: date) -> Support | None:
    """Its release's support, where it ended by `on` or ends within SOON of it."""
    release = release_of(dev)
    life = lifecycles().get(release or "")
    if release is None or life is None:
        return None
    if any(word in (dev.os or "").casefold() for word in _LONG_TERM_WORDS):
        if life.long_term is None or life.long_term_ended is None:
            return None  # a long-term edition the table does not know: no claim
        return _due(life.long_term, life.long_term_ended, on)
    found = _due(release, life.ended, on)
    if found and life.long_term and life.long_term_ended and life.long_term_ended > on:
        return Support(found.release, found.ended, found.past,
                       f"{life.long_term}, supported until {life.long_term_ended}")
    return found


_LONG_TERM_WORDS = ("ltsc", "ltsb")  # as Windows names the edition ("... Enterprise LTSC")


def _due(release: str, ended: date | None, on: date) -> Support | None:
    if ended is None or ended > on + SOON:
        return None
    return Support(release, ended, ended <= on)
