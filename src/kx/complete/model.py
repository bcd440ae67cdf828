"""The completion tree: what every generator and the plugin responder walk.

A tree is a set of nodes (one per command position: ``kx``, ``kx expose``, the tool after
``kx check --``...). A node has subcommands, flag groups (shared between nodes, so kubectl's global
flags are written once per script), positional slots and two switches: ``stop`` (flags end at the
first positional, like ``docker run``) and ``dashdash`` (the node that ``--`` leads to).

Values are tuples so they compare and hash cheaply: ``("choices", (...))``, ``("file",)``,
``("dir",)``, or ``NO_VALUE`` (complete nothing). Plain slotted classes, no dataclasses: the
``kubectl_complete-kx`` responder builds a tree at every TAB.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

Value = tuple[object, ...]
NO_VALUE: Value = ()
FILE: Value = ("file",)
DIR: Value = ("dir",)
BOOL_WORDS = ("true", "false")


# Candidate words every shell can hold unquoted; a choice outside this set is not offered.
SAFE_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/@%+,=-]*\Z")


def choices(items: Iterable[str]) -> Value:
    """A value completed from a fixed list (words that need shell quoting are left out)."""
    return ("choices", tuple(i for i in items if SAFE_WORD.match(i)))


class Flag:
    """One flag as completion sees it: its spellings, whether it eats the next word, its values."""

    __slots__ = ("desc", "long", "offer", "offer_short", "short", "takes_next", "value")

    def __init__(
        self,
        long: str | None,
        short: str | None,
        takes_next: bool,
        value: Value,
        desc: str,
        *,
        offer: bool = True,
        offer_short: bool = True,
    ) -> None:
        self.long = long
        self.short = short
        self.takes_next = takes_next
        self.value = value
        self.desc = desc
        self.offer = offer  # hidden and deprecated flags are parsed but never offered
        self.offer_short = offer_short

    def words(self) -> list[str]:
        """Every spelling the parser accepts: ``--long`` then ``-s``."""
        out = []
        if self.long:
            out.append(f"--{self.long}")
        if self.short:
            out.append(f"-{self.short}")
        return out

    def offered(self) -> list[str]:
        """The spellings offered at a TAB."""
        if not self.offer:
            return []
        return [w for w in self.words() if self.offer_short or w.startswith("--")]


class Node:
    """One command position."""

    __slots__ = ("args", "dashdash", "groups", "repeat_last", "stop", "sub_desc", "subs")

    def __init__(self) -> None:
        self.subs: dict[str, str] = {}
        self.sub_desc: dict[str, str] = {}
        self.groups: list[str] = []
        self.args: list[Value] = []
        self.repeat_last = False
        self.stop = False
        self.dashdash: str | None = None

    def slot(self, index: int) -> Value:
        """What the positional at ``index`` (0-based, after subcommands) completes to."""
        if index < len(self.args):
            return self.args[index]
        if self.repeat_last and self.args:
            return self.args[-1]
        return NO_VALUE


class Tree:
    """Nodes by id, flag groups by id, and the program names it completes."""

    __slots__ = ("groups", "nodes", "programs", "root")

    def __init__(self, root: str = "kx", programs: tuple[str, ...] = ("kx",)) -> None:
        self.root = root
        self.programs = programs
        self.nodes: dict[str, Node] = {}
        self.groups: dict[str, list[Flag]] = {}

    def node(self, node_id: str) -> Node:
        """The node with this id, created empty when new."""
        found = self.nodes.get(node_id)
        if found is None:
            found = self.nodes[node_id] = Node()
        return found

    def flag(self, node_id: str, word: str) -> Flag | None:
        """The flag spelled ``word`` (``--type`` or ``-t``) at a node."""
        for group in self.nodes[node_id].groups:
            for flag in self.groups[group]:
                if word in flag.words():
                    return flag
        return None

    def offered(self, node_id: str) -> list[tuple[str, Flag]]:
        """Every spelling offered at a node with its flag; a spelling an earlier group has wins."""
        seen: set[str] = set()
        out: list[tuple[str, Flag]] = []
        for group in self.nodes[node_id].groups:
            for flag in self.groups[group]:
                for word in flag.words():
                    if word not in seen:
                        seen.add(word)
                        if word in flag.offered():
                            out.append((word, flag))
        return out

    def value_sets(self) -> list[Value]:
        """Every distinct choices value used anywhere, in a stable order."""
        found: dict[Value, None] = {}
        for flags in self.groups.values():
            for flag in flags:
                found.setdefault(flag.value, None)
        for node in self.nodes.values():
            for value in node.args:
                found.setdefault(value, None)
        return [v for v in found if v and v[0] == "choices"]
