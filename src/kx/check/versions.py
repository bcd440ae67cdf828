"""Flags newer than the client version a project targets (``target-versions`` in the config).

The specs describe one client version each, and say in ``added`` when a flag arrived. A project
that must run with an older client (``target-versions = { docker = "20.10" }``) is warned about
every flag its target does not have yet.
"""

from __future__ import annotations

from kx._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kx.parse.argv import FlagUse

    Raw = tuple[str, str, int, int, "str | None", "str | None", str]


def version_key(text: str) -> tuple[int, ...]:
    """``"1.32.4"`` -> ``(1, 32, 4)``; a part's digits up to the first non-digit (``"3-rc1"`` -> 3)."""
    key = []
    for part in text.strip().lstrip("v").split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        key.append(int(digits) if digits else 0)
    while len(key) > 1 and key[-1] == 0:
        key.pop()  # "20.10.0" is "20.10"
    return tuple(key)


def newer_than_target(uses: Iterable[FlagUse], tool: str, target: str) -> list[Raw]:
    """A KX503 warning for each use of a flag that arrived after ``tool`` version ``target``."""
    found: list[Raw] = []
    wanted = version_key(target)
    for use in uses:
        flag = use.flag
        if flag is None or flag.added is None or version_key(flag.added) <= wanted:
            continue
        message = (f"--{flag.name} arrived in {tool} {flag.added}, but the project targets {tool} {target} "
                   "(target-versions in the kx config)")  # fmt: skip
        found.append(("KX503", message, use.word.start, use.word.end, None, None, "client"))
    return found
