"""What each question of a session offers: its help (``?``), its completions, kubectl's TYPE spellings."""

from __future__ import annotations

import textwrap

from kx.builder.helptext import flag_label
from kx.builder.prompts import Hints, not_listed
from kx.catalog.model import LIST_REPEATS, CommandSpec, FlagSpec, PositionalSpec
from kx.check.formats import kube_resources

# Flags whose value names a local file or directory: their answers complete file names.
_PATH_FORMATS = frozenset({"kube-local-file", "kube-filename", "label-file", "env-file", "cidfile",
                           "absolute-path"})  # fmt: skip
_PATH_HINTS = frozenset({"file", "dir"})
FIRST_HINT = "Enter accepts the default or skips; < (or Ctrl-B) goes back; ? explains a question."


def flag_hints(flag: FlagSpec) -> Hints:
    """Help, completions and history key of a flag's question."""
    values = tuple(c for c in flag.choices if c) if flag.choices else ()
    paths = flag.format in _PATH_FORMATS or flag.value_hint in _PATH_HINTS
    return Hints(help=flag_help(flag), kind="flag:" + flag.name, values=values, paths=paths)


def flag_help(flag: FlagSpec) -> str:
    """``?`` on a flag: its spelling and summary, then its choices, default and how it repeats."""
    lines = [f"{flag_label(flag).strip()}: {flag.summary}"]
    if flag.choices:
        unset = "; Enter leaves it unset" if "" in flag.choices else ""
        lines.append(f"One of: {', '.join(c for c in flag.choices if c)}{unset}.")
    if flag.default not in (None, "", "[]", "false", "0") and not flag.is_bool:
        lines.append(f"Default: {flag.default}.")
    if flag.repeat in LIST_REPEATS:
        lines.append("Repeatable: one value per answer, Enter when done; < takes back the last one.")
    if flag.format in _PATH_FORMATS or flag.value_hint in _PATH_HINTS:
        lines.append("A local path: Tab completes file names on a terminal.")
    return "\n".join(line for text in lines for line in textwrap.wrap(text, 96, initial_indent="  ",
                                                                     subsequent_indent="    "))


def slot_hints(slot: PositionalSpec) -> Hints:
    """Help and history key of a positional's question."""
    help_text = f"{slot.name.upper()}: {slot.summary}" if slot.summary else slot.name.upper()
    return Hints(help=help_text, kind="positional:" + slot.name, paths=slot.value_hint in _PATH_HINTS)


def search_hints(spec: CommandSpec) -> Hints:
    """The flag search: completes the names of the flags."""
    names = tuple("--" + f.name for f in spec.visible_flags() if f.name != "help")
    return Hints(help="Type part of a flag's name or summary (e.g. port, env, --type); the matches are "
                 "offered one by one. Enter with nothing finishes.", kind="search", values=names)  # fmt: skip


def type_choices() -> list[str]:
    """The resource types kubectl expose takes, by their singular names (the list shown)."""
    return [r.singular for r in kube_resources.resources() if r.exposable]


def type_hints() -> Hints:
    """The resource type question: every spelling kubectl 1.32 accepts completes."""
    names: list[str] = []
    for r in kube_resources.resources():
        if r.exposable:
            full = [r.singular, r.plural, *r.short]
            names += full + [f"{n}.{r.group}" for n in full[:2] if r.group]
    listed = ", ".join(f"{r.singular} ({'/'.join((r.plural, *r.short))})"
                       for r in kube_resources.resources() if r.exposable)  # fmt: skip
    return Hints(help=f"What to expose: {listed}. kubectl's short names and TYPE.GROUP work too "
                 "(deploy, svc, deployment.apps).", kind="resource-type", values=tuple(names))  # fmt: skip


def resolve_type(word: str) -> str | None:
    """The listed type a spelling names (``deploy`` -> ``deployment``), None unless exposable."""
    found = kube_resources.resolve(word)
    return found.singular if found is not None and found.exposable else None


def type_problems(word: str) -> list[tuple[bool, str]]:
    """Why a TYPE answer is refused: not exposable, or unknown (with the closest spelling)."""
    found = kube_resources.resolve(word)
    if found is not None:
        return [(True, f"kubectl expose cannot expose {found.plural}: it takes "
                       f"{', '.join(type_choices())}")]  # fmt: skip
    message = not_listed(word, type_choices())
    near = kube_resources.suggest(word)
    if near and resolve_type(near) and "did you mean" not in message:
        message += f" (did you mean {near}?)"
    return [(True, message)]
