"""What a token means, from the spec, as plain data: the records ``kx explain --format json`` prints.

Every token record has ``text``, ``role``, ``flag``, ``start``, ``end`` and ``known``; the other
fields appear when they apply (see docs/explain.md). A flag's version history is the catalog's
(``kx.catalog.history``), read through ``history`` here.
"""

from __future__ import annotations

from kx.catalog.flagspec import LIST_REPEATS
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.roles import RESOURCE_FORMAT

if TYPE_CHECKING:
    from typing import Any

    from kx.catalog.model import FlagSpec, RemovedFlag
    from kx.parse.parsed import FlagUse
    from kx.parse.roles import Explained, Token

SEPARATOR = "ends the flags: every word after it is an argument"
HELP = "Show the command's help."
WRAPPER = "before {tool}: a wrapper, its option or an environment assignment"
RESOURCE_PARTS = {"resource": "TYPE", "name": "NAME"}


def history(flag: FlagSpec | RemovedFlag) -> list[dict[str, str]]:
    """The flag's dated events (``event``, ``version``, ``message``, ``source``), oldest first."""
    events = flag.history
    deprecation = getattr(flag, "deprecated", None)
    if deprecation is not None and not any(e["event"] == "deprecated" for e in events):
        # a plugin spec may deprecate a flag without saying since when
        events.insert(0, {"event": "deprecated", "version": deprecation.since or "",
                          "message": deprecation.message, "source": ""})  # fmt: skip
    return events


def flag_record(flag: FlagSpec, is_global: bool) -> dict[str, Any]:
    """A flag's meaning: description, type, default, whether it repeats, its choices and history."""
    record: dict[str, Any] = {
        "flag": f"--{flag.name}", "short": f"-{flag.short}" if flag.short else None,
        "description": flag.summary, "type": flag.type, "default": flag.default,
        "repeatable": flag.repeat in LIST_REPEATS, "global": is_global, "history": history(flag),
    }  # fmt: skip
    if flag.alias_of:
        record["alias_of"] = f"--{flag.alias_of}"
    if flag.choices:
        record["choices"] = list(flag.choices)
    if flag.metavar or flag.format:
        record["metavar"] = flag.metavar or flag.format
    return record


def _value_record(use: FlagUse) -> dict[str, Any]:
    return {"text": use.value, "start": use.value_start, "end": use.value_end}


def _flag_fields(token: Token) -> dict[str, Any]:
    """The flag token's fields: its first flag's meaning, its attached value, a cluster's flags."""
    uses = token.uses
    if not uses:
        return {"description": HELP} if token.known else {}
    first = uses[0]
    fields: dict[str, Any] = {}
    if first.flag is not None:
        fields = flag_record(first.flag, token.is_global)
    elif token.removed is not None:
        fields["history"] = history(token.removed)
    attached = [use for use in uses if use.value_word is token.word]
    if attached:
        fields["value"] = _value_record(attached[0])
    if len(uses) > 1:
        fields["cluster"] = _cluster(token)
    return fields


def _cluster(token: Token) -> list[dict[str, Any]]:
    """Each flag of a cluster (``-it``) with the span of its letter."""
    word = token.word
    out = []
    at = 0
    for use in token.uses:
        at = word.value.find(use.name, at + 1)
        start, end = word.sub_span(at, at + 1)
        entry = flag_record(use.flag, token.is_global) if use.flag is not None else {"flag": use.display}
        out.append({**entry, "known": use.flag is not None, "start": start, "end": end})
    return out


def token_record(token: Token) -> dict[str, Any]:
    """One token as the JSON record editors read."""
    word = token.word
    record: dict[str, Any] = {
        "text": word.value, "role": token.role, "flag": token.flag_name, "start": word.start,
        "end": word.end, "known": token.known,
    }  # fmt: skip
    if word.dynamic:
        record["dynamic"] = True
    role = token.role
    if role == "flag":
        record.update(_flag_fields(token))
    elif role == "value" and token.uses:
        flag = token.uses[0].flag
        record["global"] = token.is_global
        if flag is not None:
            record["description"] = f"the value of --{flag.name}" + (
                f" ({flag.metavar or flag.format})" if flag.metavar or flag.format else ""
            )
    elif token.slot is not None:
        record["slot"] = token.slot.name
        what = RESOURCE_PARTS.get(role, "") if token.slot.format == RESOURCE_FORMAT else ""
        what = "TYPE/NAME" if token.parts else what
        record["description"] = f"{what}: {token.slot.summary}" if what else token.slot.summary
    elif role == "subcommand" and token.spec is not None:
        record["description"] = token.spec.summary
    elif role == "separator":
        record["description"] = SEPARATOR
    if token.parts:
        record["parts"] = [{"text": t, "role": r, "start": s, "end": e} for r, t, s, e in token.parts]
    if token.problem is not None:
        record["problem"] = token.problem[1]
        if token.problem[4] is not None:
            record["suggestion"] = token.problem[4]
    return record


def command_records(explained: Explained, index: int) -> list[dict[str, Any]]:
    """The records of one command's tokens, each marked with the command's index on the line."""
    resolution = explained.resolution
    tool, root = resolution.tool, resolution.root
    out = []
    for token in explained.tokens:
        record = token_record(token)
        if token.word is resolution.tool_word:
            record["description"] = f"the {tool} client (kx knows its flags as of {tool} {root.tool_version})"
        elif any(token.word is w for w in resolution.prefix) and token.role == "argument":
            record["description"] = WRAPPER.format(tool=tool)
        record["command"] = index
        out.append(record)
    return out
