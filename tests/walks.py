"""Identification over a tiny project-made walk, given as .snmprec lines (shared by the tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from netmap.discover.snmp.getters import CachingWalker
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.infer.identify.identify import read_identity
from netmap.model import Identity


def identify_lines(lines: Iterable[str]) -> Identity:
    """The whole identification (OS definitions, then the general sources) over the walk the
    lines describe, through the getters' caching walker."""
    walker = CachingWalker(SnmprecWalker(parse_lines(list(lines))))
    return asyncio.run(read_identity(walker)).identity
