"""The loader: search path, plugin specs, overrides, cache invalidation, and bad spec files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kx.catalog import loader
from kx.cli.app import app

DEPLOYMENT = """\
spec: 1
tool: kubectl
path: [create, deployment]
tool_version: "1.32.4"
summary: Create a deployment with the given name.
inherits: [kubectl/_global]
normalize_underscores: true
positionals:
  - {name: name, required: true}
flags:
  - {name: image, type: stringArray, repeat: append, summary: Image for a container.}
  - {name: replicas, short: r, type: int32, default: "1", summary: How many pods.}
"""


def write(directory: Path, name: str, text: str | bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_shipped_specs_are_found() -> None:
    specs = loader.load_specs()
    assert set(specs.keys()) >= {
        "docker/_global", "docker/run", "kubectl/_global", "kubectl/run", "kubectl/expose",
    }
    assert specs.get("docker", ("container", "run")) is specs.get("docker", ("run",))


def test_expose_inherits_every_global_flag() -> None:
    specs = loader.load_specs()
    expose = specs.get("kubectl", ("expose",))
    root = specs.root("kubectl")
    assert expose is not None and root is not None
    names = {f.name for f in expose.flags}
    assert {f.name for f in root.flags} <= names
    assert {"selector", "port", "type", "namespace", "kubeconfig"} <= names


def test_plugin_spec_on_kx_spec_path_shows_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    write(tmp_path / "plugins" / "deep", "anything.yaml", DEPLOYMENT)
    monkeypatch.setenv("KX_SPEC_PATH", str(tmp_path / "plugins"))
    result = runner.invoke(app, ["specs", "list"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "create deployment" in result.stdout
    shown = runner.invoke(app, ["specs", "show", "kubectl", "create", "deployment", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    body = json.loads(shown.stdout)
    names = {f["name"] for f in body["flags"]}
    assert {"image", "replicas", "namespace"} <= names
    assert all({"name", "short", "type", "hidden", "deprecated"} <= set(f) for f in body["flags"])


def test_user_spec_overrides_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = """\
spec: 1
tool: kubectl
path: [expose]
tool_version: "1.99"
summary: A local override.
flags:
  - {name: only-flag, type: string}
"""
    write(tmp_path / "config" / "kx" / "specs", "expose.yaml", override)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    spec = loader.load_specs().get("kubectl", ("expose",))
    assert spec is not None
    assert spec.tool_version == "1.99"
    assert [f.name for f in spec.flags] == ["only-flag"]


def test_cache_is_invalidated_when_a_spec_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KX_SPEC_PATH", str(tmp_path))
    target = write(tmp_path, "d.yaml", DEPLOYMENT)
    first = loader.load_specs()
    assert first.get("kubectl", ("create", "deployment")) is not None
    time.sleep(0.01)
    target.write_text(DEPLOYMENT.replace("[create, deployment]", "[create, job]"), encoding="utf-8")
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    loader.reset()
    second = loader.load_specs()
    assert second.get("kubectl", ("create", "deployment")) is None
    assert second.get("kubectl", ("create", "job")) is not None


def test_warm_lookup_imports_neither_yaml_nor_jsonschema(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    code = (
        "import sys; from kx.catalog.loader import load_specs; "
        "s = load_specs(); assert s.get('kubectl', ('expose',)) is not None; "
        "print(sorted(m for m in ('yaml', 'jsonschema', 'typer', 'rich') if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert warm.stdout.strip() == "[]"


BAD_SPECS = {
    "invalid-yaml.yaml": ("spec: 1\ntool: [unclosed\n", "invalid YAML"),
    "schema.yaml": (DEPLOYMENT.replace("type: int32", "type: integer"), "/flags/1/type"),
    "unknown-key.yaml": (DEPLOYMENT.replace("summary: How many pods.", "sumary: typo"), "/flags/1"),
    "bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        "anchors and aliases",
    ),
    "latin1.yaml": (DEPLOYMENT.encode() + "# caf\xe9\n".encode("latin-1"), "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_SPECS))
def test_bad_spec_gives_one_line_error_and_shipped_specs_still_work(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    text, expected = BAD_SPECS[name]
    path = write(tmp_path / "bad", name, text)
    monkeypatch.setenv("KX_SPEC_PATH", str(tmp_path / "bad"))
    result = runner.invoke(app, ["specs", "validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines and str(path) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.output
    listed = runner.invoke(app, ["specs", "list"], catch_exceptions=False)
    assert listed.exit_code == 0
    assert "expose" in listed.stdout
    assert listed.stderr.count("skipping spec") == 1


def test_huge_spec_file_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("w") as handle:
        handle.write("spec: 1\n# " + "x" * (50 * 1024 * 1024) + "\n")
    result = runner.invoke(app, ["specs", "validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert str(path) in result.stdout and "limited" in result.stdout


def test_every_shipped_spec_validates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["specs", "validate"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
