"""What a builder prints: the text for stdout, kx's notes about it, the client's closing error."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Preview:
    """The stdout text, notes for stderr, and the error the client would end with ("" for none)."""

    text: str
    notes: list[str] = field(default_factory=list)
    error: str = ""
