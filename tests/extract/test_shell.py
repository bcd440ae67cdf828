import random

import pytest

from kx.extract import shell
from kx.extract.shell import extract_script
from kx.extract.treesitter import parse


def found(text: str) -> list[list[str]]:
    return [[w.value for w in words] for words in extract_script(text).invocations]


def test_commands_wherever_bash_runs_them() -> None:
    text = (
        "set -e\n"
        "docker run -d nginx && kubectl expose deploy web --port 80\n"
        "if true; then\n  sudo -E docker run --rm alpine\nfi\n"
        "for i in 1 2; do env A=1 time kubectl run p$i --image=x; done\n"
        "f() { exec docker run fn; }\n"
        "( nohup kubectl run sub --image=y )\n"
        "id=$(docker run -d \\\n   --name x nginx)\n"
        "case $m in a) timeout 5 docker run case;; esac\n"
    )
    assert found(text) == [
        ["docker", "run", "-d", "nginx"],
        ["kubectl", "expose", "deploy", "web", "--port", "80"],
        ["docker", "run", "--rm", "alpine"],
        ["kubectl", "run", "p$i", "--image=x"],
        ["docker", "run", "fn"],
        ["kubectl", "run", "sub", "--image=y"],
        ["docker", "run", "-d", "--name", "x", "nginx"],
        ["docker", "run", "case"],
    ]


def test_not_commands() -> None:
    text = (
        "# docker run --comment\n"
        "echo 'docker run --quoted' \"kubectl run --dq\"\n"
        "apt-get install -y docker kubectl\n"
        "cat <<EOF\ndocker run --heredoc\nEOF\n"
        "docker-compose up; which docker\n"
    )
    assert found(text) == []


def test_positions_map_back_exactly() -> None:
    text = "# é comment ü\nécho x; sudo docker run --bad ü\n"
    (words,) = extract_script(text).invocations
    flag = words[2]
    assert text[flag.start : flag.end] == "--bad"
    assert (words[0].start, words[0].end) == (text.index("docker"), text.index("docker") + 6)


def test_dynamic_parts_are_marked() -> None:
    (words,) = extract_script('docker run --name "$NAME" -e X=$(cat f) "$@" ${IMG}\n').invocations
    assert [(w.value, w.dynamic) for w in words[2:]] == [
        ("--name", False),
        ("$NAME", True),
        ("-e", False),
        ("X=$(cat f)", True),
        ("$@", True),
        ("${IMG}", True),
    ]


def test_variables_and_aliases_naming_the_tool() -> None:
    text = (
        "k=kubectl\nalias kp='kubectl -n prod'\nDOCKER=${DOCKER:-docker}\nKC=$(command -v kubectl)\n"
        '$k expose deploy a --port=1\nkp run x --image=y\n"$DOCKER" run --rm z\n${KC} run q --image=i\n'
    )
    assert found(text) == [
        ["kubectl", "expose", "deploy", "a", "--port=1"],
        ["kubectl", "-n", "prod", "run", "x", "--image=y"],
        ["docker", "run", "--rm", "z"],
        ["kubectl", "run", "q", "--image=i"],
    ]
    expose = extract_script(text).invocations[0]
    assert text[expose[0].start : expose[0].end] == "$k"


def test_issue_347_reproduction_really_misparses_upstream() -> None:
    # Keep this: if tree-sitter-bash is fixed upstream the guard stays, but we want to know.
    tree, _ = parse("a | grep x | head -30\necho B && cd s\n")
    sexp = str(tree.root_node)
    assert sexp.count("(command ") in (4, 5)


def test_issue_347_commands_are_not_lost() -> None:
    text = "ps aux | grep x | head -30\nkubectl expose deploy x --portt 80 && cd s\n"
    result = extract_script(text)
    assert found(text) == [["kubectl", "expose", "deploy", "x", "--portt", "80"]]
    assert result.census == 1


def test_issue_347_does_not_glue_the_next_line_on() -> None:
    text = "a | grep x | kubectl expose deploy x --port 80\necho B && cd s\n"
    assert found(text) == [["kubectl", "expose", "deploy", "x", "--port", "80"]]


def planted_script(lines: int, seed: int) -> tuple[str, set[str]]:
    """A long valid script full of constructs that trip tree-sitter, with planted flags."""
    rng = random.Random(seed)
    out = ["#!/bin/bash", "set -euo pipefail", "k=kubectl"]
    planted: set[str] = set()
    blocks = [
        "ps aux | grep x | head -30",
        "cat <<'EOF' 2>&1 | tail -5\nhello $(docker run nope)\nEOF",
        "cat <<EOF; echo done\nbody\nEOF",
        'if [ -n "${X:-}" ]; then\n  echo "$X" | tr a b | wc -l\nfi',
        'for f in a b; do echo "$f"; done',
        "echo 'docker run --not-a-command'",
    ]
    while len(out) < lines:
        out.extend(rng.choice(blocks).split("\n"))
        n = len(planted)
        flag = f"--planted-{n}"
        planted.add(flag)
        form = rng.randrange(5)
        if form == 0:
            out.append(f"docker run {flag} -d nginx:{n} && echo ok")
        elif form == 1:
            out.append(f"$k expose deploy d{n} --port=80 {flag}")
        elif form == 2:
            out.append(f"sudo docker run --rm \\\n  {flag} \\\n  alpine true")
        elif form == 3:
            out.append(f"  kubectl run p{n} --image=busybox {flag} || true")
        else:
            out.append(f'id=$(docker run -d {flag} "$IMAGE")')
    return "\n".join(out) + "\n", planted


@pytest.mark.parametrize("seed", [1, 2])
def test_long_generated_script_every_planted_mistake_found(seed: int) -> None:
    text, planted = planted_script(20_000, seed)
    result = extract_script(text)
    seen = {w.value for words in result.invocations for w in words if w.value.startswith("--planted-")}
    assert seen == planted
    assert result.census == len(result.invocations) - result.tree_only
    assert not any("--not-a-command" in w.value for ws in result.invocations for w in ws)


def censused_script(lines: int) -> str:
    """A long script whose every docker/kubectl mention is a command, with pipelines that trip tree-sitter."""
    blocks = [
        "docker run -d --name web{n} -p 80:80 nginx:1.{n}",
        "ps aux | grep x | head -30",
        "kubectl expose deployment app{n} --port=80 --type=NodePort",
        'if [ -n "${{X:-}}" ]; then\n  kubectl run p{n} --image=busybox\nfi',
        "cat <<EOF > conf{n}.txt\nhello {n}\nEOF",
    ]
    out = ["#!/bin/bash"]
    while len(out) < lines:
        out.extend(blocks[len(out) % len(blocks)].format(n=len(out)).split("\n"))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    "bad", ["", "for x in 1 2; do echo; fi", "if then fi", 'echo "open', "esac", "a | b |", "echo docker run"]
)
def test_asking_the_shell_first_finds_what_parsing_every_piece_finds(
    bad: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = censused_script(3_000).split("\n")
    lines.insert(len(lines) * 2 // 3, bad)
    text = "\n".join(lines)
    assert len(text) >= shell.SHELL_FIRST_CHARS
    lazy = extract_script(text)
    assert lazy.unparsed  # the shell was asked first
    monkeypatch.setattr(shell, "SHELL_FIRST_CHARS", len(text) + 1)
    eager = extract_script(text)
    assert not eager.unparsed
    assert lazy.problems == eager.problems
    assert [[(w.value, w.start) for w in words] for words in lazy.invocations] == [
        [(w.value, w.start) for w in words] for words in eager.invocations
    ]
