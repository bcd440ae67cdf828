"""``--format yaml`` against the real kubectl: ``--dry-run=client -o yaml`` with a fake API server.

The fake serves objects labelled ``app=NAME`` (pods: ``run=NAME``); kubectl copies those onto an
exposed Service when --labels is not given. kx cannot know a live object's labels, so it leaves
them out (and says so); everything else must match.
"""

from __future__ import annotations

import random
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kx.builder.command import parse
from kx.builder.dryrun import dry_run_yaml
from kx.builder.objects import GenerateError
from kx.catalog.loader import load_specs

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")

LINES = [
    "run nginx --image=nginx",
    "run web --image=nginx:1.27 --port=8080",
    "run web --image=nginx --port 80 --expose",
    "run web --image=nginx --port=80 --expose -l app=web,tier=front",
    "run box --image=busybox --restart=Never -- sh -c 'echo hello; sleep 3600'",
    "run box --image=busybox --command -- /bin/sh -c date",
    "run box --image=busybox --env=A=1 --env B=two --env=EMPTY=",
    "run box --image=busybox --env='MSG=hello world' --env='Q=it'\"'\"'s'",
    "run box --image=busybox --annotations=team=core --annotations=note='a: b'",
    "run box --image=busybox -l 'app=x,version=1.0'",
    "run box --image=busybox --labels=yes=no",
    "run box --image=busybox --image-pull-policy=IfNotPresent --privileged",
    "run box --image=busybox -i --attach=false -t",
    "run box --image=busybox --stdin --attach=false --leave-stdin-open",
    "run box --image=busybox -n team-a",
    "run box --image=busybox --restart=OnFailure --port=99999999999",
    "run box --image=busybox --annotations=",
    "run box --image=busybox --annotations='multi=line one\nline two'",
    "run box --image=busybox --env=DATE=2024-01-01 --env=T=true --env=N=080",
    "run box --image=busybox --annotations=long='" + "word " * 40 + "'",
    "run box --image=busybox -- '--flag-looking' 'with space' '' '\"q\"'",
    "expose deployment nginx --port=80 --selector=app=nginx",
    "expose deployment nginx --port=80 --type=NodePort --selector=app=nginx",
    "expose deployment/nginx --port=80,443 --selector=app=nginx",
    "expose deployment nginx --port=80 --target-port=8080 --selector=app=nginx",
    "expose deployment nginx --port=80 --target-port=http --selector=app=nginx --name=web",
    "expose pod web --port=80 --selector=run=web --protocol=UDP",
    "expose svc db --port=5432 --selector=app=db --cluster-ip=None",
    "expose deployment nginx --port=80 --selector=app=nginx --type=LoadBalancer --load-balancer-ip=1.2.3.4",
    "expose deployment nginx --port=80 --selector=app=nginx --load-balancer-ip=1.2.3.4",
    "expose deployment nginx --port=80 --selector=app=nginx --external-ip=10.0.0.9",
    "expose deployment nginx --port=80 --selector=app=nginx --session-affinity=ClientIP",
    "expose deployment nginx --port=80 --selector=app=nginx -l team=web,tier=edge",
    "expose deployment nginx --port=80 --selector=app=nginx -n prod",
    "expose rc nginx --port=80 --selector=app=nginx --type=ClusterIP",
    "expose rs nginx --port=80 --selector=app=nginx --target-port=0x10",
    "expose deployment a b --port=80 --selector=app=a",
    "expose deployment/a deployment/b --port=8080 --selector=app=a",
    "expose deploy,svc a --port=80 --selector=app=a",
    "expose deployment " + "n" * 70 + " --port=80 --selector=app=" + "n" * 70,
    "expose deployment nginx --port=80,8080,9090 --selector=app=nginx --target-port=web",
    "expose deployment nginx --port=-1 --selector=app=nginx",
]


@pytest.fixture(scope="module")
def oracle() -> Iterator[KubectlOracle]:
    with kubectl_oracle() as found:
        yield found


def kx_yaml(args: list[str]) -> str:
    specs = load_specs()
    spec = specs.get("kubectl", (args[0],))
    assert spec is not None
    return dry_run_yaml(parse(spec, args[1:], specs.root("kubectl")))


def _labels_unknown(args: list[str]) -> bool:
    """Whether kubectl takes the Service's labels from the live object (kx leaves them out)."""
    return args[0] == "expose" and not any(a.startswith(("-l", "--labels")) for a in args)


def _without_labels(obj: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in obj["metadata"].items() if k != "labels"}
    return {**obj, "metadata": meta}


@pytest.mark.parametrize("line", LINES)
def test_yaml_matches_kubectl(oracle: KubectlOracle, line: str) -> None:
    """Byte for byte; for expose without -l, object by object with the live labels left out."""
    args = shlex.split(line)
    real = oracle.dry_run_yaml(args)
    assert real.returncode == 0, real.stderr
    mine = kx_yaml(args)
    if not _labels_unknown(args):
        assert mine == real.stdout
        return
    theirs = [_without_labels(o) for o in yaml.safe_load_all(real.stdout)]
    assert list(yaml.safe_load_all(mine)) == theirs
    assert all("labels" in o["metadata"] for o in yaml.safe_load_all(real.stdout))


@pytest.mark.parametrize(
    "line",
    [
        "run box --image=busybox --env=1BAD=x",
        "run box --image=busybox --annotations=novalue",
        "run box --image=busybox -l a=b=c",
        "run box --image=busybox --port=http",
        "expose deployment nginx --port=abc --selector=app=nginx",
        "expose deployment nginx --port=80 --selector=app=nginx --session-affinity=clientip",
        "run box --image=busybox --annotations='k=del\x7f'",
    ],
)
def test_errors_match_kubectl(oracle: KubectlOracle, line: str) -> None:
    args = shlex.split(line)
    real = oracle.dry_run_yaml(args)
    assert real.returncode == 1
    with pytest.raises(GenerateError) as caught:
        kx_yaml(args)
    assert f"error: {caught.value}" in real.stderr


_ALPHABET = [*"ab yZ09:#-?,[]{}'\"\\.\n\t\r_~!&*|>%@`=+", "\x85", "\u2028", "é", "😀", "\ufeff",
             "  ", "true", "0x", "2024-01-0", "1:2", "e5", "null", "..."]  # fmt: skip


def _random_text(rng: random.Random, longest: int) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, longest)))


@pytest.mark.parametrize("seed", range(20))
def test_random_strings_match_kubectl(oracle: KubectlOracle, seed: int) -> None:
    """Annotation keys and values, env values and container args from a hostile alphabet."""
    rng = random.Random(seed)
    notes = []
    for _ in range(25):
        key = _random_text(rng, 6).replace("=", "") or "k"
        notes.append(f"{key}={_random_text(rng, rng.choice([5, 20, 120]))}")
    env = [f"E{i}={_random_text(rng, 30)}" for i in range(4)]
    args = ["run", "box", "--image=busybox", *(f"--annotations={n}" for n in notes),
            *(f"--env={e}" for e in env), "--", *(_random_text(rng, 10) for _ in range(3))]  # fmt: skip
    real = oracle.dry_run_yaml(args)
    try:
        mine = kx_yaml(args)
    except GenerateError as error:
        assert real.returncode == 1
        assert str(error).startswith("yaml:") and "error: yaml:" in real.stderr
        return
    assert real.returncode == 0, real.stderr
    assert mine == real.stdout
