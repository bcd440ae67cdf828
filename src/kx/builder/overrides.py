"""``kubectl run --overrides``: a patch of the generated object, decoded into its Go type again.

A JSON merge patch (RFC 7386, the default), a JSON patch (RFC 6902, the jsonpatch library) or a
strategic merge patch; then unknown fields are dropped and values type-checked, as kubectl does.
"""

from __future__ import annotations

import json
from typing import Any

from kx.builder import kubetypes
from kx.builder.objects import GenerateError
from kx.builder.strategic import discard_nulls, merge_map

_BAD_PATCH = "Invalid JSON Patch"
_GO_PATCH, _GO_OPERATION = "jsonpatch.Patch", "jsonpatch.Operation"  # evanphx/json-patch's types


def apply(obj: dict[str, Any], fragment: str, kind: str, override_type: str) -> dict[str, Any]:
    """``obj`` (a generated ``kind``) with the override applied, as its Go type writes it."""
    if override_type == "json":
        patched = _json_patch(obj, fragment)
    elif override_type in ("merge", ""):
        patched = merge_patch(obj, _load(fragment, _BAD_PATCH))
    elif override_type == "strategic":
        patch = _load(fragment, "invalid JSON document")
        if not isinstance(patch, dict):
            raise GenerateError("invalid JSON document")
        patched = go_numbers(merge_map(obj, patch, kind))
    else:
        raise GenerateError(f"invalid override type: {override_type}")
    return decode(patched, kind, sort=override_type == "strategic")


def go_numbers(value: Any) -> Any:
    """Numbers as they come back from Go's float64: integral ones as ints, big ones rounded."""
    if isinstance(value, dict):
        return {k: go_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [go_numbers(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 1e21 else number
    return value


def _load(text: str, error: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise GenerateError(error) from None


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 as evanphx/json-patch applies it (a null or scalar patch is refused)."""
    if patch is None or not isinstance(patch, (dict, list)):
        raise GenerateError(_BAD_PATCH)
    if not isinstance(patch, dict):
        return discard_nulls(patch)
    return _merge(target, patch)


def _merge(target: Any, patch: dict[str, Any]) -> dict[str, Any]:
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict):
            out[key] = _merge(out.get(key), value)
        else:
            out[key] = discard_nulls(value)
    return out


def _json_patch(obj: dict[str, Any], fragment: str) -> Any:
    import jsonpatch
    import jsonpointer

    if _check_operations(fragment) == 0:
        return json.loads(json.dumps(obj))  # null or []: nothing to apply
    try:
        patch = jsonpatch.JsonPatch.from_string(fragment)
    except (ValueError, jsonpatch.JsonPatchException, TypeError):
        raise GenerateError(_BAD_PATCH) from None
    if not isinstance(patch.patch, list):
        raise GenerateError(_BAD_PATCH)
    doc = json.loads(json.dumps(obj))
    for op in patch.patch:
        try:
            doc = jsonpatch.JsonPatch([op]).apply(doc)
        except jsonpatch.JsonPatchTestFailed:
            raise GenerateError(f"testing value {op.get('path')} failed: test failed") from None
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException, TypeError, KeyError,
                IndexError, AttributeError) as error:  # fmt: skip
            raise GenerateError(_json_patch_error(op, error)) from None
    return doc


def _check_operations(fragment: str) -> int:
    """How many operations a JSON patch has (-1: not JSON); Go's errors when they are not objects."""
    from kx.builder.gojson import go_json_type

    try:
        patch = json.loads(fragment)
    except ValueError:
        return -1  # the library's refusal follows
    if patch is not None and not isinstance(patch, list):
        raise GenerateError(f"json: cannot unmarshal {go_json_type(patch)} into Go value of type {_GO_PATCH}")
    for op in patch or []:
        if op is None:
            raise GenerateError("Unexpected kind: unknown")
        if not isinstance(op, dict):
            kind = go_json_type(op)
            raise GenerateError(f"json: cannot unmarshal {kind} into Go value of type {_GO_OPERATION}")
    return len(patch or [])


def _json_patch_error(op: Any, error: Exception) -> str:
    """evanphx/json-patch's words for the common failures."""
    kind = op.get("op") if isinstance(op, dict) else None
    source = str(op.get("from" if kind == "move" else "path", "")) if isinstance(op, dict) else ""
    key = source.rsplit("/", 1)[-1]
    if kind in ("remove", "move"):  # what they fail on is a missing key
        where = f"'{key}'" if kind == "move" else f"'{source}'"
        return f"error in {kind} for path: {where}: Unable to remove nonexistent key: {key}: missing value"
    return f"error in {kind} for path: '{source}': {error}"


def decode(patched: Any, kind: str, sort: bool = True) -> dict[str, Any]:
    """``runtime.Decode`` into ``kind`` and encode again: the object as kubectl holds it.

    ``sort``: the patched document went through Go maps (strategic merge), so its keys are sorted
    in kubectl's messages; merge and JSON patches keep the generated object's order.
    """
    from kx.builder.gojson import compact

    if not isinstance(patched, dict):
        what = "array" if isinstance(patched, list) else "string"
        raise GenerateError(f"couldn't get version/kind; json parse error: json: cannot unmarshal "
                            f"{what} into Go value of type struct {{ APIVersion string "
                            '"json:\\"apiVersion,omitempty\\""; Kind string '
                            '"json:\\"kind,omitempty\\"" }')  # fmt: skip
    for field in ("apiVersion", "kind"):
        if patched.get(field) is not None and not isinstance(patched[field], str):
            what = "number" if isinstance(patched[field], (int, float)) else type(patched[field]).__name__
            what = {"dict": "object", "list": "array", "bool": "bool"}.get(what, what)
            raise GenerateError(f"couldn't get version/kind; json parse error: json: cannot unmarshal "
                                f"{what} into Go struct field .{field} of type string")  # fmt: skip
    version, got = patched.get("apiVersion") or "", patched.get("kind") or ""
    text = compact(_sorted(patched) if sort else patched).rstrip("\n")
    if not got:
        raise GenerateError(f"Object 'Kind' is missing in '{text}'")
    if not version:
        raise GenerateError(f"Object 'apiVersion' is missing in '{text}'")
    if version != "v1" or got not in ("Pod", "Service"):
        raise GenerateError(f'no kind "{got}" is registered for version "{version}" in scheme '
                            '"pkg/scheme/scheme.go:28"')  # fmt: skip
    return kubetypes.encode_struct(patched, got, [])


def _sorted(value: Any) -> Any:
    """The patched document as Go's maps marshal it: keys sorted."""
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value
