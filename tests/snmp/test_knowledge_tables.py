"""The hand-kept identification tables (data/vendor-mibs.tsv, vendor-mibs.toml, brands.toml):
every row loads, and a bad row costs only itself, with a warning that says where."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from netmap.discover.snmp import enterprises, sysdescr, vendor_mibs
from netmap.discover.snmp.datafiles import data_text
from netmap.discover.snmp.enterprises import enterprise_of
from netmap.infer.identify.keywords import load_keywords


def test_every_vendor_mib_row_loads(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        table = vendor_mibs.load_vendor_probes()
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    rows = [line for line in data_text("vendor-mibs.tsv").splitlines()
            if line.strip() and not line.startswith("#")]  # fmt: skip
    generic = set(table[8072])
    servers = [p for n in (674, 232, 10876) for p in table[n] if not p.column]
    own_311 = len([row for row in rows if row.startswith("311\t")])
    os_agents = vendor_mibs.SERVER_OS_AGENTS
    assert os_agents == {311, 6876}  # Windows, ESXi
    assert (sum(len(v) for k, v in table.items() if k not in (8072, 2021))
            - len(servers) * len(os_agents) == len(rows))  # fmt: skip
    # the Net-SNMP appliances' scalars (never a column walk) are asked under Net-SNMP's number
    assert generic and all(not p.column for p in generic)
    # a Windows agent is asked the server makers' scalars, after its own rows
    asked = table[311][own_311:]
    assert [p.label for p in asked] == [p.label for p in servers] and all(p.hardware for p in asked)
    assert not any(p.hardware for p in generic)  # an appliance's maker is no server's maker
    junos = {p.label for p in table[2636]}
    assert "JUNIPER-MIB jnxBoxDescr" in junos


sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import make_librenms  # noqa: E402

SYMBOLS = (Path(__file__).resolve().parents[3] / "shared" / "knowledge" / "librenms"
           / "symbols.tsv")  # fmt: skip


@pytest.mark.skipif(not SYMBOLS.exists(), reason="../shared/knowledge is not beside the project")
def test_vendor_mib_rows_agree_with_the_objects_librenms_resolves() -> None:
    """A hand-kept row names its MIB object; where net-snmp resolved that object from LibreNMS's
    MIBs, the row's OID must be the object's (a mistyped arc fails here). A module name that two
    makers' MIBs share (NMS-CHASSIS under BDCOM's and PBN's numbers) resolves once: a symbol
    under another enterprise than the row's is not its object."""
    # the generator's own reading, with the names resolved by hand beside symbols.tsv
    resolved = make_librenms.Symbols.load(SYMBOLS, extra=make_librenms.EXTRA_SYMBOLS).exact
    checked, wrong = 0, []
    for line in data_text("vendor-mibs.tsv").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5 or len(words := cols[4].split()) < 2:
            continue
        how, oid = cols[2], cols[3]
        instance = oid + ".0" if how == "scalar" else oid
        for key in (f"{words[0]}::{words[1]}", f"{words[0]}::{words[1]}.0"):
            want = resolved.get(key, "")
            if not want or enterprise_of(want) != enterprise_of(oid):
                continue
            checked += 1
            if want not in (oid, instance) and not (how == "exact" and oid.startswith(want + ".")):
                wrong.append((cols[4], oid, key, want))
            break
    assert checked >= 60 and not wrong, wrong  # rows the LibreNMS table now reads were deleted


def test_a_bad_vendor_mib_row_is_skipped_with_its_line(caplog: pytest.LogCaptureFixture) -> None:
    rows = "\n".join([
        "# a comment",
        "2636\tmodel\tscalar\t1.3.6.1.4.1.2636.3.1.2\tJUNIPER-MIB jnxBoxDescr",
        "2636\tcolour\tscalar\t1.3.6.1.4.1.2636.3.1.9\tno such field",
        "2636\tmodel\tscalar\tjnxBoxDescr\ta name, not an OID",
        "2636\tmodel\tscalar\t1.3.6.1.4.1.2636.3.1.2\tbad pattern\t(unclosed",
        "2636\tmodel",
        "6574\tserial_number\texact\t1.3.6.1.4.1.6574.1.5.2\tSYNOLOGY-SYSTEM-MIB serialNumber",
    ])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        table = vendor_mibs.load_vendor_probes(rows)
    assert [p.label for p in table[2636]] == ["JUNIPER-MIB jnxBoxDescr"]
    assert table[6574][0].instance == "1.3.6.1.4.1.6574.1.5.2"  # exact: no ".0"
    assert [r.getMessage().split(" skipped")[0] for r in caplog.records] == [
        f"vendor-mibs.tsv line {n}" for n in (3, 4, 5, 6)]


def test_brands_table() -> None:
    assert enterprises.ENTERPRISES[9] == "Cisco" and 8072 in enterprises.GENERIC_ENTERPRISES
    assert enterprises.vendor_of_enterprise(8072) is None  # a toolkit names no maker
    assert enterprises.brand_in_text("Cisco IOS Software, C2960X") == "Cisco"
    # a maker's registered name, as the MAC registry spells it, is the brand people write
    from netmap.oui import brand
    assert brand("Super Micro Computer, Inc.") == "Supermicro"
    # the MAC registry's title-cased capitals are letters again; words and mixed case stay
    assert [brand(n) for n in ("Tvt Co.,Ltd", "Lg Innotek", "Lytx", "Zte Corporation", "NXP")] \
        == ["TVT", "Lg Innotek", "Lytx", "ZTE", "NXP"]
    assert all(k == k.lower() for k in enterprises.BRAND_KEYWORDS)


def test_every_banner_rule_and_type_keyword_loads(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        rules, families = sysdescr.load_rules()
        keywords = load_keywords()
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert len(rules) > 40 and families and len(keywords) > 20
    # <VERSION> became the version token: "Version 15.2(7)E4" is read whole
    cisco = next(p for p, _field, _rank, _label, _makers in rules if "Cisco" in p.pattern)
    assert "<VERSION>" not in "".join(p.pattern for p, _f, _r, _l, _m in rules)
    assert cisco.search("Cisco IOS Software, C2960X, Version 15.2(7)E4, RELEASE")
    # the makers a banner rule was written for (leave-one-vendor-out drops it for their devices)
    assert next(m for p, _f, _r, _l, m in rules if p is cisco) == {9}
    assert sum(1 for *_rule, makers in rules if makers) >= 29
    # the one rule whose reading code recognises carries its label
    assert [label for *_rule, label, _m in rules if label] == [sysdescr.UNAME_RELEASE]


def test_a_bad_banner_rule_or_keyword_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    rules_text = "\n".join([
        "[[rule]]", "pattern = '^RouterOS (\\S+)'", 'field = "model"', 'rank = "strong"',
        "[[rule]]", "pattern = '(unclosed'", 'field = "model"', 'rank = "descr"',
        "[[rule]]", "pattern = 'x (y)'", 'field = "colour"', 'rank = "weak+1"',
        "[[family]]", "pattern = '^SBM-'", 'vendor = "Supermicro"',
        "[[family]]", "vendor = 'no pattern'",
    ])  # fmt: skip
    keywords_text = "\n".join([
        "[[keyword]]", "pattern = 'printer'", 'type = "printer"', "weight = 0.8", 'reason = "p"',
        "[[keyword]]", "pattern = 'toaster'", 'type = "toaster"', "weight = 0.8", 'reason = "t"',
    ])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        rules, families = sysdescr.load_rules(rules_text)
        keywords = load_keywords(keywords_text)
    assert [r[2] for r in rules] == [25] and [f[1] for f in families] == ["Supermicro"]
    assert [k[1].value for k in keywords] == ["printer"]
    assert [r.getMessage().split(" skipped")[0] for r in caplog.records] == [
        "sysdescr-rules.toml rule 2", "sysdescr-rules.toml rule 3",
        "sysdescr-rules.toml family 2", "type-keywords.toml keyword 2"]  # fmt: skip


def test_mac_makers_load_and_a_bad_row_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    from netmap.infer.identify.keywords import load_mac_makers

    with caplog.at_level(logging.WARNING):
        makers, pc = load_mac_makers()
    assert not caplog.records and len(makers) > 10 and pc.search("Intel Corporate")
    text = "\n".join([
        "[[maker]]", "pattern = 'axis'", 'type = "camera"', "weight = 0.5",
        "[[maker]]", "pattern = '(broken'", 'type = "camera"', "weight = 0.5",
        "[[maker]]", "pattern = 'acme'", 'type = "toaster"', "weight = 0.5",
        "[pc_makers]", "pattern = 'dell'",
    ])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        makers, pc = load_mac_makers(text)
    assert [m.type.value for m in makers] == ["camera"] and pc.search("Dell Inc.")
    assert [r.getMessage().split(" skipped")[0] for r in caplog.records] == [
        "mac-makers.toml maker 2", "mac-makers.toml maker 3"]


def test_windows_builds_load_and_a_bad_row_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    from netmap.infer.identify.ntlm import windows_releases

    with caplog.at_level(logging.WARNING):
        table = windows_releases()
    assert not caplog.records and table[(10, 0, 20348)] == "Windows Server 2022"
    assert all(build > 0 for _major, _minor, build in table)  # build 0 is Samba's, no Windows
    text = "\n".join(["# comment", "10.0.22000\tWindows 11 21H2", "10.0.x\tBroken",
                      "10.0.1\t", "10.0.2"])  # fmt: skip
    with caplog.at_level(logging.WARNING):
        table = windows_releases(text)
    assert table == {(10, 0, 22000): "Windows 11 21H2"}
    assert [r.getMessage().split(" skipped")[0] for r in caplog.records] == [
        "windows-builds.tsv line 3", "windows-builds.tsv line 4", "windows-builds.tsv line 5"]


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# Curated names of numbers whose LibreNMS definitions name the maker before it changed hands:
# each an acquisition or rename on record, which a definition's title cannot show.
_ACQUIRED = {
    388: "Zebra bought Symbol (via Motorola) in 2014",
    1981: "Dell bought EMC in 2016", 12124: "Dell EMC (Isilon)", 19746: "Dell EMC (Data Domain)",
    5624: "Extreme bought Enterasys in 2013", 26928: "Extreme bought Aerohive in 2019",
    29671: "Cisco bought Meraki in 2012", 32620: "Keysight bought Ixia (Anue) in 2017",
    47196: "HPE is Hewlett Packard Enterprise",
}


def test_a_curated_brand_is_the_maker_the_numbers_definitions_name() -> None:
    """brands.toml renames an IANA registrant to the brand an inventory writes. Where LibreNMS
    detects devices by that number, its definitions must bear the brand out (their name, title,
    group or logo): a curated name for a number that belongs to someone else (3854 is AKCP's,
    not Polycom's; 9303 Waystream's, not Printronix's) fails here."""
    from netmap.discover.snmp.enterprises import ENTERPRISES, iana_name
    from netmap.infer.identify import librenms

    detected: dict[int, list[str]] = {}
    for defn in librenms.definitions():
        words = [defn["os"], defn["text"], defn.get("group") or "", *defn.get("marks", ())]
        for number in librenms.agent_enterprises(defn):
            detected.setdefault(number, []).extend(_squash(w) for w in words)
    checked, wrong = 0, []
    for number, brand in ENTERPRISES.items():
        mine, theirs = _squash(brand), _squash(iana_name(number) or "")
        if mine[:4] in theirs or theirs[:4] in mine or number not in detected:
            continue  # the registrant's own name, or no definition to compare with
        checked += 1
        first = _squash(brand.split()[0])
        if number not in _ACQUIRED and not any(first in word for word in detected[number]):
            wrong.append((number, brand, iana_name(number)))
    assert checked >= 80 and not wrong, wrong


def test_a_maker_prior_names_the_maker_of_its_number() -> None:
    """Each enterprise row of maker-types.tsv says whose number it is ("Waystream - network
    gear"): that must be the number's curated brand or its IANA registrant, so a prior written
    for one maker under another's number (a printer prior on Waystream's routers) fails here."""
    from netmap.discover.snmp.enterprises import ENTERPRISES, iana_name
    from netmap.infer.identify.keywords import IDENTIFY

    wrong, rows = [], 0
    for line in data_text("maker-types.tsv", IDENTIFY).splitlines():
        if not line.startswith("enterprise:"):
            continue
        rows += 1
        key, _type, _weight, why = line.split("\t")
        number = int(key.split(":")[1])
        maker = _squash(why.split(" - ")[0])
        names = [_squash(n) for n in (ENTERPRISES.get(number), iana_name(number)) if n]
        if not any(maker[:4] in name or name[:4] in maker for name in names):
            wrong.append((number, why))
    assert rows >= 200 and not wrong, wrong


def test_a_types_refinements_gather_every_row_of_it() -> None:
    """Two keyword rows of one type that each stand in for another type: both count (a dict
    keyed by type kept only the last row's)."""
    from netmap.infer.identify.keywords import refinements
    from netmap.model import DeviceType as T

    text = "\n".join([
        "[[keyword]]", "pattern = 'voip gateway'", 'type = "pbx"', "weight = 0.6", 'reason = "g"',
        'instead_of = ["router"]',
        "[[keyword]]", "pattern = 'asterisk'", 'type = "pbx"', "weight = 0.8", 'reason = "a"',
        'instead_of = ["server"]',
    ])  # fmt: skip
    assert refinements(load_keywords(text)) == {T.PBX: frozenset({T.ROUTER, T.SERVER})}
