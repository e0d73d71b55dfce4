"""Identification over a tiny project-made walk, given as .snmprec lines (shared by the tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from netmap.discover.snmp.getters import CachingWalker
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.discover.snmp.vendors import identify
from netmap.model import Identity


def identify_lines(lines: Iterable[str]) -> Identity:
    """identify() over the walk the lines describe, through the getters' caching walker."""
    return asyncio.run(identify(CachingWalker(SnmprecWalker(parse_lines(list(lines)))), {}))
