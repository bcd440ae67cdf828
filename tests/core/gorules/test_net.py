"""Go's net.ParseIP, ParseMAC, SplitHostPort and strings.TrimSpace, as docker 28 applies them."""

from __future__ import annotations

import pytest

from kx.core.gorules.net import is_ipv4, parse_ip, parse_mac, split_host_port
from kx.core.gorules.strings import trim_space


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("10.0.0.1", True),
        ("255.255.255.255", True),
        ("256.0.0.1", False),
        ("01.2.3.4", False),  # no leading zeros
        ("1.2.3", False),
        ("::1", True),
        ("2001:db8::1", True),
        ("2001:db8::0001", True),
        ("2001:db8::00001", False),  # docker 28: "invalid IP address: 2001:db8::00001"
        ("2001:db8::1x", False),
        ("::ffff:10.0.0.1", True),
        ("1::2::3", False),
        ("1:2:3:4:5:6:7:8", True),
        ("1:2:3:4:5:6:7:8:9", False),
        ("fe80::1%eth0", False),  # zones are refused
        ("", False),
    ],
)
def test_parse_ip(text: str, valid: bool) -> None:
    assert parse_ip(text) is valid


def test_is_ipv4_is_dotted_quad_only() -> None:
    assert is_ipv4("10.0.0.1")
    assert not is_ipv4("::ffff:10.0.0.1")


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("02:42:ac:11:00:02", True),
        ("02-42-AC-11-00-02", True),
        ("0242.ac11.0002", True),
        ("02:42:ac:11:00:02:03:04", True),  # EUI-64
        ("02:42:ac:11:00", False),
        ("02:42-ac:11:00:02", False),
        ("zz:42:ac:11:00:02", False),
        ("2:42:ac:11:00:02", False),
    ],
)
def test_parse_mac(text: str, valid: bool) -> None:
    assert parse_mac(text) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("host:80", ("host", "80")),
        ("[::1]:80", ("::1", "80")),
        (":80", ("", "80")),
        ("host:", ("host", "")),
        ("host", "missing port in address"),
        ("::1:80", "too many colons in address"),
        ("[::1]", "missing port in address"),
        ("[::1:80", "missing ']' in address"),
        ("[::1]x:80", "missing port in address"),
        ("a[b:80", "unexpected '[' in address"),
        ("a]b:80", "unexpected ']' in address"),
    ],
)
def test_split_host_port(text: str, expected: tuple[str, str] | str) -> None:
    assert split_host_port(text) == expected


def test_trim_space_is_unicode_white_space() -> None:
    assert trim_space("\t\n\v\f\r \x85\xa0\u2000\u3000a b\u2029") == "a b"
    assert trim_space("\u200ba\u200b") == "\u200ba\u200b"  # a zero-width space is not white space
