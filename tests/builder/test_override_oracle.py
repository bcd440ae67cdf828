"""Random ``--overrides`` of all three types against the real kubectl's ``--dry-run=client -o json``.

The patches mix containers matched and not matched by name, lists kubectl merges by key and lists
it replaces, nulls, directives, unknown fields, quantities and values of the wrong type; kx must
print kubectl's text byte for byte, or fail where kubectl fails.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kx.builder.command import parse
from kx.builder.dryrun import dry_run_yaml
from kx.builder.objects import GenerateError
from kx.catalog.loader import load_specs

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")

QUANTITIES = ["1", "0.5", "100m", "1000m", "0.5Gi", "1E3", "12e-3", "1.5Mi", "0.1m", "+5", "2000",
              "8Ei", "1K", "abc", "", 1, 0.25, 1e3]  # fmt: skip
TEXT = ["nginx", "", "a<b>&c", "é\u2028", "x\ty", "line\nnext"]


def _container(rng: random.Random, name: str) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name}
    pieces: list[tuple[str, Any]] = [
        ("image", rng.choice(TEXT)),
        ("env", [{"name": rng.choice("ABC"), "value": rng.choice(TEXT)} for _ in range(rng.randint(0, 2))]),
        ("ports", [{"containerPort": rng.choice([80, 443, "80", 99999999999])}]),
        ("resources", {rng.choice(["limits", "requests"]): {"cpu": rng.choice(QUANTITIES)}}),
        ("args", rng.choice([["a"], [], None, "a"])),
        ("stdin", rng.choice([True, False, None, "yes"])),
        ("securityContext", {"capabilities": {"add": ["NET_ADMIN"]}, "runAsUser": 1000}),
        ("livenessProbe", {"tcpSocket": {"port": rng.choice([80, "http", 1.5])}}),
        ("$patch", rng.choice(["delete", "replace", "merge"])),
        ("bogus", {"x": 1}),
        ("volumeMounts", [{"name": "v", "mountPath": "/v"}]),
    ]
    for key, value in rng.sample(pieces, rng.randint(0, 4)):
        out[key] = value
    return out


def _spec(rng: random.Random) -> dict[str, Any]:
    pieces: list[tuple[str, Any]] = [
        ("containers", [_container(rng, rng.choice(["box", "side"])) for _ in range(rng.randint(0, 3))]),
        ("volumes", [{"name": "v", "emptyDir": {}}, {"name": "w", "configMap": {"name": "cm"}}]),
        ("restartPolicy", rng.choice(["Never", None, 3])),
        ("dnsPolicy", None),
        ("nodeSelector", {"a": "b", "c": None}),
        ("hostNetwork", rng.choice([True, "true"])),
        ("initContainers", [_container(rng, "init")]),
        ("terminationGracePeriodSeconds", rng.choice([0, 30, -1, 2.0])),
        ("tolerations", [{"key": "k", "operator": "Exists"}]),
        ("$setElementOrder/containers", [{"name": "side"}, {"name": "box"}]),
        ("$retainKeys", ["containers", "dnsPolicy"]),
        ("unknownField", [1, 2]),
    ]
    return dict(rng.sample(pieces, rng.randint(1, 4)))


def _patch(rng: random.Random) -> Any:
    patch: dict[str, Any] = {"spec": _spec(rng)}
    if rng.random() < 0.4:
        patch["metadata"] = {"labels": {"run": rng.choice([None, "x"]), "z": "1"},
                             "annotations": {"a": rng.choice(TEXT)}}  # fmt: skip
    if rng.random() < 0.1:
        patch[rng.choice(["apiVersion", "kind", "status"])] = rng.choice(["v1", "Pod", None, {}])
    return patch


def _json_patch(rng: random.Random) -> list[dict[str, Any]]:
    ops = [
        {"op": "add", "path": "/spec/containers/-", "value": _container(rng, "j")},
        {"op": "replace", "path": "/spec/containers/0/image", "value": rng.choice(TEXT)},
        {"op": "remove", "path": rng.choice(["/metadata/labels", "/spec/nope"])},
        {"op": "add", "path": "/metadata/annotations", "value": {"k": "v"}},
        {"op": "copy", "from": "/spec/containers/0", "path": "/spec/initContainers"},
        {"op": "add", "path": "/spec/initContainers", "value": []},
        {"op": "test", "path": "/spec/dnsPolicy", "value": rng.choice(["ClusterFirst", "x"])},
        {"op": "move", "from": "/metadata/labels", "path": "/spec/nodeSelector"},
        {"op": "add", "path": "/spec/containers/0/resources/limits", "value": {"memory": "1.5Gi"}},
    ]
    return rng.sample(ops, rng.randint(1, 3))


@pytest.fixture(scope="module")
def oracle() -> Iterator[KubectlOracle]:
    with kubectl_oracle() as found:
        yield found


@pytest.mark.parametrize("seed", range(40))
def test_random_overrides_match_kubectl(oracle: KubectlOracle, seed: int) -> None:
    rng = random.Random(seed)
    kind = ["merge", "strategic", "json", "strategic"][seed % 4]
    fragment = json.dumps(_json_patch(rng) if kind == "json" else _patch(rng))
    base = rng.choice([[], ["--env=A=1"], ["--port=80"], ["-l", "app=x"], ["--env=B=2", "--port=443", "-i"]])
    args = ["run", "box", "--image=busybox", *base, f"--override-type={kind}", f"--overrides={fragment}"]
    real = oracle.dry_run(args, "json")
    specs = load_specs()
    spec = specs.get("kubectl", ("run",))
    assert spec is not None
    try:
        mine = dry_run_yaml(parse(spec, args[1:], specs.root("kubectl")), "json")
    except GenerateError as error:
        assert real.returncode == 1, f"kx refused ({error}), kubectl printed:\n{real.stdout}"
        return
    if real.returncode == 1 and "attached containers" in real.stderr:
        return  # -i: the dry run refuses to attach; test_run_preview compares what the run sends
    assert real.returncode == 0, f"kubectl refused ({real.stderr}), kx printed:\n{mine}"
    assert mine == real.stdout
