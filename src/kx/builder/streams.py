"""Where the builder reads answers and writes its output, and how it shows diagnostics."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.core.diagnostics import Diagnostic


@dataclass
class Streams:
    """Where the builder reads answers and writes its output."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO

    @classmethod
    def system(cls) -> Streams:
        """The process's standard streams."""
        return cls(sys.stdin, sys.stdout, sys.stderr)


def report(text: str, diagnostics: list[Diagnostic], stream: TextIO) -> None:
    """Print diagnostics with carets under the offending words."""
    from kx.report import caret

    color = stream.isatty() and "NO_COLOR" not in os.environ
    stream.write(caret.render(text, diagnostics, color) + "\n")
