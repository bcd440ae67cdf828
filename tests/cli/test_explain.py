"""kx explain: each word's role as aligned text or JSON; bad input is one line and exit 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kx.cli.app import app
from kx.cli.main import main
from kx.cli.plugin import plugin_args
from kx.parse.roles import ROLES

KX = Path(sys.executable).with_name("kx")
LINE = ["docker", "--host", "tcp://h:2375", "run", "-p", "8080:80", "-it", "--name=web", "nginx", "ls", "-l"]
PYTHON_WORDS = re.compile(r"\b(None|True|False)\b|\[\]|\{\}|<(str|int|bool|list)")
KEYS = {"text": str, "role": str, "start": int, "end": int, "known": bool, "command": int}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def tokens(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, list[dict[str, object]]]:
    code, out, err = run(["explain", "--format", "json", *args], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"command", "tokens"}
    return data["command"], data["tokens"]


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    text, found = tokens(["--", *LINE], capsys)
    assert len(found) == len(LINE)
    for token, word in zip(found, LINE, strict=True):
        for key, kind in KEYS.items():
            assert isinstance(token[key], kind), (key, token)
        assert token["role"] in ROLES
        assert token["flag"] is None or str(token["flag"]).startswith("--")
        assert token["text"] == word == text[token["start"] : token["end"]]  # type: ignore[misc]
    by_text = {t["text"]: t for t in found}
    assert [by_text[w]["flag"] for w in ("-p", "8080:80", "--host", "tcp://h:2375")] == [
        "--publish", "--publish", "--host", "--host"
    ]  # fmt: skip
    at = text.index("--name=web") + len("--name=")
    assert by_text["--name=web"]["value"] == {"text": "web", "start": at, "end": at + 3}


def test_a_string_and_argv_words_are_read_alike(capsys: pytest.CaptureFixture[str]) -> None:
    argv = tokens(["--", *LINE], capsys)[1]
    string = tokens([" ".join(LINE)], capsys)[1]
    assert [(t["text"], t["role"], t["flag"]) for t in argv] == [
        (t["text"], t["role"], t["flag"]) for t in string
    ]


def test_each_command_of_a_string_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    found = tokens(["docker run nginx && kubectl run web --image=nginx"], capsys)[1]
    assert [(t["text"], t["command"]) for t in found if t["role"] == "program"] == [
        ("docker", 0),
        ("kubectl", 1),
    ]


def test_text_is_aligned_columns_without_python_types(capsys: pytest.CaptureFixture[str]) -> None:
    line = [*LINE[:8], "--bogus", *LINE[8:]]
    code, out, err = run(["explain", "--", *line], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["TOKEN", "ROLE", "FLAG", "MEANING"]
    role_at, flag_at = lines[0].index("ROLE"), lines[0].index("FLAG")
    rows = [line for line in lines[1:] if line[:1].strip()]
    assert [row.split()[0] for row in rows] == line
    for row in rows:
        assert row[role_at - 2 : role_at] == "  " and row[role_at] != " ", row
        assert row[flag_at - 1] == " ", row
    assert not PYTHON_WORDS.search(out), out
    assert re.search(r"^-p +flag +--publish +Publish", out, re.M)
    assert re.search(r"^8080:80 +value +--publish", out, re.M)
    assert re.search(r"^--bogus +flag \(unknown\) +--bogus +unknown flag --bogus", out, re.M)


def test_a_command_with_mistakes_is_still_explained(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["explain", "docker run --pubish 80 --memory 1x nginx"], capsys)
    assert (code, err) == (0, "")
    assert "did you mean --publish?" in out


def test_text_shows_the_history_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = "kubectl run web --image=nginx --record --cascade=true --requests cpu=1"
    code, out, err = run(["explain", line], capsys)
    assert (code, err) == (0, "")
    rows = out.splitlines()
    below = {rows[i].split()[0]: rows[i + 1].strip() for i in range(len(rows) - 1) if rows[i][:1] == "-"}
    assert below["--record"].endswith("; deprecated in 1.22: --record will be removed in the future")
    assert below["--cascade=true"].endswith(
        "deprecated in 1.26: because it is not relevant for this command. It will be removed in version 1.29"
        "; undeprecated in 1.31"
    )
    # a removed flag: its history up to the removal, whose message is the problem on its own row
    assert below["--requests"] == (
        "deprecated in 1.21: has no effect and will be removed in 1.24; removed in 1.24"
    )
    assert "kubernetes/" not in out  # sources are for the JSON


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["explain"], "no command given (usage: kx explain -- docker run ...)"),
        (["explain", "--"], "no command given"),
        (["explain", "  "], "no command given"),
        (["explain", "ls -l"], "'ls' runs no docker or kubectl command kx knows"),
        (["explain", "--", "git", "status"], "'git' runs no docker or kubectl command kx knows"),
        (["explain", "docker run 'nginx"], "the command has an unterminated single quote at column 12"),
        (["explain", "--format", "xml", "docker", "run", "nginx"],
         "invalid value 'xml' for --format (choose from text, json)"),
        (["explain", "--bogus", "--", "docker", "run", "nginx"], "unknown option '--bogus'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"kx: error: {message}") and err.count("\n") == 1, err


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "--", *LINE],
        ["explain", "-f", "json", "kubectl expose deployment/web --port 80"],
        [
            "explain",
            "--format=json",
            "--",
            "kubectl",
            "-n",
            "ns",
            "run",
            "web",
            "--image=nginx",
            "--",
            "date",
        ],
        ["explain", "docker", "run", "--format", "json", "nginx"],
    ],
)
def test_the_light_path_and_typer_read_a_line_alike(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    light = run(args, capsys)
    typed = CliRunner().invoke(app, args, catch_exceptions=False)
    assert (typed.exit_code, typed.stdout) == light[:2]
    assert light[0] == 0


def test_help_states_the_roles_and_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "--help"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    for role in ROLES:
        assert role in flat
    assert "Exit 0 when the command was explained" in flat and "2 when" in flat


def test_the_plugins_imply_their_tool() -> None:
    assert plugin_args(["explain", "run", "web", "--image=x"], "kubectl") == [
        "explain", "kubectl", "run", "web", "--image=x"
    ]  # fmt: skip
    assert plugin_args(["explain", "-f", "json", "run -p 80:80 nginx"], "docker") == [
        "explain", "-f", "json", "docker run -p 80:80 nginx"
    ]  # fmt: skip


def test_the_installed_kx() -> None:
    done = subprocess.run([str(KX), "explain", "-f", "json", "--", "docker", "run", "-p", "80:80", "nginx"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    roles = [(t["role"], t["flag"]) for t in json.loads(done.stdout)["tokens"]]
    assert roles == [("program", None), ("subcommand", None), ("flag", "--publish"), ("value", "--publish"),
                     ("image", None)]  # fmt: skip


def test_kx_check_does_not_load_explain() -> None:
    code = (
        "import sys\n"
        "from kx.cli.main import main\n"
        "main(['check', '-q', '--', 'docker', 'run', '-p', '80:80', 'nginx'])\n"
        "print(sorted(m for m in sys.modules if m in ('kx.cli.explain_cli', 'kx.parse.roles', "
        "'kx.parse.meaning', 'kx.cli.app')))\n"
        "main(['explain', '-f', 'json', '--', 'docker', 'run', 'nginx'])\n"
        "print(sorted(m for m in sys.modules if m in ('kx.cli.explain_cli', 'kx.parse.roles', 'typer')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    lines = done.stdout.splitlines()
    assert (lines[0], lines[-1]) == ("[]", "['kx.cli.explain_cli', 'kx.parse.roles']")
