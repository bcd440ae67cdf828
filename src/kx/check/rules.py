"""Cross-flag rules: the declarative ones from the spec and the named checks they may refer to."""

from __future__ import annotations

from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.catalog.model import RuleSpec
    from kx.check.state import CommandState
    from kx.parse.span import Word

    NamedCheck = Callable[[CommandState, RuleSpec], list[Finding]]

CHECKS: dict[str, NamedCheck] = {}
# For a check that finds nothing unless one of some flags is in effect: those flags (the
# validator then skips it for most commands). An empty set: a check that never finds anything.
CHECK_NEEDS: dict[str, frozenset[str]] = {}


def register_check(name: str, needs: tuple[str, ...] | None = None) -> Callable[[NamedCheck], NamedCheck]:
    """Register a named rule check (a spec's ``kind: check`` refers to it by name).

    ``needs``: flags of which at least one must be in effect for the check to find anything.
    """

    def add(fn: NamedCheck) -> NamedCheck:
        CHECKS[name] = fn
        if needs is not None:
            CHECK_NEEDS[name] = frozenset(needs)
        return fn

    return add


def finding(state: CommandState, rule: RuleSpec, name: str | None, message: str, code: str = "KX401"
            ) -> Finding:  # fmt: skip
    """A finding of ``rule`` at the last word of flag ``name`` (the command's word if not given)."""
    flag_state = state.flags.get(name) if name else None
    word = flag_state.anchor if flag_state is not None else state.anchor
    return Finding(code, message, word.start, word.end, stage=rule.stage)


def _condition_holds(state: CommandState, name: str, cond: dict[str, list[str]]) -> bool | None:
    present = state.is_set(name)
    if present is not True:
        return present
    if cond.get("nonzero") and not state.is_nonzero(name):
        return state.is_nonzero(name) and None
    value = state.value(name)
    if value is None:
        return None
    prefix = value.split(":", 1)[0]
    tests = (
        ("in", value, True), ("not_in", value, False),
        ("prefix_in", prefix, True), ("prefix_not_in", prefix, False),
    )  # fmt: skip
    return all(key not in cond or (probe in cond[key]) == wanted for key, probe, wanted in tests)


def _when_holds(state: CommandState, rule: RuleSpec) -> bool | None:
    result: bool | None = True
    for name, cond in rule.when.items():
        holds = _condition_holds(state, name, cond)
        if holds is False:
            return False
        if holds is None:
            result = None
    return result


def _flag_word(state: CommandState, name: str) -> Word:
    found = state.flags.get(name)
    return found.anchor if found is not None else state.anchor


def _dash(name: str) -> str:
    return f"--{name}"


def _message(rule: RuleSpec, default: str) -> str:
    return rule.message or default


def _conflicts(state: CommandState, rule: RuleSpec) -> list[Finding]:
    set_flags = [state.is_set(name) for name in rule.flags]
    if not all(flag is True for flag in set_flags):
        return []
    names = " and ".join(_dash(n) for n in rule.flags)
    default = f"{names} cannot be used together"
    later = max(rule.flags, key=lambda n: _flag_word(state, n).start)
    return [_problem(rule, "KX401", _message(rule, default), _flag_word(state, later))]


def _requires(state: CommandState, rule: RuleSpec, any_of: bool) -> list[Finding]:
    assert rule.flag is not None
    if state.is_set(rule.flag) is not True:
        return []
    present = [state.is_set(name) for name in rule.needs]
    if any(p is None for p in present):
        return []
    missing = [n for n, p in zip(rule.needs, present, strict=True) if not p]
    if not missing or (any_of and len(missing) < len(rule.needs)):
        return []
    wanted = (" or " if any_of else " and ").join(_dash(n) for n in missing)
    default = f"{_dash(rule.flag)} needs {wanted}"
    return [_problem(rule, "KX402", _message(rule, default), _flag_word(state, rule.flag))]


def _participant_present(state: CommandState, participant: str) -> bool | None:
    kind, name = participant.split(":", 1)
    if kind == "flag":
        return state.is_set(name)
    if state.has_dynamic_positional():
        return None
    return bool(state.positionals)


def _one_of(state: CommandState, rule: RuleSpec) -> list[Finding]:
    present = [_participant_present(state, p) for p in rule.of]
    if any(p is None for p in present):
        return []
    chosen = [p for p, here in zip(rule.of, present, strict=True) if here]
    if len(chosen) > 1:
        default = f"give only one of {_shown(rule)}"
        word = _participant_word(state, chosen[-1])
        return [_problem(rule, "KX401", _message(rule, default), word)]
    if not chosen and rule.at_least_one:
        default = f"one of {_shown(rule)} is required"
        return [_problem(rule, "KX301", _message(rule, default), state.anchor)]
    return []


def _shown(rule: RuleSpec) -> str:
    return ", ".join(_show(p) for p in rule.of)


def _show(participant: str) -> str:
    kind, name = participant.split(":", 1)
    return _dash(name) if kind == "flag" else name.upper()


def _participant_word(state: CommandState, participant: str) -> Word:
    kind, name = participant.split(":", 1)
    if kind == "flag":
        return _flag_word(state, name)
    return state.positionals[0] if state.positionals else state.anchor


def _problem(rule: RuleSpec, code: str, message: str, word: Word) -> Finding:
    if rule.stage == "server":
        message = f"{message} (the server rejects this; the client lets it through)"
    severity = None if rule.severity == "error" else rule.severity
    if severity is not None and code in ("KX401", "KX402"):
        code = "KX403"
    return Finding(code, message, word.start, word.end, severity=severity, stage=rule.stage)


def check_rule(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """Evaluate one rule against the command's effective flags."""
    if rule.when and _when_holds(state, rule) is not True:
        return []
    if rule.kind == "conflicts":
        return _conflicts(state, rule)
    if rule.kind in ("requires", "requires-any"):
        return _requires(state, rule, rule.kind == "requires-any")
    if rule.kind == "one-of":
        return _one_of(state, rule)
    if rule.kind == "check" and rule.check in CHECKS:
        return CHECKS[rule.check](state, rule)
    return []
