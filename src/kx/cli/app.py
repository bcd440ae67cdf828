"""The typer command-line interface: thin wrappers that fill options and call the library."""

from __future__ import annotations

import enum
import inspect
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from kx import __version__
from kx.core.errors import KxError

if TYPE_CHECKING:
    from kx.cli.outcome import Outcome

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
    from kx.cli import fastpath  # options are defined once, in kx.cli.check_options

    raise typer.Exit(fastpath.run("check", list(ctx.args)))


@app.command("exec", context_settings=_PASS_THROUGH, add_help_option=False)
def exec_command(ctx: typer.Context) -> None:
    """Check a command, then run it (replacing kx) only if no error was found."""
    from kx.cli import fastpath

    raise typer.Exit(fastpath.run("exec", list(ctx.args)))


def lint_command(**values: Any) -> None:
    """Find every docker/kubectl command in scripts, docs and CI files, and check it."""
    from kx.cli.lint_cli import main
    from kx.cli.lint_options import request

    try:
        code = main(request(values.pop("paths"), values))
    except KxError as error:
        raise fail(error) from None
    raise typer.Exit(code)


def _lint_signature() -> tuple[inspect.Signature, dict[str, Any]]:
    """The typer parameters of ``kx lint``, from the one table in kx.cli.lint_options."""
    from kx.cli.lint_options import INT, OPTIONS, PATHS_HELP, SWITCH, TEXTS

    types = {INT: int, SWITCH: bool, TEXTS: list[str]}
    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [inspect.Parameter("paths", keyword, default=typer.Argument(..., help=PATHS_HELP))]
    annotations: dict[str, Any] = {"paths": list[str], "return": None}
    for name, names, kind, default, text in OPTIONS:
        value = list(default) if kind == TEXTS else default
        params.append(inspect.Parameter(name, keyword, default=typer.Option(value, *names, help=text)))
        annotations[name] = types.get(kind, str)
    return inspect.Signature(params), annotations


# typer reads a command's parameters from its signature and type hints: give it the table's.
lint_command.__signature__, lint_command.__annotations__ = _lint_signature()  # type: ignore[attr-defined]
app.command("lint")(lint_command)


specs_app = typer.Typer(help="List, show, validate, import and diff the flag specs kx knows.",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(specs_app, name="specs")


@specs_app.command("list")
def specs_list() -> None:
    """List every loaded spec: tool, command, client version, source file, flag count."""
    from kx.catalog import manage
    from kx.catalog.loader import load_specs

    specs = load_specs()
    for warning in specs.warnings:
        typer.echo(f"kx: warning: {warning}", err=True)
    rows = manage.list_rows(specs)
    typer.echo(f"{'TOOL':<8} {'COMMAND':<16} {'VERSION':<9} {'FLAGS':>5}  SOURCE")
    for tool, command, version, origin, count in rows:
        typer.echo(f"{tool:<8} {command:<16} {version:<9} {count:>5}  {origin}")


@specs_app.command("show")
def specs_show(
    tool: str = typer.Argument(..., help="docker or kubectl (or a plugin spec's tool)."),
    path: list[str] = typer.Argument(None, help="Subcommand path, e.g. expose or container run."),
    fmt: str = typer.Option("yaml", "--format", help="yaml or json."),
) -> None:
    """Print one spec as loaded, inherited flags included."""
    from kx.catalog import manage
    from kx.catalog.loader import load_specs

    if fmt not in ("yaml", "json"):
        raise fail(KxError(f"invalid --format {fmt!r} (choose yaml or json)"))
    body = manage.resolved(manage.find(load_specs(), tool, list(path or [])))
    if fmt == "json":
        import json

        typer.echo(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        import yaml

        typer.echo(yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110), nl=False)


@specs_app.command("validate")
def specs_validate(
    paths: list[str] = typer.Argument(None, help="Spec files or directories (default: all loaded)."),
) -> None:
    """Check spec files against the meta-schema and the semantic rules; exit 1 on problems."""
    from kx.catalog import manage

    messages = manage.validate_paths(list(paths or []))
    for message in messages:
        typer.echo(message)
    if messages:
        typer.echo(f"{len(messages)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo("all specs valid", err=True)


@specs_app.command("import")
def specs_import(
    tool: str = typer.Argument(..., help="docker or kubectl (the installed client is run)."),
    path: list[str] = typer.Argument(None, help="Subcommand path, e.g. container create."),
    every: bool = typer.Option(False, "--all", help="Import every command the client lists (under PATH)."),
    output: str = typer.Option(None, "--output", "-o", help="File (or, with --all, directory) to write."),
    force: bool = typer.Option(False, "--force", help="Overwrite spec files that exist."),
) -> None:
    """Write a spec from the installed client's --help (default: into the user spec dir)."""
    from kx.cli.specs_cli import ImportRequest, import_specs

    request = ImportRequest(tool, tuple(path or ()), every, output, force)
    _finish(lambda: import_specs(request))


@specs_app.command("diff")
def specs_diff(
    tool: str = typer.Argument(..., help="docker or kubectl (the installed client is run)."),
    path: list[str] = typer.Argument(None, help="One subcommand path (default: every loaded spec)."),
) -> None:
    """Show flags missing from, extra in, or changed in the specs vs the installed client; exit 1 if any."""
    from kx.cli.specs_cli import diff_specs

    _finish(lambda: diff_specs(tool, tuple(path or ())))


def _finish(job: Callable[[], Outcome]) -> None:
    """Run a library job: print its lines and notes, exit with its code (2 on a KxError)."""
    try:
        outcome = job()
    except KxError as error:
        raise fail(error) from None
    for line in outcome.lines:
        typer.echo(line)
    for note in outcome.notes:
        typer.echo(note, err=True)
    raise typer.Exit(outcome.code)


completion_app = typer.Typer(
    help="Shell completion: print, install or remove the script for bash, zsh, fish or PowerShell.",
    no_args_is_help=True,
)
app.add_typer(completion_app, name="completion")
_SHELL_HELP = "bash, zsh, fish or powershell (default: the shell kx runs under)."


class CompletionShell(str, enum.Enum):
    """The shells kx writes completion scripts for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


@completion_app.command("show")
def completion_show(
    shell: CompletionShell = typer.Argument(None, help=_SHELL_HELP, show_default=False),
) -> None:
    """Print the completion script (for the specs on this machine, plugin specs included)."""
    from kx.complete import command

    typer.echo(command.show(shell.value if shell else None), nl=False)


@completion_app.command("install")
def completion_install(
    shell: CompletionShell = typer.Argument(None, help=_SHELL_HELP, show_default=False),
) -> None:
    """Install the completion script where the shell loads it; safe to run again."""
    from kx.complete import command

    for line in command.install_lines(shell.value if shell else None):
        typer.echo(line)


@completion_app.command("uninstall")
def completion_uninstall(
    shell: CompletionShell = typer.Argument(None, help=_SHELL_HELP, show_default=False),
) -> None:
    """Remove exactly what `kx completion install` added."""
    from kx.complete import command

    for line in command.uninstall_lines(shell.value if shell else None):
        typer.echo(line)


plugin_app = typer.Typer(help="Install or remove kx as a docker CLI plugin (docker kx ...).",
                         no_args_is_help=True)  # fmt: skip
app.add_typer(plugin_app, name="plugin")


class PluginHost(str, enum.Enum):
    """The tools kx installs a plugin for (kubectl finds kubectl-kx on PATH by itself)."""

    docker = "docker"


@plugin_app.command("install")
def plugin_install(host: PluginHost = typer.Argument(..., help="docker")) -> None:
    """Put a docker-kx executable into docker's cli-plugins dir; safe to run again."""
    from kx.cli import plugin_install as installer

    _finish(lambda: installer.install(host.value))


@plugin_app.command("uninstall")
def plugin_uninstall(host: PluginHost = typer.Argument(..., help="docker")) -> None:
    """Remove the docker-kx that `kx plugin install docker` wrote, and nothing else."""
    from kx.cli import plugin_install as installer

    _finish(lambda: installer.uninstall(host.value))


_BUILD_CONTEXT = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}
# The builder commands: run_app hands their raw words to the builder (typer only lists them).
BUILDERS: dict[str, tuple[str, ...] | None] = {
    "build": None, "expose": ("kubectl", "expose"), "run": ("kubectl", "run"),
    "docker-run": ("docker", "run"),
}  # fmt: skip


def _build(path: tuple[str, ...] | None, ctx: typer.Context) -> None:
    raise typer.Exit(_run_builder(path, list(ctx.args)))


def _run_builder(path: tuple[str, ...] | None, args: list[str]) -> int:
    """Run a builder command with the engine's checks (the builder sits below the engine)."""
    from kx.builder.runner import build_main
    from kx.engine.pipeline import check_argv

    return build_main(path, args, check_argv)


@app.command("build", context_settings=_BUILD_CONTEXT, add_help_option=False)
def build_command(ctx: typer.Context) -> None:
    """Build a checked command for any spec: kx build TOOL SUBCOMMAND... [FLAGS] [--interactive]."""
    _build(None, ctx)


@app.command("expose", context_settings=_BUILD_CONTEXT, add_help_option=False)
def expose_command(ctx: typer.Context) -> None:
    """Build a kubectl expose command (flags from the spec; --interactive asks for them)."""
    _build(BUILDERS["expose"], ctx)


@app.command("run", context_settings=_BUILD_CONTEXT, add_help_option=False)
def run_command(ctx: typer.Context) -> None:
    """Build a kubectl run command (flags from the spec; --interactive asks for them)."""
    _build(BUILDERS["run"], ctx)


@app.command("docker-run", context_settings=_BUILD_CONTEXT, add_help_option=False)
def docker_run_command(ctx: typer.Context) -> None:
    """Build a docker run command (flags from the spec; --kx-interactive asks for them)."""
    _build(BUILDERS["docker-run"], ctx)


def fail(error: KxError) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"kx: error: {error}", err=True)
    return typer.Exit(2)


def click_command(typer_app: typer.Typer | None = None) -> Any:
    """The click command behind a typer app (default: kx's own), for completion generation."""
    import typer.main

    return typer.main.get_command(typer_app if typer_app is not None else app)


def run_app(args: list[str]) -> int:
    """Run the typer app on ``args`` and return its exit code, never a traceback for KxError."""
    try:
        if args and args[0] in BUILDERS:  # click would drop the `--` that container args need
            return _run_builder(BUILDERS[args[0]], args[1:])
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
