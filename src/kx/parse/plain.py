"""The commands of shell text that nests none, found without the lexer or ``re``.

A cold ``kx check "docker run ..."`` should not pay for importing ``re`` and the lexer: for text
with no ``$(...)``, backquote, subshell or alias this finds exactly what the one extraction
(``kx.extract.split.commands_in``) finds, which a test checks.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.words import NOT_BARE_CHARS, bare_words, split_commands
from kx.parse.wrappers import mark_replaced, plain_head, script_span, unwrap

if TYPE_CHECKING:
    from kx.parse.span import Word


# What text that is one line of plain words lacks: ``split_commands`` would find one command in
# it, its words split by str.split (``bare_words``), so that is done directly.
_NOT_ONE_BARE_LINE = NOT_BARE_CHARS | {"\n"}


def _nests(source: str) -> bool:
    """Whether text may hold a command substitution, subshell, process substitution or alias."""
    return "(" in source or ")" in source or "`" in source or "alias" in source


def plain_commands(source: str, start: int = 0, end: int | None = None) -> list[list[Word]] | None:
    """The simple commands of text that nests none (see ``_nests``), as lists of words.

    For such text this finds what ``kx.extract.split.commands_in`` finds, without the lexer or
    ``re`` for lines of plain words (a cold ``kx check`` of a line should not pay for them).
    None when the text nests commands or a command's name is an expansion (a variable may
    name the tool): the caller then uses the full extraction. A string that a wrapper runs
    (``watch 'docker ps'``) gives the commands inside it.
    """
    stop = len(source) if end is None else end
    if start == 0 and stop == len(source):
        if _NOT_ONE_BARE_LINE.isdisjoint(source) and "alias" not in source:
            words: list[Word] = []
            bare_words(words, source, 0, stop)
            if words and plain_head(words[0]):
                return [words]
        elif _nests(source):
            return None
    out: list[list[Word]] = []
    for split in split_commands(source, start, stop):
        if split.error is not None:
            break  # a command left open (a quote) is not run, as the lexer has it
        if plain_head(split.words[0]):
            out.append(split.words)
            continue
        found = unwrap(split.words)
        if found is None:
            continue
        if found.script is not None:
            span = script_span(source, found.script)
            inner = plain_commands(source, *span) if span is not None else []
            if inner is None:
                return None
            out.extend(mark_replaced(run, found.replace) for run in inner)
        elif split.words[found.index].dynamic:
            return None
        else:
            out.append(split.words)
    return out
