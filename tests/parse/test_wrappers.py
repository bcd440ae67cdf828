"""The one wrapper table, against the real wrappers: what they run is what kx thinks they run.

Each line runs under bash with a recording stand-in for docker (at an absolute path, so that
``sudo``'s secure_path cannot hide it); the words it receives must be the words kx gives the
command. Wrappers that are not installed, or that this machine does not let run (a container
may refuse real-time scheduling), skip with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kx.engine.lint import lint_text
from kx.engine.pipeline import check_command, command_words_in
from kx.extract.commands import resolve
from kx.extract.filetypes import SHELL
from kx.parse.words import split_words
from kx.parse.wrappers import WRAPPERS, command_words

RECORDER = '#!/bin/sh\nprintf "%s\\n" "$#" "$@" >> "$(dirname "$0")/args"\n'

RUNS = [
    "sudo -E -u root -- {d} run --rm nginx",
    "sudo --user root -g root {d} run --rm nginx",
    "env -i -u HOME A=1 B=2 {d} run --rm nginx",
    "env - A=1 {d} run nginx",
    "time -p {d} run nginx",
    "/usr/bin/time -f %e -o /dev/null {d} run nginx",
    "command {d} run nginx",
    "command -p {d} run nginx",
    "builtin command {d} run nginx",
    "exec -a name {d} run nginx",
    "nice -n 10 nohup {d} run nginx",
    "nohup {d} run -d nginx",
    "nice -5 {d} run nginx",
    "timeout -s KILL 5m {d} run nginx",
    "timeout --kill-after=1 5 {d} run nginx",
    "stdbuf -oL -e 0 {d} run --cpus 1 nginx",
    "stdbuf --output=L {d} run nginx",
    "ionice -c2 -n 7 {d} run nginx",
    "ionice -c 3 -t {d} run nginx",
    "chrt -o 0 {d} run nginx",
    "taskset -c 0 {d} run nginx",
    "taskset 1 {d} run nginx",
    "setsid -w {d} run nginx",
    "flock -w 5 {lock} {d} run nginx",
    "flock -x {lock} {d} run nginx",
    "unbuffer {d} run nginx",
    "xargs -r {d} rm -f",
    "xargs -n 1 -P 2 {d} rm",
    "xargs -I{{}} {d} run --name {{}} nginx",
    "xargs -I X {d} run --name X nginx",
    "doas -u root {d} run nginx",
]
NOT_RUN = [
    "command -v {d} run nginx",
    "command -V {d}",
    "sudo -l {d} run --bogus nginx",
    "sudo -V {d} run nginx",
    "ionice -p 1 {d} run nginx",
    "chrt -m {d} run nginx",
    "chrt -p 1 {d}",
    "taskset -p 1 {d} run nginx",
    "timeout --help {d} run nginx",
    "env --version {d} run nginx",
    "builtin {d} run nginx",
    "doas -L {d} run nginx",
]


def run_line(line: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    """Run ``line`` under bash; return the result and the argument lists the recorder got."""
    result = subprocess.run(["bash", "-c", line], capture_output=True, text=True, input="in1\n",
                            timeout=30, cwd=tmp_path)  # fmt: skip
    record = tmp_path / "args"
    lines = record.read_text().split("\n")[:-1] if record.exists() else []
    calls = []
    while lines:
        count = int(lines.pop(0))
        calls.append(lines[:count])
        del lines[:count]
    return result, calls


@pytest.fixture
def docker_path(tmp_path: Path) -> Path:
    path = tmp_path / "docker"
    path.write_text(RECORDER)
    path.chmod(0o755)
    return path


def _need(line: str) -> None:
    name = line.split()[0]
    if name not in ("command", "builtin", "exec", "time") and shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")


@pytest.mark.parametrize("template", RUNS)
def test_kx_gives_the_command_the_words_the_wrapper_passes(template: str, docker_path: Path) -> None:
    line = template.format(d=docker_path, lock=docker_path.parent / "lock")
    _need(line)
    result, calls = run_line(line, docker_path.parent)
    if not calls:
        said = result.stderr.replace(str(docker_path), "the stand-in").strip()[:200]
        pytest.skip(f"the wrapper did not run here: {said}")
    words = command_words(split_words(line).words)
    assert words is not None
    assert words[0].value == str(docker_path)
    known = [w for w in words[1:] if not (w.dynamic and w.end == w.start)]
    received = calls[0]
    tail = len(words) - 1 - len(known)
    assert len(received) == len(known) + (1 if tail else 0)
    for word, arg in zip(known, received, strict=False):
        assert word.value == arg or (
            word.dynamic and arg == word.value.replace(word.value[word.dyn_at :], "in1")
        )


SCRIPTS = [
    "sh -c '{d} run --rm nginx'",
    "bash -ec '{d} run -d nginx && true'",
    "bash -o pipefail -c '{d} run nginx | cat'",
    "dash -c '{d} run --cpus 1 nginx' argv0 more",
    "flock {lock} -c '{d} run nginx'",
    "flock -w 3 {lock} --command '{d} run --rm nginx'",
]


@pytest.mark.parametrize("template", SCRIPTS)
def test_a_string_a_wrapper_runs_gives_the_command_its_words(template: str, docker_path: Path) -> None:
    line = template.format(d=docker_path, lock=docker_path.parent / "lock")
    _need(line)
    _result, calls = run_line(line, docker_path.parent)
    (words,) = [run for run in map(resolve, command_words_in(line)) if run]
    assert calls == [[w.value for w in words[1:]]]
    assert words[0].value == "docker"  # the path normalized to the tool


@pytest.mark.parametrize("template", NOT_RUN)
def test_options_that_run_nothing(template: str, docker_path: Path) -> None:
    line = template.format(d=docker_path)
    _need(line)
    _result, calls = run_line(line, docker_path.parent)
    assert calls == []
    assert command_words(split_words(line).words) is None


def test_every_wrapper_in_the_table_is_exercised() -> None:
    used = {t.split()[0].rsplit("/", 1)[-1] for t in RUNS + NOT_RUN + SCRIPTS}
    # watch needs a terminal; caffeinate is macOS; the other shells read -c as sh does; the
    # Kubernetes distributions are not Debian packages (test_distributions_run_their_kubectl)
    assert set(WRAPPERS) - used <= {"watch", "caffeinate", "zsh", "ksh", "ash", "mksh", "k3s", "microk8s"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # k3s and microk8s docs: the bundled kubectl is kubectl (github.com/k3s-io/docs, canonical/microk8s)
        ("sudo k3s kubectl run x --image=nginx --replicas=2", "KX106"),
        ("microk8s kubectl expose deploy web --port 80 --selecter=a", "KX101"),
        ("k3s kubectl get pods | grep x && microk8s kubectl run y --image=nginx --limits=cpu=1", "KX106"),
        ("k3s server --cluster-init --bogus", None),  # the distribution's own commands: not judged
        ("microk8s status --wait-ready", None),
        ("k3s crictl ps --bogus", None),
    ],
)
def test_distributions_run_their_kubectl(line: str, expected: str | None) -> None:
    codes = [d.code for d in check_command(line) if d.severity == "error"]
    assert codes == ([expected] if expected else [])
    lint_codes = [raw[0] for raws in lint_text(line + "\n", SHELL) for raw in raws if raw[0] == expected]
    assert lint_codes == codes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("watch -n 1 kubectl get pods", ["kubectl", "get", "pods"]),
        ("watch -d -n1 docker ps -a", ["docker", "ps", "-a"]),
        ("watch -x docker ps", ["docker", "ps"]),
        ("caffeinate -i -t 60 docker run nginx", ["docker", "run", "nginx"]),
        ("xargs docker rm", ["docker", "rm", ""]),
        ("sudo xargs -0 docker rm", ["docker", "rm", ""]),
    ],
)
def test_words_after_wrappers_that_cannot_run_here(line: str, expected: list[str]) -> None:
    words = command_words(split_words(line).words)
    assert words is not None
    assert [w.value for w in words] == expected


@pytest.mark.parametrize(
    "line",
    [
        "watch 'docker run --cpus abc nginx'",
        "sudo sh -c 'docker run --cpus abc nginx'",
        "bash -ec 'cd /tmp && docker run --cpus abc nginx'",
        'watch -n 5 "docker run --cpus abc nginx"',
        "flock /tmp/l -c 'docker run --cpus abc nginx'",
        "flock -w 3 /tmp/l --command 'true && docker run --cpus abc nginx'",
    ],
)
def test_a_command_given_as_one_string_is_checked_inside_it(line: str) -> None:
    found = check_command(line)
    assert [(d.code, d.column) for d in found] == [("KX201", line.index("abc") + 1)]


@pytest.mark.parametrize(
    "line",
    [
        "xargs docker run",  # the input supplies IMAGE
        "xargs -I{} docker run --name {} nginx",
        "ls | xargs -n1 docker run --rm",
        "env -S 'docker run --cpus abc' nginx",  # a string kx does not split
        'watch "docker run --cpus $CPUS nginx"',
        "bash deploy.sh docker run --cpus abc",  # a script file: its words are its arguments
        "ls | xargs -I{} sh -c 'docker run --name {} nginx'",
        "ls | xargs -I % bash -c 'docker run --name x-% nginx'",
    ],
)
def test_what_wrappers_leave_unknown_is_no_error(line: str) -> None:
    assert check_command(line) == []
