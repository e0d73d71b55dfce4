"""Identification from knowledge as data: the LibreNMS table generator, the engine that evaluates
it as LibreNMS does, raw values kept in the scan and re-read by inference, calibrated types."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import sys
from pathlib import Path

import pytest

from netmap.discover.snmp.candidates import (
    R_DESCR,
    R_DESCR_STRONG,
    R_STANDARD,
    R_VENDOR_MIB,
    R_WEAK,
    revision_only,
)
from netmap.discover.snmp.oids import SNMP_SET_SERIAL_NO, scalar
from netmap.discover.snmp.raw import RecordingWalker, StoredWalker, decode, encode
from netmap.discover.snmp.snmprec import SnmprecWalker, parse_lines
from netmap.discover.snmp.walker import Oid
from netmap.infer.classify_snmp import (
    PRIOR_CAP,
    PRIOR_SOURCE,
    calibrate,
    snmp_type_hint,
    snmp_type_votes,
)
from netmap.infer.identify import librenms
from netmap.infer.identify.identify import _seeds, identify_facts, identify_record, read_identity
from netmap.infer.identify.votes import family_votes, structure_votes
from netmap.model import DeviceType, Facts, OsFamily, SnmpRecord, TypeVote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import make_librenms  # noqa: E402

from netmap.discover.snmp.enterprises import maker_in_title  # noqa: E402

T = DeviceType


def walker(*lines: str) -> SnmprecWalker:
    return SnmprecWalker(parse_lines(list(lines)))


# --- the generator -----------------------------------------------------------------------------


def _knowledge(tmp: Path) -> Path:
    (tmp / "os_detection").mkdir()
    (tmp / "os_discovery").mkdir()
    (tmp / "symbols.tsv").write_text(
        "ACME-MIB::acmeModel.0\t.1.3.6.1.4.1.99999.1.1.0\n"
        "ACME-MIB::acmeSerial.0\t.1.3.6.1.4.1.99999.1.2.0\n"
        "ACME-MIB::acmeVersionCol.1\t.1.3.6.1.4.1.99999.3.1.2.1\n"  # known only with index 1
        "UPS-MIB::upsIdentModel.0\t.1.3.6.1.4.1.13891.101.1.2.0\n"  # a vendor's copy shadows RFC 1628
    )
    files = {
        "os_detection/acme.yaml": "os: acme\ntext: 'Acme Switch'\ntype: network\nicon: acme\n"
        "mib_dir: acme-net\ndiscovery:\n"
        "  - sysObjectID: .1.3.6.1.4.1.99999.2\n",
        "os_detection/acme-ups.yaml": "os: acme-ups\ntext: 'Acme UPS'\ntype: power\ngroup: ups\n"
        "discovery:\n  - sysObjectID: .1.3.6.1.4.1.99999.\n    snmpget:\n"
        "      oid: UPS-MIB::upsIdentModel.0\n      op: starts\n      value: Acme\n",
        "os_detection/broken.yaml": "os: broken\n  text: [unclosed\n",
        "os_detection/dup.yaml": "os: acme\ntext: again\ntype: network\n",
        "os_detection/linux.yaml": "os: linux\ntext: Linux\ntype: server\ngroup: unix\ndiscovery:\n"
        "  - sysDescr_regex: '/^Linux/'\n",
        "os_detection/pcre.yaml": "os: pcre\ntext: PCRE\ntype: network\ndiscovery:\n"
        "  - sysDescr_regex: '/foo\\Kbar/'\n  - sysDescr: 'PCRE box'\n",
        "os_detection/zed.yaml": "os: zed\ntext: Zed\ntype: network\ndiscovery:\n"
        "  - sysObjectID: .1.3.6.1.4.1.99999.\n    sysDescr: Zed\n",
        "os_discovery/acme.yaml": "modules:\n  os:\n"
        "    sysDescr_regex: '/version (?<version>\\S+)/'\n"
        "    hardware: [ACME-MIB::acmeModel.0, NOPE-MIB::missing.0]\n"
        "    serial: ACME-MIB::acmeSerial.0\n"
        "    version: ACME-MIB::acmeVersionCol.0\n"
        "    serial_template: 'SN-{{ ACME-MIB::acmeSerial.0 }}'\n"
        "    hardware_replace:\n      - ['/^ACME_/', 'Acme ']\n",
        "os_discovery/zed.yaml": "modules:\n  os:\n    hardware: ACME-MIB::acmeModel.0\n"
        "    hardware_regex: '/(?<hardware>\\d+)/U'\n",
        # a sensor list LibreNMS's parser accepts and PyYAML refuses: the os block still counts
        "os_discovery/linux.yaml": "modules:\n    os:\n        serial: ACME-MIB::acmeSerial.0\n"
        "#    processors: (commented out)\n    sensors:\n        state:\n"
        "            - { value: 1, generic: 2,  , descr: 'x' }\n",
        "os_discovery/pcre.yaml": "modules:\n    os:\n        serial: 'x\n    sensors: [\n",
    }
    for name, text in files.items():
        (tmp / name).write_text(text)
    return tmp


def test_generator_follows_librenms_order_and_reports_what_it_cannot_carry(tmp_path: Path) -> None:
    report = make_librenms.Report()
    table = make_librenms.build(_knowledge(tmp_path), report)
    # plain definitions in file order, snmpget ones deferred, the generic ones last
    assert [d["os"] for d in table["os"]] == ["acme", "pcre", "zed", "acme-ups", "linux"]
    text = "\n".join(report.lines)
    assert "os_detection/broken.yaml: OS left out: malformed YAML" in text
    assert "os_detection/dup.yaml: OS left out: duplicate OS name 'acme'" in text
    assert re.search(r"pcre.yaml item 0: item dropped: regex uses a PCRE escape", text)
    assert "NOPE-MIB::missing.0" in text and "zed.yaml hardware" in text  # /U has no equivalent
    assert "UPS-MIB::upsIdentModel.0 resolves to .1.3.6.1.4.1.13891" in text
    pcre = next(d for d in table["os"] if d["os"] == "pcre")
    assert pcre["detect"] == [[["sysDescr", False, ["PCRE box"]]]]  # the other item survives
    ups = next(d for d in table["os"] if d["os"] == "acme-ups")
    assert ups["detect"][0][1][2]["oid"] == "1.3.6.1.2.1.33.1.1.2.0"  # RFC 1628, not the copy
    assert table["os"][0]["marks"] == ["acme", "acme-net"] and ups["marks"] == []
    # "col.0" resolves as net-snmp sends it: the column's OID (known from "col.1") plus ".0"
    assert table["os"][0]["discover"]["fields"]["version"]["oids"][0][0] == "1.3.6.1.4.1.99999.3.1.2.0"
    linux = next(d for d in table["os"] if d["os"] == "linux")
    assert linux["discover"]["fields"]["serial"]["oids"][0][0] == "1.3.6.1.4.1.99999.1.2.0"
    assert "os_discovery/linux.yaml: malformed YAML" in text and "modules.os block read alone" in text
    assert "os_discovery/pcre.yaml: discovery left out: malformed YAML" in text  # os block too


def test_supplements_resolve_what_symbols_lack_and_add_what_classes_read(tmp_path: Path) -> None:
    """Hand-resolved names fill only what symbols.tsv lacks; a PHP class's patterns come after
    the definition's and its objects before the definition's own for the same field."""
    extra = tmp_path / "symbols-extra.tsv"
    extra.write_text("# name\toid\tchain\n"
                     "NOPE-MIB::missing.0\t.1.3.6.1.4.1.99999.9.0\tmissing ::= { acme 9 }\n"
                     "ACME-MIB::acmeSerial.0\t.1.3.6.1.4.1.99999.8.0\tnever used: symbols.tsv has it\n"
                     "ACME-MIB::typo\t1.3.six\tbroken\n")
    classes = tmp_path / "classes.yaml"
    classes.write_text(
        "acme:\n  class: LibreNMS/OS/Acme.php\n  os:\n"
        "    sysDescr_regex: '/model (?<hardware>\\S+)/'\n"
        "    hardware: .1.3.6.1.4.1.99999.7.0\n"
        "zed:\n  class: LibreNMS/OS/Zed.php\n  os:\n"
        "    version: .1.3.6.1.4.1.99999.5\n    next: [version, serial]\n"
        "gone:\n  class: LibreNMS/OS/Gone.php\n  os:\n    serial: .1.3.6.1.4.1.99999.6.0\n")
    (tmp_path / "k").mkdir()
    report = make_librenms.Report()
    table = make_librenms.build(_knowledge(tmp_path / "k"), report, extra, classes)
    acme = table["os"][0]["discover"]
    assert [oid for oid, _label in acme["fields"]["hardware"]["oids"]] == [
        "1.3.6.1.4.1.99999.7.0", "1.3.6.1.4.1.99999.1.1.0", "1.3.6.1.4.1.99999.9.0"]
    assert acme["fields"]["hardware"]["oids"][0][1].startswith("LibreNMS/OS/Acme.php")
    assert acme["fields"]["serial"]["oids"][0][0] == "1.3.6.1.4.1.99999.1.2.0"
    assert acme["sysDescr_regex"] == [["version (?P<version>\\S+)", 0],
                                      ["model (?P<hardware>\\S+)", 0, "LibreNMS/OS/Acme.php"]]
    # snmp_getnext in a class: the field is read at the column's first row, not merged
    zed = next(d for d in table["os"] if d["os"] == "zed")["discover"]["fields"]
    assert zed["version"] == {"oids": [["1.3.6.1.4.1.99999.5", "LibreNMS/OS/Zed.php .1.3.6.1.4.1.99999.5"]],
                              "next": True}
    text = "\n".join(report.lines)
    assert "next: 'serial' is no field the class reads, left out" in text
    assert "NOPE-MIB::missing.0" not in text and "gone: no such OS" in text
    assert "symbols-extra.tsv: row left out, no name and numeric OID: 'ACME-MIB::typo" in text
    # a class file that does not parse is a report line too, never an error
    classes.write_text("acme:\n  class: [unclosed\n")
    report = make_librenms.Report()
    make_librenms.build(tmp_path / "k", report, extra, classes)
    assert any(line.startswith("classes.yaml: left out: malformed YAML") for line in report.lines)


_SMI = ("{module} DEFINITIONS ::= BEGIN\nIMPORTS MODULE-IDENTITY, enterprises FROM SNMPv2-SMI{more};"
        "\nnms MODULE-IDENTITY LAST-UPDATED \"200006281441Z\" ORGANIZATION \"\" CONTACT-INFO "
        "\"\" DESCRIPTION \"root\" ::= {{ {parent} }}\nnmsMgmt OBJECT IDENTIFIER ::= {{ nms 9 }}"
        "\nEND\n")


def test_a_module_name_two_vendors_share_resolves_through_the_oss_own_folder(
        tmp_path: Path) -> None:
    """NMS-SMI is BDCOM's root (enterprises 3320) in mibs/bdcom and PBN's (11606.10) in mibs/pbn;
    symbols.tsv, made once for all OSes, filed NMS-CHASSIS under PBN's. net-snmp loads a module
    from the last folder of LibreNMS's path, the OS's own (mib_dir, else its name): BDCOM's
    objects move to 3320, PBN's stay, and an OS whose own folder has no copy is left alone."""
    k = tmp_path / "k"
    (k / "os_detection").mkdir(parents=True)
    (k / "os_discovery").mkdir()
    (k / "symbols.tsv").write_text(
        "NMS-CHASSIS::nmscardSerial.0\t.1.3.6.1.4.1.11606.10.3.6.10.1.4.0\n"
        "NMS-CHASSIS::nmscardSerialX.0\t.1.3.6.1.4.1.11606.10.9.1.0\n")
    for folder, parent, more in (("bdcom", "enterprises 3320", ""), ("pbn", "pbn 10", ", pbn FROM PBN-ROOT"),
                                 ("fs/bdcom", "enterprises 52642", "")):
        (k / "product-mibs" / folder).mkdir(parents=True)
        (k / "product-mibs" / folder / "NMS-SMI").write_text(
            _SMI.format(module="NMS-SMI", parent=parent, more=more))
    (k / "product-mibs" / "junk").mkdir()
    (k / "product-mibs" / "junk" / "BAD").write_bytes(b"\xff\xfe not a MIB {{{ ::= ")
    os_block = ("modules:\n  os:\n    serial: NMS-CHASSIS::nmscardSerial.0\n"
                "    hardware: NMS-CHASSIS::nmscardSerialX.0\n")
    for name, extra in (("bdcom", ""), ("pbn", ""), ("fs-bdcom", "mib_dir: fs/bdcom\n"),
                        ("smartbyte", "group: smartbyte\n")):
        (k / "os_detection" / f"{name}.yaml").write_text(
            f"os: {name}\ntext: {name}\ntype: network\n{extra}discovery:\n"
            f"  - sysObjectID: .1.3.6.1.4.1.{len(name)}.\n")
        (k / "os_discovery" / f"{name}.yaml").write_text(os_block)
    report = make_librenms.Report()
    table = make_librenms.build(k, report)
    oids = {d["os"]: (d["discover"]["fields"]["serial"]["oids"][0][0],
                      d["discover"]["fields"]["hardware"]["oids"][0][0]) for d in table["os"]}
    assert oids["bdcom"] == ("1.3.6.1.4.1.3320.3.6.10.1.4.0", "1.3.6.1.4.1.3320.9.1.0")
    assert oids["fs-bdcom"] == ("1.3.6.1.4.1.52642.3.6.10.1.4.0", "1.3.6.1.4.1.52642.9.1.0")
    assert oids["pbn"] == oids["smartbyte"] == ("1.3.6.1.4.1.11606.10.3.6.10.1.4.0",
                                                "1.3.6.1.4.1.11606.10.9.1.0")
    text = "\n".join(report.lines)
    assert ("os_detection/bdcom.yaml: NMS-CHASSIS::nmscardSerial.0 resolves to "
            ".1.3.6.1.4.1.11606.10.3.6.10.1.4.0 under pbn/NMS-SMI; the OS loads bdcom/NMS-SMI: "
            ".1.3.6.1.4.1.3320.3.6.10.1.4.0") in text
    assert "pbn.yaml" not in text and "smartbyte.yaml" not in text
    # another MIB tree (a checkout's mibs/) is read instead when given; without copies, no move
    elsewhere = make_librenms.build(k, make_librenms.Report(), mibs=tmp_path / "no-such-tree")
    assert next(d for d in elsewhere["os"] if d["os"] == "bdcom")["discover"]["fields"][
        "serial"]["oids"][0][0] == "1.3.6.1.4.1.11606.10.3.6.10.1.4.0"


@pytest.mark.parametrize(("object_id", "descr", "maker"), [
    ("1.3.6.1.4.1.935.10.2", "Network Management Card for UPS", "Eaton"),  # LibreNMS eaton-matrix
    ("1.3.6.1.4.1.935.10.1", "Network Management Card for UPS", "PowerWalker"),  # powerwalker
    ("1.3.6.1.4.1.935.99", "Network Management Card for UPS", "MegaTec"),  # netagent2: the card
])
def test_an_oem_ups_card_number_names_the_ups_maker_its_definition_names(
        object_id: str, descr: str, maker: str) -> None:
    """Enterprise 935 is Phoenixtec's PPC-MIB, answered by Megatec's NetAgent cards in many
    brands' UPSs: the number names the card's MIB, not the UPS ("Megatec" on an Eaton UPS). The
    product branch LibreNMS files under the UPS maker's title names it; any other branch is what
    LibreNMS calls it, MegaTec's NetAgent II card."""
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}")
    assert asyncio.run(read_identity(agent)).identity.vendor == maker


def test_a_bdcom_agent_names_its_mother_card_from_its_own_enterprise() -> None:
    """BDCOM's definition reads NMS-CHASSIS's first card under BDCOM's number (3320), as its own
    MIB folder resolves it; no vendor rule is written for BDCOM."""
    descr, object_id = "BDCOM(tm) S2900 Software, Version 2.1.1A", "1.3.6.1.4.1.3320.1.999.0"
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}",
                   "1.3.6.1.4.1.3320.3.6.10.1.3.0|4|S2900-24T4X mother card",
                   "1.3.6.1.4.1.3320.3.6.10.1.4.0|4|00999000111",
                   "1.3.6.1.4.1.3320.3.6.10.1.6.0|4|10.3.0D Build 99999")
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "bdcom"
    ident = found.identity
    assert (ident.model, ident.serial_number, ident.os_version) == (
        "S2900-24T4X mother card", "00999000111", "10.3.0D Build 99999")
    assert "serial_number: LibreNMS bdcom: NMS-CHASSIS::nmscardSerial.0" in ident.evidence



@pytest.mark.parametrize(("lines", "os_name", "field", "value", "source"), [
    # Junos.php GETs jnxBoxSerialNo (no YAML definition reads it; no vendor rule either now)
    (["1.3.6.1.2.1.1.1.0|4|Juniper Networks, Inc. ex9999 Ethernet Switch, kernel JUNOS 99.1R1.1",
      "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2636.1.1.1.2.999",
      "1.3.6.1.4.1.2636.3.1.3.0|4|XX9999999999"],
     "junos", "serial_number", "XX9999999999", "LibreNMS/OS/Junos.php"),
    # Shared/Zyxel.php, for a definition with no discovery: the version before the first " | "
    (["1.3.6.1.2.1.1.1.0|4|Prestige 999",
      "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.890.1.2.999",
      "1.3.6.1.4.1.890.1.15.3.1.6.0|4|V9.99(ABC.1) | 01/01/2099"],
     "prestige", "os_version", "V9.99(ABC.1)", "LibreNMS/OS/Shared/Zyxel.php"),
])
def test_a_transcribed_php_class_reads_its_object(
        lines: list[str], os_name: str, field: str, value: str, source: str) -> None:
    """The rows transcribed from LibreNMS's PHP OS classes (tools/data/librenms-classes.yaml)
    reach the identity, and its evidence names the class."""
    found = asyncio.run(read_identity(walker(*lines)))
    assert found.os_family is not None and found.os_family.os == os_name
    assert getattr(found.identity, field) == value
    assert any(line.startswith(f"{field}: ") and source in line for line in found.identity.evidence)



def test_no_definition_reads_the_set_request_lock_as_a_serial() -> None:
    """Two definitions (EndRun's clocks, Arista MOS) name SNMPv2-MIB's snmpSetSerialNo as the
    serial: a TestAndIncr counter of SETs (RFC 3418), no serial number. The generator leaves the
    field out and says so in its report, so netmap shows no serial rather than a counter."""
    lock = scalar(SNMP_SET_SERIAL_NO)
    reads = [(d["os"], oid) for d in librenms.definitions()
             for oid, _ in (((d.get("discover") or {}).get("fields") or {}).get("serial")
                            or {"oids": []})["oids"]]  # fmt: skip
    assert reads and not [read for read in reads if read[1].lstrip(".") == lock]


def test_the_shipped_table_is_what_the_generator_makes_of_the_knowledge(tmp_path: Path) -> None:
    """Regenerating from the shared knowledge gives the shipped bytes: a table edited by hand,
    or a generator input changed without regenerating (netmap's own OID table is one), fails."""
    source = ROOT.parent / "shared" / "knowledge" / "librenms"
    if not (source / "symbols.tsv").exists():
        pytest.skip("the shared knowledge folder is not beside the project")
    out = tmp_path / "librenms.json.gz"
    assert make_librenms.main([str(source), str(out)]) == 0
    assert out.read_bytes() == make_librenms.DEFAULT_OUT.read_bytes()


@pytest.mark.parametrize(("title", "marks", "maker"), [
    ("Ceragon CeraOS", ["ceragon"], "Ceragon"),  # renamed since IANA registered it (Giganet)
    ("BDCOM(tm) Software", ["bdcom"], "BDCOM"),
    ("WTI POWER", ["wti"], "WTI"),
    ("ServerTech Sentry3", ["sentry", "servertech"], "ServerTech"),  # not the product's logo
    ("DmOS", ["datacom"], "Datacom"),  # the logo names a registrant
    ("PanOS", ["panos"], None),  # one word, the logo of the product itself: no maker
    ("FreshTomato", ["tomato"], None),  # a firmware project's logo
    ("Zed", [], None),
])
def test_maker_named_by_title_and_marks(title: str, marks: list[str], maker: str | None) -> None:
    assert maker_in_title(title, marks) == maker


@pytest.mark.parametrize(("title", "marks", "enterprises", "aliases", "maker"), [
    # a common word that begins some registrant's name, under another maker's number
    ("Automatic Transfer Switch", ["ats"], [37662], ["ats"], None),  # Ablerex's number
    ("Fourth Series [TRedess]", ["tredess"], [23180], ["televes-fs", "tredess"], None),
    ("Hardware Appliance", ["primekey"], [22408], ["primekey"], "PrimeKey"),  # the logo's maker
    # a brand's new name, or an OEM's, that the definition's own names bear
    ("Blue Coat SSL Visibility", ["bluecoat"], [3417], ["sslvis"], "Blue"),
    ("Telco Systems BiNOX", ["telco-systems"], [738], ["binox"], "Telco"),
    ("Motorola DOCSIS Cable Modem", ["motorola-cm"], [4115], ["motorola-cm"], "Motorola"),
    ("Ceragon CeraOS", ["ceragon"], [2281], ["ceraos"], "Ceragon"),  # its own number
    ("Automatic Transfer Switch", ["ats"], [], ["ats"], "Automatic"),  # no number: the title
])
def test_a_common_word_is_no_maker_under_another_makers_number(
    title: str, marks: list[str], enterprises: list[int], aliases: list[str], maker: str | None
) -> None:
    """LibreNMS's titles lead with the product where the maker's name is missing: netmap named
    the maker "Automatic", "Fourth" and "Hardware" (found leaving each vendor's own rows out)."""
    assert maker_in_title(title, marks, enterprises, aliases) == maker


def test_generator_output_is_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    source = _knowledge(tmp_path / "k")
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    for out in (first, second):
        assert make_librenms.main([str(source), str(out)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(gzip.decompress(first.read_bytes()))["os"][0]["os"] == "acme"


@pytest.mark.parametrize(
    ("php", "subject", "group"),
    [
        ("/(?<hardware>MSM\\S+) v/", "MSM460 v", "MSM460"),
        ("#^Cisco (?'hardware'\\w+)#i", "cisco ASR", "ASR"),
        ("~model:\\h(?<hardware>[[:alnum:]]+)~", "model: X200", "X200"),
    ],
)
def test_php_patterns_become_python(php: str, subject: str, group: str) -> None:
    pattern, flags = make_librenms.php_regex(php)
    match = re.search(pattern, subject, flags)
    assert match is not None and match.group("hardware") == group


@pytest.mark.parametrize(("php", "subject", "replaced"), [
    # AIX's version_replace: PCRE lets each branch of a look-behind have its own width
    ("/(?<=^|\\.)0+(?=[^.])/", "07.01.0003.0050", "7.1.3.50"),
    ("/(?<!a|bc)x/", "ax bcx dx", "ax bcx d"),
    ("/(?<=[|]|c)x/", "|x cx dx", "| c dx"),  # a "|" inside a class splits nothing
])
def test_look_behind_branches_of_several_widths(php: str, subject: str, replaced: str) -> None:
    pattern, flags = make_librenms.php_regex(php)
    assert re.sub(pattern, "", subject, flags=flags) == replaced


@pytest.mark.parametrize("php", ["/a\\Kb/", "/(?<=a(b|cd))x/", "/x/U", "/\\p{L}/", "/(a)(?1)/", "noslash"])
def test_unfaithful_patterns_are_refused(php: str) -> None:
    with pytest.raises(make_librenms.Skip):
        make_librenms.php_regex(php)


def test_php_replacement_references() -> None:
    assert re.sub("(\\d+) (\\d+)", make_librenms.php_replacement("$2.${1}"), "1 2") == "2.1"


# --- Compare::values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "op", "expected"),
    [
        (None, False, "=", True),  # absent: "= false" holds
        ("", False, "=", True),
        ("0", False, "=", True),
        ("Acme", False, "=", False),
        ("", "", "!==", False),
        ("x", "", "!==", True),
        ("Net Vision 7", "Net Vision", "starts", True),
        ("abc", ["zz", "b"], "contains", True),
        ("abc", "", "contains", False),  # an empty needle never matches
        ("10", "9", ">", True),  # numeric strings compare as numbers
        ("5", ["4", "5"], "in_array", True),
        (None, True, "exists", False),
        ("v2", [["^v\\d", 0]], "regex", True),
    ],
)
def test_compare_is_librenms_compare(a: str | None, b: object, op: str, expected: bool) -> None:
    assert librenms.compare(a, b, op) is expected


# --- the shipped table over real shapes --------------------------------------------------------


def test_the_shipped_table_loads_lazily_and_covers_librenms() -> None:
    librenms.definitions.cache_clear()
    table = librenms.definitions()
    assert len(table) > 750 and [d["os"] for d in table[-3:]] == ["airos", "freebsd", "linux"]


def test_fortigate_found_by_its_sysobjectid_prefix() -> None:
    agent = walker(
        "1.3.6.1.2.1.1.1.0|4|FGT100F",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.12356.101.1.1004",
        "1.3.6.1.2.1.47.1.1.1.1.11.1|4|FG100FTK20000001",
        "1.3.6.1.2.1.47.1.1.1.1.13.1|4|FGT_100F",
        "1.3.6.1.4.1.12356.101.4.1.1.0|4|v7.2.5,build1517,230606 (GA.F)",
    )
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "fortigate"
    assert found.os_family.matched_by == "sysObjectID starts with '.1.3.6.1.4.1.12356.101.1'"
    ident = found.identity
    # the definition's hardware_replace turns the part code into the product name
    assert (ident.vendor, ident.model, ident.serial_number) == ("Fortinet", "FortiGate 100F",
                                                                "FG100FTK20000001")
    assert ident.os_version is not None and ident.os_version.startswith("v7.2.5")
    assert ident.evidence[0].startswith("os family: LibreNMS OS 'fortigate'")
    assert "model: LibreNMS fortigate: ENTITY-MIB::entPhysicalModelName.1" in ident.evidence


def test_deferred_snmpget_definition_reads_its_oid() -> None:
    agent = walker(
        "1.3.6.1.2.1.1.1.0|4|Linux box 2.6.37 #1 armv5tejl",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
        "1.3.6.1.2.1.33.1.1.4.0|4|Net Vision 7 v7.20",
    )
    match = asyncio.run(librenms.detect(agent, "Linux box 2.6.37 #1 armv5tejl",
                                        "1.3.6.1.4.1.8072.3.2.10"))
    assert match is not None and match.os == "netvision-rfc"
    assert "snmpget .1.3.6.1.2.1.33.1.1.4.0 starts 'Net Vision'" in match.matched_by
    plain = asyncio.run(librenms.detect(walker("1.3.6.1.2.1.1.1.0|4|Linux x"), "Linux x 5.1",
                                        "1.3.6.1.4.1.8072.3.2.10"))
    assert plain is not None and plain.os == "linux"  # the generic family, tried last


def test_a_makers_serial_object_serves_its_other_product_lines() -> None:
    """timos's definition names no serial; Nokia's SR Linux definition reads TIMETRA-CHASSIS-MIB's
    serial, which SR OS answers too. It ranks below ENTITY-MIB's chassis and the standard MIBs."""
    descr, object_id = "TiMOS-B-21.10.R1 both/hops Nokia 7705 SAR", "1.3.6.1.4.1.6527.1.3.17"
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}",
                   "1.3.6.1.4.1.6527.3.1.2.2.1.8.1.5.1.50331649|4|LL000000042")
    match = asyncio.run(librenms.identify_os(agent, descr, object_id))
    assert match is not None and match.os == "timos"
    value, where = match.fields["serial"]
    assert value == "LL000000042"
    assert where == ("LibreNMS srlinux: TIMETRA-CHASSIS-MIB::tmnxHwSerialNumber.1.50331649, "
                     f"{librenms.KIN_SOURCE}")
    seeds = {name: rank for name, rank, _value, _where in _seeds(match)}
    assert R_STANDARD < seeds["serial_number"] < R_DESCR
    assert asyncio.run(read_identity(agent)).identity.serial_number == "LL000000042"
    # an OS that names its own serial, and agent toolkits' numbers, ask nothing more
    assert librenms.kin_serials("srlinux", "1.3.6.1.4.1.6527.1.20.1") == ()
    assert librenms.kin_serials("linux", "1.3.6.1.4.1.8072.3.2.10") == ()


def test_a_definitions_banner_pattern_outranks_the_generic_banner_reading() -> None:
    """A pattern written for the family's banner beats the heuristics written for every banner
    ("WebPower(<part number>) 4.20": the release, not the part number), and still yields to the
    banner rules written for one family and to any object; a class's pattern ranks as an object."""
    match = librenms.OsMatch("eltek-webpower", "Eltek WebPower", "power", None, "sysObjectID", {
        "version": ("4.20", f"LibreNMS eltek-webpower: {librenms.DESCR_SOURCE}"),
        "hardware": ("C4", f"LibreNMS arris-c4: LibreNMS/OS/ArrisC4.php {librenms.CLASS_SOURCE}")})
    seeds = {name: rank for name, rank, _value, _where in _seeds(match)}
    assert R_DESCR_STRONG < R_DESCR < seeds["os_version"] < R_WEAK
    assert seeds["model"] < R_VENDOR_MIB


def test_a_version_that_is_the_host_name_is_no_version() -> None:
    """OneFS puts the host name where its definition's pattern expects the release: the agent's
    sysName (short or qualified, any case) is never a version."""
    agent = walker("1.3.6.1.2.1.1.1.0|4|Isilon OneFS nas-02 v8.2.2.0 Isilon OneFS v8.2.2.0 "
                   "B_8_2_2_0_006(RELEASE) amd64", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.12124.1")
    named = asyncio.run(read_identity(agent, {"hostname": "NAS-02.city.example"}))
    assert named.identity.os_version == "8.2.2.0"
    # a first label with no letter (an address, "10.0.0.5") refuses nothing: "4" is no host name
    eos = walker("1.3.6.1.2.1.1.1.0|4|Arista Networks EOS version 4.28.3M running on an "
                 "Arista Networks DCS-7050SX-64", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.30065.1.3011")
    assert asyncio.run(read_identity(eos, {"hostname": "4.28.3M"})).identity.os_version == "4.28.3M"


def test_a_php_only_product_line_is_read_from_its_vendor_mib_rows() -> None:
    """Edgecore's definition names no model or serial: LibreNMS's class reads the product line's
    own MIB, and vendor-mibs.tsv carries those objects (here ECS4510-MIB)."""
    descr, object_id = "ECS4510-28T", "1.3.6.1.4.1.259.10.1.24.101"
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}",
                   "1.3.6.1.4.1.259.10.1.24.1.1.3.1.10.1|4|EC1234000567",
                   "1.3.6.1.4.1.259.10.1.24.1.1.5.1.0|4|ECS4510-28T")
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "edgecos"
    ident = found.identity
    assert (ident.model, ident.serial_number) == ("ECS4510-28T", "EC1234000567")
    assert "serial_number: ECS4510-MIB swSerialNumber" in ident.evidence


def test_objects_symbols_tsv_left_unresolved_are_read_by_hand_resolution() -> None:
    """jetdirect's definition names HP-LASERJET-COMMON-MIB's model-name, whose hyphenated name
    net-snmp could not resolve; the hand-resolved OID brings its model back."""
    agent = walker("1.3.6.1.2.1.1.1.0|4|HP ETHERNET MULTI-ENVIRONMENT,JETDIRECT,JD153,EEPROM JSI24090",
                   "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.11.2.3.9.1",
                   "1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.2.0|4|HP LaserJet 400 M401dne",
                   "1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.3.0|4|CNCF123456")
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "jetdirect"
    assert (found.identity.model, found.identity.serial_number) == (
        "HP LaserJet 400 M401dne", "CNCF123456")
    assert ("model: LibreNMS jetdirect: HP-LASERJET-COMMON-MIB::model-name.0"
            in found.identity.evidence)


@pytest.mark.parametrize(("lines", "os_name", "field", "value"), [
    # ThreeCom.php: the text before "Software" less "3Com "
    (["1.3.6.1.2.1.1.1.0|4|3Com Baseline Switch 2928-SFP Plus Software Version 5.20 Release 1101P02",
      "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.43.1.16.4.3.58"], "3com", "model",
     "Baseline Switch 2928-SFP Plus"),
    # ArrisC4.php: the release after CMTS_V or CER_V
    (["1.3.6.1.2.1.1.1.0|4|ARRIS CMTS C4 <<HW_REV: 1; VENDOR: ARRIS; BOOTR: 8.2.0; "
      "SW_REV: CMTS_V08.02.00.71, 2017-03-21>>", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4998.2.1"],
     "arris-c4", "os_version", "08.02.00.71"),
    # Zebra.php: Zebra's own objects (numeric in the class), before the print server's
    (["1.3.6.1.2.1.1.1.0|4|ZTC ZD421-300dpi ZPL", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.10642.1.1",
      "1.3.6.1.4.1.10642.1.1.0|4|ZD421-300dpi", "1.3.6.1.4.1.10642.1.2.0|4|V93.21.26Z"],
     "zebra", "model", "ZD421-300dpi"),
])
def test_what_librenms_classes_read_is_read(lines: list[str], os_name: str, field: str,
                                            value: str) -> None:
    found = asyncio.run(read_identity(walker(*lines)))
    assert found.os_family is not None and found.os_family.os == os_name
    assert getattr(found.identity, field) == value


def test_every_product_mib_a_definition_names_for_its_hardware_is_shipped() -> None:
    """`hardware_mib`: LibreNMS names the model by translating the sysObjectID in that MIB
    (XKL's DQT400-4 is `XKL-MIB::dqt400-4`); every such MIB is in the products table, but
    Loop Telecom's, whose one sysObjectID is the root of its whole MIB (`loop-AM3440-CCPB-A ::=
    { loopTelecom 34441 }`, every object below it): a subtree, never a product row."""
    from netmap.discover.snmp.products import _table

    shipped = {mib for _name, mib in _table().values()}
    named = {spec["hardware_mib"] for defn in librenms.definitions()
             if (spec := librenms.discovery_spec(defn)).get("hardware_mib")}
    assert named and named - shipped == {"L-AM3440-A-Private"}, named - shipped
    descr, object_id = "DXM OS", "1.3.6.1.4.1.21150.3.21"
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}")
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "dxmos"
    assert found.identity.model == "dqt400-4"


def test_a_qnap_qts_agent_gives_its_serial_number_not_its_host_name() -> None:
    """QTS-MIB lists hostname (.4) before serialNumber (.5): the serial is the enclosure's."""
    descr, object_id = "Linux TS-453D 5.10.60-qnap", "1.3.6.1.4.1.24681"
    agent = walker(f"1.3.6.1.2.1.1.1.0|4|{descr}", f"1.3.6.1.2.1.1.2.0|6|{object_id}",
                   "1.3.6.1.4.1.55062.1.12.3.0|4|TS-453D",
                   "1.3.6.1.4.1.55062.1.12.4.0|4|nas-cityhall",
                   "1.3.6.1.4.1.55062.1.12.5.0|4|Q21AI12345",
                   "1.3.6.1.4.1.55062.1.12.6.0|4|5.1.4.2596")
    ident = asyncio.run(read_identity(agent)).identity
    assert (ident.model, ident.serial_number, ident.os_version) == (
        "TS-453D", "Q21AI12345", "5.1.4.2596")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # ENLOGIC-PDU-MIB: .10 model, .11 serial, .12 date of manufacture, .13 firmware
        ({"10": "EN2015", "11": "E1234567", "12": "03/14/2016", "13": "1.0.4.3"},
         ("EN2015", "E1234567", "1.0.4.3")),
        # the same without a model number: its serial is no model
        ({"11": "E1234567", "12": "03/14/2016", "13": "1.0.4.3"}, (None, "E1234567", "1.0.4.3")),
        # ENLOGIC-PDU2-MIB: .11 part number, .12 serial, .13 date of manufacture, .14 firmware
        ({"11": "EN1814", "12": "E7654321", "13": "2019-05-02", "14": "2.0.4.3"},
         ("EN1814", "E7654321", "2.0.4.3")),
    ],
)
def test_enlogic_pdus_of_either_mib_read_their_own_columns(
        rows: dict[str, str], expected: tuple[str | None, str | None, str | None]) -> None:
    agent = walker("1.3.6.1.2.1.1.1.0|4|Enlogic PDU", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.38446.1",
                   *(f"1.3.6.1.4.1.38446.1.1.2.1.{column}.1|4|{value}"
                     for column, value in rows.items()))
    ident = asyncio.run(read_identity(agent)).identity
    assert (ident.model if ident.model != "Enlogic PDU" else None, ident.serial_number,
            ident.os_version) == expected


def test_a_unix_agent_on_server_hardware_names_the_server() -> None:
    """A Net-SNMP agent is asked the server makers' objects too (LibreNMS's Unix class: Dell,
    then HP, then Supermicro); the maker's object outranks an extend named "serial"."""
    base = ("1.3.6.1.2.1.1.1.0|4|Linux web1 5.10.0-28-amd64 #1 SMP x86_64",
            "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10")
    extend = "1.3.6.1.4.1.8072.1.3.2.3.1.1.6.115.101.114.105.97.108|4|EXT-SERIAL-1"
    hp = walker(*base, "1.3.6.1.4.1.232.2.2.4.2.0|4|ProLiant DL380 Gen10",
                "1.3.6.1.4.1.232.2.2.2.1.0|4|CZ2D1234AB", extend)
    ident = asyncio.run(read_identity(hp)).identity
    assert (ident.model, ident.serial_number) == ("ProLiant DL380 Gen10", "CZ2D1234AB")
    supermicro = walker(*base, "1.3.6.1.4.1.10876.100.1.6.1.16.1|4|WM19AS001234")
    assert asyncio.run(read_identity(supermicro)).identity.serial_number == "WM19AS001234"
    # a Windows server's agent beside Dell OpenManage: the chassis names the server
    windows_lines = (
        "1.3.6.1.2.1.1.1.0|4|Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - "
        "Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.311.1.1.3.1.2",
        "1.3.6.1.4.1.674.10892.1.300.10.1.9.1|4|PowerEdge R740",
        "1.3.6.1.4.1.674.10892.1.300.10.1.11.1|4|7XK4M33")
    windows = walker(*windows_lines)
    ident = asyncio.run(read_identity(windows)).identity
    assert (ident.vendor, ident.model, ident.serial_number) == ("Dell", "PowerEdge R740", "7XK4M33")
    assert "vendor: answers MIB-Dell-10892" in ident.evidence
    # a Windows agent with no server maker's agent beside it stays Microsoft's
    bare = walker(*[line for line in windows_lines if "674" not in line])
    assert asyncio.run(read_identity(bare)).identity.vendor == "Microsoft"


def test_a_makers_own_appliance_running_linux_names_no_processor_as_its_model() -> None:
    """Sangfor's vAD answers a plain `uname -a` banner under Sangfor's own number: LibreNMS's
    generic linux definition matches, but the processor is no model of Sangfor's, nor the
    kernel release its firmware. Under Net-SNMP's number, or a server maker's, the same banner
    is a computer's, and keeps both (LibreNMS's own "Generic x86")."""
    banner = "1.3.6.1.2.1.1.1.0|4|Linux vAD1 2.6.30 #1 SMP Tue Nov 10 20:59:36 CST 2015 x86_64"

    def identity(object_id: str) -> tuple[str | None, str | None]:
        found = asyncio.run(read_identity(walker(banner, f"1.3.6.1.2.1.1.2.0|6|{object_id}")))
        assert found.os_family is not None and found.os_family.os == "linux"
        notes.extend(found.identity.evidence)
        return found.identity.model, found.identity.os_version

    notes: list[str] = []
    assert identity("1.3.6.1.4.1.35047") == (None, None)
    # the evidence says what was set aside, and why
    assert "model: not 'Generic x86 64-bit (x86_64)' (sysDescr: uname machine): a product's " \
        "own OS: its uname banner names the processor and kernel, not the model and " \
        "firmware" in notes
    assert any(n.startswith("os_version: not '2.6.30'") for n in notes)
    notes.clear()
    assert identity("1.3.6.1.4.1.8072.3.2.10") == ("Generic x86 64-bit (x86_64)", "2.6.30")
    assert not [n for n in notes if ": not " in n]
    assert identity("1.3.6.1.4.1.674.99") == ("Generic x86 64-bit (x86_64)", "2.6.30")


def test_a_makers_prior_from_a_handful_of_fingerprints_weighs_less() -> None:
    """3 of 4 fingerprints and 300 of 400 are the same share, not the same evidence: the prior
    takes the share's lower bound (Wilson, one standard error)."""
    from netmap.infer.classify_snmp import share_lower_bound

    assert share_lower_bound(0.75, 4) == pytest.approx(0.5)
    assert 0.72 < share_lower_bound(0.75, 400) < 0.75
    assert share_lower_bound(1.0, 3) == pytest.approx(0.75)
    assert share_lower_bound(0.0, 10) == 0.0 and share_lower_bound(0.5, 0) == 0.0


def test_an_esxi_host_is_its_machines_makers() -> None:
    """ESXi's agent answers under VMware's number; its ENTITY-MIB chassis names the machine. The
    inventory's vendor is the machine's maker (the bid prices a Dell), the OS stays ESXi's."""
    lines = ("1.3.6.1.2.1.1.1.0|4|VMware ESXi 7.0.3 build-19193900 VMware, Inc. x86_64",
             "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.6876.4.1",
             "1.3.6.1.2.1.47.1.1.1.1.2.1|4|PowerEdge R640",
             "1.3.6.1.2.1.47.1.1.1.1.5.1|2|3",
             "1.3.6.1.2.1.47.1.1.1.1.11.1|4|5ABC123",
             "1.3.6.1.2.1.47.1.1.1.1.12.1|4|Dell Inc.",
             "1.3.6.1.4.1.6876.1.2.0|4|7.0.3")
    found = asyncio.run(read_identity(walker(*lines)))
    assert found.os_family is not None and found.os_family.os == "vmware-esxi"
    ident = found.identity
    assert (ident.vendor, ident.model, ident.serial_number, ident.os_version) == (
        "Dell", "PowerEdge R640", "5ABC123", "7.0.3")
    assert "vendor: ENTITY-MIB chassis 1 entPhysicalMfgName (the machine's maker)" in ident.evidence
    # a chassis that names no maker leaves the host VMware's
    bare = walker(*[line for line in lines if ".47.1.1.1.1.12." not in line])
    assert asyncio.run(read_identity(bare)).identity.vendor == "VMware"


def test_every_definition_names_itself_from_its_own_rule() -> None:
    """bench/knowledge_coverage.py's agents, one per LibreNMS definition, seen or not: each is
    named by its own definition (or an earlier one LibreNMS would pick too), no type is wrong at a
    confident level, and a value at a definition's own hardware/version/serial OID comes back."""
    sys.path.insert(0, str(ROOT / "bench"))
    import knowledge_coverage as coverage

    outcomes = asyncio.run(coverage.run(lovo=False))
    assert len(outcomes) == len(librenms.definitions())
    built = [o for o in outcomes if o.result != "not buildable"]
    assert len(built) > 0.95 * len(outcomes)
    assert [o.os for o in built if o.result.startswith("missed")] == []
    assert [o.os for o in built if o.confident_wrong] == []
    assert [(o.os, name) for o in built for name, ok in o.fields if not ok] == []
    assert sum(bool(o.class_ok) for o in built) > 0.95 * len(built)
    by_os = {o.os: o for o in built}
    assert by_os["ciscome1200"].class_ok  # a Metro Ethernet switch "ME1200" is no storage array


def test_nothing_matches_gives_no_family() -> None:
    assert asyncio.run(librenms.detect(walker(), "", None)) is None


# --- raw values: recorded at scan time, identified at inference time ----------------------------


def test_values_round_trip_through_their_stored_text() -> None:
    for value in (17, b"\x00\xffab", Oid("1.3.6.1.4.1.9")):
        assert decode(encode(value)) == value
    assert decode("garbage") is None and decode("4x|zz") is None
    assert decode("67:numeric|initial=1e999") is None  # a tampered store: no OverflowError


def test_inference_reads_the_stored_values_and_old_scans_keep_their_identity() -> None:
    agent = walker(
        "1.3.6.1.2.1.1.1.0|4|FGT100F",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.12356.101.1.1004",
        "1.3.6.1.2.1.47.1.1.1.1.13.1|4|FGT_100F",
    )
    recorder = RecordingWalker(agent)
    live = asyncio.run(read_identity(recorder))
    assert "1.3.6.1.2.1.47.1.1.1.1.13.1" in recorder.raw
    replayed = asyncio.run(read_identity(StoredWalker(recorder.raw)))
    assert replayed.identity == live.identity and replayed.os_family == live.os_family
    facts = identify_facts(Facts(hostname="fw", raw=recorder.raw))
    assert (facts.vendor, facts.model) == ("Fortinet", "FortiGate 100F")
    old = Facts(hostname="sw", vendor="Cisco", model="WS-C2960")  # a scan from before raw values
    assert identify_facts(old) is old
    record = SnmpRecord(ip="10.0.0.1", facts=Facts(raw={"1.3.6.1.2.1.1.1.0": "not|valid|x"}))
    assert identify_record(record).facts is not None  # a tampered value is skipped, no traceback


def test_a_class_that_reads_a_columns_first_row_is_read_whatever_the_index() -> None:
    """Airos.php reads IEEE802dot11-MIB's product name and version with snmp_getnext: the first
    row, whatever the radio's ifIndex. The definition names no model, so before the class was
    carried the uname architecture ("Generic MIPS") stood as the model. The values are read again
    from the stored ones."""
    agent = walker(
        "1.3.6.1.2.1.1.1.0|4|Linux 2.6.32.68 #1 Tue Jan 9 13:52:48 EET 2024 mips",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.10002.1",
        "1.2.840.10036.3.1.2.1.2.7|4|Ubiquiti Networks, Inc.",
        "1.2.840.10036.3.1.2.1.3.7|4|Rocket M5",
        "1.2.840.10036.3.1.2.1.4.7|4|XM.ar7240.v6.3.11.33396.230425.1742",
        "1.2.840.10036.3.1.2.1.4.8|4|XM.ar7240.v0.0.second-radio",
    )
    recorder = RecordingWalker(agent)
    found = asyncio.run(read_identity(recorder))
    assert found.os_family is not None and found.os_family.os == "airos"
    assert (found.identity.model, found.identity.os_version) == ("Rocket M5", "6.3.11.33396.230425.1742")
    assert ("model: LibreNMS airos: LibreNMS/OS/Airos.php IEEE802dot11-MIB::"
            "dot11manufacturerProductName") in found.identity.evidence
    assert asyncio.run(read_identity(StoredWalker(recorder.raw))).identity == found.identity
    # a version without ".v" gives none, as the class's preg_match does
    bare = walker("1.3.6.1.2.1.1.1.0|4|Linux 4.14 mips", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.10002.1",
                  "1.2.840.10036.3.1.2.1.4.5|4|8.7.11")
    assert asyncio.run(read_identity(bare)).identity.os_version != "8.7.11"
    assert librenms.discovery_columns("airos") == ["1.2.840.10036.3.1.2.1.3",
                                                   "1.2.840.10036.3.1.2.1.4"]
    assert not set(librenms.discovery_columns("airos")) & set(librenms.discovery_oids("airos"))


def test_airos_names_ubiquiti_even_under_frogfoots_number() -> None:
    """Older airOS firmware answers with the sysObjectID of Frogfoot's agent (10002), a number that
    names no maker. LibreNMS tries airOS after Linux only because Ubiquiti's other families share
    its numbers, so its match is a Ubiquiti radio: the title names the maker, and the kernel's
    architecture is no model (it was "Generic MIPS" and no vendor when airOS counted as generic)."""
    radio = walker("1.3.6.1.2.1.1.1.0|4|Linux 2.6.32.54 #1 Fri Nov 8 16:11:26 EET 2013 mips",
                   "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.10002.1")
    found = asyncio.run(read_identity(radio))
    assert found.os_family is not None and found.os_family.os == "airos"
    assert (found.identity.vendor, found.identity.model) == ("Ubiquiti", None)
    assert "vendor: LibreNMS OS 'airos' (Ubiquiti AirOS)" in found.identity.evidence
    # a Linux box under the same number is no airOS match: it names no maker
    linux = walker("1.3.6.1.2.1.1.1.0|4|Linux 2.6.32.54 #1 Fri Nov 8 16:11:26 EET 2013 mips",
                   "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10")
    assert asyncio.run(read_identity(linux)).identity.vendor is None


def test_a_column_read_at_its_first_row_is_no_serial_object_of_the_maker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The maker's serial objects other product lines GET are exact objects: a class's column
    read at its first row (`next`) is not one of them."""
    defs = [{"os": "a", "discover": {"fields": {"serial": {
                "oids": [["1.3.6.1.4.1.99998.1.2", "A-MIB::col"]], "next": True}}}},
            {"os": "b", "discover": {"fields": {"serial": {
                "oids": [["1.3.6.1.4.1.99998.1.3.0", "B-MIB::serial.0"]]}}}}]
    monkeypatch.setattr(librenms, "definitions", lambda: defs)
    librenms._serial_objects.cache_clear()
    try:
        assert librenms._serial_objects()[99998] == (
            ("1.3.6.1.4.1.99998.1.3.0", "B-MIB::serial.0", "b"),)
    finally:
        librenms._serial_objects.cache_clear()


def test_a_hardware_revision_never_names_a_model() -> None:
    """RMON2-MIB probeHardwareRev holds TP-Link's "TL-SG2008 1.0" but D-Link's bare "C1"; Ruijie's
    definition reads a hardware version ("1.22") as its hardware. Neither revision is a model:
    the next source names it (here the sysDescr banner)."""
    def model(*lines: str) -> str | None:
        return asyncio.run(read_identity(walker(*lines))).identity.model

    tplink = model("1.3.6.1.2.1.1.1.0|4|8-Port Gigabit Smart Switch",
                   "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.11863.1.1.3",
                   "1.3.6.1.2.1.16.19.3.0|4|TL-SG2008 1.0")
    assert tplink == "TL-SG2008 1.0"
    dlink = model("1.3.6.1.2.1.1.1.0|4|DES-3200-28 Fast Ethernet Switch",
                  "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.171.10.113.1.5",
                  "1.3.6.1.2.1.16.19.3.0|4|C1")
    assert dlink is not None and dlink.startswith("DES-3200-28")  # the banner, not "C1"
    for revision in ("C1", "1.22", "v2.0", "Rev. A1", "1.0.1"):
        assert revision_only(revision), revision
    for name in ("9900", "TL-SG2008 1.0", "X210", "AP8641", "DES-3200"):
        assert not revision_only(name), name


def test_a_print_queue_never_names_a_computers_model() -> None:
    host = walker(
        "1.3.6.1.2.1.1.1.0|4|Hardware: Intel64 Family 6 - Software: Windows Version 6.3 (Build 9600)",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.311.1.1.3.1.1",
        "1.3.6.1.2.1.25.3.2.1.2.1|6|1.3.6.1.2.1.25.3.1.3",
        "1.3.6.1.2.1.25.3.2.1.2.2|6|1.3.6.1.2.1.25.3.1.5",
        "1.3.6.1.2.1.25.3.2.1.3.2|4|Microsoft XPS Document Writer v4",
    )
    assert asyncio.run(read_identity(host)).identity.model != "Microsoft XPS Document Writer v4"


# --- votes and confidence ---------------------------------------------------------------------


def _family(os: str, kind: str, how: str, group: str | None = None) -> Facts:
    return Facts(os_family=OsFamily(os=os, text=os, type=kind, group=group, matched_by=how))


def test_family_votes_map_the_coarse_type_and_weigh_how_it_matched() -> None:
    by_oid = family_votes(_family("fortigate", "firewall", "sysObjectID starts with '.1'"))
    assert [(v.type, v.weight) for v in by_oid] == [(T.FIREWALL, 0.8)]
    by_descr = family_votes(_family("x", "firewall", "sysDescr contains 'X'"))
    assert by_descr[0].weight == pytest.approx(0.64)
    network = {v.type for v in family_votes(_family("ios", "network", "sysDescr contains 'IOS'"))}
    assert network == {T.ROUTER, T.SWITCH}  # structure decides between them
    ups = family_votes(_family("apc", "power", "sysObjectID starts with '.1'", group="ups"))
    assert [v.type for v in ups] == [T.UPS]


def test_a_keyword_against_the_os_definitions_type_counts_half() -> None:
    """APC's rack PDU AP8641 matches LibreNMS's `apc` definition (power): the hand-kept wireless
    keyword "AP<digits>" no longer outvotes it. PBX words are not against a definition, since
    LibreNMS has no PBX type; without a definition the keyword counts in full."""
    pdu = SnmpRecord(ip="10.0.0.3", facts=Facts(
        sys_descr="APC Web/SNMP Management Card (MB:v4.1.0 MN:AP8641)",
        os_family=OsFamily(os="apc", text="APC Management Module", type="power", group=None,
                           matched_by="sysObjectID starts with '.1.3.6.1.4.1.318.1'")))
    votes = snmp_type_votes(pdu)
    wireless = [v for v in votes if v.type is T.WIRELESS_AP]
    assert wireless and all(v.weight <= 0.3 and "not a type its OS definition names" in v.detail
                            for v in wireless)
    assert snmp_type_hint(pdu)[0] in (T.PDU, T.UPS)
    bare = pdu.model_copy(update={"facts": pdu.facts.model_copy(update={"os_family": None})})
    assert snmp_type_hint(bare)[0] is T.WIRELESS_AP  # the keyword alone, in full
    pbx = SnmpRecord(ip="10.0.0.4", facts=Facts(
        sys_descr="Panasonic KX-NS1000", model="KX-NS1000",
        os_family=OsFamily(os="panasonic-ns", text="Panasonic", type="server", group=None,
                           matched_by="sysObjectID starts with '.1.3.6.1.4.1.258'")))
    [word] = [v for v in snmp_type_votes(pbx) if v.type is T.PBX]
    assert word.weight == 0.5 and "not a type" not in word.detail  # in full, not halved


def test_a_model_read_out_of_the_banner_is_no_second_piece_of_evidence() -> None:
    """The model "KX-NS1000" is the banner's first word: its telephony keyword votes once. Where
    the model is a word the banner lacks, it votes too."""
    restated = SnmpRecord(ip="10.0.0.4", facts=Facts(sys_descr="KX-NS1000 Ver00700128",
                                                     model="KX-NS1000"))
    assert [v.detail for v in snmp_type_votes(restated) if v.type is T.PBX] == [
        "sysDescr telephony keyword 'KX-NS1000'"]
    uname = SnmpRecord(ip="10.0.0.5", facts=Facts(
        sys_descr="Linux (none) 2.6.32 #2 SMP x86_64", model="Generic x86 64-bit (x86_64)"))
    assert not [v for v in snmp_type_votes(uname) if v.detail.startswith("model ")]
    shouted = SnmpRecord(ip="10.0.0.4", facts=Facts(sys_descr="kx-ns1000 ver00700128",
                                                    model="KX-NS1000"))
    assert len([v for v in snmp_type_votes(shouted) if v.type is T.PBX]) == 1
    own = SnmpRecord(ip="10.0.0.6", facts=Facts(sys_descr="Panasonic", model="KX-NS1000"))
    assert [v.detail for v in snmp_type_votes(own) if v.type is T.PBX] == [
        "model telephony keyword 'KX-NS1000'"]


def test_a_server_typed_definition_titled_for_a_telephone_system_names_a_pbx() -> None:
    """LibreNMS has no PBX type and files Panasonic's KX-NS under "server": its title names
    the telephone system, as a camera's title does under "network". The definition's own type
    stays a rival, so the PBX is shown for confirmation, not as certain."""
    from netmap.infer.classify_snmp import DISAGREEMENT_CAP

    def kx_ns(title: str) -> SnmpRecord:
        return SnmpRecord(ip="10.0.0.4", facts=Facts(
            sys_descr="KX-NS1000 Ver00700128", model="KX-NS1000",
            os_family=OsFamily(os="panasonic-ns", text=title, type="server", group=None,
                               matched_by="sysObjectID starts with '.1.3.6.1.4.1.258.601.3'")))

    dtype, confidence, _why = snmp_type_hint(kx_ns("Panasonic KX-NS Series"))
    assert dtype is T.PBX and confidence <= DISAGREEMENT_CAP
    assert snmp_type_hint(kx_ns("Panasonic"))[0] is T.SERVER  # nothing but the banner's word
    assert not any("title" in v.detail for v in snmp_type_votes(kx_ns("Linux Server")))


def test_a_collaboration_definition_holds_projectors_as_well_as_call_control() -> None:
    """LibreNMS's "collaboration" files projectors and presentation boxes (Epson, Christie,
    Barco ClickShare) beside call control: a projector's own word makes it netmap's "other"."""
    rec = SnmpRecord(ip="10.0.0.9", facts=Facts(
        sys_descr="EPSON Network Projector", model="EPSON Network Projector",
        os_family=OsFamily(os="epson-projector", text="Epson Projector", type="collaboration",
                           group=None, matched_by="sysObjectID starts with '.1.3.6.1.4.1.1248'")))
    dtype, confidence, _why = snmp_type_hint(rec)
    assert dtype is T.OTHER and confidence > 0.6


def test_structure_votes_need_no_maker() -> None:
    rec = SnmpRecord(ip="10.0.0.2", facts=Facts(structure={"managed_aps": 1, "poe": 1}))
    votes = {(v.type, v.detail.split(":")[0]) for v in structure_votes(rec)}
    assert (T.WIRELESS_CONTROLLER, "a table of managed access points (CAPWAP, LWAPP or a "
            "maker's AP table)") in votes
    assert (T.SWITCH, "POWER-ETHERNET-MIB") in votes


def _wireless(os: str, text: str, sys_descr: str, **structure: int) -> SnmpRecord:
    return SnmpRecord(ip="10.0.0.5", facts=Facts(
        sys_descr=sys_descr, structure=structure,
        os_family=OsFamily(os=os, text=text, type="wireless", group=None,
                           matched_by="sysObjectID starts with .1.3.6.1.4.1.14179")))


def test_a_wireless_definition_is_an_access_point_until_it_shows_a_controller() -> None:
    """LibreNMS files access points and their controllers alike as "wireless": the coarse type
    votes access point; a managed-AP table, a controller's title or its own words refine it."""
    from netmap.infer.classify_snmp import snmp_type_hint

    dtype, confidence, _why = snmp_type_hint(_wireless("unifi", "Ubiquiti UniFi", "UAP-AC-Pro"))
    assert dtype is T.WIRELESS_AP and confidence >= 0.6
    # by structure: Cisco's AireOS answers "Cisco Controller", which names no kind
    dtype, confidence, why = snmp_type_hint(
        _wireless("arubaos", "ArubaOS", "ArubaOS (MODEL: Aruba7005)", managed_aps=12))
    assert dtype is T.WIRELESS_CONTROLLER and confidence >= 0.6, why
    # by the definition's title alone: its coarse "access point" vote is refined away
    dtype, confidence, why = snmp_type_hint(_wireless("ciscowlc", "Cisco WLC", "Cisco Controller"))
    assert dtype is T.WIRELESS_CONTROLLER and confidence >= 0.6, why
    assert not any("LibreNMS type wireless" in w and "controller" not in w for w in why)


def test_a_controllers_words_stand_instead_of_the_broader_wireless_ones() -> None:
    """"Wireless LAN Controller" says "wireless" too; the finer keyword stands for it."""
    from netmap.infer.classify_snmp import snmp_type_votes

    rec = SnmpRecord(ip="10.0.0.6", facts=Facts(sys_descr="Huawei AC6605 Wireless LAN Controller"))
    kinds = {v.type for v in snmp_type_votes(rec) if v.source == "snmp:keyword"}
    assert T.WIRELESS_CONTROLLER in kinds and T.WIRELESS_AP not in kinds
    ap = SnmpRecord(ip="10.0.0.7", facts=Facts(sys_descr="Wireless access point AP-505"))
    assert T.WIRELESS_AP in {v.type for v in snmp_type_votes(ap)}


def test_a_backhaul_radio_is_a_wireless_bridge_not_an_access_point() -> None:
    """LibreNMS files point-to-point and microwave radios as "wireless" with the access points.
    The definition's own row (a Cambium PTP line), the maker of nothing else (a Siklu radio of a
    line no row names), the product's words (airFiber) or an RFC 8561 microwave interface each
    say it is a radio link between buildings."""
    from netmap.infer.classify_snmp import snmp_type_hint, snmp_type_votes
    from netmap.model import Interface

    dtype, confidence, why = snmp_type_hint(_wireless("ptp670", "Cambium PTP 670", "PTP670"))
    assert dtype is T.WIRELESS_BRIDGE and confidence >= 0.6, why
    assert not any("LibreNMS type wireless (AP" in w for w in why)
    siklu = SnmpRecord(ip="10.0.0.8", facts=Facts(
        sys_descr="EH-8010FX", vendor="Siklu", enterprise=31926,
        os_family=OsFamily(os="newsiklu", text="Siklu EtherHaul", type="wireless", group=None,
                           matched_by="sysObjectID starts with .1.3.6.1.4.1.31926")))
    dtype, confidence, why = snmp_type_hint(siklu)
    assert dtype is T.WIRELESS_BRIDGE, why
    assert any("makes wireless bridges: refines LibreNMS type wireless" in w for w in why), why
    words = SnmpRecord(ip="10.0.0.9", facts=Facts(sys_descr="airFiber AF-5XHD wireless radio"))
    kinds = {v.type for v in snmp_type_votes(words) if v.source == "snmp:keyword"}
    assert T.WIRELESS_BRIDGE in kinds and T.WIRELESS_AP not in kinds  # "wireless", "radio" too
    clock = SnmpRecord(ip="10.0.0.11", facts=Facts(sys_descr="LANTIME M1000S PTP Grandmaster"))
    assert T.WIRELESS_BRIDGE not in {v.type for v in snmp_type_votes(clock)}  # a time server
    link = SnmpRecord(ip="10.0.0.10", facts=Facts(sys_descr="ODU"),
                      interfaces=[Interface(if_index=1, if_type=6), Interface(if_index=2, if_type=296)])
    assert any(v.type is T.WIRELESS_BRIDGE and "microwaveRadioLinkTerminal" in v.detail
               for v in snmp_type_votes(link))


def test_access_points_and_controllers_stay_what_they_were() -> None:
    """The bridge's rows take nothing from the access points (a UniFi AP, an Aruba Instant AP
    whose radios are radioMAC interfaces) or the controllers (ArubaOS's definition matches only
    Aruba's mobility controllers)."""
    from netmap.infer.classify_snmp import snmp_type_hint
    from netmap.model import Interface

    radios = [Interface(if_index=i, if_type=188) for i in (1, 2)]
    instant = _wireless("aruba-instant", "Aruba Instant", "ArubaOS (MODEL: 225)")
    instant = instant.model_copy(update={"interfaces": radios})
    for rec, kind in ((_wireless("unifi", "Ubiquiti UniFi", "UAP-AC-Pro"), T.WIRELESS_AP),
                      (instant, T.WIRELESS_AP),
                      (_wireless("arubaos", "ArubaOS", "ArubaOS (MODEL: Aruba7005)"),
                       T.WIRELESS_CONTROLLER)):
        dtype, confidence, why = snmp_type_hint(rec)
        assert dtype is kind and confidence >= 0.6, why


def test_a_makers_habits_alone_are_never_confident() -> None:
    prior = [TypeVote(type=T.PRINTER, weight=0.8, source=PRIOR_SOURCE, detail="vendor Brother")]
    assert calibrate(T.PRINTER, {T.PRINTER: 0.8}, prior) == PRIOR_CAP
    seen = [*prior, TypeVote(type=T.PRINTER, weight=0.9, source="snmp:printer", detail="MIB")]
    assert calibrate(T.PRINTER, {T.PRINTER: 0.98}, seen) > 0.9
    split = [TypeVote(type=T.SWITCH, weight=0.6, source="snmp:structure", detail="PoE"),
             TypeVote(type=T.ROUTER, weight=0.55, source="snmp:structure", detail="routes")]
    assert calibrate(T.SWITCH, {T.SWITCH: 0.6, T.ROUTER: 0.55}, split) <= 0.5


def test_a_camera_under_a_catch_all_definition_is_not_capped() -> None:
    """LibreNMS files Axis cameras under "appliance" (netmap's other): no claim against a
    camera. Its "network" (router or switch) is a claim, and the camera stays uncertain."""
    from netmap.infer.classify_snmp import DISAGREEMENT_CAP, snmp_type_hint

    def camera(os: str, kind: str) -> SnmpRecord:
        return SnmpRecord(ip="10.0.0.4", facts=Facts(
            sys_descr="AXIS P3245-LVE; Network Camera; 10.12.220;", model="AXIS P3245-LVE",
            os_family=OsFamily(os=os, text=os, type=kind, group=None,
                               matched_by="sysDescr matches a regex")))

    dtype, confidence, _why = snmp_type_hint(camera("axiscam", "appliance"))
    assert dtype is T.CAMERA and confidence > 0.6
    dtype, confidence, _why = snmp_type_hint(camera("video-os", "network"))
    assert dtype is T.CAMERA and confidence <= DISAGREEMENT_CAP


def test_a_coarse_definitions_title_names_a_camera_or_a_recorder() -> None:
    """LibreNMS types "Hikvision NVR" and "Dahua NVR" as network and appliance: the title is
    where it says what they are. A definition with a type of its own (firewall) is not re-read
    from its title, and a title word is no model keyword against it."""

    def recorder(title: str, kind: str, model: str | None = None) -> SnmpRecord:
        return SnmpRecord(ip="10.0.0.5", facts=Facts(
            sys_descr="Embedded Net DVR", model=model,
            os_family=OsFamily(os="x-nvr", text=title, type=kind, group=None,
                               matched_by="sysObjectID starts with '.1.3.6.1.4.1.39165'")))

    for title, kind in (("Hikvision NVR", "network"), ("Dahua NVR", "appliance")):
        votes = snmp_type_votes(recorder(title, kind))
        assert any(v.type is T.CAMERA and "title" in v.detail for v in votes)
    assert snmp_type_hint(recorder("Hikvision NVR", "network", "DS-7608NI"))[0] is T.CAMERA
    assert not any("title" in v.detail
                   for v in snmp_type_votes(recorder("Acme Camera Firewall", "firewall")))
    # a model family that is the acronym and a number ("DH-NVR4108HS", "NGFW4000-UF")
    bare = SnmpRecord(ip="10.0.0.6", facts=Facts(model="DH-NVR4108HS-8P-4KS2"))
    assert snmp_type_hint(bare)[0] is T.CAMERA
    ngfw = SnmpRecord(ip="10.0.0.7", facts=Facts(model="NGFW4000-UF"))
    assert snmp_type_hint(ngfw)[0] is T.FIREWALL


def test_the_products_own_words_outrank_its_makers_habits() -> None:
    """"Netentsec NGFW" on Vyatta's enterprise number: what Vyatta usually makes (routers) is
    not asked once the banner names the product's type; and a firewall's forwarding and routes
    are no rival to it (a firewall routes)."""
    rec = SnmpRecord(ip="10.0.0.8", facts=Facts(
        sys_descr="Netentsec NGFW", vendor="Vyatta", sys_object_id="1.3.6.1.4.1.30803",
        enterprise=30803, ip_forwarding=True, services=14))
    votes = snmp_type_votes(rec)
    assert not [v for v in votes if v.source == PRIOR_SOURCE]
    dtype, confidence, _why = snmp_type_hint(rec)
    assert dtype is T.FIREWALL and confidence > 0.6
    plain = rec.model_copy(update={"facts": rec.facts.model_copy(
        update={"sys_descr": "Netentsec OS"})})
    assert [v for v in snmp_type_votes(plain) if v.source == PRIOR_SOURCE]
    routes = [TypeVote(type=T.FIREWALL, weight=0.8, source="snmp:keyword", detail="NGFW"),
              TypeVote(type=T.ROUTER, weight=0.77, source="snmp:structure", detail="routes")]
    scores = {T.FIREWALL: 0.8, T.ROUTER: 0.77}
    assert calibrate(T.FIREWALL, scores, routes) > 0.6
    switch = [v.model_copy(update={"type": T.SWITCH}) if v.type is T.FIREWALL else v
              for v in routes]
    assert calibrate(T.SWITCH, {T.SWITCH: 0.8, T.ROUTER: 0.77}, switch) <= 0.5


def test_ports_without_bridge_mib_are_only_a_hint_of_a_switch() -> None:
    """Eleven Ethernet ports and no BRIDGE-MIB: a firewall with a port per segment looks the
    same, so the box stays unknown rather than a switch; the same ports bridged make a switch."""
    from netmap.model import Interface

    ports = [Interface(if_index=n, if_type=6) for n in range(1, 12)]
    rec = SnmpRecord(ip="10.0.0.9", interfaces=ports,
                     facts=Facts(sys_descr="VENUS VSOS-V0700R0600", ip_forwarding=True))
    assert snmp_type_hint(rec)[0] is T.UNKNOWN
    bridged = rec.model_copy(update={"facts": rec.facts.model_copy(
        update={"structure": {"bridge_ports": 11}})})
    assert snmp_type_hint(bridged)[0] is T.SWITCH


def test_a_maker_known_only_to_nmap_gets_a_weak_prior() -> None:
    """No OS definition matches and no hand entry names the enterprise: nmap's fingerprints of
    the maker tilt the guess, at a confidence that asks for confirmation."""
    from netmap.infer.classify_snmp import snmp_type_hint, snmp_type_votes

    facts = Facts(sys_descr="Model Q9999 firmware", vendor="Axis")
    record = SnmpRecord(ip="10.0.0.3", facts=facts)
    votes = [v for v in snmp_type_votes(record) if "nmap OS fingerprints" in v.detail]
    assert votes and votes[0].type is T.CAMERA and votes[0].source == PRIOR_SOURCE
    dtype, confidence, _why = snmp_type_hint(record)
    assert dtype is T.CAMERA and confidence <= PRIOR_CAP


def test_hostile_device_strings_are_read_as_data() -> None:
    """A huge banner, control bytes and regex metacharacters identify without error or delay."""
    banner = "Linux " + "a" * 200_000 + " (?<hardware>.*)\x00\x1b[31m"
    agent = walker(
        "1.3.6.1.2.1.1.1.0|4x|" + banner.encode().hex(),
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
    )
    found = asyncio.run(read_identity(agent))
    assert found.os_family is not None and found.os_family.os == "linux"


def test_a_controller_that_bridges_its_clients_is_still_a_confident_controller() -> None:
    """An AireOS controller bridges its APs' clients onto the wired VLANs: its bridge ports,
    forwarding table and sysServices "layer 2" are its own, no rival to its AP table. The
    scores are a Cisco 5508's (snmpsim-data's cisco-controller walk), capped at 0.5 before."""
    votes = [TypeVote(type=T.WIRELESS_CONTROLLER, weight=0.7, source="snmp:structure",
                      detail="a table of managed access points"),
             TypeVote(type=T.SWITCH, weight=0.45, source="snmp:structure", detail="BRIDGE-MIB")]
    scores = {T.WIRELESS_CONTROLLER: 0.97, T.SWITCH: 0.87, T.ROUTER: 0.55}
    assert calibrate(T.WIRELESS_CONTROLLER, scores, votes) >= 0.6
    # a switch's own rival is still counted: the relation goes one way
    assert calibrate(T.SWITCH, {T.SWITCH: 0.87, T.WIRELESS_CONTROLLER: 0.8}, votes) <= 0.5
