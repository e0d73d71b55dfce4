"""Device identification over SNMP: vendor, model, serial number and OS/firmware version.

`identify(walker, facts_system)` combines general evidence, strongest first per field:

* vendor MIBs of the sysObjectID's enterprise (JUNIPER-MIB jnxBoxSerialNo, MIKROTIK-MIB, ...);
* ENTITY-MIB: the chassis entry (or the first chassis of a stack): model / serial / software rev;
* standard MIBs: UPS-MIB upsIdent*, Printer-MIB prtGeneralSerialNumber + the HOST-RESOURCES printer
  device description, NET-SNMP-EXTEND-MIB "hardware" / "manufacturer" / "serial" / "distro" extends,
  LLDP-EXT-MED-MIB's local inventory (what the agent's own LLDP-MED frames announce);
* sysDescr parsing (IOS "Version x", JunOS, ArubaOS, RouterOS, Linux, BSD, Windows builds, APC
  management cards, "SN: ..." / "SW: ..." key-value banners, short "<model> <version>" banners);
* the IANA enterprise of sysObjectID, then brand words in sysDescr, for the vendor.

Only a handful of requests are made: one GET of standard scalars, one walk of the ENTITY class
column, one GET for the chosen entity row, and the few vendor probes of the agent's enterprise.
Every chosen value carries an evidence line saying where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from netmap.discover.snmp import oids
from netmap.discover.snmp.candidates import (
    FIELDS,
    R_DESCR,
    R_ENTITY,
    R_FALLBACK,
    R_MACHINE_MAKER,
    R_STANDARD,
    R_VENDOR_MIB,
    R_WEAK,
    Candidates,
    Field_,
    text,
    useful,
)
from netmap.discover.snmp.enterprises import (
    brand_in_text,
    enterprise_of,
    registrant_of,
    vendor_of_enterprise,
)
from netmap.discover.snmp.products import product_model, product_of
from netmap.discover.snmp.sysdescr import UNAME_MACHINE, UNAME_RELEASE, parse_sys_descr
from netmap.discover.snmp.values import MAX_TEXT
from netmap.discover.snmp.vendor_mibs import (
    SERVER_OS_AGENTS,
    VENDOR_PROBES,
    Probe,
    relative_probes,
)
from netmap.discover.snmp.walker import SnmpError, SnmpValue, Walker
from netmap.model import Identity
from netmap.oui import brand


def _extend_oid(name: str, column: str = oids.NS_EXTEND_OUTPUT_1LINE) -> str:
    """A NET-SNMP-EXTEND-MIB output column for extend "<name>" (string index: length + ASCII)."""
    return f"{column}.{len(name)}." + ".".join(str(b) for b in name.encode())


_EXTENDS: tuple[tuple[Field_, str], ...] = (
    ("model", "hardware"),
    ("vendor", "manufacturer"),
    ("serial_number", "serial"),
    ("os_version", "distro"),
)


def _extend_cells() -> list[tuple[Field_, str, float, str]]:
    """(field, OID, rank offset, label) of every extend output the identity reads.

    The one-line output first; agents that register only the full output (a one-line script's
    output is the same text) answer the second. LibreNMS's relocated extends (base
    UCD_EXTEND_RELOCATED.N, N = 2 hardware, 3 manufacturer, 4 serial: the DMI product name,
    maker and serial of the host) answer under their own base, as nsExtendOutput1Line or as the
    first nsExtendOutLine. Its relocated "distro" (N = 1) is left out: it names the distribution,
    where the kernel release in sysDescr is the precise OS version."""
    cells: list[tuple[Field_, str, float, str]] = []
    relocated = {"hardware": 2, "manufacturer": 3, "serial": 4}
    for field, name in _EXTENDS:
        quoted = f'"{name}"'
        cells += [
            (field, _extend_oid(name), 0.1, f"NET-SNMP-EXTEND-MIB nsExtendOutput1Line.{quoted}"),
            (
                field,
                _extend_oid(name, oids.NS_EXTEND_OUTPUT_FULL),
                0.2,
                f"NET-SNMP-EXTEND-MIB nsExtendOutputFull.{quoted}",
            ),
        ]
        if name in relocated:
            base = f"{oids.UCD_EXTEND_RELOCATED}.{relocated[name]}"
            cells += [
                (field, _extend_oid(name, base + ".3.1.1"), 0.3, f"extend {quoted} at {base}"),
                (
                    field,
                    _extend_oid(name, base + ".4.1.2") + ".1",
                    0.4,
                    f"extend {quoted} at {base}",
                ),
            ]
    return cells


_EXTEND_CELLS = _extend_cells()

# FreshTomato's snmpd runs `extend device /bin/echo "<router model>"` and `extend version
# /bin/echo "<firmware>"`: the arguments of an echo extend are its output, read without running it.
_ECHO_EXTENDS: tuple[tuple[Field_, str], ...] = (("model", "device"), ("os_version", "version"))
_ECHO_OIDS = [
    _extend_oid(name, column)
    for _, name in _ECHO_EXTENDS
    for column in (oids.NS_EXTEND_COMMAND, oids.NS_EXTEND_ARGS)
]


def _echo_extends(values: Mapping[str, SnmpValue], found: Candidates) -> None:
    for field, name in _ECHO_EXTENDS:
        command = text(values.get(_extend_oid(name, oids.NS_EXTEND_COMMAND)))
        if command is None or command.rsplit("/", 1)[-1] == "echo":
            args = text(values.get(_extend_oid(name, oids.NS_EXTEND_ARGS)))
            label = f'NET-SNMP-EXTEND-MIB nsExtendArgs."{name}" (echo)'
            found.add(field, R_STANDARD + 1.5, args, label)


_LLDP_MED_MAKER = oids.scalar(oids.LLDP_X_MED_LOC_MFG_NAME)
_LLDP_MED_MAKER_LABEL = "LLDP-EXT-MED-MIB lldpXMedLocMfgName"
# lldpd on Linux fills it with the kernel release, as a uname banner states it
_LLDP_MED_SOFTWARE = "LLDP-EXT-MED-MIB lldpXMedLocSoftwareRev"
_STANDARD_SCALARS: tuple[tuple[Field_ | None, str, str, int], ...] = (
    ("vendor", oids.UPS_IDENT_MANUFACTURER + ".0", "UPS-MIB upsIdentManufacturer", R_STANDARD),
    ("model", oids.UPS_IDENT_MODEL + ".0", "UPS-MIB upsIdentModel", R_STANDARD),
    (
        "os_version",
        oids.UPS_IDENT_UPS_SOFTWARE_VERSION + ".0",
        "UPS-MIB upsIdentUPSSoftwareVersion",
        R_STANDARD + 5,
    ),
    (
        "os_version",
        oids.UPS_IDENT_AGENT_SOFTWARE_VERSION + ".0",
        "UPS-MIB upsIdentAgentSoftwareVersion",
        R_STANDARD + 6,
    ),
    # RMON2-MIB probeConfig: switch firmwares (TP-Link, ...) fill it with their own revisions
    ("os_version", oids.PROBE_SOFTWARE_REV + ".0", "RMON2-MIB probeSoftwareRev", R_DESCR + 3),
    ("model", oids.PROBE_HARDWARE_REV + ".0", "RMON2-MIB probeHardwareRev", R_WEAK),
    (
        "serial_number",
        oids.PRT_GENERAL_SERIAL_NUMBER + ".1",
        "Printer-MIB prtGeneralSerialNumber",
        R_STANDARD,
    ),
    # LLDP-MED's own inventory: below ENTITY-MIB's chassis, which says more (the strings stop at
    # 32 characters), and its software revision ranks as entPhysicalSoftwareRev does
    ("model", oids.LLDP_X_MED_LOC_MODEL_NAME + ".0", "LLDP-EXT-MED-MIB lldpXMedLocModelName",
     R_STANDARD + 2),
    ("serial_number", oids.LLDP_X_MED_LOC_SERIAL_NUM + ".0",
     "LLDP-EXT-MED-MIB lldpXMedLocSerialNum", R_STANDARD + 2),
    ("os_version", oids.LLDP_X_MED_LOC_SOFTWARE_REV + ".0", _LLDP_MED_SOFTWARE, R_DESCR + 2),
    (None, _LLDP_MED_MAKER, _LLDP_MED_MAKER_LABEL, R_WEAK + 5),  # read as a brand: below
)


# ---------------------------------------------------------------------------------------------
# Walker reads
# ---------------------------------------------------------------------------------------------


async def _get(walker: Walker, oid_list: Sequence[str]) -> dict[str, SnmpValue]:
    if not oid_list:
        return {}
    try:
        return await walker.get(list(oid_list))
    except SnmpError:
        return {}


async def _walk(walker: Walker, oid: str, max_rows: int) -> list[tuple[str, SnmpValue]]:
    try:
        return await walker.walk(oid, max_rows=max_rows)
    except SnmpError:
        return []


_CHASSIS, _STACK = 3, 11


async def _entity(walker: Walker, found: Candidates, machine_maker: bool = False) -> None:
    """ENTITY-MIB: the first chassis (class 3), or a stack's first member, names the device.
    Under an operating system's own agent (`machine_maker`: ESXi's) the chassis maker is the
    machine's, above the OS agent's brand."""
    classes = await _walk(walker, oids.ENT_PHYSICAL_CLASS, max_rows=5000)
    chassis = [oid.rsplit(".", 1)[1] for oid, value in classes if value == _CHASSIS]
    if not chassis:
        chassis = [oid.rsplit(".", 1)[1] for oid, value in classes if value == _STACK]
    if not chassis and not classes:
        chassis = await _first_described_entity(walker)
    if not chassis:
        return
    index = chassis[0]
    columns = {
        "model": oids.ENT_PHYSICAL_MODEL_NAME,
        "serial": oids.ENT_PHYSICAL_SERIAL_NUM,
        "software": oids.ENT_PHYSICAL_SOFTWARE_REV,
        "firmware": oids.ENT_PHYSICAL_FIRMWARE_REV,
        "mfg": oids.ENT_PHYSICAL_MFG_NAME,
        "descr": oids.ENT_PHYSICAL_DESCR,
        "name": oids.ENT_PHYSICAL_NAME,
    }
    row = await _get(walker, [f"{oid}.{index}" for oid in columns.values()])
    value = {key: text(row.get(f"{oid}.{index}")) for key, oid in columns.items()}
    where = f"ENTITY-MIB chassis {index}"
    model = value["model"]
    if _generic_entity_name(model):
        model = None  # "CHASSIS", "Network Element": a class name, not a model
    descr = value["descr"]
    if not descr or len(descr) > 64 or _generic_entity_name(descr):
        descr = None  # prose or a class name ("Chassis"): no product name
    part_number = bool(model and (_PRODUCT_NUMBER.match(model) or _DIGITS_ONLY.match(model)))
    if part_number and descr:
        found.add("model", R_ENTITY, descr, f"{where} entPhysicalDescr (model name is a part number)")
    # a part number is a weak model: a banner's product name ("FSP150CC-GE112") reads better
    model_rank = R_FALLBACK + 1 if part_number else R_ENTITY + 1
    found.add("model", model_rank, model, f"{where} entPhysicalModelName")
    found.add("serial_number", R_ENTITY, value["serial"], f"{where} entPhysicalSerialNum")
    found.add("os_version", R_DESCR + 2, value["software"], f"{where} entPhysicalSoftwareRev")
    found.add("os_version", R_WEAK + 2, value["firmware"], f"{where} entPhysicalFirmwareRev")
    found.add("vendor", R_WEAK - 5, brand_in_text(value["mfg"]), f"{where} entPhysicalMfgName")
    if machine_maker and useful(value["mfg"]):
        found.add("vendor", R_MACHINE_MAKER, brand(value["mfg"]),
                  f"{where} entPhysicalMfgName (the machine's maker)")  # fmt: skip
    found.add("vendor", R_WEAK + 5, value["mfg"], f"{where} entPhysicalMfgName")
    if descr:
        # without a digit it names a product line ("Avaya IP Office"): below a banner's model
        rank = R_WEAK + 5 if any(ch.isdigit() for ch in descr) else R_FALLBACK + 11
        found.add("model", rank, descr, f"{where} entPhysicalDescr")
    if not useful(value["serial"]):
        await _described_serial(walker, found)


# "SSR 8020 backplane SN:DH80092734 Rev:R3L Mfg.Dt:...": the serial inside a description
_DESCR_SERIAL = re.compile(
    r"\b(?:chassis|backplane)\b.*?\bS/?N\s*[:#]\s*([A-Z0-9][\w\-]{4,})", re.I
)


async def _described_serial(walker: Walker, found: Candidates) -> None:
    """A chassis without entPhysicalSerialNum: Ericsson IPOS writes the unit's serial into the
    chassis or backplane description instead, among the first entries."""
    for oid, value in await _walk(walker, oids.ENT_PHYSICAL_DESCR, max_rows=4):
        match = _DESCR_SERIAL.search(text(value) or "")
        if match:
            where = f"ENTITY-MIB entPhysicalDescr.{oid.rsplit('.', 1)[1]}"
            found.add("serial_number", R_ENTITY + 2, match.group(1), f"{where} S/N")
            return


# Ericsson product numbers ("BFL 510 110/1", "KDU 137 925/31"): every Ericsson product line puts
# them in entPhysicalModelName and the marketing name ("MINI-LINK 6691") in entPhysicalDescr.
_PRODUCT_NUMBER = re.compile(r"^[A-Z]{3} \d{3} \d{2,4}(?:/\d+)?(?: R\w+)?$")
# "40-1000832-08", "1078904600-01": an order / part number without a letter, not a model name
_DIGITS_ONLY = re.compile(r"^\d[\d\-./ ]{5,}$")


_GENERIC_ENTITY = re.compile(
    r"\b(?:chassis|network element|system|stack|backplane|device|module|unit|switch|router)\b",
    re.IGNORECASE,
)


def _generic_entity_name(name: str | None) -> bool:
    """True for entity names that are a class or product family ("CHASSIS", "Network Element",
    "CommScope Chassis System"), not a model: they have no digit and a generic word, or are one
    plain word without digits or dashes."""
    if not name or any(ch.isdigit() for ch in name):
        return False
    return bool(_GENERIC_ENTITY.search(name)) or bool(re.fullmatch(r"[A-Za-z]+", name))


async def _first_described_entity(walker: Walker) -> list[str]:
    """Agents that fill only a few ENTITY-MIB columns (no entPhysicalClass): the first entry
    with a serial number, else with a model name, else with a maker, else with a description
    ("SSR 8020 chassis" at index 1, its cards after it), is the device itself."""
    if not await _walk(walker, oids.ENT_PHYSICAL_ENTRY, max_rows=1):
        return []  # no ENTITY-MIB at all: one request, not one per column
    for column in (
        oids.ENT_PHYSICAL_SERIAL_NUM,
        oids.ENT_PHYSICAL_MODEL_NAME,
        oids.ENT_PHYSICAL_MFG_NAME,
        oids.ENT_PHYSICAL_DESCR,
    ):
        for oid, value in await _walk(walker, column, max_rows=4):
            if oid.startswith(column + ".") and useful(text(value)):
                return [oid.rsplit(".", 1)[1]]
    return []


async def _host_resources_model(walker: Walker, found: Candidates) -> None:
    """The HOST-RESOURCES device whose type is hrDevicePrinter describes the printer model.
    Else an hrDeviceOther whose hrDeviceID is a vendor's product OID (a network scanner's
    "DS-860", registered under its maker's enterprise) describes the product."""
    types = await _walk(walker, oids.HR_DEVICE_TYPE, max_rows=32)
    # a computer (it lists a processor) lists its print queues as printers ("Microsoft XPS
    # Document Writer"): they name a driver, never the host's model
    computer = any(value == oids.HR_DEVICE_PROCESSOR for _oid, value in types)
    for oid, value in types:
        if value == oids.HR_DEVICE_PRINTER and not computer:
            index = oid.rsplit(".", 1)[1]
            row = await _get(walker, [f"{oids.HR_DEVICE_DESCR}.{index}"])
            found.add(
                "model",
                R_STANDARD + 2,
                text(row.get(f"{oids.HR_DEVICE_DESCR}.{index}")),
                f"HOST-RESOURCES-MIB hrDeviceDescr.{index} (printer)",
            )
            return
    others = [oid.rsplit(".", 1)[1] for oid, value in types if value == oids.HR_DEVICE_OTHER]
    for index in others[:2]:
        descr, device_id = f"{oids.HR_DEVICE_DESCR}.{index}", f"{oids.HR_DEVICE_ID}.{index}"
        row = await _get(walker, [descr, device_id])
        if registrant_of(enterprise_of(text(row.get(device_id)))) is not None:
            label = f"HOST-RESOURCES-MIB hrDeviceDescr.{index} (a product with a vendor hrDeviceID)"
            found.add("model", R_STANDARD + 3, text(row.get(descr)), label)
            return


async def _vendor_probes(
    walker: Walker, enterprise: int | None, object_id: str | None, found: Candidates
) -> None:
    probes = relative_probes(object_id) + VENDOR_PROBES.get(enterprise or -1, ())
    await _run_probes(walker, probes, found)
    await _chassis_type_name(walker, enterprise, found)


async def _run_probes(walker: Walker, probes: Sequence[Probe], found: Candidates) -> None:
    """One GET for the scalar probes; a one-row walk per column probe still needed."""
    if not probes:
        return
    scalars = [probe for probe in probes if not probe.column]
    values = await _get(walker, list(dict.fromkeys(probe.instance for probe in scalars)))
    for order, probe in enumerate(scalars):
        value = probe.extract(text(values.get(probe.instance)))
        # the probe order breaks ties between objects naming the same field, never across ranks
        found.add(probe.field, R_VENDOR_MIB + order / 100, value, probe.label)
        _vendor_of_mib(found, probe, value)
    for order, probe in enumerate(p for p in probes if p.column):
        if _has_vendor_value(found, probe.field):
            continue  # a scalar already answered: save the walk
        rows = await _walk(walker, probe.oid, max_rows=1)
        if rows and rows[0][0].startswith(probe.oid + "."):
            value = probe.extract(text(rows[0][1]))
            found.add(probe.field, R_VENDOR_MIB + 20 + order / 100, value, probe.label)
            _vendor_of_mib(found, probe, value)


def _has_vendor_value(found: Candidates, name: Field_) -> bool:
    return any(rank < R_ENTITY for rank, _v, _s in found.items.get(name, []))


async def _chassis_type_name(walker: Walker, enterprise: int | None, found: Candidates) -> None:
    """TIMETRA-CHASSIS-MIB: tmnxChassisType.1 points into tmnxChassisTypeTable, whose name column
    is the marketing model ("7705 SAR-8 v2") across Nokia's SR / SAR / IXR line."""
    if enterprise != 6527:
        return
    pointer = await _get(walker, [oids.TMNX_CHASSIS_TYPE + ".1"])
    type_index = pointer.get(oids.TMNX_CHASSIS_TYPE + ".1")
    if not isinstance(type_index, int) or isinstance(type_index, bool):
        return
    name_oid = f"{oids.TMNX_CHASSIS_TYPE_NAME}.{type_index}"
    row = await _get(walker, [name_oid])
    found.add("model", R_VENDOR_MIB, text(row.get(name_oid)), "TIMETRA-CHASSIS-MIB type name")


def _vendor_of_mib(found: Candidates, probe: Probe, value: str | None) -> None:
    """An agent that answers a vendor's private MIB was made by (or for) that vendor; a server
    maker's agent beside the OS's names the machine's maker, above the OS agent's brand."""
    if useful(value):
        vendor = vendor_of_enterprise(enterprise_of(probe.oid))
        rank = R_MACHINE_MAKER if probe.hardware else R_VENDOR_MIB + 1
        found.add("vendor", rank, vendor, f"answers {probe.label.split()[0]}")


async def _standard_scalars(
    walker: Walker, generic: bool, found: Candidates
) -> dict[str, SnmpValue]:
    wanted = [oid for _, oid, _, _ in _STANDARD_SCALARS]
    if generic:  # Net-SNMP based appliances: LibreNMS-style distro / hardware extends
        wanted += [oid for _, oid, _, _ in _EXTEND_CELLS] + _ECHO_OIDS
    values = await _get(walker, wanted)
    for name, oid, label, rank in _STANDARD_SCALARS:
        if name:
            found.add(name, rank, text(values.get(oid)), label)
    maker = useful(text(values.get(_LLDP_MED_MAKER)))  # "Cisco Systems, Inc.": Cisco
    found.add("vendor", R_WEAK + 5, brand(maker) if maker else None, _LLDP_MED_MAKER_LABEL)
    for field, oid, offset, label in _EXTEND_CELLS:
        found.add(field, R_STANDARD + 1 + offset, text(values.get(oid)), label)
    _echo_extends(values, found)
    return values


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _fact(facts_system: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = facts_system.get(key)
        if value is not None:
            return text(value)
    return None


async def identify(
    walker: Walker,
    facts_system: Mapping[str, Any],
    seeds: Sequence[tuple[Field_, float, str, str]] = (),
    general_os: bool = True,
) -> Identity:
    """Vendor, model, serial number and OS version of the agent behind `walker`.

    `facts_system` holds what the facts getter already read (keys of :class:`Facts`:
    ``sys_descr``, ``sys_object_id``; SNMP names ``sysDescr`` / ``sysObjectID`` also work).
    Missing ones are fetched here. `seeds` are (field, rank, value, source) candidates found
    elsewhere (the OS definition the agent matches), ranked among the ones found here.
    `general_os` False: the agent is a product whose OS family is known (not "some Linux"), so
    its `uname` banner's processor is no model and its kernel release no firmware version, as in
    LibreNMS ("Generic MIPS" names a Teltonika router's CPU, "3.14.31-alta-1" a Data Domain's
    kernel, not DD OS).
    """
    descr_text, object_id = await read_system(walker, facts_system)
    enterprise = enterprise_of(object_id)
    found = Candidates()
    for name, rank, value, source in seeds:
        found.add(name, rank, value, source)
    _enterprise_vendor(found, enterprise)
    await _standard_scalars(walker, vendor_of_enterprise(enterprise) is None, found)
    await _entity(walker, found, machine_maker=enterprise in SERVER_OS_AGENTS)
    await _vendor_probes(walker, enterprise, object_id, found)
    await _host_resources_model(walker, found)
    parse_sys_descr(descr_text, object_id, found)
    product = product_of(object_id)
    if product:  # the last resort: "cat29xxStack" names a family where ENTITY-MIB names a model
        model, how = product_model(product[0], descr_text)
        found.add("model", R_FALLBACK + 10, model, f"sysObjectID = {product[1]}::{product[0]}{how}")
    await _last_resorts(walker, found)
    if not general_os:
        _without_uname(found)
    return _choose(found, _fact(facts_system, "hostname", "sysName"))


def _without_uname(found: Candidates) -> None:
    """No model or version read from a `uname -a` banner: its processor, its kernel release, or
    the part of the release another banner reading took for a version ("3.14.31-alta"), nor
    the same release that lldpd announces as the LLDP-MED software revision."""
    kernel = found.value_from("os_version", UNAME_RELEASE)

    def unwanted(name: str, value: str, source: str) -> bool:
        restated = source.startswith("sysDescr") or source == _LLDP_MED_SOFTWARE
        return source in (UNAME_MACHINE, UNAME_RELEASE) or (
            name == "os_version" and restated and kernel is not None and value in kernel)

    found.withdraw(unwanted, "a product's own OS: its uname banner names the processor and "
                   "kernel, not the model and firmware")


async def read_system(
    walker: Walker, facts_system: Mapping[str, Any]
) -> tuple[str | None, str | None]:
    """sysDescr (line breaks kept, for parsing) and sysObjectID, read here if the facts lack them."""
    descr = _fact(facts_system, "sys_descr", "sysDescr")
    object_id = _fact(facts_system, "sys_object_id", "sysObjectID")
    if descr is None or object_id is None:
        system = await _get(walker, [oids.SYS_DESCR + ".0", oids.SYS_OBJECT_ID + ".0"])
        descr = descr or raw_text(system.get(oids.SYS_DESCR + ".0"))
        object_id = object_id or text(system.get(oids.SYS_OBJECT_ID + ".0"))
    raw_descr = facts_system.get("sys_descr") or facts_system.get("sysDescr") or descr
    return raw_text(raw_descr), object_id


def _enterprise_vendor(found: Candidates, enterprise: int | None) -> None:
    """The curated brand of the sysObjectID enterprise first; any other registered number still
    names its IANA registrant, below what the device says itself."""
    where = f"sysObjectID enterprise {enterprise} (IANA)"
    curated = vendor_of_enterprise(enterprise)
    if curated:
        found.add("vendor", R_VENDOR_MIB - 5, curated, where)
    else:
        found.add("vendor", R_DESCR, registrant_of(enterprise), where)


async def _last_resorts(walker: Walker, found: Candidates) -> None:
    """A brand in the model name; then, when nothing named the maker, the first private subtree
    the agent answers."""
    found.add(
        "vendor", R_FALLBACK, brand_in_text(_best_value(found, "model")), "brand in model name"
    )
    if found.best("vendor") is None:
        answered = await _vendor_by_private_mib(walker, found)
        # its vendor's identity objects, as if the sysObjectID had named that enterprise
        await _run_probes(walker, VENDOR_PROBES.get(answered or -1, ()), found)


_PRESENCE_STEPS = 4  # GETNEXTs at most: enough to pass UCD/Net-SNMP and reach a vendor subtree


async def _vendor_by_private_mib(walker: Walker, found: Candidates) -> int | None:
    """Nothing named the maker: the first vendor subtree the agent implements under
    enterprises (skipping agent toolkits such as UCD/Net-SNMP) does. One GETNEXT per step, each
    jumping past the previous enterprise's subtree."""
    next_oids = getattr(walker, "next_oids", None)
    if next_oids is None:
        return None
    cursor = oids.ENTERPRISES
    for _ in range(_PRESENCE_STEPS):
        try:
            following = (await next_oids([cursor])).get(cursor)
        except SnmpError:
            return None
        number = enterprise_of(following) if following else None
        if number is None or not str(following).startswith(oids.ENTERPRISES + "."):
            return None
        vendor = registrant_of(number)
        if vendor:
            found.add("vendor", R_FALLBACK + 5, vendor, f"answers enterprise {number}'s private MIB")
            return number
        cursor = f"{oids.ENTERPRISES}.{number + 1}"
    return None


def raw_text(value: Any) -> str | None:
    """A device string with its line breaks kept, for parsing (text() would flatten them), cut
    at MAX_TEXT like every display string: the banner patterns never see a hostile megabyte."""
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")[:MAX_TEXT]
        except UnicodeDecodeError:
            return value.decode("latin-1")[:MAX_TEXT]
    return str(value)[:MAX_TEXT]


def _best_value(found: Candidates, name: Field_) -> str | None:
    best = found.best(name)
    return best[0] if best else None


def _choose(found: Candidates, host: str | None = None) -> Identity:
    """The best value of each field. A model that repeats the serial number names no model, and
    a version that is the agent's host name ("Isilon OneFS <host> v7.1.1.8" read by a pattern
    that expects the release first) is no version."""
    chosen: dict[str, str | None] = {}
    evidence: list[str] = []
    serial = found.best("serial_number")
    short = (host or "").split(".")[0]  # a name's first label; an address ("10.0.0.5") is none
    unlike = {"model": serial[0] if serial else None,
              "os_version": short if any(c.isalpha() for c in short) else None}
    for name in FIELDS:
        best = found.best(name, unlike=unlike.get(name))
        chosen[name] = best[0] if best else None
        if best:
            evidence.append(f"{name}: {best[1]}")
    evidence += found.notes
    return Identity(
        vendor=chosen["vendor"],
        model=chosen["model"],
        serial_number=chosen["serial_number"],
        os_version=chosen["os_version"],
        evidence=evidence,
    )

