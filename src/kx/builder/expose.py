"""The Services ``kubectl expose ... --dry-run=client`` prints, built offline.

With ``-f`` every fact comes from the manifests. kubectl fills its options from the first object
that lacks them and keeps them for the next ones (selector, port list, labels), so a second
object in the same run gets the first one's; kx does the same. With ``TYPE NAME`` the object lives
on the server: kx needs ``--selector`` and ``--port``, leaves out the labels kubectl would copy
from the object, and says so in a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kx.builder.exposefacts import Facts, ObjectError, facts_for
from kx.builder.exposeinput import read_documents
from kx.builder.objects import GenerateError, parse_labels
from kx.builder.serviceports import service_ports, service_spec_options
from kx.core.gorules.strconv import parse_bool

Values = dict[str, Any]
_NAME_LIMIT = 63  # kubectl cuts the default name to a DNS-1035 label's length


@dataclass
class Exposed:
    """The Services built, kubectl's messages for the objects it would refuse, and kx's notes."""

    services: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Options:
    """kubectl's expose options: flag values, completed from the objects as they are visited."""

    values: Values
    selector: str = ""
    port: str = ""
    ports: str = ""
    protocols: dict[str, list[str]] = field(default_factory=dict)
    labels: str = ""
    change_cause: str = ""  # what --record stores ("" without it)

    @classmethod
    def from_values(cls, values: Values, change_cause: str = "") -> _Options:
        """The options before the first object is read."""
        return cls(values, values.get("selector") or "", values.get("port") or "",
                   labels=values.get("labels") or "", change_cause=change_cause)  # fmt: skip


def expose_files(values: Values, change_cause: str = "") -> Exposed:
    """``kubectl expose -f PATH...``: one Service per object of the manifests."""
    _refuse_unknowable(values)
    paths = [str(p) for p in values.get("filename") or []]
    recursive = parse_bool(str(values.get("recursive", "false"))) is True
    documents = read_documents(paths, recursive)
    options = _Options.from_values(values, change_cause)
    out = Exposed()
    for document in documents:
        try:
            if document.body is None:
                raise ObjectError(document.error)
            facts = facts_for(document.body, document.source)
            _check_namespace(facts, values)
            out.services.append(_visit(options, facts))
        except (ObjectError, GenerateError) as error:
            out.errors.append(str(error))
    return out


def expose_named(names: list[str], kinds: list[str], values: Values, change_cause: str = "") -> Exposed:
    """``kubectl expose TYPE NAME...``: the live objects are unknown, so the flags must say it all."""
    _refuse_unknowable(values)
    if not values.get("selector"):
        raise GenerateError("--format yaml needs --selector: kubectl would read it from the object")
    if not values.get("port"):
        raise GenerateError("--format yaml needs --port: kubectl would read it from the object")
    options = _Options.from_values(values, change_cause)
    out = Exposed()
    for name in names:
        facts = Facts(name, "", {}, options.selector)
        out.services.append(_visit(options, facts))
    shown = ", ".join(f"{kind}/{name}" for kind, name in zip(kinds, names, strict=True))
    if not values.get("labels"):
        out.notes.append(
            f"kubectl copies the labels of {shown} onto the Service; only the "
            "live object knows them, so metadata.labels is left out (-l sets them)"
        )
    if not values.get("protocol"):
        out.notes.append(
            "each port's protocol is shown as TCP; kubectl takes it from the live "
            "object's port of that number when it has one (--protocol fixes it)"
        )
    return out


def _refuse_unknowable(values: Values) -> None:
    if values.get("kustomize"):
        raise GenerateError("--format yaml does not run kustomize; use kubectl kustomize DIR > FILE")


def _check_namespace(facts: Facts, values: Values) -> None:
    wanted = values.get("namespace") or ""
    if wanted and facts.namespace and facts.namespace != wanted:
        raise ObjectError(f'the namespace from the provided object "{facts.namespace}" does not '
                          f'match the namespace "{wanted}". You must pass '
                          f"'--namespace={facts.namespace}' to perform this operation.")  # fmt: skip


def _visit(options: _Options, facts: Facts) -> dict[str, Any]:
    """One object: fill what the options lack from it, then build its Service."""
    values = options.values
    if not options.selector:
        if isinstance(facts.selector, ObjectError):
            raise ObjectError("couldn't retrieve selectors via --selector flag or introspection: "
                              f"{facts.selector}")  # fmt: skip
        options.selector = facts.selector
    if not options.port:
        if not facts.ports and values.get("cluster-ip") != "None":
            raise ObjectError("couldn't find port via --port flag or introspection")
        if len(facts.ports) == 1:
            options.port = facts.ports[0]
        elif facts.ports:
            options.ports = ",".join(facts.ports)
    if facts.protocols:
        options.protocols = facts.protocols
    if not options.labels:
        options.labels = ",".join(f"{k}={v}" for k, v in facts.labels.items())
    return _finish(options, _service(options, values.get("name") or facts.name[:_NAME_LIMIT]))


def _finish(options: _Options, service: dict[str, Any]) -> dict[str, Any]:
    """Then what kubectl does next: --overrides, the --record annotation, the namespace of ``-n``."""
    from kx.builder import kubetypes
    from kx.builder.runpod import CHANGE_CAUSE

    values = options.values
    if not values.get("overrides") and not options.change_cause:
        return service
    namespace = service["metadata"].pop("namespace", None)
    typed = kubetypes.encode_struct(service, "Service", [])
    if values.get("overrides"):
        from kx.builder.overrides import apply

        typed = apply(typed, values["overrides"], "Service", values.get("override-type") or "merge")
    meta = typed.setdefault("metadata", {})
    if options.change_cause:
        meta["annotations"] = {**(meta.get("annotations") or {}), CHANGE_CAUSE: options.change_cause}
    if namespace:
        meta["namespace"] = namespace
    return kubetypes.encode_struct(typed, str(typed.get("kind") or "Service"), [])


def _service(options: _Options, name: str) -> dict[str, Any]:
    """The Service of kubectl's createService, with the Go struct's field order (kept by ``-o json``)."""
    values = options.values
    if not options.selector:
        raise GenerateError("selector must be specified")
    selector = parse_labels(options.selector)
    labels = parse_labels(options.labels) if options.labels else {}
    if not name:
        raise GenerateError("name must be specified")
    meta: dict[str, Any] = {"name": name}
    if values.get("namespace"):
        meta["namespace"] = values["namespace"]
    meta["creationTimestamp"] = None
    if labels:
        meta["labels"] = dict(sorted(labels.items()))
    spec: dict[str, Any] = {}
    ports = service_ports(options.ports or options.port, options.protocols, values)
    if ports:
        spec["ports"] = ports
    spec["selector"] = dict(sorted(selector.items()))
    service_spec_options(spec, values)
    return {"kind": "Service", "apiVersion": "v1", "metadata": meta, "spec": spec,
            "status": {"loadBalancer": {}}}  # fmt: skip
