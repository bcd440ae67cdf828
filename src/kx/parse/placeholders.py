"""The placeholder rules: ``<image>``, ``IMAGE``, ``[OPTIONS]`` stand for values, not text.

Every word scanner reads glued ``<name>`` placeholders alike, so ``kx check`` and ``kx lint``
(scripts and docs) agree. Documents (code blocks, usage comments) add prose forms on top: blanks
inside ``<your image>``, ``#{name}``, ``%name%`` and capitalised words (``IMAGE``, ``--name=NAME``).
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
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


def mark_quoted_placeholder(word: Word) -> None:
    """Make a word holding a quoted placeholder dynamic from there."""
    at = placeholder_index(word.value)
    if at >= 0 and (not word.dynamic or at < word.dyn_at):
        word.dynamic = True
        word.dyn_at = at


# <name>, <your image>, --image=<same-image>; #{name} (Ruby-style templates); %cd% (cmd variables
# in docs that show Windows commands in a sh fence)
_DOC_PLACEHOLDER = LazyRegex(r"<[A-Za-z](?:[^<>\n]{0,60}[^<>\s])?>|#\{[^{}\n]{1,80}\}|%[A-Za-z_]\w{0,40}%")
_CAPS = LazyRegex(r"[A-Z][A-Z0-9_:./-]*[A-Z0-9]")
_REAL_CAPS = frozenset({"TCP", "UDP", "SCTP", "ALL", "NET_ADMIN", "SYS_ADMIN", "SYS_PTRACE"})


def blank_doc_placeholders(text: str) -> str:
    """``text`` with each document placeholder replaced by an unknown word of the same length."""
    return _DOC_PLACEHOLDER.compiled().sub(lambda match: "$" + "_" * (len(match.group()) - 1), text)


def mark_doc_placeholder(word: Word) -> Word:
    """Turn documentation placeholders into dynamic words (``IMAGE``, ``--name=NAME``, ``[X]``)."""
    if word.dynamic:
        return word
    value = word.value
    if "..." in value or (value.startswith("[") and value.endswith("]")) or value.startswith("{"):
        return Word(value, word.start, word.end, True, word.literal, 0)
    at = value.index("=") + 1 if value.startswith("-") and "=" in value else 0
    rest = value[at:]
    if rest and rest not in _REAL_CAPS and _CAPS.fullmatch(rest) and not rest[0].isdigit():
        return Word(value, word.start, word.end, True, word.literal, at)
    return word
