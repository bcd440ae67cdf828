"""Make client output stable across runs and pick the line that states the verdict."""

from __future__ import annotations

import re

from . import fake_docker, fake_kube

# klog header: severity, MMDD, time, thread id, then `file.go:123]`.
_KLOG = re.compile(r"^([EWIF])\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ ", re.MULTILINE)
_PORT = re.compile(r"127\.0\.0\.1:\d+")
# Lines that accompany a verdict without being it: deprecation notes, klog warnings/info,
# kubectl's attach chatter and usage footers.
_NOISE = re.compile(
    r"^(Flag (shorthand )?-\S* has been deprecated|[WI] \S+\] |warning: |Warning: "
    r"|If you don't see a command prompt|Unable to use a TTY|E \S+\] \"Unhandled Error\""
    r"|See '|Run '|Usage: |Unable to find image)"
)
_MARKERS = (*fake_docker.MARKERS, fake_kube.MARKER)
# The client accepted the line but could not reach the server it was told to use (`-H`, `-s`).
UNREACHABLE = ("Cannot connect to the Docker daemon", "error during connect", "The connection to the server")
_LIMIT = 300


def normalize(text: str, replace: dict[str, str]) -> str:
    """Replace per-run paths and URLs, strip klog timestamps and thread ids."""
    for old, new in sorted(replace.items(), key=lambda item: -len(item[0])):
        text = text.replace(old, new)
    text = _KLOG.sub(r"\1 ", text)
    return _PORT.sub("127.0.0.1:PORT", text)


def first_message(stdout: str, stderr: str, valid: bool) -> str:
    """The line that states the verdict.

    For an accepted line: the fake's marker, else the first line of stdout. For a rejected line:
    the first stderr line that is not a warning or a usage footer.
    """
    err_lines = [line for line in stderr.splitlines() if line.strip()]
    if valid:
        marked = [line for line in err_lines if any(m in line for m in _MARKERS + UNREACHABLE)]
        out_lines = [line for line in stdout.splitlines() if line.strip()]
        return (out_lines or marked or err_lines or [""])[0][:_LIMIT]
    meaningful = [line for line in err_lines if not _NOISE.match(line)]
    return (meaningful or err_lines or [""])[0][:_LIMIT]
