"""``kx build`` / ``kx expose`` / ``kx run`` / ``kx docker-run``: build, check, print, maybe run.

Only the final command (or JSON, or YAML) goes to stdout; diagnostics, prompts and confirmations
go to stderr. Exit 0 when the command is valid, 1 when it is not (or was not confirmed), 2 when kx
was used wrongly, 130 when interrupted.
"""

from __future__ import annotations

import json
import os
from typing import TextIO

from kx.builder import command, helptext
from kx.builder.options import BuildOptions, own_words_before_path, split_options
from kx.builder.preview import Preview
from kx.builder.quote import join_argv
from kx.builder.streams import Streams, report
from kx.catalog.loader import SpecSet, load_specs
from kx.catalog.model import CommandSpec
from kx.core.errors import UsageError
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kx.builder.prompts import Prompter
    from kx.builder.session_checks import Checker
    from kx.core.diagnostics import Diagnostic

DRY_RUN_YAML = ("--dry-run=client", "--output=yaml")


def find_spec(specs: SpecSet, words: list[str]) -> tuple[CommandSpec, list[str], list[str]]:
    """``TOOL [GLOBALS] SUB... REST`` -> (the spec of the longest known path, docker's GLOBALS, REST).

    kubectl's global flags before the subcommand join REST (they go anywhere); docker's stay
    before the path, as written.
    """
    if not words:
        raise UsageError("name the command to build: kx build TOOL SUBCOMMAND... "
                         f"(known: {known_commands(specs)})")  # fmt: skip
    tool, rest = words[0], words[1:]
    found = specs.match_path(tool, rest)
    if found is not None:
        spec, used = found
        return spec, [], rest[used:]
    root = specs.root(tool)
    if rest[:1] and rest[0].startswith("-") and root is not None:
        from kx.builder.leading import after_globals

        own, others = own_words_before_path(root, rest)  # kx build docker --format json -H h run ...
        leading = after_globals(specs, tool, others)
        if leading is not None:
            spec, front, words = leading
            return spec, front, [*own, *words]
    raise UsageError(f"no spec for {' '.join(words[:2])!r} (known: {known_commands(specs)})")


def known_commands(specs: SpecSet) -> str:
    """Every buildable command, comma-separated."""
    return ", ".join(spec.display_name for spec in specs.commands())


def render(spec: CommandSpec, argv: list[str], options: BuildOptions) -> Preview:
    """The output for ``--format``: the quoted command, or what would be sent as JSON/YAML.

    JSON and YAML are the objects kubectl sends (as its ``-o json|yaml`` prints them) or docker's
    create request; a command kx has no preview for prints its argv as JSON.
    """
    if options.format not in ("json", "yaml"):
        return Preview(join_argv(argv, options.shell) + "\n")
    specs = load_specs()
    cut = _path_end(spec, argv)
    args = argv[cut:]
    if spec.tool == "docker" and spec.path == ("run",):
        from kx.builder.dockercreate import create_request, render_request
        from kx.builder.leading import docker_environ

        parsed = command.parse(spec, args, specs.root(spec.tool))
        front = docker_environ(specs.root(spec.tool), argv[1:cut - len(spec.path)])
        environ = {**os.environ, **front} if front else None
        return Preview(render_request(create_request(parsed, environ), options.format))
    if options.format == "json" and not _previews(spec):
        return Preview(json.dumps(argv, ensure_ascii=False) + "\n")
    from kx.builder.dryrun import preview  # kubectl: its objects as -o yaml|json prints them

    output = "json" if options.format == "json" else ""
    return preview(command.parse(spec, args, specs.root(spec.tool)), output)


def _previews(spec: CommandSpec) -> bool:
    """Whether kx prints what this command would send (kubectl run and expose, docker run)."""
    return (spec.tool, spec.path) in (("kubectl", ("run",)), ("kubectl", ("expose",)), ("docker", ("run",)))


def validate(
    spec: CommandSpec,
    argv: list[str],
    options: BuildOptions,
    err: TextIO,
    check: Checker,
    quiet: bool = False,
) -> tuple[bool, bool]:
    """Check the command (as the dry run kubectl would do for ``--format yaml``); report problems.

    Returns (whether it may be built, whether an error the preview carries past was found).
    ``quiet`` reports only errors (the warnings were already shown for the words as written).
    """
    if options.format == "yaml" and spec.tool not in ("kubectl", "docker"):
        raise UsageError("--format yaml is only available for kubectl and docker run commands")
    checked = _with_dry_run(spec, argv) if _object_format(spec, options) else argv
    text, diagnostics = check(checked)
    if checked is not argv:
        diagnostics = _about_the_user(spec, diagnostics)
    errors = [d for d in diagnostics if d.is_error]
    failed = any(not _previewed(spec, options, d) for d in errors)
    if diagnostics and (failed or not quiet):
        report(text, diagnostics, err)
    return not failed, bool(errors)


def _object_format(spec: CommandSpec, options: BuildOptions) -> bool:
    """Whether kubectl's object is printed: --format yaml, and json where kx previews it."""
    if spec.tool != "kubectl":
        return False
    return options.format == "yaml" or (options.format == "json" and _previews(spec))


def _about_the_user(spec: CommandSpec, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop a dry run's refusal to attach (``-i``): the preview shows what the real run sends."""
    refusals = {rule.message for rule in spec.rules
                if rule.kind == "conflicts" and "dry-run" in rule.flags}  # fmt: skip
    return [d for d in diagnostics if d.message not in refusals]


def _previewed(spec: CommandSpec, options: BuildOptions, diagnostic: Diagnostic) -> bool:
    """Whether the preview is still shown, the way the client meets this error.

    kubectl expose -f prints a Service for each object it can expose and ends with its error for
    the others (KX210). The docker client sends its create request whatever the daemon will say
    of it: a daemon-side error shows the request and then fails.
    """
    if spec.tool == "docker":
        return spec.path == ("run",) and options.format in ("json", "yaml") and diagnostic.stage == "server"
    return _object_format(spec, options) and spec.path == ("expose",) and diagnostic.code == "KX210"


def _with_dry_run(spec: CommandSpec, argv: list[str]) -> list[str]:
    """Insert the dry-run flags right after the command path (container args stay last)."""
    cut = _path_end(spec, argv)
    return [*argv[:cut], *DRY_RUN_YAML, *argv[cut:]]


def _path_end(spec: CommandSpec, argv: list[str]) -> int:
    """Where the command's own words start: after the tool, the path, and globals before it."""
    if tuple(argv[1:1 + len(spec.path)]) == spec.path:
        return 1 + len(spec.path)
    from kx.builder.leading import path_end

    return path_end(spec, argv)


def build_main(
    path: tuple[str, ...] | None, args: list[str], check: Checker, io: Streams | None = None,
    prompter: Callable[[Streams], Prompter] | None = None, versions: Mapping[str, str] | None = None,
) -> int:  # fmt: skip
    """Run a builder command; ``path`` is (tool, sub...) for a shortcut, None for ``kx build``.

    ``check`` is the engine's verdict on an argv (the builder sits below the engine); ``prompter``
    makes the prompts of ``--interactive`` (plain line prompts when not given); ``versions``
    (tool -> ``1.24`` or a range) limits the flags offered to those clients' own.
    """
    io = io or Streams.system()
    specs = load_specs()
    if path is None:
        if args[:1] in (["--help"], ["-h"]):
            io.stdout.write(helptext.build_usage(specs))
            return 0
        lead = 0  # kx's options given before the tool, as --kx-NAME (kx.cli turns them into that form)
        while lead < len(args) and args[lead].startswith("--kx-"):
            lead += 1
        spec, front, rest = find_spec(specs, args[lead:])
        args = [*args[:lead], *rest]
    else:
        found = specs.get(path[0], path[1:])
        if found is None:
            raise UsageError(f"no spec for {' '.join(path)}")
        spec, front = found, []
    options, rest = split_options(spec, args)
    if options.help:
        io.stdout.write(helptext.command_help(spec, path is not None))
        return 0
    lead_words: list[str] = []  # docker's global options, canonical, kept before the path
    if front:
        from kx.builder.leading import canonical_globals

        lead_words = canonical_globals(specs.root(spec.tool), front)
    if options.interactive or (not rest and not front and io.stdin.isatty() and io.stderr.isatty()):
        return interact(spec, rest, options, io, check, prompter, versions, lead_words)
    # Check the words as written first, so problems point at what the user typed.
    if not validate(spec, [spec.tool, *front, *spec.path, *rest], options, io.stderr, check)[0]:
        return 1
    argv = command.canonical_argv(command.parse(spec, rest, specs.root(spec.tool)))
    return finish(spec, [argv[0], *lead_words, *argv[1:]], options, io, check, quiet=True)


def interact(
    spec: CommandSpec, given: list[str], options: BuildOptions, io: Streams, check: Checker,
    prompter: Callable[[Streams], Prompter] | None, versions: Mapping[str, str] | None = None,
    lead_words: list[str] | None = None,
) -> int:  # fmt: skip
    """Ask for the command (a session on stderr), then finish it as if it had been typed.

    ``lead_words``: docker's global options given before the path, put back before it.
    """
    from kx.builder.interactive import ask_command
    from kx.catalog.history import window

    span = window(versions[spec.tool]) if versions and spec.tool in versions else None
    if span is not None:
        spec = spec.at(span)  # only the target's flags are offered
    built = ask_command(spec, given, io, check, prompter(io) if prompter else None)
    if isinstance(built, int):
        return built
    lead = lead_words or []
    if not isinstance(built, list):  # answers kept as they are: printed for fixing, not valid
        io.stderr.write("kx: the command is not valid; printed as answered, nothing run\n")
        argv = [built.argv[0], *lead, *built.argv[1:]]
        io.stdout.write(json.dumps(argv, ensure_ascii=False) + "\n" if options.format == "json"
                        else join_argv(argv, options.shell) + "\n")  # fmt: skip
        return 1
    return finish(spec, [built[0], *lead, *built[1:]], options, io, check, quiet=True)


def finish(
    spec: CommandSpec,
    argv: list[str],
    options: BuildOptions,
    io: Streams,
    check: Checker,
    quiet: bool = False,
) -> int:
    """Validate, print the requested output, and run the command when ``--exec`` was confirmed."""
    from kx.builder.objects import GenerateError

    passes, refused = validate(spec, argv, options, io.stderr, check, quiet)
    if not passes:
        return 1
    try:
        output = render(spec, argv, options)
    except GenerateError as error:
        io.stderr.write(f"kx: error: {error}\n")
        return 1
    io.stderr.writelines(f"kx: note: {note}\n" for note in output.notes)
    if output.error or refused or not options.exec:  # never run what a client would refuse
        io.stdout.write(output.text)
        if output.error:
            io.stderr.write(f"kx: error: {output.error}\n")
        return 1 if output.error or refused else 0
    return confirm_and_exec(argv, options, io)


def confirm_and_exec(argv: list[str], options: BuildOptions, io: Streams) -> int:
    """Show the command, ask, and replace this process with it on a yes."""
    io.stderr.write(f"Run: {join_argv(argv, options.shell)}\nRun it now? [y/N] ")
    io.stderr.flush()
    answer = io.stdin.readline()
    if answer.strip().lower() not in ("y", "yes"):
        io.stderr.write("kx: not run\n")
        return 1
    io.stdout.flush()
    try:
        os.execvp(argv[0], argv)
    except OSError as error:
        io.stderr.write(f"kx: error: cannot run {argv[0]}: {error.strerror}\n")
        return 127
    return 0  # pragma: no cover - execvp does not return
