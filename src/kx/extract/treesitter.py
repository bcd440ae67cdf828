"""tree-sitter-bash access: parse a piece of a script, find the command at a position, build Words.

Node positions are UTF-8 byte offsets into the piece; ``OffsetMap`` turns them into character
offsets into the whole text, which is what ``Word`` spans are.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.span import Word

if TYPE_CHECKING:
    from types import ModuleType

    from tree_sitter import Node, Parser, Tree

_DYNAMIC_TYPES = frozenset({
    "simple_expansion", "expansion", "command_substitution", "process_substitution",
    "arithmetic_expansion", "brace_expression", "translated_string",
})  # fmt: skip
_SKIPPED_TYPES = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect", "comment"})
_GLOB = re.compile(r"[*?\[]|^~|\{.*,.*\}")
_DQ_ESCAPE = re.compile(r'\\([$`"\\\n])')
_ESCAPE = re.compile(r"\\(.)", re.S)


@lru_cache(maxsize=1)
def parser() -> Parser:
    """The shared tree-sitter parser for bash (built on first use)."""
    core = _binding("tree_sitter")
    bash = _binding("tree_sitter_bash")
    if core is None or bash is None:
        import tree_sitter_bash
        from tree_sitter import Language, Parser

        return Parser(Language(tree_sitter_bash.language()))
    parser: Parser = core.Parser(core.Language(bash.language()))
    return parser


def _binding(package: str) -> ModuleType | None:
    """The compiled ``package._binding`` module, loaded without running ``package/__init__.py``.

    Those only re-export the binding, but import typing (tree_sitter) and importlib.resources
    (tree_sitter_bash): about 20 ms, a fifth of linting a small script. The module is registered
    under its usual name, so a later ``import tree_sitter`` shares it. None: import normally.
    """
    import sys
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec, PathFinder

    name = f"{package}._binding"
    if name in sys.modules:
        return sys.modules[name]
    found = PathFinder.find_spec(package)
    for directory in (found.submodule_search_locations or []) if found is not None else []:
        for suffix in EXTENSION_SUFFIXES:
            path = f"{directory}/_binding{suffix}"
            try:
                loader = ExtensionFileLoader(name, path)
                module = loader.create_module(ModuleSpec(name, loader, origin=path))
                loader.exec_module(module)
            except (ImportError, OSError):
                continue
            sys.modules[name] = module
            return module
    return None


class OffsetMap:
    """Converts byte offsets in the UTF-8 form of ``text[base:]`` to character offsets."""

    __slots__ = ("_byte_starts", "_char_starts", "_data", "base", "identity")

    def __init__(self, piece: str, data: bytes, base: int) -> None:
        self.base = base
        self._data = data
        self.identity = len(data) == len(piece)
        self._char_starts: list[int] = []
        self._byte_starts: list[int] = []
        if not self.identity:
            char = byte = 0
            for line in piece.splitlines(keepends=True):
                self._char_starts.append(char)
                self._byte_starts.append(byte)
                char += len(line)
                byte += len(line.encode("utf-8", "surrogatepass"))

    def char(self, byte: int) -> int:
        """Absolute character offset of a byte offset in the piece."""
        if self.identity:
            return self.base + byte
        line = bisect.bisect_right(self._byte_starts, byte) - 1
        start = self._byte_starts[line]
        return self.base + self._char_starts[line] + len(self._data[start:byte].decode("utf-8", "replace"))

    def byte(self, char: int, piece: str) -> int:
        """Byte offset in the piece of an absolute character offset."""
        relative = char - self.base
        if self.identity:
            return relative
        line = bisect.bisect_right(self._char_starts, relative) - 1
        start = self._char_starts[line]
        return self._byte_starts[line] + len(piece[start:relative].encode("utf-8", "surrogatepass"))


def parse(piece: str) -> tuple[Tree, bytes]:
    """Parse ``piece`` and return the tree with the bytes it was parsed from."""
    data = piece.encode("utf-8", "surrogatepass")
    return parser().parse(data), data


def command_at(root: Node, byte: int) -> Node | None:
    """The innermost ``command`` node holding ``byte``, or None (comment, heredoc body, ERROR)."""
    node: Node | None = root.descendant_for_byte_range(byte, byte + 1)
    while node is not None:
        kind = node.type
        if kind == "command":
            return node
        if kind in ("ERROR", "heredoc_body", "comment", "program"):
            return None
        node = node.parent
    return None


def command_words(node: Node, text: str, offsets: OffsetMap) -> list[Word]:
    """The words of a ``command`` node: name and arguments, no redirections or assignments."""
    words: list[Word] = []
    seen_name = False
    for child in node.children:
        kind = child.type
        if kind == "command_name":
            seen_name = True
            child = child.children[0] if child.child_count else child
        elif not seen_name or kind in _SKIPPED_TYPES or not child.is_named:
            continue
        words.append(node_word(child, text, offsets))
    return words


def node_word(node: Node, text: str, offsets: OffsetMap) -> Word:
    """Build the Word for one argument node (quote removal; expansions make it dynamic)."""
    start, end = offsets.char(node.start_byte), offsets.char(node.end_byte)
    source = text[start:end]
    value, dynamic = _value(node, source, offsets, text)
    return Word(value, start, end, dynamic, value == source and not dynamic)


def _value(node: Node, source: str, offsets: OffsetMap, text: str) -> tuple[str, bool]:
    kind = node.type
    if kind in ("word", "number"):
        dynamic = bool(_GLOB.search(source))
        return (_ESCAPE.sub(r"\1", source) if "\\" in source else source), dynamic
    if kind == "raw_string":
        return source[1:-1], False
    if kind == "ansi_c_string":
        return source[2:-1], "\\" in source
    if kind == "string":
        dynamic = any(child.type in _DYNAMIC_TYPES for child in node.children)
        return _DQ_ESCAPE.sub(r"\1", source[1:-1]).replace("\\\n", ""), dynamic
    if kind == "concatenation":
        parts = [_child_value(child, offsets, text) for child in node.children]
        return "".join(p[0] for p in parts), any(p[1] for p in parts)
    return source, True


def _child_value(node: Node, offsets: OffsetMap, text: str) -> tuple[str, bool]:
    source = text[offsets.char(node.start_byte) : offsets.char(node.end_byte)]
    return _value(node, source, offsets, text)
