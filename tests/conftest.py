"""Shared fixtures: an isolated spec cache and config for every test, and a CLI runner."""

from __future__ import annotations

import os
import re
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from kx.catalog import loader


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
    yield
    loader.reset()


# Under CI (KX_CI=1, set by .ci/run) the tools the tests need are installed, so a test skipped for
# want of one is a failure: a differential test that never runs proves nothing.
CI_TOOLS = re.compile(r"\b(docker|kubectl|bash|zsh|fish|tmux|shellcheck|go)\b")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    """Turn a skip for a missing tool into a failure when running under CI."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if not (os.environ.get("KX_CI") and report.skipped and isinstance(report.longrepr, tuple)):
        return
    reason = str(report.longrepr[2])
    if CI_TOOLS.search(reason):
        report.outcome = "failed"
        report.longrepr = f"under CI every client and shell must be present, but: {reason}"
