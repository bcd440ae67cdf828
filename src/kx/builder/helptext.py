"""``--help`` of the builder commands, generated from the specs (never written by hand)."""

from __future__ import annotations

import textwrap

from kx.builder.options import KX_OPTIONS, spellings
from kx.catalog.loader import SpecSet
from kx.catalog.model import LIST_REPEATS, CommandSpec, FlagSpec

_SHORTCUTS = {"kubectl/expose": "kx expose", "kubectl/run": "kx run", "docker/run": "kx docker-run"}
_WIDTH = 100


def invocation(spec: CommandSpec, shortcut: bool) -> str:
    """How the user calls the builder for this spec."""
    if shortcut and spec.key in _SHORTCUTS:
        return _SHORTCUTS[spec.key]
    return f"kx build {spec.display_name}"


def flag_label(flag: FlagSpec) -> str:
    """``-p, --port=PORT`` as shown in the option list."""
    head = f"-{flag.short}, --{flag.name}" if flag.short else f"    --{flag.name}"
    if flag.is_bool:
        return head
    meta = flag.metavar or flag.type.upper()
    return f"{head}={meta}" if flag.no_value is None else f"{head}[={meta}]"


def flag_line(flag: FlagSpec) -> str:
    """One option line: label, summary, choices and default."""
    text = flag.summary or ""
    if flag.choices:
        text += " One of: " + ", ".join(c or '""' for c in flag.choices) + "."
    if flag.default not in (None, "", "[]", "false", "0") and not flag.is_bool:
        text += f" Default: {flag.default}."
    if flag.repeat in LIST_REPEATS:
        text += " Repeatable."
    label = "  " + flag_label(flag)
    return _two_columns(label, text.strip())


def _two_columns(label: str, text: str, column: int = 34) -> str:
    lead = label.ljust(column) if len(label) < column else label + "\n" + " " * column
    body = textwrap.wrap(text, _WIDTH - column) or [""]
    return lead + ("\n" + " " * column).join(body)


def command_help(spec: CommandSpec, shortcut: bool) -> str:
    """The full help of one builder command."""
    positionals = " ".join(
        (p.name.upper() + ("..." if p.repeat else "")) if p.required
        else f"[{p.name.upper()}{'...' if p.repeat else ''}]"
        for p in spec.positionals
    )  # fmt: skip
    shape = f"{positionals} [FLAGS]" if spec.interspersed else f"[FLAGS] {positionals}"
    ask = "--interactive" if "--interactive" in spellings(spec) else "--ask"
    out = [f"Usage: {invocation(spec, shortcut)} {shape} [{ask}]".replace("  ", " "),
           "", f"Build a valid `{spec.display_name}` command. {spec.summary}", ""]  # fmt: skip
    if spec.positionals:
        out.append("Arguments:")
        out.extend(_two_columns("  " + p.name.upper(), p.summary) for p in spec.positionals)
        out.append("")
    visible = [f for f in spec.visible_flags() if f.name != "help"]
    own = [f for f in visible if f.origin == spec.key]
    sections = (
        ("Common flags", [f for f in own if f.common or f.required]),
        ("Other flags", [f for f in own if not (f.common or f.required)]),
        (f"Global {spec.tool} flags", [f for f in visible if f.origin != spec.key]),
    )
    for title, flags in sections:
        if flags:
            out.append(title + ":")
            out.extend(flag_line(f) for f in sorted(flags, key=lambda f: f.name))
            out.append("")
    out.append("kx options:")
    names = spellings(spec)
    for option in KX_OPTIONS:
        forms = [w for w, o in names.items() if o is option and not w.startswith("--kx-")]
        forms = forms or [f"--kx-{option.name}"]
        value = "=" + "|".join(option.choices) if option.choices else ""
        out.append(_two_columns("  " + ", ".join(sorted(forms, key=len)) + value, option.summary))
    owned = "" if ask == "--interactive" else f" ({spec.display_name}'s own -i/--interactive stay its own)"
    tail = (f"With no arguments on a terminal `{invocation(spec, shortcut)}` asks for everything, as {ask} "
            f"does{owned}. Every kx option is also accepted as --kx-NAME. The command is checked before "
            "it is printed; problems go to stderr and the exit status is 1.")  # fmt: skip
    out += ["", *textwrap.wrap(tail, _WIDTH), ""]
    if not spec.interspersed:
        out[-1:] = [f"Flags and kx options go before {spec.positionals[0].name.upper()}: "
                    "everything after it belongs to the container.", ""]  # fmt: skip
    return "\n".join(out)


def build_usage(specs: SpecSet) -> str:
    """``kx build --help``: the commands that can be built."""
    lines = ["Usage: kx build TOOL SUBCOMMAND... [FLAGS] [--interactive] [--format command|json|yaml]",
             "", "Build a checked, safely quoted command from its spec. Commands:", ""]  # fmt: skip
    for spec in specs.commands():
        lines.append(_two_columns("  " + spec.display_name, spec.summary, 24))
    lines += ["", "`kx build TOOL SUBCOMMAND --help` lists the flags of one command.", ""]
    return "\n".join(lines)
