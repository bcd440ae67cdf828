"""Answer cobra's completion protocol for kx as a plugin: ``kubectl_complete-kx`` and docker.

kubectl runs ``kubectl_complete-kx ARGS... CURRENT`` at ``kubectl kx <TAB>``; docker runs a CLI
plugin's ``__complete`` the same way. The answer is one candidate a line (``word<TAB>description``)
then ``:DIRECTIVE``. This path imports neither typer nor yaml: kx's command tree comes from the
committed ``kx_app.json`` and the specs from the loader's compiled cache.
"""

from __future__ import annotations

import sys

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.complete.model import Tree

# cobra's ShellCompDirective bits.
DEFAULT = 0  # let the shell complete file names
NO_FILE_COMP = 4
FILTER_DIRS = 16


def plugin_tree(default_tool: str) -> Tree:
    """The tree for kx run as a plugin: a bare command after check/exec is ``default_tool``'s."""
    from kx.complete import APP_JSON, treecache

    name = f"plugin-{default_tool}"
    from kx.catalog.installed import installed_versions

    try:
        key = [*treecache.stamps(APP_JSON), sorted(installed_versions().items())]
    except OSError:
        return _build_plugin_tree(default_tool)
    tree = treecache.load(name, key)
    if tree is None:
        tree = _build_plugin_tree(default_tool)
        treecache.store(name, key, tree)
    return tree


def _build_plugin_tree(default_tool: str) -> Tree:
    import json

    from kx.catalog.loader import load_specs
    from kx.complete import APP_JSON
    from kx.complete.tree import WRAPPERS, build_tree

    with open(APP_JSON, encoding="utf-8") as handle:
        app = json.load(handle)
    from kx.catalog.installed import installed_versions

    tree = build_tree(app, load_specs(), installed_versions())
    root = tree.nodes.get("kx")
    if default_tool == "docker" and root is not None and "docker-run" in root.subs:
        root.subs["run"] = root.subs["docker-run"]  # `docker kx run` builds docker run (kx.cli.plugin)
        root.sub_desc["run"] = root.sub_desc.get("docker-run", "")
    tool_node = tree.nodes.get(f"w.{default_tool}")
    for name in WRAPPERS:
        node = tree.nodes.get(f"kx.{name}")
        if node is not None and tool_node is not None:
            for word, child in tool_node.subs.items():
                node.subs.setdefault(word, child)
                node.sub_desc.setdefault(word, tool_node.sub_desc.get(word, ""))
    return tree


def respond(args: Sequence[str], default_tool: str = "kubectl") -> str:
    """The protocol answer for ``args`` (the words after ``kx``, the last one being completed)."""
    from kx.complete.walk import complete

    words, current = list(args[:-1]), (args[-1] if args else "")
    outcome = complete(plugin_tree(default_tool), words, current)
    lines = []
    for word, desc in outcome.candidates:
        value = word[len(outcome.prefix) :]  # cobra answers bare values for --flag=
        lines.append(f"{value}\t{desc}" if desc else value)
    directive = NO_FILE_COMP
    if outcome.files == "file":
        directive = DEFAULT
    elif outcome.files == "dir":
        directive = FILTER_DIRS
    lines.append(f":{directive}")
    return "\n".join(lines) + "\n"


def kubectl_main() -> int:
    """Entry point of ``kubectl_complete-kx``."""
    try:
        sys.stdout.write(respond(sys.argv[1:], "kubectl"))
    except Exception as error:  # a TAB must never print a traceback into the user's prompt
        sys.stderr.write(f"kx: completion failed: {error}\n")
        sys.stdout.write(f":{NO_FILE_COMP | 1}\n")
        return 1
    return 0
