"""The one placeholder rule: ``<image>``-style documentation placeholders are unknown values.

Shared by every word scanner, so ``kx check`` and ``kx lint`` (scripts and docs) read them alike.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.parse.span import Word

# What a placeholder's name may hold after its first letter: no blanks, quotes, operators or <>.
_PLACEHOLDER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:/@+,=")
PLACEHOLDER_MAX = 64


def placeholder_end(source: str, pos: int, limit: int) -> int:
    """End of the placeholder starting at ``pos`` (a ``<``), or -1.

    A placeholder is ``<``, a letter, up to 63 characters that are no blank, quote, operator,
    ``$`` or ``<``, and ``>``, all glued (``<image>``, ``<your-name>``, ``<ns>/<pod>``); the ``>``
    must not start ``>>`` or ``>&``. Real redirections keep their meaning: ``< file``, ``<<EOF``,
    ``2>&1``, ``<in >out`` (a blank before the ``>``), ``<(cmd)``.
    """
    first = source[pos + 1 : pos + 2]
    if not first or not first.isascii() or not first.isalpha():
        return -1
    stop = min(limit, pos + PLACEHOLDER_MAX + 1)
    i = pos + 2
    while i < stop and source[i] in _PLACEHOLDER_CHARS:
        i += 1
    if i >= stop or source[i] != ">" or source[i + 1 : i + 2] in (">", "&"):
        return -1
    return i + 1


def placeholder_index(value: str) -> int:
    """Index of the first placeholder inside a quoted value, or -1."""
    at = value.find("<")
    while at >= 0:
        if placeholder_end(value, at, len(value)) > 0:
            return at
        at = value.find("<", at + 1)
    return -1


def placeholder_at(source: str, pos: int, limit: int) -> bool:
    """Whether a placeholder (not a redirection) starts at ``pos``."""
    return source[pos] == "<" and placeholder_end(source, pos, limit) > 0


def mark_placeholder(word: Word) -> None:
    """Make a word holding a quoted placeholder dynamic from there."""
    at = placeholder_index(word.value)
    if at >= 0 and (not word.dynamic or at < word.dyn_at):
        word.dynamic = True
        word.dyn_at = at
