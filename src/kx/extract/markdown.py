"""Markdown: the code blocks of a document, by CommonMark's rules, read as commands.

Fenced blocks (backticks or tildes) are found at any indentation: inside list items, indented by
tabs, inside blockquotes. Indented code blocks (four columns past the enclosing list item's
content, after a blank line, never continuing a paragraph) are read as untagged blocks. Each
block is read by ``kx.extract.docblock`` according to its language. In plain paragraphs, a line
that is a whole command (``$ kubectl run ...`` or ``docker run ...``, not prose) is read too: docs
paste console transcripts without a fence.
"""

from __future__ import annotations

import re

from kx.extract.docblock import language_of, read_block
from kx.extract.snippets import Snippets

__all__ = ["code_blocks", "extract_markdown"]

_OPEN = re.compile(r"((?:[ \t]*>)*)[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)")
_CLOSE = re.compile(r"(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*\r?$")
# Site generators' highlight blocks: Jekyll {% highlight bash %}, Hugo {{< highlight bash >}}.
_TEMPLATE_OPEN = re.compile(
    r"[ \t]*(?:\{%-?[ \t]*highlight[ \t]+([\w-]+)[^%]*%\}|\{\{[<%][ \t]*highlight[ \t]+([\w-]+)[^}]*\}\})"
)
_TEMPLATE_CLOSE = re.compile(r"[ \t]*(?:\{%-?[ \t]*endhighlight|\{\{[<%][ \t]*/highlight)")
_ITEM = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])( {1,4}(?! )| +|$)")
_GLUED_CLOSER = re.compile(r"(?<=\S)(`{3,}|~{3,})[ \t]*\r?$", re.M)  # ``cmd```: a closer typed on the line
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
# A whole line that is a command, bare or as one code span: the tool, a subcommand and more.
_COMMAND_LINE = re.compile(
    r"[ \t]*(`)?(?:\$[ \t]+)?(?:sudo[ \t]+)?(?:docker|kubectl)(?:\.exe)?[ \t]+[a-z][\w-]*[ \t]+[^`\s]"
    r"(?:(?(1)[^`\n]*`[ \t]*\r?$))"
)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$", re.M)
PARAGRAPH = "<paragraph>"  # the language of a paragraph's command lines

Block = tuple[str, int, int, bool]  # language, content start, content end, inside a blockquote


def code_blocks(text: str) -> list[Block]:
    """Every code block of ``text``; an unclosed fence runs to the end."""
    scan = _Scan(len(text))
    pos = 0
    for line in text.split("\n"):
        scan.line(line, pos)
        pos += len(line) + 1
    return scan.finish()


class _Scan:
    """The line-by-line state of the block scan."""

    def __init__(self, length: int) -> None:
        self.length = length
        self.blocks: list[Block] = []
        self.fence: tuple[str, int, int, str, bool] | None = None  # char, length, start, lang, quoted
        self.lists: list[int] = []  # content columns of the open list items
        self.paragraph = False
        self.blank = True
        self.code: list[int] | None = None  # start, end, column threshold of an indented block
        self.para: list[int] | None = None  # start and end of the plain paragraph being read

    def line(self, line: str, start: int) -> None:
        """Take one line (without its newline) that starts at offset ``start``."""
        if self.fence is not None:
            self._in_fence(line, start)
            return
        if not line.strip():
            self.blank, self.paragraph = True, False
            self._close_paragraph()
            return
        width = _width(line)
        if self.code is not None:
            if width >= self.code[2]:
                self.code[1] = start + len(line)
                return
            self._close_code()
        if self.blank:
            while self.lists and width < self.lists[-1]:
                self.lists.pop()
        template = _TEMPLATE_OPEN.match(line) if "highlight" in line else None
        if template:
            self._close_paragraph()
            lang = (template.group(1) or template.group(2)).lower()
            self.fence = ("{", 0, start + len(line) + 1, lang, False)
            return
        opened = _OPEN.match(line)
        if opened or (width >= (self.lists[-1] if self.lists else 0) + 4 and not self.paragraph):
            self._close_paragraph()
        if opened and not (opened.group(2)[0] == "`" and "`" in opened.group(3)):
            lang = language_of(opened.group(3))
            self.fence = (opened.group(2)[0], len(opened.group(2)), start + len(line) + 1, lang,
                          bool(opened.group(1)))  # fmt: skip
            return
        threshold = (self.lists[-1] if self.lists else 0) + 4
        if width >= threshold and not self.paragraph:
            self.code = [start, start + len(line), threshold]
            return
        self._text(line, start)

    def _in_fence(self, line: str, start: int) -> None:
        assert self.fence is not None
        if self.fence[0] == "{":
            closed: re.Match[str] | None = _TEMPLATE_CLOSE.match(line)
        else:
            closed = _CLOSE.match(line)
            if closed and (closed.group(1)[0] != self.fence[0] or len(closed.group(1)) < self.fence[1]):
                closed = None
        if closed:
            _char, _size, begin, lang, quoted = self.fence
            self.blocks.append((lang, min(begin, start), start, quoted))
            self.fence = None
            self.blank, self.paragraph = False, False

    def _text(self, line: str, start: int) -> None:
        """A line of text: a list item opens (or continues) a list, anything else a paragraph."""
        self.blank = False
        head = line[:12].expandtabs(4) if "\t" in line[:12] else line
        item = _ITEM.match(head)
        if item:
            indent = len(item.group(1))
            while self.lists and self.lists[-1] > indent:
                self.lists.pop()
            gap = len(item.group(3)) if item.group(3) and len(item.group(3)) <= 4 else 1
            self.lists.append(indent + len(item.group(2)) + gap)
            self.paragraph = True
            self._close_paragraph()
            return
        self.paragraph = not line.lstrip().startswith("#")
        if not self.paragraph or line.lstrip().startswith(">"):
            self._close_paragraph()
        elif self.para is None:
            self.para = [start, start + len(line)]
        else:
            self.para[1] = start + len(line)

    def _close_paragraph(self) -> None:
        if self.para is not None:
            self.blocks.append((PARAGRAPH, self.para[0], self.para[1], False))
            self.para = None

    def _close_code(self) -> None:
        assert self.code is not None
        self.blocks.append(("", self.code[0], self.code[1], False))
        self.code = None

    def finish(self) -> list[Block]:
        """The blocks found, closing what is still open at the end of the text."""
        if self.code is not None:
            self._close_code()
        self._close_paragraph()
        if self.fence is not None:
            _char, _size, begin, lang, quoted = self.fence
            self.blocks.append((lang, min(begin, self.length), self.length, quoted))
        return self.blocks


def _width(line: str) -> int:
    """Columns of leading whitespace, tabs stopping every four columns."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def extract_markdown(text: str, snippets: Snippets | None = None) -> Snippets:
    """Find the invocations and synopses in the code blocks of ``text``."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    for language, start, end, quoted in code_blocks(text):
        shadow = None
        if language == PARAGRAPH:
            shadow = _paragraph_commands(text[start:end])
            if shadow is None:
                continue
            language = ""
        else:
            shadow = _GLUED_CLOSER.sub(lambda m: " " * len(m.group()), text[start:end])
            if quoted:
                shadow = _QUOTE.sub(lambda m: " " * len(m.group()), shadow)
        read_block(text, start, end, language, snippets, shadow)
    return snippets


def _paragraph_commands(paragraph: str) -> str | None:
    """The paragraph with every line blanked but whole command lines and their continuations."""
    if ("docker" not in paragraph and "kubectl" not in paragraph) or _TABLE_RULE.search(paragraph):
        return None  # nothing to read, or a table (``docker run | starts a container``)
    lines = paragraph.split("\n")
    prompted = any(line.lstrip().startswith("$") for line in lines)
    out: list[str] = []
    continued = False
    for line in lines:
        command = None if continued else _COMMAND_LINE.match(line)
        keep = continued or (command is not None and (not prompted or line.lstrip().startswith("$")))
        if command is not None and command.group(1):
            line = line.replace("`", " ")
        out.append(line if keep else " " * len(line))
        continued = keep and line.rstrip().endswith("\\")
    return "\n".join(out)
