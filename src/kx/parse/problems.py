"""A problem found while resolving or parsing a command, positioned in the source text."""

from __future__ import annotations


class ParseProblem:
    """One problem: a registered code, a message, and the source span it points at.

    ``start``/``end`` are offsets into the text the words came from. ``suggestion`` is replacement
    text for that span (``--selector`` for a mistyped ``--selecter``), or None. ``severity`` None
    means the code's registered severity.
    """

    __slots__ = ("code", "end", "message", "severity", "start", "suggestion")
    code: str
    message: str
    start: int
    end: int
    suggestion: str | None
    severity: str | None

    def __init__(
        self,
        code: str,
        message: str,
        start: int,
        end: int,
        suggestion: str | None = None,
        severity: str | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.start = start
        self.end = end
        self.suggestion = suggestion
        self.severity = severity

    def __repr__(self) -> str:
        return f"ParseProblem({self.code} {self.message!r} @{self.start}:{self.end})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParseProblem):
            return NotImplemented
        return (self.code, self.message, self.start, self.end, self.suggestion) == (
            other.code, other.message, other.start, other.end, other.suggestion,
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.code, self.message, self.start))
