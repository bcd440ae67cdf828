"""`kx plugin install docker` and `docker kx ...` through the real docker client, on a temp HOME."""

from __future__ import annotations

import json
import os
import shlex
import stat
import sys
from pathlib import Path

import pytest

from kx import __version__

from .support import Run, kx_argv, need

LEAVE_IT = "remove it yourself if it should go"
DOCKER_RUN_ANSWERS = "nginx\n" + "\n" * 20  # image nginx, then Enter at every question


@pytest.fixture
def plugin(home: Path) -> Path:
    return home / ".docker" / "cli-plugins" / "docker-kx"


@pytest.fixture
def installed(run: Run, plugin: Path) -> Path:
    done = run(*kx_argv("plugin", "install", "docker"))
    assert done.returncode == 0, done.stderr
    return plugin


def test_install_twice_then_uninstall_twice(run: Run, plugin: Path) -> None:
    first = run(*kx_argv("plugin", "install", "docker"))
    assert first.returncode == 0
    assert first.stdout == f"installed {plugin} (runs {sys.executable} -m kx.cli.plugin)\n"
    text = plugin.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n# Written by `kx plugin install docker`")
    assert text.endswith(f'\nexec {shlex.quote(os.path.abspath(sys.executable))} -m kx.cli.plugin "$@"\n')
    assert stat.S_IMODE(plugin.stat().st_mode) == 0o755
    again = run(*kx_argv("plugin", "install", "docker"))
    assert (again.returncode, again.stdout) == (0, f"unchanged: {plugin} is already installed\n")
    assert plugin.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in plugin.parent.iterdir()) == ["docker-kx"]  # no temporary left behind
    gone = run(*kx_argv("plugin", "uninstall", "docker"))
    assert (gone.returncode, gone.stdout) == (0, f"removed {plugin}\n")
    assert not plugin.exists()
    nothing = run(*kx_argv("plugin", "uninstall", "docker"))
    assert (nothing.returncode, nothing.stdout) == (0, f"nothing to remove: {plugin} does not exist\n")


def test_a_stale_script_is_updated(run: Run, installed: Path) -> None:
    installed.write_text(installed.read_text(encoding="utf-8").replace(sys.executable, "/old/python"))
    done = run(*kx_argv("plugin", "install", "docker"))
    assert done.stdout.startswith(f"updated {installed} ")
    assert "/old/python" not in installed.read_text(encoding="utf-8")


def test_docker_config_decides_where(run: Run, tmp_path: Path, plugin: Path) -> None:
    config = tmp_path / "docker-config"
    done = run(*kx_argv("plugin", "install", "docker"), extra={"DOCKER_CONFIG": str(config)})
    assert done.returncode == 0, done.stderr
    assert (config / "cli-plugins" / "docker-kx").is_file() and not plugin.exists()
    done = run(*kx_argv("plugin", "uninstall", "docker"), extra={"DOCKER_CONFIG": str(config)})
    assert done.stdout == f"removed {config / 'cli-plugins' / 'docker-kx'}\n"


def test_someone_elses_docker_kx_is_left_alone(run: Run, plugin: Path) -> None:
    plugin.parent.mkdir(parents=True)
    plugin.write_text("#!/bin/sh\necho mine\n", encoding="utf-8")
    for action in ("install", "uninstall"):
        done = run(*kx_argv("plugin", action, "docker"))
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"kx: error: {plugin} exists and was not written by kx; {LEAVE_IT}\n"
    assert plugin.read_text(encoding="utf-8") == "#!/bin/sh\necho mine\n"


def test_only_docker_is_a_plugin_host(run: Run) -> None:
    done = run(*kx_argv("plugin", "install", "kubectl"))
    assert done.returncode == 2 and "kubectl" in done.stderr


def test_metadata(run: Run, installed: Path) -> None:
    done = run(str(installed), "docker-cli-plugin-metadata")
    assert done.returncode == 0
    assert json.loads(done.stdout) == {
        "SchemaVersion": "0.1.0", "Vendor": "kx developers", "Version": __version__,
        "ShortDescription": "Check, lint and build docker and kubectl commands offline",
        "URL": "https://github.com/kx-dev/kx",
    }  # fmt: skip


def test_docker_help_lists_kx_until_uninstalled(run: Run, installed: Path) -> None:
    need("docker")
    listed = "  kx*         Check, lint and build docker and kubectl commands offline\n"
    done = run("docker", "--help")
    assert done.returncode == 0 and listed in done.stdout, done.stdout
    assert "WARNING" not in done.stderr.upper(), done.stderr
    run(*kx_argv("plugin", "uninstall", "docker"))
    assert " kx" not in run("docker", "--help").stdout


def test_a_bare_command_is_checked_as_docker(run: Run, installed: Path) -> None:
    need("docker")
    assert run("docker", "kx", "check", "run", "-p", "80:80", "nginx").returncode == 0
    done = run("docker", "kx", "check", "run", "-p", "80:80x", "nginx")
    assert done.returncode == 1
    assert "1 | docker run -p 80:80x nginx\n" in done.stdout
    done = run("docker", "kx", "check", "--", "kubectl", "expose", "deploy", "web", "--port=8o")
    assert done.returncode == 1 and "1 | kubectl expose deploy web --port=8o\n" in done.stdout
    done = run("docker", "kx", "check", "run --rm --restart=always nginx")
    assert done.returncode == 1 and "KX401" in done.stdout


def test_interactive_docker_run(run: Run, installed: Path) -> None:
    need("docker")
    done = run("docker", "kx", "docker-run", "-i", stdin=DOCKER_RUN_ANSWERS)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "docker run nginx\n"
    assert "? IMAGE" in done.stderr


def test_docker_run_builder_keeps_dash_i_for_docker_with_an_image(run: Run, installed: Path) -> None:
    need("docker")
    done = run("docker", "kx", "docker-run", "-i", "nginx")
    assert (done.returncode, done.stdout) == (0, "docker run --interactive nginx\n")


def test_tab_completion_through_docker(run: Run, installed: Path) -> None:
    need("docker")
    done = run("docker", "__complete", "kx", "check", "run", "--restart", "")
    assert done.stdout == "no\nalways\non-failure\nunless-stopped\n:4\n"
    done = run("docker", "__complete", "kx", "check", "ru")
    assert done.stdout.startswith("run\t") and done.stdout.endswith("\n:4\n")
    done = run("docker", "__complete", "kx", "docker-run", "--pull", "m")
    assert done.stdout == "missing\n:4\n"
    done = run("docker", "__complete", "kx", "check", "--", "docker", "run", "--env-file", "")
    assert done.stdout == ":0\n"  # a file: the shell completes it
    done = run("docker", "__complete", "k")
    assert "kx\tCheck, lint and build docker and kubectl commands offline\n" in done.stdout


def test_complete_without_descriptions(run: Run, installed: Path) -> None:
    done = run(str(installed), "__completeNoDesc", "kx", "check", "run", "--pu")
    assert done.stdout == "--publish\n--publish-all\n--pull\n:4\n"
    done = run(str(installed), "__complete", "kx", "check", "run", "--pu")
    assert done.stdout.startswith("--publish\tPublish a container port")


def test_the_script_runs_without_the_venv_on_path(run: Run, installed: Path) -> None:
    done = run(str(installed), "kx", "--version", extra={"PATH": os.defpath})
    assert (done.returncode, done.stdout) == (0, f"kx {__version__}\n")


def test_docker_kx_run_builds_docker_run(run: Run, installed: Path) -> None:
    need("docker")
    done = run("docker", "kx", "run", "-p", "80:80", "nginx")
    assert (done.returncode, done.stdout, done.stderr) == (0, "docker run --publish=80:80 nginx\n", "")
    done = run("docker", "kx", "run", "--format", "json", "--cpus", "abc", "nginx")
    assert done.returncode == 1 and "KX201" in done.stderr and done.stdout == ""
    done = run("docker", "kx", "build", "--format", "json", "run", "nginx")
    assert (done.returncode, json.loads(done.stdout)["body"]["Image"]) == (0, "nginx")  # the create request


@pytest.mark.parametrize(
    ("typed", "usage"),
    [
        (["docker", "kx", "help"], "Usage: docker kx [OPTIONS] COMMAND [ARGS]..."),
        (["docker", "help", "kx"], "Usage: docker kx [OPTIONS] COMMAND [ARGS]..."),
        (["docker", "kx", "--help"], "Usage: docker kx [OPTIONS] COMMAND [ARGS]..."),
        (["docker", "kx", "help", "check"], "Usage: docker kx check [OPTIONS] [COMMAND...]"),
        (["docker", "kx", "help", "run"], "Usage: kx docker-run [FLAGS] IMAGE"),
    ],
)
def test_docker_help_for_kx(run: Run, installed: Path, typed: list[str], usage: str) -> None:
    need("docker")
    done = run(*typed)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith(usage), done.stdout


def test_tab_after_docker_kx_run_offers_docker_run_flags(run: Run, installed: Path) -> None:
    need("docker")
    done = run("docker", "__complete", "kx", "run", "--pu")
    assert done.stdout.startswith("--publish\t") and "\n--pull\t" in done.stdout, done.stdout
    done = run("docker", "__complete", "kx", "run", "--pull", "m")
    assert done.stdout == "missing\n:4\n"
