"""kubectl kx <TAB>: kubectl runs kubectl_complete-kx, which answers cobra's completion protocol."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.complete.cobra import respond

RESPONDER = Path(sys.executable).parent / "kubectl_complete-kx"


@pytest.fixture(autouse=True)
def clean_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("XDG_CONFIG_HOME", "KX_SPEC_PATH"):
        monkeypatch.delenv(name, raising=False)


def test_values_after_flag_equals_are_bare_and_files_are_left_to_the_shell() -> None:
    assert respond(["expose", "--type=N"]) == "NodePort\n:4\n"
    assert respond(["check", "--", "docker", "run", "--restart", ""]) == (
        "no\nalways\non-failure\nunless-stopped\n:4\n"
    )
    assert respond(["check", "--", "kubectl", "expose", "-f", ""]) == ":0\n"
    assert respond(["check", "--", "kubectl", "expose", "-k", ""]) == ":16\n"
    assert respond(["expose", "deployment", "web", "--port", ""]) == ":4\n"


def test_a_bare_command_after_check_is_the_plugins_tool() -> None:
    assert respond(["check", "ex"], "kubectl").startswith("expose\t")
    assert respond(["check", "ru"], "docker").startswith("run\t")


def test_flags_come_with_descriptions() -> None:
    lines = respond(["expose", "--ty"]).splitlines()
    assert lines[0].startswith("--type\t") and lines[-1] == ":4"


def _kubectl(args: list[str]) -> str:
    if shutil.which("kubectl") is None:
        pytest.skip("kubectl not installed")
    if not RESPONDER.exists():
        pytest.skip("kubectl_complete-kx is not installed next to this Python")
    env = dict(os.environ, PATH=f"{RESPONDER.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run(["kubectl", "__complete", "kx", *args], env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    return done.stdout


def test_kubectl_forwards_tab_to_the_plugin() -> None:
    assert _kubectl(["expose", "--type="]) == "ClusterIP\nNodePort\nLoadBalancer\nExternalName\n:4\n"
    assert _kubectl(["check", "expose", "deployment", "web", "--protocol", ""]) == "TCP\nUDP\nSCTP\n:4\n"
    assert _kubectl(["docker-run", "--pull", "m"]) == "missing\n:4\n"


def test_the_responder_imports_neither_typer_nor_yaml(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    code = (
        "import sys; sys.argv = ['kubectl_complete-kx', 'expose', '--ty']; "
        "from kx.complete.cobra import kubectl_main; kubectl_main(); "
        "print(sorted(m for m in ('yaml', 'jsonschema', 'typer', 'rich', 'click') if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # cache
    warm = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert warm.stdout.splitlines()[-1] == "[]"
    assert warm.stdout.startswith("--type\t")


def test_cached_tree_answers_like_a_fresh_one(tree: object) -> None:
    from cases import CASES

    from kx.complete import treecache
    from kx.complete.walk import complete

    key = ["test"]
    treecache.store("test", key, tree)  # type: ignore[arg-type]
    thawed = treecache.load("test", key)
    assert thawed is not None and treecache.load("test", ["other"]) is None
    for line, _ in CASES:
        words = line.split(" ")[1:]
        fresh = complete(tree, words[:-1], words[-1])  # type: ignore[arg-type]
        cached = complete(thawed, words[:-1], words[-1])
        assert (cached.candidates, cached.files) == (fresh.candidates, fresh.files), line


def test_the_cache_key_follows_the_spec_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kx.complete import APP_JSON, treecache

    specs = tmp_path / "specs"
    specs.mkdir()
    monkeypatch.setenv("KX_SPEC_PATH", str(specs))
    before = treecache.stamps(APP_JSON)
    (specs / "x.yaml").write_text("spec: 1\n", encoding="utf-8")
    assert treecache.stamps(APP_JSON) != before
