"""The Finding record: one problem from parse to report, positioned by offsets into the source text.

Every stage makes the same record: the parser, the value formats, the rules, the environment
checks, the synopsis and suppression readers of ``kx lint``. The engine turns findings into
``Diagnostic``s (path, line, column) for the reporters.

A tuple subclass, not a slotted class or a dataclass: making one costs a tuple, and the lint of a
long script makes tens of thousands (measured: about half the time of a slotted ``__init__``).
Immutable, so a value checker's remembered findings can be shared by every command that repeats
the value. Hot loops unpack it (``code, message, start, end, *_ = finding``) instead of reading
the properties.
"""

from __future__ import annotations

STAGE_CLIENT = "client"
STAGE_LINT = "lint"  # what only kx lint reports: synopses, directives, files
# ``end`` of a value checker's finding that covers the rest of the value (see ``Finding``).
WHOLE = -1

_new = tuple.__new__


class Finding(tuple[str, str, int, int, "str | None", "str | None", str, bool]):
    """A code, a message and the span ``[start, end)`` it points at, and how to read it.

    ``suggestion`` is replacement text for the span (``--selector`` for ``--selecter``) or None;
    ``severity`` None means the code's registered severity; ``stage`` says who rejects it (client,
    server, environment; lint for what only ``kx lint`` reports). ``linux`` marks a client check
    that only a Linux daemon's answer triggers (a Windows daemon's command is spared it).

    A value checker does not know where its value is: its span is relative to the value
    (``end`` WHOLE: to the value's end), and the validator places it with ``at``.
    """

    __slots__ = ()

    def __new__(
        cls,
        code: str,
        message: str,
        start: int = 0,
        end: int = WHOLE,
        suggestion: str | None = None,
        severity: str | None = None,
        stage: str = STAGE_CLIENT,
        linux: bool = False,
    ) -> Finding:
        """Make a finding (positional or keyword arguments, in the field order)."""
        return _new(cls, (code, message, start, end, suggestion, severity, stage, linux))

    @property
    def code(self) -> str:
        """The registered code, ``KX101``."""
        return self[0]

    @property
    def message(self) -> str:
        """One line saying what is wrong."""
        return self[1]

    @property
    def start(self) -> int:
        """Where the span starts (an offset into the source text, or into the value)."""
        return self[2]

    @property
    def end(self) -> int:
        """Where the span ends (exclusive)."""
        return self[3]

    @property
    def suggestion(self) -> str | None:
        """Replacement text for the span, or None."""
        return self[4]

    @property
    def severity(self) -> str | None:
        """The severity, or None for the code's registered one."""
        return self[5]

    @property
    def stage(self) -> str:
        """Who rejects the command: client, server, environment, or lint."""
        return self[6]

    @property
    def linux(self) -> bool:
        """Whether only a Linux daemon's answer makes the client report it."""
        return self[7]

    @property
    def whole(self) -> bool:
        """Whether a value checker's span covers the whole value (no narrower caret)."""
        return self[2] == 0 and self[3] == WHOLE

    def at(self, start: int, end: int) -> Finding:
        """The same finding at the span ``[start, end)``."""
        code, message, _start, _end, suggestion, severity, stage, linux = self
        return _new(Finding, (code, message, start, end, suggestion, severity, stage, linux))

    def __repr__(self) -> str:
        return f"Finding({self[0]} {self[1]!r} @{self[2]}:{self[3]} stage={self[6]})"
