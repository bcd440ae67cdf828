"""Partial command lines and the exact candidates every shell must offer (fixture app, shipped specs).

Candidates are written as whole words; for ``--flag=value`` lines bash and zsh complete only the
value part, fish the whole word.
"""

from __future__ import annotations

RESOURCES = ["deployment", "pod", "replicaset", "replicationcontroller", "service"]
SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
RESTART = ["always", "no", "on-failure", "unless-stopped"]
OUTPUTS = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json",
           "jsonpath-file", "name", "template", "templatefile", "yaml"]
KX = ["build", "check", "completion", "docker-run", "exec", "expose", "lint"]

CASES: list[tuple[str, list[str]]] = [
    ("kx ", KX),
    ("kx c", ["check", "completion"]),
    ("kx check -", ["--format", "--help"]),
    ("kx check --format ", ["json", "text"]),
    ("kx check --format=j", ["--format=json"]),
    ("kx check -- ", ["docker", "kubectl"]),
    ("kx check -- kubectl ", ["expose", "run"]),
    ("kx check kubectl ex", ["expose"]),
    ("kx exec -- kubectl expose --ty", ["--type"]),
    ("kx check -- kubectl expose --type ", SERVICE_TYPES),
    ("kx check -- kubectl expose --type=N", ["--type=NodePort"]),
    ("kx check -- kubectl expose ", RESOURCES),
    ("kx check -- kubectl expose rep", ["replicaset", "replicationcontroller"]),
    ("kx check -- kubectl expose deployment ", []),
    ("kx check -- kubectl expose deployment web --port ", []),
    ("kx check -- kubectl expose deploy web --port=80 --protocol ", ["SCTP", "TCP", "UDP"]),
    ("kx check -- kubectl expose deploy web --session-affinity=", ["--session-affinity=ClientIP",
                                                                   "--session-affinity=None"]),
    ("kx check -- kubectl expose deploy web -o ", OUTPUTS),
    ("kx check -- kubectl -n default ex", ["expose"]),
    ("kx check -- kubectl run web --image-pull-policy ", ["Always", "IfNotPresent", "Never"]),
    ("kx check -- kubectl run web --restart=O", ["--restart=OnFailure"]),
    ("kx check -- kubectl run web --dry-run=", ["--dry-run=client", "--dry-run=none",
                                                "--dry-run=server"]),
    ("kx check -- docker run --restart ", RESTART),
    ("kx check -- docker run --pull=", ["--pull=always", "--pull=missing", "--pull=never"]),
    ("kx check -- docker container run --pul", ["--pull"]),
    ("kx check -- docker run -it --rm -p 80:80 --attach=std", ["--attach=stderr", "--attach=stdin",
                                                               "--attach=stdout"]),
    ("kx check -- docker run -it --rm -p 80:80 nginx -", []),
    ("kx check -- docker run -d --network ", ["bridge", "host", "none"]),
    ("kx check -- docker run --rm=", ["--rm=false", "--rm=true"]),
    ("kx check -- docker --log-level ", ["debug", "error", "fatal", "info", "panic", "trace",
                                         "warn", "warning"]),
    ("kx check -- docker -H unix:///x ru", ["run"]),
    ("kx expose ", RESOURCES),
    ("kx expose --ty", ["--type"]),
    ("kx expose --inte", ["--interactive"]),
    ("kx expose deployment web --type L", ["LoadBalancer"]),
    ("kx docker-run --restart ", RESTART),
    ("kx docker-run --restart=u", ["--restart=unless-stopped"]),
    ("kx build ", ["docker", "kubectl"]),
    ("kx build kubectl ", ["expose", "run"]),
    ("kx build kubectl expose --for", ["--format"]),
    ("kx build kubectl expose --format ", ["json", "text"]),
    ("kx completion ", ["install", "show"]),
    ("kx completion show ", ["bash", "fish", "powershell", "zsh"]),
]


def value_part(word: str) -> str:
    """What bash and zsh insert for a ``--flag=value`` candidate."""
    return word.split("=", 1)[1] if word.startswith("--") and "=" in word else word
