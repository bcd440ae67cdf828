"""docker --tls / --tlsverify: the client opens its CA file first, so a missing one is an error here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kx.check.environment import Environment
from kx.engine import check_command


def errors(line: str) -> list[str]:
    return [d.code for d in check_command(line) if d.severity == "error"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("DOCKER_CERT_PATH", raising=False)
    monkeypatch.delenv("DOCKER_CONFIG", raising=False)
    return tmp_path


def test_missing_default_ca_is_reported(home: Path) -> None:
    assert errors("docker --tls run nginx") == ["KX209"]
    assert errors("docker -H tcp://h:2376 --tlsverify run nginx") == ["KX209"]
    # Giving --tlsverify at all turns TLS on, even =false; --tls=false alone does not.
    assert errors("docker --tlsverify=false run nginx") == ["KX209"]
    assert errors("docker --tls=false run nginx") == []
    assert errors("docker run nginx") == []


def test_present_ca_and_other_locations(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / ".docker").mkdir()
    (home / ".docker" / "ca.pem").write_text("x")
    assert errors("docker --tls run nginx") == []
    assert errors(f"docker --tlsverify --tlscacert={home}/nope.pem run nginx") == ["KX209"]
    monkeypatch.setenv("DOCKER_CERT_PATH", str(home / "certs"))
    assert errors("docker --tls run nginx") == ["KX209"]
    assert errors("docker --tls --tlscacert=$CA run nginx") == []


def test_lint_does_not_judge_another_machines_ca(home: Path) -> None:
    lint = Environment.for_lint(str(home / "README.md"))
    assert [d.code for d in check_command("docker --tls run nginx", env=lint)] == []
