"""The printing side of ``kx lint --fix`` and ``--diff`` (the work is kx.engine.lint_fix)."""

from __future__ import annotations

import os

from kx import __version__
from kx.core.errors import UsageError, one_line
from kx.core.typecheck import TYPE_CHECKING
from kx.report import ReportOptions, render, summary

if TYPE_CHECKING:
    from typing import TextIO

    from kx.cli.lint_cli import LintRequest
    from kx.engine.lint import LintOptions


def fix_main(request: LintRequest, options: LintOptions, name: str, color: bool, out: TextIO, err: TextIO) -> int:
    """Fix (``--fix``) or show the fixes (``--diff``); return the exit code, ruff's way.

    ``--diff`` prints only the diff and exits 1 when it is not empty; ``--fix`` writes the files,
    reports what is left as plain ``kx lint`` does and exits as it would on the fixed files.
    """
    from kx.engine.lint_fix import run_fix, unified_diff

    if not (request.fix or request.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    done = run_fix(options, unsafe=request.unsafe_fixes, write=not request.diff)
    result = done.lint
    noun = "error" if done.fixed == 1 else "errors"
    changed = [(path, before, after) for path, before, after in done.changed if before != after]
    piped = [after for path, _before, after in done.changed if path == stdin_name(request)]
    if request.diff:
        out.write("".join(unified_diff(path, before, after) for path, before, after in changed))
    elif piped:  # ruff's way: the fixed text of stdin goes to stdout
        out.write(piped[0])
    else:
        report = ReportOptions(color=color, tool_version=__version__, uri_base=os.getcwd())
        out.write(render(name, result.diagnostics, report))
    for error in result.errors:
        err.write(f"kx: error: {one_line(error)}\n")
    if request.quiet:
        pass
    elif request.diff:
        err.write(f"kx lint: would fix {done.fixed} {noun} in {len(changed)} of {result.files} files\n")
    else:
        err.write(f"kx lint: fixed {done.fixed} {noun}; remaining: {summary(result.diagnostics, result.files)}\n")
    if result.errors:
        return 2
    if request.diff:
        return 1 if changed else 0
    return result.exit_code


def stdin_name(request: LintRequest) -> str | None:
    """The name input read from ``-`` is reported under, when it is read."""
    return (request.stdin_filename or "<stdin>") if "-" in request.paths else None
