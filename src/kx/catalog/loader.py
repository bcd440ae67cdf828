"""Find, compile, cache and look up specs.

The search path is: shipped specs, the user's config dir, then ``KX_SPEC_PATH``. A later spec for
the same tool and path overrides an earlier one. The validated dicts of all specs are cached with
``marshal`` keyed by every file's (path, mtime, size): a warm lookup stats the files and reads one
small file, importing neither PyYAML nor jsonschema.
"""

from __future__ import annotations

import marshal
import os

from kx.catalog import paths
from kx.catalog.cachedir import write_atomically
from kx.catalog.model import CommandSpec
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    Stamps = list[tuple[str, int, int]]

CACHE_FORMAT = 2


def _stamps(dirs: Sequence[str]) -> Stamps:
    stamps: Stamps = []
    for directory in dirs:
        stamps.append((directory, -1, -1))
        for path in paths.scan(directory):
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamps.append((path, info.st_mtime_ns, info.st_size))
    return stamps


def _read_cache(stamps: Stamps) -> Any:
    try:
        with open(paths.cache_file(), "rb") as handle:
            cached = marshal.loads(handle.read())  # one read: marshal.load() reads in tiny chunks
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(cached, dict) or cached.get("format") != CACHE_FORMAT:
        return None
    if cached.get("stamps") != [list(s) for s in stamps]:
        return None
    return cached


def _write_cache(content: dict[str, Any]) -> None:
    write_atomically(paths.cache_file(), marshal.dumps(content))


class SpecSet:
    """The loaded specs, keyed by tool and subcommand path; CommandSpecs are built on demand."""

    __slots__ = ("_built", "_by_first", "_paths", "_raw", "_roots", "warnings")

    def __init__(self, entries: list[tuple[dict[str, Any], str]], warnings: list[str]) -> None:
        self._raw: dict[str, tuple[dict[str, Any], str]] = {}
        self._paths: dict[tuple[str, tuple[str, ...]], str] = {}
        self._built: dict[str, CommandSpec] = {}
        self._roots: dict[str, CommandSpec | None] = {}  # looked up for every command: remembered
        self.warnings = warnings
        for raw, origin in entries:
            key = paths.spec_key(raw)
            self._raw[key] = (raw, origin)
        for key, (raw, _origin) in self._raw.items():
            tool = raw["tool"]
            for path in (raw["path"], *raw.get("aliases", ())):
                self._paths.setdefault((tool, tuple(path)), key)
            self._paths[(tool, tuple(raw["path"]))] = key
        # Subcommand paths (and aliases) by tool and first word, longest first, for match_path.
        self._by_first: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for (tool, path), key in sorted(self._paths.items(), key=lambda item: -len(item[0][1])):
            if 1 <= len(path) <= 4:
                self._by_first.setdefault((tool, path[0]), []).append((path, key))

    def build(self, key: str) -> CommandSpec | None:
        """The CommandSpec for a key (``kubectl/expose``), inheritance resolved."""
        spec = self._built.get(key)
        if spec is None and key in self._raw:
            spec = self._build(key, ())
        return spec

    def _build(self, key: str, chain: tuple[str, ...]) -> CommandSpec | None:
        raw, origin = self._raw[key]
        inherited: list[Any] = []
        inherited_rules: list[Any] = []
        for parent in raw.get("inherits", ()):
            if parent in chain or parent == key or parent not in self._raw:
                continue  # cycles and dangling parents are reported by `kx specs validate`
            parent_spec = self._built.get(parent) or self._build(parent, (*chain, key))
            if parent_spec is not None:
                inherited.extend(parent_spec.flags)
                inherited_rules.extend(parent_spec.rules)
        spec = CommandSpec(raw, origin, tuple(inherited), tuple(inherited_rules))
        self._built[key] = spec
        return spec

    def get(self, tool: str, path: Sequence[str]) -> CommandSpec | None:
        """Find a command by tool and subcommand path or alias; ``()`` is the root."""
        key = self._paths.get((tool, tuple(path)))
        return self.build(key) if key else None

    def root(self, tool: str) -> CommandSpec | None:
        """The tool's root spec (global flags), if any."""
        root = self._roots.get(tool)
        if root is None and (tool, ()) in self._paths:
            root = self._roots[tool] = self.get(tool, ())
        return root

    def match_path(self, tool: str, words: Sequence[str]) -> tuple[CommandSpec, int] | None:
        """Longest subcommand path (or alias) that ``words`` starts with: (spec, words used)."""
        if not words:
            return None
        for path, key in self._by_first.get((tool, words[0]), ()):
            size = len(path)
            if size <= len(words) and tuple(words[:size]) == path:
                spec = self.build(key)
                if spec is not None and not spec.is_root:
                    return spec, size
        return None

    def is_group(self, tool: str, word: str) -> bool:
        """Whether ``word`` starts a longer subcommand path (``container`` of ``container run``)."""
        return any(len(path) > 1 for path, _key in self._by_first.get((tool, word), ()))

    def tools(self) -> list[str]:
        """Every tool with at least one spec."""
        return sorted({raw["tool"] for raw, _ in self._raw.values()})

    def keys(self) -> list[str]:
        """Every spec key, sorted."""
        return sorted(self._raw)

    def all(self) -> list[CommandSpec]:
        """Every spec, roots included, sorted by key."""
        return [spec for key in self.keys() if (spec := self.build(key)) is not None]

    def commands(self) -> list[CommandSpec]:
        """Every non-root command spec, sorted by key."""
        return [spec for spec in self.all() if not spec.is_root]

    def raw(self, key: str) -> tuple[dict[str, Any], str] | None:
        """The validated dict and source file of a spec."""
        return self._raw.get(key)


_default: SpecSet | None = None


def load_specs(extra_dirs: Sequence[str] = (), *, use_cache: bool = True) -> SpecSet:
    """Load every spec on the search path (memoized for the default path)."""
    global _default
    if not extra_dirs and use_cache and _default is not None:
        return _default
    dirs = paths.search_path(tuple(extra_dirs))
    stamps = _stamps(dirs)
    cached = _read_cache(stamps) if use_cache else None
    if cached is None:
        from kx.catalog.compiler import compile_specs

        entries, warnings = compile_specs(dirs, shipped=paths.shipped_spec_dir())
        cached = {
            "format": CACHE_FORMAT,
            "stamps": [list(s) for s in stamps],
            "entries": [[raw, origin] for raw, origin in entries],
            "warnings": warnings,
        }
        if use_cache:
            _write_cache(cached)
    specs = SpecSet([(raw, origin) for raw, origin in cached["entries"]], list(cached["warnings"]))
    if not extra_dirs and use_cache:
        _default = specs
    return specs


def reset() -> None:
    """Forget the memoized default SpecSet (tests, and after installing specs)."""
    global _default
    _default = None
