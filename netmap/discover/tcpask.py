"""Asking many servers one short question each, over TCP, side by side: at most CONCURRENCY
connections at once, each bounded by CONNECT_S to connect and READ_S per read. The NTLM probes
(SMB2, SMB1, Remote Desktop) and the IPP printer probe share it.

A refused, reset, silent or cut-short conversation, or one that turns out to be another
protocol, gives nothing: the scan goes on."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

CONNECT_S, READ_S = 2.0, 1.5  # a LAN server answers in milliseconds; a silent listener costs READ_S
CONCURRENCY = 32

T = TypeVar("T")
Conversation = Callable[[asyncio.StreamReader, asyncio.StreamWriter, str, int], Awaitable[T | None]]


async def read(reader: asyncio.StreamReader, size: int) -> bytes:
    return await asyncio.wait_for(reader.readexactly(size), READ_S)


async def ask(talk: Conversation[T], ip: str, port: int) -> T | None:
    """One bounded conversation on a new connection; None when it got no answer."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(ip, port), CONNECT_S)
    except (OSError, TimeoutError):
        return None
    try:
        return await talk(reader, writer, ip, port)
    except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
            ValueError):
        return None  # refused, reset, silent, cut short, or not the protocol (TLS errors too)
    finally:
        writer.close()
        with contextlib.suppress(OSError, TimeoutError):
            await asyncio.wait_for(writer.wait_closed(), READ_S)


def run_each(targets: list[str], one: Callable[[str], Awaitable[T | None]]) -> list[T]:
    """`one(ip)` for every target, at most CONCURRENCY at once; the results that are not None."""
    if not targets:
        return []

    async def run() -> list[T | None]:
        gate = asyncio.Semaphore(CONCURRENCY)

        async def gated(ip: str) -> T | None:
            async with gate:
                return await one(ip)

        return await asyncio.gather(*(gated(ip) for ip in targets))

    return [ob for ob in asyncio.run(run()) if ob is not None]


def probe_each(ips: list[str], in_scope: Callable[[str], bool], port: int,
               talk: Conversation[T]) -> list[T]:  # fmt: skip
    """One result per in-scope target whose conversation got an answer."""
    targets = sorted({ip for ip in ips if in_scope(ip)})
    return run_each(targets, lambda ip: ask(talk, ip, port))
