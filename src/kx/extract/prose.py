r"""Telling a line of prose that starts with ``docker``/``kubectl`` from a command.

Docs put sentences and help listings where commands go (``kubectl run   Run a particular image``,
``# docker run needs the --privileged flag``). Reading one as a command yields nonsense errors, so
a line whose first physical line's words (outside quotes, before a lone ``--``) include an English
function word, or end a clause (``cluster.``, ``options:``), is prose. Later continuation lines do
not count: ``docker run -it \`` is a command whatever its continuations say.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"[ \t]*(?:sudo[ \t]+)?(?:[\w./-]*/)?(?:docker|kubectl)(?:\.exe)?[ \t]")
_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")
_CLAUSE_END = re.compile(r"[A-Za-z]{2,}[.,:?]")  # not ``;``: ``docker run img true; echo``
STOPWORDS = frozenset({
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "to", "of", "and", "or", "for",
    "with", "on", "this", "that", "these", "those", "which", "it", "its", "you", "your", "we",
    "our", "will", "can", "should", "would", "could", "must", "may", "if", "when", "by", "into",
    "not", "but", "than", "how", "what", "where", "there", "their", "they", "has", "have", "does",
})  # fmt: skip


def is_prose(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, one logical line naming docker/kubectl first, reads as prose."""
    if _HEAD.match(text, start, end) is None:
        return False
    newline = text.find("\n", start, end)
    line = _QUOTED.sub(" ", text[start : end if newline < 0 else newline])
    for word in line.split():
        if word == "--" or word.startswith(("#", "//")):
            return False  # the command's own words end here (arguments, a comment)
        if word.lower() in STOPWORDS or _CLAUSE_END.fullmatch(word):
            return True
    return False
