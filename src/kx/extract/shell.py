"""Invocations in shell scripts: tree-sitter-bash, checked against an independent census.

tree-sitter-bash can silently misparse valid bash (upstream tree-sitter/tree-sitter-bash#347:
after a newline that follows a multi-stage pipeline, following lines become arguments of the
pipeline's last command, with no ERROR node; in long files whole stretches vanish). The guards:

* the lexer (``kx.extract.lexer``) cuts the script into simple commands by the shell's own
  rules; that census of docker/kubectl commands is what tree-sitter is compared against;
* the script is parsed in bounded pieces cut at top-level line boundaries, so a misparse cannot
  spread past its piece (and each piece's tree is freed before the next);
* tree-sitter confirms a census command only when the command node it puts there really starts
  it: a command glued onto the previous line's command across an unescaped newline is a loss;
* a census command tree-sitter lost is still checked (counted in ``recovered``); a command only
  tree-sitter found (``tree_only``) is taken from its tree;
* when tree-sitter or the lexer report errors, or the two disagree, ``bash -n`` decides whether
  the script is really broken (then one KX703 warning says where).
"""

from __future__ import annotations

import bisect
import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract import treesitter
from kx.extract.commands import ToolNames, find_tool_names, resolve
from kx.extract.lexer import Lexed, lex
from kx.extract.split import segment_invocations
from kx.extract.syntax import syntax_check

if TYPE_CHECKING:
    from tree_sitter import Node

    from kx.parse.span import Word

PIECE_CHARS = 32 * 1024
_UNESCAPED_NEWLINE = re.compile(r"(?<!\\)\n")


class ShellResult:
    """Invocations found in a script, problems (offset, message), and census figures."""

    __slots__ = ("census", "invocations", "problems", "recovered", "tree_only")

    def __init__(self) -> None:
        self.invocations: list[list[Word]] = []
        self.problems: list[tuple[int, str]] = []
        self.census = 0  # docker/kubectl commands the lexer counted
        self.recovered = 0  # of those, how many tree-sitter had lost
        self.tree_only = 0  # commands tree-sitter found that the census did not


def extract_script(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    names: ToolNames | None = None,
    dialect: str = "bash",
) -> ShellResult:
    """Find every docker/kubectl invocation in the script ``text[start:end]``."""
    result = ShellResult()
    plan = plan_script(text, start, end, names)
    if plan is not None:
        trouble = collect(plan, plan.start, plan.end, result)
        finish(plan, result, trouble, dialect)
    return result


class ScriptPlan:
    """What is known about a script before its pieces are parsed.

    The script may be a stretch of a file between top-level boundaries (kx.engine.lint_fork plans the
    two halves of a long script on two processes). ``collect`` then takes its pieces, and
    ``finish`` judges the script as a whole.
    """

    __slots__ = ("census", "end", "lexed", "mentions", "names", "pieces", "start", "text")

    def __init__(
        self, text: str, start: int, end: int, names: ToolNames, mentions: list[int], lexed: Lexed | None
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.names = names
        self.mentions = mentions
        self.lexed = lexed if lexed is not None else lex(text, start, end)
        self.census = _census(text, self.lexed, names, mentions)
        self.pieces = pieces(self.lexed, start, end)


def plan_script(
    text: str,
    start: int = 0,
    end: int | None = None,
    names: ToolNames | None = None,
    lexed: Lexed | None = None,
) -> ScriptPlan | None:
    """Lex the script ``text[start:end]`` (or take its ``lexed``); None when it never names a tool."""
    end = len(text) if end is None else end
    names = names if names is not None else find_tool_names(text)
    mentions = [m.start() for m in names.mention_pattern().finditer(text, start, end)]
    return ScriptPlan(text, start, end, names, mentions, lexed) if mentions else None


def collect(plan: ScriptPlan, low: int, high: int, result: ShellResult) -> bool:
    """Add the invocations of the pieces in ``[low, high)`` to ``result``, sorted by position.

    ``low`` and ``high`` are piece boundaries. Returns whether tree-sitter met a syntax error.
    """
    text, mentions, census = plan.text, plan.mentions, plan.census
    result.census += sum(1 for tool in census if low <= tool < high)
    trouble = False
    for piece_start, piece_end in plan.pieces:
        if piece_start < low or piece_start >= high:
            continue
        lo = bisect.bisect_left(mentions, piece_start)
        hi = bisect.bisect_left(mentions, piece_end)
        if lo < hi:
            piece = _Piece(text, piece_start, piece_end, plan.lexed, plan.names, result)
            trouble |= piece.run(mentions[lo:hi], census)
    for tool, words in census.items():
        if low <= tool < high:
            result.invocations.append(words)
    result.invocations.sort(key=lambda words: words[0].start)
    return trouble


def finish(plan: ScriptPlan, result: ShellResult, trouble: bool, dialect: str) -> None:
    """When tree-sitter or the lexer met trouble, or they disagree, let ``bash -n`` judge."""
    if trouble or plan.lexed.problems or result.recovered or result.tree_only:
        text = plan.text
        result.problems.extend(syntax_check(text[plan.start : plan.end], plan.start, dialect,
                                            plan.lexed.problems))  # fmt: skip


def _census(text: str, lexed: Lexed, names: ToolNames, mentions: list[int]) -> dict[int, list[Word]]:
    """Map the tool-word offset of each command that runs docker/kubectl to its resolved words.

    The commands are those ``kx check`` finds (``kx.extract.split``). A segment with no mention
    in it cannot run one (a mention never spans two segments): only the others are split.
    """
    census: dict[int, list[Word]] = {}
    for start, end in lexed.segments:
        at = bisect.bisect_left(mentions, start)
        if at == len(mentions) or mentions[at] >= end:
            continue
        for words in segment_invocations(text, start, end, names):
            head = words[0]
            first = bisect.bisect_left(mentions, head.start)
            if first < len(mentions) and mentions[first] < max(head.end, head.start + 1):
                census[mentions[first]] = words
    return census


def pieces(lexed: Lexed, start: int, end: int) -> list[tuple[int, int]]:
    """Cut the script at top-level boundaries into pieces of about PIECE_CHARS."""
    out: list[tuple[int, int]] = []
    cut = start
    boundaries = lexed.boundaries
    while end - cut > PIECE_CHARS:
        index = bisect.bisect_right(boundaries, cut + PIECE_CHARS) - 1
        if index < 0 or boundaries[index] <= cut:
            index = bisect.bisect_right(boundaries, cut)
            if index >= len(boundaries):
                break
        out.append((cut, boundaries[index]))
        cut = boundaries[index]
    out.append((cut, end))
    return out


class _Piece:
    """One bounded piece: its tree, and the census commands it confirms."""

    def __init__(
        self, text: str, start: int, end: int, lexed: Lexed, names: ToolNames, result: ShellResult
    ) -> None:
        self.text = text
        self.piece = text[start:end]
        self.tree, data = treesitter.parse(self.piece)
        self.offsets = treesitter.OffsetMap(self.piece, data, start)
        self.lexed = lexed
        self.names = names
        self.result = result

    def run(self, mentions: list[int], census: dict[int, list[Word]]) -> bool:
        root = self.tree.root_node
        for mention in mentions:
            node = treesitter.command_at(root, self.offsets.byte(mention, self.piece))
            if mention in census:
                if node is None or not self._starts(node, mention):
                    self.result.recovered += 1
            elif node is not None and not _in(self.lexed.heredocs, mention):
                self._tree_only(node, mention)
        return bool(root.has_error)

    def _starts(self, node: Node, mention: int) -> bool:
        """Whether tree-sitter's command starts with the tool on its own line (not glued on)."""
        first = node.child_by_field_name("name") or node
        begin = self.offsets.char(first.start_byte)
        return begin <= mention and not _UNESCAPED_NEWLINE.search(self.text, begin, mention)

    def _tree_only(self, node: Node, mention: int) -> None:
        words = treesitter.command_words(node, self.text, self.offsets)
        for run in _split_at_newlines(words, self.text):
            if run and run[0].start <= mention < run[-1].end:
                resolved = resolve(run, self.names)
                if resolved and resolved[0].start <= mention < resolved[0].end:
                    self.result.tree_only += 1
                    self.result.invocations.append(resolved)
                return


def _split_at_newlines(words: list[Word], text: str) -> list[list[Word]]:
    """Cut where an unescaped newline separates two words: bash ends the command there."""
    runs: list[list[Word]] = [[]]
    for word in words:
        run = runs[-1]
        if run and _UNESCAPED_NEWLINE.search(text, run[-1].end, word.start):
            runs.append([word])
        else:
            run.append(word)
    return runs


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
