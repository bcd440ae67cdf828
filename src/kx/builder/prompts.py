"""How a session asks: the Prompter protocol, and plain line prompts (questions on stderr, answers on stdin).

The plain prompts serve a here-doc and any stdin that is not a terminal: every question is answered
by one line, choices by their number or their text. A terminal gets an adapter with line editing,
history, completion and arrow keys (kx.cli.terminal_prompt) that only replaces ``read``. Two
answers mean the same everywhere: ``<`` goes back to the previous question and ``?`` shows the
question's help. Colour only when stderr is a terminal and NO_COLOR is unset.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

# A checker returns the problems of an answer: (is_error, message) pairs.
Check = Callable[[str], list[tuple[bool, str]]]
# Maps a typed answer to one of the choices (for spellings the list does not show), or None.
Resolve = Callable[[str], str | None]
BACK, HELP = "<", "?"
_BOLD, _DIM, _RED, _YELLOW, _GREEN, _RESET = (
    "\033[1m", "\033[2m", "\033[31m", "\033[33m", "\033[32m", "\033[0m",
)  # fmt: skip


class GoBack(Exception):
    """The user asked to return to the previous question."""


@dataclass(frozen=True)
class Hints:
    """What a question offers besides its text: help, completions, a history of its own."""

    help: str = ""
    kind: str = ""  # questions of one kind share a history (the adapter's)
    values: tuple[str, ...] = ()  # words to complete
    paths: bool = False  # complete file names
    choices: tuple[str, ...] = ()  # a list to pick from: shown as a menu at once, arrows walk it


class Prompter(Protocol):
    """What a session needs to ask; every answer may raise GoBack, EOFError or KeyboardInterrupt."""

    stderr: TextIO

    def say(self, text: str = "") -> None:
        """Write a line."""

    def error(self, text: str) -> None:
        """Report a wrong answer."""

    def warn(self, text: str) -> None:
        """Report a doubtful but accepted answer."""

    def note(self, text: str) -> None:
        """A dim explanatory line."""

    def line(self, question: str, hints: Hints = ...) -> str:
        """One free answer ('' for Enter)."""

    def checked(self, question: str, check: Check, default: str | None = None, hints: Hints = ...) -> str:
        """An answer without errors ('' or the default for Enter)."""

    def yes_no(self, question: str, default: bool = False, hints: Hints = ...) -> bool:
        """A yes/no answer."""

    def choose(
        self, question: str, choices: Sequence[str], default: str | None = None, optional: bool = True,
        check: Check | None = None, resolve: Resolve | None = None, hints: Hints = ...,
    ) -> str | None:  # fmt: skip
        """One of ``choices`` (None for Enter when optional and without a default)."""


class LinePrompter:
    """Plain prompts: one line per answer; raises EOFError when the answers run out."""

    def __init__(self, stdin: TextIO, stderr: TextIO) -> None:
        self.stdin = stdin
        self.stderr = stderr
        self.color = stderr.isatty() and "NO_COLOR" not in os.environ

    def paint(self, text: str, style: str) -> str:
        """``text`` in a style when colour is on."""
        return f"{style}{text}{_RESET}" if self.color else text

    def say(self, text: str = "") -> None:
        """Write a line of text to stderr."""
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def error(self, text: str) -> None:
        """Report a wrong answer."""
        self.say(self.paint(f"  ✗ {text}", _RED))

    def warn(self, text: str) -> None:
        """Report a doubtful but accepted answer."""
        self.say(self.paint(f"  ! {text}", _YELLOW))

    def note(self, text: str) -> None:
        """A dim explanatory line."""
        self.say(self.paint(text, _DIM))

    def read(self, question: str, hints: Hints) -> str:
        """The raw answer to one question (the terminal adapter replaces this)."""
        self.stderr.write(self.paint("? ", _GREEN) + self.paint(question, _BOLD) + " ")
        self.stderr.flush()
        answer = self.stdin.readline()
        if not answer:
            raise EOFError
        if not self.stdin.isatty():
            self.stderr.write(answer if answer.endswith("\n") else answer + "\n")
        return answer

    def line(self, question: str, hints: Hints = Hints()) -> str:
        """Ask until the answer is not ``?``; the stripped answer ('' for Enter)."""
        while True:
            answer = self.read(question, hints).strip()
            if answer == BACK:
                raise GoBack
            if answer != HELP:
                return answer
            self.note(hints.help or "No help for this question. Enter skips it, < goes back.")

    def checked(self, question: str, check: Check, default: str | None = None, hints: Hints = Hints()) -> str:
        """Ask until the answer has no error; '' means "no value" (or the default when shown)."""
        shown = f"{question} [{default}]" if default else question
        while True:
            answer = self.line(shown, hints)
            if not answer:
                return default or ""
            problems = check(answer)
            for is_error, message in problems:
                (self.error if is_error else self.warn)(message)
            if not any(is_error for is_error, _ in problems):
                return answer

    def yes_no(self, question: str, default: bool = False, hints: Hints = Hints()) -> bool:
        """A yes/no question."""
        hint = "Y/n" if default else "y/N"
        while True:
            answer = self.line(f"{question} ({hint})", hints).lower()
            if not answer:
                return default
            if answer in ("y", "yes", "true"):
                return True
            if answer in ("n", "no", "false"):
                return False
            self.error("answer y or n")

    def choose(
        self, question: str, choices: Sequence[str], default: str | None = None, optional: bool = True,
        check: Check | None = None, resolve: Resolve | None = None, hints: Hints = Hints(),
    ) -> str | None:  # fmt: skip
        """Pick one choice by number or text; Enter gives the default (None when optional)."""
        if "" in choices:  # an empty choice means "not set", which is what Enter does
            choices, optional = [c for c in choices if c], True
        for number, choice in enumerate(choices, start=1):
            mark = " (default)" if choice == default else ""
            self.say(f"  {number}) {choice}{mark}")
        menu = Hints(hints.help, hints.kind, hints.values, hints.paths, tuple(choices))
        while True:
            answer = self.line(question + (f" [{default}]" if default else ""), menu)
            if not answer:
                if default is not None or optional:
                    return default
                self.error("this one is required: pick a number or type a choice")
                continue
            picked = pick(answer, choices) or (resolve(answer) if resolve else None)
            if picked is not None:
                return picked
            problems = [m for is_error, m in (check(answer) if check else []) if is_error]
            for message in problems or [not_listed(answer, choices)]:
                self.error(message)


def pick(answer: str, choices: Sequence[str]) -> str | None:
    """The choice an answer names: its number, its text, or its text in another case."""
    if answer.isascii() and answer.isdigit() and len(answer) < 10 and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1]
    if answer in choices:
        return answer
    folded = [c for c in choices if c.lower() == answer.lower()]
    return folded[0] if len(folded) == 1 else None


def not_listed(answer: str, choices: Sequence[str]) -> str:
    """Why an answer picks nothing, with the closest choice when one is close."""
    close = difflib.get_close_matches(answer.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    fix = next((f" (did you mean {c}?)" for c in choices if close and c.lower() == close[0]), "")
    return (f"{answer!r} is not in the list: answer with a number from 1 to {len(choices)} "
            f"or one of the names{fix}")  # fmt: skip
