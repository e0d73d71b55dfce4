"""UPnP: the SSDP search and description fetch, against the lab's own responder on 127.0.0.1,
and the reading of description documents (hostile ones too)."""

from __future__ import annotations

import asyncio
import functools
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from netmap.discover import upnp
from netmap.infer.identify.upnp import describe, parse_description, type_votes
from netmap.lab.services import replier, ssdp_response, upnp_description, upnp_http_handler
from netmap.model import DeviceType, UpnpObs
from tests.unit.loopback import free_port, serving

CAMERA = {"ip": "127.0.0.1", "port": 0, "server": "Linux/3.14 UPnP/1.0 SDK/1.6.6",
          "deviceType": "urn:schemas-upnp-org:device:Basic:1", "friendlyName": "cam2",
          "manufacturer": "Hikvision", "modelName": "DS-2CD2143G2-I",
          "modelNumber": "DS-2CD2143G2-I", "modelDescription": "Hikvision IP Camera",
          "serialNumber": "DS-2CD2143G2-I20230915AAWRL01234567", "UDN": "uuid:1"}  # fmt: skip


@pytest.fixture
def responder() -> Iterator[tuple[int, dict[str, Any]]]:
    """The lab's SSDP responder and description server, on 127.0.0.1 only."""
    u = {**CAMERA, "port": free_port(socket.SOCK_STREAM)}
    ssdp_port = free_port(socket.SOCK_DGRAM)

    async def start(loop: asyncio.AbstractEventLoop) -> list[Any]:
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(ssdp_response, u=u)), local_addr=("127.0.0.1", ssdp_port))
        server = await asyncio.start_server(upnp_http_handler(u), "127.0.0.1", u["port"])
        return [transport, server]

    with serving(start):
        yield ssdp_port, u


def test_a_device_describes_itself(responder: tuple[int, dict[str, Any]]) -> None:
    port, u = responder
    [ob] = upnp.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=port)
    assert ob.ip == "127.0.0.1" and ob.server == u["server"] and not ob.errors
    assert ob.locations == [f"http://127.0.0.1:{u['port']}/description.xml"]
    found = describe(ob)
    assert found is not None
    assert (found.vendor, found.model, found.serial) == (
        "Hikvision", "DS-2CD2143G2-I", "DS-2CD2143G2-I20230915AAWRL01234567")
    assert {v.type for v in type_votes(found)} == {DeviceType.CAMERA}


def test_nothing_is_asked_outside_the_scope(responder: tuple[int, dict[str, Any]]) -> None:
    port, _u = responder
    assert upnp.probe(["127.0.0.1"], lambda _ip: False, port=port) == []


def test_a_location_naming_another_host_is_not_followed() -> None:
    assert upnp.same_host("http://10.0.0.5:49152/d.xml", "10.0.0.5")
    for location in ("http://10.0.0.6:49152/d.xml", "http://printer.lan/d.xml",
                     "https://10.0.0.5/d.xml", "file:///etc/passwd", "http://10.0.0.5:99999/",
                     "http://[::1/", ""):
        assert not upnp.same_host(location, "10.0.0.5"), location


def test_an_ssdp_reply_is_read_with_bounds() -> None:
    reply = (b"HTTP/1.1 200 OK\r\nLOCATION: http://10.0.0.5/d.xml\r\nServer: x\r\n"
             + b"X-Junk: " + b"a" * 5000 + b"\r\n\r\n")
    headers = upnp.parse_reply(reply)
    assert headers["location"] == "http://10.0.0.5/d.xml" and len(headers["x-junk"]) == 1024
    assert upnp.parse_reply(b"NOTIFY * HTTP/1.1\r\n\r\n") == {}
    assert upnp.parse_reply(b"\xff\xfe garbage") == {}


def test_a_server_that_drips_its_document_is_cut_off() -> None:
    """A byte every 0.1 s never trips a read's own timeout; the whole fetch's limit stops it."""
    port = free_port(socket.SOCK_STREAM)
    sent = []

    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(200):  # 20 s at most, far past the fetch's limit
            writer.write(b"<")
            sent.append(1)
            await writer.drain()
            await asyncio.sleep(0.1)
        writer.close()

    async def start(_loop: asyncio.AbstractEventLoop) -> list[Any]:
        return [await asyncio.start_server(drip, "127.0.0.1", port)]

    with serving(start):
        text, error = upnp.fetch(f"http://127.0.0.1:{port}/d.xml", timeout=1.0, total=1.0)
    assert text is None and error == "description not complete after 1 s"
    assert 5 <= len(sent) <= 30  # it stopped reading at about 1 s


def test_no_fetch_starts_once_the_phase_time_is_spent(
        responder: tuple[int, dict[str, Any]]) -> None:  # fmt: skip
    port, _u = responder
    [ob] = upnp.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=port, budget=0)
    assert ob.locations and not ob.descriptions
    assert ob.errors and "time for UPnP descriptions ran out" in ob.errors[0]


PRINTER = """<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0"><device>
<deviceType>urn:schemas-upnp-org:device:Printer:1</deviceType>
<manufacturer>HP</manufacturer><modelName>HP Color LaserJet Pro M454dn</modelName>
<modelNumber>W1Y44A</modelNumber><serialNumber>VNB3R12345</serialNumber>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:Scanner:1</deviceType></device>
</deviceList></device></root>"""

WINDOWS_MEDIA = """<root xmlns="urn:schemas-upnp-org:device-1-0"><device>
<deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>
<manufacturer>Microsoft Corporation</manufacturer>
<modelName>Windows Media Player Sharing</modelName><modelNumber>12.0</modelNumber>
<serialNumber>{0000-1111}</serialNumber></device></root>"""


def test_a_printer_description() -> None:
    found = parse_description(PRINTER)
    assert found is not None and found.embedded == ("Scanner",)
    assert (found.vendor, found.model, found.serial) == (
        "HP", "HP Color LaserJet Pro M454dn", "VNB3R12345")
    assert {v.type for v in type_votes(found)} == {DeviceType.PRINTER}


def test_a_programs_media_server_names_no_box() -> None:
    """Windows Media Player's sharing service runs on a PC: its maker and model are the
    program's, never the computer's."""
    found = parse_description(WINDOWS_MEDIA)
    assert found is not None and found.software
    assert (found.vendor, found.model) == (None, None) and type_votes(found) == []


def test_a_name_without_a_number_is_no_model() -> None:
    doc = PRINTER.replace("HP Color LaserJet Pro M454dn", "Wireless Router").replace(
        "W1Y44A", "1.0")
    found = parse_description(doc)
    assert found is not None and found.model is None


@pytest.mark.parametrize("document", [
    "", "<root><device>", "not xml", "<root/>", "<root><nodevice/></root>",
    # entity expansion and external entities are refused, never expanded
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    "<root><device><modelName>&b;</modelName></device></root>",
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<root><device><modelName>&x;</modelName></device></root>",
])
def test_a_bad_document_names_nothing(document: str) -> None:
    assert parse_description(document) is None


def test_hostile_values_are_cleaned() -> None:
    doc = PRINTER.replace("VNB3R12345", "=HYPERLINK(\"x\")\u202e\t" + "9" * 300)
    found = parse_description(doc)
    assert found is not None and found.serial is not None
    assert "\u202e" not in found.serial and len(found.serial) <= 128
    # a character XML forbids makes the whole document unreadable: it names nothing
    assert parse_description(PRINTER.replace("VNB3R12345", "VNB\x07")) is None


def test_a_stored_observation_with_no_document_that_parses_names_nothing() -> None:
    ob = UpnpObs(target="10.0.0.5", ip="10.0.0.5", descriptions={"http://10.0.0.5/d": "<x"})
    assert describe(ob) is None


def test_the_lab_description_is_a_valid_document() -> None:
    found = parse_description(upnp_description(CAMERA).decode())
    assert found is not None and found.model == "DS-2CD2143G2-I"
