"""The resource types a standard Kubernetes 1.32 cluster serves, and how kubectl resolves a TYPE word.

kubectl maps a TYPE through server discovery (the shortcut expander, then the REST mapper):

* short names (``po``, ``svc``, ``deploy``) match exactly, case-sensitively;
* plural and singular names match case-insensitively, and so do kinds, because a built-in kind
  lower-cased is its singular name;
* ``resource.group`` matches the group exactly, else as a prefix (``deployments.app``,
  ``storageclass.storage``); ``resource.version.group`` needs a served version.

Only the five kinds below can be exposed (the legacy ``extensions`` group no longer serves
Deployments or ReplicaSets on a 1.32 server). A dotted word that matches nothing built in may be a
custom resource or an aggregated API, so it is "unknown to us", not "certainly absent".
"""

from __future__ import annotations

from kx.core.memo import remember
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

# group -> versions served by a default 1.32 API server (beta APIs that are off by default omitted).
GROUPS: dict[str, tuple[str, ...]] = {
    "": ("v1",),
    "admissionregistration.k8s.io": ("v1",),
    "apiextensions.k8s.io": ("v1",),
    "apiregistration.k8s.io": ("v1",),
    "apps": ("v1",),
    "authentication.k8s.io": ("v1",),
    "authorization.k8s.io": ("v1",),
    "autoscaling": ("v2", "v1"),
    "batch": ("v1",),
    "certificates.k8s.io": ("v1",),
    "coordination.k8s.io": ("v1",),
    "discovery.k8s.io": ("v1",),
    "events.k8s.io": ("v1",),
    "flowcontrol.apiserver.k8s.io": ("v1",),
    "networking.k8s.io": ("v1",),
    "node.k8s.io": ("v1",),
    "policy": ("v1",),
    "rbac.authorization.k8s.io": ("v1",),
    "scheduling.k8s.io": ("v1",),
    "storage.k8s.io": ("v1",),
}

# (plural, kind, group, short names); the singular is the kind lower-cased.
_TABLE: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("bindings", "Binding", "", ()),
    ("componentstatuses", "ComponentStatus", "", ("cs",)),
    ("configmaps", "ConfigMap", "", ("cm",)),
    ("endpoints", "Endpoints", "", ("ep",)),
    ("events", "Event", "", ("ev",)),
    ("limitranges", "LimitRange", "", ("limits",)),
    ("namespaces", "Namespace", "", ("ns",)),
    ("nodes", "Node", "", ("no",)),
    ("persistentvolumeclaims", "PersistentVolumeClaim", "", ("pvc",)),
    ("persistentvolumes", "PersistentVolume", "", ("pv",)),
    ("pods", "Pod", "", ("po",)),
    ("podtemplates", "PodTemplate", "", ()),
    ("replicationcontrollers", "ReplicationController", "", ("rc",)),
    ("resourcequotas", "ResourceQuota", "", ("quota",)),
    ("secrets", "Secret", "", ()),
    ("serviceaccounts", "ServiceAccount", "", ("sa",)),
    ("services", "Service", "", ("svc",)),
    ("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "admissionregistration.k8s.io", ()),
    ("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "admissionregistration.k8s.io", ()),
    ("validatingadmissionpolicies", "ValidatingAdmissionPolicy", "admissionregistration.k8s.io", ()),
    ("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding",
     "admissionregistration.k8s.io", ()),
    ("customresourcedefinitions", "CustomResourceDefinition", "apiextensions.k8s.io", ("crd", "crds")),
    ("apiservices", "APIService", "apiregistration.k8s.io", ()),
    ("controllerrevisions", "ControllerRevision", "apps", ()),
    ("daemonsets", "DaemonSet", "apps", ("ds",)),
    ("deployments", "Deployment", "apps", ("deploy",)),
    ("replicasets", "ReplicaSet", "apps", ("rs",)),
    ("statefulsets", "StatefulSet", "apps", ("sts",)),
    ("selfsubjectreviews", "SelfSubjectReview", "authentication.k8s.io", ()),
    ("tokenreviews", "TokenReview", "authentication.k8s.io", ()),
    ("localsubjectaccessreviews", "LocalSubjectAccessReview", "authorization.k8s.io", ()),
    ("selfsubjectaccessreviews", "SelfSubjectAccessReview", "authorization.k8s.io", ()),
    ("selfsubjectrulesreviews", "SelfSubjectRulesReview", "authorization.k8s.io", ()),
    ("subjectaccessreviews", "SubjectAccessReview", "authorization.k8s.io", ()),
    ("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling", ("hpa",)),
    ("cronjobs", "CronJob", "batch", ("cj",)),
    ("jobs", "Job", "batch", ()),
    ("certificatesigningrequests", "CertificateSigningRequest", "certificates.k8s.io", ("csr",)),
    ("leases", "Lease", "coordination.k8s.io", ()),
    ("endpointslices", "EndpointSlice", "discovery.k8s.io", ()),
    ("events", "Event", "events.k8s.io", ("ev",)),
    ("flowschemas", "FlowSchema", "flowcontrol.apiserver.k8s.io", ()),
    ("prioritylevelconfigurations", "PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io", ()),
    ("ingressclasses", "IngressClass", "networking.k8s.io", ()),
    ("ingresses", "Ingress", "networking.k8s.io", ("ing",)),
    ("networkpolicies", "NetworkPolicy", "networking.k8s.io", ("netpol",)),
    ("runtimeclasses", "RuntimeClass", "node.k8s.io", ()),
    ("poddisruptionbudgets", "PodDisruptionBudget", "policy", ("pdb",)),
    ("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io", ()),
    ("clusterroles", "ClusterRole", "rbac.authorization.k8s.io", ()),
    ("rolebindings", "RoleBinding", "rbac.authorization.k8s.io", ()),
    ("roles", "Role", "rbac.authorization.k8s.io", ()),
    ("priorityclasses", "PriorityClass", "scheduling.k8s.io", ("pc",)),
    ("csidrivers", "CSIDriver", "storage.k8s.io", ()),
    ("csinodes", "CSINode", "storage.k8s.io", ()),
    ("csistoragecapacities", "CSIStorageCapacity", "storage.k8s.io", ()),
    ("storageclasses", "StorageClass", "storage.k8s.io", ("sc",)),
    ("volumeattachments", "VolumeAttachment", "storage.k8s.io", ()),
)

EXPOSABLE_KINDS = frozenset({"Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"})
# Category names kubectl expands to several types through discovery.
CATEGORIES = frozenset({"all"})
# Resources whose objects are named by DNS-1035 labels rather than DNS-1123 subdomains.
LABEL_NAMED = frozenset({"services"})


class Resource:
    """One built-in resource type."""

    __slots__ = ("group", "kind", "plural", "short", "singular")
    plural: str
    singular: str
    kind: str
    group: str
    short: tuple[str, ...]

    def __init__(self, plural: str, kind: str, group: str, short: tuple[str, ...]) -> None:
        self.plural = plural
        self.singular = kind.lower()
        self.kind = kind
        self.group = group
        self.short = short

    @property
    def group_kind(self) -> str:
        """``Kind.group`` as kubectl prints it (bare kind for the core group)."""
        return f"{self.kind}.{self.group}" if self.group else self.kind

    @property
    def exposable(self) -> bool:
        """Whether ``kubectl expose`` accepts objects of this kind."""
        return self.kind in EXPOSABLE_KINDS

    def names(self, word: str) -> bool:
        """Whether a bare resource word (no group) names this resource."""
        return word in self.short or word.lower() in (self.plural, self.singular)


_RESOURCES: list[Resource] = []


def resources() -> list[Resource]:
    """All built-in resources, core group first (kubectl's priority order)."""
    if not _RESOURCES:
        _RESOURCES.extend(Resource(*row) for row in _TABLE)
    return _RESOURCES


def _candidates(word: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(resource, group, version) readings of a TYPE word, in the order kubectl tries them."""
    parts = word.split(".")
    if len(parts) >= 3:
        yield parts[0], ".".join(parts[2:]) or None, parts[1]
    resource, _, group = word.partition(".")
    yield resource, group or None, None


def _match(resource: str, group: str | None, version: str | None) -> Resource | None:
    """The built-in resource for one reading: exact group first, then group prefix."""
    if version is not None and (group or "") in GROUPS and version not in GROUPS[group or ""]:
        return None
    hits = [r for r in resources() if r.names(resource)]
    if group is None:
        return hits[0] if hits else None
    exact = [r for r in hits if r.group == group]
    if exact or version is not None:
        return exact[0] if exact else None
    prefixed = [r for r in hits if r.group.startswith(group)]
    return prefixed[0] if len(prefixed) == 1 else None


@remember  # a pure lookup over a fixed table: safe to remember
def resolve(word: str) -> Resource | None:
    """The built-in resource a TYPE word names, or None when it names no built-in type."""
    found = None
    for resource, group, version in _candidates(word):
        found = _match(resource, group, version)
        if found is not None:
            break
    return found


def may_be_custom(word: str) -> bool:
    """Whether an unresolved TYPE could still name a custom or aggregated resource (it has a group)."""
    return "." in word.strip(".")


def suggest(word: str) -> str | None:
    """A close built-in spelling for an unknown TYPE word (did-you-mean)."""
    import difflib

    lowered = word.lower()
    for r in resources():
        if lowered in r.short:
            return lowered
    pool = [name for r in resources() for name in (r.plural, r.singular, *r.short)]
    close = difflib.get_close_matches(lowered, pool, n=1, cutoff=0.75)
    return close[0] if close else None
