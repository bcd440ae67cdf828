"""``kubectl expose -f`` previews against the real kubectl (``--dry-run=client``, fake API server).

Each line is run by kubectl and previewed by kx from the same manifests; the printed text must be
the same byte for byte, the objects the same one by one, and kubectl's closing error the same.
"""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import yaml

from kx.builder.command import parse
from kx.builder.dryrun import preview
from kx.builder.objects import GenerateError
from kx.builder.preview import Preview
from kx.catalog.loader import load_specs

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.builder.expose_manifests import write_manifests  # noqa: E402
from tests.builder.kubectl_oracle import KubectlOracle, kubectl_oracle  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")

LINES = [
    "-f dep.yaml",
    "-f dep.yaml --port 8080",
    "-f dep.yaml --port 80,53",
    "-f dep.yaml --port 53",
    "-f dep.yaml --protocol SCTP",
    "-f dep.yaml --target-port http",
    "-f dep.yaml --target-port 9000",
    "-f dep.yaml --name web2 -l team=a,tier=b",
    "-f dep.yaml --type NodePort",
    "-f dep.yaml --type LoadBalancer --load-balancer-ip 1.2.3.4",
    "-f dep.yaml --load-balancer-ip 1.2.3.4",
    "-f dep.yaml --external-ip 10.0.0.1",
    "-f dep.yaml --session-affinity ClientIP",
    "-f dep.yaml --session-affinity None",
    "-f dep.yaml --cluster-ip None",
    "-f dep.yaml --cluster-ip 10.96.0.10 --type ClusterIP",
    "-f dep.yaml --selector a=b,c=d",
    "-f dep.yaml -n prod",
    "-f dep.yaml -o json",
    "-f dep.yaml -o json --name 'a<b>&c'",
    "-f dep.yaml -o name",
    "-f dep1.yaml",
    "-f dep_noports.yaml",
    "-f dep_noports.yaml --port 80",
    "-f dep_noports.yaml --cluster-ip None",
    "-f dep_expr.yaml",
    "-f dep_expr.yaml --selector app=x --port 80",
    "-f dep_expr_only.yaml",
    "-f dep_nosel.yaml",
    "-f rs.yaml",
    "-f rs.yaml --target-port 8443",
    "-f rs_expr.yaml",
    "-f rc.yaml",
    "-f rc.yaml --protocol UDP --port 9000,9001",
    "-f rc_nosel.yaml",
    "-f pod.yaml",
    "-f pod.yaml --protocol TCP",
    "-f pod.yaml --port 53",
    "-f pod.yaml --port 53 --name one-port -o json",
    "-f pod_nolabels.yaml",
    "-f pod_nolabels.yaml --selector run=plain",
    "-f pod_dup.yaml",
    "-f svc.yaml",
    "-f svc.yaml --port 8443 --target-port https",
    "-f svc_nosel.yaml",
    "-f svc_emptysel.yaml",
    "-f svc_noports.yaml",
    "-f svc_noports.yaml --cluster-ip None",
    "-f ns.yaml",
    "-f ns.yaml -n team",
    "-f ns.yaml -n other",
    "-f long.yaml",
    "-f long.yaml --name short",
    "-f lower.yaml",
    "-f emptylabel.yaml",
    "-f list.json",
    "-f multi.yaml",
    "-f dep.yaml -f pod.yaml",
    "-f dep1.yaml,rc.yaml -o json",
    "-f dir",
    "-f dir -R",
    "-f dir --recursive --port 99 --type NodePort",
    "-f sts.yaml",
    "-f old.yaml",
    "-f with_cm.yaml",
    "-f badlabel.yaml",
    "-f ylabel.yaml --port 80",
    "-f yamlisms.yaml",
    "-f yamlisms.yaml --port 017 -o json",
    "-f dep.json",
    "-f missing.yaml",
    "-f empty.yaml",
    "-f text.yaml",
    "-f noapi.yaml",
    "-f nokind.yaml",
    "-f emptydir",
    "-f emptydir -f dep.yaml",
    "-f dep.yaml deployment web",
    "-f dep.yaml --port abc",
    "-f dep.yaml --session-affinity sticky",
    "-f dep.yaml --labels bad",
    "-f dep.yaml --selector =x",
    # --overrides (merge, json, strategic) and --record, as kubectl applies them after building
    "-f dep.yaml --record",
    "-f dep.yaml --record -o json",
    "-f dep.yaml -f pod.yaml --record=true --port 8080",
    "-f multi.yaml --record --name 'a<b>&c'",
    "-f pod_nolabels.yaml --record",
    """-f dep.yaml --overrides '{"metadata":{"labels":{"x":"y"}},"spec":{"type":"NodePort"}}'""",
    """-f dep.yaml --overrides '{"spec":{"ports":[{"port":81,"name":"h"}]}}' -o json""",
    """-f dep.yaml --overrides '{"spec":{"selector":null,"clusterIP":"None"}}' --override-type merge""",
    """-f dep.yaml --overrides '{"metadata":{"namespace":"other"},"spec":{"unknown":1}}' -n prod""",
    """-f multi.yaml --overrides '{"spec":{"sessionAffinity":"ClientIP"}}' --record""",
    """-f dep.yaml --overrides '[{"op":"add","path":"/spec/type","value":"NodePort"}]' \
       --override-type json""",
    """-f dep.yaml --override-type=json --overrides '[{"op":"remove","path":"/spec/ports/1"}]' --record""",
    """-f dep.yaml --override-type json --overrides '[{"op":"test","path":"/spec/type","value":"x"}]'""",
    """-f dep.yaml --override-type json --overrides '{"op":"add"}'""",
    """-f dep.yaml --override-type json --overrides '[1]'""",
    """-f dep.yaml --override-type json --overrides '[null]'""",
    """-f dep.yaml --override-type json --overrides null""",
    """-f dep.yaml --override-type json --overrides '[{"op":"remove","path":"/apiVersion"}]'""",
    """-f dep.yaml --override-type strategic --overrides '{"spec":{"ports":[{"port":80,"name":"h"}]}}' \
       --record -n default""",
    """-f dep.yaml --override-type strategic --overrides '{"metadata":{"labels":{"team":null}}}'""",
    """-f dep.yaml --overrides '{"spec":{"type":3}}'""",
    """-f dep.yaml --overrides '{"apiVersion":null}'""",
    """-f dep.yaml --override-type strategic --overrides '{"apiVersion":null}'""",
    """-f dep.yaml --overrides '{'""",
    """deployment web --selector app=web --port 80 -l a=b --protocol TCP --record""",
    """deployment web --selector app=web --port 80,81 -l a=b --protocol UDP \
       --overrides '{"spec":{"externalTrafficPolicy":"Local","type":"NodePort"}}'""",
]


@pytest.fixture(scope="module")
def oracle() -> Iterator[KubectlOracle]:
    with kubectl_oracle() as found:
        yield found


@pytest.fixture(scope="module")
def manifests(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("manifests")
    write_manifests(root)
    return root


def kx_preview(args: list[str]) -> Preview:
    """What kx previews for ``kubectl ARGS`` (args[0] is the subcommand)."""
    specs = load_specs()
    spec = specs.get("kubectl", (args[0],))
    assert spec is not None
    return preview(parse(spec, args[1:], specs.root("kubectl")))


def _absolute(line: str, root: Path) -> list[str]:
    words = shlex.split(line)
    out: list[str] = []
    for index, word in enumerate(words):
        if index and words[index - 1] == "-f":
            word = ",".join(str(root / part) for part in word.split(","))
        out.append(word)
    return ["expose", *out]


def _objects(text: str) -> list[object]:
    """The objects of a YAML stream, or of JSON documents printed one after another."""
    if not text.startswith("{"):
        return list(yaml.safe_load_all(text))
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(text):
        obj, at = decoder.raw_decode(text, at)
        found.append(obj)
        at += len(text[at:]) - len(text[at:].lstrip())
    return found


def _stderr(real: CompletedProcess[str]) -> str:
    """kubectl's stderr without the deprecation warning of --record (kx check reports it: KX501)."""
    lines = real.stderr.strip().split("\n")
    return "\n".join(line for line in lines if not line.startswith("Flag --record has been deprecated"))


def _kubectl_error(messages: str) -> str:
    """The stderr kubectl ends with: ``error: MSG`` for one error, the messages alone for several."""
    lines = messages.split("\n")
    several = len(lines) > 1 and not lines[1].startswith("ensure CRDs")
    return messages if several else f"error: {messages}"


@pytest.mark.parametrize("line", LINES)
def test_expose_file_matches_kubectl(oracle: KubectlOracle, manifests: Path, line: str) -> None:
    args = _absolute(line, manifests)
    real = oracle.dry_run_yaml(args)
    try:  # the line kubectl ran, dry-run flags included (--record stores them too)
        mine = kx_preview(list(real.args[1:]))
    except GenerateError as error:
        assert real.returncode == 1 and real.stdout == ""
        assert _stderr(real) == f"error: {error}"
        return
    assert mine.text == real.stdout
    assert _objects(mine.text) == _objects(real.stdout)
    assert mine.notes == []
    assert real.returncode == (1 if mine.error else 0), real.stderr
    if mine.error:
        assert _stderr(real) == _kubectl_error(mine.error)


def test_the_cases_cover_every_outcome(oracle: KubectlOracle, manifests: Path) -> None:
    """Enough lines succeed, fail, and end in an error after some output."""
    outcomes = [kubectl_outcome(oracle, manifests, line) for line in LINES]
    assert outcomes.count("ok") >= 40 and outcomes.count("error") >= 15 and "partial" in outcomes


def kubectl_outcome(oracle: KubectlOracle, manifests: Path, line: str) -> str:
    """ok, error, or partial (objects printed, then an error) for kubectl on one line."""
    real = oracle.dry_run_yaml(_absolute(line, manifests))
    if real.returncode == 0:
        return "ok"
    return "partial" if real.stdout else "error"
