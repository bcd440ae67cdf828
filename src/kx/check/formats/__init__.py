"""Value formats and value types, in a registry keyed by name.

A spec names a format (``format: port-mapping``) and a type (``type: bytes``); this package maps
those names onto checker functions ``(value, ctx) -> list[Problem]``. Submodules register
themselves with ``@register_format`` / ``@register_type`` from ``kx.check.formats.registry``;
``load_all()`` imports them once.
"""
