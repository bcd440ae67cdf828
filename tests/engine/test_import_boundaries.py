"""The check path stays light: importing and running the engine loads no heavy modules."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("typer", "rich", "click", "jsonschema", "yaml", "dataclasses", "typing", "json")


def run_twice(code: str) -> str:
    """Run ``code`` twice in fresh interpreters; the first run may (re)build the spec cache."""
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_engine_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from kx.engine import check_command\n"
        "check_command('docker run -p 80:80 --rm nginx')\n"
        "check_command('kubectl expose deployment web --port=80 --type=NodePort')\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    assert run_twice(code) == ""


def test_kx_check_entry_point_does_not_import_typer() -> None:
    code = (
        "import sys\n"
        "from kx.main import main\n"
        "main(['check', '-q', '--', 'docker', 'run', '--cpus', 'abc', 'nginx'])\n"
        "print(','.join(m for m in ('typer', 'rich', 'click') if m in sys.modules))\n"
    )
    assert run_twice(code) == ""
