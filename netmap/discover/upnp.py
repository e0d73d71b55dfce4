"""UPnP: what a device that answers no SNMP says of itself over SSDP.

Printers, cameras, NAS boxes, routers and access points run a UPnP responder. Asked with an
SSDP M-SEARCH, each answers with the address of its device description, an XML document that
names its maker, model name and number, and often its serial number.

Every query is unicast to one address of the scan's targets (never the SSDP multicast group), and
a description is fetched only from the address that answered: a LOCATION naming any other host
is recorded and not followed. The description is stored as the device sent it (size-capped);
reading it is identification's business (`infer/identify/upnp.py`).
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from netmap.discover.udp import exchange
from netmap.model import UpnpObs

SSDP_PORT = 1900
WAIT_S = 1.5  # a LAN responder answers a unicast M-SEARCH in milliseconds; MX is 1 s at most
MAX_REPLY = 8192
MAX_LOCATIONS = 2  # description documents fetched per device
MAX_DESCRIPTION = 256 * 1024
FETCH_TIMEOUT_S = 3.0  # each connect and each read
FETCH_TOTAL_S = 6.0  # a whole document: a server that drips bytes is cut off here
PHASE_BUDGET_S = 60.0  # every fetch of one scan; hosts left after it are recorded unfetched
WORKERS = 16


def m_search(ip: str, port: int = SSDP_PORT) -> bytes:
    """A unicast M-SEARCH (UPnP Device Architecture 1.1, 1.3.2): HOST names the device itself
    and MX is left out, so the device answers at once."""
    return (f'M-SEARCH * HTTP/1.1\r\nHOST: {ip}:{port}\r\nMAN: "ssdp:discover"\r\n'
            "ST: upnp:rootdevice\r\nUSER-AGENT: netmap/1 UPnP/1.1\r\n\r\n").encode()


def parse_reply(data: bytes) -> dict[str, str]:
    """An SSDP answer's headers, lower-cased names; empty when it is not an HTTP 200."""
    lines = data[:MAX_REPLY].decode("latin-1").split("\r\n")
    if not lines or not lines[0].upper().startswith("HTTP/1.") or " 200" not in lines[0]:
        return {}
    headers: dict[str, str] = {}
    for line in lines[1:64]:
        name, sep, value = line.partition(":")
        if sep and name.strip():
            headers.setdefault(name.strip().lower(), value.strip()[:1024])
    return headers


def same_host(location: str, ip: str) -> bool:
    """True when an http LOCATION names the answering address itself, by number."""
    try:
        parts = urlsplit(location)
        host = parts.hostname
        _ = parts.port  # a malformed port raises here rather than in the fetch
    except ValueError:
        return False
    if parts.scheme != "http" or host is None:
        return False
    try:
        return ipaddress.ip_address(host) == ipaddress.ip_address(ip)
    except ValueError:
        return False


def search(ips: list[str], wait: float = WAIT_S,
           port: int = SSDP_PORT) -> dict[str, list[dict[str, str]]]:  # fmt: skip
    """Each target's SSDP answers. Datagrams from any address not among `ips` are dropped."""
    replies: dict[str, list[dict[str, str]]] = {}

    def answer(src: str, data: bytes) -> None:
        if headers := parse_reply(data):
            replies.setdefault(src, []).append(headers)

    exchange({ip: m_search(ip, port) for ip in ips}, port, wait, answer)
    return replies


def fetch(location: str, timeout: float = FETCH_TIMEOUT_S,
          total: float = FETCH_TOTAL_S) -> tuple[str | None, str | None]:  # fmt: skip
    """(the description document, or None; an error message, or None). Redirects are not
    followed: a description lives at the address it was announced at. `timeout` bounds each
    socket operation, `total` the whole document."""
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + total
    try:
        with opener.open(urllib.request.Request(location, headers={"User-Agent": "netmap/1"}),
                         timeout=timeout) as resp:
            body = _read(resp, MAX_DESCRIPTION + 1, deadline)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {str(exc)[:200]}"
    if body is None:
        return None, f"description not complete after {total:g} s"
    text = body[:MAX_DESCRIPTION].decode("utf-8", "replace")
    return text, ("description cut at 256 KiB" if len(body) > MAX_DESCRIPTION else None)


def _read(resp: Any, limit: int, deadline: float) -> bytes | None:
    """Up to `limit` bytes of the body, or None if the deadline passes first. read1 returns
    what has arrived, so a server that sends a byte a second cannot hold a fetch open for
    as long as each read's own timeout allows, times the document's size."""
    body = bytearray()
    while len(body) < limit:
        if time.monotonic() > deadline:
            return None
        chunk = resp.read1(min(65536, limit - len(body)))
        if not chunk:
            break
        body += chunk
    return bytes(body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: object, **_kw: object) -> None:
        return None


def probe(ips: list[str], in_scope: Callable[[str], bool], port: int = SSDP_PORT,
          budget: float = PHASE_BUDGET_S) -> list[UpnpObs]:
    """One observation per target that answered SSDP, with its description documents. No
    fetch starts after `budget` seconds (a /16 of responders whose web servers hang): the
    hosts left keep their SSDP answer, and say why their description is missing."""
    targets = [ip for ip in ips if in_scope(ip)]
    answers = search(targets, port=port) if targets else {}
    jobs: list[tuple[str, dict[str, str]]] = []
    for ip, replies in sorted(answers.items()):
        locations = list(dict.fromkeys(r.get("location", "") for r in replies if r.get("location")))
        first = replies[0]
        jobs.append((ip, {"server": first.get("server", ""), "st": first.get("st", ""),
                          "usn": first.get("usn", ""), "locations": "\n".join(locations)}))
    if not jobs:
        return []
    deadline = time.monotonic() + budget
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(WORKERS, len(jobs))) as pool:
        return list(pool.map(lambda job: _observe(job[0], job[1], deadline), jobs))


def _observe(ip: str, said: dict[str, str], deadline: float) -> UpnpObs:
    locations = [x for x in said["locations"].split("\n") if x][:MAX_LOCATIONS]
    documents: dict[str, str] = {}
    errors: list[str] = []
    for location in locations:
        if not same_host(location, ip):
            errors.append(f"not followed: {location[:200]} names another host")
            continue
        if time.monotonic() > deadline:
            errors.append(f"not fetched: {location[:200]}: the scan's time for UPnP "
                          "descriptions ran out")
            continue
        text, error = fetch(location)
        if text is not None:
            documents[location] = text
        if error:
            errors.append(f"{location[:200]}: {error}")
    return UpnpObs(target=ip, ip=ip, server=said["server"] or None, st=said["st"] or None,
                   usn=said["usn"] or None, locations=locations, descriptions=documents,
                   errors=errors)
