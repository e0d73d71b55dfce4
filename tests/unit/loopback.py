"""The lab's own responders, served on 127.0.0.1 from a thread for the length of a test."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any


def free_port(kind: int) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(start: Callable[[asyncio.AbstractEventLoop], Awaitable[list[Any]]]) -> Iterator[None]:
    """Run `start` (which opens servers and returns them) on a loop in a thread; close them
    and stop the loop on exit."""
    loop = asyncio.new_event_loop()
    servers: list[Any] = []
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        servers.extend(loop.run_until_complete(start(loop)))
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(5)
    try:
        yield
    finally:
        for server in servers:
            loop.call_soon_threadsafe(server.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
