"""A real interactive bash in tmux: TAB inserts what the generated script offers (readline's word
splitting at '=' and ':' included)."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("bash") is None, reason="tmux or bash not installed"
)


class Term:
    def __init__(self, script: Path) -> None:
        self.name = f"kx-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]  # a private server: other tests' tmux use cannot interfere
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", "200", "-y", "50",
                        "bash --norc --noprofile"], check=True)  # fmt: skip
        self.keys(f"PS1='$ '; bind 'set bell-style none'; . '{script}'; clear", "Enter")
        self.wait_for(lambda screen: screen.strip() == "$")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip

    def wait_for(self, ok: object, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ok(screen):  # type: ignore[operator]
                return screen
            time.sleep(0.05)
        raise AssertionError(f"screen never matched:\n{screen}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False)


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("kx check -- kubectl expose --type=NodeP", "kx check -- kubectl expose --type=NodePort "),
        ("kx check -- docker run -p 80:80 --restart unl",
         "kx check -- docker run -p 80:80 --restart unless-stopped "),
        ("kx expose --ty", "kx expose --type "),
        ("kx check -- docker container run --pull=mi", "kx check -- docker container run --pull=missing "),
        ("kx expose deploy", "kx expose deployment "),
    ],
)
def test_tab_in_a_real_bash(scripts: dict[str, Path], typed: str, line: str) -> None:
    term = Term(scripts["bash"])
    try:
        term.keys(typed, "Tab")
        # capture-pane drops trailing blanks: the inserted space after a unique match is not seen
        term.wait_for(lambda screen: f"$ {line.rstrip()}" in screen.splitlines())
    finally:
        term.close()
