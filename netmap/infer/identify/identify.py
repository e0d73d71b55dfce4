"""Identification: vendor, model, serial, OS family and version, and the structure an agent shows.

One procedure, run twice over two walkers:

* at scan time over the live agent, through a recorder (`discover.snmp.raw`): only the raw values
  it read are stored (`Facts.raw`), never its conclusions;
* at inference time over those stored values (`identify_record`), which is pure: re-running it on
  an old scan with newer knowledge tables re-identifies the devices (`netmap report --rebuild`).

What it reads, strongest source first:
1. the LibreNMS OS definition the agent matches (`librenms.py`): the OS family with its coarse
   type, and the hardware / version / serial its discovery names;
2. the general identity sources (`discover.snmp.vendors`): vendor MIBs, ENTITY-MIB, standard MIBs,
   sysDescr, the registered product name, the IANA registrant;
3. structure that needs no knowledge of the maker (`STRUCTURE`): radios, PoE, bridge ports,
   managed-AP tables, sensors, DOCSIS.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netmap.discover.snmp import oids
from netmap.discover.snmp.candidates import (
    R_DESCR,
    R_DESCR_STRONG,
    R_ENTITY,
    R_STANDARD,
    R_VENDOR_MIB,
    Field_,
)
from netmap.discover.snmp.enterprises import enterprise_of, maker_in_title
from netmap.discover.snmp.raw import RecordingWalker, StoredWalker
from netmap.discover.snmp.vendors import identify as identify_vendor, read_system
from netmap.discover.snmp.walker import SnmpError, Walker
from netmap.infer.identify import librenms
from netmap.infer.identify.keywords import appliance_maker
from netmap.infer.identify.votes import GENERIC_FAMILIES
from netmap.model import Facts, Identity, OsFamily, SnmpRecord

_log = logging.getLogger(__name__)

# LibreNMS discovery field -> netmap identity field
_FIELD_MAP: tuple[tuple[str, Field_], ...] = (
    ("hardware", "model"),
    ("serial", "serial_number"),
    ("version", "os_version"),
)
# The OS definition's answer is that family's maintained rule: above every general source.
R_OS_DEFINITION = R_VENDOR_MIB - 2

# Presence of these subtrees is structure: (key, subtree). One row is enough to know.
STRUCTURE: tuple[tuple[str, str], ...] = (
    ("dot11", oids.IEEE802DOT11_MIB),
    ("poe", oids.PETH_PSE_PORT_TABLE),
    ("capwap", oids.CAPWAP_BASE_MIB),
    ("managed_aps", oids.BSN_AP_TABLE),
    ("managed_aps", oids.CLAP_TABLE),
    ("managed_aps", oids.WLSX_WLAN_AP_TABLE),
    ("sensors", oids.ENT_PHY_SENSOR_TABLE),
    ("docsis", oids.DOCS_IF_MIB),
)


@dataclass
class Identification:
    identity: Identity
    os_family: OsFamily | None = None
    structure: dict[str, int] = field(default_factory=dict)


def _generic(match: librenms.OsMatch) -> bool:
    """A general-purpose OS family (Linux, FreeBSD, ...), which names no maker or model."""
    return match.group == "unix" or match.os in GENERIC_FAMILIES


def _seeds(match: librenms.OsMatch | None) -> list[tuple[Field_, float, str, str]]:
    if match is None:
        return []
    seeds: list[tuple[Field_, float, str, str]] = []
    for theirs, ours in _FIELD_MAP:
        if theirs in match.fields:
            value, where = match.fields[theirs]
            # a definition's sysDescr pattern: above the readings written for every banner,
            # below the one-family banner rules and every object (its PHP class often rewrites
            # the value; a pattern taken from the class is not a DESCR_SOURCE and ranks as the
            # definition's objects)
            rank = R_DESCR + 1 if where.endswith(librenms.DESCR_SOURCE) else R_OS_DEFINITION
            if where.endswith(librenms.KIN_SOURCE):  # another product line's object: below
                rank = R_STANDARD + 1  # ENTITY-MIB's chassis and the standard MIBs
            seeds.append((ours, rank, value, where))
    # "Fortinet Fortigate": the maker the definition names; an OS family's title names an OS
    defn = librenms.definition(match.os)
    marks = (defn or {}).get("marks", ())
    aliases = [match.os, *([match.group] if match.group else [])]
    brand = None if _generic(match) else maker_in_title(
        match.text, marks, librenms.agent_enterprises(defn), aliases)  # fmt: skip
    if brand:
        # a family matched by its sysDescr alone can be an OEM's: below the sysObjectID vendor
        rank = R_ENTITY - 1 if "sysObjectID" in match.matched_by else R_DESCR_STRONG + 1
        seeds.append(("vendor", rank, brand, f"LibreNMS OS {match.os!r} ({match.text})"))
    return seeds


async def _structure(walker: Walker) -> dict[str, int]:
    found: dict[str, int] = {}
    for key, subtree in STRUCTURE:
        if key in found:
            continue
        try:
            rows = await walker.walk(subtree, max_rows=1)
        except SnmpError:
            continue
        if rows:
            found[key] = 1
    num_ports = oids.scalar(oids.DOT1D_BASE_NUM_PORTS)
    try:
        ports = (await walker.get([num_ports])).get(num_ports)
    except SnmpError:
        ports = None
    if isinstance(ports, int) and not isinstance(ports, bool) and ports > 0:
        found["bridge_ports"] = ports
    return found


async def read_identity(walker: Walker, system: Mapping[str, Any] | None = None) -> Identification:
    """The whole identification of the agent behind `walker` (live or stored values)."""
    descr, object_id = await read_system(walker, system or {})
    try:
        match = await librenms.identify_os(walker, descr, object_id)
    except SnmpError:
        match = None
    # only a general-purpose OS family's hardware is its processor, and its version the kernel's
    # (LibreNMS's own "Generic x86"): a product's family names what its uname banner does not,
    # and so does a maker's own sysObjectID (a Sangfor or ZTE appliance that runs Linux)
    general = (match is None or _generic(match)) and appliance_maker(enterprise_of(object_id)) is None
    identity = await identify_vendor(walker, system or {}, seeds=_seeds(match),
                                     general_os=general)
    family = None
    if match is not None:
        identity.evidence.insert(0, f"os family: {match.evidence}")
        family = OsFamily(os=match.os, text=match.text, type=match.type, group=match.group,
                          matched_by=match.matched_by)
    return Identification(identity, family, await _structure(walker))


async def record_reads(walker: Walker, system: Mapping[str, Any]) -> dict[str, str]:
    """Scan time: run the identification reads against the agent; keep only what it returned."""
    recorder = RecordingWalker(walker)
    await read_identity(recorder, system)
    return recorder.raw


def apply(facts: Facts, found: Identification) -> Facts:
    ident = found.identity
    return facts.model_copy(update={
        "vendor": ident.vendor,
        "model": ident.model,
        "serial_number": ident.serial_number,
        "os_version": ident.os_version,
        "identity_evidence": ident.evidence,
        "os_family": found.os_family,
        "structure": found.structure,
    })


def identify_facts(facts: Facts) -> Facts:
    """Inference time: the identity of stored facts, recomputed from their raw values.

    Facts stored before raw values were kept (older scans, hand-made records) keep the identity
    they were stored with."""
    if not facts.raw:
        return facts
    # sysDescr from the raw values (its lines kept); the host name, which no value can be
    reading = read_identity(StoredWalker(facts.raw), {"hostname": facts.hostname})
    if not _in_loop():
        return apply(facts, asyncio.run(reading))
    # called from inside an event loop (probe, the benchmark): the stored walker never waits on
    # I/O, so a private loop in a worker thread runs it to the end at once
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return apply(facts, pool.submit(asyncio.run, reading).result())


def _in_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def identify_record(record: SnmpRecord) -> SnmpRecord:
    """The record with its facts identified from the stored raw values (a new object)."""
    if record.facts is None or not record.facts.raw:
        return record
    try:
        return record.model_copy(update={"facts": identify_facts(record.facts)})
    except Exception as exc:  # stored values from a tampered or foreign store: keep the rest
        _log.warning("identification of %s failed: %s: %s", record.ip, type(exc).__name__, exc)
        return record
