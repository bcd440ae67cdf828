"""The environment pass: files and configuration entries a command names, judged through its Environment.

Run by the validator for the flags whose value format names something on the machine
(``kx.check.environment.ENV_FORMATS``); the checks per format are in ``envdocker`` and ``envkube``,
what they share in ``envfiles``.
"""

from __future__ import annotations

from kx.check.envdocker import DOCKER_HANDLERS
from kx.check.envkube import KUBECTL_HANDLERS
from kx.core.findings import WHOLE
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.envfiles import Handler
    from kx.check.environment import Environment
    from kx.check.state import CommandState, FlagState
    from kx.core.findings import Finding
    from kx.parse.span import Word

HANDLERS: dict[str, Handler] = {**DOCKER_HANDLERS, **KUBECTL_HANDLERS}


def check_environment(state: CommandState, env: Environment) -> list[Finding]:
    """The environment findings of every flag of ``state`` whose format names a file or entry."""
    found: list[Finding] = []
    for flag_state in list(state.flags.values()):
        handler = HANDLERS.get(flag_state.flag.format or "")
        if handler is not None:
            found.extend(_each_value(flag_state, handler, state, env))
    return found


def _each_value(flag_state: FlagState, handler: Handler, state: CommandState, env: Environment
                ) -> list[Finding]:  # fmt: skip
    """Every value of a list flag; only the winning one of a scalar flag (the client reads no other)."""
    found: list[Finding] = []
    pairs = list(zip(flag_state.values, flag_state.words, strict=True))
    for value, word in pairs if flag_state.flag.repeat != "last" else pairs[-1:]:
        if word.dynamic:
            continue
        for problem in handler(value, flag_state, state, env):
            found.append(_place(word, value, problem))
    return found


def _place(word: Word, value: str, problem: Finding) -> Finding:
    """The problem placed on its part of ``value`` in the source (the whole word when quoted)."""
    if not word.literal or not word.value.endswith(value):
        return problem.at(word.start, word.end)
    _code, _message, begin, end, *_ = problem
    start = word.end - len(value) + begin
    end = word.end - len(value) + (len(value) if end == WHOLE else end)
    return problem.at(start, max(end, start + 1))
