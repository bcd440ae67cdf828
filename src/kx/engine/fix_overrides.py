"""Removed ``kubectl run`` flags rewritten as the ``--overrides`` patch that does their work.

``--serviceaccount=NAME`` becomes a merge patch of ``spec.serviceAccountName``; ``--requests`` and
``--limits`` (``cpu=100m,memory=256Mi``) a strategic patch of the container kubectl run names
after the pod (a merge patch would replace the whole container list). Only when the command has
no ``--overrides``/``--override-type`` of its own and every value is plain text.
"""

from __future__ import annotations

import json

from kx.core.diagnostics import UNSAFE, Edit, Fix
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.core.findings import Finding
    from kx.parse.span import Word

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
_RESOURCES = ("cpu", "memory", "ephemeral-storage")


def overrides(words: list[Word], finding: Finding, text: str) -> tuple[Fix, list[Word]] | None:
    """The ``--overrides`` form of a removed flag kx knows one for, else None."""
    from kx.parse.span import Word

    at = next((i for i, word in enumerate(words) if word.start <= finding[2] < word.end), None)
    if at is None or any(w.value.startswith(("--overrides", "--override-type")) for w in words):
        return None
    name, eq, value = words[at].value.lstrip("-").partition("=")
    last = at if eq else at + 1
    if not eq:
        value = words[last].value if last < len(words) else ""
    if any(not w.literal or w.dynamic for w in words[at : last + 1]):
        return None
    patch = _patch(name, value, _pod_name(words))
    if patch is None:
        return None
    start, end = words[at].start, words[last].end
    if "\n" in text[start:end]:
        return None
    new = [f"--overrides={patch}"]
    if name != "serviceaccount":
        new.insert(0, "--override-type=strategic")
    content = " ".join(_quoted(word) for word in new)
    fixed = [Word(value, start, end, literal=False) for value in new]
    fix = Fix(UNSAFE, f"replace --{name} with its --overrides form", (Edit(start, end, content),))
    return fix, [*words[:at], *fixed, *words[last + 1 :]]


def _quoted(word: str) -> str:
    """``--overrides='{...}'``: the flag, then its JSON in single quotes (it holds no ')."""
    flag, _eq, value = word.partition("=")
    return word if all(char in _PLAIN for char in value) else f"{flag}='{value}'"


def _patch(name: str, value: str, pod: str | None) -> str | None:
    """The JSON patch standing for ``--NAME=VALUE``, or None."""
    if not value or not all(char in _PLAIN or char in ",=" for char in value):
        return None
    if name == "serviceaccount" and "=" not in value and "," not in value:
        return json.dumps({"apiVersion": "v1", "spec": {"serviceAccountName": value}}, separators=(",", ":"))
    if name not in ("requests", "limits") or pod is None:
        return None
    amounts = {}
    for pair in value.split(","):
        key, eq, amount = pair.partition("=")
        if not eq or key not in _RESOURCES or not amount or key in amounts:
            return None
        amounts[key] = amount
    container = {"name": pod, "resources": {name: amounts}}
    return json.dumps({"apiVersion": "v1", "spec": {"containers": [container]}}, separators=(",", ":"))


def _pod_name(words: list[Word]) -> str | None:
    """The NAME after ``kubectl run`` (the container's name too), when it is plain."""
    for index, word in enumerate(words[:-1]):
        if word.value == "run":
            name = words[index + 1]
            plain = name.literal and not name.dynamic and all(char in _PLAIN for char in name.value)
            return name.value if plain and not name.value.startswith("-") else None
    return None
