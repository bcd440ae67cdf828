"""Check one flag or positional value: its type, its choices and its named format."""

from __future__ import annotations

from kx.check import formats
from kx.check.formats.registry import FORMATS, TYPES, ValueContext
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.suggest import best

if TYPE_CHECKING:
    from kx.catalog.model import FlagSpec, PositionalSpec

    # (the flag or slot, value, final; None for a slot). Specs compare by identity, and the key
    # keeps its flag alive, so a key never stands for another flag.
    MemoKey = tuple["FlagSpec | PositionalSpec", str, "bool | None"]

_MEMO: dict[MemoKey, list[Finding]] = {}
_MEMO_LIMIT = 20_000
# Values naming files are read from disk by some checkers: never remembered.
_UNCACHED_HINTS = frozenset({"file", "dir", "path"})


def check_flag_value(tool: str, flag: FlagSpec, value: str, *, final: bool = True) -> list[Finding]:
    """Like ``_check_flag_value``, remembering results: checkers are pure functions of their input."""
    key = (flag, value, final)
    found = _MEMO.get(key)
    if found is None:
        found = _check_flag_value(tool, flag, value, final=final)
        if flag.value_hint not in _UNCACHED_HINTS:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            _MEMO[key] = found
    return found


def check_positional_value(tool: str, slot: PositionalSpec, value: str) -> list[Finding]:
    """Like ``_check_positional_value``, remembering results (scripts repeat their images)."""
    key = (slot, value, None)
    found = _MEMO.get(key)
    if found is None:
        found = _check_positional_value(tool, slot, value)
        if slot.value_hint not in _UNCACHED_HINTS:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            _MEMO[key] = found
    return found


class _Plan:
    """The checkers of one flag's values and their context, looked up once per flag."""

    __slots__ = ("ctx", "flag", "format_check", "type_check")

    def __init__(self, tool: str, flag: FlagSpec) -> None:
        formats.load_type(flag.type, tool)
        if flag.format:
            formats.load_format(flag.format, tool)
        self.flag = flag  # keeps the flag alive, so its id() is not reused while planned
        self.ctx = ValueContext(tool, flag)
        from kx.check.formats.types import check_any

        type_check = TYPES.get(flag.type)
        self.type_check = None if type_check is check_any else type_check  # takes any string: no call
        self.format_check = FORMATS.get(flag.format) if flag.format else None


_PLANS: dict[int, _Plan] = {}
_PLANS_LIMIT = 5_000  # specs reloaded many times (tests) make new flags; old plans go


def _new_plan(tool: str, flag: FlagSpec) -> _Plan:
    if len(_PLANS) >= _PLANS_LIMIT:
        _PLANS.clear()
    plan = _PLANS[id(flag)] = _Plan(tool, flag)
    return plan


def _check_flag_value(tool: str, flag: FlagSpec, value: str, *, final: bool = True) -> list[Finding]:
    """All problems with ``value`` given to ``flag``: type first, then format or choices.

    ``final`` False means a later occurrence of this scalar flag overrides the value: only checks
    the flag library makes while parsing (the type, and formats in PARSE_TIME_FORMATS) apply.
    """
    plan = _PLANS.get(id(flag))
    if plan is None or plan.ctx.tool != tool:
        plan = _new_plan(tool, flag)
    if plan.type_check is not None:
        problems = plan.type_check(value, plan.ctx)
        if problems:
            return problems
    if not final and flag.format not in PARSE_TIME_FORMATS:
        return []
    return _meaning_problems(plan, value)


def check_item_value(tool: str, flag: FlagSpec, item: str) -> list[Finding]:
    """Problems of one item of a list flag's value (format, choices): the type is the whole value's."""
    plan = _PLANS.get(id(flag))
    if plan is None or plan.ctx.tool != tool:
        plan = _new_plan(tool, flag)
    return _meaning_problems(plan, item)


def _meaning_problems(plan: _Plan, value: str) -> list[Finding]:
    """The format's or the choices' problems with ``value``."""
    flag = plan.flag
    if flag.format:
        return plan.format_check(value, plan.ctx) if plan.format_check is not None else []
    if flag.choices and not flag.is_bool:
        return check_choice(value, flag.choices, flag.case_sensitive, flag.enforced_by, flag.display)
    return []


# Scalar flag formats the client checks inside the flag's Set() (every occurrence counts); all
# other formats of scalar flags are checked after parsing, on the value that won.
PARSE_TIME_FORMATS = frozenset({"cpus", "memory-swap", "attach-stream"})


def _check_positional_value(tool: str, slot: PositionalSpec, value: str) -> list[Finding]:
    """All problems with a positional argument's value."""
    if slot.format:
        formats.load_format(slot.format, tool)
        checker = FORMATS.get(slot.format)
        return checker(value, ValueContext(tool, None, slot.name.upper())) if checker else []
    if slot.choices:
        return check_choice(value, slot.choices, slot.case_sensitive, slot.enforced_by, slot.name.upper())
    return []


def check_choice(
    value: str, choices: tuple[str, ...], case_sensitive: bool, stage: str, what: str
) -> list[Finding]:
    """Membership in a choice list, with a did-you-mean suggestion."""
    if value in choices:
        return []
    folded = {choice.lower(): choice for choice in choices}
    if not case_sensitive and value.lower() in folded:
        return []
    shown = ", ".join(choice for choice in choices if choice)
    guess = folded.get(value.lower()) or best(value, choices)
    code = "KX204" if stage == "server" else "KX202"
    if stage == "server":
        message = f"{value!r} passes the client but the server rejects it for {what}; expected one of {shown}"
    else:
        message = f"{value!r} is not a valid value for {what}; expected one of {shown}"
    return [Finding(code, message, stage=stage, suggestion=guess)]

