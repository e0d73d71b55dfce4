"""What SMB2 and Remote Desktop share to ask a server for its NTLM CHALLENGE: the NTLM NEGOTIATE
message (MS-NLMP 2.2.1.1), finding the CHALLENGE in what the server sends back, and asking many
servers at once is discover/tcpask.py's.

The NEGOTIATE names no user, no domain and no workstation, and netmap never answers the
CHALLENGE: no credential is ever sent and no sign-in is completed."""

from __future__ import annotations

import struct

NTLMSSP = b"NTLMSSP\x00"
MAX_CHALLENGE = 2048
# NEGOTIATE flags (MS-NLMP 2.2.2.5): Unicode and OEM, request the target's name, NTLM, always
# sign, extended session security, version, 128- and 56-bit, key exchange: what Windows itself
# sends, so a server answers as it answers Windows.
_FLAGS = 0xE2088207


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
