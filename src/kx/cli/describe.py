"""Describe kx's own command tree (the typer app) as plain data, for completion and the light path.

The description is taken from the live app at generation time, so kx's subcommands and options are
never written twice. It is plain lists and dicts (JSON-able): ``kx/complete/kx_app.json`` holds a
generated copy that completion reads (the complete package never imports cli or typer), and
``kx.cli.optable`` the parsing table of the commands the light path runs (kx.cli.tables).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, get_args, get_origin

AppModel = dict[str, Any]
FILE_TYPES = frozenset({"path", "file", "filename"})


def describe_app(app: Any = None) -> AppModel:
    """The command tree of ``app`` (default: ``kx.cli.app.app``)."""
    from kx.cli.app import click_command

    command = click_command(app)
    return _describe(command, _context(command))


def _context(command: Any) -> Any:
    return command.make_context(command.name or "kx", [], resilient_parsing=True)


def _describe(command: Any, ctx: Any) -> AppModel:
    options: list[dict[str, Any]] = []
    args: list[dict[str, Any]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "option":
            options.extend(_option(param))
        elif param.param_type_name == "argument":
            args.append({"value": _value(param), "repeat": param.nargs == -1})
    model: AppModel = {"options": options, "args": args, "commands": {}}
    for name in _subcommand_names(command, ctx):
        sub = command.get_command(ctx, name)
        if sub is None or getattr(sub, "hidden", False):
            continue
        sub_ctx = sub.make_context(name, [], parent=ctx, resilient_parsing=True)
        entry = _describe(sub, sub_ctx)
        entry["help"] = _first_line(sub.get_short_help_str(limit=200))
        model["commands"][name] = entry
    return model


def _subcommand_names(command: Any, ctx: Any) -> list[str]:
    lister = getattr(command, "list_commands", None)
    return list(lister(ctx)) if lister else []


def _option(param: Any) -> list[dict[str, Any]]:
    takes_next = not (param.is_flag or param.count)
    value = _value(param) if takes_next else []
    desc = _first_line(param.help or "")
    out = []
    for names in (param.opts, param.secondary_opts):
        longs = [n[2:] for n in names if n.startswith("--")]
        shorts = [n[1:] for n in names if not n.startswith("--") and len(n) == 2]
        for i in range(max(len(longs), len(shorts))):
            long = longs[i] if i < len(longs) else None
            short = shorts[i] if i < len(shorts) else None
            out.append({"long": long, "short": short, "takes_next": takes_next,
                        "value": value, "desc": desc})  # fmt: skip
    return out


def _value(param: Any) -> list[Any]:
    """Choices or a path kind, from typer's type descriptor (>= 0.2x) or click's param type."""
    desc = getattr(param, "type_descriptor", None)
    if desc is not None:
        if desc.choices:
            return ["choices", [_choice_word(c) for c in desc.choices]]
        if desc.is_path or desc.is_file or _is_path_list(desc.annotation):
            return ["dir"] if desc.is_path and desc.path_type == "dir" else ["file"]
        return []
    param_type = getattr(param, "type", None)
    name = getattr(param_type, "name", "")
    if name == "choice":
        return ["choices", [_choice_word(c) for c in param_type.choices]]  # type: ignore[union-attr]
    if name in FILE_TYPES:
        only_dirs = getattr(param_type, "dir_okay", False) and not getattr(
            param_type, "file_okay", True
        )
        return ["dir"] if only_dirs else ["file"]
    return []


def _is_path_list(annotation: Any) -> bool:
    args = get_args(annotation) if get_origin(annotation) in (list, tuple) else ()
    return any(isinstance(a, type) and issubclass(a, PurePath) for a in args)


def _choice_word(choice: Any) -> str:
    return str(getattr(choice, "value", choice))


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line.strip().rstrip(".")
