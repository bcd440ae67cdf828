"""`kubectl kx ...` through kubectl's own plugin discovery, on a temp HOME and PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import Run, console_script, need

# The README's session: deployment nginx, port 80, NodePort, Enter everywhere else.
EXPOSE_ANSWERS = "4\nnginx\n\n\n80\n\n\n\n2\n\n\n\n"  # --dry-run and --output come after --type


@pytest.fixture(autouse=True)
def _plugin_on_path(bin_dir: Path) -> None:
    need("kubectl")
    if console_script("kubectl-kx") is None:
        pytest.skip("the kubectl-kx console script is not installed next to this Python")


def test_plugin_list_shows_kx_without_warnings(run: Run, bin_dir: Path) -> None:
    done = run("kubectl", "plugin", "list")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"The following compatible plugins are available:\n\n{bin_dir / 'kubectl-kx'}\n"
    assert done.stderr == ""


def test_a_bare_command_is_checked_as_kubectl(run: Run) -> None:
    done = run("kubectl", "kx", "check", "expose", "deploy", "nginx", "--port", "80")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    done = run("kubectl", "kx", "check", "expose", "deploy", "nginx", "--port", "80", "--type=Nodeport")
    assert done.returncode == 1
    assert "1 | kubectl expose deploy nginx --port 80 --type=Nodeport\n" in done.stdout
    assert "did you mean NodePort?" in done.stdout


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--", "expose", "deploy", "web", "--port=8o"], "kubectl expose deploy web --port=8o"),
        (["-f", "text", "expose deploy web --port=8o"], "kubectl expose deploy web --port=8o"),
        (["kubectl", "expose", "deploy", "web", "--port=8o"], "kubectl expose deploy web --port=8o"),
        (["--", "docker", "run", "-p", "8o:80", "nginx"], "docker run -p 8o:80 nginx"),
    ],
)
def test_options_separator_strings_and_explicit_tools(run: Run, args: list[str], shown: str) -> None:
    done = run("kubectl", "kx", "check", *args)
    assert done.returncode == 1, done.stderr
    assert f"1 | {shown}\n" in done.stdout


def test_check_json_output(run: Run) -> None:
    line = ["run", "web", "--image=nginx", "--restart=Sometimes"]
    done = run("kubectl", "kx", "check", "--format", "json", *line)
    assert done.returncode == 1
    assert '"command": "kubectl run web --image=nginx --restart=Sometimes"' in done.stdout


def test_exec_runs_kubectl_only_when_clean(run: Run) -> None:
    done = run("kubectl", "kx", "exec", "version", "--client", "--output=yaml")
    assert done.returncode == 0, done.stderr
    assert "clientVersion:" in done.stdout
    done = run("kubectl", "kx", "exec", "expose", "deploy", "web", "--port=8o")
    assert done.returncode == 1 and "clientVersion" not in done.stdout


def test_interactive_expose(run: Run) -> None:
    done = run("kubectl", "kx", "expose", "-i", stdin=EXPOSE_ANSWERS)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose deployment nginx --port=80 --type=NodePort\n"
    assert "? --type: " in done.stderr


def test_lint(run: Run, tmp_path: Path) -> None:
    script = tmp_path / "deploy.sh"
    script.write_text("#!/bin/sh\nkubectl expose deploy web --port 80 --type Nodeport\n", encoding="utf-8")
    done = run("kubectl", "kx", "lint", "--format", "json", str(script))
    assert done.returncode == 1, done.stderr
    assert '"code": "KX204"' in done.stdout and '"line": 2' in done.stdout
    script.write_text("kubectl expose deploy web --port 80 --type NodePort\n", encoding="utf-8")
    assert run("kubectl", "kx", "lint", str(script)).returncode == 0


def test_user_errors_are_one_line(run: Run) -> None:
    done = run("kubectl", "kx", "check", "--format", "xml", "expose")
    assert done.returncode == 2
    choices = "text, json, sarif, github"
    assert done.stderr == f"kx: error: invalid value 'xml' for --format (choose from {choices})\n"


@pytest.mark.parametrize("typed", [["--help"], ["-h"], ["help"]])
def test_kubectl_kx_help(run: Run, typed: list[str]) -> None:
    done = run("kubectl", "kx", *typed)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Usage: kubectl kx [OPTIONS] COMMAND [ARGS]...\n")
    assert "  check  " in done.stdout or "\n  check " in done.stdout


def test_kubectl_kx_help_of_one_command(run: Run) -> None:
    done = run("kubectl", "kx", "help", "check")
    assert done.returncode == 0 and done.stdout.startswith("Usage: kubectl kx check [OPTIONS]")
