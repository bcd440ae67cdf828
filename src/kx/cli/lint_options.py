"""The options of ``kx lint`` on the light path: read from the table generated from the typer app.

The options are declared once, on the typer command (kx.cli.app). The light path (kx.cli.fastpath,
no typer import) parses the common command lines with kx.cli.lightparse: typer costs about a tenth
of a second to import and run, more than linting a 2,000-line script takes. Anything unusual
(``--help``, an unknown option, a missing path) is left to typer, with its help and errors.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from kx.cli.lint_cli import LintRequest


def parse(args: list[str]) -> LintRequest | None:
    """The request for the arguments after ``lint``, or None to leave them to typer."""
    from kx.cli import lightparse
    from kx.cli.optable import COMMANDS

    found = lightparse.parse(COMMANDS["lint"], args)
    if found is None or not found[1]:
        return None  # typer reports the missing path
    values, paths, _dashdash = found
    return request(paths, values)


def request(paths: list[str] | tuple[str, ...], values: dict[str, Any]) -> LintRequest:
    """A LintRequest from the paths and the option values by parameter name."""
    from kx.cli.lint_cli import LintRequest

    return LintRequest(
        paths=tuple(paths), output_format=values["output_format"], color=values["color"],
        severity=values["severity"], select=tuple(values["select"]), ignore=tuple(values["ignore"]),
        stdin_filename=values["stdin_filename"], isolated=values["isolated"],
        spec_dirs=tuple(values["spec_dir"]), max_file_size=values["max_file_size"],
        jobs=values["jobs"], quiet=values["quiet"], fix=values["fix"], diff=values["diff"],
        unsafe_fixes=values["unsafe_fixes"], target=values.get("target"),
    )  # fmt: skip
