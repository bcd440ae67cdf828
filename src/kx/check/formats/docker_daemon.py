"""docker run values the client passes through but a Linux daemon certainly refuses."""

from __future__ import annotations

from kx.check.formats._names import is_docker_name
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.strconv import atoi
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext


def _server(message: str) -> list[Finding]:
    text = f"{message} (the daemon refuses it; the client lets it through)"
    return [Finding("KX204", text, stage="server")]


@register_format("container-name")
def container_name(value: str, ctx: ValueContext) -> list[Finding]:
    """Container names: a letter or digit, then letters, digits, ``_ . -`` (two characters at least)."""
    if value == "" or is_docker_name(value.removeprefix("/")):
        return []
    return _server(f"{value!r} is not a valid container name: use [a-zA-Z0-9][a-zA-Z0-9_.-]+")


@register_format("absolute-path")
def absolute_path(value: str, ctx: ValueContext) -> list[Finding]:
    """The container working directory must be absolute."""
    if value == "" or value.startswith("/"):
        return []
    return _server(f"{ctx.display} needs an absolute path, not {value!r}")


def _uint_list_ok(value: str) -> bool:
    """The daemon's list syntax: Atoi numbers and ``lo-hi`` ranges with lo <= hi, comma-separated."""
    for item in value.split(","):
        low, dash, high = item.partition("-")
        (first, bad_first), (last, bad_last) = atoi(low), atoi(high if dash else low)
        if bad_first or bad_last or last < first:
            return False
    return True


@register_format("cpu-list")
def cpu_list(value: str, ctx: ValueContext) -> list[Finding]:
    """CPU or memory-node lists such as ``0-3,5``."""
    if value == "" or _uint_list_ok(value):
        return []
    return _server(f"{value!r} is not a CPU list such as 0-3,5 for {ctx.display}")


@register_format("linux-isolation")
def linux_isolation(value: str, ctx: ValueContext) -> list[Finding]:
    """A Linux daemon knows only the default isolation."""
    if value.lower() in ("", "default"):
        return []
    return _server(f"a Linux daemon supports only the default isolation, not {value!r}")
