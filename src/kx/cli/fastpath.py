"""The light command path: ``kx check``, ``exec``, ``explain``, ``lint`` and the builders without typer.

A cold ``kx check`` must cost about what the docker client's own rejection costs, so this path
imports only the engine (no typer, rich, jsonschema or PyYAML's loader). It parses with
kx.cli.optable, the table generated from the typer app, and leaves any line it does not read
exactly as typer would (help, unknown options, bad values) to the typer app.
"""

from __future__ import annotations

import os
import sys

from kx.core.errors import KxError, UsageError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TextIO

    from kx.builder.prompts import Prompter
    from kx.builder.streams import Streams
    from kx.cli.check_options import CheckOptions
    from kx.core.diagnostics import Diagnostic
    from kx.engine.settings import Settings

FIXES_SHOWN = ("json", "sarif")  # the formats that carry fixes (each costs a second check)


def try_run(args: list[str]) -> int | None:
    """Handle ``args`` here when possible; None means "let the typer app do it"."""
    from kx.cli.optable import BUILDERS, COMMANDS

    if not args or args[0] not in COMMANDS:
        return None
    try:
        if args[0] == "lint":
            return _lint(args[1:])
        if args[0] == "explain":
            from kx.cli.explain_cli import run_light

            return run_light(args[1:])
        if args[0] in BUILDERS:
            return build(args[0], build_words(args[0], args[1:]))
        from kx.cli import check_options

        options = check_options.parse(args[1:], args[0])
        return None if options is None else run_checked(args[0], options)
    except KxError as error:
        sys.stderr.write(f"kx: error: {error}\n")
        return 2


def make_prompter(io: Streams) -> Prompter:
    """The builder's prompts: prompt-toolkit on a terminal, plain line reading otherwise (pipes, tests)."""
    from kx.builder.prompts import LinePrompter

    if io.stdin.isatty() and io.stderr.isatty() and os.environ.get("TERM") != "dumb":
        from kx.cli.terminal_prompt import TerminalPrompter

        return TerminalPrompter(io.stdin, io.stderr)
    return LinePrompter(io.stdin, io.stderr)


def _lint(args: list[str]) -> int | None:
    """``kx lint`` without typer when its options are plain (see kx.cli.lint_options)."""
    from kx.cli.lint_options import parse

    request = parse(args)
    if request is None:
        return None
    from kx.cli.lint_cli import main

    return main(request)


def build(name: str, words: list[str]) -> int:
    """Run builder ``name`` on its words (kx options as --kx-NAME), checking against ``--target``."""
    from kx.builder.runner import build_main
    from kx.catalog.installed import installed_versions
    from kx.cli.check_options import settings_for, take_target
    from kx.cli.optable import BUILDERS

    path = BUILDERS[name]
    words, target = take_target(path, words)
    settings = settings_for(target)

    def check(argv: list[str]) -> tuple[str, list[Diagnostic]]:
        from kx.engine.pipeline import check_argv  # the builder sits below the engine

        return check_argv(argv, settings=settings)

    versions = {**installed_versions(), **dict(settings.targets)}  # the flags offered: the target's
    return build_main(path, words, check, prompter=make_prompter, versions=versions)


def build_words(name: str, args: list[str]) -> list[str]:
    """A builder's words with kx's options before ``kx build``'s TOOL turned into ``--kx-NAME``.

    Before the tool no spec can own an option, so ``kx build --format yaml kubectl run ...`` and
    ``kx build -i -- docker run`` mean kx's options; after it the builder tells them apart.
    """
    if name != "build":
        return list(args)
    from kx.cli import lightparse
    from kx.cli.optable import COMMANDS

    table = COMMANDS[name]
    values = dict(table["defaults"])
    extra: list[str] = []
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "-":
        if args[i] == "--":
            if i + 1 == len(args):
                raise UsageError("nothing to build after -- (usage: kx build -- TOOL SUBCOMMAND...)")
            i += 1
            break
        if args[i] in ("-h", "--help"):
            return ["--help"]
        name_, eq, value = args[i].partition("=")
        if name_ == "--target":  # read by build(), not a typer option
            if not eq:
                value = args[i + 1] if i + 1 < len(args) else ""
            extra.append(f"--kx-target={value}")
            i += 1 if eq else 2
            continue
        after = lightparse.read_option(table, values, args, i + 1)
        if after < 0:
            known = ", ".join(sorted(w for w in table["options"] if w.startswith("--")))
            raise UsageError(f"bad option {args[i]!r} before the command (kx build takes {known})")
        i = after
    return [*kx_words(name, values), *extra, *args[i:]]


def kx_words(name: str, values: dict[str, Any]) -> list[str]:
    """The ``--kx-NAME[=VALUE]`` words that give a builder the option values that differ from the defaults."""
    from kx.cli.optable import COMMANDS

    table = COMMANDS[name]
    words = []
    for word, (param, kind, switch_value) in table["options"].items():
        value = values.get(param, table["defaults"][param])
        if not word.startswith("--") or not switch_value or value == table["defaults"][param]:
            continue
        words.append(f"--kx-{word[2:]}" if kind == "switch" else f"--kx-{word[2:]}={value}")
    return words


def _color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_checked(command: str, options: CheckOptions) -> int:
    """Run ``kx check`` or ``kx exec`` on parsed options and return the exit code."""
    from kx.catalog.loader import load_specs
    from kx.engine import pipeline as engine

    for warning in load_specs().warnings:
        sys.stderr.write(f"kx: warning: {warning}\n")
    from kx.cli.check_options import settings_for

    settings = settings_for(options.target)
    if options.fix or options.unsafe_fixes:
        return _fixed(options, settings)
    text, diagnostics = _checked(options, settings, options.format in FIXES_SHOWN)
    if options.format == "text" and any(d.code == "KX106" and not d.suggestion for d in diagnostics):
        # the help line of a removed flag with no rename is its --overrides form: checked again for it
        text, diagnostics = _checked(options, settings, True)
    if not options.quiet:
        shown = diagnostics
        if command == "exec" and options.format == "text":
            # exec guards commands it then runs (`alias docker='kx exec -- docker'`): a note that a
            # command was not checked would be printed before every `docker compose`, so notes stay quiet
            shown = [d for d in diagnostics if d.severity != "info"]
        stream = sys.stderr if command == "exec" else sys.stdout
        stream.write(report(text, shown, options.format, _color(options.color), _columns(stream)))
    failed = engine.has_errors(diagnostics)
    if command == "exec" and not failed:
        return _exec(options.command if options.string is None else ["sh", "-c", options.string])
    return 1 if failed else 0


def _checked(options: CheckOptions, settings: Settings, fixes: bool) -> tuple[str, list[Diagnostic]]:
    """The checked text (the string, or the argv words joined) and its diagnostics."""
    from kx.engine import pipeline as engine

    if options.string is not None:
        return options.string, engine.check_command(options.string, settings=settings, fixes=fixes)
    return engine.check_argv(options.command, settings=settings, fixes=fixes)


def _fixed(options: CheckOptions, settings: Settings) -> int:
    """``kx check --fix``: the fixed command on stdout, what is left on stderr; 1 if errors are left.

    With ``--format json`` stdout is the usual document, its ``command`` the fixed one.
    """
    from kx.engine.lint_fix import fix_command
    from kx.engine.pipeline import argv_to_words, has_errors

    if not options.fix:
        raise UsageError("--unsafe-fixes needs --fix")
    text = options.string if options.string is not None else argv_to_words(options.command)[0]
    fixed, _count, left = fix_command(text, options.unsafe_fixes, settings)
    if options.format == "json":
        sys.stdout.write(report(fixed, left, "json", False))
    else:
        sys.stdout.write(fixed + "\n")
    if left and not options.quiet and options.format != "json":
        sys.stderr.write(report(fixed, left, options.format, _color(options.color), _columns(sys.stderr)))
    return 1 if has_errors(left) else 0


def _columns(stream: TextIO) -> int | None:
    """The terminal's width when ``stream`` is one (long lines are cut to it), else None."""
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (OSError, ValueError):
        return None


def report(text: str, diagnostics: list[Diagnostic], fmt: str, color: bool, width: int | None = None) -> str:
    """The report of one checked command, by kx.report's formatters (text: the caret view)."""
    if fmt == "text":
        from kx.report import caret

        return caret.render(text, diagnostics, color, width or caret.WIDTH) + "\n" if diagnostics else ""
    from kx import __version__
    from kx.report import ReportOptions, render

    return render(fmt, diagnostics, ReportOptions(color=color, tool_version=__version__, command=text))


def _exec(argv: list[str]) -> int:
    from kx.cli.codesave import save_installed

    save_installed()  # exec never returns to the console entry point, which would save it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execvp(argv[0], argv)
    except OSError as error:
        sys.stderr.write(f"kx: error: cannot run {argv[0]}: {error.strerror}\n")
        return 127
    return 0  # pragma: no cover - execvp does not return
