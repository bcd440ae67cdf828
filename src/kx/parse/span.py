"""Words with source spans and offset-to-line/column mapping (shared by every extractor)."""

from __future__ import annotations

import bisect


class Word:
    """One shell word after quote removal, with the span of its source text.

    ``start``/``end`` are offsets into the source text (end exclusive). ``dynamic`` is true when the
    word's value is not knowable offline (``$VAR``, ``${...}``, ``$(...)``, backticks, unquoted
    globs, template placeholders): value checks skip it, arity checks give it the benefit of the doubt.
    ``literal`` is true when the source text of the word equals ``value`` (no quotes or escapes), so
    offsets inside the value map 1:1 onto the source. For a dynamic word, ``dyn_at`` is the index in
    ``value`` where the first unknown part starts (``value[:dyn_at]`` is known text; the unknown part
    keeps its source text, e.g. ``--name=$NAME`` has ``dyn_at`` 7). ``plain`` is how many leading
    characters of a word that is not literal stand for themselves in the source (those before its
    first quote or escape: 8 in ``--image=' nginx'``), so what lies in them can still be placed.
    """

    __slots__ = ("dyn_at", "dynamic", "end", "literal", "plain", "start", "value")
    value: str
    start: int
    end: int
    dynamic: bool
    literal: bool
    dyn_at: int
    plain: int

    def __init__(
        self,
        value: str,
        start: int,
        end: int,
        dynamic: bool = False,
        literal: bool = True,
        dyn_at: int = 0,
        plain: int = 0,
    ) -> None:
        self.value = value
        self.start = start
        self.end = end
        self.dynamic = dynamic
        self.literal = literal
        self.dyn_at = dyn_at if dynamic else len(value)
        self.plain = plain

    def known_upto(self, stop: int) -> bool:
        """True when ``value[:stop]`` holds no unknown (dynamic) text."""
        return stop <= self.dyn_at

    def sub_span(self, begin: int, stop: int | None = None) -> tuple[int, int]:
        """Source span of ``value[begin:stop]`` when it can be placed, else the whole word's span."""
        stop = len(self.value) if stop is None else stop
        if not self.literal:
            if 0 < begin <= self.plain and stop >= len(self.value):
                return (self.start + begin, self.end)  # all after a plain `--flag=`: the rest, quotes and all
            if stop > self.plain:
                return (self.start, self.end)
        return (self.start + begin, self.start + max(stop, begin + 1))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Word):
            return NotImplemented
        return (self.value, self.start, self.end, self.dynamic, self.literal) == (
            other.value, other.start, other.end, other.dynamic, other.literal,
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.value, self.start, self.end))

    def __repr__(self) -> str:
        flag = "~" if self.dynamic else ""
        return f"Word({flag}{self.value!r}@{self.start}:{self.end})"


class LineIndex:
    """Maps offsets in a text to 1-based (line, column) pairs; columns count characters."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return (line + 1, offset - self._starts[line] + 1)
