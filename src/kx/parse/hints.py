"""Warnings about legal command lines that are almost surely mistakes, and deprecations.

``--rm false`` (the bool does not take ``false``), ``--name -d`` (a flag took the next flag as its
value), ``-name`` (one dash), ``docker run nginx -p 80:80`` (a docker flag after IMAGE goes to the
container), and deprecated flags or shorthands with their replacement.
"""

from __future__ import annotations

from kx._typing import TYPE_CHECKING
from kx.parse.problems import ParseProblem
from kx.parse.unknown import BOOL_WORDS, as_flag, flag_suggestion, sentence, single_dash_long

if TYPE_CHECKING:
    from kx.parse.parsed import FlagUse, ParsedCommand
    from kx.spec.model import CommandSpec


def check_deprecated(parsed: ParsedCommand, use: FlagUse, at: int) -> None:
    """Warn about a deprecated flag, or a deprecated shorthand, and name the replacement."""
    flag = use.flag
    if flag is None:
        return
    span = use.word.sub_span(at, at + 1) if use.short else use.word.sub_span(0, 2 + len(use.name))
    if flag.deprecated is not None:
        dep = flag.deprecated
        text = f"{use.display} is deprecated"
        if dep.replacement:
            text += f"; use {as_flag(dep.replacement)} instead"
        parsed.add("KX501", sentence(text, dep.message), span, flag_suggestion(dep.replacement))
    elif use.short and flag.short_deprecated:
        message = f"the shorthand -{use.name} is deprecated ({flag.short_deprecated.strip()})"
        parsed.add("KX501", message, span, f"--{flag.name}")


def check_bool_then_word(parsed: ParsedCommand, use: FlagUse, i: int) -> None:
    """``--rm false``, ``--dry-run client``: a bare flag never takes the next word as its value."""
    flag = use.flag
    if flag is None or i >= len(parsed.words):
        return
    following = parsed.words[i]
    text = following.value
    if flag.is_bool:
        if text not in BOOL_WORDS:
            return
    elif not flag.choices or not _in_choices(text, flag.choices, flag.case_sensitive):
        return
    message = (f"{use.display} does not take a separate value: {text!r} is read as an "
               f"argument; write {use.display}={text}")  # fmt: skip
    parsed.add("KX107", message, (following.start, following.end))


def _in_choices(text: str, choices: tuple[str, ...], case_sensitive: bool) -> bool:
    if case_sensitive:
        return text in choices
    return text.lower() in {c.lower() for c in choices}


def check_joined_long_name(parsed: ParsedCommand, use: FlagUse) -> None:
    """``-name x``: a short flag took the rest of a word that spells a long flag as its value."""
    text = use.word.value
    flag = single_dash_long(parsed.spec, text)
    if flag is None or len(flag.name) < 3 or use.word.dynamic:
        return
    message = (f"{text.split('=')[0]} is read as -{use.name} with the value {use.value!r}; a long "
               f"flag needs two dashes: --{flag.name}")  # fmt: skip
    start, end = use.word.sub_span(0, 1 + len(flag.name))
    taken = use.flag
    # An address made of the rest of a flag name (-stdin: server "tdin") never connects.
    severity = "error" if taken is not None and taken.value_hint == "url" else None
    if severity:
        message += f"; {parsed.spec.tool} would try to reach an API server named {use.value!r}"
    parsed.problems.append(ParseProblem("KX110", message, start, end, f"--{flag.name}", severity))


def check_taken_value(parsed: ParsedCommand, use: FlagUse) -> None:
    """``--name -d``: a flag took what looks like another flag as its value (legal, suspicious)."""
    word = use.value_word
    if word is None or not word.value.startswith("-") or word.dynamic:
        return
    if looks_like_flag(parsed.spec, word.value):
        parsed.add("KX110", f"{use.display} takes {word.value!r} as its value; if {word.value} was "
                   f"meant as a flag, {use.display} is missing its value",
                   (word.start, word.end))  # fmt: skip


def looks_like_flag(spec: CommandSpec, text: str) -> bool:
    """True when ``text`` names a flag of ``spec`` (``--known``, ``--known=x``, ``-k...``)."""
    if text.startswith("--"):
        return len(text) > 2 and spec.flag(text[2:].split("=", 1)[0]) is not None
    return len(text) > 1 and text[0] == "-" and text[1] in spec.by_short


def flags_after_operand(parsed: ParsedCommand) -> None:
    """``docker run nginx -p 80:80``: docker run flags after IMAGE go to the container."""
    spec = parsed.spec
    tail = parsed.positionals[1:]
    if not parsed.positionals:
        return
    operand = parsed.positionals[0].value
    skip = False
    for word in tail:
        if skip:
            skip = False
            continue
        text = word.value
        if word.dynamic or not looks_like_flag(spec, text):
            return
        parsed.add("KX108", f"{text.split('=')[0]} comes after {operand} and is passed to the "
                   f"container, not to {spec.display_name}; move it before {operand}",
                   (word.start, word.end))  # fmt: skip
        skip = _needs_next(spec, text)


def _needs_next(spec: CommandSpec, text: str) -> bool:
    """Whether a flag word written after the operand would have taken the next word."""
    if text.startswith("--"):
        flag = spec.flag(text[2:])
        return "=" not in text and flag is not None and flag.no_value is None
    for k in range(1, len(text)):
        flag = spec.by_short.get(text[k])
        if flag is None:
            return False
        if flag.no_value is None:
            return k == len(text) - 1
    return False
