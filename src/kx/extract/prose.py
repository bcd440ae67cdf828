r"""Telling a line of prose that starts with ``docker``/``kubectl`` from a command.

Docs put sentences and help listings where commands go (``kubectl run   Run a particular image``,
``# docker run needs the --privileged flag``). Reading one as a command yields nonsense errors, so
a line whose first physical line's words (outside quotes, before a lone ``--``) include an English
function word or a lone arrow or dash, or end a clause (``cluster.``, ``options:``), is prose. Later
continuation lines do not count: ``docker run -it \`` is a command whatever its continuations say.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"[ \t]*(?:sudo[ \t]+)?(?:[\w./-]*/)?(?:docker|kubectl)(?:\.exe)?[ \t]")
_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")
_CLAUSE_END = re.compile(r"[A-Za-z]{2,}[.,:?]")  # not ``;``: ``docker run img true; echo``
STOPWORDS = frozenset({
    "the", "is", "are", "was", "were", "be", "been", "and", "for", "with", "this", "that", "these",
    "those", "which", "its", "you", "your", "our", "will", "can", "should", "would", "could", "must",
    "may", "when", "into", "not", "but", "than", "how", "what", "where", "there", "their", "they",
    "has", "have", "does",
})  # fmt: skip
# Short words that also make plausible names (``kubectl run a --image=nginx``): prose only on a
# line that has no flag at all (``kubectl expose creates a service``).
WEAK_STOPWORDS = frozenset({"a", "an", "it", "on", "or", "by", "if", "to", "of", "we"})
# Arrows and dashes standing alone: ``docker run -p → docker service create -p`` compares commands.
MARKS = frozenset("\u2192\u2190\u21d2\u21d0\u2194\u27f6\u2014\u2013")


def is_prose(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, one logical line naming docker/kubectl first, reads as prose."""
    if _HEAD.match(text, start, end) is None:
        return False
    newline = text.find("\n", start, end)
    line = _QUOTED.sub(" ", text[start : end if newline < 0 else newline])
    weak = flag = False
    for word in line.split():
        if word == "--" or word.startswith(("#", "//")):
            break  # the command's own words end here (arguments, a comment)
        lower = word.lower()
        if lower in STOPWORDS or word in MARKS or _CLAUSE_END.fullmatch(word):
            return True
        weak = weak or lower in WEAK_STOPWORDS
        flag = flag or (word.startswith("-") and len(word) > 1)
    return weak and not flag
