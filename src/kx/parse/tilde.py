"""Tilde expansion: where the shell would replace ``~`` with a home directory kx cannot know.

bash expands an unquoted ``~`` that starts a word, up to the first ``/`` (``~/x``, ``~user/x``),
and, in words shaped like assignments (``NAME=...``, also as command arguments), a ``~`` right
after the ``=`` or after any ``:`` (``PATH=~/a:~/b``). Nothing is expanded if a quote or backslash
sits in the tilde prefix, nor in ``--opt=~/x`` (not an assignment).
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.parse.span import Word

_ASSIGNMENT = LazyRegex(r"[A-Za-z_][A-Za-z0-9_]*=")
_QUOTING = frozenset("'\"\\")


def tilde_index(raw: str) -> int:
    """Index (into the word's value) from which its text is unknown after tilde expansion, or -1.

    ``raw`` is the word's source text. Where quotes before the tilde make value and source
    indices differ, the index returned is an earlier one, which is the safe side.
    """
    if raw[:1] == "~":
        return 0 if _unquoted_prefix(raw) else -1
    assignment = _ASSIGNMENT.match(raw)
    if assignment is None:
        return -1
    offset = assignment.end()
    for segment in raw[offset:].split(":"):
        if segment[:1] == "~" and _unquoted_prefix(segment):
            return assignment.end() if _QUOTING.intersection(raw[:offset]) else offset
        offset += len(segment) + 1
    return -1


def _unquoted_prefix(text: str) -> bool:
    """True when the tilde prefix (up to the first ``/``) has no quoting in it."""
    slash = text.find("/")
    prefix = text if slash < 0 else text[:slash]
    return not _QUOTING.intersection(prefix)


def mark_tilde(word: Word, raw: str) -> Word:
    """Make ``word`` dynamic from its tilde expansion, if it has one."""
    index = tilde_index(raw)
    if index >= 0 and (not word.dynamic or index < word.dyn_at):
        word.dynamic = True
        word.dyn_at = min(index, len(word.value))
    return word
