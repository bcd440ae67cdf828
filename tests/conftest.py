"""Shared fixtures: an isolated spec cache and config for every test, and a CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kx.check.formats.registry import set_file_checks
from kx.spec import loader


@pytest.fixture(autouse=True)
def _isolated_specs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No user spec dir, no KX_SPEC_PATH, a private cache; the memoized SpecSet is reset."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(Path(__file__).parent.parent / ".pytest-kx-cache"))
    monkeypatch.delenv("KX_SPEC_PATH", raising=False)
    loader.reset()
    set_file_checks(True)  # kx lint turns them off for its process; tests share one process
    yield
    loader.reset()
    set_file_checks(True)
