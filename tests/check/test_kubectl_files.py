"""kubectl's local files: checked where the command runs, never by kx lint."""

from __future__ import annotations

from pathlib import Path

from kx.check.formats.registry import set_file_checks
from kx.engine import check_command


def codes(line: str) -> list[str]:
    return [d.code for d in check_command(line) if d.severity == "error"]


def test_missing_kubeconfig_and_certificates_are_reported(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("apiVersion: v1\n")
    assert codes(f"kubectl run web --image=nginx --kubeconfig={config}") == []
    assert codes(f"kubectl run web --image=nginx --kubeconfig={tmp_path}/missing") == ["KX203"]
    assert codes(f"kubectl run web --image=nginx --certificate-authority={tmp_path}") == ["KX203"]


def test_a_readable_device_is_a_readable_file() -> None:
    # kubectl reads /dev/null as an empty kubeconfig and goes on; a directory it cannot read.
    assert codes("kubectl run web --image=nginx --kubeconfig=/dev/null") == []
    assert codes("kubectl run web --image=nginx --kubeconfig=/") == ["KX203"]


def test_expose_manifest_paths_must_exist(tmp_path: Path) -> None:
    manifest = tmp_path / "svc.yaml"
    manifest.write_text("kind: Service\n")
    assert codes(f"kubectl expose -f {manifest} --port=80") == []
    assert codes(f"kubectl expose -f {manifest},{tmp_path}/gone.yaml --port=80") == ["KX203"]
    assert codes("kubectl expose -f - --port=80") == []
    assert codes("kubectl expose -f https://example.com/svc.yaml --port=80") == []


def test_file_checks_off_means_no_file_is_looked_at(tmp_path: Path) -> None:
    set_file_checks(False)
    try:
        assert codes(f"kubectl expose -f {tmp_path}/gone.yaml --port=80 --kubeconfig=/nope") == []
    finally:
        set_file_checks(True)
