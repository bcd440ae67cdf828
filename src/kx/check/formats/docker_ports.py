"""docker run port values: `-p/--publish` (short and long syntax) and `--expose`.

The client converts the long `k=v,...` form to `published:target/protocol`, then splits
`[ip:][hostPort:]containerPort[/proto]` the way docker/go-connections' nat package does: IP
checked with net.ParseIP (brackets for IPv6), ports and ranges as base-10 uint16, protocol one of
tcp/udp/sctp in any case. All of it happens client-side, before any daemon call.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules.net import parse_ip, split_host_port
from kx.core.gorules.strconv import RANGE, parse_uint
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

PROTOCOLS = ("tcp", "udp", "sctp")


def port_range(text: str) -> tuple[int, int] | str:
    """nat.ParsePortRange: `N` or `N-M` (M >= N) of base-10 uint16s, or why it fails."""
    if text == "":
        return "no port given"
    if "-" not in text:
        start, err = parse_uint(text, 10, 16)
        return (start, start) if err is None else _why(text, err)
    parts = text.split("-")
    start, err = parse_uint(parts[0], 10, 16)
    if err is not None:
        return _why(parts[0], err)
    end, err = parse_uint(parts[1], 10, 16)
    if err is not None:
        return _why(parts[1], err)
    if end < start:
        return f"the range {text} ends before it starts"
    return start, end


def _why(text: str, err: str) -> str:
    if err == RANGE:
        return f"{text} is above the highest port, 65535"
    return f"{text!r} is not a port number" if text else "a port number is missing"


def split_proto(text: str) -> tuple[str, str]:
    """nat.SplitProtoPort: (proto, port); the protocol defaults to tcp, extra '/x' is ignored."""
    parts = text.split("/")
    if not text or not parts[0]:
        return "", ""
    if len(parts) == 1 or not parts[1]:
        return "tcp", parts[0]
    return parts[1], parts[0]


def _long_to_short(value: str) -> str | Finding:
    """The client's conversion of `published=,target=,protocol=` to the short syntax."""
    params = {"protocol": "tcp"}
    for field in value.split(","):
        key, sep, val = field.partition("=")
        if not sep or not key:
            message = f"each field of the long --publish syntax must be name=value, not {field!r}"
            return Finding("KX203", message)
        params[key] = val
    return f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}"


def check_port_spec(spec: str) -> Finding | None:
    """nat.ParsePortSpec on one short-syntax spec: the first problem, as the client reports it."""
    parts = spec.split(":")
    container = parts[-1]
    ip, host = ("", "") if len(parts) == 1 else ("", parts[0]) if len(parts) == 2 else (
        ":".join(parts[:-2]), parts[-2])  # fmt: skip
    proto, container = split_proto(container)
    if ip.startswith("["):
        split = split_host_port(ip + ":")
        if isinstance(split, str):
            return Finding("KX203", f"host IP {ip!r} is malformed: {split}")
        ip = split[0]
    if ip and not parse_ip(ip):
        hint = " (put an IPv6 host IP in brackets: [::1]:80:80)" if ":" in ip else ""
        return Finding("KX203", f"{ip!r} is not a valid host IP address{hint}")
    if not container:
        return Finding("KX203", "the container port is missing")
    crange = port_range(container)
    if isinstance(crange, str):
        return Finding("KX203", f"invalid container port: {crange}")
    if host:
        hrange = port_range(host)
        if isinstance(hrange, str):
            return Finding("KX203", f"invalid host port: {hrange}")
        if crange[1] - crange[0] != hrange[1] - hrange[0] and crange[1] != crange[0]:
            return Finding("KX203", f"host range {host} and container range {container} differ in length")
    if proto.lower() not in PROTOCOLS:
        known = next((p for p in PROTOCOLS if proto.lower().startswith(p)), None) or best(proto, PROTOCOLS)
        fix = spec[: len(spec) - len(proto)] + known if known and spec.endswith(proto) else None
        return Finding("KX203", f"unknown protocol {proto!r}: use tcp, udp or sctp", suggestion=fix)
    return None


@register_format("port-mapping")
def check_port_mapping(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `-p/--publish` value (short or long syntax)."""
    spec: str | Finding = value
    if "=" in value:
        spec = _long_to_short(value)
    if isinstance(spec, Finding):
        return [spec]
    problem = check_port_spec(spec)
    return [problem] if problem else []


@register_format("expose-port")
def check_expose(value: str, ctx: ValueContext) -> list[Finding]:
    """Check one `--expose` value: a port or range, optional /proto (the protocol is not checked)."""
    if ":" in value:
        return [Finding("KX203", "--expose takes a container port or range only, without ':'",
                        suggestion=value.rsplit(":", 1)[1] or None)]  # fmt: skip
    _, port = split_proto(value)
    result = port_range(port)
    if isinstance(result, str):
        return [Finding("KX203", f"invalid port or range: {result}")]
    return []
