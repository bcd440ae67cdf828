"""Console entry point: route ``kx check``/``kx exec`` to the light path, the rest to typer.

The check path must start in a few tens of milliseconds, so it never imports typer. Everything
else goes through the typer application in ``kx.cli``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run kx with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    from kx import fastpath

    code = fastpath.try_run(args)
    if code is not None:
        return code
    from kx.cli import run_app

    return run_app(args)
