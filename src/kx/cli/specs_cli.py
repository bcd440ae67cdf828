"""The work behind ``kx specs import`` and ``kx specs diff``: run the client, write specs, compare.

cli.py's typer commands call ``import_specs`` and ``diff_specs``; they return the lines to print
and the exit code, and raise ``KxError`` for anything the user can fix. Nothing here imports typer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kx.catalog import clienthelp, drift, helptext, importer, manage, paths
from kx.catalog.loader import load_specs
from kx.cli.outcome import Outcome
from kx.core.errors import ClientError, UsageError

if TYPE_CHECKING:
    from kx.catalog.model import CommandSpec

WORKERS = 8
MAX_DEPTH = 3  # command_paths walks at most three words deep


@dataclass(frozen=True)
class ImportRequest:
    """The ``kx specs import`` command line."""

    tool: str
    path: tuple[str, ...] = ()
    every: bool = False
    output: str | None = None
    force: bool = False


def require_client(tool: str) -> None:
    """Raise ``ClientError`` unless ``tool`` is on PATH."""
    if shutil.which(tool) is None:
        raise ClientError(f"{tool} is not installed (not found on PATH)")


def import_specs(request: ImportRequest) -> Outcome:
    """Import one command (or every listed one) from the installed client and write the specs."""
    require_client(request.tool)
    outcome = Outcome()
    if request.every:
        specs = _import_every(request.tool, request.path, outcome)
    elif request.path:
        specs = [_import_one(request.tool, request.path)]
    else:
        raise UsageError(f"name the command to import (kx specs import {request.tool} SUBCOMMAND...) "
                         "or use --all")  # fmt: skip
    targets = [(spec, _target(spec, request)) for spec in specs]
    existing = [target for _spec, target in targets if os.path.lexists(target)]
    if existing and not request.force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise UsageError(f"{existing[0]} already exists{more}; use --force to overwrite")
    if not request.every:
        _note_override(specs[0], outcome)  # before writing: the loaded specs must not include it yet
    for spec, target in targets:
        _write(target, importer.render_yaml(spec, importer.header(spec)))
        outcome.lines.append(f"wrote {target}: {_describe(spec)}")
    _validate([target for _spec, target in targets], outcome)
    _note_search_path([target for _spec, target in targets], outcome)
    return outcome


def _note_override(spec: dict[str, Any], outcome: Outcome) -> None:
    """Say so when an imported spec takes the place of a richer shipped one."""
    known = load_specs().get(spec["tool"], spec["path"])
    if known is not None and known.origin.startswith(paths.shipped_spec_dir()):
        outcome.notes.append(f"note: it overrides kx's shipped spec for {known.display_name} (its value "
                             "formats and rules are lost); delete the file to go back")  # fmt: skip


def _import_one(tool: str, path: tuple[str, ...]) -> dict[str, Any]:
    text = clienthelp.run_help(tool, path)
    spec = importer.import_text(tool, path, text, clienthelp.client_version(tool))
    described = spec.get("synopsis", "").split()[1 : 1 + len(path)]
    if described != list(path):  # docker prints its parent's help for an unknown command
        shown = " ".join([tool, *described]) if described else "something else"
        raise UsageError(f"{tool} has no command {' '.join(path)!r} (its help describes {shown!r})")
    if helptext.parse_commands(text) and not helptext.parse_flags(text):
        names = ", ".join(helptext.parse_commands(text))
        raise UsageError(f"{' '.join([tool, *path])} is a group of commands; import one of: {names}")
    return spec


def _import_every(tool: str, prefix: tuple[str, ...], outcome: Outcome) -> list[dict[str, Any]]:
    """Every command the client lists (under ``prefix``), minus shipped ones and alias duplicates."""
    with ThreadPoolExecutor(WORKERS) as pool:
        reader = HelpReader(tool, pool)
        found = importer.command_paths(tool, reader)
    version = clienthelp.client_version(tool)
    shipped = load_specs()
    specs: list[dict[str, Any]] = []
    for path in found:
        if path[: len(prefix)] != prefix:
            continue
        known = shipped.get(tool, path)
        if known is not None and known.origin.startswith(paths.shipped_spec_dir()):
            outcome.notes.append(f"skipped {tool} {' '.join(path)}: kx ships a spec for it")
            continue
        specs.append(importer.import_text(tool, path, reader.text(path), version))
    if not specs:
        raise UsageError(f"{tool} lists no command under {' '.join(prefix)!r} to import")
    return without_alias_twins(specs, outcome)


def without_alias_twins(specs: list[dict[str, Any]], outcome: Outcome) -> list[dict[str, Any]]:
    """Keep one spec per command: ``docker create`` is an alias of ``docker container create``."""
    by_path = {tuple(spec["path"]): spec for spec in specs}
    kept = []
    for spec in specs:
        own = tuple(spec["path"])
        longer = [tuple(a) for a in spec.get("aliases", ()) if tuple(a) in by_path and len(a) > len(own)]
        if longer:
            outcome.notes.append(f"skipped {spec['tool']} {' '.join(own)}: an alias of "
                                 f"{spec['tool']} {' '.join(longer[0])}")  # fmt: skip
            continue
        kept.append(spec)
    return kept


class HelpReader:
    """``read_help`` for ``importer.command_paths`` that fetches listed subcommands ahead in threads."""

    def __init__(self, tool: str, pool: ThreadPoolExecutor) -> None:
        self.tool = tool
        self.pool = pool
        self.futures: dict[tuple[str, ...], Future[str]] = {}

    def __call__(self, argv: list[str]) -> str:
        """The help text for ``[TOOL, *PATH, "--help"]``; starts fetching its subcommands' too."""
        path = tuple(argv[1:-1])
        text = self.text(path)
        if len(path) < MAX_DEPTH:
            for child in helptext.parse_commands(text):
                self._submit((*path, child))
        return text

    def text(self, path: tuple[str, ...]) -> str:
        """The help text of ``path`` (run now, or waited for when already started)."""
        return self._submit(path).result()

    def _submit(self, path: tuple[str, ...]) -> Future[str]:
        if path not in self.futures:
            self.futures[path] = self.pool.submit(self._run, path)
        return self.futures[path]

    def _run(self, path: tuple[str, ...]) -> str:
        argv = [self.tool, *path, "--help"]
        env = clienthelp.help_env(self.tool)
        try:
            done = subprocess.run(argv, capture_output=True, text=True, env=env,
                                  timeout=clienthelp.HELP_TIMEOUT, check=False)  # fmt: skip
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ClientError(f"could not run {' '.join(argv)}: {error}") from None
        return done.stdout


def _target(spec: dict[str, Any], request: ImportRequest) -> str:
    output = request.output
    if output is None:
        return importer.target_file(spec, paths.user_spec_dir())
    if request.every or os.path.isdir(output):
        if os.path.exists(output) and not os.path.isdir(output):
            raise UsageError(f"--output {output}: not a directory (--all writes one file per command)")
        return importer.target_file(spec, output)
    return output


def _write(target: str, text: str) -> None:
    """Write ``text`` to ``target`` atomically (a temporary file renamed over it)."""
    directory = os.path.dirname(os.path.abspath(target))
    temporary = os.path.join(directory, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    try:
        os.makedirs(directory, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None


def _describe(spec: dict[str, Any]) -> str:
    reviewed = sum(1 for flag in spec["flags"] if "review" in flag)
    name = " ".join([spec["tool"], *spec["path"]])
    count = len(spec["flags"])
    return f"{name} from {spec['tool']} {spec['tool_version']}, {count} flags, {reviewed} to review"


def _validate(targets: list[str], outcome: Outcome) -> None:
    problems = manage.validate_paths(targets)
    outcome.lines.extend(problems)
    if problems:
        outcome.notes.append(f"{len(problems)} problem(s) in the imported spec(s): edit them by hand")
        outcome.code = 1


def _note_search_path(targets: list[str], outcome: Outcome) -> None:
    roots = [os.path.abspath(d) + os.sep for d in paths.search_path()]
    outside = [t for t in targets if not any(os.path.abspath(t).startswith(r) for r in roots)]
    if outside:
        folder = os.path.dirname(os.path.dirname(os.path.abspath(outside[0])))
        outcome.notes.append(f"{outside[0]} is not on the spec search path: kx uses it once its "
                             f"directory is on KX_SPEC_PATH (e.g. {folder})")  # fmt: skip


def diff_specs(tool: str, path: tuple[str, ...]) -> Outcome:
    """Compare the loaded specs of ``tool`` (or one command) with the installed client's help."""
    require_client(tool)
    specs = load_specs()
    if path:
        chosen = [manage.find(specs, tool, list(path))]
    else:
        chosen = [spec for spec in specs.all() if spec.tool == tool]
    if not chosen:
        raise UsageError(f"no specs loaded for {tool!r}")
    outcome = Outcome()
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(_diff_one, chosen))
    differing = [lines for lines in results if lines]
    for lines in differing:
        outcome.lines.extend(lines)
    version = clienthelp.client_version(tool) or "(version unknown)"
    if differing:
        outcome.code = 1
        outcome.notes.append(f"{len(differing)} of {len(chosen)} spec(s) differ from the installed "
                             f"{tool} {version}")  # fmt: skip
    else:
        outcome.notes.append(f"no drift: {len(chosen)} spec(s) match the installed {tool} {version}")
    return outcome


def _diff_one(spec: CommandSpec) -> list[str]:
    try:
        return drift.report_lines(spec, drift.diff_installed(spec))
    except ClientError as error:
        return [f"{spec.display_name}:", f"  ! could not read its help: {error}"]
