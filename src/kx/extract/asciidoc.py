"""AsciiDoc: listing, literal and source blocks, and indented literal paragraphs, read as commands.

Listing (``----``) and literal (``....``) blocks, ``[source,bash]`` paragraphs, indented literal
paragraphs and backtick fences are read. A block's language comes from the ``[source,LANG]`` line
above it (a ``.Title`` may sit between); a block without one is read as untagged. Callouts
(``<1>``, ``# <2>``, ``<.>``) are blanked, and an attribute reference ``{name}`` is an unknown
value. Comment (``////``) and passthrough (``++++``) blocks are skipped.
"""

from __future__ import annotations

import re

from kx.extract.docblock import language_of, read_block
from kx.extract.snippets import Snippets

_DELIMITER = re.compile(r"(-{4,}|\.{4,}|/{4,}|\+{4,}|`{3,})(.*?)[ \t]*\r?$")
_ATTRIBUTES = re.compile(
    r"\[(?:source|listing|literal)?(?:%[\w%-]*)?(?:#[\w-]+)?(?:,[ \t]*([\w+.-]*))?[^\]]*\][ \t]*\r?$"
)
_CALLOUT = re.compile(r"(?:[ \t]+(?:#|//|--|;|%)?[ \t]*(?:<(?:\d+|\.)>|<!--\d+-->))+[ \t]*(?=\r?$)", re.M)
_ATTRIBUTE_REF = re.compile(r"\{[A-Za-z0-9_][\w-]*\}")


def extract_asciidoc(text: str, snippets: Snippets | None = None) -> Snippets:
    """Find the invocations and synopses in the listing and literal blocks of ``text``."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    for language, start, end in asciidoc_blocks(text):
        read_block(text, start, end, language, snippets, _shadow(text[start:end]))
    return snippets


def asciidoc_blocks(text: str) -> list[tuple[str, int, int]]:
    """Every listing/literal block of ``text`` as (language, content start, content end)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    blocks: list[tuple[str, int, int]] = []
    index, language, blank = 0, None, True
    while index < len(lines):
        line = lines[index]
        delimiter = _DELIMITER.match(line)
        if delimiter and (delimiter.group(1)[0] == "`" or not delimiter.group(2)):
            close = _close(lines, index, delimiter.group(1))
            kind = delimiter.group(1)[0]
            lang = language_of(delimiter.group(2)) if kind == "`" else language or ""
            if kind in "-.`":
                blocks.append((lang, starts[index + 1], max(starts[index + 1], starts[close] - 1)))
            index, language, blank = close + 1, None, False
            continue
        attributes = _ATTRIBUTES.match(line)
        if attributes and line.startswith(("[source", "[listing", "[literal", "[,")):
            language = (attributes.group(1) or "").lower()
        elif language is not None and line.strip() and not line.startswith("."):
            stop = _paragraph_end(lines, index)  # [source,bash] on a paragraph: that paragraph
            blocks.append((language, starts[index], starts[stop] - 1))
            index, language, blank = stop, None, False
            continue
        elif blank and line[:1] in (" ", "\t") and line.strip():
            stop = _paragraph_end(lines, index)  # an indented literal paragraph
            blocks.append(("", starts[index], starts[stop] - 1))
            index, blank = stop, False
            continue
        blank = not line.strip()
        index += 1
    return blocks


def _close(lines: list[str], index: int, delimiter: str) -> int:
    """Index of the line that closes the block opened at ``index`` (or the last line)."""
    for at in range(index + 1, len(lines)):
        if lines[at].rstrip() == delimiter:
            return at
    return len(lines)


def _paragraph_end(lines: list[str], index: int) -> int:
    """Index of the first blank line at or after ``index`` (or the line count)."""
    at = index
    while at < len(lines) and lines[at].strip():
        at += 1
    return at


def _shadow(block: str) -> str:
    """The block with callouts blanked and attribute references made unknown words."""
    block = _CALLOUT.sub(lambda m: " " * len(m.group()), block)
    return _ATTRIBUTE_REF.sub(lambda m: "$" + m.group()[1:-1].replace("-", "_") + "_", block)
