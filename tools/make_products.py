"""Regenerate netmap/discover/snmp/data/products.tsv.gz from vendor product-registration MIBs.

A device's sysObjectID is a leaf of its vendor's product-registration subtree (CISCO-PRODUCTS-MIB
assigns `ciscoUCVirtualMachine ::= { ciscoProducts 1348 }`, i.e. 1.3.6.1.4.1.9.1.1348). When no
other source names the model, the MIB identifier of that leaf is what a network engineer reads.

    python tools/make_products.py [MIB_DIR] [OUTPUT]

Where the MIB texts come from: the vendor product MIBs that LibreNMS ships (librenms/librenms at
commit 4ab87302, GPL-3.0, `mibs/<vendor>/<MIB-NAME>`), 148 files laid out one folder per vendor in
`../shared/knowledge/librenms/product-mibs/`, resolved from the project root (the directory holding
pyproject.toml). That is the default MIB_DIR; any directory tree of MIB files works. The MIB files
are not committed; only the derived table is. A file that is not a usable MIB module (unreadable,
binary, no `NAME DEFINITIONS ::= BEGIN`, or anything the parser trips on) is skipped with a report
line on stderr and never stops the run.

Carry-over: the table is regenerated from MIB_DIR and merged with the table being replaced. An OID
that some MIB in MIB_DIR defines is decided by this run alone (kept, renamed or dropped by the
rules below); a row of the previous table whose OID no MIB in MIB_DIR defines is kept as it was.
An earlier run had texts the directory lacks (HP-ICF-OID, FOUNDRY-SN-ROOT-MIB,
FORTINET-FORTIGATE-MIB, JUNIPER-CHASSIS-DEFINES-MIB, ARUBA-MIB, PowerNet-MIB and others from
LibreNMS's full `mibs/`; XKL-MIB, GENIE-GE-ROOT-MIB and NETBOTZ410-MIB, which LibreNMS
definitions name as their `hardware_mib`; and Observium's larger HH3C-PRODUCT-ID-MIB), and a
missing file must not delete products. Both counts are printed (10,393 rows in all from the
LibreNMS commit above: 7,124 regenerated, 3,269 carried over). One directory plus the previous
table, rather than several directories, keeps a run reproducible from the texts at hand.

What is parsed: every `name OBJECT IDENTIFIER ::= { parent n ... }` and
`name OBJECT-IDENTITY ... ::= { parent n ... }` assignment (multi-component values such as
`{ enterprises 9 1 }` too). MODULE-IDENTITY, OBJECT-TYPE, NOTIFICATION-TYPE, OBJECT-GROUP and the
other macros are registered only so that their children resolve; they never become products.
Parents resolve across all files plus `ROOTS` (the SMI tree and vendor roots whose SMI files are
not in the directory, e.g. ciscoProducts = 1.3.6.1.4.1.9.1, ruckusProducts, tplinkProducts,
lenovoProducts, ogProducts, bcnProducts, vmwProductSpecific; a key may be module-qualified,
"Dell-Vendor-MIB::dellLan", and then serves only modules importing it from there); a parent the
module defines itself or IMPORTs from a file we have is taken from that module only, since generic
names recur (AVAYAGEN-MIB, AT-PRODUCT-MIB and EATON-OIDS each define a `products`). When two
modules register the same OID (an older copy under another module name: BROADCOM-REF-MIB beside
DELL-REF-MIB), the one registering more products of that enterprise names it, on a tie the first
file.

Which entries are kept (the product rule): an OBJECT IDENTIFIER / OBJECT-IDENTITY under
1.3.6.1.4.1 that lies inside a product-registration subtree and has no node registered below it.
A product-registration subtree is one rooted at a node whose name says it registers products
(`PRODUCT_ROOT_RE`: ...Products, ...Registrations, ...Reg, ...Models, ...ProductName,
...ProductIDs, ...Devices), or at one listed in `PRODUCT_ROOTS` for vendors that name it otherwise
(PAN-GLOBAL-REG's panProductsMibs, EATON-OIDS' xupsObjectId, IPO-PROD-MIB's ipoProdControllers,
HH3C-PRODUCT-ID-MIB's hh3cProductId, hpNetworking and hh3cJointVendorId, VMWARE-ROOT-MIB's
vmwProductSpecific; a generic name is module-qualified, as PowerNet-MIB::system or
Dell-Vendor-MIB::dellLan, under which DELL-REF-MIB registers the PowerConnect and N-series
switches). Inside it, nodes that themselves have nodes (OBJECT IDENTIFIER, OBJECT-IDENTITY,
MODULE-IDENTITY) below them are category nodes (a product family), not sysObjectID values, and are
dropped; MIB objects (OBJECT-TYPE and the like) hung under a product identifier leave it a
product (RUCKUS-PRODUCTS-MIB defines the ZoneDirector's objects under its sysObjectID). Dropped too
are names that denote MIB plumbing, an empty category, a placeholder or a part of a device
(`NON_PRODUCT_RE`: ...MIB, ...Mibs, ...Conformance, ...Groups, ...Compliances, ...Notifications,
...NotifyPrefix, ...Traps, ...Objects, ...Objs, ...Hardware, ...Software, ...Undefined, ...Module,
...Capability, ...Configuration, ...Performance, ...Root, ...Backplane, ...ShelfAssembly,
...PowerSupply, ...PowerSlot, ...FanSlot, ...Fan, reserved<n>, legacy<n>: MIMOSA-NETWORKS-BASE-MIB's
still-empty mimosaSoftware branch, ARUBA-MIB's reserved1 and aUndefined, WAYSTREAM-PRODUCTS-MIB's
retired legacy1). Root nodes are never products, except a leaf root named as the registration of
one thing inside another registration subtree (`_REGISTRATION_LEAF_RE`: SPECTRACOM-GLOBAL-REG-MIB's
tfTTS200Reg, OPTICSIM-RADIOREG-MIB's radioModelMPR-E-MSS8Reg). One exception to the leaf rule:
HP-ICF-OID hangs each switch's pseudo module cards under the switch's own identifier
(`hpSwitchModuleJ9773A ::= { hpSwitchJ9773A 1 }`), so in the subtrees listed in
`COMPONENTS_BELOW_PRODUCTS` an OBJECT-IDENTITY stays a product even with children, and its
descendants are components, not products, and are dropped. (Elsewhere an OBJECT-IDENTITY with
children is a family node, as A10-COMMON-MIB's a10AX.)

Branches kept inside a registration subtree for something other than products are dropped with
everything below them, and do not make the node they hang under a family:
- `COMPONENT_BRANCHES`, named per vendor: HP's port types, PAN-PRODUCTS-MIB's line cards, fans and
  power supplies, the configuration objects RUCKUS-PRODUCTS-MIB hangs under ruckusZF7761CM,
  Dell-Vendor-MIB's own objects and standard MIB tree beside the switch identifiers under dellLan,
  HH3C-PRODUCT-ID-MIB's hh3cOEMProductID (the node another MIB fills with OEM products),
  HUAWEI-MIB's lswCommon and s8016Common beside the hwProducts.lanSw switch models, LUM-REG's
  lumProductsGeneric (the mentis stack's plug-in units and slots), LIEBERT-GP-REGISTRATION-MIB's
  lgpAgent and lgpFoundation (object MIB roots beside the product families);
- a branch named for one kind of device part (`COMPONENT_BRANCH_RE`: ...Card, ...Shelf, ...Slot,
  ...Port, ...Equipment, with an optional Reg or Type(s): TROPIC-GLOBAL-REG's tropicCardReg and
  tropicShelfReg, CALIX-PRODUCT-MIB's c7Card); a plural does not count (DATACOM-REG's
  datacomManagementCards hold its agents' sysObjectIDs);
- MIB plumbing with MIB objects below it and no registration subtree below it: a MODULE-IDENTITY
  or a node `NON_PRODUCT_RE` names (GREENBONE-PRODUCT-MIB's productSoftware, TRELLIX-SENSOR-SMI's
  ivSensor). Products hung directly under a MODULE-IDENTITY (SILVERPEAK-PRODUCTS-MIB) stay.

The output is "<numeric oid>\\t<identifier>\\t<MIB name>" lines sorted by OID, gzip with mtime=0
so the same MIB files and previous table give a byte-identical table.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import command_line  # tools/, beside this script


def _project_root() -> Path:
    """The directory holding pyproject.toml, searched upward from this file."""
    here = Path(__file__).resolve().parent
    return next((d for d in (here, *here.parents) if (d / "pyproject.toml").is_file()), here.parent)


PROJECT_ROOT = _project_root()
# `../shared/knowledge/librenms/product-mibs` seen from the project root
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "knowledge" / "librenms" / "product-mibs"
DEFAULT_OUTPUT = PROJECT_ROOT / "netmap" / "discover" / "snmp" / "data" / "products.tsv.gz"

ENTERPRISES = "1.3.6.1.4.1"

# SMI roots and the vendor roots that live in SMI files we do not fetch (their numbers are
# fixed by the vendors' *-SMI modules and the IANA enterprise registry).
ROOTS: dict[str, str] = {
    "iso": "1",
    "org": "1.3",
    "dod": "1.3.6",
    "internet": "1.3.6.1",
    "mgmt": "1.3.6.1.2",
    "mib-2": "1.3.6.1.2.1",
    "experimental": "1.3.6.1.3",
    "private": "1.3.6.1.4",
    "enterprises": ENTERPRISES,
    # CISCO-SMI
    "cisco": f"{ENTERPRISES}.9",
    "ciscoProducts": f"{ENTERPRISES}.9.1",
    "local": f"{ENTERPRISES}.9.2",
    "temporary": f"{ENTERPRISES}.9.3",
    "pakmon": f"{ENTERPRISES}.9.4",
    "workgroup": f"{ENTERPRISES}.9.5",
    "otherEnterprises": f"{ENTERPRISES}.9.6",
    "ciscoSB": f"{ENTERPRISES}.9.6.1",
    "ciscoAgentCapability": f"{ENTERPRISES}.9.7",
    "ciscoConfig": f"{ENTERPRISES}.9.8",
    "ciscoMgmt": f"{ENTERPRISES}.9.9",
    "ciscoExperiment": f"{ENTERPRISES}.9.10",
    "ciscoAdmin": f"{ENTERPRISES}.9.11",
    "ciscoModules": f"{ENTERPRISES}.9.12",
    # HP-ICF-OID's root (HP enterprise, nm subtree)
    "hp": f"{ENTERPRISES}.11",
    "nm": f"{ENTERPRISES}.11.2",
    # JUNIPER-SMI
    "juniperMIB": f"{ENTERPRISES}.2636",
    "jnxProducts": f"{ENTERPRISES}.2636.1",
    "jnxMibs": f"{ENTERPRISES}.2636.3",
    # FOUNDRY-SN-ROOT-MIB's root
    "foundry": f"{ENTERPRISES}.1991",
    # EXTREME-BASE-MIB's root
    "extremenetworks": f"{ENTERPRISES}.1916",
    # VIPTELA-GLOBAL (VIPTELA-HARDWARE's parent)
    "viptela": f"{ENTERPRISES}.41916",
    # DELLEMC-OS10-SMI-MIB (Dell EMC Networking OS10)
    "os10": f"{ENTERPRISES}.674.11000.5000.100",
    # FORTINET-CORE-MIB (FORTINET-FORTIGATE-MIB's parent)
    "fortinet": f"{ENTERPRISES}.12356",
    # WATCHGUARD-SMI (WATCHGUARD-PRODUCTS-MIB's parent)
    "watchguard": f"{ENTERPRISES}.3097",
    # DELL-NETWORKING-SMI (Dell Networking OS / Force10, DELL-NETWORKING-PRODUCTS-MIB's parent)
    "dellNet": f"{ENTERPRISES}.6027",
    "dellNetProducts": f"{ENTERPRISES}.6027.1",
    "dellNetModules": f"{ENTERPRISES}.6027.4",
    # AT-SMI-MIB (AT-PRODUCT-MIB's parent)
    "alliedTelesis": f"{ENTERPRISES}.207",
    # Brocade-REG-MIB (BROCADE-PRODUCTS-MIB's parent; its bcsiModules leaf is not a product)
    "bcsiReg": f"{ENTERPRISES}.1588.3",
    # HH3C-OID-MIB (HH3C-PRODUCT-ID-MIB's parents: H3C / HPE Comware)
    "hh3c": f"{ENTERPRISES}.25506",
    "hh3cProductId": f"{ENTERPRISES}.25506.1",
    "hpNetworking": f"{ENTERPRISES}.25506.11",
    "hh3cJointMibs": f"{ENTERPRISES}.25506.12",
    "hh3cJointVendorId": f"{ENTERPRISES}.25506.12.1",
    # RUCKUS-ROOT-MIB (RUCKUS-PRODUCTS-MIB's parent: ruckusRootMIB = 25053, ruckusProducts 3)
    "ruckusProducts": f"{ENTERPRISES}.25053.3",
    # TPLINK-MIB (TPLINK-PRODUCTS-MIB's parent: tplink = 11863, tplinkProducts 5)
    "tplinkProducts": f"{ENTERPRISES}.11863.5",
    # LENOVO-SMI-MIB (LENOVO-PRODUCTS-MIB's parents: lenovo = 19046, lenovoProducts 1, lenovoModules 4)
    "lenovoProducts": f"{ENTERPRISES}.19046.1",
    "lenovoModules": f"{ENTERPRISES}.19046.4",
    # OG-SMI-MIB (OG-PRODUCTS-MIB's parents: opengear = 25049, ogProducts 1, ogModules 11)
    "ogProducts": f"{ENTERPRISES}.25049.1",
    "ogModules": f"{ENTERPRISES}.25049.11",
    # BCN-SMI-MIB / BLUECATNETWORKS-MIB (BCN-PRODUCTS-MIB's parents: bluecatnetworks = 13315,
    # bcnProducts 2, bcnModules 4)
    "bcnProducts": f"{ENTERPRISES}.13315.2",
    "bcnModules": f"{ENTERPRISES}.13315.4",
    # VMWARE-ROOT-MIB (VMWARE-PRODUCTS-MIB's parents: vmware = 6876, vmwProductSpecific 4, vmwOID 60)
    "vmwProductSpecific": f"{ENTERPRISES}.6876.4",
    "vmwOID": f"{ENTERPRISES}.6876.60",
    # Dell-Vendor-MIB (DELL-REF-MIB's and BROADCOM-REF-MIB's parents: dell = 674, dellLan 10895,
    # dellLanStandard 5000 (standard MIB tree), dellLanExtension = dellLanStandard 2); qualified,
    # as the name `dellLan` is only a registration root in that module
    "Dell-Vendor-MIB::dellLan": f"{ENTERPRISES}.674.10895",
    "Dell-Vendor-MIB::dellLanStandard": f"{ENTERPRISES}.674.10895.5000",
    "Dell-Vendor-MIB::dellLanExtension": f"{ENTERPRISES}.674.10895.5000.2",
    # PBN-ROOT (pbn/NMS-SMI's parent: pbn = enterprises 11606, Pacific Broadband Networks in the
    # IANA registry); qualified, as `pbn` is a short name
    "PBN-ROOT::pbn": f"{ENTERPRISES}.11606",
}

# Product-registration subtrees named otherwise than *Products/*Registrations (vendor roots whose
# registration branch has its own name); extend when adding such a MIB. A generic name is qualified
# with its module ("MODULE::name") so that a namesake in another MIB does not become a root.
PRODUCT_ROOTS: frozenset[str] = frozenset(
    {
        "ciscoProducts",
        # HP-ICF-OID: hpSystem.netElement (bridge, router, hub, hpEtherSwitch) and the WAN routers
        "netElement",
        "hpWANRouters",
        # FOUNDRY-SN-ROOT-MIB: foundry.products.registration ("sysObjectID values")
        "registration",
        # JUNIPER-CHASSIS-DEFINES-MIB: per-model variations (QFX/EX/ACX sysObjectIDs live here)
        "jnxProductVariation",
        # NETGEAR-REF-MIB: netgear.productID ("their sysObjectID will be under a branch on their own")
        "productID",
        # PAN-GLOBAL-REG: panMibs.panProductsMibs (a PA-220 answers 25461.2.3.38, panPA-220)
        "panProductsMibs",
        # PowerNet-MIB: apc.products.system (products.hardware/software hold MIB objects)
        "PowerNet-MIB::system",
        # DELL-REF-MIB registers PowerConnect / N-series sysObjectIDs directly under Dell-Vendor-MIB's
        # dellLan (674.10895.30xx/31xx)
        "Dell-Vendor-MIB::dellLan",
        # AT-PRODUCT-MIB: alliedTelesis.products (bridgeRouter and routerSwitch families)
        "AT-PRODUCT-MIB::products",
        # EATON-OIDS: "the root of the list of Object Identifiers ... for use in sysObjId"
        "xupsObjectId",
        # IPO-PROD-MIB: the IP Office controllers (its other groups register module and port types)
        "ipoProdControllers",
        # HH3C-PRODUCT-ID-MIB: H3C products, HPE Comware (A-series / FlexFabric / FlexNetwork)
        # switches, routers, wireless and security products, and joint-vendor (Hikvision, Dahua,
        # SRIE) switches
        "hh3cProductId",
        "hpNetworking",
        "hh3cJointVendorId",
        # VMWARE-PRODUCTS-MIB: vmware.vmwProductSpecific (ESXi answers 6876.4.1, vmwESX)
        "vmwProductSpecific",
    }
)

# Registration subtrees whose products (OBJECT-IDENTITY) carry their component types as children.
COMPONENTS_BELOW_PRODUCTS: frozenset[str] = frozenset({"netElement", "hpWANRouters"})

# Branches inside a registration subtree that register component (entity) types, not products.
COMPONENT_BRANCHES: frozenset[str] = frozenset(
    {
        # HP-ICF-OID: netElement.chassis (slots, sensors, MAU types), hpEtherSwitch.99 (port types)
        "chassis",
        "hpEtherSwitchPortType",
        # RUCKUS-PRODUCTS-MIB: the ZF7761CM's own configuration objects, hung under the product
        "ruckusZF7761CMCustomization",
        # PAN-PRODUCTS-MIB: PA-7000 line cards, fan and power-supply types beside the models
        "panProcessingCards",
        "panFans",
        "panPowerSupplies",
        # Dell-Vendor-MIB: dellLan holds the vendor MIB's objects (3000) and the standard MIB tree
        # (5000) beside the sysObjectIDs DELL-REF-MIB registers
        "powerConnectVendorMIB",
        "dellLanStandard",
        # HH3C-PRODUCT-ID-MIB: the node "reserved for OEM" that HH3C-OEM-PRODUCT-ID-MIB fills
        "hh3cOEMProductID",
        # HUAWEI-MIB: hwProducts.lanSw roots of the LAN-switch MIB objects beside the switch models
        # (only the lanSw branch of hwProducts is transcribed: its other children mix product
        # families with MIB branches such as router.flash or dslw)
        "lswCommon",
        "s8016Common",
        # LUM-REG: the "generic product registrations" of the Transmode/Infinera mentis stack are its
        # plug-in units, slots and control units (board types for LUM-INVENTORY-MIB), not elements
        "lumProductsGeneric",
        # LIEBERT-GP-REGISTRATION-MIB: liebertGlobalProducts spans the whole enterprise; beside the
        # product families under lgpProductSpecific it holds the roots of the agent and foundation
        # object MIBs (lgpAgentIdent, lgpConditions, lgpPower, ...)
        "lgpAgent",
        "lgpFoundation",
    }
)

# A branch named for one kind of device part registers entity types (see the module docstring).
COMPONENT_BRANCH_RE = re.compile(r"(?:Card|Shelf|Slot|Port|Equipment)(?:Reg|Types?)?$")
PRODUCT_ROOT_RE = re.compile(
    r"(?:Products?|Registrations?|Reg|Models?|ProductNames?|Product(?:ID|Id)s?|Devices)$"
)
NON_PRODUCT_RE = re.compile(
    # MIB plumbing
    r"(?:MIB|Mibs?|Conformance|Groups?|Compliances?|Notifications?|NotifyPrefix|Traps?|Objects|"
    r"Objs|Events|Hardware|Software|Undefined|Modules?|Capability|Capabilities|Configuration|"
    r"Performance|Notificationvars|Root|"
    # parts of a device, never a whole one
    r"Backplane|ShelfAssembly|PowerSupply|PowerSlot|FanSlot|Fan)$"
    # placeholders
    r"|^(?:reserved|legacy)\d*$|Reserved(?:Products)?\d*$"
)

_REGISTRATION_LEAF_RE = re.compile(r"(?:Reg|Registration)$")

# Macros whose value names a node: only these two can register a product.
_PRODUCT_MACROS = ("OBJECT IDENTIFIER", "OBJECT-IDENTITY")
# Macros that register a node of the OID tree; only these make their parent a family. MIB objects
# (OBJECT-TYPE, NOTIFICATION-TYPE, groups, ...) hung under a product identifier leave it a product
# (RUCKUS-PRODUCTS-MIB defines the ZoneDirector's and ZF7761CM's objects under their sysObjectIDs).
_NODE_MACROS = (*_PRODUCT_MACROS, "MODULE-IDENTITY")
_ASSIGN_RE = re.compile(
    r"(?m)^[ \t]*([a-zA-Z][\w-]*)[ \t]+"
    r"(OBJECT[ \t]+IDENTIFIER|OBJECT-IDENTITY|MODULE-IDENTITY|OBJECT-TYPE|NOTIFICATION-TYPE|"
    r"OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE|AGENT-CAPABILITIES|TRAP-TYPE)\b"
    r"(.*?)::=\s*\{([^}]*)\}",
    re.S,
)
_MODULE_RE = re.compile(r"(?m)^\s*([A-Z][\w-]*)\s+DEFINITIONS\s*::=\s*BEGIN")
_IMPORTS_RE = re.compile(r"\bIMPORTS\b(.*?);", re.S)
_FROM_RE = re.compile(r"((?:[\w-]+\s*,\s*)*[\w-]+)\s+FROM\s+([\w-]+)")


@dataclass(frozen=True)
class Assignment:
    """One `name <MACRO> ::= { parent n ... }` of a MIB module."""

    name: str
    macro: str
    parent: str
    arcs: tuple[int, ...]
    module: str
    # the module the parent is IMPORTed from ("" when defined locally or not imported)
    source: str = ""


def _strip_comments(text: str) -> str:
    """ASN.1 comments run from `--` to the next `--` or the end of the line; quoted strings
    (DESCRIPTION clauses) may contain `--` and are kept whole."""
    out: list[str] = []
    for line in text.splitlines():
        kept, in_str, in_comment, i = [], False, False, 0
        while i < len(line):
            ch = line[i]
            if not in_comment and ch == '"':
                in_str = not in_str
            if not in_str and line.startswith("--", i):
                in_comment = not in_comment
                i += 2
                continue
            if not in_comment:
                kept.append(ch)
            i += 1
        out.append("".join(kept))
    return "\n".join(out)


def _blank_strings(text: str) -> str:
    """Quoted strings emptied, so that `::= {` inside a DESCRIPTION cannot match."""
    return re.sub(r'"[^"]*"', '""', text)


def _imports(clean: str, modules: list[tuple[int, str]]) -> dict[str, dict[str, str]]:
    """name -> module it is IMPORTed from, per module of one file."""
    found: dict[str, dict[str, str]] = {}
    bounds = [start for start, _ in modules[1:]] + [len(clean)] if modules else []
    for (start, module), end in zip(modules, bounds, strict=True):
        block = _IMPORTS_RE.search(clean, start, end)
        if block is None:
            continue
        names = found.setdefault(module, {})
        for listed, source in _FROM_RE.findall(block.group(1)):
            names.update({name.strip(): source for name in listed.split(",")})
    return found


def parse_module(text: str, fallback_name: str = "") -> list[Assignment]:
    """All node assignments of one MIB file (a file may hold several modules)."""
    clean = _blank_strings(_strip_comments(text))
    modules = [(m.start(), m.group(1)) for m in _MODULE_RE.finditer(clean)]
    imports = _imports(clean, modules)
    found: list[Assignment] = []
    for match in _ASSIGN_RE.finditer(clean):
        name, macro, _body, value = match.groups()
        parts = value.split()
        if not parts:
            continue
        parent, rest = parts[0], parts[1:]
        # `{ iso 3 }` and `{ org(3) dod(6) }` forms: the numbers inside parentheses count
        arcs: list[int] = []
        for token in rest:
            number = re.search(r"\((\d+)\)|^(\d+)$", token)
            if number is None:
                break
            arcs.append(int(number.group(1) or number.group(2)))
        if not arcs or len(arcs) != len(rest):
            continue
        module = next((n for start, n in reversed(modules) if start <= match.start()), fallback_name)
        source = imports.get(module, {}).get(parent, "")
        found.append(Assignment(name, " ".join(macro.split()), parent, tuple(arcs), module, source))
    return found


def resolve(assignments: list[Assignment]) -> dict[tuple[str, str], str]:
    """Numeric OID of every (module, name) whose parent chain reaches `ROOTS`.

    A parent defined in the same module, or in the module it is IMPORTed from, is taken from
    there only (names like `products` recur across vendors: AVAYAGEN-MIB, AT-PRODUCT-MIB and
    EATON-OIDS each have one). A parent imported from a file we do not have is looked up among
    all modules' names, then in `ROOTS`. Iterated to a fixpoint, so the order of files and
    assignments does not matter."""
    defined = {(a.module, a.name) for a in assignments}
    local: dict[tuple[str, str], str] = {}
    anywhere: dict[str, str] = {}
    pending = list(assignments)
    while pending:
        left = []
        for a in pending:
            base = _parent_oid(a, defined, local, anywhere)
            if base is None:
                left.append(a)
                continue
            oid = ".".join([base, *map(str, a.arcs)])
            local.setdefault((a.module, a.name), oid)
            anywhere.setdefault(a.name, oid)
        if len(left) == len(pending):
            break
        pending = left
    return local


def _parent_oid(
    a: Assignment,
    defined: set[tuple[str, str]],
    local: dict[tuple[str, str], str],
    anywhere: dict[str, str],
) -> str | None:
    """OID of `a`'s parent if already resolved (None: not yet, or never)."""
    for owner in (a.module, a.source):
        if (owner, a.parent) in defined:
            return local.get((owner, a.parent))
    return anywhere.get(a.parent) or ROOTS.get(f"{a.source}::{a.parent}") or ROOTS.get(a.parent)


def _is_product_root(name: str, module: str = "") -> bool:
    qualified = f"{module}::{name}" in PRODUCT_ROOTS
    return qualified or name in PRODUCT_ROOTS or bool(PRODUCT_ROOT_RE.search(name))


def products(assignments: list[Assignment]) -> list[tuple[str, str, str]]:
    """(oid, identifier, module) of the product leaves, sorted by numeric OID."""
    oids = resolve(assignments)
    located = [(a, oid) for a in assignments if (oid := oids.get((a.module, a.name))) is not None]
    known = {**{_qualified(key): oid for key, oid in ROOTS.items()}, **oids}
    roots = {oid for (module, name), oid in known.items() if _is_product_root(name, module)}
    excluded = {oid for (_, name), oid in known.items() if name in COMPONENT_BRANCHES}
    # OIDs with a node (OBJECT IDENTIFIER, OBJECT-IDENTITY, MODULE-IDENTITY) / a MIB object /
    # a registration root somewhere below them
    above_nodes = _parents(oid for a, oid in located if a.macro in _NODE_MACROS)
    above_objects = _parents(oid for a, oid in located if a.macro not in _NODE_MACROS)
    above_roots = _parents(roots)
    # branches named for one kind of device part (TROPIC-GLOBAL-REG's tropicCardReg and
    # tropicShelfReg, CALIX-PRODUCT-MIB's c7Card and c7Port) register entity types, not products
    # (DATACOM-REG's datacomManagementCards are its agents' sysObjectIDs: plurals do not count)
    excluded.update(
        oid for a, oid in located if COMPONENT_BRANCH_RE.search(a.name) and oid in above_nodes
    )
    # MIB plumbing inside a registration subtree (a MODULE-IDENTITY or a ...Software, ...Objects,
    # ...MIB node) with MIB objects below it roots an object tree, not products:
    # GREENBONE-PRODUCT-MIB's productSoftware, TRELLIX-SENSOR-SMI's ivSensor. Products hung
    # directly under a MODULE-IDENTITY (SILVERPEAK-PRODUCTS-MIB, GAM-PRODUCTS-MIB) or registration
    # subtrees below one (RUCKUS-PRODUCTS-MIB's product families) keep it.
    excluded.update(
        oid
        for a, oid in located
        if (a.macro == "MODULE-IDENTITY" or NON_PRODUCT_RE.search(a.name))
        and oid in above_objects
        and oid not in roots
        and oid not in above_roots
    )
    # every proper prefix of a registered node is a non-leaf (also covers { root 1 2 3 } chains);
    # MIB objects hung under a product identifier (RUCKUS-PRODUCTS-MIB's ZoneDirector and
    # ZF7761CM objects) and a component branch (Ruckus hangs one under a product) do not make it
    # a family
    has_children = _parents(
        oid
        for a, oid in located
        if a.macro in _NODE_MACROS and oid not in excluded and not _under(oid, excluded)
    )
    with_components = {oid for (_, name), oid in oids.items() if name in COMPONENTS_BELOW_PRODUCTS}
    candidates: list[tuple[str, str, str]] = []
    for a, oid in located:
        if a.macro not in _PRODUCT_MACROS or not oid.startswith(ENTERPRISES + "."):
            continue
        # a node with children is a family, except an HP product carrying its module cards
        carries_components = a.macro == "OBJECT-IDENTITY" and _under(oid, with_components)
        family = oid in has_children and not carries_components
        if family or NON_PRODUCT_RE.search(a.name):
            continue
        # a root is no product, except a leaf inside a registration subtree named as the
        # registration of one thing (SPECTRACOM-GLOBAL-REG-MIB's tfTTS200Reg,
        # OPTICSIM-RADIOREG-MIB's radioModelMPR-E-MSS8Reg); an empty ...Products or ...Devices
        # branch stays a category
        registers_one = bool(_REGISTRATION_LEAF_RE.search(a.name)) and not NON_PRODUCT_RE.search(
            _REGISTRATION_LEAF_RE.sub("", a.name)
        )
        if oid in roots and not registers_one:
            continue
        if not _under(oid, roots) or oid in excluded or _under(oid, excluded):
            continue
        candidates.append((oid, a.name, a.module))
    # an OID two modules register (an older copy under another name: BROADCOM-REF-MIB beside
    # DELL-REF-MIB, F10-PRODUCTS-MIB beside DELL-NETWORKING-PRODUCTS-MIB) is named by the module
    # registering more products of that enterprise; on a tie (QUANTA-LB6M-REF-MIB's copy of
    # NETGEAR-REF-MIB), by the first file
    size = Counter((module, _enterprise(oid)) for oid, _, module in candidates)
    rows: dict[str, tuple[str, str, str]] = {}
    for row in candidates:
        oid, _, module = row
        if oid not in rows or size[module, _enterprise(oid)] > size[rows[oid][2], _enterprise(oid)]:
            rows[oid] = row
    # registrations under another product are its components (HP's pseudo module cards)
    kept = set(rows)
    products_only = [row for oid, row in rows.items() if not _under(oid, kept)]
    return sorted(products_only, key=lambda row: tuple(int(p) for p in row[0].split(".")))


def _parents(oids: Iterable[str]) -> set[str]:
    """Every proper prefix of the given OIDs: the OIDs something lies below."""
    found: set[str] = set()
    for oid in oids:
        parts = oid.split(".")
        found.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return found


def _enterprise(oid: str) -> str:
    """The enterprise number of an OID under 1.3.6.1.4.1."""
    return oid.split(".")[6]


def _qualified(key: str) -> tuple[str, str]:
    """(module, name) of a `ROOTS` key ("MODULE::name", or a bare name: module "")."""
    module, _, name = key.rpartition("::")
    return module, name


def _under(oid: str, prefixes: set[str]) -> bool:
    """True when `oid` lies strictly below one of `prefixes`."""
    parts = oid.split(".")
    return any(".".join(parts[:i]) in prefixes for i in range(1, len(parts)))


def load_dir(source: Path) -> list[Assignment]:
    """Assignments of every file below a directory of MIB texts (file name = module fallback).

    A file that is not a readable MIB module (unreadable, binary, no `NAME DEFINITIONS ::= BEGIN`,
    or anything the parser trips on) is skipped with a report line on stderr; it never stops the
    run."""
    found: list[Assignment] = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):  # one folder per vendor
        try:
            found.extend(_load_file(path))
        except Exception as error:  # a malformed file must not stop the run
            print(f"{path}: skipped, not a usable MIB module ({error})", file=sys.stderr)
    return found


def _load_file(path: Path) -> list[Assignment]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if "\x00" in text:
        raise ValueError("binary content")
    found = parse_module(text, path.name)
    if not _MODULE_RE.search(_strip_comments(text)):
        raise ValueError("no 'NAME DEFINITIONS ::= BEGIN' header")
    return found


def render(rows: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f"{oid}\t{name}\t{module}\n" for oid, name, module in rows)
    # mtime=0: the same MIB files give a byte-identical file
    return gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    source, output = command_line.source_and_output(
        __doc__, argv, ("MIB_DIR", DEFAULT_SOURCE, "a tree of MIB files"), DEFAULT_OUTPUT)
    if not source.is_dir():
        print(f"{source}: not a directory of MIB files", file=sys.stderr)
        return 1
    assignments = load_dir(source)
    rows = products(assignments)
    if not rows:
        print(f"{source}: no product registrations found", file=sys.stderr)
        return 1
    carried = carry_over(output, set(resolve(assignments).values()))
    rows = sorted(rows + carried, key=lambda row: tuple(int(p) for p in row[0].split(".")))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(render(rows))
    modules = sorted({module for _, _, module in rows})
    carried_modules = sorted({module for _, _, module in carried})
    print(f"{output}: {len(rows)} products from {len(modules)} MIBs ({', '.join(modules)})")
    print(f"{len(rows) - len(carried)} regenerated from {source}; {len(carried)} carried over from "
          f"the previous table, for OIDs no MIB there defines ({', '.join(carried_modules)})")
    return 0


def carry_over(output: Path, defined: set[str]) -> list[tuple[str, str, str]]:
    """The previous table's rows whose OID no MIB file of this run defines.

    An OID a MIB of this run defines is decided by this run's rules alone (kept, renamed or
    dropped); the rest keeps what the previous table said."""
    if not output.exists():
        return []
    previous = gzip.decompress(output.read_bytes()).decode("utf-8").splitlines()
    rows = [line.split("\t") for line in previous]
    return [(o, n, m) for o, n, m in (r for r in rows if len(r) == 3) if o not in defined]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
