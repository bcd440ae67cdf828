"""Removed ``kubectl run`` flags rewritten as the ``--overrides`` patch that does their work."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.core.diagnostics import Fix
    from kx.core.findings import Finding
    from kx.parse.span import Word


def overrides(words: list[Word], finding: Finding, text: str) -> tuple[Fix, list[Word]] | None:
    """The ``--overrides`` form of a removed flag kx knows one for, else None."""
    return None
