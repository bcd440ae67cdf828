"""Helpers for the real-world corpus tests: load the data, run kx, match diagnostics to expectations."""

from __future__ import annotations

import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FILES = HERE / "files"
KX = Path(sys.executable).with_name("kx")
PROBE = "--kx-probe-"  # + a number per command: identical mistakes would be folded into one
# Where a found command's subcommand word ends: the probe flag goes right after it.
_SUBCOMMAND = re.compile(r"(?:\bdocker|\bkubectl|\$DOCKER)\S*\s+(?:container\s+)?(?:run|expose)\b")
_SUBCOMMAND_ALONE = re.compile(r"\s*(?:container\s+)?(?:run|expose)\b")

Row = dict[str, Any]


def load_jsonl(name: str) -> list[Row]:
    """The rows of a JSON-lines file next to this module."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def corpus_files() -> list[str]:
    """Every corpus file, as a path relative to tests/corpus (`files/<kind>/...`)."""
    return sorted(str(p.relative_to(HERE)) for p in FILES.rglob("*") if p.is_file())


def kx_env(home: Path) -> dict[str, str]:
    """A clean environment for kx: a private cache and config, nothing from the user."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KX_")}
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(ROOT / ".pytest-kx-cache"),
        "NO_COLOR": "1",
    }
    return env


@dataclass(frozen=True)
class Lint:
    """Diagnostics of one `kx lint` run (paths relative to tests/corpus), its wall and CPU time."""

    diagnostics: list[Row]
    seconds: float
    cpu_seconds: float


def lint(tree: Path, home: Path) -> Lint:
    """Run `kx lint --format json` on a copy of (or the real) files/ tree rooted at `tree`."""
    started, before = time.monotonic(), _children_cpu()
    done = subprocess.run(
        [str(KX), "lint", "--isolated", "--format", "json", "."],
        cwd=tree, env=kx_env(home), capture_output=True, text=True, timeout=120,
    )
    seconds, cpu_seconds = time.monotonic() - started, _children_cpu() - before
    if done.returncode not in (0, 1):
        raise AssertionError(f"kx lint exited {done.returncode}: {done.stderr.strip()}")
    diagnostics = json.loads(done.stdout)["diagnostics"]
    for diag in diagnostics:
        full = Path(os.path.normpath(tree / diag["path"]))
        diag["file"] = "files/" + full.relative_to(tree).as_posix()
    return Lint(diagnostics, seconds, cpu_seconds)


def _children_cpu() -> float:
    """CPU seconds used so far by finished child processes (not skewed by a busy machine)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def span_text(diag: Row, root: Path = HERE) -> str:
    """The source text a diagnostic points at (its first line only)."""
    lines = (root / diag["file"]).read_text(encoding="utf-8", errors="replace").splitlines()
    if not 0 < diag["line"] <= len(lines):
        return ""
    line: str = lines[diag["line"] - 1]
    end = diag["end_column"] - 1 if diag.get("end_line") == diag["line"] else len(line)
    return line[diag["column"] - 1 : max(end, diag["column"])]


def errors(diagnostics: Iterable[Row]) -> list[Row]:
    """The ERROR diagnostics."""
    return [d for d in diagnostics if d["severity"] == "error"]


def within(diag: Row, row: Row) -> bool:
    """Whether a diagnostic lies on the lines an expectation covers."""
    return bool(diag["file"] == row["file"] and row["line"] <= diag["line"] <= row["end_line"])


def mentions(diag: Row, tokens: Sequence[str]) -> bool:
    """Whether the diagnostic's span or message names one of the tokens (any, when none given)."""
    if not tokens:
        return True
    text = span_text(diag) + "\n" + diag["message"]
    return any(token in text for token in tokens)


def match(expected: Sequence[Row], diagnostics: Sequence[Row]) -> dict[int, Row | None]:
    """Pair each required expectation with a distinct ERROR diagnostic at its lines (greedy)."""
    pool = errors(diagnostics)
    found: dict[int, Row | None] = {}
    # Expectations with tokens first, so a token-less one cannot take their diagnostic.
    order = sorted(range(len(expected)), key=lambda i: not expected[i]["tokens"])
    for i in order:
        row = expected[i]
        if row["expect"] != "error":
            continue
        hit = next((d for d in pool if within(d, row) and mentions(d, row["tokens"])), None)
        if hit is not None:
            pool.remove(hit)
        found[i] = hit
    return found


def false_errors(expected: Sequence[Row], diagnostics: Sequence[Row], file: str) -> list[Row]:
    """ERROR diagnostics in `file` on lines where no error is expected or allowed."""
    rows = [row for row in expected if row["file"] == file]
    return [d for d in errors(diagnostics) if d["file"] == file and not any(within(d, r) for r in rows)]


def probe_tree(commands: Sequence[Row], dest: Path) -> dict[tuple[str, int], int]:
    """Copy files/ to `dest` with PROBE put after each command's subcommand word.

    Returns, per probed row (file, line), the line the probe went on: the subcommand may sit on a
    continuation line (`docker \\` then `run \\` in a Makefile recipe).
    """
    shutil.copytree(FILES, dest)
    where: dict[tuple[str, int], int] = {}
    by_file: dict[str, list[Row]] = {}
    for row in commands:
        if row.get("probe") or not row["command"]:
            by_file.setdefault(row["file"], []).append(row)
    number = 0
    for file, rows in by_file.items():
        path = dest / Path(file).relative_to("files")
        lines = path.read_text(encoding="utf-8").split("\n")
        for row in rows:
            found = _subcommand_end(lines, row["line"], row["end_line"])
            if found is None:
                continue
            at, end = found
            number += 1
            lines[at - 1] = f"{lines[at - 1][:end]} {PROBE}{number}{lines[at - 1][end:]}"
            where[(row["file"], row["line"])] = at
        path.write_text("\n".join(lines), encoding="utf-8")
    return where


def _subcommand_end(lines: Sequence[str], first: int, last: int) -> tuple[int, int] | None:
    """(line, column) just after the subcommand word of the command on lines first..last."""
    hit = _SUBCOMMAND.search(lines[first - 1])
    if hit is not None:
        return first, hit.end()
    for number in range(first + 1, last + 1):
        alone = _SUBCOMMAND_ALONE.match(lines[number - 1])
        if alone is not None:
            return number, alone.end()
    return None


def probe_hits(diagnostics: Sequence[Row], file: str, line: int, root: Path) -> list[Row]:
    """Diagnostics on a probed line about the probe flag (`root` holds the probed files/)."""
    return [d for d in diagnostics if d["file"] == file and d["line"] == line
            and PROBE in d["message"] + span_text(d, root=root)]


@dataclass(frozen=True)
class Checked:
    """One `kx check --format json` run: exit code, error codes, and a readable summary."""

    code: int
    errors: tuple[str, ...]
    summary: str


def check(args: Sequence[str], cwd: Path, home: Path) -> Checked:
    """Run `kx check --format json` with `args` (`["--", *argv]` or `[text]`)."""
    done = subprocess.run(
        [str(KX), "check", "--format", "json", *args],
        cwd=cwd, env=kx_env(home), capture_output=True, text=True, timeout=60,
    )
    try:
        diagnostics = json.loads(done.stdout)["diagnostics"]
    except (ValueError, KeyError):
        return Checked(done.returncode, (), (done.stdout + done.stderr).strip())
    found = tuple(sorted(d["code"] for d in errors(diagnostics)))
    return Checked(done.returncode, found, "; ".join(d["message"] for d in diagnostics))


def client_argv(row: Row) -> list[str]:
    """The argv the real client got for a row: its concrete line without `sudo` / `A=1` prefixes."""
    words = shlex.split(row["concrete"])
    while words and (words[0] == "sudo" or re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0])):
        words = words[1:]
    return words
