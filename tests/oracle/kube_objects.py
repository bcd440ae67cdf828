"""Objects the fake Kubernetes API returns on GET: every name exists except `MISSING`.

Workloads carry the label `app=<name>`, a selector on it and a container port 80 (plus 443 named
`https`), so `kubectl expose` can introspect selector and ports as on a real cluster.
"""

from __future__ import annotations

from typing import Any

from .kube_data import KINDS

MISSING = "missing"
_CREATED = "2025-01-01T00:00:00Z"


def _meta(name: str, namespace: str | None, labels: dict[str, str]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "name": name,
        "uid": f"00000000-0000-4000-8000-{len(name):012d}",
        "resourceVersion": "1000",
        "creationTimestamp": _CREATED,
    }
    if namespace is not None:
        meta["namespace"] = namespace
    if labels:
        meta["labels"] = labels
    return meta


def _pod_spec(name: str) -> dict[str, Any]:
    ports = [
        {"containerPort": 80, "protocol": "TCP", "name": "http"},
        {"containerPort": 443, "protocol": "TCP", "name": "https"},
    ]
    return {"containers": [{"name": name, "image": "nginx:1.27", "ports": ports}], "restartPolicy": "Always"}


def _template(name: str, labels: dict[str, str]) -> dict[str, Any]:
    return {"metadata": {"labels": labels}, "spec": _pod_spec(name)}


def _spec(resource: str, name: str, labels: dict[str, str]) -> dict[str, Any] | None:
    """The spec for one resource kind, or None for kinds without one."""
    selector = {"matchLabels": labels}
    if resource in {"deployments", "replicasets", "statefulsets", "daemonsets"}:
        spec: dict[str, Any] = {"selector": selector, "template": _template(name, labels)}
        if resource != "daemonsets":
            spec["replicas"] = 1
        return spec
    if resource == "replicationcontrollers":
        return {"replicas": 1, "selector": labels, "template": _template(name, labels)}
    if resource == "pods":
        return _pod_spec(name)
    if resource == "services":
        ports = [{"name": "http", "port": 80, "targetPort": 80, "protocol": "TCP"}]
        return {"type": "ClusterIP", "clusterIP": "10.96.0.10", "selector": labels, "ports": ports}
    if resource == "jobs":
        return {"selector": selector, "template": _template(name, labels)}
    if resource == "cronjobs":
        return {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": _template(name, labels)}}}
    return None


def get_object(resource: str, name: str, namespace: str | None) -> dict[str, Any] | None:
    """The stored object `resource/name`, or None if the fake has no such object."""
    if name == MISSING or resource not in KINDS:
        return None
    group_version, kind = KINDS[resource]
    labels = {"run": name} if resource == "pods" else {"app": name}
    obj: dict[str, Any] = {
        "apiVersion": group_version,
        "kind": kind,
        "metadata": _meta(name, namespace, labels),
    }
    spec = _spec(resource, name, labels)
    if spec is not None:
        obj["spec"] = spec
    if resource == "configmaps":
        obj["data"] = {"key": "value"}
    return obj


def running(resource: str, name: str, namespace: str | None) -> dict[str, Any] | None:
    """The object as a list item; a pod is reported Running and ready so attach can start."""
    obj = get_object(resource, name, namespace)
    if obj is not None and resource == "pods":
        ready = {"type": "Ready", "status": "True"}
        obj["status"] = {
            "phase": "Running",
            "conditions": [ready],
            "containerStatuses": [
                {
                    "name": name,
                    "ready": True,
                    "restartCount": 0,
                    "state": {"running": {"startedAt": _CREATED}},
                }
            ],
        }
    return obj


def status(code: int, reason: str, message: str) -> dict[str, Any]:
    """A `metav1.Status` failure body."""
    return {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
        "code": code,
    }
