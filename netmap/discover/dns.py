"""Reverse DNS for live addresses, bounded by one overall timeout."""

from __future__ import annotations

import concurrent.futures
import socket

from netmap.model import DnsObs

DNS_TIMEOUT = 5.0
WORKERS = 16


def _ptr(ip: str) -> str | None:
    try:
        name = socket.gethostbyaddr(ip)[0]
    except (OSError, UnicodeError):
        return None
    return name if name and name != ip else None


def reverse_dns(ips: list[str], timeout: float = DNS_TIMEOUT) -> list[DnsObs]:
    """PTR names of `ips`. Lookups still pending at `timeout` are abandoned, not waited for."""
    if not ips:
        return []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=min(WORKERS, len(ips)))
    futures = {pool.submit(_ptr, ip): ip for ip in ips}
    out: list[DnsObs] = []
    try:
        for fut in concurrent.futures.as_completed(futures, timeout=timeout):
            name = fut.result()
            if name:
                ip = futures[fut]
                out.append(DnsObs(target=ip, ip=ip, name=name))
    except concurrent.futures.TimeoutError:
        pass  # slow resolvers: keep what answered in time
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return sorted(out, key=lambda o: o.ip)
