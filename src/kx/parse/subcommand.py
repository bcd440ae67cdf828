"""What to say when the words after the tool name match no subcommand kx has a spec for.

kx checks only the commands it has specs for. A real subcommand without a spec, a plugin, or any
other name is noted as not checked (KX303): what a plugin accepts depends on the machine, so its
words are never judged. A name one edit away from a built-in subcommand (``docker rnu``) is a
warning with the suggestion (KX302). What the client rejects before it looks for a plugin is still
an error: docker's global options before the name (parsed by the caller), and kubectl's refusal of
a flag before a plugin name (ground-truth P3).
"""

from __future__ import annotations

from kx.core.findings import Finding
from kx.core.gorules.strconv import TRUE_WORDS
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.plugins import KNOWN_PLUGINS
from kx.parse.suggest import distance
from kx.parse.unknown import TRUE_FALSE_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from kx.catalog.model import CommandSpec
    from kx.parse.parsed import FlagUse
    from kx.parse.resolution import Resolution
    from kx.parse.span import Word

# kubectl never looks for a plugin named like these (cobra's own commands).
_NOT_PLUGINS = frozenset({"help", "__complete", "__completeNoDesc"})


def report_unmatched(
    found: Resolution, names: list[Word], first_flag: Word | None, plugin_exists: Callable[[str, str], bool],
    sub: Word | None = None,
) -> None:
    """Report the first command word, which matched no spec path (``sub``: the word after a group)."""
    word = names[0]
    path = word.value
    if sub is not None and not sub.dynamic and not sub.value.startswith("-"):
        path += f" {sub.value}"
    name = f"'{found.tool} {path}'"
    if word.value in found.root.subcommands:
        _add(found, "KX303", f"kx has no spec for {name}: not checked", word)
    elif first_flag is not None and _plugin_search(names, first_flag):
        _add(found, "KX105", _plugin_message(found, word, first_flag), first_flag)
    elif _shows_help_or_version(found):
        return  # docker prints its help or version and exits before it looks for the command
    elif plugin_exists(found.tool, word.value):
        _add(found, "KX303", f"{name} runs a plugin: not checked", word)
    else:
        _not_built_in(found, word)


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


def _shows_help_or_version(found: Resolution) -> bool:
    """docker: ``--help`` or ``--version`` among the global options before the command."""
    parsed = found.globals
    if parsed is None or found.root.flag_scope != "local":
        return False
    return parsed.help or any(u.flag is not None and u.flag.name == "version" and u.value in TRUE_WORDS
                              for u in parsed.uses)  # fmt: skip


def _plugin_search(names: list[Word], first_flag: Word) -> bool:
    """Whether kubectl would look for a plugin (and so fail on the leading flag)."""
    return first_flag.value != "--" and names[0].value not in _NOT_PLUGINS


def _plugin_message(found: Resolution, word: Word, first_flag: Word) -> str:
    flag = first_flag.value
    name = flag.split("=", 1)[0]
    known = found.root.flag(name[2:]) if name.startswith("--") else found.root.by_short.get(name[1:2])
    if known is None and not _removed(found.root, name):
        return (f"{name} is not a {found.tool} global flag, so {found.tool} takes {word.value!r} for "
                f"a plugin name, and flags cannot be placed before a plugin name")  # fmt: skip
    return (f"{word.value!r} is not a {found.tool} command, so {found.tool} looks for a plugin of "
            f"that name, and flags ({flag}) cannot be placed before a plugin name")  # fmt: skip


def _not_built_in(found: Resolution, word: Word) -> None:
    """A name the tool does not have: a likely typo warns, anything else may be a plugin."""
    eaten = _eaten_command(found, word)
    if eaten is not None:
        flag = eaten.word.value
        message = (f"{word.value!r} is not a {found.tool} command: {flag} took {eaten.value!r} as its value, "
                   f"so {word.value!r} became the command (is {flag} missing its value?)")  # fmt: skip
        _add(found, "KX302", message, word)
        return
    hits = near_misses(found.tool, word.value, found.root.subcommands)
    if hits:
        message = (f"{word.value!r} is not a {found.tool} command; did you mean {' or '.join(hits)}? "
                   f"(if it is a plugin, it was not checked)")  # fmt: skip
        _add(found, "KX302", message, word, hits[0] if len(hits) == 1 else None)
    else:
        tool = found.tool
        message = f"'{tool} {word.value}' is not a built-in {tool} command (a plugin?): not checked"
        _add(found, "KX303", message, word)


def _eaten_command(found: Resolution, word: Word) -> FlagUse | None:
    """docker: the global option before ``word`` whose value is a built-in command name.

    In ``docker -H run nginx`` the host took ``run``, so ``nginx`` became the command.
    """
    parsed = found.globals
    if parsed is None or not parsed.uses or found.root.flag_scope != "local":
        return None
    last = parsed.uses[-1]
    value = last.value_word
    if value is None or value is last.word or value.end > word.start or value.dynamic:
        return None
    return last if last.value in found.root.subcommands else None


def near_misses(tool: str, name: str, commands: Sequence[str]) -> list[str]:
    """The built-in subcommands ``name`` is one edit away from, when it looks like a typo of them.

    Plugin names are often a built-in name with a letter more (``buildx``, ``ktop``, ``iexec``):
    those and the well-known plugins are not typos. Words that are true/false are values.
    """
    if len(name) < 2 or name in TRUE_FALSE_WORDS or name in KNOWN_PLUGINS.get(tool, ()):
        return []
    cached = _NEAR.get((tool, name))
    if cached is not None and cached[0] is commands:  # a script runs the same plugin many times
        return cached[1]
    typed = name.lower()
    hits = [command for command in commands
            if typed[1:] != command and (typed == command or distance(typed, command, 1) <= 1)]  # fmt: skip
    if len(_NEAR) >= 4096:
        _NEAR.clear()
    _NEAR[(tool, name)] = (commands, hits)
    return hits


_NEAR: dict[tuple[str, str], tuple[Sequence[str], list[str]]] = {}


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
            if flag is None:
                if not _removed_switch(spec, text):  # cobra's guess for an unknown flag: it takes one
                    i += 1
            elif flag.no_value is None:
                i += 1
            continue
        if text and not text.startswith("-"):
            out.append(i - 1)
    return out


def _removed_switch(spec: CommandSpec, text: str) -> bool:
    """Whether ``text`` is a boolean flag older clients had (``--logtostderr``): it took no value.

    The clients that still have it find the subcommand after it; the newer ones fail either way,
    and the command's parser then names the version that removed it (KX106).
    """
    return _removed(spec, text, "bool")


def _removed(spec: CommandSpec, text: str, kind: str | None = None) -> bool:
    """Whether ``text`` (``--name`` or ``-x``) is a flag older clients had (of type ``kind``)."""
    name, short = (text[2:], None) if text.startswith("--") else (None, text[1:2])
    return any(
        (kind is None or removed.type == kind)
        and (removed.name == name or (short is not None and removed.short == short))
        for removed in spec.removed_flags
    )


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
    found.problems.append(Finding(code, message, word.start, word.end, fix))
