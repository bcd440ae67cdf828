"""The ports and options of the Service ``kubectl expose`` creates (its createService, own words).

Each port takes its protocol from ``--protocol``, else from the exposed object's port of the same
number, else TCP. A number the object serves with several protocols becomes one entry per protocol
(``port-1-tcp``, ``port-1-udp``). Several ports are named ``port-1``, ``port-2`` and so on.
Dicts are built in the Go struct's field order, which ``-o json`` keeps.
"""

from __future__ import annotations

from typing import Any

from kx.builder.objects import GenerateError
from kx.core.gorules.strconv import atoi

Values = dict[str, Any]


def _int32(value: int) -> int:
    return (value + 2**31) % 2**32 - 2**31


def _port_number(text: str) -> int:
    value, error = atoi(text)
    if error is not None:
        kind = "invalid syntax" if error == "syntax" else "value out of range"
        raise GenerateError(f'strconv.Atoi: parsing "{text}": {kind}')
    return _int32(value)


def _entry(name: str, protocol: str, port: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name} if name else {}
    entry["protocol"] = protocol
    entry["port"] = port
    return entry


def service_ports(port_list: str, protocols: dict[str, list[str]], values: Values) -> list[dict[str, Any]]:
    """The ServicePorts for ``80,443``-style text; ``protocols`` maps a port's text to the object's."""
    items = port_list.split(",") if port_list else []
    flag_protocol = values.get("protocol") or ""
    ports: list[dict[str, Any]] = []
    for index, text in enumerate(items):
        port = _port_number(text)
        name = f"port-{index + 1}" if len(items) > 1 else ""
        protocol = flag_protocol or "TCP"
        found = protocols.get(text, []) if not flag_protocol else []
        if len(found) == 1:
            protocol = found[0]
        elif found:
            ports.extend(_entry(f"port-{index + 1}-{p.lower()}", p, port) for p in found)
            continue
        ports.append(_entry(name, protocol, port))
    target = values.get("target-port") or ""
    for entry in ports:
        entry["targetPort"] = _target_port(target) if target else entry["port"]
    return ports


def _target_port(text: str) -> int | str:
    value, error = atoi(text)
    return text if error is not None else _int32(value)


def service_spec_options(spec: dict[str, Any], values: Values) -> None:
    """``--cluster-ip``, ``--type``, ``--external-ip``, ``--session-affinity``, ``--load-balancer-ip``."""
    affinity = values.get("session-affinity") or ""
    if affinity and affinity not in ("None", "ClientIP"):
        raise GenerateError(f"unknown session affinity: {affinity}")
    if values.get("cluster-ip"):
        spec["clusterIP"] = values["cluster-ip"]
    if values.get("type"):
        spec["type"] = values["type"]
    if values.get("external-ip"):
        spec["externalIPs"] = [values["external-ip"]]
    if affinity:
        spec["sessionAffinity"] = affinity
    if values.get("type") == "LoadBalancer" and values.get("load-balancer-ip"):
        spec["loadBalancerIP"] = values["load-balancer-ip"]
