"""``kx explain``: what each word of a docker/kubectl command is, as aligned text or JSON.

The command is read as ``kx check`` reads it (after ``--``, or as one quoted string) and parsed
by the same code (kx.parse.roles); this module only prints. Like check, it runs on the light
path (kx.cli.fastpath) when its options are plain; nothing here is imported by ``kx check``.
"""

from __future__ import annotations

import sys

from kx.core.errors import UsageError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from kx.parse.roles import Explained

HELP = """Say what each word of a docker/kubectl command is, with what its flags mean.

\b
Each word gets a role: program, subcommand, flag, value (of the flag in
the FLAG column), image, resource, name, argument or separator (--).
A flag shows its description, type, default, whether it may repeat, and
the versions it was added, deprecated and removed in; a global flag says
so. -p8080:80 and --publish=8080:80 are one word, role flag, with the
value shown beside it. An unknown flag or subcommand is marked unknown,
with a did-you-mean.

\b
docker run nginx ls -l: nginx is the image; ls and -l are arguments
(the container's command and its arguments: JSON slot "command", "args").
kubectl run NAME: role name; words after -- are arguments.
kubectl expose TYPE NAME: role resource, then role name; TYPE/NAME is one
word, role resource, its halves in JSON "parts".
Under a subcommand kx has no spec for, only global flags are told apart.

\b
--format json prints {"tokens": [{"text", "role", "flag", "start",
"end", "known", ...}]}; start and end are offsets into "command" (see
docs/explain.md). Exit 0 when the command was explained, mistakes and
all (kx check judges it); 2 when it could not be read: no command, an
open quote, no docker or kubectl command in it."""

HEADER = ("TOKEN", "ROLE", "FLAG", "MEANING")
TOKEN_WIDTH = 24


def run_light(args: list[str]) -> int | None:
    """``kx explain`` without typer; None leaves the line to typer (help, a bad option)."""
    from kx.cli import lightparse
    from kx.cli.optable import COMMANDS

    found = lightparse.parse(COMMANDS["explain"], args)
    return None if found is None else run(found[0]["fmt"], found[1])


def run(fmt: str, command: list[str]) -> int:
    """Explain ``command`` (argv words, or one quoted string) and print it as ``fmt``."""
    from kx.catalog.loader import load_specs

    specs = load_specs()
    for warning in specs.warnings:
        sys.stderr.write(f"kx: warning: {warning}\n")
    text, commands = explain(command, specs)
    if fmt == "json":
        import json

        from kx.parse.meaning import command_records

        tokens = [record for index, one in enumerate(commands) for record in command_records(one, index)]
        sys.stdout.write(json.dumps({"command": text, "tokens": tokens}, indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(text, commands))
    return 0


def explain(command: list[str], specs: Any) -> tuple[str, list[Explained]]:
    """The source text and the explained docker/kubectl commands in it; refuse bad input."""
    from kx.cli.check_options import unclosed
    from kx.engine.pipeline import argv_to_words, command_words_in
    from kx.parse.roles import explain_words

    if not command or not command[0].strip():
        raise UsageError("no command given (usage: kx explain -- docker run ...)")
    if len(command) == 1 and (" " in command[0] or "\n" in command[0]):
        text = command[0]
        left_open = unclosed(text)
        if left_open is not None:
            raise UsageError(f"the command has an {left_open[0]} at column {left_open[1] + 1}")
        found = command_words_in(text)
    else:
        text, words = argv_to_words(command)
        found = [words]
    explained = [one for one in (explain_words(words, specs) for words in found) if one is not None]
    if not explained:
        first = command[0].split(maxsplit=1)[0] if command[0].split() else command[0]
        raise UsageError(f"{first!r} runs no docker or kubectl command kx knows")
    return text, explained


def render(text: str, commands: list[Explained]) -> str:
    """The aligned text view: one row per word (more for a cluster), details indented below."""
    from kx.parse.meaning import command_records

    rows: list[tuple[str, str, str, str]] = []
    for index, one in enumerate(commands):
        if index:
            rows.append(("", "", "", ""))
        for record in command_records(one, index):
            rows.extend(_rows(text, record))
    width = min(TOKEN_WIDTH, max(len(r[0]) for r in rows))
    role_width = max(len(r[1]) for r in [*rows, HEADER])
    flag_width = max(len(r[2]) for r in [*rows, HEADER])
    lines = []
    for token, role, flag, meaning in [HEADER, *rows]:
        if len(token) > width:
            lines.append(token)
            token = ""
        lines.append(f"{token:<{width}}  {role:<{role_width}}  {flag:<{flag_width}}  {meaning}".rstrip())
    return "\n".join(lines) + "\n"


def _rows(text: str, record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """The rows of one token: its own, a cluster's other flags, and detail lines."""
    source = text[record["start"] : record["end"]].replace("\n", "\\n")
    role = record["role"] if record["known"] else f"{record['role']} (unknown)"
    flags = record.get("cluster") or [record]
    rows = []
    for number, entry in enumerate(flags):
        meaning = entry.get("description") or ""
        if "slot" in record and record["role"] == "argument":
            meaning = f"{record['slot']}: {meaning}"
        if number == 0 and "value" in record:
            meaning = f"{meaning} [value: {record['value']['text']}]".strip()
        if not entry.get("known", True) and "problem" in record:
            meaning = record["problem"]
        rows.append((source if number == 0 else "", role if number == 0 else "", entry["flag"] or "",
                     meaning))  # fmt: skip
        detail = ""
        if record["role"] == "flag":
            detail = details(entry) if entry.get("known", True) else removed_history(entry)
        if detail:
            rows.append(("", "", "", f"  {detail}"))
    for part in record.get("parts", ()):
        rows.append(("", "", "", f"  {part['role']}: {part['text']}"))
    return rows


def details(entry: dict[str, Any]) -> str:
    """A flag's type, default, repeats, choices and history on one line."""
    facts = []
    if entry.get("global"):
        facts.append("global")
    if "type" in entry:
        facts.append(entry["type"] + (", repeatable" if entry["repeatable"] else ""))
    if entry.get("default") not in (None, "", "[]", "map[]"):
        facts.append(f"default {entry['default']}")
    if "choices" in entry:
        facts.append("one of " + "|".join(c or '""' for c in entry["choices"]))
    if "alias_of" in entry:
        facts.append(f"alias of {entry['alias_of']}")
    facts.extend(history_text(event) for event in entry.get("history", ()))
    return "; ".join(facts)


def removed_history(entry: dict[str, Any]) -> str:
    """A removed flag's history, its removal's message left to the problem shown above it."""
    events = entry.get("history", ())
    return "; ".join(history_text(e | {"message": ""} if e["event"] == "removed" else e) for e in events)


def history_text(event: dict[str, str]) -> str:
    """One history event as words: ``deprecated in 1.26: message`` (the source is in the JSON)."""
    text = event["event"] + (f" in {event['version']}" if event.get("version") else "")
    return f"{text}: {event['message'].rstrip('.')}" if event.get("message") else text
