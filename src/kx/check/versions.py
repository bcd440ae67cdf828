"""Flags newer than the client version a project targets (``target-versions`` in the config).

The specs describe one client version each, and say in ``added`` when a flag arrived and in
``removed_in`` when one went. A project that must run with an older client
(``target-versions = { docker = "20.10" }``) is warned about every flag its target does not have
yet, and not told off for a long flag its target still has.
"""

from __future__ import annotations

from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from kx.catalog.model import CommandSpec
    from kx.parse.argv import FlagUse
    from kx.parse.span import Word


def version_key(text: str) -> tuple[int, ...]:
    """``"1.32.4"`` -> ``(1, 32, 4)``; a part's digits up to the first non-digit (``"3-rc1"`` -> 3)."""
    key = []
    for part in text.strip().lstrip("v").split("."):
        digits = ""
        for ch in part:
            if not "0" <= ch <= "9":  # str.isdigit() takes '²', which int() refuses
                break
            digits += ch
        key.append(int(digits[:18]) if digits else 0)  # int() refuses 4,300 digits and more
    while len(key) > 1 and key[-1] == 0:
        key.pop()  # "20.10.0" is "20.10"
    return tuple(key)


def newer_than_target(uses: Iterable[FlagUse], tool: str, target: str) -> list[Finding]:
    """A KX503 warning for each use of a flag that arrived after ``tool`` version ``target``."""
    found: list[Finding] = []
    wanted = version_key(target)
    for use in uses:
        flag = use.flag
        if flag is None or flag.added is None or version_key(flag.added) <= wanted:
            continue
        message = (f"--{flag.name} arrived in {tool} {flag.added}, but the project targets {tool} {target} "
                   "(target-versions in the kx config)")  # fmt: skip
        found.append(Finding("KX503", message, use.word.start, use.word.end))
    return found


def drop_removed_after_target(
    found: list[Finding], words: Sequence[Word], specs: Iterable[CommandSpec], target: str
) -> list[Finding]:
    """Leave out KX106 for a long flag removed after ``target``: the targeted client still has it."""
    wanted = version_key(target)
    removed = {flag.name: flag for spec in specs for flag in spec.removed_flags}
    kept = []
    for finding in found:
        if finding.code == "KX106":
            word = next((w for w in words if w.start <= finding.start < w.end), None)
            name = word.value[2:].split("=", 1)[0].replace("_", "-") if word is not None else ""
            flag = removed.get(name) if word is not None and word.value.startswith("--") else None
            if flag is not None and version_key(flag.removed_in) > wanted:
                continue
        kept.append(finding)
    return kept
