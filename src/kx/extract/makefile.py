"""Makefile recipes as shell snippets in place, read the way GNU make reads them.

Only recipe lines are shell: tab-led lines in the context of a rule (and the text after ``;`` on a
rule line), never prerequisite lists, variable assignments or ``define`` bodies. make expands a
recipe before the shell sees it, so ``$(VAR)``, ``${VAR}``, ``$(shell ...)`` and ``$@``-style
references are unknown parts (even inside shell quotes), and ``$$`` is one ``$`` for the shell.
A make variable that names a tool (``DOCKER ?= docker``) makes ``$(DOCKER) run ...`` a command.
"""

from __future__ import annotations

import re

from kx.extract import templating
from kx.extract.commands import ToolNames, tool_words
from kx.extract.snippets import Snippets
from kx.parse.span import Word
from kx.parse.tools import tool_name

_ASSIGNMENT = re.compile(
    r"(?:(?:export|override|private|unexport)\s+)*[^\s:#=]+\s*(?:=|:=|::=|:::=|\?=|\+=|!=)"
)
_RULE = re.compile(r"[^#=;]*?(?<!:):{1,2}(?![:=])")
_CONDITIONALS = frozenset({"ifeq", "ifneq", "ifdef", "ifndef", "else", "endif"})
_PREFIX = re.compile(r"\t[ \t@+-]*")
_TOOL_VALUE = re.compile(
    r"^(?:export\s+|override\s+)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:\?|:{1,3}|\+)?=[ \t]*(.*?)[ \t]*$", re.M
)
_SHELL_LOOKUP = re.compile(r"^\$\(shell\s+(?:which|command\s+-v)\s+([^\s)]+)[^)]*\)$")
_REFERENCE = re.compile(r"^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$")
_HEAD_REFERENCE = re.compile(r"\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}](?=[ \t]|$)", re.M)


def extract_makefile(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in the recipe lines of a Makefile, positions in the file."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    names = make_tool_names(text)
    spans = recipes(text)
    for start, end in spans:
        shadow = expand_recipe(text[start:end].replace("\n\t", "\n "))
        _add(snippets, shadow, start, text, names)
    simple = names.variables if names else {}
    for start, end in command_variables(text, spans, simple):
        templating.add(snippets, expand_recipe(text[start:end]), start, text, unknown_tail=True)
    return snippets


def command_variables(
    text: str, spans: list[tuple[int, int]], skip: dict[str, list[str]]
) -> list[tuple[int, int]]:
    """Values of variables that a recipe runs as its command (``$(DOCKER_RUN) image``).

    The value is checked where it is assigned; the words after the reference are unknown to it.
    Chains (``A = $(B) x``, ``B = docker run ...``) are followed.
    """
    values = {m.group(1): (m.start(2), m.end(2)) for m in _TOOL_VALUE.finditer(text)}
    found: dict[int, int] = {}
    for start, _end in spans:
        head = _HEAD_REFERENCE.match(text, start)
        name = head.group(1) if head else None
        for _depth in range(8):
            if name is None or name in skip or name not in values:
                break
            begin, stop = values[name]
            first = text[begin:stop].split(None, 1)[0] if text[begin:stop].strip() else ""
            reference = _REFERENCE.match(first)
            if reference is None:
                if "docker" in first or "kubectl" in first:
                    found[begin] = stop
                break
            name = reference.group(1)
    return sorted(found.items())


def _add(snippets: Snippets, shadow: str, base: int, text: str, names: ToolNames | None) -> None:
    if names is None:
        templating.add(snippets, shadow, base, text)
        return
    reveal = templating.Revealer(shadow, text, base).reveal
    snippets.add(shadow, base, names, prepare=lambda words: [_as_variable(w, names) for w in reveal(words)])


def _as_variable(word: Word, names: ToolNames) -> Word:
    """``$(DOCKER)`` reads as the shell variable ``${DOCKER}``, which ``names`` resolves."""
    match = _REFERENCE.match(word.value) if word.dynamic and not word.dyn_at else None
    if match is None or match.group(1) not in names.variables:
        return word
    return Word("${" + match.group(1) + "}", word.start, word.end, True, False, 0)


def make_tool_names(text: str) -> ToolNames | None:
    """Make variables whose value is a tool command with no references (``KUBECTL ?= kubectl``)."""
    names = ToolNames()
    for match in _TOOL_VALUE.finditer(text):
        value = match.group(2)
        if "docker" not in value and "kubectl" not in value:
            continue
        lookup = _SHELL_LOOKUP.match(value)
        words = tool_words(lookup.group(1) if lookup else value)
        if words and tool_name(words[0]) and not any(set("$'\"`\\") & set(w) for w in words[1:]):
            names.variables[match.group(1)] = words
    return names if names.variables else None


def recipes(text: str) -> list[tuple[int, int]]:
    """Spans of the recipe text of each logical recipe line (prefix ``@-+`` and tab excluded)."""
    out: list[tuple[int, int]] = []
    in_rule = in_define = False
    pos, length = 0, len(text)
    while pos < length:
        end = logical_end(text, pos)
        line = text[pos:end]
        words = line.split(None, 2)
        first = words[0] if words else ""
        if in_define:
            in_define = first != "endef"
        elif line.startswith("\t") and in_rule and first not in _CONDITIONALS:
            out.append((pos + _PREFIX.match(line).end(), end))  # type: ignore[union-attr]
        elif not first or first.startswith("#") or first in _CONDITIONALS:
            pass
        elif first == "define" or (first in ("export", "override") and words[1:2] == ["define"]):
            in_define, in_rule = True, False
        elif _ASSIGNMENT.match(line, len(line) - len(line.lstrip())):
            in_rule = False
        else:
            rule = _RULE.match(line)
            in_rule = rule is not None
            semicolon = line.find(";", rule.end()) if rule else -1
            if semicolon >= 0:
                out.append((pos + semicolon + 1, end))
        pos = end + 1
    return out


def logical_end(text: str, pos: int) -> int:
    """End of the line at ``pos``, following backslash continuations."""
    while True:
        newline = text.find("\n", pos)
        if newline < 0:
            return len(text)
        if not text[pos:newline].rstrip("\r").endswith("\\"):
            return newline
        pos = newline + 1


def expand_recipe(line: str) -> str:
    """The recipe as the shell gets it, same length: make references hidden, ``$$`` one ``$``."""
    parts: list[str] = []
    pos = 0
    while True:
        dollar = line.find("$", pos)
        if dollar < 0 or dollar + 1 >= len(line):
            break
        parts.append(line[pos:dollar])
        following = line[dollar + 1]
        if following in " \t\r\n":
            parts.append("$")
            pos = dollar + 1
            continue
        if following == "$":
            parts.append(templating.DROPPED + "$")
            pos = dollar + 2
            continue
        stop = _reference_end(line, dollar) if following in "({" else dollar + 2
        parts.append(templating.HIDDEN * (stop - dollar))
        pos = stop
    parts.append(line[pos:])
    return "".join(parts)


def _reference_end(line: str, dollar: int) -> int:
    """End of ``$(...)``/``${...}`` at ``dollar``, counting nested brackets of the same kind."""
    opening = line[dollar + 1]
    closing = ")" if opening == "(" else "}"
    depth = 0
    for index in range(dollar + 1, len(line)):
        char = line[index]
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(line)
