"""Fixed bad inputs to the installed kx: each exits 1 or 2 with a message, never 0 in silence.

Exit 2 (kx could not do its job) comes with exactly one ``kx: error:`` line on stderr and nothing
on stdout; exit 1 (the command is wrong) with the diagnostics that say why.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KX = Path(sys.executable).with_name("kx")

USAGE_ERRORS = [
    ["check", ""], ["check", "docker run 'nginx"], ["check", "--"], ["check"], ["check", "--", ""],
    ["check", "docker run nginx |"], ["exec", "--"], ["exec", ""], ["exec"], ["build"], ["build", ""],
    ["build", "docker"], ["lint"], ["nosuch"], ["--bogus"], ["check", "--format", "xml", "x y"],
    ["specs", "show"], ["completion", "install", "tcsh"], ["plugin", "install", "podman"],
    ["expose", "--format"], ["run", "--format", "toml", "web", "--image=nginx"],
    ["lint", "no-such-file.sh"], ["lint", "--severity", "loud", "-"], ["lint", "--select", "KX999", "-"],
]  # fmt: skip
WRONG_COMMANDS = [["run", ""], ["expose", ""], ["docker-run", ""], ["run", "", "--image=nginx"],
                  ["build", "kubectl", "run", ""]]  # fmt: skip


def kx(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([str(KX), *args], capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL, check=False)  # fmt: skip


pytestmark = pytest.mark.skipif(not KX.exists(), reason="kx console script not installed next to this python")


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[repr(a) for a in USAGE_ERRORS])
def test_usage_errors_are_one_line_and_exit_2(args: list[str]) -> None:
    done = kx(args)
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr.startswith("kx: error: ") and done.stderr.count("\n") == 1, done.stderr


@pytest.mark.parametrize("name", ["check", "exec"])
def test_an_empty_command_names_the_kx_command_in_its_hint(name: str) -> None:
    assert f"usage: kx {name} -- " in kx([name, ""]).stderr


@pytest.mark.parametrize("args", WRONG_COMMANDS, ids=[repr(a) for a in WRONG_COMMANDS])
def test_an_empty_name_builds_nothing_and_says_why(args: list[str]) -> None:
    done = kx(args)
    assert (done.returncode, done.stdout) == (1, "")
    assert "error[KX" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [[], ["specs"], ["completion"], ["plugin"]])
def test_a_bare_group_shows_its_help(args: list[str]) -> None:
    done = kx(args)
    assert done.returncode in (0, 2) and "Usage" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


CLOSED = [
    ("run --interactive <&-", 1), ("lint - <&-", 0), ("check 'docker run -p x nginx' >&-", 1),
    ("lint {script} >&-", 0), ("--help >&-", 0), ("check '' 2>&-", 2), ("check 'docker run nginx |' 2>&-", 2),
]  # fmt: skip


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
@pytest.mark.parametrize(("line", "code"), CLOSED, ids=[c[0] for c in CLOSED])
def test_a_closed_standard_stream_is_no_traceback(line: str, code: int, tmp_path: Path) -> None:
    script = tmp_path / "a.sh"
    script.write_text("docker run nginx\n")
    done = subprocess.run(["bash", "-c", f"{shlex.quote(str(KX))} {line.format(script=script)}"],
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_a_symlink_loop_in_a_spec_dir_is_skipped(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "one").symlink_to(specs / "two")
    (specs / "two").symlink_to(specs / "one")
    (specs / "up").symlink_to(tmp_path)  # a cycle through the parent
    env = {**os.environ, "KX_SPEC_PATH": str(specs), "NO_COLOR": "1"}
    done = subprocess.run([str(KX), "check", "docker run -p x nginx"], capture_output=True, text=True,
                          env=env, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 1 and "KX203" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr
