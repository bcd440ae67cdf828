"""The ``bash -n`` syntax gate: tells a broken script from a parser that misread it."""

from __future__ import annotations

import re

from kx.parse.span import LineIndex

TIMEOUT = 20.0
_SHELLS = {"bash": "bash", "sh": "bash", "zsh": "zsh", "ksh": "bash"}
_LINE = re.compile(r"line (\d+): (.*)")


def syntax_check(
    script: str, base: int, dialect: str, fallback: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Return at most one (offset, message) for a script the shell itself rejects.

    Without the shell, the lexer's first problem (unterminated quote, heredoc, ...) stands in.
    """
    import shutil  # only for scripts that need the gate: shutil and subprocess are slow to import

    shell = shutil.which(_SHELLS.get(dialect, "bash"))
    if shell is None:
        return [(offset, f"{message} (the script may not parse)") for offset, message in fallback[:1]]
    verdict = _run(shell, script)
    if verdict is None:
        return []
    line, message = verdict
    index = LineIndex(script)
    starts = index._starts
    offset = starts[min(line, len(starts)) - 1] if line > 0 else 0
    name = shell.rsplit("/", 1)[-1]
    return [(base + offset, f"{name} -n rejects the script: {message}")]


def _run(shell: str, script: str) -> tuple[int, str] | None:
    import subprocess
    import tempfile

    # A file, not a pipe: a shell reads a pipe one byte at a time (ten times slower).
    with tempfile.NamedTemporaryFile("wb", suffix=".sh") as handle:
        handle.write(script.encode("utf-8", "replace"))
        handle.flush()
        try:
            done = subprocess.run(
                [shell, "-n", handle.name], capture_output=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    if done.returncode == 0:
        return None
    for raw in done.stderr.decode("utf-8", "replace").splitlines():
        match = _LINE.search(raw)
        if match:
            return int(match.group(1)), match.group(2).strip()
    first = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return 1, first[0] if first else "syntax error"
