"""The typer command-line interface: thin wrappers that fill options and call the library."""

from __future__ import annotations

import sys

import typer

from kx import __version__
from kx.errors import KxError

app = typer.Typer(
    name="kx",
    help="Validate, lint, build and complete docker run, kubectl run and kubectl expose commands.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


_PASS_THROUGH = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}


@app.command("check", context_settings=_PASS_THROUGH, add_help_option=False)
def check_command(ctx: typer.Context) -> None:
    """Check one docker/kubectl command offline: every mistake at once, with fixes."""
    from kx import fastpath  # options are defined once, in kx.check_options

    raise typer.Exit(fastpath.run("check", list(ctx.args)))


@app.command("exec", context_settings=_PASS_THROUGH, add_help_option=False)
def exec_command(ctx: typer.Context) -> None:
    """Check a command, then run it (replacing kx) only if no error was found."""
    from kx import fastpath

    raise typer.Exit(fastpath.run("exec", list(ctx.args)))


def fail(error: KxError) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"kx: error: {error}", err=True)
    return typer.Exit(2)


def run_app(args: list[str]) -> int:
    """Run the typer app on ``args`` and return its exit code, never a traceback for KxError."""
    try:
        result = app(args=args, prog_name="kx", standalone_mode=False)
    except KxError as error:
        sys.stderr.write(f"kx: error: {error}\n")
        return 2
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        sys.stderr.write("Aborted.\n")
        return 130
    except Exception as error:  # click usage errors (vendored); avoid importing click
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        return int(getattr(error, "exit_code", 2))
    return int(result) if isinstance(result, int) else 0
