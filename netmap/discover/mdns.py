"""mDNS / DNS-SD: the services a device announces, and what their TXT records say of it.

Printers announce their make and model to every AirPrint client (`ty=`, `usb_MFG=`,
`usb_MDL=` in the TXT record of `_ipp._tcp`), and Apple devices their model identifier
(`_device-info._tcp`, `model=`). netmap asks each live host directly: a DNS query sent by
unicast to its UDP 5353 from an ordinary port, which a responder answers by unicast to that
port (RFC 6762, 6.7, "legacy unicast"). Nothing is sent to the multicast group.

Two rounds at most: the service types the host offers and the instances of the types netmap
reads (with their TXT records, which responders add to a PTR answer), then the TXT records of
instances whose first answer left them out. Records are stored as received (size-capped);
reading them is identification's business (`infer/identify/mdns.py`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from netmap.discover.udp import exchange
from netmap.model import MdnsObs, MdnsRecord

MDNS_PORT = 5353
SERVICES = "_services._dns-sd._udp.local"
# the service types whose instances name the device: printing, and a device's own information
READ = ("_ipp._tcp.local", "_ipps._tcp.local", "_printer._tcp.local",
        "_pdl-datastream._tcp.local", "_device-info._tcp.local")
WAIT_S = 1.0
SECOND_WAIT_S = 0.5
MAX_PACKET = 9000
MAX_RECORDS = 64  # per host
MAX_TEXT = 512
MAX_INSTANCES = 8  # per host, asked again for their TXT
_TYPES = {12: "PTR", 16: "TXT", 33: "SRV", 1: "A", 28: "AAAA"}


def query(names: list[tuple[str, str]], ident: int) -> bytes:
    """One DNS query (no recursion) with a question per (name, type)."""
    from scapy.layers.dns import DNS, DNSQR

    return bytes(DNS(id=ident, rd=0, qd=[DNSQR(qname=n, qtype=t) for n, t in names]))


def parse(data: bytes, ident: int) -> list[MdnsRecord] | None:
    """The records of an answer to query `ident`; None for anything else or malformed."""
    from scapy.layers.dns import DNS

    try:
        msg = DNS(data[:MAX_PACKET])
        if msg.qr != 1 or msg.id != ident:
            return None
        found = [_record(rr) for section in (msg.an, msg.ns, msg.ar) for rr in _each(section)]
    except Exception:  # a hostile packet is dropped, whatever scapy makes of it
        return None
    return [r for r in found if r is not None][:MAX_RECORDS]


def _each(section: Any) -> list[Any]:
    if section is None:
        return []
    return list(section) if isinstance(section, list) else [section]


def _record(rr: Any) -> MdnsRecord | None:
    kind = _TYPES.get(int(getattr(rr, "type", 0)))
    if kind is None:
        return None
    data = rr.rdata if kind != "SRV" else rr.target
    values = data if isinstance(data, list) else [data]
    return MdnsRecord(name=_text(rr.rrname), type=kind,
                      data=[_text(v) for v in values[:MAX_RECORDS]])


def _text(value: Any) -> str:
    raw = value if isinstance(value, bytes) else str(value).encode()
    return raw.decode("utf-8", "replace")[:MAX_TEXT]


def ask(questions: dict[str, list[tuple[str, str]]], wait: float,
        port: int = MDNS_PORT) -> dict[str, list[MdnsRecord]]:  # fmt: skip
    """Send each host its questions; the records each answered, from that host only."""
    ident = random.randrange(1, 0xFFFF)
    answers: dict[str, list[MdnsRecord]] = {}

    def answer(src: str, data: bytes) -> None:
        if (records := parse(data, ident)) is not None:
            kept = answers.setdefault(src, [])
            kept += records[:MAX_RECORDS - len(kept)]

    exchange({ip: query(names, ident) for ip, names in questions.items()}, port, wait, answer)
    return answers


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = MDNS_PORT) -> list[MdnsObs]:
    """One observation per target that answered, with every record it sent."""
    targets = [ip for ip in ips if in_scope(ip)]
    first = [(SERVICES, "PTR"), *((name, "PTR") for name in READ)]
    answers = ask({ip: first for ip in targets}, WAIT_S, port) if targets else {}
    again = {ip: [(name, "TXT") for name in missing_txt(records)[:MAX_INSTANCES]]
             for ip, records in answers.items()}
    again = {ip: names for ip, names in again.items() if names}
    for ip, records in (ask(again, SECOND_WAIT_S, port) if again else {}).items():
        answers[ip] += records[:MAX_RECORDS - len(answers[ip])]
    return [MdnsObs(target=ip, ip=ip, records=records) for ip, records in sorted(answers.items())]


def missing_txt(records: list[MdnsRecord]) -> list[str]:
    """Instances of the read service types whose TXT record has not come."""
    read = {name.rstrip(".") for name in READ}
    have = {r.name.rstrip(".") for r in records if r.type == "TXT"}
    instances = [d.rstrip(".") for r in records if r.type == "PTR"
                 and r.name.rstrip(".") in read for d in r.data]
    return list(dict.fromkeys(i for i in instances if i not in have))
