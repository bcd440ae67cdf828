"""Strategic merge patch (k8s.io/apimachinery strategicpatch) of a generated object.

The patch strategy and merge key of each list come from the Go field tags (kubetypes.json):
``containers`` merge by ``name``, ``ports`` by ``containerPort``, other lists are replaced.
``$patch: replace|delete``, ``$retainKeys``, ``$setElementOrder/`` and
``$deleteFromPrimitiveList/`` are honoured.
"""

from __future__ import annotations

from typing import Any

from kx.builder import kubetypes
from kx.builder.objects import GenerateError

_MARK = "$patch"
_DELETE_PRIMITIVE = "$deleteFromPrimitiveList/"
_ORDER = "$setElementOrder/"
_BAD_ORDER = "invalid patch: $setElementOrder list must be a list"


def _lookup(expr: str, key: str) -> tuple[str, str, str]:
    """(type, patch strategy, merge key) of ``key`` inside a value of type ``expr``."""
    base = kubetypes.resolve(expr.lstrip("*"))
    if base.startswith("map["):
        return base[base.index("]") + 1:], "", ""
    found = kubetypes.field(base, key) if kubetypes.is_struct(base) else None
    if found is None:
        return "", "", ""
    return found[1], found[3], found[4]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def remove_directives(value: Any) -> tuple[Any, bool]:
    """A patch value without directives: a map holding ``$patch`` goes, at any depth."""
    if isinstance(value, dict):
        if _MARK in value:
            return None, False
        kept = {k: remove_directives(v) for k, v in value.items()}
        return {k: v for k, (v, keep) in kept.items() if keep}, True
    if isinstance(value, list):
        return [v for v, keep in map(remove_directives, value) if keep], True
    return value, True


def discard_nulls(value: Any) -> Any:
    """``value`` without the null members of its maps, at every depth (a null in a patch deletes)."""
    if isinstance(value, dict):
        return {k: discard_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [discard_nulls(v) for v in value]
    return value


def merge_map(original: dict[str, Any], patch: dict[str, Any], expr: str) -> dict[str, Any]:
    """``patch`` applied to ``original`` (a value of Go type ``expr``)."""
    if _MARK in patch:
        if patch[_MARK] == "replace":
            return {k: v for k, v in patch.items() if k != _MARK}
        if patch[_MARK] == "delete":
            return {}
        raise GenerateError(f"Unknown patch type: {patch[_MARK]} in map: {patch}")
    result = _retain_keys(dict(original), patch)
    for key, value in _set_orders(result, patch, expr).items():
        if key == "$retainKeys":
            continue
        if key.startswith(_DELETE_PRIMITIVE):
            name = key[len(_DELETE_PRIMITIVE):]
            gone = value if isinstance(value, list) else []
            if isinstance(result.get(name), list):
                result[name] = [item for item in result[name] if item not in gone]
            continue
        _merge_key(result, key, value, expr)
    return result


def _retain_keys(result: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """``$retainKeys``: the original keeps only the keys listed (and the patch may set no other)."""
    if "$retainKeys" not in patch:
        return result
    keep = patch["$retainKeys"]
    if not isinstance(keep, list):
        raise GenerateError("invalid patch format of retainKeys")
    for key, value in patch.items():
        if value is not None and key != "$retainKeys" and not key.startswith(("$", _ORDER)) \
                and key not in keep:  # fmt: skip
            raise GenerateError("invalid patch format of retainKeys")
    return {k: v for k, v in result.items() if k in keep}


def _set_orders(result: dict[str, Any], patch: dict[str, Any], expr: str) -> dict[str, Any]:
    """Merge the lists a ``$setElementOrder/NAME`` names into ``result``, in that order.

    Returns the rest of the patch.
    """
    rest = dict(patch)
    for key in [k for k in patch if k.startswith(_ORDER)]:
        order, name = rest.pop(key), key[len(_ORDER):]
        sub, strategy, merge_key = _lookup(expr, name)
        old, new = result.get(name), rest.pop(name, None)
        if not isinstance(order, list) or (name in patch and not isinstance(new, list)):
            raise GenerateError(_BAD_ORDER)
        if old is not None and not isinstance(old, list):
            raise GenerateError(_BAD_ORDER)
        _check_order(new or [], order, merge_key)
        if new is None:
            if old is None:
                continue
            merged = old
        elif old is None:
            merged = remove_directives(new)[0]
        else:
            merged = merge_list(old, new, sub[2:], merge_key) if "merge" in strategy else new
        listed = [item for item in merged if _index(order, item, merge_key) >= 0]
        listed.sort(key=lambda item: _index(order, item, merge_key))
        others = [item for item in merged if _index(order, item, merge_key) < 0]
        result[name] = _merge_sorted(others, listed, old or [], merge_key)
    return rest


def _check_order(items: list[Any], order: list[Any], merge_key: str) -> None:
    """validatePatchWithSetOrderList: the patch's items come in the order's order."""
    kept = [i for i in items if not (merge_key and isinstance(i, dict) and i.get(_MARK) == "delete")]
    at = seen = 0
    while at < len(kept) and seen < len(order):
        if isinstance(kept[at], dict) and _MARK in kept[at]:
            at += 1
            continue
        if merge_key and not (isinstance(kept[at], dict) and isinstance(order[seen], dict)
                              and merge_key in kept[at] and merge_key in order[seen]):  # fmt: skip
            raise GenerateError(f"map: {kept[at]} does not contain declared merge key: {merge_key}")
        if _key_of(kept[at], merge_key) == _key_of(order[seen], merge_key):
            at += 1
        seen += 1
    if at < len(kept) and seen >= len(order):
        raise GenerateError(f"The order in patch list:\n{items}\n doesn't match $setElementOrder list:"
                            f"\n{order}\n")  # fmt: skip


def _merge_key(result: dict[str, Any], key: str, value: Any, expr: str) -> None:
    if value is None:
        result.pop(key, None)
        return
    old = result.get(key)
    if key not in result or _kind(old) != _kind(value):
        kept, keep = remove_directives(discard_nulls(value))
        if keep:
            result[key] = kept
        else:
            result.pop(key, None)
        return
    sub, strategy, merge_key = _lookup(expr, key)
    if not sub and isinstance(old, (dict, list)):
        struct = kubetypes.resolve(expr.lstrip("*"))
        raise GenerateError(f'unable to find api field in struct {struct} for the json field "{key}"')
    if isinstance(old, dict):
        result[key] = merge_map(old, value, sub)
    elif isinstance(old, list):
        merging = "merge" in strategy.split(",")
        result[key] = merge_list(old, value, sub[2:], merge_key) if merging else value
    else:
        kept, keep = remove_directives(value)
        result[key] = kept


def _key_of(item: Any, merge_key: str) -> Any:
    return item.get(merge_key) if isinstance(item, dict) and merge_key else item


def _index(order: list[Any], item: Any, merge_key: str) -> int:
    wanted = _key_of(item, merge_key)
    return next((i for i, other in enumerate(order) if _key_of(other, merge_key) == wanted), -1)


def merge_list(original: list[Any], patch: list[Any], item_expr: str, merge_key: str) -> list[Any]:
    """A ``patchStrategy:"merge"`` list: items matched by ``merge_key`` (scalars: a union)."""
    if not original and not patch:
        return original
    kinds = {_kind(item) for item in [*original, *patch]}
    if len(kinds) > 1:
        raise GenerateError(f"list element types are not identical: {[original, patch]}")
    if "list" in kinds:
        raise GenerateError("lists of lists are not supported")
    if "dict" not in kinds:
        merged = list(dict.fromkeys([*original, *patch]))
        keyed = ""
    else:
        if not merge_key:
            raise GenerateError(f"cannot merge lists without merge key for {item_expr}")
        original, patch = _special_items(list(original), patch, merge_key)
        merged = _merge_items(list(original), patch, item_expr, merge_key)
        keyed = merge_key
    in_patch = [item for item in merged if _index(patch, item, keyed) >= 0]
    server_only = [item for item in merged if _index(patch, item, keyed) < 0]
    in_patch.sort(key=lambda item: _index(patch, item, keyed))
    return _merge_sorted(server_only, in_patch, original, keyed)


def _special_items(
    original: list[Any], patch: list[Any], merge_key: str
) -> tuple[list[Any], list[Any]]:
    plain: list[Any] = []
    replace = False
    for item in patch:
        if not isinstance(item, dict) or _MARK not in item:
            plain.append(item)
        elif item[_MARK] == "delete":
            if merge_key not in item:
                raise GenerateError(f"map: {item} does not contain declared merge key: {merge_key}")
            original = [o for o in original if _key_of(o, merge_key) != item[merge_key]]
        elif item[_MARK] == "replace":
            replace = True
        elif item[_MARK] == "merge":
            raise GenerateError("merging lists cannot yet be specified in the patch")
        else:
            raise GenerateError(f"Unknown patch type: {item[_MARK]} in map: {item}")
    return (plain, []) if replace else (original, plain)


def _merge_items(
    original: list[Any], patch: list[Any], item_expr: str, merge_key: str
) -> list[Any]:
    for item in patch:
        if not isinstance(item, dict) or merge_key not in item:
            raise GenerateError(f"map: {item} does not contain declared merge key: {merge_key}")
        at = _index(original, item, merge_key)
        if at >= 0:
            original[at] = merge_map(original[at], item, item_expr)
        else:
            original.append(item)
    return original


def _merge_sorted(left: list[Any], right: list[Any], order: list[Any], key: str) -> list[Any]:
    """strategicpatch.mergeSortedSlice: server-only items kept where the original had them."""
    out: list[Any] = []
    i = j = 0
    while i < len(left) or j < len(right):
        if j >= len(right) or (i < len(left) and 0 <= _index(order, left[i], key)
                               < _index(order, right[j], key)):  # fmt: skip
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out
