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


def rule_problems(spec: CommandSpec, argv: list[str], decided: set[str], check: Checker) -> list[str]:
    """Error messages of the rules whose every flag has been decided (asked or given)."""
    _, diagnostics = check(argv)
    messages: list[str] = []
    for diagnostic in diagnostics:
        if not diagnostic.code.startswith("KX4") or diagnostic.severity != "error":
            continue
        for rule in spec.rules:
            names = participants(rule)
            if rule.message == diagnostic.message and names is not None and names <= decided:
                messages.append(diagnostic.message)
                break
    return messages


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
