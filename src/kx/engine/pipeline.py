"""The only place the pipeline is wired: words -> resolve -> parse -> validate -> diagnostics.

Every stage reports ``kx.core.findings.Finding``s (offsets into the source text); this module
turns them into positioned ``Diagnostic``s. What a run is set to (the targeted client versions,
the Environment) comes in one frozen ``kx.engine.settings.Settings``; ``kx check`` uses CHECK.
"""

from __future__ import annotations

from kx.catalog.loader import load_specs
from kx.check.missing import fold_taken_flags
from kx.check.validator import validate, validate_globals
from kx.core.codes import CODES, rule_url
from kx.core.diagnostics import Diagnostic
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.settings import CHECK, Settings
from kx.parse.resolve import resolve_and_parse
from kx.parse.span import LineIndex, Word
from kx.report.shorten import shorten, shorten_message

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from kx.catalog.loader import SpecSet
    from kx.check.environment import Environment
    from kx.core.diagnostics import Fix
    from kx.core.findings import Finding
    from kx.engine.fix import Fixes
    from kx.parse.parsed import FlagUse, ParsedCommand
    from kx.parse.resolution import Resolution

COMMAND_PATH = "<command>"
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=.,:/@%+^")


def check_words(
    words: list[Word],
    text: str,
    path: str = COMMAND_PATH,
    index: LineIndex | None = None,
    specs: SpecSet | None = None,
    settings: Settings = CHECK,
    fixes: bool = False,
) -> list[Diagnostic]:
    """Validate one command given as words whose spans index into ``text``; ``fixes``: with its fixes."""
    env = settings.environment()
    found = findings_for_words(words, settings, specs, text, env)
    if not found:
        return []
    if index is None:
        index = LineIndex(text)
    known = fixes_of(words, found, text, settings, specs, env) if fixes else None
    return to_diagnostics(found, path, index, known)


def fixes_of(
    words: list[Word], found: list[Finding], text: str, settings: Settings, specs: SpecSet | None,
    env: Environment | None,
) -> Fixes | None:
    """The certain fixes of one command's findings (kx.engine.fix), None when none can have one."""
    for finding in found:  # a loop, not any(): most findings have no fix, and this runs for each command
        if finding[4] is not None or finding[0] in ("KX106", "KX108"):  # moved; an --overrides form
            break
    else:
        return None
    from kx.engine.fix import fixes_for

    chosen = specs or load_specs()

    def recheck(new: list[Word]) -> list[Finding]:
        return findings_for_words(new, settings, chosen, None, env)

    return fixes_for(words, found, text, chosen, recheck)


def findings_for_words(
    words: list[Word],
    settings: Settings = CHECK,
    specs: SpecSet | None = None,
    text: str | None = None,
    env: Environment | None = None,
) -> list[Finding]:
    """The findings of one command, positioned by offsets into its source text.

    ``settings.targets`` maps a tool to the client versions a line must run with (else the
    installed client's, else the spec's; kx.engine.targets): flags too new or gone are
    errors. ``env`` (default: ``settings.environment()``) says
    where the files the command names are looked for (kx.check.environment). ``text``, the
    source the word spans index into, lets a command path be read as written: a project's
    script named ``./tools/docker`` is not docker.
    """
    if not words:
        return []
    if env is None:
        env = settings.environment()
    for word in words:  # a loop, not any(): this runs for every command of every file
        if "%%" in word.value:  # lint and check alike: one rule
            from kx.extract.templating import mark_percent

            words = mark_percent(words)
            break
    resolved = resolve_and_parse(words, specs or load_specs())
    if resolved is None:
        return []
    resolution, parsed = resolved
    written = None if text is None else text[resolution.tool_word.start : resolution.tool_word.end]
    if written is not None and "/" in written and env.runs_script(written):
        return []  # the project's own script named docker or kubectl (``text`` holds the spans)
    found = list(resolution.problems)
    anchor = resolution.path_words[-1] if resolution.path_words else resolution.tool_word
    if resolution.globals is not None:
        found += validate_globals(resolution.globals, resolution.tool_word, env)
    if parsed is None:
        return found
    found += fold_taken_flags(parsed.problems, validate(parsed, anchor, env))
    uses = parsed.uses if resolution.globals is None else [*resolution.globals.uses, *parsed.uses]
    for use in uses:  # the target is looked up (the installed client asked) only where it matters
        if use.flag is not None and use.flag.dated:
            return _for_target(found, uses, words, resolution, parsed, settings)
    for finding in found:
        if finding.code == "KX106":  # a removed flag: a target that still has it takes it
            return _for_target(found, uses, words, resolution, parsed, settings)
    return found


def _for_target(
    found: list[Finding], uses: list[FlagUse], words: list[Word], resolution: Resolution,
    parsed: ParsedCommand, settings: Settings,
) -> list[Finding]:  # fmt: skip
    """``found`` judged against the client version(s) targeted (kx.check.versions)."""
    from kx.engine.targets import target_for

    target = target_for(settings, resolution.tool, parsed.spec.tool_version)
    if target is None:
        return found
    from kx.check.versions import check_target

    return check_target(found, uses, words, (parsed.spec, resolution.root), target)


def to_diagnostics(
    found: Sequence[Finding], path: str, index: LineIndex, fixes: Fixes | None = None
) -> list[Diagnostic]:
    """Position the findings of one command, fold its identical repeats with a count, and sort."""
    result = _fold(found, path, index, fixes)
    result.sort(key=Diagnostic.sort_key)
    return result


def commands_to_diagnostics(
    groups: Iterable[Sequence[Finding]], path: str, index: LineIndex, fixes: Fixes | None = None
) -> list[Diagnostic]:
    """Position the findings of many commands (one group each), and sort them.

    Identical repeats are folded only inside a group: the same mistake in three commands is
    three diagnostics, each at its own place.
    """
    result: list[Diagnostic] = []
    for found in groups:
        if found:
            result.extend(_fold(found, path, index, fixes))
    result.sort(key=Diagnostic.sort_key)
    return result


def _fold(found: Sequence[Finding], path: str, index: LineIndex, fixes: Fixes | None) -> list[Diagnostic]:
    folded: dict[tuple[str, str, str | None], tuple[Diagnostic, int]] = {}
    for code, message, start, end, suggestion, severity, stage, _linux in found:
        key = (code, message, suggestion)
        if key in folded:
            first, seen = folded[key]
            folded[key] = (first, seen + 1)
            continue
        line, column = index.position(start)
        end_line, end_column = index.position(max(end, start + 1))
        diagnostic = Diagnostic(
            path=path, line=line, column=column, end_line=end_line, end_column=end_column,
            severity=severity or CODES[code][1], code=code, message=shorten_message(message),
            suggestion=None if suggestion is None else shorten(suggestion), url=rule_url(code), stage=stage,
            fix=None if fixes is None else _placed(fixes.get((code, start, end)), index),
        )  # fmt: skip
        folded[key] = (diagnostic, 1)
    return [first if seen == 1 else first.replace(count=seen) for first, seen in folded.values()]


def _placed(fix: Fix | None, index: LineIndex) -> Fix | None:
    """The fix with the line and column of each edit's ends."""
    if fix is None:
        return None
    from kx.core.diagnostics import Edit, Fix

    edits = tuple(Edit(start, end, content, *index.position(start), *index.position(end))
                  for start, end, content, *_ in fix.edits)  # fmt: skip
    return Fix(fix.applicability, fix.message, edits)


# kx.parse.plain.plain_commands, imported on first use: `kx check -- ARGV` never splits text, and
# the splitter's modules would add to its cold start (a function-level import costs ~0.7 us a call).
_plain_commands: Callable[[str], list[list[Word]] | None] | None = None


def _plain_splitter() -> Callable[[str], list[list[Word]] | None]:
    global _plain_commands
    from kx.parse.plain import plain_commands

    _plain_commands = plain_commands
    return plain_commands


def command_words_in(text: str) -> list[list[Word]]:
    """The commands of a command string, found as ``kx lint`` finds them in a shell snippet.

    Text with no nesting goes through ``kx.parse.plain.plain_commands`` (no lexer, no ``re`` for
    plain words: a test checks it agrees with the lexer); the rest through the extractor
    ``kx lint`` uses (``kx.extract.split.commands_in``), with the variables and aliases that
    name a tool.
    """
    found = (_plain_commands or _plain_splitter())(text)
    if found is not None:
        return found
    from kx.extract.commands import find_tool_names
    from kx.extract.split import commands_in

    return commands_in(text, 0, len(text), find_tool_names(text))[0]


def check_command(
    text: str, path: str = COMMAND_PATH, settings: Settings = CHECK, fixes: bool = False
) -> list[Diagnostic]:
    """Validate every docker/kubectl command in a command string (``a && b`` checks both).

    ``fixes``: the diagnostics carry their certain fixes (kx.engine.fix); finding them checks a
    command again for each, so only the formats and modes that show them ask.
    """
    index = None  # built for the first command with problems: most have none
    result: list[Diagnostic] = []
    env = settings.environment()  # one for the whole line: kubeconfigs are read once
    for words in command_words_in(text):
        found = findings_for_words(words, settings, None, text, env)
        if found:
            index = index or LineIndex(text)
            known = fixes_of(words, found, text, settings, None, env) if fixes else None
            result.extend(to_diagnostics(found, path, index, known))
    return result


def quote_arg(arg: str) -> str:
    """Shell-quote one argument for display (plain when safe)."""
    if arg and all(ch in _SAFE for ch in arg):
        return arg
    return "'" + arg.replace("'", "'\"'\"'") + "'"


def argv_to_words(argv: Sequence[str]) -> tuple[str, list[Word]]:
    """Render argv as a display command line and words whose spans point into it."""
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    for arg in argv:
        shown = quote_arg(arg)
        words.append(Word(arg, pos, pos + len(shown), False, shown == arg))
        parts.append(shown)
        pos += len(shown) + 1
    return " ".join(parts), words


def check_argv(
    argv: Sequence[str], path: str = COMMAND_PATH, settings: Settings = CHECK, fixes: bool = False
) -> tuple[str, list[Diagnostic]]:
    """Validate a command given as an argument vector; also return its display text."""
    text, words = argv_to_words(argv)
    return text, check_words(words, text, path, settings=settings, fixes=fixes)


def has_errors(diagnostics: Sequence[Diagnostic]) -> bool:
    """True when at least one diagnostic is an error."""
    return any(d.severity == "error" for d in diagnostics)
