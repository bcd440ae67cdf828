"""The options of ``kx check`` and ``kx exec``, defined once, parsed without typer.

These commands run on the light path (no typer import, see main.py); the typer app registers them
with this table's help so ``kx --help`` lists them, and ``--help`` text is generated from here.
"""

from __future__ import annotations

from kx.core.errors import UsageError

# (long name, short, metavar or None for a switch, choices, default, help)
OPTIONS: tuple[tuple[str, str | None, str | None, tuple[str, ...], str, str], ...] = (
    ("format", "f", "FORMAT", ("text", "json", "sarif", "github"), "text", "Output format."),
    ("color", None, "WHEN", ("auto", "always", "never"), "auto", "Colour the output."),
    ("quiet", "q", None, (), "", "Print nothing; only the exit code tells."),
)

CHECK_HELP = (
    "Check one docker/kubectl command offline: every mistake at once, with positions and fixes.\n\n"
    "Usage: kx check [OPTIONS] -- COMMAND...\n"
    "       kx check [OPTIONS] 'COMMAND STRING'\n"
)
EXEC_HELP = (
    "Check a command, then run it only if no error was found (the process is replaced).\n\n"
    "Usage: kx exec [OPTIONS] -- COMMAND...\n"
)


class CheckOptions:
    """Parsed options of ``kx check``/``kx exec``."""

    __slots__ = ("color", "command", "format", "help", "quiet", "string")

    def __init__(self) -> None:
        self.format = "text"
        self.color = "auto"
        self.quiet = False
        self.help = False
        self.command: list[str] = []
        self.string: str | None = None


def help_text(command: str) -> str:
    """The ``--help`` text of ``kx check`` or ``kx exec``."""
    lines = [CHECK_HELP if command == "check" else EXEC_HELP, "Options:"]
    for name, short, metavar, choices, default, text in OPTIONS:
        flag = (f"-{short}, " if short else "    ") + f"--{name}" + (f" {metavar}" if metavar else "")
        extra = f" [{'|'.join(choices)}; default {default}]" if choices else ""
        lines.append(f"  {flag:<26}{text}{extra}")
    lines.append(f"  {'-h, --help':<26}Show this message and exit.")
    return "\n".join(lines) + "\n"


def parse(args: list[str]) -> CheckOptions:
    """Parse the arguments after ``check``/``exec``; the command starts at ``--`` or the first word."""
    options = CheckOptions()
    table = {f"--{o[0]}": o for o in OPTIONS} | {f"-{o[1]}": o for o in OPTIONS if o[1]}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            options.command = args[i + 1 :]
            break
        if arg in ("-h", "--help"):
            options.help = True
            return options
        name, eq, inline = arg.partition("=")
        spec = table.get(name) if arg.startswith("-") else None
        if spec is None:
            if arg.startswith("-") and not options.command:
                raise UsageError(f"unknown option {arg!r} for kx (put the command after --)")
            options.command = args[i:]
            break
        i = _take(options, spec, args, i, inline if eq else None)
    if len(options.command) == 1 and (" " in options.command[0] or "\n" in options.command[0]):
        options.string = options.command[0]
    if not options.command or not options.command[0].strip():
        raise UsageError("no command given (usage: kx check -- docker run ...)")
    if options.string is not None:
        left_open = unclosed(options.string)
        if left_open is not None:
            raise UsageError(f"the command has an {left_open[0]} at column {left_open[1] + 1}")
    return options


def unclosed(text: str) -> tuple[str, int] | None:
    """What the shell would never see closed in ``text`` (a quote, ``$(``) and its offset, else None.

    The word splitter every check uses already finds it; no second reading of the quotes here.
    """
    from kx.parse.words import split_commands

    for split in split_commands(text):
        if split.error is not None and split.error_at is not None:
            return split.error, split.error_at
    return None


def _take(
    options: CheckOptions, spec: tuple[str, str | None, str | None, tuple[str, ...], str, str],
    args: list[str], i: int, inline: str | None,
) -> int:  # fmt: skip
    name, _short, metavar, choices, _default, _text = spec
    if metavar is None:
        setattr(options, name, True)
        return i + 1
    if inline is None:
        if i + 1 >= len(args):
            raise UsageError(f"option --{name} needs a value")
        inline, i = args[i + 1], i + 1
    if choices and inline not in choices:
        raise UsageError(f"invalid value {inline!r} for --{name} (choose from {', '.join(choices)})")
    setattr(options, name, inline)
    return i + 1
