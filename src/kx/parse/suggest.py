"""Did-you-mean: the candidates closest to a mistyped word (flags, subcommands, choice values)."""

from __future__ import annotations

import bisect

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance (a swap of neighbours costs 1), capped at limit+1.

    Only the diagonal band of width ``2 * limit + 1`` is computed, and the search stops as soon as
    a whole row exceeds the limit: with the small limits used for typos this is a few dozen cells.
    """
    size_a, size_b = len(a), len(b)
    over = limit + 1
    if abs(size_a - size_b) > limit:
        return over
    if len(set(a) - set(b)) > limit or len(set(b) - set(a)) > limit:
        return over  # each character missing from the other word costs at least one edit
    previous2: list[int] = []
    previous = [j if j <= limit else over for j in range(size_b + 1)]
    for i in range(1, size_a + 1):
        char_a = a[i - 1]
        low = max(1, i - limit)
        high = min(size_b, i + limit)
        current = [over] * (size_b + 1)
        current[0] = i if i <= limit else over
        best = current[0]
        for j in range(low, high + 1):
            char_b = b[j - 1]
            value = previous[j - 1] if char_a == char_b else previous[j - 1] + 1
            other = previous[j] + 1
            if other < value:
                value = other
            other = current[j - 1] + 1
            if other < value:
                value = other
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                other = previous2[j - 2] + 1
                if other < value:
                    value = other
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return over
        previous2, previous = previous, current
    return previous[size_b] if previous[size_b] <= limit else over


def allowed_distance(word: str) -> int:
    """How many edits still count as a typo of a word this long."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


Entry = tuple[int, str, str, frozenset[str]]  # (order, name, normalized name, its characters)


class _Prepared:
    """Candidates grouped by length, and sorted by normalized name for prefix lookups."""

    __slots__ = ("by_length", "ordered")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.by_length: dict[int, list[Entry]] = {}
        self.ordered: list[tuple[str, int, str]] = []
        seen: set[str] = set()
        for index, name in enumerate(names):
            if name in seen:
                continue
            seen.add(name)
            normal = _normal(name)
            self.by_length.setdefault(len(normal), []).append((index, name, normal, frozenset(normal)))
            self.ordered.append((normal, index, name))
        self.ordered.sort()


_PREPARED: dict[tuple[str, ...], _Prepared] = {}


def _prepare(candidates: Iterable[str]) -> _Prepared:
    key = candidates if isinstance(candidates, tuple) else tuple(candidates)
    prepared = _PREPARED.get(key)
    if prepared is None:
        if len(_PREPARED) >= 64:
            _PREPARED.clear()
        prepared = _PREPARED[key] = _Prepared(key)
    return prepared


def closest(word: str, candidates: Iterable[str], max: int = 3) -> list[str]:
    """Up to ``max`` candidates near ``word``, best first (case, ``_`` vs ``-`` ignored).

    A candidate matches when its normalized form equals the word's, when it is within a few edits
    (more for longer words), or when it starts with the word (3+ characters typed).
    """
    key = _normal(word)
    if not key:
        return []
    limit = allowed_distance(key)
    size = len(key)
    letters = frozenset(key)
    prepared = _prepare(candidates)
    scored: dict[str, tuple[int, int, int]] = {}  # name -> (edits, 1 for a prefix match, spec order)
    for length in range(size - limit, size + limit + 1):
        for index, name, other, other_letters in prepared.by_length.get(length, ()):
            if len(letters - other_letters) > limit or len(other_letters - letters) > limit:
                continue
            score = distance(key, other, limit)
            if score <= limit and name != word:
                scored[name] = (score, 0, index)
    if size >= 3:
        ordered = prepared.ordered
        at = bisect.bisect_left(ordered, (key,))
        while at < len(ordered) and ordered[at][0].startswith(key):
            _normal_name, index, name = ordered[at]
            if name not in scored and name != word:
                scored[name] = (limit, 1, index)  # after a typo as near: --cpu is --cpus before --cpu-count
            at += 1
    best = sorted((*rank, name) for name, rank in scored.items())
    return [entry[-1] for entry in best[:max]]


def best(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate closest to ``word`` (ranked as ``closest``), or None when none is near."""
    found = closest(word, tuple(c for c in candidates if c), 1)
    return found[0] if found else None


def _normal(word: str) -> str:
    return word.lower().replace("_", "-")
