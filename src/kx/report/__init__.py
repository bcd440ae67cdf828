"""Output formats by name: ``render(name, diagnostics, options)`` returns the text to print.

Each format lives in its own module exposing ``render(diagnostics, options) -> str``; modules are
imported on first use so ``kx check --format text`` does not pay for json or sarif.
"""

from __future__ import annotations

from kx.core.errors import UsageError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from kx.core.diagnostics import Diagnostic

    Renderer = Callable[[Sequence[Diagnostic], "ReportOptions"], str]

# name -> module implementing it
FORMATS: dict[str, str] = {
    "text": "kx.report.text",
    "json": "kx.report.json_format",
    "sarif": "kx.report.sarif",
    "github": "kx.report.github",
}
COLOR_MODES = ("auto", "always", "never")


class ReportOptions:
    """How to render: colour, what SARIF needs to describe the run, the command `kx check` read."""

    __slots__ = ("color", "command", "tool_version", "uri_base")
    color: bool
    tool_version: str
    uri_base: str | None
    command: str | None

    def __init__(self, *, color: bool = False, tool_version: str = "", uri_base: str | None = None,
                 command: str | None = None) -> None:  # fmt: skip
        object.__setattr__(self, "color", color)
        object.__setattr__(self, "tool_version", tool_version)
        object.__setattr__(self, "uri_base", uri_base)
        object.__setattr__(self, "command", command)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("ReportOptions is read-only")


def get_renderer(name: str) -> Renderer:
    """Return the render function of the format called ``name``; unknown names raise."""
    module_name = FORMATS.get(name)
    if module_name is None:
        known = ", ".join(FORMATS)
        raise UsageError(f"unknown output format {name!r} (choose from {known})")
    import importlib

    module = importlib.import_module(module_name)
    renderer: Renderer = module.render
    return renderer


def render(name: str, diagnostics: Sequence[Diagnostic], options: ReportOptions | None = None) -> str:
    """Render ``diagnostics`` in the format ``name``."""
    return get_renderer(name)(diagnostics, options or ReportOptions())


def default_format(environ: Mapping[str, str]) -> str:
    """``github`` when running under GitHub Actions, else ``text``."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(mode: str, isatty: bool, environ: Mapping[str, str]) -> bool:
    """Decide colour from ``--color`` (auto|always|never), the TTY and ``NO_COLOR``."""
    if mode not in COLOR_MODES:
        raise UsageError(f"invalid --color {mode!r} (choose from auto, always, never)")
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR"):
        return False
    return isatty and environ.get("TERM") != "dumb"


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """One line for stderr: counts by severity and how many files were read."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + diagnostic.count
    parts = [_plural(counts[name], name) for name in ("error", "warning", "info")]
    noun = "file" if files == 1 else "files"
    return f"{', '.join(parts)} in {files} {noun}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
