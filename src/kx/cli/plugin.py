"""Entry points for kx as a kubectl plugin (``kubectl kx``) and a docker CLI plugin (``docker kx``).

Inside a plugin the host tool is implied: ``kubectl kx check expose deploy web --port 80`` checks
``kubectl expose ...`` and ``docker kx check run -p 80:80 nginx`` checks ``docker run ...``.
docker runs its plugins as ``docker-kx kx ARGS...`` (``docker help kx`` as ``docker-kx help kx``),
asks them for metadata with ``docker-kx docker-cli-plugin-metadata``, and forwards TAB with
``docker-kx __complete kx ARGS...``. ``docker kx run`` builds ``docker run`` (kx's own ``run`` is
kubectl's), and ``help [COMMAND]`` is the command's ``--help``.
"""

from __future__ import annotations

import sys

from kx import __version__
from kx.core.errors import UsageError
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.tools import tool_name

if TYPE_CHECKING:
    from collections.abc import Sequence

CHECKERS = ("check", "exec", "explain")
# Builder shortcuts whose command has its own -i: a lone -i cannot build a valid command there
# (run needs a NAME, docker run an IMAGE), so inside a plugin it asks for the interactive builder.
BUILDERS_WITH_I = ("run", "docker-run")
# `docker kx run` builds the host's own run: kx's `run` shortcut is kubectl's.
BUILDER_FOR_RUN = {"docker": "docker-run"}
PROJECT_URL = "https://github.com/kx-dev/kx"
METADATA_CALL = "docker-cli-plugin-metadata"
COMPLETE_CALLS = ("__complete", "__completeNoDesc")


def with_tool(args: Sequence[str], tool: str) -> list[str]:
    """The arguments of ``check``/``exec`` with ``tool`` put before a command that names none."""
    from kx.cli import check_options

    try:
        options = check_options.parse(list(args))
    except UsageError:
        return list(args)  # kx itself reports the mistake
    if options is None:
        return list(args)  # help, or a line typer will judge
    start = len(args) - len(options.command)
    if options.string is not None:
        first = options.string.split(maxsplit=1)[:1]
        if first and tool_name(first[0]) is None:
            return [*args[:start], f"{tool} {options.string.lstrip()}"]
        return list(args)
    if tool_name(options.command[0]) is not None:
        return list(args)
    return [*args[:start], tool, *args[start:]]


def build_with_tool(args: Sequence[str], tool: str) -> list[str]:
    """The arguments of ``build`` with ``tool`` put before a command that names none."""
    from kx.cli import lightparse
    from kx.cli.optable import COMMANDS

    found = lightparse.parse(COMMANDS["build"], list(args))
    if found is None or not found[1] or tool_name(found[1][0]) is not None:
        return list(args)
    start = len(args) - len(found[1])
    return [*args[:start], tool, *args[start:]]


def plugin_args(args: Sequence[str], tool: str) -> list[str]:
    """The arguments typed after ``kubectl kx``/``docker kx``, with the plugin's defaults applied."""
    if not args:
        return []
    if args[0] == "help":  # `docker kx help [COMMAND]`, as docker's own commands take it
        return [*plugin_args(args[1:], tool), "--help"] if args[1:] else ["--help"]
    name = BUILDER_FOR_RUN.get(tool, args[0]) if args[0] == "run" else args[0]
    if name in CHECKERS:
        return [name, *with_tool(args[1:], tool)]
    if name == "build":
        return [name, *build_with_tool(args[1:], tool)]
    if name in BUILDERS_WITH_I and list(args[1:]) == ["-i"]:
        return [name, "--kx-interactive"]
    return [name, *args[1:]]


def kubectl_main() -> int:
    """Entry point of ``kubectl-kx`` (kubectl finds it on PATH): ``kx`` with kubectl implied."""
    from kx.cli.main import main

    return main(plugin_args(sys.argv[1:], "kubectl"), prog="kubectl kx")


def metadata() -> str:
    """The JSON docker reads from ``docker-kx docker-cli-plugin-metadata``."""
    import json

    body = {
        "SchemaVersion": "0.1.0",
        "Vendor": "kx developers",
        "Version": __version__,
        "ShortDescription": "Check, lint and build docker and kubectl commands offline",
        "URL": PROJECT_URL,
    }
    return json.dumps(body, indent=2) + "\n"


def complete(call: str, words: Sequence[str]) -> int:
    """Answer docker's forwarded ``__complete`` (cobra's protocol) from the specs."""
    from kx.complete.cobra import NO_FILE_COMP, respond

    try:
        answer = respond(words, "docker")
    except Exception as error:  # a TAB must never print a traceback into the user's prompt
        sys.stderr.write(f"kx: completion failed: {error}\n")
        sys.stdout.write(f":{NO_FILE_COMP | 1}\n")
        return 1
    if call == "__completeNoDesc":
        answer = "".join(line.split("\t", 1)[0] + "\n" for line in answer.splitlines())
    sys.stdout.write(answer)
    return 0


def docker_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``docker-kx`` CLI plugin: ``kx`` with docker implied."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [METADATA_CALL]:
        sys.stdout.write(metadata())
        return 0
    if args[:1] and args[0] in COMPLETE_CALLS:
        words = args[2:] if args[1:2] == ["kx"] else args[1:]
        return complete(args[0], words)
    if args[:1] == ["kx"]:  # docker passes the plugin's own name first
        args = args[1:]
    elif args[:2] == ["help", "kx"]:  # `docker help kx [COMMAND]`
        args = ["help", *args[2:]]
    from kx.cli.main import main

    return main(plugin_args(args, "docker"), prog="docker kx")


if __name__ == "__main__":  # what the installed docker-kx script runs
    raise SystemExit(docker_main())
