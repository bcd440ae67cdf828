"""The oracle itself: the fakes answer like a daemon/API server and the verdicts are read right."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import clients, corpus  # noqa: E402
from tests.oracle.normalize import first_message, normalize  # noqa: E402


@pytest.fixture(scope="module")
def oracle() -> Iterator[clients.Oracle]:
    with clients.Oracle() as instance:
        yield instance


def judge(oracle: clients.Oracle, line: str) -> clients.Verdict:
    tool = line.split()[0]
    if not clients.available(tool):
        pytest.skip(f"{tool} not installed")
    return oracle.judge(shlex.split(line))


def test_docker_accepted_line_reaches_create(oracle: clients.Oracle) -> None:
    verdict = judge(oracle, "docker run -d -p 8080:80 --name web nginx:1.27")
    assert (verdict.verdict, verdict.exit, verdict.reached) == ("valid", 125, True)
    assert "kx-fake-daemon: create refused" in verdict.message
    body = json.loads(verdict.posted[0])
    assert body["Image"] == "nginx:1.27"
    assert body["HostConfig"]["PortBindings"] == {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}


def test_docker_rejected_line_ends_with_client_error(oracle: clients.Oracle) -> None:
    verdict = judge(oracle, "docker run --memory 1x nginx")
    assert (verdict.verdict, verdict.exit, verdict.reached) == ("invalid", 125, False)
    assert verdict.message.startswith('invalid argument "1x" for "-m, --memory" flag')
    assert verdict.posted == ()


def test_docker_gets_a_terminal_and_a_linux_daemon(oracle: clients.Oracle) -> None:
    assert judge(oracle, "docker run -it --rm ubuntu bash").verdict == "valid"
    windows_only = judge(oracle, "docker run --cpu-count 2 nginx")
    assert (windows_only.verdict, windows_only.exit) == ("invalid", 1)
    assert "only supported on a Docker daemon running on windows" in windows_only.message


def test_kubectl_run_posts_the_pod(oracle: clients.Oracle) -> None:
    verdict = judge(oracle, "kubectl run web --image=nginx --port=80 -l app=web")
    assert (verdict.verdict, verdict.exit, verdict.message) == ("valid", 0, "pod/web created")
    pod = json.loads(verdict.posted[0])
    assert pod["metadata"]["labels"] == {"app": "web"}
    assert pod["spec"]["containers"][0]["ports"] == [{"containerPort": 80}]


def test_kubectl_expose_introspects_the_fake_object(oracle: clients.Oracle) -> None:
    verdict = judge(oracle, "kubectl expose deploy/web --port=8080 --target-port=http")
    assert (verdict.verdict, verdict.message) == ("valid", "service/web exposed")
    service = json.loads(verdict.posted[0])
    assert service["spec"]["selector"] == {"app": "web"}
    assert service["spec"]["ports"][0]["targetPort"] == "http"


def test_kubectl_rejections_after_discovery(oracle: clients.Oracle) -> None:
    shortname = judge(oracle, "kubectl expose SVC web --port=80")
    assert shortname.verdict == "invalid"
    assert shortname.message == 'error: the server doesn\'t have a resource type "SVC"'
    configmap = judge(oracle, "kubectl expose cm web --port=80")
    assert configmap.message == "error: cannot expose a ConfigMap"
    missing = judge(oracle, "kubectl expose deploy missing --port=80")
    assert "NotFound" in missing.message


def test_kubectl_attach_does_not_hang(oracle: clients.Oracle) -> None:
    verdict = judge(oracle, "kubectl run tmp --image=busybox -it --rm --restart=Never -- sh")
    assert verdict.verdict == "valid"
    assert verdict.reached


def test_normalize_strips_run_specific_text() -> None:
    text = "E1128 01:16:45.375777   13252 run.go:72] at /tmp/h/x on 127.0.0.1:4711"
    assert normalize(text, {"/tmp/h": "$HOME"}) == "E run.go:72] at $HOME/x on 127.0.0.1:PORT"


def test_first_message_skips_warnings_and_footers() -> None:
    err = "Flag --record has been deprecated, gone soon\nerror: bad thing\nSee 'kubectl run -h'\n"
    assert first_message("", err, valid=False) == "error: bad thing"
    assert first_message("pod/x created\n", "W x.go:1] note\n", valid=True) == "pod/x created"


def test_split_comment_respects_quotes() -> None:
    assert corpus.split_comment("docker run -l 'a#b' nginx # server: why") == (
        "docker run -l 'a#b' nginx",
        "server: why",
    )
    assert corpus.split_comment("docker run -e A=x#y nginx") == ("docker run -e A=x#y nginx", "")


def test_prefixes_are_stripped_and_their_variables_kept() -> None:
    case = corpus.Case("f.txt", 1, "sudo env A=1 B=x=y docker run -e A alpine", "")
    assert (case.tool, case.env) == ("docker", {"A": "1", "B": "x=y"})
    assert case.argv == ["docker", "run", "-e", "A", "alpine"]


def test_line_variables_reach_the_client(oracle: clients.Oracle) -> None:
    if not clients.available("docker"):
        pytest.skip("docker not installed")
    verdict = oracle.judge(["docker", "run", "-e", "FOO", "alpine"], {"FOO": "from-line"})
    assert json.loads(verdict.posted[0])["Env"] == ["FOO=from-line"]
