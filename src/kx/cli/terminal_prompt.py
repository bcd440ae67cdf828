"""The builder's questions on a terminal: prompt-toolkit line editing, history, completion, arrow keys.

Only the reading of one answer changes (kx.builder.prompts.LinePrompter does the rest), so a
terminal session and a piped one ask the same questions and accept the same answers. prompt-toolkit
draws on stderr: stdout is kept for the built command. Imported only when a session starts on a
terminal (never on the ``kx check``/``kx lint`` path).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import (
    CompleteEvent,
    Completer,
    Completion,
    PathCompleter,
    WordCompleter,
    merge_completers,
)  # fmt: skip
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import create_output

from kx.builder.prompts import BACK, Hints, LinePrompter


class TerminalPrompter(LinePrompter):
    """Line prompts read through prompt-toolkit; one in-memory history per kind of question."""

    def __init__(self, stdin: TextIO, stderr: TextIO) -> None:
        super().__init__(stdin, stderr)
        self.input = create_input(stdin)
        self.output = create_output(stdout=stderr)
        self.histories: dict[str, InMemoryHistory] = {}
        self.bindings = _bindings()

    def read(self, question: str, hints: Hints) -> str:
        """One answer, edited in place; choices open as a menu that the arrow keys walk."""
        session: PromptSession[str] = PromptSession(
            input=self.input, output=self.output, key_bindings=self.bindings,
            history=self.histories.setdefault(hints.kind, InMemoryHistory()),
            completer=completer(hints), complete_while_typing=bool(hints.choices),
            reserve_space_for_menu=min(8, len(hints.choices)),
        )  # fmt: skip
        message = FormattedText([("ansigreen", "? "), ("bold", question), ("", " ")])
        if not hints.choices:
            return session.prompt(message)
        return session.prompt(message, pre_run=lambda: session.default_buffer.start_completion())


class ChoiceCompleter(Completer):
    """A list's choices while nothing is typed; then every spelling that starts with the text."""

    def __init__(self, choices: tuple[str, ...], spellings: tuple[str, ...]) -> None:
        self.choices = choices
        self.words = WordCompleter(list(dict.fromkeys((*choices, *spellings))), ignore_case=True,
                                   sentence=True)  # fmt: skip

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        """Completions for the text before the cursor."""
        if document.text_before_cursor.strip():
            return self.words.get_completions(document, complete_event)
        return (Completion(choice, 0) for choice in self.choices)


def completer(hints: Hints) -> Completer | None:
    """The values of the spec (choices, resource types, flag names) and file names where they fit."""
    parts: list[Completer] = []
    if hints.choices:
        parts.append(ChoiceCompleter(hints.choices, hints.values))
    elif hints.values:
        parts.append(WordCompleter(list(dict.fromkeys(hints.values)), ignore_case=True, match_middle=True,
                                   sentence=True))  # fmt: skip
    if hints.paths:
        parts.append(PathCompleter(expanduser=True))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else merge_completers(parts)


def _bindings() -> KeyBindings:
    """Ctrl-B goes back one question, like typing ``<``."""
    bindings = KeyBindings()

    @bindings.add("c-b")
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(result=BACK)

    return bindings
