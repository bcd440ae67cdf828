"""``kx lint``: find every docker/kubectl command in files and check it with the engine.

The pure core: ``run(options)`` returns a ``LintResult`` (diagnostics, one-line errors, counts);
printing and exit codes belong to the CLI. Many files are linted on two processes.
"""

from __future__ import annotations

import gc
import os

from kx.core.codes import CODES
from kx.core.diagnostics import SEVERITY_RANK, Diagnostic
from kx.core.record import Record
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.config import Config, load_config
from kx.extract.lint_files import BINARY, STDIN, Target, collect, load

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from kx.check.environment import Environment

PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 512 * 1024
MAX_MESSAGE = 400
Raw = tuple[str, str, int, int, "str | None", "str | None", str]


class LintOptions(Record):
    """Everything ``kx lint`` was asked to do (filled by the CLI from flags)."""

    __slots__ = ("cwd", "ignore", "isolated", "jobs", "max_file_size", "paths", "select", "severity",
                 "spec_dirs", "stdin_filename")  # fmt: skip

    def __init__(
        self,
        paths: tuple[str, ...],
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        severity: str = "info",
        stdin_filename: str | None = None,
        isolated: bool = False,
        spec_dirs: tuple[str, ...] = (),
        max_file_size: int | None = None,
        jobs: int = 0,
        cwd: str | None = None,
    ) -> None:
        self.paths = paths
        self.select = select
        self.ignore = ignore
        self.severity = severity
        self.stdin_filename = stdin_filename
        self.isolated = isolated
        self.spec_dirs = spec_dirs
        self.max_file_size = max_file_size
        self.jobs = jobs  # 0: decide from the amount of input
        self.cwd = cwd


class LintResult(Record):
    """Diagnostics (sorted by file and position), one-line errors, and how many files were read."""

    __slots__ = ("diagnostics", "errors", "files")

    def __init__(
        self, diagnostics: list[Diagnostic] | None = None, errors: list[str] | None = None, files: int = 0
    ) -> None:
        self.diagnostics = diagnostics if diagnostics is not None else []
        self.errors = errors if errors is not None else []
        self.files = files

    @property
    def exit_code(self) -> int:
        """2 if some input could not be read, 1 if an error was found, else 0."""
        if self.errors:
            return 2
        return 1 if any(d.is_error for d in self.diagnostics) else 0


class Settings(Record):
    """What a worker needs to lint one file (picklable)."""

    __slots__ = (
        "ignore", "max_file_size", "min_rank", "select", "severity_map", "spec_dirs", "target_versions",
    )  # fmt: skip

    def __init__(
        self,
        *,
        select: frozenset[str] | None,
        ignore: frozenset[str],
        severity_map: tuple[tuple[str, str], ...],
        min_rank: int,
        spec_dirs: tuple[str, ...],
        max_file_size: int,
        target_versions: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.severity_map = severity_map
        self.min_rank = min_rank
        self.spec_dirs = spec_dirs
        self.max_file_size = max_file_size
        self.target_versions = target_versions


def run(options: LintOptions) -> LintResult:
    """Lint every path in ``options`` and return the findings.

    The cyclic garbage collector is paused meanwhile: linting makes millions of short-lived,
    acyclic objects (words, tuples), and the collector's passes over them took a third of the
    time on long scripts. Reference counting still frees them; peak memory does not change.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _run(options)
    finally:
        if paused:
            gc.enable()


def _run(options: LintOptions) -> LintResult:
    config = load_config(options.cwd, isolated=options.isolated)
    settings = _settings(options, config)
    targets, errors = collect(
        list(options.paths), config.exclude, options.stdin_filename, config.extend_exclude
    )
    result = LintResult(errors=errors)
    for diagnostics, error in _map(targets, settings, options.jobs):
        result.diagnostics.extend(diagnostics)
        if error:
            result.errors.append(error)
        else:
            result.files += 1
    return result


def _settings(options: LintOptions, config: Config) -> Settings:
    from kx.core.codes import match_codes
    from kx.core.diagnostics import SEVERITIES
    from kx.core.errors import UsageError

    if options.severity not in SEVERITIES:
        raise UsageError(f"invalid --severity {options.severity!r} (choose from error, warning, info)")
    select = frozenset(match_codes(options.select)) if options.select else config.select
    ignore = frozenset(match_codes(options.ignore)) | config.ignore
    return Settings(
        select=select, ignore=ignore, severity_map=tuple(sorted(config.severity.items())),
        min_rank=SEVERITY_RANK[options.severity], spec_dirs=config.spec_dirs + options.spec_dirs,
        max_file_size=options.max_file_size or config.max_file_size,
        target_versions=tuple(sorted(config.target_versions.items())),
    )  # fmt: skip


def _map(targets: list[Target], settings: Settings, jobs: int) -> list[tuple[list[Diagnostic], str | None]]:
    workers = jobs or _auto_jobs(targets)
    if workers <= 1 or len(targets) < 2 or any(t.source == STDIN for t in targets):
        split = jobs != 1 and (os.cpu_count() or 1) >= 2  # one long script may still use two
        return [lint_target(t, settings, split) for t in targets]
    import multiprocessing

    from kx.core.interrupts import hold_interrupts, leave_interrupts_to_parent

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    restore = hold_interrupts()  # workers ignore Ctrl-C (no tracebacks); this process stops them
    try:
        pool = context.Pool(workers, initializer=leave_interrupts_to_parent)
    except BaseException:
        restore()
        raise
    with pool:
        restore()
        shipped = pool.starmap(_lint_shipped, [(t, settings) for t in targets], chunksize=4)
    # Diagnostics are immutable slotted records: they travel between processes as dicts.
    return [([Diagnostic(**d) for d in dicts], error) for dicts, error in shipped]


def _lint_shipped(target: Target, settings: Settings) -> tuple[list[dict[str, Any]], str | None]:
    diagnostics, error = lint_target(target, settings)
    return [d.to_dict() for d in diagnostics], error


def _auto_jobs(targets: list[Target]) -> int:
    if len(targets) < PARALLEL_MIN_FILES:
        return 1
    size = sum(os.path.getsize(t.source) for t in targets if os.path.isfile(t.source))
    return min(2, os.cpu_count() or 1) if size >= PARALLEL_MIN_BYTES else 1


def lint_target(
    target: Target, settings: Settings, split: bool = False
) -> tuple[list[Diagnostic], str | None]:
    """Lint one file: its diagnostics, or a one-line error when it could not be read.

    ``split``: a long shell script may be shared out between this process and a forked one.
    """
    loaded = load(target, settings.max_file_size)
    if loaded.skip is not None:
        code, message = loaded.skip
        if code == "error":
            return [], message
        if message == BINARY and not target.explicit:
            return [], None  # binary files met while walking a directory are skipped quietly
        return _filter([_file_level(target.display, code, message)], settings), None
    assert loaded.text is not None
    from kx.check.environment import Environment
    from kx.engine.pipeline import set_target_versions

    previous = set_target_versions(dict(settings.target_versions))  # also in a pool's worker
    try:
        env = Environment.for_lint(_origin(target))
        groups = lint_text(loaded.text, target.kind, target.dialect, settings.spec_dirs, split=split, env=env)
    finally:
        set_target_versions(previous)
    if loaded.bad_utf8_at is not None:
        message = "the file is not valid UTF-8; undecodable bytes were replaced"
        at = loaded.bad_utf8_at
        groups.append([("KX702", message, at, at + 1, None, None, "lint")])
    return _finish(loaded.text, target.display, groups, settings), None


def _origin(target: Target) -> str | None:
    """The file whose neighbours a target's commands may name: stdin has one only when named."""
    if target.source != STDIN:
        return target.source
    return target.display if target.display != "<stdin>" else None


def lint_text(
    text: str, kind: str, dialect: str = "bash", spec_dirs: tuple[str, ...] = (), *, split: bool = False,
    env: Environment | None = None,
) -> list[list[Raw]]:
    """The raw problems of one file's text: one list per command or synopsis, unsuppressed, unfiltered.

    Offsets index into ``text``; identical repeats are folded only inside one list. ``env`` says
    where the files its commands name are looked for; by default nowhere (a text with no file of
    its own): nothing about them is reported.
    """
    from kx.catalog.loader import load_specs
    from kx.engine.pipeline import problems_for_words
    from kx.extract import extract
    from kx.extract.filetypes import SHELL
    from kx.extract.synopsis import check_synopsis

    specs = load_specs(spec_dirs)
    if dialect == "bats":  # same length: offsets still index the file
        from kx.extract.bats import as_bash

        text, dialect = as_bash(text), "bash"
    if env is None:
        from kx.check.environment import Environment

        env = Environment.for_lint(None)
    if split and kind == SHELL:
        from kx.engine.lint_fork import lint_script

        forked = lint_script(text, dialect, specs, env)
        if forked is not None:
            from kx.extract.comments import add_comment_commands
            from kx.extract.snippets import Snippets

            comments = Snippets()  # usage examples in comments: the forked lint reads code only
            add_comment_commands(text, comments)
            found_in_comments = [problems_for_words(words, specs, env=env, text=text)
                                 for words in comments.invocations]
            return forked + [raws for raws in found_in_comments if raws]
    found = extract(kind, text, dialect)
    groups: list[list[Raw]] = []
    for words in found.invocations:
        raws = problems_for_words(words, specs, env=env, text=text)
        if raws:
            groups.append(raws)
    for start, end in found.synopses:
        raws = check_synopsis(text, start, end, specs)
        if raws:
            groups.append(raws)
    for offset, message in found.problems:
        groups.append([("KX703", message, offset, offset + 1, None, None, "lint")])
    return groups


def _finish(text: str, path: str, groups: list[list[Raw]], settings: Settings) -> list[Diagnostic]:
    from kx.engine.pipeline import commands_to_diagnostics
    from kx.extract.lint_suppress import parse_directives
    from kx.parse.span import LineIndex

    index = LineIndex(text)
    suppressions = parse_directives(text, lambda offset: index.position(offset)[0])
    groups = groups + [[raw] for raw in suppressions.problems]
    if suppressions.file or suppressions.lines:
        silenced = suppressions.silenced
        groups = [[r for r in raws if not silenced(r[0], index.position(r[2])[0])] for raws in groups]
    wanted = _wanted(settings)
    kept = [[_clip(r) for r in raws if wanted(r)] for raws in groups]
    return _filter(commands_to_diagnostics(kept, path, index), settings)


def _wanted(settings: Settings) -> Callable[[Raw], bool]:
    """Whether a raw problem survives ``_filter``: the rest are not worth positioning.

    (A script of 50k ``kubectl get`` lines has 50k notes that ``--severity warning`` drops.)
    """
    overrides = dict(settings.severity_map)
    select, ignore, min_rank = settings.select, settings.ignore, settings.min_rank

    def wanted(raw: Raw) -> bool:
        code = raw[0]
        if (select is not None and code not in select) or code in ignore:
            return False
        level = overrides.get(code) or raw[5] or CODES[code][1]
        return level != "off" and SEVERITY_RANK[level] >= min_rank

    return wanted


def _clip(raw: Raw) -> Raw:
    """Keep messages one readable line even when they quote a huge value."""
    message = raw[1]
    if len(message) <= MAX_MESSAGE:
        return raw
    half = MAX_MESSAGE // 2
    return (raw[0], f"{message[:half]}...{message[-half:]}", *raw[2:])


def _file_level(path: str, code: str, message: str) -> Diagnostic:
    from kx.core.codes import rule_url

    return Diagnostic(
        path=path, line=1, column=1, end_line=1, end_column=1, severity=CODES[code][1],
        code=code, message=message, url=rule_url(code), stage="lint",
    )  # fmt: skip


def _filter(diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
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
