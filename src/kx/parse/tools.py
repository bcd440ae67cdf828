"""The tools kx reads, and the one rule for the command word that runs one."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

TOOLS = ("docker", "kubectl")


def tool_name(text: str, is_tool: Callable[[str], object] = TOOLS.__contains__) -> str | None:
    """The tool a command word runs (``/usr/bin/docker``, ``docker.exe``, ``kubectl.1.32``), or None.

    ``is_tool`` says which names are tools: by default docker and kubectl; the resolver passes the
    loaded specs, which may add a tool.
    """
    base = text.rsplit("/", 1)[-1]
    if base.endswith(".exe"):
        base = base[:-4]
    if is_tool(base):
        return base
    stem, dot, version = base.partition(".")
    if dot and version.replace(".", "").isdigit() and is_tool(stem):
        return stem
    return None
