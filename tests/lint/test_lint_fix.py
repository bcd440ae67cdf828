"""kx lint --fix / --diff / --unsafe-fixes on real files: only the fixed bytes change, and once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

KX = str(Path(sys.executable).with_name("kx"))

SCRIPT = (
    "#!/bin/sh\n"
    "# deploy the web tier   \n"
    "docker run --memroy 1g --restart unles-stopped nginx\n"
    "cat <<EOF\n"
    "docker run --memroy 1g nginx\n"
    "EOF\n"
    'echo "keep   "   \n'
    "kubectl expose deploy web --port=80 --type=Nodeport --selecter app=web\n"
    "docker run nginx -p 80:80\n"
    "kubectl run web --image=nginx --dry-run=true"
)
SAFE = {
    3: "docker run --memory 1g --restart unless-stopped nginx\n",
    8: "kubectl expose deploy web --port=80 --type=NodePort --selector app=web\n",
    10: "kubectl run web --image=nginx --dry-run=client",
}
UNSAFE = {**SAFE, 9: "docker run -p 80:80 nginx\n"}
MARKDOWN = (
    "# Deploy\r\n"
    "\r\n"
    "Run `docker run --memroy 1g nginx` in prose.   \r\n"
    "\r\n"
    "```sh\r\n"
    "docker run --memroy 1g nginx\r\n"
    "kubectl expose deploy web --port=80 --type=Nodeport\r\n"
    "```\r\n"
    "\r\n"
    "Text after.\r\n"
)
MARKDOWN_FIXED = {
    6: "docker run --memory 1g nginx\r\n",
    7: "kubectl expose deploy web --port=80 --type=NodePort\r\n",
}
WORKFLOW = (
    "name: ci\n"
    "on: push\n"
    "jobs:\n"
    "  deploy:\n"
    "    runs-on: ubuntu-latest\n"
    "    steps:\n"
    "      - run: docker run --memroy 1g nginx\n"
    "      - run: |\n"
    "          echo start   \n"
    "          docker run -d --restart unles-stopped \\\n"
    "            nginx -p 80:80\n"
    "      - run: >\n"
    "          docker run --memroy 1g\n"
    "          nginx\n"
    '      - run: "docker run --restart=\\"unles-stopped\\" nginx"\n'
)
WORKFLOW_FIXED = {
    7: "      - run: docker run --memory 1g nginx\n",
    10: "          docker run -d --restart unless-stopped \\\n",
    13: "          docker run --memory 1g\n",
}


def kx(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([KX, "lint", "--isolated", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin, check=False, timeout=120, env=env)  # fmt: skip


def expected(original: str, changes: dict[int, str]) -> bytes:
    lines = original.encode().splitlines(keepends=True)
    return b"".join(changes[n].encode() if n in changes else line for n, line in enumerate(lines, 1))


def diagnostics(cwd: Path, *paths: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(kx(cwd, "--format", "json", *paths).stdout)["diagnostics"]
    return found


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "deploy.sh").write_bytes(SCRIPT.encode())
    (tmp_path / "deploy.sh").chmod(0o750)
    (tmp_path / "README.md").write_bytes(MARKDOWN.encode())
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_bytes(WORKFLOW.encode())
    return tmp_path


FILES = ("deploy.sh", "README.md", ".github/workflows/ci.yml")


def snapshot(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in FILES}


def test_json_has_a_fix_for_every_fixable_error(tree: Path) -> None:
    found = diagnostics(tree, *FILES)
    fixes = {(Path(str(d["path"])).name, d["line"], d["code"]): d["fix"] for d in found}
    assert fixes[("deploy.sh", 3, "KX101")]["edits"][0]["content"] == "--memory"
    assert fixes[("deploy.sh", 3, "KX204")]["applicability"] == "safe"
    assert fixes[("deploy.sh", 9, "KX108")]["applicability"] == "unsafe"
    edit = fixes[("README.md", 7, "KX204")]["edits"][0]
    assert (edit["line"], edit["column"], edit["end_column"]) == (7, 44, 52)
    # an escaped quote inside a YAML double-quoted scalar: the bytes are not the shell's, no fix
    assert fixes[("ci.yml", 15, "KX204")] is None
    escaped = (".github/workflows/ci.yml", 15)
    fixable = [d for d in found if d["suggestion"] and (d["path"], d["line"]) != escaped]
    assert fixable and all(d["fix"] for d in fixable)
    for d in found:
        for edit in (d["fix"] or {}).get("edits", []):
            with open(tree / str(d["path"]), encoding="utf-8", newline="") as handle:
                text = handle.read()
            lines = text.splitlines(keepends=True)
            offset = sum(len(line) for line in lines[: edit["line"] - 1]) + edit["column"] - 1
            assert offset == edit["start"]


def test_diff_prints_a_diff_and_changes_nothing(tree: Path) -> None:
    before = snapshot(tree)
    done = kx(tree, "--diff", *FILES)
    assert done.returncode == 1, done.stderr
    assert "-docker run --memroy 1g --restart unles-stopped nginx\n" in done.stdout
    assert "+docker run --memory 1g --restart unless-stopped nginx\n" in done.stdout
    assert "+++ b/README.md" in done.stdout and "docker run -p 80:80 nginx" not in done.stdout
    assert "\\ No newline at end of file" in done.stdout
    assert snapshot(tree) == before
    assert "would fix" in done.stderr


def test_fix_rewrites_exactly_the_expected_lines_once(tree: Path) -> None:
    done = kx(tree, "--fix", *FILES)
    assert "fixed" in done.stderr
    assert (tree / "deploy.sh").read_bytes() == expected(SCRIPT, SAFE)
    assert (tree / "README.md").read_bytes() == expected(MARKDOWN, MARKDOWN_FIXED)
    assert (tree / ".github/workflows/ci.yml").read_bytes() == expected(WORKFLOW, WORKFLOW_FIXED)
    assert (tree / "deploy.sh").stat().st_mode & 0o777 == 0o750
    assert not list(tree.rglob("*.kx"))  # no temporary file left
    fixed = snapshot(tree)
    again = kx(tree, "--fix", *FILES)
    assert snapshot(tree) == fixed and "fixed 0 problems" in again.stderr
    assert kx(tree, "--diff", *FILES).returncode == 0
    left = sorted((d["path"], d["line"], d["code"]) for d in diagnostics(tree, *FILES))
    assert left == [(".github/workflows/ci.yml", 11, "KX108"), (".github/workflows/ci.yml", 15, "KX204"),
                    ("deploy.sh", 9, "KX108")]  # fmt: skip


def test_unsafe_fixes_move_the_flag_before_the_image(tree: Path) -> None:
    done = kx(tree, "--fix", "--unsafe-fixes", "deploy.sh", ".github/workflows/ci.yml")
    assert done.returncode == 1, done.stderr  # the escaped-quote line is left as it was
    assert (tree / "deploy.sh").read_bytes() == expected(SCRIPT, UNSAFE)
    workflow = (tree / ".github/workflows/ci.yml").read_text()
    assert "docker run -d --restart unless-stopped \\\n            -p 80:80 nginx\n" in workflow
    assert [d["code"] for d in diagnostics(tree, "deploy.sh")] == []
    left = [(d["line"], d["code"]) for d in diagnostics(tree, ".github/workflows/ci.yml")]
    assert left == [(15, "KX204")]


def test_unsafe_fixes_alone_is_a_usage_error(tree: Path) -> None:
    done = kx(tree, "--unsafe-fixes", "deploy.sh")
    assert done.returncode == 2 and "--unsafe-fixes needs --fix or --diff" in done.stderr


def test_fix_on_stdin_prints_the_fixed_text(tree: Path) -> None:
    done = kx(tree, "--fix", "-", stdin=SCRIPT)
    assert done.stdout.encode() == expected(SCRIPT, SAFE)


def test_sarif_carries_the_fixes(tree: Path) -> None:
    log = json.loads(kx(tree, "--format", "sarif", "deploy.sh").stdout)
    results = log["runs"][0]["results"]
    moved = next(r for r in results if r["ruleId"] == "KX108")
    (fix,) = moved["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "deploy.sh"
    assert fix["properties"]["applicability"] == "unsafe"
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 9, "startColumn": 12, "endLine": 9, "endColumn": 12},
         "insertedContent": {"text": "-p 80:80 "}},
        {"deletedRegion": {"startLine": 9, "startColumn": 17, "endLine": 9, "endColumn": 26},
         "insertedContent": {"text": ""}},
    ]  # fmt: skip
    for result in results:
        for fix in result.get("fixes", []):
            assert set(fix) <= {"description", "artifactChanges", "properties"}
            for change in fix["artifactChanges"]:
                assert change["replacements"] and set(change) == {"artifactLocation", "replacements"}


def test_a_long_script_has_its_fixes_too(tmp_path: Path) -> None:
    """A script long enough to be shared between two processes is read by one when fixes are wanted."""
    body = "kubectl run web --image=nginx --port=80\n" * 2000 + "docker run --memroy 1g nginx\n"
    (tmp_path / "long.sh").write_text(body)
    (found,) = diagnostics(tmp_path, "long.sh")
    assert found["fix"]["edits"][0]["content"] == "--memory" and found["line"] == 2001


def test_the_summary_counts_problems_not_errors(tmp_path: Path) -> None:
    """A fixed warning is no error: ``fixed 1 problem``, as ``--diff`` says ``would fix 1 problem``."""
    (tmp_path / "run.sh").write_text("docker run nginx -p 80:80\n")
    diff = kx(tmp_path, "--diff", "--unsafe-fixes", "run.sh")
    assert "kx lint: would fix 1 problem in 1 of 1 files\n" in diff.stderr, diff.stderr
    done = kx(tmp_path, "--fix", "--unsafe-fixes", "run.sh")
    assert (tmp_path / "run.sh").read_text() == "docker run -p 80:80 nginx\n"
    assert "kx lint: fixed 1 problem; remaining: 0 errors, 0 warnings, 0 infos in 1 file\n" in done.stderr
