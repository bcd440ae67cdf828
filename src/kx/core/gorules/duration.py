"""Go's ``time.ParseDuration``: the same verdicts and values (nanoseconds).

Grammar: an optional sign, then one or more groups of a decimal number (``1``, ``1.5``, ``.5``)
and a unit, where the unit is one of ns, us, µs (U+00B5),
μs (U+03BC), ms, s, m, h; a lone ``0`` (optionally signed) needs no unit. The total must fit
in an int64 count of nanoseconds.
"""

from __future__ import annotations

UNITS = {
    "ns": 1,
    "us": 1_000,
    "\u00b5s": 1_000,
    "\u03bcs": 1_000,
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60_000_000_000,
    "h": 3_600_000_000_000,
}
_MAX = 1 << 63

# Error kinds, each a short phrase kx turns into its own message.
INVALID = "invalid"
MISSING_UNIT = "missing-unit"
UNKNOWN_UNIT = "unknown-unit"
OVERFLOW = "overflow"


class DurationError(Exception):
    """Why a duration does not parse: ``kind`` is one of the constants above."""

    def __init__(self, kind: str, unit: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.unit = unit


def _digits(s: str, i: int) -> int:
    """Index just past the run of ASCII digits starting at ``i``."""
    while i < len(s) and "0" <= s[i] <= "9":
        i += 1
    return i


def _component(s: str, i: int) -> tuple[int, int]:
    """Parse one ``number unit`` group at ``i``; return (nanoseconds, next index)."""
    if not (s[i] == "." or "0" <= s[i] <= "9"):
        raise DurationError(INVALID)
    j = _digits(s, i)
    whole = s[i:j]
    if whole and (len(whole.lstrip("0")) > 19 or int(whole) > _MAX):
        raise DurationError(OVERFLOW)
    frac = ""
    if j < len(s) and s[j] == ".":
        k = _digits(s, j + 1)
        frac, j = s[j + 1 : k], k
    if not whole and not frac:
        raise DurationError(INVALID)
    k = j
    while k < len(s) and not (s[k] == "." or "0" <= s[k] <= "9"):
        k += 1
    if k == j:
        raise DurationError(MISSING_UNIT)
    unit = s[j:k]
    if unit not in UNITS:
        raise DurationError(UNKNOWN_UNIT, unit)
    scale = UNITS[unit]
    value = int(whole or "0")
    if value > _MAX // scale:
        raise DurationError(OVERFLOW)
    value *= scale
    f, digits = _fraction(frac)
    if f > 0:
        # Go adds the fraction through float64 arithmetic, truncating.
        value += int(float(f) * (float(scale) / float(10**digits)))
        if value > _MAX:
            raise DurationError(OVERFLOW)
    return value, k


def _fraction(frac: str) -> tuple[int, int]:
    """Go's leadingFraction: the digits kept before the value would overflow, and their count."""
    x = 0
    kept = 0
    for c in frac:
        if x > (_MAX - 1) // 10:
            break
        y = x * 10 + ord(c) - 48
        if y > _MAX:
            break
        x, kept = y, kept + 1
    return x, kept


def parse_duration(s: str) -> int:
    """Nanoseconds of a Go duration string; raises DurationError like time.ParseDuration."""
    body = s[1:] if s[:1] in ("+", "-") else s
    neg = s[:1] == "-"
    if body == "0":
        return 0
    if not body:
        raise DurationError(INVALID)
    total = 0
    i = 0
    while i < len(body):
        value, i = _component(body, i)
        total += value
        if total > _MAX:
            raise DurationError(OVERFLOW)
    if not neg and total > _MAX - 1:
        raise DurationError(OVERFLOW)
    return -total if neg else total
