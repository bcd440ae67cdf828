"""Where specs and the compiled cache live, which files are specs, and the key of each spec."""

from __future__ import annotations

import os

from kx.catalog.cachedir import cache_dir, python_tag
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

SPEC_SUFFIXES = (".yaml", ".yml")


def shipped_spec_dir() -> str:
    """The specs shipped with kx: inside the wheel (``kx/_specs``) or the source checkout."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bundled = os.path.join(here, "_specs")
    if os.path.isdir(bundled):
        return bundled
    return os.path.join(os.path.dirname(os.path.dirname(here)), "specs")


def user_spec_dir() -> str:
    """``$XDG_CONFIG_HOME/kx/specs`` (default ``~/.config/kx/specs``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "kx", "specs")


def env_spec_dirs() -> list[str]:
    """Directories named by ``KX_SPEC_PATH`` (``os.pathsep``-separated), in order."""
    raw = os.environ.get("KX_SPEC_PATH", "")
    return [part for part in raw.split(os.pathsep) if part]


def search_path(extra: tuple[str, ...] = ()) -> list[str]:
    """All spec directories, lowest priority first: shipped, user, KX_SPEC_PATH, extra."""
    return [shipped_spec_dir(), user_spec_dir(), *env_spec_dirs(), *extra]


def cache_file() -> str:
    """The compiled-spec cache file for this Python version."""
    return os.path.join(cache_dir(), f"specs-v1-py{python_tag()}.marshal")


def scan(directory: str) -> list[str]:
    """All spec files under ``directory``, recursively, sorted; no symlink loops followed."""
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack = [directory]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # a symlink loop or a vanished target: not a directory to walk
                is_dir = False
            if is_dir:
                stack.append(entry.path)
            elif entry.name.endswith(SPEC_SUFFIXES):
                found.append(entry.path)
    return sorted(found)


def spec_key(raw: dict[str, Any]) -> str:
    """``tool/sub/path``, or ``tool/_global`` for a root spec."""
    path = raw.get("path") or ["_global"]
    return "/".join([str(raw.get("tool")), *map(str, path)])
