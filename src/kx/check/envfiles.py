"""What the environment checks share: their codes, and reading a file a command names.

Every finding has the stage ``environment``: it holds where those files are. A missing file is
only reported where the command runs (``kx check``); ``kx lint`` judges the content of the files it
finds near the linted file (see ``kx.check.environment``).
"""

from __future__ import annotations

import os

from kx.check.environment import STAGE
from kx.check.readfile import read_file
from kx.core.findings import WHOLE, Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.check.environment import Environment
    from kx.check.state import CommandState, FlagState

    # (value, its flag's state, the command, the run's environment) -> problems within the value
    Handler = Callable[[str, FlagState, CommandState, Environment], list[Finding]]

MISSING = "KX209"
INVALID = "KX210"
UNKNOWN_ENTRY = "KX211"


def problem(code: str, message: str, begin: int | None = None, end: int | None = None,
            suggestion: str | None = None) -> Finding:  # fmt: skip
    """A finding of the environment stage."""
    return Finding(code, message, begin or 0, WHOLE if end is None else end, suggestion, stage=STAGE)


def unreadable(path: str) -> str | None:
    """Why the client cannot read ``path`` ("does not exist", ...); anything readable counts (/dev/null)."""
    if not os.path.exists(path):
        return "does not exist"
    return "is not a readable file" if os.path.isdir(path) or not os.access(path, os.R_OK) else None


def file_problems(path: str, what: str, env: Environment, check: Callable[[bytes], str | None],
                  begin: int | None = None) -> list[Finding]:  # fmt: skip
    """Locate ``path``: a missing or unreadable file where it runs, or content ``check`` refuses.

    ``begin``: where the path starts in the flag's value (None: the caret covers the whole value).
    """
    located = env.locate(path)
    if located is None:
        return []
    if not located[1]:
        return [problem(MISSING, f"the {what} {path!r} does not exist here", begin)]
    data = read_file(located[0])
    if data is None:
        return []
    if isinstance(data, str):
        return [problem(MISSING, f"cannot read the {what} {path!r}: {data}", begin)]
    why = check(data)
    return [problem(INVALID, f"the {what} {path!r} {why}", begin)] if why else []
