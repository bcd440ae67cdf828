"""Go standard-library parsing rules that the docker client relies on, re-stated in Python.

strconv (ParseInt/ParseUint/Atoi/ParseBool/ParseFloat), net (ParseIP, ParseMAC, SplitHostPort),
strings.TrimSpace and encoding/csv's first record. Each function answers the same accept/reject
question as its Go namesake; none copies Go code. They use no regexes: docker run values go
through here on every ``kx check``, which should not pay for importing ``re``.
"""

from __future__ import annotations

# unicode.IsSpace, as strings.TrimSpace uses it.
GO_SPACE = " \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501
BOOL_WORDS = frozenset({"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"})

_DIGITS = {2: "01", 8: "01234567", 10: "0123456789", 16: "0123456789abcdefABCDEF"}


def trim_space(s: str) -> str:
    """strings.TrimSpace."""
    return s.strip(GO_SPACE)


def parse_bool(s: str) -> bool | None:
    """strconv.ParseBool; None when the word is not one of Go's boolean spellings."""
    if s not in BOOL_WORDS:
        return None
    return s in ("1", "t", "T", "TRUE", "true", "True")


def _underscores_ok(body: str, prefixed: bool) -> bool:
    """Go's rule: an underscore only between digits, or right after a base prefix."""
    prev = "0" if prefixed else "^"
    for ch in body:
        if ch == "_":
            if prev != "0":
                return False
            prev = "_"
        else:
            prev = "0"
    return prev != "_"


def parse_uint(s: str, base: int = 10, bits: int = 64) -> tuple[int | None, str]:
    """strconv.ParseUint: (value, "") or (None, "syntax"|"range")."""
    body, prefixed = s, False
    if base == 0:
        base = 10
        low = s[:2].lower()
        if low in ("0x", "0o", "0b"):
            base, body, prefixed = {"0x": 16, "0o": 8, "0b": 2}[low], s[2:], True
        elif s[:1] == "0" and len(s) > 1:
            base, body = 8, s[1:]
            prefixed = True
        if "_" in body:
            if not _underscores_ok(body, prefixed):
                return None, "syntax"
            body = body.replace("_", "")
    if base == 10:
        valid = body.isdigit() and body.isascii()  # exactly 0-9, without a loop in Python
    else:
        valid = bool(body) and all(ch in _DIGITS[base] for ch in body)
    if not valid:
        return None, "syntax"
    significant = body.lstrip("0") or "0"
    if len(significant) > bits:  # at least base**bits >= 2**bits; also spares int() huge input
        return None, "range"
    value = int(significant, base)
    if value >= 1 << bits:
        return None, "range"
    return value, ""


def parse_int(s: str, base: int = 10, bits: int = 64) -> tuple[int | None, str]:
    """strconv.ParseInt: an optional sign, then ParseUint's digits, within the signed range."""
    sign, body = 1, s
    if s[:1] in ("+", "-"):
        sign, body = (-1 if s[0] == "-" else 1), s[1:]
    value, err = parse_uint(body, base, 64 + 1)
    if value is None:
        return None, err
    value *= sign
    limit = 1 << (bits - 1)
    if not -limit <= value < limit:
        return None, "range"
    return value, ""


def atoi(s: str) -> int | None:
    """strconv.Atoi on a 64-bit platform; None on any error."""
    return parse_int(s, 10, 64)[0]


def float_syntax_ok(body: str, hexa: bool) -> bool:
    """Go's float literal shape, sign removed: digits (and '_') with at most one '.', then an exponent.

    Decimal: ``[0-9_]*[.[0-9_]*][(e|E)[+-]digit[0-9_]*]`` with a digit before the exponent. Hex:
    ``0x`` then hex digits (and '_') with at most one '.', at least one hex digit, and a required
    ``(p|P)[+-]digit[0-9_]*`` exponent. Underscore placement is checked separately.
    """
    if hexa:
        mantissa, digits, marks = body[2:], _DIGITS[16], "pP"
    else:
        mantissa, digits, marks = body, _DIGITS[10], "eE"
    cut = min((at for at in (mantissa.find(marks[0]), mantissa.find(marks[1])) if at >= 0), default=-1)
    exponent = None if cut < 0 else mantissa[cut + 1 :]
    mantissa = mantissa if cut < 0 else mantissa[:cut]
    if mantissa.strip(digits + "_.") or mantissa.count(".") > 1 or not mantissa.strip("_."):
        return False
    if exponent is None:
        return not hexa
    exponent = exponent[1:] if exponent[:1] in ("+", "-") else exponent
    return exponent[:1] in _DIGITS[10] and exponent != "" and not exponent.strip(_DIGITS[10] + "_")


def parse_float(s: str) -> tuple[float | None, str]:
    """strconv.ParseFloat(s, 64): (value, "") or (None, "syntax"|"range")."""
    if len(s) < 300 and s.isdigit() and s.isascii():
        return float(s), ""  # plain digits (most sizes): valid, and too short to overflow
    body = s[1:] if s[:1] in ("+", "-") else s
    if body.lower() in ("inf", "infinity") or s.lower() == "nan":
        return float(s), ""
    hexa = len(body) > 2 and body[:2].lower() == "0x"
    if not float_syntax_ok(body, hexa):
        return None, "syntax"
    if "_" in body and not _underscores_ok_float(body, hexa):
        return None, "syntax"
    clean = s.replace("_", "")
    try:
        value = float.fromhex(clean) if hexa else float(clean)
    except OverflowError:
        return None, "range"
    if value in (float("inf"), float("-inf")):
        return None, "range"
    return value, ""


def _underscores_ok_float(body: str, hexa: bool) -> bool:
    """Go's underscore rule on an unsigned float: separators only between digits (or after 0x)."""
    prev = "^"
    if hexa:
        body, prev = body[2:], "0"
    digits = "0123456789abcdefABCDEF" if hexa else "0123456789"
    for ch in body:
        if ch in digits:
            prev = "0"
        elif ch == "_":
            if prev != "0":
                return False
            prev = "_"
        else:
            if prev == "_":
                return False
            prev = "!"
    return prev != "_"


def go_int64(value: float) -> int:
    """Go's float64 -> int64 conversion on amd64: out-of-range values become the minimum int64."""
    if value != value or not -(2.0**63) <= value < 2.0**63:
        return -(1 << 63)
    return int(value)


def is_ipv4(s: str) -> bool:
    """Dotted-quad IPv4 as netip parses it (no leading zeros)."""
    parts = s.split(".")
    return len(parts) == 4 and all(_is_octet(part) for part in parts)


def _is_octet(part: str) -> bool:
    """0..255 in ASCII digits, without a leading zero."""
    if not 0 < len(part) <= 3 or part.strip(_DIGITS[10]) or (part[0] == "0" and part != "0"):
        return False
    return int(part) <= 255


def _is_hex_run(text: str, size: int) -> bool:
    """Exactly ``size`` hex digits (``size`` 0 means one to four)."""
    fits = 0 < len(text) <= 4 if size == 0 else len(text) == size
    return fits and not text.strip(_DIGITS[16])


def is_ipv6(s: str) -> bool:
    """IPv6 as netip.ParseAddr accepts it, zones excluded (net.ParseIP refuses them)."""
    if "%" in s or ":" not in s:
        return False
    head, sep, tail = s.partition("::")
    if sep and "::" in tail:
        return False
    groups = _v6_groups(head, allow_v4=not sep) if head else 0
    rest = _v6_groups(tail, allow_v4=True) if tail else 0
    if groups is None or rest is None:
        return False
    return groups + rest < 8 if sep else groups == 8


def _v6_groups(part: str, allow_v4: bool) -> int | None:
    """Count the 16-bit fields of one side of '::' (an IPv4 tail counts two); None if malformed."""
    fields = part.split(":")
    count = 0
    for i, field in enumerate(fields):
        if "." in field and i == len(fields) - 1 and allow_v4:
            if not is_ipv4(field):
                return None
            count += 2
        elif _is_hex_run(field, 0):
            count += 1
        else:
            return None
    return count


def parse_ip(s: str) -> bool:
    """net.ParseIP: True when s is an IPv4 or IPv6 address."""
    for ch in s:
        if ch == ".":
            return is_ipv4(s)
        if ch in ":%":
            return is_ipv6(s)
    return False


def parse_mac(s: str) -> bool:
    """net.ParseMAC: 6, 8 or 20 octets as xx:xx.., xx-xx.. or xxxx.xxxx.."""
    if not s.isascii() or len(s) < 14:
        return False
    if s[2] in ":-":
        octets, groups = (len(s) + 1) // 3, s.split(s[2])
        size = 2
    elif s[4] == ".":
        octets, groups = 2 * (len(s) + 1) // 5, s.split(".")
        size = 4
    else:
        return False
    if octets not in (6, 8, 20) or len(groups) != octets * 2 // size:
        return False
    return all(_is_hex_run(group, size) for group in groups)


def split_host_port(hostport: str) -> tuple[str, str] | str:
    """net.SplitHostPort: (host, port), or the reason it fails."""
    colon = hostport.rfind(":")
    if colon < 0:
        return "missing port in address"
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return "missing ']' in address"
        if end + 1 == len(hostport):
            return "missing port in address"
        if end + 1 != colon:
            return "too many colons in address" if hostport[end + 1] == ":" else "missing port in address"
        host, low, high = hostport[1:end], 1, end + 1
    else:
        host, low, high = hostport[:colon], 0, 0
        if ":" in host:
            return "too many colons in address"
    if "[" in hostport[low:]:
        return "unexpected '[' in address"
    if "]" in hostport[high:]:
        return "unexpected ']' in address"
    return host, hostport[colon + 1 :]


def csv_record(text: str) -> list[str] | str:
    """encoding/csv's first record with default settings, or the reason it fails."""
    i, n = 0, len(text)
    while i < n and text[i] in "\r\n" and text[i:].startswith(("\n", "\r\n")):
        i += 1 if text[i] == "\n" else 2
    if i >= n:
        return "the value is empty"
    fields: list[str] = []
    while True:
        if text[i : i + 1] != '"':
            j = i
            while j < n and text[j] not in ",\n":
                j += 1
            field = text[i:j]
            if j < n and text[j] == "\n" and field.endswith("\r"):
                field = field[:-1]
            if '"' in field:
                return "a double quote appears inside an unquoted field (quote the whole field)"
            fields.append(field)
            if j < n and text[j] == ",":
                i = j + 1
                continue
            return fields
        j, buf = i + 1, []
        while True:
            q = text.find('"', j)
            if q < 0:
                return "a quoted field is not closed"
            buf.append(text[j:q])
            after = text[q + 1 : q + 2]
            if after == '"':
                buf.append('"')
                j = q + 2
                continue
            if after in ("", ",", "\n") or text[q + 1 : q + 3] == "\r\n":
                break
            return "a closing quote must be followed by a comma or the end of the value"
        fields.append("".join(buf))
        if after == ",":
            i = q + 2
            continue
        return fields
