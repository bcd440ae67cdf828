"""Deciding whether a list of shell words runs docker or kubectl, shared by every extractor.

Steps over wrappers and assignments with the one table of ``kx.parse.wrappers``, and sees through
variables or aliases that name the tool (``k=kubectl; $k expose``, ``DOCKER=${DOCKER:-docker}``,
``RUNTIME=$(command -v docker)``, ``alias k='kubectl -n prod'``).
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.span import Word
from kx.parse.tools import TOOLS, tool_name
from kx.parse.wrappers import command_words

if TYPE_CHECKING:
    from collections.abc import Sequence

# `$(which docker ...)`, `$(command -v docker)`, `type -p`: the tool's path, whatever else is in it.
_LOOKUP = re.compile(r"(?:\$\(|`)\s*(?:which|command\s+-v|type\s+-[pP])\s+([\w./-]+)")
_DEFAULT = re.compile(r"\$\{[A-Za-z_]\w*:?[-=](.*)\}")
_DEFINITION = re.compile(
    r"(?:^|(?<=[\s;&|(]))(?:(alias)\s+|(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?)"
    r"([A-Za-z_][A-Za-z0-9_-]*)=(\"[^\"\n]*\"|'[^'\n]*'|\$\([^)\n]*\)|`[^`\n]*`|[^\s;&|]+)"
)
_VALUE_HINT = re.compile(
    r"=[\"'`]?(?:\$\{\w+:?[-=]|(?:\$\(|`)\w+(?:\s+-\w)?\s+)?[\w./~-]*(?:docker|kubectl)\b"
)
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
    """The words a variable or alias value expands to, when it names a tool first.

    A command substitution's output is never read as words: ``$(which docker 2>/dev/null)`` is
    the path of docker, one word, whatever else the substitution holds.
    """
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    default = _DEFAULT.fullmatch(value)
    if default:
        return tool_words(default.group(1))
    if _whole_substitution(value):
        lookup = _LOOKUP.match(value)
        tool = tool_name(lookup.group(1)) if lookup and value.endswith((")", "`")) else None
        return [tool] if tool else None
    words = value.split()
    if not words or tool_name(words[0]) is None:
        return None
    return [tool_name(words[0]) or words[0], *words[1:]]


def _whole_substitution(value: str) -> bool:
    """True when ``value`` is one command substitution (``$(...)`` or backquotes), nothing after it.

    ``$(LOCALBIN)/kubectl`` (a make variable, then a path) is not one: its parenthesis closes early.
    """
    if value.startswith("`"):
        return value.find("`", 1) == len(value) - 1
    if not value.startswith("$("):
        return False
    depth = 0
    for at, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at == len(value) - 1
    return False


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


def resolve(words: Sequence[Word], names: ToolNames | None = None) -> list[Word] | None:
    """The words from the tool word on (normalized, wrappers applied); None if not a tool."""
    run = command_words(words)
    if not run:
        return None
    expansion = _expand(run[0], names)
    if expansion is None:
        return None
    return expansion + run[1:]


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
    if not text.startswith(("$", "`")):
        return None  # a quoted "docker run" names a command with spaces in it, not docker
    match = _VAR_WORD.match(text)
    if match and names:
        found = names.variables.get(match.group(1) or match.group(2))
        if found:
            return found
    return tool_words(text)
