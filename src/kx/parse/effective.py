"""The value(s) each flag ends up with after all its occurrences, as the flag library combines them.

``repeat`` in the spec says how: ``last`` (the last occurrence wins), ``append`` (each occurrence is
one item), ``csv`` (each occurrence is split as a CSV record, items appended: pflag stringSlice) or
``merge`` (``key=value`` items, a later key replaces an earlier one: docker's map options).
"""

from __future__ import annotations

from kx.core.gorules.csv import read_record
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import FlagSpec
    from kx.parse.parsed import FlagUse, ParsedCommand


class Effective:
    """One flag's outcome: its values in order, the occurrences behind them, CSV errors met."""

    __slots__ = ("dynamic", "errors", "flag", "uses", "values")
    flag: FlagSpec
    values: list[str]
    uses: list[FlagUse]
    dynamic: bool
    errors: list[tuple[FlagUse, str]]

    def __init__(self, flag: FlagSpec) -> None:
        self.flag = flag
        self.values = []
        self.uses = []
        self.dynamic = False
        self.errors = []

    @property
    def value(self) -> str | None:
        """The single value of a ``last`` flag (None if no occurrence had a value)."""
        return self.values[-1] if self.values else None

    def __repr__(self) -> str:
        return f"Effective(--{self.flag.name}={self.values!r})"


def effective_values(parsed: ParsedCommand) -> dict[str, Effective]:
    """Fold every known flag occurrence with a value into its canonical flag's outcome."""
    out: dict[str, Effective] = {}
    by_name = parsed.spec.by_name
    for use in parsed.uses:
        flag, value = use.flag, use.value
        if flag is None or value is None:
            continue
        name = flag.canonical
        state = out.get(name)
        if state is None:
            state = out[name] = Effective(by_name.get(name, flag))
        state.uses.append(use)
        state.dynamic = state.dynamic or use.dynamic
        _combine(state, use, value)
    return out


def _combine(state: Effective, use: FlagUse, value: str) -> None:
    repeat = state.flag.repeat
    if repeat == "append":
        state.values.append(value)
    elif repeat == "csv":
        if value == "":
            return  # pflag's own shortcut: an empty value is an empty list
        record = read_record(value)
        state.values.extend(record.fields)
        error = record.go_error()
        if error is not None:
            state.errors.append((use, error))
    elif repeat == "merge":
        key = value.split("=", 1)[0]
        state.values = [v for v in state.values if v.split("=", 1)[0] != key]
        state.values.append(value)
    else:
        state.values = [value]
