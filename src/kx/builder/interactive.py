"""``--interactive``: walk a user through one command spec, checking every answer at once.

Order: the required arguments (for ``kubectl expose``: the resource type from a list, then the
name), the required flags, the spec's common flags (those that shape the object first, then
``--dry-run`` and ``--output``, which only change what is done with it), then "anything else?"
with a search over the remaining flags. Each value is checked as soon as it is given and asked
again with the reason when wrong; cross-flag rules are checked once every flag they name has been
decided. The finished command is checked in full before it is printed.
"""

from __future__ import annotations

import shlex

from kx.builder import command
from kx.builder.prompts import Check, Prompter
from kx.builder.quote import join_argv
from kx.builder.session_checks import blocked_by, rule_problems, value_problems
from kx.builder.streams import Streams, report
from kx.catalog.model import LIST_REPEATS, CommandSpec, FlagSpec, PositionalSpec
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.builder.session_checks import Checker

_RESOURCE_FORMAT = "resource-arg"
_SKIP_OFFERS = frozenset({"help"})
# Formats of flags about what is done with the object (print it, only try it): asked last.
_ASKED_LAST = frozenset({"dry-run", "output-format"})


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

    # -- the phases -------------------------------------------------------------------------
    def run(self) -> list[str]:
        """Ask everything and return the finished argv."""
        self.ask.note(f"Building `{self.spec.display_name}`. Enter accepts the default or skips.")
        if not self.positionals:
            self.ask_positionals()
        for flag in self.spec.flags:
            if flag.required and flag.name not in self.flags:
                self.ask_flag(flag, required=True)
        common = [flag for flag in self.spec.own_flags if flag.common]
        for flag in sorted(common, key=lambda flag: flag.format in _ASKED_LAST):  # a stable sort
            if flag.name not in self.decided and not self._hidden(flag):
                self.ask_flag(flag)
        self.anything_else()
        return self.finish()

    def ask_positionals(self) -> None:
        """Required arguments first; optional trailing ones as one line of words."""
        optional: list[PositionalSpec] = []
        for slot in self.spec.positionals:
            if slot.format == _RESOURCE_FORMAT:
                self.ask_resource(slot)
            elif slot.required:
                self.positionals.append(self.ask_value_for(slot))
            else:
                optional.append(slot)
        if optional:
            self.positionals.extend(self.ask_words(" ".join(s.name.upper() for s in optional)))

    def ask_words(self, names: str) -> list[str]:
        """Optional trailing arguments as one line of shell words, asked again while a quote is open."""
        while True:
            answer = self.ask.line(f"{names} (shell words, Enter for none):")
            try:
                return shlex.split(answer)
            except ValueError as error:  # an unterminated quote or a trailing backslash
                self.ask.error(f"not complete shell words ({str(error).lower()}); quote as in a shell")

    def ask_resource(self, slot: PositionalSpec) -> None:
        """``kubectl expose``: the resource type from a list, then the object's name."""
        from kx.check.formats.kube_resources import resources

        kinds = [r.singular for r in resources() if r.exposable]
        self.ask.say(f"{slot.summary}")
        kind = self.ask.choose("Resource type:", kinds, optional=False)
        assert kind is not None
        name = self.ask.checked(f"Name of the {kind}:", lambda v: self._resource_check(slot, kind, v))
        while not name:
            self.ask.error("a name is required")
            name = self.ask.checked(f"Name of the {kind}:", lambda v: self._resource_check(slot, kind, v))
        self.positionals += [kind, name]
        self.decided.add("positional:" + slot.name)

    def _resource_check(self, slot: PositionalSpec, kind: str, name: str) -> list[tuple[bool, str]]:
        return value_problems(self.spec, None, f"{kind}/{name}", slot)

    def ask_value_for(self, slot: PositionalSpec) -> str:
        """A required positional, checked."""
        while True:
            label = f"{slot.name.upper()} ({slot.summary})" if slot.summary else slot.name.upper()
            value = self.ask.checked(label + ":", lambda v: value_problems(self.spec, None, v, slot))
            if value:
                self.decided.add("positional:" + slot.name)
                return value
            self.ask.error(f"{slot.name.upper()} is required")

    def _hidden(self, flag: FlagSpec) -> bool:
        """Whether an alternative to this flag was already chosen (then it is not offered)."""
        return blocked_by(self.spec, flag, self.flags, self.positionals) is not None

    def ask_flag(self, flag: FlagSpec, required: bool = False) -> None:
        """Ask one flag's value(s), check it at once and re-ask with the reason when wrong."""
        self.decided.add(flag.name)
        while True:
            values = self._values_for(flag, required)
            if values:
                self.flags[flag.name] = values
            else:
                self.flags.pop(flag.name, None)
            rules = rule_problems(self.spec, self.argv(), self.decided, self.check)
            for message in rules:
                self.ask.error(message)
            if not rules:
                return
            self.ask.note("Answer again (Enter leaves it unset).")
            required = False

    def _values_for(self, flag: FlagSpec, required: bool) -> list[str]:
        label = f"--{flag.name}: {flag.summary}".rstrip()

        def check(value: str) -> list[tuple[bool, str]]:
            return value_problems(self.spec, flag, value)

        if flag.is_bool:
            default = flag.default == "true"
            answer = self.ask.yes_no(label, default)
            return [] if answer == default else ["true" if answer else "false"]
        if flag.choices:
            picked = self.ask.choose(label, flag.choices, flag.default or None, optional=not required)
            return [] if picked is None or picked == (flag.default or None) else [picked]
        if flag.repeat in LIST_REPEATS:
            return self._repeated(label, check)
        while True:
            value = self.ask.checked(label, check, flag.default or None)
            if value or not required:
                return [] if value == (flag.default or "") else [value]
            self.ask.error(f"--{flag.name} is required")

    def _repeated(self, label: str, check: Check) -> list[str]:
        values: list[str] = []
        while True:
            suffix = " (one per line, Enter when done)" if not values else " (another, or Enter)"
            value = self.ask.checked(label + suffix, check)
            if not value:
                return values
            values.append(value)

    def anything_else(self) -> None:
        """Offer the remaining flags through a search until the user is done."""
        while True:
            query = self.ask.line("Anything else? Type part of a flag name to search, Enter to finish:")
            if not query:
                return
            self.search(query)

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
        picked = self.ask.choose("Which one? (number, Enter for none)", labels)
        if picked is not None:
            self.ask_flag(shown[labels.index(picked)])

    def finish(self) -> list[str]:
        """Check the whole command; offer to fix flags until it passes or the user gives up."""
        while True:
            argv = self.argv()
            text, diagnostics = self.check(argv)
            self.ask.say("")
            self.ask.say("Command: " + join_argv(argv))
            if not any(d.is_error for d in diagnostics):
                if diagnostics:
                    report(text, diagnostics, self.ask.stderr)
                return argv
            report(text, diagnostics, self.ask.stderr)
            name = self.ask.line("Change which flag? (name, Enter to give up):")
            if not name:
                raise GiveUp
            self.search(name)


class GiveUp(Exception):
    """The user stopped before the command was valid."""


def ask_command(spec: CommandSpec, given: list[str], io: Streams, check: Checker) -> list[str] | int:
    """Run a session: the finished argv, or the exit code when nothing was built."""
    prompter = Prompter(io.stdin, io.stderr)
    try:
        return Session(spec, given, prompter, check).run()
    except KeyboardInterrupt:
        io.stderr.write("\nkx: interrupted; nothing built\n")
        return 130
    except EOFError:
        io.stderr.write("\nkx: no more answers (end of input); nothing built\n")
        return 1
    except GiveUp:
        io.stderr.write("kx: the command is not valid; nothing built\n")
        return 1
