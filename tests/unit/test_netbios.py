"""NetBIOS node status: the question, the reading of real answers (Samba's nmbd, captured from
the lab; a Windows-shaped one), hostile answers, and what identification makes of a table."""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import Iterator
from typing import Any

import pytest

from netmap.discover import netbios
from netmap.infer.identify.netbios import describe_netbios
from netmap.infer.pipeline import build_inventory
from netmap.lab.services import replier
from netmap.model import DeviceType, NetbiosName, NetbiosObs, Role
from tests.infer.factory import arp, dns, mac, make_scan
from tests.unit.loopback import free_port, serving

# The lab's srv-file (nmbd 4.17, the domain's controller) answering request 0x4242: SRV-FILE
# <00> <03> <20>, the browser's \x01\x02__MSBROWSE__\x02<01> group, CITYHALL <00> group, <1B>,
# <1C> (not flagged a group by nmbd), <1D>, <1E> group, and an all-zero adapter address.
SAMBA_DC = bytes.fromhex(
    "42428400000000010000000020434b414141414141414141414141414141414141414141414141414141414141"
    "00002100010000000000d1095352562d46494c45202020202020200004005352562d46494c4520202020202020"
    "0304005352562d46494c452020202020202020040001025f5f4d5342524f5753455f5f02018400434954594841"
    "4c4c202020202020200084004349545948414c4c202020202020201b04004349545948414c4c20202020202020"
    "1c04004349545948414c4c202020202020201d04004349545948414c4c202020202020201e8400" + "00" * 46)


def windows(ident: int, names: list[tuple[str, int, bool]], unit: bytes) -> bytes:
    """A node status answer laid out as Windows sends it (RFC 1002, 4.2.18)."""
    table = b"".join(n.encode().ljust(15) + bytes([s]) + struct.pack(">H", 0x8400 if g else 0x0400)
                     for n, s, g in names)
    rdata = bytes([len(names)]) + table + unit + b"\x00" * 40
    return (struct.pack(">HHHHHH", ident, 0x8400, 0, 1, 0, 0) + netbios._WILDCARD
            + struct.pack(">HHIH", 0x21, 1, 0, len(rdata)) + rdata)


CLERK = [("CLERK-PC01", 0x00, False), ("CITYHALL", 0x00, True), ("CLERK-PC01", 0x20, False)]


def test_the_question_is_a_unicast_node_status_request() -> None:
    q = netbios.query(0x1234)
    assert q[:4] == b"\x12\x34\x00\x00"  # no broadcast flag
    assert q.endswith(b"\x00\x21\x00\x01") and len(q) == 50


def test_samba_domain_controller_read_from_its_own_answer() -> None:
    names, mac_ = netbios.parse(SAMBA_DC, 0x4242) or ([], "x")
    assert mac_ is None  # nmbd gives no adapter address
    assert ("CITYHALL", 0x1C, False) in [(n.name, n.suffix, n.group) for n in names]
    assert not any("MSBROWSE" in n.name for n in names)  # control bytes: a name no one types
    found = describe_netbios(NetbiosObs(target="10.0.0.5", ip="10.0.0.5", names=names))
    assert found is not None
    assert (found.name, found.domain, found.domain_controller) == ("SRV-FILE", "CITYHALL", True)


def test_windows_member_read_with_its_adapter_address() -> None:
    data = windows(7, CLERK, bytes.fromhex("a48cdb151021"))
    names, mac_ = netbios.parse(data, 7) or ([], None)
    assert mac_ == "a4:8c:db:15:10:21"
    found = describe_netbios(NetbiosObs(target="10.0.0.5", ip="10.0.0.5", names=names))
    assert found is not None
    assert (found.name, found.domain, found.domain_controller) == ("CLERK-PC01", "CITYHALL", False)


@pytest.mark.parametrize("data", [
    b"", b"\x42\x42", SAMBA_DC[:12], SAMBA_DC[:40], SAMBA_DC[:60], SAMBA_DC[:80],
    SAMBA_DC[:2] + b"\x04\x00" + SAMBA_DC[4:],  # not a response
    SAMBA_DC[:46] + b"\x00\x20" + SAMBA_DC[48:],  # another record type (NB, not NBSTAT)
    SAMBA_DC[:56] + b"\x00" + SAMBA_DC[57:],  # a table of no names
    b"\x42\x42\x84\x00\x00\x00\x00\x01" + b"\x3f" * 200,  # labels that never end
], ids=["empty", "two", "header", "cut-name", "cut-rr", "cut-table", "request", "nb", "none",
        "labels"])
def test_a_malformed_answer_is_dropped(data: bytes) -> None:
    assert netbios.parse(data, 0x4242) is None


def test_an_answer_to_another_question_is_dropped() -> None:
    assert netbios.parse(SAMBA_DC, 0x4243) is None


def test_a_table_longer_than_its_answer_names_nothing() -> None:
    data = bytearray(windows(7, CLERK, b"\x00" * 6))
    data[12 + 34 + 10] = 200  # NUM_NAMES says 200
    assert netbios.parse(bytes(data), 7) is None


def test_a_table_of_no_usable_name_describes_nothing() -> None:
    assert netbios.parse(windows(9, [("\x01\x02", 0x00, False)], b"\x00" * 6), 9) is None
    assert describe_netbios(NetbiosObs(target="10.0.0.5", ip="10.0.0.5", names=[])) is None


@pytest.fixture
def responder() -> Iterator[int]:
    """Answers every node status request on 127.0.0.1 as a Windows domain member does."""
    port = free_port(socket.SOCK_DGRAM)

    def answer(request: bytes) -> bytes | None:
        ident = struct.unpack(">H", request[:2])[0]
        return windows(ident, CLERK, bytes.fromhex("a48cdb151021"))

    async def start(loop: asyncio.AbstractEventLoop) -> list[Any]:
        transport, _ = await loop.create_datagram_endpoint(replier(answer),
                                                           local_addr=("127.0.0.1", port))
        return [transport]

    with serving(start):
        yield port


def test_probe_asks_in_scope_hosts_only(responder: int) -> None:
    [ob] = netbios.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=responder)
    assert [n.name for n in ob.names] == ["CLERK-PC01", "CITYHALL", "CLERK-PC01"]
    assert netbios.probe(["127.0.0.1"], lambda _ip: False, port=responder) == []


def _table(*names: tuple[str, int, bool]) -> list[NetbiosName]:
    return [NetbiosName(name=n, suffix=s, group=g) for n, s, g in names]


def test_a_netbios_name_names_only_what_nothing_else_named() -> None:
    dc = NetbiosObs(target="10.0.0.5", ip="10.0.0.5", names=_table(
        ("SRV1", 0, False), ("CITY", 0, True), ("CITY", 0x1C, True)))
    member = NetbiosObs(target="10.0.0.6", ip="10.0.0.6", names=_table(
        ("PC-06", 0, False), ("CITY", 0, True)))
    inv = build_inventory(make_scan([arp("10.0.0.5", mac(5)), arp("10.0.0.6", mac(6)),
                                     dns("10.0.0.5", "srv1.city.lan"), dc, member]))
    by_ip = {d.addresses[0]: d for d in inv.devices}
    server, pc = by_ip["10.0.0.5"], by_ip["10.0.0.6"]
    assert (server.name, pc.name) == ("srv1", "PC-06")  # DNS first; NetBIOS where none
    assert server.windows_domain == pc.windows_domain == "CITY"
    assert Role.DIRECTORY in server.roles and server.type is DeviceType.SERVER
    assert any(e.source == "netbios" and "(<1C>)" in e.detail for e in server.evidence)
    assert Role.DIRECTORY not in pc.roles


def test_a_name_cut_to_netbios_length_is_no_disagreement() -> None:
    """NetBIOS keeps 15 characters of a longer host name: not a second name worth a row."""
    long_pc = NetbiosObs(target="10.0.0.7", ip="10.0.0.7", names=_table(
        ("ACCOUNTING-WORK", 0, False), ("CITY", 0, True)))
    inv = build_inventory(make_scan([arp("10.0.0.7", mac(7)), long_pc,
                                     dns("10.0.0.7", "accounting-workstation-01.city.lan")]))
    (dev,) = inv.devices
    assert dev.name == "accounting-workstation-01" and not dev.conflicts, dev.conflicts


def test_a_domain_member_without_inventory_is_told_the_group_policy() -> None:
    """Where the scan found the domain's controller, a member's "No host inventory" row names
    the one setting that enables WinRM on every member; a workgroup's member gets the usual."""
    from netmap.render.inventory import attention_table

    dc = NetbiosObs(target="10.0.0.5", ip="10.0.0.5", names=_table(
        ("SRV1", 0, False), ("CITY", 0, True), ("CITY", 0x1C, False)))
    member = NetbiosObs(target="10.0.0.6", ip="10.0.0.6", names=_table(
        ("PC-06", 0, False), ("CITY", 0, True)))
    loner = NetbiosObs(target="10.0.0.7", ip="10.0.0.7", names=_table(
        ("PC-07", 0, False), ("WORKGROUP", 0, True)))
    scan = make_scan([arp(f"10.0.0.{i}", mac(i)) for i in (5, 6, 7)] + [dc, member, loner])
    scan = scan.model_copy(update={"request": scan.request.model_copy(
        update={"host_credentials": ["windows"]})})
    inv = build_inventory(scan)
    for d in inv.devices:  # no services: the type is a guess; make them computers
        d.type = DeviceType.SERVER if d.name == "SRV1" else DeviceType.WORKSTATION
    rows = {r[1]: r[5] for r in attention_table(inv).rows if r[0] == "No host inventory"}
    assert "Group Policy" in rows["PC-06"] and "members of CITY" in rows["PC-06"]
    assert "Group Policy" not in rows["PC-07"] and "Group Policy" not in rows["SRV1"]
