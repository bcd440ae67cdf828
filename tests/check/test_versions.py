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


def codes_for(line: str, targets: dict[str, str] | None) -> list[tuple[str, str]]:
    from kx.engine.pipeline import findings_for_words
    from kx.engine.settings import Settings
    from kx.parse.words import split_words

    raws = findings_for_words(split_words(line).words, Settings(targets=targets or {}))
    return [(raw[0], line[raw[2] : raw[3]]) for raw in raws]


def test_a_target_warns_about_newer_flags_and_keeps_flags_it_still_has() -> None:
    line = "kubectl run web --image=nginx --privileged --log-dir=/tmp --generator=run-pod/v1 -- sh"
    assert codes_for(line, None) == [("KX106", "--log-dir"), ("KX106", "--generator")]
    assert codes_for(line, {"kubectl": "1.32"}) == [("KX106", "--log-dir"), ("KX106", "--generator")]
    # 1.18 has all three: --privileged arrived in 1.19, the others went in 1.21 and 1.26;
    # 1.18 deprecated --generator (it warns), --log-dir only from 1.23.
    assert codes_for(line, {"kubectl": "1.18"}) == [("KX503", "--privileged"), ("KX501", "--generator")]
    assert codes_for(line, {"kubectl": "1.22"}) == [("KX106", "--generator")]
    assert codes_for(line, {"docker": "19.03"}) == codes_for(line, None)  # another tool's target
