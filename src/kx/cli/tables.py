"""The parsing tables of the light path, generated from the typer app (kx.cli.optable holds them).

For each command the light path runs (check, exec, explain, lint, the builders): every option word
(``--format``, ``-f``, ``--no-isolated``) -> (parameter, kind, value a switch sets), the choices and
defaults by parameter, the help words, and whether options may follow the first positional.
"""

from __future__ import annotations

import enum
import pprint
from typing import Any

SWITCH, TEXT, MANY, INT = "switch", "text", "many", "int"
# Commands the light path runs without typer, besides the builders (kx.cli.app.BUILDERS).
LIGHT = ("check", "exec", "explain", "lint")
HEADER = '''"""kx's option tables for the light path. GENERATED from kx.cli.app: do not edit.

Regenerate with ``python -m kx.cli.generate``; a test fails when this file is stale.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

# fmt: off
# command -> option words, choices, defaults, help words, whether options may follow positionals
'''


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return tuple(value)
    return value


def _kind(param: Any) -> str:
    if param.is_flag:
        return SWITCH
    if param.multiple:
        return MANY
    desc = getattr(param, "type_descriptor", None)
    return INT if desc is not None and desc.annotation is int else TEXT


def command_table(command: Any, ctx: Any) -> dict[str, Any]:
    """The light-path table of one click command."""
    words: dict[str, tuple[str, str, bool]] = {}
    choices: dict[str, tuple[str, ...]] = {}
    defaults: dict[str, Any] = {}
    positional = None
    for param in command.params:
        if param.param_type_name == "argument":
            positional = (param.name, bool(param.required))
            continue
        kind = _kind(param)
        for name in param.opts:
            words[name] = (param.name, kind, True)
        for name in param.secondary_opts:
            words[name] = (param.name, kind, False)
        desc = getattr(param, "type_descriptor", None)
        if desc is not None and desc.choices:
            choices[param.name] = tuple(str(_plain(c)) for c in desc.choices)
        defaults[param.name] = _plain(param.default)
    return {
        "options": words, "choices": choices, "defaults": defaults,
        "help": tuple(ctx.help_option_names) if command.add_help_option else (),
        "interspersed": bool(ctx.allow_interspersed_args), "positional": positional,
    }  # fmt: skip


def light_tables(app: Any = None) -> dict[str, dict[str, Any]]:
    """The tables of every light command of ``app`` (default: kx's)."""
    from kx.cli.app import BUILDERS, click_command

    root = click_command(app)
    root_ctx = root.make_context("kx", [], resilient_parsing=True)
    out = {}
    for name in (*LIGHT, *BUILDERS):
        command = root.get_command(root_ctx, name)
        ctx = command.make_context(name, [], parent=root_ctx, resilient_parsing=True)
        out[name] = command_table(command, ctx)
    return out


def optable_source(app: Any = None) -> str:
    """The text of kx/cli/optable.py."""
    from kx.cli.app import BUILDERS

    body = pprint.pformat(light_tables(app), indent=1, width=90, sort_dicts=True)
    builders = pprint.pformat(BUILDERS, indent=1, width=60, sort_dicts=True)
    return (f"{HEADER}COMMANDS: dict[str, dict[str, Any]] = {body}\n\n"
            "# builder command -> the (tool, subcommand) it builds; None: named on the command line\n"
            f"BUILDERS: dict[str, tuple[str, ...] | None] = {builders}\n")  # fmt: skip
