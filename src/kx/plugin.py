"""Entry points for running kx as a kubectl plugin (``kubectl kx``) and a docker CLI plugin."""

from __future__ import annotations

import sys


def kubectl_main() -> int:
    """Entry point of ``kubectl-kx``: same as ``kx``."""
    from kx.main import main

    return main(sys.argv[1:])
