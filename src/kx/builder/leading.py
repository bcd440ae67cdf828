"""Global flags written before the subcommand: ``kubectl -n x run ...``, ``docker -H h run ...``.

kubectl's global flags go anywhere (cobra finds the subcommand around them), so they join the
command's own words and mean what they mean after it. docker reads its global options before the
subcommand only; they stay there, in canonical form, and change nothing in the create request.
"""

from __future__ import annotations

from kx.builder.command import canonical_argv, to_words
from kx.catalog.loader import SpecSet
from kx.catalog.model import CommandSpec
from kx.parse.argv import parse_argv


def _no_plugins(_tool: str, _name: str) -> bool:
    return False


def after_globals(
    specs: SpecSet, tool: str, words: list[str]
) -> tuple[CommandSpec, list[str], list[str]] | None:
    """(spec, global words that stay before the path, the command's words), or None if unknown."""
    from kx.parse.resolve import resolve

    found = resolve(to_words([tool, *words]), specs, plugin_exists=_no_plugins)
    if found is None or found.spec is None or found.dynamic:
        return None
    rest = [word.value for word in found.argv]
    if found.root.flag_scope != "local":
        return found.spec, [], rest
    return found.spec, [word.value for word in found.global_words], rest


def canonical_globals(root: CommandSpec | None, words: list[str]) -> list[str]:
    """The global words before docker's path as ``--name=value``, in the order given."""
    if root is None or not words:
        return list(words)
    return canonical_argv(parse_argv(root, to_words(words), interspersed=False))[1:]


def path_end(spec: CommandSpec, argv: list[str]) -> int:
    """Where the command's own words start in ``argv`` (after tool, canonical globals and path)."""
    size = len(spec.path)
    start = 1
    while start < len(argv) and argv[start].startswith("-") and tuple(argv[start:start + size]) != spec.path:
        start += 1
    return start + size if tuple(argv[start:start + size]) == spec.path else 1 + size


def docker_environ(root: CommandSpec | None, words: list[str]) -> dict[str, str]:
    """The environment docker's global options stand for in the create request.

    ``-H`` names the daemon, whose entry of config.json's ``proxies`` the client adds to Env, and
    ``--config`` the folder that config.json is read from; no other global changes the request.
    """
    from kx.builder.command import flag_values

    if root is None or not words:
        return {}
    values = flag_values(parse_argv(root, to_words(words), interspersed=False))
    out: dict[str, str] = {}
    hosts = values.get("host") or []
    if hosts:
        out["DOCKER_HOST"] = str(hosts[-1])
    if values.get("config"):
        out["DOCKER_CONFIG"] = str(values["config"])
    return out
