"""JSON format: ``{"diagnostics": [...]}`` with one object per Diagnostic (its ``to_dict``).

``kx check`` also names the command it read: ``{"command": "...", "diagnostics": [...]}``.
"""

from __future__ import annotations

import json

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.core.diagnostics import Diagnostic
    from kx.report import ReportOptions


def render(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """Render the diagnostics as one JSON document followed by a newline."""
    document: dict[str, object] = {} if options.command is None else {"command": options.command}
    document["diagnostics"] = [d.to_dict() for d in diagnostics]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
