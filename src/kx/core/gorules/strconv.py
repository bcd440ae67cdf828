"""Go's strconv: ParseBool, ParseInt, ParseUint, Atoi and ParseFloat, with the same verdicts.

Each number parser returns ``(value, error)`` as Go does: ``error`` is None, ``SYNTAX`` or
``RANGE`` (the two ``strconv.NumError`` kinds); on a range error the value is the limit nearest
the number, on a syntax error zero. Base 0 reads Go's prefixes (``0x``, ``0o``, ``0b``, a leading
``0`` for octal) and allows ``_`` between digits; ParseFloat reads hex floats, inf and nan.
"""

from __future__ import annotations

TRUE_WORDS = frozenset({"1", "t", "T", "TRUE", "true", "True"})
FALSE_WORDS = frozenset({"0", "f", "F", "FALSE", "false", "False"})
BOOL_WORDS = TRUE_WORDS | FALSE_WORDS
SYNTAX = "syntax"
RANGE = "range"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_PREFIXES = {"b": 2, "B": 2, "o": 8, "O": 8, "x": 16, "X": 16}


def parse_bool(s: str) -> bool | None:
    """strconv.ParseBool: the boolean, or None when the spelling is not one Go accepts."""
    if s in TRUE_WORDS:
        return True
    if s in FALSE_WORDS:
        return False
    return None


def underscore_ok(s: str) -> bool:
    """Go's rule for ``_`` in a number literal: only between digits (a base prefix counts as one)."""
    saw = "^"
    i = 0
    if s[:1] in ("+", "-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1] in "bBoOxX":
        i = 2
        saw = "0"
        hexa = s[1] in "xX"
    while i < len(s):
        c = s[i]
        i += 1
        if "0" <= c <= "9" or (hexa and c in "abcdefABCDEF"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def _base_of(s: str) -> tuple[int, str]:
    """Base 0: ``0b``, ``0o``, ``0x`` (with a digit after), else a leading ``0`` means octal."""
    if s[0] != "0":
        return 10, s
    if len(s) >= 3 and s[1] in _PREFIXES:
        return _PREFIXES[s[1]], s[2:]
    return 8, s[1:]


def parse_uint(s: str, base: int = 0, bits: int = 64) -> tuple[int, str | None]:
    """strconv.ParseUint(s, base, bits); ``bits`` may exceed 64 to read a wider number."""
    plain = base == 10 or (base == 0 and (s[:1] != "0" or s == "0"))
    if plain and len(s) <= 20 and s.isdigit() and s.isascii():
        n = int(s)  # plain decimal digits, the common case: no prefix, sign or separator to read
        limit = (1 << bits) - 1
        return (n, None) if n <= limit else (limit, RANGE)
    if not s:
        return 0, SYNTAX
    whole = s
    base0 = base == 0
    if base0:
        base, s = _base_of(s)
    limit = (1 << bits) - 1
    n = 0
    underscores = False
    for c in s:
        if c == "_" and base0:
            underscores = True
            continue
        d = _DIGITS.find(c.lower()) if c.isascii() else -1
        if d < 0 or d >= base:
            return 0, SYNTAX
        n = n * base + d
        if n > limit:  # Go stops at the first digit past the limit: a later bad digit is not seen
            return limit, RANGE
    if underscores and not underscore_ok(whole):
        return 0, SYNTAX
    return n, None


def parse_int(s: str, base: int = 0, bits: int = 64) -> tuple[int, str | None]:
    """strconv.ParseInt(s, base, bits): an optional sign, then ParseUint's digits."""
    if not s:
        return 0, SYNTAX
    neg = s[0] == "-"
    un, err = parse_uint(s[1:] if s[0] in "+-" else s, base, bits)
    if err == SYNTAX:
        return 0, SYNTAX
    cutoff = 1 << (bits - 1)
    if not neg and un >= cutoff:
        return cutoff - 1, RANGE
    if neg and un > cutoff:
        return -cutoff, RANGE
    return (-un if neg else un), None


def atoi(s: str) -> tuple[int, str | None]:
    """strconv.Atoi on a 64-bit platform: base 10, an optional sign, no ``_``."""
    return parse_int(s, 10, 64)


def float_literal_end(s: str) -> int | None:
    """Where Go's float literal at the start of ``s`` ends (sign, digits, ``.``, exponent), or None.

    Decimal: digits and ``_`` with at most one ``.`` and a digit somewhere, then an optional
    ``e[+-]digit...``. Hex: ``0x``, hex digits likewise, and a required ``p[+-]digit...``.
    Where the ``_`` stand is checked apart (``underscore_ok``).
    """
    i = 1 if s[:1] in ("+", "-") else 0
    hexa = len(s) > i + 2 and s[i] == "0" and s[i + 1] in "xX"
    if hexa:
        i += 2
    digits = "0123456789abcdefABCDEF" if hexa else "0123456789"
    sawdot = sawdigits = False
    while i < len(s):
        c = s[i]
        if c == "." and not sawdot:
            sawdot = True
        elif c in digits:
            sawdigits = True
        elif c != "_":
            break
        i += 1
    if not sawdigits:
        return None
    if i < len(s) and s[i] in ("pP" if hexa else "eE"):
        i += 1
        if i < len(s) and s[i] in "+-":
            i += 1
        if i >= len(s) or not "0" <= s[i] <= "9":
            return None
        while i < len(s) and s[i] in "0123456789_":
            i += 1
    elif hexa:
        return None
    return i


def parse_float(s: str, bits: int = 64) -> tuple[float, str | None]:
    """strconv.ParseFloat(s, bits): decimal and hex literals, inf/nan, ``_`` rules, overflow."""
    if s.isdigit() and s.isascii() and len(s) < (39 if bits == 32 else 300):
        return float(s), None  # plain digits (most sizes): valid, and too short to overflow
    body = s[1:] if s[:1] in ("+", "-") else s
    if body.lower() in ("inf", "infinity") or s.lower() == "nan":
        return float(s), None
    if float_literal_end(s) != len(s):
        return 0.0, SYNTAX
    if "_" in s and not underscore_ok(s):
        return 0.0, SYNTAX
    text = s.replace("_", "")
    try:
        value = float.fromhex(text) if body[:2] in ("0x", "0X") else float(text)
    except OverflowError:
        return (float("-inf") if s[0] == "-" else float("inf")), RANGE
    if value in (float("inf"), float("-inf")):
        return value, RANGE
    if bits == 32 and _overflows_float32(text, value):
        return (float("-inf") if value < 0 else float("inf")), RANGE
    return value, None


# Smallest magnitude that rounds to infinity in float32: max float32 plus half an ulp.
_F32_LIMIT = (1 << 128) - (1 << 103)


def _overflows_float32(text: str, value: float) -> bool:
    """Whether the literal rounds beyond float32's largest finite value."""
    if abs(value) < 3.4e38:
        return False
    if abs(value) > 3.41e38:
        return True
    from fractions import Fraction  # only near the boundary

    body = text.lstrip("+-")
    if body[:2] not in ("0x", "0X"):
        return Fraction(body) >= _F32_LIMIT
    mantissa, _, exponent = body[2:].lower().partition("p")
    whole, _, frac = mantissa.partition(".")
    exact = Fraction(int(whole + frac or "0", 16)) * Fraction(2) ** (int(exponent) - 4 * len(frac))
    return exact >= _F32_LIMIT


def go_int64(value: float) -> int:
    """Go's float64 -> int64 conversion on amd64: out-of-range values become the minimum int64."""
    if value != value or not -(2.0**63) <= value < 2.0**63:
        return -(1 << 63)
    return int(value)
