"""Fuzzing the whole CLI: random argv and random interactive answers never end in a traceback or a hang.

Every run must exit 0, 1 or 2 (130 only when interrupted), print no Python traceback, and explain
an exit 2 on one stderr line (``kx: error: ...``). Most runs are in-process (``main()`` under
typer's ``CliRunner`` isolation, stdin fed, no TTY); a few go through the installed ``kx``.
``kx exec`` replaces the process when the command is clean, so it runs only as a subprocess, with
a PATH on which it finds nothing to run.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kx.catalog.loader import load_specs

from .fuzz_support import COMMANDS, KX, KX_WORDS, assert_contract, run_in_process, sandbox, tame

# KX_FUZZ_EXAMPLES / KX_FUZZ_PROCESSES / KX_FUZZ_RANDOM=1: a longer, unseeded hunt, by hand.
FUZZ = settings(
    max_examples=int(os.environ.get("KX_FUZZ_EXAMPLES", "150")), deadline=None, database=None,
    derandomize=not os.environ.get("KX_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)  # fmt: skip
# Words no one would type, and a few that stress the parsers (quotes, unicode, NUL-free controls).
ODD_WORDS = st.one_of(
    st.sampled_from(["", " ", "'", '"', "\\", "$(", "`", "=", "-", "--=", "-=", "\t", "\n", "é", "☃",
                     "--\u00e9", "-\U0001f600", "x" * 5000, "9" * 400, "--" + "a" * 300, "$HOME",
                     "a=b", "--no-", "--format=", "-j=", "-jx", "--jobs=99999999999999999999"]),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12),
)  # fmt: skip
WORD = st.one_of(st.sampled_from(KX_WORDS), ODD_WORDS)
# Answers: Enter (the default) most often, so sessions get deep; flag names lead into the search.
ANSWER = st.sampled_from(["1", "4", "99", "0", "y", "n", "yes", "port", "image", "env", "labels",
                          "type", "restart", "dry-run", "output", "publish", "volume", "mount",
                          "overrides", "--port", "nginx", "80", "8080:80", "a=b", "web", "json", "{",
                          "client", "'", "a 'b", "-", "--", "zz"])  # fmt: skip
LINES = st.lists(st.one_of(st.just(""), st.just(""), ANSWER,
                           ODD_WORDS.filter(lambda s: "\n" not in s and "\r" not in s)), max_size=40)
BUILDERS = (("expose", "--interactive"), ("run", "--interactive"), ("docker-run", "--kx-interactive"),
            ("build", "kubectl", "run", "--interactive"), ("build", "docker", "run", "--kx-interactive"),
            ("expose", "deployment", "web", "--interactive"), ("run", "web", "--interactive"))  # fmt: skip


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with sandbox(tmp_path_factory.mktemp("fuzz")) as path:
        yield path


def _in_process_argv(command: tuple[str, ...], words: list[str]) -> list[str]:
    # `--exec` asks before it runs the built command, and an answer may say yes: never in-process.
    return [*command, *(tame(w) for w in words if "exec" not in w)]


@FUZZ
@given(command=st.sampled_from(COMMANDS), words=st.lists(WORD, max_size=8), stdin=st.text(max_size=40))
def test_random_argv_in_process(work: Path, command: tuple[str, ...], words: list[str], stdin: str) -> None:
    argv = _in_process_argv(command, words)
    assert_contract(argv, *run_in_process(argv, stdin))


@FUZZ
@given(builder=st.sampled_from(BUILDERS), words=st.lists(WORD, max_size=3), answers=LINES,
       enters=st.sampled_from([0, 30]))  # fmt: skip
def test_random_answers_to_the_builders(
    work: Path, builder: tuple[str, ...], words: list[str], answers: list[str], enters: int
) -> None:
    argv = _in_process_argv(builder, words)
    # Answers, then (half the time) Enter, or a name where one is required, until the session ends.
    stdin = "".join(answer + "\n" for answer in answers) + "\n\nnginx\n" * enters
    assert_contract(argv, *run_in_process(argv, stdin))


# Flag values: a plausible value with one character swapped or inserted (a digit of another script,
# a run of 5,000 digits, a separator), for every flag of every spec, checked and built.
PLAUSIBLE = ["1.2.3.4", "::1", "80", "8080:80/tcp", "1g", "512m", "1.5", "10s", "1h30m", "a=b",
             '{"spec":{"terminationGracePeriodSeconds":30}}', "nginx:1.27", "/data:/data:ro",
             "on-failure:3", "nofile=1024:2048", "0-3", "1000:1000", "type=bind,src=/a,dst=/b",
             "Always", "true", "30", "-1", "0x10", "1e3", "app=web,tier=db", "TCP", "client"]  # fmt: skip
SWAPS = ["²", "٣", "①", "\uff15", "é", " ", "=", ":", ",", "-", ".", "9" * 5000, "/", "'", "{", "e", "+",
         "\t"]  # fmt: skip


def _mutate(value: str, at: int, char: str, replace: bool) -> str:
    at %= len(value) + 1
    return value[:at] + char + value[at + replace :]


MUTATED = st.builds(_mutate, st.sampled_from(PLAUSIBLE), st.integers(0, 40), st.sampled_from(SWAPS),
                    st.booleans())  # fmt: skip
VALUE = st.one_of(st.sampled_from(PLAUSIBLE), MUTATED)
SPEC_FLAGS = [(spec.tool, spec.path, flag.name) for spec in load_specs().commands() for flag in spec.flags
              if flag.name != "help"]  # fmt: skip
HEADS = {("docker", ("run",)): (["check", "--", "docker", "run"], ["nginx"]),
         ("kubectl", ("run",)): (["run", "web", "--image=nginx"], ["--format", "yaml"]),
         ("kubectl", ("expose",)): (["expose", "deployment", "web", "--port=80"], ["--format", "yaml"])}


@settings(FUZZ, max_examples=max(1, FUZZ.max_examples // 4))  # two runs each, one building YAML
@given(flag=st.sampled_from(SPEC_FLAGS), values=st.lists(VALUE, min_size=1, max_size=2), twice=st.booleans())
def test_random_flag_values(work: Path, flag: tuple[str, tuple[str, ...], str], values: list[str],
                            twice: bool) -> None:  # fmt: skip
    tool, path, name = flag
    head, tail = HEADS.get((tool, path), (["check", "--", tool, *path], []))
    words = [f"--{name}={value}" for value in values]
    for argv in ([*head, *words, *tail], ["check", "--", tool, *path, *words, "x"]):
        assert_contract(argv, *run_in_process(argv))


SUBPROCESS = settings(FUZZ, max_examples=int(os.environ.get("KX_FUZZ_PROCESSES", "12")))


@SUBPROCESS
@given(command=st.sampled_from([*COMMANDS, ("exec",)]), words=st.lists(WORD, max_size=6),
       answers=LINES)  # fmt: skip
def test_random_argv_of_the_installed_kx(
    work: Path, command: tuple[str, ...], words: list[str], answers: list[str]
) -> None:
    argv = [*command, *(tame(w) for w in words)]
    empty = work / "empty-path"
    empty.mkdir(exist_ok=True)
    # Nothing to exec on this PATH: a clean `kx exec` or a confirmed `--exec` ends in 127.
    env = {**os.environ, "PATH": str(empty)}
    stdin = "".join(answer + "\n" for answer in answers)
    done = subprocess.run([str(KX), *argv], input=stdin, capture_output=True, text=True, env=env,
                          timeout=60, check=False)  # fmt: skip
    runs_something = argv[:1] == ["exec"] or any("exec" in w for w in argv)
    codes = (0, 1, 2, 127) if runs_something else (0, 1, 2)
    assert_contract(argv, done.returncode, done.stdout, done.stderr, codes)
