"""Build the completion tree from kx's own command tree and the loaded specs.

Node ids: ``kx``, ``kx.<sub>...`` for kx's commands; ``w``, ``w.<tool>``, ``w.<tool>.<sub>...``
for the command after ``kx check --`` / ``kx exec --``; ``b.<tool>...`` under ``kx build``.
Flag groups: ``s:<spec key>`` for a spec's own flags (shared by every node that accepts them) and
``a:<node id>`` for kx's own options of a command.
"""

from __future__ import annotations

from kx.catalog.history import offered_at, version_key, window
from kx.complete import model
from kx.complete.model import DIR, FILE, NO_VALUE, Flag, Tree, Value
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from kx.catalog.loader import SpecSet
    from kx.catalog.model import CommandSpec, FlagSpec, PositionalSpec

# kx commands whose ``--`` is followed by a docker/kubectl command line (completed like it).
WRAPPERS = ("check", "exec", "explain")
# Builder shortcuts: kx command -> (tool, subcommand path) of the spec it builds.
SHORTCUTS = {"expose": ("kubectl", ("expose",)), "run": ("kubectl", ("run",)),
             "docker-run": ("docker", ("run",))}  # fmt: skip
BUILD = "build"
# Values offered for flags whose spec names a format rather than a closed list of choices.
FORMAT_CHOICES = {
    "restart-policy": ("no", "always", "on-failure", "unless-stopped"),
    "dry-run": ("none", "server", "client"),
    "cgroupns-mode": ("host", "private"),
    "pid-mode": ("host",),
    "uts-mode": ("host",),
    "userns-mode": ("host",),
    "docker-network": ("bridge", "host", "none"),
    "output-format": ("json", "yaml", "name", "go-template", "go-template-file", "template",
                      "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file"),
}  # fmt: skip


def build_tree(app: dict[str, Any], specs: SpecSet, versions: Mapping[str, str] | None = None) -> Tree:
    """The whole tree: kx's commands, the wrapped tools and the builder.

    Only the flags of the client versions in ``versions`` (tool -> ``1.24`` or ``1.24..1.32``;
    a tool not in it: the spec's own version) are offered; the others still parse.
    """
    tree = Tree()
    _spec_side(tree, specs, "w", None)
    _app_node(tree, app, "kx", specs)
    _offer_by_version(tree, specs, versions or {})
    return tree


def _offer_by_version(tree: Tree, specs: SpecSet, versions: Mapping[str, str]) -> None:
    for group, entries in tree.groups.items():
        spec = specs.build(group[2:]) if group.startswith("s:") else None
        if spec is None:
            continue
        span = window(versions.get(spec.tool) or spec.tool_version)
        by_name = {flag.name: flag for flag in spec.own_flags}
        for entry in entries:
            flag = by_name.get(entry.long or "")
            if flag is not None and not offered_at(flag, span):
                entry.offer = False
            elif flag is not None and flag.short_added and span and version_key(flag.short_added) > span[0]:
                entry.offer_short = False  # kubectl run's -q: 1.21, --quiet before it


def _app_node(tree: Tree, entry: dict[str, Any], node_id: str, specs: SpecSet) -> None:
    node = tree.node(node_id)
    own = f"a:{node_id}"
    tree.groups[own] = [_app_flag(o) for o in entry["options"]]
    name = node_id.rpartition(".")[2]
    shortcut = SHORTCUTS.get(name) if node_id.count(".") == 1 else None
    spec = specs.get(*shortcut) if shortcut else None
    if spec is not None:
        _fill_from_spec(tree, node_id, spec, specs)
    else:
        node.args = [_app_value(a["value"]) for a in entry["args"]]
        node.repeat_last = bool(entry["args"]) and entry["args"][-1]["repeat"]
    node.groups.append(own)
    if node_id in {f"kx.{w}" for w in WRAPPERS}:
        node.dashdash = "w"  # the wrapped command follows `--`, or starts at the first word
        node.args, node.repeat_last = [], False
        node.subs.update(tree.node("w").subs)
        node.sub_desc.update(tree.node("w").sub_desc)
    if node_id == f"kx.{BUILD}":
        node.args, node.repeat_last = [], False
        _spec_side(tree, specs, "b", own, into=node_id)
    for sub, sub_entry in entry["commands"].items():
        node.subs[sub] = f"{node_id}.{sub}"
        node.sub_desc[sub] = sub_entry.get("help", "")
        _app_node(tree, sub_entry, f"{node_id}.{sub}", specs)


def _app_flag(option: dict[str, Any]) -> Flag:
    return Flag(option["long"], option["short"], option["takes_next"],
                _app_value(option["value"]), option["desc"])  # fmt: skip


def _app_value(raw: list[Any]) -> Value:
    if not raw:
        return NO_VALUE
    if raw[0] == "choices":
        return model.choices(raw[1])
    return DIR if raw[0] == "dir" else FILE


def _spec_side(
    tree: Tree, specs: SpecSet, prefix: str, extra: str | None, into: str | None = None
) -> None:
    """Nodes for every tool: ``prefix`` lists the tools, ``prefix.tool...`` their commands."""
    top = tree.node(into or prefix)
    for tool in specs.tools():
        tool_id = f"{prefix}.{tool}"
        top.subs[tool] = tool_id
        root = specs.root(tool)
        top.sub_desc[tool] = root.summary if root else ""
        tool_node = tree.node(tool_id)
        if root is not None and into is None:
            tool_node.groups.extend(_spec_groups(tree, root, specs))
        if extra:
            tool_node.groups.append(extra)
        for spec in specs.commands():
            if spec.tool == tool:
                _command_paths(tree, tool_id, spec, specs, extra)


def _command_paths(
    tree: Tree, tool_id: str, spec: CommandSpec, specs: SpecSet, extra: str | None
) -> None:
    target = f"{tool_id}.{'.'.join(spec.path)}"
    for path in (spec.path, *spec.aliases):
        parent = tool_id
        for depth, word in enumerate(path):
            child = target if depth == len(path) - 1 else f"{parent}.{word}"
            node = tree.node(parent)
            node.subs.setdefault(word, child)
            if depth == len(path) - 1:
                node.sub_desc.setdefault(word, spec.summary)
            else:
                node.sub_desc.setdefault(word, "")
                tree.node(child)
            parent = child
    _fill_from_spec(tree, target, spec, specs)
    if extra and extra not in tree.node(target).groups:
        tree.node(target).groups.append(extra)


def _fill_from_spec(tree: Tree, node_id: str, spec: CommandSpec, specs: SpecSet) -> None:
    node = tree.node(node_id)
    node.groups.extend(_spec_groups(tree, spec, specs))
    node.args = [_positional_value(p) for p in spec.positionals]
    node.repeat_last = bool(spec.positionals) and spec.positionals[-1].repeat
    if node.repeat_last and spec.positionals[-1].format == "resource-arg":
        node.args.append(NO_VALUE)  # TYPE first, then names
    node.stop = not spec.interspersed


def _spec_groups(tree: Tree, spec: CommandSpec, specs: SpecSet) -> list[str]:
    """The spec's own flag group, then its parents' (own flags shadow inherited ones)."""
    out: list[str] = []
    _collect_groups(tree, spec, specs, out)
    return out


def _collect_groups(tree: Tree, spec: CommandSpec, specs: SpecSet, out: list[str]) -> None:
    group = f"s:{spec.key}"
    if group in out:
        return
    out.append(group)
    if group not in tree.groups:
        tree.groups[group] = [_spec_flag(f) for f in spec.own_flags]
    for parent_key in spec.inherits:
        parent = specs.build(parent_key)
        if parent is not None:
            _collect_groups(tree, parent, specs, out)


def _spec_flag(flag: FlagSpec) -> Flag:
    return Flag(
        flag.name, flag.short, flag.takes_value, _flag_value(flag), flag.summary,
        offer=not flag.hidden and flag.deprecated is None, offer_short=not flag.short_deprecated,
    )  # fmt: skip


def _flag_value(flag: FlagSpec) -> Value:
    if flag.choices:
        return model.choices(flag.choices)
    if flag.format in FORMAT_CHOICES:
        return model.choices(FORMAT_CHOICES[flag.format])
    if flag.is_bool:
        return model.choices(model.BOOL_WORDS)
    return _hint_value(flag.value_hint)


def _hint_value(hint: str | None) -> Value:
    if hint in ("file", "path"):
        return FILE
    return DIR if hint == "dir" else NO_VALUE


def _positional_value(positional: PositionalSpec) -> Value:
    if positional.choices:
        return model.choices(positional.choices)
    if positional.format == "resource-arg":
        return model.choices(resource_types())
    return _hint_value(positional.value_hint)


def resource_types() -> tuple[str, ...]:
    """Resource types offered for ``kubectl expose TYPE``: the exposable kinds, as kubectl does."""
    from kx.check.formats import kube_resources

    return tuple(r.singular for r in kube_resources.resources() if r.exposable)
