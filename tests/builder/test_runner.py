"""Non-interactive builds through the CLI: every shipped command, valid and invalid."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kx.builder.options import BuildOptions, spellings, split_options
from kx.catalog.loader import load_specs
from kx.cli.app import run_app
from kx.core.errors import UsageError


def kx(capsys: pytest.CaptureFixture[str], line: str) -> tuple[int, str, str]:
    code = run_app(shlex.split(line))
    out, err = capsys.readouterr()
    return code, out, err


# One valid and one invalid build per shipped command: (kx line, expected stdout | error code).
VALID = {
    "kubectl/expose": [
        ("expose deployment nginx --port 80 --type NodePort",
         "kubectl expose deployment nginx --port=80 --type=NodePort"),
        ("expose deploy/web -l app=web --port=80,443 --target-port http",
         "kubectl expose deploy/web --labels=app=web --port=80,443 --target-port=http"),
        ("build kubectl expose pod db --port 5432 --cluster-ip None -n data",
         "kubectl expose pod db --port=5432 --cluster-ip=None --namespace=data"),
    ],
    "kubectl/run": [
        ("run web --image nginx --port 80 -l app=web",
         "kubectl run web --image=nginx --port=80 --labels=app=web"),
        ("run box --image=busybox --restart Never -it --rm -- sh -c 'echo hi; exit 3'",
         "kubectl run box --image=busybox --restart=Never --stdin --tty --rm -- sh -c 'echo hi; exit 3'"),
        ("run box --image busybox --env A=1 --env 'B=two words' --env A=3",
         "kubectl run box --image=busybox --env=A=1 --env='B=two words' --env=A=3"),
        ("run web --image nginx --image nginx:1.27", "kubectl run web --image=nginx:1.27"),
    ],
    "docker/run": [
        ("docker-run -it --rm -p 8080:80 -e A=1 --name web nginx sh -c 'echo hi'",
         "docker run --interactive --tty --rm --publish=8080:80 --env=A=1 --name=web nginx sh -c 'echo hi'"),
        ("build docker container run -d --restart=always redis:7",
         "docker run --detach --restart=always redis:7"),
        ("docker-run --rm=false -m 512m alpine", "docker run --rm=false --memory=512m alpine"),
    ],
}  # fmt: skip
INVALID = {
    "kubectl/expose": [("expose deployment nginx --port 80 --typo NodePort", "KX101"),
                       ("expose --port 80", "KX3"),
                       ("expose deployment nginx --type Nodeport", "KX204")],
    "kubectl/run": [("run web", "KX304"), ("run web --image nginx -p 80", "KX101"),
                    ("run web --image=nginx -t", "KX402"), ("run web --image=Nginx", "KX205")],
    "docker/run": [("docker-run -d -a stdout nginx", "KX401"), ("docker-run --rm", "KX301"),
                   ("docker-run -m lots nginx", "KX2")],
}  # fmt: skip


def test_every_shipped_command_has_build_tests() -> None:
    shipped = {spec.key for spec in load_specs().commands()}
    assert shipped == set(VALID) == set(INVALID)


@pytest.mark.parametrize(("line", "expected"), [case for cases in VALID.values() for case in cases])
def test_valid_builds(capsys: pytest.CaptureFixture[str], line: str, expected: str) -> None:
    code, out, err = kx(capsys, line)
    assert (code, out, err) == (0, expected + "\n", "")
    assert shlex.split(out) == shlex.split(expected)


@pytest.mark.parametrize(("line", "code_prefix"), [case for cases in INVALID.values() for case in cases])
def test_invalid_builds(capsys: pytest.CaptureFixture[str], line: str, code_prefix: str) -> None:
    code, out, err = kx(capsys, line)
    assert code == 1
    assert out == ""
    assert f"[{code_prefix}" in err


def test_canonical_output_is_valid_for_kx_check(capsys: pytest.CaptureFixture[str]) -> None:
    for cases in VALID.values():
        for line, _ in cases:
            _, out, _ = kx(capsys, line)
            code, _, err = kx(capsys, "check " + shlex.quote(out.strip()))
            assert code == 0, err


def test_warnings_go_to_stderr_and_the_command_is_still_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = kx(capsys, "expose deployment nginx --port 80 --load-balancer-ip 1.2.3.4")
    assert code == 0
    assert out == "kubectl expose deployment nginx --port=80 --load-balancer-ip=1.2.3.4\n"
    assert "warning[KX4" in err


def test_json_format_of_expose_is_its_service(capsys: pytest.CaptureFixture[str]) -> None:
    """kubectl expose's --format json is the Service as -o json prints it, not the argv."""
    code, out, _ = kx(capsys, "expose deployment web --port 80 --selector app=web --format json")
    assert code == 0
    assert out.startswith('{\n    "kind": "Service",\n    "apiVersion": "v1",\n')
    service = json.loads(out)
    assert service["spec"]["selector"] == {"app": "web"}
    assert service["spec"]["ports"] == [{"protocol": "TCP", "port": 80, "targetPort": 80}]


def test_json_format_of_expose_refuses_what_it_cannot_know(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --selector the live object decides, so no Service is printed (as for yaml)."""
    code, out, err = kx(capsys, "expose deployment web --port 80 --format json")
    assert (code, out) == (1, "")
    assert "needs --selector" in err


def test_json_format_of_kubectl_run_is_its_pod(capsys: pytest.CaptureFixture[str]) -> None:
    """kubectl run's --format json is the Pod as -o json prints it (Go's field order, 4 spaces)."""
    code, out, _ = kx(capsys, "run box --image busybox --format json -- echo 'a b'")
    assert code == 0
    assert out.startswith('{\n    "kind": "Pod",\n    "apiVersion": "v1",\n')
    assert json.loads(out)["spec"]["containers"][0]["args"] == ["echo", "a b"]


def test_powershell_quoting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kx(capsys, "run box --image busybox --shell powershell -- echo \"it's\"")
    assert (code, out) == (0, "kubectl run box --image=busybox '--' echo 'it''s'\n")


def test_yaml_format_for_expose(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "expose deployment web --port 80 --selector app=web --format yaml")
    assert code == 0, err
    assert out.startswith("apiVersion: v1\nkind: Service\n")
    assert "  selector:\n    app: web\n" in out


def test_yaml_format_needs_a_selector_offline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "expose deployment web --port 80 --format yaml")
    assert (code, out) == (1, "")
    assert "needs --selector" in err


def test_yaml_format_for_docker_run_is_the_create_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "docker-run --format yaml nginx")
    assert (code, err) == (0, "")
    assert out.startswith("body:\n") and "  Image: nginx\n" in out


def test_yaml_format_checks_the_run_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "run box --image busybox --rm --format yaml")
    assert (code, out) == (1, "")
    assert "KX4" in err


def test_yaml_format_shows_the_interactive_pod(capsys: pytest.CaptureFixture[str]) -> None:
    """A dry run refuses to attach; the preview is the pod the real run sends (stdin, tty)."""
    code, out, err = kx(capsys, "run box --image busybox -it --format yaml")
    assert (code, err) == (0, "")
    assert "    stdin: true\n    stdinOnce: true\n    tty: true\n" in out


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, "build kubectl delete pod x")
    assert (code, out) == (2, "")
    assert "no spec for 'kubectl delete'" in err and "kubectl expose" in err


def test_bad_kx_option_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kx(capsys, "expose deployment x --port 80 --format xml")
    assert code == 2
    assert "'xml' is not one of command, json, yaml" in err


def test_help_is_generated_from_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    specs = load_specs()
    cases = (("expose --help", "kubectl/expose"), ("run -h", "kubectl/run"),
             ("docker-run --help", "docker/run"), ("build kubectl run --help", "kubectl/run"))
    for line, key in cases:
        code, out, _ = kx(capsys, line)
        assert code == 0
        spec = specs.build(key)
        assert spec is not None
        for flag in spec.visible_flags():
            if flag.name != "help":
                assert f"--{flag.name}" in out, flag.name
            for choice in flag.choices or ():
                assert choice in out


def test_build_usage_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kx(capsys, "build --help")
    assert code == 0
    assert "kubectl expose" in out and "docker run" in out


@pytest.mark.parametrize("line", ["build", "build ''", "build docker"])
def test_build_without_a_command_is_a_usage_error(line: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kx(capsys, line)
    assert (code, out) == (2, "")
    assert err.startswith("kx: error: ") and err.count("\n") == 1
    assert "kubectl expose" in err


def test_option_spellings_yield_to_the_spec() -> None:
    specs = load_specs()
    docker = specs.get("docker", ("run",))
    run = specs.get("kubectl", ("run",))
    expose = specs.get("kubectl", ("expose",))
    assert docker is not None and run is not None and expose is not None
    assert "-i" not in spellings(docker) and "--interactive" not in spellings(docker)
    assert "--kx-interactive" in spellings(docker)
    assert "-i" not in spellings(run) and "--interactive" in spellings(run)
    assert {"-i", "--interactive", "-h", "--help"} <= set(spellings(expose))


def test_split_options_leaves_flag_values_and_container_args_alone() -> None:
    specs = load_specs()
    expose = specs.get("kubectl", ("expose",))
    docker = specs.get("docker", ("run",))
    assert expose is not None and docker is not None
    options, rest = split_options(expose, ["x", "--name", "--exec", "--format=json", "--", "--exec"])
    assert options == BuildOptions(format="json")
    assert rest == ["x", "--name", "--exec", "--", "--exec"]
    options, rest = split_options(docker, ["--kx-interactive", "-i", "ubuntu", "--help"])
    assert options == BuildOptions(interactive=True)
    assert rest == ["-i", "ubuntu", "--help"]
    with pytest.raises(UsageError, match="takes no value"):
        split_options(expose, ["--exec=yes"])


def test_exec_not_confirmed_runs_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    code, out, err = kx(capsys, "run box --image busybox --exec")
    assert (code, out) == (1, "")
    assert "Run it now? [y/N]" in err and "not run" in err


@pytest.mark.skipif(shutil.which("echo") is None, reason="echo not installed")
def test_exec_confirmed_replaces_the_process(tmp_path: Path) -> None:
    # A real exec in a child process. The built tool is `echo`, from a plugin spec, so running it
    # needs no daemon or cluster; it also shows that the builder works for any spec.
    specs = tmp_path
    (specs / "echo").mkdir()
    (specs / "echo" / "hello.yaml").write_text(
        "spec: 1\ntool: echo\npath: [hello]\ntool_version: '1'\nsummary: Say hello.\n"
        "positionals: [{name: who, required: true}]\n"
        "flags: [{name: loud, type: bool, summary: Shout.}]\n"
    )
    env = {"KX_SPEC_PATH": str(specs), "PATH": "/usr/bin:/bin", "HOME": str(specs)}
    done = subprocess.run(
        [sys.executable, "-m", "kx", "build", "echo", "hello", "world", "--loud", "--exec"],
        input="y\n", capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "hello world --loud\n"
    assert "Run: echo hello world --loud" in done.stderr
