"""Turn spec files into validated dicts (the slow path behind the cache)."""

from __future__ import annotations

import os
from typing import Any

from kx.catalog.paths import scan, spec_key
from kx.catalog.reader import read_yaml, validate_file
from kx.core.errors import SpecError


def compile_specs(dirs: list[str], *, shipped: str) -> tuple[list[tuple[dict[str, Any], str]], list[str]]:
    """Read every spec in ``dirs``; bad user specs become warnings and are skipped.

    Shipped specs are trusted (the tests check them against the meta-schema); every other file is
    schema-checked here.
    """
    entries: dict[str, tuple[dict[str, Any], str]] = {}
    warnings: list[str] = []
    shipped_real = os.path.realpath(shipped)
    for directory in dirs:
        trusted = os.path.realpath(directory) == shipped_real
        for path in scan(directory):
            try:
                raw = read_yaml(path) if trusted else validate_file(path, shipped)
            except SpecError as error:
                warnings.append(f"skipping spec: {error}")
                continue
            entries[spec_key(raw)] = (raw, path)
    return list(entries.values()), warnings
