"""The change report is mailed to a real SMTP server (aiosmtpd on 127.0.0.1) started here."""

import socket
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from netmap.config import NotifyOptions
from netmap.notify import send_report, should_send


class Sink:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def smtp() -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    port = free_port()
    ctl = Controller(sink, hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        yield sink, port
    finally:
        ctl.stop()


def test_report_is_mailed(smtp: tuple[Sink, int]) -> None:
    sink, port = smtp
    opts = NotifyOptions(
        when="changes", smtp_host="127.0.0.1", smtp_port=port, recipients=["it@city.test"]
    )
    send_report(opts, "netmap: 2 changes", "- New device: ws9", "<p>New device</p>")
    assert len(sink.messages) == 1
    env = sink.messages[0]
    assert env.rcpt_tos == ["it@city.test"]
    msg = message_from_bytes(env.content)
    assert msg["Subject"] == "netmap: 2 changes"
    assert "New device: ws9" in msg.get_payload()[0].get_payload()


def test_when_policy() -> None:
    opts = NotifyOptions(when="changes", recipients=["a@b"])
    assert should_send(opts, True) and not should_send(opts, False)
    assert should_send(NotifyOptions(when="always", recipients=["a@b"]), False)
    assert not should_send(NotifyOptions(when="always"), True)  # nobody to tell
