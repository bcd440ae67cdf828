"""The files under a directory that ``kx lint`` reads: .gitignore honoured, tool caches skipped.

Every ``.gitignore`` between the repository root (the nearest directory above holding ``.git``)
and each file counts, the deepest one that has a say deciding, as git does; an ignored directory
is not entered. ``exclude`` patterns (gitignore syntax, relative to the walked directory) replace
``DEFAULT_EXCLUDE``; ``extend-exclude`` adds to them. ``build/`` is not skipped: deploy and build
scripts live there.
"""

from __future__ import annotations

import os

import pathspec

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    _Spec = pathspec.PathSpec[Any]

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "*.egg-info", ".direnv", "__pypackages__",
)  # fmt: skip

# (directory relative to the walk root, the path from the .gitignore's directory down to it, spec)
_Ignores = list[tuple[str, str, "_Spec"]]


def walk(root: str, exclude: tuple[str, ...] | None = None, extend: tuple[str, ...] = ()) -> list[str]:
    """Paths of the files under ``root`` that are neither git-ignored nor excluded, sorted."""
    patterns = (DEFAULT_EXCLUDE if exclude is None else exclude) + extend
    excluded = pathspec.GitIgnoreSpec.from_lines(patterns)
    ignores = _outer_ignores(root)
    found: list[str] = []
    for directory, subdirs, files in os.walk(root):  # never follows directory symlinks
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        relative = "" if relative == "." else relative + "/"
        spec = _read_ignore(os.path.join(directory, ".gitignore"))
        if spec is not None:
            ignores.append((relative, "", spec))  # DFS: later siblings filter it out by prefix
        subdirs[:] = sorted(d for d in subdirs if not _skip(relative + d + "/", excluded, ignores))
        found.extend(os.path.join(directory, name) for name in sorted(files)
                     if not _skip(relative + name, excluded, ignores))  # fmt: skip
    return sorted(found)  # by path, as git ls-files and other linters list them


def _skip(relative: str, excluded: _Spec, ignores: _Ignores) -> bool:
    if excluded.match_file(relative):
        return True
    for base, prefix, spec in reversed(ignores):  # the deepest .gitignore that matches decides
        if base and not relative.startswith(base):
            continue
        result = spec.check_file(prefix + relative[len(base) :])
        if result.include is not None:
            return bool(result.include)
    return False


def _outer_ignores(root: str) -> _Ignores:
    """The .gitignore files of the directories between the repository root and ``root``."""
    chain: list[str] = []
    directory = os.path.abspath(root)
    while not os.path.exists(os.path.join(directory, ".git")):
        parent = os.path.dirname(directory)
        if parent == directory:
            return []  # not in a repository: only the walked tree's own .gitignore files count
        directory = parent
        chain.append(directory)
    here = os.path.abspath(root)
    out: _Ignores = []
    for outer in reversed(chain):
        spec = _read_ignore(os.path.join(outer, ".gitignore"))
        if spec is not None:
            prefix = os.path.relpath(here, outer).replace(os.sep, "/") + "/"
            out.append(("", prefix, spec))
    return out


def _read_ignore(path: str) -> _Spec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except OSError:
        return None
