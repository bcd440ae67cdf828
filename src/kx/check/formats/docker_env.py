"""docker run key/value values: `-e/--env`, `-l/--label` and `--annotation`."""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext


@register_format("docker-env")
def check_env(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-e/--env`: NAME=value or a bare NAME (taken from the caller's environment)."""
    if value.partition("=")[0] == "":
        return [Finding("KX203", f"the environment variable {value!r} has no name before '='")]
    return []


@register_format("docker-label")
def check_label(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-l/--label`: a non-empty key (leading blanks ignored) without spaces or tabs."""
    key = value.partition("=")[0].lstrip(" \t")
    if key == "":
        return [Finding("KX203", f"the label {value!r} has no name before '='")]
    if " " in key or "\t" in key:
        fix = key.replace(" ", "").replace("\t", "") + value[len(value.partition("=")[0]) :]
        return [Finding("KX203", f"the label name {key!r} contains whitespace", suggestion=fix)]
    return []


@register_format("annotation")
def check_annotation(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--annotation`: the client takes anything; a value without '=' sets an empty value."""
    if value.partition("=")[0] == "":
        message = "an annotation needs a key before '=': the daemon refuses an empty key"
        return [Finding("KX204", message, stage="server")]
    if "=" in value:
        return []
    message = f"--annotation {value!r} has no '=', so it sets {value!r} to ''"
    return [Finding("KX208", message, severity="warning")]
