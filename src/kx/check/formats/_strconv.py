"""Go's strconv number and boolean parsing, re-implemented to give the same verdicts.

Each parser returns ``(value, error)`` where ``error`` is None, ``"syntax"`` or ``"range"``,
matching the two ``strconv.NumError`` kinds. Only the verdict and the value matter to kx; the
algorithms follow the Go rules (base prefixes, ``_`` separators, bit-size ranges, hex floats).
"""

from __future__ import annotations

TRUE_WORDS = frozenset({"1", "t", "T", "TRUE", "true", "True"})
FALSE_WORDS = frozenset({"0", "f", "F", "FALSE", "false", "False"})
SYNTAX = "syntax"
RANGE = "range"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def parse_bool(s: str) -> bool | None:
    """strconv.ParseBool: the boolean, or None when the spelling is not accepted."""
    if s in TRUE_WORDS:
        return True
    if s in FALSE_WORDS:
        return False
    return None


def underscore_ok(s: str) -> bool:
    """Go's rule for ``_`` in number literals: only between digits (a base prefix counts as one)."""
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
    """Base-0 prefix detection as ParseUint does it: 0b, 0o, 0x, else leading 0 = octal."""
    if s[0] != "0":
        return 10, s
    if len(s) >= 3 and s[1] in "bBoOxX":
        return {"b": 2, "o": 8, "x": 16}[s[1].lower()], s[2:]
    return 8, s[1:]


def parse_uint(s: str, base: int = 0, bits: int = 64) -> tuple[int, str | None]:
    """strconv.ParseUint(s, base, bits) for base 0 or 10."""
    if len(s) <= 20 and s.isdigit() and s.isascii() and (base == 10 or s[0] != "0" or len(s) == 1):
        n = int(s)  # plain decimal digits, the common case: no prefix, sign or separator to read
        limit = (1 << bits) - 1
        return (n, None) if n <= limit else (limit, RANGE)
    if not s:
        return 0, SYNTAX
    base0 = base == 0
    whole = s
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
        if n > limit:
            return limit, RANGE
    if underscores and not underscore_ok(whole):
        return 0, SYNTAX
    return n, None


def parse_int(s: str, base: int = 0, bits: int = 64) -> tuple[int, str | None]:
    """strconv.ParseInt(s, base, bits) for base 0 or 10."""
    if not s:
        return 0, SYNTAX
    neg = s[0] == "-"
    body = s[1:] if s[0] in "+-" else s
    un, err = parse_uint(body, base, bits)
    if err == SYNTAX:
        return 0, SYNTAX
    cutoff = 1 << (bits - 1)
    if not neg and un >= cutoff:
        return cutoff - 1, RANGE
    if neg and un > cutoff:
        return -cutoff, RANGE
    return (-un if neg else un), None


def atoi(s: str) -> tuple[int, str | None]:
    """strconv.Atoi: base 10, optional sign, 64-bit range, no underscores."""
    return parse_int(s, 10, 64)


def _special(s: str) -> bool:
    """Infinity and NaN spellings that ParseFloat accepts (whole string)."""
    body = s[1:] if s[:1] in ("+", "-") else s
    low = body.lower()
    if low in ("inf", "infinity"):
        return True
    return s.lower() == "nan"


def _float_syntax(s: str) -> int | None:
    """Return the end of a well-formed Go float literal in ``s`` or None (readFloat's grammar)."""
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
    exp_char = "pP" if hexa else "eE"
    if i < len(s) and s[i] in exp_char:
        i += 1
        if i < len(s) and s[i] in "+-":
            i += 1
        if i >= len(s) or not "0" <= s[i] <= "9":
            return None
        while i < len(s) and (s[i] in "0123456789_"):
            i += 1
    elif hexa:
        return None
    return i


def parse_float(s: str, bits: int = 64) -> tuple[float, str | None]:
    """strconv.ParseFloat(s, bits): decimal and hex literals, inf/nan, ``_`` rules, overflow."""
    if not s:
        return 0.0, SYNTAX
    if _special(s):
        return float(s), None
    end = _float_syntax(s)
    if end is None or end != len(s):
        return 0.0, SYNTAX
    if "_" in s and not underscore_ok(s):
        return 0.0, SYNTAX
    text = s.replace("_", "")
    body = text.lstrip("+-")
    try:
        value = float.fromhex(text) if body[:2] in ("0x", "0X") else float(text)
    except OverflowError:
        return float("inf"), RANGE
    if value in (float("inf"), float("-inf")):
        return value, RANGE
    if bits == 32 and _overflows_float32(text, value):
        return value, RANGE
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
