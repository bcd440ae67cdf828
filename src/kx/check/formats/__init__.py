"""Value formats and value types, in a registry keyed by name.

A spec names a format (``format: port-mapping``) and a type (``type: bytes``); this package maps
those names onto checker functions ``(value, ctx) -> list[Problem]``. Submodules register
themselves with ``@register_format`` / ``@register_type`` from ``kx.check.formats.registry``;
``load_all()`` imports them once. ``kubectl_checks`` holds the kubectl specs' named rule checks,
which need these modules, so they load together.
"""

from __future__ import annotations

import os
import sys

# Checker modules are named after the tool whose values they check; the rest are shared.
_TOOL_PREFIXES = {"docker": ("docker_",), "kubectl": ("kubectl_", "kube_")}
_ALL_PREFIXES = tuple(p for group in _TOOL_PREFIXES.values() for p in group)
_loaded: set[str] = set()


def _modules() -> list[str]:
    here = os.path.dirname(__file__)
    return sorted(
        name[:-3]
        for name in os.listdir(here)
        if name.endswith(".py") and not name.startswith("_") and name != "registry.py"
    )


def load_for(tool: str) -> None:
    """Import the checker modules a tool's values need (all of them for an unknown tool)."""
    if tool in _loaded or "*" in _loaded:
        return
    prefixes = _TOOL_PREFIXES.get(tool)
    for name in _modules():
        mine = prefixes is None or name.startswith(prefixes) or not name.startswith(_ALL_PREFIXES)
        if mine:
            _import(f"{__name__}.{name}")
    _loaded.add(tool if prefixes is not None else "*")


def _import(module: str) -> None:
    """Import a submodule with the builtin hook (the importlib package costs start-up time)."""
    if module not in sys.modules:
        __import__(module)


def load_all() -> None:
    """Import every checker module in this package once, so they register themselves."""
    if "*" not in _loaded:
        for name in _modules():
            _import(f"{__name__}.{name}")
        _loaded.add("*")
