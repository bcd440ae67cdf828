"""Shell text to the docker/kubectl commands in it: the one extraction ``kx lint`` and ``kx check`` share.

The lexer (``kx.extract.lexer``) cuts the text into simple commands, wherever bash runs them
(lists, pipelines, ``$(...)``, backquotes, subshells, ``if``/``while`` conditions); the word
scanner of ``kx.parse.words`` splits each into words; ``kx.extract.commands.resolve`` steps over
wrappers with the one table and finds the tool. A command given to a wrapper as one string
(``watch 'docker ps'``) is extracted from inside its quotes the same way.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.commands import resolve
from kx.extract.lexer import lex
from kx.parse.span import Word
from kx.parse.words import bare_words, split_words
from kx.parse.wordscan import scan_word
from kx.parse.wrappers import mark_replaced, script_span, unwrap

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.extract.commands import ToolNames

_TOKEN = re.compile(r"[^ \t\r\n]+")
_SPECIAL = re.compile(r"['\"\\$`*?\[{~;&|<>()#]")
_SLOW = re.compile(r"[<>#]|\\\n")
# None of the above, nor tabs or line ends: the words are the runs between spaces.
_NOT_BARE = re.compile(r"['\"\\$`*?\[{~;&|<>()#\t\r\n]")


def commands_in(
    text: str, start: int = 0, end: int | None = None, names: ToolNames | None = None
) -> tuple[list[list[Word]], list[tuple[int, str]]]:
    """The docker/kubectl commands in ``text[start:end]`` (resolved words), and the lexer's problems."""
    lexed = lex(text, start, len(text) if end is None else end)
    found: list[list[Word]] = []
    for seg_start, seg_end in lexed.segments:
        found.extend(segment_invocations(text, seg_start, seg_end, names))
    return found, lexed.problems


def segment_invocations(
    text: str,
    start: int,
    end: int,
    names: ToolNames | None,
    prepare: Callable[[list[Word]], list[Word]] | None = None,
) -> list[list[Word]]:
    """The docker/kubectl commands one simple command runs: itself, or those of a string it runs.

    ``prepare`` sees the command's words before the tool is looked for (templated parts).
    """
    words = segment_words(text, start, end)
    if prepare is not None:
        words = prepare(words)
    run = resolve(words, names)
    if run is not None:
        return [run]
    return script_invocations(text, words, names)


def script_invocations(text: str, words: list[Word], names: ToolNames | None) -> list[list[Word]]:
    """The commands of the string a wrapper runs (``watch 'docker ps'``), when its text is known."""
    found = unwrap(words)
    span = script_span(text, found.script) if found is not None and found.script is not None else None
    if found is None or span is None:
        return []
    return [mark_replaced(run, found.replace) for run in commands_in(text, span[0], span[1], names)[0]]


def segment_words(text: str, start: int, end: int) -> list[Word]:
    """Split ``text[start:end]`` (one simple command) into Words, redirections dropped."""
    if not _NOT_BARE.search(text, start, end):
        words: list[Word] = []
        bare_words(words, text, start, end)
        return words
    if _SLOW.search(text, start, end):
        return split_words(text, start, end).words
    if not _SPECIAL.search(text, start, end):
        return [Word(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    words = []
    pos = start
    token = _TOKEN.search(text, pos, end)
    while token is not None:
        begin, stop = token.span()
        if _SPECIAL.search(text, begin, stop) is None:
            words.append(Word(token.group(), begin, stop))
            pos = stop
        else:
            word, pos, _error = scan_word(text, begin, end)
            words.append(word)
            pos = max(pos, stop) if pos <= begin else pos
        token = _TOKEN.search(text, pos, end)
    return words
