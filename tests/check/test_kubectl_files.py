"""kubectl's local files: a missing one is reported where the command runs, never by kx lint."""

from __future__ import annotations

from pathlib import Path

from kx.check.environment import Environment
from kx.engine.pipeline import check_command
from kx.engine.settings import Settings


def codes(line: str) -> list[str]:
    return [d.code for d in check_command(line) if d.severity == "error"]


def test_missing_kubeconfig_and_certificates_are_reported(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("apiVersion: v1\n")
    assert codes(f"kubectl run web --image=nginx --kubeconfig={config}") == []
    assert codes(f"kubectl run web --image=nginx --kubeconfig={tmp_path}/missing") == ["KX209"]
    assert codes(f"kubectl run web --image=nginx --certificate-authority={tmp_path}") == ["KX209"]


def test_a_readable_device_is_a_readable_file() -> None:
    # kubectl reads /dev/null as an empty kubeconfig and goes on; a directory it cannot read.
    assert codes("kubectl run web --image=nginx --kubeconfig=/dev/null") == []
    assert codes("kubectl run web --image=nginx --kubeconfig=/") == ["KX209"]


def test_expose_manifest_paths_must_exist(tmp_path: Path) -> None:
    manifest = tmp_path / "svc.yaml"
    manifest.write_text("kind: Service\n")
    assert codes(f"kubectl expose -f {manifest} --port=80") == []
    assert codes(f"kubectl expose -f {manifest},{tmp_path}/gone.yaml --port=80") == ["KX209"]
    assert codes("kubectl expose -f - --port=80") == []
    assert codes("kubectl expose -f https://example.com/svc.yaml --port=80") == []


def test_lint_never_reports_a_missing_file(tmp_path: Path) -> None:
    lint = Environment.for_lint(str(tmp_path / "README.md"))
    line = f"kubectl expose -f {tmp_path}/gone.yaml,gone.yaml --port=80 --kubeconfig=/nope"
    assert check_command(line, settings=Settings(env=lint)) == []
