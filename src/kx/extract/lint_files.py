"""Which files to lint (paths, directory walks honouring .gitignore, stdin), read safely.

Reading never raises for a bad file: too large, binary, undecodable or unreadable input comes
back as data the lint pipeline turns into a diagnostic or a one-line error.
"""

from __future__ import annotations

import os
import sys

from kx.core.record import Record
from kx.extract.filetypes import SNIPPET, detect

HEAD_BYTES = 65536
STDIN = "-"
BINARY = "the file contains NUL bytes (binary?): not linted"


class Target(Record):
    """One input: what to call it in reports, where to read it, and its kind."""

    __slots__ = ("dialect", "display", "explicit", "kind", "source")

    def __init__(self, display: str, source: str, kind: str, dialect: str, explicit: bool = True) -> None:
        self.display = display
        self.source = source  # a filesystem path, or "-" for stdin
        self.kind = kind
        self.dialect = dialect
        self.explicit = explicit  # named on the command line (not found by walking a directory)


class Loaded(Record):
    """A file's text, or why it was not read (``skip`` is a (code, message) diagnostic)."""

    __slots__ = ("bad_utf8_at", "skip", "text")

    def __init__(
        self, text: str | None, skip: tuple[str, str] | None = None, bad_utf8_at: int | None = None
    ) -> None:
        self.text = text
        self.skip = skip
        self.bad_utf8_at = bad_utf8_at


def collect(
    paths: list[str],
    exclude: tuple[str, ...] | None,
    stdin_filename: str | None,
    extend_exclude: tuple[str, ...] = (),
) -> tuple[list[Target], list[str]]:
    """Expand ``paths`` into targets; return one-line errors for inputs that cannot be used.

    ``exclude`` (None: the defaults of ``kx.extract.walk``) and ``extend_exclude`` apply to
    directory walks only: a file named on the command line is always linted.
    """
    targets: list[Target] = []
    errors: list[str] = []
    for path in paths:
        if path == STDIN:
            name = stdin_filename or "<stdin>"
            kind, dialect = detect(name, "")
            targets.append(Target(name, STDIN, kind or SNIPPET, dialect))
        elif os.path.isdir(path):
            targets.extend(_walk(path, exclude, extend_exclude))
        elif os.path.lexists(path) and not os.path.exists(path):
            errors.append(f"{path}: broken symbolic link")
        elif not os.path.exists(path):
            errors.append(f"{path}: no such file or directory")
        elif not os.path.isfile(path):
            errors.append(f"{path}: not a regular file")
        else:
            kind, dialect = detect(path, _head(path))
            targets.append(Target(path, path, kind or SNIPPET, dialect))
    return targets, errors


def _walk(root: str, exclude: tuple[str, ...] | None, extend: tuple[str, ...]) -> list[Target]:
    from kx.extract.walk import walk  # only when walking a directory

    targets = []
    for path in walk(root, exclude, extend):
        if not os.path.isfile(path):
            continue
        kind, dialect = detect(path, _head(path))
        if kind is not None:
            targets.append(Target(path, path, kind, dialect, explicit=False))
    return targets


def _head(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


def load(target: Target, max_size: int) -> Loaded:
    """Read a target's text: too large, binary or unreadable files come back as ``skip``."""
    try:
        if target.source == STDIN:
            data = sys.stdin.buffer.read(max_size + 1)
        else:
            if os.path.getsize(target.source) > max_size:
                return Loaded(None, ("KX704", _too_large(os.path.getsize(target.source), max_size)))
            with open(target.source, "rb") as handle:
                data = handle.read(max_size + 1)
    except OSError as error:
        return Loaded(None, ("error", f"{target.display}: cannot read: {error.strerror}"))
    if len(data) > max_size:
        return Loaded(None, ("KX704", _too_large(len(data), max_size)))
    if b"\0" in data:
        return Loaded(None, ("KX702", BINARY))
    try:
        return Loaded(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        at = len(data[: error.start].decode("utf-8", "replace"))
        return Loaded(data.decode("utf-8", "replace"), bad_utf8_at=at)


def _too_large(size: int, limit: int) -> str:
    return f"the file is {size:,} bytes, over the {limit:,}-byte limit (max-file-size): not linted"
