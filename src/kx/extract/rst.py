"""reStructuredText: ``::`` literal blocks and ``code-block``/``code``/``prompt`` directives.

A literal block is the indented text after a paragraph ending in ``::`` (and a blank line); it is
read in the language of the last ``.. highlight::`` (untagged when there is none). Directive
blocks are read in their own language; their option lines (``:linenos:``) are skipped.
"""

from __future__ import annotations

import re

from kx.extract.docblock import read_block
from kx.extract.snippets import Snippets

_DIRECTIVE = re.compile(r"([ \t]*)\.\.[ \t]+(code-block|code|sourcecode|prompt|highlight)::[ \t]*([\w+.-]*)")
_OPTION = re.compile(r"[ \t]+:[\w-]+:")


def extract_rst(text: str, snippets: Snippets | None = None) -> Snippets:
    """Find the invocations and synopses in the literal and code blocks of ``text``."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    for language, start, end in rst_blocks(text):
        read_block(text, start, end, language, snippets)
    return snippets


def rst_blocks(text: str) -> list[tuple[str, int, int]]:
    """Every literal or code block of ``text`` as (language, content start, content end)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    blocks: list[tuple[str, int, int]] = []
    default = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = _DIRECTIVE.match(line)
        if directive and directive.group(2) == "highlight":
            default = directive.group(3).lower()
        elif directive or (line.rstrip().endswith("::") and not line.lstrip().startswith("..")):
            indent = _indent(line)
            body = index + 1
            while directive and body < len(lines) and _OPTION.match(lines[body]):
                body += 1
            stop = _body_end(lines, body, indent)
            first = next((at for at in range(body, stop) if lines[at].strip()), stop)
            if first < stop and (directive or first > index + 1):
                language = directive.group(3).lower() if directive else default
                blocks.append((language, starts[first], starts[stop] - 1))
                index = stop
                continue
        index += 1
    return blocks


def _body_end(lines: list[str], index: int, indent: int) -> int:
    """Index just past the last line indented deeper than ``indent`` (blank lines inside kept)."""
    last = index
    at = index
    while at < len(lines):
        line = lines[at]
        if line.strip():
            if _indent(line) <= indent:
                break
            last = at + 1
        at += 1
    return last


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())
