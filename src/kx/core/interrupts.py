"""Ctrl-C around forks and file changes: held back for a moment, or left to the parent process.

A process forked while SIGINT is held back starts with it held back too, so it can choose its own
handling before a Ctrl-C reaches Python code it shares with its parent (which would print a
traceback, or run the parent's code twice). Where the platform has no signal masks (Windows),
these do nothing.
"""

from __future__ import annotations

import signal

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def hold_interrupts() -> Callable[[], None]:
    """Hold Ctrl-C back from this thread until the returned function is called; it lands then.

    Threads started meanwhile hold it back too. (A thread started before, with its own mask, could
    still take a Ctrl-C sent to the process: kx starts none.)
    """
    if not hasattr(signal, "pthread_sigmask"):
        return lambda: None
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def restore() -> None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    return restore


def leave_interrupts_to_parent() -> None:
    """In a worker process: ignore Ctrl-C (the parent stops its workers), then let signals in."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def end_on_interrupt() -> None:
    """In a forked child: Ctrl-C ends it at once (no Python handler, no traceback); let signals in."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
