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

    __slots__ = ("color", "diff", "fix", "ignore", "isolated", "jobs", "max_file_size", "output_format", "paths",
                 "quiet", "select", "severity", "spec_dirs", "stdin_filename", "unsafe_fixes")  # fmt: skip

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


def options_from(request: LintRequest) -> LintOptions:
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
        jobs=request.jobs,
    )  # fmt: skip


def main(request: LintRequest, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run ``kx lint`` and print the report; return the exit code (0, 1 or 2)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    name = request.output_format or default_format(os.environ)
    color = use_color(request.color, out.isatty(), os.environ)
    options = options_from(request)
    from kx.report import get_renderer

    get_renderer(name)  # reject an unknown --format before reading any file
    if request.fix or request.diff or request.unsafe_fixes:
        from kx.cli.lint_fixing import fix_main

        return fix_main(request, options, name, color, out, err)
    result = run(options)
    report = ReportOptions(color=color, tool_version=__version__, uri_base=os.getcwd())
    out.write(render(name, result.diagnostics, report))
    for error in result.errors:
        err.write(f"kx: error: {one_line(error)}\n")
    if not request.quiet and (result.files or not result.errors):  # "0 files" under an error says nothing
        err.write(f"kx lint: {summary(result.diagnostics, result.files)}\n")
    return result.exit_code


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
