"""Per-spec lookup tables for the validator, computed once per CommandSpec.

The validator runs for every command of every linted file. Scanning a spec's hundred-odd flags and
its rules for each command (which flags are required, which rules could fire) cost more than the
checks themselves; these tables hold what such scans find. They are keyed by ``id(spec)`` and keep
the spec alive, so an id is never reused for another spec.
"""

from __future__ import annotations

from kx.check import formats
from kx.check.environment import ENV_FORMATS
from kx.check.rules import CHECK_NEEDS, CHECKS
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from kx.catalog.model import CommandSpec, FlagSpec, RuleSpec

    # (rule, flags that must all be given, groups of flags that must each have one given)
    Trigger = tuple[RuleSpec, frozenset[str], tuple[frozenset[str], ...]]


class SpecTables:
    """What the validator needs to know about one spec beyond its flag lookups."""

    __slots__ = ("dry_run", "environment", "idle", "required", "resource_args", "spec", "triggers", "windows")
    spec: CommandSpec
    required: tuple[FlagSpec, ...]
    dry_run: FlagSpec | None
    resource_args: bool
    windows: frozenset[str]
    environment: frozenset[str]  # flags naming files or kubeconfig entries (kx.check.envchecks)
    triggers: tuple[Trigger, ...]
    idle: bool  # some rule may fire with no flag given at all

    def __init__(self, spec: CommandSpec) -> None:
        # A tool's named rule checks may live with its value modules (kubectl's do); they must be
        # registered before the triggers read what they need, and rules run only after tables exist.
        formats.load_checks(spec.tool)
        if any(rule.kind == "check" and rule.check not in CHECKS for rule in spec.rules):
            formats.load_all()
        self.spec = spec
        self.required = tuple(flag for flag in spec.flags if flag.required)
        self.dry_run = next((flag for flag in spec.flags if flag.format == "dry-run"), None)
        self.resource_args = any(slot.format == "resource-arg" for slot in spec.positionals)
        # A superset of the state keys whose flag is Windows-only (a quick "none of them" test).
        self.windows = frozenset(
            name for flag in spec.flags if flag.platform == "windows" for name in (flag.name, flag.canonical)
        )
        self.environment = frozenset(
            name for flag in spec.flags if flag.format in ENV_FORMATS for name in (flag.name, flag.canonical)
        )
        self.triggers = tuple(_trigger(spec, rule) for rule in spec.rules)
        self.idle = any(not needed and not groups for _rule, needed, groups in self.triggers)


def _trigger(spec: CommandSpec, rule: RuleSpec) -> Trigger:
    """The flags a rule cannot fire without.

    A conflicts rule needs all its flags, a requires rule its subject, any rule the flags its
    ``when`` tests; a named check may say it needs one of a few flags. A flag with ``default_from``
    may be in effect without being given, through the flag it follows: it needs one of the two.
    """
    names: tuple[str, ...] = tuple(rule.when)
    if rule.kind == "conflicts":
        names += rule.flags
    elif rule.kind in ("requires", "requires-any") and rule.flag is not None:
        names += (rule.flag,)
    needed = frozenset(name for name in names if _default_from(spec, name) is None)
    groups = [frozenset(_with_sources(spec, {name})) for name in names if name not in needed]
    any_of = CHECK_NEEDS.get(rule.check or "") if rule.kind == "check" else None
    if any_of is not None:
        groups.append(frozenset(_with_sources(spec, any_of)))
    return (rule, needed, tuple(groups))


def _default_from(spec: CommandSpec, name: str) -> str | None:
    flag = spec.by_name.get(name)
    return flag.default_from if flag is not None else None


def _with_sources(spec: CommandSpec, names: Collection[str]) -> set[str]:
    """The names, and every flag they take their default from (transitively)."""
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out.add(name)
        source = _default_from(spec, name)
        if source is not None:
            todo.append(source)
    return out


_TABLES: dict[int, SpecTables] = {}


def tables(spec: CommandSpec) -> SpecTables:
    """The tables of ``spec``, built on first use."""
    found = _TABLES.get(id(spec))
    if found is None:
        found = _TABLES[id(spec)] = SpecTables(spec)
    return found
