"""Ubiquiti's discovery protocol: the request, the reading of answers (the lab's access point,
whose answer nmap's `ubiquiti-discovery` script decodes the same in the lab tests, and answers
shaped as other Ubiquiti products give them), hostile answers, the probe over 127.0.0.1, and
what the inventory makes of an answer."""

from __future__ import annotations

import asyncio
import functools
import socket
import struct
from typing import Any

import pytest

from netmap.discover import ubnt
from netmap.infer.identify.ubnt import describe, fields, type_votes
from netmap.infer.pipeline import build_inventory
from netmap.lab.services import replier, ubnt_response
from netmap.model import DeviceType, UbntObs
from tests.infer.factory import arp, dns, mac, make_scan
from tests.unit.loopback import free_port, serving

AP = {"product": "U7PG2", "firmware_name": "BZ.qca956x.v6.6.55.15189.230420.1145",
      "hostname": "ap1", "model": "UAP-AC-Pro-Gen2", "version": "6.6.55.15189",
      "mac": "78:8a:20:4a:10:60", "ip": "10.0.0.60"}


def reply(*items: tuple[int, bytes], version: int = 1, command: int = 0) -> bytes:
    body = b"".join(struct.pack(">BH", kind, len(value)) + value for kind, value in items)
    return struct.pack(">BBH", version, command, len(body)) + body


def obs(message: bytes, ip: str = "10.0.0.60") -> UbntObs:
    return UbntObs(target=ip, ip=ip, response=message.hex())


def lab_answer() -> bytes:
    answer = ubnt_response(ubnt.REQUEST, AP)
    assert answer is not None
    return answer


def test_the_lab_access_point_is_read_whole() -> None:
    found = describe(obs(lab_answer()))
    assert found is not None
    assert (found.model, found.firmware, found.hostname, found.macs) == (
        "UAP-AC-Pro-Gen2", "6.6.55.15189", "ap1", ("78:8a:20:4a:10:60",))
    assert [k for k, _v in fields(lab_answer())] == [0x02, 0x01, 0x0A, 0x0B, 0x0C, 0x03, 0x15,
                                                     0x16]
    assert ubnt_response(b"\x02\x08\x00\x00", AP) is None  # the lab answers version 1 only
    [vote] = type_votes(found)
    assert vote.type is DeviceType.WIRELESS_AP and "UAP-AC-Pro-Gen2" in vote.detail


@pytest.mark.parametrize(("items", "model", "firmware"), [
    # an EdgeRouter as nmap's documentation shows it: product and firmware name only
    ([(0x0C, b"ER-X"), (0x03, b"EdgeRouter.ER-e50.v1.10.7.5127989.181001.1227")],
     "ER-X", "1.10.7.5127989"),
    ([(0x0C, b"AirCam"), (0x03, b"AirCam.GM8126.v3.1.4.39.7e42364.160301.0153")],
     "AirCam", "3.1.4.39"),
    ([(0x14, b"UAP-nanoHD"), (0x0C, b"U7NHD")], "UAP-nanoHD", None),
    ([(0x15, b"UCK-v2"), (0x14, b"x"), (0x16, b"5.9.29")], "UCK-v2", "5.9.29"),
    ([(0x03, b"custom-build")], None, "custom-build"),  # no version inside: the name itself
])
def test_model_and_firmware(items: list[tuple[int, bytes]], model: str | None,
                            firmware: str | None) -> None:  # fmt: skip
    for version, command in ((1, 0), (2, 6), (2, 9), (2, 11)):
        found = describe(obs(reply(*items, version=version, command=command)))
        assert found is not None and (found.model, found.firmware) == (model, firmware)


@pytest.mark.parametrize("message", [
    b"", ubnt.REQUEST, b"\x01\x00\x00", reply((0x0B, b"host-only")),  # names neither
    reply((0x0C, b"ER-X"), version=2, command=8),  # a version 2 request, not an answer
    reply((0x0C, b"ER-X"), command=1), reply((0x0C, b"ER-X"), version=3),
    reply((0x0C, b"ER-X")) + b"\x00",  # a length that is not the rest
    struct.pack(">BBH", 1, 0, 5) + b"\x0c\x00\xffER",  # a field longer than the answer
    b"HTTP/1.1 400 Bad Request\r\n\r\n",
])
def test_foreign_or_broken_answers_name_nothing(message: bytes) -> None:
    assert describe(obs(message)) is None


def test_every_cut_of_an_answer_names_nothing_and_raises_nothing() -> None:
    message = lab_answer()
    for cut in range(len(message)):
        assert describe(obs(message[:cut])) is None


def test_hostile_strings_are_cleaned() -> None:
    found = describe(obs(reply((0x0C, b"ER-X\x1b[2J\r\nInjected"), (0x0B, b"=cmd|' /C calc'!A0"),
                               (0x03, b"A" * 5000))))
    assert found is not None and found.model is not None and found.firmware is not None
    assert "\x1b" not in found.model and "\n" not in found.model
    assert len(found.firmware) <= 128
    assert describe(UbntObs(target="10.0.0.1", ip="10.0.0.1", response="not hex")) is None


def test_the_probe_reads_the_lab_responder_in_scope_only() -> None:
    port = free_port(socket.SOCK_DGRAM)

    async def start(loop: asyncio.AbstractEventLoop) -> list[Any]:
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(ubnt_response, u=AP)), local_addr=("127.0.0.1", port))
        return [transport]

    with serving(start):
        [ob] = ubnt.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=port)
        assert ubnt.probe(["127.0.0.1"], lambda _ip: False, port=port) == []
    assert bytes.fromhex(ob.response or "") == lab_answer()
    silent = free_port(socket.SOCK_DGRAM)  # nothing listens: nothing comes back in WAIT_S
    assert ubnt.probe(["127.0.0.1"], lambda _ip: True, port=silent) == []


def test_what_a_device_says_reaches_the_inventory() -> None:
    inv = build_inventory(make_scan([arp("10.0.0.60", mac(60)), obs(lab_answer())]))
    (dev,) = inv.devices
    assert (dev.vendor, dev.model, dev.os, dev.name) == (
        "Ubiquiti", "UAP-AC-Pro-Gen2", "6.6.55.15189", "ap1")
    assert dev.type is DeviceType.WIRELESS_AP
    assert "model: its answer to Ubiquiti's discovery request" in dev.identity_evidence
    # the name it gives itself is hearsay: DNS's name wins, and the two do not disagree
    named = build_inventory(make_scan([arp("10.0.0.60", mac(60)), dns("10.0.0.60", "ap-lobby"),
                                       obs(lab_answer())]))
    (dev,) = named.devices
    assert dev.name == "ap-lobby" and not dev.conflicts
