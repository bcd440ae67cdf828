"""Warnings about legal command lines that are almost surely mistakes, and deprecations.

``--rm false`` (the bool does not take ``false``), ``--name -d`` (a flag took the next flag as its
value), ``-name`` (one dash), ``docker run nginx -p 80:80`` (a docker flag after IMAGE goes to the
container), and deprecated flags or shorthands with their replacement.
"""

from __future__ import annotations

from kx.core.findings import Finding
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.unknown import TRUE_FALSE_WORDS, as_flag, flag_suggestion, sentence, single_dash_long

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.catalog.model import CommandSpec
    from kx.parse.parsed import FlagUse, ParsedCommand
    from kx.parse.span import Word


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
        if text not in TRUE_FALSE_WORDS:
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
    parsed.problems.append(Finding("KX110", message, start, end, f"--{flag.name}", severity))


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
    """``docker run nginx -p 80:80``: docker run flags after IMAGE go to the container.

    Only words that are almost surely meant for docker are reported (see ``_AFTER_IMAGE``); the
    first word that is not one ends the look-ahead, since the rest is then the program's own
    arguments (``yamllint -c .yamllint``, ``loki -config.file=x``, ``sh -c ...``). With
    ``--entrypoint`` the words after IMAGE are surely the program's.
    """
    spec = parsed.spec
    if not parsed.positionals:
        return
    for use in parsed.uses:  # a loop, not any(): this runs for every docker run
        if use.flag is not None and use.flag.name == "entrypoint":
            return
    operand = parsed.positionals[0].value
    tail = parsed.positionals[1:]
    i = 0
    while i < len(tail):
        word = tail[i]
        following = tail[i + 1] if i + 1 < len(tail) else None
        taken = _meant_for_docker(spec, word, following)
        if taken is None:
            return
        if taken == 0 and len(word.value) == 2 and following is not None:
            # a lone switch (spiped -d -s ADDR): docker's only when docker's words go on after it
            after = tail[i + 2] if i + 2 < len(tail) else None
            if _meant_for_docker(spec, following, after) is None:
                return
        parsed.add("KX108", f"{word.value.split('=')[0]} comes after {operand} and is passed to the "
                   f"container, not to {parsed.name}; move it before {operand}",
                   (word.start, word.end))  # fmt: skip
        i += 1 + taken


# An operand that is one image whatever its variables hold: expansions of one parameter
# (`$IMAGE`, `${TAG}`, `${IMAGE:-nginx}`; no `$@`, arrays, `$(...)` or globs) glued to the
# characters of an image reference, with a `/` or `:` of its own or a variable named for an image.
# An unquoted `$OPTS` may hold flags or nothing; `$IMAGE` would too only by a perverse naming.
_EXPANSION = LazyRegex(r"\$(?:\{[A-Za-z_]\w*(?::?[-=][\w./:@-]*)?\}|[A-Za-z_]\w*)")
_ONE_IMAGE = LazyRegex(rf"(?:{_EXPANSION.pattern}|[\w./:@-])+")
_IMAGE_NAME = LazyRegex(r"(?i)\$\{?\w*(?:IMAGE|IMG)(?:_?(?:NAME|TAG|REF|URI|URL|ID))?\b")


def names_one_image(word: Word) -> bool:
    """Whether a dynamic operand surely expands to one image (``"$IMAGE"``, ``${REG}/app:${TAG}``)."""
    text = word.value
    if _ONE_IMAGE.fullmatch(text) is None:
        return False
    static = _EXPANSION.compiled().sub("", text)
    return "/" in static or ":" in static or _IMAGE_NAME.search(text) is not None


def _port_mapping(value: str) -> bool:
    """``80:80``, ``127.0.0.1:8080:80/tcp``: a mapping, not a program's lone port number."""
    host, _, proto = value.partition("/")
    return ":" in host and host.replace(".", "").replace(":", "").replace("-", "").isdigit() \
        and proto in ("", "tcp", "udp", "sctp")


def _env_pair(value: str) -> bool:
    """``KEY=value``."""
    key, eq, _ = value.partition("=")
    return bool(eq) and key.replace("_", "a").isalnum() and not key[0].isdigit()


# docker run flags a program in an image would hardly take, with the shape of value docker wants
# (None: a switch, or any value that is not a flag). A flag not listed (-c, -t, -l, --label,
# --user, --help, ...) or a value of another shape (-c .yamllint, -v alone) is read as the
# program's own: those are legal and most often right.
_AFTER_IMAGE: dict[str, Callable[[str], bool] | None] = {
    "rm": None, "detach": None, "privileged": None, "name": None, "env-file": None,
    "volumes-from": None, "cap-add": None, "cap-drop": None, "security-opt": None,
    "publish": _port_mapping, "env": _env_pair,
    "volume": lambda v: ":" in v and not v.startswith(":"),
    "mount": lambda v: "target=" in v or "destination=" in v or "dst=" in v,
    "restart": lambda v: v.split(":")[0] in ("no", "always", "unless-stopped", "on-failure"),
}  # fmt: skip
# Short switches that mean docker only together (-it, -dit); a lone -i or -t is common elsewhere.
_CLUSTER = frozenset("dit")


def _meant_for_docker(spec: CommandSpec, word: Word, following: Word | None) -> int | None:
    """How many following words a docker flag in ``word`` takes (0 or 1), None if not docker's."""
    text = word.value
    if word.dynamic or len(text) < 2 or text[0] != "-":
        return None
    if text.startswith("--"):
        name, eq, value = text[2:].partition("=")
        flag = spec.flag(name)
        if flag is None or flag.name not in _AFTER_IMAGE:
            return None
        if flag.is_bool:
            return 0 if not eq or value in TRUE_FALSE_WORDS else None
        return _valued(_AFTER_IMAGE[flag.name], value if eq else None, following)
    flag = spec.by_short.get(text[1])
    if flag is None:
        return None
    if len(text) > 2:  # -it, -dit; else a program's one-dash long flag (gosec -exclude=G104)
        return 0 if all(c in _CLUSTER for c in text[1:]) else None
    if flag.name not in _AFTER_IMAGE:
        return None
    return 0 if flag.is_bool else _valued(_AFTER_IMAGE[flag.name], None, following)


def _valued(shape: Callable[[str], bool] | None, value: str | None, following: Word | None) -> int | None:
    """Whether a value flag's value (after ``=``, else the next word) has docker's shape."""
    taken = 0
    if value is None:
        if following is None:
            return 0  # nothing left: the flag was surely meant for docker (`nginx --name`)
        if following.dynamic:
            return 1
        value, taken = following.value, 1
    if value.startswith("-") or (shape is not None and not shape(value)):
        return None
    return taken
