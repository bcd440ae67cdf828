"""The index of which module registers each value format and type is complete and right."""

from __future__ import annotations

from kx.check import formats
from kx.check.formats.registry import FORMATS, TYPES


def _module(checker: object) -> str:
    return str(getattr(checker, "__module__", "")).rsplit(".", 1)[-1]


def test_every_format_is_indexed_under_its_module() -> None:
    formats.load_all()
    assert {name: _module(fn) for name, fn in FORMATS.items()} == formats.FORMAT_MODULES


def test_every_type_is_found_where_the_index_says() -> None:
    formats.load_all()
    for name, fn in TYPES.items():
        assert _module(fn) == formats.TYPE_MODULES.get(name, "types"), name


def test_unchecked_types_have_no_checker_and_specs_use_no_unknown_name() -> None:
    from kx.catalog.loader import load_specs

    formats.load_all()
    assert not formats.UNCHECKED_TYPES & set(TYPES)
    for spec in load_specs().all():
        for flag in spec.flags:
            assert flag.type in TYPES or flag.type in formats.UNCHECKED_TYPES, (spec.key, flag.name)
            assert flag.format is None or flag.format in formats.FORMAT_MODULES, (spec.key, flag.name)
        for slot in spec.positionals:
            assert slot.format is None or slot.format in formats.FORMAT_MODULES, (spec.key, slot.name)


def test_named_check_modules_exist() -> None:
    for module in formats.CHECK_MODULES.values():
        assert module in formats._modules()
