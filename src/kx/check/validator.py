"""Turn a parsed command into findings: value checks, positionals, required flags, rules."""

from __future__ import annotations

from kx.check import named_checks  # noqa: F401 - registers the named rule checks
from kx.check.missing import explained_elsewhere, fold_taken_operand, taken_operand
from kx.check.rules import check_rule
from kx.check.state import CommandState, FlagState
from kx.check.tables import tables
from kx.check.values import check_flag_value, check_item_value, check_positional_value
from kx.core.findings import WHOLE, Finding
from kx.core.gorules.strconv import TRUE_WORDS
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec, FlagSpec, PositionalSpec, RuleSpec
    from kx.check.environment import Environment
    from kx.check.tables import SpecTables
    from kx.parse.argv import ParsedCommand
    from kx.parse.span import Word

# kubectl --dry-run values that mean a client-side dry run (ParseBool's true spellings included).
_CLIENT_DRY_RUN = TRUE_WORDS | {"client"}


def _place(word: Word, offset: int, problem: Finding, length: int) -> Finding:
    """A value checker's finding placed in the source: its value starts at ``offset`` within ``word``."""
    _code, _message, begin, end, *_ = problem
    if length == 0 and begin == 0 and end == WHOLE:
        return problem.at(word.start, word.end)
    begin += offset
    end = offset + (length if end == WHOLE else end)
    if not word.literal and end > word.plain:
        # quoted or escaped past a plain `--flag=`: where the value is is known, not where inside it
        start = word.start + offset if 0 < offset <= word.plain else word.start
        return problem.at(start, word.end)
    return problem.at(word.start + begin, word.start + max(end, begin + 1))


def _on_bare_flag(problem: Finding, word: Word, name: str) -> Finding:
    """A bare flag's no-value default's finding, on the flag; its suggestion becomes ``--name=value``."""
    code, message, _start, _end, suggestion, severity, stage, linux = problem
    if suggestion is not None:
        suggestion = f"--{name}={suggestion}"
    return Finding(code, message, word.start, word.end, suggestion, severity, stage, linux)


def check_value_use(
    tool: str, flag: FlagSpec, value: str, word: Word, offset: int, final: bool = True
) -> list[Finding]:
    """Check one occurrence's value; a CSV value's items are read once, each checked for its format.

    A value that does not read as CSV (or reads as no item) is checked whole: its type says why.
    """
    record = None
    if flag.repeat == "csv" and flag.format and value:
        from kx.core.gorules.csv import read_record  # list flags with a format are rare

        record = read_record(value)
    if record is None or record.error is not None:
        return _positioned(check_flag_value(tool, flag, value, final=final), word, offset, len(value))
    found: list[Finding] = []
    for item, at in zip(record.fields, record.starts, strict=True):
        for problem in check_item_value(tool, flag, item):
            found.append(_place(word, offset + at, problem, len(item)))
    return found


def _positioned(problems: list[Finding], word: Word, offset: int, length: int) -> list[Finding]:
    if not problems:  # the common case; a comprehension costs a call even over nothing
        return []
    return [_place(word, offset, problem, length) for problem in problems]


def _positional_slots(
    spec: CommandSpec, words: list[Word]
) -> tuple[list[tuple[PositionalSpec, Word]], list[Word]]:
    assigned: list[tuple[PositionalSpec, Word]] = []
    index = 0
    for slot in spec.positionals:
        if index >= len(words):
            break
        if slot.repeat:
            assigned += [(slot, w) for w in words[index:]]
            index = len(words)
            break
        assigned.append((slot, words[index]))
        index += 1
    return assigned, words[index:]


def check_positionals(state: CommandState, dynamic_args: bool) -> list[Finding]:
    """Required, unexpected and malformed positionals."""
    spec, words = state.spec, state.positionals
    found: list[Finding] = []
    assigned, extra = _positional_slots(spec, words)
    for slot, word in assigned:
        if word.dynamic or slot.format == "resource-arg" or not (slot.format or slot.choices):
            continue  # nothing to check (COMMAND, ARG...), or checked with the others by a rule
        for problem in check_positional_value(state.tool, slot, word.value):
            found.append(_place(word, 0, problem, len(word.value)))
    if extra and not any(slot.repeat for slot in spec.positionals):
        word = extra[0]
        message = f"unexpected argument {word.value!r}: {state.name} takes no more arguments"
        found.append(Finding("KX305", message, word.start, word.end))
    if not dynamic_args and not state.has_dynamic_positional():
        for slot in spec.positionals[len(words):]:
            if slot.required:
                message = f"{state.name} needs {slot.name.upper()}"
                found.append(Finding("KX301", message, state.anchor.start, state.anchor.end))
                break
    return found


def check_required_flags(state: CommandState, parsed: ParsedCommand) -> list[Finding]:
    """Flags the client refuses to run without (unless written without a value, or mistyped)."""
    found: list[Finding] = []
    for flag in tables(state.spec).required:
        if flag.name not in state.flags and not explained_elsewhere(parsed, flag):
            message = f"{state.name} needs --{flag.name}"
            found.append(Finding("KX304", message, state.anchor.start, state.anchor.end))
    return found


def check_platform(state: CommandState) -> list[Finding]:
    """Flags only a daemon on another OS supports (docker's Windows-only flags).

    ``validate`` calls it only when some given flag is in the spec's Windows-only table.
    """
    found: list[Finding] = []
    for name, flag_state in state.flags.items():
        platform = flag_state.flag.platform
        if platform == "windows":
            word = flag_state.anchor
            message = (
                f"--{name} only works with a Docker daemon on Windows; a Linux daemon refuses it"
            )
            found.append(Finding("KX109", message, word.start, word.end, stage="server"))
    return found


def check_rules(
    state: CommandState, dynamic_flags: bool, spec_tables: SpecTables | None = None
) -> list[Finding]:
    """The spec's cross-flag rules (``spec_tables``: the spec's tables, when the caller has them)."""
    found: list[Finding] = []
    given = frozenset(state.flags)  # set-to-set tests are about twice as fast as against dict keys
    for rule, needed, groups in (spec_tables or tables(state.spec)).triggers:
        if not needed <= given:
            continue
        for group in groups:
            if group.isdisjoint(given):
                break  # none of the flags that could put this one in effect is given
        else:
            found.extend(_rule_findings(state, rule, dynamic_flags))
    return found


def _rule_findings(state: CommandState, rule: RuleSpec, dynamic_flags: bool) -> list[Finding]:
    if dynamic_flags and rule.kind in ("requires", "requires-any", "one-of"):
        return []  # a dynamic word may be the flag or argument these want
    return check_rule(state, rule)


def build_state(parsed: ParsedCommand, anchor: Word, env: Environment) -> tuple[CommandState, list[Finding]]:
    """Fold flag occurrences into effective values, checking each value on the way.

    Returns the state (its ``uncertain``: whether a dynamic word may hide flags) and the value findings.
    """
    state = CommandState(parsed.spec, anchor, env)
    state.written = parsed.written
    state.positionals = list(parsed.positionals)
    found: list[Finding] = []
    dynamic_flags = False
    tool = parsed.spec.tool
    spec_flags = parsed.spec.by_name
    uses = parsed.uses
    last = {}  # the index of each flag's last use (a loop: a comprehension costs a call)
    for index, use in enumerate(uses):
        if use.flag is not None:
            last[use.flag.canonical] = index
    add = state.add
    flags = state.flags
    for index, use in enumerate(uses):
        flag = use.flag
        if flag is None:
            dynamic_flags = dynamic_flags or use.dynamic
            continue
        value = use.value
        if value is None:
            continue
        word = use.value_word
        if word is None:  # a bare flag: its no-value default (bools' "true", kubectl --dry-run)
            add(flag, value, use.word, use.dynamic)
            if not use.dynamic and not flag.is_bool:
                bare = check_flag_value(tool, flag, value)
                found.extend(_on_bare_flag(problem, use.word, flag.name) for problem in bare)
            continue
        if flag.canonical in flags:
            add(flag, value, word, use.dynamic)
        else:  # the first occurrence (the usual case), without a method call
            flags[flag.canonical] = FlagState(spec_flags.get(flag.canonical, flag), value, word, use.dynamic)
        if use.dynamic:
            continue
        offset = use.value_begin if word.literal or use.value_begin <= word.plain else 0  # 0: unplaceable
        final = flag.repeat != "last" or last[flag.canonical] == index
        if flag.repeat == "csv" and flag.format:
            found.extend(check_value_use(tool, flag, value, word, offset, final))
        else:  # the common case, without a call for the CSV split
            problems = check_flag_value(tool, flag, value, final=final)
            if problems:
                found.extend(_positioned(problems, word, offset, len(value)))
    state.uncertain = dynamic_flags or parsed.uncertain
    return state, found


def _client_dry_run(state: CommandState) -> bool:
    """A kubectl client-side dry run (also the deprecated bare and boolean forms), or maybe one."""
    flag = tables(state.spec).dry_run
    if flag is None or flag.name not in state.flags:
        return False
    value = state.value(flag.name)
    return value is None or value in _CLIENT_DRY_RUN or value == flag.no_value


def _lookup_spans(state: CommandState) -> list[tuple[int, int]]:
    """Words naming the object kubectl fetches (resources, namespace): a dry run still reads it."""
    if not tables(state.spec).resource_args:
        return []
    spans = [(word.start, word.end) for word in state.positionals]
    for name, flag_state in state.flags.items():
        if flag_state.flag.format == "namespace" or name == "namespace":
            spans.extend((word.start, word.end) for word in flag_state.words)
    return spans


def drop_create_claims(state: CommandState, found: list[Finding]) -> list[Finding]:
    """Under a client dry run nothing is created, so server checks of the new object never run."""
    if not _client_dry_run(state):
        return found
    lookups = _lookup_spans(state)
    return [finding for finding in found
            if finding[6] != "server" or any(a <= finding[2] < b for a, b in lookups)]  # stage, start


def validate(parsed: ParsedCommand, anchor: Word, env: Environment) -> list[Finding]:
    """Every value, positional, required-flag, platform, rule and environment finding of a command.

    ``env`` is the run's setting for what the command names on a machine (files, kubeconfig).
    """
    state, found = build_state(parsed, anchor, env)
    dynamic = state.uncertain
    if parsed.help:
        return found
    spec_tables = tables(state.spec)  # what each check below skips on is tested here: no call
    if not spec_tables.environment.isdisjoint(state.flags):
        from kx.check.envchecks import check_environment

        found.extend(check_environment(state, env))
    positional = check_positionals(state, dynamic)
    if positional and positional[-1][0] == "KX301" and (taken := taken_operand(parsed)) is not None:
        found = fold_taken_operand(positional.pop(), taken, found)  # `docker run -p nginx`: one mistake
    found.extend(positional)
    if not dynamic and spec_tables.required:
        found.extend(check_required_flags(state, parsed))
    if not spec_tables.windows.isdisjoint(state.flags):
        found.extend(check_platform(state))
    found += check_rules(state, dynamic, spec_tables)
    if found and state.tool == "docker":
        found = drop_linux_claims(state, found)
    dry_run = spec_tables.dry_run
    if dry_run is None or dry_run.name not in state.flags:
        return found
    return drop_create_claims(state, found)


def drop_linux_claims(state: CommandState, found: list[Finding]) -> list[Finding]:
    """A command written for a Windows daemon keeps only what holds whatever the daemon's OS."""
    from kx.check.windows import assumes_linux, for_windows_daemon

    if not any(assumes_linux(finding) for finding in found) or not for_windows_daemon(state):
        return found
    return [finding for finding in found if not assumes_linux(finding)]


def validate_globals(parsed: ParsedCommand, anchor: Word, env: Environment) -> list[Finding]:
    """Value and rule findings for a tool's root-local options (docker's global options)."""
    if not parsed.uses and not tables(parsed.spec).idle:
        return []  # the usual `docker run ...`: no global option, and no rule fires without one
    state, found = build_state(parsed, anchor, env)
    dynamic = state.uncertain
    found.extend(check_rules(state, dynamic))
    if not tables(state.spec).environment.isdisjoint(state.flags):
        from kx.check.envchecks import check_environment

        found.extend(check_environment(state, env))
    return found
