"""Walk a command line over the completion tree and list the candidates (Python version).

The shell scripts implement the same walk in their own language; this one answers the kubectl and
docker plugin completion calls and serves the tests as a reference.

The walk, word by word: a value owed to the previous flag is skipped; ``--`` goes to the node's
``dashdash`` target or ends flag parsing; ``--flag=v`` is whole; ``--flag`` owes the next word when
it takes a value; ``-abc`` is read as shorthands until one takes a value; any other word is a
subcommand (only before the first positional) or a positional, and a positional ends flag parsing
at a ``stop`` node.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kx.complete.model import Flag, Tree, Value


class Outcome:
    """What to offer: candidate words with descriptions, or paths (``files`` is file/dir)."""

    __slots__ = ("candidates", "files", "prefix")

    def __init__(self, candidates: list[tuple[str, str]], files: str | None, prefix: str) -> None:
        self.candidates = candidates
        self.files = files
        self.prefix = prefix  # ``--flag=`` when the values complete inside one word

    def words(self) -> list[str]:
        """The candidate words, sorted."""
        return sorted(w for w, _ in self.candidates)


class State:
    """Where the walk stands after the words before the cursor."""

    __slots__ = ("node", "npos", "pending", "rest")

    def __init__(self, node: str) -> None:
        self.node = node
        self.npos = 0
        self.rest = False
        self.pending: Flag | None = None


def walk(tree: Tree, words: Sequence[str]) -> State:
    """The state after ``words`` (the words after the program name, before the cursor)."""
    state = State(tree.root)
    for word in words:
        if state.pending is not None:
            state.pending = None
        elif state.rest:
            state.npos += 1
        elif word == "--":
            _dashdash(tree, state)
        elif word.startswith("--"):
            flag = None if "=" in word else tree.flag(state.node, word)
            state.pending = flag if flag is not None and flag.takes_next else None
        elif word.startswith("-") and len(word) > 1:
            state.pending = _shorts(tree, state.node, word)
        else:
            _positional(tree, state, word)
    return state


def _dashdash(tree: Tree, state: State) -> None:
    target = tree.nodes[state.node].dashdash
    if target is None:
        state.rest = True
    else:
        state.node, state.npos = target, 0


def _shorts(tree: Tree, node: str, word: str) -> Flag | None:
    """The flag owed a value by a shorthand cluster, if its value is not attached."""
    for index in range(1, len(word)):
        flag = tree.flag(node, f"-{word[index]}")
        if flag is None:
            return None
        if flag.takes_next:
            return flag if index == len(word) - 1 else None
    return None


def _positional(tree: Tree, state: State, word: str) -> None:
    node = tree.nodes[state.node]
    if state.npos == 0 and word in node.subs:
        state.node = node.subs[word]
        return
    state.npos += 1
    if node.stop:
        state.rest = True


def complete(tree: Tree, words: Sequence[str], current: str) -> Outcome:
    """Candidates for ``current`` after ``words`` (both without the program name)."""
    state = walk(tree, words)
    if state.pending is not None:
        return _values(state.pending.value, current, "")
    node = tree.nodes[state.node]
    if state.rest:
        return _values(node.slot(state.npos), current, "")
    if current.startswith("--") and "=" in current:
        name, _, rest = current.partition("=")
        flag = tree.flag(state.node, name)
        return _values(flag.value if flag else (), rest, f"{name}=")
    if current.startswith("-"):
        found = [(w, f.desc) for w, f in tree.offered(state.node) if w.startswith(current)]
        return Outcome(found, None, "")
    out = _values(node.slot(state.npos), current, "")
    if state.npos == 0:
        subs = [(s, node.sub_desc.get(s, "")) for s in node.subs if s.startswith(current)]
        out.candidates = subs + out.candidates
    return out


def _values(value: Value, current: str, prefix: str) -> Outcome:
    if not value:
        return Outcome([], None, prefix)
    if value[0] == "choices":
        items: tuple[str, ...] = value[1]  # type: ignore[assignment]
        return Outcome([(prefix + c, "") for c in items if c.startswith(current)], None, prefix)
    return Outcome([], str(value[0]), prefix)
