"""The spec model's flags: a flag as the client defines it, its deprecation, and flags now removed.

Plain slotted classes with ``Final`` attributes, like the rest of the model (see ``model.py``).
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final

# pflag types whose Set() accepts the library's boolean spellings.
BOOL_TYPES = frozenset({"bool"})
# Repeat modes whose occurrences accumulate rather than replace.
LIST_REPEATS = frozenset({"append", "csv", "merge"})


class Deprecation:
    """Why a flag is deprecated and what replaces it."""

    __slots__ = ("message", "replacement", "since")
    message: Final[str]
    replacement: Final[str | None]
    since: Final[str | None]

    def __init__(self, raw: dict[str, Any]) -> None:
        self.message = raw["message"]
        self.replacement = raw.get("replacement")
        self.since = raw.get("since")


class FlagSpec:
    """One flag as the client's flag library defines it."""

    __slots__ = (
        "added",
        "alias_of",
        "canonical",
        "case_sensitive",
        "choices",
        "common",
        "dated",
        "default",
        "default_from",
        "deprecated",
        "deprecated_in",
        "deprecated_message",
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
        "short_added",
        "short_deprecated",
        "sources",
        "summary",
        "type",
        "undeprecated_in",
        "value_hint",
    )  # fmt: skip
    raw: Final[dict[str, Any]]
    name: Final[str]
    short: Final[str | None]
    type: Final[str]
    repeat: Final[str]
    choices: Final[tuple[str, ...] | None]
    case_sensitive: Final[bool]
    enforced_by: Final[str]
    format: Final[str | None]
    default: Final[str | None]
    no_value: Final[str | None]
    required: Final[bool]
    hidden: Final[bool]
    alias_of: Final[str | None]
    deprecated: Final[Deprecation | None]
    short_deprecated: Final[str | None]
    platform: Final[str | None]
    min_api: Final[str | None]
    added: Final[str | None]
    deprecated_in: Final[str | None]
    removed_in: Final[str | None]
    undeprecated_in: Final[str | None]
    deprecated_message: Final[str | None]
    short_added: Final[str | None]
    sources: Final[dict[str, str]]
    value_hint: Final[str | None]
    metavar: Final[str | None]
    common: Final[bool]
    review: Final[str | None]
    summary: Final[str]
    origin: Final[str]
    default_from: Final[str | None]
    # Plain attributes rather than properties: the validator reads them for every flag occurrence.
    is_bool: Final[bool]  # a boolean switch
    dated: Final[bool]  # its history has a version: a target can change its verdict
    canonical: Final[str]  # the name whose value this flag sets (itself, or the flag it aliases)
    display: Final[str]  # how the client names it in messages: ``-m, --memory`` or ``--name``

    def __init__(self, raw: dict[str, Any], origin: str = "") -> None:
        get = raw.get
        self.raw = raw
        self.name = raw["name"]
        self.short = get("short")
        self.type = raw["type"]
        self.repeat = get("repeat", "last")
        choices = get("choices")
        self.choices = tuple(choices) if choices else None
        self.case_sensitive = get("case_sensitive", True)
        self.enforced_by = get("enforced_by", "client")
        self.format = get("format")
        self.default = get("default")
        no_value = get("no_value")
        if no_value is None and raw["type"] in BOOL_TYPES:
            no_value = "true"
        self.no_value = no_value
        self.required = get("required", False)
        self.hidden = get("hidden", False)
        self.alias_of = get("alias_of")
        dep = get("deprecated")
        self.deprecated = Deprecation(dep) if dep else None
        self.short_deprecated = get("short_deprecated")
        self.platform = get("platform")
        self.min_api = get("min_api")
        self.added = get("added")
        self.deprecated_in = get("deprecated_in")
        self.removed_in = get("removed_in")
        self.undeprecated_in = get("undeprecated_in")
        self.deprecated_message = get("deprecated_message")
        self.short_added = get("short_added")
        self.dated = bool(self.added or self.deprecated_in or self.removed_in or self.short_added)
        self.sources = get("sources") or {}
        self.value_hint = get("value_hint")
        self.metavar = get("metavar")
        self.review = get("review")
        self.default_from = get("default_from")
        self.common = get("common", False)
        self.summary = get("summary", "")
        self.origin = origin
        self.is_bool = raw["type"] in BOOL_TYPES
        self.canonical = self.alias_of or self.name
        shown = f"-{self.short}, --{self.name}" if self.short and not self.short_deprecated else ""
        self.display = shown or f"--{self.name}"

    @property
    def takes_value(self) -> bool:
        """True when ``--flag VALUE`` consumes the next word (no NoOptDefVal)."""
        return self.no_value is None

    @property
    def history(self) -> list[dict[str, str]]:
        """The flag's version history, oldest first (``kx.catalog.history``)."""
        from kx.catalog.history import history

        return history(self)

    def __repr__(self) -> str:
        return f"FlagSpec(--{self.name})"


class RemovedFlag:
    """A flag older clients had; this client rejects it as unknown."""

    __slots__ = (
        "added",
        "deprecated_in",
        "deprecated_message",
        "message",
        "name",
        "removed_in",
        "replacement",
        "short",
        "sources",
        "type",
    )  # fmt: skip
    name: Final[str]
    added: Final[str | None]
    deprecated_in: Final[str | None]
    deprecated_message: Final[str | None]
    sources: Final[dict[str, str]]
    type: Final[str | None]
    short: Final[str | None]
    removed_in: Final[str]
    replacement: Final[str | None]
    message: Final[str | None]

    def __init__(self, raw: dict[str, Any]) -> None:
        self.name = raw["name"]
        self.short = raw.get("short")
        self.removed_in = raw["removed_in"]
        self.type = raw.get("type")
        self.replacement = raw.get("replacement")
        self.message = raw.get("message")
        self.added = raw.get("added")
        self.deprecated_in = raw.get("deprecated_in")
        self.deprecated_message = raw.get("deprecated_message")
        self.sources = raw.get("sources") or {}

    @property
    def history(self) -> list[dict[str, str]]:
        """The flag's version history, oldest first (``kx.catalog.history``)."""
        from kx.catalog.history import history

        return history(self)
