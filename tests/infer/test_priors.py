"""The maker prior from nmap's OS database: the generator, the shipped table, the lookup."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from netmap.infer.classify import NMAP_CLASSES
from netmap.infer.identify import priors
from netmap.infer.identify.priors import maker_prior, vendor_key
from netmap.model import DeviceType

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import make_nmap_classes  # noqa: E402

T = DeviceType

# An invented nmap-os-db: well-formed entries, duplicates within a fingerprint, general purpose,
# power devices of each kind, and malformed lines the generator must skip and report.
DB = """\
# nmap-os-db, invented
MatchPoints
SEQ(SP=25%GCD=75)
Class Stray | before | any | router

Fingerprint Cisco 2900 router (IOS 15)
Class Cisco | IOS | 15.X | router
Class Cisco | IOS | 12.X | router
CPE cpe:/o:cisco:ios:15
SEQ(SP=1)

Fingerprint Cisco Catalyst switch or router
Class Cisco | IOS | 12.X | switch
Class Cisco Systems, Inc. | IOS | 12.X | router

Fingerprint Cisco Catalyst 2960 switch
Class Cisco | IOS | 12.X | switch
Class Cisco | IOS | 12.X
Class  | IOS | 12.X | switch
Class Cisco | IOS | 12.X | |
Class Cisco | IOS | 12.X | toaster
Classic line that is not a class line

Fingerprint HP LaserJet 4250 printer
Class HP | embedded || printer
Class Hewlett-Packard | embedded || printer

Fingerprint HP ProCurve switch 2524, on a Linux kernel
Class HP | ProCurve | | switch
Class Linux | Linux | 2.6.X | general purpose

Fingerprint APC AP7920 rack PDU (AOS 2.7.0)
Class APC | AOS | 2.X | power-device
Fingerprint APC Smart-UPS 3000 RM UPS
Class APC | embedded || power-device
Fingerprint APC Network Management Card (AOS 3.5.7)
Class APC | AOS | 3.X | power-device
Fingerprint SunPower solar monitoring device
Class SunPower | embedded || power-device

Fingerprint Android 4.1 (Linux 3.0)
Class Google | Android | 4.X | phone
Class Linux | Linux | 3.X | phone
"""

EXPECTED = {
    ("cisco", T.ROUTER): 2,
    ("cisco", T.SWITCH): 2,
    ("hp", T.PRINTER): 1,
    ("hp", T.SWITCH): 1,
    ("apc", T.PDU): 2,
    ("apc", T.UPS): 2,
    ("sunpower", T.OTHER): 1,
    ("google", T.OTHER): 1,
    ("linux", T.OTHER): 1,
}


def test_generator_counts_distinct_fingerprints_and_skips_malformed_lines() -> None:
    result = make_nmap_classes.parse(DB)
    assert dict(result.counts) == EXPECTED
    assert result.fingerprints == 10
    assert result.left_out == {"general purpose": 1}
    reasons = [line.split(": ")[1] for line in result.skipped]
    assert reasons == [
        "Class line before any Fingerprint",
        "3 fields, not 4",
        "empty vendor or device type",
        "5 fields, not 4",
        "unknown device type 'toaster'",
        "not a Class line",
    ]
    assert result.skipped[0].startswith("line 4: ")


def test_generator_writes_a_sorted_byte_identical_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nmap-os-db"
    db.write_text(DB, encoding="utf-8")
    out1, out2 = tmp_path / "a.tsv.gz", tmp_path / "sub" / "b.tsv.gz"
    assert make_nmap_classes.main([str(db), str(out1)]) == 0
    report = capsys.readouterr().out
    assert "9 (vendor, type) rows, 6 vendors" in report and "skipped: 6 lines" in report
    assert make_nmap_classes.main([str(db), str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    lines = gzip.decompress(out1.read_bytes()).decode().splitlines()
    assert lines == sorted(lines)
    assert lines[:3] == ["apc\tpdu\t2", "apc\tups\t2", "cisco\trouter\t2"]
    parsed = {(k, T(t)): int(n) for k, t, n in (line.split("\t") for line in lines)}
    assert parsed == EXPECTED


def test_generator_refuses_what_is_not_an_os_db(tmp_path: Path) -> None:
    junk = tmp_path / "junk"
    junk.write_text("hello\nClass nothing\n", encoding="utf-8")
    assert make_nmap_classes.main([str(junk), str(tmp_path / "out.gz")]) == 1
    assert not (tmp_path / "out.gz").exists()
    assert make_nmap_classes.main([str(tmp_path / "missing"), str(tmp_path / "out.gz")]) == 1


def test_power_devices_split_by_what_the_fingerprint_names() -> None:
    assert make_nmap_classes.power_types("Eaton Powerware 9170 UPS") == (T.UPS,)
    assert make_nmap_classes.power_types("APC MasterSwitch power distribution unit") == (T.PDU,)
    assert make_nmap_classes.power_types("Tigo Energy Cloud Connect solar gateway") == (T.OTHER,)
    assert make_nmap_classes.power_types("APC AOS 3.7.4") == (T.UPS, T.PDU)


def test_mapping_agrees_with_the_classifier_for_the_types_it_knows() -> None:
    for nmap_type, device_type in NMAP_CLASSES.items():
        if nmap_type == "power-device":  # split by description here (UPS or PDU)
            assert make_nmap_classes.TYPES[nmap_type] == (T.UPS, T.PDU)
            continue
        assert make_nmap_classes.TYPES[nmap_type] == (device_type,), nmap_type
    assert make_nmap_classes.TYPES["general purpose"] == ()


def test_vendor_keys_meet_netmap_brand_spellings() -> None:
    assert vendor_key("Cisco Systems, Inc") == vendor_key("CISCO") == "cisco"
    assert vendor_key("Hewlett Packard") == vendor_key("HP") == "hp"
    assert vendor_key("American Power Conversion") == "apc"
    assert vendor_key("TP-LINK TECHNOLOGIES CO.,LTD.") == vendor_key("TP-Link")
    assert vendor_key("Blue Coat Systems") == "blue coat"
    assert vendor_key("") is None and vendor_key(None) is None


# --- the lookup on an invented table -----------------------------------------------------------


def test_maker_prior_shares_order_and_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {
        "acme": ((T.SWITCH, 1), (T.ROUTER, 3)),
        "tiny": ((T.CAMERA, 2),),
    }
    monkeypatch.setattr(priors, "_table", lambda: table)
    assert maker_prior("ACME Inc.") == [(T.ROUTER, 0.75, 4), (T.SWITCH, 0.25, 4)]
    assert maker_prior("Tiny") == []  # two fingerprints: below MIN_FINGERPRINTS
    assert maker_prior("Nobody") == []


# --- the shipped table ---------------------------------------------------------------------------


def _shares(vendor: str) -> dict[DeviceType, float]:
    return {device_type: share for device_type, share, _ in maker_prior(vendor)}


def test_shipped_table_cisco_mostly_routers_and_switches() -> None:
    prior = maker_prior("Cisco Systems, Inc")
    assert {prior[0][0], prior[1][0]} == {T.SWITCH, T.ROUTER}
    shares = _shares("Cisco")
    assert shares[T.SWITCH] + shares[T.ROUTER] > 0.6
    assert prior[0][2] > 200  # hundreds of fingerprints
    assert abs(sum(shares.values()) - 1) < 1e-9


def test_shipped_table_hp_printers_then_switches() -> None:
    prior = maker_prior("Hewlett Packard")
    assert [t for t, _, _ in prior[:2]] == [T.PRINTER, T.SWITCH]
    assert prior[0][1] > 0.5


def test_shipped_table_apc_makes_power() -> None:
    shares = _shares("APC")
    assert shares[T.UPS] + shares[T.PDU] > 0.9
    assert maker_prior("American Power Conversion")[0][0] in (T.UPS, T.PDU)


@pytest.mark.parametrize(
    ("vendor", "device_type", "least"),
    [
        ("Axis Communications AB", T.CAMERA, 0.8),
        ("Ubiquiti Networks Inc.", T.WIRELESS_AP, 0.6),
        ("Brother", T.PRINTER, 0.99),
        ("MikroTik", T.ROUTER, 0.99),
        ("Synology", T.NAS, 0.9),
        ("Fortinet", T.FIREWALL, 0.7),
    ],
)
def test_shipped_table_single_purpose_makers(
    vendor: str, device_type: DeviceType, least: float
) -> None:
    device, share, _ = maker_prior(vendor)[0]
    assert device is device_type and share >= least


def test_shipped_table_unknown_and_rare_makers_give_nothing() -> None:
    assert maker_prior("Nonexistent Widgets GmbH") == []
    assert maker_prior(None) == []
    assert maker_prior("") == []
    assert maker_prior("Eaton") == []  # one fingerprint only


def test_shipped_table_leaves_out_general_purpose() -> None:
    # Microsoft's thousand Windows fingerprints are general purpose: none may count as servers
    assert T.SERVER not in _shares("Microsoft")
    assert all(T.SERVER not in _shares(v) for v in ("Linux", "Dell", "HP", "Apple", "Sun"))


def test_importing_reads_nothing() -> None:
    code = (
        "import netmap.infer.identify.priors as p\n"
        "assert p._table.cache_info().currsize == 0\n"
        "p.maker_prior('Cisco')\n"
        "assert p._table.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
