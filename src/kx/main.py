"""Console entry point: route ``kx check``/``kx exec`` to the light path, the rest to typer.

The check path must start in a few tens of milliseconds, so it never imports typer. Everything
else goes through the typer application in ``kx.cli``. A console run serves kx's own modules
from the start-up code cache (kx.codecache); a call with an explicit ``argv`` does not.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run kx with ``argv`` (default: ``sys.argv[1:]``, as the console script) and return the exit code."""
    if argv is not None:
        return _run(argv)
    from kx import codecache

    codecache.install()
    try:
        return _run(sys.argv[1:])
    finally:
        codecache.save()


def _run(args: list[str]) -> int:
    from kx import fastpath

    code = fastpath.try_run(args)
    if code is not None:
        return code
    from kx.cli import run_app

    return run_app(args)
