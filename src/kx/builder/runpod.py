"""The objects ``kubectl run`` sends for a line, printed as ``-o yaml`` or ``-o json`` prints them.

kubectl generates the Pod, applies ``--overrides`` (decoding into the Go type), records the
command line under ``--record``, adds the last-applied annotation under ``--save-config``, and
creates the Pod (then the Service of ``--expose``). A client dry run skips the last-applied
annotation and refuses to attach (``-i``, ``--attach``); kx shows what the real run would send.
Like the dry run, kx sets ``metadata.namespace`` only when ``-n`` names it: otherwise the server
fills it in from the kubeconfig.
"""

from __future__ import annotations

from typing import Any

from kx.builder import kubetypes, objects
from kx.builder.objects import GenerateError, Values
from kx.core.gorules.strconv import parse_bool
from kx.parse.parsed import ParsedCommand

CHANGE_CAUSE = "kubernetes.io/change-cause"
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


def _flag(values: Values, name: str) -> bool:
    return parse_bool(str(values.get(name, "false"))) is True


def check_run(values: Values) -> None:
    """Refuse what kubectl run itself refuses, dry run or not."""
    attach = _flag(values, "attach") if "attach" in values else _flag(values, "stdin")
    if _flag(values, "rm") and not attach:
        raise GenerateError("--rm should only be used for attached containers")
    if _flag(values, "tty") and not _flag(values, "stdin"):
        raise GenerateError("-i/--stdin is required for containers with -t/--tty=true")
    if _flag(values, "expose") and not values.get("port"):
        raise GenerateError("--port must be set when exposing a service")
    restart = values.get("restart") or "Always"
    if restart not in ("Always", "OnFailure", "Never"):
        raise GenerateError(f"invalid restart policy: {restart}")
    policy = values.get("image-pull-policy") or ""
    if policy not in ("", "Always", "IfNotPresent", "Never"):
        raise GenerateError(f"invalid image pull policy: {policy}")


def change_cause(parsed: ParsedCommand) -> str:
    """What ``--record`` stores: the arguments, then each flag as ``--name=value`` in order."""
    words = ["kubectl", *parsed.spec.path, *(word.value for word in parsed.positionals)]
    flags = [f" --{use.flag.name}={use.value}" for use in parsed.uses
             if use.flag is not None and use.value is not None]  # fmt: skip
    return " ".join(words) + "".join(flags)


def pod(parsed: ParsedCommand, name: str, args: list[str], values: Values) -> dict[str, Any]:
    """The Pod kubectl sends for the line, fields in Go's order."""
    check_run(values)
    generated = objects.pod(name, args, values)
    namespace = generated["metadata"].pop("namespace", None)
    typed = kubetypes.encode_struct(generated, "Pod", [])
    if values.get("overrides"):
        from kx.builder.overrides import apply

        typed = apply(typed, values["overrides"], "Pod", values.get("override-type") or "merge")
    return _finish(typed, parsed, values, namespace)


def _finish(
    obj: dict[str, Any], parsed: ParsedCommand, values: Values, namespace: str | None
) -> dict[str, Any]:
    """The change-cause and last-applied annotations, then the namespace of ``-n``."""
    if _flag(values, "record"):
        _annotate(obj, CHANGE_CAUSE, change_cause(parsed))
    if _flag(values, "save-config"):
        _save_config(obj)
    if namespace:
        obj["metadata"]["namespace"] = namespace
    return kubetypes.encode_struct(obj, str(obj.get("kind") or "Pod"), [])


def _annotate(obj: dict[str, Any], key: str, value: str) -> None:
    meta = obj.setdefault("metadata", {})
    meta["annotations"] = {**(meta.get("annotations") or {}), key: value}


def _save_config(obj: dict[str, Any]) -> None:
    """Add the annotation GetModifiedConfiguration makes: the object without it, compact JSON."""
    from kx.builder.gojson import compact

    meta = obj.setdefault("metadata", {})
    notes = {k: v for k, v in (meta.get("annotations") or {}).items() if k != LAST_APPLIED}
    meta["annotations"] = notes
    snapshot = kubetypes.encode_struct(obj, str(obj.get("kind") or "Pod"), [])
    _annotate(obj, LAST_APPLIED, compact(snapshot))


def run_objects(parsed: ParsedCommand, words: list[str], values: Values) -> list[dict[str, Any]]:
    """The objects of ``kubectl run`` in the order printed: the Service of --expose first."""
    if not words:
        raise GenerateError("NAME is required for run")
    name, args = words[0], words[1:]
    created = pod(parsed, name, args, values)
    if not _flag(values, "expose"):
        return [created]
    service = objects.run_service(name, values)
    namespace = service["metadata"].pop("namespace", None)
    typed = kubetypes.encode_struct(service, "Service", [])
    return [_finish(typed, parsed, values, namespace), created]


def render_run(parsed: ParsedCommand, words: list[str], values: Values, output: str) -> str:
    """``kubectl run LINE -o yaml|json`` for what the run sends."""
    made = run_objects(parsed, words, values)
    if output == "json":
        from kx.builder.gojson import print_objects

        return print_objects(made)
    from kx.builder.kubeprint import render

    return render(made, extra_separator_after=0 if len(made) > 1 else None)
