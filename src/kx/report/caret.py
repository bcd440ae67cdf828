"""Human output for ``kx check``: the command quoted with a caret line under each offending token."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.core.diagnostics import Diagnostic

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
WIDTH = 120  # display cells of a quoted line (gutter included) when the terminal's width is unknown
_CUT = "..."
_FIX_FLAGS = {"safe": "--fix", "unsafe": "--fix --unsafe-fixes"}


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


def _cells(char: str) -> int:
    """Cells ``char`` may take on a terminal: wide two, marks none, a tab its widest (8)."""
    if char.isascii():
        return 8 if char == "\t" else 1
    import unicodedata

    return 0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _width(text: str) -> int:
    """Cells ``text`` takes on a terminal, tabs stopping every 8 cells from the line's start."""
    used = 0
    for char in text:
        used = (used // 8 + 1) * 8 if char == "\t" else used + _cells(char)
    return used


def _take(text: str, budget: int) -> int:
    """How many leading characters of ``text`` fit in ``budget`` cells."""
    used = 0
    for index, char in enumerate(text):
        used += _cells(char)
        if used > budget:
            return index
    return len(text)


def _window(source: str, start: int, stop: int, limit: int) -> tuple[str, str, str]:
    """The text before the span, the span, and after it, cut with ``...`` to fit ``limit`` cells."""
    before, marked, after = source[:start], source[start:stop], source[stop:]
    room = limit - sum(map(_cells, marked))
    if room < 2 * len(_CUT):  # the token alone is too wide: its head, cut
        shown = marked[: _take(marked, limit - len(_CUT) * (2 if before else 1))]
        return (_CUT if before else ""), shown, _CUT
    left_room = room // 2
    wide_before, wide_after = sum(map(_cells, before)), sum(map(_cells, after))
    if wide_before <= left_room:
        left_room, right_room = wide_before, room - wide_before - len(_CUT)
    elif wide_after <= room - left_room:
        left_room, right_room = room - wide_after - len(_CUT), wide_after
    else:
        left_room, right_room = left_room - len(_CUT), room - left_room - len(_CUT)
    kept = len(before) - _take(before[::-1], left_room)
    while kept < len(before) and _cells(before[kept]) == 0:  # no mark without its letter
        kept += 1
    head = before[kept:] if kept == 0 else _CUT + before[kept:]
    cut = _take(after, right_room)
    return head, marked, after if cut == len(after) else after[:cut] + _CUT


def render_one(diagnostic: Diagnostic, lines: list[str], color: bool, width: int = WIDTH) -> str:
    """One diagnostic: header, the source line (a window around the span when too wide), carets, fix."""
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
        before, marked = source[: diagnostic.column - 1], source[diagnostic.column - 1 : stop]
        limit = max(width - len(gutter), 40)
        if len(source) > limit // 8 and _width(" " * len(gutter) + source) > limit + len(gutter):
            before, marked, after = _window(source, diagnostic.column - 1, stop, limit)
            source = before + marked + after
        marks = _blank(before) + "^" * max(len(_blank(marked.replace("\t", " "))), 1)
        out.append(_paint(gutter, _DIM, color) + source)
        out.append(_paint(pad, _DIM, color) + _paint(marks, _COLORS.get(diagnostic.severity, ""), color))
    if diagnostic.suggestion:
        out.append(f"  help: did you mean {_paint(diagnostic.suggestion, _BOLD, color)}?")
    elif diagnostic.fix is not None:  # a fix that is no respelling: say what it does
        flags = _FIX_FLAGS[diagnostic.fix.applicability]
        out.append(f"  help: {diagnostic.fix.message} (kx check {flags} shows it)")
    return "\n".join(out)


def render(text: str, diagnostics: Sequence[Diagnostic], color: bool = False, width: int = WIDTH) -> str:
    """Every diagnostic of one checked command, rustc style, blank-line separated."""
    lines = text.split("\n")
    return "\n\n".join(render_one(d, lines, color, width) for d in diagnostics)
