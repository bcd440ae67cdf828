"""The run settings: one frozen object the engine passes down, instead of module state.

``kx check`` uses the defaults (the command runs here); ``kx lint`` builds one from its options
and the config file, and gives each file its own Environment with ``replace``.
"""

from __future__ import annotations

from kx.check.environment import Environment
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024
_FIELDS = ("env", "ignore", "max_file_size", "min_rank", "select", "severity_map", "spec_dirs", "targets")


class Settings:
    """What one run needs besides its input.

    ``env``: where the files a command names are looked for (``kx.check.environment``); None
    means here, as for ``kx check`` (each checked line gets its own, so kubeconfigs are read once
    a line). ``targets``: (tool, client version) pairs a project must run with (KX503). The rest
    is ``kx lint``'s selection: ``select`` (None: every code), ``ignore``, per-code
    ``severity_map``, the minimum severity rank, extra ``spec_dirs``, and ``max_file_size``.
    Picklable when ``env`` is None (lint workers get it that way).
    """

    __slots__ = _FIELDS
    env: Environment | None
    targets: tuple[tuple[str, str], ...]
    select: frozenset[str] | None
    ignore: frozenset[str]
    severity_map: tuple[tuple[str, str], ...]
    min_rank: int
    spec_dirs: tuple[str, ...]
    max_file_size: int

    def __init__(
        self,
        *,
        env: Environment | None = None,
        targets: Mapping[str, str] | tuple[tuple[str, str], ...] = (),
        select: frozenset[str] | None = None,
        ignore: frozenset[str] = frozenset(),
        severity_map: tuple[tuple[str, str], ...] = (),
        min_rank: int = 0,
        spec_dirs: tuple[str, ...] = (),
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    ) -> None:
        pairs = tuple(sorted(targets.items())) if isinstance(targets, dict) else tuple(targets)
        values = (env, ignore, max_file_size, min_rank, select, severity_map, spec_dirs, pairs)
        for name, value in zip(_FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Settings are read-only: use replace()")

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"Settings(targets={self.targets!r}, select={self.select!r}, env={self.env!r})"

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in _FIELDS}
        values.update(changes)
        return Settings(**values)

    def environment(self) -> Environment:
        """The Environment to judge one command string with (a fresh one for ``kx check``)."""
        return self.env if self.env is not None else Environment()

    def target(self, tool: str) -> str | None:
        """The client version of ``tool`` the project targets, if any."""
        for name, version in self.targets:
            if name == tool:
                return version
        return None


CHECK = Settings()  # kx check: every code, the command runs here
