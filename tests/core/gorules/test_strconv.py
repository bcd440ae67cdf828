"""Go's strconv rules, case by case (each expectation is what Go 1.19+'s strconv answers)."""

from __future__ import annotations

import math

import pytest

from kx.core.gorules.strconv import RANGE, SYNTAX, atoi, parse_bool, parse_float, parse_int, parse_uint

MAX64 = (1 << 63) - 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        *[(word, True) for word in ("1", "t", "T", "TRUE", "true", "True")],
        *[(word, False) for word in ("0", "f", "F", "FALSE", "false", "False")],
        *[(word, None) for word in ("tRUE", "TrUe", "yes", "on", "y", "", "  true", "true ")],
    ],
)
def test_parse_bool_takes_twelve_spellings(text: str, value: bool | None) -> None:
    assert parse_bool(text) is value


@pytest.mark.parametrize(
    ("text", "base", "bits", "expected"),
    [
        ("0x1F", 0, 64, (31, None)),
        ("0X1f", 0, 64, (31, None)),
        ("0o17", 0, 64, (15, None)),
        ("0O17", 0, 64, (15, None)),
        ("017", 0, 64, (15, None)),
        ("0b101", 0, 64, (5, None)),
        ("0B101", 0, 64, (5, None)),
        ("0x", 0, 64, (0, SYNTAX)),
        ("0b", 0, 64, (0, SYNTAX)),
        ("08", 0, 64, (0, SYNTAX)),
        ("1_000", 0, 64, (1000, None)),
        ("1_000", 10, 64, (0, SYNTAX)),  # underscores only with base 0
        ("0x_1F", 0, 64, (31, None)),  # a base prefix counts as a digit
        ("0_17", 0, 64, (15, None)),
        ("_1", 0, 64, (0, SYNTAX)),
        ("1_", 0, 64, (0, SYNTAX)),
        ("1__0", 0, 64, (0, SYNTAX)),
        ("+0x10", 0, 64, (16, None)),
        ("-0x80", 0, 8, (-128, None)),
        ("-0x81", 0, 8, (-128, RANGE)),
        ("0x7f", 0, 8, (127, None)),
        ("0x80", 0, 8, (127, RANGE)),
        ("-9223372036854775808", 10, 64, (-(1 << 63), None)),
        ("9223372036854775808", 10, 64, (MAX64, RANGE)),
        ("99999999999999999999x", 10, 64, (MAX64, RANGE)),  # Go stops at the first digit too many
        ("z", 36, 64, (35, None)),
        ("Z", 36, 64, (35, None)),
        ("12", 2, 64, (0, SYNTAX)),
        ("777", 8, 64, (511, None)),
        ("778", 8, 64, (0, SYNTAX)),
        ("ff", 16, 64, (255, None)),
        ("0xff", 16, 64, (0, SYNTAX)),  # a prefix only with base 0
        ("+", 10, 64, (0, SYNTAX)),
        ("-", 10, 64, (0, SYNTAX)),
        ("", 10, 64, (0, SYNTAX)),
        (" 1", 10, 64, (0, SYNTAX)),
        ("\uff11", 10, 64, (0, SYNTAX)),  # a full-width digit is no digit
    ],
)
def test_parse_int(text: str, base: int, bits: int, expected: tuple[int, str | None]) -> None:
    assert parse_int(text, base, bits) == expected


@pytest.mark.parametrize(
    ("text", "base", "bits", "expected"),
    [
        ("-1", 10, 64, (0, SYNTAX)),
        ("+1", 10, 64, (0, SYNTAX)),
        ("18446744073709551615", 10, 64, ((1 << 64) - 1, None)),
        ("18446744073709551616", 10, 64, ((1 << 64) - 1, RANGE)),
        ("0x1_0000", 0, 16, (65535, RANGE)),
        ("0xffff", 0, 16, (65535, None)),
        ("65536", 0, 16, (65535, RANGE)),
        ("0o7_7", 0, 64, (63, None)),
        ("17", 8, 32, (15, None)),  # docker's tmpfs-mode
        ("18", 8, 32, (0, SYNTAX)),
    ],
)
def test_parse_uint(text: str, base: int, bits: int, expected: tuple[int, str | None]) -> None:
    assert parse_uint(text, base, bits) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, None)),
        ("-12", (-12, None)),
        ("+12", (12, None)),
        ("012", (12, None)),
        ("1_2", (0, SYNTAX)),
        ("0x10", (0, SYNTAX)),
        ("9223372036854775807", (MAX64, None)),
        ("9223372036854775808", (MAX64, RANGE)),
        ("-9223372036854775809", (-(1 << 63), RANGE)),
        ("", (0, SYNTAX)),
    ],
)
def test_atoi(text: str, expected: tuple[int, str | None]) -> None:
    assert atoi(text) == expected


@pytest.mark.parametrize(
    ("text", "bits", "value", "error"),
    [
        ("1.5", 64, 1.5, None),
        (".5", 64, 0.5, None),
        ("5.", 64, 5.0, None),
        ("1E-3", 64, 0.001, None),
        ("1_000.5", 64, 1000.5, None),
        ("1_.5", 64, 0.0, SYNTAX),
        ("1._5", 64, 0.0, SYNTAX),
        ("0x1p-2", 64, 0.25, None),
        ("0x1.8P1", 64, 3.0, None),
        ("0x1", 64, 0.0, SYNTAX),  # a hex float needs its p exponent
        ("0x.p1", 64, 0.0, SYNTAX),
        ("0x_1p0", 64, 1.0, None),
        ("0x1_p0", 64, 0.0, SYNTAX),
        ("inf", 64, math.inf, None),
        ("+Inf", 64, math.inf, None),
        ("-INFINITY", 64, -math.inf, None),
        ("infin", 64, 0.0, SYNTAX),
        ("-nan", 64, 0.0, SYNTAX),
        ("+nan", 64, 0.0, SYNTAX),
        ("1e308", 64, 1e308, None),
        ("1e309", 64, math.inf, RANGE),
        ("-1e309", 64, -math.inf, RANGE),
        ("0x1p1024", 64, math.inf, RANGE),
        ("3.4028236e38", 32, math.inf, RANGE),
        ("1e39", 32, math.inf, RANGE),
        ("0x1.ffffffp127", 32, math.inf, RANGE),
        ("1e-400", 64, 0.0, None),  # underflow is no error
        ("1e1_0", 64, 1e10, None),
        ("", 64, 0.0, SYNTAX),
        (".", 64, 0.0, SYNTAX),
        ("e1", 64, 0.0, SYNTAX),
        ("1e", 64, 0.0, SYNTAX),
        ("1e+", 64, 0.0, SYNTAX),
        ("1e_1", 64, 0.0, SYNTAX),
        (" 1", 64, 0.0, SYNTAX),
        ("1 ", 64, 0.0, SYNTAX),
    ],
)
def test_parse_float(text: str, bits: int, value: float, error: str | None) -> None:
    assert parse_float(text, bits) == (value, error)


def test_parse_float_reads_nan_and_float32_limits() -> None:
    value, error = parse_float("NaN")
    assert math.isnan(value) and error is None
    assert parse_float("3.4028234e38", 32)[1] is None
    assert parse_float("0x1.fffffep127", 32)[1] is None
