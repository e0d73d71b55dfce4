import ipaddress

import pytest

from netmap.scope import ScopeError, build_scope, parse_target


@pytest.mark.parametrize(
    "text,expected",
    [
        ("10.1.2.0/24", ["10.1.2.0/24"]),
        ("10.1.2.3", ["10.1.2.3/32"]),
        ("10.1.2.3/24", ["10.1.2.0/24"]),
        ("10.1.2.1-10.1.2.4", ["10.1.2.1/32", "10.1.2.2/31", "10.1.2.4/32"]),
        ("10.1.2.8-15", ["10.1.2.8/29"]),
        ("localhost", ["127.0.0.1/32"]),
    ],
)
def test_parse_target(text: str, expected: list[str]) -> None:
    assert [n.with_prefixlen for n in parse_target(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "10.0.0.1 -oN /tmp/x",
        "-oN",
        "--script=evil",
        "10.0.0.1;rm",
        "10.0.0.300",
        "10.0.0.0/33",
        "10.0.0.9-10.0.0.1",
        "bad_host!",
        " 10.0.0.1",
        "",
        "$(id)",
        "a\nb",
    ],
)
def test_injection_and_garbage_rejected(text: str) -> None:
    with pytest.raises(ScopeError):
        parse_target(text)


def test_public_refused_unless_allowed() -> None:
    with pytest.raises(ScopeError, match="public"):
        build_scope(["8.8.8.0/24"])
    assert build_scope(["8.8.8.0/24"], allow_public=True).size == 256


def test_lab_ranges_are_not_public() -> None:
    assert build_scope(["10.77.0.0/16"]).size == 65536
    assert build_scope(["100.64.0.0/30", "172.16.0.0/24", "192.168.1.0/24"]).size == 4 + 512


def test_large_refused_unless_large() -> None:
    with pytest.raises(ScopeError, match="/16"):
        build_scope(["10.0.0.0/15"])
    assert build_scope(["10.0.0.0/15"], large=True).size == 2 * 65536


def test_exclusions_honoured() -> None:
    scope = build_scope(["10.1.2.0/24"], exclude=["10.1.2.128/25", "10.1.2.5"])
    assert "10.1.2.5" not in scope
    assert "10.1.2.200" not in scope
    assert "10.1.2.6" in scope
    hosts = {str(h) for h in scope.hosts()}
    assert "10.1.2.5" not in hosts and "10.1.2.127" in hosts
    assert all(ipaddress.ip_network(t) for t in scope.nmap_targets())


def test_everything_excluded() -> None:
    with pytest.raises(ScopeError, match="excluded"):
        build_scope(["10.1.2.0/24"], exclude=["10.1.0.0/16"])


def test_filter_drops_out_of_scope() -> None:
    scope = build_scope(["10.1.2.0/24"])
    assert scope.filter(["10.1.2.9", "10.1.3.9", "garbage"]) == ["10.1.2.9"]
