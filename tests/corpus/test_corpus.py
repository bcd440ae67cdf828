"""kx on whole real files from public repositories (tests/corpus, sources in SOURCES.json).

- every true error (expected.jsonl, `expect: error`) is reported at its own line, as an ERROR;
- no ERROR anywhere else (lines marked `expect: may` in expected.jsonl may have one or not);
- every command (commands.jsonl) is found: a copy of the tree with an unknown flag put into each
  command must get an error on that line, and text that is not a command must stay quiet;
- `kx check` on each command's concrete line agrees with the real client's verdict;
- `kx lint` and `kx check "LINE"` report the same errors for each plain command;
- the labels in commands.jsonl are what the real clients say today;
- the lint of the whole corpus stays fast.

Today's known failures are listed in known_failures.py with their cause; they are strict xfails,
so a fix makes them pass and the entry must then be deleted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.oracle import clients

from . import harness, label
from .known_failures import AGREE, CHECK, FALSE_ERRORS, MISSES, NOT_FOUND

COMMANDS = harness.load_jsonl("commands.jsonl")
EXPECTED = harness.load_jsonl("expected.jsonl")
SOURCES = json.loads((harness.HERE / "SOURCES.json").read_text(encoding="utf-8"))
FILES = harness.corpus_files()
MAX_LINT_SECONDS = 10.0


def _id(row: harness.Row) -> str:
    return f"{row['file'][len('files/'):]}:{row['line']}"


def _params(rows: Sequence[object], known: dict[str, str], ids: list[str]) -> list[object]:
    marks = {i: [pytest.mark.xfail(strict=True, reason=known[i])] if i in known else [] for i in ids}
    return [pytest.param(row, id=i, marks=marks[i]) for row, i in zip(rows, ids, strict=True)]


REQUIRED = [row for row in EXPECTED if row["expect"] == "error"]
REQUIRED_IDS = [f"{_id(r)}:{(r['tokens'] or ['-'])[0]}" for r in REQUIRED]
PROBED = [r for r in COMMANDS if r.get("probe") or not r["command"]]
CHECKED = [r for r in COMMANDS if r["command"] and r["concrete"] and r["in_scope"]]
# Commands a linter reads as plain shell, with nothing substituted: lint and check must agree.
# (Environment-dependent lines differ by design: kx check judges this machine, kx lint the repository.)
PLAIN = [r for r in COMMANDS if r.get("probe") and r["text"] == r["concrete"]
         and r["verdict"] != "environment" and _id(r) not in NOT_FOUND]
_WHOLE_LINE = ("script", "code-block", "indented-block", "list-fence")
_PROMPT = re.compile(r"(?:\$|>|#|PS>|\S+@\S+[$#])\s")


def _check_text(row: harness.Row) -> str:
    """What to give `kx check`: the whole source line where it is plain shell, with its wrappers,
    pipes, redirections and trailing comments; else (continuations, a console prompt) the text."""
    if row["context"] not in _WHOLE_LINE or row["line"] != row["end_line"]:
        return str(row["text"])
    line: str = (harness.HERE / row["file"]).read_text(encoding="utf-8").splitlines()[row["line"] - 1]
    return str(row["text"]) if _PROMPT.match(line.strip()) else line.strip()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty HOME for every kx run."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def corpus_lint(home: Path) -> harness.Lint:
    """`kx lint` over the corpus as it is."""
    return harness.lint(harness.FILES, home)


@pytest.fixture(scope="module")
def probed(
    tmp_path_factory: pytest.TempPathFactory, home: Path
) -> tuple[Path, dict[tuple[str, int], int], harness.Lint]:
    """`kx lint` over a copy with the probe flag in every command: (copy root, probe lines, result)."""
    root = tmp_path_factory.mktemp("probed")
    where = harness.probe_tree(COMMANDS, root / "files")
    return root, where, harness.lint(root / "files", home)


def _check_all(jobs: list[list[str]], cwd: Path, home: Path) -> list[harness.Checked]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda args: harness.check(args, cwd, home), jobs))


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory, home: Path) -> dict[str, harness.Checked]:
    """`kx check -- ARGV` on every checked command's concrete line, run from an empty directory."""
    jobs = [["--", *harness.client_argv(row)] for row in CHECKED]
    results = _check_all(jobs, tmp_path_factory.mktemp("cwd"), home)
    return {_id(row): result for row, result in zip(CHECKED, results, strict=True)}


@pytest.fixture(scope="module")
def text_checks(tmp_path_factory: pytest.TempPathFactory, home: Path) -> dict[str, harness.Checked]:
    """`kx check "TEXT"` on every plain command's source line (or text), as the shell sees it."""
    jobs = [[_check_text(row)] for row in PLAIN]
    results = _check_all(jobs, tmp_path_factory.mktemp("cwd"), home)
    return {_id(row): result for row, result in zip(PLAIN, results, strict=True)}


def test_sources_cover_every_file() -> None:
    recorded = {row["file"] for row in SOURCES}
    assert recorded == set(FILES)
    for row in SOURCES:
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), row
        assert row["url"] == f"https://github.com/{row['repo']}/blob/{row['commit']}/{row['path']}"


def test_data_points_at_real_lines() -> None:
    for row in COMMANDS + EXPECTED:
        lines = (harness.HERE / row["file"]).read_text(encoding="utf-8").splitlines()
        assert 1 <= row["line"] <= row["end_line"] <= len(lines), row
    for row in COMMANDS:
        line = (harness.HERE / row["file"]).read_text(encoding="utf-8").splitlines()[row["line"] - 1]
        assert re.search(r"docker|kubectl|\$DOCKER", line), row
        assert row["expect"] in ("error", "may", "clean"), row
    judged = {(r["file"], r["line"]) for r in EXPECTED}
    for row in COMMANDS:
        assert (row["expect"] != "clean") == ((row["file"], row["line"]) in judged), row


@pytest.mark.parametrize("row", _params(REQUIRED, MISSES, REQUIRED_IDS))
def test_true_error_reported(row: harness.Row, corpus_lint: harness.Lint) -> None:
    found = harness.match(EXPECTED, corpus_lint.diagnostics)[EXPECTED.index(row)]
    assert found is not None, f"no ERROR for {row['problem']} at {_id(row)}"


@pytest.mark.parametrize("file", _params(FILES, FALSE_ERRORS, [f[len("files/"):] for f in FILES]))
def test_no_false_error(file: str, corpus_lint: harness.Lint) -> None:
    wrong = harness.false_errors(EXPECTED, corpus_lint.diagnostics, file)
    assert wrong == [], [f"{d['line']}:{d['column']} {d['code']} {d['message']}" for d in wrong]


@pytest.mark.parametrize("row", _params(PROBED, NOT_FOUND, [_id(r) for r in PROBED]))
def test_command_found(
    row: harness.Row, probed: tuple[Path, dict[tuple[str, int], int], harness.Lint]
) -> None:
    root, where, result = probed
    line = where.get((row["file"], row["line"]))
    assert line is not None, "the probe found no subcommand word on the command's lines"
    hits = harness.probe_hits(result.diagnostics, row["file"], line, root)
    if row["command"]:
        assert any(d["severity"] == "error" for d in hits), f"{row['context']} command not checked"
    else:
        assert hits == [], f"{row['context']} text read as a command: {hits[0]['message']}"


@pytest.mark.parametrize("row", _params(CHECKED, CHECK, [_id(r) for r in CHECKED]))
def test_check_agrees_with_client(row: harness.Row, checks: dict[str, harness.Checked]) -> None:
    got = checks[_id(row)]
    assert got.code in (0, 1), got.summary
    want = 0 if row["client_verdict"] == "valid" else 1
    assert got.code == want, f"client: {row['client_message']!r}; kx check: {got.summary!r}"


@pytest.mark.parametrize("row", _params(PLAIN, AGREE, [_id(r) for r in PLAIN]))
def test_lint_agrees_with_check(
    row: harness.Row, corpus_lint: harness.Lint, text_checks: dict[str, harness.Checked]
) -> None:
    lint_codes = sorted(
        d["code"] for d in harness.errors(corpus_lint.diagnostics) if harness.within(d, row)
    )
    got = text_checks[_id(row)]
    assert tuple(lint_codes) == got.errors, f"kx check {_check_text(row)!r}: {got.summary!r}"


def test_corpus_lint_is_fast(corpus_lint: harness.Lint) -> None:
    # CPU time, not wall time: the test machine may be shared and busy.
    assert corpus_lint.cpu_seconds < MAX_LINT_SECONDS, f"wall {corpus_lint.seconds:.1f}s"


def test_labels_are_current() -> None:
    if not all(clients.available(tool) for tool in ("docker", "kubectl")):
        pytest.skip("the real docker and kubectl clients are not both installed")
    stored = label.load()
    assert label.label(stored) == stored, "stale: run python -m tests.corpus.label"
