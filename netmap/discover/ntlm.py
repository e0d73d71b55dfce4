"""What SMB2 and Remote Desktop share to ask a server for its NTLM CHALLENGE: the NTLM NEGOTIATE
message (MS-NLMP 2.2.1.1), finding the CHALLENGE in what the server sends back, and asking many
servers at once, each over its own bounded TCP conversation.

The NEGOTIATE names no user, no domain and no workstation, and netmap never answers the
CHALLENGE: no credential is ever sent and no sign-in is completed."""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections.abc import Awaitable, Callable

from netmap.model import NtlmObs

NTLMSSP = b"NTLMSSP\x00"
MAX_CHALLENGE = 2048
CONNECT_S, READ_S = 2.0, 1.5  # a LAN server answers in milliseconds; a silent listener costs READ_S
CONCURRENCY = 32
# NEGOTIATE flags (MS-NLMP 2.2.2.5): Unicode and OEM, request the target's name, NTLM, always
# sign, extended session security, version, 128- and 56-bit, key exchange: what Windows itself
# sends, so a server answers as it answers Windows.
_FLAGS = 0xE2088207

Conversation = Callable[[asyncio.StreamReader, asyncio.StreamWriter, str, int],
                        Awaitable[NtlmObs | None]]


def negotiate_message() -> bytes:
    return NTLMSSP + struct.pack("<II", 1, _FLAGS) + bytes(16) + bytes(8)


def find_challenge(blob: bytes) -> bytes | None:
    """The NTLM CHALLENGE message inside a server's token (SPNEGO or CredSSP wrapping),
    size-capped; None when there is none."""
    at = blob.find(NTLMSSP + b"\x02\x00\x00\x00")
    return blob[at:at + MAX_CHALLENGE] if at >= 0 else None


def der(tag: int, body: bytes) -> bytes:
    """One DER element (definite length), for the SPNEGO and CredSSP wrappings."""
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(octets)]) + octets + body


async def read(reader: asyncio.StreamReader, size: int) -> bytes:
    return await asyncio.wait_for(reader.readexactly(size), READ_S)


async def _ask(talk: Conversation, ip: str, port: int) -> NtlmObs | None:
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(ip, port), CONNECT_S)
    except (OSError, TimeoutError):
        return None
    try:
        return await talk(reader, writer, ip, port)
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
        return None  # refused, reset, silent, cut short, or not the protocol (TLS errors too)
    finally:
        writer.close()
        with contextlib.suppress(OSError, TimeoutError):
            await asyncio.wait_for(writer.wait_closed(), READ_S)


def probe_each(ips: list[str], in_scope: Callable[[str], bool], port: int,
               talk: Conversation) -> list[NtlmObs]:  # fmt: skip
    """One observation per in-scope target whose conversation got an answer; at most
    CONCURRENCY connections at once, each bounded by CONNECT_S and READ_S per message."""
    targets = sorted({ip for ip in ips if in_scope(ip)})
    if not targets:
        return []

    async def run() -> list[NtlmObs | None]:
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(ip: str) -> NtlmObs | None:
            async with gate:
                return await _ask(talk, ip, port)

        return await asyncio.gather(*(one(ip) for ip in targets))

    return [ob for ob in asyncio.run(run()) if ob is not None]
