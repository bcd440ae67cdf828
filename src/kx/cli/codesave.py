"""Writing the start-up code cache of kx.cli.codecache (the cache serves this module too)."""

from __future__ import annotations

import marshal
import os

from kx.catalog.cachedir import writable, write_atomically
from kx.cli import codecache
from kx.cli.codecache import LENGTH_BYTES, CodeCache, cache_file, identity
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from kx.cli.codecache import Index

    # source path, mtime_ns, size, is_package, marshalled code
    Entry = tuple[str, int, int, bool, bytes]


def save_installed(boot: str | None = None) -> None:
    """Rewrite the installed cache if this run missed modules (a no-op when none is installed).

    ``boot``: also write the code of kx.cli.codecache itself there, for kx.cli.main to run.
    """
    cache = codecache.installed()
    if cache is not None:
        save(cache)
        if boot is not None and writable(os.path.dirname(boot)):
            _write_boot(boot, codecache)


def _write_boot(target: str, module: ModuleType) -> None:
    """The module's code, stamped with its source's path, mtime and size."""
    entry = _compile_entry(getattr(module, "__file__", None), module)
    if entry is not None:
        source, mtime, size, _is_package, code = entry
        write_atomically(target, marshal.dumps(((source, mtime, size), marshal.loads(code))))


def save(cache: CodeCache) -> None:
    """Rewrite the cache file with the modules ``cache`` served and those it missed this run."""
    missing = cache.missing()
    if not missing or not writable(os.path.dirname(cache_file())):
        return  # (compiling for a cache that cannot be written would slow every run)
    kept: dict[str, Entry] = {}
    for name, (source, mtime, size, is_package, offset, length) in cache.index.items():
        code = None if name in cache.stale else cache.code(offset, length)
        if code is not None:
            kept[name] = (source, mtime, size, is_package, code)
    for name, module in missing.items():
        entry = _compile_entry(getattr(module, "__file__", None), module)
        if entry is not None:
            kept[name] = entry
    cache.close()
    _write(cache.root, kept)
    cache.written.update(missing)


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


def _write(root: str, entries: dict[str, Entry]) -> None:
    index: Index = {}
    blobs: list[bytes] = []
    offset = 0
    for name, (source, mtime, size, is_package, code) in entries.items():
        index[name] = (source, mtime, size, is_package, offset, len(code))
        blobs.append(code)
        offset += len(code)
    header = marshal.dumps({"identity": identity(root), "index": index})
    write_atomically(cache_file(), len(header).to_bytes(LENGTH_BYTES, "little") + header + b"".join(blobs))
