"""SMB2 sign-in offer (TCP 445): the names and the Windows version a file server gives before
anyone signs in.

A Windows computer with file sharing on, and every Samba server, answers an SMB2 NEGOTIATE,
then a SESSION_SETUP that carries an NTLM NEGOTIATE message (MS-SMB2 3.3.5.4, 3.3.5.5), with
an NTLM CHALLENGE (MS-NLMP 2.2.1.2). The CHALLENGE names the computer and its domain in NetBIOS
and DNS form and, on Windows, carries the OS's version and build. nmap's `smb-os-discovery`
and `rdp-ntlm-info` read the same message. netmap stops there: it never answers the
challenge, so no credential is sent and no sign-in is completed.

The dialects offered are 2.0.2 to 3.0.2: 3.1.1 needs negotiate contexts, and a server that
speaks 3.1.1 also speaks 3.0.2 unless it was hardened to refuse it. An SMB1-only server (a
Windows XP, an old NAS) does not answer an SMB2 negotiation and is left out.

What is stored is the dialect, whether the server requires signing, and the CHALLENGE message
as received; what it means is identification's business (infer/identify/ntlm.py).
"""

from __future__ import annotations

import asyncio
import struct
import uuid
from collections.abc import Callable

from netmap.discover.ntlm import der, find_challenge, negotiate_message
from netmap.discover.tcpask import probe_each, read
from netmap.model import NtlmObs

SMB_PORT = 445
MAX_MESSAGE = 64 * 1024  # an answer to these two requests is a few hundred bytes
DIALECTS = (0x0202, 0x0210, 0x0300, 0x0302)
DIALECT_NAMES = {0x0202: "2.0.2", 0x0210: "2.1", 0x0300: "3.0", 0x0302: "3.0.2"}
_NEGOTIATE, _SESSION_SETUP = 0x0000, 0x0001
_MORE_PROCESSING_REQUIRED = 0xC0000016
_SIGNING_REQUIRED = 0x0002
_SPNEGO_OID = bytes.fromhex("2b0601050502")  # 1.3.6.1.5.5.2
_NTLMSSP_OID = bytes.fromhex("2b06010401823702020a")  # 1.3.6.1.4.1.311.2.2.10


def _header(command: int, message_id: int) -> bytes:
    """An SMB2 sync header (MS-SMB2 2.2.1.2), asking for one credit."""
    return b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ16s", 64, 0, 0, command, 1, 0, 0, message_id,
                                    0, 0, 0, bytes(16))


def frame(message: bytes) -> bytes:
    """Direct TCP transport (MS-SMB2 2.1): a zero byte and a 24-bit length."""
    return struct.pack(">I", len(message)) + message


def negotiate_request() -> bytes:
    body = struct.pack("<HHHHI16sQ", 36, len(DIALECTS), 1, 0, 0, uuid.uuid4().bytes, 0)
    return frame(_header(_NEGOTIATE, 0) + body + b"".join(struct.pack("<H", d) for d in DIALECTS))


def spnego_negotiate() -> bytes:
    """A SPNEGO NegTokenInit offering NTLM, carrying an NTLM NEGOTIATE that names no user and
    no domain (SMB2 and SMB1 send the same)."""
    mech_types = der(0xA0, der(0x30, der(0x06, _NTLMSSP_OID)))
    init = der(0xA0, der(0x30, mech_types + der(0xA2, der(0x04, negotiate_message()))))
    return der(0x60, der(0x06, _SPNEGO_OID) + init)


def session_setup_request() -> bytes:
    """A SESSION_SETUP whose security buffer is the SPNEGO NTLM NEGOTIATE."""
    token = spnego_negotiate()
    body = struct.pack("<HBBIIHHQ", 25, 0, 1, 0, 0, 64 + 24, len(token), 0)
    return frame(_header(_SESSION_SETUP, 1) + body + token)


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
    return find_challenge(message[offset:offset + length])


async def read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One message of the direct TCP transport, at most MAX_MESSAGE bytes."""
    head = await read(reader, 4)
    size = struct.unpack(">I", head)[0]
    if head[0] != 0 or size > MAX_MESSAGE:
        return None
    return await read(reader, size)


async def _talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, ip: str,
                port: int) -> NtlmObs | None:  # fmt: skip
    """NEGOTIATE, then SESSION_SETUP; None when the server does not speak SMB2 (to us)."""
    writer.write(negotiate_request())
    negotiated = read_negotiate(await read_message(reader) or b"")
    if negotiated is None:
        return None
    writer.write(session_setup_request())
    challenge = read_challenge(await read_message(reader) or b"")
    return NtlmObs(target=ip, ip=ip, service="smb", port=port, dialect=negotiated[0],
                   signing_required=negotiated[1],
                   challenge=challenge.hex() if challenge else None)


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = SMB_PORT) -> list[NtlmObs]:  # fmt: skip
    """One observation per in-scope target that answered an SMB2 negotiation."""
    return probe_each(ips, in_scope, port, _talk)
