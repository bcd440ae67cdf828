"""What ``kubectl expose`` reads from one manifest object: kind, name, labels, selector, ports.

The rules follow kubectl 1.32's polymorphic helpers: a Pod's selector is its labels, a Service's
its spec.selector, an apps/v1 Deployment or ReplicaSet's its matchLabels (set-based expressions
are refused), a ReplicationController's its spec.selector. Ports are the containers' ports (or
the Service's ports), duplicates dropped; each port number keeps the list of its protocols.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kx.builder.gojson import go_json_type, sorted_compact
from kx.check.formats.kube_resources import EXPOSABLE_KINDS, GROUPS, resources

_POD_KINDS = {"Deployment": "deployment", "ReplicaSet": "replicaset"}


class ObjectError(Exception):
    """kubectl's message for an object it cannot expose (the other objects still are)."""


@dataclass
class Facts:
    """One object as kubectl's expose sees it; ``selector`` holds its error when there is none."""

    name: str
    namespace: str
    labels: dict[str, str]
    selector: str | ObjectError
    ports: list[str] = field(default_factory=list)
    protocols: dict[str, list[str]] = field(default_factory=dict)


def make_labels(labels: dict[str, str]) -> str:
    """``k=v,k2=v2``: kubectl's text form of a label map."""
    return ",".join(f"{key}={value}" for key, value in labels.items())


def facts_for(body: dict[str, Any], source: str) -> Facts:
    """The facts of one decoded object; raises ObjectError with kubectl's message."""
    version, kind = body.get("apiVersion"), body.get("kind")
    if not isinstance(version, str) or not version:
        shown = sorted_compact(body)
        raise ObjectError(f"unable to decode \"{source}\": Object 'apiVersion' is missing in '{shown}'")
    meta = _map(body.get("metadata"), "metadata", source)
    name = _text(meta.get("name"), "ObjectMeta.metadata.name", source)
    group = version.rpartition("/")[0]
    if not _served(group, version.rpartition("/")[2], str(kind)):
        raise ObjectError(f'resource mapping not found for name: "{name}" namespace: '
                          f'"{_text(meta.get("namespace"), "ObjectMeta.metadata.namespace", source)}" '
                          f'from "{source}": no matches for kind "{kind}" in version "{version}"\n'
                          "ensure CRDs are installed first")  # fmt: skip
    if kind not in EXPOSABLE_KINDS or group not in ("", "apps"):
        raise ObjectError(f"cannot expose a {kind}.{group}" if group else f"cannot expose a {kind}")
    labels = _labels(meta.get("labels"), "ObjectMeta.metadata.labels", source)
    spec = _map(body.get("spec"), "spec", source)
    facts = Facts(name, _text(meta.get("namespace"), "ObjectMeta.metadata.namespace", source), labels,
                  _selector(str(kind), labels, spec, source))  # fmt: skip
    entries = _port_entries(str(kind), spec, source)
    for number, protocol in entries:
        if number not in facts.ports:
            facts.ports.append(number)
        facts.protocols.setdefault(number, []).append(protocol or "TCP")
    return facts


def _served(group: str, version: str, kind: str) -> bool:
    if version not in GROUPS.get(group, ()):
        return False
    return any(r.kind == kind and r.group == group for r in resources())


def _selector(kind: str, labels: dict[str, str], spec: dict[str, Any], source: str) -> str | ObjectError:
    if kind == "Pod":
        if not labels:
            return ObjectError("the pod has no labels and cannot be exposed")
        return make_labels(labels)
    if kind in ("Service", "ReplicationController"):
        raw = spec.get("selector")
        if kind == "Service" and raw is None:
            return ObjectError("the service has no pod selector set")
        return make_labels(_labels(raw, f"{kind}Spec.spec.selector", source))
    selector = _map(spec.get("selector"), "spec.selector", source)
    match = _labels(selector.get("matchLabels"), "LabelSelector.spec.selector.matchLabels", source)
    if not match:
        return ObjectError(f"invalid {_POD_KINDS[kind]}: no selectors, therefore cannot be exposed")
    expressions = selector.get("matchExpressions")
    if isinstance(expressions, list) and expressions:
        shown = " ".join(_expression(item) for item in expressions)
        return ObjectError(f'couldn\'t convert expressions - "[{shown}]" to map-based selector format')
    return make_labels(match)


def _expression(item: object) -> str:
    """A LabelSelectorRequirement as Go's %+v prints it."""
    data = item if isinstance(item, dict) else {}
    values = data.get("values") if isinstance(data.get("values"), list) else []
    shown = " ".join(str(v) for v in values or [])
    return f"{{Key:{data.get('key') or ''} Operator:{data.get('operator') or ''} Values:[{shown}]}}"


def _port_entries(kind: str, spec: dict[str, Any], source: str) -> list[tuple[str, str]]:
    """(port number as text, protocol) for every port, in order, duplicates kept."""
    if kind == "Service":
        items = _list(spec.get("ports"), "spec.ports", source)
        return [_port(p, "port", "ServicePort.spec.ports", source) for p in items]
    pod, where = spec, "spec.containers"
    if kind != "Pod":
        where = "spec.template.spec.containers"
        template = _map(spec.get("template"), "spec.template", source)
        pod = _map(template.get("spec"), "spec.template.spec", source)
    out: list[tuple[str, str]] = []
    for container in _list(pod.get("containers"), where, source):
        box = _map(container, where, source)
        for item in _list(box.get("ports"), f"Container.{where}.ports", source):
            out.append(_port(item, "containerPort", f"ContainerPort.{where}.ports", source))
    return out


def _port(item: object, key: str, where: str, source: str) -> tuple[str, str]:
    data = _map(item, where, source)
    number = data.get(key)
    if number is None:
        number = 0
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, bool) or not isinstance(number, int) or not -(2**31) <= number < 2**31:
        raise _decode_error(source, number, f"{where}.{key}", "int32")
    return str(number), _text(data.get("protocol"), f"{where}.protocol", source)


def _map(value: object, where: str, source: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _decode_error(source, value, where, "object")
    return {str(k): v for k, v in value.items()}


def _list(value: object, where: str, source: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _decode_error(source, value, where, "array")
    return value


def _text(value: object, where: str, source: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _decode_error(source, value, where, "string")
    return value


def _labels(value: object, where: str, source: str) -> dict[str, str]:
    return {key: _text(v, where, source) for key, v in _map(value, where, source).items()}


def _decode_error(source: str, value: object, where: str, wanted: str) -> ObjectError:
    return ObjectError(f'unable to decode "{source}": json: cannot unmarshal {go_json_type(value)} into '
                       f"Go struct field {where} of type {wanted}")  # fmt: skip
