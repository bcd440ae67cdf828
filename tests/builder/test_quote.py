from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kx.builder.quote import join_argv, posix_quote, powershell_quote, quote_word

# Anything a process can receive as an argument: no NUL, no lone surrogates.
ARG_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
ARG = st.text(ARG_CHARS, max_size=30)
TRICKY = st.sampled_from(
    ["", "-", "--", "--x=", "'", '"', "$HOME", "`id`", "$(id)", "a\nb", "\\", "!", "*", "~",
     "=x", "{a,b}", "#c", "a b", "\t", "-rf", "--port=8'0", "é", "\u2019", "%1", "&", ";", "|"]
)
FLAG_NAME = st.from_regex(r"[a-z]{1,8}", fullmatch=True)
WORD = st.one_of(ARG, TRICKY, st.builds(lambda a, b: f"--{a}={b}", FLAG_NAME, ARG))


def _split_with(shell: str, line: str) -> list[str]:
    script = f"printf '%s\\0' {line}"
    out = subprocess.run(
        [shell, "-c", script], capture_output=True, check=True,
        env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
    ).stdout
    return [part.decode("utf-8", "surrogateescape") for part in out.split(b"\0")[:-1]]


@pytest.mark.parametrize(
    ("word", "quoted"),
    [
        ("nginx", "nginx"),
        ("--port=80", "--port=80"),
        ("", "''"),
        ("a b", "'a b'"),
        ("it's", "'it'\\''s'"),
        ("--env=A=hello world", "--env='A=hello world'"),
        ("--name=", "--name="),
        ("$HOME", "'$HOME'"),
        ("=x", "'=x'"),
        ("app=web,tier=db", "app=web,tier=db"),
    ],
)
def test_posix_examples(word: str, quoted: str) -> None:
    assert quote_word(word) == quoted


@pytest.mark.parametrize(
    ("word", "quoted"),
    [
        ("nginx", "nginx"),
        ("--port=80", "--port=80"),
        ("", "''"),
        ("it's", "'it''s'"),
        ("a\u2019b", "'a\u2019\u2019b'"),
        ("--", "'--'"),
        ("--%", "'--%'"),
        ("@args", "'@args'"),
        ("a,b", "'a,b'"),
        ("$env:HOME", "'$env:HOME'"),
    ],
)
def test_powershell_examples(word: str, quoted: str) -> None:
    assert powershell_quote(word) == quoted


def test_powershell_line_with_quoted_command_uses_call_operator() -> None:
    assert join_argv(["my tool", "x"], "powershell") == "& 'my tool' x"
    assert join_argv(["kubectl", "run", "a b"], "powershell") == "kubectl run 'a b'"


def test_unknown_shell() -> None:
    with pytest.raises(ValueError, match="unknown shell"):
        join_argv(["x"], "fish")


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6))
def test_posix_round_trip_through_bash(argv: list[str]) -> None:
    line = join_argv(argv)
    assert _split_with("bash", line) == argv
    assert shlex.split(line) == argv


@settings(max_examples=100, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6))
def test_posix_round_trip_through_dash_and_zsh(argv: list[str]) -> None:
    line = join_argv(argv)
    assert _split_with("dash", line) == argv
    if shutil.which("zsh"):
        assert _split_with("zsh", line) == argv


@given(ARG)
def test_posix_quote_is_idempotent_under_shlex(word: str) -> None:
    assert shlex.split(posix_quote(word)) == [word]


def _powershell_unquote(token: str) -> str:
    # The PowerShell rule for single-quoted strings: the content is literal; a doubled quote
    # character (any of the four) stands for one.
    if not token.startswith("'"):
        return token
    body, out, i = token[1:-1], [], 0
    while i < len(body):
        out.append(body[i])
        i += 2 if body[i] in "'\u2018\u2019\u201a\u201b" else 1
    return "".join(out)


@given(ARG)
def test_powershell_quote_decodes_back(word: str) -> None:
    quoted = powershell_quote(word)
    assert _powershell_unquote(quoted) == word
    if quoted.startswith("'"):
        inner = quoted[1:-1]
        # every quote character inside is doubled, so none ends the string early
        assert all(len(run) % 2 == 0 for run in _quote_runs(inner))


def _quote_runs(text: str) -> list[str]:
    runs, current = [], ""
    for char in text:
        if char in "'\u2018\u2019\u201a\u201b":
            current += char
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs
