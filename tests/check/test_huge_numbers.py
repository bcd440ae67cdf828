"""Numbers with thousands of digits get a range diagnostic, never a traceback (Python's int() limit)."""

from __future__ import annotations

import pytest

from kx.core.gorules.strconv import RANGE, parse_int, parse_uint
from kx.engine.pipeline import check_command

HUGE = "9" * 5000


@pytest.mark.parametrize(
    "line",
    [
        f"docker run -p {HUGE}:80 nginx",
        f"docker run --ulimit nofile={HUGE} nginx",
        f"docker run --expose {HUGE} nginx",
        f"kubectl expose deployment web --port={HUGE}",
    ],
)
def test_huge_number_is_reported_not_raised(line: str) -> None:
    assert any(d.severity == "error" for d in check_command(line))


def test_parse_uint_range_for_more_digits_than_bits() -> None:
    assert parse_uint(HUGE, 10) == ((1 << 64) - 1, RANGE)
    assert parse_uint("0" * 5000 + "7", 10) == (7, None)
    assert parse_int("-" + HUGE, 10) == (-(1 << 63), RANGE)
    assert parse_uint("1" * 65, 2, 64) == ((1 << 64) - 1, RANGE)
    assert parse_uint("1" * 64, 2, 64) == ((1 << 64) - 1, None)
