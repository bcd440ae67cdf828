"""Every test module is collected and yields tests: pytest's default norecursedirs skip `build`,
`dist`, ...; a module whose functions are misnamed, or whose tests all sit behind a failed import,
yields nothing and the run stays green."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# pytest's default norecursedirs (fnmatch patterns); a test under one of them never runs.
SKIPPED_NAMES = frozenset({"build", "dist", "CVS", "_darcs", "{arch}", "node_modules", "venv"})


def test_no_test_module_hides_in_a_folder_pytest_skips() -> None:
    root = Path(__file__).parent
    hidden = [
        str(path.relative_to(root))
        for path in root.rglob("test_*.py")
        if any(part in SKIPPED_NAMES or part.startswith(".") or part.endswith(".egg")
               for part in path.relative_to(root).parts[:-1])
    ]
    assert hidden == []


def test_no_test_skips_when_kx_itself_fails_to_import() -> None:
    """`pytest.importorskip` of kx's own code turns a broken import into a green skip."""
    root = Path(__file__).parent
    call = "importor" + "skip("
    own = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if call in line and any(f"{call}{q}{name}" in line for q in "'\"" for name in ("kx", "tests"))
    ]
    assert own == []


def test_every_test_module_yields_tests() -> None:
    """Collect the whole suite as the README's test command does; every module must give a test."""
    root = Path(__file__).parent
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(root)],
        cwd=root.parent, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    yielding = {line.split("::", 1)[0] for line in done.stdout.splitlines() if "::" in line}
    modules = {str(p.relative_to(root.parent)) for p in [*root.rglob("test_*.py"), *root.rglob("*_test.py")]}
    assert sorted(modules - yielding) == []
