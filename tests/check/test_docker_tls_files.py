"""docker --tls / --tlsverify: the client opens its CA file first, so a missing one is an error here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.check.environment import Environment
from kx.engine.pipeline import check_argv, check_command
from kx.engine.settings import Settings

PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


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
    (home / ".docker" / "ca.pem").write_text(PEM)
    assert errors("docker --tls run nginx") == []
    assert errors(f"docker --tlsverify --tlscacert={home}/nope.pem run nginx") == ["KX209"]
    monkeypatch.setenv("DOCKER_CERT_PATH", str(home / "certs"))
    assert errors("docker --tls run nginx") == ["KX209"]
    assert errors("docker --tls --tlscacert=$CA run nginx") == []


def test_lint_does_not_judge_another_machines_ca(home: Path) -> None:
    lint = Environment.for_lint(str(home / "README.md"))
    assert [d.code for d in check_command("docker --tls run nginx", settings=Settings(env=lint))] == []


def test_given_certificate_and_key_and_the_ca_content(home: Path) -> None:
    (home / ".docker").mkdir()
    (home / ".docker" / "ca.pem").write_text(PEM)
    assert errors("docker --tls run nginx") == []  # a default cert.pem/key.pem that is missing is not used
    assert errors(f"docker --tls --tlscert={home}/nope.pem run nginx") == ["KX209"]
    assert errors(f"docker --tlsverify --tlskey '{home}/nope.pem' run nginx") == ["KX209"]
    assert errors(f"docker --tlscert={home}/nope.pem run nginx") == []  # no TLS: not read
    quoted = f"'\"{home}/.docker/ca.pem\"'"  # the client strips one pair of quotes
    assert errors(f"docker --tls --tlscert={quoted} run nginx") == []
    (home / ".docker" / "ca.pem").write_text("not a certificate\n")
    assert errors("docker --tls run nginx") == ["KX210"]


@pytest.mark.skipif(shutil.which("docker") is None or shutil.which("openssl") is None,
                    reason="docker or openssl is not installed")  # fmt: skip
@pytest.mark.parametrize(
    "flags",
    [["--tls"], ["--tlsverify"], ["--tls", "--tlscert", "nope.pem"], ["--tls", "--tlskey", "nope.pem"],
     ["--tlscert", "nope.pem"], ["--tls", "--tlscacert", "junk.pem"], ["--tls", "--tlscacert", "nope.pem"]],
)  # fmt: skip
def test_tls_files_agree_with_docker(home: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str]) -> None:
    (home / ".docker").mkdir()
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                           str(home / "k.pem"), "-out", str(home / ".docker" / "ca.pem"), "-days", "1",
                           "-subj", "/CN=kx"], capture_output=True, timeout=120)  # fmt: skip
    assert made.returncode == 0
    (home / "junk.pem").write_text("junk\n")
    monkeypatch.chdir(home)
    argv = ["docker", *flags, "run", "nginx"]
    environ = {"PATH": os.environ["PATH"], "HOME": str(home)}
    real = subprocess.run(argv, env=environ, capture_output=True, text=True, timeout=60)
    docker_refuses = "Cannot connect to the Docker daemon" not in real.stderr
    _, diagnostics = check_argv(argv)
    assert any(d.is_error for d in diagnostics) == docker_refuses, (real.stderr, diagnostics)
