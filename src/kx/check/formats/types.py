"""Scalar flag value types as pflag (and Go's flag package, for klog) parse them.

Every check here happens inside the flag library's ``Set``, so the client rejects the value
while parsing (stage client, code KX201). Number and duration syntax follow Go's strconv and
time packages exactly; see ``kx.core.gorules``.
"""

from __future__ import annotations

from kx.check.formats.registry import register_type
from kx.core.findings import Finding
from kx.core.gorules import strconv as sc
from kx.core.gorules.duration import MISSING_UNIT, OVERFLOW, UNKNOWN_UNIT, DurationError, parse_duration
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.check.formats.registry import ValueContext

    Checker = Callable[[str, ValueContext], list[Finding]]

CODE = "KX201"
_SIGNED = {"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64}
_UNSIGNED = {"uint": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}
_UNITS_HELP = "units: ns, us, ms, s, m, h, e.g. 30s, 1m30s, 1.5h"


def what(ctx: ValueContext) -> str:
    """How messages name the flag or argument (``--memory``), or a neutral word."""
    return ctx.display or "this flag"


def bad(message: str) -> list[Finding]:
    """A one-problem list with the type-error code."""
    return [Finding(CODE, message)]


@register_type("bool")
def check_bool(value: str, ctx: ValueContext) -> list[Finding]:
    """strconv.ParseBool spellings only."""
    if sc.parse_bool(value) is not None:
        return []
    return bad(
        f"{value!r} is not a boolean for {what(ctx)}; "
        "use true or false (1, t, T, TRUE, True and 0, f, F, FALSE, False also work)"
    )


def _int_checker(name: str, bits: int, signed: bool) -> Checker:
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    parse = sc.parse_int if signed else sc.parse_uint
    kind = "an integer" if signed else "an unsigned integer (no sign)"

    def check(value: str, ctx: ValueContext) -> list[Finding]:
        _, err = parse(value, 0, bits)
        if err is None:
            return []
        if err == sc.RANGE:
            return bad(f"{value} is out of range for {what(ctx)} ({name}: {low}..{high})")
        return bad(
            f"{value!r} is not {kind} for {what(ctx)}; "
            "write it in decimal, or with a 0x, 0o, 0b or leading-0 (octal) prefix"
        )

    check.__doc__ = f"strconv.Parse{'Int' if signed else 'Uint'}(value, 0, {bits})."
    return check


for _name, _bits in _SIGNED.items():
    register_type(_name)(_int_checker(_name, _bits, True))
for _name, _bits in _UNSIGNED.items():
    register_type(_name)(_int_checker(_name, _bits, False))


@register_type("level")
def check_level(value: str, ctx: ValueContext) -> list[Finding]:
    """Check klog verbosity: strconv.ParseInt(value, 10, 32), negative allowed."""
    _, err = sc.parse_int(value, 10, 32)
    if err is None:
        return []
    if err == sc.RANGE:
        return bad(f"{value} is out of range for {what(ctx)} (a 32-bit integer)")
    return bad(f"{value!r} is not a base-10 integer for {what(ctx)}")


def _float_checker(bits: int) -> Checker:
    def check(value: str, ctx: ValueContext) -> list[Finding]:
        _, err = sc.parse_float(value, bits)
        if err is None:
            return []
        if err == sc.RANGE:
            return bad(f"{value} is too large for {what(ctx)} (float{bits})")
        return bad(f"{value!r} is not a number for {what(ctx)}")

    check.__doc__ = f"strconv.ParseFloat(value, {bits})."
    return check


register_type("float32")(_float_checker(32))
register_type("float64")(_float_checker(64))


def duration_problem(value: str, ctx: ValueContext) -> str | None:
    """Why ``value`` is not a Go duration, in kx's words, or None when it parses."""
    try:
        parse_duration(value)
    except DurationError as exc:
        if exc.kind == MISSING_UNIT:
            return f"{value!r} for {what(ctx)} needs a unit after the number ({_UNITS_HELP})"
        if exc.kind == UNKNOWN_UNIT:
            return f"{exc.unit!r} is not a duration unit in {value!r} for {what(ctx)} ({_UNITS_HELP})"
        if exc.kind == OVERFLOW:
            return f"{value!r} for {what(ctx)} is too long a duration (limit about 292 years)"
        return f"{value!r} is not a duration for {what(ctx)} ({_UNITS_HELP})"
    return None


@register_type("duration")
def check_duration(value: str, ctx: ValueContext) -> list[Finding]:
    """time.ParseDuration."""
    message = duration_problem(value, ctx)
    return bad(message) if message else []


@register_type("go-duration")
def check_go_duration(value: str, ctx: ValueContext) -> list[Finding]:
    """Check a Go ``flag`` duration (kubectl --log-flush-frequency): same syntax, must be positive.

    The client's own error text is only 'parse error'; a zero or negative interval makes kubectl
    crash at start-up (a log-flush ticker needs a positive period).
    """
    message = duration_problem(value, ctx)
    if message:
        return bad(message + "; kubectl reports it only as a parse error")
    if parse_duration(value) <= 0:
        return bad(f"{value!r} for {what(ctx)} must be a positive duration; kubectl crashes on it")
    return []


@register_type("module-spec")
def check_module_spec(value: str, ctx: ValueContext) -> list[Finding]:
    """Check klog --vmodule: comma-separated ``pattern=N`` items, N a base-10 int32; empty items skipped."""
    for item in value.split(","):
        if not item:
            continue
        parts = item.split("=")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            return bad(f"{item!r} in {what(ctx)} is not of the form pattern=N (e.g. server.go=4,gc*=2)")
        if sc.parse_int(parts[1], 10, 32)[1] is not None:
            return bad(f"the level {parts[1]!r} in {what(ctx)} is not a base-10 integer")
    return []


@register_type("stringSlice")
def check_string_slice(value: str, ctx: ValueContext) -> list[Finding]:
    """Check a pflag stringSlice: the value is read as one CSV record (Go encoding/csv, strict quotes)."""
    if value == "":
        return []  # pflag's own shortcut: an empty value is an empty list
    from kx.core.gorules.csv import record_fields  # most commands give no list flag

    fields = record_fields(value)
    if not isinstance(fields, str):
        return []
    return bad(f"{value!r} for {what(ctx)} is read as comma-separated values: {fields}")


@register_type("string", "list", "stringArray", "map")
def check_any(value: str, ctx: ValueContext) -> list[Finding]:
    """Types whose ``Set`` accepts every string."""
    return []
