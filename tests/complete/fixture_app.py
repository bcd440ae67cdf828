"""A typer app shaped like kx's command set, so completion tests do not depend on wiring order."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

app = typer.Typer(name="kx", add_completion=False)


class Fmt(str, enum.Enum):
    text = "text"
    json = "json"


class Shell(str, enum.Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


@app.callback()
def _root(version: bool = typer.Option(False, "--version", help="Print the version.")) -> None:
    """Fixture root."""


@app.command()
def check(
    fmt: Fmt = typer.Option(Fmt.text, "--format", help="Output format."),
    command: list[str] = typer.Argument(None),
) -> None:
    """Check one command."""


@app.command("exec")
def exec_(command: list[str] = typer.Argument(None)) -> None:
    """Check, then run."""


@app.command()
def lint(
    config: Path = typer.Option(None, "--config", "-c", help="Config file."),
    paths: list[Path] = typer.Argument(None),
) -> None:
    """Lint files."""


@app.command()
def expose(
    interactive: bool = typer.Option(False, "--interactive", help="Ask."),
    fmt: Fmt = typer.Option(Fmt.text, "--format", help="Output format."),
) -> None:
    """Build kubectl expose."""


@app.command("docker-run")
def docker_run(interactive: bool = typer.Option(False, "--interactive", help="Ask.")) -> None:
    """Build docker run."""


@app.command()
def build(fmt: Fmt = typer.Option(Fmt.text, "--format", help="Output format.")) -> None:
    """Build any command."""


completion = typer.Typer(help="Shell completion.")
app.add_typer(completion, name="completion")


@completion.command()
def show(shell: Shell = typer.Argument(None)) -> None:
    """Print the script."""


@completion.command()
def install(shell: Shell = typer.Argument(None)) -> None:
    """Install the script."""


@app.command(hidden=True)
def secret() -> None:
    """Never offered."""
