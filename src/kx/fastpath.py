"""The light command path: ``kx check`` and ``kx exec`` without importing typer.

Placeholder until the engine lands: returns None so typer handles everything.
"""

from __future__ import annotations


def try_run(args: list[str]) -> int | None:
    """Handle ``args`` here when possible; None means "let the typer app do it"."""
    return None
