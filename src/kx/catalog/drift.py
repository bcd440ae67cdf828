"""Compare a loaded spec with the flag table the installed client prints (``kx specs diff``).

Only what help shows can be compared: names, shorthands and, for docker, the type word. Hidden and
deprecated flags are absent from help by design, so the spec's visible flags are compared with the
client's listed ones, both ways; a flag the spec hides but the client lists is a change.
"""

from __future__ import annotations

from kx.catalog import clienthelp, helptext
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.helptext import HelpFlag
    from kx.catalog.model import CommandSpec, FlagSpec

MISSING = "missing"  # the client has it, the spec does not
EXTRA = "extra"  # the spec has it, the client does not list it
CHANGED = "changed"  # both have it, but they disagree


class FlagDrift:
    """One difference between a spec and the client's help."""

    __slots__ = ("detail", "kind", "name")

    def __init__(self, kind: str, name: str, detail: str) -> None:
        self.kind = kind
        self.name = name
        self.detail = detail

    def key(self) -> tuple[str, str, str]:
        """(kind, name, detail), for sorting and tests."""
        return (self.kind, self.name, self.detail)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FlagDrift) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __str__(self) -> str:
        sign = {MISSING: "-", EXTRA: "+", CHANGED: "~"}[self.kind]
        return f"{sign} --{self.name}: {self.detail}"

    def __repr__(self) -> str:
        return f"FlagDrift{self.key()!r}"


def listed_flags(spec: CommandSpec) -> list[FlagSpec]:
    """The spec's own flags that the client's help should list."""
    from kx.catalog.history import version_key

    unlisted = clienthelp.UNLISTED.get(spec.tool, frozenset())
    now = version_key(spec.tool_version)
    return [
        f for f in spec.own_flags
        if not f.hidden and f.deprecated is None and f.name not in unlisted
        and (f.added is None or version_key(f.added) <= now)  # a later client's flag (kubectl --kuberc)
    ]  # fmt: skip


def compare(spec: CommandSpec, rows: list[HelpFlag], kubectl_layout: bool) -> list[FlagDrift]:
    """Differences between a spec's own flags and parsed help rows, sorted by flag name."""
    expected = {f.name: f for f in listed_flags(spec)}
    every = {f.name: f for f in spec.own_flags}
    found: list[FlagDrift] = []
    for row in rows:
        flag = expected.get(row.name)
        if flag is not None:
            found.extend(_changes(flag, row, kubectl_layout))
        elif row.name in every:
            found.append(FlagDrift(CHANGED, row.name, "the client lists it; the spec hides or deprecates it"))
        else:
            found.append(FlagDrift(MISSING, row.name, f"not in the spec ({_describe(row)})"))
    shown = {row.name for row in rows}
    found.extend(
        FlagDrift(EXTRA, name, "the client does not list it") for name in expected if name not in shown
    )
    return sorted(found, key=lambda d: (d.name, d.kind))


def _changes(flag: FlagSpec, row: HelpFlag, kubectl_layout: bool) -> list[FlagDrift]:
    found = []
    short = None if (flag.short_deprecated and not kubectl_layout) else flag.short
    if short != row.short:
        detail = f"shorthand: spec {_short(short)}, client {_short(row.short)}"
        found.append(FlagDrift(CHANGED, flag.name, detail))
    if flag.type == "external":  # a type kx does not model: nothing to compare
        return found
    word = clienthelp.help_word(kubectl_layout, flag.type)
    if row.type_word != word and not (kubectl_layout and row.type_word is None and word is None):
        detail = f"type: spec {flag.type} (shown as {word!r}), client {row.type_word!r}"
        found.append(FlagDrift(CHANGED, flag.name, detail))
    return found


def _short(short: str | None) -> str:
    return f"-{short}" if short else "none"


def _describe(row: HelpFlag) -> str:
    short = f"-{row.short}, " if row.short else ""
    word = f" {row.type_word}" if row.type_word else ""
    return f"{short}--{row.name}{word}"


def diff_text(spec: CommandSpec, text: str) -> list[FlagDrift]:
    """Differences between a spec and a captured help text of its command."""
    rows = clienthelp.table(text, spec.is_root)
    section = helptext.sections(text)
    lines = section.get("Global Options" if spec.is_root else "Options", [])
    kubectl_layout = helptext.is_kubectl_layout(lines or text.splitlines())
    return compare(spec, rows, kubectl_layout)


def diff_installed(spec: CommandSpec) -> list[FlagDrift]:
    """Differences between a spec and the installed client (``ClientError`` if it is missing)."""
    return diff_text(spec, clienthelp.run_help(spec.tool, spec.path))


def report_lines(spec: CommandSpec, drift: list[FlagDrift]) -> list[str]:
    """Human-readable lines for one command's drift (empty when it matches)."""
    if not drift:
        return []
    return [f"{spec.display_name}:", *(f"  {item}" for item in drift)]
