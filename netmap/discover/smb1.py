"""SMB version 1 (TCP 445): whether a file server still accepts it, and the NTLM offer and OS
names it gives before anyone signs in.

SMB1 is what Windows XP and Server 2003, and old NAS boxes, speak; newer Windows turns it off
(a server that accepts it is a finding: the protocol WannaCry spread over). The client offers
only the "NT LM 0.12" dialect with extended security (MS-SMB 2.2.4.5), then a
SESSION_SETUP_ANDX (2.2.4.6) carrying the same SPNEGO NTLM NEGOTIATE SMB2 sends. The answer's
security blob holds the NTLM CHALLENGE, and its NativeOS and NativeLanMan strings name the
server's OS ("Windows 5.1", "Windows Server 2003 3790 Service Pack 2"; Samba: "Unix"). netmap
stops there: no credential is sent and no sign-in is completed.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Callable

from netmap.discover.ntlm import find_challenge
from netmap.discover.smb import SMB_PORT, frame, read_message, spnego_negotiate
from netmap.discover.tcpask import probe_each
from netmap.model import NtlmObs

DIALECT = b"\x02NT LM 0.12\x00"
_NEGOTIATE, _SESSION_SETUP = 0x72, 0x73
_MORE_PROCESSING_REQUIRED = 0xC0000016
_REPLY = 0x80  # SMB_FLAGS_REPLY
# SMB_FLAGS2: Unicode, NT status codes, extended security, long names
_FLAGS2 = 0x8000 | 0x4000 | 0x0800 | 0x0040 | 0x0001
_CAP_EXTENDED_SECURITY = 0x80000000
_CAPABILITIES = _CAP_EXTENDED_SECURITY | 0x40 | 0x10 | 0x04  # + NT status, NT SMBs, Unicode
_SIGNING_REQUIRED = 0x08  # SecurityMode
MAX_TEXT = 128  # characters of a NativeOS / NativeLanMan string kept


def _header(command: int, mid: int) -> bytes:
    """An SMB1 header (MS-CIFS 2.2.3.1): no tree, no user yet."""
    return struct.pack("<4sBIBHH8sHHHHH", b"\xffSMB", command, 0, 0x18, _FLAGS2, 0, bytes(8),
                       0, 0, 0xFEFF, 0, mid)


def negotiate_request() -> bytes:
    return frame(_header(_NEGOTIATE, 1) + b"\x00" + struct.pack("<H", len(DIALECT)) + DIALECT)


def session_setup_request() -> bytes:
    """SESSION_SETUP_ANDX with extended security: the SPNEGO NTLM NEGOTIATE, then empty
    NativeOS and NativeLanMan (Unicode, aligned to two bytes)."""
    blob = spnego_negotiate()
    words = struct.pack("<BBHHHHIHII", 0xFF, 0, 0, 4356, 2, 1, 0, len(blob), 0, _CAPABILITIES)
    pad = b"\x00" * ((32 + 1 + len(words) + 2 + len(blob)) % 2)
    data = blob + pad + b"\x00\x00" * 2
    return frame(_header(_SESSION_SETUP, 2) + bytes([len(words) // 2]) + words
                  + struct.pack("<H", len(data)) + data)


def _smb1(message: bytes, command: int) -> tuple[int, bytes, bytes] | None:
    """(status, parameter words, data bytes) of an SMB1 response to `command`."""
    if len(message) < 35 or message[:4] != b"\xffSMB" or message[4] != command:
        return None
    if not message[9] & _REPLY:
        return None
    status = struct.unpack_from("<I", message, 5)[0]
    count = message[32]
    words = message[33:33 + 2 * count]
    at = 33 + 2 * count
    if len(words) < 2 * count or len(message) < at + 2:
        return None
    size = struct.unpack_from("<H", message, at)[0]
    return status, words, message[at + 2:at + 2 + size]


def read_negotiate(message: bytes) -> tuple[bool, bool] | None:
    """(extended security, signing required) where the server accepted NT LM 0.12; None
    where it refused it (SMB1 off) or answered anything else."""
    got = _smb1(message, _NEGOTIATE)
    if got is None or got[0] != 0 or len(got[1]) != 34:
        return None
    index, mode = struct.unpack_from("<HB", got[1], 0)
    capabilities = struct.unpack_from("<I", got[1], 19)[0]
    if index != 0:
        return None
    return bool(capabilities & _CAP_EXTENDED_SECURITY), bool(mode & _SIGNING_REQUIRED)


def read_session(message: bytes) -> tuple[bytes | None, str | None, str | None] | None:
    """(NTLM CHALLENGE, NativeOS, NativeLanMan) of a SESSION_SETUP_ANDX response."""
    got = _smb1(message, _SESSION_SETUP)
    if got is None or got[0] != _MORE_PROCESSING_REQUIRED or len(got[1]) != 8:
        return None
    blob_size = struct.unpack_from("<H", got[1], 6)[0]
    data = got[2]
    blob = data[:blob_size]
    # the strings are Unicode, aligned on two bytes from the SMB header's start
    start = 33 + len(got[1]) + 2 + blob_size
    rest = data[blob_size + start % 2:]
    texts = _strings(rest)
    return find_challenge(blob), texts[0], texts[1]


def _strings(data: bytes) -> list[str | None]:
    """The first two NUL-terminated UTF-16LE strings of `data` (None where missing)."""
    out: list[str | None] = []
    at = 0
    for _ in range(2):
        end = next((i for i in range(at, len(data) - 1, 2) if data[i:i + 2] == b"\x00\x00"), None)
        out.append(_text(data[at:end]) if end is not None else None)
        at = end + 2 if end is not None else len(data)
    return out


def _text(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-16-le").strip()
    except UnicodeDecodeError:
        return None
    return text[:MAX_TEXT] if text and text.isprintable() else None


async def _talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, ip: str,
                port: int) -> NtlmObs | None:  # fmt: skip
    """NEGOTIATE offering only NT LM 0.12, then SESSION_SETUP_ANDX; None where SMB1 is off."""
    writer.write(negotiate_request())
    accepted = read_negotiate(await read_message(reader) or b"")
    if accepted is None:
        return None
    extended, signing = accepted
    found = None
    if extended:
        writer.write(session_setup_request())
        found = read_session(await read_message(reader) or b"")
    challenge, native_os, lanman = found or (None, None, None)
    return NtlmObs(target=ip, ip=ip, service="smb1", port=port, signing_required=signing,
                   challenge=challenge.hex() if challenge else None, native_os=native_os,
                   native_lanman=lanman)


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = SMB_PORT) -> list[NtlmObs]:  # fmt: skip
    """One observation per in-scope target that accepted an SMB1 negotiation."""
    return probe_each(ips, in_scope, port, _talk)
