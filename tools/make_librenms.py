"""Regenerate netmap/infer/identify/data/librenms.json.gz from LibreNMS's OS definitions.

LibreNMS (librenms/librenms, GPL-3.0-or-later like netmap) keeps one small YAML file per OS
family: `resources/definitions/os_detection/<os>.yaml` says how to recognise it (sysObjectID
prefixes, sysDescr substrings and regexes, their `_except` forms, `snmpget` / `snmpwalk`
conditions) and what it is (display `text`, `type`, `group`); `os_discovery/<os>.yaml` says where
its `hardware`, `version`, `serial` and `features` live (OIDs, with `_regex`, `_template` and
`_replace` rules, `sysDescr_regex` named groups, `hardware_mib`). Symbolic OIDs resolve through
`symbols.tsv` (MODULE::symbol[.index] -> numeric, made with net-snmp against LibreNMS's MIBs).

    python tools/make_librenms.py [LIBRENMS_DIR] [OUTPUT] [MIBS]

LIBRENMS_DIR holds `os_detection/`, `os_discovery/` and `symbols.tsv` (default: the project's
`../shared/knowledge/librenms`; a LibreNMS checkout works too when given its
`resources/definitions` directory plus a symbols.tsv, and its `mibs/` as MIBS, which otherwise
defaults to LIBRENMS_DIR/product-mibs: see MibFolders). The output is one JSON document, gzip with
mtime=0 so the same input gives byte-identical output:

    {"source": {...}, "os": [{"os", "text", "type", "group", "marks", "detect": [[cond, ...], ...],
                               "discover": {...} | null}, ...]}

The list is in LibreNMS's evaluation order (`Core::detectOS`): definitions in file-name order,
those using snmpget/snmpwalk deferred after all others, the generic `airos`, `freebsd` and
`linux` last. A condition is `[key, negated, values]`: `sysObjectID` values are dotted prefixes,
`sysDescr` substrings, `*_regex` values `[python_pattern, flags]`, `snmpget` / `snmpwalk` values
`{"oid", "op", "value"}` with a numeric OID.

Nothing is guessed. A PHP (PCRE) pattern Python's `re` cannot run the same way (\\K, \\R,
\\p{..}, recursion, the U flag, a variable-width look-behind, ...), an OID that does not resolve,
a malformed YAML file or a duplicate OS name is left out and printed as one line of the report:
a detection item with such a condition is dropped whole (the OS stays, with its other items), a
discovery field with one is dropped (the other fields stay).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import command_line  # tools/, beside this script
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "knowledge" / "librenms"
DEFAULT_OUT = ROOT / "netmap" / "infer" / "identify" / "data" / "librenms.json.gz"
# Hand-kept supplements, each row traced to its source (see the files' headers): MIB objects
# symbols.tsv could not resolve, and what LibreNMS's PHP OS classes read beyond the YAML.
EXTRA_SYMBOLS = ROOT / "tools" / "data" / "librenms-symbols.tsv"
# LibreNMS's MIB texts, one folder per vendor as in its mibs/ (the shared knowledge holds the
# product and SMI modules); only read to see which copy of a shared module name an OS loads
MIB_FOLDERS = "product-mibs"
CLASSES = ROOT / "tools" / "data" / "librenms-classes.yaml"
GENERIC = ("airos", "freebsd", "linux")  # Core::detectOS tries these after every other OS
FIELDS = ("version", "hardware", "features", "serial")  # YamlOSDiscovery::$osFields, in order
OPS = {
    "=", "!=", "==", "!==", "<", "<=", ">", ">=", "contains", "not_contains", "starts",
    "not_starts", "ends", "not_ends", "regex", "not_regex", "in_array", "not_in_array", "exists",
}


class Skip(ValueError):
    """An entry that cannot be carried over faithfully; the message is the report line."""


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, why: str) -> None:
        line = f"{where}: {why}"
        if line not in self.lines:  # a symbol several definitions read is reported once
            self.lines.append(line)


# ---------------------------------------------------------------------------------------------
# YAML: Symfony's parser reads a bare `=` as a string, PyYAML as an unknown "value" tag
# ---------------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):  # type: ignore[misc]
    pass


def _plain(loader: Any, node: Any) -> Any:
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:value", _plain)


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise Skip(f"malformed YAML ({first})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise Skip("malformed YAML (not a mapping)")
    return data


# ---------------------------------------------------------------------------------------------
# PCRE -> Python re
# ---------------------------------------------------------------------------------------------

_CLOSE = {"(": ")", "{": "}", "[": "]", "<": ">"}
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE, "u": 0, "D": 0}
_UNSUPPORTED = [
    (re.compile(r"\\[KRXCGNg]"), "a PCRE escape Python lacks"),
    (re.compile(r"\\[pP]\{?"), "a Unicode property"),
    (re.compile(r"\(\?(?:R|\d|&|P>|\||C|\+\d|-\d)"), "recursion or a branch-reset group"),
    (re.compile(r"\(\*"), "a PCRE verb"),
    (re.compile(r"\\Q"), "a \\Q..\\E quote"),
]
_POSIX = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": r"\s", "xdigit": "0-9A-Fa-f", "punct": r"!-/:-@\[-`{-~", "word": r"\w",
    "blank": r" \t", "print": r" -~", "graph": r"!-~", "cntrl": r"\x00-\x1f\x7f",
}


def php_regex(source: Any) -> tuple[str, int]:
    """A PHP `/pattern/flags` string as (Python pattern, re flags); Skip if not faithful."""
    if not isinstance(source, str) or len(source) < 2:
        raise Skip(f"not a delimited regex: {source!r}")
    opener = source[0]
    if opener.isalnum() or opener == "\\" or opener.isspace():
        raise Skip(f"bad regex delimiter: {source!r}")
    closer = _CLOSE.get(opener, opener)
    end = source.rfind(closer)
    if end <= 0:
        raise Skip(f"unterminated regex: {source!r}")
    body, modifiers = source[1:end], source[end + 1 :].strip()
    flags = 0
    for letter in modifiers:
        if letter == "A":
            body = rf"\A(?:{body})"
        elif letter in _FLAGS:
            flags |= _FLAGS[letter]
        else:
            raise Skip(f"regex modifier {letter!r} has no Python equivalent: {source!r}")
    pattern = _pcre_body(body, source)
    try:
        re.compile(pattern, flags)
    except (re.error, OverflowError, RecursionError) as exc:
        raise Skip(f"regex does not compile in Python ({exc}): {source!r}") from exc
    return pattern, flags


def _pcre_body(body: str, source: str) -> str:
    for rule, why in _UNSUPPORTED:
        if rule.search(body):
            raise Skip(f"regex uses {why}: {source!r}")
    body = re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", body)  # named groups, not look-behinds
    body = re.sub(r"\(\?'([A-Za-z_]\w*)'", r"(?P<\1>", body)
    body = body.replace(r"\h", r"[ \t]").replace(r"\H", r"[^ \t]")
    body = body.replace(r"\z", r"\Z").replace(r"\e", r"\x1b")
    body = _LOOK_BEHIND.sub(_split_look_behind, body)
    return re.sub(
        r"\[:(\^?)(\w+):\]", lambda m: _posix_class(m.group(1), m.group(2), source), body
    )


# a look-behind with no group inside: PCRE lets each top-level branch have its own fixed width
# ("(?<=^|\.)"), Python wants one width for the whole
_LOOK_BEHIND = re.compile(r"\(\?<([=!])((?:\\.|\[(?:\\.|[^\]])*\]|[^()\\\[])*)\)")


def _split_look_behind(match: re.Match[str]) -> str:
    """`(?<=a|bc)` as `(?:(?<=a)|(?<=bc))`, `(?<!a|bc)` as `(?<!a)(?<!bc)`: PCRE's meaning."""
    kind, branches = match.group(1), _top_level_branches(match.group(2))
    if len(branches) < 2:
        return match.group(0)
    if kind == "=":
        return "(?:" + "|".join(f"(?<={b})" for b in branches) + ")"
    return "".join(f"(?<!{b})" for b in branches)


def _top_level_branches(text: str) -> list[str]:
    """`text` split at each `|` that is neither escaped nor inside a character class."""
    branches, current, in_class, escaped = [], "", False, False
    for char in text:
        if char == "|" and not (in_class or escaped):
            branches.append(current)
            current = ""
            continue
        current += char
        in_class = (in_class or (char == "[" and not escaped)) and not (
            char == "]" and in_class and not escaped)
        escaped = char == "\\" and not escaped
    return [*branches, current]


def _posix_class(negated: str, name: str, source: str) -> str:
    if negated or name not in _POSIX:
        raise Skip(f"regex uses POSIX class [:{negated}{name}:]: {source!r}")
    return _POSIX[name]


def php_replacement(text: Any) -> str:
    """A preg_replace replacement ($1, ${1}, \\1) as a Python re.sub template."""
    out: list[str] = []
    for match in re.finditer(r"\$\{(\d+)\}|\$(\d+)|\\(\d+)|(\\)|([^$\\]+|\$)", str(text)):
        number = match.group(1) or match.group(2) or match.group(3)
        if number is not None:
            out.append(rf"\g<{number}>")
        elif match.group(4):
            out.append("\\\\")
        else:
            out.append(match.group(5))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# OIDs
# ---------------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"^\.?\d+(\.\d+)+$")


_OWN_OID = re.compile(r'^[A-Z0-9_]+ = "(\d+(?:\.\d+)+)"\s+#\s+([\w-]+::\w+)')
_QUOTED_INDEX = re.compile(r'^(.*?)\."([^"]*)"$')


def own_oids(path: Path = ROOT / "netmap" / "discover" / "snmp" / "oids.py") -> dict[str, str]:
    """netmap's own OID table (`NAME = "numeric"  # MODULE::symbol`), read as text: the
    standard MIBs' definitions, which win where symbols.tsv resolved a module name to a vendor's
    copy of it (a private "UPS-MIB" under an enterprise number shadows RFC 1628's)."""
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _OWN_OID.match(line.strip())
            # only the IETF trees: a vendor module name can be shared by two vendors' MIBs
            if match and match.group(1).startswith(("1.3.6.1.2.1.", "1.3.6.1.6.")):
                table.setdefault(match.group(2), match.group(1))
    return table


_NUMERIC_INDEX = re.compile(r"\d+(?:\.\d+)*")


@dataclass
class Symbols:
    exact: dict[str, str]
    by_name: dict[str, set[str]]
    own: dict[str, str] = field(default_factory=dict)
    report: Report | None = None
    # (foreign prefix, own prefix, why) for one OS: see MibFolders
    reroot: tuple[tuple[str, str, str], ...] = ()
    where: str = ""

    @classmethod
    def load(cls, path: Path, report: Report | None = None,
             extra: Path | None = None) -> Symbols:
        """symbols.tsv, then the names it lacks from `extra` (a hand-resolved supplement)."""
        exact: dict[str, str] = {}
        by_name: dict[str, set[str]] = {}
        lines = [(False, line) for line in path.read_text(encoding="utf-8").splitlines()]
        if extra is not None and extra.exists():
            lines += [(True, line) for line in extra.read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#")]
        for hand_kept, line in lines:
            name, _, rest = line.partition("\t")
            oid = rest.partition("\t")[0].strip()
            if name and _NUMERIC.match(oid):
                if name not in exact:
                    exact[name] = oid.lstrip(".")
                    by_name.setdefault(name.split("::", 1)[-1], set()).add(exact[name])
            elif hand_kept and extra is not None and report is not None:  # only ours is checked
                report.add(extra.name, f"row left out, no name and numeric OID: {line[:80]!r}")
        return cls(exact, by_name, own_oids(), report)

    def _column(self, base: str) -> str | None:
        """The OID of a MIB object known only with an index (`col.1` -> the OID of `col`), as
        net-snmp sends `col.<any index>`: the resolved name minus its numeric index."""
        if base in self.exact:
            return self.exact[base]
        for name, oid in self.exact.items():
            index = name[len(base) + 1:] if name.startswith(base + ".") else ""
            if _NUMERIC_INDEX.fullmatch(index) and oid.endswith("." + index):
                return oid[: -len(index) - 1]
        return None

    def numeric(self, name: Any) -> str:
        """The numeric OID (no leading dot) of a numeric or MODULE::symbol[.index] name; a
        quoted string index (`nsExtendOutput1Line."distro"`) is its length and characters."""
        text = str(name).strip()
        if _NUMERIC.match(text):
            return text.lstrip(".")
        quoted = _QUOTED_INDEX.match(text)
        if quoted:
            encoded = quoted.group(2).encode("utf-8")
            return ".".join([self.numeric(quoted.group(1)), str(len(encoded)),
                             *(str(b) for b in encoded)]).rstrip(".")
        base, dot, index = text.partition(".")
        if base in self.own:
            standard = self.own[base] + (dot + index if index else "")
            if text in self.exact and self.exact[text] != standard and self.report:
                self.report.add("symbols.tsv", f"{text} resolves to .{self.exact[text]}; the "
                                f"standard MIB (netmap's OID table) says .{standard}: using that")
            return standard
        return self._rerooted(text, self._resolved(text, base, index))

    def _resolved(self, text: str, base: str, index: str) -> str:
        if text in self.exact:
            return self.exact[text]
        column = self._column(base) if _NUMERIC_INDEX.fullmatch(index) else None
        if column is not None:  # "col.0" where only "col.1" (or "col") resolved
            return f"{column}.{index}"
        bare = self.by_name.get(text.split("::", 1)[-1], set())
        if "::" not in text and len(bare) == 1:  # a name without its MIB, unique among all
            return next(iter(bare))
        raise Skip(f"OID {text!r} does not resolve")

    def _rerooted(self, text: str, oid: str) -> str:
        """`oid` moved from another vendor's copy of a module to the OS's own copy, where the
        OS's MIB folder has one (the longest matching prefix wins)."""
        for foreign, own, why in self.reroot:
            if oid == foreign or oid.startswith(foreign + "."):
                moved = own + oid[len(foreign):]
                if self.report is not None:
                    self.report.add(self.where, f"{text} resolves to .{oid} under {why}: .{moved}")
                return moved
        return oid

    def for_os(self, where: str, reroot: list[tuple[str, str, str]]) -> Symbols:
        """These symbols as one OS's MIB search path resolves them."""
        return dataclasses.replace(self, reroot=tuple(reroot), where=where) if reroot else self


# ---------------------------------------------------------------------------------------------
# MIB folders: the copy of a shared module name each OS loads
# ---------------------------------------------------------------------------------------------


@dataclass
class MibFolders:
    """Where vendors ship different MIB modules under one name, the copy each OS loads.

    LibreNMS runs net-snmp with `-M mibs:mibs/<group>:mibs/<mib_dir, else the OS's name>`
    (Mib::mibDirectories), and net-snmp loads a module name from the LAST folder of that path
    that holds it (snmptranslate with two copies of one module in two folders takes the later
    one, either order). symbols.tsv was made once for every OS, so a name that vendors share
    resolved through one vendor's copy: NMS-SMI's root `nms` is enterprises 3320 in BDCOM's
    folder, 52642 in FS's fs/bdcom and 11606.10 in PBN's, and symbols.tsv files BDCOM's chassis
    objects under PBN's. An object under another copy's node moves to the same node of the copy
    in the OS's own folder (its mib_dir, else the folder named after it), which is last in its
    path; where the OS's own folder has no copy, nothing moves (a copy in the group's folder
    could be overridden by one in the OS's folder that the MIB set at hand does not show)."""

    copies: dict[str, dict[str, dict[str, str]]]  # module -> folder -> node -> numeric OID

    @classmethod
    def load(cls, mibs: Path | None, report: Report) -> MibFolders:
        """The copies of every module name found in two or more folders below `mibs`."""
        from make_products import Assignment, parse_module, resolve  # the same MIB reader

        found: dict[tuple[str, str], list[Assignment]] = {}
        if mibs is None or not mibs.is_dir():
            return cls({})
        for path in sorted(p for p in mibs.rglob("*") if p.is_file()):
            folder = path.parent.relative_to(mibs).as_posix().strip(".")
            try:
                assignments = parse_module(path.read_text(encoding="utf-8", errors="replace"),
                                           path.name)
            except Exception as error:  # a file the reader trips on is a report line
                report.add(f"MIB {folder}/{path.name}", f"left out: {error}")
                continue
            for a in assignments:
                found.setdefault((folder, a.module), []).append(a)
        folders_of: dict[str, set[str]] = {}
        for folder, module in found:
            folders_of.setdefault(module, set()).add(folder)
        copies: dict[str, dict[str, dict[str, str]]] = {}
        for (folder, module), assignments in sorted(found.items()):
            if len(folders_of[module]) > 1:  # this copy alone: its parents from the SMI roots
                nodes = {name: oid for (mod, name), oid in resolve(assignments).items()
                         if mod == module}
                if nodes:
                    copies.setdefault(module, {})[folder] = nodes
        return cls(copies)

    def reroot(self, own_folder: str) -> list[tuple[str, str, str]]:
        """(other copy's node OID, the own copy's OID of that node, why) for an OS whose own
        MIB folder is `own_folder`, longest prefix first."""
        moves: dict[str, tuple[str, str]] = {}
        for module, copies in self.copies.items():
            own = copies.get(own_folder)
            if not own:
                continue
            mine = set(own.values())
            for folder, nodes in copies.items():
                for name, oid in nodes.items():
                    target = own.get(name)
                    if folder != own_folder and target and target != oid and not _within(oid, mine):
                        moves.setdefault(oid, (target, f"{folder}/{module}; the OS loads "
                                                          f"{own_folder}/{module}"))
        ordered = sorted(moves.items(), key=lambda item: (-item[0].count("."), item[0]))
        return [(oid, target, why) for oid, (target, why) in ordered]


def _within(oid: str, prefixes: set[str]) -> bool:
    return any(oid == p or oid.startswith(p + ".") for p in prefixes)


def own_mib_folder(data: dict[str, Any], name: str) -> str:
    """The OS's own MIB folder, last in its search path: `mib_dir`, else its name."""
    mib_dir = data.get("mib_dir")
    return str(mib_dir).strip("/") if isinstance(mib_dir, str) and mib_dir else name


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def detect_condition(key: str, value: Any, symbols: Symbols) -> list[Any]:
    negated = key.endswith("_except")
    base = key[: -len("_except")] if negated else key
    if base in ("sysObjectID", "sysDescr"):
        return [base, negated, [str(v) for v in _values(value) if v is not None]]
    if base in ("sysDescr_regex", "sysObjectID_regex"):
        return [base, negated, [list(php_regex(v)) for v in _values(value)]]
    if base in ("snmpget", "snmpwalk"):
        if not isinstance(value, dict) or "oid" not in value or "value" not in value:
            raise Skip(f"{base} without oid and value")
        op = str(value.get("op", "contains"))
        if op not in OPS:
            raise Skip(f"{base} op {op!r} unknown")
        wanted = value["value"]
        if op in ("regex", "not_regex"):
            wanted = [list(php_regex(v)) for v in _values(wanted)]
        return [base, negated, {"oid": symbols.numeric(value["oid"]), "op": op, "value": wanted}]
    raise Skip(f"detection key {key!r} unknown")


def detection(name: str, data: dict[str, Any], symbols: Symbols, report: Report) -> list[Any]:
    items: list[Any] = []
    for number, item in enumerate(data.get("discovery") or []):
        if not isinstance(item, dict):
            report.add(f"os_detection/{name}.yaml item {number}", "not a mapping")
            continue
        try:
            items.append([detect_condition(k, v, symbols) for k, v in item.items()])
        except Skip as why:
            report.add(f"os_detection/{name}.yaml item {number}", f"item dropped: {why}")
    return items


def is_slow(data: dict[str, Any]) -> bool:
    """Core::discoveryIsSlow: any item with snmpget or snmpwalk defers the whole OS."""
    return any(
        isinstance(item, dict) and ("snmpget" in item or "snmpwalk" in item)
        for item in data.get("discovery") or []
    )


# ---------------------------------------------------------------------------------------------
# Discovery (YamlOSDiscovery)
# ---------------------------------------------------------------------------------------------

_TEMPLATE_VAR = re.compile(r"\{\{\s*\$?([^\s}]+)\s*\}\}")


def template(text: Any, symbols: Symbols) -> list[list[str]]:
    """SimpleTemplate text as parts: ["text", literal] / ["oid", numeric] / ["field", name]."""
    parts: list[list[str]] = []
    source, last = str(text), 0
    for match in _TEMPLATE_VAR.finditer(source):
        if match.start() > last:
            parts.append(["text", source[last : match.start()]])
        name = match.group(1)
        parts.append(["field", name] if name in FIELDS else ["oid", symbols.numeric(name)])
        last = match.end()
    if last < len(source):
        parts.append(["text", source[last:]])
    return parts


def replacements(value: Any) -> list[list[Any]]:
    out: list[list[Any]] = []
    for item in _values(value):
        search, repl = (item[0], item[1]) if isinstance(item, list) and len(item) == 2 else (item, "")
        if isinstance(search, list):
            raise Skip(f"replacement {item!r} is not [search, replace]")
        out.append([*php_regex(search), php_replacement(repl)])
    return out


def _one(where: str, report: Report, build: Callable[[], Any]) -> Any:
    try:
        return build()
    except Skip as why:
        report.add(where, f"left out: {why}")
        return None


def discovery(where: str, data: dict[str, Any], symbols: Symbols, report: Report) -> dict[str, Any]:
    """The `modules.os` block of `data` as the table's discovery spec; `where` labels the
    report lines of what is left out."""
    os_yaml = ((data.get("modules") or {}).get("os")) or {}
    if not isinstance(os_yaml, dict):
        return {}
    out: dict[str, Any] = {}
    if "sysDescr_regex" in os_yaml:
        regexes = [
            _one(f"{where} sysDescr_regex", report, partial(_regex_list, r))
            for r in _values(os_yaml["sysDescr_regex"])
        ]
        out["sysDescr_regex"] = [r for r in regexes if r is not None]
    if "hardware_mib" in os_yaml:
        out["hardware_mib"] = str(os_yaml["hardware_mib"])
    fields: dict[str, Any] = {}
    for key in os_yaml:  # Arr::only keeps the YAML's own order
        if key in FIELDS:
            spec = _one(f"{where} {key}", report, partial(_field, key, os_yaml, symbols))
            if spec is not None:
                fields[key] = spec
    if "hardware_regex" in os_yaml and "hardware_mib" in out:
        regex = _one(f"{where} hardware_regex", report,
                     partial(_regex_lists, os_yaml["hardware_regex"]))
        if regex is not None:
            out["hardware_mib_regex"] = regex
    replace = {
        key: _one(f"{where} {key}_replace", report, partial(replacements, os_yaml[f"{key}_replace"]))
        for key in FIELDS
        if f"{key}_replace" in os_yaml
    }
    out["fields"] = fields
    out["replace"] = {k: v for k, v in replace.items() if v is not None}
    return out


def _regex_list(source: Any) -> list[Any]:
    return list(php_regex(source))


def _regex_lists(sources: Any) -> list[Any]:
    return [_regex_list(r) for r in _values(sources)]


# Objects some definitions read as a serial number that are no serial number of anything, by
# their name in netmap's OID table: the agent's set-request lock (TestAndIncr, RFC 3418) counts
# SETs. Left out with a report line, in whatever form the definition writes the object.
NOT_A_SERIAL = {"SNMPv2-MIB::snmpSetSerialNo": "the agent's set-request lock (TestAndIncr, "
                "RFC 3418), not a serial number"}


def _field(key: str, os_yaml: dict[str, Any], symbols: Symbols) -> dict[str, Any]:
    # each OID with the name the definition gives it: the evidence line shows that name
    spec: dict[str, Any] = {
        "oids": [[symbols.numeric(o), str(o).strip()] for o in _values(os_yaml[key])]
    }
    if key == "serial":
        locks = {symbols.own[name] + ".0": why for name, why in NOT_A_SERIAL.items()
                 if name in symbols.own}  # fmt: skip
        for oid, name in spec["oids"]:
            if oid.lstrip(".") in locks:
                raise Skip(f"{name} is {locks[oid.lstrip('.')]}")
    if f"{key}_regex" in os_yaml:
        spec["regex"] = [list(php_regex(r)) for r in _values(os_yaml[f"{key}_regex"])]
    if f"{key}_template" in os_yaml:
        spec["template"] = template(os_yaml[f"{key}_template"], symbols)
    return spec


# "modules:", then "<indent>os:" and its lines: deeper-indented ones, blank ones and comments
_OS_BLOCK = re.compile(r"^modules:\n(?:[ \t]*(?:#.*)?\n)*?( +)os:[ \t]*\n"
                       r"((?:(?:\1 +\S.*|[ \t]*(?:#.*)?)\n)*)", re.MULTILINE)


def load_discovery(path: Path, report: Report) -> dict[str, Any]:
    """A discovery file; when YAML cannot parse the whole file, its `modules.os` block alone,
    if that block parses: LibreNMS's own (Symfony) parser accepts some flow syntax PyYAML
    refuses, and a slip in a sensor list must not cost the OS its hardware, version and serial.
    The block's text is parsed exactly as written; nothing is patched."""
    try:
        return load_yaml(path)
    except Skip as whole:
        text = path.read_text(encoding="utf-8", errors="replace")
        match = _OS_BLOCK.search(text + "\n")
        if match is None:
            raise
        try:
            os_block = yaml.load(f"os:\n{match.group(2)}", Loader=_Loader)
        except yaml.YAMLError:
            raise whole from None
        if not isinstance(os_block, dict) or not isinstance(os_block.get("os"), dict):
            raise whole from None
        report.add(f"os_discovery/{path.name}", f"{whole}; its modules.os block read alone")
        return {"modules": os_block}


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def build(source: Path, report: Report, extra_symbols: Path | None = None,
          classes: Path | None = None, mibs: Path | None = None) -> dict[str, Any]:
    all_symbols = Symbols.load(source / "symbols.tsv", report, extra_symbols)
    folders = MibFolders.load(mibs or source / MIB_FOLDERS, report)
    php = load_classes(classes, report)
    php_file = classes.name if classes else ""
    normal: list[dict[str, Any]] = []
    slow: list[dict[str, Any]] = []
    generic: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for path in sorted((source / "os_detection").glob("*.yaml")):
        try:
            data = load_yaml(path)
        except Skip as why:
            report.add(f"os_detection/{path.name}", f"OS left out: {why}")
            continue
        name = str(data.get("os") or "")
        if not name or name in seen:
            report.add(f"os_detection/{path.name}", f"OS left out: {'duplicate' if name else 'no'} "
                       f"OS name {name!r}")
            continue
        seen.add(name)
        symbols = all_symbols.for_os(f"os_detection/{name}.yaml",
                                     folders.reroot(own_mib_folder(data, name)))
        entry: dict[str, Any] = {
            "os": name,
            "text": str(data.get("text") or name),
            "type": str(data.get("type") or ""),
            "group": str(data["group"]) if data.get("group") else None,
            # the logo and MIB folder LibreNMS files the OS under: both name its maker
            "marks": list(dict.fromkeys(str(data[key]) for key in ("icon", "mib_dir")
                                        if data.get(key))),
            "detect": detection(name, data, symbols, report),
            "discover": None,
        }
        discover_path = source / "os_discovery" / f"{name}.yaml"
        if discover_path.exists():
            try:
                entry["discover"] = discovery(f"os_discovery/{name}.yaml",
                                              load_discovery(discover_path, report),
                                              symbols, report)  # fmt: skip
            except Skip as why:
                report.add(f"os_discovery/{name}.yaml", f"discovery left out: {why}")
        if name in php:
            entry["discover"] = with_class(entry["discover"], php.pop(name), symbols, report,
                                           f"{php_file} {name}")
        if name in GENERIC:
            generic[name] = entry
        else:
            (slow if is_slow(data) else normal).append(entry)
    ordered = normal + slow + [generic[name] for name in GENERIC if name in generic]
    for name in php:
        report.add(php_file, f"{name}: no such OS, left out")
    return {
        "source": {
            "project": "LibreNMS (librenms/librenms), GPL-3.0-or-later",
            "definitions": len(ordered),
            "report_lines": len(report.lines),
        },
        "os": ordered,
    }


def load_classes(path: Path | None, report: Report) -> dict[str, dict[str, Any]]:
    """The PHP-class supplement: OS name -> its `os` block, in the YAML's own vocabulary."""
    if path is None or not path.exists():
        return {}
    try:
        data = load_yaml(path)
    except Skip as why:
        report.add(path.name, f"left out: {why}")
        return {}
    out: dict[str, dict[str, Any]] = {}
    for name, entry in data.items():
        block = entry.get("os") if isinstance(entry, dict) else None
        if isinstance(block, dict) and entry.get("class"):
            out[str(name)] = {"class": str(entry["class"]), "os": block}
        else:
            report.add(path.name, f"{name}: no `class` and `os` block, left out")
    return out


def with_class(spec: dict[str, Any] | None, entry: dict[str, Any], symbols: Symbols,
               report: Report, where: str) -> dict[str, Any]:
    """A definition's discovery with what its PHP class sets. The class runs after the YAML
    (`parent::discoverOS` first), so its sysDescr patterns come after the definition's and may
    overwrite them; a field it reads is asked first, the definition's own objects for that field
    after it (where the definition's field has no regex or template of its own to keep)."""
    extra = discovery(where, {"modules": {"os": entry["os"]}}, symbols, report)
    for field_spec in extra.get("fields", {}).values():  # the evidence names the class
        field_spec["oids"] = [[oid, f"{entry['class']} {label}"] for oid, label in field_spec["oids"]]
    for key in _values(entry["os"].get("next") or []):  # snmp_getnext: a column's first row
        if key in extra.get("fields", {}):
            extra["fields"][key]["next"] = True
        else:
            report.add(where, f"next: {key!r} is no field the class reads, left out")
    merged = dict(spec or {"fields": {}, "replace": {}})
    if extra.get("sysDescr_regex"):  # each with its class: the runtime labels what it reads
        merged["sysDescr_regex"] = [*merged.get("sysDescr_regex", []),
                                    *([*r, entry["class"]] for r in extra["sysDescr_regex"])]
    fields = dict(merged.get("fields") or {})
    for key, field_spec in extra.get("fields", {}).items():
        own = fields.get(key)
        if own and _plain_field(own) and _plain_field(field_spec) and not field_spec.get("next"):
            field_spec = {**field_spec, "oids": [*field_spec["oids"], *own["oids"]]}
        fields[key] = field_spec
    merged["fields"] = fields
    merged["replace"] = {**(merged.get("replace") or {}), **extra.get("replace", {})}
    return merged


def _plain_field(field_spec: dict[str, Any]) -> bool:
    """A field read as the first non-empty object, with no regex or template applied to it."""
    return not {"regex", "template"} & set(field_spec)


def write(table: dict[str, Any], out: Path) -> None:
    text = json.dumps(table, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main(argv: list[str]) -> int:
    source, out, mibs = command_line.paths(
        __doc__,
        argv,
        ("LIBRENMS_DIR", DEFAULT_DIR, "os_detection/, os_discovery/ and symbols.tsv"),
        ("OUTPUT", DEFAULT_OUT, "the table to write"),
        ("MIBS", None, "a LibreNMS checkout's mibs/ (default: LIBRENMS_DIR/product-mibs)"),
    )
    assert source is not None and out is not None
    if not (source / "os_detection").is_dir() or not (source / "symbols.tsv").is_file():
        print(f"{source}: needs os_detection/, os_discovery/ and symbols.tsv", file=sys.stderr)
        return 2
    report = Report()
    table = build(source, report, EXTRA_SYMBOLS, CLASSES, mibs)
    write(table, out)
    for line in report.lines:
        print(line)
    print(f"{table['source']['definitions']} OS definitions -> {out} "
          f"({out.stat().st_size} bytes); {len(report.lines)} report lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
