"""`kx check` and `kx exec`: the CLI contract (exit codes, formats, carets), in-process and installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.cli.main import main

KX = Path(sys.executable).with_name("kx")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_command_exits_0_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--", "kubectl", "expose", "deployment", "web", "--port=80"], capsys)
    assert (code, out, err) == (0, "", "")


def test_errors_exit_1_with_a_caret_under_each_token(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["check", "--", "kubectl", "expose", "deployment", "web", "--port=80", "--selecter=app=web"], capsys
    )
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "error[KX101]: unknown flag --selecter for kubectl expose; did you mean --selector?"
    assert lines[1] == "1 | kubectl expose deployment web --port=80 --selecter=app=web"
    column = lines[1].index("--selecter") - len("1 | ")
    assert lines[2] == "  | " + " " * column + "^" * len("--selecter")
    assert "help: did you mean --selector?" in out


def test_string_form_checks_every_command_in_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "docker run --cpus abc nginx && kubectl run web --image=Nginx"], capsys)
    assert code == 1
    assert "KX201" in out and "KX205" in out


def test_warnings_alone_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--", "docker", "run", "nginx", "-p", "80:80"], capsys)
    assert code == 0
    assert out.startswith("warning[KX108]")


def test_json_format_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--format", "json", "--", "docker", "run", "-m", "1x", "nginx"], capsys)
    assert code == 1
    body = json.loads(out)
    [diagnostic] = body["diagnostics"]
    assert {"path", "line", "column", "end_line", "end_column", "severity", "code", "message",
            "suggestion", "url"} <= set(diagnostic)  # fmt: skip
    assert (diagnostic["line"], diagnostic["column"], diagnostic["code"]) == (1, 15, "KX201")
    assert diagnostic["url"].endswith("#kx201-invalid-value")


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "xml", "--", "docker", "run", "nginx"],
        ["check", "--bogus"],
        ["check", ""],
        ["check", "--", ""],
        ["exec", ""],
        ["check", "docker run 'nginx"],
        ["check", 'docker run "nginx'],
        ["exec", "docker run -e 'A=1 nginx"],
        ["check", "--"],
        ["exec", "--"],
        ["exec"],
        ["check", "   "],
        ["exec", "--", ""],
        ["check", "$(docker run"],
        ["check", "docker run nginx |"],
        ["exec", "docker run nginx &&"],
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert err.startswith("kx: error: ") and err.count("\n") == 1


def test_check_help_is_generated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--help"], capsys)
    assert code == 0
    assert "--format" in out and "text|json" in out


def test_non_docker_commands_are_not_judged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--", "ls", "-la"], capsys)
    assert (code, out) == (0, "")


@pytest.mark.skipif(not KX.exists(), reason="kx console script not installed next to this python")
def test_installed_kx_check_and_exec(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    bad = subprocess.run([str(KX), "check", "--", "docker", "run", "--pull", "sometimes", "nginx"],
                         capture_output=True, text=True, env=env)  # fmt: skip
    assert bad.returncode == 1 and "KX202" in bad.stdout and "\033[" not in bad.stdout
    marker = tmp_path / "ran"
    # exec refuses a bad command: nothing runs
    refused = subprocess.run([str(KX), "exec", "--", "docker", "run", "--cpus", "abc", "nginx"],
                             capture_output=True, text=True, env=env)  # fmt: skip
    assert refused.returncode == 1 and "KX201" in refused.stderr
    # exec runs a clean command by replacing itself (touch is not docker/kubectl: nothing to check)
    done = subprocess.run([str(KX), "exec", "--", "touch", str(marker)], capture_output=True, text=True)
    assert done.returncode == 0 and marker.exists()


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
@pytest.mark.skipif(not KX.exists(), reason="kx console script not installed next to this python")
def test_exec_hands_over_to_the_real_client(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "KUBECONFIG": "/dev/null"}
    result = subprocess.run([str(KX), "exec", "--", "kubectl", "version", "--client"],
                            capture_output=True, text=True, env=env)  # fmt: skip
    assert result.returncode == 0
    assert "Client Version" in result.stdout


@pytest.mark.skipif(not KX.exists(), reason="kx console script not installed next to this python")
def test_installed_kx_check_output_is_complete_and_write_errors_are_one_line(tmp_path: Path) -> None:
    """The console `kx check` ends without Python's finalization; its output must still be whole."""
    line = " ".join(f"-p {port}:{port}" for port in range(1, 400)) + " --cpus abc -e A --bogus"
    args = [str(KX), "check", "--format", "json", f"docker run {line} nginx"]
    with open(tmp_path / "out.json", "w") as out:
        done = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, text=True)
    body = json.loads((tmp_path / "out.json").read_text())  # complete: it parses
    assert done.returncode == 1 and done.stderr == ""
    assert {d["code"] for d in body["diagnostics"]} >= {"KX201", "KX101"}
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            failed = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True)
        assert failed.returncode == 2 and "Traceback" not in failed.stderr
        assert failed.stderr.startswith("kx: error: cannot write the output")
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)  # a reader that is already gone
    reader.wait()
    piped = subprocess.run(args, stdout=reader.stdin, stderr=subprocess.PIPE, text=True)
    assert reader.stdin is not None
    reader.stdin.close()
    assert piped.returncode == 1 and piped.stderr == ""


def test_out_of_scope_command_is_said_to_be_unchecked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "docker compose up -d"], capsys)
    assert code == 0
    assert out.startswith("info[KX303]: 'docker compose' is not a built-in docker command")
    assert "not checked" in out.splitlines()[0]
    code, out, _ = run(["check", "--format", "json", "--", "kubectl", "krew", "install", "ctx"], capsys)
    [diagnostic] = json.loads(out)["diagnostics"]
    assert (code, diagnostic["severity"], diagnostic["code"]) == (0, "info", "KX303")
    assert "not checked" in diagnostic["message"]


def test_a_typo_of_a_command_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "kubectl exopse deploy web --port=80"], capsys)
    assert code == 0
    assert out.startswith("warning[KX302]: 'exopse' is not a kubectl command; did you mean expose?")


def _fake_compose(config: Path) -> None:
    """A real docker CLI plugin (docker asks it for metadata, then runs it) that echoes its words."""
    plugin = config / "cli-plugins" / "docker-compose"
    plugin.parent.mkdir(parents=True)
    metadata = '{"SchemaVersion":"0.1.0","Vendor":"kx tests","Version":"0.0.1"}'
    script = f"if [ \"$1\" = docker-cli-plugin-metadata ]; then echo '{metadata}'; exit 0; fi"
    plugin.write_text(f'#!/bin/sh\n{script}\necho "plugin ran: $*"\n')
    plugin.chmod(0o755)


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker not installed")
@pytest.mark.skipif(not KX.exists(), reason="kx console script not installed next to this python")
def test_exec_runs_a_plugin_command(tmp_path: Path) -> None:
    """docker runs `compose up -d` through the plugin: kx must pass it through, not refuse it."""
    _fake_compose(tmp_path)
    env = {**os.environ, "DOCKER_CONFIG": str(tmp_path), "NO_COLOR": "1"}
    result = subprocess.run([str(KX), "exec", "--", "docker", "compose", "up", "-d"],
                            capture_output=True, text=True, env=env)  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "plugin ran: compose up -d\n", "")
    # without the plugin the same line is still not an error for kx; docker itself refuses it
    env["DOCKER_CONFIG"] = str(tmp_path / "none")
    result = subprocess.run([str(KX), "exec", "--", "docker", "compose", "up", "-d"],
                            capture_output=True, text=True, env=env)  # fmt: skip
    assert result.returncode != 0 and "unknown shorthand flag" in result.stderr
    assert "error[" not in result.stderr
    # a near miss of a built-in command still warns, and runs
    result = subprocess.run([str(KX), "exec", "--", "docker", "rnu"], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert result.stderr.startswith("warning[KX302]: 'rnu' is not a docker command; did you mean run?")
    assert "docker: unknown command: docker rnu" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("docker run 'nginx", 11),
        ("docker run \"", 11),
        ("docker run nginx", None),
        ("echo $'a\\'b'", None),  # an escaped quote inside $'...'
        ("docker run x # it's", None),  # quotes in a comment are prose
        ('a "b\\"c"', None),
        ("a 'b\\'", None),  # no escapes inside '...'
        ('a \\"', None),
        ("docker run nginx |", 17),  # an operator that needs a command after it
        ("docker run nginx && ", 17),
        ("docker run nginx ||\n", 17),
        ("docker run nginx |\n grep x", None),
        ("docker run nginx &", None),
        ("docker run nginx;", None),
    ],
)
def test_unclosed_quotes_are_found_as_bash_reads_them(text: str, expected: int | None) -> None:
    from kx.cli.check_options import unclosed

    found = unclosed(text)
    assert (found[1] if found else None) == expected
    if shutil.which("bash"):
        closed = subprocess.run(["bash", "-n", "-c", text], capture_output=True).returncode == 0
        assert closed == (expected is None)
