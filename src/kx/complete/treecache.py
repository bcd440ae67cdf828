"""Keep the plugin responder's tree in the user cache, keyed by every input's file stamp.

``kubectl kx <TAB>`` starts a Python process each time; rebuilding the tree from the specs costs
more than the rest of the answer. The cache holds the tree as marshal data and is valid while the
spec files, kx's command tree and kx's version are unchanged.
"""

from __future__ import annotations

import marshal
import os

from kx.catalog.cachedir import cache_dir, write_atomically
from kx.complete.model import Flag, Node, Tree
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

FORMAT = 1


def cache_path(name: str) -> str:
    """The cache file for one responder tree."""
    return os.path.join(cache_dir(), f"complete-{name}.marshal")


def stamps(app_file: str) -> list[Any]:
    """What the tree depends on: kx's version, its command tree and every spec file."""
    from kx import __version__
    from kx.catalog import paths
    from kx.catalog.loader import _stamps

    info = os.stat(app_file)
    spec_stamps = [list(s) for s in _stamps(paths.search_path())]
    return [FORMAT, __version__, app_file, info.st_mtime_ns, info.st_size, spec_stamps]


def load(name: str, key: list[Any]) -> Tree | None:
    """The cached tree if its key matches."""
    try:
        with open(cache_path(name), "rb") as handle:
            cached = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(cached, dict) or cached.get("key") != key:
        return None
    return _thaw(cached["tree"])


def store(name: str, key: list[Any], tree: Tree) -> None:
    """Write the tree to the cache (silently skipped when the cache dir is not writable)."""
    write_atomically(cache_path(name), marshal.dumps({"key": key, "tree": _freeze(tree)}))


def _freeze(tree: Tree) -> dict[str, Any]:
    groups = {
        gid: [(f.long, f.short, f.takes_next, f.value, f.desc, f.offer, f.offer_short) for f in flags]
        for gid, flags in tree.groups.items()
    }
    nodes = {
        nid: (n.subs, n.sub_desc, n.groups, n.args, n.repeat_last, n.stop, n.dashdash)
        for nid, n in tree.nodes.items()
    }
    return {"root": tree.root, "programs": tree.programs, "groups": groups, "nodes": nodes}


def _thaw(raw: dict[str, Any]) -> Tree:
    tree = Tree(raw["root"], tuple(raw["programs"]))
    for gid, flags in raw["groups"].items():
        tree.groups[gid] = [
            Flag(lg, sh, nxt, val, desc, offer=offer, offer_short=osh)
            for lg, sh, nxt, val, desc, offer, osh in flags
        ]
    for nid, (subs, sub_desc, groups, args, repeat_last, stop, dashdash) in raw["nodes"].items():
        node = Node()
        node.subs, node.sub_desc, node.groups, node.args = subs, sub_desc, groups, args
        node.repeat_last, node.stop, node.dashdash = repeat_last, stop, dashdash
        tree.nodes[nid] = node
    return tree
