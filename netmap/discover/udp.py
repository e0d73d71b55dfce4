"""One UDP question to each of many hosts, and the answers that come back in time.

Shared by the unicast SSDP and mDNS questions: one socket from an ordinary port, the
questions paced, then datagrams read until `wait` has passed (or MAX_REPLIES have come).
A datagram from any address that was not asked is dropped.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Callable

MAX_REPLIES = 4096  # datagrams read in one exchange, whatever the hosts send
MAX_DATAGRAM = 9000
SEND_PAUSE_S = 0.002  # between questions: 500 a second at most


def exchange(questions: dict[str, bytes], port: int, wait: float,
             answer: Callable[[str, bytes], None]) -> None:  # fmt: skip
    """Send each host its question on `port`; call `answer(host, datagram)` for each datagram
    an asked host sends back within `wait` seconds."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setblocking(False)
        for ip, question in questions.items():
            try:
                sock.sendto(question, (ip, port))
            except OSError:
                continue  # no route to it: nothing answers
            time.sleep(SEND_PAUSE_S)
        deadline = time.monotonic() + wait
        for _ in range(MAX_REPLIES):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                break
            try:
                data, (src, _port) = sock.recvfrom(MAX_DATAGRAM)
            except OSError:
                continue  # an ICMP port-unreachable surfaces here: that host has no listener
            if src in questions:
                answer(src, data)
