"""Flatten a completion tree into the lookup tables the shell scripts hold.

Every shell script carries the same tables (as associative arrays, hashtables or ``switch``
statements); only the walk is written per shell. Keys join a node or group id and a word with one
space. Value ids: ``-`` nothing, ``f`` files, ``d`` directories, ``cN`` the N-th choices list.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.complete.model import Tree, Value


class Tables:
    """The tree as flat string maps, every map sorted by key for deterministic output."""

    def __init__(self, tree: Tree) -> None:
        self.root = tree.root
        self.programs = tree.programs
        self.choice_ids = {v: f"c{i}" for i, v in enumerate(tree.value_sets())}
        self.choices = {f"c{i}": choice_words(v) for i, v in enumerate(tree.value_sets())}
        self.subs: dict[str, str] = {}
        self.sub_lists: dict[str, list[tuple[str, str]]] = {}
        self.node_groups: dict[str, str] = {}
        self.flags: dict[str, str] = {}
        self.offered: dict[str, list[tuple[str, str]]] = {}
        self.args: dict[str, str] = {}
        self.repeat: list[str] = []
        self.stop: list[str] = []
        self.dashdash: dict[str, str] = {}
        self._fill(tree)

    def value_id(self, value: Value) -> str:
        """The id of a value: ``-``, ``f``, ``d`` or ``cN``."""
        if not value:
            return "-"
        if value[0] == "choices":
            return self.choice_ids[value]
        return "d" if value[0] == "dir" else "f"

    def descriptions(self, tree: Tree) -> dict[str, str]:
        """One-line descriptions keyed ``group word`` (flags) and ``node word`` (subcommands)."""
        out: dict[str, str] = {}
        for group, flags in tree.groups.items():
            for flag in flags:
                for word in flag.offered():
                    out.setdefault(f"{group} {word}", one_line(flag.desc))
        for node_id, subs in self.sub_lists.items():
            for word, desc in subs:
                out[f"{node_id} {word}"] = one_line(desc)
        return {k: v for k, v in sorted(out.items()) if v}

    def _fill(self, tree: Tree) -> None:
        for group, flags in sorted(tree.groups.items()):
            for flag in flags:
                record = f"{int(flag.takes_next)} {self.value_id(flag.value)}"
                for word in flag.words():
                    self.flags.setdefault(f"{group} {word}", record)
        for node_id, node in sorted(tree.nodes.items()):
            for word, child in node.subs.items():
                self.subs[f"{node_id} {word}"] = child
            if node.subs:
                self.sub_lists[node_id] = [(w, node.sub_desc.get(w, "")) for w in node.subs]
            groups = " ".join(node.groups)
            self.node_groups[node_id] = groups
            if groups and groups not in self.offered:
                self.offered[groups] = [(w, f.desc) for w, f in tree.offered(node_id)]
            if node.args:
                self.args[node_id] = " ".join(self.value_id(v) for v in node.args)
            if node.repeat_last:
                self.repeat.append(node_id)
            if node.stop:
                self.stop.append(node_id)
            if node.dashdash:
                self.dashdash[node_id] = node.dashdash
        self.offered = dict(sorted(self.offered.items()))


def shell_arrays(t: Tables, descriptions: dict[str, str] | None = None) -> list[tuple[str, dict[str, str]]]:
    """The associative arrays bash and zsh scripts declare (zsh adds flag descriptions)."""
    arrays = [
        ("_kx_S", t.subs),
        ("_kx_L", {k: " ".join(w for w, _ in v) for k, v in t.sub_lists.items()}),
        ("_kx_G", {k: v for k, v in t.node_groups.items() if v}),
        ("_kx_F", t.flags),
        ("_kx_O", {k: " ".join(w for w, _ in v) for k, v in t.offered.items()}),
    ]
    if descriptions is not None:
        arrays.append(("_kx_H", descriptions))
    arrays += [
        ("_kx_A", t.args),
        ("_kx_R", dict.fromkeys(t.repeat, "1")),
        ("_kx_T", dict.fromkeys(t.stop, "1")),
        ("_kx_D", t.dashdash),
        ("_kx_C", {k: " ".join(v) for k, v in t.choices.items()}),
    ]
    return arrays


def choice_words(value: Value) -> list[str]:
    """The words of a ``("choices", (...))`` value."""
    return [str(word) for word in value[1]]  # type: ignore[attr-defined]


def squote(text: str) -> str:
    """Single-quote ``text`` for bash, zsh and fish (no single quotes inside our data)."""
    return "'" + text.replace("'", "'\\''") + "'"


def one_line(text: str, limit: int = 80) -> str:
    """A description cut to one short line."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
