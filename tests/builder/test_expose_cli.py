"""``kx expose ... --format yaml`` through the CLI: the Service on stdout, notes and errors on stderr."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kx.cli.app import run_app

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, team: core}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx, ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]}]
"""
TWO_PODS = """apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 1}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: good, labels: {run: good}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 2}]}]}
"""


def kx(capsys: pytest.CaptureFixture[str], line: str) -> tuple[int, str, str]:
    code = run_app(shlex.split(line))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "web.yaml"
    path.write_text(DEPLOYMENT)
    return path


def test_file_gives_the_service_with_the_objects_labels(
    capsys: pytest.CaptureFixture[str], manifest: Path
) -> None:
    code, out, err = kx(capsys, f"expose -f {manifest} --format yaml")
    assert (code, err) == (0, "")
    service = yaml.safe_load(out)
    assert service["metadata"] == {
        "creationTimestamp": None,
        "labels": {"app": "web", "team": "core"},
        "name": "web",
    }
    assert service["spec"]["selector"] == {"app": "web"}
    assert [(p["name"], p["port"], p["protocol"]) for p in service["spec"]["ports"]] == [
        ("port-1", 80, "TCP"),
        ("port-2", 53, "UDP"),
    ]


def test_format_may_come_first_and_o_json_prints_json(
    capsys: pytest.CaptureFixture[str], manifest: Path
) -> None:
    code, out, _ = kx(capsys, f"build --format yaml kubectl expose -f {manifest} -o json --port 8080")
    assert code == 0
    service = json.loads(out)
    assert list(service) == ["kind", "apiVersion", "metadata", "spec", "status"]
    assert service["spec"]["ports"] == [{"protocol": "TCP", "port": 8080, "targetPort": 8080}]


def test_type_name_says_the_labels_are_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "expose deploy web --selector app=web --port 80 --format yaml")
    assert code == 0
    assert "labels" not in yaml.safe_load(out)["metadata"]
    assert "kx: note: kubectl copies the labels of deploy/web" in err
    assert "protocol" in err


def test_labels_and_protocol_given_leave_nothing_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(
        capsys, "expose deploy web --selector app=web --port 80 -l a=b --protocol UDP --format yaml"
    )
    assert (code, err) == (0, "")
    assert yaml.safe_load(out)["metadata"]["labels"] == {"a": "b"}


def test_an_object_kubectl_refuses_ends_the_output_with_its_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pods.yaml"
    path.write_text(TWO_PODS)
    code, out, err = kx(capsys, f"expose -f {path} --format yaml")
    assert code == 1
    assert yaml.safe_load(out)["metadata"]["name"] == "good"
    assert "the pod has no labels and cannot be exposed" in err


def test_installed_kx_previews_a_file(manifest: Path) -> None:
    kx_path = Path(sys.executable).with_name("kx")
    argv = [str(kx_path), "expose", "-f", str(manifest), "--format", "yaml", "--name", "front"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(done.stdout)["metadata"]["name"] == "front"


def test_an_explicit_output_wins_over_the_lines_own(manifest: Path) -> None:
    from kx.builder.command import parse
    from kx.builder.dryrun import preview
    from kx.catalog.loader import load_specs

    specs = load_specs()
    spec = specs.get("kubectl", ("expose",))
    assert spec is not None
    parsed = parse(spec, ["-f", str(manifest), "-o", "yaml"], specs.root("kubectl"))
    assert json.loads(preview(parsed, "json").text)["kind"] == "Service"
    assert preview(parsed).text.startswith("apiVersion: v1\n")
    assert preview(parsed, "name").text == "service/web\n"


def test_a_kind_kubectl_cannot_expose_still_previews_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """kubectl prints the Deployment's Service and ends with its error for the ConfigMap."""
    path = tmp_path / "app.yaml"
    path.write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\n" + DEPLOYMENT)
    code, out, err = kx(capsys, f"expose -f {path} --format yaml")
    assert code == 1
    assert yaml.safe_load(out)["metadata"]["name"] == "web"
    assert "kx: error: cannot expose a ConfigMap" in err
    code, out, err = kx(capsys, f"expose -f {path}")
    assert (code, out) == (1, "")
    assert "KX210" in err
