"""Line-based prompts: questions on stderr, one answer per line from stdin.

The same prompts serve a terminal and a here-doc: every question is answered by one line, choices
by their number or their text. Colour only when stderr is a terminal and NO_COLOR is unset.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TextIO

# A checker returns the problems of an answer: (is_error, message) pairs.
Check = Callable[[str], list[tuple[bool, str]]]
_BOLD, _DIM, _RED, _YELLOW, _GREEN, _RESET = (
    "\033[1m", "\033[2m", "\033[31m", "\033[33m", "\033[32m", "\033[0m",
)  # fmt: skip


class Prompter:
    """Asks questions; raises EOFError when the answers run out."""

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

    def line(self, question: str) -> str:
        """Ask once; the stripped answer ('' for Enter)."""
        self.stderr.write(self.paint("? ", _GREEN) + self.paint(question, _BOLD) + " ")
        self.stderr.flush()
        answer = self.stdin.readline()
        if not answer:
            raise EOFError
        if not self.stdin.isatty():
            self.stderr.write(answer if answer.endswith("\n") else answer + "\n")
        return answer.strip()

    def checked(self, question: str, check: Check, default: str | None = None) -> str:
        """Ask until the answer has no error; '' means "no value" (or the default when shown)."""
        shown = f"{question} [{default}]" if default else question
        while True:
            answer = self.line(shown)
            if not answer:
                return default or ""
            problems = check(answer)
            for is_error, message in problems:
                (self.error if is_error else self.warn)(message)
            if not any(is_error for is_error, _ in problems):
                return answer

    def yes_no(self, question: str, default: bool = False) -> bool:
        """A yes/no question."""
        hint = "Y/n" if default else "y/N"
        while True:
            answer = self.line(f"{question} ({hint})").lower()
            if not answer:
                return default
            if answer in ("y", "yes", "true"):
                return True
            if answer in ("n", "no", "false"):
                return False
            self.error("answer y or n")

    def choose(
        self, question: str, choices: Sequence[str], default: str | None = None,
        optional: bool = True,
    ) -> str | None:
        """Pick one choice by number or text; Enter gives the default (None when optional)."""
        if "" in choices:  # an empty choice means "not set", which is what Enter does
            choices, optional = [c for c in choices if c], True
        for number, choice in enumerate(choices, start=1):
            mark = " (default)" if choice == default else ""
            self.say(f"  {number}) {choice}{mark}")
        while True:
            answer = self.line(question + (f" [{default}]" if default else ""))
            if not answer:
                if default is not None or optional:
                    return default
                self.error("this one is required: pick a number or type a choice")
                continue
            picked = _pick(answer, choices)
            if picked is not None:
                return picked
            self.error(f"{answer!r} is not in the list: answer with a number from 1 to "
                       f"{len(choices)} or one of the names")  # fmt: skip


def _pick(answer: str, choices: Sequence[str]) -> str | None:
    if answer.isascii() and answer.isdigit() and len(answer) < 10 and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1]
    if answer in choices:
        return answer
    folded = [c for c in choices if c.lower() == answer.lower()]
    return folded[0] if len(folded) == 1 else None
