"""A start-up cache: kx's own modules served from one file of compiled code.

A cold ``kx check`` imports about 45 small kx modules, and Python's import system spends some
50 microseconds on each (finding, stat-ing, opening and reading its ``.pyc``), and far more
where no ``.pyc`` can be written (``PYTHONDONTWRITEBYTECODE``, read-only installs): each is
compiled from source on every run. The console entry point installs a finder that serves
those modules from ``$XDG_CACHE_HOME/kx/code-v2-pyXY.marshal`` instead: one small read of its
index, then each module's code read (``pread``) and unmarshalled only when the module is imported.

Every entry is checked against its source file's size and mtime before use, and the cache
belongs to one kx installation (its package directory and version); a stale, foreign, corrupt
or unreadable cache is simply not used, and modules it lacks are imported the normal way. At
exit kx.cli.codesave rewrites the file (atomically) when the run imported kx modules it did
not serve. Set ``KX_NO_CODE_CACHE=1`` to turn it off. Only the console entry point uses it,
never a library import of kx.

This module is imported before the cache can serve anything, so it holds only the reader and
imports nothing else of kx on the way (no ``__future__`` either): whatever it imports may have
to be compiled on every run. The writer, kx.cli.codesave, is served from the cache.
"""

import marshal
import os
import sys

TYPE_CHECKING = False  # (kx.core.typecheck's shim, not imported here: see above)
if TYPE_CHECKING:
    from importlib.abc import Loader as LoaderBase
    from importlib.machinery import ModuleSpec
    from types import CodeType, ModuleType

    # module name -> (source path, mtime_ns, size, is_package, offset, length of its code)
    Index = dict[str, tuple[str, int, int, bool, int, int]]
else:
    LoaderBase = object  # importlib.abc costs start-up time; the import system needs no base class

FORMAT = 2
ENV_OFF = "KX_NO_CODE_CACHE"
# The file: the header's length (8 bytes, little-endian), the marshalled header (identity and
# index), then the marshalled code of each module at its offset from the end of the header.
LENGTH_BYTES = 8
_FIRST_READ = 1 << 16
_MAX_HEADER = 1 << 24


def cache_file() -> str:
    """The code cache for this Python version (kx.catalog.cachedir chooses its directory)."""
    from kx.catalog.cachedir import cache_dir

    return os.path.join(cache_dir(), _file_name())


def _file_name() -> str:
    return f"code-v{FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _open_cache_file(usual: str | None) -> int:
    """Open the cache: in ``usual`` if cachedir would choose it (writable), without importing cachedir."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if usual is not None and os.access(usual, os.W_OK):
        return os.open(os.path.join(usual, _file_name()), flags)
    return os.open(cache_file(), flags)


def package_dir() -> str:
    """The directory of the kx package this process runs."""
    return os.path.dirname(os.path.abspath(__file__))


_CODE_TYPE = type(package_dir.__code__)  # types.CodeType, without importing types


class _Loader(LoaderBase):
    """Executes one cached module's code."""

    __slots__ = ("code",)

    def __init__(self, code: "CodeType") -> None:
        self.code = code

    def create_module(self, spec: "ModuleSpec") -> "ModuleType | None":
        """Let the import system create the module object."""
        return None

    def exec_module(self, module: "ModuleType") -> None:
        """Run the module's code in its namespace."""
        exec(self.code, module.__dict__)  # kx's own code, compiled by kx.cli.codesave


class CodeCache:
    """The finder on ``sys.meta_path``; remembers which modules it served.

    The cache file stays open: a module's code is read when the module is imported.
    """

    def __init__(
        self, root: str, spec_class: "type[ModuleSpec]", prefix: str = "kx.", usual: str | None = None
    ) -> None:
        self.root = root
        self.prefix = prefix
        self.served: set[str] = set()
        self.stale: set[str] = set()
        self.written: set[str] = set()
        # Modules imported before the finder existed (kx.cli.main, this one) can never be served.
        self.preloaded = {name for name in sys.modules if name.startswith(prefix)}
        self._spec_class = spec_class
        self.index: Index = {}
        self._fd: int | None = None
        self._base = 0
        self._open(usual)

    def _open(self, usual: str | None) -> None:
        try:
            fd = _open_cache_file(usual)
        except OSError:
            return
        try:
            head = os.read(fd, _FIRST_READ)
            size = int.from_bytes(head[:LENGTH_BYTES], "little")
            if size > _MAX_HEADER:
                raise ValueError("not a code cache")
            base = LENGTH_BYTES + size
            if len(head) < base:
                head += os.read(fd, base - len(head))
            header = marshal.loads(head[LENGTH_BYTES:base])
        except (OSError, EOFError, ValueError, TypeError):
            os.close(fd)
            return
        if not isinstance(header, dict) or header.get("identity") != identity(self.root):
            os.close(fd)
            return
        index = header.get("index")
        self.index = index if isinstance(index, dict) else {}
        self._fd, self._base = fd, base

    def code(self, offset: int, length: int) -> bytes | None:
        """The marshalled code at ``offset`` in the open file, or None when it cannot be read whole."""
        if self._fd is None:
            return None
        try:
            code = _read_at(self._fd, length, self._base + offset)
        except OSError:
            return None
        return code if len(code) == length else None

    def find_spec(self, name: str, path: object = None, target: object = None) -> "ModuleSpec | None":
        """A spec for a cached, up-to-date module; None lets the normal finders look."""
        entry = self.index.get(name)
        if entry is None:
            return None
        source, mtime, size, is_package, offset, length = entry
        try:
            info = os.stat(source)
        except OSError:
            info = None
        code = None
        if info is not None and info.st_mtime_ns == mtime and info.st_size == size:
            code = self.code(offset, length)
        try:
            compiled = marshal.loads(code) if code is not None else None
        except (EOFError, ValueError, TypeError):
            compiled = None
        if type(compiled) is not _CODE_TYPE:
            self.stale.add(name)
            return None
        spec = self._spec_class(name, _Loader(compiled), origin=source, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(source)]
        self.served.add(name)
        return spec

    def missing(self) -> "dict[str, ModuleType]":
        """The kx modules this run imported that the cache neither served nor could serve."""
        done = self.served | self.preloaded | self.written
        return {name: module for name, module in list(sys.modules.items())
                if name.startswith(self.prefix) and name not in done}  # fmt: skip

    def close(self) -> None:
        """Close the cache file; later imports go the normal way."""
        if self._fd is not None:
            os.close(self._fd)
        self._fd = None
        self.index = {}


def identity(root: str) -> tuple[int, str, str]:
    """The cache's format, and the installation it belongs to: its directory and kx's version."""
    return (FORMAT, root, str(getattr(sys.modules.get("kx"), "__version__", "")))


def _read_at(fd: int, length: int, offset: int) -> bytes:
    """Read at an offset without moving the file position: forked lint workers share the descriptor."""
    pread = getattr(os, "pread", None)
    if pread is not None:
        data: bytes = pread(fd, length, offset)
        return data
    os.lseek(fd, offset, os.SEEK_SET)  # Windows: no pread, and no fork either
    return os.read(fd, length)


_installed: "CodeCache | None" = None


def install(usual: str | None = None) -> "CodeCache | None":
    """Put the cache first on ``sys.meta_path`` (once); None when turned off.

    ``usual``: where the cache directory usually is (``$XDG_CACHE_HOME/kx``), looked at first.
    """
    global _installed
    if _installed is not None or os.environ.get(ENV_OFF):
        return _installed
    spec = sys.modules["kx"].__spec__
    if spec is None:
        return None
    _installed = CodeCache(package_dir(), type(spec), usual=usual)
    sys.meta_path.insert(0, _installed)
    return _installed


def installed() -> "CodeCache | None":
    """The finder ``install`` put on ``sys.meta_path``, if any."""
    return _installed


def dirty() -> bool:
    """Whether the installed cache missed modules this run (kx.cli.codesave then rewrites it)."""
    return _installed is not None and bool(_installed.missing())
