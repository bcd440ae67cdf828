"""Checks the meta-schema cannot express: names, shorthands and references that must agree.

``semantic_problems`` takes schema-valid spec dicts keyed by anything (file path or spec key) and
returns ``(key, json_pointer, message)`` for each problem, so ``kx specs validate`` and the tests
can report them the same way as schema errors.
"""

from __future__ import annotations

from itertools import pairwise

from kx.catalog.paths import spec_key
from kx.core.gorules.strconv import BOOL_WORDS
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    Problem = tuple[str, str]  # (json pointer, message) inside one spec

# Collection types whose repeats can only combine one way.
REPEAT_OF_TYPE = {
    "stringArray": "append", "stringSlice": "csv", "intSlice": "csv", "list": "append",
    "map": "merge", "stringToString": "merge", "ulimit": "merge",
}  # fmt: skip


def semantic_problems(raw_by_key: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Every semantic problem in a set of specs, as (key, json pointer, message)."""
    by_spec = {spec_key(raw): raw for raw in raw_by_key.values()}
    found: list[tuple[str, str, str]] = []
    for name, raw in raw_by_key.items():
        inherited, problems = _inherited(raw, by_spec)
        problems += list(_own_flag_problems(raw))
        problems += list(_resolved_problems(raw, inherited))
        problems += list(_rule_problems(raw, inherited))
        problems += list(_layout_problems(raw))
        found.extend((name, pointer, message) for pointer, message in problems)
    return found


def _inherited(
    raw: dict[str, Any], by_spec: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Flags reachable through ``inherits`` (depth first), plus unknown-parent and cycle problems."""
    flags: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for index, parent in enumerate(raw.get("inherits", ())):
        message = _walk(parent, (spec_key(raw),), by_spec, flags)
        if message:
            problems.append((f"/inherits/{index}", message))
    return flags, problems


def _walk(
    key: str, chain: tuple[str, ...], by_spec: dict[str, dict[str, Any]], flags: list[dict[str, Any]]
) -> str | None:
    """Collect ``key``'s flags and its parents'; a message when the chain loops or dangles."""
    if key in chain:
        return f"inheritance cycle: {' -> '.join([*chain, key])}"
    target = by_spec.get(key)
    if target is None:
        return f"inherits unknown spec {key!r}"
    flags.extend(target.get("flags", ()))
    for parent in target.get("inherits", ()):
        message = _walk(parent, (*chain, key), by_spec, flags)
        if message:
            return message
    return None


def _own_flag_problems(raw: dict[str, Any]) -> Iterator[Problem]:
    """Duplicates and per-flag consistency among the spec's own flags."""
    names: dict[str, int] = {}
    shorts: dict[str, int] = {}
    for index, flag in enumerate(raw.get("flags", ())):
        at = f"/flags/{index}"
        if flag["name"] in names:
            yield f"{at}/name", f"duplicate flag --{flag['name']} (also /flags/{names[flag['name']]})"
        names.setdefault(flag["name"], index)
        short = flag.get("short")
        if short and short in shorts:
            yield f"{at}/short", f"duplicate shorthand -{short} (also /flags/{shorts[short]})"
        if short:
            shorts.setdefault(short, index)
        yield from _flag_problems(flag, at)


def _flag_problems(flag: dict[str, Any], at: str) -> Iterator[Problem]:
    """Consistency of one flag's own fields."""
    kind = flag["type"]
    choices = flag.get("choices")
    if kind == "bool" and choices:
        yield f"{at}/choices", "a bool flag cannot have choices"
    if "case_sensitive" in flag and not choices:
        yield f"{at}/case_sensitive", "case_sensitive only means something with choices"
    if flag.get("short_deprecated") and not flag.get("short"):
        yield f"{at}/short_deprecated", "short_deprecated without a shorthand"
    expected = REPEAT_OF_TYPE.get(kind)
    repeat = flag.get("repeat", "last")
    if expected and repeat != expected:
        yield f"{at}/repeat", f"type {kind} combines repeats as {expected!r}, not {repeat!r}"
    if kind == "bool" and repeat != "last":
        yield f"{at}/repeat", "a bool flag can only keep its last value"
    yield from _value_problems(flag, at)
    yield from _version_problems(flag, at)


def _value_problems(flag: dict[str, Any], at: str) -> Iterator[Problem]:
    """``default`` and ``no_value`` against the flag's type and choices."""
    no_value = flag.get("no_value")
    if flag["type"] == "bool":
        if no_value is not None and no_value not in BOOL_WORDS:
            yield f"{at}/no_value", f"bare value {no_value!r} of a bool flag must be a bool word"
        default = flag.get("default")
        if default is not None and default not in BOOL_WORDS:
            yield f"{at}/default", f"default {default!r} of a bool flag must be a bool word"
    elif no_value == "":
        yield f"{at}/no_value", "an empty bare value makes the flag unusable without '='"
    choices = flag.get("choices")
    if not choices:
        return
    fold = (lambda s: s) if flag.get("case_sensitive", True) else str.lower
    allowed = {fold(c) for c in choices}
    # The default of a list flag is the empty list, not one of its items.
    fields = ("default", "no_value") if flag.get("repeat", "last") == "last" else ("no_value",)
    for field in fields:
        value = flag.get(field)
        if value is not None and fold(value) not in allowed:
            yield f"{at}/{field}", f"{field} {value!r} is not one of the choices"


def _version_problems(flag: dict[str, Any], at: str) -> Iterator[Problem]:
    """Lifecycle versions must be in order: added <= deprecated_in < undeprecated_in, removed_in."""
    order = [(k, _version(flag[k])) for k in ("added", "deprecated_in", "removed_in") if k in flag]
    for (first, a), (second, b) in pairwise(order):
        if a > b:
            yield f"{at}/{second}", f"{second} {flag[second]} comes before {first} {flag[first]}"
    if "undeprecated_in" in flag:
        since = flag.get("deprecated_in")
        if since is None or _version(flag["undeprecated_in"]) <= _version(since):
            yield f"{at}/undeprecated_in", "undeprecated_in needs an earlier deprecated_in"
        elif flag.get("deprecated"):
            yield f"{at}/deprecated", "an undeprecated flag cannot carry a deprecated block"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _resolved_problems(raw: dict[str, Any], inherited: list[dict[str, Any]]) -> Iterator[Problem]:
    """Clashes with inherited flags, aliases and removed flags, seen over the resolved flag set."""
    own = {f["name"]: f for f in raw.get("flags", ())}
    parents = {f["name"]: f for f in inherited if f["name"] not in own}
    parent_shorts = {f["short"]: f["name"] for f in parents.values() if f.get("short")}
    every = {**parents, **own}
    for index, flag in enumerate(raw.get("flags", ())):
        at = f"/flags/{index}"
        short = flag.get("short")
        if short in parent_shorts:
            yield f"{at}/short", f"shorthand -{short} is already taken by inherited --{parent_shorts[short]}"
        yield from _reference_problems(flag, at, every)
    for index, removed in enumerate(raw.get("removed_flags", ())):
        if removed["name"] in every:
            yield f"/removed_flags/{index}/name", f"--{removed['name']} is removed but still defined"
        if removed.get("short") and any(f.get("short") == removed["short"] for f in every.values()):
            yield f"/removed_flags/{index}/short", f"shorthand -{removed['short']} is still in use"


def _reference_problems(
    flag: dict[str, Any], at: str, every: dict[str, dict[str, Any]]
) -> Iterator[Problem]:
    """``alias_of`` and ``default_from`` must name another real flag of the same type."""
    for field in ("alias_of", "default_from"):
        target_name = flag.get(field)
        if target_name is None:
            continue
        target = every.get(target_name)
        if target is None or target_name == flag["name"]:
            yield f"{at}/{field}", f"{field} names no other flag: --{target_name}"
        elif target["type"] != flag["type"]:
            yield f"{at}/{field}", f"--{flag['name']} and --{target_name} differ in type"
        elif field == "alias_of" and target.get("alias_of"):
            yield f"{at}/{field}", f"--{target_name} is itself an alias"


def _rule_problems(raw: dict[str, Any], inherited: list[dict[str, Any]]) -> Iterator[Problem]:
    """Rules may only name flags and positionals the command has."""
    flags = {f["name"] for f in (*raw.get("flags", ()), *inherited)}
    positionals = {p["name"] for p in raw.get("positionals", ())}
    for index, rule in enumerate(raw.get("rules", ())):
        at = f"/rules/{index}"
        for field, name in _rule_flag_names(rule):
            if name not in flags:
                yield f"{at}/{field}", f"rule names unknown flag --{name}"
        for i, participant in enumerate(rule.get("of", ())):
            kind, _, name = participant.partition(":")
            known = flags if kind == "flag" else positionals
            if name not in known:
                yield f"{at}/of/{i}", f"rule names unknown {kind} {name!r}"
        if rule.get("flag") and rule["flag"] in rule.get("needs", ()):
            yield f"{at}/needs", "a flag cannot need itself"


def _rule_flag_names(rule: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for i, name in enumerate(rule.get("flags", ())):
        yield f"flags/{i}", name
    if rule.get("flag"):
        yield "flag", rule["flag"]
    for i, name in enumerate(rule.get("needs", ())):
        yield f"needs/{i}", name
    for name in rule.get("when", {}):
        yield f"when/{name}", name


def _layout_problems(raw: dict[str, Any]) -> Iterator[Problem]:
    """Root-only keys, alias paths and positional order."""
    if raw["path"]:
        for field in ("flag_scope", "subcommands"):
            if field in raw:
                yield f"/{field}", f"{field} only applies to a tool's root spec (path [])"
    for index, alias in enumerate(raw.get("aliases", ())):
        if alias == raw["path"]:
            yield f"/aliases/{index}", "an alias repeats the command's own path"
    positionals = raw.get("positionals", ())
    for index, positional in enumerate(positionals):
        at = f"/positionals/{index}"
        if positional.get("repeat") and index != len(positionals) - 1:
            yield at, "only the last positional can take every remaining argument"
        if positional.get("required") and index and not positionals[index - 1].get("required"):
            yield f"{at}/required", "a required positional cannot follow an optional one"
