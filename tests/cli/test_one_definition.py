"""kx's CLI is declared once (the typer app): help, completion data and the light parser agree."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kx.cli.app import app
from kx.cli.main import main
from kx.complete import APP_JSON

SRC = Path(__file__).resolve().parents[2] / "src" / "kx"
LIGHT = ("check", "exec", "explain", "lint")
PYTHON_TYPE = re.compile(r"<(str|int|bool|float|list\[[^]]*\])>")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def help_words(text: str) -> set[str]:
    """The option words listed in a help text's Options section."""
    section = text.split("\nOptions:\n", 1)[1]
    return set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", section.split("\n\n", 1)[0])) - {"-"}


def command_paths(entry: dict[str, object], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [path]
    for name, sub in entry["commands"].items():  # type: ignore[attr-defined]
        out.extend(command_paths(sub, (*path, name)))
    return out


APP = json.loads(Path(APP_JSON).read_text(encoding="utf-8"))
BUILDERS = ("build", "expose", "run", "docker-run")  # their --help is the builder's, from the spec
COMMANDS_BUILT = {
    "expose": ("kubectl", ("expose",)),
    "run": ("kubectl", ("run",)),
    "docker-run": ("docker", ("run",)),
}


@pytest.mark.parametrize("name", LIGHT)
def test_help_completion_and_light_parser_name_the_same_options(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from kx.cli.optable import COMMANDS

    code, out, _ = run([name, "--help"], capsys)
    assert code == 0
    table = set(COMMANDS[name]["options"]) | set(COMMANDS[name]["help"])
    completion = {f"--{o['long']}" for o in APP["commands"][name]["options"] if o["long"]}
    completion |= {f"-{o['short']}" for o in APP["commands"][name]["options"] if o["short"]}
    assert help_words(out) == table == completion


@pytest.mark.parametrize("path", [p for p in command_paths(APP) if p[:1] not in [(b,) for b in BUILDERS]])
def test_every_help_has_one_style_and_no_python_types(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([*path, "--help"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"Usage: {' '.join(('kx', *path))} ")
    assert not PYTHON_TYPE.search(out), out
    assert "╭" not in out  # no boxes: plain two-column text like the builder's help


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json", "--", "docker", "run", "-m", "1x", "nginx"],
        ["check", "-f", "sarif", "--color", "never", "--", "kubectl", "expose", "deploy", "web", "--port=8o"],
        ["check", "--format=github", "docker run --cpus abc nginx"],
        ["check", "--format", "json", "docker", "run", "--pull", "sometimes", "nginx"],
        ["check", "--", "docker", "run", "--format", "json", "nginx"],
    ],
)
def test_the_light_path_and_typer_read_a_line_alike(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    light = run(args, capsys)
    typed = CliRunner().invoke(app, args, catch_exceptions=False)
    assert (typed.exit_code, typed.stdout) == light[:2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml", "--", "docker", "run", "nginx"],
         "invalid value 'xml' for --format (choose from text, json, sarif, github)"),
        (["check", "-qf", "xml", "docker", "run", "nginx"],
         "invalid value 'xml' for --format (choose from text, json, sarif, github)"),
        (["check", "--bogus", "--", "docker", "run", "nginx"],
         "unknown option '--bogus' (see kx check --help)"),
        (["lint", "--bogus", "x.sh"], "unknown option '--bogus' (see kx lint --help)"),
        (["lint", "--isolate", "x.sh"], "unknown option '--isolate'; did you mean --isolated?"),
        (["lint", "--colour", "never", "x.sh"], "unknown option '--colour'; did you mean --color?"),
        (["lint", "--selct", "KX1", "x.sh"], "unknown option '--selct'; did you mean --select?"),
        (["lint", "-z", "x.sh"], "unknown option '-z' (see kx lint --help)"),
        (["lint", "--jobs", "many", "x.sh"], "invalid value for '--jobs'"),
        (["lint"], "missing PATH (see kx lint --help)"),
        (["specs", "show", "--bogus"], "unknown option '--bogus' (see kx specs show --help)"),
        (["completion", "show", "tcsh"],
         "invalid value 'tcsh' for SHELL (choose from bash, zsh, fish, powershell)"),
        (["nosuch"], "no such command 'nosuch'"),
        (["build", "--format", "xml", "docker", "run", "nginx"], "bad option '--format' before the command"),
        (["build", "--format", "json", "--"], "nothing to build after --"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_kx_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"kx: error: {message}") and err.count("\n") == 1, err


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_complete_package_never_imports_cli_or_typer() -> None:
    for path in sorted((SRC / "complete").glob("*.py")):
        found = {n for n in _imports(path) if n.startswith(("kx.cli", "typer", "click"))}
        assert not found, f"{path.name} imports {found}"
    code = (
        "import sys, kx.complete.command, kx.complete.generate; from kx.complete.generate import live_tree; "
        "live_tree(); print(sorted(m for m in sys.modules if m.startswith(('kx.cli', 'typer'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_completion_reads_the_generated_description_of_kx() -> None:
    from kx.cli.describe import describe_app

    assert json.loads(json.dumps(describe_app())) == APP


def test_no_cli_module_is_over_300_lines() -> None:
    for path in sorted((SRC / "cli").glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name


@pytest.mark.parametrize("name", BUILDERS)
def test_the_builder_reads_the_options_typer_declares(name: str) -> None:
    """The builder tells kx's options from the spec's flags with its own table: it must match typer's."""
    from kx.builder.options import KX_OPTIONS
    from kx.cli.optable import COMMANDS

    table = COMMANDS[name]
    longs = [(word, param) for word, (param, _kind, _on) in table["options"].items() if word.startswith("--")]
    declared = {(word[2:], table["choices"].get(param)) for word, param in longs}
    shorts = {word[1:] for word in table["options"] if not word.startswith("--")}
    builder = {(o.name, o.choices) for o in KX_OPTIONS if o.name != "help"}
    builder |= {(o.alias, o.choices) for o in KX_OPTIONS if o.alias}
    assert declared == builder
    if name == "build":
        assert shorts == {o.short for o in KX_OPTIONS if o.short}
        return
    from kx.builder.options import spellings
    from kx.catalog.loader import load_specs

    spec = load_specs().get(*COMMANDS_BUILT[name])
    assert shorts == {
        w[1:] for w, o in spellings(spec).items() if not w.startswith("--") and o.name != "help"
    }


@pytest.mark.parametrize("args", [[], ["specs"], ["completion"]])
def test_a_group_without_a_command_prints_its_help(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert (
        err.startswith(f"Usage: {' '.join(['kx', *args])} [OPTIONS] COMMAND [ARGS]...\n")
        and "Commands:" in err
    )
