"""Commands that run another command (``sudo``, ``env``, ``time``...) and how to step over them."""

from __future__ import annotations

from kx._regex import LazyRegex
from kx._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.parse.span import Word

ASSIGNMENT = LazyRegex(r"[A-Za-z_][A-Za-z0-9_]*=")


class Wrapper:
    """How one wrapper command reads its own options before the command it runs.

    ``short_args``: short options that take a value; ``long_args``: long options that take a value;
    ``not_running``: options that make it not run the command at all (``command -v``);
    ``assignments``: whether ``NAME=value`` words may follow the options (``env``, ``sudo``);
    ``operands``: how many words it takes before the command (``timeout DURATION``).
    """

    __slots__ = ("assignments", "long_args", "not_running", "operands", "short_args")

    def __init__(
        self,
        short_args: str = "",
        long_args: tuple[str, ...] = (),
        not_running: str = "",
        assignments: bool = False,
        operands: int = 0,
    ) -> None:
        self.short_args = short_args
        self.long_args = frozenset(long_args)
        self.not_running = not_running
        self.assignments = assignments
        self.operands = operands


WRAPPERS: dict[str, Wrapper] = {
    "sudo": Wrapper(
        "CDghpRrtTUu",
        (
            "user",
            "group",
            "chdir",
            "prompt",
            "role",
            "type",
            "command-timeout",
            "other-user",
            "host",
            "close-from",
            "chroot",
        ),
        not_running="eKlVv",
        assignments=True,
    ),
    "doas": Wrapper("uC", not_running="L"),
    "env": Wrapper("uCS", ("unset", "chdir", "split-string"), assignments=True),
    "time": Wrapper("fo", ("format", "output")),
    "command": Wrapper(not_running="vV"),
    "exec": Wrapper("a"),
    "nice": Wrapper("n", ("adjustment",)),
    "nohup": Wrapper(),
    "timeout": Wrapper("sk", ("signal", "kill-after"), operands=1),
    "stdbuf": Wrapper("ioe", ("input", "output", "error")),
}

# Shell reserved words that may come before a simple command.
KEYWORDS = frozenset({"!", "if", "then", "else", "elif", "do", "while", "until", "{", "time"})


def skip_prefixes(words: list[Word]) -> int | None:
    """Index of the word that names the command actually run; None if it is not run or unknown."""
    i = 0
    count = len(words)
    while i < count:
        word = words[i]
        text = word.value
        if word.dynamic and not word.known_upto(1):
            return i
        if ("=" in text and ASSIGNMENT.match(text)) or (text in KEYWORDS and text != "time"):
            i += 1
            continue
        wrapper = WRAPPERS.get(text.rsplit("/", 1)[-1])
        if wrapper is None:
            return i
        after = _skip_options(words, i + 1, wrapper)
        if after is None:
            return None
        i = after
    return None


def _skip_options(words: list[Word], i: int, wrapper: Wrapper) -> int | None:
    """Step over a wrapper's options, assignments and operands."""
    count = len(words)
    while i < count:
        text = words[i].value
        if text == "--":
            i += 1
            break
        if text == "-":  # env -: same as -i
            i += 1
        elif text.startswith("--"):
            i += 1 if "=" in text or text[2:] not in wrapper.long_args else 2
        elif text.startswith("-") and len(text) > 1:
            taken = _short_takes(text, wrapper.short_args)
            letters = text[1:taken] if taken >= 0 else text[1:]
            if any(char in wrapper.not_running for char in letters):
                return None
            i += 2 if taken == len(text) - 1 else 1
        else:
            break
    while wrapper.assignments and i < count and ASSIGNMENT.match(words[i].value):
        i += 1
    return i + wrapper.operands


def _short_takes(text: str, short_args: str) -> int:
    """Index of the first option letter in the cluster that takes a value, or -1."""
    for k in range(1, len(text)):
        if text[k] in short_args:
            return k
    return -1
