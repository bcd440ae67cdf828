"""The ``bash -n`` syntax gate: tells a broken script from a parser that misread it.

A ``Gate`` starts the shell and returns at once, so that the shell can run while kx goes on
(``Gate.verdict`` waits for it). Where it can, the script goes to the shell as an in-memory
file through ``os.posix_spawn``: subprocess, shutil and tempfile are not imported (a tenth of
linting a 2,000-line script). Elsewhere subprocess and a temporary file do the same job.
"""

from __future__ import annotations

import os
import re
import sys

from kx.parse.span import LineIndex

TIMEOUT = 20.0
_SHELLS = {"bash": "bash", "sh": "bash", "zsh": "zsh", "ksh": "bash"}
_LINE = re.compile(r"line (\d+): (.*)")
_ZSH_LINE = re.compile(r":(\d+): (.*)")  # zsh says "file:3: parse error near ..."


def syntax_check(
    script: str, base: int, dialect: str, fallback: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Return at most one (offset, message) for a script the shell itself rejects.

    Without the shell, the lexer's first problem (unterminated quote, heredoc, ...) stands in.
    """
    return Gate(script, base, dialect).verdict(fallback)


class Gate:
    """One ``bash -n`` run on ``script`` (whose offset 0 is ``base`` in the file), started at once.

    ``verdict()`` waits for its answer.
    """

    __slots__ = ("_answer", "_base", "_name", "_run", "_script")

    def __init__(self, script: str, base: int, dialect: str) -> None:
        self._script = script
        self._base = base
        self._answer: tuple[int, str] | None = None
        self._run: _Spawned | None = None
        shell = which(_SHELLS.get(dialect, "bash"))
        self._name = shell.rsplit("/", 1)[-1] if shell else None
        if shell is None:
            return
        data = script.encode("utf-8", "replace")
        if sys.platform.startswith("linux") and hasattr(os, "posix_spawn"):  # memfds, /dev/fd
            self._run = _Spawned.start(shell, data)
        else:
            self._answer = _run_portably(shell, data)

    def verdict(self, fallback: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """At most one (offset, message): where the shell says the script is broken.

        Without the shell, the first of ``fallback`` (the lexer's problems) stands in.
        """
        if self._name is None:
            return [(offset, f"{message} (the script may not parse)") for offset, message in fallback[:1]]
        if self._run is not None:
            self._answer = self._run.answer()
            self._run = None
        if self._answer is None:
            return []
        line, message = self._answer
        starts = LineIndex(self._script)._starts
        offset = starts[min(line, len(starts)) - 1] if line > 0 else 0
        return [(self._base + offset, f"{self._name} -n rejects the script: {message}")]


def which(name: str) -> str | None:
    """The executable ``name`` on PATH (what shutil.which finds, without importing shutil)."""
    for directory in os.environ.get("PATH", os.defpath).split(os.pathsep):
        path = os.path.join(directory or ".", name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


class _Spawned:
    """``shell -n`` reading the script from an in-memory file, its stderr on a pipe."""

    __slots__ = ("pid", "read")

    def __init__(self, pid: int, read: int) -> None:
        self.pid = pid
        self.read = read

    @classmethod
    def start(cls, shell: str, data: bytes) -> _Spawned | None:
        """Start the shell on ``data``; None when it cannot be started."""
        script = os.memfd_create("kx-script", 0)  # inherited by the shell, closed here after
        read, write = os.pipe()
        try:
            _write_all(script, data)
            actions = [
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_DUP2, write, 2),
            ]
            pid = os.posix_spawn(shell, [shell, "-n", f"/dev/fd/{script}"], os.environ, file_actions=actions)
        except OSError:
            os.close(read)
            return None
        finally:
            os.close(write)
            os.close(script)
        return cls(pid, read)

    def answer(self) -> tuple[int, str] | None:
        """(line, message) when the shell rejects the script; None when it accepts it or fails."""
        import select
        import time

        deadline = time.monotonic() + TIMEOUT
        chunks = []
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.read], [], [], left)[0]:
                    import signal

                    os.kill(self.pid, signal.SIGKILL)  # no answer in time: no verdict
                    os.waitpid(self.pid, 0)
                    return None
                chunk = os.read(self.read, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self.read)
        _pid, status = os.waitpid(self.pid, 0)
        if status == 0:
            return None
        return _verdict(b"".join(chunks))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _run_portably(shell: str, data: bytes) -> tuple[int, str] | None:
    import subprocess
    import tempfile

    # A file, not a pipe: a shell reads a pipe one byte at a time (ten times slower).
    with tempfile.NamedTemporaryFile("wb", suffix=".sh") as handle:
        handle.write(data)
        handle.flush()
        try:
            done = subprocess.run(
                [shell, "-n", handle.name], capture_output=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    if done.returncode == 0:
        return None
    return _verdict(done.stderr)


def _verdict(stderr: bytes) -> tuple[int, str]:
    text = stderr.decode("utf-8", "replace")
    for pattern in (_LINE, _ZSH_LINE):
        for raw in text.splitlines():
            match = pattern.search(raw)
            if match:
                return int(match.group(1)), match.group(2).strip()
    first = text.strip().splitlines()
    return 1, first[0] if first else "syntax error"
