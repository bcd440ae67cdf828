"""kx's own options go anywhere before `--`; after it every word is the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kx.cli.main import main

POD_YAML = "apiVersion: v1\nkind: Pod\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_build_takes_kx_options_before_the_tool(capsys: pytest.CaptureFixture[str]) -> None:
    before = run(["build", "--format", "yaml", "kubectl", "run", "web", "--image=nginx"], capsys)
    after = run(["build", "kubectl", "run", "web", "--image=nginx", "--format", "yaml"], capsys)
    shortcut = run(["run", "--format=yaml", "web", "--image=nginx"], capsys)
    assert before == after == shortcut
    assert before[0] == 0 and before[1].startswith(POD_YAML), before


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--format", "json", "--", "docker", "run", "-p", "80:80", "nginx"],
        ["build", "--format=json", "docker", "run", "-p", "80:80", "nginx"],
        ["build", "--shell", "posix", "--format", "json", "docker", "run", "-p", "80:80", "nginx"],
        ["build", "docker", "run", "--format", "json", "-p", "80:80", "nginx"],
        ["docker-run", "--format", "json", "-p", "80:80", "nginx"],
        ["docker-run", "-p", "80:80", "--format", "json", "nginx"],
    ],
)
def test_build_options_before_and_among_the_flags(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    body = json.loads(out)["body"]  # docker run's JSON is the create request the client sends
    assert (body["Image"], body["HostConfig"]["PortBindings"]) == ("nginx", {"80/tcp": [{"HostPort": "80"}]})
    assert "Cmd" not in body


def test_after_the_image_the_words_belong_to_the_container(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["build", "--format", "json", "docker", "run", "nginx", "--format", "yaml"], capsys)
    body = json.loads(out)["body"]
    assert (code, body["Image"], body["Cmd"]) == (0, "nginx", ["--format", "yaml"])


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json", "--", "docker", "run", "--cpus", "abc", "nginx"],
        [
            "check",
            "-q",
            "--format",
            "json",
            "--color",
            "never",
            "--",
            "docker",
            "run",
            "--cpus",
            "abc",
            "nginx",
        ],
        ["check", "--color=never", "-f", "json", "docker", "run", "--cpus", "abc", "nginx"],
        ["check", "--format", "json", "docker run --cpus abc nginx"],
    ],
)
def test_check_options_before_the_command(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(args, capsys)
    assert (code, err) == (1, "")
    if "-q" in args:
        assert out == ""
        return
    body = json.loads(out)
    assert body["command"] == "docker run --cpus abc nginx"
    assert [d["code"] for d in body["diagnostics"]] == ["KX201"]


def test_after_the_separator_an_option_word_is_the_command_s(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--", "--format", "json"], capsys)
    assert (code, out) == (0, "")  # not a docker/kubectl command: nothing to judge, and no JSON


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_check_prints_through_the_lint_reporters(
    fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    line = "docker run --cpus abc nginx"
    code, checked, _ = run(["check", "--format", fmt, line], capsys)
    assert code == 1
    script = tmp_path / "one.sh"
    script.write_text(line + "\n", encoding="utf-8")
    lint_code, linted, _ = run(["lint", "-q", "--isolated", "--format", fmt, str(script)], capsys)
    assert lint_code == 1
    if fmt == "sarif":
        [checked_result] = json.loads(checked)["runs"][0]["results"]
        [linted_result] = json.loads(linted)["runs"][0]["results"]
        assert checked_result["ruleId"] == linted_result["ruleId"] == "KX201"
        assert checked_result["message"] == linted_result["message"]
    else:
        assert checked.startswith("::error ") and linted.startswith("::error ")
        assert checked.split("::", 2)[2] == linted.split("::", 2)[2]  # the same message


@pytest.mark.parametrize("where", ["before", "after"])
def test_lint_options_before_or_after_the_paths(
    where: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = tmp_path / "one.sh"
    script.write_text("docker run --cpus abc nginx\n", encoding="utf-8")
    options = ["--format", "json", "-q", "--isolated"]
    args = ["lint", *options, str(script)] if where == "before" else ["lint", str(script), *options]
    code, out, _ = run(args, capsys)
    assert code == 1 and [d["code"] for d in json.loads(out)["diagnostics"]] == ["KX201"]
