"""Small service emulators for lab devices: one process per device serves all of
its emulated services (SMTP, IMAP, SIP, HTTP, JetDirect, plain open TCP ports).

They speak just enough of each protocol for banner grabbing and `nmap -sV`:
real-looking greetings and headers, correct framing, bounded reads and timeouts.

    python -m netmap.lab.services CONFIG.json

CONFIG: {"hostname": "mail.cityhall.lan", "ready_file": "...",
         "services": [{"port", "proto", "name", "impl", "banner", "headers", "title"}]}
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import ssl
import struct
import sys
import uuid
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, cast

MAX_LINE = 8192
IDLE_TIMEOUT = 10.0  # seconds a client may stay silent before we hang up
MAX_COMMANDS = 50

Svc = dict[str, Any]
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _readline(reader: asyncio.StreamReader) -> bytes:
    try:
        return await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT)
    except (TimeoutError, ValueError, ConnectionError, asyncio.LimitOverrunError):
        return b""


async def _chunks(reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
    """What the client sends, chunk by chunk, until it closes or goes idle (bounded)."""
    for _ in range(MAX_COMMANDS):
        try:
            chunk = await asyncio.wait_for(reader.read(MAX_LINE), IDLE_TIMEOUT)
        except (TimeoutError, ConnectionError):
            return
        if not chunk:
            return
        yield chunk


async def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        await writer.drain()
        writer.close()
        await asyncio.wait_for(writer.wait_closed(), 2)


# ------------------------------------------------------------------ IMAP (Dovecot-like)

_IMAP_CAPS = ("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS "
              "AUTH=PLAIN AUTH=LOGIN")


def imap_handler(svc: Svc, hostname: str) -> Handler:
    greeting = svc.get("banner") or "Dovecot ready."

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f"* OK [CAPABILITY {_IMAP_CAPS}] {greeting}\r\n".encode())
        for _ in range(MAX_COMMANDS):
            line = (await _readline(reader)).decode("latin-1").strip()
            if not line:
                break
            tag, _, rest = line.partition(" ")
            cmd = rest.split(" ", 1)[0].upper()
            if cmd == "CAPABILITY":
                writer.write(f"* CAPABILITY {_IMAP_CAPS}\r\n{tag} OK Pre-login capabilities "
                             "listed, post-login capabilities have more.\r\n".encode())
            elif cmd == "NOOP":
                writer.write(f"{tag} OK NOOP completed.\r\n".encode())
            elif cmd == "ID":
                writer.write(f'* ID ("name" "Dovecot")\r\n{tag} OK ID completed.\r\n'.encode())
            elif cmd == "LOGOUT":
                writer.write(f"* BYE Logging out\r\n{tag} OK Logout completed.\r\n".encode())
                break
            elif cmd in ("LOGIN", "AUTHENTICATE"):
                writer.write(f"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"
                             .encode())
            elif cmd == "STARTTLS":
                writer.write(f"{tag} NO [UNAVAILABLE] TLS support isn't enabled.\r\n".encode())
            else:
                writer.write(f"{tag} BAD Error in IMAP command received by server.\r\n"
                             .encode())
            await writer.drain()
        await _close(writer)

    return handle


# ------------------------------------------------------------------ HTTP


def http_handler(svc: Svc, hostname: str) -> Handler:
    headers: dict[str, str] = dict(svc.get("headers") or {})
    title = svc.get("title") or hostname
    version = svc.get("http_version") or "1.1"
    body = (f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>"
            f"<body><h1>{title}</h1></body></html>\n").encode()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = (await _readline(reader)).decode("latin-1").split()
        for _ in range(100):  # drain request headers, bounded
            line = await _readline(reader)
            if line in (b"", b"\r\n", b"\n"):
                break
        if len(request) >= 2 and request[-1].startswith("HTTP/"):
            head = [f"HTTP/{version} 200 OK", *(f"{k}: {v}" for k, v in headers.items()),
                    "Content-Type: text/html; charset=utf-8", f"Content-Length: {len(body)}",
                    "Connection: close"]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
            if request[0].upper() != "HEAD":
                writer.write(body)
        else:
            writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close"
                         + "".join(f"\r\n{k}: {v}" for k, v in headers.items()).encode()
                         + b"\r\n\r\n")
        await _close(writer)

    return handle


# ------------------------------------------------------------------ JetDirect / raw TCP


def jetdirect_handler(svc: Svc, hostname: str) -> Handler:
    ident = svc.get("banner") or "HP LaserJet"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(MAX_COMMANDS):
            line = await _readline(reader)
            if not line:
                break
            if b"INFO ID" in line.upper():
                writer.write(f'@PJL INFO ID\r\n"{ident}"\r\n\x0c'.encode())
                await writer.drain()
        await _close(writer)

    return handle


def tcp_handler(svc: Svc, hostname: str) -> Handler:
    banner = svc.get("banner")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if banner:
            writer.write(banner.encode() + b"\r\n")
        # Stay silent but open (like a service awaiting its binary protocol) until the
        # client gives up: closing early would look like a TCP wrapper to nmap.
        async for _chunk in _chunks(reader):
            pass
        await _close(writer)

    return handle


# A Windows RPC endpoint mapper answers a request it cannot parse with this DCE/RPC bind_nak
# (version 5, type 13, 24 bytes, reason "protocol version not supported"): the reply that
# nmap's msrpc line files as "Microsoft Windows RPC", o/Windows/.
MSRPC_BIND_NAK = bytes.fromhex("05000d03" "10000000" "18000000" "00000000" "04000105" "00000000")


def msrpc_handler(svc: Svc, hostname: str) -> Handler:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async for _chunk in _chunks(reader):
            writer.write(MSRPC_BIND_NAK)
            await writer.drain()
        await _close(writer)

    return handle


# Remote Desktop with Network Level Authentication, as Windows answers it up to its NTLM
# CHALLENGE: the X.224 Connection Confirm selecting PROTOCOL_HYBRID (MS-RDPBCGR 2.2.1.2), TLS,
# then a CredSSP TSRequest (MS-CSSP 2.2.1) carrying the CHALLENGE (MS-NLMP 2.2.1.2).
_UNICODE, _TARGET_DOMAIN, _TARGET_SERVER, _TARGET_INFO, _VERSION = (
    0x1, 0x10000, 0x20000, 0x800000, 0x2000000)
_NTLM_FLAGS = 0xE2890205  # Unicode, request target, NTLM, always sign, extended security, 128, 56


def ntlm_challenge(names: dict[int, str], version: tuple[int, int, int] | None,
                   member: bool) -> bytes:  # fmt: skip
    """A CHALLENGE laid out field by field as MS-NLMP 2.2.1.2 says and filled as Windows fills
    it: a domain member's target is its domain, a workgroup computer's is itself; AV pairs (id
    -> text) end in MsvAvEOL; the version field only with its flag."""
    pairs = b"".join(struct.pack("<HH", k, len(v.encode("utf-16-le"))) + v.encode("utf-16-le")
                     for k, v in names.items()) + b"\x00\x00\x00\x00"
    target = ((names.get(2) if member else names.get(1)) or "").encode("utf-16-le")
    flags = _NTLM_FLAGS | _TARGET_INFO | (_TARGET_DOMAIN if member else _TARGET_SERVER)
    flags |= _VERSION if version else 0
    ver = (bytes(version[:2]) + struct.pack("<H", version[2]) + b"\x00\x00\x00\x0f"
           if version else bytes(8))
    head = 56
    return (b"NTLMSSP\x00" + struct.pack("<I", 2)
            + struct.pack("<HHI", len(target), len(target), head) + struct.pack("<I", flags)
            + b"\x11" * 8 + bytes(8) + struct.pack("<HHI", len(pairs), len(pairs), head + len(target))
            + ver + target + pairs)


def windows_names(ntlm: dict[str, Any]) -> dict[int, str]:
    """The AV pairs a Windows computer gives: a member's domain and DNS names, or its own
    name in every field when it is in a workgroup."""
    computer, domain, dns_domain = ntlm["computer"], ntlm.get("domain"), ntlm.get("dns_domain")
    if not domain:
        return {2: computer, 1: computer, 4: ntlm["hostname"], 3: ntlm["hostname"]}
    return {2: domain, 1: computer, 4: dns_domain, 3: f"{ntlm['hostname']}.{dns_domain}",
            5: dns_domain}


def rdp_handler(svc: Svc, tls: ssl.SSLContext) -> Handler:
    from netmap.discover.ntlm import der

    ntlm = svc["ntlm"]
    version = tuple(int(x) for x in str(svc["windows_version"]).split("."))
    challenge = ntlm_challenge(windows_names(ntlm), (version[0], version[1], version[2]),
                               member=bool(ntlm.get("domain")))
    answer = der(0x30, der(0xA0, der(0x02, b"\x06"))
                 + der(0xA1, der(0x30, der(0x30, der(0xA0, der(0x04, challenge))))))
    confirm = bytes([14, 0xD0, 0, 0, 0x12, 0x34, 0]) + struct.pack("<BBHI", 2, 0x1F, 8, 2)
    refuse = bytes([14, 0xD0, 0, 0, 0x12, 0x34, 0]) + struct.pack("<BBHI", 3, 0, 8, 5)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            head = await asyncio.wait_for(reader.readexactly(4), IDLE_TIMEOUT)
            size = struct.unpack(">H", head[2:])[0]
            request = await asyncio.wait_for(reader.readexactly(min(max(size - 4, 0), 512)),
                                             IDLE_TIMEOUT)
            hybrid = len(request) >= 15 and request[-8] == 1 and request[-4] & 0x2
            pdu = confirm if hybrid else refuse  # NLA is required: HYBRID_REQUIRED_BY_SERVER
            writer.write(struct.pack(">BBH", 3, 0, 4 + len(pdu)) + pdu)
            await writer.drain()
            if hybrid:
                await asyncio.wait_for(writer.start_tls(tls), IDLE_TIMEOUT)
                await asyncio.wait_for(reader.read(MAX_LINE), IDLE_TIMEOUT)  # the TSRequest
                writer.write(answer)
                await writer.drain()
                await asyncio.wait_for(reader.read(MAX_LINE), IDLE_TIMEOUT)  # until it hangs up
        await _close(writer)

    return handle


# ------------------------------------------------------------------ UDP


class UdpReplier(asyncio.DatagramProtocol):
    """Answers each datagram with what `respond` makes of it (nothing for None)."""

    def __init__(self, respond: Callable[[bytes], bytes | None]) -> None:
        self.respond = respond
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        reply = self.respond(data[:MAX_LINE])
        if reply and self.transport is not None:
            self.transport.sendto(reply, addr)


def replier(respond: Callable[[bytes], bytes | None]) -> Callable[[], UdpReplier]:
    return functools.partial(UdpReplier, respond)


# ------------------------------------------------------------------ UPnP (SSDP and description)

_UPNP_FIELDS = ("deviceType", "friendlyName", "manufacturer", "modelDescription", "modelName",
                "modelNumber", "serialNumber", "UDN")


def upnp_description(u: dict[str, Any]) -> bytes:
    """The root device's description document (UPnP Device Architecture 1.0, 2.1)."""
    from xml.sax.saxutils import escape

    fields = "".join(f"<{k}>{escape(str(u[k]))}</{k}>" for k in _UPNP_FIELDS if u.get(k))
    return ('<?xml version="1.0"?>\n<root xmlns="urn:schemas-upnp-org:device-1-0">'
            "<specVersion><major>1</major><minor>0</minor></specVersion>"
            f"<device>{fields}</device></root>\n").encode()


def ssdp_response(request: bytes, u: dict[str, Any]) -> bytes | None:
    """The answer to an M-SEARCH for all devices, root devices or this device's type."""
    text = request[:MAX_LINE].decode("latin-1")
    if not text.upper().startswith("M-SEARCH * HTTP/1.1"):
        return None
    st = next((line.split(":", 1)[1].strip() for line in text.split("\r\n")
               if line.lower().startswith("st:")), "")
    if st not in ("ssdp:all", "upnp:rootdevice", u["deviceType"]):
        return None
    answer = st if st != "ssdp:all" else "upnp:rootdevice"
    return ("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
            f"LOCATION: http://{u['ip']}:{u['port']}/description.xml\r\n"
            f"SERVER: {u['server']}\r\nST: {answer}\r\nUSN: {u['UDN']}::{answer}\r\n\r\n"
            ).encode()


def upnp_http_handler(upnp: dict[str, Any]) -> Handler:
    body = upnp_description(upnp)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = (await _readline(reader)).decode("latin-1").split()
        for _ in range(100):  # drain request headers, bounded
            if (await _readline(reader)) in (b"", b"\r\n", b"\n"):
                break
        found = len(request) >= 2 and request[1] == "/description.xml"
        status, content = ("200 OK", body) if found else ("404 Not Found", b"")
        writer.write((f"HTTP/1.1 {status}\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n"
                      f"Content-Length: {len(content)}\r\nConnection: close\r\n"
                      f"Server: {upnp['server']}\r\n\r\n").encode() + content)
        await _close(writer)

    return handle


# ------------------------------------------------------------------ mDNS (DNS-SD, unicast)


# the port each announced service type points at (its SRV record)
_MDNS_PORTS = {"_ipp._tcp": 631, "_ipps._tcp": 631, "_pdl-datastream._tcp": 9100,
               "_printer._tcp": 515, "_http._tcp": 80}


def mdns_response(request: bytes, m: dict[str, Any]) -> bytes | None:
    """The answer to a unicast DNS-SD question (RFC 6762, 6.7), as a printer's responder
    gives it: the question repeated, the same ID; PTR answers for the service list and each
    offered type, with the instance's TXT, SRV and the host's A record added; TXT or SRV for
    the instance; A for the host."""
    from scapy.layers.dns import DNS, DNSQR, DNSRR, DNSRRSRV

    try:
        query = DNS(request[:MAX_LINE])
        questions = [(q.qname.decode("utf-8", "replace").rstrip("."), int(q.qtype))
                     for q in (query.qd or [])][:16]
    except Exception:  # a malformed question gets no answer
        return None
    if query.qr != 0 or not questions:
        return None
    services = [f"{svc}.local" for svc in m["services"]]
    instance = {svc: f"{m['instance']}.{svc}" for svc in services}
    host = f"{m.get('hostname', 'device')}.local"
    txt = [f"{k}={v}".encode() for k, v in m["txt"].items()] or [b""]

    def srv(svc: str) -> Any:
        return DNSRRSRV(rrname=instance[svc], ttl=120, priority=0, weight=0,
                        port=_MDNS_PORTS.get(svc.removesuffix(".local"), 0), target=host)

    address = [DNSRR(rrname=host, type="A", ttl=120, rdata=m["ip"])] if m.get("ip") else []
    answers: list[Any] = []
    extra: list[Any] = []
    for name, qtype in questions:
        if name == "_services._dns-sd._udp.local" and qtype in (12, 255):
            answers += [DNSRR(rrname=name, type="PTR", ttl=4500, rdata=svc) for svc in services]
        elif name in instance and qtype in (12, 255):
            answers.append(DNSRR(rrname=name, type="PTR", ttl=4500, rdata=instance[name]))
            extra += [DNSRR(rrname=instance[name], type="TXT", ttl=4500, rdata=txt), srv(name)]
        elif name in instance.values() and qtype in (16, 33, 255):
            svc = next(k for k, v in instance.items() if v == name)
            if qtype in (16, 255):
                answers.append(DNSRR(rrname=name, type="TXT", ttl=4500, rdata=txt))
            if qtype in (33, 255):
                answers.append(srv(svc))
        elif name == host and qtype in (1, 255):
            answers += address
    if not answers:
        return None
    if extra:
        extra += address
    return bytes(DNS(id=query.id, qr=1, aa=1, rd=0,
                     qd=[DNSQR(qname=n, qtype=t) for n, t in questions], an=answers,
                     ar=extra or None))


# ------------------------------------------------------------------ SIP


def sip_response(request: bytes, headers: dict[str, str], local: str) -> bytes | None:
    """A UAS answer: 200 OK to OPTIONS, 501 to anything else. None for non-requests."""
    text = request.decode("utf-8", "replace")
    head, _, _ = text.partition("\r\n\r\n")
    lines = head.split("\r\n")
    first = lines[0].split(" ")
    if len(first) != 3 or not first[2].startswith("SIP/2.0"):
        return None
    copied: list[str] = []
    for line in lines[1:]:
        name = line.split(":", 1)[0].strip().lower()
        if name in ("via", "v", "from", "f", "call-id", "i", "cseq"):
            copied.append(line)
        elif name in ("to", "t"):
            copied.append(line if ";tag=" in line else f"{line};tag={uuid.uuid4().hex[:10]}")
    status = "200 OK" if first[0].upper() == "OPTIONS" else "501 Not Implemented"
    out = [f"SIP/2.0 {status}", *copied]
    out += [f"{k}: {v}" for k, v in headers.items()]
    out += [f"Contact: <sip:{local}>",
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, SUBSCRIBE, NOTIFY, INFO, "
            "PUBLISH, MESSAGE",
            "Supported: replaces, timer", "Accept: application/sdp", "Content-Length: 0"]
    return ("\r\n".join(out) + "\r\n\r\n").encode()


def sip_tcp_handler(svc: Svc, hostname: str) -> Handler:
    headers: dict[str, str] = dict(svc.get("headers") or {})

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(MAX_COMMANDS):
            try:
                data = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_TIMEOUT)
            except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    ConnectionError):
                break
            reply = sip_response(data, headers, hostname)
            if reply is None:
                break
            writer.write(reply)
            await writer.drain()
        await _close(writer)

    return handle


# ------------------------------------------------------------------ SMTP (Postfix-like)


def smtp_factory(svc: Svc, hostname: str) -> Callable[[], asyncio.Protocol]:
    from aiosmtpd.smtp import SMTP  # imported only where SMTP is served (slow import)

    class PostfixLike:
        async def handle_EHLO(self, server: Any, session: Any, envelope: Any,
                              hostname_: str, responses: list[str]) -> list[str]:
            session.host_name = hostname_
            return [f"250-{hostname}", "250-PIPELINING", "250-SIZE 10240000", "250-VRFY",
                    "250-ETRN", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-DSN",
                    "250-SMTPUTF8", "250 CHUNKING"]

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return f"250 2.0.0 Ok: queued as {uuid.uuid4().hex[:10].upper()}"

    ident = svc.get("banner") or "ESMTP Postfix"
    handler = PostfixLike()
    return lambda: SMTP(handler, hostname=hostname, ident=ident, timeout=IDLE_TIMEOUT,
                        data_size_limit=10_240_000)


# ------------------------------------------------------------------ IPP printer


def ipp_printer_attributes(printer: dict[str, Any], host: str, port: int) -> list[bytes]:
    """A printer's description attributes, each encoded (RFC 8010): what an IPP Everywhere
    printer's firmware gives, from the lab spec."""
    from netmap.discover.ipp import attribute

    uri = f"ipp://{host}:{port}{printer['path']}"
    texts = {  # (value tag, value): textWithoutLanguage 0x41, nameWithoutLanguage 0x42, uri 0x45
        "printer-uri-supported": (0x45, uri),
        "printer-name": (0x42, printer["make_and_model"]),
        "printer-location": (0x41, printer["location"]),
        "printer-info": (0x41, printer["make_and_model"]),
        "printer-make-and-model": (0x41, printer["make_and_model"]),
        "printer-device-id": (0x41, printer["device_id"]),
        "printer-uuid": (0x45, f"urn:uuid:{printer['uuid']}"),
        "printer-firmware-name": (0x42, "Main"),
        "printer-firmware-string-version": (0x41, printer["firmware"]),
        "printer-more-info": (0x45, f"http://{host}/"),
    }
    # the rest of RFC 8011's required printer description, as ipptool checks it: charset,
    # naturalLanguage, keyword and mimeMediaType values (0x47, 0x48, 0x44, 0x49), enums (0x23),
    # integers (0x21), a boolean (0x22) and one collection (media-col-default: A4 plain paper,
    # 0x34..0x37)
    many: dict[str, tuple[int, list[str]]] = {
        "charset-configured": (0x47, ["utf-8"]), "charset-supported": (0x47, ["utf-8"]),
        "natural-language-configured": (0x48, ["en"]),
        "generated-natural-language-supported": (0x48, ["en"]),
        "compression-supported": (0x44, ["none"]), "printer-state-reasons": (0x44, ["none"]),
        "uri-authentication-supported": (0x44, ["none"]),
        "uri-security-supported": (0x44, ["none"]),
        "ipp-versions-supported": (0x44, ["1.0", "1.1", "2.0"]),
        "document-format-default": (0x49, ["application/octet-stream"]),
        "document-format-supported": (0x49, ["application/octet-stream", "image/urf",
                                             "image/pwg-raster"]),
    }
    out = [attribute(tag, name, value) for name, (tag, value) in texts.items()]
    out += [b"".join(attribute(tag, name if i == 0 else "", value)
                     for i, value in enumerate(values)) for name, (tag, values) in many.items()]
    out += [_number(0x23, "printer-state", [3]),
            _number(0x23, "operations-supported", [0x02, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0A,
                                                   0x0B]),
            _number(0x21, "printer-up-time", [86400]),
            attribute(0x22, "printer-is-accepting-jobs", "\x01"),
            attribute(0x34, "media-col-default", "") + attribute(0x4A, "", "media-size")
            + attribute(0x34, "", "") + attribute(0x4A, "", "x-dimension")
            + _number(0x21, "", [21000]) + attribute(0x4A, "", "y-dimension")
            + _number(0x21, "", [29700]) + attribute(0x37, "", "")
            + attribute(0x4A, "", "media-type") + attribute(0x44, "", "stationery")
            + attribute(0x37, "", "")]
    return out


def _number(tag: int, name: str, values: list[int]) -> bytes:
    """An integer or enum attribute (RFC 8010: four octets, big-endian), values after the first
    nameless."""
    out = b""
    for i, value in enumerate(values):
        label = name.encode() if i == 0 else b""
        out += struct.pack(">BH", tag, len(label)) + label + struct.pack(">HI", 4, value)
    return out


def ipp_response(request: bytes, path: str, printer: dict[str, Any], host: str,
                 port: int) -> bytes:  # fmt: skip
    """The IPP response to a request: Get-Printer-Attributes at the printer's path gets its
    description (the attributes asked for, or all); any other path "not found", any other
    operation "operation not supported"."""
    from netmap.discover.ipp import attribute
    from netmap.infer.identify.ipp import OPERATION_GROUP, attributes

    if len(request) < 9 or request[0] not in (1, 2):
        return b""
    operation, request_id = struct.unpack_from(">HI", request, 2)
    status, printer_group = 0x0000, b""
    if path != printer["path"]:
        status = 0x0406  # client-error-not-found
    elif operation != 0x000B:
        status = 0x0501  # server-error-operation-not-supported
    else:
        wanted = set(attributes(request, OPERATION_GROUP).get("requested-attributes", []))
        chosen = [a for a in ipp_printer_attributes(printer, host, port)
                  if not wanted or wanted & {"all", "printer-description"}
                  or a[3:3 + struct.unpack_from(">H", a, 1)[0]].decode() in wanted]
        printer_group = b"\x04" + b"".join(chosen)
    head = struct.pack(">BBHI", request[0], request[1], status, request_id) + b"\x01"
    head += attribute(0x47, "attributes-charset", "utf-8")
    head += attribute(0x48, "attributes-natural-language", "en")
    return head + printer_group + b"\x03"


def ipp_handler(svc: Svc, hostname: str) -> Handler:
    printer: dict[str, Any] = svc["printer"]
    headers: dict[str, str] = dict(svc.get("headers") or {})
    port = int(svc["port"])

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = (await _readline(reader)).decode("latin-1").split()
        fields: dict[str, str] = {}
        for _ in range(100):  # request headers, bounded
            line = (await _readline(reader)).decode("latin-1").strip()
            if not line:
                break
            key, _, value = line.partition(":")
            fields[key.strip().lower()] = value.strip()
        if "100-continue" in fields.get("expect", "").lower():
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        raw_length = fields.get("content-length", "")
        length = int(raw_length) if raw_length.isdigit() else 0
        body = b""
        with contextlib.suppress(TimeoutError, asyncio.IncompleteReadError, ConnectionError):
            body = await asyncio.wait_for(reader.readexactly(min(length, 65536)), IDLE_TIMEOUT)
        host = writer.get_extra_info("sockname")[0]
        answer = (ipp_response(body, request[1], printer, host, port)
                  if len(request) == 3 and request[0] == "POST" else b"")
        status = "200 OK" if answer else "400 Bad Request"
        head = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()),
                "Content-Type: application/ipp", f"Content-Length: {len(answer)}",
                "Connection: close"]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + answer)
        await _close(writer)

    return handle


# ------------------------------------------------------------------ Ubiquiti discovery


def ubnt_response(request: bytes, u: dict[str, Any]) -> bytes | None:
    """The version 1 discovery reply to the version 1 request: type-length-value fields with
    the numbers nmap's `ubiquiti-discovery` script and Wireshark's UBDP dissector read (MAC and
    address, MAC, uptime, host name, product, firmware name, model, version)."""
    if request != b"\x01\x00\x00\x00":
        return None
    mac = bytes.fromhex(u["mac"].replace(":", ""))
    address = bytes(int(octet) for octet in u["ip"].split("."))
    items = [(0x02, mac + address), (0x01, mac), (0x0A, struct.pack(">I", 86400)),
             (0x0B, u["hostname"].encode()), (0x0C, u["product"].encode()),
             (0x03, u["firmware_name"].encode()), (0x15, u["model"].encode()),
             (0x16, u["version"].encode())]
    body = b"".join(struct.pack(">BH", kind, len(value)) + value for kind, value in items)
    return struct.pack(">BBH", 1, 0, len(body)) + body


# ------------------------------------------------------------------ main

_TCP: dict[str, Callable[[Svc, str], Handler]] = {
    "imap": imap_handler, "http": http_handler, "jetdirect": jetdirect_handler,
    "tcp": tcp_handler, "sip": sip_tcp_handler, "msrpc": msrpc_handler, "ipp": ipp_handler,
}


def _tls(config: dict[str, Any]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    # answer an old client's hello with a handshake, not a silent close: asyncio drops the
    # alert a refused hello would get, and nmap's service scan tells TLS by its reply to one
    with warnings.catch_warnings():  # TLS 1.0 is deprecated, and old clients still send it
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.load_cert_chain(str(config["certificate"]))
    return context


async def start(config: dict[str, Any]) -> list[Any]:
    hostname = str(config["hostname"])
    loop = asyncio.get_running_loop()
    servers: list[Any] = []
    for svc in config["services"]:
        port, impl = int(svc["port"]), str(svc["impl"])
        if svc.get("proto", "tcp") == "udp":
            transport, _ = await loop.create_datagram_endpoint(
                replier(functools.partial(sip_response, headers=dict(svc.get("headers") or {}),
                                          local=hostname)),
                local_addr=("0.0.0.0", port))
            servers.append(transport)
        elif impl == "smtp":
            servers.append(await loop.create_server(smtp_factory(svc, hostname), "0.0.0.0",
                                                    port, reuse_address=True))
        elif impl == "rdp":
            servers.append(await asyncio.start_server(rdp_handler(svc, _tls(config)), "0.0.0.0",
                                                      port, reuse_address=True, limit=MAX_LINE))
        else:
            handler = _TCP[impl](svc, hostname)
            tls = _tls(config) if svc.get("tls") else None
            servers.append(await asyncio.start_server(handler, "0.0.0.0", port, ssl=tls,
                                                      reuse_address=True, limit=MAX_LINE))
    if mdns := config.get("mdns"):
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(mdns_response, m=mdns)), local_addr=("0.0.0.0", 5353))
        servers.append(transport)
    if ubnt := config.get("ubnt"):
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(ubnt_response, u=ubnt)), local_addr=("0.0.0.0", 10001))
        servers.append(transport)
    if upnp := config.get("upnp"):
        transport, _ = await loop.create_datagram_endpoint(
            replier(functools.partial(ssdp_response, u=upnp)), local_addr=("0.0.0.0", 1900))
        servers.append(transport)
        servers.append(await asyncio.start_server(upnp_http_handler(upnp), "0.0.0.0",
                                                  int(upnp["port"]), reuse_address=True,
                                                  limit=MAX_LINE))
    return servers


async def amain(config_path: str) -> None:
    config = json.loads(Path(config_path).read_text())
    servers = await start(config)
    if config.get("ready_file"):
        Path(config["ready_file"]).write_text("ready\n")
    try:
        await asyncio.Event().wait()
    finally:
        for s in servers:
            s.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: services CONFIG.json\n")
        return 2
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(amain(argv[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
