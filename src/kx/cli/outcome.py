"""The result of a command whose work lives outside cli.py: what to print and the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    """Lines for stdout, notes for stderr, and the exit code."""

    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    code: int = 0
