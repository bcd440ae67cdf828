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
* when tree-sitter or the lexer report errors (or the lexer meets a reserved word such as ``fi``
  where nothing is open: tree-sitter takes it for a command), or the two disagree, ``bash -n``
  decides whether the script is really broken (then one KX703 warning says where).

Speed (kx lint's hot path): tree-sitter costs more than everything else in a long script.
From ``SHELL_FIRST_CHARS`` on, when some piece names the tools only in census commands,
``bash -n`` is started before the pieces are parsed, and a piece is parsed only when one of its
mentions is not a census command (tree-sitter might find a command there). The trees of the
other pieces can only decide whether the shell is asked; the shell's answer matters only when it
rejects the script, and then (``judge``) those pieces are parsed after all. So the findings are
exactly those of parsing every piece.
"""

from __future__ import annotations

import bisect
import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract import treesitter
from kx.extract.commands import ToolNames, find_tool_names, resolve
from kx.extract.lexer import Lexed, lex
from kx.extract.split import segment_invocations
from kx.extract.syntax import Gate, syntax_check

if TYPE_CHECKING:
    from collections.abc import Callable

    from tree_sitter import Node

    from kx.parse.span import Word

PIECE_CHARS = 32 * 1024
SHELL_FIRST_CHARS = 16 * 1024  # below this, parsing costs less than starting the shell
_UNESCAPED_NEWLINE = re.compile(r"(?<!\\)\n")


class ShellResult:
    """Invocations found in a script, problems (offset, message), and census figures."""

    __slots__ = ("census", "invocations", "problems", "recovered", "tree_only", "unparsed")

    def __init__(self) -> None:
        self.invocations: list[list[Word]] = []
        self.problems: list[tuple[int, str]] = []
        self.census = 0  # docker/kubectl commands the lexer counted
        self.recovered = 0  # of those, how many tree-sitter had lost
        self.tree_only = 0  # commands tree-sitter found that the census did not
        self.unparsed: list[tuple[int, int]] = []  # pieces a lazy ``collect`` did not parse


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
    end = len(text) if end is None else end
    plan = plan_script(text, start, end, names)
    if plan is None:
        return result
    lazy = end - start >= SHELL_FIRST_CHARS and any(_skippable(plan, *piece) for piece in plan.pieces)
    gate = Gate(text[start:end], start, dialect) if lazy else None  # it runs while the pieces are read
    trouble = collect(plan, start, end, result, lazy=lazy)
    lexed = plan.lexed
    doubtful = trouble or bool(lexed.problems or lexed.strays) or result.recovered > 0 or result.tree_only > 0
    if gate is not None:
        unparsed = result.unparsed
        verdict = judge(gate, plan.lexed.problems, doubtful, lambda at: _troubled(plan, unparsed, at))
        result.problems.extend(verdict)
    elif doubtful:
        result.problems.extend(syntax_check(text[start:end], start, dialect, plan.lexed.problems))
    return result


class ScriptPlan:
    """What is known about a script before its pieces are parsed.

    The script may be a stretch of a file between top-level boundaries (kx.engine.lint_fork plans the
    two halves of a long script on two processes). ``collect`` then takes its pieces, and
    ``judge`` weighs the shell's verdict on the script as a whole.
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


def collect(plan: ScriptPlan, low: int, high: int, result: ShellResult, *, lazy: bool = False) -> bool:
    """Add the invocations of the pieces in ``[low, high)`` to ``result``, sorted by position.

    ``low`` and ``high`` are piece boundaries. Returns whether tree-sitter met a syntax error.
    ``lazy``: a piece whose mentions are all census commands (or in heredoc bodies) is not parsed
    but listed in ``result.unparsed`` (the shell is asked first; see the module's docstring).
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
            if lazy and _skippable(plan, piece_start, piece_end):
                result.unparsed.append((piece_start, piece_end))
                continue
            piece = _Piece(text, piece_start, piece_end, plan.lexed, plan.names, result)
            trouble |= piece.run(mentions[lo:hi], census)
    for tool, words in census.items():
        if low <= tool < high:
            result.invocations.append(words)
    result.invocations.sort(key=lambda words: words[0].start)
    return trouble


def _skippable(plan: ScriptPlan, low: int, high: int) -> bool:
    """Whether the piece ``[low, high)`` names a tool, and only in census commands or heredoc bodies."""
    mentions = plan.mentions
    lo = bisect.bisect_left(mentions, low)
    hi = bisect.bisect_left(mentions, high)
    heredocs = plan.lexed.heredocs
    return lo < hi and all(m in plan.census or _in(heredocs, m) for m in mentions[lo:hi])


def judge(
    gate: Gate, fallback: list[tuple[int, str]], doubtful: bool, troubled: Callable[[int], bool]
) -> list[tuple[int, str]]:
    """The shell's verdict, kept only where tree-sitter or the lexer met trouble or they disagree.

    ``doubtful`` says so for the pieces parsed; when the shell rejects a script that looked fine,
    ``troubled(offset)`` parses the pieces left unparsed to tell, the one holding the offset the
    shell names first. ``fallback``: the lexer's problems.
    """
    answer = gate.verdict(fallback)
    if answer and not doubtful and not troubled(answer[0][0]):
        return []
    return answer


def _troubled(plan: ScriptPlan, pieces: list[tuple[int, int]], at: int = -1) -> bool:
    """Whether tree-sitter meets a syntax error in ``pieces``, or loses a census command there.

    The piece holding ``at`` is parsed first: where the shell says the script breaks, tree-sitter
    most likely errs too, and then the others need no parse.
    """
    result = ShellResult()
    for low, high in sorted(pieces, key=lambda piece: not piece[0] <= at < piece[1]):
        lo = bisect.bisect_left(plan.mentions, low)
        hi = bisect.bisect_left(plan.mentions, high)
        piece = _Piece(plan.text, low, high, plan.lexed, plan.names, result)
        if piece.run(plan.mentions[lo:hi], plan.census) or result.recovered or result.tree_only:
            return True
    return False


def troubled_stretch(text: str, pieces: list[tuple[int, int]], names: ToolNames, at: int = -1) -> bool:
    """``_troubled`` for pieces of a stretch planned elsewhere (another process): each is planned anew."""
    for low, high in sorted(pieces, key=lambda piece: not piece[0] <= at < piece[1]):
        plan = plan_script(text, low, high, names)  # cut at top-level boundaries: lexes the same alone
        if plan is not None and _troubled(plan, [(low, high)]):
            return True
    return False


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
