"""What the fuzz tests share: a sandbox to run kx in, kx's own words, and the contract's checks."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from kx.cli.main import main

KX = Path(sys.executable).with_name("kx")
TRACEBACK = "Traceback (most recent call last)"
# The command paths of kx, the empty one (bare `kx`) included; `exec` runs only in a subprocess.
COMMANDS: tuple[tuple[str, ...], ...] = (
    (), ("check",), ("lint",), ("build",), ("build", "kubectl", "run"), ("build", "docker", "run"),
    ("build", "kubectl", "expose"), ("expose",), ("run",), ("docker-run",), ("specs",),
    ("specs", "list"), ("specs", "show"), ("specs", "validate"), ("specs", "diff"),
    ("completion",), ("completion", "show"), ("completion", "install"), ("completion", "uninstall"),
    ("plugin",), ("plugin", "install"), ("plugin", "uninstall"), ("help",), ("explain",),
)  # fmt: skip
BARE_GROUPS = {(), ("specs",), ("completion",), ("plugin",)}
# Words kx itself gives meaning to (options, their values, the built commands' words).
KX_WORDS = (
    "--", "-", "-h", "--help", "--version", "--format", "--format=json", "-f", "json", "yaml", "text",
    "sarif", "github", "command", "--color", "always", "never", "auto", "-q", "--quiet",
    "--interactive", "-i", "--kx-interactive", "--kx-format", "--shell", "powershell", "posix",
    "--severity", "error", "info", "--select", "KX101", "KX1", "--ignore", "KX9", "--jobs", "-j",
    "2", "0", "-1", "--max-file-size", "1KB", "10XB", "--stdin-filename", "x.md", "--isolated",
    "--spec-dir", "--target", "--fix", "--diff", "bash", "zsh", "fish", "docker", "kubectl", "run",
    "expose", "deployment", "web", "nginx", "--image", "--image=nginx", "--port", "80", "--port=80",
    "-p", "8080:80", "--type", "NodePort", "--rm", "--name", "--all", "--force", "-o", "script.sh",
    "docker run nginx", "kubectl run web --image=nginx", "docker run 'nginx", 'echo "open',
)  # fmt: skip


@contextmanager
def sandbox(root: Path) -> Iterator[Path]:
    """HOME, XDG dirs, docker's config and the working directory all inside ``root``."""
    work = root / "work"
    work.mkdir(parents=True, exist_ok=True)
    (work / "script.sh").write_text("docker run -p 80:80 nginx\nkubectl run web --image=nginx\n")
    (work / "README.md").write_text("```sh\nkubectl expose deployment web --port=80\n```\n")
    env = {
        "HOME": str(root / "home"), "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"), "DOCKER_CONFIG": str(root / "docker"),
        "ZDOTDIR": str(root / "home"), "NO_COLOR": "1",
    }  # fmt: skip
    saved = {key: os.environ.get(key) for key in env}
    cwd = os.getcwd()
    os.environ.update(env)
    os.chdir(work)
    try:
        yield work
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def tame(word: str) -> str:
    """``word``, unless it could name a path outside the working directory (`kx lint /` walks the disk)."""
    for part in (word, word.partition("=")[2]):
        if part.startswith(("/", "~", "\\")) or ".." in part or ":\\" in part:
            return "no-such-path"
    return word


class Timeout(Exception):
    """An in-process run took longer than its alarm allows."""


def _alarm(_signum: int, _frame: object) -> None:
    raise Timeout


def run_in_process(argv: list[str], stdin: str = "", seconds: int = 20) -> tuple[int, str, str]:
    """``main(argv)`` with stdin fed and stdout/stderr captured apart; a hang fails after ``seconds``."""
    runner = CliRunner()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        with runner.isolation(input=stdin) as (out, err, _mixed):
            try:
                code = main(list(argv))
            except SystemExit as done:  # not expected: main returns its code
                code = done.code if isinstance(done.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
            return code, out.getvalue().decode(), err.getvalue().decode()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_contract(
    argv: list[str], code: int, out: str, err: str, codes: tuple[int, ...] = (0, 1, 2)
) -> None:
    """The CLI contract: a known exit code, no traceback, exit 2 explained on one stderr line."""
    shown = f"kx {argv!r} -> {code}\nstdout: {out[-800:]!r}\nstderr: {err[-1500:]!r}"
    assert code in codes, shown
    assert TRACEBACK not in err and TRACEBACK not in out, shown
    if code != 2 or tuple(argv) in BARE_GROUPS:  # a bare group's help is the front door's to shape
        return
    lines = [line for line in err.splitlines() if line and not line.startswith("kx: warning: ")]
    errors = [line for line in lines if line.startswith("kx: error: ")]
    if argv[:1] == ["lint"]:  # one error per unreadable input, then the summary when a file was read
        assert errors and all(line in errors or line.startswith("kx lint: ") for line in lines), shown
        assert not lines[-1].endswith(" in 0 files"), shown
        return
    assert len(lines) == 1 and errors, shown
