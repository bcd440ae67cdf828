"""docker run storage values: `-v/--volume` and `--device`.

`-v` gets only a light client check (compose's ParseVolume: empty spec, empty section, too many
colons, where a lone letter before ':' is a Windows drive); a Linux daemon then splits the spec
at every ':' and rejects what the client let through. `--device` is checked by the client against
a Linux daemon's rules (CDI names `vendor.com/class=name` are skipped).
"""

from __future__ import annotations

from kx.check.formats._names import is_docker_name
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

_RW = frozenset({"rw", "ro"})
_LABEL = frozenset({"z", "Z"})
_PROPAGATION = frozenset({"private", "rprivate", "slave", "rslave", "shared", "rshared"})
_CONSISTENCY = frozenset({"consistent", "cached", "delegated"})
_COPY = frozenset({"nocopy"})
_MODE_GROUPS = (_RW, _LABEL, _PROPAGATION, _COPY, _CONSISTENCY)


def _client_volume(spec: str) -> Finding | None:
    """The client's own -v parse: segments split at ':' except after a lone drive letter."""
    if spec == "":
        return Finding("KX203", "the volume spec is empty")
    if len(spec.encode()) <= 2:
        return None
    parts = spec.split(":")
    if "\0" not in spec and not any(len(part) == 1 and part.isalpha() for part in parts[:-1]):
        # No drive letter to join with its ':': the fields are the parts (the loop below, faster).
        if not all(parts[:3]):
            return Finding("KX203", "the volume spec has an empty part between colons")
        if len(parts) > 3:
            return Finding("KX203", "the volume spec has too many colons (at most host:container:mode)")
        return None
    fields: list[str] = []
    buf = ""
    for ch in spec + "\0":
        if ch == ":" and len(buf) == 1 and buf.isalpha():
            buf += ch
        elif ch in ":\0":
            if not buf:
                return Finding("KX203", "the volume spec has an empty part between colons")
            if len(fields) == 2 and ch == ":":
                return Finding("KX203", "the volume spec has too many colons (at most host:container:mode)")
            fields.append(buf)
            buf = ""
        else:
            buf += ch
    return None


def valid_mount_mode(mode: str) -> bool:
    """A Linux daemon's -v mode rule: comma-separated words, at most one from each group."""
    if mode == "":
        return True
    counts = [0] * len(_MODE_GROUPS)
    for word in mode.split(","):
        for i, group in enumerate(_MODE_GROUPS):
            if word in group:
                counts[i] += 1
                break
        else:
            return False
    return max(counts) <= 1


def _server_volume(spec: str) -> Finding | None:
    """What a Linux daemon rejects in a -v spec that the client passed."""
    parts = spec.split(":", 3)
    if len(parts) > 3:
        return _server("a Linux daemon splits the spec at every ':' and finds more than 3 parts")
    _, target, mode = ["", parts[0], ""] if len(parts) == 1 else [*parts, ""][:3]
    if len(parts) == 2 and valid_mount_mode(parts[1]):
        return _server(
            f"{parts[1]!r} is read as a mode, so the container path is missing",
            suggestion=f"{parts[0]}:{parts[0]}:{parts[1]}" if parts[0].startswith("/") else None,
        )
    if not valid_mount_mode(mode):
        return _server(f"invalid volume mode {mode!r} (modes: rw|ro, z|Z, a propagation, nocopy)")
    if _cleans_to_root(target.replace("\\", "/")):
        return _server("the container path cannot be '/'")
    if not target.replace("\\", "/").startswith("/"):
        return _server(f"the container path {target!r} must be absolute")
    return None


def volume_source_problem(spec: str) -> Finding | None:
    """A -v source that is neither a host path nor a local volume name (once the rest passed).

    Only the local volume driver checks names: the validator applies this unless --volume-driver
    names another driver, which gets the name as it is (``kx.check.named_checks``).
    """
    if _client_volume(spec) is not None or not _has_source(spec) or _server_volume(spec) is not None:
        return None
    parts = spec.split(":", 3)
    source = parts[0] if len(parts) > 1 else ""
    if source and not source.startswith(("/", ".")) and not is_docker_name(source):
        hint = (
            "a host path must be absolute (the client makes ./ and ../ paths absolute)"
            if "/" in source or source[:1] == "~"
            else "a volume name needs two or more of [a-zA-Z0-9_.-], starting with a letter or digit"
        )
        return _server(
            f"{source!r} is neither a host path nor a valid volume name: {hint}",
            suggestion=_abs_hint(spec, source),
        )
    return None


def _cleans_to_root(path: str) -> bool:
    """True when Go's path.Clean turns an absolute path into '/'."""
    if not path.startswith("/"):
        return False
    depth = 0
    for part in path.split("/"):
        if part == "..":
            depth = max(depth - 1, 0)
        elif part not in ("", "."):
            depth += 1
    return depth == 0


def _abs_hint(spec: str, source: str) -> str | None:
    if source.startswith("~/") or source[:1] in (".", "~"):
        return None
    return "./" + spec if "/" in source else None


def _server(message: str, suggestion: str | None = None) -> Finding:
    return Finding("KX204", message, stage="server", suggestion=suggestion)


@register_format("volume")
def check_volume(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-v/--volume` spec: the client's rules, then a Linux daemon's."""
    problem = _client_volume(value) or (_server_volume(value) if _has_source(value) else None)
    return [problem] if problem else []


def _has_source(spec: str) -> bool:
    """Whether the client reads a source in the spec (a bind or named volume the daemon parses).

    A spec with one part (after joining a lone drive letter with its ':') is an anonymous volume:
    the client sends it as a container path only, which a Linux daemon does not parse at create.
    """
    if len(spec.encode()) <= 2:
        return False
    rest = spec[2:] if len(spec) > 1 and spec[1] == ":" and spec[0].isalpha() else spec
    return ":" in rest


def valid_device_mode(mode: str) -> bool:
    """A device cgroup mode: a non-empty set of r, w, m with no letter twice."""
    return bool(mode) and all(ch in "rwm" for ch in mode) and len(set(mode)) == len(mode)


def _cdi_part(name: str, extra: str) -> str:
    """One CDI vendor/class ('') or device name (':' allowed) check: 'ok', 'no' or 'crash'."""
    alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    first_ok = name[:1] in (alnum[:52] if not extra else alnum) and name[:1] != ""
    if not first_ok:
        return "no"
    if len(name) == 1:
        # The client slices name[1:0] for a one-letter vendor or class and panics.
        return "ok" if extra else "crash"
    middle_ok = all(ch in alnum or ch in "_.-" + extra for ch in name[1:-1])
    return "ok" if middle_ok and name[-1] in alnum else "no"


def cdi_name(value: str) -> str:
    """Classify a --device value as a CDI qualified name: 'ok', 'no' (a path) or 'crash'."""
    qualifier, sep, name = value.partition("=")
    vendor, slash, klass = qualifier.partition("/")
    if value[:1] in ("", "/") or not (sep and name and slash and vendor and klass):
        return "no"
    for part, extra in ((vendor, ""), (klass, ""), (name, ":")):
        verdict = _cdi_part(part, extra)
        if verdict != "ok":
            return verdict
    return "ok"


@register_format("device")
def check_device(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--device` value the way the client does for a Linux daemon."""
    cdi = cdi_name(value)
    if cdi == "ok":
        return []
    if cdi == "crash":
        message = "CDI vendor and class names need at least two characters (the client crashes)"
        return [Finding("KX203", message)]
    if value.count(":") > 2 or value.split(":", 1)[0] == "":
        return [Finding("KX203", "a device is host-path[:container-path][:mode] with a non-empty host path")]
    parts = value.split(":")
    if len(parts) == 3 and not valid_device_mode(parts[2]):
        return [Finding("KX203", f"device mode {parts[2]!r} must combine r, w and m",
                        len(value) - len(parts[2]), len(value))]  # fmt: skip
    target = parts[0] if len(parts) == 1 or (len(parts) == 2 and valid_device_mode(parts[1])) else parts[1]
    if not target.startswith("/"):  # the client asks this only when the daemon runs Linux
        return [Finding("KX203", f"device path {target!r} must be absolute", linux=True)]
    return []
