"""``kx lint --fix`` and ``--diff``: apply the certain fixes to each file, then lint what is left.

A file is fixed in passes: lint it, apply the wanted fixes whose edits do not clash, lint again,
until no wanted fix is left (two fixes that insert at one place take two passes). Only the
edited bytes change: the text is the file's bytes decoded as they are (CRLF, trailing blanks and
a missing final newline stay), and it is written back atomically (a temporary file in the same
directory, the mode kept, then ``os.replace``). A file that is not valid UTF-8 is never fixed.
"""

from __future__ import annotations

import os

from kx.check.environment import Environment
from kx.core.diagnostics import SAFE, Diagnostic
from kx.core.record import Record
from kx.core.typecheck import TYPE_CHECKING
from kx.engine.fix import MAX_PASSES, apply_fixes
from kx.engine.lint import LintOptions, LintResult, _origin, lint_settings, lint_target
from kx.engine.lintfile import finish, lint_text
from kx.extract.lint_files import STDIN, Target, collect, load

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.engine.fix import Fixes
    from kx.engine.settings import Settings


class FixResult(Record):
    """What fixing did: the lint of the fixed files, how many fixes, and per changed file its texts."""

    __slots__ = ("changed", "fixed", "lint")

    def __init__(self, lint: LintResult, fixed: int, changed: list[tuple[str, str, str]]) -> None:
        self.lint = lint
        self.fixed = fixed
        self.changed = changed  # (display path, text before, text after): files changed, and stdin


def run_fix(options: LintOptions, unsafe: bool = False, write: bool = True) -> FixResult:
    """Fix every file in ``options`` (written back when ``write``), and lint the result."""
    from kx.engine.config import load_config

    config = load_config(options.cwd, isolated=options.isolated)
    settings = lint_settings(options, config)
    paths = list(options.paths)
    targets, errors = collect(paths, config.exclude, options.stdin_filename, config.extend_exclude)
    result, fixed, changed = LintResult(errors=errors), 0, []
    for target in targets:
        diagnostics, error, count, texts = fix_target(target, settings, unsafe)
        result.diagnostics.extend(diagnostics)
        if error:
            result.errors.append(error)
            continue
        result.files += 1
        fixed += count
        if texts is not None and (texts[0] != texts[1] or target.source == STDIN):
            changed.append((target.display, *texts))  # stdin: its text is the output of --fix
            if write and target.source != STDIN:
                try:
                    write_atomically(target.source, texts[1])
                except OSError as failed:
                    result.errors.append(f"{target.display}: cannot write: {failed.strerror or failed}")
    return FixResult(result, fixed, changed)


def fix_command(
    text: str, unsafe: bool = False, settings: Settings | None = None
) -> tuple[str, int, list[Diagnostic]]:
    """``kx check --fix``: the command string with its fixes applied, how many, and what is left."""
    from kx.engine.pipeline import check_command
    from kx.engine.settings import CHECK

    chosen = settings or CHECK
    return in_passes(text, lambda current: check_command(current, settings=chosen, fixes=True), unsafe)


def in_passes(
    text: str, diagnose: Callable[[str], list[Diagnostic]], unsafe: bool
) -> tuple[str, int, list[Diagnostic]]:
    """Apply the wanted fixes of ``diagnose(text)`` and diagnose again, until none is left or MAX_PASSES."""
    count = 0
    diagnostics = diagnose(text)
    for _ in range(MAX_PASSES):
        wanted = [d.fix for d in diagnostics if d.fix is not None and (unsafe or d.fix.applicability == SAFE)]
        if not wanted:
            break
        text, applied = apply_fixes(text, wanted)
        count += applied
        diagnostics = diagnose(text)
    return text, count, diagnostics


def fix_target(
    target: Target, settings: Settings, unsafe: bool
) -> tuple[list[Diagnostic], str | None, int, tuple[str, str] | None]:
    """One file: what is left to report, an error, how many fixes, and (before, after) when changed."""
    loaded = load(target, settings.max_file_size)
    if loaded.text is None or loaded.bad_utf8_at is not None:
        diagnostics, error = lint_target(target, settings)
        return diagnostics, error, 0, None
    env = Environment.for_lint(_origin(target))
    fixed = settings.replace(env=env)
    text, count, diagnostics = in_passes(loaded.text, lambda current: _lint(current, target, fixed), unsafe)
    return diagnostics, None, count, (loaded.text, text)


def _lint(text: str, target: Target, settings: Settings) -> list[Diagnostic]:
    fixes: Fixes = {}
    groups = lint_text(text, target.kind, target.dialect, settings.spec_dirs, settings=settings, fixes=fixes)
    return finish(text, target.display, groups, settings, fixes)


def write_atomically(path: str, text: str) -> None:
    """Replace the file at ``path`` (a link: the file it names) with ``text``, keeping its mode."""
    import stat
    import tempfile

    real = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(real).st_mode)
    folder, name = os.path.split(real)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".kx")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        os.unlink(temporary)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix (a missing final newline marked as diff marks it)."""
    import difflib

    out = []
    for line in difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                     f"a/{path}", f"b/{path}"):  # fmt: skip
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
