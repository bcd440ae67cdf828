"""Field types of the Pod (kubectl run) and Service (kubectl expose) that --overrides may set.

kubectl merges the override into the object it built and decodes the result into the typed
object before sending it; a value of the wrong JSON type there (``"hostNetwork": "true"``, a
string for an integer, an object for a list, a quantity that does not parse) fails in the
client. Only well-known fields are listed; unknown fields are ignored by the decoder, and so
here. ``null`` fits every type. Go's decoder matches field names case-sensitively.
"""

from __future__ import annotations

from kx.core.gorules.json import Number
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.core.gorules.json import Value

    Schema = str | tuple[str, "Schema"] | dict[str, "Schema"]

# Scalar kinds: s string, b bool, i32/i64 integers, q quantity, ios int-or-string.
_NAMES = {"s": "a string", "b": "a boolean", "i32": "an integer", "i64": "an integer",
          "q": "a quantity such as 500m or 1Gi", "ios": "a port number or name"}  # fmt: skip
_LIMITS = {"i32": 2**31, "i64": 2**63}
_QUANTITY = LazyRegex(r"[+-]?[0-9.]+[eEinumkKMGTP]*[-+]?[0-9]*")
_STRINGS = ("[]", "s")
_LABELS = ("map", "s")
_META: dict[str, Schema] = {
    "name": "s", "generateName": "s", "namespace": "s", "labels": _LABELS, "annotations": _LABELS,
    "finalizers": _STRINGS,
}  # fmt: skip
_CAPS: dict[str, Schema] = {"add": _STRINGS, "drop": _STRINGS}
_SECURITY: dict[str, Schema] = {
    "privileged": "b", "runAsUser": "i64", "runAsGroup": "i64", "runAsNonRoot": "b",
    "readOnlyRootFilesystem": "b", "allowPrivilegeEscalation": "b", "capabilities": _CAPS, "procMount": "s",
}  # fmt: skip
_CONTAINER: dict[str, Schema] = {
    "name": "s", "image": "s", "command": _STRINGS, "args": _STRINGS, "workingDir": "s",
    "imagePullPolicy": "s", "stdin": "b", "stdinOnce": "b", "tty": "b",
    "ports": ("[]", {"name": "s", "hostPort": "i32", "containerPort": "i32", "protocol": "s", "hostIP": "s"}),
    "env": ("[]", {"name": "s", "value": "s"}),
    "resources": {"limits": ("map", "q"), "requests": ("map", "q")},
    "volumeMounts": ("[]", {"name": "s", "readOnly": "b", "mountPath": "s", "subPath": "s"}),
    "securityContext": _SECURITY, "terminationMessagePath": "s", "terminationMessagePolicy": "s",
}  # fmt: skip
_POD_SPEC: dict[str, Schema] = {
    "containers": ("[]", _CONTAINER), "initContainers": ("[]", _CONTAINER), "restartPolicy": "s",
    "terminationGracePeriodSeconds": "i64", "activeDeadlineSeconds": "i64", "dnsPolicy": "s",
    "nodeSelector": _LABELS, "serviceAccountName": "s", "serviceAccount": "s",
    "automountServiceAccountToken": "b", "nodeName": "s", "hostNetwork": "b", "hostPID": "b", "hostIPC": "b",
    "shareProcessNamespace": "b", "hostname": "s", "subdomain": "s", "schedulerName": "s",
    "priorityClassName": "s", "priority": "i32", "enableServiceLinks": "b", "runtimeClassName": "s",
    "imagePullSecrets": ("[]", {"name": "s"}),
    "tolerations": ("[]", {"key": "s", "operator": "s", "value": "s", "effect": "s",
                           "tolerationSeconds": "i64"}),
    "securityContext": {"runAsUser": "i64", "runAsGroup": "i64", "runAsNonRoot": "b", "fsGroup": "i64",
                        "supplementalGroups": ("[]", "i64")},
}  # fmt: skip
_SERVICE_SPEC: dict[str, Schema] = {
    "type": "s", "clusterIP": "s", "clusterIPs": _STRINGS, "externalIPs": _STRINGS, "externalName": "s",
    "selector": _LABELS, "sessionAffinity": "s", "loadBalancerIP": "s", "loadBalancerSourceRanges": _STRINGS,
    "externalTrafficPolicy": "s", "internalTrafficPolicy": "s", "publishNotReadyAddresses": "b",
    "healthCheckNodePort": "i32", "ipFamilies": _STRINGS, "ipFamilyPolicy": "s",
    "allocateLoadBalancerNodePorts": "b", "loadBalancerClass": "s",
    "ports": ("[]", {"name": "s", "protocol": "s", "appProtocol": "s", "port": "i32", "targetPort": "ios",
                     "nodePort": "i32"}),
}  # fmt: skip
ROOTS: dict[str, Schema] = {
    "run": {"apiVersion": "s", "kind": "s", "metadata": _META, "spec": _POD_SPEC, "status": {}},
    "expose": {"apiVersion": "s", "kind": "s", "metadata": _META, "spec": _SERVICE_SPEC, "status": {}},
}


def override_type_problem(value: Value, command: str) -> str | None:
    """The first field of a merge or strategic override whose JSON type the object does not allow."""
    root = ROOTS.get(command)
    if root is None or not isinstance(value, dict):
        return None
    version = value.get("apiVersion")
    if isinstance(version, str) and not isinstance(version, Number) and version != "v1":
        return f"apiVersion {version!r} does not fit: this object is only served as v1"
    return _problem(value, root, "")


def _problem(value: Value, schema: Schema, path: str) -> str | None:
    if value is None:
        return None
    if isinstance(schema, str):
        return _scalar_problem(value, schema, path)
    if isinstance(schema, tuple):
        container, item = schema
        if container == "[]":
            if not isinstance(value, list):
                return f"{path} must be a list, not {_kind(value)}"
            return next((p for n, v in enumerate(value) if (p := _problem(v, item, f"{path}[{n}]"))), None)
        if not isinstance(value, dict):
            return f"{path} must be an object (a map), not {_kind(value)}"
        return next((p for k, v in value.items() if (p := _problem(v, item, f"{path}.{k}"))), None)
    if not isinstance(value, dict):
        return f"{path} must be an object, not {_kind(value)}"
    found = (_problem(v, schema[k], f"{path}.{k}" if path else k) for k, v in value.items() if k in schema)
    return next((p for p in found if p), None)


def _scalar_problem(value: Value, kind: str, path: str) -> str | None:
    if kind == "s":
        ok = isinstance(value, str) and not isinstance(value, Number)
    elif kind == "b":
        ok = isinstance(value, bool)
    elif kind == "q":
        ok = isinstance(value, str) and _QUANTITY.fullmatch(value.strip(" \t\n\r\v\f")) is not None
    elif isinstance(value, Number):  # i32, i64, ios
        limit = _LIMITS.get(kind, 2**31)
        ok = value.lstrip("-").isdigit() and -limit <= int(value) < limit
    else:
        ok = kind == "ios" and isinstance(value, str)
    return None if ok else f"{path} must be {_NAMES[kind]}, not {_kind(value)}"


def _kind(value: Value) -> str:
    if isinstance(value, Number):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 30 else "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "a list" if isinstance(value, list) else "an object"


_PATCH_OPS = ("add", "remove", "replace", "move", "copy", "test")


def json_patch_problem(value: Value, command: str) -> str | None:
    """A JSON patch (--override-type=json): known ops, and values of the right type where added."""
    if not isinstance(value, list):
        return None
    for n, item in enumerate(value):
        if item is None:
            item = {}
        if not isinstance(item, dict):
            return f"patch operation {n} must be an object, not {_kind(item)}"
        op = item.get("op")
        if not isinstance(op, str) or isinstance(op, Number) or op not in _PATCH_OPS:
            shown = repr(op) if isinstance(op, str) else "missing"
            return f"patch operation {n} has op {shown}; use one of {', '.join(_PATCH_OPS)}"
        path = item.get("path")
        if op in ("add", "replace") and isinstance(path, str) and "value" in item:
            schema = _at(ROOTS.get(command), path)
            problem = _problem(item["value"], schema, path) if schema is not None else None
            if problem:
                return problem
    return None


def _at(schema: Schema | None, pointer: str) -> Schema | None:
    """The schema at a JSON pointer (``/spec/containers/0/image``), or None when not known."""
    if not pointer.startswith("/"):
        return None
    for raw in pointer[1:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(schema, tuple):
            container, item = schema
            is_index = part == "-" or part.isdigit()
            schema = item if (container == "[]") == is_index else None
        elif isinstance(schema, dict):
            schema = schema.get(part)
        else:
            return None
    return schema
