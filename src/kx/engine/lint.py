"""``kx lint``: find every docker/kubectl command in files and check it with the engine.

The pure core: ``run(options)`` returns a ``LintResult`` (diagnostics, one-line errors, counts);
printing and exit codes belong to the CLI. Many files are linted on two processes.
"""

from __future__ import annotations

import gc
import os

from kx.check.environment import Environment
from kx.core.codes import match_codes
from kx.core.diagnostics import SEVERITIES, SEVERITY_RANK, Diagnostic
from kx.core.errors import UsageError
from kx.core.findings import STAGE_LINT, Finding
from kx.core.record import Record
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.config import Config, load_config
from kx.engine.lintfile import file_level, finish, lint_text, select
from kx.engine.settings import Settings
from kx.extract.lint_files import BINARY, STDIN, Target, collect, load

if TYPE_CHECKING:
    from typing import Any

    from kx.engine.fix import Fixes

__all__ = ["LintOptions", "LintResult", "lint_target", "lint_text", "run"]

PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 512 * 1024


class LintOptions(Record):
    """Everything ``kx lint`` was asked to do (filled by the CLI from flags)."""

    __slots__ = ("cwd", "fixes", "ignore", "isolated", "jobs", "max_file_size", "paths", "select", "severity",
                 "spec_dirs", "stdin_filename", "targets")  # fmt: skip

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
        fixes: bool = False,
        targets: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.paths = paths
        self.targets = targets  # --target, over the config's target-versions
        self.select = select
        self.ignore = ignore
        self.severity = severity
        self.stdin_filename = stdin_filename
        self.isolated = isolated
        self.spec_dirs = spec_dirs
        self.max_file_size = max_file_size
        self.jobs = jobs  # 0: decide from the amount of input
        self.cwd = cwd
        self.fixes = fixes  # the diagnostics carry their certain fixes (each costs a second check)


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
    settings = lint_settings(options, config)
    targets, errors = collect(
        list(options.paths), config.exclude, options.stdin_filename, config.extend_exclude
    )
    result = LintResult(errors=errors)
    for diagnostics, error in _map(targets, settings, options.jobs, options.fixes):
        result.diagnostics.extend(diagnostics)
        if error:
            result.errors.append(error)
        else:
            result.files += 1
    return result


def lint_settings(options: LintOptions, config: Config) -> Settings:
    """The run's settings from ``kx lint``'s options and the config file (options win)."""
    if options.severity not in SEVERITIES:
        raise UsageError(f"invalid --severity {options.severity!r} (choose from error, warning, info)")
    chosen = frozenset(match_codes(options.select)) if options.select else config.select
    ignore = frozenset(match_codes(options.ignore)) | config.ignore
    return Settings(
        select=chosen, ignore=ignore, severity_map=tuple(sorted(config.severity.items())),
        min_rank=SEVERITY_RANK[options.severity], spec_dirs=config.spec_dirs + options.spec_dirs,
        max_file_size=options.max_file_size or config.max_file_size,
        targets=tuple(sorted({**config.target_versions, **dict(options.targets)}.items())),
    )  # fmt: skip


def _map(
    targets: list[Target], settings: Settings, jobs: int, fixes: bool
) -> list[tuple[list[Diagnostic], str | None]]:
    workers = jobs or _auto_jobs(targets)
    if workers <= 1 or len(targets) < 2 or any(t.source == STDIN for t in targets):
        split = jobs != 1 and (os.cpu_count() or 1) >= 2  # one long script may still use two
        return [lint_target(t, settings, split, fixes) for t in targets]
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
        shipped = pool.starmap(_lint_shipped, [(t, settings, fixes) for t in targets], chunksize=4)
    # Diagnostics are immutable slotted records: they travel between processes as dicts.
    return [([Diagnostic.from_dict(d) for d in dicts], error) for dicts, error in shipped]


def _lint_shipped(target: Target, settings: Settings, fixes: bool) -> tuple[list[dict[str, Any]], str | None]:
    diagnostics, error = lint_target(target, settings, fixes=fixes)
    return [d.to_dict() for d in diagnostics], error


def _auto_jobs(targets: list[Target]) -> int:
    if len(targets) < PARALLEL_MIN_FILES:
        return 1
    size = sum(os.path.getsize(t.source) for t in targets if os.path.isfile(t.source))
    return min(2, os.cpu_count() or 1) if size >= PARALLEL_MIN_BYTES else 1


def lint_target(
    target: Target, settings: Settings, split: bool = False, fixes: bool = False
) -> tuple[list[Diagnostic], str | None]:
    """Lint one file: its diagnostics, or a one-line error when it could not be read.

    ``split``: a long shell script may be shared out between this process and a forked one (whose
    findings come without fixes). ``fixes``: the diagnostics carry their certain fixes.
    """
    loaded = load(target, settings.max_file_size)
    if loaded.skip is not None:
        code, message = loaded.skip
        if code == "error":
            return [], message
        if message == BINARY and not target.explicit:
            return [], None  # binary files met while walking a directory are skipped quietly
        return select([file_level(target.display, code, message)], settings), None
    assert loaded.text is not None
    env = Environment.for_lint(_origin(target))
    # undecodable bytes became replacement characters: the text's offsets are not the file's
    known: Fixes | None = {} if fixes and loaded.bad_utf8_at is None else None
    split = split and not fixes  # a long script's forked half finds no fixes: one process reads it
    groups = lint_text(loaded.text, target.kind, target.dialect, settings.spec_dirs, split=split,
                       settings=settings.replace(env=env), fixes=known)  # fmt: skip
    if loaded.bad_utf8_at is not None:
        message = "the file is not valid UTF-8; undecodable bytes were replaced"
        at = loaded.bad_utf8_at
        groups.append([Finding("KX702", message, at, at + 1, stage=STAGE_LINT)])
    return finish(loaded.text, target.display, groups, settings, known), None


def _origin(target: Target) -> str | None:
    """The file whose neighbours a target's commands may name: stdin has one only when named."""
    if target.source != STDIN:
        return target.source
    return target.display if target.display != "<stdin>" else None
