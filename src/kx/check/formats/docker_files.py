"""docker run values that name local files the client itself reads or creates.

`--env-file`, `--label-file`, `--cidfile` and seccomp profiles are free text to the flag parser;
the files they name are judged by the environment pass (``kx.check.envchecks``), which knows
where the command runs. The line rules of env and label files are here.
"""

from __future__ import annotations

from kx.check.formats.registry import register_format
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext
    from kx.core.findings import Finding

_MAX_LINE = 64 * 1024  # bufio.Scanner's default token limit
_BOM = b"\xef\xbb\xbf"


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


@register_format("env-file")
@register_format("label-file")
@register_format("cidfile")
def check_local_file(value: str, ctx: ValueContext) -> list[Finding]:
    """An env, label or container ID file: any text parses; the file is the environment's."""
    return []
