"""The default target is the installed client's version, read once and cached by the binary's stamp."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.catalog import installed
from kx.engine.pipeline import findings_for_words
from kx.parse.words import split_words


def real_version(tool: str) -> str:
    """What the client itself says, read here independently of kx."""
    if tool == "kubectl":
        out = subprocess.run(["kubectl", "version", "--client", "-o", "json"], capture_output=True, text=True)
        text = json.loads(out.stdout)["clientVersion"]["gitVersion"]
    else:
        text = subprocess.run(["docker", "--version"], capture_output=True, text=True).stdout
    found = re.search(r"(\d+\.\d+\.\d+)", text)
    assert found is not None, text
    return found.group(1)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    installed.forget()
    yield tmp_path / "kx" / "clients"
    installed.forget()


@pytest.mark.parametrize("tool", ["kubectl", "docker"])
def test_the_default_target_is_the_installed_client(tool: str, cache: Path) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"no {tool} here")
    assert installed.installed_version(tool) == real_version(tool)
    assert f"\t{real_version(tool)}" in cache.read_text()


def test_a_warm_cache_answers_without_asking_the_client(cache: Path) -> None:
    path = shutil.which("kubectl")
    if path is None:
        pytest.skip("no kubectl here")
    real = os.path.realpath(path)
    stat = os.stat(real)
    cache.parent.mkdir(parents=True)
    cache.write_text(
        f"kubectl\t{real}\t{stat.st_mtime_ns}\t{stat.st_size}\t1.20\n"
    )  # as if 1.20 had answered
    assert installed.installed_version("kubectl") == "1.20"
    line = "kubectl run web --image=nginx --override-type=merge"
    (found,) = findings_for_words(split_words(line).words)
    assert found.code == "KX503" and "the installed kubectl 1.20 does not have it" in found.message


def test_no_client_means_the_spec_version(
    cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert installed.installed_version("kubectl") is None
    line = "kubectl --kuberc=/dev/null run web --image=nginx"
    (found,) = findings_for_words(split_words(line).words)
    assert found.code == "KX503" and "kx's spec of kubectl 1.32.4" in found.message


@pytest.mark.parametrize(("out", "version"), [
    ("Docker version 28.2.2, build e6534b4\n", "28.2.2"),
    ("Docker version 19.03.15, build 99e3ed8\n", "19.03.15"),
    ("podman version 4.9.3\n", None), ("", None),
])  # fmt: skip
def test_docker_version_lines(out: str, version: str | None) -> None:
    assert installed._READERS["docker"](out) == version


def test_kx_lint_honours_the_target_in_kx_toml(tmp_path: Path) -> None:
    kx_bin = Path(sys.executable).with_name("kx")
    if not kx_bin.exists():
        pytest.skip("the kx console script is not installed next to this python")
    (tmp_path / "deploy.sh").write_text("kubectl run web --image=nginx --replicas=2\n")

    def codes(config: str, *extra: str) -> list[str]:
        (tmp_path / ".kx.toml").write_text(config)
        done = subprocess.run([str(kx_bin), "lint", "--format", "json", *extra, "deploy.sh"],
                              cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
        return [d["code"] for d in json.loads(done.stdout)["diagnostics"]]

    assert codes('target-versions = { kubectl = "1.20" }\n') == [
        "KX501"
    ]  # deprecated since 1.18, gone in 1.21
    assert codes('target-versions = { kubectl = "1.20" }\n', "--severity", "error") == []
    assert codes('target-versions = { kubectl = "1.21" }\n') == ["KX106"]
    assert codes('target-versions = { kubectl = "1.19..1.23" }\n') == ["KX106"]
    assert codes('target-versions = { kubectl = "1.20" }\n', "--target", "kubectl=1.32") == ["KX106"]
