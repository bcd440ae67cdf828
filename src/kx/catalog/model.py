"""The spec model: read-only views over the validated spec dictionaries (commands, positionals, rules).

Plain slotted classes, not dataclasses, to keep ``kx check`` start-up small. Their attributes are
``Final``: set once in ``__init__``, and mypy (strict, in CI) rejects any later assignment; a
run-time guard would make every attribute set a call, and a cold ``kx check`` sets thousands.
Each object is built from the dict form that the YAML file (and the compiled cache) holds; the
dict is the source of truth and is kept as ``raw`` so ``kx specs show`` can print exactly what
was loaded.
"""

from __future__ import annotations

from kx.catalog.flagspec import BOOL_TYPES, LIST_REPEATS, Deprecation, FlagSpec, RemovedFlag
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final

    Window = tuple[tuple[int, ...], tuple[int, ...]]  # first and last version key

# The flag views live in flagspec.py; they are part of the model and importable from here.
__all__ = [
    "BOOL_TYPES",
    "LIST_REPEATS",
    "CommandSpec",
    "Deprecation",
    "FlagSpec",
    "PositionalSpec",
    "RemovedFlag",
    "RuleSpec",
]


class PositionalSpec:
    """One positional argument slot."""

    __slots__ = (
        "case_sensitive",
        "choices",
        "enforced_by",
        "format",
        "name",
        "raw",
        "repeat",
        "required",
        "summary",
        "value_hint",
    )  # fmt: skip
    raw: Final[dict[str, Any]]
    name: Final[str]
    required: Final[bool]
    repeat: Final[bool]
    format: Final[str | None]
    choices: Final[tuple[str, ...] | None]
    case_sensitive: Final[bool]
    enforced_by: Final[str]
    value_hint: Final[str | None]
    summary: Final[str]

    def __init__(self, raw: dict[str, Any]) -> None:
        get = raw.get
        self.raw = raw
        self.name = raw["name"]
        self.required = get("required", False)
        self.repeat = get("repeat", False)
        self.format = get("format")
        choices = get("choices")
        self.choices = tuple(choices) if choices else None
        self.case_sensitive = get("case_sensitive", True)
        self.enforced_by = get("enforced_by", "client")
        self.value_hint = get("value_hint")
        self.summary = get("summary", "")


class RuleSpec:
    """A declarative cross-flag rule (conflicts, requires, requires-any, one-of, named check)."""

    __slots__ = (
        "at_least_one",
        "check",
        "flag",
        "flags",
        "kind",
        "message",
        "needs",
        "of",
        "raw",
        "severity",
        "stage",
        "when",
    )  # fmt: skip
    raw: Final[dict[str, Any]]
    kind: Final[str]
    flags: Final[tuple[str, ...]]
    flag: Final[str | None]
    needs: Final[tuple[str, ...]]
    of: Final[tuple[str, ...]]
    at_least_one: Final[bool]
    when: Final[dict[str, dict[str, list[str]]]]
    check: Final[str | None]
    stage: Final[str]
    severity: Final[str]
    message: Final[str | None]

    def __init__(self, raw: dict[str, Any]) -> None:
        get = raw.get
        self.raw = raw
        self.kind = raw["kind"]
        self.flags = tuple(get("flags", ()))
        self.flag = get("flag")
        self.needs = tuple(get("needs", ()))
        self.of = tuple(get("of", ()))
        self.at_least_one = get("at_least_one", True)
        self.when = get("when", {})
        self.check = get("check")
        self.stage = get("stage", "client")
        self.severity = get("severity", "error")
        self.message = get("message")


class CommandSpec:
    """A command (or a tool root, path ``()``) with inherited flags resolved and lookups built."""

    __slots__ = (
        "aliases",
        "by_name",
        "by_short",
        "flag_scope",
        "flags",
        "inherits",
        "interspersed",
        "normalize_underscores",
        "origin",
        "own_flags",
        "path",
        "positionals",
        "raw",
        "removed_flags",
        "rules",
        "source",
        "subcommands",
        "summary",
        "synopsis",
        "tool",
        "tool_version",
        "versions",
    )  # fmt: skip
    raw: Final[dict[str, Any]]
    tool: Final[str]
    path: Final[tuple[str, ...]]
    aliases: Final[tuple[tuple[str, ...], ...]]
    tool_version: Final[str]
    summary: Final[str]
    synopsis: Final[str]
    interspersed: Final[bool]
    normalize_underscores: Final[bool]
    flag_scope: Final[str]
    subcommands: Final[tuple[str, ...]]
    inherits: Final[tuple[str, ...]]
    source: Final[str | None]
    positionals: Final[tuple[PositionalSpec, ...]]
    own_flags: Final[tuple[FlagSpec, ...]]
    flags: Final[tuple[FlagSpec, ...]]
    removed_flags: Final[tuple[RemovedFlag, ...]]
    rules: Final[tuple[RuleSpec, ...]]
    origin: Final[str]
    by_name: Final[dict[str, FlagSpec]]
    by_short: Final[dict[str, FlagSpec]]
    versions: Final[Window | None]  # set by at(): the client versions whose flags are offered

    def __init__(
        self,
        raw: dict[str, Any],
        origin: str,
        inherited: tuple[FlagSpec, ...] = (),
        inherited_rules: tuple[RuleSpec, ...] = (),
    ) -> None:
        get = raw.get
        self.raw = raw
        self.tool = raw["tool"]
        self.path = tuple(raw["path"])
        self.aliases = tuple(tuple(a) for a in get("aliases", ()))
        self.tool_version = str(raw["tool_version"])
        self.summary = raw.get("summary", "")
        self.synopsis = get("synopsis", "")
        self.interspersed = get("interspersed", True)
        self.normalize_underscores = get("normalize_underscores", False)
        self.flag_scope = get("flag_scope", "persistent")
        self.subcommands = tuple(get("subcommands", ()))
        self.inherits = tuple(get("inherits", ()))
        self.source = get("source")
        self.positionals = tuple(PositionalSpec(p) for p in get("positionals", ()))
        key = self.key
        own = tuple(FlagSpec(f, key) for f in raw["flags"])
        self.own_flags = own
        own_names = {f.name for f in own}
        self.flags = own + tuple(f for f in inherited if f.name not in own_names)
        self.removed_flags = tuple(RemovedFlag(r) for r in get("removed_flags", ()))
        # Rules of inherited specs hold too: kubectl's global --as-group needs --as on every command.
        self.rules = tuple(RuleSpec(r) for r in get("rules", ())) + inherited_rules
        self.origin = origin
        by_name: dict[str, FlagSpec] = {}
        by_short: dict[str, FlagSpec] = {}
        for flag in reversed(self.flags):  # own flags win over inherited ones
            by_name[flag.name] = flag
            if flag.short:
                by_short[flag.short] = flag
        self.by_name = by_name
        self.by_short = by_short
        self.versions = None

    @property
    def key(self) -> str:
        """The spec's identity: ``kubectl/expose``, ``docker/_global`` for a root."""
        return "/".join((self.tool, *self.path)) if self.path else f"{self.tool}/_global"

    @property
    def display_name(self) -> str:
        """``kubectl expose``, or ``docker`` for a root."""
        return " ".join((self.tool, *self.path))

    @property
    def is_root(self) -> bool:
        """True for a tool's root spec (global flags)."""
        return not self.path

    def flag(self, name: str) -> FlagSpec | None:
        """Find a flag by long name, applying the command's name normalization."""
        found = self.by_name.get(name)
        if found is None and self.normalize_underscores and "_" in name:
            found = self.by_name.get(name.replace("_", "-"))
        return found

    def visible_flags(self, versions: Window | None = None) -> list[FlagSpec]:
        """Flags to offer: not hidden or deprecated, had by the clients of ``versions`` (else the spec's)."""
        from kx.catalog.history import offered_at, window

        span = versions or self.versions or window(self.tool_version)
        return [f for f in self.flags if not f.hidden and f.deprecated is None and offered_at(f, span)]

    def at(self, versions: Window) -> CommandSpec:
        """A copy that offers (``own_flags``, ``visible_flags``) only the flags of ``versions``; all parse."""
        from kx.catalog.history import offered_at

        copy = CommandSpec.__new__(CommandSpec)
        for name in CommandSpec.__slots__:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "own_flags", tuple(f for f in self.own_flags if offered_at(f, versions)))
        object.__setattr__(copy, "versions", versions)
        return copy

    def __repr__(self) -> str:
        return f"CommandSpec({self.display_name})"
