"""Regexes compiled on first use.

``re.fullmatch(PATTERN, text)`` looks the pattern up in re's cache on every call, which costs
more than the match itself in the checkers' hot loops; compiling at import instead would make
every ``kx check`` start-up pay for patterns most runs never use (some take 0.3 ms to compile).
"""

from __future__ import annotations

import re


class LazyRegex:
    """A pattern compiled the first time it is used."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _compile(self) -> re.Pattern[str]:
        self._compiled = re.compile(self.pattern)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """``re.fullmatch`` with this pattern."""
        return (self._compiled or self._compile()).fullmatch(text)
