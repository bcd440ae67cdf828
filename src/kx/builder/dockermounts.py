"""Mounts, devices and device requests of a docker run line: ``--mount``, ``--device``, ``--gpus``."""

from __future__ import annotations

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


def mount(value: str, flags: Flags) -> dict[str, Any]:
    """One --mount value as a mount.Mount (type volume unless given)."""
    out: dict[str, Any] = {"Type": "volume"}

    def section(name: str) -> dict[str, Any]:
        if name == "VolumeOptions" and name not in out:
            out[name] = {"Labels": {}, "DriverConfig": {}}
        return out.setdefault(name, {})  # type: ignore[no-any-return]

    for field in _fields(value):
        key, sep, val = field.partition("=")
        key = key.lower()
        if not sep:
            if key in ("readonly", "ro"):
                out["ReadOnly"] = True
            elif key == "volume-nocopy":
                section("VolumeOptions")["NoCopy"] = True
            elif key == "bind-nonrecursive":
                section("BindOptions")["NonRecursive"] = True
            continue
        if key == "type":
            out["Type"] = val.lower()
        elif key in ("source", "src"):
            out["Source"] = flags.absolute(val) if val.startswith(".") else val
        elif key in ("target", "dst", "destination"):
            out["Target"] = val
        elif key in ("readonly", "ro"):
            out["ReadOnly"] = _flag(val)
        elif key == "consistency":
            out["Consistency"] = val.lower()
        elif key == "bind-propagation":
            section("BindOptions")["Propagation"] = val.lower()
        elif key == "bind-nonrecursive":
            section("BindOptions")["NonRecursive"] = _flag(val)
        elif key == "bind-recursive":
            options = section("BindOptions")
            if val in _RECURSIVE:
                options[_RECURSIVE[val]] = True
        elif key == "volume-subpath":
            section("VolumeOptions")["Subpath"] = val
        elif key == "volume-nocopy":
            section("VolumeOptions")["NoCopy"] = _flag(val)
        elif key in ("volume-label", "volume-opt"):
            options = section("VolumeOptions")
            driver = options["DriverConfig"]
            target = options["Labels"] if key == "volume-label" else driver.setdefault("Options", {})
            name, _, item = val.partition("=")
            if name:
                target[name] = item
        elif key == "volume-driver":
            section("VolumeOptions")["DriverConfig"]["Name"] = val
        elif key == "image-subpath":
            section("ImageOptions")["Subpath"] = val
        elif key == "tmpfs-size":
            size = ram_in_bytes(val)
            section("TmpfsOptions")["SizeBytes"] = size if isinstance(size, int) else 0
        elif key == "tmpfs-mode":
            section("TmpfsOptions")["Mode"] = int(val, 8)
    return out


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
