"""Console entry point: route check/exec/lint and the builders to the light path, the rest to typer.

The check path must start in a few tens of milliseconds, so it never imports typer. Everything
else goes through the typer application in ``kx.cli.app``. A console run serves kx's own modules
from the start-up code cache (kx.cli.codecache); a call with an explicit ``argv`` does not.
Like kx.cli.codecache, this module is imported before the cache can serve it, so it stays
small and imports nothing else on the way (no ``__future__``; its annotations are plain).
"""

import marshal
import os
import sys

TYPE_CHECKING = False  # (kx.core.typecheck's shim, not imported here: see above)
if TYPE_CHECKING:
    from types import ModuleType

_CODECACHE = "kx.cli.codecache"

# Commands that leave without Python's finalization (module teardown, a last garbage collection):
# about 2 ms of a cold `kx check` that takes about 20. They write only to stdout and stderr.
_QUICK_EXIT = ("check",)


def main(argv: list[str] | None = None, prog: str = "kx") -> int:
    """Run kx with ``argv`` (default: ``sys.argv[1:]``, as the console script) and return the exit code.

    ``prog`` is how the user called kx (``docker kx`` inside a plugin), for help and usage lines.
    """
    if argv is not None:
        return _run(argv, prog)
    if sys.stdin is None or sys.stdout is None or sys.stderr is None:
        _reopen_closed_streams()
    usual = _usual_cache_dir()
    codecache, booted = _codecache(usual)
    codecache.install(usual)
    try:
        code = _run(sys.argv[1:])
    finally:
        if codecache.dirty() or not booted:
            from kx.cli.codesave import save_installed

            save_installed(None if booted else _boot_file(usual))
    if sys.argv[1:2] and sys.argv[1] in _QUICK_EXIT:
        _quick_exit(code)
    return code


def _usual_cache_dir() -> str:
    """``$XDG_CACHE_HOME/kx``: where kx.catalog.cachedir puts its caches when it may write there."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(home, "kx")


def _boot_file(usual: str) -> str:
    """Where kx.cli.codesave keeps the code cache reader's own compiled code."""
    return os.path.join(usual, f"boot-v1-py{sys.version_info[0]}{sys.version_info[1]}.marshal")


def _codecache(usual: str) -> "tuple[ModuleType, bool]":
    """kx.cli.codecache, and whether it came from its compiled copy (or needs none: cache off).

    Where Python may not write ``.pyc`` files, importing the code cache's reader would compile it
    on every run (a tenth of a cold ``kx check``). kx.cli.codesave keeps its code beside the
    cache, stamped with its source's path, mtime and size; a stale or unreadable copy is not used.
    """
    if os.environ.get("KX_NO_CODE_CACHE"):
        from kx.cli import codecache

        return codecache, True
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "codecache.py")
    try:
        with open(_boot_file(usual), "rb") as handle:
            stamp, code = marshal.loads(handle.read())
        info = os.stat(source)
        current = stamp == (source, info.st_mtime_ns, info.st_size) and type(code) is type(_run.__code__)
    except (OSError, EOFError, ValueError, TypeError):
        current = False
    if current:
        module = type(sys)(_CODECACHE)
        module.__file__ = source
        sys.modules[_CODECACHE] = module
        try:
            exec(code, module.__dict__)  # kx's own code, compiled by kx.cli.codesave
        except BaseException:
            del sys.modules[_CODECACHE]
            raise
        sys.modules["kx.cli"].__dict__["codecache"] = module
        return module, True
    from kx.cli import codecache

    return codecache, False


def _run(args: list[str], prog: str = "kx") -> int:
    """Run one command; the one place that turns a KxError or Ctrl-C into a message and exit code."""
    from kx.cli import fastpath
    from kx.core.errors import KxError

    try:
        code = fastpath.try_run(args)
        if code is None:
            from kx.cli.app import run_app

            code = run_app(args, prog)
        sys.stdout.flush()
    except KeyboardInterrupt:  # Ctrl-C: no traceback, and no half-written report on stdout
        _drop_stdout()
        sys.stderr.write(("\n" if sys.stderr.isatty() else "") + "kx: interrupted\n")
        return 130
    except KxError as error:
        sys.stderr.write(f"kx: error: {error}\n")
        return 2
    except BrokenPipeError:  # the reader went away (`kx lint ... | head -1`): not kx's error
        _drop_stdout()
        return 1
    except OSError as error:
        if error.filename is not None:
            raise
        _drop_stdout()
        sys.stderr.write(f"kx: error: cannot write the output: {error.strerror}\n")
        return 2
    return code


def _reopen_closed_streams() -> None:
    """Give a standard stream the shell closed (``kx lint - <&-``, ``>&-``) to /dev/null.

    Python leaves it None, which every read or write would trip over. Reading finds the end of
    the input at once; what is written is lost, and the exit code still tells the outcome.
    """
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        if getattr(sys, name) is None:
            opened = os.open(os.devnull, os.O_RDONLY if mode == "r" else os.O_WRONLY)
            if opened != fd:  # the lowest free descriptor is the closed one; make sure of it
                os.dup2(opened, fd)
                os.close(opened)
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so output still buffered is never written (or fails again)."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def _quick_exit(code: int) -> None:
    """End the process now when the output is safely out; otherwise return for a normal exit."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed pipe or stream: let Python's own exit report it
    os._exit(code)
