"""``--format yaml``: what ``kubectl run|expose LINE --dry-run=client -o yaml`` prints, offline."""

from __future__ import annotations

from kx.builder.command import flag_values
from kx.builder.objects import GenerateError
from kx.builder.preview import Preview
from kx.parse.parsed import ParsedCommand


def dry_run_yaml(parsed: ParsedCommand, output: str = "") -> str:
    """The YAML for a parsed ``kubectl run`` or ``kubectl expose`` line (an error raises)."""
    found = preview(parsed, output)
    if found.error:
        raise GenerateError(found.error)
    return found.text


def preview(parsed: ParsedCommand, output: str = "") -> Preview:
    """The object(s) for a parsed ``kubectl run`` or ``kubectl expose`` line, with notes.

    ``output`` is kubectl's ``-o`` to print with (yaml, json, name); empty: the line's own ``-o``.
    """
    spec = parsed.spec
    values = flag_values(parsed)
    words = [w.value for w in parsed.positionals]
    if spec.tool != "kubectl" or spec.path not in (("run",), ("expose",)):
        raise GenerateError(f"--format yaml is only available for kubectl run and kubectl expose, "
                            f"not {spec.display_name}")  # fmt: skip
    if spec.path == ("run",):
        from kx.builder.runpod import render_run

        return Preview(render_run(parsed, words, values, output or values.get("output") or "yaml"))
    from kx.builder.exposeprint import expose_preview
    from kx.builder.runpod import change_cause
    from kx.core.gorules.strconv import parse_bool

    record = change_cause(parsed) if parse_bool(str(values.get("record", "false"))) is True else ""
    text, notes, error = expose_preview(words, {**values, "output": output} if output else values, record)
    return Preview(text, notes, error)
