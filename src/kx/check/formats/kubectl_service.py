"""Service and port values of kubectl run/expose: ports, target ports, type, protocol, affinity.

The client converts ports with Go's ``strconv.Atoi`` (base 10, sign allowed, 64-bit) and checks
--session-affinity; ranges, Service types and protocols are only enforced by the API server.
"""

from __future__ import annotations

from kx.check.formats._names import has_lower_letter, is_port_name_chars
from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules import strconv as sc
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

SERVICE_TYPES = ("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")
PROTOCOLS = ("TCP", "UDP", "SCTP")
AFFINITIES = ("None", "ClientIP")
_PORT_RANGE = "1..65535"


def choice_problem(value: str, choices: tuple[str, ...], what: str, *, server: bool) -> list[Finding]:
    """Case-sensitive membership ('' allowed: the default), with a suggestion."""
    if value == "" or value in choices:
        return []
    shown = ", ".join(choices)
    guess = best(value, choices)
    if server:
        message = f"the API server rejects {what} {value!r}; it must be one of {shown} (case-sensitive)"
        return [Finding("KX204", message, stage="server", suggestion=guess)]
    message = f"{value!r} is not a valid {what}; use one of {shown} (case-sensitive)"
    return [Finding("KX202", message, suggestion=guess)]


def _atoi_problem(item: str, what: str) -> Finding | None:
    _, err = sc.atoi(item)
    if err is None:
        return None
    if err == sc.RANGE:
        return Finding("KX201", f"{item} in {what} is too large for a 64-bit integer")
    return Finding("KX201", f"{item!r} in {what} is not a base-10 port number")


def _wrap32(n: int) -> int:
    """Go's int32(n) conversion: keep the low 32 bits, signed."""
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n >= 1 << 31 else n


@register_format("port-list")
def check_port_list(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --port: comma-separated integers (client); each 1..65535 and distinct (server)."""
    if value == "":
        return []
    what = ctx.display or "--port"
    items = value.split(",")
    for item in items:
        problem = _atoi_problem(item, what)
        if problem:
            return [problem]
    problems = []
    for item in items:
        n = sc.atoi(item)[0]
        if not 1 <= _wrap32(n) <= 65535:
            message = f"the API server rejects the service port {item}; ports must be in {_PORT_RANGE}"
            problems.append(Finding("KX204", message, stage="server"))
    numbers = [sc.atoi(item)[0] for item in items]
    if len(set(numbers)) != len(numbers):
        message = f"{what} lists the same port twice; the API server rejects duplicate service ports"
        problems.append(Finding("KX204", message, stage="server"))
    return problems


@register_format("container-port")
def check_container_port(value: str, ctx: ValueContext) -> list[Finding]:
    """Run --port: one integer (client, negatives pass); 1..65535 after int32 conversion (server)."""
    if value == "":
        return []
    problem = _atoi_problem(value, ctx.display or "--port")
    if problem:
        return [problem]
    if not 1 <= _wrap32(sc.atoi(value)[0]) <= 65535:
        message = f"the API server rejects containerPort {value}; it must be in {_PORT_RANGE}"
        return [Finding("KX204", message, stage="server")]
    return []


def port_name_problem(name: str) -> str | None:
    """Why ``name`` is not an IANA service name usable as a named port, or None."""
    if len(name) > 15:
        return "it is longer than 15 characters"
    if not is_port_name_chars(name):
        return "it may only contain lowercase letters, digits and '-'"
    if not has_lower_letter(name):
        return "it must contain at least one letter"
    if name.startswith("-") or name.endswith("-") or "--" in name:
        return "'-' may not start or end it, or appear twice in a row"
    return None


@register_format("target-port")
def check_target_port(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --target-port: a number (0 means 'same as --port') or a named port (server)."""
    if value == "":
        return []
    n, err = sc.atoi(value)
    if err is None:
        port = _wrap32(n)
        if port == 0 or 1 <= port <= 65535:
            return []
        message = f"the API server rejects targetPort {value}; a port number must be in {_PORT_RANGE}"
        return [Finding("KX204", message, stage="server")]
    why = port_name_problem(value)
    if why is None:
        return []
    message = f"the API server rejects targetPort {value!r}: as a port name, {why}"
    guess = value.lower() if port_name_problem(value.lower()) is None else None
    return [Finding("KX204", message, stage="server", suggestion=guess)]


@register_format("session-affinity")
def check_session_affinity(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --session-affinity: None or ClientIP, checked by the client."""
    return choice_problem(value, AFFINITIES, "session affinity", server=False)


@register_format("service-type")
def check_service_type(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --type: ClusterIP, NodePort, LoadBalancer or ExternalName (server)."""
    return choice_problem(value, SERVICE_TYPES, "Service type", server=True)


@register_format("protocol")
def check_protocol(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --protocol: TCP, UDP or SCTP (server)."""
    return choice_problem(value, PROTOCOLS, "protocol", server=True)


def ip_problem(value: str) -> str | None:
    """Why ``value`` is not an IP address the API server accepts in a Service, or None."""
    import ipaddress

    parts = value.split(".")
    address: ipaddress.IPv4Address | ipaddress.IPv6Address
    if len(parts) == 4 and all(p.isascii() and p.isdigit() and len(p) <= 3 and int(p) <= 255 for p in parts):
        # The API server parses IPv4 leniently: leading zeros are accepted (with a warning).
        address = ipaddress.IPv4Address(".".join(str(int(p)) for p in parts))
    else:
        try:
            address = ipaddress.IPv6Address(value)
        except ValueError:
            return "it is not an IP address"
    multicast = ipaddress.ip_network("224.0.0.0/24" if address.version == 4 else "ff02::/16")
    if address.is_unspecified or address.is_loopback or address.is_link_local or address in multicast:
        return "unspecified, loopback and link-local addresses are not allowed"
    return None


@register_format("cluster-ip")
def check_cluster_ip(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --cluster-ip: None (headless) or an IP address (server)."""
    if value in ("", "None"):
        return []
    import ipaddress

    try:
        ipaddress.ip_address(value)
    except ValueError:
        guess = "None" if value.lower() == "none" else None
        message = f"the API server rejects clusterIP {value!r}: use an IP address or None"
        return [Finding("KX204", message, stage="server", suggestion=guess)]
    return []


@register_format("external-ip")
def check_external_ip(value: str, ctx: ValueContext) -> list[Finding]:
    """Expose --external-ip: one IP address (the client does not split commas), checked by the server."""
    why = ip_problem(value) if value else None
    if why is None:
        return []
    hint = " (the flag takes one address; commas are not split)" if "," in value else ""
    message = f"the API server rejects the external IP {value!r}: {why}{hint}"
    return [Finding("KX204", message, stage="server")]


def service_type_problems(kind: str | None, cluster_ip: str | None, overrides: str | None) -> list[str]:
    """What the API server refuses in a Service of type ``kind`` built by kubectl expose."""
    found = []
    if kind in ("NodePort", "LoadBalancer") and cluster_ip == "None":
        found.append(f"a {kind} Service cannot be headless (--cluster-ip=None)")
    if kind == "ExternalName" and not overrides:
        found.append("an ExternalName Service needs spec.externalName (expose sets it only via --overrides)")
    if kind == "ExternalName" and cluster_ip:
        found.append("an ExternalName Service cannot have a cluster IP (--cluster-ip)")
    return found
