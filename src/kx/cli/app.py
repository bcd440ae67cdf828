"""The one definition of kx's command line: every command and option is declared here, once.

Typer parses the commands that are not hot. ``kx check``, ``kx exec`` and ``kx lint`` usually run
on the light path (kx.cli.fastpath), which reads kx.cli.optable: a table generated from this app
(``python -m kx.cli.generate``; a test fails when it is stale). Each callback only fills options
and calls the code that does the work, which is the same code the light path calls.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

import typer

from kx import __version__
from kx.cli import admin
from kx.cli.explain_cli import HELP as EXPLAIN_HELP
from kx.cli.helpstyle import ROOT_SETTINGS, KxCommand, KxGroup
from kx.core.errors import KxError

ABOUT = "Validate, lint, build and complete docker run, kubectl run and kubectl expose commands."
app = typer.Typer(name="kx", help=ABOUT, no_args_is_help=True, add_completion=False, cls=KxGroup,
                  rich_markup_mode=None, pretty_exceptions_enable=False,
                  context_settings=ROOT_SETTINGS)  # fmt: skip
app.add_typer(admin.specs_app, name="specs")
app.add_typer(admin.completion_app, name="completion")
app.add_typer(admin.plugin_app, name="plugin")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Validate, lint, build and complete docker run, kubectl run and kubectl expose commands."""


class OutputFormat(str, enum.Enum):
    """The report formats of check, exec and lint."""

    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class ColorMode(str, enum.Enum):
    """When to colour the output."""

    auto = "auto"
    always = "always"
    never = "never"


# check and exec: kx's options come first; the command starts at `--` or at its first word.
COMMAND_FIRST: dict[str, Any] = {"allow_interspersed_args": False}
FORMAT = typer.Option(OutputFormat.text, "--format", "-f", metavar="FORMAT", help="Output format.")
COLOR = typer.Option(ColorMode.auto, "--color", metavar="WHEN", help="Colour the output.")
QUIET = typer.Option(False, "--quiet", "-q", help="Print nothing; only the exit code tells.")
FIX = typer.Option(False, "--fix", help="Print the command with its safe fixes applied.")
UNSAFE_FIXES = typer.Option(False, "--unsafe-fixes", help="With --fix: the unsafe fixes too.")
_TARGET_HELP = ("Client versions the line must work on: kubectl=1.24,docker=20.10, or a range "
                "kubectl=1.24..1.32 (default: the installed clients).")  # fmt: skip
TARGET = typer.Option(None, "--target", metavar="TOOL=VERSION,...", help=_TARGET_HELP)
WORDS = typer.Argument(None, metavar="COMMAND", show_default=False,
                       help="The command, after -- or as one quoted string.")  # fmt: skip


def _check_like(name: str, about: str) -> None:
    """Declare ``kx check`` or ``kx exec`` (the same options, a different ending)."""

    def command(fmt: OutputFormat = FORMAT, color: ColorMode = COLOR, quiet: bool = QUIET,
                target: str = TARGET, words: list[str] = WORDS) -> None:  # fmt: skip
        _checked(name, {"fmt": fmt.value, "color": color.value, "quiet": quiet, "target": target}, words)

    def check(fmt: OutputFormat = FORMAT, color: ColorMode = COLOR, quiet: bool = QUIET, fix: bool = FIX,
              unsafe_fixes: bool = UNSAFE_FIXES, target: str = TARGET,
              words: list[str] = WORDS) -> None:  # fmt: skip
        _checked(name, {"fmt": fmt.value, "color": color.value, "quiet": quiet, "fix": fix,
                        "unsafe_fixes": unsafe_fixes, "target": target}, words)  # fmt: skip

    chosen = check if name == "check" else command  # exec runs the command as given: no --fix
    chosen.__doc__ = about
    app.command(name, cls=KxCommand, context_settings=COMMAND_FIRST)(chosen)


def _checked(name: str, values: dict[str, Any], words: list[str] | None) -> None:
    """Run ``kx check``/``kx exec`` on the options typer read."""
    from kx.cli import check_options, fastpath

    options = check_options.finish(check_options.CheckOptions(values, list(words or ())), name)
    raise typer.Exit(fastpath.run_checked(name, options))


_check_like("check", "Check one docker/kubectl command offline: every mistake at once, with fixes.")
_check_like("exec", "Check a command, then run it (replacing kx) only if no error was found.")


class ExplainFormat(str, enum.Enum):
    """What kx explain prints."""

    text = "text"
    json = "json"


@app.command("explain", cls=KxCommand, context_settings=COMMAND_FIRST, help=EXPLAIN_HELP)
def explain_command(
    fmt: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", metavar="FORMAT",
                                      help="Aligned text, or JSON for editors."),
    words: list[str] = WORDS,
) -> None:  # fmt: skip
    """Say what each word of a docker/kubectl command is, with what its flags mean."""
    from kx.cli.explain_cli import run

    raise typer.Exit(run(fmt.value, list(words or ())))


@app.command("lint", cls=KxCommand)
def lint_command(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Files or directories to lint; - reads stdin."
    ),
    output_format: str = typer.Option(
        None, "--format", metavar="FORMAT",
        help="text, json, sarif or github (default: github under GitHub Actions).",
    ),
    color: str = typer.Option(
        "auto", "--color", metavar="WHEN", help="auto, always or never (NO_COLOR honoured)."
    ),
    severity: str = typer.Option(
        "warning", "--severity", metavar="LEVEL", help="Lowest severity reported: error, warning, info."
    ),
    select: list[str] = typer.Option(
        [], "--select", metavar="CODES", help="Only these codes or prefixes (KX1,KX601)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", metavar="CODES", help="Leave out these codes or prefixes."
    ),
    stdin_filename: str = typer.Option(
        None, "--stdin-filename", metavar="NAME", help="Name (and so file type) for input read from -."
    ),
    isolated: bool = typer.Option(
        False, "--isolated/--no-isolated", help="Ignore configuration (pyproject.toml, .kx.toml)."
    ),
    spec_dir: list[str] = typer.Option(
        [], "--spec-dir", metavar="DIR", help="Extra directory of flag specs."
    ),
    max_file_size: str = typer.Option(
        None, "--max-file-size", metavar="SIZE", help="Skip larger files (e.g. 10MB) with KX704."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", metavar="N", help="Processes to use (0: automatic)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on stderr."),
    fix: bool = typer.Option(False, "--fix", help="Apply the safe fixes in place."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a diff; change nothing."),
    unsafe_fixes: bool = typer.Option(
        False, "--unsafe-fixes", help="With --fix/--diff: the unsafe fixes too."
    ),
    target: str = typer.Option(None, "--target", metavar="TOOL=VERSION,...",
                               help=_TARGET_HELP.replace("installed clients", "config's target-versions")),
) -> None:
    """Find every docker/kubectl command in scripts, docs and CI files, and check it."""
    values = dict(locals())  # the options by parameter name, as the light path reads them
    from kx.cli.lint_cli import main
    from kx.cli.lint_options import request

    try:
        code = main(request(values.pop("paths"), values))
    except KxError as error:
        raise admin.fail(error) from None
    raise typer.Exit(code)


# The builder commands: kx's own options are declared here; the built command's flags come from its
# spec, so typer only lists these commands and run_app hands their words to the builder.
BUILDERS: dict[str, tuple[str, ...] | None] = {
    "build": None, "expose": ("kubectl", "expose"), "run": ("kubectl", "run"),
    "docker-run": ("docker", "run"),
}  # fmt: skip
_BUILD_SETTINGS: dict[str, Any] = {"allow_extra_args": True, "ignore_unknown_options": True,
                                   "allow_interspersed_args": False}  # fmt: skip


class BuildFormat(str, enum.Enum):
    """What a builder prints."""

    command = "command"
    json = "json"
    yaml = "yaml"


class QuoteStyle(str, enum.Enum):
    """The shell the built command is quoted for."""

    posix = "posix"
    powershell = "powershell"


# Hidden from typer's listing: a builder's --help is the builder's own (kx.builder.helptext), which
# shows these options beside the spec's flags.
_ASK = "Ask for the values step by step (prompts on stderr)."
# -i too, where the built command has no -i of its own (kubectl run and docker run have)
# --ask too: docker run owns --interactive, so `kx docker-run --ask` (or no arguments on a terminal)
INTERACTIVE = {True: typer.Option(False, "--interactive", "--ask", "-i", hidden=True, help=_ASK),
               False: typer.Option(False, "--interactive", "--ask", hidden=True, help=_ASK)}  # fmt: skip
BUILD_FORMAT = typer.Option(BuildFormat.command, "--format", metavar="FORMAT", hidden=True,
                            help="Print the command, or as JSON/YAML what would be sent.")
SHELL = typer.Option(QuoteStyle.posix, "--shell", metavar="SHELL", hidden=True,
                     help="Quote the command for a POSIX shell or PowerShell.")
EXEC = typer.Option(False, "--exec", hidden=True, help="Run the command after a confirmation.")


def _builder(name: str, about: str, short_i: bool) -> None:
    """Declare a builder command: its kx options (also accepted as --kx-NAME after the command).

    ``--target TOOL=VERSION`` is read before the builder sees the words (kx.cli.check_options).
    """

    def command(
        ctx: typer.Context, interactive: bool = INTERACTIVE[short_i], fmt: BuildFormat = BUILD_FORMAT,
        shell: QuoteStyle = SHELL, run: bool = EXEC,
    ) -> None:  # fmt: skip
        from kx.cli.fastpath import kx_words

        values = {"interactive": interactive, "fmt": fmt.value, "shell": shell.value, "run": run}
        raise typer.Exit(run_builder(name, [*kx_words(name, values), *ctx.args]))

    command.__doc__ = about
    app.command(name, cls=KxCommand, context_settings=_BUILD_SETTINGS, add_help_option=False)(command)


_FROM_SPEC = "(flags from the spec; {} asks for them)."
_builder("build", "Build a checked command for any spec: kx build TOOL SUBCOMMAND... [FLAGS].", True)
_builder("expose", "Build a kubectl expose command " + _FROM_SPEC.format("--interactive"), True)
_builder("run", "Build a kubectl run command " + _FROM_SPEC.format("--interactive"), False)
_builder("docker-run", "Build a docker run command " + _FROM_SPEC.format("--ask"), False)


def run_builder(name: str, words: list[str]) -> int:
    """Hand a builder command's words (kx options already in --kx-NAME form) to the builder."""
    from kx.cli.fastpath import build

    return build(name, words)


def click_command(typer_app: typer.Typer | None = None) -> Any:
    """The click command behind a typer app (default: kx's own), for help, tables and completion."""
    import typer.main

    return typer.main.get_command(typer_app if typer_app is not None else app)


INTERRUPTED = 130  # the exit code typer returns when a command is stopped with Ctrl-C


def run_app(args: list[str], prog: str = "kx") -> int:
    """Run the typer app on ``args`` and return its exit code; errors are one ``kx: error:`` line."""
    try:
        if args and args[0] in BUILDERS:
            from kx.cli.fastpath import build_words  # click would drop the `--` container args need

            return run_builder(args[0], build_words(args[0], args[1:]))
        result = app(args=args, prog_name=prog, standalone_mode=False)
        if result == INTERRUPTED:  # typer's answer to Ctrl-C: let kx.cli.main report it
            raise KeyboardInterrupt
    except KxError as error:
        sys.stderr.write(f"kx: error: {error}\n")
        return 2
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        sys.stderr.write("Aborted.\n")
        return 130
    except typer.TyperException as error:  # click's usage errors (typer vendors click)
        if type(error).__name__ == "NoArgsIsHelpError":  # `kx`, `kx specs`: the help, as a usage error
            sys.stderr.write(str(error.format_message()) + "\n")
            return 2
        from kx.cli.usage_errors import usage_message

        sys.stderr.write(f"kx: error: {usage_message(error)}\n")
        return 2
    return int(result) if isinstance(result, int) else 0
