"""The named rule checks of kubectl's specs (``kind: check``), which use kubectl's value checkers.

They live with kubectl's value modules so that they load with them (``formats.load_for``), and
a docker command imports none of them. The shared and docker checks are in
``kx.check.named_checks``.
"""

from __future__ import annotations

from kx.check.formats._names import is_dns1035_label, is_dns1123_label
from kx.check.formats.kubectl_globals import check_override_flags
from kx.check.formats.kubectl_output import check_output_flags
from kx.check.formats.kubectl_resources import check_resource_args, resource_arg_syntax
from kx.check.formats.kubectl_service import service_type_problems
from kx.check.rules import finding, register_check
from kx.core.findings import WHOLE, Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import RuleSpec
    from kx.check.state import CommandState


@register_check("override-type-with-overrides", needs=("overrides",))
def override_type(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``--overrides`` with ``--override-type``: a known type whose JSON shape fits."""
    if state.flags.get("overrides") is None or state.value("overrides") is None:
        return []
    anchor = "override-type" if "override-type" in state.flags else "overrides"
    overrides, kind = state.value("overrides"), state.value("override-type")
    problems = check_override_flags(overrides, kind)
    typed = kind in (None, "merge", "strategic", "json") and not state.flags["overrides"].dynamic
    if not problems and overrides and typed:
        command = state.spec.path[-1] if state.spec.path else ""
        problems = _override_field_types(overrides, command, kind == "json")
        anchor = "overrides"
    word = state.flags[anchor].anchor
    return [p.at(word.start, word.end) for p in problems]


def _override_field_types(overrides: str, command: str, patch: bool) -> list[Finding]:
    """An override whose fields have the wrong JSON types for kubectl's object, or a bad JSON patch."""
    from kx.check.formats.kube_override_types import json_patch_problem, override_type_problem
    from kx.core.gorules.json import json_kind, read

    if json_kind(overrides) != ("array" if patch else "object"):
        return []
    try:
        value = read(overrides)
        why = json_patch_problem(value, command) if patch else override_type_problem(value, command)
    except RecursionError:
        return []
    return [Finding("KX203", f"--overrides does not fit the object kubectl builds: {why}")] if why else []


@register_check("output-template", needs=("output", "template"))
def output_template(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``-o`` template kinds need a template; ``--template`` must parse."""
    if "output" not in state.flags and "template" not in state.flags:
        return []
    if any(state.flags[n].dynamic for n in ("output", "template") if n in state.flags):
        return []
    anchor = "template" if "template" in state.flags else "output"
    problems = check_output_flags(state.value("output"), state.value("template"))
    word = state.flags[anchor].anchor
    return [p.at(word.start, word.end) for p in problems]


@register_check("resource-args-shape")
def resource_args(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """The shape of ``kubectl expose`` resource arguments, checked together."""
    words = state.positionals
    if any(word.dynamic for word in words):
        return []
    given = (state.is_set("filename"), state.is_set("kustomize"))
    values = [w.value for w in words]
    if True in given and None not in given and not state.uncertain:
        problems = resource_arg_syntax(values)  # the spec's one-of rule (KX401) says files exclude these
    else:
        problems = check_resource_args(values, from_files=True in given)
    found = []
    for index, problem in problems:
        word = words[index] if 0 <= index < len(words) else state.anchor
        start, end = problem.start, problem.end
        if end == WHOLE or not word.literal or index >= len(words):  # whole word, or not mapped exactly
            start, end = word.start, word.end
        else:
            start, end = word.start + start, word.start + end
        found.append(problem.at(start, end))
    return found


@register_check("service-type-fields", needs=("type",))
def service_type_fields(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """Service fields the API server only accepts together (type vs cluster IP, ExternalName)."""
    names = ("type", "cluster-ip", "overrides")
    if any(state.flags[n].dynamic for n in names if n in state.flags):
        return []
    kind, cluster_ip, overrides = (state.value(n) for n in names)
    return [finding(state, rule, "type", f"{message} (the API server rejects it)", "KX204")
            for message in service_type_problems(kind, cluster_ip, overrides)]  # fmt: skip


@register_check("run-expose-service-name", needs=("expose",))
def run_expose_service_name(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """``kubectl run --expose`` names the Service after the pod: a DNS-1035 label."""
    if state.is_set("expose") is not True or not state.positionals or state.positionals[0].dynamic:
        return []
    name = state.positionals[0].value
    if not is_dns1123_label(name) or len(name) > 63 or is_dns1035_label(name):
        return []  # a bad pod name is reported on its own
    message = f"--expose names the Service {name!r}, but Service names must start with a letter"
    word = state.positionals[0]
    return [Finding("KX207", message, word.start, word.end, stage=rule.stage)]
