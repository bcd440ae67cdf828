"""Certain fixes: what is offered, how safe it is, where it is refused, and the real clients' verdict."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.oracle import clients

from kx.core.codes import CODES
from kx.core.diagnostics import SAFE, UNSAFE, Edit, Fix
from kx.engine.fix import applicability, apply_fixes
from kx.engine.lint_fix import fix_command
from kx.engine.pipeline import check_command

KX = str(Path(sys.executable).with_name("kx"))
RULES = Path(__file__).parents[2] / "docs" / "rules.md"


def fixes(text: str) -> list[tuple[str, str, tuple[tuple[int, int, str], ...]]]:
    return [(d.code, d.fix.applicability, tuple(e[:3] for e in d.fix.edits))
            for d in check_command(text, fixes=True) if d.fix is not None]  # fmt: skip


def test_a_respelling_is_safe_and_placed_on_the_misspelled_text() -> None:
    text = "kubectl expose deploy web --port=80 --type=Nodeport --selecter app=web"
    assert fixes(text) == [
        ("KX204", SAFE, ((43, 51, "NodePort"),)),
        ("KX101", SAFE, ((52, 62, "--selector"),)),
    ]


def test_a_quoted_value_keeps_its_quotes() -> None:
    fixed = fix_command('docker run --restart="unles-stopped" nginx')[0]
    assert fixed == 'docker run --restart="unless-stopped" nginx'


def test_a_value_fix_replaces_the_value_not_its_flag() -> None:
    fixed, count, _left = fix_command("kubectl run web --image=nginx --override-type=strategc --overrides={}")
    assert (fixed, count) == ("kubectl run web --image=nginx --override-type=strategic --overrides={}", 1)


@pytest.mark.parametrize(
    ("code", "before", "after", "rejected", "want"),
    [
        ("KX204", "unles-stopped", "unless-stopped", True, SAFE),
        ("KX202", "Nodeport", "NodePort", True, SAFE),
        ("KX204", "1m", "6m", True, UNSAFE),  # one edit, and another limit
        ("KX204", "/data:ro", "/data:/data:ro", True, UNSAFE),
        ("KX502", "true", "client", False, SAFE),
        ("KX302", "exose", "expose", False, UNSAFE),
        ("KX211", "prdo", "prod", True, UNSAFE),
        ("KX110", "-stdin", "--stdin", False, UNSAFE),
    ],
)
def test_applicability(code: str, before: str, after: str, rejected: bool, want: str) -> None:
    assert applicability(code, before, after, rejected) == want


def test_kx108_moves_the_flag_and_its_value_unsafely() -> None:
    assert fixes("docker run nginx -p 80:80") == [("KX108", UNSAFE, ((11, 11, "-p 80:80 "), (16, 25, "")))]
    fixed, count, left = fix_command("docker run nginx -p 80:80 -e A=1 --rm", unsafe=True)
    assert (fixed, count, left) == ("docker run -p 80:80 -e A=1 --rm nginx", 3, [])
    assert fix_command("docker run nginx -p 80:80")[0] == "docker run nginx -p 80:80"  # safe only


def test_no_fix_where_the_text_does_not_map_byte_for_byte() -> None:
    assert fixes("docker run --mem\\\nroy 1g nginx") == []  # a word continued with backslash-newline
    assert fixes("docker run nginx \\\n  -p 80:80") == []  # the cut would join two lines


def test_a_removed_kubectl_run_flag_becomes_its_overrides_form() -> None:
    fixed, _count, left = fix_command("kubectl run web --image=nginx --serviceaccount=builder", unsafe=True)
    patch = '{"apiVersion":"v1","spec":{"serviceAccountName":"builder"}}'
    assert fixed == f"kubectl run web --image=nginx --overrides='{patch}'"
    assert left == []
    line = "kubectl run web --image=nginx --requests cpu=100m,memory=64Mi"
    fixed, _count, left = fix_command(line, unsafe=True)
    resources = '{"name":"web","resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}'
    patch = '{"apiVersion":"v1","spec":{"containers":[' + resources + "]}}"
    assert fixed == f"kubectl run web --image=nginx --override-type=strategic --overrides='{patch}'"
    assert left == []
    assert fixes("kubectl run web --image=nginx --hostport=8080") == []  # needs the container port: none


def test_fixes_that_clash_are_applied_one_pass_at_a_time() -> None:
    first = Fix(UNSAFE, "a", (Edit(0, 0, "x "), Edit(4, 6, "")))
    second = Fix(UNSAFE, "b", (Edit(0, 0, "y "),))
    third = Fix(SAFE, "c", (Edit(7, 9, "ZZ"),))
    assert apply_fixes("abc de fg", [first, second, third]) == ("x abc  ZZ", 2)  # "b" waits for a second pass


def run_kx(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KX, *args], capture_output=True, text=True, check=False, timeout=60)


def test_check_fix_prints_the_fixed_command_quoted() -> None:
    argv = ["docker", "run", "--memroy", "1g", "nginx", "-e", "A=b c"]
    done = run_kx("check", "--fix", "--unsafe-fixes", "--", *argv)
    assert (done.returncode, done.stdout) == (0, "docker run --memory 1g -e 'A=b c' nginx\n"), done.stderr
    line = "docker run --memroy 1g nginx -p 80:80"
    left = run_kx("check", "--fix", line)
    assert left.stdout == "docker run --memory 1g nginx -p 80:80\n"
    assert left.returncode == 0 and "KX108" in left.stderr and "help: move -p before nginx" in left.stderr
    document = json.loads(run_kx("check", "--fix", "--format", "json", line).stdout)
    assert document["command"] == "docker run --memory 1g nginx -p 80:80"
    assert [d["code"] for d in document["diagnostics"]] == ["KX108"] and document["diagnostics"][0]["fix"]


def test_every_rule_says_which_fix_it_has() -> None:
    sections = re.split(r"^## ", RULES.read_text(), flags=re.M)[1:]
    fix_lines = {section.split()[0]: re.search(r"^\*\*Fix:\*\* (\S+)", section, re.M) for section in sections}
    assert set(fix_lines) == set(CODES)
    assert all(fix_lines.values())
    for code in ("KX101", "KX205", "KX502"):
        assert fix_lines[code].group(1).startswith("safe")  # type: ignore[union-attr]
    for code in ("KX106", "KX108", "KX211", "KX302"):
        assert fix_lines[code].group(1).startswith("unsafe")  # type: ignore[union-attr]


ORACLE_LINES = [
    "docker run --memroy 64m --restart unles-stopped nginx:1.25",
    "docker run --cap-add=NET_ADMN --pull=allways nginx -p 8080:80 -e MODE=prod",
    "docker run --rm alpine:3 --name job echo hi",
    "kubectl expose deployment web --port=80 --type=Nodeport --protocol=tcp",
    "kubectl run web --image=nginx --restart Nevr --image-pull-policy=always",
    "kubectl run web --image=nginx --serviceaccount=builder --dry-run=true",
    "kubectl run web --image=nginx --limits=cpu=200m,memory=128Mi",
]


@pytest.mark.parametrize("line", ORACLE_LINES)
def test_the_real_client_accepts_the_fixed_line(line: str) -> None:
    tool = line.split()[0]
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    fixed, count, left = fix_command(line, unsafe=True)
    assert count >= 1 and not [d for d in left if d.is_error], (fixed, left)
    judge = clients.docker_verdict if tool == "docker" else clients.kubectl_verdict
    after = judge(shlex.split(fixed))
    assert after.valid, (fixed, after.message)


def test_a_bare_dry_run_is_fixed_to_its_explicit_form() -> None:
    from kx.engine.lint_fix import fix_command

    fixed, count, left = fix_command("kubectl run web --image=nginx --dry-run -o yaml")
    assert (fixed, count, left) == ("kubectl run web --image=nginx --dry-run=client -o yaml", 1, [])


def test_a_type_in_type_slash_name_is_fixed_without_its_name() -> None:
    from kx.engine.lint_fix import fix_command
    from kx.engine.pipeline import check_command

    (found,) = check_command("kubectl expose Deploy/web --port=80")
    assert (found.code, found.column, found.end_column) == ("KX206", 16, 22)  # 'Deploy', not '/web'
    fixed = fix_command("kubectl expose Deploy/web --port=80")
    assert fixed[:2] == ("kubectl expose deploy/web --port=80", 1)


def test_a_file_missing_here_does_not_withhold_a_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kx.engine.lint_fix import fix_command

    monkeypatch.chdir(tmp_path)  # no .env here: the fixed command gets KX209, which says nothing of the fix
    fixed, count, left = fix_command("docker run --env_file .env nginx")
    assert (fixed, count, [d.code for d in left]) == ("docker run --env-file .env nginx", 1, ["KX209"])


def test_several_candidates_are_no_certain_fix() -> None:
    from kx.engine.lint_fix import fix_command

    fixed, count, left = fix_command("docker run --cpu 2 nginx")
    assert (fixed, count) == ("docker run --cpu 2 nginx", 0)
    assert "did you mean --cpus or --cpu-count" in left[0].message
