"""A command line judged against the client version (or range of versions) it must run with.

The specs describe one client version each and keep every flag's history (``added``,
``deprecated_in``, ``undeprecated_in``, ``removed_in``; removed flags stay in ``removed_flags``).
A target is ``1.24`` or a range ``1.24..1.32`` (the line must work on every version in it): a
flag that arrived after the range starts is an error (KX503), one removed by its end an error
(KX106, from the parser for the flags this client no longer has), one deprecated somewhere in it
a warning (KX501) naming when it goes. Where a target comes from (``--target``, the config, the
installed client, the spec) is said in the messages.
"""

from __future__ import annotations

from kx.catalog.history import version_key as _version_key
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from kx.catalog.model import CommandSpec, FlagSpec, RemovedFlag
    from kx.parse.argv import FlagUse
    from kx.parse.span import Word

__all__ = ["Target", "check_target", "parse_range", "parse_targets", "version_key"]


_KEYS: dict[str, tuple[int, ...]] = {}


def version_key(text: str) -> tuple[int, ...]:
    """``kx.catalog.history.version_key``, remembered: the specs hold few distinct versions."""
    key = _KEYS.get(text)
    if key is None:
        key = _version_key(text)
        if len(_KEYS) < 4096:  # bounded: versions typed by users are not kept without end
            _KEYS[text] = key
    return key


class Target:
    """A version range of one tool, and where it was chosen (``target``, ``installed``, ``spec``)."""

    __slots__ = ("high", "high_key", "low", "low_key", "origin", "tool")

    def __init__(self, tool: str, text: str, origin: str = "target") -> None:
        self.tool = tool
        self.low, self.high = parse_range(text)
        self.low_key = version_key(self.low)
        self.high_key = version_key(self.high)
        self.origin = origin

    def lacks(self) -> str:
        """Who lacks a flag that arrived after the range starts: ``the target kubectl 1.20 ...``."""
        if self.low_key != self.high_key:
            where = f"where the target range {self.low}..{self.high} starts"
            return f"{self.tool} {self.low}, {where}, does not have it"
        return f"{self.describe()} does not have it"

    def describe(self) -> str:
        """``the target kubectl 1.24``, ``the target range kubectl 1.24..1.32``, ``the installed ...``."""
        if self.low_key != self.high_key:
            return f"the target range {self.tool} {self.low}..{self.high}"
        what = {"installed": "the installed", "spec": "kx's spec of"}.get(self.origin, "the target")
        return f"{what} {self.tool} {self.low}"


def parse_range(text: str) -> tuple[str, str]:
    """``"1.24"`` -> ("1.24", "1.24"); ``"1.24..1.32"`` -> ("1.24", "1.32"); ValueError if malformed."""
    low, sep, high = text.strip().partition("..")
    low, high = low.strip().lstrip("v"), (high.strip().lstrip("v") if sep else low.strip().lstrip("v"))
    for part in (low, high):
        pieces = part.split(".")
        if not part or len(pieces) > 3 or not all(p.isascii() and p.isdigit() for p in pieces):
            raise ValueError(f"{text!r} is not a version or range (1.24, 1.24..1.32)")
    if version_key(low) > version_key(high):
        raise ValueError(f"{text!r} is an empty range: {low} is after {high}")
    return low, high


def parse_targets(text: str) -> dict[str, str]:
    """``"kubectl=1.24,docker=20.10..28"`` -> {tool: range}; ValueError with the reason if malformed."""
    found: dict[str, str] = {}
    for item in text.split(","):
        tool, eq, version = item.strip().partition("=")
        if not eq or tool.strip() not in ("docker", "kubectl"):
            raise ValueError(
                f"{item.strip()!r}: give TOOL=VERSION with TOOL docker or kubectl (kubectl=1.24)"
            )
        parse_range(version)
        found[tool.strip()] = version.strip()
    return found


def check_target(
    found: list[Finding],
    uses: Iterable[FlagUse],
    words: Sequence[Word],
    specs: Sequence[CommandSpec],
    target: Target,
) -> list[Finding]:
    """``found`` adjusted to ``target``: flags too new or gone are errors, deprecated ones warnings."""
    added: list[Finding] = []
    quiet: set[int] = set()  # starts of KX501/KX106 findings the target makes wrong
    for use in uses:
        flag = use.flag
        if flag is not None and flag.dated:
            added += _flag_findings(use, flag, target, quiet)
    if not quiet and not any(finding.code == "KX106" for finding in found):
        return found + added if added else found
    removed = {r.name: r for spec in specs for r in spec.removed_flags}
    shorts: dict[str | None, RemovedFlag] = {
        r.short: r for spec in specs for r in spec.removed_flags if r.short
    }
    kept = []
    for finding in found:
        if finding.start in quiet and finding.code == "KX501":
            continue
        if finding.code == "KX106":
            gone = _removed_at(finding, words, removed, shorts)
            if gone is not None and version_key(gone.removed_in) > target.high_key:
                added += _still_there(finding, gone, target)
                continue
        kept.append(finding)
    return kept + added


def _flag_findings(use: FlagUse, flag: FlagSpec, target: Target, quiet: set[int]) -> list[Finding]:
    start, end = use.word.start, use.word.end
    tool = target.tool
    if flag.added is not None and version_key(flag.added) > target.low_key:
        message = f"--{flag.name} arrived in {tool} {flag.added}; {target.lacks()}"
        return [Finding("KX503", message, start, end)]
    if use.short and flag.short_added is not None and version_key(flag.short_added) > target.low_key:
        written = f"-{flag.short} (short for --{flag.name})"
        message = f"{written} arrived in {tool} {flag.short_added}; {target.lacks()}"
        return [Finding("KX503", message, start, end)]
    if flag.removed_in is not None and version_key(flag.removed_in) <= target.high_key:
        gone = f"--{flag.name} was removed in {tool} {flag.removed_in}"
        message = f"{gone}; {target.describe()} does not have it"
        return [Finding("KX106", message, start, end)]
    since = flag.deprecated_in
    if flag.deprecated is not None:
        if since is not None and version_key(since) > target.high_key:
            quiet.add(start)  # deprecated only after the target: the client it runs on does not warn
        return []
    if _deprecated_within(since, flag.undeprecated_in or flag.removed_in, target):
        return [Finding("KX501", _deprecation(flag, target), start, end)]
    return []


def _deprecated_within(since: str | None, until: str | None, target: Target) -> bool:
    """True when some version of the target range deprecates the flag (``since`` <= v < ``until``)."""
    if since is None or version_key(since) > target.high_key:
        return False
    return until is None or version_key(until) > target.low_key


def _deprecation(flag: FlagSpec | RemovedFlag, target: Target) -> str:
    tool = target.tool
    until = getattr(flag, "undeprecated_in", None)
    gone = flag.removed_in
    if gone:
        span = f"since {tool} {flag.deprecated_in} and removed in {gone}"
    elif until:
        span = f"in {tool} {flag.deprecated_in} up to {until}, which dropped the deprecation"
    else:
        span = f"since {tool} {flag.deprecated_in}"
    said = f" ({tool} says: {flag.deprecated_message.strip()})" if flag.deprecated_message else ""
    text = f"--{flag.name} is deprecated {span}{said}; {target.describe()} warns about it"
    replacement = getattr(flag, "replacement", None)
    if replacement:  # said once: the client's own message may name it already
        return text if replacement in said else f"{text}; use {replacement} instead"
    from kx.parse.unknown import sentence

    return sentence(text, getattr(flag, "message", None))  # what replaces a removed flag, if said


def _removed_at(
    finding: Finding,
    words: Sequence[Word],
    removed: dict[str, RemovedFlag],
    shorts: dict[str | None, RemovedFlag],
) -> RemovedFlag | None:
    word = next((w for w in words if w.start <= finding.start < w.end), None)
    if word is None or not word.value.startswith("-"):
        return None
    if word.value.startswith("--"):
        return removed.get(word.value[2:].split("=", 1)[0].replace("_", "-"))
    return shorts.get(word.value[1:2])


def _still_there(finding: Finding, gone: RemovedFlag, target: Target) -> list[Finding]:
    """A flag removed after the target's end: fine, unless deprecated somewhere in the range."""
    if gone.added is not None and version_key(gone.added) > target.low_key:
        message = f"--{gone.name} arrived in {target.tool} {gone.added}; {target.lacks()}"
        return [Finding("KX503", message, finding.start, finding.end)]
    if _deprecated_within(gone.deprecated_in, gone.removed_in, target):
        return [Finding("KX501", _deprecation(gone, target), finding.start, finding.end)]
    return []
