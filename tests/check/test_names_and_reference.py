"""The hand-written name and image-reference matchers agree with their grammars written as regexes."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kx.check.formats import _names, _reference

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"
_HOST_PART = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST = rf"(?:{_HOST_PART}(?:\.{_HOST_PART})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?"
_TAG = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"
REFERENCE = re.compile(rf"(?:({_HOST})/)?({_COMPONENT}(?:/{_COMPONENT})*)(?::({_TAG}))?(?:@({_DIGEST}))?")

NAME_CHECKS = [
    (_names.DNS_LABEL_1123, _names.is_dns1123_label),
    (_names.DNS_LABEL_1035, _names.is_dns1035_label),
    (_names.SUBDOMAIN, _names.is_subdomain),
    (_names.NAME_PART, _names.is_name_part),
    (_names.ENV_NAME, _names.is_env_name),
    (r"[-a-z0-9]+", _names.is_port_name_chars),
]

# Alphabets biased toward the characters the grammars care about, plus a few that they reject.
NAME_TEXT = st.text(alphabet="ab-._Z09 é٣/", max_size=12)
REF_HEX = "0123456789abcdefABCDEF"
REF_TEXT = st.one_of(
    st.text(alphabet="ab1-._:/@[]ZA", max_size=16),
    st.builds(
        lambda name, d: f"{name}@sha256:{d}",
        st.text(alphabet="ab1-._:/Z", max_size=10),
        st.text(alphabet=REF_HEX + "g", min_size=30, max_size=34),
    ),
)


@settings(max_examples=600)
@given(NAME_TEXT)
@example("a")
@example("a-b.c-d")
@example("-a")
@example("a..b")
def test_name_matchers_agree_with_their_patterns(text: str) -> None:
    for pattern, matcher in NAME_CHECKS:
        assert matcher(text) is (re.fullmatch(pattern, text) is not None), (pattern, text)


def _expected(text: str) -> tuple[str | None, str, str | None, str | None] | None:
    found = REFERENCE.fullmatch(text)
    return None if found is None else (found.group(1), found.group(2), found.group(3), found.group(4))


@settings(max_examples=1500)
@given(REF_TEXT)
@example("nginx")
@example("localhost:5000/a/b:v1.2")
@example("[::1]:5000/x")
@example("a__b/c--d/e.f_g:t")
@example("a___b")
@example("a._b")
@example("my_reg.com/x")
@example("a:5000/b:c")
@example("x@sha256:" + "a" * 64)
@example("x@a+b.c-d_e:" + "F" * 32)
@example("x@a+:" + "F" * 32)
def test_reference_parser_agrees_with_the_grammar(text: str) -> None:
    found = _reference.parse_reference(text)
    got = None if found is None else (found.domain, found.path, found.tag, found.digest)
    assert got == _expected(text), text


DEC_FLOAT = r"(?=[0-9_.]*[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?"
HEX_FLOAT = r"0[xX](?=[0-9a-fA-F_.]*[0-9a-fA-F])[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?[pP][+-]?[0-9][0-9_]*"
V4_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"


@settings(max_examples=1500)
@given(st.one_of(st.text(alphabet="0129_.eE+-", max_size=10), st.text(alphabet="0xXaF19_.pP+-", max_size=10)))
@example("1e5")
@example("0x1p-2")
@example("0x.p1")
@example("._")
@example("1_000.5e+1_0")
def test_float_syntax_agrees_with_go_grammar(body: str) -> None:
    from kx.core.gorules.strconv import float_literal_end

    sign = 1 if body[:1] in ("+", "-") else 0
    hexa = len(body) > sign + 2 and body[sign : sign + 2].lower() == "0x"
    expected = re.fullmatch("[+-]?" + (HEX_FLOAT if hexa else DEC_FLOAT), body) is not None
    assert (float_literal_end(body) == len(body)) is expected, body


@settings(max_examples=800)
@given(st.text(alphabet="0125.٣", max_size=16))
@example("255.255.255.255")
@example("256.1.1.1")
@example("01.1.1.1")
def test_ipv4_agrees_with_dotted_quad_pattern(text: str) -> None:
    from kx.core.gorules.net import is_ipv4

    assert is_ipv4(text) is (re.fullmatch(rf"{V4_OCTET}(?:\.{V4_OCTET}){{3}}", text) is not None), text


def _mac_by_pattern(s: str) -> bool:
    if not s.isascii() or len(s) < 14:
        return False
    if s[2] in ":-":
        octets = (len(s) + 1) // 3
        pattern = f"[0-9a-fA-F]{{2}}(?:{re.escape(s[2])}[0-9a-fA-F]{{2}}){{{octets - 1}}}"
    elif s[4] == ".":
        octets = 2 * (len(s) + 1) // 5
        pattern = f"[0-9a-fA-F]{{4}}(?:\\.[0-9a-fA-F]{{4}}){{{octets // 2 - 1}}}"
    else:
        return False
    return octets in (6, 8, 20) and re.fullmatch(pattern, s) is not None


@settings(max_examples=800)
@given(st.one_of(
    st.lists(st.text(alphabet="0aF9g", min_size=1, max_size=3), min_size=5, max_size=9).map(":".join),
    st.lists(st.text(alphabet="0aF9", min_size=3, max_size=5), min_size=2, max_size=5).map(".".join),
    st.text(alphabet="0a:-.", min_size=12, max_size=24),
))  # fmt: skip
@example("02:42:ac:11:00:02")
@example("0242.ac11.0002")
@example("02-42-ac-11-00-02")
def test_mac_agrees_with_pattern(text: str) -> None:
    from kx.core.gorules.net import parse_mac

    assert parse_mac(text) is _mac_by_pattern(text), text


@settings(max_examples=600)
@given(NAME_TEXT)
@example("a")
@example("ab")
@example("_ab")
def test_docker_name_agrees_with_pattern(text: str) -> None:
    expected = re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9_.-]+", text) is not None
    assert _names.is_docker_name(text) is expected, text


@settings(max_examples=600)
@given(st.text(alphabet="ab_-=,Z9 é", max_size=14))
@example("name=a,alias=b")
@example("a=b,")
@example("=b")
@example("a=")
@example("a-=b")
@example("x a=b y")
def test_advanced_network_syntax_agrees_with_pattern(text: str) -> None:
    """docker reads a value as ``key=value`` fields when ``\\w+=\\w+`` matches anywhere in it."""
    from kx.check.formats.docker_net import network_entry

    advanced = re.search(r"[A-Za-z0-9_]+=[A-Za-z0-9_]+", text) is not None
    assert (network_entry(text) != (text, {})) is advanced, text
