"""The flag values of a docker run line, read as the docker client reads them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kx.builder.objects import GenerateError
from kx.core.gorules.duration import DurationError, parse_duration
from kx.core.gorules.strconv import parse_bool, parse_int


@dataclass(frozen=True)
class Flags:
    """The line's flag values as the docker client reads them."""

    values: dict[str, Any]
    environ: Mapping[str, str] = field(default_factory=dict)
    cwd: str = "/"

    def last(self, name: str) -> str | None:
        """The value of a scalar flag, or None when it was not given."""
        value = self.values.get(name)
        return value if isinstance(value, str) else None

    def text(self, name: str) -> str:
        """The value of a string flag ('' when not given)."""
        return self.last(name) or ""

    def all(self, name: str) -> list[str]:
        """Every value of a repeatable flag, in order."""
        value = self.values.get(name)
        return list(value) if isinstance(value, list) else []

    def given(self, name: str) -> bool:
        """Whether the flag appears on the line (pflag's Changed)."""
        return name in self.values

    def on(self, name: str) -> bool:
        """A bool flag's value."""
        return parse_bool(self.text(name)) is True

    def number(self, name: str, default: int = 0) -> int:
        """An integer flag's value, read as pflag reads it (base prefixes, ``_`` separators)."""
        value = self.last(name)
        return parse_int(value)[0] if value else default

    def duration(self, name: str) -> int:
        """A duration flag in nanoseconds."""
        try:
            return parse_duration(self.last(name) or "0s")
        except DurationError as error:
            raise GenerateError(f"--{name}: {error}") from None

    def absolute(self, path: str) -> str:
        """``filepath.Abs`` against the client's working directory."""
        return os.path.normpath(os.path.join(self.cwd, path))
