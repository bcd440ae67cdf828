"""Every test module sits where pytest looks: its default norecursedirs skip `build`, `dist`, ..."""

from __future__ import annotations

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
