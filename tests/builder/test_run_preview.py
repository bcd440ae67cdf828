"""``kx run ... --format yaml|json`` against what the real kubectl 1.32 sends and prints.

Each line goes through the kx CLI (checks included) and through kubectl twice against the fake API
server: run for real, where the POSTed object must equal kx's byte for byte as Go's compact JSON
(metadata.namespace aside: kubectl puts it in the URL, kx shows it as a dry run does); and with
``--dry-run=client -o yaml|json``, whose text must equal kx's wherever the dry run shows the same
object (it refuses to attach, leaves out the last-applied annotation, and records its own flags).
"""

from __future__ import annotations

import itertools
import json
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kx.builder.gojson import compact
from kx.cli.app import run_app

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle, offline_kubeconfig  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")

_SMP_SIDE = '{"spec":{"containers":[{"name":"side","image":"envoy","ports":[{"containerPort":9901}]}]}}'
LINES = [
    # ordinary
    "run web --image=nginx",
    "run web --image=nginx:1.27 --port=8080 -l app=web,tier=front",
    "run web --image=nginx --port=80 --expose",
    "run box --image=busybox --restart=Never -- sh -c 'echo hello; sleep 3600'",
    "run box --image=busybox --command -- /bin/sh -c date",
    "run box --image=busybox --env=A=1 --env B=two --env=EMPTY=",
    "run box --image=busybox --annotations=team=core --annotations='note=a: b'",
    "run box --image=busybox --image-pull-policy=IfNotPresent --privileged",
    "run box --image=busybox --restart=OnFailure --port=5000",
    "run db --image=postgres:16 --env=POSTGRES_PASSWORD=secret --port=5432 --labels=app=db",
    "run box --image=busybox --env='MSG=<hello & bye>' -- echo '\u2028x'",
    "run box --image=registry.example.com:5000/team/app@sha256:" + "a" * 64,
    # interactive
    "run box --image=busybox -i",
    "run box --image=busybox -it",
    "run box --image=busybox --stdin --tty",
    "run box --image=busybox -it --rm --restart=Never -- sh",
    "run box --image=busybox --rm -i --restart=Never -- date",
    "run box --image=busybox --attach",
    "run box --image=busybox --attach --rm --restart=Never -- true",
    "run box --image=busybox -i --attach=false -t",
    "run box --image=busybox -i --leave-stdin-open",
    "run box --image=busybox -it --quiet --pod-running-timeout=1s",
    "run box --image=busybox -i=true -t=true --attach=true",
    "run box --image=busybox -ti --rm --command -- /bin/sh -c 'exit 0'",
    # --overrides, merge (the default)
    """run box --image=busybox --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'""",
    """run box --image=busybox --overrides='{"metadata":{"labels":{"x":"y"}}}' -l a=b""",
    """run box --image=busybox --overrides='{"spec":{"containers":[{"name":"box","image":"alpine","""
    """"resources":{"limits":{"cpu":"1000m","memory":"0.5Gi"},"requests":{"cpu":"0.25"}}}]}}'""",
    """run box --image=busybox --overrides='{"spec":{"serviceAccountName":"robot","bogus":1}}'""",
    """run box --image=busybox --override-type=merge --overrides='{"metadata":{"labels":null}}'""",
    """run box --image=busybox --overrides='{"spec":{"tolerations":[{"key":"k","operator":"Exists"}],"""
    """"restartPolicy":"Never","hostNetwork":true}}'""",
    """run box --image=busybox --overrides='{"apiVersion":"v1","spec":{"volumes":[{"name":"d","""
    """"emptyDir":{}}],"containers":[{"name":"box","image":"busybox","volumeMounts":[{"name":"d","""
    """"mountPath":"/d"}]}]}}'""",
    """run box --image=busybox --port=80 --overrides='{"spec":{"containers":[{"name":"box","""
    """"image":"nginx","ports":[{"containerPort":8080,"name":"http"}],"readinessProbe":{"httpGet":"""
    """{"path":"/","port":"http"},"periodSeconds":5}}]}}'""",
    # --overrides, strategic
    f"run box --image=busybox --override-type=strategic --overrides='{_SMP_SIDE}'",
    """run box --image=busybox --env=A=1 --override-type=strategic --overrides='{"spec":{"containers":"""
    """[{"name":"box","env":[{"name":"B","value":"2"}]}]}}'""",
    """run box --image=busybox --port=80 --override-type=strategic --overrides='{"spec":{"containers":"""
    """[{"name":"box","ports":[{"containerPort":443}]}]}}'""",
    """run box --image=busybox --override-type=strategic --overrides='{"spec":{"containers":[{"name":"""
    """"box","$patch":"delete"},{"name":"other","image":"nginx"}]}}'""",
    """run box --image=busybox --override-type=strategic --overrides='{"spec":{"containers":[{"name":"""
    """"x","image":"nginx"},{"$patch":"replace"}]}}'""",
    """run box --image=busybox --override-type=strategic --overrides='{"metadata":{"labels":{"run":null,"""
    """"a":"b"}},"spec":{"dnsPolicy":"Default"}}'""",
    """run box --image=busybox --override-type strategic --overrides='{"spec":{"containers":[{"name":"box","""
    """"args":["x","y"],"securityContext":{"runAsUser":1000}}]}}'""",
    """run box --image=busybox -- a b --override-type=strategic""",
    # --overrides, json
    """run box --image=busybox --override-type=json --overrides='[{"op":"add","path":"/spec/hostNetwork","""
    """"value":true}]'""",
    """run box --image=busybox --override-type=json --overrides='[{"op":"replace","path":"""
    """"/spec/containers/0/image","value":"alpine"},{"op":"remove","path":"/metadata/labels"}]'""",
    """run box --image=busybox --override-type=json --overrides='[{"op":"add","path":"""
    """"/spec/containers/-","value":{"name":"two","image":"nginx"}}]'""",
    """run box --image=busybox --override-type=json --overrides='[{"op":"copy","from":"/metadata/name","""
    """"path":"/spec/hostname"},{"op":"test","path":"/kind","value":"Pod"}]'""",
    """run box --image=busybox --override-type=json --overrides='[{"op":"move","from":"""
    """"/metadata/labels","path":"/metadata/annotations"}]'""",
    # --save-config and --record
    "run box --image=busybox --save-config",
    "run box --image=busybox --save-config -l app=x --annotations=a=b --env=E=1 -- sleep 1",
    "run web --image=nginx --port=80 --expose --save-config",
    """run box --image=busybox --save-config --overrides='{"spec":{"nodeName":"n1"}}'""",
    "run box --image=busybox --record",
    "run box --image=busybox --record -n team-a -l a=b",
    "run --record web --image nginx -it --rm --restart=Never -- sh -c 'echo hi'",
    "run web --image=nginx --record --save-config --port=80 --expose",
    "run box --image=busybox --record=false",
    # --help=false and global flags
    "run box --image=busybox --help=false",
    "run box --image=busybox -n team-a",
    "run box --image=busybox --namespace=team-a --expose --port=80",
    "run box --image=busybox --context=fake --cluster=fake --user=fake",
    "run box --image=busybox --request-timeout=30s --as=alice --as-group=devs",
    "run box --image=busybox --token=abc --insecure-skip-tls-verify --tls-server-name=example",
    "run box --image=busybox --warnings-as-errors --disable-compression --profile=none",
    "run box --image=busybox --field-manager=me --dry-run=none",
    "run box --image=busybox --cascade=background --grace-period=5 --timeout=1m --wait=false",
    """run box --image=busybox --overrides='{"metadata":{"namespace":"other"}}'""",
    "run box --image=busybox -v=3 --log-flush-frequency=10s",
    "run Box --image=busybox --image-pull-policy=Never --port=0 -l app=",
    "run box --image=busybox --annotations=kubectl.kubernetes.io/last-applied-configuration=x --save-config",
    "run box --image=busybox --record --annotations=kubernetes.io/change-cause=mine",
    "run box --image=busybox --save-config=false --record=false --tty=false -i --rm",
    "run --image=busybox box --privileged=false --command=false -q -- a",
]

# kubectl refuses these before it creates anything (an error of kubectl's, or of the patch).
REFUSED = [
    "run box --image=busybox --rm",
    "run box --image=busybox -t",
    "run box --image=busybox --attach=false --rm",
    "run box --image=busybox --stdin=false -t",
    "run box --image=busybox --restart=never",
    "run box --image=BAD_IMAGE",
    "run box --image busybox --env=EMPTY",
    "run box --image=busybox --override-type=bogus --overrides='{}'",
    """run box --image=busybox --overrides='{"spec":{"containers":[{"name":"box","ports":"""
    """[{"containerPort":"80"}]}]}}'""",
    "run box --image=busybox --overrides='{bad'",
    """run box --image=busybox --overrides='{"apiVersion":"v2"}'""",
    """run box --image=busybox --overrides='{"spec":{"activeDeadlineSeconds":1.5}}'""",
    """run box --image=busybox --override-type=json --overrides='[{"op":"remove","path":"/nope"}]'""",
    """run box --image=busybox --override-type=strategic --overrides='{"spec":{"containers":"""
    """[{"image":"x"}]}}'""",
    """run box --image=busybox --overrides='{"spec":{"containers":[{"name":"box","resources":"""
    """{"limits":{"cpu":"lots"}}}]}}'""",
]


@pytest.fixture(scope="module")
def oracle() -> Iterator[KubectlOracle]:
    with kubectl_oracle() as found:
        yield found


@pytest.fixture(autouse=True)
def _kubeconfig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offline_kubeconfig(tmp_path, monkeypatch)


def kx(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = run_app(args)
    out, err = capsys.readouterr()
    return code, out, err


def _sent_order(printed: list[Any]) -> list[Any]:
    """kx prints the Service of --expose first; kubectl creates the Pod first."""
    return printed[::-1] if len(printed) == 2 else printed


def _without_namespace(obj: dict[str, Any], args: list[str]) -> dict[str, Any]:
    """kx shows the namespace of -n as a dry run does; kubectl sends it in the URL, not the body."""
    given = [v for flag, v in itertools.pairwise(args) if flag in ("-n", "--namespace")]
    given += [a.split("=", 1)[1] for a in args if a.startswith("--namespace=")]
    if not given:
        return obj
    assert obj["metadata"]["namespace"] == given[-1]
    meta = {k: v for k, v in obj["metadata"].items() if k != "namespace"}
    return {**obj, "metadata": meta}


def _json_documents(text: str) -> list[Any]:
    decoder = json.JSONDecoder()
    docs, at = [], 0
    while at < len(text.rstrip()):
        doc, at = decoder.raw_decode(text, at)
        docs.append(doc)
        at += 1
    return docs


@pytest.mark.parametrize("line", LINES)
def test_preview_is_what_kubectl_sends(
    oracle: KubectlOracle, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    args = shlex.split(line)
    done, sent = oracle.created(args)
    assert sent, done.stderr
    code, out, err = kx(capsys, ["build", "--format", "json", "kubectl", *args])
    assert code == 0, err
    printed = _json_documents(out)
    mine = [_without_namespace(obj, args) for obj in _sent_order(printed)]
    assert [compact(obj) for obj in mine] == [body.rstrip("\n") + "\n" for body in sent]
    code, out, err = kx(capsys, ["build", "--format", "yaml", "kubectl", *args])
    assert code == 0, err
    assert [doc for doc in yaml.safe_load_all(out) if doc is not None] == printed
    dry = oracle.dry_run(args, "yaml")
    unlike = {"--save-config", "--record", "--dry-run"}  # the dry run prints something else
    if dry.returncode == 0 and not unlike & {a.split("=")[0] for a in args}:
        assert out == dry.stdout
        code, text, err = kx(capsys, ["run", "--format=json", *args[1:]])
        assert text == oracle.dry_run(args, "json").stdout


@pytest.mark.parametrize("line", REFUSED)
def test_refused_lines_are_refused(
    oracle: KubectlOracle, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    args = shlex.split(line)
    done, sent = oracle.created(args)
    assert done.returncode == 1 and not sent
    code, out, err = kx(capsys, [*args, "--format", "yaml"])
    assert (code, out) == (1, ""), err


def test_format_before_and_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    line = ["kubectl", "run", "web", "--image=nginx", "-it", "--record"]
    before = kx(capsys, ["build", "--format", "yaml", *line])
    after = kx(capsys, ["build", *line, "--format", "yaml"])
    short = kx(capsys, ["run", *line[2:], "--format=yaml"])
    assert before[:2] == after[:2] == short[:2]
    assert before[0] == 0 and "stdin: true" in before[1]
