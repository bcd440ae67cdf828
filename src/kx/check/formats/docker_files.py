"""docker run values that name local files the client itself reads or creates.

`--env-file` and `--label-file` are parsed line by line (`KEY=value`, `#` comments, a bare `KEY`),
`--cidfile` must not exist yet and must be creatable, and `--security-opt seccomp=FILE` must hold
JSON. Paths are relative to the current directory, as they are for the client.
"""

from __future__ import annotations

import os

from kx._typing import TYPE_CHECKING
from kx.check.formats.registry import file_checks_enabled, register_format
from kx.check.problem import Problem

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

_MAX_LINE = 64 * 1024  # bufio.Scanner's default token limit
_BOM = b"\xef\xbb\xbf"


def _read(path: str) -> bytes | str:
    """The file's bytes, or the reason it cannot be read."""
    if not file_checks_enabled():
        return b""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return exc.strerror or str(exc)


def kv_file_problem(data: bytes) -> str | None:
    """The first reason the client refuses a KEY=value file, or None."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, raw in enumerate(lines, 1):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        if len(line) >= _MAX_LINE:
            return f"line {number} is longer than the client's 64 KiB line limit"
        try:
            text = (line[3:] if number == 1 and line.startswith(_BOM) else line).decode("utf-8")
        except UnicodeDecodeError:
            return f"line {number} is not valid UTF-8"
        text = text.lstrip(" \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                           "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # fmt: skip
        if not text or text.startswith("#"):
            continue
        key = text.partition("=")[0]
        if not key:
            return f"line {number} has no variable name before '='"
        if " " in key or "\t" in key:
            return f"line {number}: the name {key!r} contains whitespace"
    return None


def _file_check(value: str, what: str) -> list[Problem]:
    data = _read(value)
    if isinstance(data, str):
        return [Problem("KX203", f"cannot read the {what} {value!r}: {data}")]
    reason = kv_file_problem(data)
    return [Problem("KX203", f"the {what} {value!r} is malformed: {reason}")] if reason else []


@register_format("env-file")
def check_env_file(value: str, ctx: ValueContext) -> list[Problem]:
    """Check one `--env-file`: readable, and every line KEY=value, KEY, blank or a # comment."""
    return _file_check(value, "env file")


@register_format("label-file")
def check_label_file(value: str, ctx: ValueContext) -> list[Problem]:
    """Check one `--label-file` (same line rules as an env file)."""
    return _file_check(value, "label file")


@register_format("cidfile")
def check_cidfile(value: str, ctx: ValueContext) -> list[Problem]:
    """Check `--cidfile`: the client refuses an existing file and must be able to create it."""
    if value == "" or not file_checks_enabled():
        return []
    if os.path.exists(value):
        return [
            Problem("KX203", f"the container ID file {value!r} already exists; remove it or pick another")
        ]
    parent = os.path.dirname(value) or "."
    if value.endswith("/") or not os.path.isdir(parent):
        return [Problem("KX203", f"cannot create the container ID file {value!r}: no such directory")]
    if not os.access(parent, os.W_OK | os.X_OK):
        return [Problem("KX203", f"cannot create the container ID file {value!r}: permission denied")]
    return []


def seccomp_problem(path: str) -> Problem | None:
    """`seccomp=FILE`: the client reads the file and sends it only if it is JSON."""
    data = _read(path)
    if isinstance(data, str):
        return Problem("KX203", f"cannot read the seccomp profile {path!r}: {data}")
    import json  # only on this rare path: json is too slow to import on every check

    def refuse(name: str) -> object:
        raise ValueError(name)

    try:
        json.loads(data.decode("utf-8", "surrogateescape"), parse_constant=refuse)
    except ValueError as exc:
        return Problem("KX203", f"the seccomp profile {path!r} is not valid JSON: {exc}")
    return None
