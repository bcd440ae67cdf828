"""The version of the docker and kubectl clients installed here: the default target.

Asking a client costs a process (``kubectl version --client -o json`` takes ~50 ms; ``docker
version`` would contact the daemon, so ``docker --version`` is asked instead), so the answer is
kept in ``<cache>/clients`` keyed by the binary's path, modification time and size: a warm
``kx check`` only walks ``$PATH`` and reads one small file. No client, or one whose answer cannot
be read within the timeout, gives None (then the spec's own version is the target).
"""

from __future__ import annotations

import os

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

TIMEOUT = 3.0  # seconds; a client that hangs is no answer
_ASK: dict[str, tuple[str, ...]] = {
    "kubectl": ("version", "--client", "-o", "json"),
    "docker": ("--version",),
}
_memo: dict[str, str | None] = {}


def installed_version(tool: str) -> str | None:
    """``"1.32.4"`` for the kubectl on ``$PATH``, None when there is none or it cannot say."""
    if tool in _memo:
        return _memo[tool]
    path = _which(tool) if tool in _ASK else None
    version = None if path is None else _cached(tool, path)
    _memo[tool] = version
    return version


def installed_versions() -> dict[str, str]:
    """The version of each client installed here that can say it, by tool."""
    found = {tool: installed_version(tool) for tool in _ASK}
    return {tool: version for tool, version in found.items() if version is not None}


def forget() -> None:
    """Drop the answers this process remembers (tests that change ``$PATH``)."""
    _memo.clear()


def _which(tool: str) -> str | None:
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        path = os.path.join(directory or ".", tool)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.realpath(path)
    return None


def _cached(tool: str, path: str) -> str | None:
    from kx.catalog.cachedir import cache_dir

    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = f"{tool}\t{path}\t{stat.st_mtime_ns}\t{stat.st_size}\t"
    cache = os.path.join(cache_dir(), "clients")
    lines = _read_lines(cache)
    for line in lines:
        if line.startswith(key):
            return line[len(key) :] or None
    version = _ask(tool, path)
    kept = [line for line in lines if not line.startswith(f"{tool}\t{path}\t")][-20:]
    _write(cache, [*kept, key + (version or "")])
    return version


def _read_lines(cache: str) -> list[str]:
    try:
        with open(cache, encoding="utf-8") as handle:
            return handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _write(cache: str, lines: list[str]) -> None:
    from kx.catalog.cachedir import write_atomically

    try:
        write_atomically(cache, ("\n".join(lines) + "\n").encode())
    except OSError:
        return  # an unwritable cache only costs the next run a process


def _ask(tool: str, path: str) -> str | None:
    import subprocess

    try:
        done = subprocess.run([path, *_ASK[tool]], capture_output=True, text=True, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL, check=False, errors="replace")  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return _READERS[tool](done.stdout) if done.returncode == 0 else None


def _kubectl(out: str) -> str | None:
    import json

    try:
        text = json.loads(out)["clientVersion"]["gitVersion"]
    except (ValueError, KeyError, TypeError):
        return None
    return _numbers(text) if isinstance(text, str) else None


def _docker(out: str) -> str | None:
    # "Docker version 28.2.2, build e6534b4"; podman's docker shim says "podman version ...": not docker
    head, _, rest = out.strip().partition("Docker version ")
    return _numbers(rest.split(",", 1)[0]) if rest and not head else None


def _numbers(text: str) -> str | None:
    """``v1.32.4-dispatcher`` -> ``1.32.4``; None without a MAJOR.MINOR."""
    parts = []
    for part in text.strip().lstrip("v").split(".")[:3]:
        digits = ""
        for ch in part:
            if not "0" <= ch <= "9":
                break
            digits += ch
        if not digits:
            break
        parts.append(digits)
        if len(digits) != len(part):
            break
    return ".".join(parts) if len(parts) >= 2 else None


_READERS: dict[str, Callable[[str], str | None]] = {"kubectl": _kubectl, "docker": _docker}
