"""Compiling and packing kx's modules for the start-up code cache (kx.cli.codecache writes the file).

Only a run that imported modules the cache did not serve comes here; the cache serves this
module too.
"""

from __future__ import annotations

import marshal
import os

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    # source path, mtime_ns, size, is_package, marshalled code
    Entry = tuple[str, int, int, bool, bytes]
    # module name -> (source path, mtime_ns, size, is_package, offset, length of its code)
    Index = dict[str, tuple[str, int, int, bool, int, int]]


def add_compiled(entries: dict[str, Entry], modules: dict[str, ModuleType]) -> None:
    """Compile the source of each of ``modules`` into ``entries`` (those without a source are left out)."""
    for name, module in modules.items():
        entry = _compile_entry(getattr(module, "__file__", None), module)
        if entry is not None:
            entries[name] = entry


def pack(identity: tuple[int, str, str], entries: dict[str, Entry]) -> tuple[bytes, bytes]:
    """The marshalled header (identity and index) and the modules' code, laid end to end."""
    index: Index = {}
    blobs: list[bytes] = []
    offset = 0
    for name, (source, mtime, size, is_package, code) in entries.items():
        index[name] = (source, mtime, size, is_package, offset, len(code))
        blobs.append(code)
        offset += len(code)
    return marshal.dumps({"identity": identity, "index": index}), b"".join(blobs)


def _compile_entry(source: str | None, module: ModuleType) -> Entry | None:
    if not source or not source.endswith(".py"):
        return None
    try:
        info = os.stat(source)
        with open(source, "rb") as handle:
            text = handle.read()
        code = compile(text, source, "exec", dont_inherit=True)
    except (OSError, SyntaxError, ValueError):
        return None
    is_package = hasattr(module, "__path__")
    return (source, info.st_mtime_ns, info.st_size, is_package, marshal.dumps(code))
