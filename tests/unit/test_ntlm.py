"""The NTLM offer over SMB2 and Remote Desktop: the requests, the reading of real answers (Samba's
smbd, captured from the lab) and of Windows-shaped ones, hostile answers, the probes over
127.0.0.1, and what identification makes of an offer."""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from netmap.discover import ntlm, rdp, smb, smb1, tcpask
from netmap.infer.identify.ntlm import describe, read_challenge, type_votes
from netmap.infer.pipeline import build_inventory
from netmap.lab.daemons import self_signed
from netmap.lab.services import ntlm_challenge, rdp_handler
from netmap.model import DeviceType, NtlmObs
from tests.infer.factory import arp, dns, mac, make_scan, svc
from tests.unit.loopback import free_port, serving

# The lab's srv-file (smbd 4.17, CITYHALL's NT4-style controller), as received by netmap's two
# requests: the NEGOTIATE response (dialect 3.0.2, signing enabled, not required) and the
# SESSION_SETUP response (STATUS_MORE_PROCESSING_REQUIRED) whose SPNEGO token wraps an NTLM
# CHALLENGE: target CITYHALL (a domain), NetBIOS names CITYHALL and SRV-FILE, empty DNS names,
# version 6.1 build 0.
SAMBA_NEGOTIATE = bytes.fromhex(
    "fe534d4240000000000000000000010001000000000000000000000000000000fffe000000000000000000000000"
    "00000000000000000000000000000000000041000100020300007372762d66696c650000000000000000070000"
    "00000080000000800000008000e0606ff5ea85dd01000000000000000080004a0000000000604806062b060105"
    "0502a03e303ca00e300c060a2b06010401823702020aa32a3028a0261b246e6f745f646566696e65645f696e5f"
    "5246433431373840706c656173655f69676e6f7265")
SAMBA_SESSION = bytes.fromhex(
    "fe534d4240000000160000c00100010001000000000000000100000000000000fffe000000000000a5688bdc0000"
    "000000000000000000000000000000000000090000004800a700a181a43081a1a0030a0101a10c060a2b060104"
    "01823702020aa2818b0481884e544c4d53535000020000001000100038000000058289e2562d14c4c9294b0100"
    "000000000000004000400048000000060100000000000f4300490054005900480041004c004c00020010004300"
    "490054005900480041004c004c00010010005300520056002d00460049004c0045000400000003000000070008"
    "00a4ec6ff5ea85dd0100000000")


def challenge(names: dict[int, str], version: tuple[int, int, int] | None,
              member: bool = True) -> bytes:  # fmt: skip
    """A Windows-shaped CHALLENGE, as the lab's Remote Desktop emulator sends it."""
    return ntlm_challenge(names, version, member)


MEMBER = {2: "CITYHALL", 1: "CLERK-PC01", 4: "cityhall.lan", 3: "CLERK-PC01.cityhall.lan",
          5: "cityhall.lan"}
LONER = {2: "FRONTDESK", 1: "FRONTDESK", 4: "FrontDesk", 3: "FrontDesk"}


def obs(data: bytes, ip: str = "10.0.0.6", service: str = "smb") -> NtlmObs:
    return NtlmObs(target=ip, ip=ip, service="rdp" if service == "rdp" else "smb",
                   dialect=0x0302, signing_required=False, challenge=data.hex())


def test_the_requests_offer_smb2_dialects_and_ntlm_naming_no_one() -> None:
    neg = smb.negotiate_request()
    assert struct.unpack(">I", neg[:4])[0] == len(neg) - 4 and neg[4:8] == b"\xfeSMB"
    assert neg[-8:] == b"".join(struct.pack("<H", d) for d in smb.DIALECTS)
    setup = smb.session_setup_request()
    message = setup[setup.index(ntlm.NTLMSSP):]
    assert struct.unpack_from("<I", message, 8)[0] == 1  # a NEGOTIATE, not an AUTHENTICATE
    assert message[16:32] == bytes(16)  # no domain, no workstation: nothing to authenticate


def test_samba_controller_read_from_its_own_answers() -> None:
    assert smb.read_negotiate(SAMBA_NEGOTIATE) == (0x0302, False)
    data = smb.read_challenge(SAMBA_SESSION)
    assert data is not None and data.startswith(ntlm.NTLMSSP)
    found = read_challenge(data)
    assert found is not None and found.version == (6, 1, 0) and found.target == "CITYHALL"
    host = describe(obs(data))
    assert host is not None
    assert (host.computer, host.domain, host.dns_name, host.dns_domain) == (
        "SRV-FILE", "CITYHALL", None, None)
    assert host.release is None and host.version is None  # build 0: no Windows
    assert type_votes(host, "smb") == []


def test_a_windows_11_domain_member() -> None:
    host = describe(obs(challenge(MEMBER, (10, 0, 22621))))
    assert host is not None
    assert (host.computer, host.dns_name, host.domain, host.dns_domain) == (
        "CLERK-PC01", "CLERK-PC01.cityhall.lan", "CITYHALL", "cityhall.lan")
    assert (host.version, host.release) == ("10.0.22621", "Windows 11 22H2-23H2")
    [vote] = type_votes(host, "smb")
    assert vote.type is DeviceType.WORKSTATION and "client release" in vote.detail


def test_a_workgroup_computer_names_itself_and_no_domain() -> None:
    host = describe(obs(challenge(LONER, (10, 0, 19041), member=False)))
    assert host is not None and host.domain is None and host.dns_domain is None
    assert host.release == "Windows 10 2004-22H2 or Windows Server 2004-20H2"


@pytest.mark.parametrize(("version", "release", "vote"), [
    ((10, 0, 20348), "Windows Server 2022", DeviceType.SERVER),
    ((10, 0, 17763), "Windows 10 1809 or Windows Server 2019", None),  # one build, two releases
    ((10, 0, 27999), None, None),  # a build the table does not know names nothing
    ((6, 3, 9600), "Windows 8.1 or Windows Server 2012 R2", None),
])
def test_the_release_a_version_names(version: tuple[int, int, int], release: str | None,
                                     vote: DeviceType | None) -> None:  # fmt: skip
    host = describe(obs(challenge(MEMBER, version)))
    assert host is not None and host.release == release
    assert [v.type for v in type_votes(host, "smb")] == ([vote] if vote else [])


def test_no_version_flag_means_no_version() -> None:
    host = describe(obs(challenge(MEMBER, None)))
    assert host is not None and host.release is None and host.domain == "CITYHALL"


_GOOD = challenge(MEMBER, (10, 0, 22621))


@pytest.mark.parametrize("data", [
    b"", ntlm.NTLMSSP, _GOOD[:47],
    _GOOD[:8] + b"\x01\x00\x00\x00" + _GOOD[12:],  # a NEGOTIATE message, not a CHALLENGE
    b"NTLMSSQ\x00" + _GOOD[8:],
], ids=["empty", "signature", "cut-header", "type-1", "signature-typo"])
def test_a_malformed_challenge_is_none(data: bytes) -> None:
    assert read_challenge(data) is None


@pytest.mark.parametrize("data", [
    _GOOD[:70],  # cut inside the pairs
    _GOOD[:40] + struct.pack("<HHI", 400, 400, 56) + _GOOD[48:],  # pairs past the end
    _GOOD[:12] + struct.pack("<HHI", 60000, 60000, 9) + _GOOD[20:],  # a target past the end
    _GOOD[:-4],  # no MsvAvEOL
], ids=["cut-pairs", "info-past-end", "target-past-end", "no-eol"])
def test_a_damaged_challenge_never_raises(data: bytes) -> None:
    found = read_challenge(data)
    assert found is None or all(v.isprintable() for v in found.names.values())


def test_names_that_are_not_text_name_nothing() -> None:
    data = challenge({1: "PC\x1b[31m", 2: "\ud7ff" * 300}, (10, 0, 22621))
    found = read_challenge(data)
    assert found is not None and found.names == {}
    assert describe(NtlmObs(target="x", ip="10.0.0.6", challenge="not hex")) is None
    assert describe(NtlmObs(target="x", ip="10.0.0.6")) is None


def _smb2(command: int, status: int = 0, response: bool = True) -> bytes:
    return (b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ16s", 64, 0, status, command, 1,
                                     1 if response else 0, 0, 0, 0, 0, 0, bytes(16)))


@pytest.mark.parametrize("message", [
    b"", SAMBA_NEGOTIATE[:60], b"\xffSMB" + SAMBA_NEGOTIATE[4:],
    _smb2(0, response=False) + SAMBA_NEGOTIATE[64:],  # a request
    _smb2(0, status=0xC0000022) + SAMBA_NEGOTIATE[64:],  # access denied
    SAMBA_NEGOTIATE[:68] + b"\x11\x03" + SAMBA_NEGOTIATE[70:],  # 3.1.1: not offered
], ids=["empty", "cut", "smb1-magic", "request", "denied", "dialect"])
def test_a_negotiation_answer_that_is_not_one_is_none(message: bytes) -> None:
    assert smb.read_negotiate(message) is None


def test_a_session_answer_without_a_challenge_is_none() -> None:
    assert smb.read_challenge(SAMBA_NEGOTIATE) is None  # another command
    assert smb.read_challenge(_smb2(1, status=0xC000006D) + SAMBA_SESSION[64:]) is None
    no_ntlm = SAMBA_SESSION.replace(ntlm.NTLMSSP, b"XXXXXXXX")
    assert smb.read_challenge(no_ntlm) is None


def _server(answer: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
            port: int) -> Callable[[asyncio.AbstractEventLoop], Awaitable[list[Any]]]:  # fmt: skip
    async def start(_loop: asyncio.AbstractEventLoop) -> list[Any]:
        return [await asyncio.start_server(answer, "127.0.0.1", port)]

    return start


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    size = struct.unpack(">I", await reader.readexactly(4))[0]
    return await reader.readexactly(size)


@contextmanager
def _replaying(*replies: bytes) -> Iterator[int]:
    """A server on 127.0.0.1 that answers each request with the next of `replies`."""
    port = free_port(socket.SOCK_STREAM)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for reply in replies:
            await _read_request(reader)
            writer.write(struct.pack(">I", len(reply)) + reply)
            await writer.drain()
        writer.close()

    with serving(_server(answer, port)):
        yield port


@pytest.fixture
def samba() -> Iterator[int]:
    """Answers with srv-file's own two SMB2 answers, after reading each request."""
    with _replaying(SAMBA_NEGOTIATE, SAMBA_SESSION) as port:
        yield port


def test_probe_asks_in_scope_hosts_only(samba: int) -> None:
    [ob] = smb.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=samba)
    assert (ob.dialect, ob.signing_required) == (0x0302, False)
    host = describe(ob)
    assert host is not None and host.computer == "SRV-FILE"
    assert smb.probe(["127.0.0.1"], lambda _ip: False, port=samba) == []


@pytest.fixture
def hostile() -> Iterator[int]:
    """Claims a 16 MiB message, then sends nothing more."""
    port = free_port(socket.SOCK_STREAM)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"\x00\xff\xff\xff")
        await writer.drain()
        await asyncio.sleep(5)
        writer.close()

    with serving(_server(answer, port)):
        yield port


def test_an_oversized_or_silent_answer_is_dropped_in_bounded_time(
        hostile: int, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(tcpask, "READ_S", 0.5)
    assert smb.probe(["127.0.0.1"], lambda _ip: True, port=hostile) == []
    closed = free_port(socket.SOCK_STREAM)  # nothing listens there: refused at once
    assert smb.probe(["127.0.0.1"], lambda _ip: True, port=closed) == []


def test_what_an_offer_says_reaches_the_inventory() -> None:
    """A Windows member with no SNMP and no DNS name: named, its release and domain filled; a
    DNS name, where there is one, names the device, and the computer's own name raises no
    disagreement."""
    member = obs(challenge(MEMBER, (10, 0, 22621)), "10.0.0.6")
    other = obs(challenge({**MEMBER, 1: "PC-07", 3: "PC-07.cityhall.lan"}, (10, 0, 19041)),
                "10.0.0.7")
    inv = build_inventory(make_scan([arp("10.0.0.6", mac(6)), arp("10.0.0.7", mac(7)),
                                     dns("10.0.0.7", "reception.cityhall.lan"), member, other]))
    by_ip = {d.addresses[0]: d for d in inv.devices}
    pc, pc7 = by_ip["10.0.0.6"], by_ip["10.0.0.7"]
    assert (pc.name, pc.dns_name) == ("CLERK-PC01", "CLERK-PC01.cityhall.lan")
    assert (pc.os, pc.os_family, pc.os_version) == (
        "Microsoft Windows 11 22H2-23H2", "Windows", "10.0.22621")
    assert pc.windows_domain == "CITYHALL" and pc.type is DeviceType.WORKSTATION
    assert any(e.source == "smb" and "client release" in e.detail for e in pc.evidence)
    assert (pc7.name, pc7.dns_name) == ("reception", "reception.cityhall.lan")
    assert not pc7.conflicts, pc7.conflicts


def test_samba_names_no_operating_system() -> None:
    data = smb.read_challenge(SAMBA_SESSION) or b""
    inv = build_inventory(make_scan([arp("10.0.0.5", mac(5)), obs(data, "10.0.0.5")]))
    (dev,) = inv.devices
    assert dev.os is None and dev.os_family is None and dev.os_version is None
    assert dev.windows_domain == "CITYHALL" and dev.name == "SRV-FILE"


def test_the_rdp_request_asks_for_nla_and_reads_the_confirm() -> None:
    request = rdp.connection_request()
    assert request[:2] == b"\x03\x00" and struct.unpack(">H", request[2:4])[0] == len(request)
    assert request[5] == 0xE0 and request[-8] == 1  # a Connection Request, then RDP_NEG_REQ
    assert struct.unpack("<I", request[-4:])[0] & rdp.PROTOCOL_HYBRID
    confirm = bytes([14, 0xD0, 0, 0, 0x12, 0x34, 0]) + struct.pack("<BBHI", 2, 0x1F, 8, 2)
    assert rdp.read_confirm(confirm) == rdp.PROTOCOL_HYBRID
    failure = confirm[:7] + struct.pack("<BBHI", 3, 0, 8, 5)  # HYBRID_REQUIRED_BY_SERVER
    assert rdp.read_confirm(failure) is None
    assert rdp.read_confirm(confirm[:7]) is None  # an old server: no negotiation response
    assert rdp.read_confirm(b"\x0e\xe0" + confirm[2:]) is None  # not a Connection Confirm
    token = rdp.ts_request(ntlm.negotiate_message())
    assert token[0] == 0x30 and ntlm.negotiate_message() in token


@pytest.fixture
def desktop(tmp_path: Any) -> Iterator[int]:
    """The lab's Remote Desktop emulator on 127.0.0.1: Windows 11, a member of CITYHALL."""
    import ssl

    port = free_port(socket.SOCK_STREAM)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(str(self_signed(tmp_path / "rdp.pem", "ws1.cityhall.lan")))
    svc = {"windows_version": "10.0.22621", "ntlm": {
        "computer": "WS1", "hostname": "ws1", "domain": "CITYHALL", "dns_domain": "cityhall.lan"}}

    async def start(_loop: asyncio.AbstractEventLoop) -> list[Any]:
        return [await asyncio.start_server(rdp_handler(svc, tls), "127.0.0.1", port)]

    with serving(start):
        yield port


def test_rdp_probe_reads_the_offer_over_tls(desktop: int) -> None:
    [ob] = rdp.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=desktop)
    assert ob.service == "rdp" and ob.port == desktop and ob.dialect is None
    host = describe(ob)
    assert host is not None
    assert (host.computer, host.dns_name, host.domain, host.release) == (
        "WS1", "ws1.cityhall.lan", "CITYHALL", "Windows 11 22H2-23H2")
    assert rdp.probe(["127.0.0.1"], lambda _ip: False, port=desktop) == []


def test_rdp_without_nla_or_tls_gives_nothing(samba: int, hostile: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """An SMB server on the RDP port, and a listener that claims a huge PDU, give nothing."""
    monkeypatch.setattr(tcpask, "READ_S", 0.5)
    assert rdp.probe(["127.0.0.1"], lambda _ip: True, port=samba) == []
    assert rdp.probe(["127.0.0.1"], lambda _ip: True, port=hostile) == []


def test_an_rdp_offer_reaches_the_inventory_as_an_smb_offer_does() -> None:
    offer = obs(challenge(LONER, (10, 0, 22000), member=False), "10.0.0.8", service="rdp")
    inv = build_inventory(make_scan([arp("10.0.0.8", mac(8)), offer]))
    (pc,) = inv.devices
    assert (pc.name, pc.os, pc.os_version) == (
        "FrontDesk", "Microsoft Windows 11 21H2", "10.0.22000")  # its DNS name, as written
    assert pc.windows_domain is None and pc.dns_name is None  # a single label is no DNS name
    assert pc.type is DeviceType.WORKSTATION
    assert "os: the version in its Remote Desktop server's NTLM sign-in offer (CredSSP)" in \
        pc.identity_evidence


def test_a_scan_stored_with_the_first_smb_records_still_reads() -> None:
    """Scans stored before Remote Desktop was asked too wrote source "smb": still read."""
    from pydantic import TypeAdapter

    from netmap.model import Observation

    old = {"source": "smb", "target": "10.0.0.5", "ip": "10.0.0.5", "port": 445,
           "dialect": 770, "signing_required": False,
           "challenge": (smb.read_challenge(SAMBA_SESSION) or b"").hex()}
    ob = TypeAdapter(Observation).validate_python(old)
    assert isinstance(ob, NtlmObs) and ob.service == "smb"
    host = describe(ob)
    assert host is not None and host.computer == "SRV-FILE"


def _computer(build: int, services: list[int], ip: str = "10.0.0.9") -> list[Any]:
    from tests.infer.factory import svc

    offer = obs(challenge(MEMBER, (10, 0, build)), ip)
    return [arp(ip, mac(9)), offer, *(svc(ip, port) for port in services)]


@pytest.mark.parametrize(("ports", "kind", "os"), [
    ([3389, 135, 139], DeviceType.WORKSTATION, "Microsoft Windows 10 1809"),
    ([53, 88, 389, 636, 3268], DeviceType.SERVER, "Microsoft Windows Server 2019"),
])
def test_a_shared_build_becomes_the_release_for_its_type(ports: list[int], kind: DeviceType,
                                                         os: str) -> None:  # fmt: skip
    """17763 is Windows 10 1809 and Windows Server 2019: a computer sure to be a workstation
    gets the first, a domain controller's ports the second, with the reason in its evidence."""
    (dev,) = build_inventory(make_scan(_computer(17763, ports))).devices
    assert dev.type is kind and dev.confidence >= 0.6, dev.evidence
    assert dev.os == os and dev.os_version == "10.0.17763"
    assert any("the one for" in line for line in dev.identity_evidence), dev.identity_evidence


def test_a_shared_build_keeps_both_releases_while_the_type_is_unsure() -> None:
    (dev,) = build_inventory(make_scan(_computer(17763, []))).devices
    assert dev.confidence < 0.6 or dev.type not in (DeviceType.WORKSTATION, DeviceType.SERVER)
    assert dev.os == "Microsoft Windows 10 1809 or Windows Server 2019"


def test_a_type_set_by_hand_picks_the_release() -> None:
    from netmap.model import Overrides

    overrides = Overrides.model_validate({"devices": {"10.0.0.9": {"type": "server"}}})
    (dev,) = build_inventory(make_scan(_computer(26100, [])), overrides).devices
    assert dev.os == "Microsoft Windows Server 2025"


def test_a_member_by_its_ntlm_offer_is_told_the_group_policy() -> None:
    """NTLM proves domain membership (the target is the domain) with no controller found: the
    member's "No host inventory" row names the Group Policy; a workgroup computer's does not.
    The domain's DNS name is kept beside its NetBIOS name."""
    from netmap.render.inventory import attention_table

    member = obs(challenge(MEMBER, (10, 0, 22621)), "10.0.0.6", service="rdp")
    loner = obs(challenge(LONER, (10, 0, 22621), member=False), "10.0.0.7", service="rdp")
    scan = make_scan([arp("10.0.0.6", mac(6)), arp("10.0.0.7", mac(7)), member, loner])
    scan = scan.model_copy(update={"request": scan.request.model_copy(
        update={"host_credentials": ["windows"]})})
    inv = build_inventory(scan)
    by_name = {d.name: d for d in inv.devices}
    assert by_name["CLERK-PC01"].windows_dns_domain == "cityhall.lan"
    assert by_name["FrontDesk"].windows_dns_domain is None
    rows = {r[1]: r[5] for r in attention_table(inv).rows if r[0] == "No host inventory"}
    assert "Group Policy" in rows["CLERK-PC01"] and "members of CITYHALL" in rows["CLERK-PC01"]
    assert "Group Policy" not in rows["FrontDesk"]


# Samba 4.17 with SMB1 on (server min protocol = NT1), on 127.0.0.1, answering netmap's two SMB1
# requests: NT LM 0.12 accepted with extended security, then a SESSION_SETUP_ANDX answer whose
# blob holds the CHALLENGE (OLDNAS, workgroup, 6.1 build 0) and whose NativeOS claims
# "Windows 6.1" beside NativeLanMan "Samba 4.17.12-Debian".
SAMBA1_NEGOTIATE = bytes.fromhex(
    "ff534d4272000000008841c80000000000000000000000000000fffe000001001100000332000100044100000000"
    "0100ab1c0000fdf38080e9de150ef785dd010000005a006f6c646e617300000000000000000000604806062b0601"
    "050502a03e303ca00e300c060a2b06010401823702020aa32a3028a0261b246e6f745f646566696e65645f696e5f"
    "5246433431373840706c656173655f69676e6f7265")
SAMBA1_SESSION = bytes.fromhex(
    "ff534d4273160000c08803c80000000000000000000000000000fffe580a020004ff00000000009f00f500a1819c"
    "308199a0030a0101a10c060a2b06010401823702020aa281830481804e544c4d53535000020000000c000c003800"
    "000005828ae2945bdc6f924b043200000000000000003c003c0044000000060100000000000f4f004c0044004e00"
    "4100530002000c004f004c0044004e004100530001000c004f004c0044004e004100530004000000030004007600"
    "6d00070008008419160ef785dd0100000000570069006e0064006f0077007300200036002e003100000053006100"
    "6d0062006100200034002e00310037002e00310032002d00440065006200690061006e00000057004f0052004b00"
    "470052004f00550050000000")


def test_the_smb1_requests_offer_only_nt_lm_0_12_and_name_no_one() -> None:
    neg = smb1.negotiate_request()
    assert neg[4:8] == b"\xffSMB" and neg.endswith(b"\x02NT LM 0.12\x00")
    setup = smb1.session_setup_request()
    message = setup[setup.index(ntlm.NTLMSSP):]
    assert struct.unpack_from("<I", message, 8)[0] == 1 and message[16:32] == bytes(16)


def test_samba_with_smb1_read_from_its_own_answers() -> None:
    assert smb1.read_negotiate(SAMBA1_NEGOTIATE) == (True, False)
    found = smb1.read_session(SAMBA1_SESSION)
    assert found is not None
    challenge, native_os, lanman = found
    assert challenge is not None and challenge.startswith(ntlm.NTLMSSP)
    assert (native_os, lanman) == ("Windows 6.1", "Samba 4.17.12-Debian")
    ob = NtlmObs(target="10.0.0.5", ip="10.0.0.5", service="smb1", challenge=challenge.hex(),
                 native_os=native_os, native_lanman=lanman)
    host = describe(ob)
    assert host is not None and host.computer == "OLDNAS" and host.release is None
    # Samba's NativeOS says Windows: no OS is read from it, and SMB1 is a finding
    from netmap.render.inventory import attention_table

    inv = build_inventory(make_scan([arp("10.0.0.5", mac(5)), ob]))
    (dev,) = inv.devices
    assert dev.os is None and dev.os_family is None and dev.smb1
    rows = [r for r in attention_table(inv).rows if r[0] == "SMBv1"]
    assert len(rows) == 1 and "NT LM 0.12" in str(rows[0][3])


@pytest.mark.parametrize("message", [
    b"", SAMBA1_NEGOTIATE[:34], SAMBA_NEGOTIATE,  # SMB2 answered: no SMB1 here
    SAMBA1_NEGOTIATE[:33] + b"\xff\xff" + SAMBA1_NEGOTIATE[35:],  # dialect index: none taken
    SAMBA1_NEGOTIATE[:9] + b"\x18" + SAMBA1_NEGOTIATE[10:],  # not flagged a reply
    SAMBA1_NEGOTIATE[:5] + b"\x22\x00\x00\xc0" + SAMBA1_NEGOTIATE[9:],  # access denied
], ids=["empty", "cut", "smb2", "no-dialect", "request", "denied"])
def test_an_smb1_refusal_or_anything_else_is_none(message: bytes) -> None:
    assert smb1.read_negotiate(message) is None


@pytest.mark.parametrize("cut", [0, 20, 36, 40, 60, 120, 200, 260])
def test_a_cut_smb1_session_answer_never_raises(cut: int) -> None:
    found = smb1.read_session(SAMBA1_SESSION[:cut])
    assert found is None or all(x is None or x.isprintable() for x in found[1:])


@pytest.fixture
def samba1() -> Iterator[int]:
    """Answers with the SMB1 Samba's own two answers."""
    with _replaying(SAMBA1_NEGOTIATE, SAMBA1_SESSION) as port:
        yield port


def test_smb1_probe_asks_in_scope_hosts_only(samba1: int, samba: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    [ob] = smb1.probe(["127.0.0.1"], lambda ip: ip == "127.0.0.1", port=samba1)
    assert ob.service == "smb1" and ob.native_lanman == "Samba 4.17.12-Debian"
    assert smb1.probe(["127.0.0.1"], lambda _ip: False, port=samba1) == []
    monkeypatch.setattr(tcpask, "READ_S", 0.5)
    assert smb1.probe(["127.0.0.1"], lambda _ip: True, port=samba) == []  # SMB2 only


def test_windows_xp_is_named_and_its_shared_x64_build_waits_for_the_type() -> None:
    xp = describe(obs(challenge(MEMBER, (5, 1, 2600)), service="smb"))
    assert xp is not None and xp.release == "Windows XP"
    shared = describe(obs(challenge(MEMBER, (5, 2, 3790))))
    assert shared is not None and shared.release == "Windows XP x64 or Windows Server 2003"


@pytest.mark.parametrize(("build", "required", "listed"), [
    ((10, 0, 20348), False, True),  # Windows Server 2022 letting clients skip signing
    ((10, 0, 20348), True, False),  # one that requires it
    ((10, 0, 22621), False, False),  # a Windows 11 PC: optional signing is the client default
])
def test_smb_signing_not_required_is_listed_for_servers(
        build: tuple[int, int, int], required: bool, listed: bool) -> None:  # fmt: skip
    from netmap.render.inventory import attention_table

    names = {2: "CITYHALL", 1: "FILES01", 4: "cityhall.lan", 3: "FILES01.cityhall.lan"}
    ob = NtlmObs(target="10.0.0.8", ip="10.0.0.8", service="smb", dialect=0x0311,
                 signing_required=required, challenge=challenge(names, build).hex())
    inv = build_inventory(make_scan([arp("10.0.0.8", mac(8)), svc("10.0.0.8", 445), ob]))
    (dev,) = inv.devices
    assert dev.smb_signing_required is required
    rows = [r for r in attention_table(inv).rows if r[0] == "SMB signing not required"]
    assert len(rows) == int(listed), (dev.type, rows)
    if listed:
        assert dev.type is DeviceType.SERVER and "relay" in str(rows[0][3])


def test_an_offer_without_a_challenge_still_says_how_signing_stands() -> None:
    ob = NtlmObs(target="10.0.0.8", ip="10.0.0.8", service="smb", dialect=0x0302,
                 signing_required=False)
    inv = build_inventory(make_scan([arp("10.0.0.8", mac(8)), ob]))
    assert inv.devices[0].smb_signing_required is False
    rdp_only = NtlmObs(target="10.0.0.9", ip="10.0.0.9", service="rdp", port=3389)
    inv = build_inventory(make_scan([arp("10.0.0.9", mac(9)), rdp_only]))
    assert inv.devices[0].smb_signing_required is None
