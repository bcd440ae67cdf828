"""Run an installed client's help and pick out its flag table (for spec import and drift reports)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from kx.catalog import helptext
from kx.core.errors import ClientError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.catalog.helptext import HelpFlag

# docker hides flags its daemon does not support; with no daemon to ask it shows them all.
NO_DAEMON = "unix:///nonexistent/kx-no-daemon.sock"
HELP_TIMEOUT = 60
# pflag prints these Value.Type() names under another word in help tables (UnquoteUsage).
PFLAG_WORDS = {
    "bool": "", "float64": "float", "int64": "int", "uint64": "uint", "stringSlice": "strings",
    "intSlice": "ints", "uintSlice": "uints", "boolSlice": "bools", "float64Slice": "floats",
    "durationSlice": "durations", "int64Slice": "int64s", "go-duration": "duration", "level": "Level",
    "module-spec": "moduleSpec",
}  # fmt: skip
# Help templates that never list the help flag itself.
UNLISTED = {"kubectl": frozenset({"help"})}


def help_argv(tool: str, path: Sequence[str]) -> list[str]:
    """The command whose output lists ``path``'s flags (the root's: its global options)."""
    if not path:
        return [tool, "options"] if tool == "kubectl" else [tool, "--help"]
    return [tool, *path, "--help"]


def help_env(tool: str) -> dict[str, str]:
    """Environment for running the client's help: docker pointed at a socket that does not exist."""
    env = dict(os.environ)
    if tool == "docker":
        env["DOCKER_HOST"] = NO_DAEMON
        env.pop("DOCKER_CONTEXT", None)
    return env


def run_help(tool: str, path: Sequence[str]) -> str:
    """The client's help text for ``path``; ``ClientError`` when it is missing or fails."""
    if shutil.which(tool) is None:
        raise ClientError(f"{tool} is not installed (not found on PATH)")
    argv = help_argv(tool, path)
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, env=help_env(tool), timeout=HELP_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ClientError(f"could not run {' '.join(argv)}: {error}") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no output"])[0]
        raise ClientError(f"{' '.join(argv)} failed: {first}")
    return done.stdout


def table(text: str, root: bool) -> list[HelpFlag]:
    """The flag rows of a help text: the global table for a root, else the command's own."""
    return helptext.parse_global_flags(text) if root else helptext.parse_flags(text)


def help_word(tool_layout_kubectl: bool, value_type: str) -> str | None:
    """The type word a help table shows for a spec type (kubectl: only 'string', via its quotes)."""
    if tool_layout_kubectl:
        return "string" if value_type == "string" else None
    return PFLAG_WORDS.get(value_type, value_type)


def client_version(tool: str) -> str | None:
    """The installed client's version string, or None when it cannot be read."""
    argv = [tool, "--version"] if tool == "docker" else [tool, "version", "--client"]
    if shutil.which(tool) is None:
        return None
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, env=help_env(tool), timeout=HELP_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return _version_in(done.stdout)


def _version_in(text: str) -> str | None:
    match = re.search(r"\bv?(\d+\.\d+\.\d+)", text)
    return match.group(1) if match else None
