"""The options of ``kx check`` and ``kx exec``, read without typer from the generated table.

The options are declared once, on the typer commands (kx.cli.app); kx.cli.optable is generated
from them. A line the light parser does not read exactly as typer would goes to typer instead.
"""

from __future__ import annotations

from kx.core.errors import UsageError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from kx.engine.settings import Settings


class CheckOptions:
    """Parsed options of ``kx check``/``kx exec``: values by typer parameter, and the command."""

    __slots__ = ("color", "command", "fix", "format", "quiet", "string", "target", "unsafe_fixes")

    def __init__(self, values: dict[str, Any], command: list[str]) -> None:
        self.format: str = values["fmt"]
        self.color: str = values["color"]
        self.quiet: bool = values["quiet"]
        self.fix: bool = values.get("fix", False)  # kx check only
        self.unsafe_fixes: bool = values.get("unsafe_fixes", False)
        self.target: str | None = values.get("target")
        self.command = command
        self.string: str | None = None


def parse(args: list[str], name: str = "check") -> CheckOptions | None:
    """The options after ``check``/``exec`` (the command starts at ``--`` or its first word).

    None: a line to leave to typer (help, an unknown option, a bad value).
    """
    from kx.cli import lightparse
    from kx.cli.optable import COMMANDS

    found = lightparse.parse(COMMANDS[name], args)
    if found is None:
        return None
    values, command, _dashdash = found
    return finish(CheckOptions(values, command), name)


def finish(options: CheckOptions, name: str = "check") -> CheckOptions:
    """Tell a quoted command string from argv words; refuse an empty or unterminated command.

    ``name``: the kx command (``check`` or ``exec``), for the usage hint.
    """
    command = options.command
    if len(command) == 1 and (" " in command[0] or "\n" in command[0]):
        options.string = command[0]
    if not command or not command[0].strip():
        raise UsageError(f"no command given (usage: kx {name} -- docker run ...)")
    if options.string is not None:
        left_open = unclosed(options.string)
        if left_open is not None:
            raise UsageError(f"the command has an {left_open[0]} at column {left_open[1] + 1}")
    return options


def settings_for(target: str | None) -> Settings:
    """The run settings for a ``--target`` value (None: the defaults, i.e. the installed clients)."""
    from kx.engine.settings import CHECK, Settings

    if target is None:
        return CHECK
    from kx.check.versions import parse_targets

    try:
        return Settings(targets=parse_targets(target))
    except ValueError as error:
        raise UsageError(f"--target: {error}") from None


def take_target(path: tuple[str, ...] | None, words: list[str]) -> tuple[list[str], str | None]:
    """A builder's words without its ``--kx-target``/``--target`` option, and that option's value.

    ``--target`` counts only where the built command has no flag of that name (kubectl run,
    expose and docker run have none) and before ``--``.
    """
    rest: list[str] = []
    target = None
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            rest.extend(words[i:])
            break
        name, eq, value = word.partition("=")
        if name == "--kx-target" or (name == "--target" and path is not None):
            if not eq:
                if i + 1 >= len(words):
                    raise UsageError(f"{name} needs a value (kubectl=1.24,docker=20.10)")
                value, i = words[i + 1], i + 1
            target = value
        else:
            rest.append(word)
        i += 1
    return rest, target


def unclosed(text: str) -> tuple[str, int] | None:
    """What the shell would never see closed in ``text`` (a quote, ``$(``, a ``|``) and its offset, else None.

    The word splitter every check uses already finds it; no second reading of the quotes here.
    """
    from kx.parse.words import split_commands, stray_paren

    splits = split_commands(text)
    for split in splits:
        if split.error is not None and split.error_at is not None:
            return split.error, split.error_at
    paren = stray_paren(text, splits)
    if paren is not None:  # bash: syntax error near unexpected token `('
        if text.endswith("$$", 0, paren):  # make's $$ given to a shell
            return f"unexpected ( after $$ (a shell syntax error{_PID})", paren
        return "unexpected ( (a shell syntax error)", paren
    last = splits[-1].terminator if splits else None
    if last in _NEEDS_A_COMMAND:  # `docker run nginx |`: the shell waits for more, or rejects it
        return f"operator {last} with no command after it", splits[-1].next - len(last)
    return None


_NEEDS_A_COMMAND = ("|", "|&", "&&", "||")
_PID = ": $$ is the shell's process ID; make's $$ is $"
