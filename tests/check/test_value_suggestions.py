"""Every closed set of values suggests its nearest member, ranked as flag typos are (parse/suggest)."""

from __future__ import annotations

import pytest

from kx.check.formats import load_all
from kx.check.formats.kubectl_globals import check_override_flags
from kx.check.formats.registry import FORMATS, ValueContext
from kx.check.values import check_choice

load_all()


def suggestion(fmt: str, value: str, tool: str = "docker") -> str | None:
    (problem,) = FORMATS[fmt](value, ValueContext(tool, None, "--x"))
    return problem.suggestion


@pytest.mark.parametrize(
    ("fmt", "value", "tool", "expected"),
    [
        ("restart-policy", "unles-stopped", "docker", "unless-stopped"),
        ("restart-policy", "alway", "docker", "always"),
        ("restart-policy", "Unless_Stopped", "docker", "unless-stopped"),
        ("restart-policy", "on-failur:3", "docker", "on-failure:3"),
        ("pid-mode", "hots", "docker", "host"),
        ("cgroupns-mode", "privat", "docker", "private"),
        ("ipc-mode", "shareabel", "docker", "shareable"),
        ("port-mapping", "80:80/tpc", "docker", "80:80/tcp"),
        ("ulimit", "nofle=1024", "docker", "nofile=1024"),
        ("capability", "NET_ADMN", "docker", "NET_ADMIN"),
        ("stop-signal", "SIGTREM", "docker", "SIGTERM"),
        ("stop-signal", "sigkil", "docker", "SIGKILL"),
        ("mount", "type=bnd,src=/a,dst=/b", "docker", "type=bind,src=/a,dst=/b"),
        ("dry-run", "clinet", "kubectl", "client"),
        ("cascade", "foregroud", "kubectl", "foreground"),
        ("output-format", "jsn", "kubectl", "json"),
        ("output-format", "yml", "kubectl", "yaml"),
        ("override-type", "merg", "kubectl", "merge"),
        ("profile", "hep", "kubectl", "heap"),
        ("service-type", "Nodeport", "kubectl", "NodePort"),
        ("service-type", "NodPort", "kubectl", "NodePort"),
        ("protocol", "TPC", "kubectl", "TCP"),
    ],
)
def test_a_near_miss_gets_the_closest_value(fmt: str, value: str, tool: str, expected: str) -> None:
    assert suggestion(fmt, value, tool) == expected


@pytest.mark.parametrize(
    ("fmt", "value", "tool"),
    [
        ("restart-policy", "bogus", "docker"),
        ("restart-policy", "sometimes", "docker"),
        ("pid-mode", "private", "docker"),
        ("port-mapping", "80:80/http", "docker"),
        ("ulimit", "files=1", "docker"),
        ("stop-signal", "SIGFOOBAR", "docker"),
        ("mount", "type=overlay,dst=/b", "docker"),
        ("dry-run", "maybe", "kubectl"),
        ("output-format", "xml", "kubectl"),
        ("service-type", "Foo", "kubectl"),
        ("protocol", "HTTP", "kubectl"),
    ],
)
def test_no_guess_beyond_the_allowed_distance(fmt: str, value: str, tool: str) -> None:
    assert suggestion(fmt, value, tool) is None


def test_override_type_with_overrides_suggests() -> None:
    (problem,) = check_override_flags("{}", "strategc")
    assert problem.suggestion == "strategic"


def test_spec_choices_never_suggest_the_empty_default() -> None:
    (problem,) = check_choice("x", ("", "host"), True, "client", "--pid")
    assert problem.suggestion is None
