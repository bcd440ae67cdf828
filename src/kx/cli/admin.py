"""kx's administrative commands: ``kx specs``, ``kx completion`` and ``kx plugin``."""

from __future__ import annotations

import enum
from collections.abc import Callable

import typer

from kx.cli.helpstyle import ROOT_SETTINGS, KxCommand, KxGroup
from kx.cli.outcome import Outcome
from kx.core.errors import KxError


def group(text: str) -> typer.Typer:
    """A typer group of subcommands in kx's help style."""
    return typer.Typer(help=text, no_args_is_help=True, cls=KxGroup, rich_markup_mode=None,
                       context_settings=ROOT_SETTINGS)  # fmt: skip


def fail(error: KxError) -> typer.Exit:
    """Print a one-line error and return the exit to raise (code 2)."""
    typer.echo(f"kx: error: {error}", err=True)
    return typer.Exit(2)


specs_app = group("List, show, validate, import and diff the flag specs kx knows.")


@specs_app.command(cls=KxCommand, name="list")
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


@specs_app.command(cls=KxCommand, name="show")
def specs_show(
    tool: str = typer.Argument(..., metavar="TOOL", help="docker or kubectl (or a plugin spec's tool)."),
    path: list[str] = typer.Argument(None, metavar="PATH",
                                     help="Subcommand path, e.g. expose or container run."),
    fmt: str = typer.Option("yaml", "--format", metavar="FORMAT", help="yaml or json."),
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


@specs_app.command(cls=KxCommand, name="validate")
def specs_validate(
    paths: list[str] = typer.Argument(None, metavar="PATH",
                                      help="Spec files or directories (default: all loaded)."),
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


@specs_app.command(cls=KxCommand, name="import")
def specs_import(
    tool: str = typer.Argument(..., metavar="TOOL", help="docker or kubectl (the installed client is run)."),
    path: list[str] = typer.Argument(None, metavar="PATH", help="Subcommand path, e.g. container create."),
    every: bool = typer.Option(False, "--all", help="Import every command the client lists (under PATH)."),
    output: str = typer.Option(None, "--output", "-o", metavar="FILE",
                               help="File (or, with --all, directory) to write."),
    force: bool = typer.Option(False, "--force", help="Overwrite spec files that exist."),
) -> None:
    """Write a spec from the installed client's --help (default: into the user spec dir)."""
    from kx.cli.specs_cli import ImportRequest, import_specs

    request = ImportRequest(tool, tuple(path or ()), every, output, force)
    _finish(lambda: import_specs(request))


@specs_app.command(cls=KxCommand, name="diff")
def specs_diff(
    tool: str = typer.Argument(..., metavar="TOOL", help="docker or kubectl (the installed client is run)."),
    path: list[str] = typer.Argument(None, metavar="PATH",
                                     help="One subcommand path (default: every loaded spec)."),
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


completion_app = group(
    "Shell completion: print, install or remove the script for bash, zsh, fish or PowerShell."
)
_SHELL_HELP = "bash, zsh, fish or powershell (default: the shell kx runs under)."


class CompletionShell(str, enum.Enum):
    """The shells kx writes completion scripts for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


@completion_app.command(cls=KxCommand, name="show")
def completion_show(
    shell: CompletionShell = typer.Argument(None, metavar="SHELL", help=_SHELL_HELP, show_default=False),
) -> None:
    """Print the completion script (for the specs on this machine, plugin specs included)."""
    from kx.complete import command

    typer.echo(command.show(shell.value if shell else None), nl=False)


@completion_app.command(cls=KxCommand, name="install")
def completion_install(
    shell: CompletionShell = typer.Argument(None, metavar="SHELL", help=_SHELL_HELP, show_default=False),
) -> None:
    """Install the completion script where the shell loads it; safe to run again."""
    from kx.complete import command

    for line in command.install_lines(shell.value if shell else None):
        typer.echo(line)


@completion_app.command(cls=KxCommand, name="uninstall")
def completion_uninstall(
    shell: CompletionShell = typer.Argument(None, metavar="SHELL", help=_SHELL_HELP, show_default=False),
) -> None:
    """Remove exactly what `kx completion install` added."""
    from kx.complete import command

    for line in command.uninstall_lines(shell.value if shell else None):
        typer.echo(line)


plugin_app = group("Install or remove kx as a docker CLI plugin (docker kx ...).")


class PluginHost(str, enum.Enum):
    """The tools kx installs a plugin for (kubectl finds kubectl-kx on PATH by itself)."""

    docker = "docker"


@plugin_app.command(cls=KxCommand, name="install")
def plugin_install(host: PluginHost = typer.Argument(..., metavar="HOST", help="docker")) -> None:
    """Put a docker-kx executable into docker's cli-plugins dir; safe to run again."""
    from kx.cli import plugin_install as installer

    _finish(lambda: installer.install(host.value))


@plugin_app.command(cls=KxCommand, name="uninstall")
def plugin_uninstall(host: PluginHost = typer.Argument(..., metavar="HOST", help="docker")) -> None:
    """Remove the docker-kx that `kx plugin install docker` wrote, and nothing else."""
    from kx.cli import plugin_install as installer

    _finish(lambda: installer.uninstall(host.value))
