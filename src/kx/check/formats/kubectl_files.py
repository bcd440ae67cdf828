"""kubectl values that name local files the client reads before contacting the server.

Only checked where the command runs (``kx check``); ``kx lint`` turns file checks off, because a
script's files live on the machine that runs it.
"""

from __future__ import annotations

import os

from kx._typing import TYPE_CHECKING
from kx.check.formats.registry import file_checks_enabled, register_format
from kx.check.problem import Problem

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext


def unreadable(path: str) -> str | None:
    """Why the client cannot read ``path`` here ("does not exist", ...), or None.

    None too with file checks off. Anything the client can open and read counts: a regular file,
    but also /dev/null.
    """
    if not file_checks_enabled():
        return None
    if os.path.exists(path) and not os.path.isdir(path) and os.access(path, os.R_OK):
        return None
    return "does not exist" if not os.path.exists(path) else "is not a readable file"


@register_format("kube-local-file")
def check_local_file(value: str, ctx: ValueContext) -> list[Problem]:
    """A kubeconfig, CA, client certificate or key file: the client reads it, so it must exist."""
    why = unreadable(value) if value else None
    return [Problem("KX203", f"{ctx.display} names {value!r}, which {why} here")] if why else []


def missing_manifest(item: str) -> Problem | None:
    """A -f path kubectl expose would read: it must exist (``-`` is stdin, URLs are fetched)."""
    if item in ("", "-") or item.startswith(("http://", "https://")) or not file_checks_enabled():
        return None
    if os.path.exists(item):
        return None
    return Problem("KX203", f"the path {item!r} does not exist here")
