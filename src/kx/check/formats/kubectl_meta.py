"""kubectl object metadata values: labels and selectors, annotations, env vars, object names.

The client only splits these (``k=v`` pairs, ``NAME=VALUE``); the API server then validates label
keys and values, annotation keys and object names with the rules of Kubernetes' validation
package, which are restated here.
"""

from __future__ import annotations

from kx.check.formats._names import (
    is_dns1035_label,
    is_dns1123_label,
    is_env_name,
    is_name_part,
    is_subdomain,
)
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.memo import remember
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.check.formats.registry import ValueContext

_ALLOWED_IN_GUESS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


# Label keys and values repeat across a script's commands: the verdicts (pure functions) are remembered.
@remember
def qualified_name_problem(key: str) -> str | None:
    """Why ``key`` is not a Kubernetes qualified name (``[prefix/]name``), or None."""
    parts = key.split("/")
    if len(parts) > 2:
        return "it may contain at most one '/'"
    if len(parts) == 2:
        prefix = parts[0]
        if not prefix:
            return "the prefix before '/' is empty"
        if len(prefix) > 253 or not is_subdomain(prefix):
            return "the prefix before '/' must be a lowercase DNS subdomain (like example.com)"
    name = parts[-1]
    if not name:
        return "the name part is empty"
    if len(name) > 63:
        return "the name part is longer than 63 characters"
    if not is_name_part(name):
        return "the name part must use letters, digits, '-', '_' or '.', and start and end alphanumeric"
    return None


@remember
def label_value_problem(value: str) -> str | None:
    """Why ``value`` is not a valid label value, or None (empty is valid)."""
    if len(value) > 63:
        return "it is longer than 63 characters"
    if value and not is_name_part(value):
        return "it must use letters, digits, '-', '_' or '.', and start and end alphanumeric"
    return None


def check_label_pairs(value: str, what: str) -> list[Finding]:
    """Check kubectl's ``k=v[,k=v]`` split (client), then label key/value rules (server)."""
    if value == "":
        return []
    pairs = []
    for item in value.split(","):
        parts = item.split("=")
        if len(parts) != 2:
            hint = " (only k=v pairs; set-based and != selectors do not work here)" if "!" in item else ""
            return [Finding("KX203", f"{item!r} in {what} is not a key=value pair{hint}")]
        if not parts[0]:
            return [Finding("KX203", f"{item!r} in {what} has an empty key")]
        pairs.append((parts[0], parts[1]))
    problems = []
    for key, val in pairs:
        why = qualified_name_problem(key)
        if why:
            problems.append(_server(f"the API server rejects the label key {key!r} in {what}: {why}"))
        why = label_value_problem(val)
        if why:
            problems.append(_server(f"the API server rejects the label value {val!r} in {what}: {why}"))
    return problems


def _server(message: str, code: str = "KX204", suggestion: str | None = None) -> Finding:
    return Finding(code, message, suggestion=suggestion, stage="server")


@register_format("labels")
def check_labels(value: str, ctx: ValueContext) -> list[Finding]:
    """Labels given as ``key=value,...`` (-l/--labels)."""
    return check_label_pairs(value, ctx.display or "the labels")


@register_format("label-selector")
def check_label_selector(value: str, ctx: ValueContext) -> list[Finding]:
    """An equality selector ``key=value,...`` (expose --selector; the client splits only on '=')."""
    return check_label_pairs(value, ctx.display or "the selector")


@register_format("annotations")
def check_annotations(value: str, ctx: ValueContext) -> list[Finding]:
    """One ``key=value`` annotation: '=' required and not first (client); key rules (server)."""
    if value == "":  # the client skips empty entries
        return []
    key, sep, _ = value.partition("=")
    if not sep or not key:
        return [Finding("KX203", f"{value!r} is not an annotation of the form key=value")]
    why = qualified_name_problem(key.lower())
    if why:
        return [_server(f"the API server rejects the annotation key {key!r}: {why}")]
    return []


@register_format("kube-env")
def check_kube_env(value: str, ctx: ValueContext) -> list[Finding]:
    """One ``NAME=VALUE`` environment variable with a C-identifier-like NAME (client)."""
    if value == "":  # the client skips empty entries
        return []
    name, sep, _ = value.partition("=")
    if not sep:
        return [Finding("KX203", f"{value!r} is not of the form NAME=VALUE", suggestion=f"{value}=")]
    if not name:
        return [Finding("KX203", f"{value!r} has an empty variable name")]
    if not is_env_name(name):
        return [Finding("KX203", f"{name!r} is not a valid variable name (letters, digits, '_', '-', '.'; "
                                 "not starting with a digit)")]  # fmt: skip
    if name == "." or name.startswith(".."):
        return [Finding("KX203", f"{name!r} is not a valid variable name ('.' alone or a '..' start)")]
    return []


def _name_problem(
    value: str, what: str, fits: Callable[[str], bool], limit: int, rule: str
) -> list[Finding]:
    if value == "":
        return []
    if len(value) > limit:
        return [_server(f"{what} {value!r} is longer than {limit} characters", "KX207")]
    if not fits(value):
        suggestion = _normalized(value, fits, limit)
        return [_server(f"{what} {value!r} is not valid: it must be {rule}", "KX207", suggestion)]
    return []


def _normalized(value: str, fits: Callable[[str], bool], limit: int) -> str | None:
    """A lower-cased, dash-separated variant of ``value`` that ``fits``, if one is near."""
    pieces: list[str] = []
    for ch in value.lower():
        if ch in _ALLOWED_IN_GUESS:
            pieces.append(ch)
        elif not pieces or pieces[-1] != "\0":
            pieces.append("\0")  # a run of other characters becomes one '-'
    guess = "".join(pieces).replace("\0", "-").strip("-.")
    if fits is not is_subdomain:
        guess = guess.replace(".", "-")
    guess = guess[:limit].strip("-.")
    return guess if guess and fits(guess) else None


@register_format("object-name")
def check_object_name(value: str, ctx: ValueContext) -> list[Finding]:
    """The ``kubectl run`` NAME: a pod name (DNS-1123 subdomain) that also names the container.

    kubectl run gives the container the pod's name, and container names are DNS-1123 labels, so
    a dotted or over-63-character NAME passes the pod rule but is still rejected.
    """
    if value == "":
        return [Finding("KX207", "the pod name is empty: the client refuses to build the request")]
    subdomain = "lowercase letters, digits, '-' and '.', starting and ending alphanumeric"
    found = _name_problem(value, "the pod name", is_subdomain, 253, subdomain)
    if found:
        return found
    label = "a DNS-1123 label (lowercase letters, digits, '-'; at most 63) since it also names the container"
    return _name_problem(value, "the name", is_dns1123_label, 63, label)


@register_format("service-name")
def check_service_name(value: str, ctx: ValueContext) -> list[Finding]:
    """A Service name: DNS-1035 label (starts with a letter, at most 63)."""
    rule = "a lowercase RFC 1035 label (a letter first, then letters, digits or '-', at most 63)"
    return _name_problem(value, "the service name", is_dns1035_label, 63, rule)


@register_format("namespace")
def check_namespace(value: str, ctx: ValueContext) -> list[Finding]:
    """A namespace name: DNS-1123 label; a namespace with any other name cannot exist."""
    rule = "a lowercase RFC 1123 label (letters, digits or '-', at most 63)"
    return _name_problem(value, "the namespace", is_dns1123_label, 63, rule)
