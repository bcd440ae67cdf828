"""A seccomp profile file (``--security-opt seccomp=FILE``) as the docker client and daemon read it.

The client only requires JSON (it compacts the file and sends it). The daemon decodes it into its
profile structure (JSON keys match field names in any letter case, unknown keys are ignored,
``null`` leaves a field unset) and refuses wrong value types, a bad ``minKernel``, and a profile
that gives both ``architectures`` and ``archMap`` or a rule with both ``name`` and ``names``.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    Shape = dict[str, "str | Shape | tuple[str, Shape]"]

_UINT = "uint"
_STR = "string"
_STRS = "list of strings"
_KERNEL = "kernel version"
_FILTER: Shape = {"caps": _STRS, "arches": _STRS, "minkernel": _KERNEL}
_ARG: Shape = {"index": _UINT, "value": _UINT, "valuetwo": _UINT, "op": _STR}
_SYSCALL: Shape = {
    "names": _STRS, "action": _STR, "errnoret": _UINT, "args": ("list", _ARG), "name": _STR,
    "comment": _STR, "includes": _FILTER, "excludes": _FILTER,
}  # fmt: skip
_ARCH: Shape = {"architecture": _STR, "subarchitectures": _STRS}
_PROFILE: Shape = {
    "defaultaction": _STR, "defaulterrnoret": _UINT, "architectures": _STRS, "flags": _STRS,
    "listenerpath": _STR, "listenermetadata": _STR, "archmap": ("list", _ARCH),
    "syscalls": ("list", _SYSCALL),
}  # fmt: skip
_MAX_UINT = (1 << 64) - 1


def json_problem(data: bytes) -> str | None:
    """Why the client refuses the file (it is not JSON), or None."""
    return _decode(data)[1]


def _decode(data: bytes) -> tuple[object, str | None]:
    import json  # only on this rare path: json is slow to import on every check

    def refuse(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(data.decode("utf-8", "surrogateescape"), parse_constant=refuse), None
    except ValueError as exc:
        return None, str(exc)
    except RecursionError:
        return None, "it nests too deeply"


def daemon_problem(data: bytes) -> str | None:
    """Why the daemon refuses a profile the client accepted, or None."""
    value, why = _decode(data)
    if why is not None or value is None:
        return None
    if not isinstance(value, dict):
        return f"a profile is a JSON object, not {_kind(value)}"
    shape = _check(value, _PROFILE, "")
    if shape is not None:
        return shape
    return _conflicts(value)


def _kind(value: object) -> str:
    names: dict[type, str] = {list: "an array", dict: "an object", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number")


def _fields(value: dict[str, object]) -> dict[str, list[object]]:
    """Values by lower-cased key (several keys may fold to one field)."""
    out: dict[str, list[object]] = {}
    for key, item in value.items():
        out.setdefault(key.lower(), []).append(item)
    return out


def _check(value: dict[str, object], shape: Shape, where: str) -> str | None:
    for key, item in value.items():
        expected = shape.get(key.lower())
        if expected is None:
            continue
        why = _check_value(item, expected, f"{where}{key}")
        if why is not None:
            return why
    return None


def _check_value(item: object, expected: str | Shape | tuple[str, Shape], where: str) -> str | None:
    if item is None:
        return None
    if isinstance(expected, tuple):
        if not isinstance(item, list):
            return f"{where} must be a list, not {_kind(item)}"
        for index, element in enumerate(item):
            if element is not None and not isinstance(element, dict):
                return f"{where}[{index}] must be an object, not {_kind(element)}"
            why = _check(element, expected[1], f"{where}[{index}].") if element is not None else None
            if why is not None:
                return why
        return None
    if isinstance(expected, dict):
        if not isinstance(item, dict):
            return f"{where} must be an object, not {_kind(item)}"
        return _check(item, expected, f"{where}.")
    return _SCALARS[expected](item, where)


def _string(item: object, where: str) -> str | None:
    return None if isinstance(item, str) else f"{where} must be a string, not {_kind(item)}"


def _strings(item: object, where: str) -> str | None:
    if not isinstance(item, list):
        return f"{where} must be a list of strings, not {_kind(item)}"
    bad = next((e for e in item if e is not None and not isinstance(e, str)), None)
    return None if bad is None else f"{where} must hold strings only, not {_kind(bad)}"


def _uint(item: object, where: str) -> str | None:
    if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= _MAX_UINT:
        return None
    return f"{where} must be a whole number from 0 up, not {item!r}"


def _kernel(item: object, where: str) -> str | None:
    if not isinstance(item, str):
        return f"{where} must be a string like \"5.4\", not {_kind(item)}"
    if item == "":
        return None
    parts = item.split(".", 2)
    ok = len(parts) == 2 and all(p.isdigit() and p.isascii() and int(p) < 256 for p in parts)
    if not ok or int(parts[0]) == int(parts[1]) == 0:
        return f"{where} {item!r} is not a kernel version <kernel>.<major> (each 0-255, not 0.0)"
    return None


_SCALARS: dict[str, Callable[[object, str], str | None]] = {
    _STR: _string, _STRS: _strings, _UINT: _uint, _KERNEL: _kernel,
}  # fmt: skip


def _last(value: dict[str, object], key: str) -> object:
    items = _fields(value).get(key)
    return items[-1] if items else None


def _conflicts(profile: dict[str, object]) -> str | None:
    """The daemon's checks of a profile that is not empty (no default action and no rules is off)."""
    syscalls = _last(profile, "syscalls")
    if not _last(profile, "defaultaction") and not syscalls:
        return None
    if _last(profile, "architectures") and _last(profile, "archmap"):
        return "it gives both architectures and archMap; keep one"
    for rule in syscalls if isinstance(syscalls, list) else []:
        if isinstance(rule, dict) and _last(rule, "name") and _last(rule, "names"):
            return "a syscalls rule gives both name and names; keep one"
    return None
