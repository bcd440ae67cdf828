"""docker run network values.

`--network` (plain and advanced syntax), `--add-host`, `--dns`, `--ip`, `--ip6`, `--link-local-ip`,
`--dns-search`, `--mac-address` and `--link`.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.csv import record_fields
from kx.core.gorules.net import is_ipv4, parse_ip, parse_mac
from kx.core.gorules.strconv import atoi
from kx.core.gorules.strings import trim_space
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

NETWORK_KEYS = ("name", "alias", "ip", "ip6", "mac-address", "link-local-ip", "driver-opt", "gw-priority")
_COMPONENT = r"(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))"
# The client's domain pattern, including its `(:?` groups (an optional ':' before each label).
_DOMAIN = LazyRegex(rf"(:?{_COMPONENT}(:?\.{_COMPONENT})*)\.?[\t\n\f\r ]*")
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def _has_word_pair(value: str) -> bool:
    """A ``word=word`` anywhere (word characters being ASCII letters, digits and '_')."""
    at = value.find("=", 1)
    while 0 < at < len(value) - 1:
        if value[at - 1] in _WORD_CHARS and value[at + 1] in _WORD_CHARS:
            return True
        at = value.find("=", at + 1)
    return False


def network_entry(value: str) -> tuple[str, dict[str, str]] | None:
    """The client's reading of one ``--network`` value: (network, options); None if it does not read.

    A value with a ``word=word`` in it is the advanced syntax, one CSV record of ``key=value``
    fields, each lowercased and trimmed, with known keys; any other value names the network.
    """
    if not _has_word_pair(value):
        return value, {}
    fields = record_fields(value)
    if isinstance(fields, str):
        return None
    options: dict[str, str] = {}
    for field in fields:
        key, sep, val = field.lower().partition("=")
        key = trim_space(key)
        if not sep or key not in NETWORK_KEYS:
            return None
        options[key] = trim_space(val)
    return options.get("name", ""), options


def is_user_defined(network: str) -> bool:
    """A network other than default, bridge, host, none and container:<x>."""
    return network not in ("default", "bridge", "host", "none") and not network.startswith("container:")


def _bad(message: str, suggestion: str | None = None) -> list[Finding]:
    return [Finding("KX203", message, suggestion=suggestion)]


@register_format("docker-network")
def check_network(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--network` value: a name, or `name=...,alias=...` when it holds `word=word`."""
    if not _has_word_pair(value):
        return _bad("the network name is blank") if trim_space(value) == "" else []
    fields = record_fields(value)
    if isinstance(fields, str):
        return _bad(f"the advanced --network value is not valid CSV: {fields}")
    name, aliases, mac = "", False, ""
    for field in fields:
        key, sep, val = field.lower().partition("=")
        if not sep or not key:
            return _bad(f"each field of the advanced --network syntax must be key=value, not {field!r}")
        key, val = trim_space(key), trim_space(val)
        if key not in NETWORK_KEYS:
            return _bad(f"unknown --network key {key!r} (keys: {', '.join(NETWORK_KEYS)})")
        if key == "driver-opt" and (not val.partition("=")[1] or val.startswith("=")):
            return _bad(f"driver-opt must be key=value, not {val!r}")
        if key == "gw-priority" and atoi(val)[1] is not None:
            return _bad(f"gw-priority must be an integer, not {val!r}")
        name = val if key == "name" else name
        aliases = aliases or key == "alias"
        mac = val if key == "mac-address" else mac
    if not name:
        return _bad("the advanced --network syntax needs name=<network>")
    if trim_space(name) == "":
        return _bad("the network name is blank")
    if aliases and not is_user_defined(name):
        return _bad(f"network aliases need a user-defined network, not {name!r}")
    if mac and not parse_mac(trim_space(mac)):
        return _bad(f"{mac!r} is not a valid MAC address")
    return []


@register_format("add-host")
def check_add_host(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--add-host` value: host:ip or host=ip, ip may be [v6] or host-gateway."""
    host, sep, ip = value.partition("=")
    if not sep:
        host, sep, ip = value.partition(":")
    if not sep or not host or ":" in host:
        return _bad(f"--add-host needs host:ip or host=ip, not {value!r}")
    if ip == "host-gateway":
        return []
    inner = ip[1:-1] if len(ip) > 2 and ip[0] == "[" and ip[-1] == "]" else ip
    if not parse_ip(trim_space(inner)):
        message = f"{ip!r} is not an IP address (or host-gateway)"
        return [Finding("KX203", message, len(value) - len(ip), len(value))]
    return []


@register_format("ip-address")
def check_ip_address(value: str, ctx: ValueContext) -> list[Finding]:
    """Check an IP address: --dns in the client; --ip, --ip6, --link-local-ip only in the daemon."""
    name = ctx.flag.name if ctx.flag is not None else "dns"
    if name == "dns":
        return [] if parse_ip(trim_space(value)) else _bad(f"{value!r} is not an IP address")
    if value == "" and name in ("ip", "ip6"):
        return []
    if name == "ip" and not is_ipv4(value):
        message = f"{value!r} is not an IPv4 address"
    elif name == "ip6" and (not parse_ip(value) or is_ipv4(value)):
        message = f"{value!r} is not an IPv6 address"
    elif not parse_ip(value):
        message = f"{value!r} is not an IP address"
    else:
        return []
    return [Finding("KX204", message, stage="server")]


@register_format("dns-search")
def check_dns_search(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--dns-search` domain ('.' allowed): a letter somewhere, labels of [a-zA-Z0-9-]."""
    val = value.strip(" ")
    if val == ".":
        return []
    match = _DOMAIN.fullmatch(val) if any(ch.isascii() and ch.isalpha() for ch in val) else None
    if match is None or len(match.group(1)) >= 255:
        return _bad(f"{value!r} is not a valid search domain")
    return []


@register_format("mac-address")
def check_mac_address(value: str, ctx: ValueContext) -> list[Finding]:
    """Check a `--mac-address`: net.ParseMAC after trimming spaces."""
    if value == "" or parse_mac(trim_space(value)):
        return []
    return _bad(f"{value!r} is not a valid MAC address")


@register_format("link")
def check_link(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--link` value: name[:alias], non-empty, at most one ':'."""
    if value == "":
        return _bad("--link needs a container name")
    if value.count(":") > 1:
        return _bad(f"--link takes name[:alias], not {value!r}")
    return []
