"""The spec model: read-only views over the validated spec dictionaries.

Plain slotted classes, not dataclasses, to keep ``kx check`` start-up small. Each object is built
from the dict form that the YAML file (and the compiled cache) holds; the dict is the source of
truth and is kept as ``raw`` so ``kx specs show`` can print exactly what was loaded.
"""

from __future__ import annotations

from kx._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# pflag types whose Set() accepts the library's boolean spellings.
BOOL_TYPES = frozenset({"bool"})
# Types whose repeated occurrences accumulate rather than replace.
LIST_REPEATS = frozenset({"append", "csv", "merge"})


# How the records set their attributes in __init__, past Frozen.__setattr__. A plain function
# call, not a method: a cold `kx check` builds some 2,000 attributes of the specs it needs.
_put = object.__setattr__


class Frozen:
    """Base for read-only records: attributes are set once in ``__init__`` (with ``_put``)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")


class Deprecation(Frozen):
    """Why a flag is deprecated and what replaces it."""

    __slots__ = ("message", "replacement", "since")
    message: str
    replacement: str | None
    since: str | None

    def __init__(self, raw: dict[str, Any]) -> None:
        _put(self, "message", raw["message"])
        _put(self, "replacement", raw.get("replacement"))
        _put(self, "since", raw.get("since"))


class FlagSpec(Frozen):
    """One flag as the client's flag library defines it."""

    __slots__ = (
        "added",
        "alias_of",
        "canonical",
        "case_sensitive",
        "choices",
        "common",
        "default",
        "default_from",
        "deprecated",
        "deprecated_in",
        "display",
        "enforced_by",
        "format",
        "hidden",
        "is_bool",
        "metavar",
        "min_api",
        "name",
        "no_value",
        "origin",
        "platform",
        "raw",
        "removed_in",
        "repeat",
        "required",
        "review",
        "short",
        "short_deprecated",
        "summary",
        "type",
        "value_hint",
    )  # fmt: skip
    raw: dict[str, Any]
    name: str
    short: str | None
    type: str
    repeat: str
    choices: tuple[str, ...] | None
    case_sensitive: bool
    enforced_by: str
    format: str | None
    default: str | None
    no_value: str | None
    required: bool
    hidden: bool
    alias_of: str | None
    deprecated: Deprecation | None
    short_deprecated: str | None
    platform: str | None
    min_api: str | None
    added: str | None
    deprecated_in: str | None
    removed_in: str | None
    value_hint: str | None
    metavar: str | None
    common: bool
    review: str | None
    summary: str
    origin: str
    default_from: str | None
    # Plain attributes rather than properties: the validator reads them for every flag occurrence.
    is_bool: bool  # a boolean switch
    canonical: str  # the name whose value this flag sets (itself, or the flag it aliases)
    display: str  # how the client names it in messages: ``-m, --memory`` or ``--name``

    def __init__(self, raw: dict[str, Any], origin: str = "") -> None:
        get = raw.get
        _put(self, "raw", raw)
        _put(self, "name", raw["name"])
        _put(self, "short", get("short"))
        _put(self, "type", raw["type"])
        _put(self, "repeat", get("repeat", "last"))
        choices = get("choices")
        _put(self, "choices", tuple(choices) if choices else None)
        _put(self, "case_sensitive", get("case_sensitive", True))
        _put(self, "enforced_by", get("enforced_by", "client"))
        _put(self, "format", get("format"))
        _put(self, "default", get("default"))
        no_value = get("no_value")
        if no_value is None and raw["type"] in BOOL_TYPES:
            no_value = "true"
        _put(self, "no_value", no_value)
        _put(self, "required", get("required", False))
        _put(self, "hidden", get("hidden", False))
        _put(self, "alias_of", get("alias_of"))
        dep = get("deprecated")
        _put(self, "deprecated", Deprecation(dep) if dep else None)
        for key in ("short_deprecated", "platform", "min_api", "added", "deprecated_in",
                    "removed_in", "value_hint", "metavar", "review", "default_from"):  # fmt: skip
            _put(self, key, get(key))
        _put(self, "common", get("common", False))
        _put(self, "summary", get("summary", ""))
        _put(self, "origin", origin)
        _put(self, "is_bool", raw["type"] in BOOL_TYPES)
        _put(self, "canonical", self.alias_of or self.name)
        shown = f"-{self.short}, --{self.name}" if self.short and not self.short_deprecated else ""
        _put(self, "display", shown or f"--{self.name}")

    @property
    def takes_value(self) -> bool:
        """True when ``--flag VALUE`` consumes the next word (no NoOptDefVal)."""
        return self.no_value is None

    def __repr__(self) -> str:
        return f"FlagSpec(--{self.name})"


class PositionalSpec(Frozen):
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
    raw: dict[str, Any]
    name: str
    required: bool
    repeat: bool
    format: str | None
    choices: tuple[str, ...] | None
    case_sensitive: bool
    enforced_by: str
    value_hint: str | None
    summary: str

    def __init__(self, raw: dict[str, Any]) -> None:
        get = raw.get
        _put(self, "raw", raw)
        _put(self, "name", raw["name"])
        _put(self, "required", get("required", False))
        _put(self, "repeat", get("repeat", False))
        _put(self, "format", get("format"))
        choices = get("choices")
        _put(self, "choices", tuple(choices) if choices else None)
        _put(self, "case_sensitive", get("case_sensitive", True))
        _put(self, "enforced_by", get("enforced_by", "client"))
        _put(self, "value_hint", get("value_hint"))
        _put(self, "summary", get("summary", ""))


class RuleSpec(Frozen):
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
    raw: dict[str, Any]
    kind: str
    flags: tuple[str, ...]
    flag: str | None
    needs: tuple[str, ...]
    of: tuple[str, ...]
    at_least_one: bool
    when: dict[str, dict[str, list[str]]]
    check: str | None
    stage: str
    severity: str
    message: str | None

    def __init__(self, raw: dict[str, Any]) -> None:
        get = raw.get
        _put(self, "raw", raw)
        _put(self, "kind", raw["kind"])
        _put(self, "flags", tuple(get("flags", ())))
        _put(self, "flag", get("flag"))
        _put(self, "needs", tuple(get("needs", ())))
        _put(self, "of", tuple(get("of", ())))
        _put(self, "at_least_one", get("at_least_one", True))
        _put(self, "when", get("when", {}))
        _put(self, "check", get("check"))
        _put(self, "stage", get("stage", "client"))
        _put(self, "severity", get("severity", "error"))
        _put(self, "message", get("message"))


class RemovedFlag(Frozen):
    """A flag older clients had; this client rejects it as unknown."""

    __slots__ = ("message", "name", "removed_in", "replacement", "short", "type")
    name: str
    type: str | None
    short: str | None
    removed_in: str
    replacement: str | None
    message: str | None

    def __init__(self, raw: dict[str, Any]) -> None:
        _put(self, "name", raw["name"])
        _put(self, "short", raw.get("short"))
        _put(self, "removed_in", raw["removed_in"])
        _put(self, "type", raw.get("type"))
        _put(self, "replacement", raw.get("replacement"))
        _put(self, "message", raw.get("message"))


class CommandSpec(Frozen):
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
    )  # fmt: skip
    raw: dict[str, Any]
    tool: str
    path: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...]
    tool_version: str
    summary: str
    synopsis: str
    interspersed: bool
    normalize_underscores: bool
    flag_scope: str
    subcommands: tuple[str, ...]
    inherits: tuple[str, ...]
    source: str | None
    positionals: tuple[PositionalSpec, ...]
    own_flags: tuple[FlagSpec, ...]
    flags: tuple[FlagSpec, ...]
    removed_flags: tuple[RemovedFlag, ...]
    rules: tuple[RuleSpec, ...]
    origin: str
    by_name: dict[str, FlagSpec]
    by_short: dict[str, FlagSpec]

    def __init__(
        self,
        raw: dict[str, Any],
        origin: str,
        inherited: tuple[FlagSpec, ...] = (),
        inherited_rules: tuple[RuleSpec, ...] = (),
    ) -> None:
        get = raw.get
        _put(self, "raw", raw)
        _put(self, "tool", raw["tool"])
        _put(self, "path", tuple(raw["path"]))
        _put(self, "aliases", tuple(tuple(a) for a in get("aliases", ())))
        _put(self, "tool_version", str(raw["tool_version"]))
        _put(self, "summary", raw.get("summary", ""))
        _put(self, "synopsis", get("synopsis", ""))
        _put(self, "interspersed", get("interspersed", True))
        _put(self, "normalize_underscores", get("normalize_underscores", False))
        _put(self, "flag_scope", get("flag_scope", "persistent"))
        _put(self, "subcommands", tuple(get("subcommands", ())))
        _put(self, "inherits", tuple(get("inherits", ())))
        _put(self, "source", get("source"))
        _put(self, "positionals", tuple(PositionalSpec(p) for p in get("positionals", ())))
        key = self.key
        own = tuple(FlagSpec(f, key) for f in raw["flags"])
        _put(self, "own_flags", own)
        own_names = {f.name for f in own}
        _put(self, "flags", own + tuple(f for f in inherited if f.name not in own_names))
        _put(self, "removed_flags", tuple(RemovedFlag(r) for r in get("removed_flags", ())))
        # Rules of inherited specs hold too: kubectl's global --as-group needs --as on every command.
        _put(self, "rules", tuple(RuleSpec(r) for r in get("rules", ())) + inherited_rules)
        _put(self, "origin", origin)
        by_name: dict[str, FlagSpec] = {}
        by_short: dict[str, FlagSpec] = {}
        for flag in reversed(self.flags):  # own flags win over inherited ones
            by_name[flag.name] = flag
            if flag.short:
                by_short[flag.short] = flag
        _put(self, "by_name", by_name)
        _put(self, "by_short", by_short)

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

    def visible_flags(self) -> list[FlagSpec]:
        """Flags a user should be offered: not hidden, not deprecated."""
        return [f for f in self.flags if not f.hidden and f.deprecated is None]

    def __repr__(self) -> str:
        return f"CommandSpec({self.display_name})"
