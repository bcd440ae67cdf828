"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` annotations."""

from __future__ import annotations

from kx.core.codes import CODES
from kx.core.typecheck import TYPE_CHECKING
from kx.report.text import describe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.core.diagnostics import Diagnostic
    from kx.report import ReportOptions

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """Render one workflow command per diagnostic."""
    return "".join(annotation(d) + "\n" for d in diagnostics)


def annotation(diagnostic: Diagnostic) -> str:
    """The workflow command that annotates one diagnostic's span."""
    name = CODES[diagnostic.code][0] if diagnostic.code in CODES else ""
    properties = {
        "file": diagnostic.path,
        "line": str(diagnostic.line),
        "col": str(diagnostic.column),
        "endLine": str(diagnostic.end_line),
        "endColumn": str(diagnostic.end_column),
        "title": f"{diagnostic.code} {name}".strip(),
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    command = COMMAND.get(diagnostic.severity, "notice")
    return f"::{command} {props}::{escape_data(describe(diagnostic))}"


def escape_data(value: str) -> str:
    """Escape a command's message the way the runner unescapes it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: the message escapes plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
