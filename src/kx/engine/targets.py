"""The client versions a line is judged against: the settings', the installed client's, or the spec's."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.versions import Target
    from kx.engine.settings import Settings

_made: dict[tuple[str, str, str], Target] = {}


def target_for(settings: Settings, tool: str, spec_version: str) -> Target | None:
    """The Target for ``tool`` (None for a tool kx keeps no history of)."""
    if tool not in ("docker", "kubectl"):
        return None
    text = settings.target(tool) if settings.targets else None
    origin = "target"
    if text is None:
        from kx.catalog.installed import installed_version

        text, origin = installed_version(tool), "installed"
        if text is None:
            text, origin = spec_version, "spec"
    key = (tool, text, origin)
    made = _made.get(key)
    if made is None:
        from kx.check.versions import Target

        try:
            made = _made[key] = Target(tool, text, origin)
        except ValueError:
            return None  # a spec or client version that is not a plain number: no version checks
    return made
