"""Manifests named by ``kubectl expose -f``: the kinds of object they hold.

kubectl exposes only Pods, Services and ReplicationControllers (core group) and Deployments and
ReplicaSets (apps, and the old extensions group); any other object in the files fails with
"cannot expose a Kind.group". A directory contributes its .json, .yaml and .yml files (its
subdirectories too with -R); a List's items count one by one.
"""

from __future__ import annotations

import os

from kx.check.formats.kube_resources import EXPOSABLE_KINDS

_EXTENSIONS = (".json", ".yaml", ".yml")
_MAX_FILES = 200


def unexposable(path: str, recursive: bool = False) -> str | None:
    """The first object kind (``DaemonSet.apps``) under ``path`` that kubectl cannot expose, or None.

    Files that do not parse, or objects without a plain kind and apiVersion, are not judged here.
    """
    for name in _files(path, recursive):
        found = _file_kind(name)
        if found is not None:
            return found
    return None


def _files(path: str, recursive: bool) -> list[str]:
    if not os.path.isdir(path):
        return [path]
    found: list[str] = []
    for folder, dirs, files in os.walk(path):
        dirs.sort()
        if not recursive:
            dirs.clear()
        found.extend(os.path.join(folder, f) for f in sorted(files) if f.endswith(_EXTENSIONS))
        if len(found) >= _MAX_FILES:
            break
    return found[:_MAX_FILES]


def _file_kind(path: str) -> str | None:
    import yaml  # only when a manifest is read

    from kx.check.readfile import read_file

    data = read_file(path)
    if not isinstance(data, bytes):
        return None
    try:
        documents = list(yaml.safe_load_all(data))
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    for document in documents:
        found = _object_kind(document, 0)
        if found is not None:
            return found
    return None


def _object_kind(document: object, depth: int) -> str | None:
    if not isinstance(document, dict) or depth > 3:
        return None
    kind, version = document.get("kind"), document.get("apiVersion")
    items = document.get("items")
    if isinstance(items, list) and isinstance(kind, str) and kind.endswith("List"):
        for item in items:
            found = _object_kind(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(kind, str) or not isinstance(version, str) or not kind or kind in EXPOSABLE_KINDS:
        return None  # a known kind under a group the server may not serve is the server's to refuse
    group = version.rpartition("/")[0] if "/" in version else ""
    return f"{kind}.{group}" if group else kind
