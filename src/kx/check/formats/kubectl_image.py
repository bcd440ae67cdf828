"""The kubectl run --image value: the distribution reference grammar, without length limits.

kubectl matches the whole value against the reference pattern (optional ``host[:port]/``,
lowercase path components, optional ``:tag`` of at most 128 characters, optional
``@algorithm:hex`` digest of 32+ hex digits). Unlike docker it checks no total length and does
not verify digest lengths per algorithm; an explicitly empty value is rejected separately.
"""

from __future__ import annotations

from kx.check.formats._reference import parse_reference
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

_DOMAIN_PART = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST_THEN_SLASH = LazyRegex(rf"(?:{_DOMAIN_PART}(?:\.{_DOMAIN_PART})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?/")


def _hint(value: str) -> str:
    """A short reason for the most common mistakes."""
    if value != value.strip():
        return "it has leading or trailing spaces"
    name = value.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    if last.count(":") > 1:
        return "it has more than one ':' after the last '/'"
    if name.endswith(":"):
        return "the tag after ':' is empty"
    path = name.split("/", 1)[1] if "/" in name and _HOST_THEN_SLASH.match(name) else name
    if path.rsplit(":", 1)[0] != path.rsplit(":", 1)[0].lower():
        return "the repository path must be lowercase"
    if "@" in value:
        return "a digest is ALGORITHM:HEX with at least 32 hex digits"
    return "use [HOST[:PORT]/]PATH[:TAG][@DIGEST] with a lowercase PATH"


@register_format("kube-image")
def check_kube_image(value: str, ctx: ValueContext) -> list[Finding]:
    """The image reference as kubectl run checks it (client)."""
    if value == "":
        return [Finding("KX205", "the image is empty; --image needs an image reference")]
    if parse_reference(value) is not None:
        return []
    message = f"{value!r} is not a valid image reference: {_hint(value)}"
    return [Finding("KX205", message, suggestion=_lowered(value.strip()))]


def _lowered(value: str) -> str | None:
    """The reference with its repository path lower-cased (tag kept), when that makes it valid."""
    slash = value.rfind("/")
    colon = value.find(":", slash + 1)
    cut = colon if colon >= 0 else value.find("@") if "@" in value else len(value)
    guess = value[:cut].lower() + value[cut:]
    return guess if parse_reference(guess) is not None else None
