"""``--interactive``: walk a user through one command spec, checking every answer at once.

Order: the required arguments (``kubectl expose``: the resource type, then the name), the required
flags (``kubectl run``'s ``--image``), the optional trailing arguments (ARGS), the common flags
(``--dry-run`` and ``--output`` last), then "anything else?", a search over the other flags. A
value is checked when given; a cross-flag rule once every flag it names is decided; ``<`` goes back
one question (kx.builder.walk). The finished command is checked in full.
"""

from __future__ import annotations

import shlex
from functools import partial

from kx.builder import command, questions
from kx.builder.prompts import Check, GoBack, Hints, Prompter
from kx.builder.quote import join_argv
from kx.builder.session_checks import blocked_by, rule_problems, value_problems
from kx.builder.streams import Streams, report
from kx.builder.walk import GiveUp, Step, Unfinished, walk
from kx.catalog.model import LIST_REPEATS, CommandSpec, FlagSpec, PositionalSpec
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.builder.session_checks import Checker

_RESOURCE_FORMAT = "resource-arg"
_SKIP_OFFERS = frozenset({"help"})
# Formats of flags about what is done with the object (print it, only try it): asked last.
_ASKED_LAST = frozenset({"dry-run", "output-format"})
Snapshot = tuple[list[str], dict[str, list[str]], set[str], str | None]


class Session:
    """The answers so far, and the questions that produce them."""

    def __init__(self, spec: CommandSpec, given: list[str], prompter: Prompter, check: Checker) -> None:
        self.spec = spec
        self.ask = prompter
        self.check = check
        parsed = command.parse(spec, given)
        self.positionals = [w.value for w in parsed.positionals]
        self.flags: dict[str, list[str]] = {k: list(v) if isinstance(v, list) else [v]
                                            for k, v in command.flag_values(parsed).items()}  # fmt: skip
        self.decided: set[str] = set(self.flags)
        self.kind: str | None = None  # kubectl expose: the resource type, between its two questions
        self.result: list[str] | Unfinished = []

    def argv(self) -> list[str]:
        """The command as answered so far (canonical form)."""
        flags = [command.flag_word(self.spec.by_name[name], value)
                 for name, values in self.flags.items() for value in values]  # fmt: skip
        if not self.spec.interspersed:  # docker run: the flags must come before IMAGE
            words = [*flags, *self.positionals]
        elif self._split_args() and len(self.positionals) > 1:
            words = [self.positionals[0], *flags, "--", *self.positionals[1:]]
        else:
            words = [*self.positionals, *flags]
        parsed = command.parse(self.spec, words)
        return command.canonical_argv(parsed)

    def _split_args(self) -> bool:
        slots = self.spec.positionals
        return len(slots) > 1 and slots[-1].repeat

    def snapshot(self) -> Snapshot:
        """The answers as they are now."""
        flags = {k: list(v) for k, v in self.flags.items()}
        return list(self.positionals), flags, set(self.decided), self.kind

    def restore(self, snap: Snapshot) -> None:
        """Put the answers back as they were."""
        positionals, flags, decided, self.kind = snap
        self.positionals, self.flags, self.decided = list(positionals), dict(flags), set(decided)

    # -- the plan and the walk through it --------------------------------------------------
    def plan(self) -> list[Callable[[], Step]]:
        """Every question in order; a step skips itself when its answer is already known."""
        steps: list[Callable[[], Step]] = []
        optional: list[PositionalSpec] = []
        if not self.positionals:
            for slot in self.spec.positionals:
                if slot.format == _RESOURCE_FORMAT:
                    steps += [partial(self.ask_type, slot), partial(self.ask_name, slot)]
                elif slot.required:
                    steps.append(partial(self.ask_value_for, slot))
                else:
                    optional.append(slot)
        steps += [partial(self.ask_flag_step, f, True) for f in self.spec.flags if f.required]
        if optional:  # after the required flags: kubectl run asks --image before ARGS
            steps.append(partial(self.ask_words, " ".join(s.name.upper() for s in optional)))
        common = [flag for flag in self.spec.own_flags if flag.common]
        steps += [partial(self.ask_flag_step, flag)
                  for flag in sorted(common, key=lambda flag: flag.format in _ASKED_LAST)]  # fmt: skip
        return [*steps, self.anything_else, self.finish]

    def run(self) -> list[str] | Unfinished:
        """Ask everything and return the finished argv (or the kept, unfinished one)."""
        self.ask.note(f"Building `{self.spec.display_name}`. {questions.FIRST_HINT}")
        walk(self.plan(), self, lambda: self.ask.note("This is the first question."))
        return self.result

    # -- the questions ------------------------------------------------------------------------
    def ask_words(self, names: str) -> Step:
        """Optional trailing arguments as one line of shell words, asked again while a quote is open."""
        hints = Hints(help=f"{names}: shell words, quoted as in a shell.", kind="words")
        while True:
            answer = self.ask.line(f"{names} (shell words, Enter for none):", hints)
            try:
                self.positionals.extend(shlex.split(answer))
                return Step.ASKED
            except ValueError as error:  # an unterminated quote or a trailing backslash
                self.ask.error(f"not complete shell words ({str(error).lower()}); quote as in a shell")

    def ask_type(self, slot: PositionalSpec) -> Step:
        """``kubectl expose``: the resource type from a list (kubectl's other spellings accepted)."""
        self.ask.say(slot.summary)
        self.kind = self.ask.choose("Resource type:", questions.type_choices(), optional=False,
                                    check=questions.type_problems, resolve=questions.resolve_type,
                                    hints=questions.type_hints())  # fmt: skip
        return Step.ASKED

    def ask_name(self, slot: PositionalSpec) -> Step:
        """``kubectl expose``: the name of the object of the type just chosen."""
        kind = self.kind or ""

        def check(value: str) -> list[tuple[bool, str]]:
            return value_problems(self.spec, None, f"{kind}/{value}", slot)

        hints = Hints(help=f"The name of the {kind} to expose, as `kubectl get {kind}` lists it.",
                      kind="name")  # fmt: skip
        name = self.ask.checked(f"Name of the {kind}:", check, hints=hints)
        while not name:
            self.ask.error("a name is required")
            name = self.ask.checked(f"Name of the {kind}:", check, hints=hints)
        self.positionals += [kind, name]
        self.decided.add("positional:" + slot.name)
        return Step.ASKED

    def ask_value_for(self, slot: PositionalSpec) -> Step:
        """A required positional, checked."""
        label = f"{slot.name.upper()} ({slot.summary})" if slot.summary else slot.name.upper()
        while True:
            value = self.ask.checked(label + ":", lambda v: value_problems(self.spec, None, v, slot),
                                     hints=questions.slot_hints(slot))  # fmt: skip
            if value:
                self.positionals.append(value)
                self.decided.add("positional:" + slot.name)
                return Step.ASKED
            self.ask.error(f"{slot.name.upper()} is required")

    def ask_flag_step(self, flag: FlagSpec, required: bool = False) -> Step:
        """A planned flag: asked unless given, decided or made pointless by an earlier answer."""
        if flag.name in self.flags if required else flag.name in self.decided or self._hidden(flag):
            return Step.SKIPPED
        self.ask_flag(flag, required)
        return Step.ASKED

    def _hidden(self, flag: FlagSpec) -> bool:
        """Whether an alternative to this flag was already chosen (then it is not offered)."""
        return blocked_by(self.spec, flag, self.flags, self.positionals) is not None

    def ask_flag(self, flag: FlagSpec, required: bool = False) -> None:
        """Ask one flag's value(s), check it at once and re-ask with the reason when wrong."""
        self.decided.add(flag.name)
        while True:
            values = self._values_for(flag, required)
            self.flags.pop(flag.name, None)
            before = self.argv()  # without this answer: what it brings in is reported now
            if values:
                self.flags[flag.name] = values
            rules = rule_problems(self.spec, self.argv(), self.decided, self.check, before)
            for _, message in rules:
                self.ask.error(message)
            if not any(again for again, _ in rules):
                if rules:
                    self.ask.note("Kept for now: a later answer may fix it; < changes this one.")
                return
            self.ask.note("Answer again (Enter leaves it unset).")
            required = False

    def _values_for(self, flag: FlagSpec, required: bool) -> list[str]:
        label = f"--{flag.name}: {flag.summary}".rstrip()
        hints = questions.flag_hints(flag)

        def check(value: str) -> list[tuple[bool, str]]:
            return value_problems(self.spec, flag, value)

        if flag.is_bool:
            default = flag.default == "true"
            answer = self.ask.yes_no(label, default, hints)
            return [] if answer == default else ["true" if answer else "false"]
        if flag.choices:
            picked = self.ask.choose(label, flag.choices, flag.default or None, optional=not required,
                                     check=check, hints=hints)  # fmt: skip
            return [] if picked is None or picked == (flag.default or None) else [picked]
        if flag.repeat in LIST_REPEATS:
            return self._repeated(label, check, hints)
        while True:
            value = self.ask.checked(label, check, flag.default or None, hints)
            if value or not required:
                return [] if value == (flag.default or "") else [value]
            self.ask.error(f"--{flag.name} is required")

    def _repeated(self, label: str, check: Check, hints: Hints) -> list[str]:
        """Values one per line; ``<`` takes back the last one (or goes back when there is none)."""
        values: list[str] = []
        while True:
            suffix = " (one per line, Enter when done)" if not values else " (another, or Enter)"
            try:
                value = self.ask.checked(label + suffix, check, hints=hints)
            except GoBack:
                if not values:
                    raise
                self.ask.note(f"Took back {values.pop()!r}.")
                continue
            if not value:
                return values
            values.append(value)

    def anything_else(self) -> Step:
        """Offer the remaining flags through a search, one search per step, until Enter."""
        prompt = "Anything else? Type part of a flag name to search, Enter to finish:"
        query = self.ask.line(prompt, questions.search_hints(self.spec))
        if not query:
            return Step.ASKED
        return self._search_step(query)

    def _search_step(self, query: str) -> Step:
        """One search; ``<`` inside it returns to the question that started it."""
        before = self.snapshot()
        try:
            self.search(query)
        except GoBack:
            self.restore(before)
            return Step.RETRY
        return Step.AGAIN

    def search(self, query: str) -> None:
        """Find flags by name or summary and ask the one picked."""
        pool = [f for f in self.spec.visible_flags() if f.name not in _SKIP_OFFERS]
        exact = [f for f in pool if f.name == query.lstrip("-")]
        found = exact or [f for f in pool if query.lower().lstrip("-") in f.name
                          or query.lower() in f.summary.lower()]  # fmt: skip
        if not found:
            self.ask.error(f"no flag matches {query!r}")
            return
        if len(found) == 1:
            self.ask_flag(found[0])
            return
        shown = found[:20]
        labels = [f"--{f.name}  {f.summary}" for f in shown]
        picked = self.ask.choose("Which one? (number, Enter for none)", labels,
                                 hints=Hints(help="Pick the flag to set.", kind="pick"))  # fmt: skip
        if picked is not None:
            self.ask_flag(shown[labels.index(picked)])

    def finish(self) -> Step:
        """Check the whole command; offer to fix flags until it passes or the user keeps it as it is."""
        argv = self.argv()
        text, diagnostics = self.check(argv)
        self.ask.say("")
        self.ask.say("Command: " + join_argv(argv))
        if diagnostics:
            report(text, diagnostics, self.ask.stderr)
        if not any(d.is_error for d in diagnostics):
            self.result = argv
            return Step.ASKED
        name = self.ask.line("Change which flag? (name; Enter keeps the command as it is, q quits):",
                             questions.search_hints(self.spec))  # fmt: skip
        if name.lower() in ("q", "quit"):
            raise GiveUp
        if not name:
            self.result = Unfinished(argv)
            return Step.ASKED
        return self._search_step(name)


def ask_command(
    spec: CommandSpec, given: list[str], io: Streams, check: Checker, prompter: Prompter | None = None
) -> list[str] | Unfinished | int:
    """Run a session: the finished argv, the kept unfinished one, or the exit code when nothing was built."""
    from kx.builder.prompts import LinePrompter

    try:
        return Session(spec, given, prompter or LinePrompter(io.stdin, io.stderr), check).run()
    except KeyboardInterrupt:
        io.stderr.write("\nkx: interrupted; nothing built\n")
        return 130
    except EOFError:
        io.stderr.write("\nkx: no more answers (end of input); nothing built\n")
        return 1
    except GiveUp:
        io.stderr.write("kx: the command is not valid; nothing built\n")
        return 1
