"""Parse a command's words with pflag/cobra semantics, recording every problem instead of stopping.

The rules are those of spf13/pflag (ground-truth §1): ``--f=v``, ``--f v``, ``-f v``, ``-fv``,
``-f=v``; in a short cluster the first flag that takes a value eats the rest of the cluster; a flag
with a no-value default (bools, kubectl ``--dry-run``) never takes the next word; ``--`` ends the
flags; a lone ``-`` is positional; a non-interspersed command (docker run) stops at its first
positional. Unlike pflag, parsing goes on after an unknown flag so that every mistake is reported.
"""

from __future__ import annotations

from kx.core.gorules.strconv import TRUE_WORDS
from kx.core.typecheck import TYPE_CHECKING
from kx.parse import hints, unknown
from kx.parse.parsed import (
    DYNAMIC,
    LONG_BARE,
    LONG_EQ,
    LONG_SEP,
    SHORT_BARE,
    SHORT_EQ,
    SHORT_JOINED,
    SHORT_SEP,
    FlagUse,
    ParsedCommand,
)

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec, FlagSpec
    from kx.parse.span import Word

__all__ = ["FlagUse", "ParsedCommand", "parse_argv"]


def parse_argv(
    spec: CommandSpec,
    words: list[Word],
    *,
    root: CommandSpec | None = None,
    interspersed: bool | None = None,
    name: str | None = None,
) -> ParsedCommand:
    """Parse ``words`` (the words after the command path) as the client would.

    ``root`` is the tool's root spec: its removed flags are recognized too, and when its flags are
    root-local (docker) a global option used after the subcommand is reported as misplaced.
    ``name``: the command as written, when it is not the spec's own name (an alias).
    """
    parsed = ParsedCommand(spec, words)
    parsed.written = name
    mixed = spec.interspersed if interspersed is None else interspersed
    count = len(words)
    named = False  # the only dynamic word is the operand, and it surely names one image ("$IMAGE")
    i = 0
    while i < count:
        word = words[i]
        text = word.value
        i += 1
        if len(text) < 2 or text[0] != "-" or word.dyn_at < 1:
            parsed.positionals.append(word)
            if word.dynamic:
                named = not mixed and not parsed.uncertain and hints.names_one_image(word)
                parsed.uncertain = True
            if not mixed:
                parsed.stop = i - 1
                parsed.positionals.extend(words[i:])
                break
        elif text[1] != "-":
            i = _short(parsed, word, i, root)
        elif len(text) == 2 and word.dyn_at >= 2:
            parsed.dash = len(parsed.positionals)
            parsed.positionals.extend(words[i:])
            break
        else:
            i = _long(parsed, word, i, root)
    if not mixed and not spec.is_root and parsed.stop is not None and (named or not parsed.uncertain):
        hints.flags_after_operand(parsed)
    return parsed


def _dynamic_flag(parsed: ParsedCommand, word: Word, name: str, index: int) -> None:
    parsed.uses.append(FlagUse(None, name, word, index, DYNAMIC, len(name) == 1))
    parsed.uncertain = True


def _long(parsed: ParsedCommand, word: Word, i: int, root: CommandSpec | None) -> int:
    text = word.value
    if word.dyn_at < 3:  # the name itself comes from an expansion (also a "--" half dynamic)
        _dynamic_flag(parsed, word, text[2:], i - 1)
        return i
    if text[2] in "-=":
        parsed.add("KX103", f"malformed flag {text!r}: a long flag name cannot start with "
                   f"{text[2]!r}", (word.start, word.end))  # fmt: skip
        return i
    eq = text.find("=", 2)
    name = text[2:] if eq < 0 else text[2:eq]
    if word.dyn_at < 2 + len(name) + (eq >= 0):
        _dynamic_flag(parsed, word, text.lstrip("-"), i - 1)
        return i
    spec = parsed.spec
    flag = spec.by_name.get(name) or spec.flag(name)  # the plain lookup first: most names are exact
    if flag is None:
        if name == "help" and "help" not in parsed.spec.by_name:
            parsed.help = True
            return i
        return unknown.unknown_long(parsed, word, name, eq, i, root)
    if eq >= 0:
        use = FlagUse(flag, name, word, i - 1, LONG_EQ, False, text[eq + 1 :], word, eq + 1)
    elif flag.no_value is not None:
        use = FlagUse(flag, name, word, i - 1, LONG_BARE, False, flag.no_value)
    else:
        use, i = _separate(parsed, flag, name, word, i, LONG_SEP, False)
    _record(parsed, use, flag, i)
    return i


def _short(parsed: ParsedCommand, word: Word, i: int, root: CommandSpec | None) -> int:
    text = word.value
    size = len(text)
    by_short = parsed.spec.by_short
    k = 1
    while k < size:
        at = k
        if word.dyn_at <= k:
            _dynamic_flag(parsed, word, text[k:], i - 1)
            return i
        char = text[k]
        if char == "t" and text.startswith("test.", k):
            return i  # pflag silently drops the rest of a cluster that reads "test." (Go test flags)
        flag = by_short.get(char)
        if flag is None:
            if char == "h" and "help" not in parsed.spec.by_name:
                parsed.help = True
                k += 1
                continue
            return unknown.unknown_short(parsed, word, k, i, root)
        if size - k > 2 and text[k + 1] == "=":
            use = FlagUse(flag, char, word, i - 1, SHORT_EQ, True, text[k + 2 :], word, k + 2)
            k = size
        elif flag.no_value is not None:
            use = FlagUse(flag, char, word, i - 1, SHORT_BARE, True, flag.no_value)
            k += 1
        elif size - k > 1:
            use = FlagUse(flag, char, word, i - 1, SHORT_JOINED, True, text[k + 1 :], word, k + 1)
            if k == 1:
                hints.check_joined_long_name(parsed, use)
            k = size
        else:
            use, i = _separate(parsed, flag, char, word, i, SHORT_SEP, True)
            k = size
        _record(parsed, use, flag, i if k >= size else -1, at)
    return i


def _separate(
    parsed: ParsedCommand, flag: FlagSpec, name: str, word: Word, i: int, form: str, short: bool
) -> tuple[FlagUse, int]:
    """The use of a flag whose value is the next word (pflag takes it whatever it looks like)."""
    words = parsed.words
    if i < len(words):
        value_word = words[i]
        value = value_word.value
        use = FlagUse(flag, name, word, i - 1, form, short, value, value_word)
        if value[:1] == "-":
            hints.check_taken_value(parsed, use)
        return use, i + 1
    use = FlagUse(flag, name, word, i - 1, form, short)
    _missing_value(parsed, use)
    return use, i


def _missing_value(parsed: ParsedCommand, use: FlagUse) -> None:
    label = f"--{use.name}" if not use.short else f"'{use.name}' in -{use.word.value[-1:]}"
    parsed.add("KX102", f"{use.display} needs a value, but nothing follows it ({label})",
               use.word.sub_span(0))  # fmt: skip


def _record(parsed: ParsedCommand, use: FlagUse, flag: FlagSpec, next_index: int, at: int = 0) -> None:
    """Keep the use; note deprecations, help, and a bare flag followed by a would-be value."""
    parsed.uses.append(use)
    if flag.deprecated is not None or (use.short and flag.short_deprecated):
        hints.check_deprecated(parsed, use, at)
    if use.value_word is None and next_index >= 0 and flag.no_value is not None:
        hints.check_bool_then_word(parsed, use, next_index)
    if flag.name == "help" and use.value in TRUE_WORDS:
        parsed.help = True
