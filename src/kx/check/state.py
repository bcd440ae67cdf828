"""The effective flag values of a parsed command, as the client would see them after parsing."""

from __future__ import annotations

from kx.core.gorules.strconv import FALSE_WORDS, TRUE_WORDS
from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec, FlagSpec
    from kx.check.environment import Environment
    from kx.parse.span import Word

_ZERO = LazyRegex(r"[+-]?(?:0+(?:\.0*)?|\.0+)(?:[a-zµμ]*)(?:(?:0+(?:\.0*)?|\.0+)[a-zµμ]+)*")

# Flag types whose empty value is the same as not giving the flag (an empty CSV is no items).
_EMPTY_IS_UNSET = frozenset({"string", "stringSlice"})


class FlagState:
    """Every occurrence of one flag (aliases folded): the values in order and the words they came from."""

    __slots__ = ("dynamic", "flag", "values", "words")
    flag: FlagSpec
    values: list[str]
    words: list[Word]
    dynamic: bool

    def __init__(self, flag: FlagSpec, value: str, word: Word, dynamic: bool) -> None:
        """Start with the first occurrence (every state has at least one)."""
        self.flag = flag
        self.values = [value]
        self.words = [word]
        self.dynamic = dynamic

    @property
    def last(self) -> str | None:
        """The value that wins for a scalar flag."""
        return self.values[-1] if self.values else None

    @property
    def anchor(self) -> Word:
        """The word of the last occurrence (where a rule diagnostic points)."""
        return self.words[-1]


class CommandState:
    """What rules look at: flags, positionals, the command's word, and the run's environment setting."""

    __slots__ = ("anchor", "env", "flags", "positionals", "spec", "tool", "uncertain", "written")
    tool: str
    written: str | None  # the command as written when it is not the spec's name (``docker container run``)
    spec: CommandSpec
    flags: dict[str, FlagState]
    positionals: list[Word]
    anchor: Word
    env: Environment
    uncertain: bool  # a dynamic word may hide flags or arguments (the validator then skips some rules)

    def __init__(self, spec: CommandSpec, anchor: Word, env: Environment) -> None:
        self.tool = spec.tool
        self.spec = spec
        self.written = None
        self.flags = {}
        self.positionals = []
        self.anchor = anchor
        self.env = env
        self.uncertain = False

    @property
    def name(self) -> str:
        """The command as written, for messages."""
        return self.written or self.spec.display_name

    def add(self, flag: FlagSpec, value: str, word: Word, dynamic: bool) -> None:
        """Record one occurrence of ``flag``."""
        name = flag.canonical
        state = self.flags.get(name)
        if state is None:
            self.flags[name] = FlagState(self.spec.by_name.get(name, flag), value, word, dynamic)
            return
        state.values.append(value)
        state.words.append(word)
        if dynamic:
            state.dynamic = True

    def is_set(self, name: str) -> bool | None:
        """Whether the flag is in effect; bools must be true. None when a dynamic value hides it."""
        state = self.flags.get(name)
        if state is None:
            flag = self.spec.by_name.get(name)
            if flag is not None and flag.default_from and flag.default_from != name:
                return self.is_set(flag.default_from)
            return False
        if state.flag.is_bool:
            if state.dynamic:
                return None
            return state.last in TRUE_WORDS
        # The clients test these values for emptiness, not whether the flag was typed.
        return state.dynamic or state.last != "" or state.flag.type not in _EMPTY_IS_UNSET

    def value(self, name: str) -> str | None:
        """The winning value of a flag, or None when not given or dynamic."""
        state = self.flags.get(name)
        if state is None or state.dynamic:
            return None
        return state.last

    def is_nonzero(self, name: str) -> bool | None:
        """Whether the flag's value differs from its type's zero (``0``, ``0s``, ``""``, false)."""
        value = self.value(name)
        if value is None:
            return None if name in self.flags else False
        if value in FALSE_WORDS or value == "":
            return False
        return _ZERO.fullmatch(value) is None

    def has_dynamic_positional(self) -> bool:
        """True when some positional's value (or count, for "$@") is unknown."""
        for word in self.positionals:  # noqa: SIM110 - a loop, not any(): rules ask this for every command
            if word.dynamic:
                return True
        return False
