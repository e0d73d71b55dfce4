"""A printer's IPP description: the Get-Printer-Attributes request, the reading of answers (the
lab's printer, whose encoding CUPS's ipptool accepts in the lab tests, and printer-shaped ones),
hostile answers, the probe over 127.0.0.1, and what the inventory makes of an answer."""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from netmap.discover import ipp, tcpask
from netmap.infer.identify.ipp import attributes, describe, device_id, type_votes
from netmap.infer.pipeline import build_inventory
from netmap.lab.services import ipp_handler, ipp_response
from netmap.model import DeviceType, Facts, IppObs
from tests.infer.factory import arp, mac, make_scan, snmp
from tests.unit.loopback import free_port, serving

BROTHER = {"path": "/ipp/print", "make_and_model": "Brother HL-L2350DW series",
           "device_id": "MFG:Brother;CMD:PJL,PCL,PCLXL,URF;MDL:HL-L2350DW series;CLS:PRINTER;",
           "location": "Front desk", "firmware": "1.56",
           "uuid": "e3248000-80ce-11db-8000-30055c123456", "name": "printer2"}


def _attr(tag: int, name: str, value: bytes) -> bytes:
    return struct.pack(">BH", tag, len(name)) + name.encode() + struct.pack(">H", len(value)) + value


def answer(*items: bytes, status: int = 0) -> bytes:
    """An IPP/2.0 response with these printer-group items."""
    head = struct.pack(">BBHI", 2, 0, status, 1) + b"\x01"
    head += _attr(0x47, "attributes-charset", b"utf-8") + _attr(0x48, "attributes-natural-language",
                                                                b"en")
    return head + b"\x04" + b"".join(items) + b"\x03"


def obs(message: bytes, ip: str = "10.0.0.9") -> IppObs:
    return IppObs(target=ip, ip=ip, response=message.hex())


def lab_answer(requested: list[str] | None = None, printer: dict[str, Any] = BROTHER) -> bytes:
    """The lab printer's answer to netmap's request (or to one asking for `requested`)."""
    request = ipp.request("ipp://10.0.0.9:631/ipp/print")
    if requested is not None:
        request = request[:request.index(b"requested-attributes") - 3]
        for i, name in enumerate(requested):
            request += _attr(0x44, "requested-attributes" if i == 0 else "", name.encode())
        request += b"\x03"
    return ipp_response(request, "/ipp/print", printer, "10.0.0.9", 631)


def test_the_request_is_a_get_printer_attributes_for_the_identity_attributes() -> None:
    request = ipp.request("ipp://10.0.0.9:631/ipp/print", request_id=7)
    assert struct.unpack_from(">BBHI", request) == (1, 1, 0x000B, 7)
    assert request[8] == 0x01 and request[-1] == 0x03
    # charset and language first, as RFC 8011 4.1.4 requires, then the target
    assert request.index(b"attributes-charset") < request.index(b"attributes-natural-language")
    assert request.index(b"attributes-natural-language") < request.index(b"printer-uri")
    for name in ipp.REQUESTED:
        assert name.encode() in request
    assert b"requested-attributes" in request and request.count(b"requested-attributes") == 1
    post = ipp.http_post("10.0.0.9", 631, "/ipp/print", request)
    assert post.startswith(b"POST /ipp/print HTTP/1.1\r\n")
    assert f"Content-Length: {len(request)}".encode() in post and post.endswith(request)


def test_the_lab_printer_is_read_whole() -> None:
    found = describe(obs(lab_answer()))
    assert found is not None
    assert (found.vendor, found.model, found.firmware, found.location, found.serial) == (
        "Brother", "HL-L2350DW", "1.56", "Front desk", None)
    assert found.make_and_model == "Brother HL-L2350DW series"
    assert attributes(lab_answer())["printer-uuid"] == [
        "urn:uuid:e3248000-80ce-11db-8000-30055c123456"]


def test_an_answer_to_all_skips_collections_and_numbers() -> None:
    attrs = attributes(lab_answer(["all"]))
    assert attrs["printer-make-and-model"] == ["Brother HL-L2350DW series"]
    assert attrs["ipp-versions-supported"] == ["1.0", "1.1", "2.0"]
    assert attrs["document-format-supported"][0] == "application/octet-stream"
    # media-col-default is a collection whose members are nameless: none of them is read as
    # another value of the attribute before it, and numbers name nothing
    assert "media-col-default" not in attrs and "printer-state" not in attrs
    assert not any(v in ("media-size", "x-dimension", "media-type", "stationery")
                   for vs in attrs.values() for v in vs)
    assert list(attrs)[-1] == "document-format-supported"


def test_the_lab_printer_answers_only_what_is_asked() -> None:
    attrs = attributes(lab_answer(["printer-location", "printer-firmware-string-version"]))
    assert attrs == {"printer-location": ["Front desk"], "printer-firmware-string-version": ["1.56"]}


def test_a_printer_shaped_answer() -> None:
    """What printers send: an HP's device ID (long maker name, no firmware attributes), a
    firmware of several components, text with a language, a serial number in the device ID."""
    hp = answer(_attr(0x41, "printer-make-and-model", b"HP Color LaserJet MFP M476dn"),
                _attr(0x41, "printer-device-id",
                      b"MFG:Hewlett-Packard;CMD:PJL,PML,PCLXL,URP,PCL,PDF,POSTSCRIPT;"
                      b"MDL:HP Color LaserJet MFP M476dn;CLS:PRINTER;DES:Hewlett-Packard Color "
                      b"LaserJet MFP M476dn;SN:CNB1J12345;"),
                _attr(0x35, "printer-location",
                      struct.pack(">H", 5) + b"en-us" + struct.pack(">H", 9) + b"Greenwich"),
                _attr(0x42, "printer-firmware-name", b"Main"), _attr(0x42, "", b"Network"),
                _attr(0x41, "printer-firmware-string-version", b"LF25I7"),
                _attr(0x41, "", b"16.66"))
    found = describe(obs(hp))
    assert found is not None
    assert (found.vendor, found.model, found.serial) == (
        "Hewlett-Packard", "HP Color LaserJet MFP M476dn", "CNB1J12345")
    assert (found.firmware, found.location) == ("LF25I7", "Greenwich")
    [vote, *_] = type_votes(found)
    assert vote.type is DeviceType.PRINTER and "M476dn" in vote.detail


@pytest.mark.parametrize(("raw", "expected"), [
    ("MFG:Brother;MDL:HL-L2350DW series;", {"MFG": "Brother", "MDL": "HL-L2350DW series"}),
    ("MANUFACTURER:EPSON;MODEL:ET-4850 Series;COMMAND SET:ESCPL2;SERN:X4ZE012345;",
     {"MFG": "EPSON", "MDL": "ET-4850 Series", "CMD": "ESCPL2", "SN": "X4ZE012345"}),
    ("mfg: Canon ; mdl: MF623C;junk;;", {"MFG": "Canon", "MDL": "MF623C"}),
    ("", {}), (None, {}),
])
def test_the_ieee_1284_device_id(raw: str | None, expected: dict[str, str]) -> None:
    assert device_id(raw) == expected


@pytest.mark.parametrize(("mdl", "make_and_model", "model", "vendor"), [
    (None, "SHARP MX-3070N", "SHARP MX-3070N", "SHARP"),
    ("MX-3070N", "SHARP MX-3070N", "MX-3070N", "SHARP"),  # no MFG: the first word of the rest
    ("M454dn", "M454dn", "M454dn", None),  # a first word that is the model names no maker
    (None, "Generic PCL Laser", None, None),  # no digit: no model, no maker
    ("IPP Everywhere", None, None, None),
    (None, "1.0", None, None),  # a bare revision
])
def test_model_and_maker(mdl: str | None, make_and_model: str | None, model: str | None,
                         vendor: str | None) -> None:  # fmt: skip
    items = [_attr(0x41, "printer-make-and-model", make_and_model.encode())] if make_and_model else []
    if mdl:
        items.append(_attr(0x41, "printer-device-id", f"MDL:{mdl};".encode()))
    found = describe(obs(answer(*items)))
    assert found is not None and (found.model, found.vendor) == (model, vendor)


def test_a_print_servers_queue_names_no_printer() -> None:
    """CUPS shares a printer as ipp://server/printers/<queue>: the computer is not the printer.
    A printer that also lists its IPPS address, or only its own path, is one."""
    model = _attr(0x41, "printer-make-and-model", b"HP LaserJet 4250 Postscript (recommended)")

    def uris(*values: bytes) -> bytes:
        return b"".join(_attr(0x45, "printer-uri-supported" if i == 0 else "", v)
                        for i, v in enumerate(values))
    assert describe(obs(answer(uris(b"ipp://files.city.lan:631/printers/Front_Desk"),
                               model))) is None
    assert describe(obs(answer(uris(b"ipp://srv:631/classes/all", b"ipps://srv:443/printers/x"),
                               model))) is None
    found = describe(obs(answer(uris(b"ipp://10.0.0.9:631/ipp/print",
                                     b"ipps://10.0.0.9:443/ipp/print"), model)))
    assert found is not None and found.model == "HP LaserJet 4250 Postscript (recommended)"


def test_a_serial_number_needs_a_digit() -> None:
    found = describe(obs(answer(_attr(0x41, "printer-device-id", b"MFG:Acme;SN:unknown;"))))
    assert found is not None and found.serial is None


def test_every_cut_of_an_answer_reads_without_error() -> None:
    """A message cut at any byte gives the attributes read before the cut, never an error."""
    message = lab_answer(["all"])
    whole = attributes(message)
    for cut in range(len(message)):
        part = attributes(message[:cut])
        assert all(whole.get(k, [])[:len(v)] == v or len(v) == 1 for k, v in part.items())


@pytest.mark.parametrize("message", [
    b"", b"\x02", b"<html><body>CUPS</body></html>", bytes(64), b"\x02\x00" + b"\xff" * 100,
    answer(status=0x0406)[:-1] + b"\x04" + b"\x41\xff\xff",  # a length past the end
    b"\x01\x01\x00\x00\x00\x00\x00\x01\x04" + b"\x41\x00\x01x\x00\x05short",
])
def test_foreign_or_broken_answers_name_nothing(message: bytes) -> None:
    found = describe(obs(message))
    assert found is None or (found.model, found.vendor, found.firmware) == (None, None, None)


def test_hostile_strings_are_cleaned() -> None:
    found = describe(obs(answer(
        _attr(0x41, "printer-make-and-model", b"Evil\x1b[31m 9000\r\nX-Injected: 1"),
        _attr(0x41, "printer-location", b"=HYPERLINK(\"http://x\")"),
        _attr(0x41, "printer-firmware-string-version", b"\xff\xfe1.0" + b"A" * 400))))
    assert found is not None and found.model is not None and found.firmware is not None
    assert "\x1b" not in found.model and "\n" not in found.model and "\r" not in found.model
    assert len(found.firmware) <= 255
    # a formula stays text here: the CSV and XLSX writers neutralise it where it leaves
    assert found.location == "=HYPERLINK(\"http://x\")"
    assert describe(IppObs(target="10.0.0.9", ip="10.0.0.9", response="zz")) is None


# ------------------------------------------------------------------ the probe, on 127.0.0.1


def _server(handle: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
            port: int) -> Callable[[asyncio.AbstractEventLoop], Awaitable[list[Any]]]:  # fmt: skip
    async def start(_loop: asyncio.AbstractEventLoop) -> list[Any]:
        return [await asyncio.start_server(handle, "127.0.0.1", port)]
    return start


@contextmanager
def printer(path: str = "/ipp/print", **svc: Any) -> Iterator[int]:
    port = free_port(socket.SOCK_STREAM)
    handler = ipp_handler({"port": port, "printer": {**BROTHER, "path": path}, **svc}, "x")
    with serving(_server(handler, port)):
        yield port


def test_the_probe_reads_the_lab_printer_in_scope_only() -> None:
    with printer(headers={"Server": "debut/1.30"}) as port:
        [ob] = ipp.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=port)
        assert ipp.probe(["127.0.0.1"], lambda _ip: False, port=port) == []
    assert (ob.path, ob.port, ob.server) == ("/ipp/print", port, "debut/1.30")
    found = describe(ob)
    assert found is not None and found.firmware == "1.56"


def test_the_next_path_is_tried_after_not_found() -> None:
    with printer(path="/ipp") as port:
        [ob] = ipp.probe(["127.0.0.1"], lambda _ip: True, port=port)
    assert ob.path == "/ipp"
    with printer(path="/printers/front") as port:  # a print server's queue: not a printer's path
        assert ipp.probe(["127.0.0.1"], lambda _ip: True, port=port) == []


def _fixed(reply: bytes, linger: float = 0.0) -> Callable[
        [asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:  # fmt: skip
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(4096)
        writer.write(reply)
        await writer.drain()
        await asyncio.sleep(linger)
        writer.close()
    return handle


@contextmanager
def replying(reply: bytes, linger: float = 0.0) -> Iterator[int]:
    port = free_port(socket.SOCK_STREAM)
    with serving(_server(_fixed(reply, linger), port)):
        yield port


def test_a_chunked_answer_and_an_unsized_one_are_read() -> None:
    message = lab_answer()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(message[i:i + 100]), message[i:i + 100])
                       for i in range(0, len(message), 100)) + b"0\r\n\r\n"
    for reply in (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked,
                  b"HTTP/1.0 200 OK\r\nContent-Type: application/ipp\r\n\r\n" + message):
        with replying(reply) as port:
            [ob] = ipp.probe(["127.0.0.1"], lambda _ip: True, port=port)
        assert bytes.fromhex(ob.response or "") == message


def test_a_long_chunked_answer_is_kept_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ipp, "MAX_RESPONSE", 64)
    message = lab_answer()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(message), message)
    with replying(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked) as port:
        [ob] = ipp.probe(["127.0.0.1"], lambda _ip: True, port=port)
    assert bytes.fromhex(ob.response or "") == message[:64]


@pytest.mark.parametrize("reply", [
    b"HTTP/1.1 426 Upgrade Required\r\nUpgrade: TLS/1.2\r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n<html></html>\n",
    b"SSH-2.0-OpenSSH_9.2\r\n",
    b"HTTP/1.1 200 OK\r\n" + b"X-Long: " + b"a" * 9000 + b"\r\n\r\n",
])
def test_refusals_and_other_protocols_give_nothing(reply: bytes) -> None:
    with replying(reply) as port:
        assert ipp.probe(["127.0.0.1"], lambda _ip: True, port=port) == []


def test_a_silent_or_endless_answer_is_dropped_in_bounded_time(
        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(tcpask, "READ_S", 0.3)
    monkeypatch.setattr(ipp, "READ_S", 0.3)
    monkeypatch.setattr(ipp, "EXCHANGE_S", 0.9)
    with replying(b"HTTP/1.1 200 OK\r\nContent-Length: 999999\r\n\r\n\x02\x00", linger=5) as port:
        assert ipp.probe(["127.0.0.1"], lambda _ip: True, port=port) == []
    closed = free_port(socket.SOCK_STREAM)  # nothing listens there: refused at once
    assert ipp.probe(["127.0.0.1"], lambda _ip: True, port=closed) == []


# ------------------------------------------------------------------ the inventory


def test_what_a_printer_says_reaches_the_inventory() -> None:
    inv = build_inventory(make_scan([arp("10.0.0.9", mac(9)), obs(lab_answer())]))
    (dev,) = inv.devices
    assert dev.type is DeviceType.PRINTER
    assert (dev.vendor, dev.model, dev.os, dev.location) == (
        "Brother", "HL-L2350DW", "1.56", "Front desk")
    assert any(e.source == "ipp" for e in dev.evidence)
    assert "os: its IPP printer description (Get-Printer-Attributes)" in dev.identity_evidence


def test_a_printer_firmware_outranks_the_snmp_banner_but_not_a_parsed_version() -> None:
    banner = "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24030018"
    hp = dict(BROTHER, make_and_model="HP Color LaserJet Pro M454dn", firmware="002.2403A",
              device_id="MFG:HP;MDL:HP Color LaserJet Pro M454dn;")
    ipp_said = obs(lab_answer(printer=hp))
    for facts, os in ((Facts(sys_descr=banner), "002.2403A"),
                      (Facts(sys_descr=banner, os_version="JSI24030018"), "JSI24030018")):
        inv = build_inventory(make_scan([arp("10.0.0.9", mac(9)), ipp_said,
                                         *snmp("10.0.0.9", facts=facts)]))
        (dev,) = inv.devices
        assert dev.os == os
    without = build_inventory(make_scan([arp("10.0.0.9", mac(9)),
                                         *snmp("10.0.0.9", facts=Facts(sys_descr=banner))]))
    assert without.devices[0].os == banner
    assert "os: SNMPv2-MIB sysDescr (first line)" in without.devices[0].identity_evidence
