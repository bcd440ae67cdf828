"""What a value format or a rule reports before it becomes a positioned Diagnostic."""

from __future__ import annotations


class Problem:
    """One problem in one value.

    ``begin``/``end`` optionally narrow the caret to ``value[begin:end]``; ``stage`` says who rejects
    it (``client`` or ``server``); ``severity`` None means the code's registered severity;
    ``linux`` marks a client check that only a Linux daemon's answer triggers (a server finding
    assumes a Linux daemon anyway).
    """

    __slots__ = ("begin", "code", "end", "linux", "message", "severity", "stage", "suggestion")
    code: str
    message: str
    stage: str
    suggestion: str | None
    begin: int | None
    end: int | None
    severity: str | None
    linux: bool

    def __init__(
        self,
        code: str,
        message: str,
        *,
        stage: str = "client",
        suggestion: str | None = None,
        begin: int | None = None,
        end: int | None = None,
        severity: str | None = None,
        linux: bool = False,
    ) -> None:
        self.code = code
        self.message = message
        self.stage = stage
        self.suggestion = suggestion
        self.begin = begin
        self.end = end
        self.severity = severity
        self.linux = linux

    def __repr__(self) -> str:
        return f"Problem({self.code} {self.message!r} stage={self.stage})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.code, self.message, self.stage, self.suggestion, self.begin, self.end) == (
            other.code, other.message, other.stage, other.suggestion, other.begin, other.end,
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.code, self.message))
