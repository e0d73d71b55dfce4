"""Misbehaving SNMP agents for the tests, on 127.0.0.1 only.

snmpsim serves sorted, well-formed data, so agents that loop or never answer are written here with
pysnmp's protocol API (pyasn1 messages): they run in the test's own event loop.
"""

from __future__ import annotations

import asyncio
from typing import Any

from pyasn1.codec.ber import decoder, encoder
from pysnmp.proto import api

LOOP_OID = "1.3.6.1.2.1.2.2.1.2.7"  # ifDescr.7, answered again and again


class LoopingAgent(asyncio.DatagramProtocol):
    """Answers GET with a value and every GETNEXT/GETBULK with the same OID (a broken agent
    that would make a naive walker loop forever)."""

    def __init__(self, answer_first: int | None = None) -> None:
        self.transport: asyncio.DatagramTransport | None = None
        self.requests = 0
        self.answer_first = answer_first  # then fall silent: an agent that dies mid-scan

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.requests += 1
        if self.answer_first is not None and self.requests > self.answer_first:
            return
        p_mod = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]
        try:
            message, _ = decoder.decode(data, asn1Spec=p_mod.Message())
        except Exception:
            return
        request = p_mod.apiMessage.get_pdu(message)
        response = p_mod.apiMessage.get_response(message)
        pdu = p_mod.apiMessage.get_pdu(response)
        names = [oid for oid, _ in p_mod.apiPDU.get_varbinds(request)]
        if request.isSameTypeWith(p_mod.GetRequestPDU()):
            varbinds = [(oid, p_mod.OctetString("loop agent")) for oid in names]
        else:  # GETNEXT / GETBULK: a non-increasing answer, repeated
            varbinds = [(p_mod.ObjectIdentifier(LOOP_OID), p_mod.OctetString("again"))] * 5
        p_mod.apiPDU.set_varbinds(pdu, varbinds)
        assert self.transport is not None
        self.transport.sendto(encoder.encode(response), addr)


class SilentAgent(asyncio.DatagramProtocol):
    """Reads every request and never answers (a firewall that drops, an overloaded agent)."""

    def __init__(self) -> None:
        self.requests = 0

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.requests += 1


async def serve(protocol: asyncio.DatagramProtocol) -> tuple[asyncio.DatagramTransport, int]:
    """Listen on 127.0.0.1, a free port; returns (transport, port)."""
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: protocol, local_addr=("127.0.0.1", 0)
    )
    return transport, transport.get_extra_info("sockname")[1]
