"""One mistake, one diagnostic: kubectl expose lines whose problems used to be reported twice."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.engine.pipeline import check_command

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import clients  # noqa: E402  (the fake API server the differential tests use)


def errors(line: str) -> list[tuple[str, str, str]]:
    """(code, the word it points at, message) of each error kx reports for ``line``."""
    found = [d for d in check_command(line) if d.severity == "error"]
    return [(d.code, line[d.column - 1 : d.end_column - 1], d.message) for d in found]


def test_a_lone_unknown_word_is_one_unknown_type() -> None:
    # kubectl resolves TYPE before it misses the NAME: 'web' is one unknown type, not also "a type".
    ((code, word, message),) = errors("kubectl expose web --port 80")
    assert (code, word) == ("KX206", "web")
    assert "no resource type 'web'" in message and "TYPE NAME" in message
    assert "is a resource type" not in message


def test_a_lone_mistyped_type_keeps_its_suggestion() -> None:
    ((code, word, message),) = errors("kubectl expose deploymnt --port 80")
    assert (code, word) == ("KX206", "deploymnt") and "'deployment'" in message


def test_a_lone_known_type_still_misses_its_name() -> None:
    ((code, word, message),) = errors("kubectl expose deployment --port 80")
    assert (code, word) == ("KX206", "deployment") and "give the NAME" in message


@pytest.mark.parametrize(
    "line",
    [
        "kubectl expose -f {m} deployment web --port 80",
        "kubectl expose deployment web --port 80 -f {m}",
        "kubectl expose deployment/web --port 80 --filename={m}",
        "kubectl expose svc web -k {d} --port 80",
    ],
)
def test_arguments_with_files_are_reported_once(line: str, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("kind: Service\n")
    (tmp_path / "kustomization.yaml").write_text("resources: [m.yaml]\n")
    found = errors(line.format(m=tmp_path / "m.yaml", d=tmp_path))
    assert [code for code, _, _ in found] == ["KX401"]


def test_a_dynamic_word_that_may_hide_flags_keeps_the_argument_finding(tmp_path: Path) -> None:
    # the one-of rule stands aside when a dynamic word may be a flag; the argument check still speaks
    (tmp_path / "m.yaml").write_text("kind: Service\n")
    found = errors(f"kubectl expose deployment web --port 80 -f {tmp_path}/m.yaml --$X")
    assert [code for code, _, _ in found] == ["KX206"]


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_the_real_client_rejects_these_before_any_request(tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text("kind: Service\n")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "KUBECONFIG": str(tmp_path / "none")}
    lines = (["expose", "-f", str(manifest), "deploy", "web"], ["expose", "svc", "web", "-k", str(tmp_path)])
    for argv in lines:
        done = subprocess.run(["kubectl", *argv, "--port=80"], env=env, capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL)  # fmt: skip
        assert done.returncode != 0 and "connect" not in done.stderr.splitlines()[-1]
        assert errors("kubectl " + " ".join([*argv, "--port=80"]))


@pytest.mark.skipif(not clients.available("kubectl"), reason="kubectl not installed")
def test_the_one_diagnostic_says_what_kubectl_says_after_discovery() -> None:
    with clients.Oracle() as oracle:
        for line in ("kubectl expose web --port=80", "kubectl expose web,svc --port=80"):
            verdict = oracle.judge(shlex.split(line))
            assert verdict.verdict == "invalid"
            assert 'doesn\'t have a resource type "web"' in verdict.message
            ((code, _, message),) = errors(line)
            assert code == "KX206" and "no resource type 'web'" in message


LONE_TYPES = [
    "kubectl expose configmap --port=80",
    "kubectl expose all --port=80",
    "kubectl expose configmap,secret --port=80",
    "kubectl expose deployment,configmap --port=80",
    "kubectl expose configmap,bogus --port=80",
    "kubectl expose ,svc --port=80",
]


@pytest.mark.parametrize("line", LONE_TYPES)
def test_a_lone_type_list_is_one_problem(line: str) -> None:
    # kubectl resolves the TYPEs, then misses the NAME: whether they can be exposed never comes up
    ((code, word, message),) = errors(line)
    assert code == "KX206" and word == line.split()[2]
    assert "cannot expose" not in message


@pytest.mark.skipif(not clients.available("kubectl"), reason="kubectl not installed")
def test_a_lone_type_says_what_kubectl_says() -> None:
    with clients.Oracle() as oracle:
        for line in LONE_TYPES:
            verdict = oracle.judge(shlex.split(line))
            ((_, _, message),) = errors(line)
            assert verdict.verdict == "invalid"
            if "no name was specified" in verdict.message:
                assert message.endswith("give the NAME of the object to expose")
            else:
                assert "doesn't have a resource type" in verdict.message
                assert "no resource type" in message or "empty resource type" in message
