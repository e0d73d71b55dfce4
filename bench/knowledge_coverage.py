"""Every LibreNMS OS family, seen or not: does netmap use the knowledge it ships faithfully?

The recordings cover about 60 % of LibreNMS's OS families; the rest were held out, so a figure
measured on the recordings says little about the other 300-odd families. This benchmark needs no
recording. For every definition in the shipped table (`netmap/infer/identify/data/librenms.json.gz`)
it builds the smallest agent that its own detection rule describes:

* sysObjectID: the rule's prefix plus ".1" (a product under the family's branch), or Net-SNMP's
  Linux sysObjectID when the rule names none;
* sysDescr: the rule's substrings, and for a regex the shortest string it matches
  (hypothesis's `from_regex`, minimised);
* an snmpget / snmpwalk condition: a value that satisfies it.

Each discovery field (hardware, version, serial) read from a plain OID gets a unique token at
that OID (in a row of it, for a column a class reads at its first row). The agent is identified
by netmap's real getters and identification over an in-memory walker (no UDP), and scored:

* os family: netmap names this definition, or an earlier one whose rule the same evidence also
  satisfies (LibreNMS would pick that one too: "shadowed", not scored further);
* class: the type vote, against the definition's LibreNMS type mapped as in snmp_accuracy.py;
  and the count of wrong types at confidence >= 0.6 (goal 0);
* vendor: the maker named by the title, the group or the sysObjectID's IANA registrant, as in
  snmp_accuracy.py;
* hardware / version / serial: the token placed at the definition's own OID comes back.

What it cannot tell: how real agents of these families differ from their rule (extra banner
words, other tables). Figures are given for all families and for those with no recording in the
development set (when ../shared/recordings is present to say which those are).

    .venv/bin/python bench/knowledge_coverage.py [--leave-vendor-out] [--misses] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import sys
import time
import warnings
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import snmp_accuracy as accuracy  # noqa: E402
from hypothesis import (  # noqa: E402
    HealthCheck,
    Phase,
    find,
    settings,
    strategies as st,
)
from hypothesis.errors import HypothesisException  # noqa: E402

from netmap.discover.snmp import oids  # noqa: E402
from netmap.discover.snmp.enterprises import enterprise_of  # noqa: E402
from netmap.discover.snmp.snmprec import SnmprecWalker, oid_key  # noqa: E402
from netmap.discover.snmp.walker import Oid, SnmpValue  # noqa: E402
from netmap.infer.classify_snmp import snmp_type_hint  # noqa: E402
from netmap.infer.identify import librenms  # noqa: E402
from netmap.infer.identify.votes import type_map  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "knowledge_coverage.txt"
RESULTS_LOVO = Path(__file__).parent / "results" / "knowledge_coverage_lovo.txt"
NET_SNMP_LINUX = "1.3.6.1.4.1.8072.3.2.10"
FIELDS = (("hardware", "model"), ("version", "os_version"), ("serial", "serial_number"))
# operators a made-up value satisfies: "x" differs from, and sorts after, any value a rule names
_NEGATIVE_OPS = {"!=", "!==", "not_contains", "not_starts", "not_ends", "not_regex",
                 "not_in_array"}


# ---------------------------------------------------------------------------------------------
# The agent a detection rule describes
# ---------------------------------------------------------------------------------------------

_FIND = settings(max_examples=200, phases=[Phase.generate, Phase.shrink], database=None,
                 derandomize=True,
                 deadline=None, suppress_health_check=list(HealthCheck))


def sample(spec: list[Any]) -> str | None:
    """The shortest printable string that the (pattern, flags) pair matches, or None."""
    try:
        pattern = re.compile(spec[0], spec[1])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found: str = find(st.from_regex(pattern), _printable, settings=_FIND)
    except (HypothesisException, re.error, ValueError):
        return None
    return found


def _printable(text: str) -> bool:
    return text.isprintable() and len(text) <= 200


ABSENT = ""  # an object the agent does not have: LibreNMS reads it as ""


def _value(op: str, value: Any) -> str | None:
    """A value for which `compare(value, rule, op)` holds (ABSENT: leave the object out)."""
    if isinstance(value, bool):  # "= false": the object is absent or empty
        return "1" if value == (op in ("=", "==", "exists")) else ABSENT
    if op in _NEGATIVE_OPS:
        return "x"
    if op == "regex":
        return next((s for spec in value if (s := sample(spec)) is not None), None)
    if op == "exists":
        return "1"
    if op in ("<", "<="):
        return str(int(float(value)) - 1) if _numeric(value) else None
    if op in (">", ">="):
        return str(int(float(value)) + 1) if _numeric(value) else None
    first = value[0] if isinstance(value, list) and value else value
    return None if isinstance(first, list | dict) else str(first)


def _numeric(value: Any) -> bool:
    return bool(re.fullmatch(r"-?\d+(\.\d+)?", str(value)))


def agent_for(item: list[Any]) -> dict[str, SnmpValue] | None:
    """The system group and the GET / walk values a detection item asks for (None: cannot build)."""
    object_id, descr = NET_SNMP_LINUX, []
    values: dict[str, SnmpValue] = {}
    for key, negated, spec in item:
        if negated:
            continue  # an _except form: the made-up agent stays clear of it or fails "os family"
        if key == "sysObjectID":
            object_id = spec[0].strip(".") + ".1"
        elif key == "sysDescr":
            descr.append(spec[0])
        elif key in ("sysDescr_regex", "sysObjectID_regex"):
            found = sample(spec[0])
            if found is None:
                return None
            if key == "sysDescr_regex":
                descr.append(found)
            elif re.fullmatch(r"\.?\d+(\.\d+)+", found):
                object_id = found.strip(".")
            else:
                return None
        else:  # snmpget / snmpwalk
            text = _value(spec["op"], spec["value"])
            if text is None:
                return None
            if text != ABSENT:
                values[spec["oid"] + (".0" if key == "snmpwalk" else "")] = text.encode()
    object_id = _clear_of(object_id, item)
    values[oids.scalar(oids.SYS_DESCR)] = " ".join(descr).encode() or b"device"
    values[oids.scalar(oids.SYS_OBJECT_ID)] = Oid(object_id)
    values[oids.scalar(oids.SYS_NAME)] = b"agent"
    return values


def _clear_of(object_id: str, item: list[Any]) -> str:
    """`object_id`, or a sibling under the same prefix that no sysObjectID_except names."""
    excluded = [p.strip(".") for key, negated, spec in item
                if key == "sysObjectID" and negated for p in spec]
    base = object_id.rsplit(".", 1)[0]
    for candidate in (object_id, *(f"{base}.{n}" for n in (2, 3, 99, 9999))):
        if not any(candidate == p or candidate.startswith(p + ".") for p in excluded):
            return candidate
    return object_id


def with_tokens(defn: dict[str, Any], values: dict[str, SnmpValue]) -> dict[str, str]:
    """A unique token at the first OID of each plain discovery field; field -> token."""
    discovery = librenms.discovery_spec(defn)
    fields = discovery.get("fields") or {}
    placed: dict[str, str] = {}
    for theirs, _ours in FIELDS:
        spec = fields.get(theirs)
        if not spec or spec.get("regex") or spec.get("template") or not spec["oids"]:
            continue
        if theirs in (discovery.get("replace") or {}):
            continue
        oid = spec["oids"][0][0] + (".7" if spec.get("next") else "")  # a column: one row
        if oid in values:
            continue
        key = f"{defn['os']}/{theirs}".encode()
        token = f"Q{zlib.crc32(key):010d}{theirs[:2].upper()}"
        values[oid] = token.encode()
        placed[theirs] = token
    return placed


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    os: str
    type: str
    recorded: bool
    result: str  # "own", "shadowed by X", "missed (got X)", "not buildable"
    class_ok: bool | None = None
    confident_wrong: bool = False
    vendor_ok: bool | None = None
    got: str = ""
    fields: tuple[tuple[str, bool], ...] = ()
    dtype: str = ""  # the netmap type given


async def run_one(defn: dict[str, Any], position: dict[str, int], recorded: bool,
                  lovo: bool) -> Outcome:
    item_values = next(((item, v) for item in defn["detect"] if (v := agent_for(item))), None)
    if item_values is None:
        return Outcome(defn["os"], defn["type"], recorded, "not buildable")
    values = item_values[1]
    tokens = with_tokens(defn, values)
    records = sorted(values.items(), key=lambda kv: oid_key(kv[0]))
    object_id = str(values[oids.scalar(oids.SYS_OBJECT_ID)])
    enterprise = enterprise_of(object_id)
    guard = accuracy.without_vendor(enterprise) if lovo else contextlib.nullcontext()
    with guard:
        record = await accuracy.identified_over(SnmprecWalker(records), defn["os"])
        dtype, confidence, _why = snmp_type_hint(record)
    facts = record.facts
    family = facts.os_family.os if facts and facts.os_family else None
    if family != defn["os"]:
        earlier = family is not None and position.get(family, 10**6) < position[defn["os"]]
        result = f"shadowed by {family}" if earlier else f"missed (got {family})"
        return Outcome(defn["os"], defn["type"], recorded, result)
    right = dtype in accuracy.accepted_types(defn["type"], defn["text"])
    vendors = accuracy.expected_vendors(
        {"os_text": defn["text"], "group": defn["group"], "vendor_enterprise": enterprise})
    vendor = facts.vendor if facts else None
    checks = tuple((theirs, getattr(facts, ours, None) == tokens[theirs])
                   for theirs, ours in FIELDS if theirs in tokens)
    return Outcome(
        defn["os"], defn["type"], recorded, "own", right,
        not right and confidence >= accuracy.CONFIDENT,
        accuracy.vendor_match(vendor, vendors) if vendors else None,
        f"{dtype.value} {confidence:.2f}, vendor {vendor}", checks, dtype.value,
    )


def recorded_families() -> set[str] | None:
    manifest = accuracy.DEFAULT_RECORDINGS / "manifest.json"
    if not manifest.exists():
        return None
    return {d.get("os") for d in json.loads(manifest.read_text())["devices"]}


async def run(lovo: bool) -> list[Outcome]:
    table = librenms.definitions()
    position = {defn["os"]: i for i, defn in enumerate(table)}
    seen = recorded_families() or set()
    return [await run_one(defn, position, defn["os"] in seen, lovo) for defn in table]


def _pct(ok: int, total: int) -> str:
    return f"{ok}/{total} ({100 * ok / total:.1f}%)" if total else "0/0"


def summary(outcomes: list[Outcome], label: str) -> list[str]:
    own = [o for o in outcomes if o.result == "own"]
    results = Counter(o.result.split()[0] for o in outcomes)
    classes = [o for o in own if o.class_ok is not None]
    vendors = [o for o in own if o.vendor_ok is not None]
    lines = [
        f"{label}: {len(outcomes)} definitions; agent built for "
        f"{len(outcomes) - results['not']}; named its own family {results['own']}, "
        f"shadowed by an earlier definition {results['shadowed']}, missed {results['missed']}",
        f"  class    {_pct(sum(bool(o.class_ok) for o in classes), len(classes))}",
        f"  vendor   {_pct(sum(bool(o.vendor_ok) for o in vendors), len(vendors))}",
        f"  wrong type with confidence >= {accuracy.CONFIDENT}: "
        f"{sum(o.confident_wrong for o in own)}",
    ]
    for theirs, _ours in FIELDS:
        got = [ok for o in own for name, ok in o.fields if name == theirs]
        lines.append(f"  {theirs:<9}{_pct(sum(got), len(got))} (the token at its own OID)")
    per_type = Counter((o.type, bool(o.class_ok)) for o in classes)
    types = sorted({o.type for o in classes})
    lines.append("  class by LibreNMS type: " + "; ".join(
        f"{t} {per_type[(t, True)]}/{per_type[(t, True)] + per_type[(t, False)]}" for t in types))
    wireless = Counter(o.dtype for o in own if o.type == "wireless")
    if wireless:
        lines.append("  LibreNMS wireless typed as: " + "; ".join(
            f"{kind} {n}" for kind, n in sorted(wireless.items())))
    return lines


def vendor_row_coverage(seen: set[str]) -> list[str]:
    """For the families with no recording whose definition reads no hardware, version or serial
    (neither an OID nor a sysDescr pattern): how many of those fields a hand-kept vendor-MIB row
    under the family's own sysObjectID enterprise could fill (vendor-mibs.tsv; the rows
    LibreNMS's PHP classes read). Knowledge present, not accuracy: no agent is asked."""
    from netmap.discover.snmp.vendor_mibs import VENDOR_PROBES

    missing: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    for defn in librenms.definitions():
        if defn["os"] in seen:
            continue
        spec = librenms.discovery_spec(defn)
        named = set(spec.get("fields") or {}) | {
            group for pattern, *_rest in spec.get("sysDescr_regex") or []
            for group in re.compile(pattern).groupindex}  # fmt: skip
        # the enterprises its detection finds, agent toolkits' numbers left out
        rows = {p.field for n in librenms.agent_enterprises(defn) for p in VENDOR_PROBES.get(n, ())}
        for theirs, ours in FIELDS:
            if theirs not in named:
                missing[theirs] += 1
                covered[theirs] += ours in rows
    return ["Fields the definitions of families with no recording do not read, that a vendor-MIB "
            "row under the family's enterprise can: " + "; ".join(
                f"{theirs} {covered[theirs]}/{missing[theirs]}" for theirs, _ours in FIELDS)]


def report(outcomes: list[Outcome], lovo: bool, elapsed: float, recorded: bool,
           own_rows: bool = True) -> str:
    mode = ("leave one vendor out" if lovo else "all tables") + (
        "" if own_rows else ", without the os: rows of librenms-types.tsv")
    lines = [f"netmap identification of every LibreNMS OS family from its own detection rule "
             f"({mode}, {elapsed:.0f} s)", ""]
    lines += summary(outcomes, "All families")
    if recorded:
        lines += summary([o for o in outcomes if not o.recorded],
                         "Families with no recording in the development set")
        if not lovo:  # leaving each maker's rows out would leave none to count
            lines += vendor_row_coverage(recorded_families() or set())
    lines += ["", "Misses (class, vendor, field, family):"]
    for o in outcomes:
        wrong = [name for name, ok in o.fields if not ok]
        if o.result.startswith("missed"):
            wrong.append(o.result)
        if o.class_ok is False:
            wrong.append(f"class ({o.type})")
        if o.vendor_ok is False:
            wrong.append("vendor")
        if wrong:
            lines.append(f"  {o.os}: {', '.join(wrong)}: {o.got}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leave-vendor-out", action="store_true",
                        help="each agent without the hand-kept rows of its enterprise")
    parser.add_argument("--no-write", action="store_true", help="don't write bench/results")
    parser.add_argument("--without-os-rows", action="store_true",
                        help="type each definition as one no os: row names would be (its type, "
                             "title, words and maker); printed only")
    args = parser.parse_args(argv)
    if args.without_os_rows:
        rows = type_map()
        for key in [k for k in rows if k.startswith("os:")]:
            del rows[key]
    started = time.monotonic()
    outcomes = asyncio.run(run(args.leave_vendor_out))
    text = report(outcomes, args.leave_vendor_out, time.monotonic() - started,
                  recorded_families() is not None, not args.without_os_rows)
    print(text, end="")
    if not args.no_write and not args.without_os_rows:
        path = RESULTS_LOVO if args.leave_vendor_out else RESULTS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
