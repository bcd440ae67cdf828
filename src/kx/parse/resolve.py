"""From the words of one command to the tool, its subcommand and the spec that describes it.

docker reads its global options with a non-interspersed parse of its own before the subcommand
(ground-truth P2, G1). kubectl finds the subcommand as cobra does: it strips flags from the
words (guessing that an unknown ``--flag`` or a value-taking ``-f`` eats the next word), takes the
first remaining word, and hands every other word, global flags included, to the subcommand (P3).
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING
from kx.parse.argv import parse_argv
from kx.parse.plugins import plugin_installed
from kx.parse.resolution import Resolution
from kx.parse.subcommand import command_word_indices, report_group_flag, report_unmatched, traverse_start
from kx.parse.tools import tool_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from kx.catalog.loader import SpecSet
    from kx.parse.parsed import ParsedCommand
    from kx.parse.span import Word

    PluginLookup = Callable[[str, str], bool]


def resolve(
    words: list[Word], specs: SpecSet, *, plugin_exists: PluginLookup = plugin_installed
) -> Resolution | None:
    """Find the tool, the subcommand and its spec; None when the words run no tool kx knows."""
    found_run = _command(words, specs)
    if found_run is None:
        return None
    tool, run = found_run
    root = specs.root(tool)
    if root is None:  # pragma: no cover - tool_name checked it
        return None
    prefix = [] if run[0] is words[0] else [w for w in words if w.start < run[0].start]
    found = Resolution(tool, run[0], root, prefix)
    rest = run[1:]
    if root.flag_scope == "local":
        _resolve_local(found, rest, specs, plugin_exists)
    else:
        _resolve_persistent(found, rest, specs, plugin_exists)
    return found


def _command(words: list[Word], specs: SpecSet) -> tuple[str, list[Word]] | None:
    """The tool and the words from its name on: the words themselves, or what their wrappers run."""
    first = words[0] if words else None
    tool = tool_name(first.value, specs.root) if first is not None and not first.dynamic else None
    if tool is not None:
        return tool, words
    from kx.parse.wrappers import command_words  # the wrapper table, loaded only when needed

    run = command_words(words)
    if run is None or run[0].dynamic:
        return None
    tool = tool_name(run[0].value, specs.root)
    return None if tool is None else (tool, run)


def _resolve_local(found: Resolution, rest: list[Word], specs: SpecSet, plugin_exists: PluginLookup) -> None:
    """docker: parse the global options, then the subcommand path from the first positional."""
    found.globals = parsed = parse_argv(found.root, rest, interspersed=False)
    found.problems.extend(parsed.problems)
    names = parsed.positionals
    found.global_words = rest[: len(rest) - len(names)]
    if parsed.dash is not None and names and names[0].value.startswith("-"):
        # after `docker -- ...` cobra still skips flag-like words to find the command
        start = traverse_start(names, found.root)
        more = parse_argv(found.root, names[:start], interspersed=False)
        found.problems.extend(more.problems)
        parsed.uses.extend(more.uses)
        found.global_words = found.global_words + names[:start]
        names = names[start:]
    if names:
        _match(found, names, specs, plugin_exists, first_flag=None)


def _resolve_persistent(
    found: Resolution, rest: list[Word], specs: SpecSet, plugin_exists: PluginLookup
) -> None:
    """kubectl: cobra's subcommand search; flags anywhere are left for the command's parser."""
    indices = command_word_indices(rest, found.root)
    if not indices:
        parsed = parse_argv(found.root, rest)
        found.problems.extend(p for p in parsed.problems if p.code != "KX107")
        found.global_words = found.argv = list(rest)
        return
    names = [rest[j] for j in indices]
    first_flag = rest[0] if rest[0].value.startswith("-") else None
    size = _match(found, names, specs, plugin_exists, first_flag)
    found.global_words = rest[: indices[0]]
    if size == 0 or indices[size - 1] == size - 1:  # the path words come first, as usual
        found.argv = rest[size:]
        return
    used = set(indices[:size])
    found.argv = [word for j, word in enumerate(rest) if j not in used]


def _match(
    found: Resolution,
    names: list[Word],
    specs: SpecSet,
    plugin_exists: PluginLookup,
    first_flag: Word | None,
) -> int:
    """Set the spec from the longest known path; report unknown ones. Returns the path length."""
    values: list[str] = []
    for word in names[:4]:
        if word.dynamic:
            break
        values.append(word.value)
    if not values:
        found.dynamic = True
        return 0
    matched = specs.match_path(found.tool, values)
    if matched is not None:
        found.spec, size = matched
        found.path_words = names[:size]
        if found.root.flag_scope == "local":
            found.argv = names[size:]
        return size
    found.path_words = [names[0]]
    if found.root.flag_scope == "local":
        found.argv = names[1:]
        group = names[0].value in found.root.subcommands and specs.is_group(found.tool, names[0].value)
        if group and len(names) > 1 and report_group_flag(found, names):
            return 1  # a built-in group refuses flags; a plugin (with a plugin spec) parses its own
        if group and len(names) > 1:  # `docker container create`: name the command, not the group
            report_unmatched(found, names, first_flag, plugin_exists, names[1])
            return 1
    report_unmatched(found, names, first_flag, plugin_exists)
    return 1


def resolve_and_parse(words: list[Word], specs: SpecSet) -> tuple[Resolution, ParsedCommand | None] | None:
    """Resolve, then parse the command's words against its spec (None: not a command kx knows)."""
    found = resolve(words, specs)
    if found is None:
        return None
    if found.spec is None:
        return found, None
    spec = found.spec
    words, path = found.path_words, spec.path
    name = None  # the spec's own name, unless an alias was written (`docker container run`)
    if len(words) == 1 == len(path):  # the usual `docker run`: one word, no list built
        if words[0].value != path[0]:
            name = f"{spec.tool} {words[0].value}"
    elif len(words) != len(path) or [word.value for word in words] != list(path):
        name = " ".join((spec.tool, *(word.value for word in words)))
    return found, parse_argv(spec, found.argv, root=found.root, name=name)
