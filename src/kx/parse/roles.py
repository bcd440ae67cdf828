"""What each word of a command is (program, subcommand, flag, value, ...): the data of ``kx explain``.

The words are resolved and parsed exactly as ``kx check`` does (kx.parse.resolve, kx.parse.argv);
this module only reads the result back word by word. Every word gets one Token, in order. A flag
word holds every flag written in it (``-it`` is two) and, for ``-p8080:80`` and
``--publish=8080:80``, its value; a value given as the next word is a Token of its own (role
value). Container arguments after docker run's IMAGE and kubectl run's NAME are role argument,
whose ``slot`` says which positional they fill (``command``, ``args``). kubectl expose's
``TYPE NAME`` are role resource and role name; ``TYPE/NAME`` is one word, role resource, with
its two halves in ``parts``.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.argv import parse_argv
from kx.parse.resolve import resolve_and_parse

if TYPE_CHECKING:
    from kx.catalog.loader import SpecSet
    from kx.catalog.model import CommandSpec, PositionalSpec, RemovedFlag
    from kx.core.findings import Finding
    from kx.parse.parsed import FlagUse, ParsedCommand
    from kx.parse.resolution import Resolution
    from kx.parse.span import Word

ROLES = ("program", "subcommand", "flag", "value", "image", "resource", "name", "argument", "separator")
# Positional slots whose words have a role of their own, by the slot's format, else by its name.
SLOT_ROLES = {"docker-image": "image", "object-name": "name", "image": "image", "name": "name"}
RESOURCE_FORMAT = "resource-arg"
HELP_WORDS = ("-h", "--help")


class Token:
    """One word of a command and what it is.

    ``uses``: a flag word's flags in the order written (one, or a cluster's), or the one flag a
    value word belongs to; ``removed``: the spec's record of an unknown flag that older clients
    had. ``slot``: the positional a word fills. ``parts``: (role, text, start, end) of the halves
    of a ``TYPE/NAME`` word. ``known`` is false for an unknown flag or subcommand (``problem``
    then says why, with a did-you-mean when kx has one); ``is_global`` marks the tool's global
    flags and their values; ``spec`` is the command a subcommand word selects (its last word).
    """

    __slots__ = ("is_global", "known", "parts", "problem", "removed", "role", "slot", "spec", "uses",
                 "word")  # fmt: skip

    def __init__(self, word: Word, role: str, known: bool = True) -> None:
        self.word = word
        self.role = role
        self.known = known
        self.uses: tuple[FlagUse, ...] = ()
        self.removed: RemovedFlag | None = None
        self.slot: PositionalSpec | None = None
        self.parts: tuple[tuple[str, str, int, int], ...] = ()
        self.problem: Finding | None = None
        self.is_global = False
        self.spec: CommandSpec | None = None

    @property
    def flag_name(self) -> str | None:
        """``--publish`` for ``-p``, ``-p8080:80`` and the value ``8080:80``; None for other roles."""
        if not self.uses:
            return "--help" if self.role == "flag" and self.word.value in HELP_WORDS else None
        use = self.uses[0]
        return f"--{use.flag.name}" if use.flag is not None else use.display

    def __repr__(self) -> str:
        return f"Token({self.word.value!r} {self.role} {self.flag_name or ''})"


class Explained:
    """The tokens of one command, and what it runs (the tool and its spec, when kx has one)."""

    __slots__ = ("resolution", "tokens")

    def __init__(self, tokens: list[Token], resolution: Resolution) -> None:
        self.tokens = tokens
        self.resolution = resolution


def explain_words(words: list[Word], specs: SpecSet) -> Explained | None:
    """Every word of one command with its role; None when the words run no tool kx knows."""
    resolved = resolve_and_parse(words, specs)
    if resolved is None:
        return None
    found, parsed = resolved
    tokens: dict[int, Token] = {}
    for word in found.prefix:
        tokens[id(word)] = Token(word, "argument")
    tokens[id(found.tool_word)] = Token(found.tool_word, "program")
    if found.globals is not None:
        _flags(found.globals, tokens, found.root, known_only=False)
    _subcommands(found, tokens)
    if parsed is None and found.root.flag_scope != "local" and found.argv:
        # a kubectl subcommand kx has no spec for: only the global flags can be told apart
        _flags(parse_argv(found.root, found.argv), tokens, found.root, known_only=True)
    problems = list(found.problems)
    if parsed is not None:
        _flags(parsed, tokens, found.root, known_only=False)
        _positionals(parsed, tokens)
        problems += parsed.problems
    result = [tokens.get(id(word)) or _leftover(word) for word in words]
    _attach(result, problems)
    return Explained(result, found)


def _subcommands(found: Resolution, tokens: dict[int, Token]) -> None:
    path = found.path_words
    for index, word in enumerate(path):
        known = found.spec is not None or (index == 0 and word.value in found.root.subcommands)
        token = Token(word, "subcommand", known)
        if index == len(path) - 1:
            token.spec = found.spec
        tokens[id(word)] = token


def _flags(parsed: ParsedCommand, tokens: dict[int, Token], root: CommandSpec, known_only: bool) -> None:
    """Tokens for the flag words and separate value words of one parse."""
    for use in parsed.uses:
        if known_only and use.flag is None:
            continue
        key = id(use.word)
        token = tokens.get(key)
        if token is None or token.role != "flag":
            token = tokens[key] = Token(use.word, "flag", use.flag is not None)
            token.is_global = use.flag is not None and use.flag.origin == root.key
        else:  # the next flag of a cluster (-it)
            token.known = token.known and use.flag is not None
        token.uses = (*token.uses, use)
        if use.flag is None:
            token.removed = _removed(parsed.spec, root, use)
        value = use.value_word
        if value is not None and value is not use.word:
            value_token = tokens[id(value)] = Token(value, "value", use.flag is not None)
            value_token.uses = (use,)
            value_token.is_global = token.is_global


def _removed(spec: CommandSpec, root: CommandSpec, use: FlagUse) -> RemovedFlag | None:
    """The spec's record of a flag older clients had, written as ``use`` writes it."""
    for removed in (*spec.removed_flags, *(root.removed_flags if root is not spec else ())):
        if (removed.short == use.name) if use.short else (removed.name == use.name.replace("_", "-")):
            return removed
    return None


def _positionals(parsed: ParsedCommand, tokens: dict[int, Token]) -> None:
    """Tokens for the positional words: each takes the role of the slot it fills."""
    slots = parsed.spec.positionals
    typed = False  # a resource slot's TYPE was seen: the next plain words are NAMEs
    for index, word in enumerate(parsed.positionals):
        slot = slots[index] if index < len(slots) else (slots[-1] if slots and slots[-1].repeat else None)
        role = "argument"
        if slot is not None and slot.format == RESOURCE_FORMAT:
            role = "resource" if "/" in word.value or not typed else "name"
            typed = True
        elif slot is not None:
            role = SLOT_ROLES.get(slot.format or "", SLOT_ROLES.get(slot.name, "argument"))
        token = tokens[id(word)] = Token(word, role)
        token.slot = slot
        if role == "resource" and "/" in word.value:
            token.parts = _split(word)


def _split(word: Word) -> tuple[tuple[str, str, int, int], ...]:
    """``deployment/web`` as its TYPE (role resource) and NAME (role name) with their spans."""
    text = word.value
    cut = text.index("/")
    kind = word.sub_span(0, cut) if cut else (word.start, word.start)
    name = word.sub_span(cut + 1) if cut + 1 < len(text) else (word.end, word.end)
    return ("resource", text[:cut], *kind), ("name", text[cut + 1 :], *name)


def _leftover(word: Word) -> Token:
    """A word no parse claimed: ``--``, help, a malformed flag, or a word kx cannot place.

    The words of a subcommand kx has no spec for are arguments, options included: kx does not
    know which of them take values.
    """
    text = word.value
    if text == "--":
        return Token(word, "separator")
    if text in HELP_WORDS:
        return Token(word, "flag")
    if text.startswith("---") and not word.dynamic:
        return Token(word, "flag", known=False)  # malformed: the parser reported it (KX103)
    return Token(word, "argument")


def _attach(tokens: list[Token], problems: list[Finding]) -> None:
    """Give each unknown word the problem found at it (why it is unknown, with a did-you-mean)."""
    for token in tokens:
        if token.known:
            continue
        start, end = token.word.start, max(token.word.end, token.word.start + 1)
        for problem in problems:
            if start <= problem[2] < end:
                token.problem = problem
                break
