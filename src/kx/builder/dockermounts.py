"""Mounts, devices and device requests of a docker run line: ``--mount``, ``--device``, ``--gpus``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kx.builder.dockerflags import Flags
from kx.builder.objects import GenerateError
from kx.check.formats.docker_resources import ram_in_bytes
from kx.check.formats.docker_storage import cdi_name, valid_device_mode
from kx.core.gorules.csv import record_fields
from kx.core.gorules.strconv import parse_bool

_RECURSIVE = {
    "disabled": "NonRecursive", "writable": "ReadOnlyNonRecursive", "readonly": "ReadOnlyForceRecursive"
}  # fmt: skip


def _fields(value: str) -> list[str]:
    fields = record_fields(value)
    if isinstance(fields, str):
        raise GenerateError(fields)
    return fields


def _flag(value: str) -> bool:
    return parse_bool(value) is True


def _size(value: str) -> int:
    size = ram_in_bytes(value)
    return size if isinstance(size, int) else 0


def _same(value: str) -> str:
    return value


# --mount keys that set one field: key -> (section or '' for the mount itself, field, reading).
_FIELDS: dict[str, tuple[str, str, Callable[[str], Any]]] = {
    "type": ("", "Type", str.lower),
    "target": ("", "Target", _same),
    "dst": ("", "Target", _same),
    "destination": ("", "Target", _same),
    "readonly": ("", "ReadOnly", _flag),
    "ro": ("", "ReadOnly", _flag),
    "consistency": ("", "Consistency", str.lower),
    "bind-propagation": ("BindOptions", "Propagation", str.lower),
    "bind-nonrecursive": ("BindOptions", "NonRecursive", _flag),
    "volume-subpath": ("VolumeOptions", "Subpath", _same),
    "volume-nocopy": ("VolumeOptions", "NoCopy", _flag),
    "image-subpath": ("ImageOptions", "Subpath", _same),
    "tmpfs-size": ("TmpfsOptions", "SizeBytes", _size),
    "tmpfs-mode": ("TmpfsOptions", "Mode", lambda value: int(value, 8)),
}
# Keys that may stand alone, meaning key=true.
_BARE = ("readonly", "ro", "volume-nocopy", "bind-nonrecursive")


def _section(out: dict[str, Any], name: str) -> dict[str, Any]:
    """The options section ``name`` of a mount, created on first use."""
    if name not in out:
        out[name] = {"Labels": {}, "DriverConfig": {}} if name == "VolumeOptions" else {}
    section: dict[str, Any] = out[name]
    return section


def mount(value: str, flags: Flags) -> dict[str, Any]:
    """One --mount value as a mount.Mount (type volume unless given)."""
    out: dict[str, Any] = {"Type": "volume"}
    for field in _fields(value):
        key, sep, val = field.partition("=")
        key = key.lower()
        if not sep:
            key, val = (key, "true") if key in _BARE else ("", "")
        if key in _FIELDS:
            section, name, read = _FIELDS[key]
            (_section(out, section) if section else out)[name] = read(val)
        elif key in ("source", "src"):
            out["Source"] = flags.absolute(val) if val.startswith(".") else val
        elif key == "bind-recursive" and val in _RECURSIVE:
            _section(out, "BindOptions")[_RECURSIVE[val]] = True
        elif key.startswith("volume-"):
            _volume_field(_section(out, "VolumeOptions"), key, val)
    return out


def _volume_field(options: dict[str, Any], key: str, val: str) -> None:
    """``volume-label=K=V``, ``volume-opt=K=V`` (an empty K is ignored) and ``volume-driver``."""
    driver = options["DriverConfig"]
    if key == "volume-driver":
        driver["Name"] = val
        return
    target = options["Labels"] if key == "volume-label" else driver.setdefault("Options", {})
    name, _, item = val.partition("=")
    if name:
        target[name] = item


def devices(flags: Flags) -> list[dict[str, str]]:
    """HostConfig.Devices: host[:container][:permissions] for a Linux daemon (CDI names excluded)."""
    out = []
    for value in flags.all("device"):
        if cdi_name(value) == "ok":
            continue
        parts = value.split(":", 3)
        source, target, permissions = parts[0], "", "rwm"
        if len(parts) == 3:
            permissions = parts[2]
        if len(parts) >= 2:
            if valid_device_mode(parts[1]):
                permissions = parts[1]
            else:
                target = parts[1]
        out.append({"PathOnHost": source, "PathInContainer": target or source,
                    "CgroupPermissions": permissions})  # fmt: skip
    return out


def _count(text: str) -> int:
    return -1 if text == "all" else int(text)


def _gpu(value: str) -> dict[str, Any]:
    """One --gpus value as a DeviceRequest."""
    request: dict[str, Any] = {"Driver": "", "Count": 0, "DeviceIDs": None, "Capabilities": None,
                               "Options": {}}  # fmt: skip
    counted = False
    for field in _fields(value):
        key, sep, val = field.partition("=")
        if not sep:
            request["Count"], counted = _count(key), True
        elif key == "driver":
            request["Driver"] = val
        elif key == "count":
            request["Count"], counted = _count(val), True
        elif key == "device":
            request["DeviceIDs"] = val.split(",")
        elif key == "capabilities":
            request["Capabilities"] = [[*val.split(","), "gpu"]]
        elif key == "options":
            request["Options"] = dict(item.partition("=")[::2] for item in _fields(val))
    if not counted and request["DeviceIDs"] is None:
        request["Count"] = 1
    if request["Capabilities"] is None:
        request["Capabilities"] = [["gpu"]]
    return request


def device_requests(flags: Flags) -> list[dict[str, Any]]:
    """HostConfig.DeviceRequests: each --gpus request, then one ``cdi`` request for CDI devices."""
    out = [_gpu(value) for value in flags.all("gpus")]
    cdi = [value for value in flags.all("device") if cdi_name(value) == "ok"]
    if cdi:
        out.append({"Driver": "cdi", "DeviceIDs": cdi})
    return out
