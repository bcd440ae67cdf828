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
