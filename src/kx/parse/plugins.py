"""Whether an unknown subcommand is a client plugin installed on this machine.

kubectl runs ``kubectl-NAME`` from PATH for a command it does not have; docker runs
``docker-NAME`` from its CLI plugin directories. Only consulted for unknown subcommands, so the
file system is touched only on that rare path.
"""

from __future__ import annotations

import os

from kx.core.lazyre import LazyRegex

_NAME = LazyRegex(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # compiled only if a plugin is looked up

# Widely used plugins whose names are one edit away from a built-in subcommand: never typos.
KNOWN_PLUGINS: dict[str, frozenset[str]] = {
    "docker": frozenset({"buildx", "mcp"}),
    "kubectl": frozenset({"cm", "iexec", "konfig", "ktop", "pexec", "tap"}),
}

_DOCKER_PLUGIN_DIRS = (
    "/usr/local/lib/docker/cli-plugins",
    "/usr/local/libexec/docker/cli-plugins",
    "/usr/lib/docker/cli-plugins",
    "/usr/libexec/docker/cli-plugins",
)


def plugin_installed(tool: str, name: str) -> bool:
    """True when ``tool name`` would run an installed plugin (remembered while PATH and HOME stay)."""
    if _NAME.fullmatch(name) is None:
        return False
    env = os.environ
    key = (tool, name, env.get("PATH", ""), env.get("DOCKER_CONFIG", ""), env.get("HOME", ""))
    found = _SEEN.get(key)
    if found is None:
        if len(_SEEN) >= 4096:
            _SEEN.clear()
        found = _SEEN[key] = _look_up(tool, name)
    return found


_SEEN: dict[tuple[str, ...], bool] = {}


def _look_up(tool: str, name: str) -> bool:
    if tool == "kubectl":
        import shutil

        return shutil.which(f"kubectl-{name.replace('-', '_')}") is not None
    if tool == "docker":
        home = os.environ.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")
        dirs = (os.path.join(home, "cli-plugins"), *_DOCKER_PLUGIN_DIRS)
        return any(os.access(os.path.join(d, f"docker-{name}"), os.X_OK) for d in dirs)
    return False
