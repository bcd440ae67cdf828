"""Version keys order client versions the way their numbers do."""

from __future__ import annotations

import pytest

from kx.check.versions import version_key


@pytest.mark.parametrize(
    ("older", "newer"),
    [("1.9", "1.10"), ("19.03", "20.10"), ("20.10", "20.10.1"), ("v1.25", "1.26"), ("25.0.0-rc1", "25.0.1")],
)
def test_order(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)


def test_trailing_zeros_do_not_matter() -> None:
    assert version_key("20.10.0") == version_key("20.10") and version_key("28") == version_key("28.0.0")
