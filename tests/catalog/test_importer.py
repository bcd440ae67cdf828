"""Specs imported from the installed clients' help: valid, drift-free, and usable by kx check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kx.catalog import clienthelp, drift, importer
from kx.catalog.loader import load_specs
from kx.catalog.model import CommandSpec
from kx.catalog.semantic import semantic_problems
from kx.engine.pipeline import argv_to_words, findings_for_words

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "tests" / "fixtures" / "help"
SCHEMA = jsonschema.Draft202012Validator(json.loads((ROOT / "specs" / "spec.schema.json").read_text()))
KUBECTL_GLOBAL = yaml.safe_load((ROOT / "specs" / "kubectl" / "_global.yaml").read_text())

# (path, a line the client parses, a line the client rejects while parsing)
DOCKER = [
    (("container", "create"), "--name web -p 80:80 nginx", "--bogus nginx"),
    (("build",), "-t img --build-arg A=1 .", "--memory abc ."),
    (("exec",), "-it web ls -l --color", "--bogus web ls"),
    (("network", "create"), "-d bridge --subnet 10.0.0.0/24 net1", "--bogus net1"),
    (("volume", "create"), "--label a=b v1", "--label"),
    (("container", "stop"), "-t 5 web", "-t abc web"),
    (("image", "pull"), "-q nginx", "--quiet=maybe nginx"),
    (("logs",), "--tail 5 -f web", "--bogus web"),
    (("container", "inspect"), "-f {{.Id}} web", "-s=maybe web"),
    (("volume", "ls"), "-q", "--bogus"),
]
KUBECTL = [
    (("create", "deployment"), "web --image=nginx --replicas=2", "web --image=nginx --replicas=abc"),
    (("create", "service", "nodeport"), "web --tcp=80:8080", "web --bogus"),
    (("scale",), "deploy/web --replicas=3", "deploy/web --replicas=abc"),
    (("set", "image"), "deploy/web nginx=nginx:1.25", "deploy/web --bogus"),
    (("rollout", "restart"), "deployment/web", "deployment/web --bogus"),
    (("get",), "pods -l app=web -n default", "pods --chunk-size=abc"),
    (("delete",), "pod web --grace-period=0", "pod web --grace-period=abc"),
    (("label",), "pod web a=b --overwrite", "pod web a=b --overwrite=maybe"),
    (("annotate",), "pod web a=b", "pod web --bogus"),
    (("logs",), "web --tail=10", "web --tail=abc"),
]
CASES = [("docker", *c) for c in DOCKER] + [("kubectl", *c) for c in KUBECTL]
PARSE_ERRORS = ("unknown flag", "unknown shorthand", "invalid argument", "flag needs an argument")


def case_id(case: tuple[str, tuple[str, ...], str, str]) -> str:
    return " ".join((case[0], *case[1]))


def imported(tool: str, path: tuple[str, ...]) -> dict[str, Any]:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    return importer.import_installed(tool, path)


def client_rejects(tool: str, argv: list[str]) -> bool:
    env = dict(clienthelp.help_env(tool), HOME="/nonexistent-kx-home", KUBECONFIG="/nonexistent-kx-home/k")
    done = subprocess.run([tool, *argv], capture_output=True, text=True, env=env, timeout=60, check=False)
    return any(marker in done.stdout + done.stderr for marker in PARSE_ERRORS)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_imported_spec_is_valid_and_matches_its_help(case: tuple[str, tuple[str, ...], str, str]) -> None:
    tool, path, _good, _bad = case
    spec = imported(tool, path)
    assert [e.message for e in SCHEMA.iter_errors(spec)] == []
    assert semantic_problems({"imported": spec, "global": KUBECTL_GLOBAL}) == []
    text = importer.render_yaml(spec, importer.header(spec))
    assert text.startswith(f"# Imported by kx from the installed {tool} ")
    assert yaml.safe_load(text) == spec
    assert drift.diff_installed(CommandSpec(spec, "imported")) == []


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_kx_check_agrees_with_the_client_on_imported_specs(
    case: tuple[str, tuple[str, ...], str, str], tmp_path: Path
) -> None:
    tool, path, good, bad = case
    spec = imported(tool, path)
    target = Path(importer.target_file(spec, str(tmp_path)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(importer.render_yaml(spec, importer.header(spec)), encoding="utf-8")
    specs = load_specs((str(tmp_path),), use_cache=False)
    assert specs.get(tool, path) is not None
    for line, rejected in ((good, False), (bad, True)):
        argv = [*path, *line.split()]
        assert client_rejects(tool, argv) is rejected, argv
        _text, words = argv_to_words([tool, *argv])
        errors = [raw for raw in findings_for_words(words, specs=specs) if raw[5] in (None, "error")]
        assert bool(errors) is rejected, (argv, errors)


def test_import_from_captured_help_texts() -> None:
    text = (HELP / "docker-container-create.txt").read_text()
    docker = importer.import_text("docker", ("container", "create"), text, "28.2.2")
    assert docker["aliases"] == [["create"]]
    assert docker["interspersed"] is False  # IMAGE [COMMAND] [ARG...]: parsing stops at IMAGE
    assert docker["positionals"] == [
        {"name": "image", "required": True}, {"name": "command"}, {"name": "arg", "repeat": True},
    ]  # fmt: skip
    flags = {f["name"]: f for f in docker["flags"]}
    assert flags["pull"]["choices"] == ["always", "missing", "never"]
    assert "review" in flags["pull"]
    assert flags["cpu-count"]["review"].startswith("help shows 'int'")
    assert flags["env"]["type"] == "list" and flags["env"]["repeat"] == "append"
    assert flags["help"] == {"name": "help", "type": "bool", "summary": "Print usage"}
    kubectl = importer.import_text(
        "kubectl", ("create", "deployment"), (HELP / "kubectl-create-deployment.txt").read_text(), "1.32.4"
    )
    kflags = {f["name"]: f for f in kubectl["flags"]}
    assert kflags["dry-run"] == {
        "name": "dry-run", "type": "string", "default": "none", "no_value": "unchanged", "format": "dry-run",
        "summary": kflags["dry-run"]["summary"],
    }  # fmt: skip
    assert kflags["help"]["short"] == "h"
    assert kflags["replicas"]["type"] == "int" and "review" in kflags["replicas"]
    assert kubectl["inherits"] == ["kubectl/_global"]


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["docker", "kubectl"])
def test_every_listed_command_imports_cleanly(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")

    texts: dict[tuple[str, ...], str] = {}

    def read_help(argv: list[str]) -> str:
        env = clienthelp.help_env(tool)
        text = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=False).stdout
        texts[tuple(argv[1:-1])] = text
        return text

    paths = importer.command_paths(tool, read_help)
    wanted = {("run",), ("container", "create"), ("network", "create")}
    if tool == "kubectl":
        wanted = {("run",), ("expose",), ("create", "deployment"), ("create", "secret", "generic")}
    assert wanted <= set(paths)
    assert len(paths) == len(set(paths)) > 40
    for path in paths:  # --all: every listed command imports to a valid, drift-free spec
        spec = importer.import_text(tool, path, texts[path], "1.0")
        assert [e.message for e in SCHEMA.iter_errors(spec)] == [], path
        assert semantic_problems({"imported": spec, "global": KUBECTL_GLOBAL}) == [], path
        assert drift.diff_text(CommandSpec(spec, "imported"), texts[path]) == [], path
    target = importer.target_file({"tool": tool, "path": ["a", "b"]}, "d")
    assert target == os.path.join("d", tool, "a-b.yaml")
