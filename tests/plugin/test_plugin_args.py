"""What kx makes of the words typed after `kubectl kx` / `docker kx`."""

from __future__ import annotations

import pytest

from kx.cli.plugin import plugin_args


@pytest.mark.parametrize(
    ("typed", "tool", "meant"),
    [
        ("check expose deploy web --port 80", "kubectl", "check kubectl expose deploy web --port 80"),
        ("check run -p 80:80 nginx", "docker", "check docker run -p 80:80 nginx"),
        ("exec run web --image=nginx", "kubectl", "exec kubectl run web --image=nginx"),
        ("check -- expose deploy web", "kubectl", "check -- kubectl expose deploy web"),
        ("check -f json -q -- run nginx", "docker", "check -f json -q -- docker run nginx"),
        ("check --format=json run nginx", "docker", "check --format=json docker run nginx"),
        ("check --color never expose x", "kubectl", "check --color never kubectl expose x"),
        ("check kubectl expose deploy web", "docker", "check kubectl expose deploy web"),
        ("check -- docker run nginx", "kubectl", "check -- docker run nginx"),
        ("check /usr/bin/docker run nginx", "kubectl", "check /usr/bin/docker run nginx"),
        ("check --help", "kubectl", "check --help"),
        ("check --bogus expose", "kubectl", "check --bogus expose"),  # kx reports it
        ("check", "kubectl", "check"),
        ("run -i", "kubectl", "run --kx-interactive"),
        ("docker-run -i", "docker", "docker-run --kx-interactive"),
        ("docker-run -i nginx", "docker", "docker-run -i nginx"),
        ("expose -i", "kubectl", "expose -i"),
        ("lint check.sh", "kubectl", "lint check.sh"),
        ("run -p 80:80 nginx", "docker", "docker-run -p 80:80 nginx"),
        ("run -i", "docker", "docker-run --kx-interactive"),
        ("run web --image=nginx", "kubectl", "run web --image=nginx"),
        ("help", "docker", "--help"),
        ("help run", "docker", "docker-run --help"),
        ("help check", "kubectl", "check --help"),
        ("build run nginx", "docker", "build docker run nginx"),
        ("build --format json -- run nginx", "docker", "build --format json -- docker run nginx"),
        ("build --format=yaml run web", "kubectl", "build --format=yaml kubectl run web"),
        ("build kubectl run web", "docker", "build kubectl run web"),
        ("", "kubectl", ""),
    ],
)
def test_plugin_args(typed: str, tool: str, meant: str) -> None:
    assert plugin_args(typed.split(), tool) == meant.split()


def test_a_command_string_gets_the_tool_too() -> None:
    assert plugin_args(["check", "expose deploy web"], "kubectl") == ["check", "kubectl expose deploy web"]
    kept = ["check", "-q", "docker run  nginx"]
    assert plugin_args(kept, "kubectl") == kept
    assert plugin_args(["check", "\nrun nginx"], "docker") == ["check", "docker run nginx"]
