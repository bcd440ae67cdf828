"""A Kubernetes resource quantity (``500m``, ``0.5Gi``, ``1e3``) as ``resource.Quantity`` writes it.

Mirrors apimachinery's ParseQuantity and CanonicalizeBytes: a value that parses exactly and is
already canonical keeps its text (``1E3``, ``+5``), others are rewritten (``1000m`` -> ``1``,
``0.5Gi`` -> ``512Mi``), kept to nano precision rounding up, binary values capped at 2^63-1.
"""

from __future__ import annotations

import re
from decimal import ROUND_UP, Decimal, localcontext

from kx.builder.objects import GenerateError

_FORM_ERROR = ("quantities must match the regular expression "
               "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")  # fmt: skip
_SHAPE = re.compile(r"([+-]?)(0*)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)\Z")
_BINARY = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
_DECIMAL = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_SUFFIX = {exp: name for name, exp in _DECIMAL.items()}
_MAX = 2**63 - 1


def _interpret(suffix: str) -> tuple[int, int, str]:
    """(base, exponent, format) of a suffix."""
    if suffix in _DECIMAL:
        return 10, _DECIMAL[suffix], "decimal"
    if suffix in _BINARY:
        return 2, _BINARY[suffix], "binary"
    if len(suffix) > 1 and suffix[0] in "eE" and re.fullmatch(r"[+-]?\d{1,18}", suffix[1:]):
        return 10, int(suffix[1:]), "exponent"
    raise GenerateError("unable to parse quantity's suffix")


def canonical_quantity(text: str) -> str:
    """The string ``resource.Quantity`` marshals ``text`` to; GenerateError when it cannot parse."""
    text = text.strip(" \t\n\r\v\f")
    if text == "0":
        return text
    match = _SHAPE.match(text)
    if not text or not match:
        raise GenerateError(_FORM_ERROR)
    sign, _, num, denom, suffix = match[1], match[2], match[3] or "0", match[4] or "", match[5]
    base, exponent, form = _interpret(suffix)
    exact = _fast(text, sign, num, denom, base, exponent, form)
    if exact is not None:
        return exact
    if not any(char.isdigit() for char in text[: len(text) - len(suffix)]):
        raise GenerateError("unable to parse numeric part of quantity")
    with localcontext() as ctx:
        ctx.prec = 200
        amount = Decimal(f"{num}.{denom or '0'}") * (Decimal(base) ** exponent)
        if amount:
            amount = amount.quantize(Decimal("1e-9"), rounding=ROUND_UP)
        if form == "binary" and amount > _MAX:
            amount = Decimal(_MAX)
        if form == "binary" and 0 < amount < 1:
            form = "decimal"
        return _canonical(-amount if sign == "-" else amount, form)


def _fast(text: str, sign: str, num: str, denom: str, base: int, exponent: int, form: str) -> str | None:
    """The int64 path of ParseQuantity: its answer when the value fits, None otherwise."""
    scale, mantissa = 0, 1
    if form != "binary":
        scale, precision = exponent, 18 - (len(num) + len(denom))
    elif exponent >= 0 and not denom:
        mantissa = 1 << exponent
        precision = 15 - len(num) - int(exponent * 3 / 10) - 1
    else:
        precision = -1
    scale -= len(denom)
    if precision < 0 or scale < -9:
        return None
    shifted = num + denom
    value = int(shifted)
    if value > _MAX or value * mantissa > _MAX:
        return None
    if form == "binary" and exponent % 10 == 0 and value & 7:
        return text
    if form != "binary" and scale % 3 == 0 and not shifted.endswith("000") and shifted[0] != "0":
        return text
    amount = Decimal(value * mantissa).scaleb(scale)
    return _canonical(-amount if sign == "-" else amount, form)


def _canonical(amount: Decimal, form: str) -> str:
    """CanonicalizeBytes."""
    if not amount:
        return "0"
    if form == "binary" and (abs(amount) < 1024 or amount != amount.to_integral_value()):
        form = "decimal"
    if form == "binary":
        number, exponent = int(amount), 0
        while number % 1024 == 0 and exponent < 60:
            number //= 1024
            exponent += 10
        return f"{number}{_binary_suffix(exponent)}"
    sign, digits, power = amount.normalize().as_tuple()
    mantissa, exponent = int("".join(map(str, digits))), int(power)
    while exponent % 3:
        mantissa *= 10
        exponent -= 1
    text = f"{'-' if sign else ''}{mantissa}"
    if form == "exponent":
        return text + (f"e{exponent}" if exponent else "")
    return text + _SUFFIX.get(exponent, "")


def _binary_suffix(exponent: int) -> str:
    return next((name for name, bits in _BINARY.items() if bits == exponent), "")
