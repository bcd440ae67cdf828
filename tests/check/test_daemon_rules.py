"""Daemon-side rules across flags (moby's create-time checks): stage server, the client passes them."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from kx.engine.pipeline import check_command

MEMORY = [
    ("docker run -m 1g --memory-swap 512m nginx", [("KX204", "server")]),
    ("docker run --memory-swap 1g nginx", [("KX402", "server")]),
    ("docker run -m 0 --memory-swap 1g nginx", [("KX402", "server")]),  # 0 is no limit
    ("docker run -m 1g --memory-swap 1g nginx", []),  # equal: no swap at all
    ("docker run -m 1g --memory-swap 2g nginx", []),
    ("docker run -m 1g --memory-swap -1 nginx", []),  # unlimited swap
    ("docker run --memory-swap -1 nginx", []),
    ("docker run --memory-swap 0 nginx", []),  # 0 is not set
    ("docker run -m 1g --memory-swap=0 nginx", []),
    ("docker run -m 4m --memory-swap 1g nginx", [("KX204", "server")]),  # the minimum is refused first
    ("docker run -m $MEM --memory-swap 1g nginx", []),
    ("docker run -m 1g --memory-swap $SWAP nginx", []),
    ("docker run --memory-swap 1g --memory-swap -1 nginx", []),  # the last value wins
]

VOLUMES = [
    ("docker run -v data/x:/x nginx", [("KX204", "server")]),
    ("docker run --volume-driver local -v data/x:/x nginx", [("KX204", "server")]),
    ("docker run --volume-driver= -v data/x:/x nginx", [("KX204", "server")]),
    ("docker run --volume-driver rexray/ebs -v data/x:/x nginx", []),
    ("docker run --volume-driver nfs -v 'my vol:/x' nginx", []),
    ("docker run --volume-driver $DRIVER -v data/x:/x nginx", []),
    ("docker run --volume-driver nfs -v data:/x:bogus nginx", [("KX204", "server")]),  # mode: any driver
    ("docker run --volume-driver nfs -v data:rel nginx", [("KX204", "server")]),  # target: any driver
    ("docker run -v ./data:/x -v myvol:/y nginx", []),
]


@pytest.mark.parametrize(("line", "expected"), MEMORY + VOLUMES)
def test_daemon_rules(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.code, d.stage) for d in check_command(line) if d.is_error] == expected


def test_the_volume_caret_is_on_the_spec() -> None:
    line = "docker run --volume=data/x:/x nginx"
    [diagnostic] = check_command(line)
    spec = line.index("data/x:/x")
    assert (diagnostic.column, diagnostic.end_column) == (spec + 1, spec + len("data/x:/x") + 1)


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker is not installed")
@pytest.mark.parametrize("line", [line for line, _ in MEMORY + VOLUMES if "$" not in line])
def test_the_client_lets_them_through(line: str) -> None:
    """Stage server: the docker client itself accepts every one (it stops at the missing daemon)."""
    argv = ["docker", "-H", "unix:///nonexistent/kx.sock", *shlex.split(line)[1:]]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert "Cannot connect to the Docker daemon" in result.stderr or "kx.sock" in result.stderr, result.stderr
