"""kubectl global and input values: --request-timeout, --profile, --vmodule, -f, --overrides.

--request-timeout is read when the client builds its config and --profile before the command
runs, both before any request; -f URLs are parsed by the resource builder; --overrides is only
applied after the server has been asked about the type (run) or the object (expose).
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.check.formats.types import check_module_spec
from kx.core.findings import Finding
from kx.core.gorules import strconv as sc
from kx.core.gorules.duration import DurationError, parse_duration
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

PROFILES = ("none", "cpu", "heap", "goroutine", "threadcreate", "block", "mutex", "allocs")
OVERRIDE_TYPES = ("json", "merge", "strategic")
_BAD_ESCAPE = LazyRegex(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = LazyRegex(r"[\x00-\x1f\x7f]")
_HOST_FORBIDDEN = " {}|\\^`"


@register_format("request-timeout")
def check_request_timeout(value: str, ctx: ValueContext) -> list[Finding]:
    """Whole seconds (base 10, not negative) or a Go duration; empty means no timeout."""
    if value == "":
        return []
    seconds, err = sc.parse_int(value, 10, 64)
    if err is None and seconds >= 0:
        return []
    try:
        parse_duration(value)
    except DurationError:
        message = f"{value!r} is not a timeout: give whole seconds (30) or a duration with a unit (30s, 2m)"
        return [Finding("KX201", message)]
    return []


@register_format("profile")
def check_profile(value: str, ctx: ValueContext) -> list[Finding]:
    """--profile: one of the Go runtime profile names, or none (case-sensitive; empty is rejected)."""
    if value in PROFILES:
        return []
    guess = best(value, PROFILES)
    message = f"{value!r} is not a profile name; use one of {', '.join(PROFILES)}"
    return [Finding("KX202", message, suggestion=guess)]


register_format("vmodule")(check_module_spec)


def url_problem(url: str) -> str | None:
    """Why Go's url.Parse rejects an http(s) URL, or None (only the certain cases)."""
    if _CONTROL.search(url):
        return "it contains a control character"
    rest, _, fragment = url.partition("#")
    rest = rest.partition("?")[0]
    authority, slash, path = rest.split("://", 1)[1].partition("/")
    host = authority.rpartition("@")[2]
    for part, name in ((host, "host"), (slash + path, "path"), (fragment, "fragment")):
        if _BAD_ESCAPE.search(part):
            return f"the {name} has a '%' that is not followed by two hex digits"
    if host.startswith("["):
        close = host.find("]")
        if close < 0:
            return "the IPv6 host has no closing ']'"
        port = host[close + 1 :]
    else:
        bad = next((c for c in host if c in _HOST_FORBIDDEN), None)
        if bad is not None:
            return f"the host contains {bad!r}"
        port = host[host.rfind(":") :] if ":" in host else ""
    if port not in ("", ":") and not port[1:].isdigit():
        return f"the port {port!r} after the host is not a number"
    return None


@register_format("kube-filename")
def check_kube_filename(value: str, ctx: ValueContext) -> list[Finding]:
    """One -f value of kubectl expose (a CSV list): no empty item, URLs that parse, paths that exist.

    Whether the paths exist, and what they hold, is the environment pass's business.
    """
    if value == "" or '"' in value:
        return []  # quoted CSV fields are the stringSlice type check's business
    problems = []
    for item in value.split(","):
        if item == "":
            problems.append(Finding("KX203", f"{value!r} has an empty file name between commas"))
        elif item.startswith(("http://", "https://")):
            why = url_problem(item)
            if why:
                problems.append(Finding("KX203", f"the URL {item!r} does not parse: {why}"))
    return problems


@register_format("overrides-json")
def check_overrides_json(value: str, ctx: ValueContext) -> list[Finding]:
    """--overrides: valid JSON (checked once the client has reached the server)."""
    from kx.core.gorules.json import json_kind

    if value == "" or json_kind(value) is not None:
        return []
    return [Finding("KX203", f"--overrides is not valid JSON: {_clip(value)}")]


def _clip(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


@register_format("override-type")
def check_override_type(value: str, ctx: ValueContext) -> list[Finding]:
    """--override-type alone: a bad value is only an error once --overrides is given (a warning here)."""
    if value in OVERRIDE_TYPES:
        return []
    message = f"{value!r} is not an override type (json, merge, strategic); with --overrides it is an error"
    return [Finding("KX208", message, suggestion=best(value, OVERRIDE_TYPES))]


def check_override_flags(overrides: str | None, override_type: str | None) -> list[Finding]:
    """--overrides with --override-type: the type must be valid and fit the JSON (a patch list for json)."""
    from kx.core.gorules.json import json_kind

    if not overrides:
        return []
    kind = override_type or "merge"
    if kind not in OVERRIDE_TYPES:
        message = f"{kind!r} is not an override type; use json, merge or strategic"
        return [Finding("KX202", message, suggestion=best(kind, OVERRIDE_TYPES))]
    found = json_kind(overrides)
    if found is None:
        return []  # reported by check_overrides_json
    if kind == "json" and found not in ("array", "null"):  # kubectl applies a null patch as no operation
        message = "with --override-type=json, --overrides must be a JSON array of patch operations"
        return [Finding("KX203", message)]
    if kind == "merge" and found != "object":
        return [Finding("KX203", "a merge patch in --overrides must be a JSON object")]
    if kind == "strategic" and found not in ("object", "null"):
        return [Finding("KX203", "with --override-type=strategic, --overrides must be a JSON object")]
    return []
