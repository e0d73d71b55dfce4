"""Coercion of untrusted SNMP values, and the getter helpers that need no agent."""

from __future__ import annotations

from ipaddress import IPv4Address

from hypothesis import given, strategies as st

from netmap.discover.snmp import values as v
from netmap.discover.snmp.getters import _bits, _local_port, _speed, _split_name, _split_package
from netmap.discover.snmp.walker import Oid


@given(st.binary(max_size=5000))
def test_text_never_raises_and_is_clean(raw: bytes) -> None:
    out = v.text(raw)
    assert out is None or (len(out) <= v.MAX_TEXT and "\x00" not in out and "\x1b" not in out)
    assert out is None or not any(ord(ch) < 32 and ch not in "\t\n" for ch in out)


def test_text_cases() -> None:
    assert v.text(b"  a\x00b\r\nc\x1b[0m \xff ") == "ab\nc[0m \ufffd"
    assert v.text(b"") is None and v.text(None) is None and v.text(42) == "42"
    assert v.one_line(b"a\n\tb  c") == "a b c"
    assert v.text(b"x" * 10_000) == "x" * v.MAX_TEXT


def test_integer_accepts_numbers_only() -> None:
    assert v.integer(5) == 5 and v.integer(b" 12 ") == 12
    assert v.integer(b"abc") is None and v.integer(Oid("1.3")) is None
    assert v.integer(IPv4Address("1.2.3.4")) is None and v.integer(b"9" * 100) is None


def test_mac_forms() -> None:
    assert v.mac(b"\x00\x11\x22\x33\x44\x55") == "00:11:22:33:44:55"
    assert v.mac(b"00-11-22-33-44-5A") == "00:11:22:33:44:5a"
    assert v.mac(b"\x00" * 6) is None and v.mac(b"") is None and v.mac(7) is None
    assert v.mac_from_arcs((0, 1, 2, 3, 4, 300)) is None


def test_date_and_time() -> None:
    assert v.date_and_time(bytes.fromhex("07e8010f0a1e0000")) == "2024-01-15 10:30:00"
    assert v.date_and_time(bytes.fromhex("07e80d0f0a1e0000")) is None  # month 13
    assert v.date_and_time(b"short") is None


def test_helpers() -> None:
    assert _speed(4294967295, 10000) == 10**10 and _speed(100_000_000, 100) == 100_000_000
    # ifHighSpeed wins whenever it is positive (2488 Mb/s, not ifSpeed's 2488320000)
    assert _speed(2_488_320_000, 2488) == 2_488_000_000 and _speed(1000, None) == 1000
    # the agent's 0 is kept (ifSpeed 0, or only ifHighSpeed 0); nothing at all is None
    assert _speed(0, 0) == 0 and _speed(None, 0) == 0 and _speed(0, None) == 0
    assert _speed(None, None) is None and _speed(-1, None) is None
    assert _split_name("sw1.city.local") == ("sw1", "sw1.city.local")
    assert _split_name("10.0.0.1") == ("10.0.0.1", None) and _split_name("my switch") == ("my switch", None)
    assert _split_package("bash_5.2.15-2+b2_amd64") == ("bash", "5.2.15-2+b2")
    assert _split_package("bash-5.1.8-6.el9.x86_64") == ("bash", "5.1.8-6.el9")
    assert _split_package("Microsoft Edge") == ("Microsoft Edge", None)
    assert _bits(b"\x28\x00", ["other", "repeater", "bridge", "wlan", "router"]) == ["bridge", "router"]
    names = {1: "Gi0/1", 3: "Te1/0/1"}
    assert _local_port(2, names, {2: ["Te1/0/1", "TenGig"]}) == "Te1/0/1"
    assert _local_port(1, names, {}) == "Gi0/1" and _local_port(9, names, {9: [None, "x"]}) == "x"
