"""The help-table parser, on captured help texts of both layouts and on the installed clients."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.catalog import helptext
from kx.catalog.helptext import HelpFlag

HELP = Path(__file__).resolve().parents[1] / "fixtures" / "help"


def read(name: str) -> str:
    return (HELP / name).read_text(encoding="utf-8")


def by_name(rows: list[HelpFlag]) -> dict[str, HelpFlag]:
    return {row.name: row for row in rows}


def test_docker_run_table() -> None:
    rows = helptext.parse_flags(read("docker-run.txt"))
    assert len(rows) == 104
    flags = by_name(rows)
    assert flags["hostname"].key()[:3] == ("hostname", "h", "string")
    assert flags["help"].key() == ("help", None, "", None, "Print usage")
    assert flags["cpu-count"].type_word == "int"  # pflag prints int64 as int
    assert flags["io-maxiops"].type_word == "uint"
    assert flags["pull"].default == "missing"  # Go-quoted in the help, unquoted here
    assert flags["ulimit"].default == "[]"
    assert flags["name"].default is None


def test_docker_continuation_lines_join_even_when_they_start_with_a_dash() -> None:
    flags = by_name(helptext.parse_flags(read("docker-run.txt")))
    assert flags["pids-limit"].description == "Tune container pids limit (set -1 for unlimited)"
    assert "'private': Run the container in its own private cgroup namespace" in flags["cgroupns"].description


def test_docker_root_global_options_and_commands() -> None:
    text = read("docker.txt")
    assert helptext.parse_flags(text) == []  # the root's table is titled "Global Options"
    flags = by_name(helptext.parse_global_flags(text))
    assert sorted(flags) == [
        "config", "context", "debug", "host", "log-level", "tls", "tlscacert", "tlscert", "tlskey",
        "tlsverify", "version",
    ]  # fmt: skip
    assert flags["log-level"].key()[:4] == ("log-level", "l", "string", "info")
    assert flags["debug"].type_word == ""
    commands = helptext.parse_commands(text)
    assert {"run", "container", "swarm", "wait"} <= set(commands)
    assert len(commands) == len(set(commands)) == 57


def test_docker_aliases() -> None:
    assert helptext.parse_aliases(read("docker-run.txt")) == [["container", "run"], ["run"]]
    assert helptext.parse_aliases(read("docker.txt")) == []


def test_kubectl_run_table() -> None:
    rows = helptext.parse_flags(read("kubectl-run.txt"))
    assert len(rows) == 34
    flags = by_name(rows)
    assert flags["cascade"].key()[:4] == ("cascade", None, "string", "background")
    assert flags["annotations"].key()[:4] == ("annotations", None, None, "[]")
    assert flags["filename"].short == "f"
    assert flags["image"].key()[:4] == ("image", None, "string", "")
    assert flags["pod-running-timeout"].default == "1m0s"
    assert flags["expose"].description.startswith("If true, create a ClusterIP service")


def test_kubectl_options_table() -> None:
    flags = by_name(helptext.parse_global_flags(read("kubectl-options.txt")))
    assert len(flags) == 27
    assert flags["v"].key()[:4] == ("v", "v", None, "0")
    assert flags["vmodule"].key()[:4] == ("vmodule", None, None, "")
    assert flags["namespace"].short == "n"
    assert helptext.parse_flags(read("kubectl-options.txt")) == list(flags.values())


def test_kubectl_commands_from_grouped_sections() -> None:
    text = (
        "Basic Commands (Beginner):\n  create    Make one\n  run       Run one\n\n"
        "Other Commands:\n  version   Show\n"
    )
    assert helptext.parse_commands(text) == ["create", "run", "version"]


def test_synthetic_rows() -> None:
    cobra = (
        "Options:\n"
        "  -x, --ex string   Something long that wraps onto the next line and ends in a default\n"
        "                    (default\n"
        '                    "a \\"quoted\\" value")\n'
        "      --flag        Bare\n"
        "      --no-usage int\n"
    )
    assert [r.key() for r in helptext.parse_flags(cobra)] == [
        ("ex", "x", "string",
         'a "quoted" value', "Something long that wraps onto the next line and ends in a default"),
        ("flag", None, "", None, "Bare"),
        ("no-usage", None, "int", None, ""),
    ]  # fmt: skip
    kubectl = "Options:\n    -s, --sel='a:b':\n\tFirst line\n\tsecond line\n\n    --n=[]:\n\tList\n"
    assert [r.key() for r in helptext.parse_flags(kubectl)] == [
        ("sel", "s", "string", "a:b", "First line second line"),
        ("n", None, None, "[]", "List"),
    ]


# --- live: the parser must see every row the installed client prints --------------------------

ROW_START = re.compile(r"^(?:  -\S, |      |    -\S, |    )--([A-Za-z0-9][\w.-]*)")


def live(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} not installed")
    env = dict(os.environ, DOCKER_HOST="unix:///nonexistent/kx-test.sock")
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=True).stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["docker", "run", "--help"], ["docker", "container", "create", "--help"],
        ["docker", "network", "create", "--help"], ["kubectl", "run", "--help"],
        ["kubectl", "expose", "--help"], ["kubectl", "create", "deployment", "--help"],
    ],
    ids=" ".join,
)  # fmt: skip
def test_live_help_rows_are_all_parsed(argv: list[str]) -> None:
    text = live(argv)
    options = helptext.sections(text)["Options"]
    expected = [m.group(1) for line in options if (m := ROW_START.match(line))]
    assert expected
    assert [row.name for row in helptext.parse_flags(text)] == expected


@pytest.mark.parametrize("argv", [["docker", "--help"], ["kubectl", "options"]], ids=" ".join)
def test_live_global_rows_are_all_parsed(argv: list[str]) -> None:
    text = live(argv)
    expected = [m.group(1) for line in text.splitlines() if (m := ROW_START.match(line))]
    assert [row.name for row in helptext.parse_global_flags(text)] == expected
