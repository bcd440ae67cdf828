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
