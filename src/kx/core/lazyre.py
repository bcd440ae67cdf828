"""Regexes compiled on first use, and `re` imported on first use.

``re.fullmatch(PATTERN, text)`` looks the pattern up in re's cache on every call, which costs
more than the match itself in the checkers' hot loops; compiling at import instead would make
every ``kx check`` start-up pay for patterns most runs never use (some take 0.3 ms to compile).
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator


class LazyRegex:
    """A pattern compiled the first time it is used."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _compile(self) -> re.Pattern[str]:
        import re  # `re` costs ~6 ms to import; most `kx check` runs never need it

        self._compiled = re.compile(self.pattern)
        return self._compiled

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (for loops that match many times: no wrapper call each time)."""
        return self._compiled or self._compile()

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """``re.fullmatch`` with this pattern."""
        return (self._compiled or self._compile()).fullmatch(text)

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        """``Pattern.match(text[, pos[, endpos]])``."""
        return (self._compiled or self._compile()).match(text, *bounds)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        """``Pattern.search(text[, pos[, endpos]])``."""
        return (self._compiled or self._compile()).search(text, *bounds)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        """``Pattern.finditer(text[, pos[, endpos]])``."""
        return (self._compiled or self._compile()).finditer(text, *bounds)
