"""The start-up code cache serves modules only while their sources are unchanged, and never breaks kx."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent(
    """
    import importlib, json, os, sys, traceback
    import kx
    from kx.cli import codecache, codesave
    kx.__version__ = os.environ.get("PROBE_KX_VERSION", kx.__version__)
    cache = codecache.CodeCache(ROOT, type(codecache.__spec__), prefix="probe_pkg.")
    sys.meta_path.insert(0, cache)
    mod = importlib.import_module("probe_pkg.values")
    try:
        mod.fail()
    except ZeroDivisionError as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
    compiled = []
    compile_entry = codesave._compile_entry
    codesave._compile_entry = lambda *args: compiled.append(args[0]) or compile_entry(*args)
    codesave.save(cache)
    print(json.dumps({"value": mod.VALUE, "served": sorted(cache.served), "file": mod.__file__,
                      "tb": [where.filename, where.lineno, where.line], "compiled": len(compiled)}))
    """
)


def run_probe(tmp_path: Path, **extra: str) -> dict[str, object]:
    import json

    root = str(tmp_path / "probe_pkg")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(tmp_path),
               TMPDIR=str(tmp_path / "tmp"))  # fmt: skip
    env.update(extra)
    code = f"ROOT = {root!r}\n" + PROBE
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def write_package(tmp_path: Path, value: int) -> None:
    package = tmp_path / "probe_pkg"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "values.py").write_text(f"VALUE = {value}\n\n\ndef fail() -> float:\n    return 1 / 0\n")


def test_second_run_is_served_and_an_edit_is_seen(tmp_path: Path) -> None:
    write_package(tmp_path, 1)
    first = run_probe(tmp_path)
    assert first["value"] == 1 and first["served"] == [] and first["compiled"] == 1
    second = run_probe(tmp_path)
    assert second["value"] == 1 and second["served"] == ["probe_pkg.values"]
    source = str(tmp_path / "probe_pkg" / "values.py")
    assert second["file"] == source
    assert second["tb"] == [source, 5, "return 1 / 0"]  # tracebacks point into the real source
    write_package(tmp_path, 22)  # another size: stale
    third = run_probe(tmp_path)
    assert third["value"] == 22 and third["served"] == []
    assert run_probe(tmp_path) == {**third, "served": ["probe_pkg.values"], "compiled": 0}


def test_a_corrupt_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    write_package(tmp_path, 3)
    run_probe(tmp_path)
    cache_files = list((tmp_path / "cache" / "kx").glob("code-*.marshal"))
    assert len(cache_files) == 1
    for garbage in (b"\x00garbage" * 100, b"\xff" * 64, b"\x04\x00\x00\x00\x00\x00\x00\x00\xe9abc", b""):
        cache_files[0].write_bytes(garbage)
        assert run_probe(tmp_path)["value"] == 3
        assert run_probe(tmp_path)["served"] == ["probe_pkg.values"]


def test_a_cache_of_another_installation_is_not_used(tmp_path: Path) -> None:
    write_package(tmp_path, 4)
    run_probe(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copytree(tmp_path / "probe_pkg", other / "probe_pkg")
    shutil.copytree(tmp_path / "cache", other / "cache")
    assert run_probe(other)["served"] == []  # same names, another root: its own entries only


def kx_console(args: list[str], cache: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    kx = Path(sys.executable).with_name("kx")
    if not kx.exists():
        pytest.skip("the kx console script is not installed next to this python")
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), **extra)
    return subprocess.run([str(kx), *args], env=env, capture_output=True, text=True, check=False)


def test_console_runs_agree_with_and_without_the_cache(tmp_path: Path) -> None:
    line = ["check", "--format", "json", "--", "kubectl", "expose", "deploy", "web", "--selecter=a"]
    runs = [kx_console(line, tmp_path) for _ in range(3)]
    off = kx_console(line, tmp_path, KX_NO_CODE_CACHE="1")
    assert (tmp_path / "kx").is_dir() and list((tmp_path / "kx").glob("code-*.marshal"))
    assert {(r.returncode, r.stdout, r.stderr) for r in [*runs, off]} == {(1, off.stdout, "")}
    assert "--selector" in off.stdout


def test_a_truncated_cache_falls_back_to_the_source(tmp_path: Path) -> None:
    write_package(tmp_path, 5)
    run_probe(tmp_path)
    cache_file = next((tmp_path / "cache" / "kx").glob("code-*.marshal"))
    cache_file.write_bytes(cache_file.read_bytes()[:-10])  # the last module's code is cut short
    truncated = run_probe(tmp_path)
    assert truncated["value"] == 5 and truncated["served"] == []  # imported from source, cache rewritten
    assert run_probe(tmp_path)["served"] == ["probe_pkg.values"]


FORK_PROBE = textwrap.dedent(
    """
    import importlib, os, sys
    from kx.cli import codecache
    names = [f"probe_pkg.m{i}" for i in range(40)]
    cache = codecache.CodeCache(ROOT, type(codecache.__spec__), prefix="probe_pkg.")
    sys.meta_path.insert(0, cache)
    children = []
    for child in range(6):
        pid = os.fork()
        if pid == 0:  # each child imports every module, in its own order, through the shared file
            order = names[child:] + names[:child]
            bad = [n for n in order if importlib.import_module(n).VALUE != int(n.rsplit("m", 1)[1])]
            os._exit(1 if bad or len(cache.served) != len(names) else 0)
        children.append(pid)
    print(sum(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0 for pid in children))
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_forked_processes_read_the_shared_cache_file_correctly(tmp_path: Path) -> None:
    package = tmp_path / "probe_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for i in range(40):
        (package / f"m{i}.py").write_text(f"VALUE = {i}\n" + f"PAD = {'x' * (200 + 37 * i)!r}\n")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(tmp_path))
    code = f"ROOT = {str(package)!r}\n"
    warm = code + "import importlib, sys\nfrom kx.cli import codecache, codesave\n" + (
        "c = codecache.CodeCache(ROOT, type(codecache.__spec__), prefix='probe_pkg.')\n"
        "sys.meta_path.insert(0, c)\n"
        "[importlib.import_module(f'probe_pkg.m{i}') for i in range(40)]\ncodesave.save(c)\n"
    )
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", code + FORK_PROBE], env=env, capture_output=True,
                              text=True, check=True)  # fmt: skip
        assert done.stdout.strip() == "0", done.stderr


def test_corrupt_module_code_falls_back_to_the_source(tmp_path: Path) -> None:
    write_package(tmp_path, 6)
    run_probe(tmp_path)
    cache_file = next((tmp_path / "cache" / "kx").glob("code-*.marshal"))
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[:-40] + b"\x00" * 40)  # same length, the code's tail zeroed
    corrupt = run_probe(tmp_path)
    assert corrupt["value"] == 6 and corrupt["served"] == []
    assert run_probe(tmp_path)["served"] == ["probe_pkg.values"]


def test_an_unwritable_cache_directory_costs_no_compiling(tmp_path: Path) -> None:
    write_package(tmp_path, 7)
    for blocked in (tmp_path / "cache", tmp_path / "tmp"):  # and no private fallback either
        blocked.write_text("a file where a directory would be")
    for _ in range(2):
        result = run_probe(tmp_path)
        assert result["value"] == 7 and result["served"] == [] and result["compiled"] == 0
    assert (tmp_path / "cache").read_text().startswith("a file")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="the private fallback needs user ids")
def test_a_private_fallback_directory_serves_when_the_cache_home_is_read_only(tmp_path: Path) -> None:
    write_package(tmp_path, 9)
    (tmp_path / "cache").write_text("a file where the cache directory would be")
    (tmp_path / "tmp").mkdir()
    assert run_probe(tmp_path)["compiled"] == 1
    assert run_probe(tmp_path)["served"] == ["probe_pkg.values"]
    fallback = tmp_path / "tmp" / f"kx-{os.getuid()}"
    assert fallback.is_dir() and (fallback.stat().st_mode & 0o777) == 0o700
    assert list(fallback.glob("code-*.marshal"))
    fallback.chmod(0o777)  # others may write there now: never used again
    shared = run_probe(tmp_path)
    assert shared["served"] == [] and shared["compiled"] == 0


def test_a_cache_of_another_kx_version_is_not_used(tmp_path: Path) -> None:
    write_package(tmp_path, 8)
    run_probe(tmp_path)
    assert run_probe(tmp_path)["served"] == ["probe_pkg.values"]
    upgraded = run_probe(tmp_path, PROBE_KX_VERSION="999.0")
    assert upgraded["served"] == [] and upgraded["compiled"] == 1
    assert run_probe(tmp_path, PROBE_KX_VERSION="999.0")["served"] == ["probe_pkg.values"]


def test_the_readers_own_code_is_run_only_while_its_source_is_unchanged(tmp_path: Path) -> None:
    import marshal

    line = ["check", "--", "docker", "run", "--cpus", "abc", "nginx"]
    first = kx_console(line, tmp_path)
    (boot,) = (tmp_path / "kx").glob("boot-*.marshal")
    (source, mtime, size), code = marshal.loads(boot.read_bytes())
    assert source.endswith(os.path.join("kx", "cli", "codecache.py")) and type(code).__name__ == "code"
    assert kx_console(line, tmp_path).stdout == first.stdout
    planted = compile("raise SystemExit(42)", source, "exec")
    boot.write_bytes(marshal.dumps(((source, mtime - 1, size), planted)))  # stale: not run
    assert (kx_console(line, tmp_path).returncode, kx_console(line, tmp_path).stdout) == (1, first.stdout)
    assert marshal.loads(boot.read_bytes())[0] == (source, mtime, size)  # written anew
    boot.write_bytes(marshal.dumps(((source, mtime, size), planted)))  # current: it is what runs
    assert kx_console(line, tmp_path).returncode == 42
    for garbage in (b"", b"\x00garbage", marshal.dumps(("a", "b"))):
        boot.write_bytes(garbage)
        assert kx_console(line, tmp_path).stdout == first.stdout
