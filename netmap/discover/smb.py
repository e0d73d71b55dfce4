"""SMB2 sign-in offer (TCP 445): the names and the Windows version a file server gives before
anyone signs in.

A Windows computer with file sharing on, and every Samba server, answers an SMB2 NEGOTIATE,
then a SESSION_SETUP that carries an NTLM NEGOTIATE message (MS-SMB2 3.3.5.4, 3.3.5.5), with
an NTLM CHALLENGE (MS-NLMP 2.2.1.2). The CHALLENGE names the computer and its domain in NetBIOS
and DNS form and, on Windows, carries the OS's version and build. nmap's `smb-os-discovery`
and `rdp-ntlm-info` read the same message. netmap stops there: it never answers the
challenge, so no credential is sent and no session is made.

The dialects offered are 2.0.2 to 3.0.2: 3.1.1 needs negotiate contexts, and a server that
speaks 3.1.1 also speaks 3.0.2 unless it was hardened to refuse it. An SMB1-only server (a
Windows XP, an old NAS) does not answer an SMB2 negotiation and is left out.

What is stored is the dialect, whether the server requires signing, and the CHALLENGE message
as received; what it means is identification's business (infer/identify/smb.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
import uuid
from collections.abc import Callable

from netmap.model import SmbObs

SMB_PORT = 445
CONNECT_S, READ_S = 2.0, 1.5  # a LAN server answers in milliseconds; a silent listener costs READ_S
CONCURRENCY = 32
MAX_MESSAGE = 64 * 1024  # an answer to these two requests is a few hundred bytes
MAX_CHALLENGE = 2048
DIALECTS = (0x0202, 0x0210, 0x0300, 0x0302)
DIALECT_NAMES = {0x0202: "2.0.2", 0x0210: "2.1", 0x0300: "3.0", 0x0302: "3.0.2"}
_NEGOTIATE, _SESSION_SETUP = 0x0000, 0x0001
_MORE_PROCESSING_REQUIRED = 0xC0000016
_SIGNING_REQUIRED = 0x0002
NTLMSSP = b"NTLMSSP\x00"
# NTLM NEGOTIATE flags (MS-NLMP 2.2.2.5): Unicode and OEM, request the target's name, NTLM,
# always sign, extended session security, version, 128- and 56-bit, key exchange: what
# Windows itself sends, so a server answers as it answers Windows.
_NTLM_FLAGS = 0xE2088207
_SPNEGO_OID = bytes.fromhex("2b0601050502")  # 1.3.6.1.5.5.2
_NTLMSSP_OID = bytes.fromhex("2b06010401823702020a")  # 1.3.6.1.4.1.311.2.2.10


def _der(tag: int, body: bytes) -> bytes:
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(octets)]) + octets + body


def _header(command: int, message_id: int) -> bytes:
    """An SMB2 sync header (MS-SMB2 2.2.1.2), asking for one credit."""
    return b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ16s", 64, 0, 0, command, 1, 0, 0, message_id,
                                    0, 0, 0, bytes(16))


def _frame(message: bytes) -> bytes:
    """Direct TCP transport (MS-SMB2 2.1): a zero byte and a 24-bit length."""
    return struct.pack(">I", len(message)) + message


def negotiate_request() -> bytes:
    body = struct.pack("<HHHHI16sQ", 36, len(DIALECTS), 1, 0, 0, uuid.uuid4().bytes, 0)
    return _frame(_header(_NEGOTIATE, 0) + body + b"".join(struct.pack("<H", d) for d in DIALECTS))


def session_setup_request() -> bytes:
    """A SESSION_SETUP whose security buffer is a SPNEGO NegTokenInit offering NTLM, with an
    NTLM NEGOTIATE message that names no user and no domain."""
    ntlm = NTLMSSP + struct.pack("<II", 1, _NTLM_FLAGS) + bytes(16) + bytes(8)
    mech_types = _der(0xA0, _der(0x30, _der(0x06, _NTLMSSP_OID)))
    init = _der(0xA0, _der(0x30, mech_types + _der(0xA2, _der(0x04, ntlm))))
    token = _der(0x60, _der(0x06, _SPNEGO_OID) + init)
    body = struct.pack("<HBBIIHHQ", 25, 0, 1, 0, 0, 64 + 24, len(token), 0)
    return _frame(_header(_SESSION_SETUP, 1) + body + token)


def _smb2(message: bytes, command: int) -> tuple[int, bytes] | None:
    """(status, body) of an SMB2 response to `command`; None for anything else."""
    if len(message) < 64 or message[:4] != b"\xfeSMB":
        return None
    status, cmd, flags = struct.unpack_from("<IHxxI", message, 8)
    if cmd != command or not flags & 1:  # SMB2_FLAGS_SERVER_TO_REDIR: a response
        return None
    return status, message[64:]


def read_negotiate(message: bytes) -> tuple[int, bool] | None:
    """(dialect, signing required) of a successful NEGOTIATE response; None otherwise."""
    got = _smb2(message, _NEGOTIATE)
    if got is None or got[0] != 0 or len(got[1]) < 6:
        return None
    mode, dialect = struct.unpack_from("<HH", got[1], 2)
    if dialect not in DIALECTS:
        return None
    return dialect, bool(mode & _SIGNING_REQUIRED)


def read_challenge(message: bytes) -> bytes | None:
    """The NTLM CHALLENGE message inside a SESSION_SETUP response's security buffer (under
    its SPNEGO wrapping); None when the server answered anything else."""
    got = _smb2(message, _SESSION_SETUP)
    if got is None or got[0] != _MORE_PROCESSING_REQUIRED or len(got[1]) < 8:
        return None
    offset, length = struct.unpack_from("<HH", got[1], 4)
    blob = message[offset:offset + length]
    at = blob.find(NTLMSSP + b"\x02\x00\x00\x00")
    return blob[at:at + MAX_CHALLENGE] if at >= 0 else None


async def _message(reader: asyncio.StreamReader) -> bytes | None:
    head = await asyncio.wait_for(reader.readexactly(4), READ_S)
    size = struct.unpack(">I", head)[0]
    if head[0] != 0 or size > MAX_MESSAGE:
        return None
    return await asyncio.wait_for(reader.readexactly(size), READ_S)


async def ask(ip: str, port: int = SMB_PORT) -> SmbObs | None:
    """One host's answers, or None when it does not speak SMB2 (or not to us)."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(ip, port), CONNECT_S)
    except (OSError, TimeoutError):
        return None
    try:
        writer.write(negotiate_request())
        negotiated = read_negotiate(await _message(reader) or b"")
        if negotiated is None:
            return None
        writer.write(session_setup_request())
        challenge = read_challenge(await _message(reader) or b"")
        return SmbObs(target=ip, ip=ip, port=port, dialect=negotiated[0],
                      signing_required=negotiated[1],
                      challenge=challenge.hex() if challenge else None)
    except (OSError, TimeoutError, asyncio.IncompleteReadError):
        return None
    finally:
        writer.close()
        with contextlib.suppress(OSError, TimeoutError):
            await asyncio.wait_for(writer.wait_closed(), READ_S)


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = SMB_PORT) -> list[SmbObs]:  # fmt: skip
    """One observation per target that answered an SMB2 negotiation; at most CONCURRENCY
    connections at once, each bounded by CONNECT_S and two READ_S."""
    targets = sorted({ip for ip in ips if in_scope(ip)})
    if not targets:
        return []

    async def run() -> list[SmbObs | None]:
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(ip: str) -> SmbObs | None:
            async with gate:
                return await ask(ip, port)

        return await asyncio.gather(*(one(ip) for ip in targets))

    return [ob for ob in asyncio.run(run()) if ob is not None]
