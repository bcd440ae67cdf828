"""Remember a pure one-string function's results, without importing functools.

``functools`` pulls in ``collections`` and costs milliseconds of ``kx check`` start-up; the
verdicts remembered here (label keys, resource types) repeat across a script's commands.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    R = TypeVar("R")

LIMIT = 4096


def remember(func: Callable[[str], R]) -> Callable[[str], R]:
    """Wrap ``func`` with a dict of its results; the dict starts over when it reaches LIMIT entries."""
    cache: dict[str, R] = {}

    def remembered(text: str) -> R:
        if text in cache:
            return cache[text]
        if len(cache) >= LIMIT:
            cache.clear()
        result = cache[text] = func(text)
        return result

    remembered.__name__ = func.__name__
    remembered.__qualname__ = func.__qualname__
    remembered.__doc__ = func.__doc__
    return remembered
