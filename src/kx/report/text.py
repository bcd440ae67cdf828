"""Text format, one line per diagnostic: ``path:line:col: severity: message [KX101]``.

The shape is the one compilers and ShellCheck's gcc format use, so editors and CI log viewers
turn it into links. Colour (plain ANSI, no rich) only when the caller asks for it.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.core.diagnostics import Diagnostic
    from kx.report import ReportOptions

RESET = "\033[0m"
BOLD = "\033[1m"
SEVERITY_STYLE = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}


def render(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """Render every diagnostic on its own line (empty string when there are none)."""
    return "".join(format_line(d, color=options.color) + "\n" for d in diagnostics)


def format_line(diagnostic: Diagnostic, *, color: bool = False) -> str:
    """Format one diagnostic as a single line."""
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    severity = diagnostic.severity
    message = describe(diagnostic)
    if color:
        where = f"{BOLD}{where}{RESET}"
        severity = f"{SEVERITY_STYLE.get(severity, BOLD)}{severity}{RESET}"
    return f"{where}: {severity}: {message} [{diagnostic.code}]"


def describe(diagnostic: Diagnostic) -> str:
    """The message, with the suggestion and the repeat count when they add something."""
    message = diagnostic.message + hint(diagnostic)
    if diagnostic.count > 1:
        message += f" ({diagnostic.count} times)"
    if diagnostic.stage == "environment":
        message += " (stage: environment)"  # it holds where those files are, not everywhere
    return message


def hint(diagnostic: Diagnostic) -> str:
    """`` (did you mean X?)``, worded as kx check's help line, unless the message already offers X."""
    wanted = diagnostic.suggestion
    if not wanted or _offers(diagnostic.message, wanted):
        return ""
    return f" (did you mean {wanted}?)"


def _offers(message: str, wanted: str) -> bool:
    """Whether the message proposes ``wanted`` itself (a list of every choice does not count)."""
    if wanted not in message:
        return False
    if "did you mean" in message:
        return True
    return re.search(rf"\buse \S*{re.escape(wanted)}(?:$|[\s;)])", message) is not None
