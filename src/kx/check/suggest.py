"""Did-you-mean: the candidates closest to a mistyped word (flags, subcommands, choice values)."""

from __future__ import annotations

from kx._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance (a swap of neighbours costs 1), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        best = i
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_distance(word: str) -> int:
    """How many edits still count as a typo of a word this long."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


def closest(word: str, candidates: Iterable[str], max: int = 3) -> list[str]:
    """Up to ``max`` candidates near ``word``, best first (case, ``_`` vs ``-`` ignored).

    A candidate matches when its normalized form equals the word's, when it is within a few edits
    (more for longer words), or when it starts with the word (3+ characters typed).
    """
    key = _normal(word)
    if not key:
        return []
    limit = allowed_distance(key)
    scored: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for index, candidate in enumerate(candidates):
        if candidate in seen or candidate == word:
            continue
        seen.add(candidate)
        other = _normal(candidate)
        if abs(len(other) - len(key)) > limit and not (len(key) >= 3 and other.startswith(key)):
            continue
        score = distance(key, other, limit)
        if score > limit:
            if not (len(key) >= 3 and other.startswith(key)):
                continue
            score = limit
        scored.append((score, index, candidate))
    scored.sort()
    return [candidate for _score, _index, candidate in scored[:max]]


def _normal(word: str) -> str:
    return word.lower().replace("_", "-")
