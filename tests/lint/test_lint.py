import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kx.engine.lint import LintOptions, run

ROOT = Path(__file__).resolve().parents[2]


def lint(*paths: Path | str, **options: object) -> list[tuple[str, int, int, str]]:
    result = run(LintOptions(paths=tuple(str(p) for p in paths), isolated=True, **options))  # type: ignore[arg-type]
    return [(Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


SCRIPT = """#!/bin/bash
set -e
ps aux | grep web | head -3
kubectl expose deployment web --port=80 --selecter=app=web && echo ok
docker run -d --restart=allways nginx
"""


def test_script_positions(tmp_path: Path) -> None:
    write(tmp_path / "deploy.sh", SCRIPT)
    assert lint(tmp_path / "deploy.sh") == [
        ("deploy.sh", 4, 41, "KX101"),
        ("deploy.sh", 5, 25, "KX204"),
    ]


def test_suppression_comments(tmp_path: Path) -> None:
    text = (
        "# kx: disable-next-line=KX101\n"
        "kubectl run a --image=x --bogus\n"
        "kubectl run b --image=x --bogus  # kx: disable=KX1\n"
        "kubectl run c --image=x --bogus  # kx: disable=KX999\n"
    )
    write(tmp_path / "s.sh", text)
    assert lint(tmp_path / "s.sh") == [("s.sh", 4, 25, "KX101"), ("s.sh", 4, 48, "KX701")]
    write(tmp_path / "f.sh", "# kx: disable-file=KX101\nkubectl run a --image=x --bogus\n")
    assert lint(tmp_path / "f.sh") == []
    md = "<!-- kx: disable-next-line=KX101 -->\n```bash\nkubectl run a --image=x --bogus\n```\n"
    write(tmp_path / "r.md", md)
    assert lint(tmp_path / "r.md") == []


def test_select_ignore_and_severity(tmp_path: Path) -> None:
    write(tmp_path / "deploy.sh", SCRIPT)
    assert [d[3] for d in lint(tmp_path, select=("KX2",))] == ["KX204"]
    assert [d[3] for d in lint(tmp_path, ignore=("KX101",))] == ["KX204"]
    write(tmp_path / "info.sh", "kubectl get pods\n")
    assert lint(tmp_path / "info.sh", severity="warning") == []
    assert [d[3] for d in lint(tmp_path / "info.sh", severity="info")] == ["KX303"]


def test_config_severity_and_exclude(tmp_path: Path) -> None:
    write(tmp_path / "deploy.sh", SCRIPT)
    write(tmp_path / "vendor" / "x.sh", "docker run --nope x\n")
    write(tmp_path / ".kx.toml", 'exclude = ["vendor"]\nseverity = { KX204 = "off", KX101 = "warning" }\n')
    result = run(LintOptions(paths=(str(tmp_path),), cwd=str(tmp_path)))
    assert [(d.code, d.severity) for d in result.diagnostics] == [("KX101", "warning")]
    assert result.exit_code == 0


def test_directory_walk_honours_gitignore(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "build/\n")
    write(tmp_path / "build" / "gen.sh", "docker run --ignored x\n")
    write(tmp_path / "docs" / "README.md", "```sh\ndocker run --doc x\n```\n")
    write(tmp_path / "notes.yaml", "run: docker run --not-ci x\n")
    write(tmp_path / "bin.sh", b"docker run --bin\0x\n")
    found = lint(tmp_path)
    assert found == [("README.md", 2, 12, "KX101")]


def test_bad_input_is_reported_and_the_rest_still_linted(tmp_path: Path) -> None:
    write(tmp_path / "a_utf8.sh", b"echo \xff\xfe\ndocker run --bogus x\n")
    write(tmp_path / "b_nul.sh", b"docker run\0 --x\n")
    write(tmp_path / "c_quote.sh", "echo 'open\ndocker run --bogus y\n")
    write(tmp_path / "d_nest.sh", "docker run --bogus z\n" + "$(" * 100_000)
    write(tmp_path / "e_heredoc.sh", "cat <<EOF\ndocker run --in-body\n")
    (tmp_path / "f_broken.sh").symlink_to(tmp_path / "missing")
    paths = (tmp_path, tmp_path / "b_nul.sh", tmp_path / "f_broken.sh", tmp_path / "nope.sh")
    result = run(LintOptions(paths=tuple(map(str, paths)), isolated=True))
    got = [(Path(d.path).name, d.line, d.code) for d in result.diagnostics]
    assert ("a_utf8.sh", 1, "KX702") in got and ("a_utf8.sh", 2, "KX101") in got
    assert ("b_nul.sh", 1, "KX702") in got
    assert [c for n, _, c in got if n == "c_quote.sh"] == ["KX703"]
    assert ("d_nest.sh", 1, "KX101") in got
    assert [c for n, _, c in got if n == "d_nest.sh"].count("KX703") == 1
    assert [c for n, _, c in got if n == "e_heredoc.sh"] == []
    assert result.errors == [
        f"{tmp_path / 'f_broken.sh'}: broken symbolic link",
        f"{tmp_path / 'nope.sh'}: no such file or directory",
    ]
    assert result.exit_code == 2


def test_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.sh", "docker run --bogus " + "a" * 11_000_000 + "\n")
    assert lint(big, max_file_size=1024) == [("big.sh", 1, 1, "KX704")]
    found = lint(big)  # the default limit admits files over 10 MB
    assert [d[3] for d in found] == ["KX101", "KX205"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.sh", "docker run x\n")
    path.chmod(0)
    result = run(LintOptions(paths=(str(path),), isolated=True))
    assert result.errors and "cannot read" in result.errors[0]


def test_many_files_in_parallel_match_serial(tmp_path: Path) -> None:
    for n in range(12):
        write(tmp_path / f"s{n:02}.sh", f"docker run --bogus-{n} x\n" * 3000)
    serial = run(LintOptions(paths=(str(tmp_path),), isolated=True, jobs=1))
    parallel = run(LintOptions(paths=(str(tmp_path),), isolated=True, jobs=2))
    assert serial.diagnostics == parallel.diagnostics
    assert len(serial.diagnostics) == 12 * 3000  # every command at its own line


def test_pre_commit_hook_entry_runs_on_a_sample_repo(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "kx-lint" and hook["language"] == "python"
    write(tmp_path / "deploy.sh", SCRIPT)
    write(tmp_path / "README.md", "```console\n$ docker run -d -p 80:80 nginx\n```\n")
    entry = hook["entry"].split()
    kx = Path(sys.executable).with_name(entry[0])
    done = subprocess.run([str(kx), *entry[1:], "deploy.sh", "README.md"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "deploy.sh:4:41: error: unknown flag --selecter for kubectl expose; did you mean --selector? [KX101]",
        "deploy.sh:5:25: error: unknown restart policy 'allways' "
        "(use no, always, on-failure[:N] or unless-stopped) (did you mean always?) [KX204]",
    ]
    assert done.stderr == ""


# Modeled on jenkinsci/docker tests/plugins-cli.bats:18-45 and tests/functions.bats:15.
BATS = """#!/usr/bin/env bats

load test_helpers

@test "[${SUT_DESCRIPTION}] plugins are installed with jenkins-plugin-cli" {
  local custom_sut_image
  run docker run --rm --bogus "${custom_sut_image}" ls --color=never -1 /var/jenkins_home/plugins
  assert_success
  refute_line 'metrics.jpi'
}

@test 'versionLT' {
  run -0 docker run --rm --bogus $SUT_IMAGE bash -c "source /usr/local/bin/jenkins-support"
  run ! docker run --rm "$SUT_IMAGE" true
}
"""


@pytest.mark.parametrize("name", ["plugins-cli.bats", "bats-test"])
def test_bats_files_are_read_as_bats_runs_them(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, BATS)
    assert lint(tmp_path / name) == [(name, 7, 23, "KX101"), (name, 13, 26, "KX101")]
