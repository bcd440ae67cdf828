"""Bats test files as the bash that bats runs: ``@test`` blocks are functions, ``run`` runs its command.

Bats rewrites ``@test "name" {`` into a function before bash sees it, and its ``run`` helper runs
the rest of the line (after its own options: ``-0``, ``-127``, ``!``, ``--separate-stderr``,
``--keep-empty-lines``) as a command. The text is rewritten in place, one character for one, so
every offset still points into the file.
"""

from __future__ import annotations

import re

_TEST = re.compile(r"^([ \t]*)@test[ \t]+(?:\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|[^{\n]*?)[ \t]*(?=\{)", re.M)
_RUN = re.compile(r"^[ \t]*run(?:[ \t]+(?:-\d+|!|--separate-stderr|--keep-empty-lines|--))*[ \t]+(?=\S)",
                  re.M)


def as_bash(text: str) -> str:
    """``text`` with ``@test "x" {`` read as a function header and ``run CMD`` as ``CMD``."""
    if "@test" not in text and "run" not in text:
        return text
    text = _TEST.sub(lambda m: m.group(1) + "t()".ljust(len(m.group(0)) - len(m.group(1))), text)
    return _RUN.sub(lambda m: " " * len(m.group(0)), text)
