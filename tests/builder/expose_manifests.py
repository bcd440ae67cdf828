"""Manifests for the ``kubectl expose -f`` differential tests, written into a scratch directory."""

from __future__ import annotations

from pathlib import Path


def _deployment(name: str, selector: str, ports: str = "", extra: str = "", kind: str = "Deployment") -> str:
    return f"""apiVersion: apps/v1
kind: {kind}
metadata:
  name: {name}
{extra}spec:
  selector:
{selector}
  template:
    metadata:
      labels: {{app: {name}, tier: a}}
    spec:
      containers:
      - name: main
        image: nginx
{ports}"""


_TWO_PORTS = """        ports:
        - containerPort: 80
          name: http
        - containerPort: 53
          protocol: UDP
          name: dns
"""
_ONE_PORT = "        ports: [{containerPort: 8080}]\n"
_MATCH = "    matchLabels: {app: web}\n"
_EXPR = (
    "    matchExpressions:\n    - {key: tier, operator: In, values: [a, b]}\n"
    "    - {key: x, operator: Exists}\n"
)

MANIFESTS: dict[str, str] = {
    "dep.yaml": _deployment("web", _MATCH, _TWO_PORTS, "  labels: {app: web, team: core}\n"),
    "dep1.yaml": _deployment("one", "    matchLabels: {app: one, tier: a}\n", _ONE_PORT),
    "dep_noports.yaml": _deployment("bare", "    matchLabels: {app: bare}\n"),
    "dep_expr.yaml": _deployment("ex", "    matchLabels: {app: ex}\n" + _EXPR, _ONE_PORT),
    "dep_expr_only.yaml": _deployment("exo", _EXPR, _ONE_PORT),
    "dep_nosel.yaml": _deployment("nosel", "    {}\n", _ONE_PORT),
    "rs.yaml": _deployment(
        "rs",
        "    matchLabels: {app: rs}\n",
        "        ports: [{containerPort: 80}, {containerPort: 443}]\n",
        "  labels: {app: rs}\n",
        "ReplicaSet",
    ),
    "rs_expr.yaml": _deployment("rsx", "    matchLabels: {app: rsx}\n" + _EXPR, _ONE_PORT, "", "ReplicaSet"),
    "ns.yaml": _deployment("nsd", "    matchLabels: {app: nsd}\n", _ONE_PORT, "  namespace: team\n"),
    "long.yaml": _deployment("l" * 70, "    matchLabels: {app: long}\n", _ONE_PORT),
    "lower.yaml": _deployment(
        "low", "    matchLabels: {app: low}\n", "        ports: [{containerPort: 5000, protocol: udp}]\n"
    ),
    "emptylabel.yaml": _deployment(
        "el", "    matchLabels: {app: el, flag: ''}\n", _ONE_PORT, "  labels: {empty: ''}\n"
    ),
    "rc.yaml": """apiVersion: v1
kind: ReplicationController
metadata: {name: rc, labels: {app: rc, env: prod}}
spec:
  selector: {app: rc}
  template:
    metadata: {labels: {app: rc}}
    spec:
      containers:
      - {name: c, image: x, ports: [{containerPort: 9000, protocol: SCTP}]}
""",
    "rc_nosel.yaml": """apiVersion: v1
kind: ReplicationController
metadata: {name: rcn}
spec:
  template:
    metadata: {labels: {app: rcn}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 1}]}]}
""",
    "pod.yaml": """apiVersion: v1
kind: Pod
metadata: {name: dns, labels: {run: dns, role: resolver}}
spec:
  containers:
  - name: a
    image: x
    ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}, {containerPort: 8080, name: http}]
  - name: b
    image: busybox
    ports: [{containerPort: 9090, protocol: TCP}]
""",
    "pod_nolabels.yaml": """apiVersion: v1
kind: Pod
metadata: {name: plain}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
""",
    "pod_dup.yaml": """apiVersion: v1
kind: Pod
metadata: {name: dup, labels: {run: dup}}
spec:
  containers:
  - {name: a, image: x, ports: [{containerPort: 80}]}
  - {name: b, image: busybox, ports: [{containerPort: 80}, {containerPort: 81}]}
""",
    "svc.yaml": """apiVersion: v1
kind: Service
metadata: {name: front, labels: {app: front}}
spec:
  selector: {app: front, tier: web}
  ports: [{port: 80, targetPort: 8080}, {port: 443, protocol: TCP, name: https}]
""",
    "svc_nosel.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: nos}\nspec: {ports: [{port: 1}]}\n",
    "svc_emptysel.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: es}\n"
    "spec: {selector: {}, ports: [{port: 1}]}\n",
    "svc_noports.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: np}\nspec: {selector: {a: b}}\n",
    "list.json": """{"apiVersion": "v1", "kind": "List", "items": [
 {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "lp", "labels": {"run": "lp"}},
  "spec": {"containers": [{"name": "c", "image": "x", "ports": [{"containerPort": 7000}]}]}},
 {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "ls"},
  "spec": {"selector": {"app": "ls"}, "ports": [{"port": 1}, {"port": 2, "protocol": "UDP"}]}}]}
""",
    "multi.yaml": """apiVersion: v1
kind: Service
metadata: {name: first}
spec:
  selector: {app: first}
  ports: [{port: 53, protocol: UDP}, {port: 54}]
---
apiVersion: v1
kind: Pod
metadata: {name: second, labels: {run: second}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 53}]}]}
""",
    "with_cm.yaml": """apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: v1
kind: Pod
metadata: {name: after, labels: {run: after}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: st}
""",
    "ylabel.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: yl, labels: {run: yl, ok: y}}\n",
    "yamlisms.yaml": """apiVersion: v1
kind: Pod
metadata:
  name: ym
  labels: {run: ym, run: again, "on": "x", since: 2024-01-31, ver: "1.0"}
spec:
  containers:
  - name: c
    image: busybox
    ports:
    - {containerPort: 0x50}
    - {containerPort: 0o17}
    - {containerPort: 017}
    - {containerPort: 1e2}
    - {containerPort: 8_0}
    - {containerPort: 080}
""",
    "empty.yaml": "---\n",
    "text.yaml": "just text\n",
    "noapi.yaml": "kind: Pod\nmetadata: {name: x}\n",
    "nokind.yaml": 'apiVersion: v1\nmetadata: {name: "a<b", labels: {z: "1", a: "2"}}\n',
    "emptydir/readme.txt": "nothing here\n",
    "sts.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: st}\n",
    "old.yaml": "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old}\n",
    "badlabel.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: bl, labels: {version: 1.5}}\n",
    "dep.json": '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "js"}, '
    '"spec": {"selector": {"matchLabels": {"app": "js"}}, "template": {"spec": '
    '{"containers": [{"name": "c", "image": "x", "ports": [{"containerPort": 3000}]}]}}}}\n',
    "dir/a.yaml": _deployment("da", "    matchLabels: {app: da}\n", _ONE_PORT),
    "dir/notes.txt": "not a manifest\n",
    "dir/m/b.yml": "apiVersion: v1\nkind: Pod\nmetadata: {name: db, labels: {run: db}}\n"
    "spec: {containers: [{name: c, image: x, ports: [{containerPort: 5}]}]}\n",
    "dir/z.json": '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "dz"}, '
    '"spec": {"selector": {"app": "dz"}, "ports": [{"port": 6}]}}\n',
}


def write_manifests(root: Path) -> None:
    """Write every manifest under ``root``."""
    for name, text in MANIFESTS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
