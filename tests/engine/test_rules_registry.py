"""The code registry is complete: every code documented, examples real, nothing unregistered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kx.core.codes import CODES
from kx.engine.pipeline import check_command

RULES_MD = Path(__file__).parents[2] / "docs" / "rules.md"
SECTION = re.compile(r"^## (KX\d{3}) (\S+)\n(.*?)(?=^## |\Z)", re.M | re.S)


def sections() -> dict[str, tuple[str, str]]:
    return {code: (name, body) for code, name, body in SECTION.findall(RULES_MD.read_text())}


def examples(body: str, heading: str) -> list[str]:
    match = re.search(rf"\*\*{heading}\*\*\n\n```console\n\$ (.*?)\n```", body)
    return [match.group(1)] if match else []


def test_every_code_has_a_section_and_matching_name() -> None:
    found = sections()
    assert set(found) == set(CODES)
    for code, (name, _body) in found.items():
        assert name == CODES[code][0]
        assert re.fullmatch(r"KX\d{3}", code)


def test_sections_follow_the_template() -> None:
    for code, (_name, body) in sections().items():
        assert "**What it does.**" in body, code
        assert "**Why is this bad?**" in body, code


COMMAND_CODES = sorted(
    code for code, (_n, body) in sections().items() if examples(body, "Example") and code < "KX600"
)


@pytest.mark.parametrize("code", COMMAND_CODES)
def test_example_reports_the_code_and_fix_does_not(code: str) -> None:
    body = sections()[code][1]
    bad = examples(body, "Example")[0]
    assert code in {d.code for d in check_command(bad)}, bad
    for good in examples(body, "Use instead"):
        assert code not in {d.code for d in check_command(good)}, good


def test_nothing_emits_an_unregistered_code() -> None:
    corpus = Path(__file__).parents[1] / "differential" / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        for line in path.read_text().splitlines():
            text = line.split("  # ")[0].strip()
            if text and not text.startswith("#"):
                for diagnostic in check_command(text):
                    assert diagnostic.code in CODES, (text, diagnostic)
