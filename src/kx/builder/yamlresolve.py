"""Whether the YAML v2 library would read plain text back as the same string (implicit typing).

When it would read as a bool, null, number or timestamp instead, the emitter double-quotes the text.
The rules: a fixed table of words (``yes``, ``Off``, ``~``, ``.inf``, ...), then, for text starting
with a sign or digit, a timestamp, a Go integer (any base prefix, ``_`` ignored), a YAML-style float,
or a sexagesimal float such as ``1:20``; text starting with ``.`` is tried as a Go float.
"""

from __future__ import annotations

import re

from kx.core.gorules.strconv import parse_float, parse_int, parse_uint

_WORDS = frozenset({
    "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
    "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
})  # fmt: skip
_YAML_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_BASE60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")
_DIGIT = "0123456789"


def resolves_as_string(text: str) -> bool:
    """True when ``text`` written plain reads back as the same string."""
    if not text or text in _WORDS:
        return False
    first = text[0]
    if first == ".":
        return parse_float(text)[1] is not None
    if first not in "+-" and first not in _DIGIT:
        return True
    if ":" in text and _BASE60.match(text):
        return False
    return not _is_number_or_time(text)


def _is_number_or_time(text: str) -> bool:
    if is_timestamp(text):
        return True
    plain = text.replace("_", "")
    if parse_int(plain)[1] is None or parse_uint(plain)[1] is None:
        return True
    if _YAML_FLOAT.match(plain) and parse_float(plain)[1] is None:
        return True
    if plain.startswith("0b"):
        return parse_int(plain[2:], 2)[1] is None or parse_uint(plain[2:], 2)[1] is None
    if plain.startswith("-0b"):
        return parse_int("-" + plain[3:], 2)[1] is None
    return False


def is_timestamp(text: str) -> bool:
    """Go ``time.Parse`` with the four layouts the library tries (date, and date-time forms)."""
    if len(text) < 5 or not text[:4].isascii() or not text[:4].isdigit() or text[4] != "-":
        return False
    rest = _date(text)
    if rest is None:
        return False
    if rest == "":
        return True
    separator = rest[0]
    if separator not in "Tt ":
        return False
    rest = _clock(rest[1:])
    if rest is None:
        return False
    return rest == "" if separator == " " else _zone(rest)


def _num(text: str, limit: int) -> tuple[int, str] | None:
    """One or two leading ASCII digits below ``limit`` (Go's non-fixed getnum)."""
    if not text or text[0] not in _DIGIT:
        return None
    width = 2 if len(text) > 1 and text[1] in _DIGIT else 1
    value = int(text[:width])
    return (value, text[width:]) if value < limit else None


def _date(text: str) -> str | None:
    """Parse ``YYYY-M-D`` (day checked against the month); return the rest or None."""
    year = int(text[:4])
    month = _num(text[5:], 13)
    if month is None or month[0] == 0 or month[1][:1] != "-":
        return None
    day = _num(month[1][1:], 32)
    if day is None or not 1 <= day[0] <= _days_in(month[0], year):
        return None
    return day[1]


def _days_in(month: int, year: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _clock(text: str) -> str | None:
    """Parse ``h:m:s`` plus an optional fraction (``.`` or ``,`` then digits)."""
    hour = _num(text, 24)
    if hour is None or hour[1][:1] != ":":
        return None
    minute = _num(hour[1][1:], 60)
    if minute is None or minute[1][:1] != ":":
        return None
    second = _num(minute[1][1:], 60)
    if second is None:
        return None
    rest = second[1]
    if len(rest) >= 2 and rest[0] in ".," and rest[1] in _DIGIT:
        end = 1
        while end < len(rest) and rest[end] in _DIGIT:
            end += 1
        rest = rest[end:]
    return rest


def _zone(text: str) -> bool:
    """``Z`` or ``±hh:mm`` and nothing after it."""
    if text == "Z":
        return True
    if len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return False
    hh, mm = text[1:3], text[4:6]
    if not (hh.isascii() and hh.isdigit() and mm.isascii() and mm.isdigit()):
        return False
    return int(hh) <= 24 and int(mm) <= 60
