"""Global flags before the subcommand in the builders, against the real clients.

``kx build kubectl -n x run ...`` must be the line with ``-n x`` after the subcommand, and print
what kubectl sends / prints for the line as written; ``kx build docker -H HOST run ...`` keeps the
global options before ``run`` and prints the create request the real docker sends, whose Env
takes the proxies of the daemon ``-H`` names from the config.json ``--config`` names.
"""

from __future__ import annotations

import json
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kx.builder.gojson import compact
from kx.cli.app import run_app

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.docker_oracle import DockerOracle, docker_oracle, normalized  # noqa: E402
from tests.builder.expose_manifests import write_manifests  # noqa: E402
from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle, offline_kubeconfig  # noqa: E402

# (globals before the subcommand, the subcommand and its words)
KUBECTL_RUN = [
    ("-n x", "run web --image=nginx"),
    ("--namespace=x", "run web --image=nginx --port 80 --expose"),
    ("-n x --request-timeout 5s", "run box --image=busybox --restart=Never -- sh -c 'echo hi'"),
    ("-v 0 -n team", "run web --image=nginx -l app=web,tier=front"),
]
KUBECTL_EXPOSE = [
    ("-n x", "expose -f dep.yaml"),
    ("--namespace x", "expose -f dep.yaml --port 8080 --type NodePort"),
    ("-n core -v 0", "expose -f pod.yaml -o json"),
    ("-n other", "expose -f ns.yaml"),
]


def _namespace(words: list[str]) -> str:
    """The value of -n/--namespace among global words."""
    for index, word in enumerate(words):
        if word.startswith("--namespace="):
            return word.split("=", 1)[1]
        if word in ("-n", "--namespace"):
            return words[index + 1]
    raise AssertionError(f"no namespace in {words}")


def kx(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = run_app(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def kube() -> Iterator[KubectlOracle]:
    if shutil.which("kubectl") is None:
        pytest.skip("kubectl not installed")
    with kubectl_oracle() as found:
        yield found


@pytest.fixture(autouse=True)
def _kubeconfig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offline_kubeconfig(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def manifests(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("manifests")
    write_manifests(root)
    return root


@pytest.mark.parametrize(("lead", "line"), KUBECTL_RUN)
def test_kubectl_run_globals_before(
    kube: KubectlOracle, capsys: pytest.CaptureFixture[str], lead: str, line: str
) -> None:
    front, args = shlex.split(lead), shlex.split(line)
    before = kx(capsys, ["build", "--format", "json", "kubectl", *front, *args])
    after = kx(capsys, ["build", "--format", "json", "kubectl", *args[:2], *front, *args[2:]])
    assert before[0] == 0, before[2]
    assert before[:2] == after[:2]
    done, sent = kube.created([*front, *args])  # kubectl -n x run ... for real
    assert sent, done.stderr
    printed = json.JSONDecoder().raw_decode(before[1])[0]
    pod = json.loads(sent[0])
    assert printed["metadata"].pop("namespace") == _namespace(front)
    assert compact(printed) == compact(pod) or len(sent) == 2  # --expose: the Service is printed first
    code, out, err = kx(capsys, ["build", "kubectl", *front, "--format", "yaml", *args])
    assert code == 0, err
    dry = kube.dry_run(args, "yaml", lead=tuple(front))
    assert out == dry.stdout, dry.stderr


@pytest.mark.parametrize(("lead", "line"), KUBECTL_EXPOSE)
def test_kubectl_expose_globals_before(
    kube: KubectlOracle, capsys: pytest.CaptureFixture[str], manifests: Path, lead: str, line: str
) -> None:
    front = shlex.split(lead)
    args = [str(manifests / w) if w.endswith(".yaml") else w for w in shlex.split(line)]
    code, out, err = kx(capsys, ["build", "kubectl", *front, *args, "--format", "yaml"])
    dry = kube.dry_run(args, "yaml", lead=tuple(front))
    assert (code, out) == (dry.returncode, dry.stdout), (err, dry.stderr)
    assert kx(capsys, ["build", "kubectl", *args, *front, "--format", "yaml"])[:2] == (code, out)
    code, out, err = kx(capsys, ["build", "kubectl", *front, *args])
    assert out.startswith("kubectl expose --namespace=") and f"--namespace={_namespace(front)} " in out
    assert kx(capsys, ["build", *shlex.split(out)])[1] == out  # the printed line builds again


@pytest.fixture(scope="module")
def docker_home() -> Iterator[Path]:
    """HOME with a config.json whose proxies differ per daemon, and a second config folder."""
    root = Path(tempfile.mkdtemp(prefix="kx-docker-globals-"))
    (root / "home" / ".docker").mkdir(parents=True)
    (root / "other").mkdir()
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def docker(docker_home: Path) -> Iterator[DockerOracle]:
    if shutil.which("docker") is None:
        pytest.skip("docker not installed")
    with docker_oracle(str(docker_home / "home"), str(docker_home)) as running:
        proxies = {running.fake.host: {"httpProxy": "http://for-the-host:1"},
                   "default": {"httpProxy": "http://default:2"}}  # fmt: skip
        config = json.dumps({"proxies": proxies})
        (docker_home / "home" / ".docker" / "config.json").write_text(config)
        (docker_home / "other" / "config.json").write_text(json.dumps({"proxies": {"default": {
            "noProxy": "elsewhere"}}}))  # fmt: skip
        yield running


DOCKER = [
    ("-H {host}", "nginx"),
    ("--host={host} -D", "--name web -p 8080:80 nginx"),
    ("--log-level error -H {host}", "--platform linux/arm64 -e A=1 nginx:1.27 echo hi"),
    ("--config {other} -H {host}", "-it --rm alpine sh"),
]


@pytest.mark.parametrize(("lead", "line"), DOCKER)
def test_docker_globals_before_run(
    docker: DockerOracle, docker_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, lead: str, line: str,
) -> None:  # fmt: skip
    front = shlex.split(lead.format(host=docker.fake.host, other=docker_home / "other"))
    args = shlex.split(line)
    sent, err = docker.request(args, lead=tuple(front))
    assert sent is not None, err
    proxy = "no_proxy=elsewhere" if "--config" in front else "http_proxy=http://for-the-host:1"
    assert proxy in sent["body"]["Env"]  # the proxies of the daemon -H names, from --config's file
    monkeypatch.setenv("HOME", str(docker_home / "home"))
    monkeypatch.delenv("DOCKER_HOST", raising=False)  # only -H names the daemon for kx
    monkeypatch.delenv("DOCKER_CONFIG", raising=False)
    code, out, err = kx(capsys, ["build", "--format", "json", "docker", *front, "run", *args])
    assert code == 0, err
    assert normalized(json.loads(out)) == normalized(sent)
    for among in (["--format", "json", *front], [*front, "--format=json"]):  # kx's option among docker's
        assert kx(capsys, ["build", "docker", *among, "run", *args])[:2] == (0, out)
    code, out, err = kx(capsys, ["build", "docker", *front, "run", *args])
    assert code == 0, err
    assert out.startswith("docker --") and " run " in out
    assert kx(capsys, ["build", *shlex.split(out)])[1] == out  # the printed line builds again


def test_globals_alone_are_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kx(capsys, ["build", "kubectl", "-n", "x"])
    assert code == 2 and "no spec for 'kubectl -n'" in err
