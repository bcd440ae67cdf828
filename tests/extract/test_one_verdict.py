"""One verdict: ``kx check "TEXT"`` finds and judges the commands ``kx lint`` finds, alike.

Both go through one extraction (``kx.extract.split``), one wrapper table and one placeholder
rule; these tests hold them to it on real-world shapes of lines (``tests/fixtures/verdict``)
and, when it is there, on the labelled corpus (``tests/corpus``): its command lines one by one,
and every command found in its whole files.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kx.core.codes import CODES
from kx.engine.lint import lint_text
from kx.engine.pipeline import command_words_in, findings_for_words
from kx.extract import extract
from kx.extract.commands import resolve
from kx.extract.filetypes import SHELL, detect
from kx.extract.lexer import lex
from kx.extract.split import commands_in
from kx.parse.plain import plain_commands
from kx.parse.span import Word
from kx.parse.tools import tool_name

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = sorted((TESTS / "fixtures" / "verdict").glob("*.sh"))
CORPUS = TESTS / "corpus"
CORPUS_FILES = sorted(p for p in (CORPUS / "files").rglob("*") if p.is_file()) if CORPUS.is_dir() else []
CORPUS_LINES = CORPUS / "commands.jsonl"

Found = set[tuple[str, int, int, str]]
# Environment findings judge different places by design: kx check the machine it runs on, kx lint
# the linted file's repository (a seccomp profile or env file named by a corpus line is absent here).
ELSEWHERE = "environment"


def check_found(text: str, base: int = 0) -> Found:
    """What ``kx check TEXT`` reports: (code, start, end, message), offsets from ``base``."""
    found: Found = set()
    for words in command_words_in(text):
        found |= {(r[0], r[2] + base, r[3] + base, r[1]) for r in findings_for_words(words)
                  if r[6] != ELSEWHERE}
    return found


def lint_found(text: str, kind: str = SHELL) -> Found:
    """What ``kx lint`` reports on ``text`` as a file of ``kind``, its own lint-stage codes aside."""
    return {(r[0], r[2], r[3], r[1]) for group in lint_text(text, kind) for r in group
            if r[6] not in ("lint", ELSEWHERE)}


def chunks(text: str) -> list[tuple[int, int]]:
    """The top-level commands of a script (with their heredocs and continuations)."""
    cuts = [0, *lex(text).boundaries, len(text)]
    return [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]


def commented(piece: str) -> bool:
    """A comment line: lint reads a whole command in it as a usage example, check reads shell."""
    return piece.lstrip().startswith("#")


def named_elsewhere(text: str, words: list[Word]) -> bool:
    """Whether the tool word of an invocation is a variable or alias (defined anywhere in the file)."""
    return tool_name(text[words[0].start : words[0].end].strip("\"'")) is None


@pytest.mark.parametrize("path", FIXTURES + [p for p in CORPUS_FILES if p.suffix in (".sh", ".bash")],
                         ids=lambda p: p.name)  # fmt: skip
def test_each_command_of_a_script_alone(path: Path) -> None:
    """Every top-level command of a script: ``kx check`` on its text = ``kx lint`` of that text."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for start, end in chunks(text):
        piece = text[start:end]
        if commented(piece):
            continue
        assert check_found(piece) == lint_found(piece), piece


@pytest.mark.parametrize("path", FIXTURES + [p for p in CORPUS_FILES if p.suffix in (".sh", ".bash")],
                         ids=lambda p: p.name)  # fmt: skip
def test_a_whole_script_finds_what_check_finds_in_each_command(path: Path) -> None:
    """Linting the whole file reports, inside each top-level command, what checking it reports."""
    text = path.read_text(encoding="utf-8", errors="replace")
    whole = lint_found(text)
    skip = [w[0].start for w in extract(SHELL, text).invocations if named_elsewhere(text, w)]
    for start, end in chunks(text):
        if any(start <= at < end for at in skip) or commented(text[start:end]):
            continue  # the tool is named by a variable set in another command: check cannot know
        inside = {f for f in whole if start <= f[1] < end}
        assert check_found(text[start:end], start) == inside, text[start:end]


def test_the_fixtures_hold_mistakes_under_every_wrapper() -> None:
    """The comparison above is not vacuous: the fixtures' planted mistakes are found."""
    text = FIXTURES[0].read_text(encoding="utf-8")
    lines = {text.count("\n", 0, f[1]) + 1 for f in lint_found(text) if CODES[f[0]][1] == "error"}
    for number, line in enumerate(text.splitlines(), 1):
        planted = any(mark in line for mark in ("--cpus abc", "--bogus", "--prot=", "Nodeport", "Sometimes"))
        silent = line.startswith(("#", "sudo -l", "docker run --cpus abc nginx"))
        assert (number in lines) == (planted and not silent), (number, line)


@pytest.mark.skipif(not CORPUS_LINES.is_file(), reason="the corpus (tests/corpus) is not on this branch yet")
def test_corpus_command_lines_check_as_they_lint() -> None:
    """Each labelled command line of the corpus: ``kx check`` = ``kx lint`` of the line as a script."""
    for line in CORPUS_LINES.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert check_found(text) == lint_found(text), text


@pytest.mark.skipif(not CORPUS_FILES, reason="the corpus (tests/corpus) is not on this branch yet")
def test_every_command_found_in_corpus_files_checks_alike() -> None:
    """Every command lint finds in any corpus file, checked from its own text, gets lint's verdict.

    Commands whose words a file format changed before the shell sees them (templating, prompts,
    doc placeholders the format blanks) cannot be checked from their raw text: they are counted
    and left out, and must stay a minority.
    """
    compared = changed = 0
    for path in CORPUS_FILES:
        text = path.read_text(encoding="utf-8", errors="replace")
        kind, dialect = detect(str(path), text[:200])
        if kind is None:
            continue
        for words in extract(kind, text, dialect).invocations:
            if named_elsewhere(text, words):
                continue
            real = [w for w in words if w.end > w.start]
            start, end = real[0].start, real[-1].end
            runs = [run for run in command_words_in(text[start:end]) if _shape(run, start) == _shape(real, 0)]
            if not runs:
                changed += 1
                continue
            compared += 1
            lint_says = {(r[0], r[2], r[3], r[1]) for r in findings_for_words(words)}
            check_says = {(r[0], r[2] + start, r[3] + start, r[1]) for r in findings_for_words(runs[0])}
            assert check_says == lint_says, (path.name, text[start:end])
    assert compared > 3 * changed


def _shape(words: list[Word], base: int) -> list[tuple[int, int, bool, str]]:
    """Spans, and the known text, of the words with width (an unknown part may be spelt apart)."""
    return [(w.start + base, w.end + base, w.dynamic, w.value[: w.dyn_at]) for w in words if w.end > w.start]


# -- the text path without the lexer agrees with the lexer --------------------------------------

_TOKENS = st.sampled_from([
    "docker", "kubectl", "run", "expose", "deployment", "web", "nginx", "--cpus", "abc", "1.5", "--rm", "-it",
    "--port=80", "--bogus", "sudo", "-u", "root", "-E", "env", "A=1", "stdbuf", "-oL", "timeout", "5",
    "nice", "-n", "10", "xargs", "-r", "-I{}", "{}", "watch", "'docker ps --bogus'", "command", "-v",
    "builtin", "time", "-p", "!", "if", "then", "fi", "do", "done", "while", "{", "}", "for", "in", "case",
    ";", "&&", "||", "|", "&", "\n", "\\\n", "#", "# docker run --bogus x", "> out", "2>&1", "< in", "<<EOF",
    "<image>", "--image=<same-image>", '"<name>"', "'a b'", '"$HOME"', "$X", "${X}", "~/x", "*.txt", "[ab]",
    "a\\ b", "\t", "$'x'", '"x\\"y"', "'", '"',
])  # fmt: skip


def _lexer_commands(text: str) -> list[list[tuple[str, int, int, bool]]]:
    return [[(w.value, w.start, w.end, w.dynamic) for w in run] for run in commands_in(text)[0]]


def _plain(text: str) -> list[list[tuple[str, int, int, bool]]] | None:
    found = plain_commands(text)
    if found is None:
        return None
    resolved = [resolve(words) for words in found]
    return [[(w.value, w.start, w.end, w.dynamic) for w in run] for run in resolved if run]


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=14).map(" ".join))
@example("sudo -E docker run --cpus abc nginx; watch 'kubectl expose x' && time -p docker run x")
@example("docker run <image> < in > out 2>&1 <<EOF\ndocker run --bogus\nEOF\nkubectl run x --image=<img>")
@example("if ! docker ps; then docker run x; fi # docker run y\nxargs -I{} docker run --name {} x")
def test_plain_text_is_split_as_the_lexer_splits_it(text: str) -> None:
    """Text with no nesting: the lexer-free path of ``kx check`` finds the lexer's commands."""
    plain = _plain(text)
    if plain is not None:
        assert plain == _lexer_commands(text)
