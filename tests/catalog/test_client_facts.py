"""Run the installed clients on sample lines built from the specs: every spec fact that the client
can show without a daemon or API server is checked against the real thing.

Each flag (hidden ones too) must be known; value-taking flags must demand a value; typed flags must
reject a bad value with their type's parse error; deprecated flags must warn; removed flags must be
unknown; client-enforced choices must reject an outsider.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml

SPECS = Path(__file__).resolve().parents[2] / "specs"
# How to put a flag on a line the client parses without reaching a daemon or server: the words
# before it and after it. docker's globals go before a harmless subcommand.
PLACES = {
    "docker/_global.yaml": (["docker"], ["version"]),
    "docker/run.yaml": (["docker", "run"], ["nginx"]),
    "kubectl/_global.yaml": (["kubectl", "run", "x", "--image=nginx"], []),
    "kubectl/run.yaml": (["kubectl", "run", "x", "--image=nginx"], []),
    "kubectl/expose.yaml": (["kubectl", "expose", "deploy", "x"], []),
}
# A bad value per type and a piece of the parse error it must cause.
BAD_VALUES = {
    "int": ("abc", "strconv.ParseInt"), "int64": ("abc", "strconv.ParseInt"),
    "uint16": ("70000", "value out of range"), "uint64": ("-1", "strconv.ParseUint"),
    "bool": ("maybe", "strconv.ParseBool"), "duration": ("5", "missing unit in duration"),
    "go-duration": ("abc", "parse error"), "bytes": ("abc", "invalid size"),
    "decimal": ("abc", "as a rational number"), "level": ("abc", "strconv.ParseInt"),
    "module-spec": ("bad", "expect comma-separated list"),
}  # fmt: skip
SENTINEL = "--kx-sentinel"
pytestmark = pytest.mark.slow


def flag_cases() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for name in PLACES:
        raw = yaml.safe_load((SPECS / name).read_text(encoding="utf-8"))
        cases.extend((name, flag) for flag in raw["flags"])
    return cases


def _newer_than_the_spec(spec_file: str, flag: dict[str, Any]) -> bool:
    """True for a flag the history dates after the spec's (and the installed client's) version."""
    from kx.catalog.history import version_key

    version = yaml.safe_load((SPECS / spec_file).read_text(encoding="utf-8"))["tool_version"]
    return "added" in flag and version_key(flag["added"]) > version_key(str(version))


def removed_cases() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for name in PLACES:
        raw = yaml.safe_load((SPECS / name).read_text(encoding="utf-8"))
        cases.extend((name, removed) for removed in raw.get("removed_flags", ()))
    return cases


def run(spec_file: str, *words: str) -> str:
    """Output of the client on a sample line with ``words`` in the flag position."""
    before, after = PLACES[spec_file]
    if shutil.which(before[0]) is None:
        pytest.skip(f"{before[0]} not installed")
    home = os.environ.get("KX_TEST_EMPTY_HOME") or "/nonexistent-kx-home"
    env = dict(os.environ, HOME=home, DOCKER_HOST="unix:///nonexistent/kx.sock")
    env["KUBECONFIG"] = f"{home}/kubeconfig"
    env.pop("DOCKER_CONTEXT", None)
    argv = [*before, *words, *after]
    with tempfile.TemporaryDirectory() as cwd:  # kubectl --profile=cpu writes profile.pprof here
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=False, cwd=cwd)
    return done.stdout + done.stderr


def case_id(case: tuple[str, dict[str, Any]]) -> str:
    return f"{case[0].removesuffix('.yaml')}:--{case[1]['name']}"


@pytest.mark.parametrize("case", flag_cases(), ids=case_id)
def test_flag_is_known_and_takes_a_value_or_not(case: tuple[str, dict[str, Any]]) -> None:
    spec_file, flag = case
    # A value-taking flag swallows the next word whatever it looks like; a switch leaves it to be
    # parsed, and the sentinel is then an unknown flag.
    out = run(spec_file, f"--{flag['name']}", SENTINEL)
    if _newer_than_the_spec(spec_file, flag):  # a later client's flag (--kuberc): this one lacks it
        assert f"unknown flag: --{flag['name']}" in out, out
        return
    assert f"unknown flag: --{flag['name']}" not in out, out
    takes_value = flag["type"] != "bool" and flag.get("no_value") is None
    assert (f"unknown flag: {SENTINEL}" not in out) == takes_value, out
    if flag.get("short"):
        out = run(spec_file, f"-{flag['short']}=x")
        assert "unknown shorthand flag" not in out, out


@pytest.mark.parametrize("case", [c for c in flag_cases() if c[1]["type"] in BAD_VALUES], ids=case_id)
def test_typed_flag_rejects_a_bad_value_like_the_client(case: tuple[str, dict[str, Any]]) -> None:
    spec_file, flag = case
    value, error = BAD_VALUES[flag["type"]]
    out = run(spec_file, f"--{flag['name']}={value}")
    assert f'invalid argument "{value}" for' in out and error in out, out


@pytest.mark.parametrize("case", [c for c in flag_cases() if c[1].get("deprecated")], ids=case_id)
def test_deprecated_flag_warns(case: tuple[str, dict[str, Any]]) -> None:
    spec_file, flag = case
    out = run(spec_file, f"--{flag['name']}")
    assert f"Flag --{flag['name']} has been deprecated" in out


@pytest.mark.parametrize("case", [c for c in flag_cases() if c[1].get("short_deprecated")], ids=case_id)
def test_deprecated_shorthand_warns(case: tuple[str, dict[str, Any]]) -> None:
    spec_file, flag = case
    out = run(spec_file, f"-{flag['short']}")
    assert f"Flag shorthand -{flag['short']} has been deprecated, {flag['short_deprecated']}" in out


@pytest.mark.parametrize("case", removed_cases(), ids=case_id)
def test_removed_flag_is_unknown(case: tuple[str, dict[str, Any]]) -> None:
    spec_file, removed = case
    assert f"unknown flag: --{removed['name']}" in run(spec_file, f"--{removed['name']}=x")
    if removed.get("short"):
        assert f"unknown shorthand flag: '{removed['short']}'" in run(spec_file, f"-{removed['short']}")


# Choices the client itself enforces before any network call: an outsider and the client's complaint.
CLIENT_CHOICES = [
    ("docker/_global.yaml", "log-level", "bogus", "Unable to parse logging level"),
    ("docker/run.yaml", "pull", "sometimes", "invalid pull option"),
    ("docker/run.yaml", "attach", "stdio", "valid streams are"),
    ("kubectl/_global.yaml", "profile", "bogus", "unknown profile"),
    ("kubectl/run.yaml", "restart", "always", "invalid restart policy"),
    ("kubectl/run.yaml", "image-pull-policy", "ifnotpresent", "invalid image pull policy"),
]


@pytest.mark.parametrize(("spec_file", "name", "value", "complaint"), CLIENT_CHOICES)
def test_client_enforced_choices(spec_file: str, name: str, value: str, complaint: str) -> None:
    raw = yaml.safe_load((SPECS / spec_file).read_text(encoding="utf-8"))
    flag = next(f for f in raw["flags"] if f["name"] == name)
    assert flag.get("enforced_by", "client") == "client"
    assert complaint in run(spec_file, f"--{name}={value}")
    case_blind = not flag.get("case_sensitive", True)
    for choice in flag["choices"]:
        spelled = choice.upper() if case_blind else choice
        assert complaint not in run(spec_file, f"--{name}={spelled}")
