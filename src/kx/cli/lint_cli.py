"""The printing side of ``kx lint``: options in, formatted report out, exit code back.

cli.py's typer command fills a ``LintRequest`` and calls ``main``; nothing here imports typer.
"""

from __future__ import annotations

import os
import sys

from kx import __version__
from kx.core.errors import ConfigError, UsageError, one_line
from kx.core.record import Record
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.config import parse_size
from kx.engine.lint import LintOptions, run
from kx.report import ReportOptions, default_format, render, summary, use_color

if TYPE_CHECKING:
    from typing import TextIO


class LintRequest(Record):
    """The ``kx lint`` command line, as typed (before validation)."""

    __slots__ = ("color", "diff", "fix", "ignore", "isolated", "jobs", "max_file_size", "output_format",
                 "paths", "quiet", "select", "severity", "spec_dirs", "stdin_filename",
                 "target", "unsafe_fixes")  # fmt: skip

    def __init__(
        self,
        paths: tuple[str, ...],
        output_format: str | None = None,
        color: str = "auto",
        severity: str = "warning",
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        stdin_filename: str | None = None,
        isolated: bool = False,
        spec_dirs: tuple[str, ...] = (),
        max_file_size: str | None = None,
        jobs: int = 0,
        quiet: bool = False,
        fix: bool = False,
        diff: bool = False,
        unsafe_fixes: bool = False,
        target: str | None = None,
    ) -> None:
        self.paths = paths
        self.output_format = output_format
        self.color = color
        self.severity = severity
        self.select = select
        self.ignore = ignore
        self.stdin_filename = stdin_filename
        self.isolated = isolated
        self.spec_dirs = spec_dirs
        self.max_file_size = max_file_size
        self.jobs = jobs
        self.quiet = quiet
        self.fix = fix
        self.diff = diff
        self.unsafe_fixes = unsafe_fixes
        self.target = target


def options_from(request: LintRequest, fixes: bool = False) -> LintOptions:
    """Validate the request into the library's options (bad values raise UsageError)."""
    size = None
    if request.max_file_size is not None:
        try:
            size = parse_size(request.max_file_size)
        except ConfigError as error:
            raise UsageError(f"--max-file-size: {error}") from None
    if request.jobs < 0:
        raise UsageError("--jobs must be 0 (automatic) or more")
    return LintOptions(
        paths=request.paths, select=_split(request.select), ignore=_split(request.ignore),
        severity=request.severity, stdin_filename=request.stdin_filename,
        isolated=request.isolated, spec_dirs=request.spec_dirs, max_file_size=size,
        jobs=request.jobs, fixes=fixes, targets=_targets(request.target),
    )  # fmt: skip


def main(request: LintRequest, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run ``kx lint`` and print the report; return the exit code (0, 1 or 2)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    name = request.output_format or default_format(os.environ)
    color = use_color(request.color, out.isatty(), os.environ)
    options = options_from(request, fixes=name in ("json", "sarif"))  # the formats that carry fixes
    from kx.report import get_renderer

    get_renderer(name)  # reject an unknown --format before reading any file
    if request.fix or request.diff or request.unsafe_fixes:
        return fix_main(request, options, name, color, out, err)
    result = run(options)
    report = ReportOptions(color=color, tool_version=__version__, uri_base=os.getcwd())
    out.write(render(name, result.diagnostics, report))
    for error in result.errors:
        err.write(f"kx: error: {one_line(error)}\n")
    if not request.quiet and (result.files or not result.errors):  # "0 files" under an error says nothing
        err.write(f"kx lint: {summary(result.diagnostics, result.files)}\n")
    return result.exit_code


def fix_main(
    request: LintRequest, options: LintOptions, name: str, color: bool, out: TextIO, err: TextIO
) -> int:
    """Fix (``--fix``) or show the fixes (``--diff``); return the exit code, ruff's way.

    ``--diff`` prints only the diff and exits 1 when it is not empty; ``--fix`` writes the files,
    reports what is left as plain ``kx lint`` does and exits as it would on the fixed files.
    """
    from kx.engine.lint_fix import run_fix, unified_diff

    if not (request.fix or request.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    done = run_fix(options, unsafe=request.unsafe_fixes, write=not request.diff)
    result = done.lint
    noun = "problem" if done.fixed == 1 else "problems"  # a fix may be a warning's (KX108)
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
        left = summary(result.diagnostics, result.files)
        err.write(f"kx lint: fixed {done.fixed} {noun}; remaining: {left}\n")
    if result.errors:
        return 2
    if request.diff:
        return 1 if changed else 0
    return result.exit_code


def stdin_name(request: LintRequest) -> str | None:
    """The name input read from ``-`` is reported under, when it is read."""
    return (request.stdin_filename or "<stdin>") if "-" in request.paths else None


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _targets(text: str | None) -> tuple[tuple[str, str], ...]:
    """``--target`` as (tool, version) pairs; a malformed one is a usage error."""
    if text is None:
        return ()
    from kx.check.versions import parse_targets

    try:
        return tuple(sorted(parse_targets(text).items()))
    except ValueError as error:
        raise UsageError(f"--target: {error}") from None
