"""Stepping over commands that run another command (``sudo``, ``env``, ``xargs``, ``sh -c``...).

Every caller that decides which command a line runs (``kx check``, ``kx lint``, ``kx exec``)
goes through ``unwrap``, with the one table of ``kx.parse.wrapper_table``.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.span import Word
from kx.parse.wrapper_table import (
    BUILTIN,
    BUILTIN_RUNNERS,
    BUNDLE,
    BUNDLED,
    KEYWORDS,
    SHELL,
    WATCH,
    WRAPPERS,
    XARGS,
    Wrapper,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


class Unwrapped:
    """Where the command behind the wrappers starts, and what the wrappers do to its words.

    ``index``: the command word; ``tail``: more words of unknown value are appended (``xargs``);
    ``replace``: the string ``xargs -I`` replaces in the words; ``script``: the command is this
    one word, a string for ``sh -c`` (``watch 'docker ps'``, ``flock FILE -c '...'``).
    """

    __slots__ = ("index", "replace", "script", "tail")

    def __init__(self, index: int) -> None:
        self.index = index
        self.tail = False
        self.replace: str | None = None
        self.script: Word | None = None


def is_assignment(text: str) -> bool:
    """True for a shell assignment word: ``NAME=``, ``NAME+=``, ``NAME[i]=`` (no ``re``)."""
    eq = text.find("=")
    if eq <= 0:
        return False
    name = text[:eq].removesuffix("+")
    if name.endswith("]") and "[" in name:
        name = name[: name.index("[")]
    return name.isidentifier() and name.isascii()


def plain_head(word: Word) -> bool:
    """True when ``word`` names the command itself: no wrapper, reserved word or assignment."""
    text = word.value
    if word.dynamic or "=" in text or "/" in text:
        return False
    return text not in WRAPPERS and text not in KEYWORDS


def unwrap(words: Sequence[Word]) -> Unwrapped | None:
    """Step over assignments, reserved words and wrappers; None when no command would run."""
    found = Unwrapped(0)
    i, count = 0, len(words)
    while i < count:
        word = words[i]
        text = word.value
        if word.dynamic and not word.known_upto(1):
            found.index = i
            return found
        if text in KEYWORDS or is_assignment(text):
            i += 1
            continue
        wrapper = WRAPPERS.get(text.rsplit("/", 1)[-1]) if not word.dynamic else None
        if wrapper is None:
            found.index = i
            return found
        after = _skip_options(words, i + 1, wrapper, found)
        if after is None or after >= count:
            return None
        if wrapper.kind == BUILTIN and words[after].value not in BUILTIN_RUNNERS:
            return None  # `builtin docker` fails: docker is no builtin
        if wrapper.kind == BUNDLE and words[after].value not in BUNDLED:
            return None  # `k3s server`, `microk8s status`: the distribution's own commands
        if found.script is not None:
            return found
        i = after
    return None


def command_words(words: Sequence[Word]) -> list[Word] | None:
    """The words of the command the wrappers run, from its name on, with what they add to it.

    ``xargs docker rm`` gets an unknown last word (the input); ``xargs -I{} docker rm {}`` has
    ``{}`` unknown. None when nothing runs, or the command is a string (see ``Unwrapped``).
    """
    if words and plain_head(words[0]):  # the common case, a line that starts with the tool
        return list(words)
    found = unwrap(words)
    if found is None or found.script is not None:
        return None
    out = list(words[found.index :])
    if found.replace:
        out = mark_replaced(out, found.replace)
    elif found.tail:
        last = out[-1]
        out.append(Word("", last.end, last.end, True, False, 0))
    return out


def mark_replaced(words: list[Word], mark: str | None) -> list[Word]:
    """The words with what ``xargs -I MARK`` replaces unknown (in a script it runs too)."""
    return [_replaced(word, mark) for word in words] if mark else words


def _replaced(word: Word, mark: str) -> Word:
    """``word`` with the input ``xargs -I`` puts in place of ``mark`` unknown from there on."""
    at = word.value.find(mark)
    if at < 0 or not word.known_upto(at):
        return word
    return Word(word.value, word.start, word.end, True, word.literal, at)


def _skip_options(words: Sequence[Word], i: int, wrapper: Wrapper, found: Unwrapped) -> int | None:
    """Step over a wrapper's options, assignments and operands; None if it runs no command."""
    count = len(words)
    exec_mode = script_flag = False
    while i < count:
        text = words[i].value
        if text == "--":
            i += 1
            break
        if text == "-":  # env -: same as -i
            i += 1
            continue
        if len(text) < 2 or text[0] != "-":
            break
        if text[1] == "-":
            name, eq, given = text[2:].partition("=")
            if name in wrapper.long_not_running:
                return None
            takes = name in wrapper.long_args
            i += 2 if takes and not eq else 1
            exec_mode |= name == "exec"
            _xargs_replace(wrapper, found, name == "replace", given if eq else "{}")
            continue
        letter, value = _short(text, wrapper)
        if letter == "!":
            return None
        letters = text[1 : len(text) - len(value)] if value else text[1:]  # not a glued value
        exec_mode |= wrapper.kind == WATCH and "x" in letters
        script_flag |= "c" in letters
        if value is None:
            i += 2
            value = words[i - 1].value if i - 1 < count else ""
        else:
            i += 1
        _xargs_replace(wrapper, found, letter == "I", value)
        _xargs_replace(wrapper, found, "i" in letters and letter != "I", letters[letters.find("i") + 1 :])
    while wrapper.assignments and i < count and is_assignment(words[i].value):
        i += 1
    i += wrapper.operands
    if wrapper.string_flag and i + 1 < count and words[i].value in wrapper.string_flag:
        found.script = words[i + 1]
        found.index = i + 1
        return i + 1
    if wrapper.kind == SHELL:
        if not script_flag or i >= count:
            return None
        found.script = words[i]
        found.index = i
    elif wrapper.kind == XARGS:
        found.tail = found.replace is None
    elif wrapper.kind == WATCH and not exec_mode and i == count - 1 and " " in words[i].value:
        found.script = words[i]
        found.index = i
    return i


def _short(text: str, wrapper: Wrapper) -> tuple[str, str | None]:
    """Read a short-option cluster: (the letter taking a value or "!" for not running, its value).

    The value is None when it is the next word, "" when no letter takes one.
    """
    for k in range(1, len(text)):
        letter = text[k]
        if letter in wrapper.not_running:
            return "!", ""
        if letter in wrapper.short_args:
            rest = text[k + 1 :]
            return letter, rest if rest else None
    return "", ""


def _xargs_replace(wrapper: Wrapper, found: Unwrapped, given: bool, value: str) -> None:
    if given and wrapper.kind == XARGS:
        found.replace = value or "{}"


def script_span(source: str, word: Word) -> tuple[int, int] | None:
    """Where the shell text of a string-command word lies in ``source`` (inside its quotes).

    Only a string whose text maps one to one onto the source: ``'...'``, or ``"..."`` with no
    escape or expansion; None for others (kx does not guess what they expand to).
    """
    raw = source[word.start : word.end]
    if len(raw) < 2 or raw[0] != raw[-1] or raw[0] not in "'\"" or raw[0] in raw[1:-1]:
        return None
    if raw[0] == '"' and ("\\" in raw or "$" in raw or "`" in raw):
        return None
    return word.start + 1, word.end - 1
