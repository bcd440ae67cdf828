"""`kx specs import` and `kx specs diff` through the CLI, judged against the real clients.

Each imported spec is written by the CLI into the user spec dir, validated by `kx specs validate`,
then used by `kx check` on a line the client accepts and one it rejects. The client's verdict
comes from the differential oracle (tests/oracle): the real binary runs against the fakes on
loopback, and a line counts as accepted when the client got past its own checks, i.e. it exited 0
or reached the fake (an object that does not exist there is the server's business, not the line's).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kx.catalog import loader
from kx.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import clients  # noqa: E402

CONTEXT = "{context}"  # replaced by a directory holding a Dockerfile
# (command path, a line the client accepts, a line it rejects); the lines follow the path.
DOCKER = [
    ("container create", "--name web -p 80:80 nginx", "--bogus nginx"),
    ("build", f"-t img --build-arg A=1 {CONTEXT}", f"--memory abc {CONTEXT}"),
    ("exec", "-it web ls -l --color", "--bogus web ls"),
    ("network create", "-d bridge --subnet 10.0.0.0/24 net1", "--bogus net1"),
    ("volume create", "--label a=b v1", "--label"),
    ("container stop", "-t 5 web", "-t abc web"),
    ("image pull", "-q nginx", "--quiet=maybe nginx"),
    ("logs", "--tail 5 -f web", "--since"),
    ("container inspect", "-f {{.Id}} web", "-s=maybe web"),
    ("volume ls", "-q", "--bogus"),
    ("network connect", "--alias db net1 web", "--ip"),
]
KUBECTL = [
    ("create deployment", "web --image=nginx --replicas=2", "web --image=nginx --replicas=abc"),
    ("create service nodeport", "web --tcp=80:8080", "web --bogus"),
    ("scale", "deploy/web --replicas=3", "deploy/web --replicas=abc"),
    ("set image", "deploy/web *=nginx:1.25", "deploy/web --bogus"),
    ("rollout restart", "deployment/web", "deployment/web --bogus"),
    ("get", "pods -l app=web -n default", "pods --chunk-size=abc"),
    ("delete", "pod web --grace-period=0", "pod web --grace-period=abc"),
    ("label", "pod web a=b --overwrite", "pod web a=b --overwrite=maybe"),
    ("annotate", "pod web a=b", "pod web -l"),
    ("logs", "web --tail=10", "web --tail=abc"),
    ("create configmap", "cm1 --from-literal=a=b", "cm1 --from-literal"),
]
CASES = [("docker", *case) for case in DOCKER] + [("kubectl", *case) for case in KUBECTL]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def user_specs() -> Iterator[Path]:
    """The user spec dir (conftest points XDG_CONFIG_HOME at a fresh directory)."""
    yield Path(os.environ["XDG_CONFIG_HOME"]) / "kx" / "specs"
    loader.reset()


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")


def kx(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    loader.reset()  # each CLI run in a fresh process would load the specs afresh
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def client_accepts(argv: list[str]) -> bool:
    verdict = clients.docker_verdict(argv) if argv[0] == "docker" else clients.kubectl_verdict(argv)
    return verdict.valid or "kx-fake-" in verdict.stderr


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]} {c[1]}")
def test_imported_spec_checks_like_the_client(
    case: tuple[str, str, str, str], runner: CliRunner, user_specs: Path, tmp_path: Path
) -> None:
    tool, command, good, bad = case
    need(tool)
    path = command.split()
    code, out, err = kx(runner, "specs", "import", tool, *path)
    target = user_specs / tool / f"{'-'.join(path)}.yaml"
    assert (code, err) == (0, ""), err
    assert out.startswith(f"wrote {target}: {tool} {command} from {tool} ")
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["path"] == path
    assert kx(runner, "specs", "validate", str(target))[0] == 0
    (tmp_path / "Dockerfile").write_text("FROM scratch\n", encoding="utf-8")
    for line, accepted in ((good, True), (bad, False)):
        argv = [tool, *path, *shlex.split(line.replace(CONTEXT, str(tmp_path)))]
        assert client_accepts(argv) is accepted, argv
        code, out, _err = kx(runner, "check", "--", *argv)
        assert code == (0 if accepted else 1), (argv, out)


def test_import_refuses_to_overwrite_without_force(runner: CliRunner, user_specs: Path) -> None:
    need("docker")
    target = user_specs / "docker" / "volume-create.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("# mine\n", encoding="utf-8")
    code, out, err = kx(runner, "specs", "import", "docker", "volume", "create")
    assert (code, out) == (2, "")
    assert err == f"kx: error: {target} already exists; use --force to overwrite\n"
    assert target.read_text(encoding="utf-8") == "# mine\n"
    code, out, _ = kx(runner, "specs", "import", "docker", "volume", "create", "--force")
    assert code == 0 and out.startswith(f"wrote {target}: ")
    assert target.read_text(encoding="utf-8").startswith("# Imported by kx from the installed docker ")


def test_import_to_an_output_file_off_the_search_path(runner: CliRunner, tmp_path: Path) -> None:
    need("kubectl")
    target = tmp_path / "scale.yaml"
    code, out, err = kx(runner, "specs", "import", "kubectl", "scale", "--output", str(target))
    assert code == 0 and out.startswith(f"wrote {target}: kubectl scale from kubectl ")
    assert "not on the spec search path" in err
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["tool"] == "kubectl"


def test_import_says_when_it_overrides_a_shipped_spec(runner: CliRunner, user_specs: Path) -> None:
    need("kubectl")
    code, _out, err = kx(runner, "specs", "import", "kubectl", "expose")
    assert code == 0
    assert err.startswith("note: it overrides kx's shipped spec for kubectl expose ")
    assert (user_specs / "kubectl" / "expose.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["docker", "network"], "docker network is a group of commands; import one of: connect, create, "),
        (["docker", "nosuch"], "docker has no command 'nosuch' (its help describes 'docker [OPTIONS]')"),
        (["kubectl", "create", "deploy"],
         "kubectl has no command 'create deploy' (its help describes 'kubectl create deployment')"),
        (["kubectl"], "name the command to import (kx specs import kubectl SUBCOMMAND...) or use --all"),
    ],
)  # fmt: skip
def test_import_mistakes_are_one_line_errors(args: list[str], message: str, runner: CliRunner) -> None:
    need(args[0])
    code, out, err = kx(runner, "specs", "import", *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"kx: error: {message}") and err.count("\n") == 1


def test_import_all_under_a_group(runner: CliRunner, tmp_path: Path) -> None:
    need("docker")
    code, out, err = kx(runner, "specs", "import", "docker", "network", "--all", "-o", str(tmp_path))
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "docker").iterdir())
    expected = ["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"]
    assert written == [f"network-{name}.yaml" for name in expected]
    assert out.count("\nwrote ") + 1 == len(expected)
    assert kx(runner, "specs", "validate", str(tmp_path))[0] == 0


def test_import_all_skips_shipped_commands_and_alias_twins(runner: CliRunner, tmp_path: Path) -> None:
    need("docker")
    code, _out, err = kx(runner, "specs", "import", "docker", "container", "--all", "-o", str(tmp_path))
    assert code == 0, err
    assert "skipped docker container run: kx ships a spec for it\n" in err
    written = {p.name for p in (tmp_path / "docker").iterdir()}
    assert {"container-create.yaml", "container-ls.yaml"} <= written
    assert "container-run.yaml" not in written and "create.yaml" not in written


@pytest.mark.parametrize(("tool", "count"), [("docker", 2), ("kubectl", 3)])
def test_no_drift_for_the_shipped_specs(tool: str, count: int, runner: CliRunner) -> None:
    need(tool)  # shipped: docker's globals and run; kubectl's globals, run and expose
    code, out, err = kx(runner, "specs", "diff", tool)
    assert (code, out) == (0, "")
    assert err.startswith(f"no drift: {count} spec(s) match the installed {tool} ")


def test_a_planted_difference_is_reported(runner: CliRunner, user_specs: Path) -> None:
    need("kubectl")
    shipped = yaml.safe_load((ROOT / "specs" / "kubectl" / "expose.yaml").read_text(encoding="utf-8"))
    shipped["flags"] = [f for f in shipped["flags"] if f["name"] != "selector"]
    for flag in shipped["flags"]:
        if flag["name"] == "type":
            flag["short"] = "t"
    shipped["flags"].append({"name": "replicas", "type": "int", "summary": "Not a real flag."})
    (user_specs / "kubectl").mkdir(parents=True)
    (user_specs / "kubectl" / "expose.yaml").write_text(yaml.safe_dump(shipped), encoding="utf-8")
    code, out, err = kx(runner, "specs", "diff", "kubectl", "expose")
    assert code == 1
    assert out == (
        "kubectl expose:\n"
        "  + --replicas: the client does not list it\n"
        "  - --selector: not in the spec (--selector string)\n"
        "  ~ --type: shorthand: spec -t, client none\n"
    )
    assert err.startswith("1 of 1 spec(s) differ from the installed kubectl 1.")
    code, out, _ = kx(runner, "specs", "diff", "kubectl")
    assert code == 1 and out.startswith("kubectl expose:\n")


def test_diff_without_the_client_exits_2(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, out, err = kx(runner, "specs", "diff", "docker")
    assert (code, out, err) == (2, "", "kx: error: docker is not installed (not found on PATH)\n")
    assert kx(runner, "specs", "import", "kubectl", "scale")[0] == 2


def test_diff_of_an_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    need("docker")
    code, _out, err = kx(runner, "specs", "diff", "docker", "nosuch")
    assert code == 2 and err.startswith("kx: error: no spec for 'docker nosuch'")
