"""Human output for ``kx check``: the command quoted with a caret line under each offending token."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.core.diagnostics import Diagnostic

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _blank(text: str) -> str:
    """Blanks as wide as ``text`` on a terminal: tabs kept, wide characters two cells, marks none."""
    if text.isascii():
        return "".join("\t" if char == "\t" else " " for char in text)
    import unicodedata

    cells = {"W": "  ", "F": "  "}
    return "".join(
        "\t" if char == "\t" else "" if unicodedata.combining(char) else
        cells.get(unicodedata.east_asian_width(char), " ")
        for char in text
    )  # fmt: skip


def render_one(diagnostic: Diagnostic, lines: list[str], color: bool) -> str:
    """One diagnostic: header, the source line, carets, and the fix."""
    severity = _paint(diagnostic.severity, _COLORS.get(diagnostic.severity, ""), color)
    count = f" (x{diagnostic.count})" if diagnostic.count > 1 else ""
    where = f" [{diagnostic.stage}]" if diagnostic.stage in ("server", "environment") else ""
    head = f"{severity}[{diagnostic.code}]{where}: {_paint(diagnostic.message, _BOLD, color)}{count}"
    out = [head]
    if 0 < diagnostic.line <= len(lines):
        source = lines[diagnostic.line - 1]
        gutter = f"{diagnostic.line} | "
        pad = " " * (len(gutter) - 2) + "| "
        stop = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(source)
        marked = source[diagnostic.column - 1 : stop]
        marks = _blank(source[: diagnostic.column - 1]) + "^" * max(len(_blank(marked.replace("\t", " "))), 1)
        out.append(_paint(gutter, _DIM, color) + source)
        out.append(_paint(pad, _DIM, color) + _paint(marks, _COLORS.get(diagnostic.severity, ""), color))
    if diagnostic.suggestion:
        out.append(f"  help: did you mean {_paint(diagnostic.suggestion, _BOLD, color)}?")
    return "\n".join(out)


def render(text: str, diagnostics: Sequence[Diagnostic], color: bool = False) -> str:
    """Every diagnostic of one checked command, rustc style, blank-line separated."""
    lines = text.split("\n")
    return "\n\n".join(render_one(d, lines, color) for d in diagnostics)
