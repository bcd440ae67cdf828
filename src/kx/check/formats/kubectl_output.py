"""kubectl printing and strategy values: -o/--output (+ --template), --dry-run, --cascade.

All are checked by the client after flag parsing and before any request. The deprecated forms
(bare --dry-run, boolean --dry-run and --cascade values) still work and print a warning.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.findings import Finding
from kx.core.gorules import strconv as sc
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

# Lower-cased by the client before matching.
PLAIN_OUTPUTS = ("json", "yaml", "name")
# Matched exactly; each takes a template, inline as KIND=TEMPLATE or from --template.
TEMPLATE_OUTPUTS = (
    "go-template", "go-template-file", "template", "templatefile",
    "jsonpath", "jsonpath-file", "jsonpath-as-json",
)  # fmt: skip
_ALL = ", ".join(sorted((*PLAIN_OUTPUTS, *TEMPLATE_OUTPUTS)))
DRY_RUN = ("none", "server", "client")
CASCADE = ("background", "foreground", "orphan")


def _template_problem(kind: str, template: str) -> Finding | None:
    """Syntax of an inline template for an output kind (a file kind's file: kx.check.envchecks)."""
    # Imported here: most commands give no template, and every kubectl check loads this module.
    from kx.check.formats.kubectl_jsonpath import jsonpath_problem
    from kx.check.formats.kubectl_templates import go_template_problem

    if kind in ("go-template", "template"):
        why = go_template_problem(template)
    elif kind in ("jsonpath", "jsonpath-as-json"):
        why = jsonpath_problem(template)
    else:
        return None
    return Finding("KX203", f"the {kind} template {template!r} does not parse: {why}") if why else None


def _unknown_output(value: str) -> Finding:
    kind = value.partition("=")[0]
    everything = (*PLAIN_OUTPUTS, *TEMPLATE_OUTPUTS)
    guess = next((k for k in everything if k == kind.lower()), None) or best(kind, everything)
    message = f"{value!r} is not an output format this command accepts ({_ALL}"
    message += "; KIND=TEMPLATE only for template formats)" if "=" in value else ")"
    if guess and guess in TEMPLATE_OUTPUTS and guess != kind:
        message += f"; template format names are case-sensitive ({guess})"
        suggestion: str | None = guess + value[len(kind) :]
    else:
        suggestion = guess if guess and "=" not in value else None
    return Finding("KX202", message, suggestion=suggestion)


@register_format("output-format")
def check_output_format(value: str, ctx: ValueContext) -> list[Finding]:
    """One -o value on its own; what depends on --template is ``check_output_flags``."""
    if value.lower() in (*PLAIN_OUTPUTS, "") or value in TEMPLATE_OUTPUTS:
        return []
    kind, sep, template = value.partition("=")
    if not sep or kind not in TEMPLATE_OUTPUTS:
        return [_unknown_output(value)]
    problem = _template_problem(kind, template) if template else None
    return [problem] if problem else []


def check_output_flags(output: str | None, template: str | None) -> list[Finding]:
    """Problems of -o/--output and --template together (None: the flag is not given).

    A template kind needs a template (inline or from --template); with --template given, an
    inline ``KIND=TEMPLATE`` is not recognised; --template alone means -o go-template. Problems of
    the -o value alone (unknown kind, bad inline template) are left to ``check_output_format``.
    """
    has_template = bool(template)
    if output is None:
        problem = _template_problem("go-template", template) if template else None
        return [problem] if problem else []
    if output.lower() in (*PLAIN_OUTPUTS, ""):
        return []
    kind, sep, inline = output.partition("=")
    if has_template and sep and kind in TEMPLATE_OUTPUTS:
        message = f"with --template given, -o takes only the format name ({kind}), not {output!r}"
        return [Finding("KX202", message, suggestion=kind)]
    if output in TEMPLATE_OUTPUTS and template is not None and has_template:
        problem = _template_problem(output, template)
        return [problem] if problem else []
    if kind in TEMPLATE_OUTPUTS and not inline:
        message = f"-o {kind} needs a template: write {kind}=TEMPLATE or add --template"
        return [Finding("KX203", message)]
    return []


def _deprecated_bool(value: str, flag: str, true_to: str, false_to: str) -> list[Finding]:
    """A boolean spelling that still works but is deprecated; the suggestion is the new value."""
    replacement = true_to if sc.parse_bool(value) else false_to
    message = f"--{flag}={value} is a deprecated boolean form; use --{flag}={replacement}"
    return [Finding("KX502", message, suggestion=replacement)]


@register_format("dry-run")
def check_dry_run(value: str, ctx: ValueContext) -> list[Finding]:
    """--dry-run: none, server or client; bare (``unchanged``) and booleans are deprecated."""
    if value in DRY_RUN:
        return []
    if value == "unchanged":
        message = "a bare --dry-run is deprecated (and never takes the next word); use --dry-run=client"
        return [Finding("KX502", message, suggestion="client")]
    if sc.parse_bool(value) is not None:
        return _deprecated_bool(value, "dry-run", "client", "none")
    guess = best(value, DRY_RUN)
    message = f"{value!r} is not a dry-run strategy; use none, server or client"
    return [Finding("KX202", message, suggestion=guess)]


@register_format("cascade")
def check_cascade(value: str, ctx: ValueContext) -> list[Finding]:
    """--cascade: background, foreground or orphan; booleans are deprecated."""
    if value in CASCADE:
        return []
    if sc.parse_bool(value) is not None:
        return _deprecated_bool(value, "cascade", "background", "orphan")
    guess = best(value, CASCADE)
    message = f"{value!r} is not a cascade strategy; use background, foreground or orphan"
    return [Finding("KX202", message, suggestion=guess)]
