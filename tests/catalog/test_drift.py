"""The shipped specs match the installed clients' help, and the drift report catches differences."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest

from kx.catalog import drift
from kx.catalog.drift import CHANGED, EXTRA, MISSING, FlagDrift
from kx.catalog.loader import load_specs
from kx.catalog.model import CommandSpec

HELP = Path(__file__).resolve().parents[1] / "fixtures" / "help"
COMMANDS = [
    ("docker", ()), ("docker", ("run",)), ("kubectl", ()), ("kubectl", ("run",)), ("kubectl", ("expose",)),
]  # fmt: skip
FIXTURES = {
    ("docker", ()): "docker.txt", ("docker", ("run",)): "docker-run.txt",
    ("kubectl", ()): "kubectl-options.txt", ("kubectl", ("run",)): "kubectl-run.txt",
    ("kubectl", ("expose",)): "kubectl-expose.txt",
}  # fmt: skip


def shipped(tool: str, path: tuple[str, ...]) -> CommandSpec:
    spec = load_specs(use_cache=False).get(tool, path)
    assert spec is not None, f"no shipped spec for {tool} {' '.join(path)}"
    return spec


def ids(item: tuple[str, tuple[str, ...]]) -> str:
    return " ".join((item[0], *item[1])) if item[1] else f"{item[0]} (global)"


@pytest.mark.parametrize("command", COMMANDS, ids=ids)
def test_no_drift_against_installed_client(command: tuple[str, tuple[str, ...]]) -> None:
    tool, path = command
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    assert drift.diff_installed(shipped(tool, path)) == []


@pytest.mark.parametrize("command", COMMANDS, ids=ids)
def test_no_drift_against_captured_help(command: tuple[str, tuple[str, ...]]) -> None:
    text = (HELP / FIXTURES[command]).read_text(encoding="utf-8")
    assert drift.diff_text(shipped(*command), text) == []


def planted(tool: str, path: tuple[str, ...], change: Any) -> CommandSpec:
    spec = shipped(tool, path)
    raw = copy.deepcopy(spec.raw)
    change({f["name"]: f for f in raw["flags"]}, raw)
    return CommandSpec(raw, spec.origin)


def drop(name: str) -> Any:
    return lambda flags, raw: raw["flags"].remove(flags[name])


def test_planted_docker_differences_are_reported() -> None:
    def change(flags: dict[str, dict[str, Any]], raw: dict[str, Any]) -> None:
        raw["flags"].remove(flags["add-host"])
        flags["hostname"]["short"] = "H"
        flags["cpu-count"]["type"] = "int"  # help shows int for both; must NOT be reported
        flags["memory"]["type"] = "string"
        flags["cidfile"]["hidden"] = True
        raw["flags"].append({"name": "bogus", "type": "bool"})

    spec = planted("docker", ("run",), change)
    text = (HELP / "docker-run.txt").read_text(encoding="utf-8")
    assert drift.diff_text(spec, text) == [
        FlagDrift(MISSING, "add-host", "not in the spec (--add-host list)"),
        FlagDrift(EXTRA, "bogus", "the client does not list it"),
        FlagDrift(CHANGED, "cidfile", "the client lists it; the spec hides or deprecates it"),
        FlagDrift(CHANGED, "hostname", "shorthand: spec -H, client -h"),
        FlagDrift(CHANGED, "memory", "type: spec string (shown as 'string'), client 'bytes'"),
    ]


def test_planted_kubectl_differences_are_reported() -> None:
    def change(flags: dict[str, dict[str, Any]], raw: dict[str, Any]) -> None:
        flags["port"]["type"] = "int"  # kubectl quotes string defaults: a non-string shows no quotes
        flags["labels"]["short"] = None
        raw["flags"].remove(flags["selector"])
        flags["record"]["deprecated"] = None  # record stays hidden: still not expected in help

    spec = planted("kubectl", ("expose",), change)
    text = (HELP / "kubectl-expose.txt").read_text(encoding="utf-8")
    assert [str(d) for d in drift.diff_text(spec, text)] == [
        "~ --labels: shorthand: spec none, client -l",
        "~ --port: type: spec int (shown as None), client 'string'",
        "- --selector: not in the spec (--selector string)",
    ]


def test_hiding_the_help_flag_is_not_drift_for_kubectl() -> None:
    spec = planted("kubectl", ("run",), drop("help"))
    assert drift.diff_text(spec, (HELP / "kubectl-run.txt").read_text(encoding="utf-8")) == []


def test_report_lines() -> None:
    spec = planted("kubectl", ("run",), drop("image"))
    found = drift.diff_text(spec, (HELP / "kubectl-run.txt").read_text(encoding="utf-8"))
    expected = ["kubectl run:", "  - --image: not in the spec (--image string)"]
    assert drift.report_lines(spec, found) == expected
    assert drift.report_lines(spec, []) == []
