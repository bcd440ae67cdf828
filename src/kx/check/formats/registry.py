"""Name -> checker registries for value formats and flag value types."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.catalog.model import FlagSpec
    from kx.core.findings import Finding

    Checker = Callable[[str, "ValueContext"], list[Finding]]


class ValueContext:
    """What a checker may know besides the value: the flag (None for positionals) and the tool."""

    __slots__ = ("display", "flag", "tool")
    flag: FlagSpec | None
    tool: str
    display: str

    def __init__(self, tool: str, flag: FlagSpec | None = None, display: str = "") -> None:
        self.tool = tool
        self.flag = flag
        self.display = display or (flag.display if flag is not None else "")


FORMATS: dict[str, Checker] = {}
TYPES: dict[str, Checker] = {}


def register_format(name: str) -> Callable[[Checker], Checker]:
    """Register a value format checker under ``name`` (the spec's ``format:`` key)."""

    def add(fn: Checker) -> Checker:
        if name in FORMATS:
            raise ValueError(f"format {name!r} registered twice")
        FORMATS[name] = fn
        return fn

    return add


def register_type(*names: str) -> Callable[[Checker], Checker]:
    """Register a value type checker for one or more flag ``type:`` names."""

    def add(fn: Checker) -> Checker:
        for name in names:
            if name in TYPES:
                raise ValueError(f"type {name!r} registered twice")
            TYPES[name] = fn
        return fn

    return add
