"""The one rule for the command word that runs a tool."""

import pytest

from kx.catalog.loader import load_specs
from kx.parse.tools import tool_name


@pytest.mark.parametrize(
    ("word", "tool"),
    [
        ("docker", "docker"),
        ("/usr/local/bin/kubectl", "kubectl"),
        ("kubectl.exe", "kubectl"),
        ("C:/Program Files/Docker/docker.exe", "docker"),
        ("kubectl.1.32", "kubectl"),
        ("docker.28", "docker"),
        ("expose", None),
        ("dockerd", None),
        ("docker.io", None),
        ("kubectl.", None),
        ("docker-compose", None),
    ],
)
def test_tool_name(word: str, tool: str | None) -> None:
    assert tool_name(word) == tool


def test_tool_name_follows_the_specs() -> None:
    specs = load_specs()
    assert tool_name("/bin/kubectl.1.31", specs.root) == "kubectl"
    assert tool_name("helm", specs.root) is None
    assert tool_name("helm", {"helm"}.__contains__) == "helm"
