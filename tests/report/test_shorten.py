"""A huge token in a message is cut once, so the text header and the JSON message agree."""

from __future__ import annotations

import json

import pytest

from kx.engine.pipeline import check_command
from kx.report import render
from kx.report.shorten import TOKEN_KEEP, TOKEN_LIMIT, shorten_message

BIG = "a" * 109_000


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (f"kubectl run web --image=nginx --restart={BIG}", "'" + "a" * TOKEN_KEEP + "…' is not a valid"),
        (f"docker run --{BIG} nginx", "unknown flag --" + "a" * (TOKEN_KEEP - 2) + "… for docker run"),
        (f"kubectl run web --image=nginx -l {BIG}", "'" + "a" * TOKEN_KEEP + "…' in -l, --labels"),
    ],
)
def test_a_huge_token_is_cut_in_every_format(line: str, kept: str) -> None:
    [diagnostic] = [d for d in check_command(line) if d.severity == "error"]
    assert kept in diagnostic.message and len(diagnostic.message) < 200
    [from_json] = json.loads(render("json", [diagnostic]))["diagnostics"]
    assert from_json["message"] == diagnostic.message
    assert diagnostic.message in render("text", [diagnostic])
    assert len(render("text", [diagnostic]).splitlines()[0]) < 300


@pytest.mark.parametrize(
    "message",
    [
        "'nginx:' is not a valid image reference: the tag after ':' is empty",
        "the go-template template '{{ toYaml .x }}' does not parse: 'toYaml' is not a function kubectl's "
        "templates know",
        "--overrides does not fit the object kubectl builds: spec.hostNetwork must be a boolean, not the "
        "string 'true'",
        "x" * TOKEN_LIMIT + " 'short' and kubectl's own words, then a later quote: 'x'",
        "'" + "b" * TOKEN_LIMIT + "' is exactly at the limit",
    ],
)
def test_short_tokens_and_prose_stay_as_they_are(message: str) -> None:
    assert shorten_message(message) == message


def test_each_long_token_is_cut_and_the_quote_kept() -> None:
    long = "c" * (TOKEN_LIMIT + 1)
    message = f'"{long}" and \'{long}\' (in {long!r}): --{long}'
    cut = "c" * TOKEN_KEEP + "…"
    assert shorten_message(message) == f"\"{cut}\" and '{cut}' (in '{cut}'): --{'c' * (TOKEN_KEEP - 2)}…"
