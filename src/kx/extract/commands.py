"""Deciding whether a list of shell words runs docker or kubectl, shared by every extractor.

Sees through the usual prefixes (``sudo``, ``env A=B``, ``time``, ``exec``, ``command``, ``nohup``,
``nice``, ``timeout``), assignments before the command, and variables or aliases that name the tool
(``k=kubectl; $k expose``, ``DOCKER=${DOCKER:-docker}``, ``alias k='kubectl -n prod'``).
"""

from __future__ import annotations

import re

from kx._typing import TYPE_CHECKING
from kx.parse.span import Word

if TYPE_CHECKING:
    from collections.abc import Sequence

TOOLS = frozenset({"docker", "kubectl"})
# prefix command -> its options that take a separate value
PREFIXES: dict[str, frozenset[str]] = {
    "sudo": frozenset({"-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "-R"}),
    "doas": frozenset({"-u", "-C"}),
    "env": frozenset({"-u", "-C", "-S", "--unset", "--chdir", "--split-string"}),
    "time": frozenset({"-f", "-o", "--format", "--output"}),
    "exec": frozenset({"-a"}),
    "command": frozenset(),
    "nohup": frozenset(),
    "builtin": frozenset(),
    "nice": frozenset({"-n", "--adjustment"}),
    "timeout": frozenset({"-s", "-k", "--signal", "--kill-after"}),
}
_POSITIONAL_PREFIX = frozenset({"timeout"})  # takes one positional (the duration) first
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=")
_REDIRECT_ALONE = re.compile(r"^[0-9]*(?:>>?|<<?-?|<<<|&>>?|>&|<&|>\||<>)$")
_REDIRECT_GLUED = re.compile(r"^[0-9]*(?:>>?|<<?-?|<<<|&>>?|>&|<&|>\||<>)\S")
_DEFINITION = re.compile(
    r"(?:^|(?<=[\s;&|(]))(?:(alias)\s+|(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?)"
    r"([A-Za-z_][A-Za-z0-9_-]*)=(\"[^\"\n]*\"|'[^'\n]*'|\$\([^)\n]*\)|`[^`\n]*`|[^\s;&|]+)"
)
_WRAPPERS = (
    re.compile(r"^\$\{[A-Za-z_]\w*:?[-=](.*)\}$"),
    re.compile(r"^\$\((?:which|command\s+-v|type\s+-p)\s+(.*)\)$"),
    re.compile(r"^`(?:which|command\s+-v|type\s+-p)\s+(.*)`$"),
)
_VALUE_HINT = re.compile(r"=[\"'`]?(?:\$\{\w+:?[-=]|\$\(\w+(?:\s+-\w)?\s+)?[\w./~-]*(?:docker|kubectl)\b")
_VAR_WORD = re.compile(r"^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$")


class ToolNames:
    """Variables and aliases in one file that stand for a tool, with the words they expand to."""

    __slots__ = ("aliases", "variables")

    def __init__(self) -> None:
        self.variables: dict[str, list[str]] = {}
        self.aliases: dict[str, list[str]] = {}

    def mention_pattern(self) -> re.Pattern[str]:
        """A regex for any place a tool may be named: the tools, ``$VAR`` and alias words."""
        # Each tool name comes first and the look-behind after it: the same matches as a leading
        # (?<![\w.-]), but re can then skip to candidate letters (twice as fast on long scripts).
        parts = [r"(?:docker(?<![\w.-]docker)|kubectl(?<![\w.-]kubectl))(?![\w.-])"]
        if self.variables:
            names = "|".join(sorted(map(re.escape, self.variables), key=len, reverse=True))
            parts.append(rf"\$\{{?(?:{names})(?![\w])")
        if self.aliases:
            names = "|".join(sorted(map(re.escape, self.aliases), key=len, reverse=True))
            parts.append(rf"(?<![\w$./-])(?:{names})(?=[ \t])")
        return re.compile("|".join(parts))


def tool_words(value: str) -> list[str] | None:
    """The words a variable or alias value expands to, when it names a tool first."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    for wrapper in _WRAPPERS:
        match = wrapper.match(value)
        if match:
            value = match.group(1).strip().strip("\"'")
    words = value.split()
    if not words or tool_name(words[0]) is None:
        return None
    return [tool_name(words[0]) or words[0], *words[1:]]


def find_tool_names(text: str) -> ToolNames:
    """Collect ``NAME=kubectl``-style variables and ``alias NAME=...`` aliases in ``text``."""
    names = ToolNames()
    if "docker" not in text and "kubectl" not in text:
        return names
    # Only lines where a tool name follows an `=` can define one: look at those alone.
    for hit in _VALUE_HINT.finditer(text):
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        for match in _DEFINITION.finditer(line):
            words = tool_words(match.group(3))
            if words is None or match.group(2) in TOOLS:
                continue
            table = names.aliases if match.group(1) else names.variables
            table[match.group(2)] = words
    return names


def tool_name(value: str) -> str | None:
    """``docker`` for ``docker``, ``/usr/bin/docker`` or ``docker.exe``; else None."""
    base = value.rsplit("/", 1)[-1]
    if base.endswith(".exe"):
        base = base[:-4]
    return base if base in TOOLS else None


def drop_redirections(words: Sequence[Word]) -> list[Word]:
    """Remove redirection operators and their targets (``> out``, ``2>&1``, ``<<EOF``)."""
    kept: list[Word] = []
    skip_next = False
    for word in words:
        if skip_next:
            skip_next = False
            continue
        if word.literal and not word.dynamic and _REDIRECT_ALONE.match(word.value):
            skip_next = True
            continue
        if word.literal and _REDIRECT_GLUED.match(word.value):
            continue
        kept.append(word)
    return kept


def resolve(words: Sequence[Word], names: ToolNames | None = None) -> list[Word] | None:
    """Return the words from the tool word on, the tool word normalized; None if not a tool."""
    index = _skip_prefixes(words)
    if index >= len(words):
        return None
    head = words[index]
    expansion = _expand(head, names)
    if expansion is None:
        return None
    return expansion + list(words[index + 1 :])


def _expand(word: Word, names: ToolNames | None) -> list[Word] | None:
    if not word.dynamic:
        tool = tool_name(word.value)
        if tool is not None:
            return [word if tool == word.value else Word(tool, word.start, word.end, False, False)]
        values = names.aliases.get(word.value) if names else None
    else:
        values = _variable_words(word.value, names)
    if not values:
        return None
    return [Word(value, word.start, word.end, False, False) for value in values]


def _variable_words(value: str, names: ToolNames | None) -> list[str] | None:
    text = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    match = _VAR_WORD.match(text)
    if match and names:
        found = names.variables.get(match.group(1) or match.group(2))
        if found:
            return found
    return tool_words(text)


def _skip_prefixes(words: Sequence[Word]) -> int:
    index, count = 0, len(words)
    while index < count and not words[index].dynamic and _ASSIGNMENT.match(words[index].value):
        index += 1
    while index < count and not words[index].dynamic and words[index].value in PREFIXES:
        index = _skip_prefix_options(words, index)
    return index


def _skip_prefix_options(words: Sequence[Word], index: int) -> int:
    prefix = words[index].value
    takes_value = PREFIXES[prefix]
    index += 1
    positional = prefix in _POSITIONAL_PREFIX
    while index < len(words):
        value = words[index].value
        if value == "--":
            return index + 1
        if prefix == "command" and value in ("-v", "-V"):
            return len(words)  # `command -v docker` looks the tool up, it does not run it
        if value in takes_value:
            index += 2
        elif (value.startswith("-") and len(value) > 1) or (prefix == "env" and _ASSIGNMENT.match(value)):
            index += 1
        elif positional:
            positional = False
            index += 1
        else:
            break
    return index
