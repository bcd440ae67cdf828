"""What the words of one command invoke: the record the resolver fills and the parser reads."""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec
    from kx.core.findings import Finding
    from kx.parse.parsed import ParsedCommand
    from kx.parse.span import Word


class Resolution:
    """What the words of one command invoke.

    ``prefix``: words before the tool (``sudo -E``, ``A=1``); ``path_words``: the subcommand
    path (``container run``); ``global_words``: the words between the tool and the first path word;
    ``argv``: what the command's own parser must read (docker: the words after the path; kubectl:
    every word after the tool but the path words, since its global flags go anywhere);
    ``globals``: docker's parse of its global options. ``spec`` is None when there is no
    subcommand, when it is unknown or has no spec (``problems`` says which), or when ``dynamic``
    (the subcommand word is an expansion).
    """

    __slots__ = ("argv", "dynamic", "global_words", "globals", "path_words", "prefix", "problems",
                 "root", "spec", "tool", "tool_word")  # fmt: skip
    tool: str
    tool_word: Word
    root: CommandSpec
    spec: CommandSpec | None
    prefix: list[Word]
    path_words: list[Word]
    global_words: list[Word]
    argv: list[Word]
    globals: ParsedCommand | None
    problems: list[Finding]
    dynamic: bool

    def __init__(self, tool: str, tool_word: Word, root: CommandSpec, prefix: list[Word]) -> None:
        self.tool = tool
        self.tool_word = tool_word
        self.root = root
        self.spec = None
        self.prefix = prefix
        self.path_words = []
        self.global_words = []
        self.argv = []
        self.globals = None
        self.problems = []
        self.dynamic = False

    def __repr__(self) -> str:
        spec = self.spec.display_name if self.spec is not None else None
        return f"Resolution({self.tool}: {spec} argv={self.argv!r} problems={self.problems!r})"
