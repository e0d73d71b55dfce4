"""The live SNMP session: a :class:`~netmap.discover.snmp.walker.Walker` over UDP.

Two transports behind one walk/get logic:

* v1/v2c use netmap's own BER codec (:mod:`netmap.discover.snmp.ber`) on an asyncio datagram
  socket. pysnmp spends ~10x more CPU per varbind (pyasn1), and CPU is what limits a scan of
  hundreds of agents on a small box.
* v3 (USM auth/priv) goes through pysnmp 7's v3arch asyncio API, protocols always explicit
  (``UsmUserData`` silently defaults to MD5/DES otherwise), ``lookupMib=False``, numeric OIDs.

Every wait is bounded: a per-request timeout and retry count, a per-walk deadline, a row cap, and
a breaker that fails the session fast once the agent stops answering, so a dead or slow agent
never stalls a scan. Secrets live only inside the transport objects and never appear in messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import itertools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from ipaddress import IPv4Address
from typing import Any, Protocol

from pydantic import SecretStr

from netmap.discover.snmp import ber, oids
from netmap.discover.snmp.walker import DEFAULT_MAX_ROWS, Oid, SnmpError, SnmpValue
from netmap.model import ResolvedCredential

Varbinds = list[tuple[str, SnmpValue | ber.ExceptionValue | None]]
Answer = tuple[int, int, Varbinds]  # error-status, error-index, varbinds

# error-status values (RFC 3416)
_TOO_BIG = 1
_NO_SUCH_NAME = 2  # v1: the OID does not exist / end of MIB on GETNEXT
_ERROR_NAMES = {
    1: "tooBig", 2: "noSuchName", 3: "badValue", 4: "readOnly", 5: "genErr", 6: "noAccess",
    7: "wrongType", 8: "wrongLength", 9: "wrongEncoding", 10: "wrongValue", 11: "noCreation",
    12: "inconsistentValue", 13: "resourceUnavailable", 14: "commitFailed", 15: "undoFailed",
    16: "authorizationError", 17: "notWritable", 18: "inconsistentName",
}
_GET_BATCH = 16  # varbinds per GET; agents with small buffers answer tooBig and we split
_NEXT_BATCH = 40  # varbinds per table-presence GETNEXT

# Which getter a request serves: collect() sets it per getter task, so warnings (truncated walks,
# agent errors) can be reported against the getter that hit them even when getters overlap.
current_getter: contextvars.ContextVar[str] = contextvars.ContextVar("snmp_getter", default="")


@dataclass(frozen=True)
class SessionOptions:
    timeout: float = 1.0  # seconds per request attempt
    retries: int = 1  # extra attempts after a timeout
    max_repetitions: int = 25  # GETBULK ceiling per column (net-snmp's snmpbulkwalk default: 10)
    bulk_varbinds: int = 50  # varbinds asked per GETBULK when several columns walk together
    first_repetitions: int = 5  # GETBULK size of a walk with no row-count hint yet: most tables
    # of an edge agent are short (its addresses, neighbours, routes), and doubling reaches 25 rows
    # per request by the fourth request of a long one (over 150 recorded agents a start of 10
    # asked 4 % more varbinds; a start of 3 took 12 % more GETBULKs)
    walk_timeout: float = 30.0  # a single table walk never takes longer than this
    max_rows: int = DEFAULT_MAX_ROWS  # hard cap per walk, whatever the caller asks
    dead_after: int = 2  # consecutive timed-out requests before the session fails fast
    parallel: int = 4  # requests in flight to one agent


class SnmpTimeout(SnmpError):
    """No answer within timeout x (retries + 1)."""


class _Transport(Protocol):
    version: str

    async def request(self, pdu: int, oid_list: Sequence[str], reps: int) -> Answer:
        """Send one PDU, return (error-status, error-index, varbinds) or raise SnmpError."""
        ...

    def close(self) -> None: ...


# ---------------------------------------------------------------------------------------------
# v1 / v2c: own codec over an asyncio datagram endpoint
# ---------------------------------------------------------------------------------------------


class _Datagrams(asyncio.DatagramProtocol):
    """Routes responses to the waiting request by request-id; drops anything else."""

    def __init__(self, version: int, community: bytes) -> None:
        self.version = version
        self.community = community
        self.pending: dict[int, asyncio.Future[ber.Response]] = {}
        self.dropped = 0  # malformed / unexpected datagrams (a hostile agent's noise)

    def datagram_received(self, data: bytes, addr: Any) -> None:
        try:
            version, community, response = ber.decode_response(data)
        except (ber.BerError, ValueError):
            self.dropped += 1
            return
        fut = self.pending.get(response.request_id)
        if fut is None or fut.done() or version != self.version or community != self.community:
            self.dropped += 1
            return
        fut.set_result(response)

    def error_received(self, exc: Exception) -> None:
        # ICMP port unreachable on a connected socket: nobody listens, fail now instead of waiting
        for fut in self.pending.values():
            if not fut.done():
                fut.set_exception(SnmpError(f"port unreachable ({exc.__class__.__name__})"))


class _CommunityTransport:
    def __init__(
        self, host: str, port: int, cred: ResolvedCredential, opts: SessionOptions
    ) -> None:
        if cred.community is None:
            raise SnmpError(f"credential {cred.name!r}: v{cred.version} needs a community")
        self.version: str = cred.version
        community = cred.community.get_secret_value().encode()
        self._proto = _Datagrams(0 if cred.version == "1" else 1, community)
        self._host, self._port, self._opts = host, port, opts
        self._ids = itertools.count(random.randrange(1, 1 << 30))
        self._sock: asyncio.DatagramTransport | None = None
        self.resends = 0  # requests sent again after a timeout (a sign of loss or overload)

    async def _open(self) -> asyncio.DatagramTransport:
        if self._sock is None:
            loop = asyncio.get_running_loop()
            try:
                sock, _ = await loop.create_datagram_endpoint(
                    lambda: self._proto, remote_addr=(self._host, self._port)
                )
            except OSError as exc:
                where = f"{self._host}:{self._port}"
                raise SnmpError(f"cannot open UDP socket to {where}: {exc.strerror}") from None
            self._sock = sock
        return self._sock

    async def request(self, pdu: int, oid_list: Sequence[str], reps: int) -> Answer:
        sock = await self._open()
        rid = next(self._ids) & 0x7FFFFFFF
        message = ber.encode_request(
            self._proto.version, self._proto.community, pdu, rid, list(oid_list),
            0, reps if pdu == ber.GETBULK else 0,
        )
        fut: asyncio.Future[ber.Response] = asyncio.get_running_loop().create_future()
        self._proto.pending[rid] = fut
        try:
            for attempt in range(self._opts.retries + 1):
                self.resends += attempt > 0
                sock.sendto(message)
                try:
                    # shield: a timed-out attempt must not cancel the future a late answer fills
                    response = await asyncio.wait_for(asyncio.shield(fut), self._opts.timeout)
                except TimeoutError:
                    continue
                return response.error_status, response.error_index, response.varbinds
        finally:
            self._proto.pending.pop(rid, None)
            if not fut.done():
                fut.cancel()
        raise SnmpTimeout(_timeout_text(self._opts))

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def _timeout_text(opts: SessionOptions) -> str:
    return f"no response (timeout {opts.timeout:g} s x {opts.retries + 1} attempts)"


# ---------------------------------------------------------------------------------------------
# v3: pysnmp v3arch (USM)
# ---------------------------------------------------------------------------------------------

_AUTH = {
    "none": "USM_AUTH_NONE",
    "md5": "USM_AUTH_HMAC96_MD5",
    "sha": "USM_AUTH_HMAC96_SHA",
    "sha224": "USM_AUTH_HMAC128_SHA224",
    "sha256": "USM_AUTH_HMAC192_SHA256",
    "sha384": "USM_AUTH_HMAC256_SHA384",
    "sha512": "USM_AUTH_HMAC384_SHA512",
}
_PRIV = {
    "none": "USM_PRIV_NONE",
    "des": "USM_PRIV_CBC56_DES",
    "3des": "USM_PRIV_CBC168_3DES",
    "aes128": "USM_PRIV_CFB128_AES",
    "aes192": "USM_PRIV_CFB192_AES",
    "aes256": "USM_PRIV_CFB256_AES",
}
_V3_ERRORS = {
    "RequestTimedOut": None,  # -> SnmpTimeout
    "UnknownUserName": "SNMPv3 user unknown to the agent",
    "WrongDigest": "SNMPv3 authentication failed (wrong auth key or auth protocol)",
    "AuthenticationFailure": "SNMPv3 authentication failed (wrong auth key or auth protocol)",
    "DecryptionError": "SNMPv3 decryption failed (wrong privacy key or privacy protocol)",
    "UnsupportedSecurityLevel": "SNMPv3 security level not supported for this user by the agent",
    "NotInTimeWindow": "SNMPv3 agent clock out of the time window",
    "UnknownEngineID": "SNMPv3 engine ID discovery failed",
}


class _UsmTransport:
    version = "3"

    def __init__(
        self, host: str, port: int, cred: ResolvedCredential, opts: SessionOptions
    ) -> None:
        from pysnmp.hlapi.v3arch import asyncio as hl

        if not cred.user:
            raise SnmpError(f"credential {cred.name!r}: SNMPv3 needs a user")
        if (cred.auth_protocol == "none") != (cred.auth_key is None):
            raise SnmpError(f"credential {cred.name!r}: auth protocol and auth key go together")
        if (cred.priv_protocol == "none") != (cred.priv_key is None):
            raise SnmpError(f"credential {cred.name!r}: privacy protocol and key go together")
        if cred.priv_protocol != "none" and cred.auth_protocol == "none":
            raise SnmpError(f"credential {cred.name!r}: privacy needs authentication (authPriv)")
        self._hl = hl
        self._host, self._port, self._opts = host, port, opts
        self._engine = hl.SnmpEngine()
        self._auth = hl.UsmUserData(
            cred.user,
            authKey=cred.auth_key.get_secret_value() if cred.auth_key else None,
            privKey=cred.priv_key.get_secret_value() if cred.priv_key else None,
            authProtocol=getattr(hl, _AUTH[cred.auth_protocol]),
            privProtocol=getattr(hl, _PRIV[cred.priv_protocol]),
        )
        self._context = hl.ContextData(contextName=(cred.context or "").encode())
        self._target: Any = None

    async def request(self, pdu: int, oid_list: Sequence[str], reps: int) -> Answer:
        hl = self._hl
        if self._target is None:
            kind = hl.Udp6TransportTarget if ":" in self._host else hl.UdpTransportTarget
            try:
                self._target = await kind.create(
                    (self._host, self._port), timeout=self._opts.timeout, retries=self._opts.retries
                )
            except Exception as exc:  # pysnmp wraps resolver errors in PySnmpError
                raise SnmpError(f"bad address {self._host}:{self._port}: {exc}") from None
        vbs = [hl.ObjectType(hl.ObjectIdentity(o)) for o in oid_list]
        args = (self._engine, self._auth, self._target, self._context)
        try:
            if pdu == ber.GET:
                ei, es, ix, out = await hl.get_cmd(*args, *vbs, lookupMib=False)
            elif pdu == ber.GETNEXT:
                ei, es, ix, out = await hl.next_cmd(*args, *vbs, lookupMib=False)
            else:
                ei, es, ix, out = await hl.bulk_cmd(*args, 0, reps, *vbs, lookupMib=False)
        except SnmpError:
            raise
        except Exception as exc:  # pysnmp raises for malformed answers / local config errors
            raise SnmpError(f"SNMPv3 request failed: {exc.__class__.__name__}: {exc}") from None
        if ei:
            name = ei.__class__.__name__
            if name == "RequestTimedOut":
                raise SnmpTimeout(_timeout_text(self._opts))
            raise SnmpError(_V3_ERRORS.get(name) or f"SNMPv3 error: {ei}")
        return int(es), int(ix), [(str(vb[0]), _from_pysnmp(vb[1])) for vb in out]

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing twice or before use is harmless
            self._engine.close_dispatcher()


def _from_pysnmp(value: Any) -> SnmpValue | ber.ExceptionValue | None:
    """pysnmp/pyasn1 value -> the Walker value types (the same the BER codec produces)."""
    from pyasn1.type import univ
    from pysnmp.proto import rfc1902, rfc1905

    if isinstance(value, rfc1905.EndOfMibView):
        return ber.ExceptionValue(ber.END_OF_MIB_VIEW)
    if isinstance(value, rfc1905.NoSuchObject):
        return ber.ExceptionValue(ber.NO_SUCH_OBJECT)
    if isinstance(value, rfc1905.NoSuchInstance):
        return ber.ExceptionValue(ber.NO_SUCH_INSTANCE)
    if isinstance(value, rfc1902.IpAddress):  # an OctetString subclass: test it first
        raw = value.asOctets()
        return IPv4Address(raw) if len(raw) == 4 else raw
    if isinstance(value, univ.ObjectIdentifier):
        return Oid(".".join(str(arc) for arc in value.asTuple()))
    if isinstance(value, univ.Integer):
        return int(value)
    if isinstance(value, univ.OctetString):
        return bytes(value.asOctets())
    return None


# ---------------------------------------------------------------------------------------------
# The session: GET / WALK on top of a transport
# ---------------------------------------------------------------------------------------------


def _key(oid: str) -> tuple[int, ...]:
    return tuple(int(arc) for arc in oid.split("."))


@dataclass
class _Stats:
    requests: int = 0
    varbinds: int = 0  # in the answers, overshoot included: what the agent had to look up
    rows: int = 0
    timeouts: int = 0
    warnings: dict[str, list[str]] = field(default_factory=dict)  # getter -> messages


class SnmpSession:
    """A :class:`Walker` over one agent with one credential. Use :func:`open_session`."""

    def __init__(
        self, host: str, port: int, cred: ResolvedCredential, opts: SessionOptions | None = None
    ) -> None:
        self.host, self.port = host, port
        self._cred = cred  # kept in memory only, for the per-VLAN sessions
        self._children: dict[int, SnmpSession] = {}
        self.credential = cred.name
        self.version = cred.version
        self.opts = opts or SessionOptions()
        transport: _Transport
        if cred.version == "3":
            transport = _UsmTransport(host, port, cred, self.opts)
        else:
            transport = _CommunityTransport(host, port, cred, self.opts)
        self._transport = transport
        self.stats = _Stats()
        self._row_hints: dict[str, int] = {}  # table entry OID -> rows seen in a column of it
        self._slots = asyncio.Semaphore(self.opts.parallel)
        self._consecutive_timeouts = 0
        self._dead: str | None = None
        self.probe_answer: dict[str, SnmpValue] | None = None  # what open_session's GET returned

    def __repr__(self) -> str:  # never the secret
        where = f"{self.host}:{self.port}"
        return f"SnmpSession({where}, credential={self.credential!r}, v{self.version})"

    def __enter__(self) -> SnmpSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for child in self._children.values():
            child.close()
        self._transport.close()

    def in_vlan(self, vlan: int) -> SnmpSession:
        """A session on the agent's BRIDGE-MIB instance of one VLAN, as Cisco indexes it:
        community "<community>@<vlan>" (v1/v2c) or SNMPv3 context "vlan-<vlan>". It shares this
        session's request slots and counters, and closes with it."""
        if vlan not in self._children:
            cred = self._cred
            if cred.version == "3":
                cred = cred.model_copy(update={"context": f"vlan-{vlan}"})
            elif cred.community is not None:
                community = f"{cred.community.get_secret_value()}@{vlan}"
                cred = cred.model_copy(update={"community": SecretStr(community)})
            child = SnmpSession(self.host, self.port, cred, self.opts)
            child.stats, child._slots = self.stats, self._slots
            self._children[vlan] = child
        return self._children[vlan]

    @property
    def resends(self) -> int:
        """Requests sent again after a timeout (v1/v2c transport only)."""
        return int(getattr(self._transport, "resends", 0))

    def warn(self, message: str) -> None:
        self.stats.warnings.setdefault(current_getter.get(), []).append(message)

    async def _request(self, pdu: int, oid_list: Sequence[str], reps: int = 0) -> Answer:
        if self._dead:
            raise SnmpError(self._dead)
        async with self._slots:
            self.stats.requests += 1
            try:
                result = await self._transport.request(pdu, oid_list, reps)
            except SnmpTimeout as exc:
                self.stats.timeouts += 1
                self._consecutive_timeouts += 1
                if self._consecutive_timeouts >= self.opts.dead_after:
                    self._dead = f"agent stopped answering: {exc}"
                raise
        self._consecutive_timeouts = 0
        self.stats.varbinds += len(result[2])
        return result

    # --- GET ---------------------------------------------------------------------------------

    async def get(self, oids_: Sequence[str]) -> dict[str, SnmpValue]:
        found: dict[str, SnmpValue] = {}
        batches = [list(oids_[i : i + _GET_BATCH]) for i in range(0, len(oids_), _GET_BATCH)]
        for batch in batches:
            found.update(await self._get_batch(batch, depth=0))
        self.learn_rows(found)
        return found

    def learn_rows(self, answer: Mapping[str, SnmpValue]) -> None:
        """A scalar that counts a table's rows (oids.ROW_COUNTS: ifNumber for ifTable and
        ifXTable) becomes the row hint of that table: its walk asks for just those rows, plus
        one to see the end."""
        for counter, entries in oids.ROW_COUNTS.items():
            count = answer.get(oids.scalar(counter))
            if isinstance(count, int) and 0 <= count <= self.opts.max_rows:
                for entry in entries:
                    self._row_hints.setdefault(entry, count)

    async def _get_batch(self, batch: list[str], depth: int) -> dict[str, SnmpValue]:
        found: dict[str, SnmpValue] = {}
        while batch:
            status, index, varbinds = await self._request(ber.GET, batch)
            if status == _NO_SUCH_NAME and 1 <= index <= len(batch):
                # v1: one missing OID fails the whole PDU; drop it and ask again (bounded by len)
                batch = batch[: index - 1] + batch[index:]
                continue
            if status == _TOO_BIG and len(batch) > 1 and depth < 8:
                half = len(batch) // 2
                found.update(await self._get_batch(batch[:half], depth + 1))
                found.update(await self._get_batch(batch[half:], depth + 1))
                return found
            if status:
                self.warn(f"GET {batch[0]}...: agent error {_ERROR_NAMES.get(status, status)}")
                return found
            for oid, value in varbinds:
                if value is not None and not isinstance(value, ber.ExceptionValue):
                    found[oid] = value
            return found
        return found

    # --- WALK --------------------------------------------------------------------------------

    def _first_reps(self, hint: int | None) -> int:
        """GETBULK size for the first request: the table's known row count + 1, so a column of
        a known table usually takes one request and overshoots by one row."""
        if hint is None:
            return self.opts.first_repetitions
        return max(1, min(hint + 1, self.opts.max_repetitions))

    async def walk(self, oid: str, max_rows: int = DEFAULT_MAX_ROWS) -> list[tuple[str, SnmpValue]]:
        return (await self.walk_columns([oid], max_rows))[oid.strip(".")]

    async def walk_columns(
        self, columns: Sequence[str], max_rows: int = DEFAULT_MAX_ROWS
    ) -> dict[str, list[tuple[str, SnmpValue]]]:
        """Walk several subtrees side by side: one GETBULK carries a cursor for each unfinished
        column (a table in a few requests instead of one walk per column). Same stopping rules
        as :meth:`walk`, applied per column."""
        walks = [_Walk(c.strip(".")) for c in dict.fromkeys(columns)]
        cap = max(0, min(max_rows, self.opts.max_rows))
        hint = self._row_hints.get(walks[0].oid.rsplit(".", 1)[0])  # a sibling's or ifNumber's
        reps = self._first_reps(hint)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.opts.walk_timeout
        while True:
            active = [w for w in walks if not w.done and len(w.rows) < cap]
            if not active:
                break
            if loop.time() > deadline:
                took = f"{self.opts.walk_timeout:g} s"
                for w in active:
                    self.warn(f"walk {w.oid}: stopped after {took}, {len(w.rows)} rows")
                break
            per_column = max(1, min(reps, self.opts.bulk_varbinds // len(active)))
            longest = max(len(w.rows) for w in active)
            if hint is not None and longest <= hint:
                # the rows left by a sibling column's (or ifNumber's) count, and one more to see
                # the end: no request overshoots a known table by a whole repetition
                per_column = min(per_column, hint - longest + 1)
            else:
                hint = None  # the table holds more than the count said: back to doubling
            per_column = min(per_column, cap - longest + 1)
            try:
                status, index, varbinds = await self._request(
                    ber.GETBULK if self.version != "1" else ber.GETNEXT,
                    [w.cursor for w in active], per_column,
                )
            except SnmpError as exc:
                if not any(w.rows for w in walks):
                    raise
                for w in active:
                    self.warn(f"walk {w.oid}: stopped after {len(w.rows)} rows: {exc}")
                break
            if status == _TOO_BIG and reps > 1:
                reps = max(1, per_column // 2)
                continue
            if status == _NO_SUCH_NAME and self.version == "1" and 1 <= index <= len(active):
                active[index - 1].done = True  # v1: this column ran off the end of the MIB
                continue
            if status:
                for w in active:
                    self.warn(f"walk {w.oid}: agent error {_ERROR_NAMES.get(status, status)}")
                break
            if not varbinds:
                break
            for position, (name, value) in enumerate(varbinds):
                problem = active[position % len(active)].take(name, value, cap)
                if problem:
                    self.warn(problem)
            reps = min(reps * 2, self.opts.max_repetitions)
        out: dict[str, list[tuple[str, SnmpValue]]] = {}
        for w in walks:
            if len(w.rows) >= cap and not w.done and cap == self.opts.max_rows:
                self.warn(f"walk {w.oid}: capped at {cap} rows")
            if w.done:
                entry = w.oid.rsplit(".", 1)[0]
                self._row_hints[entry] = max(self._row_hints.get(entry, 0), len(w.rows))
            self.stats.rows += len(w.rows)
            out[w.oid] = w.rows
        return out

    async def next_oids(self, oid_list: Sequence[str]) -> dict[str, str | None]:
        """GETNEXT of each OID (batched): the OID that follows it, None past the end of the MIB.

        One request tells which of many tables exist, so absent MIBs cost nothing more."""
        out: dict[str, str | None] = {}
        pending = [o.strip(".") for o in dict.fromkeys(oid_list)]
        for _ in range(len(pending) + 8):  # bounded: each round finishes a batch or drops an OID
            if not pending:
                break
            batch = pending[:_NEXT_BATCH]
            status, index, varbinds = await self._request(ber.GETNEXT, batch)
            if status == _NO_SUCH_NAME and 1 <= index <= len(batch):  # v1 end of MIB
                out[batch[index - 1]] = None
                pending.remove(batch[index - 1])
                continue
            if status or len(varbinds) != len(batch):
                raise SnmpError(f"GETNEXT: agent error {_ERROR_NAMES.get(status, status)}")
            for asked, (name, value) in zip(batch, varbinds, strict=True):
                out[asked] = None if isinstance(value, ber.ExceptionValue) else name
            pending = pending[len(batch) :]
        return out


class _Walk:
    """The state of one column inside :meth:`SnmpSession.walk_columns`."""

    __slots__ = ("cursor", "done", "last", "oid", "prefix", "rows")

    def __init__(self, oid: str) -> None:
        self.oid = self.cursor = oid
        self.prefix = oid + "."
        self.last = _key(oid)
        self.rows: list[tuple[str, SnmpValue]] = []
        self.done = False

    def take(self, name: str, value: SnmpValue | ber.ExceptionValue | None, cap: int) -> str | None:
        """Add one varbind of this column; returns a warning if the agent misbehaved."""
        if self.done or len(self.rows) >= cap:
            return None  # later repetitions of a finished column: the next table's rows
        if isinstance(value, ber.ExceptionValue) or not name.startswith(self.prefix):
            self.done = True  # endOfMibView, or past the end of the subtree
            return None
        key = _key(name)
        if key <= self.last:
            self.done = True
            return f"walk {self.oid}: agent returned a non-increasing OID {name}, stopped"
        self.last, self.cursor = key, name
        if value is not None:
            self.rows.append((name, value))
        return None


# ---------------------------------------------------------------------------------------------
# Opening a session: the first credential (in the given order) that answers wins
# ---------------------------------------------------------------------------------------------


def _label(cred: ResolvedCredential) -> str:
    return f"{cred.name} (v{cred.version})"


async def _try(
    host: str, port: int, cred: ResolvedCredential, opts: SessionOptions, probe: Sequence[str]
) -> SnmpSession:
    session = SnmpSession(host, port, cred, opts)
    try:
        status, _index, varbinds = await session._request(ber.GET, list(probe))
    except BaseException:
        session.close()
        raise
    if status and status != _NO_SUCH_NAME:
        session.close()
        raise SnmpError(f"agent error {_ERROR_NAMES.get(status, status)}")
    if not status:  # the answer is worth keeping: the facts getter asks the same scalars
        session.probe_answer = {
            o: v for o, v in varbinds if v is not None and not isinstance(v, ber.ExceptionValue)
        }
        session.learn_rows(session.probe_answer)
    return session


async def open_session(
    host: str,
    creds: Sequence[ResolvedCredential],
    port: int = 161,
    opts: SessionOptions | None = None,
    probe: Sequence[str] = (oids.scalar(oids.SYS_OBJECT_ID),),
) -> SnmpSession:
    """Try each credential with a GET of `probe` (sysObjectID.0); the first in *list order*
    that answers wins (probes run in parallel, so wrong communities cost one timeout, not one
    each). The answer is kept in ``session.probe_answer``.

    Raises SnmpError naming each credential and why it failed (never the secret)."""
    opts = opts or SessionOptions()
    if not creds:
        raise SnmpError("no SNMP credentials given")
    tasks = [asyncio.create_task(_try(host, port, c, opts, probe)) for c in creds]
    failures: list[str] = []
    winner: SnmpSession | None = None
    try:
        for cred, task in zip(creds, tasks, strict=True):
            try:
                winner = await task
            except SnmpError as exc:
                failures.append(f"{_label(cred)}: {exc}")
                continue
            return winner
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()  # _try closes its session on cancellation
        await asyncio.gather(*tasks, return_exceptions=True)
        for task in tasks:  # sessions that answered but lost to an earlier credential
            if not task.cancelled() and task.exception() is None and task.result() is not winner:
                task.result().close()
    raise SnmpError(f"no SNMP answer from {host}:{port}: " + "; ".join(failures))
