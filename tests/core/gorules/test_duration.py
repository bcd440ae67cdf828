"""Go's time.ParseDuration, case by case (each expectation is what Go answers)."""

from __future__ import annotations

import pytest

from kx.core.gorules.duration import (
    INVALID,
    MISSING_UNIT,
    OVERFLOW,
    UNKNOWN_UNIT,
    DurationError,
    parse_duration,
)

SECOND = 1_000_000_000
MAX = (1 << 63) - 1


@pytest.mark.parametrize(
    ("text", "nanoseconds"),
    [
        ("0", 0),
        ("-0", 0),
        ("+0", 0),
        ("1ns", 1),
        ("1us", 1000),
        ("1\u00b5s", 1000),  # micro sign
        ("1\u03bcs", 1000),  # Greek mu
        ("1ms", 1_000_000),
        ("1s", SECOND),
        ("1m", 60 * SECOND),
        ("1h", 3600 * SECOND),
        ("1.5h", 5400 * SECOND),
        ("-1.5h", -5400 * SECOND),
        ("+2m3.5s", 123_500_000_000),
        (".5s", 500_000_000),
        ("5.s", 5 * SECOND),
        ("1h30m", 5400 * SECOND),
        ("2562047h47m16.854775807s", MAX),
        ("-2562047h47m16.854775808s", -MAX - 1),
        ("9223372036854775807ns", MAX),
        ("1.0000000000000000000001s", SECOND),
        ("0.0000000001s", 0),
    ],
)
def test_durations_that_parse(text: str, nanoseconds: int) -> None:
    assert parse_duration(text) == nanoseconds


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("", INVALID, ""),
        (".s", INVALID, ""),
        ("--1s", INVALID, ""),
        ("+-1s", INVALID, ""),
        ("1", MISSING_UNIT, ""),
        ("1d", UNKNOWN_UNIT, "d"),
        ("1S", UNKNOWN_UNIT, "S"),
        ("1h 30m", UNKNOWN_UNIT, "h "),
        ("1e3s", UNKNOWN_UNIT, "e"),
        ("2562047h47m16.854775808s", OVERFLOW, ""),
        ("2562048h", OVERFLOW, ""),
        ("9223372036854775808ns", OVERFLOW, ""),
    ],
)
def test_durations_that_fail(text: str, kind: str, unit: str) -> None:
    with pytest.raises(DurationError) as failure:
        parse_duration(text)
    assert (failure.value.kind, failure.value.unit) == (kind, unit)
