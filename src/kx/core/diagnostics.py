"""The Diagnostic record: one problem found in one command, with its position.

Plain slotted class rather than a dataclass: ``dataclasses`` pulls in ``inspect`` and costs
more than the whole ``kx check`` start-up budget (see bench/check_startup.py).
"""

from __future__ import annotations

from kx.core.findings import STAGE_CLIENT
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}


_FIELDS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "message",
    "suggestion",
    "url",
    "stage",
    "count",
    "fix",
)

SAFE = "safe"  # the fix keeps the command's meaning (a respelling): ``kx lint --fix`` applies it
UNSAFE = "unsafe"  # the fix changes what runs (a flag moved, a value changed): only with --unsafe-fixes


class Edit(tuple[int, int, str, int, int, int, int]):
    """Replace ``[start, end)`` of the file text with ``content``; 1-based line/column of both ends.

    A tuple like Finding (cheap, immutable); the engine positions it (line 0: not positioned yet).
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int, content: str, line: int = 0, column: int = 0,
                end_line: int = 0, end_column: int = 0) -> Edit:  # fmt: skip
        """Make an edit (offsets, text, then positions)."""
        return tuple.__new__(cls, (start, end, content, line, column, end_line, end_column))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the edit."""
        keys = ("start", "end", "content", "line", "column", "end_line", "end_column")
        return dict(zip(keys, self, strict=True))


class Fix(tuple[str, str, tuple[Edit, ...]]):
    """A certain fix: its applicability (SAFE or UNSAFE), what it does, and its edits (never overlapping)."""

    __slots__ = ()

    def __new__(cls, applicability: str, message: str, edits: tuple[Edit, ...]) -> Fix:
        """Make a fix."""
        return tuple.__new__(cls, (applicability, message, edits))

    @property
    def applicability(self) -> str:
        """SAFE or UNSAFE."""
        return self[0]

    @property
    def message(self) -> str:
        """What the fix does, in a few words."""
        return self[1]

    @property
    def edits(self) -> tuple[Edit, ...]:
        """The edits, in file order."""
        return self[2]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the fix."""
        return {"applicability": self[0], "message": self[1], "edits": [edit.to_dict() for edit in self[2]]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fix:
        """The fix from its JSON form."""
        edits = tuple(Edit(*(edit[key] for key in ("start", "end", "content", "line", "column", "end_line",
                                                      "end_column"))) for edit in data["edits"])  # fmt: skip
        return cls(data["applicability"], data["message"], edits)


class Diagnostic:
    """A read-only problem report; positions are 1-based and point at the offending token."""

    __slots__ = _FIELDS

    # Final: mypy (strict, in CI) rejects any assignment after __init__; a run-time guard would
    # make each of the twelve sets a call, and a linted script can hold thousands of findings.
    path: Final[str]
    line: Final[int]
    column: Final[int]
    end_line: Final[int]
    end_column: Final[int]
    severity: Final[str]
    code: Final[str]
    message: Final[str]
    suggestion: Final[str | None]
    url: Final[str | None]
    stage: Final[str]
    count: Final[int]
    fix: Final[Fix | None]

    def __init__(
        self,
        *,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        severity: str,
        code: str,
        message: str,
        suggestion: str | None = None,
        url: str | None = None,
        stage: str = STAGE_CLIENT,
        count: int = 1,
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.severity = severity
        self.code = code
        self.message = message
        self.suggestion = suggestion
        self.url = url
        self.stage = stage
        self.count = count
        self.fix = fix

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Diagnostic({self.line}:{self.column} {self.severity} {self.code} {self.message!r})"

    def replace(self, **changes: Any) -> Diagnostic:
        """Return a copy with some fields changed."""
        fields = {name: getattr(self, name) for name in _FIELDS}
        fields.update(changes)
        return Diagnostic(**fields)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """The diagnostic from its JSON form (``to_dict``)."""
        fix = data.get("fix")
        return cls(**{**data, "fix": None if fix is None else Fix.from_dict(fix)})

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (the contract of ``--format json``)."""
        found = {name: getattr(self, name) for name in _FIELDS}
        if self.fix is not None:
            found["fix"] = self.fix.to_dict()
        return found

    @property
    def is_error(self) -> bool:
        """True for error severity."""
        return self.severity == ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, position, then code."""
        return (self.path, self.line, self.column, self.code)
