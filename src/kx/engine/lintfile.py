"""One file's text through the engine: its findings, then the diagnostics ``kx lint`` reports.

``lint_text`` finds every command and synopsis in a text and returns their findings (one list
per command); ``finish`` applies the file's suppression comments and the run's selection, and
positions what is left.
"""

from __future__ import annotations

from kx.catalog.loader import load_specs
from kx.check.environment import Environment
from kx.core.codes import CODES, rule_url
from kx.core.diagnostics import SEVERITY_RANK, Diagnostic
from kx.core.findings import STAGE_LINT, Finding
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.pipeline import commands_to_diagnostics, findings_for_words, fixes_of
from kx.engine.settings import Settings
from kx.parse.span import LineIndex

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.catalog.loader import SpecSet
    from kx.engine.fix import Fixes

LINT_TEXT = Settings()  # a text with no file of its own: nothing about the files it names is known


def lint_text(
    text: str, kind: str, dialect: str = "bash", spec_dirs: tuple[str, ...] = (), *, split: bool = False,
    settings: Settings = LINT_TEXT, fixes: Fixes | None = None,
) -> list[list[Finding]]:
    """The findings of one file's text: one list per command or synopsis, unsuppressed, unfiltered.

    Offsets index into ``text``; identical repeats are folded only inside one list.
    ``settings.env`` says where the files its commands name are looked for; by default nowhere:
    nothing about them is reported. ``split``: a long shell script may be shared out between
    this process and a forked one (whose findings come without fixes). ``fixes``, when given, is
    filled with the certain fixes of the findings (kx.engine.fix).
    """
    from kx.extract import extract
    from kx.extract.filetypes import SHELL
    from kx.extract.synopsis import check_synopsis

    specs = load_specs(spec_dirs)
    if dialect == "bats":  # same length: offsets still index the file
        from kx.extract.bats import as_bash

        text, dialect = as_bash(text), "bash"
    if settings.env is None:
        settings = settings.replace(env=Environment.for_lint(None))
    if split and kind == SHELL:
        forked = _forked(text, dialect, specs, settings)
        if forked is not None:
            return forked
    found = extract(kind, text, dialect)
    groups: list[list[Finding]] = []
    for words in found.invocations:
        if group := findings_for_words(words, settings, specs, text):
            groups.append(group)
            if fixes is not None:
                fixes.update(fixes_of(words, group, text, settings, specs, settings.env) or ())
    for start, end in found.synopses:
        if group := check_synopsis(text, start, end, specs):
            groups.append(group)
    for offset, message in found.problems:
        groups.append([Finding("KX703", message, offset, offset + 1, stage=STAGE_LINT)])
    return groups


def _forked(text: str, dialect: str, specs: SpecSet, settings: Settings) -> list[list[Finding]] | None:
    """A long script's findings from two processes (``kx.engine.lint_fork``); None: too small."""
    from kx.engine.lint_fork import lint_script

    forked = lint_script(text, dialect, specs, settings)
    if forked is None:
        return None
    from kx.extract.comments import add_comment_commands
    from kx.extract.snippets import Snippets

    comments = Snippets()  # usage examples in comments: the forked lint reads code only
    add_comment_commands(text, comments)
    in_comments = [findings_for_words(words, settings, specs, text) for words in comments.invocations]
    return forked + [group for group in in_comments if group]


def finish(
    text: str, path: str, groups: list[list[Finding]], settings: Settings, fixes: Fixes | None = None
) -> list[Diagnostic]:
    """Suppress what the file's comments silence, keep what the run selects, and position it."""
    from kx.extract.lint_suppress import parse_directives

    index = LineIndex(text)
    suppressions = parse_directives(text, lambda offset: index.position(offset)[0])
    groups = groups + [[finding] for finding in suppressions.problems]
    if suppressions.file or suppressions.lines:
        silenced = suppressions.silenced
        groups = [[f for f in found if not silenced(f[0], index.position(f[2])[0])] for found in groups]
    wanted = _wanted(settings)
    kept = [[f for f in found if wanted(f)] for found in groups]
    return select(commands_to_diagnostics(kept, path, index, fixes), settings)


def _wanted(settings: Settings) -> Callable[[Finding], bool]:
    """Whether a finding survives ``select``: the rest are not worth positioning.

    (A script of 50k ``kubectl get`` lines has 50k notes that ``--severity warning`` drops.)
    """
    overrides = dict(settings.severity_map)
    chosen, ignore, min_rank = settings.select, settings.ignore, settings.min_rank

    def wanted(finding: Finding) -> bool:
        code = finding[0]
        if (chosen is not None and code not in chosen) or code in ignore:
            return False
        level = overrides.get(code) or finding[5] or CODES[code][1]
        return level != "off" and SEVERITY_RANK[level] >= min_rank

    return wanted


def file_level(path: str, code: str, message: str) -> Diagnostic:
    """A diagnostic about a whole file (binary, too large), at its first line."""
    return Diagnostic(
        path=path, line=1, column=1, end_line=1, end_column=1, severity=CODES[code][1],
        code=code, message=message, url=rule_url(code), stage=STAGE_LINT,
    )  # fmt: skip


def select(diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Apply --select/--ignore, per-code severity from config, and the minimum severity."""
    overrides = dict(settings.severity_map)
    out = []
    for diagnostic in diagnostics:
        code = diagnostic.code
        if (settings.select is not None and code not in settings.select) or code in settings.ignore:
            continue
        level = overrides.get(code)
        if level == "off":
            continue
        if level and level != diagnostic.severity:
            diagnostic = diagnostic.replace(severity=level)
        if SEVERITY_RANK[diagnostic.severity] >= settings.min_rank:
            out.append(diagnostic)
    return out
