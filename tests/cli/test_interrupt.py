"""Ctrl-C, sent for real: exit 130, "kx: interrupted" on stderr, no traceback, nothing on stdout.

The installed ``kx`` runs in its own process group, as a shell's foreground job does; SIGINT goes
to the whole group (a terminal's Ctrl-C, which reaches lint's worker processes too) or to kx alone
(``kill -INT``). Either way no process of the group may be left working.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kx.core.interrupts import hold_interrupts

KX = Path(sys.executable).with_name("kx")
LINE = "docker run --rm -p {0}:80 --name c{0} -e A=B nginx:1.{0} echo {0}\nkubectl run p{0} --image=nginx\n"
STOP_SECONDS = 3.0
posix_only = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")


def _live_members(group: int) -> list[str]:
    """The processes of ``group`` still alive (zombies are dead: they only wait to be reaped)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(entry.parent.name)
    return found


def _interrupt(args: list[str], env: dict[str, str], ready: float, whole_group: bool) -> tuple[int, str, str]:
    process = subprocess.Popen([str(KX), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True, start_new_session=True)  # fmt: skip
    try:
        time.sleep(ready)
        assert process.poll() is None, "kx ended before Ctrl-C: give it more work"
        if whole_group:
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGINT)
        sent = time.monotonic()
        out, err = process.communicate(timeout=30)
        # Stopping is prompt: kx does not wait for its helpers to finish work nobody wants.
        assert time.monotonic() - sent < STOP_SECONDS
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if Path("/proc/self/stat").exists():
        deadline = time.monotonic() + 5
        while _live_members(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _live_members(process.pid) == [], "a process of kx's group outlived it"
    return process.returncode, out, err


@pytest.fixture(scope="module")
def long_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One script big enough for the two-process lint, and a directory for the worker pool."""
    root = tmp_path_factory.mktemp("long")
    (root / "big.sh").write_text("".join(LINE.format(i) for i in range(120_000)))
    many = root / "many"
    many.mkdir()
    for number in range(60):
        (many / f"f{number}.sh").write_text("".join(LINE.format(i) for i in range(2_000)))
    return root


@posix_only
@pytest.mark.parametrize("whole_group", [True, False], ids=["group", "kx-only"])
@pytest.mark.parametrize("options, target", [((), "big.sh"), (("--jobs", "2"), "many")],
                         ids=["one-script", "worker-pool"])  # fmt: skip
def test_ctrl_c_during_a_long_lint(
    long_inputs: Path, options: tuple[str, ...], target: str, whole_group: bool
) -> None:
    args = ["lint", *options, str(long_inputs / target)]
    code, out, err = _interrupt(args, dict(os.environ), 0.8, whole_group)
    assert (code, out, err) == (130, "", "kx: interrupted\n")


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_in_completion_install_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    os.mkfifo(home / ".bashrc")  # reading it blocks: kx is still planning when Ctrl-C comes
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(tmp_path / "data")}
    code, out, err = _interrupt(["completion", "install", "bash"], env, 1.5, whole_group=True)
    assert (code, out, err) == (130, "", "kx: interrupted\n")
    assert not (tmp_path / "data").exists()


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks on this platform")
def test_a_held_ctrl_c_lands_when_released() -> None:
    restore = hold_interrupts()
    try:
        # To this thread: sent to the process, another thread (one a test left running) could take it.
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        time.sleep(0.05)  # delivered now it would raise here
    except KeyboardInterrupt:  # pragma: no cover - the failure this test looks for
        restore()
        pytest.fail("Ctrl-C was not held back")
    with pytest.raises(KeyboardInterrupt):
        restore()
        time.sleep(0.05)
