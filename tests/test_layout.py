"""The shape of src/kx: its import contracts hold (and bite), modules stay small, the top stays small."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "kx"
MAX_LINES = 300
MAX_ENTRIES = 12
# Modules over the limit that another part of issue #13 is splitting: each entry names who, and
# must go when its module fits (the test below fails on an entry that is no longer needed).
BEING_SPLIT: dict[str, str] = {}
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` on the contracts of ``cwd/pyproject.toml``."""
    env = None if pythonpath is None else {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo"],
        cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def test_import_contracts_hold() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


PLANTED = [
    # (module, line added to it, the contract that must break)
    ("core/errors.py", "import kx.cli.outcome", "one direction"),
    ("parse/span.py", "import kx.parse.words", "no cycles"),
    ("check/rules.py", "import typer", "free of CLI and UI libraries"),
    ("catalog/model.py", "import jsonschema", "free of CLI and UI libraries"),
]


@pytest.mark.parametrize(("module", "line", "contract"), PLANTED)
def test_import_contracts_catch_a_planted_violation(
    module: str, line: str, contract: str, tmp_path: Path
) -> None:
    shutil.copytree(SRC, tmp_path / "src" / "kx", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / "kx" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # planted\n", encoding="utf-8")
    done = lint_imports(tmp_path, pythonpath=tmp_path / "src")
    assert done.returncode == 1, done.stdout + done.stderr
    broken = [row for row in done.stdout.splitlines() if " BROKEN" in row]
    assert any(contract in row for row in broken), done.stdout


def modules() -> list[Path]:
    """Every Python module of the package."""
    return sorted(path for path in SRC.rglob("*.py") if "__pycache__" not in path.parts)


def test_no_module_is_over_the_line_limit() -> None:
    sizes = {path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in modules()}  # fmt: skip
    over = {name: size for name, size in sizes.items() if size > MAX_LINES and name not in BEING_SPLIT}
    assert over == {}, f"modules over {MAX_LINES} lines: split them by job"
    fitting = [name for name in BEING_SPLIT if sizes.get(name, 0) <= MAX_LINES]
    assert fitting == [], "these modules fit now (or are gone): remove them from BEING_SPLIT"


def top_level_entries() -> set[str]:
    """The entries directly under src/kx that git tracks (the folder itself outside a checkout)."""
    try:
        listed = subprocess.run(["git", "ls-files", "--", "."], cwd=SRC, capture_output=True,
                                text=True, check=True).stdout.split()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        listed = []
    if listed:
        return {name.split("/", 1)[0] for name in listed}
    return {path.name for path in SRC.iterdir() if path.name != "__pycache__"}


def test_src_kx_has_at_most_twelve_entries() -> None:
    entries = top_level_entries()
    assert {"__init__.py", "cli", "engine", "core"} <= entries
    assert len(entries) <= MAX_ENTRIES, sorted(entries)
