"""Words of one lexer segment, with a fast path for the common all-plain command line."""

from __future__ import annotations

import re

from kx.extract.commands import drop_redirections
from kx.parse.span import Word
from kx.parse.words import bare_words, split_words
from kx.parse.wordscan import scan_word

_TOKEN = re.compile(r"[^ \t\r\n]+")
_SPECIAL = re.compile(r"['\"\\$`*?\[{~;&|<>()#]")
_SLOW = re.compile(r"[<>#]|\\\n")
# None of the above, nor tabs or line ends: the words are the runs between spaces.
_NOT_BARE = re.compile(r"['\"\\$`*?\[{~;&|<>()#\t\r\n]")


def segment_words(text: str, start: int, end: int) -> list[Word]:
    """Split ``text[start:end]`` (one simple command) into Words, redirections dropped."""
    if not _NOT_BARE.search(text, start, end):
        words: list[Word] = []
        bare_words(words, text, start, end)
        return words
    if _SLOW.search(text, start, end):
        return drop_redirections(split_words(text, start, end).words)
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
