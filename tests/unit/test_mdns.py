"""mDNS / DNS-SD: unicast questions against the lab's own responder on 127.0.0.1, and the
reading of what a device announces (a printer, a computer sharing one, hostile answers)."""

from __future__ import annotations

import asyncio
import functools
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from netmap.discover import mdns
from netmap.infer.identify.mdns import describe, type_votes
from netmap.lab.services import mdns_response, replier
from netmap.model import DeviceType, MdnsObs, MdnsRecord
from tests.unit.loopback import free_port, serving

BROTHER = {"instance": "Brother HL-L2350DW series",
           "services": ["_ipp._tcp", "_pdl-datastream._tcp"],
           "txt": {"txtvers": "1", "ty": "Brother HL-L2350DW series",
                   "usb_MFG": "Brother", "usb_MDL": "HL-L2350DW series",
                   "product": "(Brother HL-L2350DW series)"}}  # fmt: skip


@pytest.fixture
def responder() -> Iterator[int]:
    """The lab's mDNS responder, on 127.0.0.1 only."""
    port = free_port(socket.SOCK_DGRAM)

    async def start(loop: asyncio.AbstractEventLoop) -> list[Any]:
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(mdns_response, m=BROTHER)), local_addr=("127.0.0.1", port))
        return [transport]

    with serving(start):
        yield port


def test_a_printer_announces_its_make_and_model(responder: int) -> None:
    [ob] = mdns.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=responder)
    assert {r.type for r in ob.records} >= {"PTR", "TXT"}
    found = describe(ob)
    assert found is not None and found.printer
    assert (found.vendor, found.model) == ("Brother", "HL-L2350DW")
    assert {v.type for v in type_votes(found)} == {DeviceType.PRINTER}


def test_nothing_is_asked_outside_the_scope(responder: int) -> None:
    assert mdns.probe(["127.0.0.1"], lambda _ip: False, port=responder) == []


def test_an_instance_whose_txt_did_not_come_is_asked_for() -> None:
    records = [MdnsRecord(name="_ipp._tcp.local.", type="PTR", data=["P1._ipp._tcp.local."]),
               MdnsRecord(name="_ipp._tcp.local.", type="PTR", data=["P2._ipp._tcp.local."]),
               MdnsRecord(name="P2._ipp._tcp.local.", type="TXT", data=["ty=X 1"])]
    assert mdns.missing_txt(records) == ["P1._ipp._tcp.local"]


@pytest.mark.parametrize("packet", [b"", b"\x00" * 11, b"\xff" * 300,
                                    bytes(range(256)) * 4])
def test_a_malformed_answer_is_dropped(packet: bytes) -> None:
    assert mdns.parse(packet, 1) in (None, [])
    assert mdns_response(packet, BROTHER) is None


def test_an_answer_to_another_question_is_dropped() -> None:
    reply = mdns_response(mdns.query([("_ipp._tcp.local", "PTR")], 7), BROTHER)
    assert reply is not None
    assert mdns.parse(reply, 7) and mdns.parse(reply, 8) is None


def _ob(*records: MdnsRecord) -> MdnsObs:
    return MdnsObs(target="10.0.0.9", ip="10.0.0.9", records=list(records))


def _printer(instance: str, **txt: str) -> list[MdnsRecord]:
    return [MdnsRecord(name="_ipp._tcp.local", type="PTR", data=[f"{instance}._ipp._tcp.local"]),
            MdnsRecord(name=f"{instance}._ipp._tcp.local", type="TXT",
                       data=[f"{k}={v}" for k, v in txt.items()])]


def test_a_computer_sharing_a_printer_is_not_that_printer() -> None:
    """A Mac or a CUPS box announces the printer it shares, and itself: no model, no vote."""
    mac = _ob(*_printer("HP LaserJet", ty="HP LaserJet M404dn"),
              MdnsRecord(name="_device-info._tcp.local", type="PTR",
                         data=["office-mac._device-info._tcp.local"]))
    found = describe(mac)
    assert found is not None and not found.printer and found.model is None
    assert type_votes(found) == []
    cups = describe(_ob(*_printer("HP LaserJet M404dn @ pc1", ty="HP LaserJet M404dn")))
    assert cups is not None and cups.model is None


def test_a_generic_driver_name_is_no_model() -> None:
    found = describe(_ob(*_printer("Printer", ty="Generic PCL Printer", usb_MDL="1.0")))
    assert found is not None and found.printer and found.model is None


def test_hostile_txt_values_are_cleaned() -> None:
    found = describe(_ob(*_printer("P", usb_MFG="=cmd|' /C calc'!A0\u202e",
                                   usb_MDL="MX-" + "9" * 400)))
    assert found is not None and found.model is not None and len(found.model) <= 128
    assert found.vendor is not None and "\u202e" not in found.vendor
