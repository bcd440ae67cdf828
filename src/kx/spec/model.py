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


class Frozen:
    """Base for read-only records: attributes are set once in ``__init__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)


class Deprecation(Frozen):
    """Why a flag is deprecated and what replaces it."""

    __slots__ = ("message", "replacement", "since")
    message: str
    replacement: str | None
    since: str | None

    def __init__(self, raw: dict[str, Any]) -> None:
        self._set("message", raw["message"])
        self._set("replacement", raw.get("replacement"))
        self._set("since", raw.get("since"))


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
        self._set("raw", raw)
        self._set("name", raw["name"])
        self._set("short", get("short"))
        self._set("type", raw["type"])
        self._set("repeat", get("repeat", "last"))
        choices = get("choices")
        self._set("choices", tuple(choices) if choices else None)
        self._set("case_sensitive", get("case_sensitive", True))
        self._set("enforced_by", get("enforced_by", "client"))
        self._set("format", get("format"))
        self._set("default", get("default"))
        no_value = get("no_value")
        if no_value is None and raw["type"] in BOOL_TYPES:
            no_value = "true"
        self._set("no_value", no_value)
        self._set("required", get("required", False))
        self._set("hidden", get("hidden", False))
        self._set("alias_of", get("alias_of"))
        dep = get("deprecated")
        self._set("deprecated", Deprecation(dep) if dep else None)
        for key in ("short_deprecated", "platform", "min_api", "added", "deprecated_in",
                    "removed_in", "value_hint", "metavar", "review", "default_from"):  # fmt: skip
            self._set(key, get(key))
        self._set("common", get("common", False))
        self._set("summary", get("summary", ""))
        self._set("origin", origin)
        self._set("is_bool", raw["type"] in BOOL_TYPES)
        self._set("canonical", self.alias_of or self.name)
        shown = f"-{self.short}, --{self.name}" if self.short and not self.short_deprecated else ""
        self._set("display", shown or f"--{self.name}")

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
        self._set("raw", raw)
        self._set("name", raw["name"])
        self._set("required", get("required", False))
        self._set("repeat", get("repeat", False))
        self._set("format", get("format"))
        choices = get("choices")
        self._set("choices", tuple(choices) if choices else None)
        self._set("case_sensitive", get("case_sensitive", True))
        self._set("enforced_by", get("enforced_by", "client"))
        self._set("value_hint", get("value_hint"))
        self._set("summary", get("summary", ""))


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
        self._set("raw", raw)
        self._set("kind", raw["kind"])
        self._set("flags", tuple(get("flags", ())))
        self._set("flag", get("flag"))
        self._set("needs", tuple(get("needs", ())))
        self._set("of", tuple(get("of", ())))
        self._set("at_least_one", get("at_least_one", True))
        self._set("when", get("when", {}))
        self._set("check", get("check"))
        self._set("stage", get("stage", "client"))
        self._set("severity", get("severity", "error"))
        self._set("message", get("message"))


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
        self._set("name", raw["name"])
        self._set("short", raw.get("short"))
        self._set("removed_in", raw["removed_in"])
        self._set("type", raw.get("type"))
        self._set("replacement", raw.get("replacement"))
        self._set("message", raw.get("message"))


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
        self._set("raw", raw)
        self._set("tool", raw["tool"])
        self._set("path", tuple(raw["path"]))
        self._set("aliases", tuple(tuple(a) for a in get("aliases", ())))
        self._set("tool_version", str(raw["tool_version"]))
        self._set("summary", raw.get("summary", ""))
        self._set("synopsis", get("synopsis", ""))
        self._set("interspersed", get("interspersed", True))
        self._set("normalize_underscores", get("normalize_underscores", False))
        self._set("flag_scope", get("flag_scope", "persistent"))
        self._set("subcommands", tuple(get("subcommands", ())))
        self._set("inherits", tuple(get("inherits", ())))
        self._set("source", get("source"))
        self._set("positionals", tuple(PositionalSpec(p) for p in get("positionals", ())))
        key = self.key
        own = tuple(FlagSpec(f, key) for f in raw["flags"])
        self._set("own_flags", own)
        own_names = {f.name for f in own}
        self._set("flags", own + tuple(f for f in inherited if f.name not in own_names))
        self._set("removed_flags", tuple(RemovedFlag(r) for r in get("removed_flags", ())))
        # Rules of inherited specs hold too: kubectl's global --as-group needs --as on every command.
        self._set("rules", tuple(RuleSpec(r) for r in get("rules", ())) + inherited_rules)
        self._set("origin", origin)
        by_name: dict[str, FlagSpec] = {}
        by_short: dict[str, FlagSpec] = {}
        for flag in reversed(self.flags):  # own flags win over inherited ones
            by_name[flag.name] = flag
            if flag.short:
                by_short[flag.short] = flag
        self._set("by_name", by_name)
        self._set("by_short", by_short)

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
