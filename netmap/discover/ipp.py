"""A printer's own description over IPP (TCP 631): one Get-Printer-Attributes request
(RFC 8011 4.2.5, encoded as RFC 8010 says) asking for the attributes that identify it, with no
job, no user name and nothing printed.

A network printer answers IPP whether or not its SNMP is on: its make and model, its IEEE 1284
device ID (maker, model and, on some, the serial number), its firmware (PWG 5100.13's
printer-firmware-* attributes, which IPP Everywhere printers give) and the location its
administrator set. The printer's path differs by maker: IPP Everywhere's `/ipp/print` first,
then `/ipp` and `/`, each tried only when the one before was not found.

The answer is stored as received (hex, size-capped); reading it is identification's business
(`infer/identify/ipp.py`). A printer that insists on TLS (HTTP 426) or on a password gives
nothing here.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Callable

from netmap.discover.tcpask import READ_S, ask, run_each
from netmap.model import IppObs

IPP_PORT = 631
PATHS = ("/ipp/print", "/ipp", "/")
MAX_RESPONSE = 32 * 1024  # what is kept; the asked-for attributes take a kilobyte or two
MAX_HEADERS, MAX_LINE = 64, 4096
EXCHANGE_S = 3 * READ_S  # one request and its whole answer
GET_PRINTER_ATTRIBUTES = 0x000B
# The attributes that identify a printer: RFC 8011's, the IEEE 1284 device ID (PWG 5107.2),
# the firmware (PWG 5100.13) and its UUID (RFC 8011 5.4.41 via PWG 5100.13).
REQUESTED = (
    "printer-make-and-model", "printer-device-id", "printer-info", "printer-name",
    "printer-location", "printer-uuid", "printer-firmware-name",
    "printer-firmware-string-version", "printer-more-info", "ipp-versions-supported",
    "printer-uri-supported",
)
# IPP value tags (RFC 8010 3.5.2) for the request
_OPERATION_GROUP, _END = 0x01, 0x03
_CHARSET, _LANGUAGE, _URI, _KEYWORD = 0x47, 0x48, 0x45, 0x44
_NOT_FOUND = 0x0406  # client-error-not-found: no printer at this path


def attribute(tag: int, name: str, value: str) -> bytes:
    n, v = name.encode(), value.encode()
    return struct.pack(">BH", tag, len(n)) + n + struct.pack(">H", len(v)) + v


def request(uri: str, request_id: int = 1) -> bytes:
    """A Get-Printer-Attributes request (IPP/1.1, which every IPP printer accepts)."""
    body = struct.pack(">BBHI", 1, 1, GET_PRINTER_ATTRIBUTES, request_id)
    body += bytes([_OPERATION_GROUP])
    body += attribute(_CHARSET, "attributes-charset", "utf-8")
    body += attribute(_LANGUAGE, "attributes-natural-language", "en")
    body += attribute(_URI, "printer-uri", uri)
    body += attribute(_KEYWORD, "requested-attributes", REQUESTED[0])
    for more in REQUESTED[1:]:  # further values of the same attribute have no name
        body += attribute(_KEYWORD, "", more)
    return body + bytes([_END])


def http_post(host: str, port: int, path: str, body: bytes) -> bytes:
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/ipp\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    return head.encode() + body


def ipp_status(message: bytes) -> int | None:
    """An IPP response's status code; None when it is not an IPP response."""
    if len(message) < 8 or message[0] not in (1, 2):
        return None
    return int(struct.unpack_from(">H", message, 2)[0])


async def _line(reader: asyncio.StreamReader) -> bytes:
    line = await asyncio.wait_for(reader.readline(), READ_S)
    if len(line) > MAX_LINE:
        raise ValueError("HTTP line too long")
    return line


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    """A chunked body (RFC 9112 7.1); reading stops at MAX_RESPONSE bytes."""
    body = b""
    while len(body) < MAX_RESPONSE:  # every chunk but the last adds a byte: bounded
        size = int((await _line(reader)).split(b";")[0].strip() or b"x", 16)
        if size == 0:
            break
        room = MAX_RESPONSE - len(body)
        body += await asyncio.wait_for(reader.readexactly(min(size, room)), READ_S)
        if size > room:
            break
        await _line(reader)  # the chunk's CRLF
    return body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    """An HTTP response's status, headers (lower-cased names) and body (size-capped)."""
    status_line = (await _line(reader)).decode("latin-1").split()
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/"):
        raise ValueError("not HTTP")
    status = int(status_line[1])
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADERS):
        line = (await _line(reader)).decode("latin-1").strip()
        if not line:
            break
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), value.strip())
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = await _chunked(reader)
    elif (length := headers.get("content-length", "")).isdigit():
        body = await asyncio.wait_for(reader.readexactly(min(int(length), MAX_RESPONSE)), READ_S)
    else:  # no length: the body ends when the printer closes
        body = await asyncio.wait_for(reader.read(MAX_RESPONSE), READ_S)
    return status, headers, body


async def _exchange(ip: str, port: int, path: str) -> tuple[int, dict[str, str], bytes] | None:
    """One request on its own connection (the printer closes after answering)."""

    async def talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str,
                   p: int) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
        writer.write(http_post(host, p, path, request(f"ipp://{host}:{p}{path}")))
        return await asyncio.wait_for(read_response(reader), EXCHANGE_S)

    return await ask(talk, ip, port)


async def describe_printer(ip: str, port: int = IPP_PORT) -> IppObs | None:
    """The first path that answers as a printer; the next is tried only after "not found"."""
    for path in PATHS:
        answer = await _exchange(ip, port, path)
        if answer is None:
            return None
        status, headers, body = answer
        code = ipp_status(body) if status == 200 else None
        if code is not None and code < 0x0100:  # successful-ok and its variants
            server = headers.get("server")
            return IppObs(target=ip, ip=ip, port=port, path=path,
                          server=server[:256] if server else None, response=body.hex())
        if status != 404 and code != _NOT_FOUND:
            return None  # refused for another reason (a password, TLS only, a bad request)
    return None


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = IPP_PORT) -> list[IppObs]:  # fmt: skip
    """One observation per in-scope target whose IPP server described a printer."""
    return run_each(sorted({ip for ip in ips if in_scope(ip)}),
                    lambda ip: describe_printer(ip, port))
