"""The run setting for environment checks: where the files a command names are looked for.

``kx check`` runs where the command will run, so a file the client reads is looked for as the
client would (relative to the current directory) and a missing one is an error. ``kx lint`` reads
scripts and docs meant for other machines: a relative path is looked for next to the linted file
and at its repository root, and judged only when found; absolute and home paths are not judged.
The caller builds one ``Environment`` per run (or per linted file) and passes it down.
"""

from __future__ import annotations

import os

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kx.check.kubeconfig import Entries

CHECK = "check"
LINT = "lint"
STAGE = "environment"  # the Finding/Diagnostic stage of every finding that depends on local files
_NOT_JUDGED_STARTS = ("~", "$", "%")
# The value formats whose flags name files or kubeconfig entries (kx.check.envchecks.HANDLERS).
ENV_FORMATS = frozenset({
    "env-file", "label-file", "cidfile", "security-opt", "kube-local-file", "kube-filename",
    "output-format", "kube-context", "kube-cluster", "kube-user", "docker-context", "kustomize-dir",
})  # fmt: skip


class Environment:
    """How environment checks see this run: ``mode`` check (here) or lint (files found near a file).

    ``origin`` is the linted file whose directory and repository root relative paths are looked
    up from (lint mode); ``environ`` is the process environment (KUBECONFIG, HOME, ...) in check
    mode. Looked-up kubeconfigs are kept for the run.
    """

    __slots__ = ("_bases", "_kubeconfigs", "environ", "mode", "origin")

    def __init__(self, mode: str = CHECK, origin: str | None = None,
                 environ: Mapping[str, str] | None = None) -> None:  # fmt: skip
        if mode not in (CHECK, LINT):
            raise ValueError(f"unknown environment mode {mode!r}")
        self.mode = mode
        self.origin = origin
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self._bases: tuple[str, ...] | None = None
        self._kubeconfigs: dict[tuple[str, ...], Entries | None] = {}

    @classmethod
    def for_lint(cls, path: str | None) -> Environment:
        """The setting for linting the file at ``path`` (None: stdin without a name, nothing found)."""
        return cls(LINT, origin=path)

    @property
    def here(self) -> bool:
        """True when the command runs on this machine (``kx check``)."""
        return self.mode == CHECK

    @property
    def bases(self) -> tuple[str, ...]:
        """Lint mode: the linted file's directory, then its repository root (nearest ``.git``)."""
        if self._bases is None:
            self._bases = _bases(self.origin) if self.mode == LINT and self.origin else ()
        return self._bases

    def locate(self, path: str) -> tuple[str, bool] | None:
        """Where to read ``path`` and whether it is there; None when it cannot be judged.

        Check mode: the path as the client opens it. Lint mode: the first base holding it, or
        None (also for absolute, home and still-unexpanded paths: they name another machine's files).
        """
        if not path:
            return None
        if self.mode == CHECK:
            return path, os.path.exists(path)
        if os.path.isabs(path) or path.startswith(_NOT_JUDGED_STARTS):
            return None
        for base in self.bases:
            candidate = os.path.join(base, path)
            if os.path.exists(candidate):
                return candidate, True
        return None

    def runs_script(self, command: str) -> bool:
        """True when ``command`` (``./tools/docker``, ``"${ROOT}/hack/kubectl"``) is a script found here.

        A project's own script named like a client (istio's ``tools/docker --push``) is not the
        client; the real docker and kubectl are binaries, never scripts. Bare names (looked up on
        PATH) and absolute paths name the installed client. A variable before the first slash is
        the repository root or the current directory: lint looks the rest up from its bases.
        """
        path = command.strip("'\"")
        if "/" not in path or os.path.isabs(path):
            return False
        if path.startswith("$"):
            if self.mode == CHECK:
                return False
            path = path.split("/", 1)[1]
        if self.mode == CHECK:
            found: tuple[str, bool] | None = (path, os.path.isfile(path))
        else:
            found = self.locate(path)
        return found is not None and found[1] and _is_script(found[0])

    def kubeconfig(self, explicit: str | None) -> Entries | None:
        """The kubeconfig entries kubectl would use, or None when they cannot be known.

        ``explicit`` is the --kubeconfig value. Lint mode knows only an explicit file it found.
        """
        from kx.check.kubeconfig import load_entries, search_paths

        if explicit:
            located = self.locate(explicit)
            if located is None or not located[1]:
                return None
            paths: tuple[str, ...] | None = (located[0],)
        elif self.mode == LINT:
            return None
        else:
            paths = search_paths(self.environ)
        if paths is None:
            return None
        if paths not in self._kubeconfigs:
            self._kubeconfigs[paths] = load_entries(paths, explicit=bool(explicit))
        return self._kubeconfigs[paths]


def _bases(origin: str) -> tuple[str, ...]:
    folder = os.path.dirname(os.path.abspath(origin))
    root = repository_root(folder)
    return (folder,) if root is None or root == folder else (folder, root)


def repository_root(folder: str) -> str | None:
    """The nearest directory at or above ``folder`` that holds ``.git`` (a directory or a file)."""
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _is_script(path: str) -> bool:
    """True when the regular file at ``path`` starts with ``#!``."""
    try:
        with open(path, "rb") as handle:
            return handle.read(2) == b"#!"
    except OSError:
        return False
