"""``kx plugin install|uninstall docker``: the ``docker-kx`` executable in docker's cli-plugins dir.

The executable is a two-line shell script that runs this interpreter's kx (``python -m kx.cli.plugin``),
so it keeps working for any install (venv, user site, editable). It carries a marker line: only a
file with the marker is replaced or removed, so a docker-kx written by someone else is left alone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys

from kx.cli.outcome import Outcome
from kx.core.errors import UsageError

MARKER = "# Written by `kx plugin install docker`; `kx plugin uninstall docker` removes it."
NAME = "docker-kx"


def plugin_dir() -> str:
    """``$DOCKER_CONFIG/cli-plugins`` (default ``~/.docker/cli-plugins``), where docker looks first."""
    config = os.environ.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")
    return os.path.join(config, "cli-plugins")


def script_text(python: str | None = None) -> str:
    """The docker-kx script: run kx's docker plugin entry with ``python`` (default: this one)."""
    interpreter = shlex.quote(os.path.abspath(python or sys.executable))
    return f'#!/bin/sh\n{MARKER}\nexec {interpreter} -m kx.cli.plugin "$@"\n'


def install(host: str) -> Outcome:
    """Write (or update) docker-kx; say what changed. Idempotent."""
    target = _target(host)
    text = script_text()
    current = _read(target)
    outcome = Outcome()
    if current == text and os.access(target, os.X_OK):
        outcome.lines.append(f"unchanged: {target} is already installed")
        return outcome
    _write_executable(target, text)
    verb = "updated" if current is not None else "installed"
    outcome.lines.append(f"{verb} {target} (runs {sys.executable} -m kx.cli.plugin)")
    if shutil.which("docker") is None:
        outcome.notes.append("docker is not on PATH: `docker kx` works once it is installed")
    else:
        outcome.notes.append("try: docker kx check run -p 80:80 nginx")
    return outcome


def uninstall(host: str) -> Outcome:
    """Remove the docker-kx that install wrote, and nothing else. Idempotent."""
    target = _target(host)
    outcome = Outcome()
    if _read(target) is None:
        outcome.lines.append(f"nothing to remove: {target} does not exist")
        return outcome
    try:
        os.unlink(target)
    except OSError as error:
        raise UsageError(f"cannot remove {target}: {error.strerror or error}") from None
    outcome.lines.append(f"removed {target}")
    return outcome


def _target(host: str) -> str:
    if host != "docker":
        raise UsageError(f"kx installs a plugin for docker only, not {host!r} "
                         "(kubectl finds kubectl-kx on PATH by itself)")  # fmt: skip
    if os.name == "nt":
        raise UsageError("docker on Windows runs only .exe plugins; kx cannot install one there")
    return os.path.join(plugin_dir(), NAME)


def _read(target: str) -> str | None:
    """The text of an existing docker-kx written by kx; None if absent; refuse anyone else's."""
    if not os.path.lexists(target):
        return None
    try:
        with open(target, encoding="utf-8", errors="replace") as handle:
            text = handle.read(65536)
    except OSError as error:
        raise UsageError(f"cannot read {target}: {error.strerror or error}") from None
    if MARKER not in text:
        raise UsageError(f"{target} exists and was not written by kx; remove it yourself if it should go")
    return text


def _write_executable(target: str, text: str) -> None:
    """Write ``text`` to ``target`` with mode 755, atomically (a temporary file renamed over it)."""
    directory = os.path.dirname(target)
    temporary = os.path.join(directory, f".{NAME}.{os.getpid()}.tmp")
    try:
        os.makedirs(directory, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, 0o755)
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
