"""kx's one help style: plain two-column text, value names and choices, never Python types.

Typer lists an argument or option with its Python annotation (``<list[str]>``); kx's commands are
declared with command and group classes that print ``-f, --format FORMAT  Output format.
[text|json|sarif|github; default: text]`` instead. Builder help (kx.builder.helptext) follows the
same shape.
"""

from __future__ import annotations

import enum
from typing import Any

from typer.core import TyperCommand, TyperGroup

ROOT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def _default(param: Any) -> str | None:
    """The default worth showing: none for switches that are off, empty values and lists."""
    value = param.default
    if isinstance(value, enum.Enum):
        value = value.value
    if value in (None, False, "", (), []) or callable(value):
        return None
    return str(value)


def choices_of(param: Any) -> list[str]:
    """The values a parameter accepts, when they are a closed list (else empty)."""
    desc = getattr(param, "type_descriptor", None)
    found = desc.choices if desc is not None and desc.choices else ()
    return [str(getattr(choice, "value", choice)) for choice in found]


def option_row(param: Any) -> tuple[str, str]:
    """``(-f, --format FORMAT, help [choices; default])`` for one option."""
    names = sorted(param.opts, key=lambda name: (name.startswith("--"), name))
    label = ", ".join(names + list(param.secondary_opts))
    if not (param.is_flag or param.count):
        label += f" {param.metavar or param.name.upper()}"
    if len(names) == 1 and names[0].startswith("--"):
        label = "    " + label  # long-only options line up with the long names of the others
    extra = []
    choices = choices_of(param)
    if choices:
        extra.append("|".join(choices))
    default = None if param.is_flag else _default(param)
    if default is not None:
        extra.append(f"default: {default}")
    if getattr(param, "multiple", False):
        extra.append("repeatable")
    text = (param.help or "").strip()
    return label, f"{text} [{'; '.join(extra)}]".strip() if extra else text


def argument_row(param: Any) -> tuple[str, str]:
    """``(COMMAND..., help)`` for one argument."""
    label = param.metavar or param.name.upper()
    if param.nargs != 1 and not label.endswith("..."):
        label += "..."
    choices = choices_of(param)
    text = (param.help or "").strip()
    return label, f"{text} [{'|'.join(choices)}]".strip() if choices else text


def write_params(command: Any, ctx: Any, formatter: Any) -> None:
    """The Arguments and Options sections of a command's help."""
    args, opts = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            args.append(argument_row(param))
        else:
            opts.append(option_row(param))
    for title, rows in (("Arguments", args), ("Options", opts)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def usage_pieces(command: Any, ctx: Any) -> list[str]:
    """``[OPTIONS] PATH...``: required arguments bare, optional ones in brackets."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = (param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
    return pieces


class KxCommand(TyperCommand):
    """A typer command printed in kx's help style."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The words after the command's name on the usage line."""
        return usage_pieces(self, ctx)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Write the arguments and options."""
        write_params(self, ctx, formatter)


class KxGroup(TyperGroup):
    """A typer group printed in kx's help style."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The words after the group's name on the usage line."""
        return [*usage_pieces(self, ctx), self.subcommand_metavar]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Write the options, then the subcommands."""
        write_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)
