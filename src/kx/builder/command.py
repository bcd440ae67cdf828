"""The pure builder: user words for one spec in, the canonical argv out.

The user's words are parsed with kx's pflag-faithful parser against the spec, so ``-p 80``,
``--port 80`` and ``--port=80`` all mean what the real client would make of them. The canonical
form names every flag by its long name as ``--name=value`` (bools bare when true), keeps the order
the user gave, folds repeats of a last-wins flag into one, and puts container arguments after
``--``.
"""

from __future__ import annotations

from typing import Any

from kx.catalog.model import LIST_REPEATS, CommandSpec, FlagSpec
from kx.core.gorules.strconv import parse_bool
from kx.parse.argv import parse_argv
from kx.parse.effective import effective_values
from kx.parse.parsed import FlagUse, ParsedCommand
from kx.parse.span import Word


def to_words(args: list[str]) -> list[Word]:
    """Literal words for ``args`` with spans into ``" ".join(args)``."""
    words: list[Word] = []
    pos = 0
    for arg in args:
        words.append(Word(arg, pos, pos + len(arg)))
        pos += len(arg) + 1
    return words


def parse(spec: CommandSpec, args: list[str], root: CommandSpec | None = None) -> ParsedCommand:
    """Parse the words after the command path as the client would."""
    return parse_argv(spec, to_words(args), root=root)


def flag_word(flag: FlagSpec, value: str) -> str:
    """``--name=value``, or ``--name`` for a bool set to true."""
    if flag.is_bool and parse_bool(value) is True:
        return f"--{flag.canonical}"
    if flag.is_bool and parse_bool(value) is False:
        return f"--{flag.canonical}=false"
    return f"--{flag.canonical}={value}"


def _flag_words(parsed: ParsedCommand) -> list[str]:
    """Every flag with a value, in the order first given, repeats folded as the client folds them."""
    final = effective_values(parsed)
    out: list[str] = []
    done: set[str] = set()
    for use in parsed.uses:
        name = use.canonical
        if name is None or use.value is None or name in done:
            continue
        done.add(name)
        flag = final[name].flag
        if flag.repeat == "csv":  # keep each value as written: re-joining would need CSV quoting
            out.extend(flag_word(flag, u.value) for u in _uses(parsed, name) if u.value is not None)
        else:
            out.extend(flag_word(flag, value) for value in final[name].values)
    return out


def _uses(parsed: ParsedCommand, name: str) -> list[FlagUse]:
    return [u for u in parsed.uses if u.canonical == name]


def _split_positionals(parsed: ParsedCommand) -> tuple[list[str], list[str]]:
    """(words that go before the flags, words that go after ``--``)."""
    values = [w.value for w in parsed.positionals]
    spec = parsed.spec
    if not spec.interspersed:
        return [], values
    slots = spec.positionals
    head = 1 if len(slots) > 1 and slots[-1].repeat else len(values)
    before, after = values[:head], values[head:]
    if any(v.startswith("-") for v in before):
        return [], values
    return before, after


def canonical_argv(parsed: ParsedCommand) -> list[str]:
    """The canonical command line for a parsed command (tool and path included)."""
    spec = parsed.spec
    before, after = _split_positionals(parsed)
    argv = [spec.tool, *spec.path, *before, *_flag_words(parsed)]
    if not spec.interspersed:
        return argv + after
    return argv + (["--", *after] if after else [])


def flag_values(parsed: ParsedCommand) -> dict[str, Any]:
    """Final value per flag (canonical long name): a string, or a list for accumulating flags."""
    out: dict[str, Any] = {}
    for name, eff in effective_values(parsed).items():
        if eff.flag.repeat in LIST_REPEATS:
            out[name] = list(eff.values)
        elif eff.value is not None:
            out[name] = eff.value
    return out
