"""Where kx keeps its caches: ``$XDG_CACHE_HOME/kx`` (default ``~/.cache/kx``).

When that directory cannot be created or written (a read-only home in a container), kx uses a
private directory of its own under the temporary directory instead (``$TMPDIR/kx-UID``, mode
0700), so that it does not rebuild its caches on every run; a directory there that another user
owns, or that others may write to, is never used.
"""

from __future__ import annotations

import os
import sys

_chosen: dict[str, str] = {}


def cache_dir() -> str:
    """The directory of kx's caches, chosen once per process (and per ``XDG_CACHE_HOME``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    chosen = _chosen.get(base)
    if chosen is None:
        chosen = _chosen[base] = _choose(os.path.join(base, "kx"))
    return chosen


def _choose(primary: str) -> str:
    if writable(primary):
        return primary
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return primary  # no private fallback without user ids; caches are then not written
    fallback = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"kx-{getuid()}")
    try:
        os.mkdir(fallback, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return primary
    try:
        info = os.lstat(fallback)
    except OSError:
        return primary
    private = info.st_uid == getuid() and (info.st_mode & 0o077) == 0 and os.path.isdir(fallback)
    return fallback if private and not os.path.islink(fallback) else primary


def writable(directory: str) -> bool:
    """Whether ``directory`` exists (it is created if need be) and this user may write in it."""
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK)


def write_atomically(target: str, data: bytes) -> None:
    """Replace the cache file ``target`` with ``data`` in one step; silently skipped on an OS error.

    Readers see the old file or the new one, never a half-written one.
    """
    tmp = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError:
        try:  # noqa: SIM105 - contextlib would cost start-up time
            os.unlink(tmp)
        except OSError:
            pass


def python_tag() -> str:
    """``311`` for CPython 3.11: marshal data is only valid for the version that wrote it."""
    return f"{sys.version_info[0]}{sys.version_info[1]}"
