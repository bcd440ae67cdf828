"""The light command path: ``kx check``, ``kx exec`` and ``kx lint`` without importing typer.

A cold ``kx check`` must cost about what the docker client's own rejection costs, so this path
imports only the engine (no typer, rich, jsonschema or PyYAML's loader). ``kx lint`` comes here
when its options are plain ones (kx.cli.lint_options); importing typer would cost more than linting.
"""

from __future__ import annotations

import os
import sys

from kx.core.errors import KxError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.core.diagnostics import Diagnostic

LIGHT_COMMANDS = ("check", "exec")


def try_run(args: list[str]) -> int | None:
    """Handle ``args`` here when possible; None means "let the typer app do it"."""
    if not args or args[0] not in (*LIGHT_COMMANDS, "lint"):
        return None
    try:
        if args[0] == "lint":
            return _lint(args[1:])
        return run(args[0], args[1:])
    except KxError as error:
        sys.stderr.write(f"kx: error: {error}\n")
        return 2


def _lint(args: list[str]) -> int | None:
    """``kx lint`` without typer when its options are plain (see kx.cli.lint_options)."""
    from kx.cli.lint_options import parse

    request = parse(args)
    if request is None:
        return None
    from kx.cli.lint_cli import main

    return main(request)


def _color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run(command: str, args: list[str]) -> int:
    """Run ``kx check`` or ``kx exec`` and return the exit code."""
    from kx.cli import check_options
    from kx.engine import pipeline as engine

    options = check_options.parse(args)
    if options.help:
        sys.stdout.write(check_options.help_text(command))
        return 0
    from kx.catalog.loader import load_specs

    for warning in load_specs().warnings:
        sys.stderr.write(f"kx: warning: {warning}\n")
    if options.string is not None:
        text = options.string
        diagnostics = engine.check_command(text)
    else:
        text, diagnostics = engine.check_argv(options.command)
    if not options.quiet:
        shown = diagnostics
        if command == "exec" and options.format == "text":
            # exec guards commands it then runs (`alias docker='kx exec -- docker'`): a note that a
            # command was not checked would be printed before every `docker compose`, so notes stay quiet
            shown = [d for d in diagnostics if d.severity != "info"]
        _print(text, shown, options.format, _color(options.color), command == "exec")
    failed = engine.has_errors(diagnostics)
    if command == "exec" and not failed:
        return _exec(options.command if options.string is None else ["sh", "-c", options.string])
    return 1 if failed else 0


def _print(text: str, diagnostics: list[Diagnostic], fmt: str, color: bool, to_stderr: bool) -> None:
    stream = sys.stderr if to_stderr else sys.stdout
    if fmt == "json":
        import json

        body = {"command": text, "diagnostics": [d.to_dict() for d in diagnostics]}
        stream.write(json.dumps(body, indent=2) + "\n")
        return
    if fmt in ("sarif", "github"):
        from kx import __version__
        from kx.report import ReportOptions, render

        stream.write(render(fmt, diagnostics, ReportOptions(tool_version=__version__)))
        return
    if diagnostics:
        from kx.report import caret

        stream.write(caret.render(text, diagnostics, color) + "\n")


def _exec(argv: list[str]) -> int:
    from kx.cli import codecache

    codecache.save()  # exec never returns to the console entry point, which would save it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execvp(argv[0], argv)
    except OSError as error:
        sys.stderr.write(f"kx: error: cannot run {argv[0]}: {error.strerror}\n")
        return 127
    return 0  # pragma: no cover - execvp does not return
