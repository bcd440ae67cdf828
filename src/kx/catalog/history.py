"""A flag's version history as plain records, for messages, ``kx explain`` and the tests.

Each record is ``{"event", "version", "message", "source"}``: the event is ``added``,
``short added``, ``deprecated``, ``undeprecated`` or ``removed``; the source is where the version
was read (``OWNER/REPO@TAG:PATH``, empty when the spec does not say).
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any  # a FlagSpec or RemovedFlag: flagspec imports this module, not back

_EVENTS = (
    ("added", "added"),
    ("short_added", "short added"),
    ("deprecated_in", "deprecated"),
    ("undeprecated_in", "undeprecated"),
    ("removed_in", "removed"),
)


def history(flag: Any) -> list[dict[str, str]]:
    """The dated events of ``flag`` in version order (a flag without history gives [])."""
    records = []
    for key, event in _EVENTS:
        version = getattr(flag, key, None)
        if version is None:
            continue
        records.append({"event": event, "version": version, "message": _message(flag, key),
                        "source": flag.sources.get(key, "")})  # fmt: skip
    records.sort(key=lambda record: version_key(record["version"]))
    return records


def window(text: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The (first, last) version keys of ``1.24`` or ``1.24..1.32``; None when it is not one."""
    low, sep, high = text.strip().partition("..")
    try:
        first, last = version_key(low), version_key(high if sep else low)
    except ValueError:
        return None
    return (first, last) if low.strip() and first <= last else None


def offered_at(flag: Any, versions: tuple[tuple[int, ...], tuple[int, ...]] | None) -> bool:
    """True when every client in ``versions`` has ``flag`` and none deprecates it (None: any client)."""
    if versions is None:
        return True
    first, last = versions
    if flag.added is not None and version_key(flag.added) > first:
        return False
    if flag.removed_in is not None and version_key(flag.removed_in) <= last:
        return False
    since, until = flag.deprecated_in, flag.undeprecated_in or flag.removed_in
    if since is None or version_key(since) > last:
        return True
    return until is not None and version_key(until) <= first


def version_key(text: str) -> tuple[int, ...]:
    """``"1.32.4"`` -> ``(1, 32, 4)``; a part's digits up to the first non-digit (``"3-rc1"`` -> 3)."""
    key = []
    for part in text.strip().lstrip("v").split("."):
        digits = ""
        for ch in part:
            if not "0" <= ch <= "9":  # str.isdigit() takes '²', which int() refuses
                break
            digits += ch
        key.append(int(digits[:18]) if digits else 0)  # int() refuses 4,300 digits and more
    while len(key) > 1 and key[-1] == 0:
        key.pop()  # "20.10.0" is "20.10"
    return tuple(key)


def _message(flag: Any, key: str) -> str:
    if key == "deprecated_in":
        return flag.deprecated_message or ""
    if key == "removed_in":
        replacement = getattr(flag, "replacement", None)
        text = getattr(flag, "message", None) or ""
        return f"use {replacement}. {text}".strip() if replacement and replacement not in text else text
    return ""
