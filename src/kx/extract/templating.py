"""Text that is substituted before the shell runs: CI expressions, make references, templates.

An extractor hides each such part in the shadow it hands to ``Snippets``: the part's characters
become ``HIDDEN``, a private-use character the shell reads as plain text even inside single
quotes, so the word holding it is still one word and spans stay those of the file. ``reveal``
then gives the word back its source text and makes it dynamic from the hidden part on: what is
known around the part is still checked, the part never is. A character the substitution removes
(make's ``$$`` leaves one ``$`` for the shell) becomes ``DROPPED``, which ``reveal`` deletes.
"""

from __future__ import annotations

import bisect
import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.snippets import Snippets
from kx.parse.span import Word

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.extract.commands import ToolNames

HIDDEN = "\ue000"
DROPPED = "\ue001"
# ${{ ... }} (GitHub, Gitea, Forgejo, Azure), {{ ... }} (Go templates, Taskfile, Justfile),
# %%NAME%% placeholders, << ... >> (CircleCI parameters), $[ ... ] (Azure runtime expressions).
GITHUB_EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)
GO_TEMPLATE = re.compile(r"\{\{.*?\}\}", re.S)
PERCENT = re.compile(r"%%[A-Za-z_][A-Za-z0-9_.-]*%%")
CIRCLECI_PARAMETER = re.compile(r"<<\s*[\w.-]+\s*>>")
AZURE_MACRO = re.compile(r"\$\((?:[A-Za-z_][\w-]*\.)*[A-Za-z_][\w-]*\)|\$\[.*?\]", re.S)


def hide(shadow: str, *patterns: re.Pattern[str]) -> str:
    """``shadow`` with every match of ``patterns`` turned into HIDDEN characters."""
    for pattern in patterns:
        shadow = pattern.sub(lambda m: HIDDEN * len(m.group()), shadow)
    return shadow


def add(
    snippets: Snippets,
    shadow: str,
    base: int,
    original: str,
    names: ToolNames | None = None,
    unknown_tail: bool = False,
) -> None:
    """Add one snippet whose shadow (at ``base`` in the file ``original``) may hide parts.

    With ``unknown_tail`` the command goes on with words not in the snippet (a Groovy string
    concatenated with code, a make variable used as a command prefix): one unknown word follows.
    """
    limit = base + len(shadow)
    if unknown_tail:
        shadow += " " + HIDDEN
    elif HIDDEN not in shadow and DROPPED not in shadow:
        snippets.add(shadow, base, names)
        return
    snippets.add(shadow, base, names, prepare=Revealer(shadow, original, base, limit).reveal)


def add_mapped(
    snippets: Snippets, shadow: str, original: str, starts: list[int], file_starts: list[int]
) -> None:
    """Add a snippet whose lines are not where they are in the file (indentation removed).

    Line ``i`` of ``shadow`` (same length as ``original``) starts at ``starts[i]`` and at
    ``file_starts[i]`` in the file; offsets within a line are the same in both.
    """
    part = Snippets()
    add(part, shadow, 0, original)

    def where(offset: int) -> int:
        line = bisect.bisect_right(starts, offset) - 1
        return file_starts[line] + offset - starts[line]

    for words in part.invocations:
        snippets.invocations.append([_moved(word, where) for word in words])
    snippets.problems.extend((where(offset), message) for offset, message in part.problems)


def _moved(word: Word, where: Callable[[int], int]) -> Word:
    end = where(word.end - 1) + 1 if word.end > word.start else where(word.start)
    return Word(word.value, where(word.start), end, word.dynamic, word.literal, word.dyn_at)


def mark_percent(words: list[Word]) -> list[Word]:
    """The words with ``%%NAME%%`` placeholders (templates filled before use) made unknown."""
    out = []
    for word in words:
        found = PERCENT.search(word.value) if "%%" in word.value else None
        if found is not None and (not word.dynamic or found.start() < word.dyn_at):
            word = Word(word.value, word.start, word.end, True, word.literal, found.start())
        out.append(word)
    return out


class Revealer:
    """Turns words scanned from a shadow (offsets from ``base`` in ``original``) back into its words."""

    __slots__ = ("base", "limit", "original", "shadow")

    def __init__(self, shadow: str, original: str, base: int, limit: int | None = None) -> None:
        self.shadow = shadow
        self.original = original
        self.base = base
        self.limit = base + len(shadow) if limit is None else limit  # past it: an unknown tail

    def reveal(self, words: list[Word]) -> list[Word]:
        """The words with hidden parts restored (dynamic from there) and dropped characters gone."""
        out = []
        for word in words:
            if _marked(word.value):
                if not word.value.strip(DROPPED):
                    continue  # only characters the substitution removed: no word at all
                word = self._word(word)
            out.append(word)
        return out

    def _word(self, word: Word) -> Word:
        value = word.value
        dyn_at = word.dyn_at if word.dynamic else len(value)
        hidden = value.find(HIDDEN)
        if 0 <= hidden < dyn_at:
            dyn_at = hidden
        dropped = value.count(DROPPED, 0, dyn_at)
        value = self._restore(value, word.start, word.end)
        literal = word.literal and DROPPED not in value
        value = value.replace(DROPPED, "")
        dyn_at -= dropped
        return Word(value, word.start, word.end, dyn_at < len(value), literal, dyn_at)

    def _restore(self, value: str, start: int, end: int) -> str:
        """Put the original characters back where the value holds HIDDEN ones, in order."""
        if HIDDEN not in value:
            return value
        span = self.shadow[start:end]
        places = [self.base + start + i for i, char in enumerate(span) if char == HIDDEN]
        limit = self.limit
        chars = iter(self.original[at] if at < limit else "..." for at in places)
        return "".join(next(chars, char) if char == HIDDEN else char for char in value)


def _marked(value: str) -> bool:
    return HIDDEN in value or DROPPED in value
