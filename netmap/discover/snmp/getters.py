"""One async function per SNMP getter (model.GETTERS), each returning its model.py record.

Getters are pure functions over a :class:`~netmap.discover.snmp.walker.Walker`: the live session,
the `.snmprec` reader of the tests and the accuracy bench all run the same MIB logic. Each getter
walks only the columns it needs (never whole tables: counters are most of ifTable), and checks a
MIB is there with one small request before walking its columns.

Cross-getter lookups (ifIndex -> ifName) go through :class:`CachingWalker`, so a column read by
several getters crosses the network once.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from ipaddress import IPv4Address
from typing import Any, TypeVar

from netmap.discover.snmp import oids, values as v
from netmap.discover.snmp.candidates import useful
from netmap.discover.snmp.walker import DEFAULT_MAX_ROWS, Oid, SnmpError, SnmpValue, Walker
from netmap.infer.addr import norm_mac
from netmap.model import (
    ArpEntry,
    CdpNeighbor,
    Facts,
    HostResources,
    Interface,
    InventoryItem,
    IpAddress,
    LldpNeighbor,
    MacEntry,
    ManagedAp,
    PortVlan,
    PrinterInfo,
    PrinterSupply,
    Route,
    SoftwareItem,
    StorageItem,
    UpsInfo,
    Vlan,
    VlanTable,
)

Index = tuple[int, ...]
Column = dict[Index, SnmpValue]
_log = logging.getLogger(__name__)
_T = TypeVar("_T")


# ---------------------------------------------------------------------------------------------
# Walking helpers
# ---------------------------------------------------------------------------------------------


Rows = list[tuple[str, SnmpValue]]


class CachingWalker:
    """A Walker that remembers walks, so getters can share columns (ifName, ENTITY class, ...).

    It also carries two optimisations the live session offers (and the offline reader does
    not need): :meth:`prime` learns in one GETNEXT which tables exist, so absent MIBs cost no
    request; :meth:`walk_columns` reads a table's columns side by side."""

    def __init__(self, inner: Walker) -> None:
        self.inner = inner
        self._walks: dict[str, tuple[int, asyncio.Future[Rows]]] = {}
        self._empty: set[str] = set()
        self._scalars: dict[str, SnmpValue] = {}
        self._asked: set[str] = set()  # OIDs already asked by GET: absent from _scalars = absent
        self._vlans: dict[int, CachingWalker | None] = {}
        self.vlan_error: str | None = None  # why the per-VLAN instances were given up

    def in_vlan(self, vlan: int) -> CachingWalker | None:
        """The agent's BRIDGE-MIB instance of one VLAN (Cisco indexes it by community@vlan or
        SNMPv3 context vlan-N), cached so getters share its columns; None when the inner walker
        has no such instances (a recording without them)."""
        if vlan not in self._vlans:
            make = getattr(self.inner, "in_vlan", None)
            inner = make(vlan) if make is not None else None
            self._vlans[vlan] = CachingWalker(inner) if inner is not None else None
        return self._vlans[vlan]

    def vlans_unanswered(self, reason: str) -> None:
        """The per-VLAN instances are given up: no getter asks them again, and the record says
        why (through the live session's warnings)."""
        self.vlan_error = reason
        warn = getattr(self.inner, "warn", None)
        if warn is not None:
            warn(f"per-VLAN tables not read ({reason}); VLAN 1's only")

    def remember(self, asked: Sequence[str], answer: Mapping[str, SnmpValue]) -> None:
        """Keep a GET answer (e.g. the session's credential probe) for later GETs."""
        self._asked.update(asked)
        self._scalars.update(answer)

    async def get(self, oid_list: Sequence[str]) -> dict[str, SnmpValue]:
        missing = [o for o in dict.fromkeys(oid_list) if o not in self._asked]
        if missing:
            self.remember(missing, await self.inner.get(missing))
        return {o: self._scalars[o] for o in oid_list if o in self._scalars}

    async def next_oids(self, oid_list: Sequence[str]) -> dict[str, str | None]:
        """GETNEXT through the inner walker; {} when it can't (identification then skips)."""
        inner = getattr(self.inner, "next_oids", None)
        return {} if inner is None else dict(await inner(oid_list))

    async def prime(self, subtrees: Sequence[str], scalars: Sequence[str] = ()) -> None:
        """Mark the subtrees the agent does not have (one batched GETNEXT, when supported), and
        fetch the scalars getters will ask for in one GET: only those of the MIBs the same
        GETNEXT found (a switch has no HOST-RESOURCES or UPS-MIB scalars to look up)."""
        next_oids = getattr(self.inner, "next_oids", None)
        if next_oids is None:
            return
        roots = {scalar: _mib_root(scalar) for scalar in scalars}
        try:
            found: dict[str, str | None] = await next_oids(
                _by_table(subtrees) + list(dict.fromkeys(roots.values())))
        except SnmpError:
            found = {}  # no shortcut; the walks will find out
        self._empty.update(t for t, nxt in found.items() if nxt is None or not nxt.startswith(t + "."))
        wanted = [scalar for scalar, root in roots.items() if root not in self._empty]
        self._asked.update(roots.keys() - set(wanted))  # absent: a getter asking costs nothing
        if wanted:
            await self.get(wanted)

    def _cached(self, oid: str, max_rows: int) -> asyncio.Future[Rows] | None:
        entry = self._walks.get(oid)
        if entry is None:
            return None
        limit, fut = entry
        if max_rows <= limit:
            return fut
        if fut.done() and not fut.cancelled() and fut.exception() is None and len(fut.result()) < limit:
            return fut  # that walk ended before its limit: it is the whole column
        return None

    def _absent(self, oid: str) -> bool:
        """The column, or a table holding it, is known to be absent (primed)."""
        if oid in self._empty:
            return True
        arcs = oid.split(".")  # probes are tables: ancestors of six arcs or more
        return any(".".join(arcs[:k]) in self._empty for k in range(len(arcs) - 1, 5, -1))

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> Rows:
        if self._absent(oid):
            return []
        fut = self._cached(oid, max_rows)
        if fut is None:
            fut = _cached_future(self.inner.walk(oid, max_rows))
            self._walks[oid] = (max_rows, fut)
        try:
            rows = await asyncio.shield(fut)
        except Exception:
            self._walks.pop(oid, None)  # a failed walk may be retried by the next getter
            raise
        return rows[:max_rows]

    async def walk_columns(self, cols: Sequence[str], max_rows: int = DEFAULT_MAX_ROWS) -> dict[str, Rows]:
        need = [c for c in cols if not self._absent(c) and self._cached(c, max_rows) is None]
        multi = getattr(self.inner, "walk_columns", None)
        if multi is not None and len(need) > 1:
            together: asyncio.Future[dict[str, Rows]] = _cached_future(multi(need, max_rows))
            for col in need:
                self._walks[col] = (max_rows, _cached_future(_pick(together, col)))
        return {c: await self.walk(c, max_rows) for c in cols}


# Scalar groups that sit deep inside a module another table already shows present: probed as
# themselves (most agents with LLDP-MIB have no LLDP-MED inventory)
_SCALAR_GROUPS = (oids.LLDP_X_MED_LOCAL_DATA,)


def _mib_root(oid: str) -> str:
    """The module a scalar belongs to, as far as one probe can tell: seven arcs, a MIB under
    mib-2 (1.3.6.1.2.1.25, HOST-RESOURCES-MIB) or a maker's number (1.3.6.1.4.1.318, APC), or
    one of the scalar groups above."""
    group = next((g for g in _SCALAR_GROUPS if oid.startswith(g + ".")), None)
    return group or ".".join(oid.split(".")[:7])


def _by_table(subtrees: Sequence[str]) -> list[str]:
    """The subtrees to probe: several columns of one table become its entry OID. Most agents
    lack most of these tables, and one varbind then says so for all its columns (each varbind
    is a lookup the agent must do); a column missing from a table that exists costs one share
    of the table's first GETBULK instead. Entries have eight arcs or more, so two MIB roots
    under mib-2 are never merged into mib-2 itself."""
    parents = [s.rsplit(".", 1)[0] for s in subtrees]
    shared = {p for p in parents if parents.count(p) > 1 and p.count(".") >= 7}
    return list(dict.fromkeys(p if p in shared else s for s, p in zip(subtrees, parents, strict=True)))


async def _pick(together: asyncio.Future[dict[str, Rows]], col: str) -> Rows:
    return (await asyncio.shield(together))[col]


def _cached_future(work: Awaitable[_T]) -> asyncio.Future[_T]:
    """A walk the cache keeps for whichever getter asks next. When the agent dies, getters stop
    asking, so nobody may await it again: its error still reaches every awaiter, but is marked
    retrieved, or each one lands in asyncio's "exception was never retrieved" log at garbage
    collection (one traceback per cached column; under pytest, a traceback printed by the
    collector mid-compile even broke Python 3.11's AST recursion check)."""
    fut = asyncio.ensure_future(work)
    fut.add_done_callback(_retrieve)
    return fut


def _retrieve(fut: asyncio.Future[Any]) -> None:
    if not fut.cancelled():
        fut.exception()


def _index(oid: str, column: str) -> Index | None:
    tail = oid[len(column) + 1 :]
    try:
        return tuple(int(arc) for arc in tail.split("."))
    except ValueError:
        return None


async def column(w: Walker, col: str) -> Column:
    """One column as {index arcs: value}."""
    return _as_column(await w.walk(col), col)


def _as_column(rows: Rows, col: str) -> Column:
    out: Column = {}
    for oid, value in rows:
        idx = _index(oid, col)
        if idx is not None:
            out[idx] = value
    return out


async def table(w: Walker, cols: Sequence[str]) -> list[Column]:
    """Several columns of one table (agents leave out columns, so each is read, none decides).

    With a CachingWalker over a live session the columns are walked side by side, skipping the
    ones priming found absent; otherwise the first alone (it tells the session the row count, so
    the others fit in one request each), then the rest concurrently."""
    if isinstance(w, CachingWalker):
        got = await w.walk_columns(cols)
        return [_as_column(got[c], c) for c in cols]
    first = await column(w, cols[0])
    rest = await asyncio.gather(*(column(w, c) for c in cols[1:]))
    return [first, *rest]


async def present(w: Walker, subtree: str) -> bool:
    """Does the agent have anything under `subtree`? One small request."""
    return bool(await w.walk(subtree, max_rows=1))


def _rows(*cols: Column) -> list[Index]:
    keys: set[Index] = set()
    for col in cols:
        keys.update(col)
    return sorted(keys)


async def if_names(w: Walker) -> dict[int, str]:
    """ifIndex -> ifName (ifDescr where ifName is missing)."""
    names, descrs = await table(w, (oids.IF_NAME, oids.IF_DESCR))
    out: dict[int, str] = {}
    for idx in _rows(names, descrs):
        name = v.one_line(names.get(idx)) or v.one_line(descrs.get(idx))
        if name and len(idx) == 1:
            out[idx[0]] = name
    return out


# ---------------------------------------------------------------------------------------------
# facts
# ---------------------------------------------------------------------------------------------

_SYSTEM = {
    "sys_descr": oids.SYS_DESCR,
    "sys_object_id": oids.SYS_OBJECT_ID,
    "uptime": oids.SYS_UPTIME,
    "contact": oids.SYS_CONTACT,
    "hostname": oids.SYS_NAME,
    "location": oids.SYS_LOCATION,
    "services": oids.SYS_SERVICES,
    "engine_id": oids.SNMP_ENGINE_ID,
    "lldp_capabilities": oids.LLDP_LOC_SYS_CAP_ENABLED,
    "ip_forwarding": oids.IP_FORWARDING,
}


def _split_name(sys_name: str | None) -> tuple[str | None, str | None]:
    """(hostname, fqdn) from sysName: 'sw1.city.local' -> ('sw1', 'sw1.city.local')."""
    if not sys_name or " " in sys_name or "." not in sys_name.strip("."):
        return sys_name, None
    try:
        IPv4Address(sys_name)
        return sys_name, None  # an address, not a domain name
    except ValueError:
        pass
    return sys_name.split(".", 1)[0], sys_name.rstrip(".")


async def facts(w: Walker) -> Facts:
    got = await w.get([oids.scalar(o) for o in _SYSTEM.values()])
    raw = {key: got.get(oids.scalar(o)) for key, o in _SYSTEM.items()}
    object_id = v.oid_value(raw["sys_object_id"])
    hostname, fqdn = _split_name(v.one_line(raw["hostname"], 255))
    uptime = v.integer(raw["uptime"])
    enterprise = None
    if object_id and object_id.startswith(oids.ENTERPRISES + "."):
        enterprise = int(object_id.split(".")[6])  # an Oid value is numeric by construction
    record = Facts(
        hostname=hostname,
        fqdn=fqdn,
        uptime=uptime / 100.0 if uptime is not None and uptime >= 0 else None,
        sys_descr=v.text(raw["sys_descr"]),
        sys_object_id=object_id,
        location=v.text(raw["location"]),
        contact=v.text(raw["contact"]),
        services=v.integer(raw["services"]),
        enterprise=enterprise,
        engine_id=v.hexstr(raw["engine_id"]),
        lldp_capabilities=_bits(raw["lldp_capabilities"], _LLDP_CAPS),
        ip_forwarding={1: True, 2: False}.get(v.integer(raw["ip_forwarding"]) or 0),
    )
    reads = await _identity_reads(w, record)
    return record.model_copy(update={"raw": reads, "energy_objects": await _energy_objects(w)})


_ENERGY_CAP = 64  # enough to tell "a few outlets" from "many metered ports"


async def _energy_objects(w: Walker) -> int | None:
    """How many objects the agent meters in ENERGY-OBJECT-MIB: a PDU meters its outlets.
    A type hint only: an agent that fails here keeps the facts it already gave."""
    try:
        rows = await w.walk(oids.EO_POWER, _ENERGY_CAP)
    except SnmpError:
        return None
    return len(rows) or None


async def _identity_reads(w: Walker, record: Facts) -> dict[str, str]:
    """The raw values identification reads (the knowledge tables name them), kept as they came:
    inference identifies the device from them (`netmap.infer.identify`), and can again later."""
    from netmap.infer.identify.identify import record_reads

    system = {"sys_descr": None, "sys_object_id": None}  # re-read raw: line breaks kept
    try:
        return await record_reads(w, system)
    except Exception as exc:  # a heuristic layer: never lose the facts to it
        _log.warning("SNMP identification reads failed: %s: %s", exc.__class__.__name__, exc)
        return {}


# ---------------------------------------------------------------------------------------------
# interfaces
# ---------------------------------------------------------------------------------------------

_IF_COLUMNS = (  # ifDescr first: every agent has it, and an empty first column ends the walk
    oids.IF_DESCR, oids.IF_TYPE, oids.IF_MTU, oids.IF_SPEED, oids.IF_PHYS_ADDRESS,
    oids.IF_ADMIN_STATUS, oids.IF_OPER_STATUS,
)
_IFX_COLUMNS = (oids.IF_NAME, oids.IF_HIGH_SPEED, oids.IF_ALIAS)


def _speed(speed: int | None, high: int | None) -> int | None:
    """Bits/s: ifHighSpeed x 10^6 when the agent gives a positive one (what LibreNMS and most
    NMSs report; ifSpeed saturates at 2^32-1), else ifSpeed. A 0 from the agent stays 0."""
    if high is not None and high > 0:
        return high * 10**6
    if speed is not None and speed >= 0:
        return speed
    return 0 if high == 0 else None


def _status(value: SnmpValue | None) -> bool | None:
    code = v.integer(value)
    return None if code is None else code == 1


async def interfaces(w: Walker) -> list[Interface]:
    # ifXEntry AUGMENTS ifEntry: the same rows, so one side-by-side walk ends both at once
    descr, itype, mtu, speed, phys, admin, oper, name, high, alias = await table(
        w, _IF_COLUMNS + _IFX_COLUMNS
    )
    out: list[Interface] = []
    # Every column's row suffix is an ifIndex: some agents leave out ifDescr/ifType rows, or
    # list an interface only in ifXTable.
    for idx in _rows(descr, itype, mtu, speed, phys, admin, oper, name, high, alias):
        if len(idx) != 1:
            continue
        out.append(
            Interface(
                if_index=idx[0],
                name=v.one_line(name.get(idx)),
                description=v.one_line(descr.get(idx)),
                alias=v.one_line(alias.get(idx)),
                if_type=v.integer(itype.get(idx)),
                speed=_speed(v.integer(speed.get(idx)), v.integer(high.get(idx))),
                mac_address=v.mac(phys.get(idx)),
                mtu=v.integer(mtu.get(idx)),
                is_enabled=_status(admin.get(idx)),
                is_up=_status(oper.get(idx)),
            )
        )
    return out or await _vendor_ports(w)


_ETHERNET_CSMACD = 6  # IANAifType ethernetCsmacd


async def _vendor_ports(w: Walker) -> list[Interface]:
    """Agents without IF-MIB that list their (Ethernet) ports in a vendor port table.

    Such a table has no ifIndex: the ports are numbered 1..n in table order, so the numbers are
    stable for one firmware but are not an agent's ifIndex."""
    if not await present(w, oids.EXALINK_PORT_NAME):  # free after priming
        return []
    names, speeds = await table(w, (oids.EXALINK_PORT_NAME, oids.EXALINK_PORT_SPEED))
    out: list[Interface] = []
    for number, idx in enumerate(sorted(names), start=1):
        mbps = v.integer(speeds.get(idx))
        out.append(
            Interface(
                if_index=number,
                name=v.one_line(names.get(idx)),
                if_type=_ETHERNET_CSMACD,
                speed=mbps * 10**6 if mbps is not None and mbps >= 0 else None,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# ip_addresses
# ---------------------------------------------------------------------------------------------


def _prefix_from_mask(mask: str | None) -> int | None:
    if mask is None:
        return None
    bits = int(IPv4Address(mask))
    length = bin(bits).count("1")
    return length if bits == (0xFFFFFFFF << (32 - length)) & 0xFFFFFFFF else None


def _inet_index(arcs: Index) -> tuple[str | None, Index]:
    """(address, remaining arcs) from an InetAddressType.InetAddress index part."""
    if len(arcs) < 2:
        return None, ()
    family, length = arcs[0], arcs[1]
    if len(arcs) >= 2 + length and length in (4, 8, 16, 20):
        return v.inet_address(family, arcs[2 : 2 + length]), arcs[2 + length :]
    return None, ()


def _prefix_pointer(value: SnmpValue | None) -> int | None:
    """ipAddressPrefix points at an ipAddressPrefixEntry whose last index arc is the length."""
    pointer = v.oid_value(value)
    if not pointer or not pointer.startswith(oids.IP_ADDRESS_PREFIX_ORIGIN + "."):
        return None
    length = int(pointer.rsplit(".", 1)[1])
    return length if 0 <= length <= 128 else None


_IP_ADDRESS_COLUMNS = (oids.IP_ADDRESS_IF_INDEX, oids.IP_ADDRESS_PREFIX, oids.IP_ADDRESS_TYPE)
_IP_AD_ENT_COLUMNS = (oids.IP_AD_ENT_IF_INDEX, oids.IP_AD_ENT_NETMASK)


async def ip_addresses(w: Walker) -> list[IpAddress]:
    found: dict[str, IpAddress] = {}
    ifx, prefix, kind = await table(w, _IP_ADDRESS_COLUMNS)
    for idx in _rows(ifx):
        address, _ = _inet_index(idx)
        if address is None or v.integer(kind.get(idx)) == 3:  # 3: broadcast
            continue
        found[address] = IpAddress(
            if_index=v.integer(ifx.get(idx)), address=address, prefix_length=_prefix_pointer(prefix.get(idx))
        )
    legacy_if, legacy_mask = await table(w, _IP_AD_ENT_COLUMNS)
    for idx in _rows(legacy_if):
        if len(idx) != 4 or any(a > 255 for a in idx):
            continue
        address = ".".join(map(str, idx))
        length = _prefix_from_mask(v.ipv4(legacy_mask.get(idx)))
        known = found.get(address)
        if known is None:
            found[address] = IpAddress(
                if_index=v.integer(legacy_if.get(idx)), address=address, prefix_length=length
            )
        elif known.prefix_length is None and length is not None:
            found[address] = known.model_copy(update={"prefix_length": length})
    return sorted(found.values(), key=lambda a: (a.if_index or 0, a.address))


# ---------------------------------------------------------------------------------------------
# arp_table
# ---------------------------------------------------------------------------------------------

_NET_TO_PHYSICAL_COLUMNS = (oids.IP_NET_TO_PHYSICAL_PHYS_ADDRESS, oids.IP_NET_TO_PHYSICAL_TYPE)
_NET_TO_MEDIA_COLUMNS = (oids.IP_NET_TO_MEDIA_PHYS_ADDRESS, oids.IP_NET_TO_MEDIA_TYPE)
_NEIGHBOR_TYPES = {1: "other", 2: "invalid", 3: "dynamic", 4: "static", 5: "local"}


async def arp_table(w: Walker) -> list[ArpEntry]:
    names = await if_names(w)
    found: dict[tuple[int, str], ArpEntry] = {}

    def add(if_index: int, ip: str | None, phys: SnmpValue | None, kind: SnmpValue | None) -> None:
        code = v.integer(kind)
        address = v.mac(phys)
        if ip is None or address is None or code == 2:  # 2: invalid (a deleted entry)
            return
        found.setdefault(
            (if_index, ip),
            ArpEntry(
                interface=names.get(if_index), if_index=if_index, mac=address, ip=ip,
                entry_type=_NEIGHBOR_TYPES.get(code) if code is not None else None,
            ),
        )

    phys, kind = await table(w, _NET_TO_PHYSICAL_COLUMNS)
    for idx in _rows(phys):
        address, _ = _inet_index(idx[1:])
        add(idx[0], address, phys.get(idx), kind.get(idx))
    if not any(":" not in ip for _, ip in found):  # no IPv4 yet: the RFC 1213 table has them
        media, mkind = await table(w, _NET_TO_MEDIA_COLUMNS)
        for idx in _rows(media):
            if len(idx) == 5 and all(a <= 255 for a in idx[1:]):
                add(idx[0], ".".join(map(str, idx[1:])), media.get(idx), mkind.get(idx))
    return sorted(found.values(), key=lambda e: (e.if_index or 0, e.ip))


# ---------------------------------------------------------------------------------------------
# mac_address_table
# ---------------------------------------------------------------------------------------------

_DOT1Q_FDB_COLUMNS = (oids.DOT1Q_TP_FDB_PORT, oids.DOT1Q_TP_FDB_STATUS)
_DOT1D_FDB_COLUMNS = (oids.DOT1D_TP_FDB_PORT, oids.DOT1D_TP_FDB_STATUS)
_FDB_STATUS = {1: "other", 2: "invalid", 3: "learned", 4: "self", 5: "mgmt"}


async def mac_address_table(w: Walker) -> list[MacEntry]:
    names = await if_names(w)
    qport, qstatus = await table(w, _DOT1Q_FDB_COLUMNS)
    if not qport:
        # BRIDGE-MIB only. A Cisco switch answers it for VLAN 1 and keeps every other VLAN's
        # table in that VLAN's own instance: read them all, each with its own port numbering.
        vtp = await column(w, oids.VTP_VLAN_STATE)  # with VTP, the default instance is VLAN 1's
        out = await _dot1d_fdb(w, 1 if vtp else None, names)
        for rows in (await per_vlan(w, lambda sub, vid: _dot1d_fdb(sub, vid, names))).values():
            out += rows
        return out
    # Q-BRIDGE rows are keyed by FDB id. Where dot1qVlanFdbId maps VLANs to FDB ids we use it;
    # without it we take FDB id == VLAN id, which is how almost every IVL switch numbers them.
    vlan_of: dict[int, int] = {}
    for idx, fdb in (await column(w, oids.DOT1Q_VLAN_FDB_ID)).items():
        fdb_id = v.integer(fdb)
        if fdb_id is not None and len(idx) == 2:
            vlan_of.setdefault(fdb_id, idx[1])
    entries = [(vlan_of.get(idx[0], idx[0]) if idx[0] > 0 else None, idx[1:], qport.get(idx),
                qstatus.get(idx)) for idx in _rows(qport) if len(idx) == 7]  # fmt: skip
    return _mac_entries(entries, await base_port_ifs(w), names)


async def _dot1d_fdb(w: Walker, vlan: int | None, names: Mapping[int, str]) -> list[MacEntry]:
    dport, dstatus = await table(w, _DOT1D_FDB_COLUMNS)
    entries = [(vlan, idx, dport.get(idx), dstatus.get(idx)) for idx in _rows(dport)]
    return _mac_entries(entries, await base_port_ifs(w), names) if entries else []


def _mac_entries(
    entries: Sequence[tuple[int | None, Index, SnmpValue | None, SnmpValue | None]],
    port_if: Mapping[int, int], names: Mapping[int, str],
) -> list[MacEntry]:
    out: list[MacEntry] = []
    for vlan, mac_arcs, port_value, status_value in entries:
        address = v.mac_from_arcs(mac_arcs)
        code = v.integer(status_value)
        if address is None or code == 2:
            continue
        port = v.integer(port_value)
        if_index = port_if.get(port) if port else None
        out.append(
            MacEntry(
                mac=address, interface=names.get(if_index) if if_index else None, if_index=if_index,
                bridge_port=port or None, vlan=vlan, static=code == 5,
                status=_FDB_STATUS.get(code) if code is not None else None,
            )
        )
    return out


async def base_port_ifs(w: Walker) -> dict[int, int]:
    """dot1dBasePortIfIndex: bridge port number -> ifIndex (per instance on Cisco)."""
    return {idx[0]: ifi for idx, value in (await column(w, oids.DOT1D_BASE_PORT_IF_INDEX)).items()
            if len(idx) == 1 and (ifi := v.integer(value)) is not None}  # fmt: skip


# Per-VLAN instances read per switch: each costs a few requests, and a campus switch with more
# VLANs than this is rare in a city; the rest are left unread rather than slowing every scan.
MAX_VLAN_INSTANCES = 64


async def vlan_instances(w: Walker) -> list[int]:
    """The VLANs whose BRIDGE-MIB a Cisco switch keeps apart: the operational Ethernet VLANs of
    its VTP table, but VLAN 1 (the default instance itself) and 1002-1005 (FDDI/Token Ring)."""
    state, kind = await table(w, (oids.VTP_VLAN_STATE, oids.VTP_VLAN_TYPE))
    found = {idx[1] for idx, value in state.items()
             if len(idx) == 2 and v.integer(value) == 1 and v.integer(kind.get(idx)) in (1, None)
             and 1 < idx[1] <= MAX_VLAN and not 1002 <= idx[1] <= 1005}  # fmt: skip
    return sorted(found)[:MAX_VLAN_INSTANCES]


async def per_vlan(
    w: Walker, read: Callable[[Walker, int], Awaitable[_T]]
) -> dict[int, _T]:
    """`read` over each VLAN instance of the agent (see :func:`vlan_instances`). The first
    instance that does not answer ends it: an agent that does not index by VLAN would otherwise
    cost a timeout per VLAN."""
    in_vlan = getattr(w, "in_vlan", None)
    if in_vlan is None or getattr(w, "vlan_error", None):
        return {}
    out: dict[int, _T] = {}
    for vlan in await vlan_instances(w):
        sub = in_vlan(vlan)
        if sub is None:
            continue
        try:
            out[vlan] = await read(sub, vlan)
        except SnmpError as exc:
            give_up = getattr(w, "vlans_unanswered", None)
            if give_up is not None:
                give_up(f"VLAN {vlan}: {exc}")
            break
    return out


# ---------------------------------------------------------------------------------------------
# lldp_neighbors_detail
# ---------------------------------------------------------------------------------------------

_LLDP_REM_COLUMNS = (
    oids.LLDP_REM_CHASSIS_ID_SUBTYPE, oids.LLDP_REM_CHASSIS_ID, oids.LLDP_REM_PORT_ID_SUBTYPE,
    oids.LLDP_REM_PORT_ID, oids.LLDP_REM_PORT_DESC, oids.LLDP_REM_SYS_NAME, oids.LLDP_REM_SYS_DESC,
    oids.LLDP_REM_SYS_CAP_SUPPORTED, oids.LLDP_REM_SYS_CAP_ENABLED,
)
_LLDP_LOCAL = (
    oids.LLDP_REM_MAN_ADDR_IF_SUBTYPE, oids.LLDP_X_MED_REM_DEVICE_CLASS,
    oids.LLDP_LOC_PORT_ID_SUBTYPE, oids.LLDP_LOC_PORT_ID, oids.LLDP_LOC_PORT_DESC,
)
# LLDP-MED inventory, in LldpNeighbor's field order: maker, model, serial, software
_LLDP_MED_INVENTORY = (
    oids.LLDP_X_MED_REM_MFG_NAME, oids.LLDP_X_MED_REM_MODEL_NAME, oids.LLDP_X_MED_REM_SERIAL_NUM,
    oids.LLDP_X_MED_REM_SOFTWARE_REV,
)
_LLDP_CAPS = (
    "other", "repeater", "bridge", "wlan-access-point", "router", "telephone",
    "docsis-cable-device", "station", "cvlan", "svlan", "tpmr",
)


def _bits(value: SnmpValue | None, names: Sequence[str]) -> list[str]:
    """Names of the set bits of a BITS value (bit 0 is the most significant bit of octet 0)."""
    if not isinstance(value, bytes):
        return []
    return [
        name
        for bit, name in enumerate(names)
        if bit // 8 < len(value) and value[bit // 8] & (0x80 >> (bit % 8))
    ]


def _lldp_id(subtype: int | None, value: SnmpValue | None, mac_subtype: int, net_subtype: int) -> str | None:
    if subtype == mac_subtype and isinstance(value, bytes) and len(value) == 6:
        return v.mac(value)
    if subtype == net_subtype and isinstance(value, bytes) and len(value) in (5, 17):
        return v.inet_address(value[0], value[1:])  # first octet: IANA address family
    return v.printable_or_hex(value)


def _local_port(port: int, ifnames: Mapping[int, str], loc: Mapping[int, list[str | None]]) -> str | None:
    """The ifName of LLDP local port `port`.

    lldpd (and many agents) number local ports by ifIndex; others number them 1..n and say which
    interface each is in lldpLocPortTable (port id of subtype interfaceName/local, or the port
    description). A lldpLocPortTable name that matches an interface wins; then the ifIndex."""
    known = set(ifnames.values())
    for candidate in loc.get(port, []):
        if candidate and candidate in known:
            return candidate
    # (SNMP-B) some agents (Alcatel AOS6) give the local port id as the ifIndex in decimal text
    for candidate in loc.get(port, []):
        if candidate and candidate.isdigit() and int(candidate) in ifnames:
            return ifnames[int(candidate)]
    if port in ifnames:
        return ifnames[port]
    return next((c for c in loc.get(port, []) if c), None)


async def lldp_neighbors_detail(w: Walker) -> list[LldpNeighbor]:
    """LLDP-MIB neighbours; agents without them may keep them in their vendor's LLDP MIB."""
    out = await _lldp_standard(w)
    if not out:
        out = await _lldp_timetra(w)
    if not out:
        out = await _lldp_tplink(w)
    return out


async def _lldp_standard(w: Walker) -> list[LldpNeighbor]:
    cols = await table(w, _LLDP_REM_COLUMNS)
    rows = [idx for idx in _rows(cols[0], cols[1], cols[5]) if len(idx) == 3]  # subtype, id, name
    if not rows:
        return []
    (man_rows, med, loc_sub, loc_id, loc_desc), inventory, ifnames = await asyncio.gather(
        table(w, _LLDP_LOCAL), table(w, _LLDP_MED_INVENTORY), if_names(w)
    )
    loc = _loc_ports(loc_sub, loc_id, loc_desc)
    mgmt: dict[Index, str] = {}
    for idx in sorted(man_rows, key=lambda i: (i[:3], i[3] if len(i) > 3 else 0)):
        if len(idx) > 5 and idx[:3] not in mgmt:  # time.port.index.family.len.addr; IPv4 first
            address = v.inet_address(idx[3], idx[5 : 5 + idx[4]])
            if address:
                mgmt[idx[:3]] = address
    return [
        _lldp_row(idx, cols, _local_port(idx[1], ifnames, loc), mgmt.get(idx),
                  v.integer(med.get(idx))).model_copy(update=_med_inventory(inventory, idx))
        for idx in rows
    ]


def _med_inventory(inventory: Sequence[Column], idx: Index) -> dict[str, str | None]:
    """The endpoint's LLDP-MED inventory for one neighbour row; placeholders are no value."""
    fields = ("med_maker", "med_model", "med_serial", "med_software")
    return {f: useful(v.one_line(col.get(idx))) for f, col in zip(fields, inventory, strict=True)}


def _loc_ports(loc_sub: Column, loc_id: Column, loc_desc: Column) -> dict[int, list[str | None]]:
    """lldpLocPortNum -> [its port id when that names an interface, its description]."""
    loc: dict[int, list[str | None]] = {}
    for idx in _rows(loc_sub, loc_id, loc_desc):
        if len(idx) == 1:
            by_name = v.integer(loc_sub.get(idx)) in (5, 7)  # interfaceName / local
            # (SNMP-B) no subtype but a decimal id: kept, _local_port reads it as an ifIndex
            raw_id = v.one_line(loc_id.get(idx))
            by_index = loc_sub.get(idx) is None and bool(raw_id and raw_id.isdigit())
            loc[idx[0]] = [
                raw_id if by_name or by_index else None, v.one_line(loc_desc.get(idx))
            ]
    return loc


def _lldp_row(
    idx: Index, cols: Sequence[Column], local: str | None, mgmt: str | None = None, med: int | None = None
) -> LldpNeighbor:
    """One neighbour from the nine lldpRemEntry-shaped columns (idx[1] is the local port)."""
    ch_sub, ch_id, pt_sub, pt_id, pt_desc, sys_name, sys_desc, cap_sup, cap_en = cols
    ch_kind, pt_kind = v.integer(ch_sub.get(idx)), v.integer(pt_sub.get(idx))
    return LldpNeighbor(
        parent_interface=local,
        local_port_num=idx[1],
        remote_chassis_id=_lldp_id(ch_kind, ch_id.get(idx), 4, 5),
        remote_chassis_id_subtype=ch_kind,
        remote_port=_lldp_id(pt_kind, pt_id.get(idx), 3, 4),
        remote_port_subtype=pt_kind,
        remote_port_description=v.one_line(pt_desc.get(idx)),
        remote_system_name=v.one_line(sys_name.get(idx)),
        remote_system_description=v.text(sys_desc.get(idx)),
        remote_system_capab=_bits(cap_sup.get(idx), _LLDP_CAPS),
        remote_system_enable_capab=_bits(cap_en.get(idx), _LLDP_CAPS),
        remote_management_address=mgmt,
        med_device_class=med,
    )


async def _lldp_timetra(w: Walker) -> list[LldpNeighbor]:
    """Nokia SR OS keeps neighbours in TIMETRA-LLDP-MIB, indexed by the local port's ifIndex."""
    if not await present(w, oids.TMNX_LLDP_REM_ENTRY):
        return []
    names = [f"{oids.TMNX_LLDP_REM_ENTRY}.{c.rsplit('.', 1)[1]}" for c in _LLDP_REM_COLUMNS]
    cols = await table(w, names)
    rows = [idx for idx in _rows(cols[0], cols[1], cols[5]) if len(idx) == 4]
    if not rows:
        return []
    ifnames = await if_names(w)
    return [_lldp_row(idx, cols, ifnames.get(idx[1])) for idx in rows]


_TPLINK_LLDP_COLUMNS = (
    oids.TPLINK_LLDP_NEIGHBOR_CHASSIS_ID, oids.TPLINK_LLDP_NEIGHBOR_PORT_ID,
    oids.TPLINK_LLDP_NEIGHBOR_PORT_DESCR, oids.TPLINK_LLDP_NEIGHBOR_SYS_NAME,
    oids.TPLINK_LLDP_NEIGHBOR_SYS_DESCR,
)


async def _lldp_tplink(w: Walker) -> list[LldpNeighbor]:
    """TP-Link switches: TPLINK-LLDPINFO-MIB, index ifIndex.n, every field as display text."""
    if not await present(w, oids.TPLINK_LLDP_NEIGHBOR_ENTRY):
        return []
    ch_id, pt_id, pt_desc, sys_name, sys_desc = await table(w, _TPLINK_LLDP_COLUMNS)
    rows = [idx for idx in _rows(ch_id, sys_name) if len(idx) == 2]
    if not rows:
        return []
    ifnames = await if_names(w)
    return [
        LldpNeighbor(
            parent_interface=ifnames.get(idx[0]),
            local_port_num=idx[0],
            remote_chassis_id=v.one_line(ch_id.get(idx)),
            remote_port=v.one_line(pt_id.get(idx)),
            remote_port_description=v.one_line(pt_desc.get(idx)),
            remote_system_name=v.one_line(sys_name.get(idx)),
            remote_system_description=v.text(sys_desc.get(idx)),
        )
        for idx in rows
    ]


# ---------------------------------------------------------------------------------------------
# cdp_neighbors
# ---------------------------------------------------------------------------------------------

_CDP_COLUMNS = (
    oids.CDP_CACHE_DEVICE_ID, oids.CDP_CACHE_DEVICE_PORT, oids.CDP_CACHE_PLATFORM,
    oids.CDP_CACHE_VERSION, oids.CDP_CACHE_ADDRESS_TYPE, oids.CDP_CACHE_ADDRESS,
    oids.CDP_CACHE_CAPABILITIES,
)
_CDP_CAPS = (
    (0x01, "router"), (0x02, "trans-bridge"), (0x04, "source-route-bridge"), (0x08, "switch"),
    (0x10, "host"), (0x20, "igmp"), (0x40, "repeater"), (0x80, "phone"),
    (0x100, "remote-managed"), (0x200, "cvta"), (0x400, "two-port-mac-relay"),
)


def _cdp_address(kind: SnmpValue | None, raw: SnmpValue | None) -> str | None:
    if not isinstance(raw, bytes):
        return v.ipv4(raw)
    code = v.integer(kind)
    if code == 1 and len(raw) == 4:
        return v.ipv4(raw)
    if code == 20 and len(raw) == 16:
        return v.inet_address(2, raw)
    return None


def _cdp_caps(value: SnmpValue | None) -> list[str]:
    if not isinstance(value, bytes) or not 0 < len(value) <= 4:
        return []
    mask = int.from_bytes(value, "big")
    return [name for bit, name in _CDP_CAPS if mask & bit]


async def cdp_neighbors(w: Walker) -> list[CdpNeighbor]:
    dev_id, port, platform, version, akind, addr, caps = await table(w, _CDP_COLUMNS)
    if not dev_id:
        return []
    names = await if_names(w)
    out: list[CdpNeighbor] = []
    for idx in _rows(dev_id):
        if len(idx) != 2:
            continue
        out.append(
            CdpNeighbor(
                parent_interface=names.get(idx[0]),
                local_if_index=idx[0],
                remote_device_id=v.printable_or_hex(dev_id.get(idx)),
                remote_port=v.one_line(port.get(idx)),
                remote_platform=v.one_line(platform.get(idx)),
                remote_version=v.text(version.get(idx)),
                remote_address=_cdp_address(akind.get(idx), addr.get(idx)),
                remote_capabilities=_cdp_caps(caps.get(idx)),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# routes
# ---------------------------------------------------------------------------------------------

_ROUTE_PROTOCOLS = {  # IANAipRouteProtocol
    1: "other", 2: "local", 3: "static", 4: "icmp", 5: "egp", 6: "ggp", 7: "hello", 8: "rip",
    9: "isis", 10: "esis", 11: "igrp", 12: "bbnspf", 13: "ospf", 14: "bgp", 15: "idpr",
    16: "eigrp", 17: "dvmrp", 18: "rpl", 19: "dhcp", 20: "ttdp",
}
_INET_CIDR_COLUMNS = (oids.INET_CIDR_ROUTE_PROTO, oids.INET_CIDR_ROUTE_IF_INDEX, oids.INET_CIDR_ROUTE_TYPE)
_IP_CIDR_COLUMNS = (oids.IP_CIDR_ROUTE_PROTO, oids.IP_CIDR_ROUTE_IF_INDEX, oids.IP_CIDR_ROUTE_TYPE)
_IP_ROUTE_COLUMNS = (
    oids.IP_ROUTE_PROTO, oids.IP_ROUTE_IF_INDEX, oids.IP_ROUTE_NEXT_HOP, oids.IP_ROUTE_MASK,
    oids.IP_ROUTE_TYPE,
)
_CIDR_TYPES = {1: "other", 2: "reject", 3: "direct", 4: "indirect", 5: "blackhole"}
_RFC1213_TYPES = {1: "other", 2: "invalid", 3: "direct", 4: "indirect"}


def _route(
    dest: str | None, plen: int | None, hop: str | None, ifx: SnmpValue | None,
    proto: SnmpValue | None, kind: str | None, names: Mapping[int, str],
) -> Route | None:
    if dest is None or plen is None:
        return None
    if_index = v.integer(ifx) or None
    hop = None if hop in (None, "0.0.0.0", "::") else hop
    return Route(
        destination=f"{dest}/{plen}", next_hop=hop, if_index=if_index,
        interface=names.get(if_index) if if_index else None,
        protocol=_ROUTE_PROTOCOLS.get(v.integer(proto) or 0), route_type=kind,
    )


def _inet_cidr_index(idx: Index) -> tuple[str | None, int | None, str | None]:
    """destType.destLen.dest.pfxLen.policyLen.policy.hopType.hopLen.hop -> (dest, len, hop)."""
    dest, rest = _inet_index(idx)
    if dest is None or len(rest) < 2:
        return None, None, None
    plen, policy_len = rest[0], rest[1]
    rest = rest[2 + policy_len :]
    hop, _ = _inet_index(rest) if rest else (None, ())
    return dest, plen, hop


async def routes(w: Walker) -> list[Route]:
    out: list[Route | None] = []
    proto, ifx, kind = await table(w, _INET_CIDR_COLUMNS)
    names = await if_names(w) if proto else {}
    for idx in _rows(proto):
        dest, plen, hop = _inet_cidr_index(idx)
        ctype = _CIDR_TYPES.get(v.integer(kind.get(idx)) or 0)
        out.append(_route(dest, plen, hop, ifx.get(idx), proto.get(idx), ctype, names))
    if not proto:
        proto, ifx, kind = await table(w, _IP_CIDR_COLUMNS)
        names = await if_names(w) if proto else {}
        for idx in _rows(proto):
            if len(idx) != 13 or any(a > 255 for a in idx):
                continue
            dest, mask, hop = (".".join(map(str, idx[a:b])) for a, b in ((0, 4), (4, 8), (9, 13)))
            ctype = _CIDR_TYPES.get(v.integer(kind.get(idx)) or 0)
            route = _route(dest, _prefix_from_mask(mask), hop, ifx.get(idx), proto.get(idx), ctype, names)
            out.append(route)
    if not proto:
        proto, ifx, hop_col, mask_col, kind = await table(w, _IP_ROUTE_COLUMNS)
        names = await if_names(w) if proto else {}
        for idx in _rows(proto):
            if len(idx) != 4 or any(a > 255 for a in idx):
                continue
            code = v.integer(kind.get(idx))
            if code == 2:  # invalid
                continue
            out.append(
                _route(
                    ".".join(map(str, idx)), _prefix_from_mask(v.ipv4(mask_col.get(idx))),
                    v.ipv4(hop_col.get(idx)), ifx.get(idx), proto.get(idx),
                    _RFC1213_TYPES.get(code or 0), names,
                )
            )
    return [r for r in out if r is not None]


# ---------------------------------------------------------------------------------------------
# inventory
# ---------------------------------------------------------------------------------------------

_ENTITY_COLUMNS = (
    oids.ENT_PHYSICAL_CLASS, oids.ENT_PHYSICAL_DESCR, oids.ENT_PHYSICAL_CONTAINED_IN,
    oids.ENT_PHYSICAL_NAME, oids.ENT_PHYSICAL_HARDWARE_REV, oids.ENT_PHYSICAL_FIRMWARE_REV,
    oids.ENT_PHYSICAL_SOFTWARE_REV, oids.ENT_PHYSICAL_SERIAL_NUM, oids.ENT_PHYSICAL_MFG_NAME,
    oids.ENT_PHYSICAL_MODEL_NAME,
)
_ENTITY_CLASSES = {
    1: "other", 2: "unknown", 3: "chassis", 4: "backplane", 5: "container", 6: "powerSupply",
    7: "fan", 8: "sensor", 9: "module", 10: "port", 11: "stack", 12: "cpu", 13: "energyObject",
    14: "battery", 15: "storageDrive",
}


async def inventory(w: Walker) -> list[InventoryItem]:
    cls, descr, contained, name, hw, fw, sw, serial, mfg, model = await table(w, _ENTITY_COLUMNS)
    out: list[InventoryItem] = []
    for idx in _rows(cls, descr):
        if len(idx) != 1:
            continue
        parent = v.integer(contained.get(idx))
        code = v.integer(cls.get(idx))
        out.append(
            InventoryItem(
                index=idx[0],
                description=v.one_line(descr.get(idx)),
                entity_class=_ENTITY_CLASSES.get(code) if code is not None else None,
                name=v.one_line(name.get(idx)),
                model=v.one_line(model.get(idx)),
                serial_number=v.one_line(serial.get(idx)),
                manufacturer=v.one_line(mfg.get(idx)),
                hardware_rev=v.one_line(hw.get(idx)),
                firmware_rev=v.one_line(fw.get(idx)),
                software_rev=v.one_line(sw.get(idx)),
                contained_in=parent or None,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# software (HOST-RESOURCES-MIB)
# ---------------------------------------------------------------------------------------------

_HR_SCALARS = (oids.HR_SYSTEM_NUM_USERS, oids.HR_SYSTEM_PROCESSES, oids.HR_MEMORY_SIZE)
_HR_STORAGE_COLUMNS = (
    oids.HR_STORAGE_DESCR, oids.HR_STORAGE_ALLOCATION_UNITS, oids.HR_STORAGE_SIZE, oids.HR_STORAGE_USED,
)
_HR_SW_COLUMNS = (oids.HR_SW_INSTALLED_NAME, oids.HR_SW_INSTALLED_TYPE, oids.HR_SW_INSTALLED_DATE)
_STORAGE_TYPES = {
    1: "other", 2: "ram", 3: "virtualMemory", 4: "fixedDisk", 5: "removableDisk",
    6: "floppyDisk", 7: "compactDisc", 8: "ramDisk", 9: "flashMemory", 10: "networkDisk",
}
_SW_TYPES = {1: "unknown", 2: "operatingSystem", 3: "deviceDriver", 4: "application"}
_DPKG = re.compile(r"^(?P<name>[a-z0-9][a-z0-9+.\-]*)_(?P<version>[^_\s]+)_(?P<arch>[a-z0-9\-]+)$")
_RPM = re.compile(r"^(?P<name>.+?)-(?P<version>\d[^-\s]*-[^-\s]+?)(\.(noarch|x86_64|i[3-6]86|aarch64))?$")


def _split_package(name: str) -> tuple[str, str | None]:
    """'bash_5.2.15-2+b2_amd64' (dpkg) / 'bash-5.1.8-6.el9.x86_64' (rpm) -> (name, version)."""
    for pattern in (_DPKG, _RPM):
        m = pattern.match(name)
        if m:
            return m.group("name"), m.group("version")
    return name, None


def _unsigned32(value: int | None) -> int | None:
    """hrStorageSize/Used are Integer32: agents with big disks wrap them negative."""
    return None if value is None else value & 0xFFFFFFFF


async def software(w: Walker) -> HostResources | None:
    got, stype = await asyncio.gather(
        w.get([oids.scalar(o) for o in _HR_SCALARS]), column(w, oids.HR_STORAGE_TYPE)
    )
    users, procs, memory = (v.integer(got.get(oids.scalar(o))) for o in _HR_SCALARS)
    has_sw = await present(w, oids.HR_SW_INSTALLED_NAME)
    if not got and not stype and not has_sw and not await present(w, oids.HR_PROCESSOR_LOAD):
        return None
    descr, units, size, used = await table(w, _HR_STORAGE_COLUMNS) if stype else ({}, {}, {}, {})
    storage: list[StorageItem] = []
    for idx in _rows(stype, descr):
        unit = v.integer(units.get(idx)) or 0
        total, in_use = _unsigned32(v.integer(size.get(idx))), _unsigned32(v.integer(used.get(idx)))
        type_oid = v.oid_value(stype.get(idx)) or ""
        code = int(type_oid.rsplit(".", 1)[1]) if type_oid.startswith(oids.HR_STORAGE_TYPES + ".") else 0
        storage.append(
            StorageItem(
                description=v.one_line(descr.get(idx)),
                storage_type=_STORAGE_TYPES.get(code),
                size_bytes=total * unit if total is not None and unit > 0 else None,
                used_bytes=in_use * unit if in_use is not None and unit > 0 else None,
            )
        )
    processors = await column(w, oids.HR_PROCESSOR_LOAD)
    items: list[SoftwareItem] = []
    if has_sw:
        names, kinds, dates = await table(w, _HR_SW_COLUMNS)
        for idx in _rows(names):
            label = v.one_line(names.get(idx))
            if not label:
                continue
            pkg, version = _split_package(label)
            items.append(
                SoftwareItem(
                    name=pkg, version=version, installed=v.date_and_time(dates.get(idx)),
                    sw_type=_SW_TYPES.get(v.integer(kinds.get(idx)) or 0),
                )
            )
    return HostResources(
        software=items,
        storage=storage,
        processors=len(processors) or None,
        memory_bytes=memory * 1024 if memory is not None and memory >= 0 else None,
        users=users,
        processes=procs,
    )


# ---------------------------------------------------------------------------------------------
# printer (Printer-MIB)
# ---------------------------------------------------------------------------------------------

_SUPPLY_TYPES = {
    1: "other", 2: "unknown", 3: "toner", 4: "wasteToner", 5: "ink", 6: "inkCartridge",
    7: "inkRibbon", 8: "wasteInk", 9: "opc", 10: "developer", 11: "fuserOil", 12: "solidWax",
    13: "ribbonWax", 14: "wasteWax", 15: "fuser", 16: "coronaWire", 17: "fuserOilWick",
    18: "cleanerUnit", 19: "fuserCleaningPad", 20: "transferUnit", 21: "tonerCartridge",
    22: "fuserOiler", 23: "water", 24: "wasteWater", 25: "glueWaterAdditive", 26: "wastePaper",
    27: "bindingSupply", 28: "bandingSupply", 29: "stitchingWire", 30: "shrinkWrap",
    31: "paperWrap", 32: "staples", 33: "inserts", 34: "covers",
}
PRINTER_MIB = oids.PRINTER_MIB
_PRINTER_GENERAL = (oids.PRT_GENERAL_PRINTER_NAME, oids.PRT_GENERAL_SERIAL_NUMBER, oids.PRT_MARKER_LIFE_COUNT)
_SUPPLY_COLUMNS = (
    oids.PRT_MARKER_SUPPLIES_TYPE, oids.PRT_MARKER_SUPPLIES_DESCRIPTION,
    oids.PRT_MARKER_SUPPLIES_MAX_CAPACITY, oids.PRT_MARKER_SUPPLIES_LEVEL,
)


def _percent(level: int | None, capacity: int | None) -> float | None:
    if level is None or capacity is None or level < 0 or capacity <= 0:
        return None  # -1 other, -2 unknown, -3 "some remaining"
    return round(min(100.0, 100.0 * level / capacity), 1)


async def _hr_printer_descr(w: Walker) -> str | None:
    for idx, kind in (await column(w, oids.HR_DEVICE_TYPE)).items():
        if kind == Oid(oids.HR_DEVICE_PRINTER) and len(idx) == 1:
            got = await w.get([f"{oids.HR_DEVICE_DESCR}.{idx[0]}"])
            return v.one_line(got.get(f"{oids.HR_DEVICE_DESCR}.{idx[0]}"))
    return None


async def printer(w: Walker) -> PrinterInfo | None:
    if not await present(w, PRINTER_MIB):
        return None
    pname, serial, life = await table(w, _PRINTER_GENERAL)
    stype, sdescr, smax, slevel = await table(w, _SUPPLY_COLUMNS)
    if not (pname or serial or life or stype or sdescr):
        return None
    model = next((m for m in map(v.one_line, pname.values()) if m), None) or await _hr_printer_descr(w)
    counts = [c for c in map(v.integer, life.values()) if c is not None and c >= 0]
    supplies = []
    for idx in _rows(stype, sdescr):
        level, capacity = v.integer(slevel.get(idx)), v.integer(smax.get(idx))
        code = v.integer(stype.get(idx))
        supplies.append(
            PrinterSupply(
                description=v.one_line(sdescr.get(idx)),
                supply_type=_SUPPLY_TYPES.get(code) if code is not None else None,
                level=level,
                max_capacity=capacity,
                percent=_percent(level, capacity),
            )
        )
    return PrinterInfo(
        model=model,
        serial_number=next((s for s in map(v.one_line, serial.values()) if s), None),
        page_count=counts[0] if counts else None,
        supplies=supplies,
    )


# ---------------------------------------------------------------------------------------------
# ups (UPS-MIB, APC PowerNet-MIB)
# ---------------------------------------------------------------------------------------------

_UPS_BATTERY = {1: "unknown", 2: "normal", 3: "low", 4: "depleted"}
_APC_BATTERY = {1: "unknown", 2: "normal", 3: "low", 4: "fault"}
_UPS_OIDS = (
    oids.UPS_IDENT_MANUFACTURER, oids.UPS_IDENT_MODEL, oids.UPS_IDENT_UPS_SOFTWARE_VERSION,
    oids.UPS_IDENT_AGENT_SOFTWARE_VERSION, oids.UPS_BATTERY_STATUS,
    oids.UPS_ESTIMATED_MINUTES_REMAINING, oids.UPS_ESTIMATED_CHARGE_REMAINING,
    oids.APC_UPS_BASIC_IDENT_MODEL, oids.APC_UPS_ADV_IDENT_FIRMWARE, oids.APC_UPS_ADV_IDENT_SERIAL,
    oids.APC_UPS_BASIC_BATTERY_STATUS, oids.APC_UPS_ADV_BATTERY_CAPACITY,
    oids.APC_UPS_ADV_BATTERY_RUN_TIME_REMAINING,
)


async def ups(w: Walker) -> UpsInfo | None:
    got = await w.get([oids.scalar(o) for o in _UPS_OIDS])
    if not any(value not in ("", b"") for value in got.values()):
        return None  # nothing, or an empty upsIdentModel alone (sensor hubs answer that): no UPS
    (manufacturer, model, firmware, agent, status, minutes, charge, apc_model, apc_fw, apc_serial,
     apc_status, apc_capacity, apc_runtime) = (got.get(oids.scalar(o)) for o in _UPS_OIDS)
    is_apc = any(x is not None for x in (apc_model, apc_fw, apc_serial, apc_status))
    ups_status = v.integer(status)
    apc_code = v.integer(apc_status)
    runtime = v.integer(minutes)
    apc_ticks = v.integer(apc_runtime)
    return UpsInfo(
        manufacturer=v.one_line(manufacturer) or ("APC" if is_apc else None),
        model=v.one_line(model) or v.one_line(apc_model),
        firmware=v.one_line(firmware) or v.one_line(apc_fw),
        agent_version=v.one_line(agent),
        serial_number=v.one_line(apc_serial),
        battery_status=(
            _UPS_BATTERY.get(ups_status) if ups_status is not None
            else _APC_BATTERY.get(apc_code) if apc_code is not None else None
        ),
        runtime_minutes=(
            float(runtime) if runtime is not None and runtime >= 0
            else apc_ticks / 6000.0 if apc_ticks is not None and apc_ticks >= 0 else None
        ),
        charge_percent=v.integer(charge) if v.integer(charge) is not None else v.integer(apc_capacity),
    )


# ---------------------------------------------------------------------------------------------
# managed_aps (a wireless controller's access points: AIRESPACE, WLSX-WLAN, RUCKUS-ZD-WLAN)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ApTable:
    """One maker's managed-AP table: who makes its APs, what its MAC index is (the wired port,
    or the radios' base MAC), and the ManagedAp field each column fills."""

    mib: str
    maker: str
    index: str  # "mac" or "radio_mac"
    columns: tuple[tuple[str, str], ...]  # (ManagedAp field, column OID)
    model_format: str = "{}"  # how the maker writes a bare model number ("225" is its AP-225)
    states: tuple[tuple[int, str], ...] = ()  # the status column's values, as the MIB names them


_AP_TABLES = (
    _ApTable("AIRESPACE-WIRELESS-MIB", "Cisco", "radio_mac", (
        ("name", oids.BSN_AP_NAME), ("mac", oids.BSN_AP_ETHERNET_MAC),
        ("ip", oids.BSN_AP_IP_ADDRESS), ("model", oids.BSN_AP_MODEL),
        ("serial_number", oids.BSN_AP_SERIAL_NUMBER),
        ("os_version", oids.BSN_AP_SOFTWARE_VERSION), ("location", oids.BSN_AP_LOCATION),
        ("status", oids.BSN_AP_OPERATION_STATUS)),
        states=((1, "associated"), (2, "disassociating"), (3, "downloading"))),
    _ApTable("WLSX-WLAN-MIB", "Aruba", "mac", (
        ("name", oids.WLAN_AP_NAME), ("ip", oids.WLAN_AP_IP_ADDRESS),
        ("model", oids.WLAN_AP_MODEL_NAME), ("serial_number", oids.WLAN_AP_SERIAL_NUMBER),
        ("os_version", oids.WLAN_AP_SW_VERSION), ("location", oids.WLAN_AP_LOCATION),
        ("status", oids.WLAN_AP_STATUS)),
        model_format="AP-{}", states=((1, "up"), (2, "down"))),
    _ApTable("RUCKUS-ZD-WLAN-MIB", "Ruckus", "mac", (
        ("name", oids.RUCKUS_ZD_AP_DESCRIPTION), ("ip", oids.RUCKUS_ZD_AP_IP_ADDR),
        ("model", oids.RUCKUS_ZD_AP_MODEL), ("serial_number", oids.RUCKUS_ZD_AP_SERIAL_NUMBER),
        ("os_version", oids.RUCKUS_ZD_AP_SW_VERSION))),
)  # fmt: skip
MAX_MANAGED_APS = 4096  # a campus controller's ceiling; a longer table is a broken agent


_BARE_MODEL = re.compile(r"\d+[A-Za-z]{0,3}")


def _ap_value(spec: _ApTable, fld: str, value: SnmpValue | None) -> str | None:
    """One column's value; a placeholder ("Not Available", "default location"), or a name that
    is only the AP's MAC (an AP nobody named), is no value."""
    if fld == "mac":
        return v.mac(value)
    if fld == "ip":
        return v.ipv4(value)
    if fld == "status":
        code = v.integer(value)
        return dict(spec.states).get(code, f"state {code}") if code is not None else None
    found = useful(v.one_line(value))
    if found is None or (fld == "name" and norm_mac(found) is not None):
        return None
    if fld == "model" and _BARE_MODEL.fullmatch(found):
        return spec.model_format.format(found)
    return found


async def managed_aps(w: Walker) -> list[ManagedAp]:
    """The access points a wireless controller lists, one row per AP and table."""
    out: list[ManagedAp] = []
    for spec in _AP_TABLES:
        cols = await table(w, [oid for _fld, oid in spec.columns])
        for idx in _rows(*cols)[:MAX_MANAGED_APS]:
            index_mac = v.mac_from_arcs(idx)
            if index_mac is None:
                continue
            values = {fld: _ap_value(spec, fld, col.get(idx))
                      for (fld, _oid), col in zip(spec.columns, cols, strict=True)}
            out.append(ManagedAp(mib=spec.mib, maker=spec.maker,
                                 **{spec.index: index_mac, **values}))  # fmt: skip
    return out


# ---------------------------------------------------------------------------------------------
# vlans (Q-BRIDGE-MIB static VLANs and PVIDs; CISCO-VTP / VLAN-MEMBERSHIP; LLDP-MED voice VLAN)
# ---------------------------------------------------------------------------------------------

_QBRIDGE_VLAN_COLUMNS = (oids.DOT1Q_VLAN_STATIC_NAME, oids.DOT1Q_VLAN_STATIC_EGRESS,
                         oids.DOT1Q_VLAN_STATIC_UNTAGGED)  # fmt: skip
_CURRENT_VLAN_COLUMNS = (oids.DOT1Q_VLAN_CURRENT_EGRESS, oids.DOT1Q_VLAN_CURRENT_UNTAGGED)
_CISCO_VLAN_COLUMNS = (oids.VTP_VLAN_NAME, oids.VTP_TRUNK_DYNAMIC_STATUS, oids.VTP_TRUNK_ENCAP_OPER,
                       oids.VM_VLAN, oids.VTP_TRUNK_NATIVE)  # fmt: skip
MAX_VLAN = 4094


# Some agents (SONiC's, for one) answer a PortList with its hex rendering as text: "ff f8 80 00".
_HEX_TEXT = re.compile(rb"[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2})*")


def port_list(value: SnmpValue | None) -> list[int]:
    """The bridge ports a Q-BRIDGE PortList sets: octet 1's high bit is port 1 (RFC 4363)."""
    raw = value if isinstance(value, bytes) else b""
    if len(raw) >= 5 and _HEX_TEXT.fullmatch(raw):
        raw = bytes.fromhex(raw.decode("ascii"))
    return [i * 8 + bit + 1 for i, byte in enumerate(raw[:512]) for bit in range(8)
            if byte & (0x80 >> bit)]  # fmt: skip


async def vlans(w: Walker) -> VlanTable | None:
    """The switch's VLANs and each port's access VLAN, trunking and voice VLAN; None when the
    agent has none of these MIBs (most hosts)."""
    table_ = VlanTable()
    names = await if_names(w)
    port_if = await base_port_ifs(w)

    def port_name(base_port: int) -> str | None:
        """A PortList bit's port; None for a bit past the bridge's ports (agents pad the list)."""
        ifi = port_if.get(base_port)
        if ifi is None:
            return None if port_if else f"port {base_port}"
        return names.get(ifi, f"ifIndex {ifi}")

    await _qbridge_vlans(w, table_, port_name)
    await _cisco_vlans(w, table_, names, port_if)
    await _voice_vlans(w, table_, names)
    return table_ if table_.vlans or table_.ports else None


async def _qbridge_vlans(
    w: Walker, out: VlanTable, port_name: Callable[[int], str | None]
) -> None:
    name, egress, untagged = await table(w, _QBRIDGE_VLAN_COLUMNS)
    if not egress:  # no static port lists: the current ones (time mark first in the index)
        cur_egress, cur_untagged = await table(w, _CURRENT_VLAN_COLUMNS)
        egress = {idx[1:]: val for idx, val in cur_egress.items() if len(idx) == 2}
        untagged = {idx[1:]: val for idx, val in cur_untagged.items() if len(idx) == 2}
    for idx in _rows(name, egress):
        if len(idx) != 1 or not 0 < idx[0] <= MAX_VLAN:
            continue
        members = port_list(egress.get(idx))
        plain = set(port_list(untagged.get(idx))) & set(members)  # untagged ports are egress ports
        out.vlans.append(Vlan(vlan_id=idx[0], name=v.one_line(name.get(idx)),
                              untagged=[n for p in sorted(plain) if (n := port_name(p))],
                              tagged=[n for p in members
                                      if p not in plain and (n := port_name(p))]))  # fmt: skip
    for idx, value in (await column(w, oids.DOT1Q_PVID)).items():
        vid = v.integer(value)
        if len(idx) == 1 and vid is not None and 0 < vid <= MAX_VLAN:
            port = port_name(idx[0]) or f"port {idx[0]}"
            out.ports.append(PortVlan(port=port, access_vlan=vid,
                                      trunk=_trunks(out.vlans, port) if out.vlans else None))


def _trunks(vlans_: list[Vlan], port: str) -> bool:
    """Q-BRIDGE has no "trunk": a port trunks when it carries two tagged VLANs or more, or
    tagged VLANs beside nothing but VLAN 1 untagged (the native VLAN of a switch-to-switch
    link). One tagged VLAN beside a data VLAN is an access port with a phone's voice VLAN."""
    tagged = [vl.vlan_id for vl in vlans_ if port in vl.tagged]
    untagged = [vl.vlan_id for vl in vlans_ if port in vl.untagged]
    return len(tagged) > 1 or (len(tagged) == 1 and set(untagged) <= {1})


async def _cisco_vlans(w: Walker, out: VlanTable, names: Mapping[int, str],
                       port_if: Mapping[int, int]) -> None:  # fmt: skip
    """VTP's VLANs, each port's access VLAN and trunking, and each VLAN's members; `port_if`
    is the default instance's bridge ports (VLAN 1's on a Cisco switch)."""
    vtp_name, trunk_status, encap, vm_vlan, native = await table(w, _CISCO_VLAN_COLUMNS)
    known = {vl.vlan_id for vl in out.vlans}
    for idx, value in sorted(vtp_name.items()):
        if len(idx) == 2 and 0 < idx[1] <= MAX_VLAN and idx[1] not in known:
            out.vlans.append(Vlan(vlan_id=idx[1], name=v.one_line(value), source="CISCO-VTP-MIB"))
            known.add(idx[1])
    have = {p.port for p in out.ports}
    trunks: dict[str, int | None] = {}  # trunk port -> its native (untagged) VLAN
    for idx in _rows(vm_vlan, trunk_status, encap):
        port = names.get(idx[0], f"ifIndex {idx[0]}")
        if len(idx) != 1 or port in have:
            continue
        vid = v.integer(vm_vlan.get(idx))
        trunk = _cisco_trunk(v.integer(trunk_status.get(idx)), v.integer(encap.get(idx)))
        if trunk:
            trunks[port] = v.integer(native.get(idx))
        out.ports.append(PortVlan(port=port, access_vlan=vid if vid and vid <= MAX_VLAN else None,
                                  trunk=trunk, source="CISCO-VLAN-MEMBERSHIP-MIB"))  # fmt: skip
    if vtp_name:
        await _cisco_members(w, out, names, trunks, port_if)


def _cisco_trunk(status: int | None, encap: int | None) -> bool | None:
    """vlanTrunkPortDynamicStatus trunking(1)/notTrunking(2); else the operational
    encapsulation: ISL(1) or 802.1Q(4) is a trunk, notApplicable(6) is not."""
    if status in (1, 2):
        return status == 1
    return encap in (1, 4) if encap in (1, 4, 6) else None


async def _cisco_members(w: Walker, out: VlanTable, names: Mapping[int, str],
                         trunks: Mapping[str, int | None], port_if: Mapping[int, int]) -> None:  # fmt: skip
    """Each VLAN's ports from its own BRIDGE-MIB instance (VLAN 1's is the default one): the
    ports in it, tagged where the port trunks (but in its native VLAN), untagged otherwise."""
    members = await per_vlan(w, lambda sub, _vid: base_port_ifs(sub))
    members[1] = dict(port_if)
    by_id = {vl.vlan_id: vl for vl in out.vlans}
    for vid, port_if in members.items():
        vl = by_id.get(vid)
        if vl is None or vl.untagged or vl.tagged:
            continue  # Q-BRIDGE already said
        for ifi in sorted(set(port_if.values())):
            port = names.get(ifi, f"ifIndex {ifi}")
            tagged = port in trunks and trunks[port] != vid
            (vl.tagged if tagged else vl.untagged).append(port)


async def _voice_vlans(w: Walker, out: VlanTable, names: Mapping[int, str]) -> None:
    """The voice VLAN each phone announced in its LLDP-MED network policy (appType 1)."""
    policy = await column(w, oids.LLDP_X_MED_REM_POLICY_VLAN)
    if not policy:
        return
    loc = _loc_ports(*await table(w, (oids.LLDP_LOC_PORT_ID_SUBTYPE, oids.LLDP_LOC_PORT_ID,
                                       oids.LLDP_LOC_PORT_DESC)))  # fmt: skip
    by_port = {p.port: p for p in out.ports}
    for idx, value in policy.items():
        vid = v.integer(value)
        if len(idx) != 4 or idx[3] != 1 or vid is None or not 0 < vid <= MAX_VLAN:
            continue
        port = _local_port(idx[1], names, loc) or f"port {idx[1]}"
        if port not in by_port:
            by_port[port] = PortVlan(port=port, source="LLDP-EXT-MED-MIB")
            out.ports.append(by_port[port])
        by_port[port].voice_vlan = vid


# ---------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------

# The scalars each getter GETs, fetched together before the getters run.
SCALARS: dict[str, tuple[str, ...]] = {
    # the system group, plus the bridge's port count identification asks for and ifNumber, the
    # interface walk's row count (same request)
    "facts": tuple(oids.scalar(o) for o in (*_SYSTEM.values(), oids.DOT1D_BASE_NUM_PORTS,
                                            oids.IF_NUMBER)),
    "software": tuple(oids.scalar(o) for o in _HR_SCALARS),
    "ups": tuple(oids.scalar(o) for o in _UPS_OIDS),
    # the agent's own LLDP-MED inventory, which identification reads: asked only of an agent the
    # presence GETNEXT finds holding LLDP-MED's local data
    "lldp_neighbors_detail": tuple(oids.scalar(o) for o in oids.LLDP_X_MED_LOC_INVENTORY),
}

# The subtrees each getter may walk, primed in one GETNEXT before the getters run: tables the
# agent does not have then cost no request at all (most agents lack most of these MIBs).
PROBES: dict[str, tuple[str, ...]] = {
    # identification: ENTITY chassis, HOST-RESOURCES devices, metering, and the structure subtrees
    "facts": (oids.ENT_PHYSICAL_CLASS, oids.HR_DEVICE_TYPE, oids.EO_POWER, oids.IEEE802DOT11_MIB,
              oids.PETH_PSE_PORT_TABLE, oids.CAPWAP_BASE_MIB, oids.BSN_AP_TABLE, oids.CLAP_TABLE,
              oids.WLSX_WLAN_AP_TABLE, oids.ENT_PHY_SENSOR_TABLE, oids.DOCS_IF_MIB),
    "interfaces": _IF_COLUMNS + _IFX_COLUMNS + (oids.EXALINK_PORT_NAME,),
    "ip_addresses": _IP_ADDRESS_COLUMNS + _IP_AD_ENT_COLUMNS,
    "arp_table": _NET_TO_PHYSICAL_COLUMNS + _NET_TO_MEDIA_COLUMNS + (oids.IF_NAME, oids.IF_DESCR),
    "mac_address_table": _DOT1Q_FDB_COLUMNS + _DOT1D_FDB_COLUMNS
    + (oids.DOT1Q_VLAN_FDB_ID, oids.DOT1D_BASE_PORT_IF_INDEX, oids.VTP_VLAN_ENTRY),
    "lldp_neighbors_detail": _LLDP_REM_COLUMNS + _LLDP_LOCAL + _LLDP_MED_INVENTORY
    + (oids.TMNX_LLDP_REM_ENTRY, oids.TPLINK_LLDP_NEIGHBOR_ENTRY),
    "cdp_neighbors": _CDP_COLUMNS,
    "routes": _INET_CIDR_COLUMNS + _IP_CIDR_COLUMNS + _IP_ROUTE_COLUMNS,
    "inventory": _ENTITY_COLUMNS,
    "software": (oids.HR_STORAGE_TYPE, oids.HR_PROCESSOR_LOAD, *_HR_STORAGE_COLUMNS, *_HR_SW_COLUMNS),
    "printer": (PRINTER_MIB, oids.HR_DEVICE_TYPE, *_PRINTER_GENERAL, *_SUPPLY_COLUMNS),
    "ups": (),
    # the tables, not their columns: a table found absent makes each of its columns free
    "managed_aps": (oids.BSN_AP_TABLE, oids.WLSX_WLAN_AP_TABLE, oids.RUCKUS_ZD_AP_TABLE),
    "vlans": (*_QBRIDGE_VLAN_COLUMNS, *_CURRENT_VLAN_COLUMNS, oids.DOT1Q_PVID,
              oids.VTP_VLAN_ENTRY, oids.VTP_TRUNK_ENTRY, oids.VM_VLAN,
              oids.LLDP_X_MED_REM_POLICY_VLAN),
}

Getter = Callable[[Walker], Awaitable[Any]]

GETTER_FUNCS: dict[str, Getter] = {
    "facts": facts,
    "interfaces": interfaces,
    "ip_addresses": ip_addresses,
    "arp_table": arp_table,
    "mac_address_table": mac_address_table,
    "lldp_neighbors_detail": lldp_neighbors_detail,
    "cdp_neighbors": cdp_neighbors,
    "routes": routes,
    "inventory": inventory,
    "software": software,
    "printer": printer,
    "ups": ups,
    "vlans": vlans,
    "managed_aps": managed_aps,
}
