"""Unknown flags: why they are unknown (removed, misplaced, mistyped) and whether they took a value.

Each unknown flag is reported with the best explanation kx has (removed in this version, a docker
global option after the subcommand, a typo of a known flag) and a guess whether it took a value,
so that parsing can go on and later mistakes are reported too.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.parsed import LONG_EQ, LONG_SEP, SHORT_JOINED, SHORT_SEP, FlagUse
from kx.parse.suggest import closest

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec, FlagSpec, RemovedFlag
    from kx.parse.parsed import ParsedCommand
    from kx.parse.span import Word

# ParseBool spellings that read as words (1, 0, t, f are as likely a value of another kind).
TRUE_FALSE_WORDS = frozenset({"true", "false", "True", "False", "TRUE", "FALSE"})


def unknown_long(
    parsed: ParsedCommand, word: Word, name: str, eq: int, i: int, root: CommandSpec | None
) -> int:
    """Report ``--name`` that the command does not know; return the index of the next word."""
    spec = parsed.spec
    span = word.sub_span(0, 2 + len(name))
    removed = _removed(spec, root, name, None)
    local = _local_root(spec, root)
    elsewhere = local.flag(name) if local is not None else None
    if removed is not None:
        message = _removed_message(spec, removed, f"--{name}")
        parsed.add("KX106", message, span, flag_suggestion(removed.replacement))
    elif elsewhere is not None:
        parsed.add("KX104", _global_message(parsed, f"--{name}"), span)
    else:
        hits = closest(name, suggestion_names(spec))
        parsed.add("KX101", f"unknown flag --{name} for {parsed.name}{_did_you_mean(hits)}",
                   span, f"--{hits[0]}" if hits else None)  # fmt: skip
        elsewhere = spec.flag(hits[0]) if hits else None  # a typo takes a value like what it meant
    use = FlagUse(None, name, word, i - 1, LONG_EQ if eq >= 0 else LONG_SEP, False)
    parsed.uses.append(use)
    if eq >= 0:
        use.set_value(word.value[eq + 1 :], word, eq + 1)
        return i
    if _takes_value(removed, elsewhere) and _free_value(parsed, i):
        use.set_value(parsed.words[i].value, parsed.words[i])
        return i + 1
    return i


def unknown_short(parsed: ParsedCommand, word: Word, k: int, i: int, root: CommandSpec | None) -> int:
    """Report the unknown shorthand at ``word.value[k]``; the rest of its cluster is given up."""
    spec = parsed.spec
    text = word.value
    char = text[k]
    span = word.sub_span(k, k + 1)
    removed = _removed(spec, root, None, char)
    local = _local_root(spec, root)
    elsewhere = local.by_short.get(char) if local is not None else None
    where = f"-{char}" if len(text) == 2 else f"-{char} (in {text})"
    long_form = single_dash_long(spec, text) if k == 1 else None
    if removed is not None:
        parsed.add(
            "KX106", _removed_message(spec, removed, where), span, flag_suggestion(removed.replacement)
        )
    elif elsewhere is not None:
        parsed.add("KX104", _global_message(parsed, where), span)
    elif long_form is not None:
        name_span = word.sub_span(0, 1 + len(long_form.name))
        parsed.add("KX101", f"{text.split('=')[0]} is read as the short flags -"
                   f"{' -'.join(text[1:1 + len(long_form.name)])}; a long flag needs two dashes: "
                   f"--{long_form.name}", name_span, f"--{long_form.name}")  # fmt: skip
    else:
        hits = _short_suggestions(spec, char)
        parsed.add("KX101", f"unknown shorthand flag -{char} for {parsed.name}"
                   f"{' in ' + text if len(text) > 2 else ''}{_did_you_mean(hits)}",
                   span, hits[0] if len(hits) == 1 else None)  # fmt: skip
    use = FlagUse(None, char, word, i - 1, SHORT_JOINED if k + 1 < len(text) else SHORT_SEP, True)
    parsed.uses.append(use)
    if long_form is not None:
        return _single_dash_value(parsed, use, long_form, i)
    if elsewhere is None or elsewhere.no_value is not None:
        return i
    if k + 1 < len(text):
        begin = k + 2 if text[k + 1] == "=" else k + 1
        use.set_value(text[begin:], word, begin)
        return i
    if _free_value(parsed, i):
        use.set_value(parsed.words[i].value, parsed.words[i])
        return i + 1
    return i


def _single_dash_value(parsed: ParsedCommand, use: FlagUse, flag: FlagSpec, i: int) -> int:
    text = use.word.value
    if "=" in text:
        eq = text.index("=")
        use.set_value(text[eq + 1 :], use.word, eq + 1)
    elif flag.no_value is None and _free_value(parsed, i):
        use.set_value(parsed.words[i].value, parsed.words[i])
        return i + 1
    return i


def single_dash_long(spec: CommandSpec, text: str) -> FlagSpec | None:
    """The long flag meant by ``-name`` (one dash), if the word spells one exactly."""
    name = text[1:].split("=", 1)[0]
    return spec.flag(name) if len(name) > 1 else None


def _short_suggestions(spec: CommandSpec, char: str) -> list[str]:
    hits: list[str] = []
    other = char.swapcase()
    if other != char and other in spec.by_short and not spec.by_short[other].hidden:
        hits.append(f"-{other}")
    if char in spec.by_name or (other != char and other in spec.by_name):
        hits.append(f"--{char if char in spec.by_name else other}")
    return hits


_NAMES: dict[int, tuple[CommandSpec, tuple[str, ...]]] = {}


def suggestion_names(spec: CommandSpec) -> tuple[str, ...]:
    """Long names worth suggesting: not hidden, not deprecated (computed once per spec)."""
    cached = _NAMES.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    names = tuple(f.name for f in spec.flags if not f.hidden and f.deprecated is None)
    _NAMES[id(spec)] = (spec, names)
    return names


def _did_you_mean(hits: list[str]) -> str:
    if not hits:
        return ""
    shown = [h if h.startswith("-") else f"--{h}" for h in hits]
    return "; did you mean " + _OR.join(shown) + "?"


_OR = " or "


def offers_others(message: str, suggestion: str) -> bool:
    """Whether ``message`` names other candidates beside ``suggestion`` (then no fix is certain)."""
    return f"did you mean {suggestion}{_OR}" in message


def _removed(
    spec: CommandSpec, root: CommandSpec | None, name: str | None, short: str | None
) -> RemovedFlag | None:
    """A flag this command (or its tool's root) had in older versions."""
    if name is not None and spec.normalize_underscores:
        name = name.replace("_", "-")
    removed_flags = spec.removed_flags
    if root is not None and root is not spec:
        removed_flags = removed_flags + root.removed_flags
    for removed in removed_flags:
        if (name is not None and removed.name == name) or (short and removed.short == short):
            return removed
    return None


def _removed_message(spec: CommandSpec, removed: RemovedFlag, written: str) -> str:
    text = f"{written} was removed in {spec.tool} {removed.removed_in}"
    replacement = as_flag(removed.replacement) if removed.replacement else ""
    if replacement and replacement not in (removed.message or ""):  # said once
        text += f"; use {replacement} instead"
    return sentence(text, removed.message)


def sentence(text: str, more: str | None) -> str:
    """Join a generated clause and a spec-provided explanation into one message."""
    if not more:
        return text
    more = more.strip()
    return f"{text}. {more}" if more.endswith(".") else f"{text}. {more}."


def _local_root(spec: CommandSpec, root: CommandSpec | None) -> CommandSpec | None:
    """The root spec when its flags are valid only before the subcommand (docker)."""
    if root is None or root is spec or root.flag_scope != "local":
        return None
    return root


def _global_message(parsed: ParsedCommand, written: str) -> str:
    tool = parsed.spec.tool
    sub = parsed.name[len(tool) + 1 :]
    return (f"{written} is a {tool} global option: {parsed.name} does not know it; "
            f"put it before the subcommand ({tool} {written.split(' ')[0]} ... {sub})")  # fmt: skip


def as_flag(text: str) -> str:
    """``name`` as ``--name``; text that is not a bare flag name is left alone."""
    return f"--{text}" if text and text[0] != "-" and " " not in text else text


def flag_suggestion(text: str | None) -> str | None:
    """Replacement text for a flag's name span: only a bare flag name qualifies."""
    if not text or " " in text or "=" in text:
        return None
    return as_flag(text)


def _takes_value(removed: RemovedFlag | None, elsewhere: FlagSpec | None) -> bool:
    """Whether an unknown flag probably took the next word: only when kx knows what it stands for.

    ``elsewhere`` is the flag it stands for: a docker global option, or the flag a typo is closest to.
    """
    if elsewhere is not None:
        return elsewhere.no_value is None
    return removed is not None and removed.type != "bool"  # untyped removed flags took values


def _free_value(parsed: ParsedCommand, i: int) -> bool:
    """True when the word at ``i`` exists and does not look like a flag."""
    return i < len(parsed.words) and not parsed.words[i].value.startswith("-")
