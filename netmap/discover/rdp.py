"""Remote Desktop's sign-in offer (TCP 3389): the NTLM CHALLENGE a Windows computer with Remote
Desktop on gives before anyone signs in, where file sharing (SMB) is off.

The client asks for Network Level Authentication in its X.224 Connection Request (MS-RDPBCGR
2.2.1.1, PROTOCOL_HYBRID), the server confirms it, the two start TLS, and the client's first
CredSSP TSRequest (MS-CSSP 2.2.1) carries an NTLM NEGOTIATE that names no one. The server's
TSRequest carries its NTLM CHALLENGE, the same message SMB2 gives (discover/smb.py). nmap's
`rdp-ntlm-info` asks the same. netmap stops there: no credential is sent.

The server's certificate is not checked: nothing secret is sent, and a Remote Desktop server's
certificate is self-signed unless the city issued one.
"""

from __future__ import annotations

import asyncio
import ssl
import struct
import warnings
from collections.abc import Callable

from netmap.discover.ntlm import der, find_challenge, negotiate_message
from netmap.discover.tcpask import READ_S, probe_each, read
from netmap.model import NtlmObs

RDP_PORT = 3389
MAX_PDU = 16 * 1024
PROTOCOL_SSL, PROTOCOL_HYBRID, PROTOCOL_HYBRID_EX = 0x1, 0x2, 0x8
_NEG_RSP = 0x02
_CREDSSP_VERSION = 3


def connection_request() -> bytes:
    """TPKT + X.224 Connection Request with an RDP Negotiation Request for TLS and NLA."""
    neg = struct.pack("<BBHI", 0x01, 0, 8, PROTOCOL_SSL | PROTOCOL_HYBRID | PROTOCOL_HYBRID_EX)
    x224 = bytes([6 + len(neg), 0xE0, 0, 0, 0, 0, 0]) + neg
    return struct.pack(">BBH", 3, 0, 4 + len(x224)) + x224


def read_confirm(pdu: bytes) -> int | None:
    """The security protocol a Connection Confirm selected; None for a refusal or anything
    else (an RDP Negotiation Failure, an old server that sent no negotiation response)."""
    if len(pdu) < 7 + 8 or pdu[1] != 0xD0:
        return None
    kind, _flags, size, selected = struct.unpack_from("<BBHI", pdu, 7)
    return selected if kind == _NEG_RSP and size == 8 else None


def ts_request(token: bytes) -> bytes:
    """A CredSSP TSRequest carrying one SPNEGO-less NTLM token."""
    version = der(0xA0, der(0x02, bytes([_CREDSSP_VERSION])))
    tokens = der(0xA1, der(0x30, der(0x30, der(0xA0, der(0x04, token)))))
    return der(0x30, version + tokens)


def _tls() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():  # Windows 7 and Server 2008 R2 speak TLS 1.0 only
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


async def _tpkt(reader: asyncio.StreamReader) -> bytes | None:
    head = await read(reader, 4)
    size = struct.unpack(">H", head[2:])[0]
    if head[0] != 3 or not 4 < size <= 1024:
        return None
    return await read(reader, size - 4)


async def _der_message(reader: asyncio.StreamReader) -> bytes | None:
    """One DER SEQUENCE (a TSRequest), at most MAX_PDU bytes."""
    head = await read(reader, 2)
    if head[0] != 0x30:
        return None
    size = head[1]
    if size & 0x80:
        octets = size & 0x7F
        if not 1 <= octets <= 3:
            return None
        size = int.from_bytes(await read(reader, octets), "big")
    return await read(reader, size) if size <= MAX_PDU else None


async def _talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, ip: str,
                port: int) -> NtlmObs | None:  # fmt: skip
    """Connection Request, TLS, TSRequest; None when the server offers no NLA."""
    writer.write(connection_request())
    selected = read_confirm(await _tpkt(reader) or b"")
    if selected not in (PROTOCOL_HYBRID, PROTOCOL_HYBRID_EX):
        return None
    await asyncio.wait_for(writer.start_tls(_tls()), 2 * READ_S)
    writer.write(ts_request(negotiate_message()))
    answer = await _der_message(reader)
    challenge = find_challenge(answer) if answer else None
    return NtlmObs(target=ip, ip=ip, service="rdp", port=port,
                   challenge=challenge.hex() if challenge else None)


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = RDP_PORT) -> list[NtlmObs]:  # fmt: skip
    """One observation per in-scope target whose Remote Desktop offered NLA."""
    return probe_each(ips, in_scope, port, _talk)
