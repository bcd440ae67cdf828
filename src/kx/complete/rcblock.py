"""Add, replace and remove the marked kx block in a shell rc file, on bytes.

Everything outside the block is kept byte for byte. The caller picks the block's line ending
(POSIX shells choke on CR; a PowerShell profile keeps its own, CRLF when it has one). Appending
to a file whose last line has no line break adds one before the block and leaves the block's own
last line unterminated, so removing a block that ends the file without a line break also removes
the break before it: the original bytes come back exactly.
"""

from __future__ import annotations

from kx.core.errors import KxError

BEGIN = "# >>> kx completion >>>"
END = "# <<< kx completion <<<"
NOTE = "# Added by `kx completion install`; `kx completion uninstall` removes this block."


class BlockError(KxError):
    """The rc file's kx block is malformed (a marker missing, repeated or out of order)."""


def _marker_lines(data: bytes) -> list[tuple[str, int, int]]:
    """(marker, start, end) of every marker line; end includes the line's break."""
    found = []
    offset = 0
    for line in data.splitlines(keepends=True):
        text = line.rstrip(b"\r\n").strip()
        if text in (BEGIN.encode(), END.encode()):
            found.append((text.decode(), offset, offset + len(line)))
        offset += len(line)
    return found


def find_block(data: bytes, path: str = "rc file") -> tuple[int, int] | None:
    """The byte span of the block, or None; BlockError when the markers do not pair up."""
    markers = _marker_lines(data)
    if not markers:
        return None
    kinds = [m[0] for m in markers]
    if kinds != [BEGIN, END]:
        raise BlockError(
            f"{path}: the '{BEGIN}' block is malformed (markers found: {len(markers)}, "
            "expected one begin line followed by one end line); fix or remove it by hand"
        )
    return markers[0][1], markers[1][2]


def _newline(data: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in data else b"\n"


def _render(body: list[str], newline: bytes, terminated: bool) -> bytes:
    lines = [BEGIN, NOTE, *body, END]
    text = newline.join(line.encode("utf-8") for line in lines)
    return text + newline if terminated else text


def with_block(
    data: bytes, body: list[str], path: str = "rc file", newline: bytes | None = None
) -> bytes:
    """``data`` with the block holding ``body`` (replacing an existing block in place).

    ``newline`` ends the block's lines; default: the file's own (CRLF when it has one).
    """
    newline = newline or _newline(data)
    span = find_block(data, path)
    if span is not None:
        start, end = span
        terminated = data[start:end].endswith(b"\n")
        return data[:start] + _render(body, newline, terminated) + data[end:]
    if not data or data.endswith(b"\n"):
        return data + _render(body, newline, True)
    return data + newline + _render(body, newline, False)


def without_block(data: bytes, path: str = "rc file") -> bytes:
    """``data`` with the block removed (unchanged when there is none)."""
    span = find_block(data, path)
    if span is None:
        return data
    start, end = span
    if end == len(data) and not data.endswith(b"\n"):
        if data[:start].endswith(b"\r\n"):
            start -= 2
        elif data[:start].endswith(b"\n"):
            start -= 1
    return data[:start] + data[end:]
