"""The objects ``kubectl run/expose ... --dry-run=client -o yaml`` prints, built offline.

Inputs are the final flag values as kubectl's flag set would hold them (scalars as strings, string
arrays as lists), so the same parsed line gives the same object. ``kubectl expose`` is built in
expose.py.
"""

from __future__ import annotations

import re
from typing import Any

from kx.core.errors import KxError
from kx.core.gorules.strconv import atoi, parse_bool

Values = dict[str, Any]
_ENV_NAME = re.compile(r"[-._a-zA-Z][-._a-zA-Z0-9]*\Z")


class GenerateError(KxError):
    """The line cannot be turned into an object (kubectl's message, or why kx cannot know)."""


def _go_atoi(text: str) -> int:
    value, error = atoi(text)
    if error is not None:
        kind = "invalid syntax" if error == "syntax" else "value out of range"
        raise GenerateError(f'strconv.Atoi: parsing "{text}": {kind}')
    return value


def _int32(value: int) -> int:
    """Go's int32(x) conversion: wraps around."""
    return (value + 2**31) % 2**32 - 2**31


def _flag_bool(values: Values, name: str) -> bool:
    parsed = parse_bool(str(values.get(name, "false")))
    if parsed is None:
        raise GenerateError(f"invalid value for --{name}: {values[name]!r}")
    return parsed


def string_array(items: list[str]) -> list[str]:
    """A pflag string array as kubectl reads it back, through its CSV text form.

    That round trip turns CRLF into LF, and a lone empty item into no item at all.
    """
    if items == [""]:
        return []
    return [item.replace("\r\n", "\n") for item in items]


def parse_labels(spec: str) -> dict[str, str]:
    """``k=v,k2=v2`` as kubectl's generators read it: exactly one ``=`` per item, key not empty."""
    labels: dict[str, str] = {}
    for item in spec.split(","):
        parts = item.split("=")
        if len(parts) != 2:
            raise GenerateError(f"unexpected label spec: {item}")
        if not parts[0]:
            raise GenerateError("unexpected empty label key")
        labels[parts[0]] = parts[1]
    return labels


def parse_annotations(items: list[str]) -> dict[str, str]:
    """``key=value`` items; the value may hold ``=``; a bad item is reported with all others."""
    pairs: dict[str, str] = {}
    bad = [item for item in items if "=" not in item or item.startswith("=")]
    if bad:
        raise GenerateError(f"invalid annotations format: {', '.join(bad)}")
    for item in items:
        key, _, value = item.partition("=")
        pairs[key] = value
    return pairs


def parse_env(items: list[str]) -> list[dict[str, str]]:
    """``NAME=VALUE`` items into container env entries (empty values are left out, as JSON does)."""
    env: list[dict[str, str]] = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not _ENV_NAME.match(name) or name in (".", "..") or name.startswith(".."):
            raise GenerateError(f"invalid env: {item}")
        env.append({"name": name, "value": value} if value else {"name": name})
    return env


def _metadata(name: str, values: Values) -> dict[str, Any]:
    meta: dict[str, Any] = {"creationTimestamp": None, "name": name}
    if values.get("namespace"):
        meta["namespace"] = values["namespace"]  # kubectl sets it only when -n is given
    return meta


def _refuse_unknowable(values: Values) -> None:
    if values.get("overrides"):
        raise GenerateError("--format yaml cannot apply --overrides offline; drop it or use kubectl")
    if values.get("record") not in (None, "", "false"):
        raise GenerateError("--format yaml does not reproduce the deprecated --record annotation")


def pod(name: str, args: list[str], values: Values) -> dict[str, Any]:
    """The Pod ``kubectl run NAME [ARGS...]`` generates (before --overrides, see runpod)."""
    if not name:
        raise GenerateError("NAME is required for run")
    meta = _metadata(name, values)
    labels = values.get("labels") or ""
    meta["labels"] = parse_labels(labels) if labels else {"run": name}
    annotations = parse_annotations(string_array(list(values.get("annotations") or [])))
    if annotations:
        meta["annotations"] = annotations
    spec = {"containers": [_container(name, args, values)], "dnsPolicy": "ClusterFirst",
            "restartPolicy": values.get("restart") or "Always"}  # fmt: skip
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": {}}


def _container(name: str, args: list[str], values: Values) -> dict[str, Any]:
    container: dict[str, Any] = {"name": name, "image": values.get("image", ""), "resources": {}}
    if args:
        container["command" if _flag_bool(values, "command") else "args"] = list(args)
    env = parse_env(string_array(list(values.get("env") or [])))
    if env:
        container["env"] = env
    if values.get("image-pull-policy"):
        container["imagePullPolicy"] = values["image-pull-policy"]
    if values.get("port"):
        container["ports"] = [{"containerPort": _int32(_go_atoi(values["port"]))}]
    if _flag_bool(values, "privileged"):
        container["securityContext"] = {"privileged": True}
    stdin = _flag_bool(values, "stdin")
    if stdin:
        container["stdin"] = True
        if not _flag_bool(values, "leave-stdin-open"):
            container["stdinOnce"] = True
    if _flag_bool(values, "tty"):
        container["tty"] = True
    return container


def run_service(name: str, values: Values) -> dict[str, Any]:
    """The Service ``kubectl run --expose`` creates next to the pod."""
    selector = values.get("labels") or f"run={name}"
    service = _service_shell(name, values, parse_labels(selector), values.get("labels") or "")
    service["spec"]["ports"] = _ports(values.get("port", ""), values, "")
    return service


def _service_shell(
    name: str, values: Values, selector: dict[str, str], labels: str
) -> dict[str, Any]:
    meta = _metadata(name, values)
    if labels:
        meta["labels"] = parse_labels(labels)
    spec: dict[str, Any] = {"selector": selector}
    return {"apiVersion": "v1", "kind": "Service", "metadata": meta, "spec": spec,
            "status": {"loadBalancer": {}}}  # fmt: skip


def _ports(port_list: str, values: Values, target: str) -> list[dict[str, Any]]:
    items = port_list.split(",") if port_list else []
    ports: list[dict[str, Any]] = []
    for index, text in enumerate(items):
        port = _int32(_go_atoi(text))
        entry: dict[str, Any] = {"port": port, "protocol": values.get("protocol") or "TCP"}
        if len(items) > 1:
            entry["name"] = f"port-{index + 1}"  # kubectl names the ports when there are several
        entry["targetPort"] = _target_port(target) if target else port
        ports.append(entry)
    return ports


def _target_port(text: str) -> int | str:
    value, error = atoi(text)
    return text if error is not None else _int32(value)
