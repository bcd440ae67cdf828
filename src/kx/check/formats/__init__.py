"""Value formats and value types, in a registry keyed by name.

A spec names a format (``format: port-mapping``) and a type (``type: bytes``); this package maps
those names onto checker functions ``(value, ctx) -> list[Problem]``. Submodules register
themselves with ``@register_format`` / ``@register_type`` from ``kx.check.formats.registry``;
``load_all()`` imports them once.
"""

from __future__ import annotations

import importlib
import os

_loaded = False


def load_all() -> None:
    """Import every checker module in this package once, so they register themselves."""
    global _loaded
    if _loaded:
        return
    here = os.path.dirname(__file__)
    for name in sorted(os.listdir(here)):
        if name.endswith(".py") and not name.startswith("_") and name != "registry.py":
            importlib.import_module(f"{__name__}.{name[:-3]}")
    _loaded = True
