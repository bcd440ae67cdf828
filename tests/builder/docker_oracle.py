"""Run the real ``docker run`` against the fake daemon and read the create request it sent."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.oracle.fake_docker import FakeDocker, create_request

from kx.builder import command
from kx.builder.dockercreate import create_request as kx_request
from kx.builder.dockercreate import prune
from kx.catalog.loader import load_specs

TIMEOUT = 60
# Lists the docker client builds from a Go map: their order changes from run to run.
UNORDERED = ("Env", "Binds")
Request = dict[str, Any]


class DockerOracle:
    """The fake daemon plus a HOME and working directory shared by every invocation."""

    def __init__(self, fake: FakeDocker, home: str, cwd: str) -> None:
        self.fake = fake
        self.home = home
        self.cwd = cwd

    def environ(self) -> dict[str, str]:
        """The client's environment: this process's, without docker settings, HOME replaced."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
        return env | {"HOME": self.home, "DOCKER_HOST": self.fake.host, "LC_ALL": "C"}

    def request(
        self, args: list[str], env: dict[str, str] | None = None, lead: tuple[str, ...] = ()
    ) -> tuple[Request | None, str]:
        """(the create request ``docker LEAD run ARGS...`` sent, or None; its stderr); ``env`` adds to it."""
        environ = self.environ() | (env or {})
        master, slave = os.openpty()  # -it needs a terminal on stdin, as in a shell
        try:
            for _ in range(3):  # under load the first ping can time out: run again
                proc = subprocess.Popen(["docker", *lead, "run", *args], env=environ, cwd=self.cwd,
                                        stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        start_new_session=True)  # fmt: skip
                try:
                    _, err = proc.communicate(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    _, err = proc.communicate()
                found = create_request(self.fake.recorder.pop(str(proc.pid)))
                text = err.decode("utf-8", "replace")
                if found is not None or ("Cannot connect" not in text and "unknown server OS" not in text):
                    return found, text
            return found, text
        finally:
            os.close(slave)
            os.close(master)


@contextmanager
def docker_oracle(home: str, cwd: str) -> Iterator[DockerOracle]:
    """A running fake daemon; HOME and the working directory are the caller's directories."""
    with FakeDocker() as fake:
        yield DockerOracle(fake, home, cwd)


def normalized(request: dict[str, Any]) -> dict[str, Any]:
    """The request without zero values, with the client's unordered lists sorted."""
    request = prune(request)
    body = request.get("body", {})
    for part in (body, body.get("HostConfig", {})):
        for key in UNORDERED:
            if key in part:
                part[key] = sorted(part[key])
    return request


def preview(line: str, oracle: DockerOracle, env: dict[str, str] | None = None) -> dict[str, Any]:
    """kx's create request for ``docker run LINE``, with the client's environment and directory."""
    specs = load_specs()
    spec = specs.get("docker", ("run",))
    assert spec is not None
    parsed = command.parse(spec, shlex.split(line), specs.root("docker"))
    return kx_request(parsed, oracle.environ() | (env or {}), oracle.cwd)
