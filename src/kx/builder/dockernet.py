"""The network part of a docker run line: ports, networks and endpoints, DNS, extra hosts."""

from __future__ import annotations

import ipaddress
from typing import Any

from kx.builder.dockerflags import Flags
from kx.builder.objects import GenerateError
from kx.check.formats.docker_net import is_user_defined, network_entry
from kx.check.formats.docker_ports import port_range, split_proto
from kx.core.gorules.csv import record_fields
from kx.core.gorules.strings import trim_space


def _standard(publish: str) -> str:
    """The long ``-p published=,target=,protocol=`` syntax in the short form the client converts it to."""
    if "=" not in publish:
        return publish
    params = {"protocol": "tcp"}
    for field in publish.split(","):
        key, _, value = field.partition("=")
        params[key] = value
    return f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}"


def _split(raw: str) -> tuple[str, str, str]:
    """(host IP, host port, container port[/proto]) of a short -p spec."""
    parts = raw.split(":")
    if len(parts) == 1:
        return "", "", parts[0]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return ":".join(parts[:-2]), parts[-2], parts[-1]


def _range(text: str) -> tuple[int, int]:
    found = port_range(text)
    if isinstance(found, str):
        raise GenerateError(found)
    return found


def ports(flags: Flags) -> tuple[dict[str, Any], dict[str, list[dict[str, str]]]]:
    """(Config.ExposedPorts, HostConfig.PortBindings) from -p and --expose."""
    exposed: dict[str, Any] = {}
    bindings: dict[str, list[dict[str, str]]] = {}
    for raw in flags.all("publish"):
        ip, host, container = _split(_standard(raw))
        proto, container = split_proto(container)
        if ip.startswith("[") and ip.endswith("]"):
            ip = ip[1:-1]
        start, end = _range(container)
        host_start, host_end = _range(host) if host else (0, 0)
        for offset in range(end - start + 1):
            host_port = str(host_start + offset) if host else ""
            if start == end and host_start != host_end:
                host_port = f"{host_port}-{host_end}"
            key = f"{start + offset}/{proto.lower()}"
            exposed[key] = {}
            bindings.setdefault(key, []).append({"HostIp": ip, "HostPort": host_port})
    for value in flags.all("expose"):
        proto, port = split_proto(value)
        start, end = _range(port)
        for number in range(start, end + 1):
            exposed.setdefault(f"{number}/{proto}", {})
    return exposed, bindings


def _canonical_ip(text: str) -> str:
    """An IP address as Go's net.IP prints it (IPv4-mapped IPv6 addresses as IPv4)."""
    address = ipaddress.ip_address(trim_space(text))
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def dns_servers(flags: Flags) -> list[str]:
    """HostConfig.Dns: each server in canonical form."""
    return [_canonical_ip(value) for value in flags.all("dns")]


def dns_search(flags: Flags) -> list[str]:
    """HostConfig.DnsSearch: each domain without surrounding spaces and its final dot ('.' kept)."""
    out = []
    for value in flags.all("dns-search"):
        value = value.strip(" ")
        if value != ".":
            value = value.rstrip("\t\n\f\r ")
            value = value[:-1] if value.endswith(".") else value
        out.append(value)
    return out


def extra_hosts(flags: Flags) -> list[str]:
    """HostConfig.ExtraHosts: ``host:ip`` (``host=ip`` and ``[ipv6]`` rewritten)."""
    out = []
    for value in flags.all("add-host"):
        host, sep, address = value.partition("=")
        if not sep:
            host, _, address = value.partition(":")
        if len(address) > 2 and address[0] == "[" and address[-1] == "]":
            address = address[1:-1]
        out.append(f"{host}:{address}")
    return out


def _attachments(flags: Flags) -> list[dict[str, Any]]:
    """Each --network value as {Target, Aliases, IPv4Address, ...} (the advanced syntax read)."""
    out: list[dict[str, Any]] = []
    for value in flags.all("network"):
        entry = network_entry(value)
        if entry is None or not entry[1]:
            out.append({"Target": value})
            continue
        fields = record_fields(value)
        attachment: dict[str, Any] = {"Aliases": [], "LinkLocalIPs": [], "DriverOpts": {}}
        for field in fields if isinstance(fields, list) else []:
            key, _, val = field.lower().partition("=")
            key, val = trim_space(key), trim_space(val)
            if key in ("alias", "link-local-ip"):
                attachment["Aliases" if key == "alias" else "LinkLocalIPs"].append(val)
            elif key == "driver-opt":
                opt, _, opt_value = val.partition("=")
                attachment["DriverOpts"][trim_space(opt)] = trim_space(opt_value)
            else:
                attachment[key] = val
        attachment["Target"] = attachment.pop("name", "")
        out.append(attachment)
    return out


def network_mode(flags: Flags) -> str:
    """HostConfig.NetworkMode: the first network's name, or ``default``."""
    networks = _attachments(flags)
    return str(networks[0]["Target"]) if networks else "default"


def endpoints(flags: Flags) -> dict[str, Any]:
    """NetworkingConfig.EndpointsConfig: one endpoint per network; --ip, aliases etc. on the first."""
    networks = _attachments(flags) or [{"Target": "default"}]
    out: dict[str, Any] = {}
    for index, attachment in enumerate(networks):
        if index == 0:
            _apply_container_options(attachment, flags)
        endpoint = _endpoint(attachment)
        if index == 0 and len(networks) == 1 and flags.all("network") and not any(endpoint.values()):
            continue
        out[str(attachment["Target"])] = endpoint
    return out


def _apply_container_options(attachment: dict[str, Any], flags: Flags) -> None:
    """--network-alias, --link (user-defined networks), --ip, --ip6, --mac-address, --link-local-ip."""
    if flags.all("network-alias"):
        attachment["Aliases"] = flags.all("network-alias")
    if flags.all("link") and is_user_defined(str(attachment["Target"])):
        attachment["Links"] = flags.all("link")
    for flag, key in (("ip", "ip"), ("ip6", "ip6"), ("mac-address", "mac-address")):
        if flags.text(flag):
            attachment[key] = flags.text(flag)
    if flags.all("link-local-ip"):
        attachment["LinkLocalIPs"] = flags.all("link-local-ip")


def _endpoint(attachment: dict[str, Any]) -> dict[str, Any]:
    """One EndpointSettings."""
    ipv4, ipv6 = attachment.get("ip", ""), attachment.get("ip6", "")
    local = attachment.get("LinkLocalIPs") or []
    endpoint: dict[str, Any] = {
        "Links": attachment.get("Links") or None,
        "Aliases": attachment.get("Aliases") or None,
        "DriverOpts": attachment.get("DriverOpts") or None,
        "GwPriority": int(attachment.get("gw-priority", "0")),
        "MacAddress": attachment.get("mac-address", ""),
    }
    if ipv4 or ipv6 or local:
        endpoint["IPAMConfig"] = {"IPv4Address": ipv4, "IPv6Address": ipv6, "LinkLocalIPs": local}
    return endpoint
