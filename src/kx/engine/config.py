"""kx configuration: ``[tool.kx]`` in pyproject.toml or a ``.kx.toml``, found by walking up.

Validated strictly: an unknown key, a wrong type or an unknown code stops kx with a one-line
``ConfigError`` that names the file and the key. Relative paths are resolved against the
directory of the file that holds them.
"""

from __future__ import annotations

import os
import re
import sys

from kx.core.codes import match_codes
from kx.core.errors import ConfigError, UsageError
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.settings import DEFAULT_MAX_FILE_SIZE
from kx.parse.tools import TOOLS

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

CONFIG_FILES = (".kx.toml", "pyproject.toml")
SEVERITY_VALUES = ("error", "warning", "info", "off")
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_VERSION = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,9}){0,2}$")  # ASCII digits: \d takes any script's


class Config:
    """The validated settings (defaults when no file was found)."""

    __slots__ = ("exclude", "extend_exclude", "ignore", "max_file_size", "path", "select", "severity",
                 "spec_dirs", "target_versions")  # fmt: skip
    path: str | None
    select: frozenset[str] | None
    ignore: frozenset[str]
    severity: dict[str, str]
    exclude: tuple[str, ...] | None  # None: the default directory excludes of the walk
    extend_exclude: tuple[str, ...]
    spec_dirs: tuple[str, ...]
    target_versions: dict[str, str]
    max_file_size: int

    def __init__(self, path: str | None = None, **values: Any) -> None:
        set_ = object.__setattr__
        set_(self, "path", path)
        set_(self, "select", values.get("select"))
        set_(self, "ignore", values.get("ignore", frozenset()))
        set_(self, "severity", values.get("severity", {}))
        set_(self, "exclude", values.get("exclude"))
        set_(self, "extend_exclude", values.get("extend_exclude", ()))
        set_(self, "spec_dirs", values.get("spec_dirs", ()))
        set_(self, "target_versions", values.get("target_versions", {}))
        set_(self, "max_file_size", values.get("max_file_size", DEFAULT_MAX_FILE_SIZE))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Config is read-only")

    def __repr__(self) -> str:
        return f"Config(path={self.path!r})"


def find_config(start: str) -> tuple[str, dict[str, Any]] | None:
    """Walk up from ``start``; return the first file with kx settings and its raw table."""
    directory = os.path.abspath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                table = _kx_table(candidate)
                if table is not None:
                    return candidate, table
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load_config(start: str | None = None, *, isolated: bool = False) -> Config:
    """Find and validate the configuration for ``start`` (default: the working directory)."""
    if isolated:
        return Config()
    found = find_config(start or os.getcwd())
    if found is None:
        return Config()
    return parse_config(found[1], found[0])


def _kx_table(path: str) -> dict[str, Any] | None:
    document = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = document.get("tool", {}).get("kx")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.kx] must be a table")
        return table
    return document


def _read_toml(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            document: dict[str, Any] = tomllib.load(handle)
            return document
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError as error:  # TOML is UTF-8 only
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {error.start + 1})") from None


def parse_config(table: dict[str, Any], path: str) -> Config:
    """Validate a raw settings table; every problem is a ConfigError naming ``path``."""
    base = os.path.dirname(os.path.abspath(path))
    values: dict[str, Any] = {}
    for key, raw in table.items():
        parser = _PARSERS.get(key)
        if parser is None:
            known = ", ".join(sorted(_PARSERS))
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {known})")
        try:
            values[key.replace("-", "_")] = parser(raw, base)
        except (ConfigError, UsageError) as error:
            raise ConfigError(f"{path}: {key}: {error}") from None
    return Config(path, **values)


def _str_list(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ConfigError("expected a list of strings")
    return list(raw)


def _codes(raw: Any, base: str) -> frozenset[str]:
    return frozenset(match_codes(_str_list(raw)))


def _paths(raw: Any, base: str) -> tuple[str, ...]:
    return tuple(os.path.normpath(os.path.join(base, item)) for item in _str_list(raw))


def _patterns(raw: Any, base: str) -> tuple[str, ...]:
    return tuple(_str_list(raw))


def _severity(raw: Any, base: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ConfigError("expected a table of code = severity")
    result: dict[str, str] = {}
    for selector, level in raw.items():
        if level not in SEVERITY_VALUES:
            raise ConfigError(f"{selector}: severity must be one of {', '.join(SEVERITY_VALUES)}")
        for code in sorted(match_codes([selector])):
            result[code] = level
    return result


def _versions(raw: Any, base: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ConfigError("expected a table of tool = version")
    for tool, version in raw.items():
        if tool not in TOOLS:
            raise ConfigError(f"unknown tool {tool!r} (known: {', '.join(TOOLS)})")
        if not isinstance(version, str):
            raise ConfigError(f'{tool}: expected a version string like "1.32" or a range "1.24..1.32"')
        from kx.check.versions import parse_range

        try:
            parse_range(version)
        except ValueError as error:
            raise ConfigError(f"{tool}: {error}") from None
    return dict(raw)


def parse_size(raw: Any, base: str = "") -> int:
    """Parse a size: an integer of bytes or a string such as ``"10MB"``, ``"512k"``."""
    if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0:
        return raw
    match = _SIZE.match(raw) if isinstance(raw, str) else None
    if match is None or int(match.group(1)) <= 0:
        raise ConfigError(f"expected a positive size such as 10MB, got {raw!r}")
    unit = (match.group(2) or "b")[0].lower()
    return int(match.group(1)) * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


_PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "select": _codes,
    "ignore": _codes,
    "severity": _severity,
    "exclude": _patterns,
    "extend-exclude": _patterns,
    "spec-dirs": _paths,
    "target-versions": _versions,
    "max-file-size": parse_size,
}
