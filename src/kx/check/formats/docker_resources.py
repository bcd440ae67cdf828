"""docker run resource values.

Byte sizes, `--cpus`, swap and swappiness, and the health-check values.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format, register_type
from kx.core.findings import Finding
from kx.core.gorules.strconv import RANGE, go_int64, parse_float, parse_int, parse_uint
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

_NUMBER_END = "0123456789. "
_UNITS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}
MIN_MEMORY = 6 * 1024 * 1024  # the daemon's smallest --memory


def ram_in_bytes(text: str) -> int | str:
    """go-units RAMInBytes: a number (float allowed) and an optional binary unit; or the reason."""
    # The last digit, dot or space; units are letters, so strip those first (one rfind per char is slow).
    unit = text.rstrip("bBkKmMgGtTpPiI")
    sep = len(unit) - 1 if unit and unit[-1] in _NUMBER_END else max(text.rfind(ch) for ch in _NUMBER_END)
    if sep < 0:
        return f"{text!r} is not a size (a number with an optional unit b, k, m, g, t or p)"
    num, suffix = (text[: sep + 1], text[sep + 1 :]) if text[sep] != " " else (text[:sep], text[sep + 1 :])
    size, err = parse_float(num)
    if err is not None:
        return f"{num!r} is {'too large' if err == RANGE else 'not a number'}"
    if size < 0:
        return f"{text!r} is negative"
    low = suffix.lower()
    if not suffix or low == "b":
        return go_int64(size)
    if len(suffix.encode()) > 3 or low[0] not in _UNITS or low[1:] not in ("", "b", "ib"):
        return f"unknown size unit {suffix!r} (use b, k, m, g, t or p, optionally with b or ib)"
    return go_int64(size * _UNITS[low[0]])


@register_type("bytes")
def check_bytes(value: str, ctx: ValueContext) -> list[Finding]:
    """A docker byte size (`512m`, `1.5g`, `1 GiB`); `--memory-swap` also takes -1."""
    name = ctx.flag.name if ctx.flag is not None else ""
    if value == "-1" and name == "memory-swap":
        return []
    result = ram_in_bytes(value)
    if isinstance(result, str):
        return [Finding("KX201", result)]
    if name == "memory" and result != 0 and result < MIN_MEMORY:
        return [
            Finding("KX204", "the daemon's smallest memory limit is 6 MiB", stage="server", suggestion="6m")
        ]
    return []


@register_format("memory-swap")
def check_memory_swap(value: str, ctx: ValueContext) -> list[Finding]:
    """`--memory-swap`: a byte size or -1 (unlimited)."""
    return [] if value == "-1" else check_bytes(value, ctx)


def _rat_verdict(text: str) -> str:
    """math/big Rat.SetString followed by x 1e9: 'ok', 'syntax' or 'precision'."""
    if "/" in text:
        top, _, bottom = text.partition("/")
        num, bad_num = parse_int(top, 0, 4096)
        den, bad_den = parse_uint(bottom, 0, 4096)
        if bad_num or bad_den or not den:
            return "syntax"
        return "ok" if num * 10**9 % den == 0 else "precision"
    start = 1 if text[:1] in ("+", "-") else 0
    scanned = _scan_mantissa(text, start)
    if scanned is None:
        return "syntax"
    mantissa, base, places, pos = scanned
    e10 = e2 = 0
    if pos < len(text):
        exponent = _scan_exponent(text[pos + 1 :]) if text[pos] in "eEpP" else None
        if exponent is None:
            return "syntax"
        e10, e2 = (exponent, 0) if text[pos] in "eE" else (0, exponent)
    if mantissa == 0:
        return "ok"
    exp5 = e10 - (places if base == 10 else 0)
    exp2 = e2 + e10 - places * {2: 1, 8: 3, 10: 1, 16: 4}[base]
    if abs(exp5) > 10**6 or abs(exp2) > 10**7:
        return "syntax"
    return (
        "ok" if _divisible(mantissa, 5, -(exp5 + 9)) and _divisible(mantissa, 2, -(exp2 + 9)) else "precision"
    )


def _scan_exponent(text: str) -> int | None:
    """Decimal exponent digits after e/p: optional sign, '_' only between digits, fits int64."""
    body = text[1:] if text[:1] in ("+", "-") else text
    if not body or any(ch not in "0123456789_" for ch in body) or body[0] == "_" or body[-1] == "_":
        return None
    if "__" in body:
        return None
    number, err = parse_int(text.replace("_", ""), 10, 64)
    return None if err else number


def _scan_mantissa(text: str, pos: int) -> tuple[int, int, int, int] | None:
    """Read a mantissa the way big.Rat does: (value, base, fraction digits, end), None if bad."""
    base, count, prev, point, value = 10, 0, ".", -1, 0
    if text[pos : pos + 1] == "0":
        prev, count, pos = "0", 1, pos + 1
        if text[pos : pos + 1] in ("b", "B", "o", "O", "x", "X") and text[pos:]:
            base, count, pos = {"b": 2, "o": 8, "x": 16}[text[pos].lower()], 0, pos + 1
    bad_sep = False
    while pos < len(text):
        ch = text[pos]
        if ch == "." and point < 0:
            bad_sep, prev, point = bad_sep or prev == "_", ".", count
        elif ch == "_":
            bad_sep, prev = bad_sep or prev != "0", "_"
        else:
            digit = int(ch, 36) if ch.isascii() and ch.isalnum() else 99
            if digit >= base:
                break
            prev, count, value = "0", count + 1, value * base + digit
        pos += 1
    if bad_sep or prev == "_" or count == 0:
        return None
    return value, base, (count - point if point >= 0 else 0), pos


def _divisible(number: int, prime: int, times: int) -> bool:
    """True when prime**times divides number (always true for times <= 0)."""
    while times > 0:
        if number % prime:
            return False
        number //= prime
        times -= 1
    return True


@register_format("cpus")
def check_cpus(value: str, ctx: ValueContext) -> list[Finding]:
    """`--cpus`: a decimal or fraction with at most 9 decimal places (negative passes the client)."""
    verdict = _rat_verdict(value) if value else "syntax"
    if verdict == "syntax":
        return [Finding("KX201", f"{value!r} is not a number of CPUs (e.g. 1.5 or 1/2)")]
    if verdict == "precision":
        return [Finding("KX201", f"{value!r} has more than 9 decimal places")]
    if value.startswith("-") and any(ch in "123456789" for ch in value.partition("/")[0]):
        return [Finding("KX204", "the daemon refuses a negative number of CPUs", stage="server")]
    return []


@register_format("memory-swappiness")
def check_swappiness(value: str, ctx: ValueContext) -> list[Finding]:
    """`--memory-swappiness`: -1 (unset) or 0..100."""
    number, err = parse_int(value, 0, 64)
    if err is not None or number == -1 or 0 <= number <= 100:
        return []
    return [Finding("KX203", f"memory swappiness {number} is outside 0-100 (or -1)")]


@register_format("health-duration")
def check_health_duration(value: str, ctx: ValueContext) -> list[Finding]:
    """A `--health-*` duration: the client refuses a negative one."""
    if value.startswith("-") and any(ch in "123456789" for ch in value):
        return [Finding("KX203", f"{ctx.display or 'a health-check duration'} cannot be negative")]
    return []


@register_format("health-retries")
def check_health_retries(value: str, ctx: ValueContext) -> list[Finding]:
    """`--health-retries`: the client refuses a negative count."""
    number, err = parse_int(value, 0, 64)
    if err is None and number < 0:
        return [Finding("KX203", "--health-retries cannot be negative", suggestion="0")]
    return []
