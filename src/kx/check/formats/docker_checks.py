"""The named rule checks of docker's specs that use docker's value checkers (``kind: check``).

They load with docker's value modules (``formats.load_checks``); the checks that need no value
parsing are in ``kx.check.named_checks``. Both here are the daemon's (moby) create-time rules.
"""

from __future__ import annotations

from kx.check.formats.docker_resources import MIN_MEMORY, ram_in_bytes
from kx.check.formats.docker_storage import volume_source_problem
from kx.check.rules import register_check
from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.span import Word

if TYPE_CHECKING:
    from kx.catalog.model import RuleSpec
    from kx.check.state import CommandState

_LOCAL_DRIVERS = ("", "local")


@register_check("docker-volume-source", needs=("volume",))
def volume_source(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """A -v source must be a host path or a local volume name, unless another driver gets it.

    The daemon reads a source that is not an absolute path as a volume name of --volume-driver;
    only the local driver restricts names, another driver is handed the name as it is.
    """
    driver = state.flags.get("volume-driver")
    volumes = state.flags.get("volume")
    if volumes is None or (driver is not None and (driver.dynamic or driver.last not in _LOCAL_DRIVERS)):
        return []
    found: list[Finding] = []
    for value, word in zip(volumes.values, volumes.words, strict=True):
        problem = None if word.dynamic else volume_source_problem(value)
        if problem is not None:
            place = _value_word(word, value)
            found.append(problem.at(place.start, place.end))
    return found


def _value_word(word: Word, value: str) -> Word:
    """The part of ``word`` holding ``value`` (``--volume=SPEC`` keeps the flag out of the caret)."""
    if not word.literal or not word.value.endswith(value) or word.value == value:
        return word
    return Word(value, word.end - len(value), word.end)


def _bytes(state: CommandState, name: str) -> int | None:
    """The winning byte size of a flag (0 when not given; -1 stays -1); None when unknown or bad."""
    flag = state.flags.get(name)
    if flag is None:
        return 0
    value = flag.last
    if flag.dynamic or value is None:
        return None
    if value == "-1" and name == "memory-swap":
        return -1
    size = ram_in_bytes(value)
    return size if isinstance(size, int) else None


@register_check("docker-memory-swap", needs=("memory-swap",))
def memory_swap(state: CommandState, rule: RuleSpec) -> list[Finding]:
    """The daemon's --memory-swap rules: it needs --memory, and is memory plus swap, so not less.

    -1 means unlimited swap and 0 means not set; both pass. A --memory under the daemon's minimum
    is refused first, on its own (a value check).
    """
    swap, memory = _bytes(state, "memory-swap"), _bytes(state, "memory")
    if swap is None or memory is None or swap <= 0 or 0 < memory < MIN_MEMORY:
        return []
    anchor = state.flags["memory-swap"].anchor
    if memory == 0:
        message = "a --memory-swap limit needs a --memory limit: the daemon refuses swap without one"
        return [Finding("KX402", message, anchor.start, anchor.end, stage=rule.stage)]
    if swap < memory:
        shown = f"{state.flags['memory-swap'].last} < {state.flags['memory'].last}"
        message = f"--memory-swap is memory plus swap, so the daemon refuses one below --memory ({shown})"
        return [Finding("KX204", message, anchor.start, anchor.end, stage=rule.stage)]
    return []
