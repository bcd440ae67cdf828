"""The objects ``kubectl expose -f PATH...`` reads, in kubectl's order, read offline.

kubectl takes each ``-f`` in turn: a file is split into YAML (or JSON) documents, a directory
contributes its ``.json``, ``.yaml`` and ``.yml`` files in name order (its subdirectories too with
``-R``), and a ``List`` counts item by item. URLs and stdin are not read by kx.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from kx.builder.gojson import go_json_type, sorted_compact
from kx.builder.goyaml import loader
from kx.builder.objects import GenerateError
from kx.check.readfile import read_file

_EXTENSIONS = (".json", ".yaml", ".yml")
_MAX_FILES = 1000


@dataclass(frozen=True)
class Document:
    """One object of a manifest (or why it could not be decoded) and the file it came from."""

    source: str
    body: dict[str, Any] | None
    error: str = ""


def read_documents(paths: list[str], recursive: bool) -> list[Document]:
    """Every object the ``-f`` paths name; a path kubectl would refuse raises its message."""
    found: list[Document] = []
    for path in paths:
        if path == "-":
            raise GenerateError("--format yaml does not read -f - (stdin); name the file instead")
        if path.startswith(("http://", "https://")):
            raise GenerateError(f"--format yaml does not fetch {path}; download it and use -f FILE")
        if not os.path.exists(path):
            raise GenerateError(f'the path "{path}" does not exist')
        for name in _files(path, recursive):
            found.extend(_documents(name))
    return found


def _files(path: str, recursive: bool) -> list[str]:
    if not os.path.isdir(path):
        return [path]
    found: list[str] = []
    _walk(path, recursive, found)
    if not found:
        raise GenerateError(f"error reading [{path}]: recognized file extensions are [.json .yaml .yml]")
    return found


def _walk(folder: str, recursive: bool, found: list[str]) -> None:
    """Go's filepath.Walk order: names sorted, a subdirectory walked where its name falls."""
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=lambda entry: entry.name.encode("utf-8", "surrogateescape"))
    for entry in ordered:
        if entry.is_dir(follow_symlinks=False):
            if recursive:
                _walk(entry.path, recursive, found)
        elif entry.name.endswith(_EXTENSIONS):
            found.append(entry.path)
        if len(found) > _MAX_FILES:
            raise GenerateError(f"--format yaml reads at most {_MAX_FILES} manifest files")


def _documents(path: str) -> list[Document]:
    import yaml  # only when a manifest is read

    data = read_file(path)
    if not isinstance(data, bytes):
        raise GenerateError(f"cannot read {path}: {data or 'not a regular file'}")
    try:
        loaded = [d for d in yaml.load_all(data, Loader=loader()) if d is not None]
    except (ValueError, yaml.YAMLError, RecursionError) as error:
        raise GenerateError(f"error parsing {path}: {str(error).splitlines()[0]}") from None
    out: list[Document] = []
    for item in loaded:
        out.extend(_flatten(path, item))
    return out


_TYPE_META = (
    'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'
)


def _flatten(path: str, item: object) -> list[Document]:
    if not isinstance(item, dict):
        found = go_json_type(item)
        return [
            Document(
                path,
                None,
                f'unable to decode "{path}": couldn\'t get version/kind; json parse error: '
                f"json: cannot unmarshal {found} into Go value of type {_TYPE_META}",
            )
        ]
    kind = item.get("kind")
    if not kind:
        shown = sorted_compact(item)
        return [Document(path, None, f"unable to decode \"{path}\": Object 'Kind' is missing in '{shown}'")]
    items = item.get("items")
    if isinstance(kind, str) and kind.endswith("List") and isinstance(items, list):
        return [d for sub in items for d in _flatten(path, sub)]
    return [Document(path, item)]
