"""Every corpus ``docker run`` line the real client sent a create request for previews as that request."""

from __future__ import annotations

import shlex
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.builder.docker_oracle import DockerOracle, docker_oracle, normalized, preview
from tests.corpus.harness import load_jsonl

from kx.engine.pipeline import check_argv


def corpus_lines() -> list[str]:
    """The words after ``docker run`` of each corpus line the client accepted, each once."""
    lines: dict[str, None] = {}
    for row in load_jsonl("commands.jsonl"):
        if row.get("tool") != "docker" or row.get("client_verdict") != "valid":
            continue
        try:
            words = shlex.split(row["concrete"])
        except ValueError:
            continue
        for head in (["docker", "run"], ["docker", "container", "run"]):
            if words[: len(head)] == head:
                lines[shlex.join(words[len(head) :])] = None
    return list(lines)


LINES = corpus_lines()


@pytest.fixture(scope="module")
def oracle() -> Iterator[DockerOracle]:
    if shutil.which("docker") is None:
        pytest.skip("docker not installed")
    path = Path(tempfile.mkdtemp(prefix="kx-docker-corpus-"))
    (path / "home").mkdir()
    with docker_oracle(str(path / "home"), str(path)) as running:
        yield running
    shutil.rmtree(path, ignore_errors=True)


def test_the_corpus_has_docker_run_lines() -> None:
    assert len(LINES) >= 100


def test_every_corpus_line_previews_as_docker_sends_it(oracle: DockerOracle) -> None:
    with ThreadPoolExecutor(4) as pool:
        sent = list(pool.map(oracle.request, [shlex.split(line) for line in LINES]))
    compared = differ = 0
    wrong = []
    for line, (request, _) in zip(LINES, sent, strict=True):
        if request is None:
            continue  # the client refused it here (a file it names is missing, ...)
        _, diagnostics = check_argv(["docker", "run", *shlex.split(line)])
        if any(d.is_error for d in diagnostics):
            continue  # kx refuses it (a problem of the daemon's): no preview to compare
        compared += 1
        if normalized(preview(line, oracle)) != normalized(request):
            differ += 1
            wrong.append(line)
    assert compared >= 100
    assert wrong == [], f"{differ} of {compared} corpus lines differ"
