"""docker run --network values read as the client reads them, by the value check and the rules alike."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from kx.engine.pipeline import check_command

# (command, the codes kx reports, whether the docker client itself refuses it)
CASES = [
    ("docker run --network Name=host --network-alias web nginx", ["KX401"], True),  # keys are lowercased
    ("docker run --network host --network-alias web nginx", ["KX401"], True),
    ("docker run --network mynet --network NAME=mynet nginx", ["KX401"], True),
    ("docker run --network 'x a=b y' --network host nginx", ["KX203"], True),  # one report, not two
    ("docker run --network 'name=Host,ip=10.0.0.5' nginx", ["KX204"], False),  # the daemon's to refuse
    ("docker run --network a-=b --network mynet nginx", [], False),  # no word=word: a network name
    ("docker run --network 'name=a,\"alias=b,c\"' nginx", [], False),  # one CSV record
]


@pytest.mark.parametrize(("line", "codes", "refused"), CASES)
def test_network_values(line: str, codes: list[str], refused: bool) -> None:
    assert [d.code for d in check_command(line) if d.is_error] == codes


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker is not installed")
@pytest.mark.parametrize(("line", "codes", "refused"), CASES)
def test_the_client_agrees(line: str, codes: list[str], refused: bool) -> None:
    argv = ["docker", "-H", "unix:///nonexistent/kx.sock", *shlex.split(line)[1:]]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    reached_the_daemon = "Cannot connect to the Docker daemon" in result.stderr or "kx.sock" in result.stderr
    assert reached_the_daemon is not refused, result.stderr
    client = [d for d in check_command(line) if d.is_error and d.stage == "client"]
    assert bool(client) is refused
