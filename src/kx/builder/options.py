"""kx's own options of the builder commands, told apart from the built command's flags.

The built command's flags win: an option whose name or shorthand the spec also has (docker run's
``-i/--interactive``, kubectl run's ``-i``) is then only available as ``--kx-NAME`` or by its
alias (``--ask`` for ``--interactive``, the spelling ``kx docker-run --help`` shows). kx options
are looked for before ``--`` and, for a command that stops parsing at its first positional (docker
run), before that positional; a word that is the value of the previous flag is never taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from kx.catalog.model import CommandSpec
from kx.core.errors import UsageError
from kx.core.gorules.strconv import parse_bool

FORMATS = ("command", "json", "yaml")
SHELLS = ("posix", "powershell")


@dataclass(frozen=True)
class KxOption:
    """One builder option."""

    name: str
    short: str | None
    choices: tuple[str, ...] | None
    summary: str
    alias: str | None = None  # a second long name, for commands that own the first (docker run -i)


KX_OPTIONS = (
    KxOption("interactive", "i", None, "Ask for the values step by step (prompts on stderr).", "ask"),
    KxOption("format", None, FORMATS,
             "Print the command (default), or as JSON/YAML what would be sent (object, create request)."),
    KxOption("shell", None, SHELLS, "Quote the command for a POSIX shell (default) or PowerShell."),
    KxOption("exec", None, None, "Run the command after a confirmation (never without it)."),
    KxOption("help", None, None, "Show the options of this command and exit."),
)  # fmt: skip


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked of kx itself."""

    interactive: bool = False
    format: str = "command"
    shell: str = "posix"
    exec: bool = False
    help: bool = False


def spellings(spec: CommandSpec) -> dict[str, KxOption]:
    """Every word that names a kx option for this spec (``--format``, ``--kx-format``, ``-i``)."""
    out: dict[str, KxOption] = {}
    for option in KX_OPTIONS:
        out[f"--kx-{option.name}"] = option
        if option.alias is not None:
            out[f"--kx-{option.alias}"] = option
            if spec.flag(option.alias) is None:
                out[f"--{option.alias}"] = option
        taken = spec.flag(option.name)
        if taken is None or (option.name == "help" and taken.name == "help"):
            out[f"--{option.name}"] = option
        if option.short and option.short not in spec.by_short:
            out[f"-{option.short}"] = option
    if "h" in spec.by_short and spec.by_short["h"].name == "help":
        out["-h"] = KX_OPTIONS[-1]
    return out


def _takes_next(spec: CommandSpec, word: str) -> bool:
    """Whether ``word`` is a flag of the spec that consumes the following word as its value."""
    if word.startswith("--"):
        if "=" in word:
            return False
        flag = spec.flag(word[2:])
        return flag is not None and flag.takes_value
    if word.startswith("-") and len(word) >= 2 and "=" not in word:
        for index, char in enumerate(word[1:], start=1):
            flag = spec.by_short.get(char)
            if flag is None:
                return False
            if flag.takes_value:
                return index == len(word) - 1
    return False


def split_options(spec: CommandSpec, args: list[str]) -> tuple[BuildOptions, list[str]]:
    """Separate kx's options from the words of the command being built."""
    known = spellings(spec)
    values: dict[str, str | bool] = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        name, eq, inline = word.partition("=")
        option = known.get(name)
        if word == "--" or (not spec.interspersed and not word.startswith("-")):
            rest.extend(args[i:])
            break
        if option is None:
            rest.append(word)
            if _takes_next(spec, word) and i + 1 < len(args):
                rest.append(args[i + 1])
                i += 1
            i += 1
            continue
        i += 1
        if option.choices is None:
            flag = parse_bool(inline) if eq else True
            if flag is None:
                raise UsageError(f"{name} takes no value but true or false")
            values[option.name] = flag
            continue
        if not eq:
            if i >= len(args):
                raise UsageError(f"{name} needs a value: one of {', '.join(option.choices)}")
            inline, i = args[i], i + 1
        if inline not in option.choices:
            raise UsageError(f"{name}: {inline!r} is not one of {', '.join(option.choices)}")
        values[option.name] = inline
    return BuildOptions(**values), rest  # type: ignore[arg-type]


def own_words_before_path(root: CommandSpec, words: list[str]) -> tuple[list[str], list[str]]:
    """The kx options among a tool's global flags before the subcommand, and the other words.

    ``kx build docker --format json -H h run nginx``: ``--format json`` is kx's, the rest docker's.
    """
    known = spellings(root)
    own: list[str] = []
    others: list[str] = []
    i = 0
    while i < len(words) and words[i].startswith("-") and words[i] != "--":
        word = words[i]
        name, eq, _ = word.partition("=")
        option = known.get(name)
        taken = 2 if (option is not None and option.choices and not eq) or _takes_next(root, word) else 1
        (own if option is not None else others).extend(words[i:i + taken])
        i += taken
    return own, others + words[i:]

