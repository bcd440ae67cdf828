"""Realistic lines (tutorials, READMEs, scripts) and structural edge cases, for the generator."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

_IMAGES = [
    "nginx",
    "nginx:1.27",
    "nginx:alpine",
    "redis:7-alpine",
    "postgres:16",
    "busybox",
    "alpine:3.20",
    "ubuntu:22.04",
    "mysql:8.0",
    "mongo:7",
    "node:20-alpine",
    "python:3.12-slim",
    "traefik:v3.0",
    "grafana/grafana",
    "prom/prometheus",
    "quay.io/prometheus/node-exporter:v1.8.0",
    "ghcr.io/org/app:1.2.3",
    "localhost:5000/myapp",
    "registry.example.com:443/team/app@sha256:" + "c" * 64,
    "docker.io/library/nginx",
    "NGINX",
    "nginx:bad:tag",
    "nginx:",
    "Nginx:latest",
    "my_app",
    "my-app/Web",
    "-nginx",
    "nginx@sha256:abc",
    "a" * 64,
    "sha256:" + "a" * 64,
    "nginx@sha256:" + "d" * 32,
    "x" * 256,
    "UPPER/lower",
    "nginx:latest@sha256:" + "e" * 64,
    "127.0.0.1:5000/x",
    "[::1]:5000/x",
    "host:port/x",
    "a//b",
    "a/",
    "nginx.",
    "nginx:1.0-",
]
_TUTORIAL_DOCKER = [
    "docker run -d -p {hp}:80 --name {name} {img}",
    "docker run --rm -it {img} sh",
    "docker run -d --name {name} -e POSTGRES_PASSWORD={pw} -v {vol}:/var/lib/postgresql/data -p 5432:5432 postgres:16",  # noqa: E501
    "docker run -d --name {name} -p 6379:6379 redis:7-alpine redis-server --appendonly yes",
    'docker run --rm -v "$PWD":/app -w /app node:20-alpine npm install',
    "docker run --rm busybox sh -c 'echo hello; sleep 1'",
    "docker run -d --restart {restart} --name {name} -p {hp}:{cp} {img}",
    "docker run -d --network {net} --name {name} -e {env} {img}",
    "docker run --rm --network host busybox wget -qO- http://localhost:{hp}",
    "docker run -d --memory {mem} --cpus {cpus} --name {name} {img}",
    "docker run -it --rm --entrypoint /bin/sh {img}",
    "docker run -d --log-driver json-file --log-opt max-size={mem} --log-opt max-file=3 {img}",
    "docker run --rm -e {env} -e {env2} busybox env",
    "docker run -d -v /etc/localtime:/etc/localtime:ro -v {vol}:/data --name {name} {img}",
    "docker run -d --health-cmd 'redis-cli ping' --health-interval {dur} --health-retries 3 redis",
    "docker run --rm --user {user} -v /tmp:/tmp busybox id",
    "docker run -dit --name {name} {img}",
    "docker run -d -P --name {name} {img}",
    "docker run --rm --cap-add {cap} busybox ip link",
    "docker run --rm --read-only --tmpfs /tmp {img}",
    "docker run -d --ulimit nofile={n}:{n} {img}",
    "docker run --rm --add-host {host}:10.0.0.2 busybox ping -c1 {host}",
    "docker container run -d -p {hp}:{cp} {img}",
    "docker run --rm --platform {platform} {img} uname -m",
    "docker run -d --pull {pull} {img}",
    "docker run --init --rm {img} sleep 5",
    "docker run --rm --mount type=bind,source=/tmp,target=/data busybox ls /data",
    "docker run -d --label traefik.enable=true --label 'traefik.http.routers.{name}.rule=Host(`{host}`)' {img}",  # noqa: E501
    "docker run --gpus all --rm nvidia/cuda:12.2.0-base-ubuntu22.04 nvidia-smi",
    "sudo docker run -d -p {hp}:80 {img}",
    "docker -H unix:///var/run/docker.sock run --rm {img}",
    "docker --log-level {ll} run --rm {img}",
    "docker -D run --rm {img}",
    "docker run --rm --stop-signal {sig} --stop-timeout 30 {img}",
    "docker run -d --sysctl net.core.somaxconn=1024 --shm-size {mem} {img}",
    "docker run --rm -p {hp}:{cp}/udp {img}",
    "docker run -d --expose {cp} {img}",
    "docker run --name={name} --hostname={name} -d {img}",
]
_TUTORIAL_KUBECTL = [
    "kubectl run {name} --image={img}",
    "kubectl run {name} --image={img} --port={cp}",
    "kubectl run {name} --image={img} --restart=Never --rm -it -- sh",
    "kubectl run {name} --image=busybox --restart={krestart} -- sleep 3600",
    "kubectl run {name} --image={img} --dry-run=client -o yaml",
    "kubectl run {name} --image={img} --labels={labels} --env={env}",
    "kubectl run {name} --image={img} -n {ns} --port {cp} --expose",
    "kubectl run {name} --image={img} --image-pull-policy={ipp}",
    "kubectl -n {ns} run {name} --image={img} --command -- /bin/sh -c 'sleep 10'",
    'kubectl run {name} --image={img} --overrides=\'{{"spec":{{"nodeSelector":{{"disk":"ssd"}}}}}}\'',
    "kubectl run -i --tty {name} --image=busybox --restart=Never -- sh",
    "kubectl run {name} --image={img} --annotations={labels} --dry-run=server -o json",
    "kubectl run {name} --image={img} -o jsonpath='{{.metadata.name}}'",
    "kubectl expose deployment {name} --port={cp} --target-port={tp}",
    "kubectl expose deployment {name} --type={type} --port={cp}",
    "kubectl expose pod {name} --port={cp} --name={name}-svc",
    "kubectl expose rc {name} --port={cp} --target-port={tp} --protocol={proto}",
    "kubectl expose deploy/{name} --port={cp} -n {ns} --dry-run=client -o yaml",
    "kubectl expose service {name} --port={cp} --target-port={tp} --name={name}-2",
    "kubectl expose rs {name} --port={cp} --selector={labels}",
    "kubectl expose deployment {name} --port={cp} --session-affinity={aff}",
    "kubectl expose deployment {name} --port={cp} --type=LoadBalancer --load-balancer-ip=203.0.113.5",
    "kubectl -n {ns} expose deployment {name} --port {cp}",
]
_SLOTS = {
    "hp": ["80", "8080", "3000", "443", "0", "65536", "8080-8081"],
    "cp": ["80", "8080", "443", "6379", "abc", "70000", "0"],
    "tp": ["8080", "http", "80", "9376", "Http", "web_port", "70000"],
    "name": ["web", "app", "nginx", "my-app", "db1", "My_App", "web.1", "x"],
    "img": [*_IMAGES[:20], "NGINX", "nginx:bad:tag"],
    "pw": ["secret", "p@ss w0rd"],
    "vol": ["pgdata", "/srv/data", "data", "./data"],
    "restart": ["always", "unless-stopped", "on-failure:5", "no", "Always", "on-failure:x"],
    "krestart": ["Never", "OnFailure", "Always", "never"],
    "net": ["mynet", "host", "bridge", "none"],
    "env": ["FOO=bar", "DEBUG=1", "A=", "1X=2", "X"],
    "env2": ["B=2", "PATH=/bin"],
    "mem": ["512m", "1g", "10m", "abc"],
    "cpus": ["1", "0.5", "2.5", "abc"],
    "dur": ["30s", "5", "1m"],
    "user": ["1000:1000", "nobody", "root"],
    "cap": ["NET_ADMIN", "SYS_PTRACE", "net_raw", "BOGUS"],
    "n": ["65536", "1024", "abc"],
    "host": ["db", "myhost.local"],
    "platform": ["linux/amd64", "linux/arm64", "bogus"],
    "pull": ["always", "missing", "never", "sometimes"],
    "ll": ["debug", "info", "bogus"],
    "sig": ["SIGTERM", "SIGINT", "BOGUS", "9"],
    "labels": ["app=web", "app=web,tier=fe", "app", "team=a"],
    "ns": ["default", "dev", "kube-system", "Bad_NS"],
    "ipp": ["IfNotPresent", "Always", "never"],
    "type": ["NodePort", "LoadBalancer", "ClusterIP", "Nodeport"],
    "proto": ["TCP", "UDP", "tcp"],
    "aff": ["ClientIP", "None", "clientip"],
}
_STRUCTURE = Path(__file__).with_name("data") / "structure.txt"


def tutorials(rng: random.Random, per_template: int) -> Iterator[str]:
    """Tutorial templates with their slots filled at random."""
    for template in _TUTORIAL_DOCKER + _TUTORIAL_KUBECTL:
        for _ in range(per_template):
            yield template.format(**{k: rng.choice(v) for k, v in _SLOTS.items()})


def images() -> Iterator[str]:
    """Image references for docker run and kubectl run --image."""
    for image in _IMAGES:
        yield f"docker run {_quote(image)}"
        yield f"kubectl run web --image={_quote(image)}"


def structure() -> Iterator[str]:
    """Hand-written structural and cross-flag edge cases (data/structure.txt)."""
    for line in _STRUCTURE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
