"""The checks an interactive session runs while asking: one value, rules, flags not worth offering."""

from __future__ import annotations

from kx.catalog.model import CommandSpec, FlagSpec, PositionalSpec, RuleSpec
from kx.check.values import check_flag_value, check_positional_value
from kx.core.codes import default_severity
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.core.diagnostics import Diagnostic

    # The engine's verdict on an argv: (its display text, its diagnostics). The builder sits below
    # the engine, so whoever starts a build passes this in.
    Checker = Callable[[list[str]], tuple[str, list[Diagnostic]]]

Problems = list[tuple[bool, str]]
# Declared rules that fail once two sides are chosen: reported at once, whatever is still to come.
_AT_ONCE = frozenset({"conflicts", "one-of"})


def value_problems(
    spec: CommandSpec, flag: FlagSpec | None, value: str, slot: PositionalSpec | None = None
) -> Problems:
    """(is_error, message) for each problem with one answer."""
    if flag is not None:
        found = check_flag_value(spec.tool, flag, value)
    elif slot is not None:
        found = check_positional_value(spec.tool, slot, value)
    else:
        return []
    out: Problems = []
    for problem in found:
        severity = problem.severity or default_severity(problem.code)
        hint = f" (did you mean {problem.suggestion}?)" if problem.suggestion else ""
        out.append((severity == "error", problem.message + hint))
    return out


def participants(rule: RuleSpec) -> set[str] | None:
    """The flags (and ``positional:NAME``s) a declarative rule talks about; None for named checks."""
    if rule.kind == "conflicts":
        return set(rule.flags)
    if rule.kind in ("requires", "requires-any"):
        return {rule.flag or "", *rule.needs}
    if rule.kind == "one-of":
        return {p.removeprefix("flag:") for p in rule.of}
    return None


def rule_problems(
    spec: CommandSpec, argv: list[str], decided: set[str], check: Checker, before: list[str] | None = None
) -> Problems:
    """Errors to show now as (ask_again, message): decided rules, then errors the answer brought in.

    A declared rule counts once every flag it names has been decided (asked or given), or, for a
    conflict or a one-of, as soon as the latest answer (missing from ``before``) made it fail: the
    answer is asked again. Any other error the answer brought in is only shown, since a later answer
    may still fix it (``--overrides`` after ``--type``); a ``requires`` waits for what it needs.
    """
    _, diagnostics = check(argv)
    earlier: set[str] | None = None
    messages: Problems = []
    for diagnostic in diagnostics:
        if diagnostic.severity != "error":
            continue
        rule = _declared(spec, diagnostic) if diagnostic.code.startswith("KX4") else None
        names = participants(rule) if rule is not None else None
        if names is not None and names <= decided:
            messages.append((True, diagnostic.message))
            continue
        if (rule is not None and names is not None and rule.kind not in _AT_ONCE) or before is None:
            continue
        if earlier is None:  # checked once, and only when something may be new
            earlier = {d.message for d in check(before)[1]}
        if diagnostic.message not in earlier:
            messages.append((names is not None, diagnostic.message))
    return list(dict.fromkeys(messages))


def _declared(spec: CommandSpec, diagnostic: Diagnostic) -> RuleSpec | None:
    """The spec's rule whose message a diagnostic carries."""
    return next((rule for rule in spec.rules if rule.message == diagnostic.message), None)


def blocked_by(
    spec: CommandSpec, flag: FlagSpec, flags: dict[str, list[str]], positionals: list[str]
) -> str | None:
    """Why offering ``flag`` makes no sense now (an alternative is already chosen), or None."""
    for rule in spec.rules:
        if rule.kind == "one-of" and f"flag:{flag.name}" in rule.of:
            for other in rule.of:
                if other == f"flag:{flag.name}":
                    continue
                chosen = bool(positionals) if other.startswith("positional:") else (
                    other.removeprefix("flag:") in flags)  # fmt: skip
                if chosen:
                    return rule.message
        others = [name for name in rule.flags if name != flag.name]
        conflicting = rule.kind == "conflicts" and not rule.when and flag.name in rule.flags
        if conflicting and any(other in flags for other in others):
            return rule.message
    return None
