"""Go's net package: ParseIP, ParseMAC and SplitHostPort, as the docker client calls them."""

from __future__ import annotations

_DEC = "0123456789"
_HEX = "0123456789abcdefABCDEF"


def is_ipv4(s: str) -> bool:
    """Dotted-quad IPv4 as netip parses it (no leading zeros)."""
    parts = s.split(".")
    return len(parts) == 4 and all(_is_octet(part) for part in parts)


def _is_octet(part: str) -> bool:
    """0..255 in ASCII digits, without a leading zero."""
    if not 0 < len(part) <= 3 or part.strip(_DEC) or (part[0] == "0" and part != "0"):
        return False
    return int(part) <= 255


def _is_hex_run(text: str, size: int) -> bool:
    """Exactly ``size`` hex digits (``size`` 0 means one to four)."""
    fits = 0 < len(text) <= 4 if size == 0 else len(text) == size
    return fits and not text.strip(_HEX)


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
