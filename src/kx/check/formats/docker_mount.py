"""docker run `--mount`: one CSV record of key=value fields, checked as the client's MountOpt does.

The mount type itself is not checked by the client (the daemon refuses unknown types); the client
refuses unknown keys, bad booleans and sizes, options of another mount type, and a missing target.
"""

from __future__ import annotations

from kx.check.formats.docker_resources import ram_in_bytes
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.csv import record_fields
from kx.core.gorules.strconv import parse_bool, parse_uint
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

MOUNT_TYPES = ("bind", "volume", "tmpfs", "image", "npipe", "cluster")
BARE_KEYS = {"readonly": None, "ro": None, "volume-nocopy": "volume", "bind-nonrecursive": "bind"}
PLAIN_KEYS = ("type", "source", "src", "target", "dst", "destination", "consistency")
RECURSIVE = ("enabled", "disabled", "writable", "readonly")


class _Mount:
    __slots__ = ("families", "propagation", "readonly", "recursive", "source", "target", "type")

    def __init__(self) -> None:
        self.type = "volume"
        self.source = ""
        self.target = ""
        self.readonly = False
        self.propagation = ""
        self.recursive = ""
        self.families: set[str] = set()


def _bad(message: str, suggestion: str | None = None) -> list[Finding]:
    return [Finding("KX203", message, suggestion=suggestion)]


def _field(mount: _Mount, key: str, val: str) -> list[Finding]:
    """Apply one key=value field; problems when the client would refuse it."""
    if key == "type":
        mount.type = val.lower()
    elif key in ("target", "dst", "destination"):
        mount.target = val
    elif key in ("source", "src"):
        mount.source = val
    elif key in ("readonly", "ro", "bind-nonrecursive", "volume-nocopy"):
        flag = parse_bool(val)
        if flag is None:
            return _bad(f"{key}={val!r} is not a boolean (true or false)")
        mount.readonly = flag if key in ("readonly", "ro") else mount.readonly
        if key != "readonly" and key != "ro":
            mount.families.add(key.partition("-")[0])
    elif key == "bind-recursive":
        if val not in RECURSIVE:
            return _bad(f"bind-recursive must be one of {', '.join(RECURSIVE)}")
        mount.recursive = val
        if val != "enabled":
            mount.families.add("bind")
    elif key == "bind-propagation":
        mount.propagation = val.lower()
        mount.families.add("bind")
    elif key == "tmpfs-size" and isinstance(ram_in_bytes(val), str):
        return _bad(f"tmpfs-size {val!r} is not a size")
    elif key == "tmpfs-mode" and parse_uint(val, 8, 32)[1] is not None:
        return _bad(f"tmpfs-mode {val!r} is not an octal file mode")
    elif key.startswith(("volume-", "image-", "tmpfs-")) and key in _FAMILY_KEYS:
        mount.families.add(key.partition("-")[0])
    elif key not in PLAIN_KEYS:
        return _bad(f"unknown --mount key {key!r}")
    if key.startswith("tmpfs-"):
        mount.families.add("tmpfs")
    return []


_FAMILY_KEYS = frozenset(
    {
        "volume-subpath",
        "volume-label",
        "volume-driver",
        "volume-opt",
        "image-subpath",
        "tmpfs-size",
        "tmpfs-mode",
    }
)


def _whole(mount: _Mount, value: str) -> list[Finding]:
    """The checks on the finished mount."""
    if mount.type == "":
        return _bad("the mount type is empty")
    if mount.target == "":
        return _bad("--mount needs target=<path in the container>")
    for family in ("volume", "image", "bind", "tmpfs"):
        if family in mount.families and mount.type != family:
            return _bad(f"{family}-* options do not apply to a mount of type {mount.type!r}")
    if mount.recursive in ("writable", "readonly") and not mount.readonly:
        return _bad(f"bind-recursive={mount.recursive} needs readonly as well")
    if mount.recursive == "readonly" and mount.propagation != "rprivate":
        return _bad("bind-recursive=readonly needs bind-propagation=rprivate as well")
    return _server_checks(mount, value)


def _type_fix(value: str, kind: str) -> str | None:
    """``value`` with its one ``type=`` field spelled as the closest known mount type."""
    near = best(kind, ("bind", "volume", "tmpfs", "image"))
    field = f"type={kind}"
    if near is None or value.lower().count(field.lower()) != 1:
        return None
    at = value.lower().index(field.lower())
    return value[: at + 5] + near + value[at + len(field) :]


def _server_checks(mount: _Mount, value: str) -> list[Finding]:
    """What a Linux daemon refuses in a mount the client accepted."""
    if mount.type not in MOUNT_TYPES:
        reason = f"unknown mount type {mount.type!r} (use bind, volume, tmpfs or image)"
        return [Finding("KX204", reason, stage="server", suggestion=_type_fix(value, mount.type))]
    elif not mount.target.replace("\\", "/").startswith("/"):
        reason = f"the mount target {mount.target!r} must be an absolute path"
    elif mount.target.replace("\\", "/").strip("/") in ("", "."):
        reason = "the mount target cannot be '/'"
    elif mount.type == "bind" and not mount.source:
        reason = "a bind mount needs source=<host path>"
    elif mount.type == "bind" and not mount.source.startswith(("/", ".")):
        reason = f"the bind source {mount.source!r} must be an absolute path"
    elif mount.type == "tmpfs" and mount.source:
        reason = "a tmpfs mount takes no source"
    else:
        return []
    return [Finding("KX204", reason, stage="server")]


@register_format("mount")
def check_mount(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--mount` value."""
    fields = record_fields(value)
    if isinstance(fields, str):
        return _bad(f"--mount is not a valid comma-separated list: {fields}")
    mount = _Mount()
    for field in fields:
        key, sep, val = field.partition("=")
        key = key.lower()
        if not sep:
            if key not in BARE_KEYS:
                return _bad(f"--mount field {field!r} must be key=value")
            mount.readonly = mount.readonly or BARE_KEYS[key] is None
            family = BARE_KEYS[key]
            if family:
                mount.families.add(family)
            continue
        problems = _field(mount, key, val)
        if problems:
            return problems
    return _whole(mount, value)
