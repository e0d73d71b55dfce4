"""sysObjectID -> product identifier table (netmap.discover.snmp.products) and its generator."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from netmap.discover.snmp.products import _table, product_of

GENERATOR = Path(__file__).resolve().parents[1] / "tools" / "make_products.py"


@cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_products", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_products"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_table_loads_and_stays_under_enterprises() -> None:
    table = _table()
    assert len(table) > 1000
    assert all(oid.startswith("1.3.6.1.4.1.") for oid in table)


# sysObjectID -> (identifier, MIB) that the generated table must hold
REGISTERED = [
    ("1.3.6.1.4.1.9.1.1348", "ciscoUCVirtualMachine", "CISCO-PRODUCTS-MIB"),
    (".1.3.6.1.4.1.9.1.1", "ciscoGatewayServer", "CISCO-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.9.1.1208", "cat29xxStack", "CISCO-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.43356.1.1.1", "mimosaB5", "MIMOSA-NETWORKS-BASE-MIB"),
    ("1.3.6.1.4.1.674.11000.5000.100.2.3.1", "z9100on", "DELLEMC-OS10-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.11.2.3.7.11.137", "hpSwitchJ9773A", "HP-ICF-OID"),
    ("1.3.6.1.4.1.1991.1.3.61.1.1.1.1", "snICX745024Switch", "FOUNDRY-SN-ROOT-MIB"),
    ("1.3.6.1.4.1.41916.3.2.5", "vedge2000AC", "VIPTELA-HARDWARE"),
    ("1.3.6.1.4.1.22610.1.3.13", "a10SoftAX", "A10-COMMON-MIB"),
    ("1.3.6.1.4.1.2636.1.1.1.2.21", "jnxProductNameMX960", "JUNIPER-CHASSIS-DEFINES-MIB"),
    ("1.3.6.1.4.1.1916.2.154", "summitX460-24x", "EXTREME-BASE-MIB"),
    ("1.3.6.1.4.1.4526.100.4.5", "gs724t", "NETGEAR-REF-MIB"),
    ("1.3.6.1.4.1.12356.101.1.641", "fgt60E", "FORTINET-FORTIGATE-MIB"),
    ("1.3.6.1.4.1.14823.1.2.59", "ap225", "ARUBA-MIB"),
    ("1.3.6.1.4.1.25053.3.1.11.1", "ruckusSZ100", "RUCKUS-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.25461.2.3.38", "panPA-220", "PAN-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.3097.1.5.49", "M400", "WATCHGUARD-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.318.1.3.27", "smartUPS2", "PowerNet-MIB"),
    ("1.3.6.1.4.1.674.10895.3054", "dellN2048Switch", "DELL-REF-MIB"),
    ("1.3.6.1.4.1.6027.1.3.4", "s25pac", "DELL-NETWORKING-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.11863.5.25", "tplink-tlsg2008", "TPLINK-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.207.1.14.68", "x90048FS", "AT-PRODUCT-MIB"),
    ("1.3.6.1.4.1.1588.3.3.1.131", "vdx6740", "BROCADE-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.19046.1.7.32", "ne1032", "LENOVO-PRODUCTS-MIB"),
    # MIBs LibreNMS definitions name as their `hardware_mib` (read from LibreNMS's mibs/)
    ("1.3.6.1.4.1.21150.3.21", "dqt400-4", "XKL-MIB"),
    ("1.3.6.1.4.1.9926.1.1.21.6110", "geAtm6110", "GENIE-GE-ROOT-MIB"),
    ("1.3.6.1.4.1.5528.100.20.10.2003", "netBotz420Rack", "NETBOTZ410-MIB"),
    ("1.3.6.1.4.1.534.2.5", "connectUPSAdapterEthernet", "EATON-OIDS"),
    # IPO-PROD-MIB hangs below AVAYAGEN-MIB's `products`, a name AT-PRODUCT-MIB and EATON-OIDS reuse
    ("1.3.6.1.4.1.6889.1.2.1.10.1", "ipoProd500v2IPOffice", "IPO-PROD-MIB"),
    # Ruckus hangs the ZF7761CM's configuration branch under it: the AP stays a product
    ("1.3.6.1.4.1.25053.3.1.4.7", "ruckusZF7761CM", "RUCKUS-PRODUCTS-MIB"),
    # from the product MIBs of the shared LibreNMS knowledge (one folder per vendor)
    ("1.3.6.1.4.1.476.1.42.4.2.2", "lgpUPStationGXT", "LIEBERT-GP-REGISTRATION-MIB"),
    ("1.3.6.1.4.1.3224.1.35", "netscreenSSG20", "NETSCREEN-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.6296.1.2.5.9", "v5524XG", "DASAN-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.8744.1.35", "colubrisMSC5100", "COLUBRIS-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.23867.1.2.12", "spsNX5504", "SILVERPEAK-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.28557.1.5", "hillstoneSA2010", "HILLSTONE-PRODUCTS-MIB"),
]

# rows of MIBs the earlier table did not cover, from the shared LibreNMS product MIBs (several
# hang under SMI roots the folder lacks, transcribed into ROOTS: VMware, Opengear, BlueCat)
REGISTERED_NEW = [
    ("1.3.6.1.4.1.6876.4.1", "vmwESX", "VMWARE-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.25049.1.11", "ogCM71xx", "OG-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.13315.2.2", "bcnProductsProteus", "BCN-PRODUCTS-MIB"),
    # the recordings' Nokia 1830 PSD, Calix E7-2, Sensatronics EM1, Terra and Ifotec devices
    ("1.3.6.1.4.1.7483.1.3.1.12", "nokia1830Psd", "TROPIC-GLOBAL-REG"),
    ("1.3.6.1.4.1.6321.1.2.2.5.3", "e7x2", "CALIX-PRODUCT-MIB"),
    ("1.3.6.1.4.1.16174.1.1.3", "productEM1", "SENSATRONICS-SMI"),
    ("1.3.6.1.4.1.30631.1.18", "terra-sti440", "TERRA-PRODUCTS-MIB"),
    ("1.3.6.1.4.1.21362.100.1.4.3.4", "INET-4GP2GF-AS-001", "IFOTEC-PRODUCTLIST-MIB"),
    ("1.3.6.1.4.1.32050.1.1", "sitemonitorBase", "PACKETFLUX-PRODUCTS-MIB"),
    # a leaf named as one registration (...Reg) inside a registration subtree is a product
    ("1.3.6.1.4.1.18837.1.2.1", "tfTTS200Reg", "SPECTRACOM-GLOBAL-REG-MIB"),
    ("1.3.6.1.4.1.637.54.1.10.90.1", "radioModelMPR-E-MSS8Reg", "OPTICSIM-RADIOREG-MIB"),
    # RUCKUS-PRODUCTS-MIB defines the ZoneDirector's MIB objects under its sysObjectID
    ("1.3.6.1.4.1.25053.3.1.5.1", "ruckusZD1000", "RUCKUS-PRODUCTS-MIB"),
]

# sysObjectID-like OIDs that name no product
NOT_PRODUCTS = [
    "1.3.6.1.4.1.43356.1.2",  # mimosaSoftware: an empty category
    # Dell-Vendor-MIB keeps its objects (3000) and the standard tree (5000) beside the sysObjectIDs
    "1.3.6.1.4.1.674.10895.3000.1.2.110.7",  # productStatusEnvironment
    "1.3.6.1.4.1.674.10895.5000.2.6132.1.1",  # DELL-REF-MIB dnOS
    "1.3.6.1.4.1.6027.1.3",  # dellNetSSeriesProducts: a family
    "1.3.6.1.4.1.6889.1.2.2",  # ipoProdExpModules: module types
    "1.3.6.1.4.1.534.6.6.2",  # EATON-OIDS hdpdu: a MIB root
    "1.3.6.1.4.1.11863.1",  # TPLINK-MIB switch: a category
    # HP hangs pseudo module cards under the switch (hpSwitchModuleJ9773A ::= { hpSwitchJ9773A 1 })
    "1.3.6.1.4.1.11.2.3.7.11.137.1",
    "1.3.6.1.4.1.11.2.3.7.11.99.1",  # hpEtherSwitchPort10T: a port type
    "1.3.6.1.4.1.22610.1.3",  # a10AX: an OBJECT-IDENTITY family node
    "1.3.6.1.4.1.1991.1.3.61.1.1.1",  # snICX745024: Switch/Router parent
    "1.3.6.1.4.1.25053.3.1.4.7.5",  # the ZF7761CM's configuration branch
    "1.3.6.1.4.1.25461.2.3.101",  # panFans: a component type
    "1.3.6.1.4.1.25461.2.3.100.1",  # panPA-7000-SMC: a line card
    "1.3.6.1.4.1.14823.1.1.21",  # ARUBA-MIB reserved1
    "1.3.6.1.4.1.14823.1.1.9999",  # aUndefined
    # entity types, object trees and placeholders of the shared LibreNMS product MIBs
    "1.3.6.1.4.1.7483.1.5.1.1",  # TROPIC-GLOBAL-REG tropicEmptyCard (tropicCardReg)
    "1.3.6.1.4.1.7483.1.4.1",  # tropicEmptyShelf (tropicShelfReg)
    "1.3.6.1.4.1.7483.6.1.2",  # tnSRObjs
    "1.3.6.1.4.1.6321.1.2.1.4.1",  # CALIX-PRODUCT-MIB amp, a C7 card (c7Card)
    "1.3.6.1.4.1.8708.3.1.1.1",  # LUM-REG mentisControlSlot
    "1.3.6.1.4.1.8708.3.2.1",  # LUM-REG mentis300Backplane
    "1.3.6.1.4.1.476.1.42.3.5",  # LIEBERT-GP-REGISTRATION-MIB lgpPower, a foundation MIB root
    "1.3.6.1.4.1.35847.1.3.2",  # GREENBONE-PRODUCT-MIB swVersion (productSoftware objects)
    "1.3.6.1.4.1.9303.1.3",  # WAYSTREAM-PRODUCTS-MIB legacy1, a retired category
]


@pytest.mark.parametrize(("oid", "name", "mib"), REGISTERED)
def test_registered_products(oid: str, name: str, mib: str) -> None:
    assert product_of(oid) == (name, mib)


@pytest.mark.parametrize(("oid", "name", "mib"), REGISTERED_NEW)
def test_newly_added_mibs_are_covered(oid: str, name: str, mib: str) -> None:
    assert product_of(oid) == (name, mib)


def test_table_covers_the_shared_product_mibs() -> None:
    modules = {module for _, module in _table().values()}
    assert {mib for _, _, mib in REGISTERED_NEW} <= modules
    assert len(modules) >= 60
    assert len(_table()) > 10000


@pytest.mark.parametrize("oid", NOT_PRODUCTS)
def test_families_components_and_plumbing_are_not_products(oid: str) -> None:
    assert product_of(oid) is None



def test_unknown_and_prefixes_are_none() -> None:
    assert product_of(None) is None
    assert product_of("") is None
    assert product_of("1.3.6.1.4.1.9.1") is None  # the registration root, not a product
    assert product_of("1.3.6.1.4.1.8072.3.2.10") is None
    assert product_of("1.3.6.1.4.1.9.1.1348.7") is None


def test_product_branches_name_their_variants() -> None:
    assert product_of("1.3.6.1.4.1.2281.1.20.2.2") == ("IP-20C", "Ceragon IP-20 branch")
    assert product_of("1.3.6.1.4.1.2281.1.20.2.2.12") == ("IP-20C", "Ceragon IP-20 branch")
    assert product_of("1.3.6.1.4.1.2281.1.20.2.2.2.1") == ("IP-20S", "Ceragon IP-20 branch")
    assert product_of("1.3.6.1.4.1.2281.1.20") is None  # above the branches: the platform root


# An invented vendor (enterprise 99999) split over two files: the SMI file defines the roots,
# the products file registers a family node with two models, an OBJECT-IDENTITY model, and
# the usual conformance plumbing that must not be mistaken for products.
_SMI = """
ACME-SMI DEFINITIONS ::= BEGIN
IMPORTS enterprises, MODULE-IDENTITY FROM SNMPv2-SMI;
acmeSmi MODULE-IDENTITY
    LAST-UPDATED "202401010000Z"
    DESCRIPTION "roots -- not a comment ::= { nothing 1 }"
    ::= { enterprises 99999 0 }
acme          OBJECT IDENTIFIER ::= { enterprises 99999 }
acmeProducts  OBJECT IDENTIFIER ::= { acme 1 }
acmeMgmt      OBJECT IDENTIFIER ::= { acme 2 }
END
"""

_PRODUCTS = """
ACME-PRODUCTS-MIB DEFINITIONS ::= BEGIN
IMPORTS acmeProducts, acmeMgmt FROM ACME-SMI;
acmeProductsMIB MODULE-IDENTITY
    LAST-UPDATED "202401010000Z"
    ::= { acmeMgmt 9 }
acmeSwitches      OBJECT IDENTIFIER ::= { acmeProducts 1 }    -- family node
acmeSwitch24      OBJECT IDENTIFIER ::= { acmeSwitches 24 }   -- 24 ports
acmeSwitch48      OBJECT IDENTIFIER ::= { acmeSwitches 48 }
acmeRouterX       OBJECT-IDENTITY
    STATUS current
    DESCRIPTION "Router X ::= { acmeProducts 77 }"
    ::= { acmeProducts 2 }
acmeOldBox        OBJECT IDENTIFIER ::= { acme 1 3 }
acmeConformance   OBJECT IDENTIFIER ::= { acmeProducts 99 }
acmeMgmtLeaf      OBJECT IDENTIFIER ::= { acmeMgmt 5 }
acmeStatus        OBJECT-TYPE
    SYNTAX INTEGER
    ::= { acmeProducts 3 }
-- retiredBox     OBJECT IDENTIFIER ::= { acmeProducts 4 }
END
"""


def test_generator_parses_resolves_and_filters(tmp_path: Path) -> None:
    gen = _generator()
    (tmp_path / "ACME-SMI").write_text(_SMI)
    (tmp_path / "ACME-PRODUCTS-MIB").write_text(_PRODUCTS)
    rows = gen.products(gen.load_dir(tmp_path))
    assert rows == [
        ("1.3.6.1.4.1.99999.1.1.24", "acmeSwitch24", "ACME-PRODUCTS-MIB"),
        ("1.3.6.1.4.1.99999.1.1.48", "acmeSwitch48", "ACME-PRODUCTS-MIB"),
        ("1.3.6.1.4.1.99999.1.2", "acmeRouterX", "ACME-PRODUCTS-MIB"),
        ("1.3.6.1.4.1.99999.1.3", "acmeOldBox", "ACME-PRODUCTS-MIB"),
    ]


def test_generator_output_is_reproducible(tmp_path: Path) -> None:
    gen = _generator()
    (tmp_path / "ACME-SMI").write_text(_SMI)
    (tmp_path / "ACME-PRODUCTS-MIB").write_text(_PRODUCTS)
    rows = gen.products(gen.load_dir(tmp_path))
    first, second = gen.render(rows), gen.render(list(rows))
    assert first == second
    lines = gzip.decompress(first).decode().splitlines()
    assert lines[0] == "1.3.6.1.4.1.99999.1.1.24\tacmeSwitch24\tACME-PRODUCTS-MIB"


def test_generator_resolves_a_parent_from_the_module_it_imports(tmp_path: Path) -> None:
    """Two vendors name a node `products`; the importing module must hang under its own."""
    gen = _generator()
    (tmp_path / "A-SMI").write_text(
        "A-SMI DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\n"
        "products OBJECT IDENTIFIER ::= { enterprises 99990 1 }\nEND\n"
    )
    (tmp_path / "B-SMI").write_text(
        "B-SMI DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\n"
        "products OBJECT IDENTIFIER ::= { enterprises 99991 1 }\nEND\n"
    )
    (tmp_path / "B-PRODUCTS-MIB").write_text(
        "B-PRODUCTS-MIB DEFINITIONS ::= BEGIN\nIMPORTS\n    enterprises FROM SNMPv2-SMI\n"
        "    products FROM B-SMI;\nbProducts OBJECT IDENTIFIER ::= { products 2 }\n"
        "bBox1 OBJECT IDENTIFIER ::= { bProducts 1 }\nEND\n"
    )
    rows = gen.products(gen.load_dir(tmp_path))
    assert rows == [("1.3.6.1.4.1.99991.1.2.1", "bBox1", "B-PRODUCTS-MIB")]


def test_comware_and_huawei_registrations() -> None:
    assert product_of("1.3.6.1.4.1.25506.1.1") == ("hh3c-s5500-28C-EI", "HH3C-PRODUCT-ID-MIB")
    # HPE A-series / FlexFabric under hpNetworking; hpSwitch itself is a family, not a product
    assert product_of("1.3.6.1.4.1.25506.11.1.100") == (
        "hp5900AF48XG4QSFPPlus",
        "HH3C-PRODUCT-ID-MIB",
    )
    assert product_of("1.3.6.1.4.1.25506.11.1") is None
    # the OEM placeholder node is not a product
    assert product_of("1.3.6.1.4.1.25506.1.218") is None
    # HUAWEI-MIB hwProducts.lanSw: s8016 is a family, lswCommon the root of the switch MIBs
    assert product_of("1.3.6.1.4.1.2011.2.23.97") == ("s5352C-EI", "HUAWEI-MIB")
    assert product_of("1.3.6.1.4.1.2011.2.23.11") is None
    assert product_of("1.3.6.1.4.1.2011.2.23.1") is None


def test_generator_reads_vendor_folders_and_carries_rows_it_cannot_regenerate(
    tmp_path: Path,
) -> None:
    """MIBs one folder per vendor; a row of the previous table whose MIB is not in the folder
    stays, and a row the MIBs now define takes the MIB's name."""
    gen = _generator()
    (tmp_path / "mibs" / "acme").mkdir(parents=True)
    (tmp_path / "mibs" / "acme" / "ACME-SMI").write_text(_SMI)
    (tmp_path / "mibs" / "acme" / "ACME-PRODUCTS-MIB").write_text(_PRODUCTS)
    out = tmp_path / "products.tsv.gz"
    out.write_bytes(gen.render([("1.3.6.1.4.1.99998.1.1", "otherBox", "OTHER-MIB"),
                                ("1.3.6.1.4.1.99999.1.2", "oldName", "ACME-PRODUCTS-MIB")]))
    assert gen.main([str(tmp_path / "mibs"), str(out)]) == 0
    rows = [line.split("\t") for line in gzip.decompress(out.read_bytes()).decode().splitlines()]
    assert ["1.3.6.1.4.1.99998.1.1", "otherBox", "OTHER-MIB"] in rows
    assert ["1.3.6.1.4.1.99999.1.2", "acmeRouterX", "ACME-PRODUCTS-MIB"] in rows
    assert len(rows) == 5


# An invented vendor (enterprise 99997) exercising the rules the shared MIBs needed: objects under
# a product, a branch of one kind of part, a registration leaf, plumbing with objects below it.
_RULES = """
ZED-PRODUCTS-MIB DEFINITIONS ::= BEGIN
IMPORTS enterprises FROM SNMPv2-SMI;
zed             OBJECT IDENTIFIER ::= { enterprises 99997 }
zedProducts     OBJECT IDENTIFIER ::= { zed 1 }
zedController   OBJECT IDENTIFIER ::= { zedProducts 1 }
zedCtrlUptime   OBJECT-TYPE
    SYNTAX INTEGER
    ::= { zedController 1 }
zedCardReg      OBJECT IDENTIFIER ::= { zedProducts 2 }
zedLineCard     OBJECT IDENTIFIER ::= { zedCardReg 1 }
zedTimeReg      OBJECT IDENTIFIER ::= { zedProducts 3 }
zedClock5Reg    OBJECT IDENTIFIER ::= { zedTimeReg 1 }
zedSoftware     OBJECT IDENTIFIER ::= { zedProducts 4 }
zedVersion      OBJECT IDENTIFIER ::= { zedSoftware 1 }
zedVersionMajor OBJECT-TYPE
    SYNTAX INTEGER
    ::= { zedVersion 1 }
zedBackplane    OBJECT IDENTIFIER ::= { zedProducts 5 }
legacy1         OBJECT IDENTIFIER ::= { zedProducts 6 }
END
"""


def test_generator_rules_for_objects_parts_and_registration_leaves(tmp_path: Path) -> None:
    gen = _generator()
    (tmp_path / "ZED-PRODUCTS-MIB").write_text(_RULES)
    assert gen.products(gen.load_dir(tmp_path)) == [
        ("1.3.6.1.4.1.99997.1.1", "zedController", "ZED-PRODUCTS-MIB"),
        ("1.3.6.1.4.1.99997.1.3.1", "zedClock5Reg", "ZED-PRODUCTS-MIB"),
    ]


def test_generator_skips_malformed_files_with_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = _generator()
    (tmp_path / "ACME-SMI").write_text(_SMI)
    (tmp_path / "ACME-PRODUCTS-MIB").write_text(_PRODUCTS)
    (tmp_path / "BINARY").write_bytes(b"\x00\x01\xff" * 100)
    (tmp_path / "README").write_text("no module here ::= { enterprises 1 }\n")
    (tmp_path / "HUGE-MIB").write_text(
        "HUGE-MIB DEFINITIONS ::= BEGIN\n"
        f"huge OBJECT IDENTIFIER ::= {{ enterprises {'9' * 5000} }}\nEND\n"
    )
    (tmp_path / "BROKEN-MIB").write_text(
        'BROKEN-MIB DEFINITIONS ::= BEGIN\nIMPORTS x FROM\nb OBJECT IDENTIFIER ::= {\n"open\n'
        "c OBJECT IDENTIFIER ::= { c 1 }\n"
    )
    rows = gen.products(gen.load_dir(tmp_path))
    assert [name for _, name, _ in rows] == ["acmeSwitch24", "acmeSwitch48", "acmeRouterX",
                                              "acmeOldBox"]
    report = capsys.readouterr().err
    for skipped in ("BINARY", "README", "HUGE-MIB"):
        assert f"{tmp_path / skipped}: skipped" in report


def test_carry_over_keeps_only_oids_no_mib_defines(tmp_path: Path) -> None:
    """A previous row whose OID the MIBs define but the rules reject (a family node) goes; a
    row whose OID no MIB defines stays."""
    gen = _generator()
    (tmp_path / "mibs").mkdir()
    (tmp_path / "mibs" / "ACME-SMI").write_text(_SMI)
    (tmp_path / "mibs" / "ACME-PRODUCTS-MIB").write_text(_PRODUCTS)
    out = tmp_path / "products.tsv.gz"
    out.write_bytes(gen.render([("1.3.6.1.4.1.99999.1.1", "acmeSwitches", "ACME-PRODUCTS-MIB"),
                                ("1.3.6.1.4.1.99999.1.9", "acmeGoneBox", "ACME-PRODUCTS-MIB")]))
    assert gen.main([str(tmp_path / "mibs"), str(out)]) == 0
    names = [line.split("\t")[1] for line in gzip.decompress(out.read_bytes()).decode().split("\n")
             if line]
    assert "acmeSwitches" not in names
    assert "acmeGoneBox" in names


def test_generator_default_directory_is_beside_the_project_root() -> None:
    gen = _generator()
    root = GENERATOR.parents[1]
    assert (root / "pyproject.toml").is_file()
    assert root == gen.PROJECT_ROOT
    assert root.parent / "shared" / "knowledge" / "librenms" / "product-mibs" == gen.DEFAULT_SOURCE
    assert root / "netmap" / "discover" / "snmp" / "data" / "products.tsv.gz" == gen.DEFAULT_OUTPUT
