"""Ubiquiti's discovery protocol (UDP 10001): the one question UniFi access points, switches
and gateways, airMAX radios, EdgeRouters and Cloud Keys answer by default, SNMP or not.

netmap asks each live host by unicast, once, with the version 1 request (four bytes: version 1,
command 0, no body; the payload nmap's `ubiquiti-discovery` script and its UDP payload file
send) from an ordinary port. Nothing is broadcast. The answer, a list of type-length-value
fields naming the device's model, firmware, host name and addresses, is stored as received;
reading it is identification's business (`infer/identify/ubnt.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from netmap.discover.udp import exchange
from netmap.model import UbntObs

UBNT_PORT = 10001
REQUEST = b"\x01\x00\x00\x00"
WAIT_S = 1.0  # a device answers in milliseconds; the other probes of the phase wait as long
MAX_ANSWER = 1500  # one datagram; a discovery answer takes a few hundred bytes


def probe(ips: list[str], in_scope: Callable[[str], bool],
          port: int = UBNT_PORT) -> list[UbntObs]:  # fmt: skip
    """One observation per target whose answer is a discovery reply (version 1 or 2 header)."""
    found: dict[str, UbntObs] = {}

    def answer(src: str, data: bytes) -> None:
        if src not in found and len(data) >= 4 and data[0] in (1, 2) and data != REQUEST:
            found[src] = UbntObs(target=src, ip=src, port=port, response=data[:MAX_ANSWER].hex())

    targets = [ip for ip in ips if in_scope(ip)]
    if targets:
        exchange({ip: REQUEST for ip in targets}, port, WAIT_S, answer)
    return [found[ip] for ip in sorted(found)]
