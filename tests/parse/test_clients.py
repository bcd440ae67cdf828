"""Parser outcomes compared with the real docker and kubectl clients (no daemon, no cluster).

Each line is run through kx (resolve + parse) and through the client. The client's first message
says which parse-stage error it hit, if any; kx must find the same kind of error first, and no
parse error where the client parsed the line fine (it then fails later, e.g. connecting).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.catalog.loader import load_specs
from kx.parse.resolve import resolve_and_parse
from kx.parse.words import split_words

# First-line fragments of the clients' parse-stage errors, and the kx codes that stand for them.
CLIENT_ERRORS = [
    ("flags cannot be placed before plugin name", {"KX105"}),
    ("unknown shorthand flag", {"KX101", "KX104", "KX106"}),
    ("unknown flag", {"KX101", "KX104", "KX106"}),
    ("flag needs an argument", {"KX102"}),
    ("bad flag syntax", {"KX103"}),
]
PARSE_CODES = {"KX101", "KX102", "KX103", "KX104", "KX105", "KX106", "KX302", "KX303"}

DOCKER_LINES = [
    # (line, a fragment the client prints that proves how it parsed the line)
    ("docker run -pd 80:80", "invalid containerPort: d"),
    ("docker run -dp80:80 nginx", "Cannot connect"),
    ("docker run --rm false nginx", "Cannot connect"),
    ("docker run -p nginx", "requires at least 1 argument"),
    ("docker run nginx --rm --bogus -p", "Cannot connect"),
    ("docker run -itZx nginx", "'Z' in -Zx"),
    ("docker run -d= nginx", "'=' in -="),
    ("docker run -it=false nginx", "Cannot connect"),
    ("docker -Dl debug run nginx", "Cannot connect"),
    ("docker run -- --rm nginx", "invalid reference format"),
    ("docker run -- nginx", "Cannot connect"),
    ("docker run -test.v nginx", "Cannot connect"),
    ("docker run --debug nginx", "unknown flag: --debug"),
    ("docker run -D nginx", "'D' in -D"),
    ("docker --bogus run nginx", "unknown flag: --bogus"),
    ("docker run ---x nginx", "bad flag syntax"),
    ("docker run --name", "flag needs an argument"),
    ("docker run -e", "'e' in -e"),
    ("docker run -m -1 nginx", "invalid size"),
    ("docker container run --rm nginx", "Cannot connect"),
    ("docker run --net_work=host nginx", "unknown flag"),
    ("docker -H unix:///nonexistent.sock run nginx", "Cannot connect"),
    ("docker run --rm=true -t nginx sh", "Cannot connect"),
    ("docker -- --log-level=x run --log-level", "unknown flag: --log-level"),
]

# Lines whose command word is no built-in command: the client looks for a plugin of that name and,
# none being installed here, fails (docker then parses the plugin's words with its root flags).
# With a plugin it would run, so kx claims no error: a likely typo warns (KX302), any other name
# is noted as not checked (KX303). (line, proof, kx's parse codes)
PLUGIN_LINES = [
    ("docker --tls false run nginx", "docker false", ["KX303"]),
    ("docker rn nginx", "unknown command", ["KX302"]),
    ("docker nginx run deploy ---x", "bad flag syntax", ["KX303"]),
    ("docker nginx --quiet false run", "unknown flag: --quiet", ["KX303"]),
    ("docker rn x y -- --bogus", "unknown command", ["KX302"]),
    ("docker rn -D --bogus", "unknown flag: --bogus", ["KX302"]),
    ("docker compose version", "unknown command: docker compose", ["KX303"]),
    ("docker buildx version", "unknown command: docker buildx", ["KX303"]),
    ("docker rnu", "unknown command: docker rnu", ["KX302"]),
    ("docker -H run nginx", "unknown command: docker nginx", ["KX302"]),
    ("docker compose up -d", "'d' in -d", ["KX303"]),
    ("docker buildx build --platform linux/amd64 -t app .", "unknown flag: --platform", ["KX303"]),
    ("docker --hostt x compose up", "unknown flag: --hostt", ["KX101", "KX303"]),
    ("kubectl rn x", 'unknown command "rn"', ["KX302"]),
    ("kubectl exopse deploy x --port=80", 'unknown command "exopse"', ["KX302"]),
    ("kubectl krew install ctx --bogus", 'unknown command "krew"', ["KX303"]),
    ("kubectl ctx -n foo", 'unknown command "ctx"', ["KX303"]),
    ("kubectl -n foo krew list", "before plugin name: -n", ["KX105"]),
]

KUBECTL_LINES = [
    ("kubectl --bogus run x --image=nginx", "before plugin name: --bogus"),
    ("kubectl -n foo --bogus run x --image=nginx", "before plugin name: -n"),
    ("kubectl --rm run x --image=nginx", "before plugin name: --rm"),
    ("kubectl --bogus=1 run x --image=nginx", "unknown flag: --bogus"),
    ("kubectl -n foo run x --image=nginx", "connection to the server"),
    ("kubectl --image=nginx run x", "connection to the server"),
    ("kubectl run x --image nginx --port", "flag needs an argument"),
    ("kubectl run x --image=nginx -n", "'n' in -n"),
    ("kubectl expose ---x", "bad flag syntax"),
    ("kubectl run x --image=nginx --dry_run=client --image_pull_policy=Never", "connection to the server"),
    ("kubectl run x --image=nginx --logtostderr", "unknown flag: --logtostderr"),
    ("kubectl expose deploy x --port=80 --container-port=80", "unknown flag: --container-port"),
    ("kubectl run x --image=nginx -- -it --rm", "connection to the server"),
    ("kubectl run -- x --image=nginx", "required flag"),
    ("kubectl -v 3 run x --image=nginx", "connection to the server"),
    ("kubectl run x --image=nginx -Z", "'Z' in -Z"),
    ("kubectl run -test.Zv x --image=nginx", "connection to the server"),
    ("kubectl -h run x", "before plugin name: -h"),
    ("kubectl --bogus --help rn", "before plugin name: --bogus"),
]


def first_client_code(message: str) -> str | None:
    for fragment, kx_codes in CLIENT_ERRORS:
        if fragment in message:
            return min(kx_codes)
    return None


def kx_parse_codes(line: str) -> list[str]:
    """kx's parse-stage problem codes for the line, in source order."""
    got = resolve_and_parse(split_words(line).words, load_specs())
    assert got is not None
    found, parsed = got
    problems = list(found.problems) + (list(parsed.problems) if parsed is not None else [])
    return [p.code for p in sorted(problems, key=lambda p: p.start) if p.code in PARSE_CODES]


def kx_first_code(line: str) -> str | None:
    codes = kx_parse_codes(line)
    return codes[0] if codes else None


def run_client(line: str, home: Path) -> str:
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "KUBECACHEDIR": str(home / "cache")}
    result = subprocess.run(
        shlex.split(line), capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL
    )
    return result.stdout + result.stderr


def check(line: str, proof: str, home: Path) -> None:
    output = run_client(line, home)
    assert proof in output, f"the client no longer behaves as recorded: {output[:300]}"
    first = next((ln for ln in output.splitlines() if ln.strip()), "")
    expected = first_client_code(first)
    got = kx_parse_codes(line)
    if expected is None:
        assert got == [], f"client parsed it ({first!r}); kx: {got}"
    else:
        equivalent = next(codes for _f, codes in CLIENT_ERRORS if expected in codes)
        assert equivalent & set(got), f"client: {first!r}; kx parse problems: {got}"


@pytest.mark.skipif(shutil.which("docker") is None, reason="docker not installed")
@pytest.mark.parametrize(("line", "proof"), DOCKER_LINES)
def test_docker_parses_alike(line: str, proof: str, tmp_path: Path) -> None:
    check(line, proof, tmp_path)


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
@pytest.mark.parametrize(("line", "proof"), KUBECTL_LINES)
def test_kubectl_parses_alike(line: str, proof: str, tmp_path: Path) -> None:
    check(line, proof, tmp_path)


@pytest.mark.parametrize(("line", "proof", "expected"), PLUGIN_LINES)
def test_plugin_commands_are_not_judged(line: str, proof: str, expected: list[str], tmp_path: Path) -> None:
    tool = line.split()[0]
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    output = run_client(line, tmp_path)
    assert proof in output, f"the client no longer behaves as recorded: {output[:300]}"
    assert kx_parse_codes(line) == expected


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kubectl_plugin_gets_its_words_but_no_flag_before_its_name(tmp_path: Path) -> None:
    """With a kubectl-krew on PATH, kubectl runs it with any words, yet a flag before the name fails."""
    plugin = tmp_path / "bin" / "kubectl-krew"
    plugin.parent.mkdir()
    plugin.write_text('#!/bin/sh\necho "krew ran: $*"\n')
    plugin.chmod(0o755)
    env = {"HOME": str(tmp_path), "PATH": f"{plugin.parent}:{os.environ['PATH']}"}
    for line, ran in (("kubectl krew install ctx --bogus -n x", True), ("kubectl -n x krew list", False)):
        done = subprocess.run(shlex.split(line), capture_output=True, text=True, env=env, timeout=60)
        assert (done.returncode == 0) is ran, done.stderr
        assert ("krew ran" in done.stdout) is ran
        assert kx_parse_codes(line) == (["KX303"] if ran else ["KX105"])
