"""Environment findings: files and kubeconfig entries, judged where the command runs or near a linted file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.check.environment import Environment, repository_root
from kx.cli.main import main
from kx.engine.lint import LintOptions, run
from kx.engine.pipeline import check_argv, check_command
from kx.engine.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import fake_kube  # noqa: E402

PROFILE = '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}'


def found(line: str, env: Environment | None = None) -> list[tuple[str, str, str]]:
    return [(d.code, d.severity, d.stage) for d in check_command(line, settings=Settings(env=env))]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with a doc two levels down and files next to it and at the root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    return tmp_path


def lint(path: Path) -> list[tuple[int, str, str, str]]:
    result = run(LintOptions(paths=(str(path),), isolated=True))
    assert result.errors == []
    return [(d.line, d.code, d.severity, d.stage) for d in result.diagnostics]


# kx check: the command runs here, relative paths are the current directory's.


def test_check_reports_missing_and_bad_files_as_environment_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.json").write_text(PROFILE)
    (tmp_path / "bad.json").write_text("{bad")
    (tmp_path / "bad.env").write_text("=x\n")
    assert found("docker run --security-opt seccomp=ok.json nginx") == []
    assert found("docker run --security-opt seccomp=gone.json nginx") == [("KX209", "error", "environment")]
    assert found("docker run --security-opt seccomp:bad.json nginx") == [("KX210", "error", "environment")]
    assert found("docker run --env-file bad.env --label-file gone nginx") == [
        ("KX210", "error", "environment"), ("KX209", "error", "environment")]  # fmt: skip
    assert found("docker run --env-file $ENV_FILE nginx") == []


def test_the_caret_points_at_the_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    line = "docker run --security-opt=seccomp=gone.json --env-file=gone.env nginx"
    columns = [(d.column, d.end_column) for d in check_command(line)]
    assert columns == [(line.index("gone.json") + 1, line.index("gone.json") + 10),
                       (line.index("gone.env") + 1, line.index("gone.env") + 9)]  # fmt: skip


@pytest.mark.parametrize(
    ("profile", "ok"),
    [
        (PROFILE, True),
        ("{}", True),
        ("null", True),
        ('{"defaultAction": "SCMP_ACT_ALLOW", "unknownKey": [1]}', True),
        ('{"DEFAULTACTION": 5}', False),  # keys match in any case, and the type is wrong
        ("[1, 2]", False),
        ('{"defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": -1}', False),
        ('{"syscalls": [{"names": "read", "action": "SCMP_ACT_ALLOW"}]}', False),
        ('{"syscalls": [{"names": ["read"], "args": [{"index": 1.5}]}]}', False),
        ('{"syscalls": [{"name": "read", "includes": {"minKernel": "4.8"}}]}', True),
        ('{"syscalls": [{"name": "read", "includes": {"minKernel": "0.0"}}]}', False),
        ('{"syscalls": [{"name": "read", "includes": {"minKernel": "4.8.1"}}]}', False),
        ('{"defaultAction": "A", "architectures": ["x"], "archMap": [{"architecture": "x"}]}', False),
        ('{"architectures": ["x"], "archMap": [{"architecture": "x"}]}', True),  # an empty profile is off
        ('{"syscalls": [{"name": "read", "names": ["write"], "action": "A"}]}', False),
    ],
)
def test_seccomp_profiles_the_daemon_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, ok: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.json").write_text(profile)
    expected = [] if ok else [("KX210", "error", "environment")]
    assert found("docker run --security-opt seccomp=p.json nginx") == expected


def test_only_the_winning_value_of_a_scalar_flag_is_read(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("apiVersion: v1\nkind: Config\n")
    assert found(f"kubectl run web --image=nginx --kubeconfig={tmp_path}/gone --kubeconfig={config}") == []


# kx lint: files are looked for next to the linted file and at the repository root.


def test_repository_root_is_the_nearest_git(repo: Path) -> None:
    assert repository_root(str(repo / "docs" / "guide")) == str(repo)
    assert Environment.for_lint(str(repo / "docs" / "guide" / "README.md")).bases == (
        str(repo / "docs" / "guide"), str(repo))  # fmt: skip


def test_lint_reports_nothing_for_files_it_cannot_find(repo: Path) -> None:
    doc = repo / "docs" / "guide" / "README.md"
    doc.write_text(
        "```sh\ndocker run --security-opt seccomp=profile.json nginx\n"
        "docker run --env-file .env --security-opt seccomp=/etc/x.json --cidfile /tmp/cid nginx\n"
        "kubectl --kubeconfig ~/.kube/other --context prod expose -f k8s/svc.yaml --port 80\n"
        "docker --tls run nginx\n```\n"
    )
    assert lint(doc) == []


def test_lint_judges_files_found_next_to_the_file_or_at_the_root(repo: Path) -> None:
    doc = repo / "docs" / "guide" / "README.md"
    doc.write_text(
        "```sh\ndocker run --security-opt seccomp=profile.json nginx\n"
        "docker run --env-file .env nginx\n"
        "docker run --security-opt seccomp=ok.json nginx\n```\n"
    )
    (repo / "docs" / "guide" / "profile.json").write_text("{bad")
    (repo / "docs" / "guide" / "ok.json").write_text(PROFILE)
    (repo / ".env").write_text("A B=1\n")
    assert lint(doc) == [(2, "KX210", "error", "environment"), (3, "KX210", "error", "environment")]
    (repo / "docs" / "guide" / "profile.json").write_text(PROFILE)
    (repo / ".env").write_text("A=1\n")
    assert lint(doc) == []


def test_lint_judges_a_kubeconfig_found_in_the_repository(repo: Path) -> None:
    (repo / "kubeconfig.yaml").write_text(
        "apiVersion: v1\nkind: Config\ncontexts:\n- name: dev\n  context: {cluster: c}\n")  # fmt: skip
    script = repo / "deploy.sh"
    script.write_text(
        "kubectl --kubeconfig kubeconfig.yaml --context dev run web --image=nginx\n"
        "kubectl --kubeconfig kubeconfig.yaml --context prod run web --image=nginx\n"
        "kubectl --context prod run web --image=nginx\n"
    )
    assert lint(script) == [(2, "KX211", "error", "environment")]


def test_expose_manifests_of_kinds_kubectl_cannot_expose(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    k8s = repo / "k8s"
    (k8s / "more").mkdir(parents=True)
    (k8s / "deploy.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n")
    (k8s / "more" / "job.yaml").write_text("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n")
    (repo / "ds.yaml").write_text(
        "apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n")
    (repo / "list.json").write_text(json.dumps(
        {"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "ConfigMap"}]}))
    monkeypatch.chdir(repo)
    assert found("kubectl expose -f k8s/deploy.yaml --port 80") == []
    assert found("kubectl expose -f k8s --port 80") == []  # without -R the subdirectory is not read
    assert found("kubectl expose -f k8s -R --port 80") == [("KX210", "error", "environment")]
    first, second = check_command("kubectl expose -f ds.yaml,list.json --port 80")
    assert "cannot expose a DaemonSet.apps" in first.message and "a ConfigMap" in second.message
    [diagnostic] = check_command("kubectl expose -f k8s/deploy.yaml,list.json --port 80")
    assert "cannot expose a ConfigMap" in diagnostic.message
    assert diagnostic.column == len("kubectl expose -f k8s/deploy.yaml,") + 1
    doc = repo / "README.md"
    doc.write_text("```sh\nkubectl expose -f ds.yaml --port 80\nkubectl expose -f gone.yaml --port 80\n```\n")
    assert lint(doc) == [(2, "KX210", "error", "environment")]


# The CLI: JSON and SARIF carry the stage, text shows it.


def test_json_sarif_and_text_show_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    line = "docker run --env-file gone.env nginx"
    assert main(["check", "--format", "json", line]) == 1
    [diagnostic] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (diagnostic["code"], diagnostic["stage"]) == ("KX209", "environment")
    assert main(["check", "--format", "sarif", line]) == 1
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert (result["ruleId"], result["properties"]) == ("KX209", {"stage": "environment"})
    assert main(["check", line]) == 1
    assert capsys.readouterr().out.startswith("error[KX209] [environment]: ")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".env").write_text("=x\n")
    (tmp_path / "run.sh").write_text("docker run --env-file .env nginx\n")
    assert main(["lint", "--isolated", "--format", "sarif", "run.sh"]) == 1
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert result["properties"] == {"stage": "environment"}
    assert main(["lint", "--isolated", "run.sh"]) == 1
    assert "(stage: environment) [KX210]" in capsys.readouterr().out


# The real kubectl is the judge of kubeconfig lookups.

KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: u1
  user: {token: x}
contexts:
- name: ctx1
  context: {cluster: c1, user: u1}
"""


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
@pytest.mark.parametrize(
    ("setup", "flags"),
    [
        ("none", ["--context", "ctx1"]),
        ("none", []),
        ("home", ["--context", "ctx1"]),
        ("home", ["--context", "nope"]),
        ("home", ["--context", "ctx1", "--cluster", "c2"]),
        ("home", ["--context", "ctx1", "--user", "u9"]),
        ("env", ["--context", "ctx1"]),
        ("env-missing", ["--context", "ctx1"]),
        ("explicit", ["--kubeconfig", "kc.yaml", "--context", "ctx1"]),
        ("explicit", ["--kubeconfig", "kc.yaml", "--context", "ctx2"]),
        ("explicit", ["--kubeconfig", "gone.yaml"]),
        ("explicit", ["--kubeconfig", "bad.yaml"]),
    ],
)
def test_kubeconfig_lookups_agree_with_kubectl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: str, flags: list[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "kc.yaml").write_text(KUBECONFIG)
    (tmp_path / "bad.yaml").write_text("kind: Pod\n")
    environ = {"PATH": os.environ["PATH"], "HOME": str(home)}
    if setup == "home":
        (home / ".kube").mkdir()
        (home / ".kube" / "config").write_text(KUBECONFIG)
    elif setup.startswith("env"):
        environ["KUBECONFIG"] = "gone.yaml" + os.pathsep + ("" if setup == "env-missing" else "kc.yaml")
    argv = ["kubectl", *flags, "run", "x", "--image=nginx", "--dry-run=client", "--request-timeout=1s"]
    real = subprocess.run(argv, cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=60)
    # Everything kx accepts ends at the server here (nothing listens): kubectl's own refusals do not.
    kubectl_refuses = "refused" not in real.stderr and "connect" not in real.stderr
    monkeypatch.chdir(tmp_path)
    env = Environment(environ=environ)
    _, diagnostics = check_argv(argv, settings=Settings(env=env))
    assert any(d.is_error for d in diagnostics) == kubectl_refuses, (real.stderr, diagnostics)


def test_template_files_are_parsed_when_found(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "ok.tmpl").write_text("{{.metadata.name}}\n")
    (repo / "bad.tmpl").write_text("{{.metadata.name\n")
    (repo / "bad.jsonpath").write_text("{.metadata.name\n")
    monkeypatch.chdir(repo)
    assert found("kubectl run web --image=nginx -o go-template-file=ok.tmpl") == []
    bad = [("KX210", "error", "environment")]
    assert found("kubectl run web --image=nginx -o go-template-file=bad.tmpl") == bad
    assert found("kubectl run web --image=nginx -o jsonpath-file --template bad.jsonpath") == bad
    script = repo / "get.sh"
    script.write_text("kubectl run web --image=nginx -o templatefile=bad.tmpl\n")
    assert lint(script) == [(1, "KX210", "error", "environment")]


def test_stdin_with_a_name_looks_next_to_that_name(repo: Path) -> None:
    (repo / "docs" / "bad.env").write_text("=x\n")
    kx = Path(sys.executable).with_name("kx")
    script = "docker run --env-file bad.env nginx\n"

    def lint_stdin(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [str(kx), "lint", "--isolated", *args, "-"]
        return subprocess.run(argv, cwd=repo, input=script, capture_output=True, text=True, timeout=120)

    named = lint_stdin("--stdin-filename", "docs/run.sh")
    assert named.returncode == 1 and "[KX210]" in named.stdout
    assert lint_stdin().returncode == 0


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker is not installed")
@pytest.mark.parametrize(
    "flags",
    [["--context", "nope"], ["-c", "mine"], ["--context", "default"], ["--config", "x", "-c", "mine"]],
)
def test_docker_contexts_agree_with_docker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str]
) -> None:
    environ = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    create = ["docker", "context", "create", "mine", "--docker", "host=unix:///nonexistent/kx.sock"]
    made = subprocess.run(create, env=environ, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    argv = ["docker", *flags, "run", "nginx"]
    real = subprocess.run(argv, cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=60)
    docker_refuses = "Cannot connect to the Docker daemon" not in real.stderr
    monkeypatch.chdir(tmp_path)
    _, diagnostics = check_argv(argv, settings=Settings(env=Environment(environ=environ)))
    assert [d.code for d in diagnostics if d.is_error] == (["KX211"] if docker_refuses else []), real.stderr


MANIFESTS = {
    "ds.yaml": "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d, labels: {a: b}}\n"
    "spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}}}\n",
    "job.yaml": "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n",
    "cm.json": '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}',
    "deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\n"
    "spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}}}\n",
    "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
    "spec: {selector: {a: b}, ports: [{port: 80}]}\n",
}


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
@pytest.mark.parametrize("name", sorted(MANIFESTS))
def test_expose_kinds_agree_with_kubectl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """kubectl only tells after discovery: it runs against the fake API server of tests/oracle."""
    (tmp_path / name).write_text(MANIFESTS[name])
    monkeypatch.chdir(tmp_path)
    argv = ["kubectl", "expose", "-f", name, "--port=80", "--dry-run=client", "-o", "name"]
    with fake_kube.FakeKube() as server:
        environ = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
        real = subprocess.run([*argv, f"--server={server.url('x')}"], env=environ, capture_output=True,
                              text=True, timeout=60)  # fmt: skip
    refused = "cannot expose" in real.stderr
    assert refused or real.returncode == 0, real.stderr
    diagnostics = [d for d in check_argv(argv)[1] if d.is_error]
    assert [d.code for d in diagnostics] == (["KX210"] if refused else [])
    if refused:
        kind = real.stderr.split("cannot expose a ")[1].split()[0]
        assert f"cannot expose a {kind} " in diagnostics[0].message


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
@pytest.mark.parametrize("target", ["nodir", "empty", "ok", "file.yaml", "./ok"])
def test_kustomize_directories_agree_with_kubectl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "kustomization.yaml").write_text("resources: []\n")
    (tmp_path / "file.yaml").write_text("kind: Service\n")
    argv = ["kubectl", "expose", "-k", target, "--port=80", "--request-timeout=1s"]
    environ = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    real = subprocess.run(argv, cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=60)
    kubectl_refuses = real.returncode != 0 and "refused" not in real.stderr and "connect" not in real.stderr
    monkeypatch.chdir(tmp_path)
    codes = [d.code for d in check_argv(argv)[1] if d.is_error]
    assert bool(codes) == kubectl_refuses, (real.stderr, codes)
    assert set(codes) <= {"KX209", "KX210"}
    assert found(f"kubectl expose -k {target}?ref=v1 --port=80") == []  # a remote one is not judged


def test_a_projects_own_script_named_docker_is_not_docker(
    repo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """istio/istio tools/istio-docker.mk:34 and tools/build-base-images.sh:50 run tools/docker."""
    (repo / "tools").mkdir()
    (repo / "tools" / "docker").write_text("#!/bin/bash\necho builds images\n")
    (repo / "tools" / "kubectl").write_bytes(b"\x7fELF\x02\x01\x01")  # a downloaded client binary
    mk = repo / "tools" / "istio-docker.mk"
    mk.write_text(
        "push:\n\t./tools/docker --push\n"
        "save:\n\tDOCKER_TARGETS=docker.$* ./tools/docker --save\n"
        "base:\n\t\"${ROOT}/tools/docker\" --push --no-cache --targets=\"${DOCKER_TARGETS}\"\n"
        "real:\n\t./tools/kubectl expose deploy web --port 80 --bogus\n"
        "path:\n\tdocker --push\n"
    )
    assert [(line, code) for line, code, _, _ in lint(mk)] == [(8, "KX101"), (10, "KX101")]
    monkeypatch.chdir(repo)
    assert found("./tools/docker --push") == []
    assert found("tools/docker --push") == []
    assert [code for code, _, _ in found("/usr/bin/docker --push")] == ["KX101"]
    assert [code for code, _, _ in found("./tools/kubectl run web --image=nginx --bogus")] == ["KX101"]
