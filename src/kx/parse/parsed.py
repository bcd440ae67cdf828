"""What parsing a command yields: each flag occurrence (FlagUse) and the whole (ParsedCommand)."""

from __future__ import annotations

from kx.core.findings import Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec, FlagSpec
    from kx.parse.span import Word

# How a flag was written (FlagUse.form).
LONG_EQ = "--f=v"
LONG_SEP = "--f v"
LONG_BARE = "--f"
SHORT_EQ = "-f=v"
SHORT_JOINED = "-fv"
SHORT_SEP = "-f v"
SHORT_BARE = "-f"
DYNAMIC = "dynamic"


class FlagUse:
    """One occurrence of a flag on the command line.

    ``flag`` is None for an unknown flag (then ``problems`` of the ParsedCommand say why) and for a
    dynamic one (``form`` DYNAMIC: its name comes from an expansion). ``name`` is as written, without
    dashes (``dry_run``, ``d``). ``value`` is the value the flag library would receive (the
    no-value default for a bare flag), None when missing; ``value_word`` is the word it came from
    (the flag's own word for ``--f=v`` and clusters, None when bare), the value starting at index
    ``value_begin`` of that word's value; ``value_start``/``value_end`` are its source offsets.
    ``dynamic`` means the value (or, for form DYNAMIC, the flag itself) is unknown.
    """

    __slots__ = (
        "dynamic", "flag", "form", "index", "name", "short", "value", "value_begin", "value_word",
        "word",
    )  # fmt: skip
    flag: FlagSpec | None
    name: str
    short: bool
    word: Word
    index: int
    form: str
    value: str | None
    value_word: Word | None
    value_begin: int
    dynamic: bool

    def __init__(
        self,
        flag: FlagSpec | None,
        name: str,
        word: Word,
        index: int,
        form: str,
        short: bool,
        value: str | None = None,
        value_word: Word | None = None,
        value_begin: int = 0,
    ) -> None:
        self.flag = flag
        self.name = name
        self.short = short
        self.word = word
        self.index = index
        self.form = form
        self.value = value
        self.value_word = value_word
        self.value_begin = value_begin
        self.dynamic = form == DYNAMIC or (value_word is not None and value_word.dynamic)

    def set_value(self, value: str, word: Word | None, begin: int = 0) -> None:
        """Attach a value taken from ``word.value[begin:]`` (or a default when word is None)."""
        self.value = value
        self.value_word = word
        self.value_begin = begin
        if word is not None:
            self.dynamic = word.dynamic

    @property
    def value_start(self) -> int:
        """Source offset where the value starts (the end of the flag word when bare or missing)."""
        word = self.value_word
        return self.word.end if word is None else word.sub_span(self.value_begin)[0]

    @property
    def value_end(self) -> int:
        """Source offset where the value ends."""
        word = self.value_word
        return self.word.end if word is None else word.sub_span(self.value_begin)[1]

    @property
    def canonical(self) -> str | None:
        """The flag name whose value this occurrence sets (``alias_of`` folded), None if unknown."""
        return self.flag.canonical if self.flag is not None else None

    @property
    def display(self) -> str:
        """The flag as written: ``--name`` or ``-n``."""
        return f"-{self.name}" if self.short else f"--{self.name}"

    def __repr__(self) -> str:
        known = "" if self.flag is not None else "?"
        return f"FlagUse({known}{self.display}={self.value!r} {self.form})"


class ParsedCommand:
    """The result of parsing one command's words against its spec.

    ``positionals`` are the non-flag words in order (for a non-interspersed command, everything from
    the first positional on); ``dash`` is the number of positionals before ``--`` (cobra's
    ArgsLenAtDash) or None; ``stop`` is the index in ``words`` where a non-interspersed parse stopped.
    ``uncertain`` is set when a dynamic word could stand for any number of words or flags: counts
    of positionals are then not to be trusted. ``help`` is set when help was asked for. ``name``:
    the command as written, for messages (``docker container run``; the spec's ``docker run``).
    """

    __slots__ = ("dash", "help", "positionals", "problems", "spec", "stop", "uncertain", "uses", "words",
                 "written")  # fmt: skip
    spec: CommandSpec
    words: list[Word]
    uses: list[FlagUse]
    positionals: list[Word]
    dash: int | None
    stop: int | None
    problems: list[Finding]
    uncertain: bool
    help: bool
    written: str | None  # the command as written when it is not the spec's name (an alias)

    def __init__(self, spec: CommandSpec, words: list[Word]) -> None:
        self.spec = spec
        self.words = words
        self.uses = []
        self.positionals = []
        self.dash = None
        self.stop = None
        self.problems = []
        self.uncertain = False
        self.help = False
        self.written = None

    @property
    def name(self) -> str:
        """The command as written, for messages (built only for a message: most checks need none)."""
        return self.written or self.spec.display_name

    def add(self, code: str, message: str, span: tuple[int, int], suggestion: str | None = None) -> None:
        """Record a problem at a source span."""
        self.problems.append(Finding(code, message, span[0], span[1], suggestion))

    def uses_of(self, name: str) -> list[FlagUse]:
        """Every occurrence of the flag with this canonical name, in order."""
        return [use for use in self.uses if use.flag is not None and use.flag.canonical == name]

    def __repr__(self) -> str:
        return f"ParsedCommand({self.spec.display_name}: {self.uses!r} {self.positionals!r})"
