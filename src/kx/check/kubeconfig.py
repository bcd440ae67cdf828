"""kubeconfig files as kubectl loads them: which files, whether they load, and their entry names.

kubectl reads ``--kubeconfig`` alone when given (it must exist), else every file listed in
``KUBECONFIG`` (missing ones skipped), else ``~/.kube/config`` (none at all is an empty config).
A ``--context``, ``--cluster`` or ``--user`` must name an entry of the merged files.
"""

from __future__ import annotations

import os

from kx.check.readfile import read_file
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

# flag -> (the kubeconfig list it names an entry of, the word kubectl's message uses)
ENTRY_FLAGS = {"context": ("contexts", "context"), "cluster": ("clusters", "cluster"),
               "user": ("users", "auth info")}  # fmt: skip
_LISTS = ("clusters", "contexts", "users")


class Entries:
    """The entry names of the loaded kubeconfig files; a list is None when its names are unsure."""

    __slots__ = ("names", "sources")

    def __init__(self, names: dict[str, frozenset[str] | None], sources: tuple[str, ...]) -> None:
        self.names = names
        self.sources = sources

    def has(self, kind: str, name: str) -> bool | None:
        """Whether list ``kind`` (``contexts``...) holds ``name``; None when that cannot be told."""
        found = self.names.get(kind)
        return None if found is None else name in found


def search_paths(environ: Mapping[str, str]) -> tuple[str, ...] | None:
    """The files kubectl reads without --kubeconfig; None when it would use in-cluster config."""
    listed = [p for p in environ.get("KUBECONFIG", "").split(os.pathsep) if p]
    if listed:
        return tuple(dict.fromkeys(listed))
    home = environ.get("HOME") or os.path.expanduser("~")
    default = os.path.join(home, ".kube", "config")
    if not os.path.exists(default) and environ.get("KUBERNETES_SERVICE_HOST"):
        return None  # inside a pod kubectl may use the service account instead
    return (default,)


def load_entries(paths: tuple[str, ...], explicit: bool = False) -> Entries | None:
    """Merge the entry names of ``paths``; None when one of them cannot be read or loaded."""
    merged: dict[str, set[str] | None] = {kind: set() for kind in _LISTS}
    for path in paths:
        if not os.path.exists(path) and not explicit:
            continue  # kubectl skips a missing file of KUBECONFIG
        data = read_file(path)
        if data is None or isinstance(data, str):
            return None
        loaded = parse(data)
        if isinstance(loaded, str):
            return None
        for kind in _LISTS:
            names, have = loaded.get(kind), merged[kind]
            merged[kind] = None if names is None or have is None else have | names
    final = {kind: None if names is None else frozenset(names) for kind, names in merged.items()}
    return Entries(final, paths)


def problem(data: bytes) -> str | None:
    """Why kubectl cannot load a kubeconfig with this content, or None."""
    loaded = parse(data)
    return loaded if isinstance(loaded, str) else None


def parse(data: bytes) -> dict[str, set[str] | None] | str:
    """Entry names by list (None: some name is not plain text), or why the file does not load."""
    import yaml  # only when a kubeconfig is read

    if not data.strip():
        return {kind: set() for kind in _LISTS}
    try:
        document = next(iter(yaml.safe_load_all(data)), None)
    except yaml.YAMLError as exc:
        return f"it is not valid YAML ({_first_line(exc)})"
    except (ValueError, RecursionError):
        return "it is not valid YAML"
    if document is None:
        return {kind: set() for kind in _LISTS}
    if not isinstance(document, dict):
        return "it is not a mapping of kubeconfig fields"
    fields = {str(key).lower(): value for key, value in document.items()}
    kind, version = fields.get("kind"), fields.get("apiversion")
    if isinstance(kind, str) and kind not in ("", "Config"):
        return f"its kind is {kind!r}, not Config"
    if isinstance(version, str) and version not in ("", "v1"):
        return f"its apiVersion is {version!r}, not v1"
    names: dict[str, set[str] | None] = {}
    for list_name in _LISTS:
        found = _names(fields.get(list_name), list_name)
        if isinstance(found, str):
            return found
        names[list_name] = found
    return names


def _names(items: object, list_name: str) -> set[str] | str | None:
    if items is None:
        return set()
    if not isinstance(items, list):
        return f"{list_name} must be a list of named entries"
    names: set[str] | None = set()
    for item in items:
        if item is None:
            continue
        if not isinstance(item, dict):
            return f"each entry of {list_name} must be a mapping with a name"
        name = {str(k).lower(): v for k, v in item.items()}.get("name")
        if isinstance(name, str) and names is not None:
            names.add(name)
        elif name is not None:
            names = None  # YAML typed it (a number, a date): kubectl reads the text, kx cannot
    return names


def _first_line(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"line {mark.line + 1}: {what}" if mark is not None else str(what)
