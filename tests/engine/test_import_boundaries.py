"""The check path stays light: importing and running the engine loads no heavy modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

UI_AND_SCHEMA = ("typer", "rich", "click", "prompt_toolkit", "jsonschema")
HEAVY = (*UI_AND_SCHEMA, "yaml", "dataclasses", "typing", "json")


def run_twice(code: str) -> str:
    """Run ``code`` twice in fresh interpreters; the first run may (re)build the spec cache."""
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_engine_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from kx.engine.pipeline import check_command\n"
        "check_command('docker run -p 80:80 --rm nginx')\n"
        "check_command('kubectl expose deployment web --port=80 --type=NodePort')\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    assert run_twice(code) == ""


def test_engine_rebuilding_the_spec_cache_imports_no_ui_or_schema_library(tmp_path: Path) -> None:
    # A cold cache compiles the shipped specs (trusted: no schema check), so jsonschema stays out.
    code = (
        "import sys\n"
        "from kx.engine.pipeline import check_argv\n"
        "check_argv(['kubectl', 'run', 'web', '--image=nginx', '--port=http'])\n"
        f"print(','.join(m for m in {UI_AND_SCHEMA!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == ""
    assert list(tmp_path.rglob("specs-*.marshal")), "the run did not rebuild the spec cache"


def test_kx_check_entry_point_does_not_import_typer() -> None:
    code = (
        "import sys\n"
        "from kx.cli.main import main\n"
        "main(['check', '-q', '--', 'docker', 'run', '--cpus', 'abc', 'nginx'])\n"
        "print(','.join(m for m in ('typer', 'rich', 'click') if m in sys.modules))\n"
    )
    assert run_twice(code) == ""


# `re` (with enum, functools and collections) costs ~6 ms of a cold start whose budget is ~10 ms
# beyond the interpreter's own: common lines of bare words are checked without it.
REGEX_FREE_LINES = [
    ["docker", "run", "--cpus", "abc", "nginx"],
    ["docker", "run", "-d", "-p", "8080:80", "--name", "web", "-e", "A=1", "-v", "/data:/data",
     "--restart=on-failure:3", "-m", "512m", "--network", "net1", "nginx:1.27", "sh", "-c", "echo hi"],
    ["kubectl", "expose", "deployment", "web", "--port=80", "--bogus"],
    ["kubectl", "expose", "deployment", "web", "--port=80", "--target-port=8080", "--type=Nodeport",
     "-n", "team"],
    ["kubectl", "run", "app", "--image=nginx", "--port=80", "--labels=app=web,tier=x", "--dry-run=client",
     "-o", "yaml", "--restart=Never"],
]  # fmt: skip


def test_common_lines_are_checked_without_importing_re() -> None:
    code = (
        "import sys\n"
        "from kx.cli.main import main\n"
        f"for argv in {REGEX_FREE_LINES!r}:\n"
        "    main(['check', '-q', '--', *argv])\n"
        "main(['check', '-q', 'docker run --rm -p 80:80 -e MODE=prod redis:7'])\n"
        "main(['check', '-q', 'docker run --rm -e \"A=a b\" nginx sh -c \\'echo hi\\''])\n"
        "print(','.join(m for m in ('re', 'functools', 'enum', 'collections') if m in sys.modules))\n"
    )
    assert run_twice(code) == ""
