"""Interactive sessions in a real terminal (tmux): keys typed, screen read back, stdout kept apart."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")


class Terminal:
    """One tmux server on a private socket running one command in an 80x40 window."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"kx-test-{os.getpid()}-{id(self)}"
        self.workdir = workdir

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=20)  # fmt: skip
        return done.stdout

    def start(self, kx_args: str) -> None:
        out, rc = self.workdir / "stdout", self.workdir / "rc"
        # The trap keeps the shell alive through Ctrl-C (kx still gets the default SIGINT).
        script = (f"trap true INT; {shlex.quote(sys.executable)} -m kx {kx_args} > {out}; "
                  f"echo $? > {rc}.tmp && mv {rc}.tmp {rc}; sleep 30")  # fmt: skip
        env = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "50",
                  "env", *(f"{k}={v}" for k, v in env.items()), "sh", "-c", script)  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def answer(self, prompt: str, keys: str) -> None:
        """Wait for a prompt (the last one on screen), then type ``keys`` and Enter."""
        self.wait_for(prompt)
        self.tmux("send-keys", "-l", keys)
        self.tmux("send-keys", "Enter")

    def result(self, timeout: float = 20.0) -> tuple[int, str]:
        rc = self.workdir / "rc"
        deadline = time.monotonic() + timeout
        while not rc.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"kx did not finish:\n{self.screen()}")
            time.sleep(0.05)
        return int(rc.read_text()), (self.workdir / "stdout").read_text()

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path)
    try:
        yield terminal
    finally:
        terminal.stop()


def test_readme_expose_flow_in_a_terminal(term: Terminal) -> None:
    term.start("expose --interactive")
    term.answer("Resource type:", "4")
    term.answer("Name of the deployment:", "nginx")
    for flag in ("--labels:", "--name:"):
        term.answer(flag, "")
    term.answer("--port:", "80")
    for flag in ("--protocol:", "--selector:", "--target-port:"):
        term.answer(flag, "")
    term.answer("--type:", "NodePort")
    for flag in ("--dry-run:", "--output:", "Anything else?"):
        term.answer(flag, "")
    code, out = term.result()
    assert (code, out) == (0, "kubectl expose deployment nginx --port=80 --type=NodePort\n")
    screen = term.screen()
    assert "Command: kubectl expose deployment nginx --port=80 --type=NodePort" in screen
    assert "4) deployment" in screen


def test_wrong_answer_is_asked_again_in_a_terminal(term: Terminal) -> None:
    term.start("expose deployment web -i")
    for flag in ("--labels:", "--name:"):
        term.answer(flag, "")
    term.answer("--port:", "http")
    screen = term.wait_for("✗")
    assert "http" in screen.split("✗", 1)[1]
    term.wait_for("--port: Port(s)")
    term.tmux("send-keys", "-l", "8080")
    term.tmux("send-keys", "Enter")
    for flag in ("--protocol:", "--selector:", "--target-port:", "--type:", "--dry-run:", "--output:",
                 "Anything else?"):  # fmt: skip
        term.answer(flag, "")
    code, out = term.result()
    assert (code, out) == (0, "kubectl expose deployment web --port=8080\n")
    assert term.screen().count("? --port:") == 2


def test_ctrl_c_builds_nothing(term: Terminal) -> None:
    term.start("run --interactive")
    term.answer("NAME", "box")
    term.wait_for("--image")
    term.tmux("send-keys", "C-c")
    code, out = term.result()
    assert code == 130
    assert out == ""
    assert "interrupted; nothing built" in term.screen()


# Ctrl-C at each kind of question (a list, a checked value, a yes/no, the flag search, the final
# confirmation of --exec): exit 130, nothing on stdout, no traceback on the screen.
INTERRUPTED = [
    ("expose --interactive", ["Resource type:"], "interrupted; nothing built"),
    ("expose deployment web --interactive", ["--labels:"], "interrupted; nothing built"),
    ("docker-run --kx-interactive", ["IMAGE"], "interrupted; nothing built"),
    ("build docker run --kx-interactive nginx", ["--detach"], "interrupted; nothing built"),
    ("run web --image=nginx --interactive", ["--command", "--env:"], "interrupted; nothing built"),
    ("expose deployment web --port=80 --interactive",
     ["--labels:", "--name:", "--protocol:", "--selector:", "--target-port:", "--type:", "--dry-run:",
      "--output:", "Anything else?"], "interrupted; nothing built"),
    ("run web --image=nginx --exec", ["Run it now?"], "kx: interrupted"),
]


@pytest.mark.parametrize(("args", "prompts", "message"), INTERRUPTED, ids=[c[0] for c in INTERRUPTED])
def test_ctrl_c_at_any_question(term: Terminal, args: str, prompts: list[str], message: str) -> None:
    term.start(args)
    for prompt in prompts[:-1]:
        term.answer(prompt, "")
    term.wait_for(prompts[-1])
    term.tmux("send-keys", "C-c")
    code, out = term.result()
    screen = term.screen()
    assert (code, out) == (130, ""), screen
    assert message in screen and "Traceback" not in screen


def wait_count(term: Terminal, text: str, count: int) -> str:
    """Wait until ``text`` shows ``count`` times (a question asked again)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        screen = term.screen()
        if screen.count(text) >= count:
            return screen
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never showed {count} times:\n{term.screen()}")


def type_keys(term: Terminal, keys: str) -> None:
    term.tmux("send-keys", "-l", keys)
    term.tmux("send-keys", "Enter")


def test_short_name_typo_help_and_back_in_a_terminal(term: Terminal) -> None:
    term.start("expose --interactive")
    term.wait_for("< (or Ctrl-B) goes back")
    term.answer("Resource type:", "deploy")  # kubectl's short name
    term.answer("Name of the deployment:", "web")
    term.answer("--labels:", "?")  # the flag's help, then the same question again
    wait_count(term, "? --labels:", 2)
    assert "--labels=" in term.screen()
    type_keys(term, "")
    for flag, keys in (("--name:", ""), ("--port:", "80"), ("--protocol:", ""), ("--selector:", ""),
                       ("--target-port:", "")):  # fmt: skip
        term.answer(flag, keys)
    term.answer("--type:", "NodPort")
    assert "did you mean NodePort?" in term.wait_for("did you mean")
    wait_count(term, "? --type:", 2)
    type_keys(term, "NodePort")
    term.answer("--dry-run:", "<")  # back to --type, asked a third time
    wait_count(term, "? --type:", 3)
    type_keys(term, "LoadBalancer")
    wait_count(term, "? --dry-run:", 2)
    type_keys(term, "")
    for flag in ("--output:", "Anything else?"):
        term.answer(flag, "")
    code, out = term.result()
    assert (code, out) == (0, "kubectl expose deployment web --port=80 --type=LoadBalancer\n"), term.screen()


def test_arrow_keys_and_ctrl_b_in_a_terminal(term: Terminal) -> None:
    term.start("expose --interactive")
    term.wait_for("Resource type:")
    term.tmux("send-keys", "Down", "Down", "Down", "Down")  # the menu: pod, rc, service, deployment
    type_keys(term, "")
    term.wait_for("Name of the deployment:")
    term.tmux("send-keys", "C-b")  # back to the type
    wait_count(term, "? Resource type:", 2)
    type_keys(term, "svc")
    term.answer("Name of the service:", "db")
    for flag in ("--labels:", "--name:", "--port:", "--protocol:", "--selector:", "--target-port:",
                 "--type:", "--dry-run:", "--output:", "Anything else?"):  # fmt: skip
        term.answer(flag, "")
    code, out = term.result()
    assert (code, out) == (0, "kubectl expose service db\n"), term.screen()


def test_enter_at_the_final_menu_keeps_the_answers(term: Terminal) -> None:
    term.start("run box --image=busybox --rm --interactive")
    term.answer("--command", "")
    for flag in ("--env:", "--labels:", "--port:", "--restart:", "--stdin:", "--tty:", "--dry-run:",
                 "Anything else?"):  # fmt: skip
        term.answer(flag, "")
    term.answer("Change which flag?", "")
    code, out = term.result()
    assert (code, out) == (1, "kubectl run box --image=busybox --rm\n"), term.screen()
    assert "printed as answered" in term.screen()


def test_docker_run_without_arguments_asks(term: Terminal) -> None:
    term.start("docker-run")
    term.answer("IMAGE", "nginx")
    term.answer("COMMAND ARGS", "")
    term.wait_for("--detach")
    term.tmux("send-keys", "C-c")
    code, out = term.result()
    assert (code, out) == (130, ""), term.screen()
    assert "interrupted; nothing built" in term.screen() and "Traceback" not in term.screen()
