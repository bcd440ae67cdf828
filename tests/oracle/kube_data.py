"""What the fake Kubernetes API serves: version, discovery documents and stored objects.

The resource lists mirror a 1.32 cluster closely enough for kubectl's REST mapper: plural,
singular, kind, short names, namespaced, verbs, plus the usual subresources.
"""

from __future__ import annotations

from typing import Any

VERSION = {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.4",
    "gitCommit": "59526cd4867447956156ae3a602fcbac10a2c335",
    "gitTreeState": "clean",
    "buildDate": "2025-04-22T16:02:27Z",
    "goVersion": "go1.23.6",
    "compiler": "gc",
    "platform": "linux/amd64",
}

_RW = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
_RO = ["get", "list"]

# group/version -> [(plural, singular, kind, namespaced, short names, verbs)]
_RESOURCES: dict[str, list[tuple[str, str, str, bool, list[str], list[str]]]] = {
    "v1": [
        ("bindings", "binding", "Binding", True, [], ["create"]),
        ("componentstatuses", "componentstatus", "ComponentStatus", False, ["cs"], _RO),
        ("configmaps", "configmap", "ConfigMap", True, ["cm"], _RW),
        ("endpoints", "endpoints", "Endpoints", True, ["ep"], _RW),
        ("events", "event", "Event", True, ["ev"], _RW),
        ("limitranges", "limitrange", "LimitRange", True, ["limits"], _RW),
        ("namespaces", "namespace", "Namespace", False, ["ns"], _RW[:2] + _RW[3:]),
        ("nodes", "node", "Node", False, ["no"], _RW),
        ("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", True, ["pvc"], _RW),
        ("persistentvolumes", "persistentvolume", "PersistentVolume", False, ["pv"], _RW),
        ("pods", "pod", "Pod", True, ["po"], _RW),
        ("podtemplates", "podtemplate", "PodTemplate", True, [], _RW),
        ("replicationcontrollers", "replicationcontroller", "ReplicationController", True, ["rc"], _RW),
        ("resourcequotas", "resourcequota", "ResourceQuota", True, ["quota"], _RW),
        ("secrets", "secret", "Secret", True, [], _RW),
        ("serviceaccounts", "serviceaccount", "ServiceAccount", True, ["sa"], _RW),
        ("services", "service", "Service", True, ["svc"], _RW[:2] + _RW[3:]),
    ],
    "apps/v1": [
        ("controllerrevisions", "controllerrevision", "ControllerRevision", True, [], _RW),
        ("daemonsets", "daemonset", "DaemonSet", True, ["ds"], _RW),
        ("deployments", "deployment", "Deployment", True, ["deploy"], _RW),
        ("replicasets", "replicaset", "ReplicaSet", True, ["rs"], _RW),
        ("statefulsets", "statefulset", "StatefulSet", True, ["sts"], _RW),
    ],
    "batch/v1": [
        ("cronjobs", "cronjob", "CronJob", True, ["cj"], _RW),
        ("jobs", "job", "Job", True, [], _RW),
    ],
    "autoscaling/v2": [
        (
            "horizontalpodautoscalers",
            "horizontalpodautoscaler",
            "HorizontalPodAutoscaler",
            True,
            ["hpa"],
            _RW,
        ),
    ],
    "networking.k8s.io/v1": [
        ("ingressclasses", "ingressclass", "IngressClass", False, [], _RW),
        ("ingresses", "ingress", "Ingress", True, ["ing"], _RW),
        ("networkpolicies", "networkpolicy", "NetworkPolicy", True, ["netpol"], _RW),
    ],
}
_SUBRESOURCES = {
    "v1": {
        "pods": ["attach", "exec", "log", "status", "portforward", "binding"],
        "services": ["status", "proxy"],
        "replicationcontrollers": ["scale", "status"],
    },
    "apps/v1": {
        "deployments": ["scale", "status"],
        "replicasets": ["scale", "status"],
        "statefulsets": ["scale", "status"],
        "daemonsets": ["status"],
    },
    "batch/v1": {"jobs": ["status"], "cronjobs": ["status"]},
}
KINDS = {
    plural: (group_version, kind)
    for group_version, rows in _RESOURCES.items()
    for plural, _, kind, _, _, _ in rows
}


def api_versions() -> dict[str, Any]:
    """`GET /api`: the legacy core group."""
    return {
        "kind": "APIVersions",
        "versions": ["v1"],
        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "10.0.0.1:443"}],
    }


def api_groups() -> dict[str, Any]:
    """`GET /apis`: every named group with its single served version."""
    groups = []
    for group_version in _RESOURCES:
        if "/" not in group_version:
            continue
        group, version = group_version.split("/")
        entry = {"groupVersion": group_version, "version": version}
        groups.append({"name": group, "versions": [entry], "preferredVersion": entry})
    return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}


def resource_list(group_version: str) -> dict[str, Any] | None:
    """`GET /api/v1` or `/apis/G/V`: the resources of one group version, or None."""
    rows = _RESOURCES.get(group_version)
    if rows is None:
        return None
    resources: list[dict[str, Any]] = []
    subs = _SUBRESOURCES.get(group_version, {})
    for plural, singular, kind, namespaced, short, verbs in rows:
        entry: dict[str, Any] = {
            "name": plural,
            "singularName": singular,
            "namespaced": namespaced,
            "kind": kind,
            "verbs": verbs,
            "storageVersionHash": "kx" + plural[:8],
        }
        if short:
            entry["shortNames"] = short
        if plural in {
            "pods",
            "deployments",
            "daemonsets",
            "statefulsets",
            "replicasets",
            "services",
            "jobs",
            "cronjobs",
            "replicationcontrollers",
        }:
            entry["categories"] = ["all"]
        resources.append(entry)
        for sub in subs.get(plural, []):
            sub_kind = "Scale" if sub == "scale" else kind
            resources.append(
                {
                    "name": f"{plural}/{sub}",
                    "singularName": "",
                    "namespaced": True,
                    "kind": sub_kind,
                    "verbs": ["get", "patch", "update"],
                }
            )
    return {
        "kind": "APIResourceList",
        "apiVersion": "v1",
        "groupVersion": group_version,
        "resources": resources,
    }
