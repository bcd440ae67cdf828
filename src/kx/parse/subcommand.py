"""What to say when the words after the tool name no subcommand kx has a spec for.

A real subcommand without a spec is only noted. kubectl searches for a plugin when the name is not
a command, and refuses if a flag comes first (ground-truth P3); an installed plugin is noted. An
unknown docker command is reported only after docker has parsed the remaining words with its
root flags: a flag error there comes first, and ``--help`` or ``--version`` make it exit 0.
"""

from __future__ import annotations

from kx._typing import TYPE_CHECKING
from kx.check.suggest import closest
from kx.codes import CODES
from kx.parse.argv import parse_argv
from kx.parse.parsed import TRUE_SPELLINGS
from kx.parse.problems import ParseProblem

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.parse.parsed import ParsedCommand
    from kx.parse.resolve import Resolution
    from kx.parse.span import Word
    from kx.spec.model import CommandSpec

# kubectl never looks for a plugin named like these (cobra's own commands).
_NOT_PLUGINS = frozenset({"help", "__complete", "__completeNoDesc"})
_BOOL_WORDS = frozenset({"true", "false", "True", "False", "TRUE", "FALSE"})


def report_unmatched(
    found: Resolution, names: list[Word], first_flag: Word | None, plugin_exists: Callable[[str, str], bool]
) -> None:
    """Report the first command word, which matched no spec path."""
    word = names[0]
    if word.value in found.root.subcommands:
        _add(found, "KX303", f"kx has no spec for '{found.tool} {word.value}': not checked", word)
    elif first_flag is not None and _plugin_search(names, first_flag):
        _add(found, "KX105", _plugin_message(found, word, first_flag), first_flag)
    elif plugin_exists(found.tool, word.value):
        _add(found, "KX303", f"'{found.tool} {word.value}' runs a plugin: not checked", word)
    elif found.root.flag_scope == "local":
        _unknown_local(found, names)
    else:
        _unknown(found, word)


def report_group_flag(found: Resolution, names: list[Word]) -> bool:
    """docker: a flag right after a command group (``docker container -D run``) is refused.

    The group parses it as its own flag, and groups have none, so docker stops there (help aside).
    True when reported.
    """
    word = names[1]
    text = word.value
    if word.dynamic or len(text) < 2 or text[0] != "-" or text in ("--", "-h", "--help"):
        return False
    group = names[0].value
    name = text.split("=", 1)[0]
    known = found.root.flag(name[2:]) if name.startswith("--") else found.root.by_short.get(name[1:2])
    if known is not None:
        message = f"{name} is a {found.tool} global option: put it before '{group}' (groups take no flags)"
        _add(found, "KX104", message, word)
    else:
        _add(found, "KX101", f"unknown flag {name}: '{found.tool} {group}' takes no flags", word)
    return True


def _unknown_local(found: Resolution, names: list[Word]) -> None:
    """docker: the root parses every other word (interspersed) before it rejects the command."""
    parsed = parse_argv(found.root, found.global_words + names[1:], interspersed=True)
    found.globals = parsed
    seen = {(p.code, p.start) for p in found.problems}
    found.problems.extend(p for p in parsed.problems if (p.code, p.start) not in seen)
    failed = any(CODES[p.code][1] == "error" for p in parsed.problems)
    if not failed and (parsed.help or _asks_version(parsed)):
        return  # docker prints its help or version and exits 0
    _unknown(found, names[0])


def _asks_version(parsed: ParsedCommand) -> bool:
    return any(u.flag is not None and u.flag.name == "version" and u.value in TRUE_SPELLINGS
               for u in parsed.uses)  # fmt: skip


def _plugin_search(names: list[Word], first_flag: Word) -> bool:
    """Whether kubectl would look for a plugin (and so fail on the leading flag)."""
    return first_flag.value != "--" and names[0].value not in _NOT_PLUGINS


def _plugin_message(found: Resolution, word: Word, first_flag: Word) -> str:
    flag = first_flag.value
    name = flag.split("=", 1)[0]
    known = found.root.flag(name[2:]) if name.startswith("--") else found.root.by_short.get(name[1:2])
    if known is None:
        return (f"{name} is not a {found.tool} global flag, so {found.tool} takes {word.value!r} for "
                f"a plugin name, and flags cannot be placed before a plugin name")  # fmt: skip
    return (f"{word.value!r} is not a {found.tool} command, so {found.tool} looks for a plugin of "
            f"that name, and flags ({flag}) cannot be placed before a plugin name")  # fmt: skip


def _unknown(found: Resolution, word: Word) -> None:
    boolish = word.value in _BOOL_WORDS
    hits = [] if boolish else closest(word.value, found.root.subcommands)
    message = f"unknown command {word.value!r} for {found.tool}"
    if hits:
        message += "; did you mean " + " or ".join(hits) + "?"
    _add(found, "KX302", message, word, hits[0] if hits else None)


def command_word_indices(words: list[Word], spec: CommandSpec, limit: int = 4) -> list[int]:
    """Indices of the first ``limit`` words cobra takes for subcommand names (its flag-stripping rules).

    cobra guesses that a flag without ``=`` takes the next word unless it is known to have a
    no-value default; ``--help``/``-h`` do not exist yet when it searches, so they take one too.
    A subcommand path has at most four words, so the search stops there.
    """
    out: list[int] = []
    i = 0
    count = len(words)
    while i < count and len(out) < limit:
        text = words[i].value
        i += 1
        if text == "--":
            break
        if "=" not in text and text.startswith("-"):
            if text.startswith("--"):
                flag = spec.flag(text[2:]) if text != "--help" else None
            elif len(text) == 2:
                flag = spec.by_short.get(text[1]) if text != "-h" else None
            else:
                continue
            if flag is None or flag.no_value is None:
                i += 1
            continue
        if text and not text.startswith("-"):
            out.append(i - 1)
    return out


def traverse_start(words: list[Word], spec: CommandSpec) -> int:
    """Index of the word cobra's Traverse takes for the command, skipping flags and their values."""
    in_flag = False
    for index, word in enumerate(words):
        text = word.value
        if text.startswith("--") and "=" not in text:
            flag = spec.flag(text[2:])
            in_flag = flag is None or flag.no_value is None
        elif text.startswith("-") and "=" not in text and len(text) == 2:
            flag = spec.by_short.get(text[1])
            in_flag = flag is None or flag.no_value is None
        elif in_flag:
            in_flag = False
        elif not (len(text) > 1 and text[0] == "-"):
            return index
    return len(words)


def _add(found: Resolution, code: str, message: str, word: Word, fix: str | None = None) -> None:
    found.problems.append(ParseProblem(code, message, word.start, word.end, fix))
