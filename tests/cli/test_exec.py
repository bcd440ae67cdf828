"""`kx exec`: a command with an error is refused and never run; a clean one is run exactly as given.

A stand-in `docker` and `kubectl` first on PATH record every argv they get, so the tests see what
kx ran, not what it printed. The stand-ins are shell scripts, not mocks of kx: kx runs for real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STAND_IN = """#!/bin/sh
printf '%s\\n' "$(basename "$0")" >> "$KX_TEST_RECORD"
for word in "$@"; do printf '%s\\n' "$word" >> "$KX_TEST_RECORD"; done
printf '%s\\n' '--end--' >> "$KX_TEST_RECORD"
exit "${KX_TEST_EXIT:-0}"
"""


class Clients:
    """The stand-in clients and what they were run with."""

    def __init__(self, root: Path) -> None:
        self.bin = root / "bin"
        self.bin.mkdir()
        self.record = root / "record.txt"
        for name in ("docker", "kubectl"):
            path = self.bin / name
            path.write_text(STAND_IN)
            path.chmod(0o755)

    def runs(self) -> list[list[str]]:
        """Every argv a stand-in received, in order (the client's name first)."""
        if not self.record.exists():
            return []
        found: list[list[str]] = [[]]
        for line in self.record.read_text().splitlines():
            if line == "--end--":
                found.append([])
            else:
                found[-1].append(line)
        return found[:-1]

    def kx(self, *args: str, exit: int = 0) -> subprocess.CompletedProcess[str]:
        """Run kx as a user would, with the stand-ins first on PATH."""
        env = {
            **os.environ,
            "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}",
            "KX_TEST_RECORD": str(self.record),
            "KX_TEST_EXIT": str(exit),
            "NO_COLOR": "1",
        }
        return subprocess.run([sys.executable, "-m", "kx", *args], capture_output=True, text=True,
                              env=env, timeout=60)  # fmt: skip


@pytest.fixture
def clients(tmp_path: Path) -> Clients:
    return Clients(tmp_path)


@pytest.mark.parametrize(
    "argv",
    [
        ["docker", "run", "--cpus", "abc", "nginx"],
        ["docker", "run", "--bogus", "nginx"],
        ["docker", "run", "-d", "--rm", "--restart=always", "nginx"],
        ["kubectl", "run", "web", "--image=Nginx"],
        ["kubectl", "expose", "deployment", "web", "--port=8o"],
        ["kubectl", "run", "web"],
    ],
)
def test_a_command_with_an_error_is_not_run(clients: Clients, argv: list[str]) -> None:
    done = clients.kx("exec", "--", *argv)
    assert done.returncode == 1, done.stderr
    assert "error[KX" in done.stderr and done.stdout == ""
    assert clients.runs() == []


def test_one_bad_command_in_a_string_stops_all_of_it(clients: Clients) -> None:
    done = clients.kx("exec", "docker run -d nginx && docker run --memory 1x nginx")
    assert done.returncode == 1 and "KX201" in done.stderr
    assert clients.runs() == []  # not even the clean first command


def test_json_refusal_is_on_stderr_and_nothing_runs(clients: Clients) -> None:
    done = clients.kx("exec", "--format", "json", "--", "docker", "run", "-p", "99999:80", "nginx")
    assert done.returncode == 1 and done.stdout == ""
    assert [d["code"] for d in json.loads(done.stderr)["diagnostics"]] == ["KX203"]
    assert clients.runs() == []


@pytest.mark.parametrize(
    "argv",
    [
        ["docker", "run", "-d", "-p", "8080:80", "--name", "web", "nginx:1.27"],
        ["docker", "run", "-e", "GREETING=hello world", "-l", "it's=quoted", "alpine", "sh", "-c", "echo $X"],
        ["kubectl", "run", "web", "--image=nginx", "--port=80", "--", "nginx", "-g", "daemon off;"],
        ["kubectl", "expose", "deployment", "web", "--port=80", "--type=NodePort"],
    ],
)
def test_a_clean_command_is_run_with_exactly_its_words(clients: Clients, argv: list[str]) -> None:
    done = clients.kx("exec", "--", *argv)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert clients.runs() == [argv]


def test_the_clients_exit_code_is_kxs(clients: Clients) -> None:
    done = clients.kx("exec", "--", "docker", "run", "nginx", exit=125)
    assert done.returncode == 125
    assert clients.runs() == [["docker", "run", "nginx"]]


def test_warnings_are_shown_and_the_command_still_runs(clients: Clients) -> None:
    done = clients.kx("exec", "--", "docker", "run", "nginx", "-p", "80:80")
    assert done.returncode == 0
    assert done.stderr.startswith("warning[KX108]")
    assert clients.runs() == [["docker", "run", "nginx", "-p", "80:80"]]


def test_a_clean_string_runs_through_the_shell(clients: Clients) -> None:
    done = clients.kx("exec", "docker run -d nginx && kubectl run web --image=nginx")
    assert done.returncode == 0, done.stderr
    assert clients.runs() == [["docker", "run", "-d", "nginx"], ["kubectl", "run", "web", "--image=nginx"]]


def test_check_never_runs_anything(clients: Clients) -> None:
    assert clients.kx("check", "--", "docker", "run", "nginx").returncode == 0
    assert clients.kx("check", "--", "docker", "run", "--bogus", "nginx").returncode == 1
    assert clients.runs() == []
