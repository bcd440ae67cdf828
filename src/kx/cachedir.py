"""Where kx keeps its caches: ``$XDG_CACHE_HOME/kx`` (default ``~/.cache/kx``)."""

from __future__ import annotations

import os
import sys


def cache_dir() -> str:
    """The directory of kx's caches (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kx")


def python_tag() -> str:
    """``311`` for CPython 3.11: marshal data is only valid for the version that wrote it."""
    return f"{sys.version_info[0]}{sys.version_info[1]}"
