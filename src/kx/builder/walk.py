"""A session's questions as steps, with a way back.

``<`` (GoBack) returns to the previous step that asked something, with the answers as they were then.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from kx.builder.prompts import GoBack

S = TypeVar("S")


class Step(enum.Enum):
    """What a step did: nothing to ask, asked once, or asked and wants to ask again."""

    SKIPPED = "skipped"
    ASKED = "asked"
    AGAIN = "again"  # asked; run the same step again (one more search)
    RETRY = "retry"  # asked nothing that counts; run it again (a search left with <)


@dataclass(frozen=True)
class Unfinished:
    """The user kept answers that do not make a valid command (Enter at "Change which flag?")."""

    argv: list[str]


class GiveUp(Exception):
    """The user stopped before the command was valid."""


class Undoable(Protocol, Generic[S]):
    """Answers that can be saved before a step and put back when the user goes back."""

    def snapshot(self) -> S:
        """The answers as they are now."""

    def restore(self, snap: S) -> None:
        """Put the answers back as they were."""


def walk(steps: Sequence[Callable[[], Step]], answers: Undoable[S], at_first: Callable[[], None]) -> None:
    """Run the steps in order; on GoBack undo the current step and rerun the last one that asked."""
    asked: list[tuple[int, S]] = []
    index = 0
    while index < len(steps):
        before = answers.snapshot()
        try:
            done = steps[index]()
        except GoBack:
            answers.restore(before)
            if not asked:
                at_first()
                continue
            index, before = asked.pop()
            answers.restore(before)
            continue
        if done in (Step.ASKED, Step.AGAIN):
            asked.append((index, before))
        index += done in (Step.ASKED, Step.SKIPPED)
