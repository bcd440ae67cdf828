"""Differential test: kx's docker value checkers against the real docker client.

Each case runs `docker run --<flag>=<value> nginx` (or `docker run <image>`) against a fake
daemon when the test oracle is importable (it answers the ping as a Linux daemon and refuses the
create), else against a socket nobody listens on. A value the client accepts ends in the fake's
marker or "Cannot connect to the Docker daemon"; a rejected one prints the client's own error.
kx's verdict is: some problem with stage "client" and error severity.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kx.catalog.model import FlagSpec
from kx.check.formats import load_all
from kx.check.formats.registry import FORMATS, TYPES, ValueContext
from kx.engine.pipeline import check_argv

from .docker_cases import CASES, IMAGES

# flag -> format, as specs/docker/run.yaml wires them; the bytes flags are checked by their type
_WIRING = """
publish port-mapping | expose expose-port | volume volume | mount mount | device device | ulimit ulimit
sysctl sysctl | env docker-env | label docker-label | annotation annotation | add-host add-host
dns ip-address | dns-search dns-search | mac-address mac-address | link link | ip ip-address
ip6 ip-address | security-opt security-opt | storage-opt storage-opt | log-opt log-opt
restart restart-policy | pid pid-mode | uts uts-mode | userns userns-mode | cgroupns cgroupns-mode
ipc ipc-mode | attach attach-stream | device-cgroup-rule device-cgroup-rule | gpus gpus | cpus cpus
memory - | memory-swap memory-swap | shm-size - | memory-swappiness memory-swappiness
blkio-weight-device weight-device | device-read-bps throttle-bps-device
device-write-iops throttle-iops-device | device-read-iops throttle-iops-device
health-interval health-duration | health-timeout health-duration | health-start-period health-duration
health-start-interval health-duration | health-retries health-retries | network docker-network
platform platform | cidfile cidfile | env-file env-file | label-file label-file
cap-add capability | cap-drop capability | stop-signal stop-signal
"""
WIRING = dict(pair.split() for pair in _WIRING.replace("\n", "|").split("|") if pair.strip())
BYTES_FLAGS = {"memory", "memory-swap", "shm-size"}
NEEDS_DAEMON_OS = {"device"}  # the client checks --device against the daemon's OS


# Flags naming files: the environment pass judges them, through the engine, where kx check runs.
FILE_FLAGS = {"cidfile", "env-file", "label-file"}


def kx_rejects(flag: str, value: str) -> bool:
    """True when kx says the docker client itself refuses the value (or the file it names, here)."""
    load_all()
    if flag in FILE_FLAGS or (flag == "security-opt" and value.startswith("seccomp")):
        _, diagnostics = check_argv(["docker", "run", f"--{flag}={value}", "nginx"])
        return any(d.stage in ("client", "environment") and d.is_error for d in diagnostics)
    format_name = WIRING[flag]
    type_name = "bytes" if flag in BYTES_FLAGS else "string"
    spec = FlagSpec({"name": flag, "type": type_name, "format": None if format_name == "-" else format_name})
    ctx = ValueContext("docker", spec)
    problems = TYPES["bytes"](value, ctx) if flag in BYTES_FLAGS else []
    if not problems and spec.format:
        problems = FORMATS[spec.format](value, ctx)
    return any(p.stage == "client" and (p.severity or "error") == "error" for p in problems)


def kx_rejects_image(image: str) -> bool:
    load_all()
    problems = FORMATS["docker-image"](image, ValueContext("docker", None, "IMAGE"))
    return any(p.stage == "client" for p in problems)


@pytest.fixture(scope="module")
def docker_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], bool]]:
    if shutil.which("docker") is None:
        pytest.skip("docker not installed")
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), DOCKER_CONFIG=str(home / ".docker"))
    env.pop("DOCKER_CONTEXT", None)
    try:  # the engine's fake daemon, when the test oracle is on the path
        fake_docker = importlib.import_module("oracle.fake_docker")
    except ImportError:
        env["DOCKER_HOST"] = f"unix://{home}/no.sock"
        yield env, False
        return
    with fake_docker.FakeDocker() as fake:
        env["DOCKER_HOST"] = fake.host
        yield env, True


def client_accepts(argv: list[str], env: dict[str, str]) -> tuple[bool, str]:
    """Run the real client; (accepted, stderr)."""
    proc = subprocess.run(
        ["docker", "run", *argv], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        timeout=30, cwd=env["HOME"],
    )  # fmt: skip
    err = proc.stderr
    accepted = "Cannot connect to the Docker daemon" in err or "kx-fake-daemon" in err
    return accepted, err.strip().splitlines()[0] if err.strip() else ""


def test_corpus_is_large_enough() -> None:
    assert len(CASES) + len(IMAGES) >= 150
    assert {flag for flag, _ in CASES} <= set(WIRING)


@pytest.mark.slow
def test_flag_values_agree_with_docker(docker_env: tuple[dict[str, str], bool]) -> None:
    env, with_daemon = docker_env
    assert with_daemon or not (Path(__file__).parents[1] / "oracle" / "fake_docker.py").exists()
    disagreements = []
    for flag, value in CASES:
        if flag in NEEDS_DAEMON_OS and not with_daemon:
            continue
        accepted, first = client_accepts([f"--{flag}={value}", "nginx"], env)
        if kx_rejects(flag, value) == accepted:
            disagreements.append(
                f"--{flag}={value!r}: docker {'accepts' if accepted else 'rejects'} ({first})"
            )
    assert disagreements == []


@pytest.mark.slow
def test_images_agree_with_docker(docker_env: tuple[dict[str, str], bool]) -> None:
    env, _ = docker_env
    disagreements = []
    for image in IMAGES:
        accepted, first = client_accepts(["--pull=never", "--", image], env)
        if kx_rejects_image(image) == accepted:
            disagreements.append(f"{image!r}: docker {'accepts' if accepted else 'rejects'} ({first})")
    assert disagreements == []


def test_files_are_read_relative_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.env").write_text("A=1\n# comment\n\nB\n")
    (tmp_path / "bad.env").write_text("BAD KEY=1\n")
    monkeypatch.chdir(tmp_path)
    assert not kx_rejects("env-file", "ok.env")
    assert kx_rejects("env-file", "bad.env")
    assert kx_rejects("cidfile", "ok.env")
    assert not kx_rejects("cidfile", "new.cid")
