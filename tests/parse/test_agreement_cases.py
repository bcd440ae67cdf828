"""Parser cases found by the generated differential set (tests/oracle/generate.py).

Details and the clients' behaviour: /work/notes/parser_bugs.md (both fixed by the parser's owner).
"""

from __future__ import annotations

from kx.engine.pipeline import check_command
from kx.parse.words import split_commands


def _dynamic(text: str) -> list[bool]:
    return [word.dynamic for word in split_commands(text)[0].words]


def test_leading_tilde_is_dynamic() -> None:
    assert _dynamic("docker run -v ~/d:/d nginx") == [False, False, False, True, False]


def test_quoted_tilde_and_tilde_after_flag_equals_stay_literal() -> None:
    assert _dynamic("docker run -v '~/d:/d' --x=~/d nginx") == [False] * 6


def test_single_dash_long_flag_read_as_server_is_an_error() -> None:
    found = check_command("kubectl run -stdin web --image=nginx")
    assert any(d.severity == "error" for d in found)
