"""Render JSON-like data as YAML byte-for-byte the way kubectl's ``-o yaml`` printer does.

It tracks the same state the YAML v2 emitter does (column, indent stack, whether the last thing
written was whitespace or indentation) because line folding and the ``- key:`` layout of lists of
maps depend on it.
"""

from __future__ import annotations

from typing import Any

from kx.builder.yamlstyle import (
    BEST_INDENT,
    BEST_WIDTH,
    BREAKS,
    DOUBLE,
    ESCAPES,
    LITERAL,
    PLAIN,
    SINGLE,
    Analysis,
    choose_style,
    printable,
    sorted_keys,
)  # fmt: skip


class Emitter:
    """Writes one document; call ``node`` with the root, then ``write_indent`` to end it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.column = 0
        self.indent = -1
        self.indents: list[int] = []
        self.whitespace = True
        self.indention = True
        self.flow_level = 0
        self.mapping_context = False
        self.simple_key = False

    def text(self) -> str:
        """Everything written so far."""
        return "".join(self.parts)

    # -- low-level writing ------------------------------------------------------------------
    def put(self, text: str) -> None:
        """Write characters that are not line breaks."""
        self.parts.append(text)
        self.column += len(text)

    def put_break(self) -> None:
        """Start a new line."""
        self.parts.append("\n")
        self.column = 0

    def write_break(self, char: str) -> None:
        """Copy one line-break character from a scalar."""
        if char == "\n":
            self.put_break()
        else:
            self.parts.append(char)
            self.column = 0

    def write_indent(self) -> None:
        """Move to a fresh line (unless already at the indentation) and pad to the indent."""
        indent = max(self.indent, 0)
        if (not self.indention or self.column > indent
                or (self.column == indent and not self.whitespace)):  # fmt: skip
            self.put_break()
        if self.column < indent:
            self.put(" " * (indent - self.column))
        self.whitespace = self.indention = True

    def indicator(self, text: str, need_ws: bool, is_ws: bool, is_indention: bool) -> None:
        """Write a syntax indicator such as ``-``, ``:`` or ``{``."""
        if need_ws and not self.whitespace:
            self.put(" ")
        self.put(text)
        self.whitespace = is_ws
        self.indention = self.indention and is_indention

    def push_indent(self, flow: bool, indentless: bool) -> None:
        """Open a nesting level."""
        self.indents.append(self.indent)
        if self.indent < 0:
            self.indent = BEST_INDENT if flow else 0
        elif not indentless:
            self.indent += BEST_INDENT

    def pop_indent(self) -> None:
        """Close a nesting level."""
        self.indent = self.indents.pop()

    # -- nodes ------------------------------------------------------------------------------
    def node(
        self, value: Any, root: bool = False, mapping: bool = False, simple_key: bool = False
    ) -> None:
        """Write one node in the given context."""
        del root  # only matters for documents whose root is a scalar
        self.mapping_context, self.simple_key = mapping, simple_key
        if isinstance(value, dict):
            self.mapping(value)
        elif isinstance(value, list):
            self.sequence(value)
        else:
            self.scalar(value)

    def mapping(self, value: dict[str, Any]) -> None:
        """A block mapping, or ``{}`` when empty."""
        if not value or self.flow_level:
            self.empty("{", "}")
            return
        self.push_indent(flow=False, indentless=False)
        for key in sorted_keys(value):
            self.write_indent()
            if _simple_key(key):
                self.node(key, mapping=True, simple_key=True)
                self.indicator(":", False, False, False)
            else:
                self.indicator("?", True, False, True)
                self.node(key, mapping=True)
                self.write_indent()
                self.indicator(":", True, False, True)
            self.node(value[key], mapping=True)
        self.pop_indent()

    def sequence(self, value: list[Any]) -> None:
        """A block sequence (items at the parent's indent inside a mapping), or ``[]``."""
        if not value or self.flow_level:
            self.empty("[", "]")
            return
        self.push_indent(flow=False, indentless=self.mapping_context and not self.indention)
        for item in value:
            self.write_indent()
            self.indicator("-", True, False, True)
            self.node(item)
        self.pop_indent()

    def empty(self, opening: str, closing: str) -> None:
        """An empty flow collection."""
        self.indicator(opening, True, True, False)
        self.indicator(closing, False, False, False)

    def scalar(self, value: Any) -> None:
        """A string, number, bool or null."""
        if isinstance(value, str):
            text = value
            style = choose_style(text, Analysis(text), self.simple_key, self.flow_level)
        else:
            text = _plain_text(value)
            style = PLAIN
        self.push_indent(flow=True, indentless=False)
        breaks = not self.simple_key
        if style == PLAIN:
            self.plain(text, breaks)
        elif style == SINGLE:
            self.single(text, breaks)
        elif style == DOUBLE:
            self.double(text, breaks)
        else:
            assert style == LITERAL
            self.literal(text)
        self.pop_indent()

    # -- scalar writers ---------------------------------------------------------------------
    def _fold_here(self, allow: bool, spaces: bool) -> bool:
        return allow and not spaces and self.column > BEST_WIDTH

    def plain(self, text: str, allow_breaks: bool) -> None:
        """Unquoted text, folded at a single space past the width."""
        if not self.whitespace:
            self.put(" ")
        spaces = False
        for i, char in enumerate(text):
            if char == " ":
                nxt = text[i + 1] if i + 1 < len(text) else ""
                if self._fold_here(allow_breaks, spaces) and nxt != " ":
                    self.write_indent()
                else:
                    self.put(char)
                spaces = True
            else:
                self.put(char)
                self.indention = spaces = False
        self.whitespace = self.indention = False

    def single(self, text: str, allow_breaks: bool) -> None:
        """Single-quoted text: ``'`` doubled, line breaks written as blank-line folds."""
        self.indicator("'", True, False, False)
        spaces = breaks = False
        last = len(text) - 1
        for i, char in enumerate(text):
            if char == " ":
                inner = 0 < i < last and text[i + 1] != " "
                if self._fold_here(allow_breaks, spaces) and inner:
                    self.write_indent()
                else:
                    self.put(char)
                spaces = True
            elif char in BREAKS:
                if not breaks and char == "\n":
                    self.put_break()
                self.write_break(char)
                self.indention = breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put("''" if char == "'" else char)
                self.indention = spaces = breaks = False
        self.indicator("'", False, False, False)
        self.whitespace = self.indention = False

    def double(self, text: str, allow_breaks: bool) -> None:
        """Double-quoted text with backslash escapes."""
        self.indicator('"', True, False, False)
        spaces = False
        bom = text.startswith("\ufeff")  # the library then escapes every character
        last = len(text) - 1
        for i, char in enumerate(text):
            if bom or not printable(char) or char in BREAKS or char in '"\\':
                self.put("\\" + _escape(char))
                spaces = False
            elif char == " ":
                if self._fold_here(allow_breaks, spaces) and 0 < i < last:
                    self.write_indent()
                    if text[i + 1] == " ":
                        self.put("\\")
                else:
                    self.put(char)
                spaces = True
            else:
                self.put(char)
                spaces = False
        self.indicator('"', False, False, False)
        self.whitespace = self.indention = False

    def literal(self, text: str) -> None:
        """A ``|`` block with indentation and chomping hints."""
        self.indicator("|", True, False, False)
        if text[0] == " " or text[0] in BREAKS:
            self.indicator(str(BEST_INDENT), False, False, False)
        chomp = _chomp(text)
        if chomp:
            self.indicator(chomp, False, False, False)
        self.put_break()
        self.indention = self.whitespace = True
        breaks = True
        for char in text:
            if char in BREAKS:
                self.write_break(char)
                self.indention = breaks = True
            else:
                if breaks:
                    self.write_indent()
                self.put(char)
                self.indention = breaks = False


def _simple_key(key: str) -> bool:
    return not Analysis(key).multiline and len(key.encode("utf-8", "surrogatepass")) <= 128


def _plain_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot render {type(value).__name__} as YAML")


def _escape(char: str) -> str:
    if char in ESCAPES:
        return ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"x{code:02X}"
    if code <= 0xFFFF:
        return f"u{code:04X}"
    return f"U{code:08X}"


def _chomp(text: str) -> str:
    if text[-1] not in BREAKS:
        return "-"
    if len(text) == 1 or text[-2] in BREAKS:
        return "+"
    return ""


def dump(data: dict[str, Any]) -> str:
    """Render ``data`` (dicts, lists, str, int, bool, None) as kubectl prints it."""
    emitter = Emitter()
    emitter.node(data, root=True)
    emitter.write_indent()
    return emitter.text()
